#pragma once
// Where SQLite and PostgreSQL differ, and nowhere else: column types in DDL, the schema-version
// marker, upserts, the append-only guard on the audit log, identity sequences, locks and
// change notifications. The rest of the storage layer writes portable SQL and asks this class
// for the few statements that cannot be.
#include <QString>
#include <QStringList>

class SqlDialect
{
public:
    enum class Engine { SQLite, PostgreSQL };
    explicit SqlDialect(Engine e) : m_engine(e) {}
    Engine engine() const { return m_engine; }
    bool isSQLite() const { return m_engine == Engine::SQLite; }
    bool isPostgreSQL() const { return m_engine == Engine::PostgreSQL; }
    // The Qt SQL driver: QSQLITE or QPSQL.
    QString driverName() const;

    // Expands {{ID}} (autoincrementing primary key), {{REAL}} and {{NOW}} in DDL and queries.
    QString expand(QString sql) const;
    // Statements that make table `table` append-only (no UPDATE, no DELETE).
    QStringList appendOnlyGuard(const QString &table) const;
    // SQLite (schema v4): an audit entry must be dated by the engine's clock and name its user.
    QStringList auditEntryGuard() const;
    // Statements that set aside and restore the triggers of `table` inside one transaction, for
    // the store's owner writing a whole store (copy, a new store's reference data): PostgreSQL's
    // audit triggers and audit_log's guards (ALTER TABLE ... DISABLE TRIGGER USER, which only
    // the owner may run); on SQLite audit_log's guards (no other table has triggers).
    QStringList suspendTriggers(const QString &table) const;
    QStringList restoreTriggers(const QString &table) const;
    // "INSERT ... ON CONFLICT (keys) DO UPDATE SET col = excluded.col" works on both engines
    // (SQLite >= 3.24, PostgreSQL >= 9.5); this builds it so that callers do not hand-write it.
    QString upsert(const QString &table, const QStringList &columns, const QStringList &keys) const;

    // --- The schema-version marker (SQLite: PRAGMA user_version and application_id; PostgreSQL:
    // the one-row table careboard_schema). Read before anything is written.
    // Query giving one row (number of tables in the store's schema).
    QString tableCountQuery() const;
    // Query giving one row, 1 if the marker exists (always 1 on SQLite: the pragmas always exist).
    QString markerExistsQuery() const;
    // Query giving one row (application id, schema version); only valid if the marker exists.
    QString markerQuery() const;
    // Statements that record `version` (for version 1 they also create the marker).
    QStringList setVersionStatements(int version, int applicationId) const;
    // Query giving one row, 1 if table `?` exists.
    QString tableExistsQuery() const;

    // Per-connection settings run once after opening.
    QStringList connectionSetup() const;
    // Statements run before a large write on this connection (SQLite: a big page cache).
    QStringList bulkWriteSetup() const;
    // Statements that set every identity sequence past the largest id present, after inserts
    // with explicit ids (nothing on SQLite, whose INTEGER PRIMARY KEY needs no sequence).
    // `identityColumnsQuery` lists (table, column) pairs; `resetSequence` builds one statement.
    QString identityColumnsQuery() const;
    QString resetSequence(const QString &table, const QString &column) const;

    // First statements of a read transaction that must see one consistent snapshot (a copy's
    // source). SQLite's read transaction is a snapshot already.
    QStringList snapshotRead() const;

    // The session-wide lock held while a store is migrated (PostgreSQL: advisory lock; none on
    // SQLite, whose write transaction already serialises).
    QStringList migrationLock() const;
    QStringList migrationUnlock() const;
    // Taken at the start of an import transaction: two imports never interleave. PostgreSQL:
    // a transaction-scoped advisory lock; SQLite: a write at once, i.e. BEGIN IMMEDIATE.
    QStringList importLock() const;

    // The statement that writes one of the application's audit entries. PostgreSQL: the
    // server's careboard_audit(table, row_key, field, old, new, reason), which names
    // session_user and the server's clock itself; SQLite: an INSERT dated by the engine's clock,
    // binding (db_user, table, row_key, field, old, new, reason).
    QString auditEntryStatement() const;
    // Change notification sent inside an edit transaction, delivered on commit (PostgreSQL
    // NOTIFY on channel careboard_changes with the table as payload); empty on SQLite.
    QString notifyStatement() const;
    static QString notificationChannel() { return QStringLiteral("careboard_changes"); }
    // Query giving a number that changes when another connection commits (SQLite
    // PRAGMA data_version); empty on PostgreSQL, which notifies instead.
    QString dataVersionQuery() const;

private:
    Engine m_engine;
};
