#include "store/panelstore.h"

#include "core/dates.h"
#include "store/placementstore.h"
#include "store/store.h"

#include <QDateTime>
#include <QSqlQuery>

namespace {

const char decisionColumns[] =
    "SELECT decision_id, meeting_id, child_id, placement_id, decided_on, source, outcome, old_weekly_pence,"
    " new_weekly_pence, new_cost_from, actions, next_review, notes, version FROM panel_decisions";

QVariant orNull(const QDate &d)
{
    return d.isValid() ? QVariant(Dates::iso(d)) : QVariant();
}

QVariant orNull(qint64 id)
{
    return id ? QVariant(id) : QVariant();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

QStringList PanelStore::outcomes()
{
    return {QStringLiteral("continue"), QStringLiteral("reduce cost"), QStringLiteral("step down"),
            QStringLiteral("seek alternative"), QStringLiteral("other")};
}

QStringList PanelStore::sources()
{
    return {QStringLiteral("Panel"), QStringLiteral("Placements forum")};
}

QVector<PanelMeeting> PanelStore::meetings() const
{
    QVector<PanelMeeting> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT meeting_id, meeting_date, chair, status, version FROM panel_meetings"
                                                 " ORDER BY meeting_date DESC, meeting_id DESC"));
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << PanelMeeting{q.value(0).toLongLong(), Dates::fromIso(q.value(1).toString()), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toInt()};
    return out;
}

PanelMeeting PanelStore::meeting(qint64 meetingId) const
{
    for (const PanelMeeting &m : meetings())
        if (m.meetingId == meetingId)
            return m;
    return {};
}

qint64 PanelStore::createMeeting(const QDate &date, const QString &chair, QString *error, qint64 meetingId, int version)
{
    if (!date.isValid()) {
        *error = QStringLiteral("A meeting needs a date.");
        return 0;
    }
    Transaction tx(m_store, error);
    if (!tx.ok())
        return 0;
    // The new id comes back with the row (RETURNING), on this connection: a colleague's meeting
    // saved meanwhile has an id of its own, perhaps a larger one.
    const qint64 id = meetingId
        ? m_store.insertReturningId(QStringLiteral("INSERT INTO panel_meetings (meeting_id, meeting_date, chair, status, version, changed_by,"
                                                   " changed_at) VALUES (?, ?, ?, 'planned', ?, ?, ?)"),
                                    {meetingId, Dates::iso(date), chair, version, m_store.userName(), now()}, QStringLiteral("meeting_id"), error)
        : m_store.insertReturningId(QStringLiteral("INSERT INTO panel_meetings (meeting_date, chair, status, changed_by, changed_at)"
                                                   " VALUES (?, ?, 'planned', ?, ?)"),
                                    {Dates::iso(date), chair, m_store.userName(), now()}, QStringLiteral("meeting_id"), error);
    if (!id)
        return 0;
    if (!m_store.audit(QStringLiteral("panel_meetings"), QString::number(id), QStringLiteral("meeting_date"), QVariant(),
                       Dates::iso(date), QStringLiteral("Meeting created, chair %1").arg(chair), error)
        || !tx.commit(error))
        return 0;
    return id;
}

bool PanelStore::deleteMeeting(qint64 meetingId, int expectedVersion, QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    if (m_store.scalar(QStringLiteral("SELECT count(*) FROM panel_decisions WHERE meeting_id = ?"), {meetingId}).toInt() > 0) {
        *error = QStringLiteral("Decisions have been recorded at this meeting; it cannot be removed.");
        return false;
    }
    const PanelMeeting m = meeting(meetingId);
    QSqlQuery del = m_store.prepare(QStringLiteral("DELETE FROM panel_meetings WHERE meeting_id = ? AND version = ?"));
    del.addBindValue(meetingId);
    del.addBindValue(expectedVersion);
    if (!Store::exec(del, error))
        return false;
    if (del.numRowsAffected() != 1) {
        *error = m.meetingId ? QStringLiteral("This meeting was changed by someone else after you created it; it has not been removed.")
                             : QStringLiteral("Meeting %1 no longer exists.").arg(meetingId);
        return false;
    }
    if (!m_store.audit(QStringLiteral("panel_meetings"), QString::number(meetingId), QStringLiteral("meeting_date"),
                       Dates::iso(m.date), QVariant(), QStringLiteral("Meeting removed"), error))
        return false;
    return tx.commit(error);
}

bool PanelStore::fixAgenda(qint64 meetingId, int expectedVersion, const QVector<PanelItemRow> &items, QString *error)
{
    return setAgenda(meetingId, expectedVersion, items, QStringLiteral("fixed"), error);
}

bool PanelStore::setAgenda(qint64 meetingId, int expectedVersion, const QVector<PanelItemRow> &items, const QString &status,
                           QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    if (!m_store.versionedUpdate(QStringLiteral("panel_meetings"), QStringLiteral("meeting_id = ?"), {meetingId},
                                 {QStringLiteral("status")}, {status}, expectedVersion, QStringLiteral("This meeting"), error))
        return false;
    if (!m_store.run(QStringLiteral("DELETE FROM panel_items WHERE meeting_id = ?"), {meetingId}, error))
        return false;
    QStringList refs;
    for (const PanelItemRow &item : items) {
        if (!m_store.run(QStringLiteral("INSERT INTO panel_items (meeting_id, child_id, placement_id, position, flags)"
                                        " VALUES (?, ?, ?, ?, ?)"),
                         {meetingId, item.childId, orNull(item.placementId), item.position, item.flags}, error))
            return false;
        refs << QString::number(item.childId);
    }
    if (!m_store.audit(QStringLiteral("panel_items"), QString::number(meetingId), QStringLiteral("agenda"), QVariant(),
                       refs.join(QLatin1Char(',')), QStringLiteral("Agenda %1: %2 items").arg(status).arg(items.size()), error))
        return false;
    return tx.commit(error);
}

QVector<PanelItemRow> PanelStore::items(qint64 meetingId) const
{
    QVector<PanelItemRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, placement_id, position, flags FROM panel_items"
                                                 " WHERE meeting_id = ? ORDER BY position"));
    q.addBindValue(meetingId);
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << PanelItemRow{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toString()};
    return out;
}

PanelDecision PanelStore::readDecision(const QSqlQuery &q)
{
    PanelDecision d;
    d.decisionId = q.value(0).toLongLong();
    d.meetingId = q.value(1).toLongLong();
    d.childId = q.value(2).toLongLong();
    d.placementId = q.value(3).toLongLong();
    d.decidedOn = Dates::fromIso(q.value(4).toString());
    d.source = q.value(5).toString();
    d.outcome = q.value(6).toString();
    d.oldWeekly = q.value(7).toLongLong();
    d.hasNewCost = !q.value(8).isNull();
    d.newWeekly = q.value(8).toLongLong();
    d.newCostFrom = Dates::fromIso(q.value(9).toString());
    d.actions = q.value(10).toString();
    d.nextReview = Dates::fromIso(q.value(11).toString());
    d.notes = q.value(12).toString();
    d.version = q.value(13).toInt();
    return d;
}

QVector<PanelDecision> PanelStore::queryDecisions(const QString &where, const QVariantList &values) const
{
    QVector<PanelDecision> out;
    QSqlQuery q = m_store.prepare(QString::fromLatin1(decisionColumns) + where + QStringLiteral(" ORDER BY decided_on, decision_id"));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << readDecision(q);
    return out;
}

QVector<PanelDecision> PanelStore::decisions(qint64 childId) const
{
    return queryDecisions(QStringLiteral(" WHERE child_id = ?"), {childId});
}

QVector<PanelDecision> PanelStore::allDecisions() const
{
    return queryDecisions(QString(), {});
}

PanelDecision PanelStore::decision(qint64 decisionId) const
{
    return queryDecisions(QStringLiteral(" WHERE decision_id = ?"), {decisionId}).value(0);
}

QHash<qint64, PanelDecision> PanelStore::lastDecisionsBefore(const QDate &d, const QString &source) const
{
    QHash<qint64, PanelDecision> out;
    for (const PanelDecision &dec : queryDecisions(QStringLiteral(" WHERE decided_on < ? AND source = ?"), {Dates::iso(d), source}))
        out[dec.childId] = dec; // oldest first, so the last one written wins
    return out;
}

bool PanelStore::recordDecision(const PanelDecision &in, int placementVersion, PanelDecision *recorded, FeeUndo *feeUndo,
                                QString *error)
{
    if (!in.decidedOn.isValid() || !in.childId) {
        *error = QStringLiteral("A decision needs the child and the date it was made.");
        return false;
    }
    if (!outcomes().contains(in.outcome)) {
        *error = QStringLiteral("Unknown outcome '%1'.").arg(in.outcome);
        return false;
    }
    if (in.hasNewCost && (in.newWeekly < 0 || !in.newCostFrom.isValid())) {
        *error = QStringLiteral("A new weekly cost needs a value of £0 or more and the date it starts.");
        return false;
    }
    PlacementStore placements(m_store);
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    PanelDecision d = in;
    FeeUndo undo;
    if (d.hasNewCost && d.placementId && d.newWeekly != d.oldWeekly) {
        // The fee in force on the day before the new cost starts is what the change is made to.
        const PlacementRecord p = placements.placement(d.placementId, d.newCostFrom.addDays(-1));
        if (!p.placementId) {
            *error = QStringLiteral("Placement %1 no longer exists.").arg(d.placementId);
            return false;
        }
        const Money::Pence change = p.weeklyTotal() - d.newWeekly; // > 0: a reduction
        Money::Pence additional = p.additionalWeekly, fee = p.weeklyFee;
        if (change > 0) {
            const Money::Pence offExtras = std::min(change, additional);
            additional -= offExtras;
            fee -= change - offExtras;
        } else {
            fee -= change; // an increase goes on the fee
        }
        PlacementStore::FeeChange fc{d.placementId, d.newCostFrom, fee, additional,
                                     QStringLiteral("%1: %2").arg(d.source, d.outcome)};
        PlacementStore::FeeChange previous;
        if (!placements.changeFee(fc, placementVersion, error, &undo.hadPrevious, &previous))
            return false;
        undo.wroteFee = true;
        undo.previousFee = previous.weeklyFee;
        undo.previousAdditional = previous.additionalWeekly;
        undo.previousReason = previous.reason;
        undo.from = d.newCostFrom;
        undo.placementVersionAfter = placementVersion + 1;
    }
    const QVariantList values = {orNull(d.meetingId), d.childId, orNull(d.placementId), Dates::iso(d.decidedOn), d.source,
                                 d.outcome, d.oldWeekly, d.hasNewCost ? QVariant(d.newWeekly) : QVariant(),
                                 d.hasNewCost ? orNull(d.newCostFrom) : QVariant(), d.actions, orNull(d.nextReview), d.notes,
                                 m_store.userName(), now()};
    const QString columns = QStringLiteral("meeting_id, child_id, placement_id, decided_on, source, outcome, old_weekly_pence,"
                                           " new_weekly_pence, new_cost_from, actions, next_review, notes, changed_by, changed_at");
    // The new id comes back with the row (RETURNING), never as the largest id after the insert.
    const qint64 id = d.decisionId
        ? m_store.insertReturningId(QStringLiteral("INSERT INTO panel_decisions (decision_id, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                        .arg(columns), QVariantList{d.decisionId} + values, QStringLiteral("decision_id"), error)
        : m_store.insertReturningId(QStringLiteral("INSERT INTO panel_decisions (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(columns),
                                    values, QStringLiteral("decision_id"), error);
    if (!id)
        return false;
    d.decisionId = id;
    d.version = 1;
    const QString summary = d.hasNewCost ? QStringLiteral("%1, new weekly cost %2 from %3")
                                               .arg(d.outcome, Money::format(d.newWeekly, d.newWeekly % 100 != 0), Dates::uk(d.newCostFrom))
                                         : d.outcome;
    if (!m_store.audit(QStringLiteral("panel_decisions"), QString::number(d.decisionId), QStringLiteral("outcome"), QVariant(),
                       summary, QStringLiteral("%1 decision of %2").arg(d.source, Dates::uk(d.decidedOn)), error)
        || !tx.commit(error))
        return false;
    if (recorded)
        *recorded = d;
    if (feeUndo)
        *feeUndo = undo;
    return true;
}

bool PanelStore::removeDecision(const PanelDecision &recorded, const FeeUndo &feeUndo, QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    const PanelDecision current = decision(recorded.decisionId);
    if (!current.decisionId) {
        *error = QStringLiteral("Decision %1 no longer exists.").arg(recorded.decisionId);
        return false;
    }
    if (current.version != recorded.version) {
        *error = QStringLiteral("This decision was changed by someone else after it was recorded; it has not been undone.");
        return false;
    }
    if (!m_store.run(QStringLiteral("DELETE FROM panel_decisions WHERE decision_id = ? AND version = ?"),
                     {recorded.decisionId, recorded.version}, error)
        || !m_store.audit(QStringLiteral("panel_decisions"), QString::number(recorded.decisionId), QStringLiteral("outcome"),
                          recorded.outcome, QVariant(), QStringLiteral("Decision undone"), error))
        return false;
    if (feeUndo.wroteFee) {
        PlacementStore placements(m_store);
        const QString reason = QStringLiteral("Undo of %1 decision").arg(recorded.source);
        if (feeUndo.hadPrevious) {
            PlacementStore::FeeChange fc{recorded.placementId, feeUndo.from, feeUndo.previousFee, feeUndo.previousAdditional,
                                         feeUndo.previousReason};
            if (!placements.changeFee(fc, feeUndo.placementVersionAfter, error))
                return false;
        } else if (!placements.removeFee(recorded.placementId, feeUndo.from, feeUndo.placementVersionAfter, reason, error)) {
            return false;
        }
    }
    return tx.commit(error);
}

ProviderRatings PanelStore::providerRatings() const
{
    ProviderRatings r;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT DISTINCT provider, ofsted_rating, ofsted_rated_on FROM placements"
                                                 " WHERE provider IS NOT NULL AND ofsted_rating IS NOT NULL"));
    if (!Store::exec(q))
        return r;
    while (q.next())
        r.add(q.value(0).toString(), q.value(1).toString(), Dates::fromIso(q.value(2).toString()));
    return r;
}

QHash<qint64, QDate> PanelStore::childBirthDates() const
{
    QHash<qint64, QDate> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, dob FROM children"));
    if (!Store::exec(q))
        return out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), Dates::fromIso(q.value(1).toString()));
    return out;
}
