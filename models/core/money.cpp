#include "core/money.h"

#include <QLocale>
#include <cmath>

namespace Money {

static QString groupThousands(qint64 v)
{
    QString digits = QString::number(v);
    for (int i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return digits;
}

QString format(Pence p, bool withPence)
{
    const bool negative = p < 0;
    const qint64 a = negative ? -p : p;
    QString s;
    if (withPence)
        s = groupThousands(a / 100) + QLatin1Char('.') + QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0'));
    else
        s = groupThousands((a + 50) / 100);
    return (negative ? QStringLiteral("−£") : QStringLiteral("£")) + s;
}

QString formatPounds(double pounds, bool withPence)
{
    if (!std::isfinite(pounds))
        return QStringLiteral("–");
    return format(fromPounds(pounds), withPence);
}

bool parse(QStringView text, Pence *out)
{
    QString s = text.trimmed().toString();
    s.remove(QLatin1Char(',')).remove(QChar(u'£'));
    s = s.trimmed();
    if (s.isEmpty())
        return false;
    bool negative = false;
    if (s.startsWith(QLatin1Char('-')) || s.startsWith(QChar(u'−'))) {
        negative = true;
        s = s.mid(1);
    }
    const int dot = s.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? s : s.left(dot);
    QString frac = dot < 0 ? QString() : s.mid(dot + 1);
    if (whole.isEmpty() && frac.isEmpty())
        return false;
    if (frac.size() > 2)
        return false;
    for (QChar c : whole + frac)
        if (!c.isDigit())
            return false;
    while (frac.size() < 2)
        frac += QLatin1Char('0');
    bool ok = true;
    const qint64 pounds = whole.isEmpty() ? 0 : whole.toLongLong(&ok);
    if (!ok)
        return false;
    const qint64 p = pounds * 100 + frac.toInt();
    *out = negative ? -p : p;
    return true;
}

} // namespace Money
