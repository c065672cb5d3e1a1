#pragma once
// The scorecard's rules (PRODUCT §2.5), as plain rows: for each indicator this period, the
// previous period, the same period last year, the target, England and statistical neighbours,
// the direction of good and the RAG rating. The Scorecard screen's item model and the report
// pack both read these rows, so the rule is written once.
#include "domain/indicatorengine.h"
#include "store/scorecardstore.h"

#include <QDate>
#include <QString>
#include <QVector>
#include <limits>

class Store;

namespace Scorecard {

enum class Period { Month, Quarter };
enum class Rag { None, Green, Amber, Red };
// The scorecard's columns, in the order shown.
enum Column { Indicator, ThisPeriod, PreviousPeriod, LastYear, Target, England, Neighbours, Direction, Rating,
              Commentary, ColumnCount };

// The period ending on (or containing) `date`: its month end or financial quarter end.
QDate periodEnd(Period period, const QDate &date);
QDate previousEnd(Period period, const QDate &end);
QDate lastYearEnd(Period period, const QDate &end);
// Key of the commentary rows: "2025-03" (month) or "2024-25 Q4" (financial quarter).
QString periodKey(Period period, const QDate &end);
QString periodLabel(Period period, const QDate &end);
// The heading of a column for the period ending at `end` ("Previous\n31/12/2023").
QString heading(Column column, Period period, const QDate &end);

// Green if at or better than the comparison, Amber within 5% of it, Red beyond; None if the
// indicator has no direction of good or there is nothing to compare with.
Rag rate(GoodDirection good, double value, double comparison);
QString ragName(Rag rag);
QString directionName(GoodDirection good);

// One indicator's row for a period.
struct Row {
    IndicatorInfo info;
    IndicatorValue now, previous, lastYear;
    double england = std::numeric_limits<double>::quiet_NaN();
    double neighbours = std::numeric_limits<double>::quiet_NaN();
    int benchmarkYear = 0;
    VersionedValue target, commentary;

    // The target in the indicator's own unit (a share as 0-1), NaN when none is set.
    double targetValue() const;
    // This period against the target, or against England when no target is set.
    Rag rag() const;
    bool ratedAgainstTarget() const;
    // The figure in a numeric column (NaN when there is none) and its display text.
    double value(Column column) const;
    QString text(Column column) const;
    // The indicator value behind ThisPeriod, PreviousPeriod or LastYear (null for other columns).
    const IndicatorValue *valueBehind(Column column) const;
};

// The scorecard's rows for the period ending at `end`, in the order of seed 000's performance
// report: values from the engine, targets and commentary from ScorecardStore, comparators from
// the benchmark table.
QVector<Row> rows(Store &store, IndicatorEngine &engine, Period period, const QDate &end);

} // namespace Scorecard
