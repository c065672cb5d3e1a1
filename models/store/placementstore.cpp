#include "store/placementstore.h"

#include "core/dates.h"
#include "store/store.h"

#include <QDateTime>
#include <QSqlQuery>

namespace {

// The fee in force at D is the latest fee row with effective_from <= D (or the first row, for a
// placement asked about before its first fee).
const char selectPlacements[] =
    "SELECT p.placement_id, e.episode_id, c.child_id, c.child_ref, c.dob, c.uasc, e.decom, e.dec,"
    " e.rne, e.ls, e.place, e.place_provider, e.pl_post,"
    " coalesce(p.category_id, m1.category_id, m2.category_id, oth.category_id) AS category_id,"
    " cc.name, p.category_id IS NOT NULL, p.funding, p.provider, p.regulated, p.ofsted_rating, p.ofsted_rated_on,"
    " p.desired_type_achieved, p.dols_from, p.dols_to, p.planned_end,"
    " (SELECT f.weekly_fee_pence FROM placement_fees f WHERE f.placement_id = p.placement_id"
    "   ORDER BY (f.effective_from <= ?) DESC, CASE WHEN f.effective_from <= ? THEN f.effective_from END DESC, f.effective_from LIMIT 1),"
    " (SELECT f.additional_weekly_pence FROM placement_fees f WHERE f.placement_id = p.placement_id"
    "   ORDER BY (f.effective_from <= ?) DESC, CASE WHEN f.effective_from <= ? THEN f.effective_from END DESC, f.effective_from LIMIT 1),"
    " p.version"
    " FROM placements p JOIN episodes e ON e.episode_id = p.episode_id JOIN children c ON c.child_id = e.child_id"
    " LEFT JOIN cost_category_map m1 ON m1.place = e.place AND m1.place_provider = coalesce(e.place_provider, '')"
    " LEFT JOIN cost_category_map m2 ON m2.place = e.place AND m2.place_provider = ''"
    " LEFT JOIN cost_categories oth ON oth.name = 'Other'"
    " LEFT JOIN cost_categories cc ON cc.category_id = coalesce(p.category_id, m1.category_id, m2.category_id, oth.category_id)";

} // namespace

QVector<PlacementRecord> PlacementStore::query(const QString &where, const QVariantList &values, const QDate &d) const
{
    QVector<PlacementRecord> out;
    QSqlQuery q = m_store.prepare(QString::fromLatin1(selectPlacements) + QStringLiteral(" WHERE ") + where
                                  + QStringLiteral(" ORDER BY c.child_ref, e.decom"));
    const QString iso = Dates::iso(d);
    for (int i = 0; i < 4; ++i)
        q.addBindValue(iso);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!Store::exec(q))
        return out;
    while (q.next()) {
        PlacementRecord r;
        int i = 0;
        r.placementId = q.value(i++).toLongLong();
        r.episodeId = q.value(i++).toLongLong();
        r.childId = q.value(i++).toLongLong();
        r.childRef = q.value(i++).toString();
        r.dob = Dates::fromIso(q.value(i++).toString());
        r.uasc = q.value(i++).toInt() != 0;
        r.decom = Dates::fromIso(q.value(i++).toString());
        r.dec = Dates::fromIso(q.value(i++).toString());
        r.rne = q.value(i++).toString();
        r.ls = q.value(i++).toString();
        r.place = q.value(i++).toString();
        r.placeProvider = q.value(i++).toString();
        r.plPost = q.value(i++).toString();
        r.categoryId = q.value(i++).toLongLong();
        r.category = q.value(i++).toString();
        r.categoryOverridden = q.value(i++).toInt() != 0;
        r.funding = q.value(i++).toString();
        r.provider = q.value(i++).toString();
        r.regulated = q.value(i).isNull() || q.value(i).toInt() != 0;
        ++i;
        r.ofstedRating = q.value(i++).toString();
        r.ofstedRatedOn = Dates::fromIso(q.value(i++).toString());
        r.desiredTypeAchieved = q.value(i).isNull() || q.value(i).toInt() != 0;
        ++i;
        r.dolsFrom = Dates::fromIso(q.value(i++).toString());
        r.dolsTo = Dates::fromIso(q.value(i++).toString());
        r.plannedEnd = Dates::fromIso(q.value(i++).toString());
        r.weeklyFee = q.value(i++).toLongLong();
        r.additionalWeekly = q.value(i++).toLongLong();
        r.version = q.value(i++).toInt();
        out << r;
    }
    return out;
}

QVector<PlacementRecord> PlacementStore::openAt(const QDate &d) const
{
    const QString iso = Dates::iso(d);
    // Two index ranges (still open; closed after D) rather than one scan of every episode begun by D.
    return query(QStringLiteral("e.episode_id IN (SELECT episode_id FROM episodes WHERE dec IS NULL AND decom <= ?"
                                " UNION ALL SELECT episode_id FROM episodes WHERE dec > ? AND decom <= ?)"
                                " AND coalesce(e.ls, '') NOT IN ('V3', 'V4')"),
                 {iso, iso, iso}, d);
}

PlacementRecord PlacementStore::placement(qint64 placementId, const QDate &d) const
{
    return query(QStringLiteral("p.placement_id = ?"), {placementId}, d).value(0);
}

QVector<PlacementRecord> PlacementStore::childPlacements(qint64 childId, const QDate &d) const
{
    return query(QStringLiteral("c.child_id = ?"), {childId}, d);
}

QVector<FeeRecord> PlacementStore::feeHistory(qint64 placementId) const
{
    QVector<FeeRecord> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT fee_id, effective_from, weekly_fee_pence, additional_weekly_pence, reason,"
                                                 " changed_by, changed_at, version FROM placement_fees WHERE placement_id = ?"
                                                 " ORDER BY effective_from"));
    q.addBindValue(placementId);
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << FeeRecord{q.value(0).toLongLong(), Dates::fromIso(q.value(1).toString()), q.value(2).toLongLong(),
                         q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                         q.value(7).toInt()};
    return out;
}

bool PlacementStore::bumpVersion(qint64 placementId, int expectedVersion, QString *error)
{
    return m_store.versionedUpdate(QStringLiteral("placements"), QStringLiteral("placement_id = ?"), {placementId}, {}, {},
                                   expectedVersion, QStringLiteral("This placement"), error);
}

bool PlacementStore::changeFee(const FeeChange &c, int expectedVersion, QString *error, bool *hadPrevious, FeeChange *previous)
{
    if (c.weeklyFee < 0 || c.additionalWeekly < 0) {
        *error = QStringLiteral("A weekly fee cannot be negative.");
        return false;
    }
    if (!c.effectiveFrom.isValid()) {
        *error = QStringLiteral("The fee change needs the date it takes effect.");
        return false;
    }
    Transaction tx(m_store, error);
    if (!tx.ok() || !bumpVersion(c.placementId, expectedVersion, error))
        return false;
    const QString from = Dates::iso(c.effectiveFrom);
    QSqlQuery old = m_store.prepare(QStringLiteral("SELECT weekly_fee_pence, additional_weekly_pence, reason FROM placement_fees"
                                                   " WHERE placement_id = ? AND effective_from = ?"));
    old.addBindValue(c.placementId);
    old.addBindValue(from);
    if (!Store::exec(old, error))
        return false;
    const bool existed = old.next();
    FeeChange before{c.placementId, c.effectiveFrom, existed ? old.value(0).toLongLong() : 0,
                     existed ? old.value(1).toLongLong() : 0, existed ? old.value(2).toString() : QString()};
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    bool ok;
    if (existed)
        ok = m_store.run(QStringLiteral("UPDATE placement_fees SET weekly_fee_pence = ?, additional_weekly_pence = ?, reason = ?,"
                                        " version = version + 1, changed_by = ?, changed_at = ? WHERE placement_id = ? AND effective_from = ?"),
                         {c.weeklyFee, c.additionalWeekly, c.reason, m_store.userName(), now, c.placementId, from}, error);
    else
        ok = m_store.run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence,"
                                        " additional_weekly_pence, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                         {c.placementId, from, c.weeklyFee, c.additionalWeekly, c.reason, m_store.userName(), now}, error);
    // The log says what the weekly cost was before and is now: the row's own values when it is
    // changed, else (a fee from a new date) the fee in force until then.
    QVariant oldFee, oldAdditional;
    if (existed) {
        oldFee = before.weeklyFee;
        oldAdditional = before.additionalWeekly;
    } else if (!inForceBefore(c.placementId, from, &oldFee, &oldAdditional, error)) {
        return false;
    }
    const QString key = QStringLiteral("%1@%2").arg(c.placementId).arg(from);
    if (!ok
        || !m_store.audit(QStringLiteral("placement_fees"), key, QStringLiteral("weekly_fee_pence"), oldFee, c.weeklyFee, c.reason, error)
        || !m_store.audit(QStringLiteral("placement_fees"), key, QStringLiteral("additional_weekly_pence"), oldAdditional,
                          c.additionalWeekly, c.reason, error)
        || !tx.commit(error))
        return false;
    if (hadPrevious)
        *hadPrevious = existed;
    if (previous)
        *previous = before;
    return true;
}

bool PlacementStore::removeFee(qint64 placementId, const QDate &effectiveFrom, int expectedVersion, const QString &reason,
                               QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok() || !bumpVersion(placementId, expectedVersion, error))
        return false;
    const QString from = Dates::iso(effectiveFrom);
    QSqlQuery old = m_store.prepare(QStringLiteral("SELECT weekly_fee_pence, additional_weekly_pence FROM placement_fees"
                                                   " WHERE placement_id = ? AND effective_from = ?"));
    old.addBindValue(placementId);
    old.addBindValue(from);
    if (!Store::exec(old, error))
        return false;
    const bool existed = old.next();
    const QVariant oldFee = existed ? old.value(0) : QVariant(), oldAdditional = existed ? old.value(1) : QVariant();
    old.finish();
    // From that date the fee in force before it applies again: that is the new weekly cost.
    QVariant newFee, newAdditional;
    const QString key = QStringLiteral("%1@%2").arg(placementId).arg(from);
    if (!inForceBefore(placementId, from, &newFee, &newAdditional, error)
        || !m_store.run(QStringLiteral("DELETE FROM placement_fees WHERE placement_id = ? AND effective_from = ?"), {placementId, from}, error)
        || !m_store.audit(QStringLiteral("placement_fees"), key, QStringLiteral("weekly_fee_pence"), oldFee, newFee, reason, error)
        || !m_store.audit(QStringLiteral("placement_fees"), key, QStringLiteral("additional_weekly_pence"), oldAdditional, newAdditional,
                          reason, error))
        return false;
    return tx.commit(error);
}

bool PlacementStore::inForceBefore(qint64 placementId, const QString &from, QVariant *fee, QVariant *additional, QString *error) const
{
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT weekly_fee_pence, additional_weekly_pence FROM placement_fees"
                                                 " WHERE placement_id = ? AND effective_from < ? ORDER BY effective_from DESC LIMIT 1"));
    q.addBindValue(placementId);
    q.addBindValue(from);
    if (!Store::exec(q, error))
        return false;
    if (q.next()) {
        *fee = q.value(0);
        *additional = q.value(1);
    } else {
        *fee = *additional = QVariant();
    }
    return true;
}

bool PlacementStore::setCategoryOverride(qint64 placementId, qint64 categoryId, int expectedVersion, const QString &reason,
                                         QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    const QVariant old = m_store.scalar(QStringLiteral("SELECT category_id FROM placements WHERE placement_id = ?"), {placementId});
    if (!bumpVersion(placementId, expectedVersion, error)
        || !m_store.run(QStringLiteral("UPDATE placements SET category_id = ? WHERE placement_id = ?"),
                        {categoryId ? QVariant(categoryId) : QVariant(), placementId}, error)
        || !m_store.audit(QStringLiteral("placements"), QString::number(placementId), QStringLiteral("category_id"), old,
                          categoryId ? QVariant(categoryId) : QVariant(), reason, error))
        return false;
    return tx.commit(error);
}

QVector<PlacementStore::CategorySpan> PlacementStore::categorySpans(const QDate &from, const QDate &to) const
{
    QVector<CategorySpan> out;
    QSqlQuery q = m_store.prepare(QStringLiteral(
        "SELECT e.decom, e.dec, coalesce(cc.name, 'Uncategorised') FROM placements p"
        " JOIN episodes e ON e.episode_id = p.episode_id"
        " LEFT JOIN cost_category_map m1 ON m1.place = e.place AND m1.place_provider = coalesce(e.place_provider, '')"
        " LEFT JOIN cost_category_map m2 ON m2.place = e.place AND m2.place_provider = ''"
        " LEFT JOIN cost_categories oth ON oth.name = 'Other'"
        " LEFT JOIN cost_categories cc ON cc.category_id = coalesce(p.category_id, m1.category_id, m2.category_id, oth.category_id)"
        " WHERE e.decom <= ? AND (e.dec IS NULL OR e.dec > ?) AND coalesce(e.ls, '') NOT IN ('V3', 'V4')"));
    q.setForwardOnly(true);
    q.addBindValue(Dates::iso(to));
    q.addBindValue(Dates::iso(from));
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << CategorySpan{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    return out;
}
