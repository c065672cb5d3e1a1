#pragma once
// The store: one connection to a Careboard database (an embedded SQLite file), its schema
// version and migrations, transactions and the audit log. Every SQL statement of the
// application lives in this storage layer (store*.cpp and the *store.cpp area stores);
// views and item models ask for data in domain terms.
#include "sqldialect.h"

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

    // Opens (or creates) the store at `location`. On refusal returns nullptr and sets *error to
    // a message for the user; a refused file is never written to.
    static std::unique_ptr<Store> open(const QString &location, QString *error, const OpenOptions &options);
    static std::unique_ptr<Store> open(const QString &location, QString *error) { return open(location, error, OpenOptions()); }
    // The default store in the user's data directory (QStandardPaths::AppDataLocation).
    static QString defaultLocation();

    QString location() const { return m_location; }
    const SqlDialect &dialect() const { return m_dialect; }
    QSqlDatabase database() const;
    int schemaVersion() const;
    // The name recorded in the audit log for this connection's edits.
    QString userName() const { return m_userName; }
    void setUserName(const QString &name) { m_userName = name; }

    // Prepared statement on this connection. Placeholders are positional (?) and bound by the caller.
    QSqlQuery prepare(const QString &sql) const;
    // Executes a prepared query; on failure fills *error (if given) with the driver's message.
    static bool exec(QSqlQuery &q, QString *error = nullptr);
    // Prepares, binds `values` in order and executes a statement.
    bool run(const QString &sql, const QVariantList &values = {}, QString *error = nullptr) const;
    // First column of the first row of a query, or `fallback`.
    QVariant scalar(const QString &sql, const QVariantList &values = {}, const QVariant &fallback = {}) const;

    // Transactions nest: an inner begin() opens a SAVEPOINT inside the outer transaction, so an
    // area store's own all-or-nothing change can join a larger one (a panel decision and its fee).
    bool begin(QString *error = nullptr);
    bool commit(QString *error = nullptr);
    void rollback();

    // Appends to the audit log (append-only: the schema refuses UPDATE and DELETE on it).
    bool audit(const QString &table, const QString &rowKey, const QString &field, const QVariant &oldValue,
               const QVariant &newValue, const QString &reason, QString *error = nullptr);

    QString meta(const QString &key, const QString &fallback = {}) const;
    bool setMeta(const QString &key, const QString &value, QString *error = nullptr);
    QString setting(const QString &key, const QString &fallback = {}) const;
    bool setSetting(const QString &key, const QString &value, QString *error = nullptr);

    // True while the store holds the generated demo authority.
    bool isDemo() const { return meta(QStringLiteral("demo")) == QLatin1String("1"); }
    QString authorityName() const;
    bool hasCaseData() const;

    // The engine's own handle, for bulk paths (SQLite only; nullptr otherwise).
    sqlite3 *sqliteHandle() const;

private:
    Store(const QString &location, const QString &connectionName, SqlDialect dialect);
    bool migrate(int targetVersion, QString *error);

    QString m_location;
    QString m_connectionName;
    SqlDialect m_dialect;
    QString m_userName;
    int m_transactionDepth = 0;
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
