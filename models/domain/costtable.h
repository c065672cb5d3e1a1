#pragma once
// The month's cost table (PRODUCT §6; seed 000's "Type of placement – Costs"): one row per cost
// category with its number, average weekly unit cost, weekly and annual cost, the weighted TOTAL,
// differences to in-house, framework vs spot and the budget variance. Plain values: the editor,
// the charts, the CLI and exports all read the same result.
#include "core/money.h"
#include "store/coststore.h"
#include "store/placementstore.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QVector>

class Store;

namespace CostMath {
// Seed 000: "annual cost" is the weekly cost over a 365-day year.
constexpr double weeksPerYear = 365.0 / 7.0;
inline double annual(double weeklyPence) { return weeklyPence * weeksPerYear; }
} // namespace CostMath

struct CostRow {
    qint64 categoryId = 0;      // 0 for a snapshot row whose name is not a known category
    QString category;
    QString placementType;      // Fostering, Residential, Supported accommodation, Other
    QString provision;          // in-house, external, none
    int number = 0;
    Money::Pence feeWeekly = 0;        // sum over the row's placements
    Money::Pence additionalWeekly = 0; // sum of additionalities (unknown in a snapshot: 0)
    bool hasBudget = false;
    double budgetNumber = 0;
    Money::Pence budgetUnitWeek = 0;
    int budgetVersion = 0;
    qint64 snapshotId = 0;      // the cost_snapshots row a snapshot month reads
    int snapshotVersion = 0;

    Money::Pence weeklyCost() const { return feeWeekly + additionalWeekly; }
    double annualCost() const { return CostMath::annual(double(weeklyCost())); }
    // Mean weekly cost per placement, in pence (fractional: the TOTAL of seed 000 is £882.69).
    double aveFee() const { return number ? double(feeWeekly) / number : 0.0; }
    double aveAdditional() const { return number ? double(additionalWeekly) / number : 0.0; }
    double aveUnit() const { return number ? double(weeklyCost()) / number : 0.0; }
    double budgetAnnual() const { return CostMath::annual(budgetNumber * double(budgetUnitWeek)); }
    // Forecast (this month's weekly cost over a year) less the budget: positive = overspend.
    double variance() const { return annualCost() - budgetAnnual(); }
};

// Difference between an external category and its in-house equivalent, per placement.
struct InHouseDifference {
    QString category, inhouse;
    double categoryAve = 0, inhouseAve = 0; // pence per week
    bool available = false;                 // both categories have placements
    double weekly() const { return categoryAve - inhouseAve; }
    double annual() const { return CostMath::annual(weekly()); }
};

// Seed 001 §67: average fees of framework and spot placements by placement type.
struct FundingComparison {
    QString placementType;
    int frameworkNumber = 0, spotNumber = 0;
    Money::Pence frameworkWeekly = 0, spotWeekly = 0;
    double frameworkAve() const { return frameworkNumber ? double(frameworkWeekly) / frameworkNumber : 0.0; }
    double spotAve() const { return spotNumber ? double(spotWeekly) / spotNumber : 0.0; }
};

struct CostTable {
    enum class Source { None, Placements, Snapshot };
    QDate monthEnd;
    int financialYear = 0;
    Source source = Source::None;
    QVector<CostRow> rows;    // in the categories' sort order
    CostRow total;            // sum of numbers and costs: its aveUnit() is the weighted average
    QVector<InHouseDifference> differences;
    QVector<FundingComparison> funding;
    // A snapshot's published TOTAL row, when it has one.
    bool hasPublishedTotal = false;
    Money::Pence publishedAveWeek = 0;
    int publishedNumber = 0;
    qint64 publishedTotalId = 0;
    int publishedTotalVersion = 0;

    // True when a published TOTAL disagrees with the rows (by a pound a week or more, or in number).
    bool totalDisagrees() const;
    int rowOf(const QString &category) const;
    const CostRow *row(const QString &category) const;
    const InHouseDifference *difference(const QString &category) const;
};

// The month's totals other code reuses (indicators' cost_weekly_total / cost_annual_total, exports).
struct CostTableTotals {
    QDate monthEnd;
    CostTable::Source source = CostTable::Source::None;
    int number = 0;
    Money::Pence weekly = 0;
    double annual = 0;     // pence
    double aveWeekly = 0;  // weighted, pence
};

// Builds cost tables from the store. Keeps the month's open placements so that after a single
// placement's edit the table is recomputed from memory plus one row read (the live editor).
class CostTableBuilder
{
public:
    explicit CostTableBuilder(Store &store);

    // The table for the month that ends at (or contains) `month`: case-level placements if any
    // are open at its end, else the month's snapshot, else an empty table.
    CostTable build(const QDate &month);
    // Re-reads one placement (after an edit) and recomputes the last month built.
    CostTable refreshPlacement(qint64 placementId);
    // Recomputes the last month from the cached placements (after budget/category edits).
    CostTable recompute();

    const QVector<PlacementRecord> &placements() const { return m_placements; }
    const QVector<CostCategory> &categories() const { return m_categories; }

    static CostTable fromPlacements(const QDate &monthEnd, const QVector<PlacementRecord> &placements,
                                    const QVector<CostCategory> &categories);

private:
    void applyBudgets(CostTable &table) const;
    void finish(CostTable &table) const;
    CostTable fromSnapshot(const QDate &monthEnd) const;

    Store &m_store;
    QDate m_monthEnd;
    QVector<CostCategory> m_categories;
    QVector<PlacementRecord> m_placements;
    CostTable m_base;            // the month's rows summed over m_placements, before budgets
    QHash<qint64, int> m_rowOf;  // category id -> row of m_base
};

namespace CostTables {
// The month's cost totals, from the same table the editor shows.
CostTableTotals totals(Store &store, const QDate &month);
// Numbers by category at each of the `months` month ends (for the chart over time).
QVector<QPair<QDate, QHash<QString, int>>> numbersOverTime(Store &store, const QDate &lastMonth, int months);
// Completes differences and the TOTAL for rows already filled (also used by the what-if).
void finish(CostTable &table, const QVector<CostCategory> &categories);
} // namespace CostTables
