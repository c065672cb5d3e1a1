#pragma once
// Helpers shared by the tests: a throwaway store on either engine, and small builders for
// hand-worked cases.
//
// Engine: SQLite by default; PostgreSQL when CAREBOARD_TEST_ENGINE=pg (the *_pg tests that
// tests/CMakeLists.txt registers with careboard_add_test_both). The server is named by
// CAREBOARD_TEST_PG=postgresql://USER@HOST[:PORT]/DB (a role that may create databases; the
// password from ~/.pgpass or PGPASSWORD; scripts/pg-test-server sets one up). Each scratch
// store is a database of its own, created for the test and dropped after it. Without a server
// the whole PostgreSQL test case is reported as skipped (CAREBOARD_INIT_ENGINE in
// initTestCase), never silently passed.
#include "requirements.h"
#include "store/schema.h"
#include "store/store.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <memory>

namespace TestSupport {

inline bool wantsPg()
{
    return qEnvironmentVariable("CAREBOARD_TEST_ENGINE") == QLatin1String("pg");
}

inline QString pgServer()
{
    return qEnvironmentVariable("CAREBOARD_TEST_PG");
}

// Runs statements on a raw connection to `location` (no Store involved); false on the first failure.
inline bool rawExec(const QString &location, const QStringList &statements, QString *error = nullptr)
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("raw-%1").arg(counter.fetchAndAddRelaxed(1));
    bool ok = true;
    {
        QString why;
        QSqlDatabase db = Store::addConnection(location, name, &why);
        if (!db.isValid() || !db.open()) {
            ok = false;
            why = db.isValid() ? db.lastError().text() : why;
        } else {
            QSqlQuery q(db);
            for (const QString &s : statements) {
                if (!q.exec(s)) {
                    ok = false;
                    why = s + QStringLiteral(": ") + q.lastError().text();
                    break;
                }
            }
        }
        if (error)
            *error = why;
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Why the selected engine cannot be used (empty if it can).
inline QString engineUnavailable()
{
    if (!wantsPg())
        return {};
    if (pgServer().isEmpty())
        return QStringLiteral("CAREBOARD_TEST_PG is not set (no PostgreSQL server for the tests; see scripts/pg-test-server)");
    QString error;
    if (!rawExec(pgServer(), {QStringLiteral("SELECT 1")}, &error))
        return QStringLiteral("cannot reach %1: %2").arg(pgServer(), error);
    return {};
}

// URL of database `name` on the test server.
inline QString pgDatabaseUrl(const QString &name)
{
    QUrl url(pgServer());
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

// Fresh, empty store locations on the selected engine, removed when this goes out of scope.
class Scratch
{
public:
    Scratch() = default;
    Scratch(const Scratch &) = delete;
    Scratch &operator=(const Scratch &) = delete;
    ~Scratch()
    {
        for (const QString &db : m_databases)
            rawExec(pgServer(), {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db)});
    }
    // A new empty location (a file path, or a new PostgreSQL database's URL).
    QString location(const QString &name = QStringLiteral("test"))
    {
        if (!wantsPg())
            return m_dir.filePath(name + QStringLiteral(".sqlite"));
        return newPgDatabase();
    }
    QString newPgDatabase()
    {
        static QAtomicInt counter;
        // The process id alone can name a database left behind by a killed earlier run with the
        // same (reused) id: a random part keeps the name new.
        static const quint32 run = QRandomGenerator::system()->generate();
        const QString db = QStringLiteral("careboard_t%1_%2_%3")
                               .arg(QCoreApplication::applicationPid())
                               .arg(run, 8, 16, QLatin1Char('0'))
                               .arg(counter.fetchAndAddRelaxed(1));
        QString error;
        if (!rawExec(pgServer(), {QStringLiteral("CREATE DATABASE %1").arg(db)}, &error))
            qFatal("cannot create the test database %s: %s", qPrintable(db), qPrintable(error));
        m_databases << db;
        return pgDatabaseUrl(db);
    }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QStringList m_databases;
};

// A throwaway login on the test server, a member of `role` (careboard_editor, ...), with a random
// password that only this process knows: a real person's connection, not the owner's SET ROLE.
// Dropped (with what it owns) when this goes out of scope.
class Login
{
public:
    Login(const QString &name, const QString &role)
        : m_name(QStringLiteral("cbt_%1_%2").arg(QCoreApplication::applicationPid()).arg(name)),
          m_password(QString::number(QRandomGenerator::global()->generate64(), 36))
    {
        QString error;
        if (!rawExec(pgServer(), {QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_name),
                                  QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE %3").arg(m_name, m_password, role)},
                     &error))
            qFatal("cannot create the login %s: %s", qPrintable(m_name), qPrintable(error));
    }
    ~Login() { rawExec(pgServer(), {QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_name)}); }
    Login(const Login &) = delete;
    Login &operator=(const Login &) = delete;

    QString name() const { return m_name; }
    QString password() const { return m_password; }
    // `location` (a postgresql:// URL) as this login.
    QString url(const QString &location) const
    {
        QUrl url(location);
        url.setUserName(m_name);
        return url.toString();
    }
    // Runs statements on a connection of this login to `location`; false with *error (the
    // server's message) on the first refusal.
    bool exec(const QString &location, const QStringList &statements, QString *error) const
    {
        const QByteArray saved = qgetenv("PGPASSWORD");
        qputenv("PGPASSWORD", m_password.toUtf8()); // read by libpq when it connects
        const bool ok = rawExec(url(location), statements, error);
        if (saved.isNull())
            qunsetenv("PGPASSWORD");
        else
            qputenv("PGPASSWORD", saved);
        return ok;
    }

private:
    QString m_name, m_password;
};

// A digest of every row of the given tables (all of them by default), independent of row order:
// equal before and after, a refused import or edit changed nothing.
inline QByteArray digest(Store &store, QStringList tables = {})
{
    if (tables.isEmpty())
        tables = Schema::tables();
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &table : tables) {
        QSqlQuery q = store.prepare(QStringLiteral("SELECT * FROM %1").arg(table));
        if (!Store::exec(q))
            qFatal("cannot read %s", qPrintable(table));
        QStringList rows;
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            rows << values.join(QLatin1Char('\x1f'));
        }
        rows.sort();
        hash.addData(table.toUtf8());
        hash.addData(rows.join(QLatin1Char('\n')).toUtf8());
    }
    return hash.result().toHex();
}

} // namespace TestSupport

// In initTestCase(): skips the whole test case if its engine is not available (CTest reports it as
// skipped through the CAREBOARD-PG-SKIPPED tag); under CI (CI=true) fails it instead.
#define CAREBOARD_INIT_ENGINE()                                                                          \
    do {                                                                                                 \
        const QString why_ = TestSupport::engineUnavailable();                                           \
        if (!why_.isEmpty() && TestSupport::underCi())                                                   \
            QFAIL(qPrintable(QStringLiteral("CI=true needs the PostgreSQL server, and: ") + why_));      \
        if (!why_.isEmpty())                                                                             \
            QSKIP(qPrintable(QStringLiteral("CAREBOARD-PG-SKIPPED: ") + why_));                          \
    } while (false)

struct TestStore {
    TestSupport::Scratch scratch;
    std::unique_ptr<Store> store;

    explicit TestStore(const Store::OpenOptions &options = Store::OpenOptions())
    {
        QString error;
        store = Store::open(scratch.location(), &error, options);
        if (!store)
            qFatal("cannot create a test store: %s", qPrintable(error));
    }
    Store &operator*() { return *store; }
    Store *operator->() { return store.get(); }

    qint64 child(const QString &ref, const QString &dob, bool uasc = false)
    {
        store->run(QStringLiteral("INSERT INTO children (child_ref, sex, dob, uasc) VALUES (?, 1, ?, ?)"), {ref, dob, uasc ? 1 : 0});
        return store->scalar(QStringLiteral("SELECT child_id FROM children WHERE child_ref = ?"), {ref}).toLongLong();
    }
    // An episode; empty dec = open.
    void episode(qint64 child, const QString &decom, const QString &dec, const QString &ls = QStringLiteral("C2"),
                 const QString &rne = QStringLiteral("S"), const QString &place = QStringLiteral("U4"),
                 const QString &provider = QStringLiteral("PR1"), const QString &rec = QString())
    {
        QString error;
        if (!store->run(QStringLiteral("INSERT INTO episodes (child_id, decom, dec, ls, rne, place, place_provider, rec)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        {child, decom, dec.isEmpty() ? QVariant() : QVariant(dec), ls, rne, place, provider,
                         rec.isEmpty() ? QVariant() : QVariant(rec)}, &error))
            qFatal("episode insert failed: %s", qPrintable(error));
    }
    void population(int year, qint64 count)
    {
        store->run(QStringLiteral("INSERT INTO population (year, age_0_17) VALUES (?, ?)"), {year, count});
    }
};
