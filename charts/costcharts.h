#pragma once
// Charts of the cost table (PRODUCT §6): annual cost by category (horizontal bars with £
// labels) and numbers by category over time (a line per category).
#include "domain/costtable.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QVector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace CostCharts {

// One bar per category with placements, largest first, labelled "£11.6m" / "£640k". The
// categories in `hidden` (suppressed in a public version) are not drawn.
QChart *annualByCategory(const CostTable &table, const QString &title, const QSet<QString> &hidden = {});
// Updates the bars of a chart built by annualByCategory in place (a live edit: no flicker, no rebuild).
bool updateAnnualByCategory(QChart *chart, const CostTable &table, const QSet<QString> &hidden = {});
// The categories a public version suppresses in `table`: those of 1-5 placements and, with them,
// the next smallest (Disclosure::protect against the TOTAL).
QSet<QString> suppressedCategories(const CostTable &table);
// A line per category that had placements in the period. In a public version a month's count of
// 1-5 in a category, and the counts hidden with it to protect the month's total
// (Disclosure::protect), are not drawn: the line breaks there.
QChart *numbersOverTime(const QVector<QPair<QDate, QHash<QString, int>>> &series, const QStringList &categoryOrder,
                        const QString &title, bool publicMode = false);
// "£11.6m", "£640k", "£900"
QString shortPounds(double pence);

} // namespace CostCharts
