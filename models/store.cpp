#include "store.h"

#include "referencedata.h"
#include "schema.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QStandardPaths>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

static QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("careboard-%1").arg(counter.fetchAndAddRelaxed(1));
}

static QString osUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

// Creates an empty file readable and writable by its owner only (mode 0600). SQLite gives its
// -wal and -shm files the same permissions as the database file.
static bool createPrivateFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath());
        return false;
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
        *error = QStringLiteral("Cannot create %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    ::close(fd);
    return true;
}

Store::Store(const QString &location, const QString &connectionName, SqlDialect dialect)
    : m_location(location), m_connectionName(connectionName), m_dialect(dialect), m_userName(osUserName())
{
}

Store::~Store()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Store::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/careboard.sqlite");
}

// Reads what a file says it is without writing to it: the connection is read-only, so a
// refused file keeps every byte.
static bool inspectSqliteFile(const QString &path, QString *error)
{
    const QString name = nextConnectionName();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            *error = QStringLiteral("%1 cannot be opened: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery q(db);
            const auto one = [&q](const QString &sql, QVariant *out) {
                if (!q.exec(sql) || !q.next())
                    return false;
                *out = q.value(0);
                return true;
            };
            QVariant appId, version, tableCount, check;
            if (!one(QStringLiteral("PRAGMA application_id"), &appId)
                || !one(QStringLiteral("SELECT count(*) FROM sqlite_master"), &tableCount)) {
                *error = QStringLiteral("%1 is not a Careboard store (not a SQLite database, or damaged).").arg(path);
            } else if (appId.toInt() != Schema::applicationId && tableCount.toInt() > 0) {
                *error = QStringLiteral("%1 is not a Careboard store (it is a database of another application).").arg(path);
            } else if (!one(QStringLiteral("PRAGMA user_version"), &version)) {
                *error = QStringLiteral("%1 cannot be read: %2").arg(path, q.lastError().text());
            } else if (version.toInt() > Schema::latestVersion()) {
                *error = QStringLiteral("%1 was written by a newer Careboard (store version %2; this one reads up to "
                                        "version %3). Update Careboard to open it; the file has not been changed.")
                             .arg(path).arg(version.toInt()).arg(Schema::latestVersion());
            } else if (!one(QStringLiteral("PRAGMA quick_check"), &check) || check.toString() != QLatin1String("ok")) {
                *error = QStringLiteral("%1 is damaged (integrity check: %2). Restore it from a backup; "
                                        "the file has not been changed.")
                             .arg(path, check.toString().isEmpty() ? q.lastError().text() : check.toString());
            } else {
                ok = true;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

std::unique_ptr<Store> Store::open(const QString &location, QString *error, const OpenOptions &options)
{
    QString dummy;
    if (!error)
        error = &dummy;
    const QString path = location;
    const QFileInfo info(path);
    const bool exists = info.exists() && info.size() > 0;
    if (!exists) {
        if (!options.create) {
            *error = QStringLiteral("%1 does not exist.").arg(path);
            return nullptr;
        }
        if (!info.exists() && !createPrivateFile(path, error))
            return nullptr;
    } else if (!inspectSqliteFile(path, error)) {
        return nullptr;
    }

    std::unique_ptr<Store> store(new Store(path, nextConnectionName(), SqlDialect(SqlDialect::Engine::SQLite)));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = QStringLiteral("%1 cannot be opened: %2").arg(path, db.lastError().text());
        return nullptr;
    }
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
                               "PRAGMA synchronous = NORMAL"}) {
        if (!q.exec(QLatin1String(pragma))) {
            *error = QStringLiteral("%1: %2").arg(path, q.lastError().text());
            return nullptr;
        }
    }
    const int target = options.targetVersion < 0 ? Schema::latestVersion() : options.targetVersion;
    if (!store->migrate(target, error))
        return nullptr;
    if (target == Schema::latestVersion() && !ReferenceData::install(*store, error))
        return nullptr;
    return store;
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Store::schemaVersion() const
{
    return scalar(QStringLiteral("PRAGMA user_version"), {}, 0).toInt();
}

bool Store::migrate(int targetVersion, QString *error)
{
    for (int v = schemaVersion() + 1; v <= targetVersion; ++v) {
        Transaction tx(*this, error);
        if (!tx.ok())
            return false;
        QStringList statements = Schema::migration(v, m_dialect);
        if (v == 1)
            statements << QStringLiteral("PRAGMA application_id = %1").arg(Schema::applicationId);
        statements << QStringLiteral("PRAGMA user_version = %1").arg(v);
        for (const QString &sql : statements) {
            QSqlQuery q(database());
            if (!q.exec(sql)) {
                *error = QStringLiteral("Upgrading %1 to store version %2 failed: %3 (%4). The store is unchanged.")
                             .arg(m_location).arg(v).arg(q.lastError().text(), sql.left(80));
                return false;
            }
        }
        if (v == 1 && !setMeta(QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate), error))
            return false;
        if (!tx.commit(error))
            return false;
    }
    return true;
}

QSqlQuery Store::prepare(const QString &sql) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        qWarning("Careboard: cannot prepare %s: %s", qPrintable(sql.left(120)), qPrintable(q.lastError().text()));
    return q;
}

bool Store::exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

bool Store::run(const QString &sql, const QVariantList &values, QString *error) const
{
    QSqlQuery q = prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return exec(q, error);
}

QVariant Store::scalar(const QString &sql, const QVariantList &values, const QVariant &fallback) const
{
    QSqlQuery q = prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return fallback;
    return q.value(0);
}

bool Store::begin(QString *error)
{
    if (m_transactionDepth > 0) {
        QSqlQuery q(database());
        if (!q.exec(QStringLiteral("SAVEPOINT careboard_%1").arg(m_transactionDepth))) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
        ++m_transactionDepth;
        return true;
    }
    if (database().transaction()) {
        m_transactionDepth = 1;
        return true;
    }
    if (error)
        *error = database().lastError().text();
    return false;
}

bool Store::commit(QString *error)
{
    if (m_transactionDepth > 1) {
        --m_transactionDepth;
        QSqlQuery q(database());
        if (q.exec(QStringLiteral("RELEASE SAVEPOINT careboard_%1").arg(m_transactionDepth)))
            return true;
        if (error)
            *error = q.lastError().text();
        return false;
    }
    m_transactionDepth = 0;
    if (database().commit())
        return true;
    if (error)
        *error = database().lastError().text();
    database().rollback();
    return false;
}

void Store::rollback()
{
    if (m_transactionDepth > 1) {
        --m_transactionDepth;
        QSqlQuery q(database());
        q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT careboard_%1").arg(m_transactionDepth));
        q.exec(QStringLiteral("RELEASE SAVEPOINT careboard_%1").arg(m_transactionDepth));
        return;
    }
    m_transactionDepth = 0;
    database().rollback();
}

bool Store::audit(const QString &table, const QString &rowKey, const QString &field, const QVariant &oldValue,
                  const QVariant &newValue, const QString &reason, QString *error)
{
    return run(QStringLiteral("INSERT INTO audit_log (at, db_user, table_name, row_key, field, old_value, new_value, reason)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
               {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), m_userName, table, rowKey, field,
                oldValue.isNull() ? QVariant() : QVariant(oldValue.toString()),
                newValue.isNull() ? QVariant() : QVariant(newValue.toString()), reason},
               error);
}

QString Store::meta(const QString &key, const QString &fallback) const
{
    return scalar(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key}, fallback).toString();
}

bool Store::setMeta(const QString &key, const QString &value, QString *error)
{
    return run(m_dialect.upsert(QStringLiteral("meta"), {QStringLiteral("key"), QStringLiteral("value")}, {QStringLiteral("key")}),
               {key, value}, error);
}

QString Store::setting(const QString &key, const QString &fallback) const
{
    return scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key}, fallback).toString();
}

bool Store::setSetting(const QString &key, const QString &value, QString *error)
{
    return run(QStringLiteral("INSERT INTO settings (key, value, changed_by, changed_at) VALUES (?, ?, ?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = settings.version + 1, "
                              "changed_by = excluded.changed_by, changed_at = excluded.changed_at"),
               {key, value, m_userName, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}, error);
}

QString Store::authorityName() const
{
    return meta(QStringLiteral("authority_name"), QStringLiteral("Unnamed authority"));
}

bool Store::hasCaseData() const
{
    return scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM children)"), {}, 0).toInt() != 0;
}

sqlite3 *Store::sqliteHandle() const
{
    if (!m_dialect.isSQLite())
        return nullptr;
    const QVariant v = database().driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.data());
    return nullptr;
}

Transaction::Transaction(Store &store, QString *error) : m_store(store)
{
    m_open = m_store.begin(error);
}

Transaction::~Transaction()
{
    if (m_open)
        m_store.rollback();
}

bool Transaction::commit(QString *error)
{
    if (!m_open)
        return false;
    m_open = false;
    return m_store.commit(error);
}
