#pragma once
// Charts of the cost table (PRODUCT §6): annual cost by category (horizontal bars with £
// labels) and numbers by category over time (a line per category).
#include "domain/costtable.h"

#include <QDate>
#include <QHash>
#include <QVector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace CostCharts {

// One bar per category with placements, largest first, labelled "£11.6m" / "£640k".
QChart *annualByCategory(const CostTable &table, const QString &title);
// Updates the bars of a chart built by annualByCategory in place (a live edit: no flicker, no rebuild).
bool updateAnnualByCategory(QChart *chart, const CostTable &table);
// A line per category that had placements in the period.
QChart *numbersOverTime(const QVector<QPair<QDate, QHash<QString, int>>> &series, const QStringList &categoryOrder,
                        const QString &title);
// "£11.6m", "£640k", "£900"
QString shortPounds(double pence);

} // namespace CostCharts
