#pragma once
// Working days for the CIN census's timeliness measures (PRODUCT §10): Monday to Friday except
// the England and Wales bank holidays shipped in resources/bank-holidays-england-wales.csv.
#include <QDate>
#include <QVector>

namespace WorkingDays {

// Working days in [from, to): `from` counted if it is a working day, `to` not; negative when
// `to` is before `from` (numpy.busday_count semantics, as the DfE's validators use).
qint64 count(const QDate &from, const QDate &to);
// The same on Julian days (the engine's form).
qint64 count(qint64 fromJulian, qint64 toJulian);
bool isWorkingDay(const QDate &d);
// The n-th working day after `from` (`from` itself not counted).
QDate add(const QDate &from, int n);
// The bank holidays in force, ascending (from the shipped table).
const QVector<QDate> &bankHolidays();

} // namespace WorkingDays
