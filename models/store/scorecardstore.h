#pragma once
// Targets (per indicator per financial year) and commentary (per indicator per period) for the
// scorecard: reads, and versioned, audited edits that never silently overwrite another user's.
#include <QString>
#include <QVariant>

class Store;

struct VersionedValue {
    QVariant value;          // null: none stored
    int version = 0;         // 0: no row yet
    QString changedBy, changedAt;
    bool exists() const { return version > 0; }
};

class ScorecardStore
{
public:
    explicit ScorecardStore(Store &store) : m_store(store) {}

    // A target is stored in the indicator's own unit (rate per 10,000, share 0-1, count).
    VersionedValue target(const QString &indicator, int financialYear) const;
    // Sets (or, with a null value, removes) a target. `expectedVersion` is the version the user
    // saw (0: none). If another user has changed it since, nothing is written and *error says who.
    bool setTarget(const QString &indicator, int financialYear, const QVariant &value, int expectedVersion,
                   QString *error);

    // Commentary for an indicator and a period key ("2025-03" a month, "2024-25 Q4" a quarter).
    VersionedValue commentary(const QString &indicator, const QString &period) const;
    bool setCommentary(const QString &indicator, const QString &period, const QString &body, int expectedVersion,
                       QString *error);

private:
    VersionedValue read(const QString &sql, const QVariantList &key) const;
    bool write(const QString &table, const QString &keyColumn, const QVariant &keyValue, const QString &indicator,
               const QVariant &value, int expectedVersion, QString *error);
    Store &m_store;
};
