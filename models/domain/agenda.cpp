#include "domain/agenda.h"

#include "core/dates.h"
#include "store/placementstore.h"
#include "store/store.h"

#include <QHash>
#include <algorithm>

QStringList AgendaItem::flagCodes() const
{
    QStringList out;
    for (const PanelFlag &f : flags)
        out << f.code;
    return out;
}

namespace Agenda {

bool moreUrgent(const AgendaItem &a, const AgendaItem &b)
{
    const int ua = a.urgency(), ub = b.urgency();
    if (ua != ub)
        return ua > ub;
    const int ma = PanelRules::maxSeverity(a.flags), mb = PanelRules::maxSeverity(b.flags);
    if (ma != mb)
        return ma > mb;
    if (a.flags.size() != b.flags.size())
        return a.flags.size() > b.flags.size();
    if (a.weeklyTotal() != b.weeklyTotal())
        return a.weeklyTotal() > b.weeklyTotal();
    return a.childRef < b.childRef;
}

void setReview(AgendaItem &item, const PanelDecision *last, const QDate &d, int intervalWeeks)
{
    if (!last || !last->decidedOn.isValid()) {
        item.lastReview = QDate();
        item.nextReview = d;
        item.dueForReview = true;
        return;
    }
    item.lastReview = last->decidedOn;
    const QDate byInterval = last->decidedOn.addDays(7 * qint64(intervalWeeks));
    item.nextReview = last->nextReview.isValid() ? last->nextReview : byInterval;
    item.dueForReview = byInterval <= d || item.nextReview <= d;
}

static AgendaItem itemFor(const PlacementRecord &p, const QDate &d, const PanelSettings &settings,
                          const ProviderRatings &ratings, const QHash<qint64, PanelDecision> &last)
{
    AgendaItem item;
    item.childId = p.childId;
    item.placementId = p.placementId;
    item.placementVersion = p.version;
    item.childRef = p.childRef;
    item.age = Dates::ageAt(p.dob, d);
    item.legalStatus = p.ls;
    item.place = p.place;
    item.placementType = p.category;
    item.provider = p.provider;
    item.weeklyFee = p.weeklyFee;
    item.additionalWeekly = p.additionalWeekly;
    item.placedOn = p.decom;
    item.daysInPlacement = int(p.decom.daysTo(d));
    item.flags = PanelRules::evaluate(p, d, settings, &ratings);
    const auto it = last.constFind(p.childId);
    setReview(item, it == last.cend() ? nullptr : &*it, d, settings.reviewIntervalWeeks);
    return item;
}

QVector<AgendaItem> evaluateAll(Store &store, const QDate &d, const PanelSettings &settings)
{
    PanelStore panel(store);
    const ProviderRatings ratings = panel.providerRatings();
    const QHash<qint64, PanelDecision> last = panel.lastDecisionsBefore(d);
    // openAt is ordered by child then DECOM, so the child's latest open external placement wins.
    QHash<qint64, int> byChild;
    QVector<AgendaItem> out;
    for (const PlacementRecord &p : PlacementStore(store).openAt(d)) {
        if (!p.isExternal())
            continue;
        const AgendaItem item = itemFor(p, d, settings, ratings, last);
        const auto it = byChild.constFind(p.childId);
        if (it != byChild.cend()) {
            out[*it] = item;
        } else {
            byChild.insert(p.childId, out.size());
            out << item;
        }
    }
    return out;
}

QVector<AgendaItem> build(Store &store, const QDate &d, const PanelSettings &settings)
{
    QVector<AgendaItem> out;
    for (const AgendaItem &item : evaluateAll(store, d, settings))
        if (!item.flags.isEmpty() || item.dueForReview)
            out << item;
    std::sort(out.begin(), out.end(), moreUrgent);
    for (int i = 0; i < out.size(); ++i)
        out[i].position = i + 1;
    return out;
}

QVector<AgendaItem> forMeeting(Store &store, const PanelMeeting &meeting, const PanelSettings &settings)
{
    PanelStore panel(store);
    const QVector<PanelItemRow> rows = panel.items(meeting.meetingId);
    if (rows.isEmpty())
        return build(store, meeting.date, settings);
    const ProviderRatings ratings = panel.providerRatings();
    const QHash<qint64, PanelDecision> last = panel.lastDecisionsBefore(meeting.date);
    PlacementStore placements(store);
    QVector<AgendaItem> out;
    for (const PanelItemRow &row : rows) {
        const PlacementRecord p = placements.placement(row.placementId, meeting.date);
        if (!p.placementId)
            continue; // the placement has been deleted since the agenda was fixed
        AgendaItem item = itemFor(p, meeting.date, settings, ratings, last);
        item.position = row.position;
        out << item;
    }
    return out;
}

int markDecided(Store &store, QVector<AgendaItem> &agenda, qint64 meetingId, const QDate &d)
{
    const QHash<qint64, PanelDecision> decided = PanelStore(store).decisionsOfSitting(meetingId, d);
    int count = 0;
    for (AgendaItem &item : agenda) {
        const auto it = decided.constFind(item.childId);
        item.decided = it == decided.cend() ? QString() : it->outcome;
        count += item.decided.isEmpty() ? 0 : 1;
    }
    return count;
}

QVector<PanelItemRow> itemRows(const QVector<AgendaItem> &agenda)
{
    QVector<PanelItemRow> out;
    for (const AgendaItem &item : agenda)
        out << PanelItemRow{item.childId, item.placementId, item.position, item.flagCodes().join(QLatin1Char(';'))};
    return out;
}

} // namespace Agenda
