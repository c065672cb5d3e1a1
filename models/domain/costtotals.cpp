#include "domain/costtotals.h"

#include "store/placementstore.h"
#include "store/store.h"

#include <QSqlQuery>

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
    QSqlQuery q = store.prepare(QStringLiteral("SELECT ave_unit_cost_week_pence, number FROM cost_snapshots"
                                               " WHERE month = ? AND upper(category) <> 'TOTAL'"));
    q.addBindValue(d.toString(QStringLiteral("yyyy-MM")));
    if (!Store::exec(q))
        return t;
    while (q.next()) {
        t.source = CostTotal::Source::Snapshot;
        t.weeklyPence += q.value(0).toLongLong() * q.value(1).toLongLong();
        t.placements += q.value(1).toLongLong();
    }
    return t;
}

} // namespace CostTotals
