#include "domain/costavoidance.h"

#include "core/dates.h"
#include "store/placementstore.h"
#include "store/store.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace CostAvoidance {

QDate placementEnd(const PlacementRecord &p, const QDate &start)
{
    if (p.dec.isValid())
        return p.dec;
    return p.plannedEnd.isValid() && p.plannedEnd > start ? p.plannedEnd : QDate();
}

QDate periodEnd(const QDate &start, const QDate &placementEnd)
{
    const QDate cap = start.addDays(364);
    if (placementEnd.isValid() && placementEnd < cap)
        return std::max(start, placementEnd);
    return cap;
}

Money::Pence amount(Money::Pence weeklySaving, qint64 days)
{
    // s x days / 7 rounded half away from zero, in integers.
    const qint64 num = weeklySaving * days;
    return num >= 0 ? (num + 3) / 7 : -((-num + 3) / 7);
}

qint64 overlapDays(const QDate &start, const QDate &end, const QDate &from, const QDate &to)
{
    const QDate a = std::max(start, from), b = std::min(end, to.addDays(1));
    return a < b ? a.daysTo(b) : 0;
}

AvoidanceReport between(Store &store, const QDate &from, const QDate &to)
{
    AvoidanceReport r;
    r.from = from;
    r.to = to;
    PlacementStore placements(store);
    QHash<QString, AvoidanceTotal> bySource;
    QHash<QString, QSet<qint64>> placementsBySource;
    QSet<qint64> allPlacements;
    for (const PanelDecision &d : PanelStore(store).allDecisions()) {
        if (!d.hasNewCost || !d.newCostFrom.isValid() || d.newWeekly >= d.oldWeekly)
            continue;
        AvoidanceLine line;
        line.decision = d;
        line.weeklySaving = d.oldWeekly - d.newWeekly;
        line.start = d.newCostFrom;
        QDate placementEnd;
        if (d.placementId) {
            const PlacementRecord p = placements.placement(d.placementId, d.newCostFrom);
            line.childRef = p.childRef;
            placementEnd = CostAvoidance::placementEnd(p, d.newCostFrom);
        }
        line.end = periodEnd(line.start, placementEnd);
        line.days = line.start.daysTo(line.end);
        line.total = amount(line.weeklySaving, line.days);
        line.booked = line.start >= from && line.start <= to;
        line.accrued = amount(line.weeklySaving, overlapDays(line.start, line.end, from, to));
        if (!line.booked && line.accrued == 0)
            continue;
        AvoidanceTotal &t = bySource[d.source];
        t.source = d.source;
        t.accrued += line.accrued;
        r.total.accrued += line.accrued;
        if (line.booked) {
            t.booked += line.total;
            t.decisions += 1;
            r.total.booked += line.total;
            r.total.decisions += 1;
            placementsBySource[d.source].insert(d.placementId ? d.placementId : -d.decisionId);
            allPlacements.insert(d.placementId ? d.placementId : -d.decisionId);
        }
        r.lines << line;
    }
    std::sort(r.lines.begin(), r.lines.end(), [](const AvoidanceLine &a, const AvoidanceLine &b) {
        return a.start != b.start ? a.start < b.start : a.decision.decisionId < b.decision.decisionId;
    });
    QStringList order = PanelStore::sources();
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it)
        if (!order.contains(it.key()))
            order << it.key();
    for (const QString &s : order) {
        AvoidanceTotal t = bySource.value(s);
        t.source = s;
        t.placements = placementsBySource.value(s).size();
        r.totals << t;
    }
    r.total.source = QStringLiteral("Total");
    r.total.placements = allPlacements.size();
    return r;
}

AvoidanceReport yearToDate(Store &store, const QDate &d)
{
    return between(store, Dates::financialYearStart(Dates::financialYear(d)), d);
}

} // namespace CostAvoidance
