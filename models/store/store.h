#pragma once
// The store: one connection to a Careboard database (an embedded SQLite file, or a PostgreSQL
// database on a shared server through Qt's QPSQL driver), its schema version and migrations,
// transactions and the audit log. Every SQL statement of the
// application lives in this storage layer (store*.cpp and the *store.cpp area stores);
// views and item models ask for data in domain terms.
#include "store/sqldialect.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <memory>

struct sqlite3;

class Store
{
public:
    struct OpenOptions {
        bool create = true;        // create a new store if the file does not exist
        int targetVersion = -1;    // migrate up to this version (-1: the latest); tests use older ones
    };

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens (or creates) the store at `location`: a file path (SQLite), or
    // postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=require] (an existing PostgreSQL database;
    // the password comes from libpq's PGPASSWORD, ~/.pgpass or PGPASSFILE, never from the URL).
    // On refusal returns nullptr and sets *error to a message for the user; a refused file or
    // database is never written to.
    static std::unique_ptr<Store> open(const QString &location, QString *error, const OpenOptions &options);
    static std::unique_ptr<Store> open(const QString &location, QString *error) { return open(location, error, OpenOptions()); }
    // The default store in the user's data directory (QStandardPaths::AppDataLocation).
    static QString defaultLocation();
    // True if `location` names a PostgreSQL database rather than a file.
    static bool isServerLocation(const QString &location);
    // Adds (does not open) a Qt connection named `connectionName` configured for `location`;
    // for tools and tests that need a raw second connection. Returns an invalid database and
    // sets *error if the location is malformed (or carries a password).
    static QSqlDatabase addConnection(const QString &location, const QString &connectionName, QString *error);

    // The location as given (file path or URL; URLs never hold a password).
    QString location() const { return m_location; }
    const SqlDialect &dialect() const { return m_dialect; }
    QSqlDatabase database() const;
    int schemaVersion() const;
    // Who this connection's edits are by: the server's session user (PostgreSQL) or the
    // operating-system account running Careboard (SQLite; never an environment variable).
    QString userName() const { return m_userName; }
    // Tests and screenshots only (a colleague's name in a conflict message); on PostgreSQL the
    // server's own audit entries name the session's user whatever this says.
    void setUserName(const QString &name) { m_userName = name; }

    // Runs an INSERT with `values` and returns the new row's `idColumn`, read back from the same
    // statement (INSERT ... RETURNING, PostgreSQL and SQLite >= 3.35): never a later SELECT max(),
    // which would see a colleague's row committed in between. 0 with *error on failure.
    qint64 insertReturningId(const QString &insertSql, const QVariantList &values, const QString &idColumn, QString *error) const;

    // Prepared statement on this connection. Placeholders are positional (?) and bound by the caller.
    QSqlQuery prepare(const QString &sql) const;
    // Executes a prepared query; on failure fills *error (if given) with the driver's message.
    static bool exec(QSqlQuery &q, QString *error = nullptr);
    // Prepares, binds `values` in order and executes a statement. On PostgreSQL the prepared
    // statement is kept for the next run() of the same text: a loopback round trip each for
    // PREPARE and DEALLOCATE saved on every edit's statements and audit entries.
    bool run(const QString &sql, const QVariantList &values = {}, QString *error = nullptr) const;
    // Runs statements that cannot be prepared (DDL, GRANT, SET, PostgreSQL DO blocks) in order;
    // stops at the first failure. Storage-layer use only; never with user input.
    bool execDirect(const QStringList &statements, QString *error = nullptr);
    // First column of the first row of a query, or `fallback`.
    QVariant scalar(const QString &sql, const QVariantList &values = {}, const QVariant &fallback = {}) const;

    // True if table `table` exists in the store.
    bool hasTable(const QString &table) const;

    // Transactions nest: an inner begin() opens a SAVEPOINT inside the outer transaction, so an
    // area store's own all-or-nothing change can join a larger one (a panel decision and its fee).
    bool begin(QString *error = nullptr);
    bool commit(QString *error = nullptr);
    void rollback();

    // Appends the application's own entry to the audit log, with its reason (append-only: the
    // schema refuses UPDATE, DELETE and TRUNCATE on it). The store, not the caller, says who and
    // when: on PostgreSQL the server writes session_user and its clock (careboard_audit(); the
    // server also logs every row change of the audited tables by itself, Schema v4); on SQLite
    // the operating-system account and the engine's clock. A change notification for `table` is
    // sent on channel careboard_changes when the transaction commits (see StoreWatcher).
    bool audit(const QString &table, const QString &rowKey, const QString &field, const QVariant &oldValue,
               const QVariant &newValue, const QString &reason, QString *error = nullptr);

    // Optimistic concurrency for an editable row (one with version, changed_by, changed_at):
    //   UPDATE table SET <setColumns = setValues>, version = version + 1, changed_by, changed_at
    //   WHERE <keyWhere> AND version = expectedVersion
    // If no row changed, nothing is written and *error says who changed the row and when (or
    // that it no longer exists); `what` names the row for the user ("This fee", "The budget").
    // Call inside the edit's transaction, before its audit entries.
    bool versionedUpdate(const QString &table, const QString &keyWhere, const QVariantList &keyValues,
                         const QStringList &setColumns, const QVariantList &setValues, int expectedVersion,
                         const QString &what, QString *error);

    // Why a versioned UPDATE of `table` WHERE `keyWhere` changed no row: who changed it and when
    // (conflictMessage), or that it no longer exists. For area stores with their own UPDATE.
    QString staleRowMessage(const QString &table, const QString &keyWhere, const QVariantList &keyValues, const QString &what,
                            int expectedVersion = 0) const;
    // The one wording of a refused stale edit: who changed `what` ("This fee") and when (changed_at
    // in ISO UTC, shown in local time), the versions if known (> 0), and that the input is kept.
    static QString conflictMessage(const QString &what, const QString &changedBy, const QString &changedAt, int theirVersion = 0,
                                   int yourVersion = 0);

    // Sends the change notification for `table` (done by audit(); for edits without an audit
    // entry). Nothing on SQLite, where StoreWatcher polls instead.
    bool notifyChange(const QString &table, QString *error = nullptr);
    // After inserts with explicit ids: moves every identity sequence past the largest id
    // (PostgreSQL); nothing to do on SQLite.
    bool resetIdentitySequences(QString *error = nullptr);
    // Tunes this connection for a large write (SQLite: a large page cache).
    void prepareBulkWrite();

    // Held for the life of an import, inside the import's transaction: construct it right after
    // the Transaction, before the first read. A second import waits for the first to commit or
    // roll back (PostgreSQL: pg_advisory_xact_lock; SQLite: the write lock at once, as BEGIN
    // IMMEDIATE, waiting up to the busy timeout).
    class ImportLock
    {
    public:
        explicit ImportLock(Store &store, QString *error = nullptr);
        bool ok() const { return m_ok; }

    private:
        bool m_ok = false;
    };

    QString meta(const QString &key, const QString &fallback = {}) const;
    bool setMeta(const QString &key, const QString &value, QString *error = nullptr);
    QString setting(const QString &key, const QString &fallback = {}) const;
    bool setSetting(const QString &key, const QString &value, QString *error = nullptr);
    bool hasSetting(const QString &key) const;
    // Compare-and-set for an edit made on what the user saw: writes `value` only if the setting
    // still holds `expected` (a null QString: it was not set), in one statement; otherwise
    // refuses with who changed it and when (conflictMessage).
    bool replaceSetting(const QString &key, const QString &expected, const QString &value, QString *error);

    // True while the store holds the generated demo authority.
    bool isDemo() const { return meta(QStringLiteral("demo")) == QLatin1String("1"); }
    QString authorityName() const;
    bool hasCaseData() const;

    // A shared server can go away (restarted, network lost). True if the connection answers a
    // trivial query; on a file always true.
    bool isConnected() const;
    // Closes and opens the connection again (PostgreSQL), dropping kept statements and any
    // transaction the server already lost. False with *error while the server is unreachable.
    bool reconnect(QString *error);

    // The engine's own handle, for bulk paths (SQLite only; nullptr otherwise).
    sqlite3 *sqliteHandle() const;

private:
    Store(const QString &location, const QString &connectionName, SqlDialect dialect);
    bool migrate(int targetVersion, QString *error);
    bool installReferenceData(bool created, QString *error);
    bool runAll(const QStringList &statements, QString *error);

    QString m_location;
    QString m_connectionName;
    SqlDialect m_dialect;
    QString m_userName;
    int m_transactionDepth = 0;
    mutable QHash<QString, QSqlQuery> m_statements; // run()'s kept statements (PostgreSQL)
};

// Commits on commit(), rolls back if destroyed before: the scope of one all-or-nothing change.
class Transaction
{
public:
    explicit Transaction(Store &store, QString *error = nullptr);
    ~Transaction();
    bool ok() const { return m_open; }
    bool commit(QString *error = nullptr);

private:
    Store &m_store;
    bool m_open = false;
};
