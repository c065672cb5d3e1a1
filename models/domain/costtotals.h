#pragma once
// The month's weekly and annual placement cost (PRODUCT §6, §8 cost_weekly_total /
// cost_annual_total): from the case-level placements open at D when there are any, else from
// the cost table snapshot entered or imported for D's month.
#include "core/money.h"

#include <QDate>
#include <QString>

class Store;

struct CostTotal {
    enum class Source { None, Placements, Snapshot };
    QDate at;
    Source source = Source::None;
    Money::Pence weeklyPence = 0;  // fee plus additionalities, summed
    qint64 placements = 0;         // placements (or snapshot numbers) summed
    double weeklyPounds() const { return Money::toPounds(weeklyPence); }
    // Weekly x 365/7, as seed 000's annual cost.
    double annualPounds() const { return weeklyPounds() * 365.0 / 7.0; }
    bool isAvailable() const { return source != Source::None; }
};

namespace CostTotals {

CostTotal at(Store &store, const QDate &d);

} // namespace CostTotals
