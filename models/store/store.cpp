#include "store/store.h"

#include "store/referencedata.h"
#include "store/schema.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QVector>

#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <unistd.h>

static QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("careboard-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Who edits a file store: the operating-system account this process runs as, from the password
// database, never from the environment ($USER is whatever the caller set, and often unset under
// a display server or a service).
static QString osUserName()
{
    const uid_t uid = ::geteuid();
    if (const passwd *pw = ::getpwuid(uid); pw && pw->pw_name && *pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return QStringLiteral("uid %1").arg(uid);
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

// The integrity check reads every page: seconds on a million-episode file. A file is checked when
// it is opened unless it is byte-for-byte as Careboard last left it (same size and modification
// time of the file and of its -wal): then it was last written by SQLite through us and checked
// or cleanly closed since. Anything else that touched the file changes the stamp.
static QString fileStamp(const QString &path)
{
    const QFileInfo file(path), wal(path + QStringLiteral("-wal"));
    return QStringLiteral("%1/%2/%3/%4").arg(file.size()).arg(file.lastModified().toMSecsSinceEpoch())
        .arg(wal.exists() ? wal.size() : -1).arg(wal.exists() ? wal.lastModified().toMSecsSinceEpoch() : -1);
}

static QString stampKey(const QString &path)
{
    const QByteArray canonical = QFileInfo(path).absoluteFilePath().toUtf8();
    return QStringLiteral("verified/") + QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha1).toHex());
}

static bool knownGood(const QString &path)
{
    return QSettings(QStringLiteral("Careboard"), QStringLiteral("verified-stores")).value(stampKey(path)).toString() == fileStamp(path);
}

static void rememberGood(const QString &path)
{
    QSettings(QStringLiteral("Careboard"), QStringLiteral("verified-stores")).setValue(stampKey(path), fileStamp(path));
}

Store::~Store()
{
    m_statements.clear(); // before the connection goes
    bool closed = false;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
            closed = true;
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    if (closed && m_dialect.isSQLite())
        rememberGood(m_location);
}

QString Store::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/careboard.sqlite");
}

bool Store::isServerLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

// True if `host` is this machine by its name or address (no lookup: a name is not resolved).
static bool isLoopback(const QString &host)
{
    static const QRegularExpression ipv4Loopback(QStringLiteral("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || ipv4Loopback.match(host).hasMatch()
        || host == QLatin1String("::1") || host == QLatin1String("0:0:0:0:0:0:0:1");
}

QSqlDatabase Store::addConnection(const QString &location, const QString &connectionName, QString *error)
{
    if (!isServerLocation(location)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(location);
        return db;
    }
    const QUrl url(location, QUrl::StrictMode);
    const QString dbName = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || dbName.isEmpty() || dbName.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("%1 is not a PostgreSQL address; write postgresql://USER@HOST[:PORT]/DATABASE.").arg(location);
        return {};
    }
    if (!url.password().isEmpty()) {
        // The URL would end up in shell history, settings and logs: refuse before connecting.
        *error = QStringLiteral("Do not put a password in the address. Careboard takes it from PGPASSWORD, ~/.pgpass or "
                                "PGPASSFILE, as every PostgreSQL client does.");
        return {};
    }
    // A server that vanishes without closing the connection (network cut) is noticed within
    // seconds, not at the operating system's TCP timeout: keepalives on an idle connection and a
    // limit on unacknowledged data, so a query fails instead of freezing the window.
    QStringList options = {QStringLiteral("application_name=careboard"), QStringLiteral("connect_timeout=10"),
                           QStringLiteral("keepalives=1"), QStringLiteral("keepalives_idle=10"),
                           QStringLiteral("keepalives_interval=5"), QStringLiteral("keepalives_count=2"),
                           QStringLiteral("tcp_user_timeout=15000")};
    // sslmode is the one option an address may carry, and only as one of libpq's own values: the
    // value goes into libpq's connection string, where anything else could add options of its
    // own ("require password=x"). A server that is not on this machine gets an encrypted
    // connection unless the address says otherwise.
    static const QStringList sslModes = {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                         QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    const QUrlQuery query(url);
    QString sslMode;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != QLatin1String("sslmode")) {
            *error = QStringLiteral("%1: unknown option '%2' (only sslmode is accepted).").arg(location, key);
            return {};
        }
        if (!sslMode.isNull()) {
            *error = QStringLiteral("%1: sslmode is given twice.").arg(location);
            return {};
        }
        if (!sslModes.contains(value)) {
            *error = QStringLiteral("%1: sslmode '%2' is not one of %3.").arg(location, value, sslModes.join(QStringLiteral(", ")));
            return {};
        }
        sslMode = value;
    }
    if (sslMode.isNull() && !isLoopback(url.host()))
        sslMode = QStringLiteral("require");
    if (!sslMode.isNull())
        options << QStringLiteral("sslmode=%1").arg(sslMode);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *error = QStringLiteral("This Careboard cannot reach PostgreSQL: Qt's QPSQL driver is missing "
                                "(Debian package libqt6sql6-psql).");
        return {};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(url.host());
    if (url.port() > 0)
        db.setPort(url.port());
    db.setDatabaseName(dbName);
    if (!url.userName().isEmpty())
        db.setUserName(url.userName());
    db.setConnectOptions(options.join(QLatin1Char(';')));
    return db;
}

// Reads what a database says it is, before anything is written: a refused file or database
// keeps every byte. SQLite files are read through a separate read-only connection (and get an
// integrity check); a PostgreSQL store is inspected on its own connection, with reads only.
static bool inspectStore(QSqlDatabase db, const SqlDialect &dialect, const QString &where, QString *error,
                         bool verify = true)
{
    QSqlQuery q(db);
    const auto one = [&q](const QString &sql, QVariant *out, QVariant *second = nullptr) {
        if (!q.exec(sql) || !q.next())
            return false;
        *out = q.value(0);
        if (second)
            *second = q.value(1);
        return true;
    };
    QVariant appId, version, tableCount, marker, check;
    if (!one(dialect.tableCountQuery(), &tableCount) || !one(dialect.markerExistsQuery(), &marker)) {
        *error = QStringLiteral("%1 is not a Careboard store (not a SQLite database, or damaged).").arg(where);
        return false;
    }
    if (marker.toInt() == 0) {
        if (tableCount.toInt() > 0) {
            *error = QStringLiteral("%1 is not a Careboard store (it is a database of another application); "
                                    "it has not been changed.").arg(where);
            return false;
        }
        return true; // empty: a new store
    }
    if (!one(dialect.markerQuery(), &appId, &version)) {
        *error = QStringLiteral("%1 cannot be read: %2").arg(where, q.lastError().text());
        return false;
    }
    if (appId.toInt() != Schema::applicationId && tableCount.toInt() > 0) {
        *error = QStringLiteral("%1 is not a Careboard store (it is a database of another application).").arg(where);
        return false;
    }
    if (version.toInt() > Schema::latestVersion()) {
        *error = QStringLiteral("%1 was written by a newer Careboard (store version %2; this one reads up to "
                                "version %3). Update Careboard to open it; the %4 has not been changed.")
                     .arg(where).arg(version.toInt()).arg(Schema::latestVersion())
                     .arg(dialect.isSQLite() ? QStringLiteral("file") : QStringLiteral("database"));
        return false;
    }
    if (dialect.isSQLite() && verify && (!one(QStringLiteral("PRAGMA quick_check"), &check) || check.toString() != QLatin1String("ok"))) {
        *error = QStringLiteral("%1 is damaged (integrity check: %2). Restore it from a backup; "
                                "the file has not been changed.")
                     .arg(where, check.toString().isEmpty() ? q.lastError().text() : check.toString());
        return false;
    }
    return true;
}

static bool inspectSqliteFile(const QString &path, QString *error)
{
    const bool verify = !knownGood(path);
    const QString name = nextConnectionName();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            *error = QStringLiteral("%1 cannot be opened: %2").arg(path, db.lastError().text());
        else
            ok = inspectStore(db, SqlDialect(SqlDialect::Engine::SQLite), path, error, verify);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool Store::execDirect(const QStringList &statements, QString *error)
{
    QString dummy;
    return runAll(statements, error ? error : &dummy);
}

bool Store::runAll(const QStringList &statements, QString *error)
{
    for (const QString &sql : statements) {
        QSqlQuery q(database());
        if (!q.exec(sql)) {
            *error = QStringLiteral("%1: %2").arg(m_location, q.lastError().text());
            return false;
        }
    }
    return true;
}

std::unique_ptr<Store> Store::open(const QString &location, QString *error, const OpenOptions &options)
{
    QString dummy;
    if (!error)
        error = &dummy;
    const int target = options.targetVersion < 0 ? Schema::latestVersion() : options.targetVersion;
    if (isServerLocation(location)) {
        std::unique_ptr<Store> store(new Store(location, nextConnectionName(), SqlDialect(SqlDialect::Engine::PostgreSQL)));
        QSqlDatabase db = addConnection(location, store->m_connectionName, error);
        if (!db.isValid())
            return nullptr;
        if (!db.open()) {
            *error = QStringLiteral("Cannot connect to %1: %2").arg(location, db.lastError().text().trimmed());
            return nullptr;
        }
        if (!store->runAll(store->m_dialect.connectionSetup(), error)
            || !inspectStore(db, store->m_dialect, location, error))
            return nullptr;
        // One migrator at a time: a second Careboard opening the same new database waits here
        // and then finds it migrated.
        if (!store->runAll(store->m_dialect.migrationLock(), error))
            return nullptr;
        const bool created = store->schemaVersion() == 0;
        const bool ok = store->migrate(target, error)
            && (target != Schema::latestVersion() || store->installReferenceData(created, error));
        QString unlockError;
        store->runAll(store->m_dialect.migrationUnlock(), &unlockError);
        if (!ok)
            return nullptr;
        // On a shared server the database login is who made an edit: the session's user, as the
        // server's audit entries name it (a SET ROLE changes the privileges, not the person).
        store->m_userName = store->scalar(QStringLiteral("SELECT session_user"), {}, store->m_userName).toString();
        return store;
    }

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
    QSqlDatabase db = addConnection(path, store->m_connectionName, error);
    if (!db.open()) {
        *error = QStringLiteral("%1 cannot be opened: %2").arg(path, db.lastError().text());
        return nullptr;
    }
    if (!store->runAll(store->m_dialect.connectionSetup(), error))
        return nullptr;
    const bool created = store->schemaVersion() == 0;
    if (!store->migrate(target, error))
        return nullptr;
    if (target == Schema::latestVersion() && !store->installReferenceData(created, error))
        return nullptr;
    return store;
}

// A new store's starting reference data (cost categories, their mapping, England's figures) is
// part of its creation, as its schema is: written before its first audit entry, so a new store's
// audit log starts empty. The store was just created on this connection, so it is its owner's
// and may set the server's audit triggers aside for the one transaction.
bool Store::installReferenceData(bool created, QString *error)
{
    if (!created)
        return ReferenceData::install(*this, error);
    QStringList suspend, restore;
    for (const QString &table : {QStringLiteral("cost_categories"), QStringLiteral("cost_category_map"), QStringLiteral("benchmarks")}) {
        suspend += m_dialect.suspendTriggers(table);
        restore += m_dialect.restoreTriggers(table);
    }
    Transaction tx(*this, error);
    return tx.ok() && runAll(suspend, error) && ReferenceData::install(*this, error) && runAll(restore, error) && tx.commit(error);
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Store::isConnected() const
{
    if (m_dialect.isSQLite())
        return true;
    if (!database().isOpen())
        return false; // a reconnection that failed leaves it closed
    QSqlQuery q(database());
    return q.exec(QStringLiteral("SELECT 1")) && q.next();
}

bool Store::reconnect(QString *error)
{
    m_statements.clear(); // prepared on the lost session
    m_transactionDepth = 0; // the server rolled back whatever was open
    QSqlDatabase db = database();
    db.close();
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    return true;
}

int Store::schemaVersion() const
{
    if (scalar(m_dialect.markerExistsQuery(), {}, 0).toInt() == 0)
        return 0;
    QSqlQuery q = prepare(m_dialect.markerQuery());
    if (!q.exec() || !q.next())
        return 0;
    return q.value(1).toInt();
}

bool Store::hasTable(const QString &table) const
{
    return scalar(m_dialect.tableExistsQuery(), {table}, 0).toInt() > 0;
}

bool Store::migrate(int targetVersion, QString *error)
{
    for (int v = schemaVersion() + 1; v <= targetVersion; ++v) {
        Transaction tx(*this, error);
        if (!tx.ok())
            return false;
        QStringList statements = Schema::migration(v, m_dialect);
        statements += m_dialect.setVersionStatements(v, Schema::applicationId);
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
        if (!Schema::migrateData(v, *this, error)) {
            *error = QStringLiteral("Upgrading %1 to store version %2 failed: %3. The store is unchanged.").arg(m_location).arg(v).arg(*error);
            return false;
        }
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
    else // a read whose caller shows no error: never fail silently (a refused read looks like no data)
        qWarning("Careboard: query failed: %s: %s", qPrintable(q.lastQuery().left(120)), qPrintable(q.lastError().text()));
    return false;
}

bool Store::run(const QString &sql, const QVariantList &values, QString *error) const
{
    if (m_dialect.isPostgreSQL()) {
        auto it = m_statements.find(sql);
        if (it == m_statements.end()) {
            QSqlQuery q(database());
            q.setForwardOnly(true);
            if (!q.prepare(sql)) {
                if (error)
                    *error = q.lastError().text();
                return false;
            }
            if (m_statements.size() >= 128)
                m_statements.clear();
            it = m_statements.insert(sql, q);
        }
        QSqlQuery &q = it.value();
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values[i]);
        const bool ok = exec(q, error);
        q.finish();
        return ok;
    }
    QSqlQuery q = prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return exec(q, error);
}

qint64 Store::insertReturningId(const QString &insertSql, const QVariantList &values, const QString &idColumn, QString *error) const
{
    QSqlQuery q = prepare(insertSql + QStringLiteral(" RETURNING ") + idColumn);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!exec(q, error))
        return 0;
    if (!q.next()) {
        if (error)
            *error = QStringLiteral("The new row's %1 was not returned.").arg(idColumn);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

QVariant Store::scalar(const QString &sql, const QVariantList &values, const QVariant &fallback) const
{
    QSqlQuery q = prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!exec(q) || !q.next())
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
    QVariantList values;
    if (m_dialect.isSQLite())
        values << m_userName;
    values << table << rowKey << field << (oldValue.isNull() ? QVariant() : QVariant(oldValue.toString()))
           << (newValue.isNull() ? QVariant() : QVariant(newValue.toString())) << reason;
    return run(m_dialect.auditEntryStatement(), values, error) && notifyChange(table, error);
}

bool Store::notifyChange(const QString &table, QString *error)
{
    const QString sql = m_dialect.notifyStatement();
    return sql.isEmpty() || run(sql, {table}, error);
}

bool Store::versionedUpdate(const QString &table, const QString &keyWhere, const QVariantList &keyValues,
                            const QStringList &setColumns, const QVariantList &setValues, int expectedVersion,
                            const QString &what, QString *error)
{
    QString sets;
    for (const QString &c : setColumns)
        sets += c + QStringLiteral(" = ?, ");
    QSqlQuery q = prepare(QStringLiteral("UPDATE %1 SET %2version = version + 1, changed_by = ?, changed_at = ? WHERE (%3) AND version = ?")
                              .arg(table, sets, keyWhere));
    for (const QVariant &v : setValues)
        q.addBindValue(v);
    q.addBindValue(m_userName);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    for (const QVariant &v : keyValues)
        q.addBindValue(v);
    q.addBindValue(expectedVersion);
    if (!exec(q, error))
        return false;
    if (q.numRowsAffected() >= 1)
        return true;
    *error = staleRowMessage(table, keyWhere, keyValues, what, expectedVersion);
    return false;
}

QString Store::staleRowMessage(const QString &table, const QString &keyWhere, const QVariantList &keyValues, const QString &what,
                               int expectedVersion) const
{
    QSqlQuery who = prepare(QStringLiteral("SELECT changed_by, changed_at, version FROM %1 WHERE %2").arg(table, keyWhere));
    for (const QVariant &v : keyValues)
        who.addBindValue(v);
    if (exec(who) && who.next())
        return conflictMessage(what, who.value(0).toString(), who.value(1).toString(), who.value(2).toInt(), expectedVersion);
    return QStringLiteral("%1 no longer exists; someone else removed it. Reload to see the current data.").arg(what);
}

QString Store::conflictMessage(const QString &what, const QString &changedBy, const QString &changedAt, int theirVersion,
                               int yourVersion)
{
    // changed_at is stored in UTC (ISO 8601); the message gives the reader's local time.
    const QDateTime at = QDateTime::fromString(changedAt, Qt::ISODate);
    const QString when = at.isValid() ? at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy 'at' HH:mm:ss"))
                                      : (changedAt.isEmpty() ? QStringLiteral("an earlier time") : changedAt);
    QString versions;
    if (theirVersion > 0 && yourVersion > 0)
        versions = QStringLiteral(" (their version %1; you edited version %2)").arg(theirVersion).arg(yourVersion);
    return QStringLiteral("%1 was changed by %2 on %3 after you opened it%4. Reload to see their change; your input has been kept.")
        .arg(what, changedBy.isEmpty() ? QStringLiteral("another user") : changedBy, when, versions);
}

bool Store::resetIdentitySequences(QString *error)
{
    const QString list = m_dialect.identityColumnsQuery();
    if (list.isEmpty())
        return true;
    QSqlQuery q = prepare(list);
    if (!exec(q, error))
        return false;
    QVector<QPair<QString, QString>> columns;
    while (q.next())
        columns.append({q.value(0).toString(), q.value(1).toString()});
    for (const auto &[table, column] : columns)
        if (!run(m_dialect.resetSequence(table, column), {}, error))
            return false;
    return true;
}

void Store::prepareBulkWrite()
{
    for (const QString &sql : m_dialect.bulkWriteSetup())
        run(sql);
}

Store::ImportLock::ImportLock(Store &store, QString *error)
{
    QString why;
    m_ok = true;
    for (const QString &sql : store.dialect().importLock()) {
        if (!store.run(sql, {}, &why)) {
            m_ok = false;
            if (error)
                *error = QStringLiteral("Another import into %1 is still running; try again when it has finished (%2).")
                             .arg(store.location(), why.trimmed());
            break;
        }
    }
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

bool Store::hasSetting(const QString &key) const
{
    return scalar(QStringLiteral("SELECT 1 FROM settings WHERE key = ?"), {key}).isValid();
}

bool Store::replaceSetting(const QString &key, const QString &expected, const QString &value, QString *error)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QSqlQuery q = expected.isNull()
                      ? prepare(QStringLiteral("INSERT INTO settings (key, value, changed_by, changed_at) VALUES (?, ?, ?, ?)"
                                               " ON CONFLICT (key) DO NOTHING"))
                      : prepare(QStringLiteral("UPDATE settings SET value = ?, version = version + 1, changed_by = ?, changed_at = ?"
                                               " WHERE key = ? AND value = ?"));
    if (expected.isNull()) {
        for (const QVariant &v : {QVariant(key), QVariant(value), QVariant(m_userName), QVariant(now)})
            q.addBindValue(v);
    } else {
        for (const QVariant &v : {QVariant(value), QVariant(m_userName), QVariant(now), QVariant(key), QVariant(expected)})
            q.addBindValue(v);
    }
    if (!exec(q, error))
        return false;
    if (q.numRowsAffected() == 1)
        return true;
    QSqlQuery who = prepare(QStringLiteral("SELECT changed_by, changed_at FROM settings WHERE key = ?"));
    who.addBindValue(key);
    if (exec(who) && who.next())
        *error = conflictMessage(QStringLiteral("The setting %1").arg(key), who.value(0).toString(), who.value(1).toString());
    else
        *error = QStringLiteral("The setting %1 was removed by someone else after you opened it. Reload to see the current settings.").arg(key);
    return false;
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
