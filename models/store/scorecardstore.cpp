#include "store/scorecardstore.h"

#include "store/store.h"

#include <QDateTime>
#include <QSqlQuery>

VersionedValue ScorecardStore::read(const QString &sql, const QVariantList &key) const
{
    VersionedValue v;
    QSqlQuery q = m_store.prepare(sql);
    for (const QVariant &k : key)
        q.addBindValue(k);
    if (Store::exec(q) && q.next()) {
        v.value = q.value(0);
        v.version = q.value(1).toInt();
        v.changedBy = q.value(2).toString();
        v.changedAt = q.value(3).toString();
    }
    return v;
}

VersionedValue ScorecardStore::target(const QString &indicator, int financialYear) const
{
    return read(QStringLiteral("SELECT value, version, changed_by, changed_at FROM targets WHERE indicator = ? AND year = ?"),
                {indicator, financialYear});
}

VersionedValue ScorecardStore::commentary(const QString &indicator, const QString &period) const
{
    return read(QStringLiteral("SELECT body, version, changed_by, changed_at FROM commentary WHERE indicator = ? AND period = ?"),
                {indicator, period});
}

// One edit of a targets or commentary row: insert, update or delete, refused if the row is not
// at the version the user saw; in one transaction with its audit entry.
bool ScorecardStore::write(const QString &table, const QString &keyColumn, const QVariant &keyValue, const QString &indicator,
                           const QVariant &value, int expectedVersion, QString *error)
{
    const bool isTarget = table == QLatin1String("targets");
    const QString valueColumn = isTarget ? QStringLiteral("value") : QStringLiteral("body");
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    const VersionedValue before = read(QStringLiteral("SELECT %1, version, changed_by, changed_at FROM %2 WHERE indicator = ? AND %3 = ?")
                                           .arg(valueColumn, table, keyColumn),
                                       {indicator, keyValue});
    if (before.version != expectedVersion) {
        *error = before.exists()
                     ? Store::conflictMessage(isTarget ? QStringLiteral("This target") : QStringLiteral("This commentary"),
                                              before.changedBy, before.changedAt, before.version, expectedVersion)
                     : QStringLiteral("This was removed by another user after you opened it. Refresh and enter it again.");
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const bool remove = value.isNull() || (!isTarget && value.toString().trimmed().isEmpty());
    bool ok;
    if (remove && !before.exists()) {
        return tx.commit(error); // nothing to do
    } else if (remove) {
        ok = m_store.run(QStringLiteral("DELETE FROM %1 WHERE indicator = ? AND %2 = ? AND version = ?").arg(table, keyColumn),
                         {indicator, keyValue, expectedVersion}, error);
    } else if (!before.exists()) {
        ok = m_store.run(QStringLiteral("INSERT INTO %1 (indicator, %2, %3, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")
                             .arg(table, keyColumn, valueColumn),
                         {indicator, keyValue, value, m_store.userName(), now}, error);
    } else {
        QSqlQuery q = m_store.prepare(QStringLiteral("UPDATE %1 SET %2 = ?, version = version + 1, changed_by = ?, changed_at = ?"
                                                     " WHERE indicator = ? AND %3 = ? AND version = ?")
                                          .arg(table, valueColumn, keyColumn));
        for (const QVariant &v : {value, QVariant(m_store.userName()), QVariant(now), QVariant(indicator), keyValue,
                                  QVariant(expectedVersion)})
            q.addBindValue(v);
        ok = Store::exec(q, error);
        if (ok && q.numRowsAffected() != 1) {
            *error = QStringLiteral("This was changed by another user while you were saving. Refresh; your input has been kept.");
            return false;
        }
    }
    if (!ok
        || !m_store.audit(table, QStringLiteral("%1@%2").arg(indicator, keyValue.toString()), valueColumn, before.value,
                          remove ? QVariant() : value, QString(), error))
        return false;
    return tx.commit(error);
}

bool ScorecardStore::setTarget(const QString &indicator, int financialYear, const QVariant &value, int expectedVersion,
                               QString *error)
{
    return write(QStringLiteral("targets"), QStringLiteral("year"), financialYear, indicator,
                 value.isNull() ? QVariant() : QVariant(value.toDouble()), expectedVersion, error);
}

bool ScorecardStore::setCommentary(const QString &indicator, const QString &period, const QString &body, int expectedVersion,
                                   QString *error)
{
    return write(QStringLiteral("commentary"), QStringLiteral("period"), period, indicator, body, expectedVersion, error);
}
