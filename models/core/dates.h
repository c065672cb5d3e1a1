#pragma once
// Date rules shared by every area: the 903's date formats, the financial year (1 April to
// 31 March, Q1 = April to June) and UK display formats.
#include <QDate>
#include <QString>

namespace Dates {

// Parses "DD/MM/YYYY" (903 files) or ISO "YYYY-MM-DD". Returns an invalid QDate otherwise.
QDate parse(QStringView text);
// ISO text as stored: "2024-03-31"; empty for an invalid date.
QString iso(const QDate &d);
QDate fromIso(const QString &text);
// UK display: "31/03/2024".
QString uk(const QDate &d);

// Financial year that contains d, named by the year it starts in (2023 = April 2023 to March 2024).
int financialYear(const QDate &d);
QDate financialYearStart(int fy);
QDate financialYearEnd(int fy);
// "2023-24"
QString financialYearLabel(int fy);

QDate monthEnd(int year, int month);
QDate quarterEnd(const QDate &d);
// Whole years of age at d for a child born on dob (a birthday on d counts).
int ageAt(const QDate &dob, const QDate &d);

} // namespace Dates
