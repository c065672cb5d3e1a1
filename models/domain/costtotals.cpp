#include "domain/costtotals.h"

#include "store/coststore.h"
#include "store/placementstore.h"

namespace CostTotals {

CostTotal at(Store &store, const QDate &d)
{
    CostTotal t;
    t.at = d;
    const QVector<PlacementRecord> open = PlacementStore(store).openAt(d);
    if (!open.isEmpty()) {
        t.source = CostTotal::Source::Placements;
        for (const PlacementRecord &p : open)
            t.weeklyPence += p.weeklyTotal();
        t.placements = open.size();
        return t;
    }
    // A snapshot's TOTAL row is what was printed, not a category: the rows are the source.
    for (const SnapshotRow &r : CostStore(store).snapshot(d.toString(QStringLiteral("yyyy-MM")))) {
        if (r.category.compare(QLatin1String("TOTAL"), Qt::CaseInsensitive) == 0)
            continue;
        t.source = CostTotal::Source::Snapshot;
        t.weeklyPence += r.aveUnitWeek * r.number;
        t.placements += r.number;
    }
    return t;
}

} // namespace CostTotals
