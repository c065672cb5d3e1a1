#pragma once
// Cost avoidance of panel and Placements forum decisions (PRODUCT §7, seed 001 §76-78).
//
// One reduction: weekly saving s = old - new weekly cost (fee plus additionalities). It runs
// from the new cost's start date to the earlier of
//   - the placement's end: the episode's DEC if the placement has ended, else planned_end, and
//   - 52 weeks (364 days) after the start;
// a planned end on or before the start has been overtaken (the placement carried on) and is
// ignored; a DEC on or before the start gives no avoidance (the placement had ended).
// avoidance = s x days / 7, in pence rounded to the nearest penny (days = start.daysTo(end):
// the start day counts, the end day does not, as a placement's DEC is its first day elsewhere).
//
// Year to date at D, financial year FY containing D (1 April to 31 March):
//   - "booked": the whole avoidance (to end or 52 weeks) of every reduction whose new cost
//     starts from 1 April of FY to D inclusive. This is the seed's figure: §78 books a £16,800
//     a week reduction as "£804k over 12 months" in the year it was agreed, and §76 totals those.
//     A reduction is booked once, in the year its new cost starts, and never split.
//   - "accrued": the part of every reduction's avoidance that falls on days from 1 April of FY
//     to D inclusive, whichever year it started in. This is how a financial-year boundary splits
//     a reduction: a 52-week reduction from 1 February accrues 59 days in the year it started
//     (1 Feb - 31 Mar) and its remaining 305 days in the next.
// Counts are of distinct placements with a booked reduction in the window.
#include "core/money.h"
#include "store/panelstore.h"
#include "store/placementstore.h"

#include <QDate>
#include <QVector>

class Store;

struct AvoidanceLine {
    PanelDecision decision;
    QString childRef;
    Money::Pence weeklySaving = 0;
    QDate start, end;            // end exclusive
    qint64 days = 0;
    Money::Pence total = 0;      // booked in the year of `start`
    Money::Pence accrued = 0;    // within the window asked about
    bool booked = false;         // start falls within the window
};

struct AvoidanceTotal {
    QString source;              // Panel, Placements forum
    Money::Pence booked = 0;
    Money::Pence accrued = 0;
    int placements = 0;          // distinct placements booked
    int decisions = 0;
};

struct AvoidanceReport {
    QDate from, to;              // the window: 1 April of FY .. D
    QVector<AvoidanceLine> lines; // every reduction booked or accruing in the window, by start
    QVector<AvoidanceTotal> totals; // per source, Panel first, then Placements forum
    AvoidanceTotal total;        // all sources
};

namespace CostAvoidance {

// The end of placement `p` that caps a reduction starting on `start` (see above): DEC if ended,
// else planned_end if after `start`, else invalid (no end known: 52 weeks).
QDate placementEnd(const PlacementRecord &p, const QDate &start);
// The end of a reduction's period: min(placement end, start + 364 days). `placementEnd` is the
// episode's DEC if ended, else planned_end, else invalid (no end known).
QDate periodEnd(const QDate &start, const QDate &placementEnd);
// Avoidance over [start, end) at `weeklySaving` a week, rounded to the penny.
Money::Pence amount(Money::Pence weeklySaving, qint64 days);
// Days of [start, end) that fall within [from, to] (to inclusive).
qint64 overlapDays(const QDate &start, const QDate &end, const QDate &from, const QDate &to);

// Year to date at D (window = 1 April of D's financial year to D).
AvoidanceReport yearToDate(Store &store, const QDate &d);
// Any window (from .. to inclusive).
AvoidanceReport between(Store &store, const QDate &from, const QDate &to);

} // namespace CostAvoidance
