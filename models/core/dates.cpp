#include "core/dates.h"

namespace Dates {

static int digits(QStringView s, int from, int n, bool *ok)
{
    int v = 0;
    for (int i = from; i < from + n; ++i) {
        const QChar c = s[i];
        if (c < u'0' || c > u'9') {
            *ok = false;
            return 0;
        }
        v = v * 10 + (c.unicode() - u'0');
    }
    return v;
}

QDate parse(QStringView text)
{
    const QStringView s = text.trimmed();
    bool ok = true;
    if (s.size() == 10 && s[2] == u'/' && s[5] == u'/') {
        const int d = digits(s, 0, 2, &ok), m = digits(s, 3, 2, &ok), y = digits(s, 6, 4, &ok);
        return ok ? QDate(y, m, d) : QDate();
    }
    if (s.size() == 10 && s[4] == u'-' && s[7] == u'-') {
        const int y = digits(s, 0, 4, &ok), m = digits(s, 5, 2, &ok), d = digits(s, 8, 2, &ok);
        return ok ? QDate(y, m, d) : QDate();
    }
    return {};
}

QString iso(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QDate fromIso(const QString &text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
}

QString uk(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

int financialYear(const QDate &d)
{
    return d.month() >= 4 ? d.year() : d.year() - 1;
}

QDate financialYearStart(int fy)
{
    return QDate(fy, 4, 1);
}

QDate financialYearEnd(int fy)
{
    return QDate(fy + 1, 3, 31);
}

QString financialYearLabel(int fy)
{
    return QStringLiteral("%1-%2").arg(fy).arg((fy + 1) % 100, 2, 10, QLatin1Char('0'));
}

QDate monthEnd(int year, int month)
{
    const QDate first(year, month, 1);
    return QDate(year, month, first.daysInMonth());
}

QDate quarterEnd(const QDate &d)
{
    const int m = ((d.month() - 1) / 3) * 3 + 3;
    return monthEnd(d.year(), m);
}

int ageAt(const QDate &dob, const QDate &d)
{
    if (!dob.isValid() || !d.isValid())
        return -1;
    int age = d.year() - dob.year();
    if (d.month() < dob.month() || (d.month() == dob.month() && d.day() < dob.day()))
        --age;
    return age;
}

} // namespace Dates
