#include "panelminutes.h"

#include "core/dates.h"
#include "store/placementstore.h"
#include "store/store.h"

#include <QHash>
#include <QObject>

#include <algorithm>
#include <climits>

namespace PanelMinutes {

namespace {

TableCell text(const QString &s) { return TableCell{s, -1, false}; }
TableCell number(const QString &s) { return TableCell{s, -1, true}; }

QString outcomeText(const QString &outcome)
{
    return outcome.isEmpty() ? outcome : outcome.left(1).toUpper() + outcome.mid(1);
}

} // namespace

TableData agendaTable(const QVector<AgendaItem> &agenda, const QString &title)
{
    TableData t;
    t.title = title;
    t.childLevel = true;
    t.headers = {QObject::tr("#"), QObject::tr("Child"), QObject::tr("Age"), QObject::tr("Placement"), QObject::tr("Weekly cost"),
                 QObject::tr("Flags and reasons"), QObject::tr("Last review"), QObject::tr("Review due")};
    for (const AgendaItem &a : agenda) {
        QStringList flags;
        for (const PanelFlag &f : a.flags)
            flags << QStringLiteral("%1: %2").arg(PanelRules::flagLabel(f.code), f.reason);
        if (flags.isEmpty())
            flags << QObject::tr("Due for review");
        const QString placement = QStringLiteral("%1 (%2, %3)\n%4 since %5")
                                      .arg(a.placementType, a.place, a.legalStatus, a.provider, Dates::uk(a.placedOn));
        t.rows << QVector<TableCell>{number(QString::number(a.position)), text(a.childRef),
                                     number(a.age >= 0 ? QString::number(a.age) : QStringLiteral("–")), text(placement),
                                     number(PanelRules::money(a.weeklyTotal())), text(flags.join(QLatin1Char('\n'))),
                                     text(a.lastReview.isValid() ? Dates::uk(a.lastReview) : QObject::tr("never")),
                                     text(Dates::uk(a.nextReview))};
    }
    t.note = QObject::tr("Weekly cost: fee plus additionalities. References are the authority's pseudonymous child references.");
    return t;
}

QVector<PanelDecision> decisionsOf(Store &store, qint64 meetingId)
{
    QVector<PanelDecision> out;
    if (meetingId == 0)
        return out;
    for (const PanelDecision &d : PanelStore(store).allDecisions())
        if (d.meetingId == meetingId)
            out << d;
    return out;
}

TableData decisionsTable(Store &store, const QVector<PanelDecision> &decisions, const QVector<AgendaItem> &agenda)
{
    QHash<qint64, const AgendaItem *> byChild;
    for (const AgendaItem &a : agenda)
        byChild.insert(a.childId, &a);
    TableData t;
    t.title = QObject::tr("Decisions");
    t.childLevel = true;
    t.headers = {QObject::tr("#"), QObject::tr("Child"), QObject::tr("Outcome"), QObject::tr("Weekly cost"), QObject::tr("New cost from"),
                 QObject::tr("Actions"), QObject::tr("Next review")};
    PlacementStore placements(store);
    QVector<PanelDecision> ordered = decisions;
    std::stable_sort(ordered.begin(), ordered.end(), [&byChild](const PanelDecision &a, const PanelDecision &b) {
        const AgendaItem *x = byChild.value(a.childId), *y = byChild.value(b.childId);
        return (x ? x->position : INT_MAX) < (y ? y->position : INT_MAX);
    });
    for (const PanelDecision &d : ordered) {
        const AgendaItem *a = byChild.value(d.childId);
        const QString ref = a ? a->childRef : placements.placement(d.placementId, d.decidedOn).childRef;
        const QString cost = d.hasNewCost ? QObject::tr("%1 → %2").arg(PanelRules::money(d.oldWeekly), PanelRules::money(d.newWeekly))
                                          : QObject::tr("%1 (unchanged)").arg(PanelRules::money(d.oldWeekly));
        QString actions = d.actions.trimmed();
        if (!d.notes.trimmed().isEmpty())
            actions += (actions.isEmpty() ? QString() : QStringLiteral("\n")) + QObject::tr("Notes: %1").arg(d.notes.trimmed());
        t.rows << QVector<TableCell>{number(a ? QString::number(a->position) : QStringLiteral("–")), text(ref),
                                     text(outcomeText(d.outcome)), number(cost),
                                     text(d.hasNewCost && d.newCostFrom.isValid() ? Dates::uk(d.newCostFrom) : QStringLiteral("–")),
                                     text(actions.isEmpty() ? QStringLiteral("–") : actions),
                                     text(d.nextReview.isValid() ? Dates::uk(d.nextReview) : QStringLiteral("–"))};
    }
    return t;
}

ReportDocument build(Store &store, const PanelMeeting &meeting, const QVector<AgendaItem> &agenda)
{
    const QVector<PanelDecision> decisions = decisionsOf(store, meeting.meetingId);
    ReportDocument doc;
    doc.authority = store.authorityName();
    doc.title = decisions.isEmpty() ? QObject::tr("Placement Panel agenda, %1").arg(Dates::uk(meeting.date))
                                    : QObject::tr("Placement Panel minutes, %1").arg(Dates::uk(meeting.date));
    doc.period = Dates::uk(meeting.date);
    doc.blocks << ReportBlock::heading(doc.title);
    const QString status = meeting.meetingId == 0 ? QObject::tr("no meeting arranged: the agenda as it stands at this date")
                         : meeting.status == QLatin1String("fixed") ? QObject::tr("agenda fixed")
                         : meeting.status == QLatin1String("held")  ? QObject::tr("held")
                                                                    : QObject::tr("planned; agenda provisional");
    int flagged = 0;
    for (const AgendaItem &a : agenda)
        flagged += a.flags.isEmpty() ? 0 : 1;
    doc.blocks << ReportBlock::paragraph(
        QObject::tr("Meeting of %1%2 (%3). %4 children on the agenda: %5 flagged, %6 due for review only. %7 decisions recorded.")
            .arg(Dates::uk(meeting.date), meeting.chair.isEmpty() ? QString() : QObject::tr(", chair: %1").arg(meeting.chair),
                 status)
            .arg(agenda.size())
            .arg(flagged)
            .arg(agenda.size() - flagged)
            .arg(decisions.size()));
    // Minutes first: the decisions are what the chair circulates; the agenda they came from follows.
    if (!decisions.isEmpty()) {
        doc.blocks << ReportBlock::heading(QObject::tr("Decisions"), 2);
        TableData minutes = decisionsTable(store, decisions, agenda);
        minutes.title.clear();
        minutes.note = QObject::tr("In agenda order (– : not on the agenda as evaluated now). Actions are one \"Owner: action\" a line; "
                                   "a new weekly cost takes effect from the date shown, and cost avoidance is counted from then.");
        doc.blocks << ReportBlock::tableBlock(minutes);
    }
    doc.blocks << ReportBlock::heading(QObject::tr("Agenda, most urgent first"), 2);
    TableData agendaRows = agendaTable(agenda, QString());
    doc.blocks << ReportBlock::tableBlock(agendaRows);
    return doc;
}

} // namespace PanelMinutes
