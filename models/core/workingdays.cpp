#include "core/workingdays.h"

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace WorkingDays {

namespace {

struct Table {
    QVector<QDate> dates;
    std::vector<qint64> weekdayHolidays; // Julian days of the bank holidays that fall Monday-Friday
};

const Table &table()
{
    static const Table t = [] {
        Table t;
        QFile f(QStringLiteral(":/careboard/bank-holidays-england-wales.csv"));
        if (f.open(QIODevice::ReadOnly)) {
            bool header = true;
            while (!f.atEnd()) {
                const QByteArray line = f.readLine().trimmed();
                if (header || line.isEmpty()) {
                    header = false;
                    continue;
                }
                const QDate d = QDate::fromString(QString::fromLatin1(line.left(10)), Qt::ISODate);
                if (d.isValid())
                    t.dates.push_back(d);
            }
        }
        std::sort(t.dates.begin(), t.dates.end());
        t.dates.erase(std::unique(t.dates.begin(), t.dates.end()), t.dates.end());
        for (const QDate &d : t.dates)
            if (d.dayOfWeek() <= 5)
                t.weekdayHolidays.push_back(d.toJulianDay());
        return t;
    }();
    return t;
}

// Working days in [J0, x) where J0 is a Monday far in the past: Julian day 0 was a Monday.
qint64 before(qint64 x)
{
    const qint64 weeks = x / 7, rest = x % 7;
    const qint64 weekdays = weeks * 5 + std::min<qint64>(rest, 5);
    const auto &h = table().weekdayHolidays;
    return weekdays - qint64(std::lower_bound(h.begin(), h.end(), x) - h.begin());
}

} // namespace

qint64 count(qint64 fromJulian, qint64 toJulian)
{
    return before(toJulian) - before(fromJulian);
}

qint64 count(const QDate &from, const QDate &to)
{
    return count(from.toJulianDay(), to.toJulianDay());
}

bool isWorkingDay(const QDate &d)
{
    return count(d, d.addDays(1)) == 1;
}

const QVector<QDate> &bankHolidays()
{
    return table().dates;
}

QDate add(const QDate &from, int n)
{
    QDate d = from;
    while (n > 0) {
        d = d.addDays(1);
        if (isWorkingDay(d))
            --n;
    }
    return d;
}

} // namespace WorkingDays
