// The store: creation, migration, refusal of files and databases that are not ours, the
// append-only audit log, versioned updates and the import lock, on both engines.
#include "domain/indicatorengine.h"
#include "store/panelstore.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/storeroles.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

class TestStoreLayer : public QObject
{
    Q_OBJECT

    static QByteArray hashOf(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    // Writes a plain SQLite file through a separate connection, to fake other programs' files.
    static void rawSqlite(const QString &path, const QStringList &statements)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &s : statements)
                QVERIFY2(q.exec(s), qPrintable(s));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    static bool isPg() { return TestSupport::wantsPg(); }

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void createsANewStoreAtTheLatestVersion()
    {
        TestSupport::Scratch scratch;
        const QString path = scratch.location(QStringLiteral("new"));
        QString error;
        auto store = Store::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), Schema::latestVersion());
        QCOMPARE(store->dialect().isPostgreSQL(), isPg());
        if (store->dialect().isSQLite()) {
            QCOMPARE(store->scalar(QStringLiteral("PRAGMA application_id")).toInt(), Schema::applicationId);
            QCOMPARE(store->scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
            QCOMPARE(store->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
            QVERIFY(store->scalar(QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
            QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                     QFile::Permissions());
        } else {
            QCOMPARE(store->scalar(QStringLiteral("SELECT application_id FROM careboard_schema")).toInt(), Schema::applicationId);
            // Edits are recorded under the server's login (its session user), not the OS user.
            QCOMPARE(store->userName(), store->scalar(QStringLiteral("SELECT session_user")).toString());
        }
        for (const QString &table : Schema::tables())
            QVERIFY2(store->hasTable(table), qPrintable(table));
        // A new store's audit log starts empty: its reference data is part of its creation.
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
        // Reference data: the default categories and the shipped England comparators.
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM cost_categories")).toInt(), 10);
        QCOMPARE(store->scalar(QStringLiteral("SELECT category_id FROM cost_category_map WHERE place = 'U5' AND place_provider = 'PR4'")),
                 store->scalar(QStringLiteral("SELECT category_id FROM cost_categories WHERE name = 'Independent Fostering Agency'")));
        QCOMPARE(store->scalar(QStringLiteral("SELECT value FROM benchmarks WHERE indicator = 'cla_31mar_number' AND year = 2024 AND comparator = 'England'")).toInt(),
                 83530);
    }

    void migratesAnOlderStoreForwardKeepingItsData()
    {
        TestSupport::Scratch scratch;
        const QString path = scratch.location(QStringLiteral("old"));
        QString error;
        {
            Store::OpenOptions v1;
            v1.targetVersion = 1;
            auto store = Store::open(path, &error, v1);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->schemaVersion(), 1);
            QVERIFY(!store->hasTable(QStringLiteral("placements")));
            QVERIFY(store->run(QStringLiteral("INSERT INTO children (child_ref, sex, dob) VALUES ('A1', 2, '2010-05-01')")));
        }
        auto store = Store::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), Schema::latestVersion());
        QCOMPARE(store->scalar(QStringLiteral("SELECT dob FROM children WHERE child_ref = 'A1'")).toString(), QStringLiteral("2010-05-01"));
        QVERIFY(store->hasTable(QStringLiteral("placements")));
    }

    void refusesFilesThatAreNotUsable_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("newer Careboard store") << "newer" << "newer Careboard";
        QTest::newRow("another application's database") << "foreign" << "not a Careboard store";
        QTest::newRow("a text file") << "text" << "not a Careboard store";
        QTest::newRow("a damaged store") << "corrupt" << "";
    }

    void refusesFilesThatAreNotUsable()
    {
        if (isPg())
            QSKIP("SQLite files only (see refusesDatabasesThatAreNotUsable)");
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file.sqlite"));
        if (kind == QLatin1String("newer")) {
            QString error;
            QVERIFY(Store::open(path, &error));
            rawSqlite(path, {QStringLiteral("PRAGMA user_version = %1").arg(Schema::latestVersion() + 7)});
        } else if (kind == QLatin1String("foreign")) {
            rawSqlite(path, {QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)"),
                             QStringLiteral("INSERT INTO invoices (amount) VALUES (12.5)")});
        } else if (kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("CHILD,SEX,DOB\n1,1,01/01/2010\n");
        } else {
            QString error;
            {
                auto store = Store::open(path, &error);
                QVERIFY(store);
                for (int i = 0; i < 400; ++i)
                    store->run(QStringLiteral("INSERT INTO children (child_ref, dob) VALUES (?, '2012-01-01')"),
                               {QStringLiteral("R%1").arg(i)});
                store->run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            }
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 8192);
            // Scribble over the second and third pages, keeping the header intact.
            f.seek(4096);
            f.write(QByteArray(8192, '\x5a'));
        }
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        const QByteArray before = hashOf(path);
        QString error;
        auto store = Store::open(path, &error);
        QVERIFY(!store);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(path), qPrintable(error));
        if (!expected.isEmpty())
            QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(hashOf(path), before);
    }

    // Both engines: a newer Careboard's store and another application's database are refused
    // before anything is written, and stay exactly as they were.
    void refusesDatabasesThatAreNotUsable_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("newer Careboard store") << "newer" << "newer Careboard";
        QTest::newRow("another application's database") << "foreign" << "not a Careboard store";
    }

    void refusesDatabasesThatAreNotUsable()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        TestSupport::Scratch scratch;
        const QString location = scratch.location(QStringLiteral("other"));
        const int newer = Schema::latestVersion() + 7;
        QString error;
        if (kind == QLatin1String("newer")) {
            QVERIFY(Store::open(location, &error));
            QVERIFY2(TestSupport::rawExec(location, {isPg() ? QStringLiteral("UPDATE careboard_schema SET version = %1").arg(newer)
                                                            : QStringLiteral("PRAGMA user_version = %1").arg(newer)}, &error),
                     qPrintable(error));
        } else {
            QVERIFY2(TestSupport::rawExec(location, {QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)"),
                                                     QStringLiteral("INSERT INTO invoices (id, amount) VALUES (1, 12.5)")}, &error),
                     qPrintable(error));
        }
        const auto fingerprint = [&] {
            // Every table's name and row count, through a raw connection.
            QStringList out;
            const QString name = QStringLiteral("fingerprint");
            {
                QString why;
                QSqlDatabase db = Store::addConnection(location, name, &why);
                if (db.open()) {
                    for (const QString &t : db.tables()) {
                        QSqlQuery q(db);
                        q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(t));
                        out << t + QLatin1Char('=') + (q.next() ? q.value(0).toString() : QStringLiteral("?"));
                    }
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
            out.sort();
            return out;
        };
        const QStringList before = fingerprint();
        QVERIFY(!before.isEmpty());
        auto store = Store::open(location, &error);
        QVERIFY(!store);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(location), qPrintable(error));
        QCOMPARE(fingerprint(), before);
    }

    void aPasswordInTheAddressIsRefused()
    {
        QString error;
        QVERIFY(!Store::open(QStringLiteral("postgresql://alice:secret@127.0.0.1/careboard"), &error));
        QVERIFY2(error.contains(QLatin1String("PGPASSWORD")), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("secret")), qPrintable(error));
    }

    void auditLogIsAppendOnly()
    {
        TestSupport::Scratch scratch;
        QString error;
        auto store = Store::open(scratch.location(QStringLiteral("a")), &error);
        QVERIFY(store);
        QVERIFY(store->audit(QStringLiteral("budgets"), QStringLiteral("2024/1"), QStringLiteral("number"), 3, 4, QStringLiteral("test")));
        QCOMPARE(store->scalar(QStringLiteral("SELECT new_value FROM audit_log")).toString(), QStringLiteral("4"));
        QVERIFY(!store->run(QStringLiteral("UPDATE audit_log SET new_value = '5'"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("append-only")), qPrintable(error));
        QVERIFY(!store->run(QStringLiteral("DELETE FROM audit_log"), {}, &error));
        if (isPg()) { // TRUNCATE fires no row trigger: a statement trigger refuses it, even to the owner
            QVERIFY(!store->execDirect({QStringLiteral("TRUNCATE audit_log")}, &error));
            QVERIFY2(error.contains(QLatin1String("audit_log is append-only: TRUNCATE refused")), qPrintable(error));
        }
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 1);
        QCOMPARE(store->scalar(QStringLiteral("SELECT db_user FROM audit_log")).toString(), store->userName());
    }

    // Who and when are the store's to say. PostgreSQL: even the owner's own INSERT naming another
    // user and another time is stamped with session_user and the server's clock. SQLite: an entry
    // not dated now, or naming nobody, is refused.
    void auditEntriesCannotBeBackdatedOrForged()
    {
        TestSupport::Scratch scratch;
        QString error;
        auto store = Store::open(scratch.location(QStringLiteral("f")), &error);
        QVERIFY(store);
        const QString forged = QStringLiteral("INSERT INTO audit_log (at, db_user, table_name, row_key, field, new_value)"
                                              " VALUES ('2001-01-01T00:00:00.000Z', 'mallory', 'placement_fees', '1@2020-01-01',"
                                              " 'weekly_fee_pence', '1')");
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
        if (isPg()) {
            QVERIFY2(store->run(forged, {}, &error), qPrintable(error));
            QCOMPARE(store->scalar(QStringLiteral("SELECT db_user FROM audit_log")).toString(), store->userName());
            const QDateTime at = QDateTime::fromString(store->scalar(QStringLiteral("SELECT at FROM audit_log")).toString(), Qt::ISODateWithMs);
            QVERIFY2(at >= before && at <= QDateTime::currentDateTimeUtc().addSecs(5), qPrintable(at.toString(Qt::ISODateWithMs)));
        } else {
            QVERIFY(!store->run(forged, {}, &error));
            QVERIFY2(error.contains(QLatin1String("dated now")), qPrintable(error));
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
        }
    }

    // The attacks of issue #15, each by a real login of the role (not the owner's SET ROLE): the
    // server refuses every write to the audit log, whatever the role.
    void noRoleCanWriteTheAuditLog_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("refusal");
        const QString forged = QStringLiteral("INSERT INTO audit_log (at, db_user, table_name, row_key, field) VALUES"
                                              " ('2001-01-01T00:00:00.000Z', 'mallory', 'placement_fees', '1', 'weekly_fee_pence')");
        for (const char *role : {"careboard_editor", "careboard_admin"}) {
            const QString r = QString::fromLatin1(role);
            const QString who = r.mid(10);
            QTest::addRow("%s: TRUNCATE", qPrintable(who)) << r << QStringLiteral("TRUNCATE audit_log") << "permission denied for table audit_log";
            QTest::addRow("%s: UPDATE", qPrintable(who)) << r << QStringLiteral("UPDATE audit_log SET db_user = 'mallory'")
                                                         << "permission denied for table audit_log";
            QTest::addRow("%s: DELETE", qPrintable(who)) << r << QStringLiteral("DELETE FROM audit_log") << "permission denied for table audit_log";
            QTest::addRow("%s: INSERT with a forged user and time", qPrintable(who)) << r << forged << "permission denied for table audit_log";
            QTest::addRow("%s: a server entry through careboard_audit()", qPrintable(who))
                << r << QStringLiteral("SELECT careboard_audit('placement_fees', '1', 'UPDATE', NULL, NULL, NULL)")
                << "entries are written by the server only";
            QTest::addRow("%s: disable the audit triggers", qPrintable(who))
                << r << QStringLiteral("ALTER TABLE placement_fees DISABLE TRIGGER USER") << "must be owner of table placement_fees";
        }
        QTest::newRow("viewer: careboard_audit()") << "careboard_viewer"
                                                   << QStringLiteral("SELECT careboard_audit('x', 'x', 'x', NULL, NULL, NULL)")
                                                   << "permission denied for function careboard_audit";
    }

    void noRoleCanWriteTheAuditLog()
    {
        if (!isPg())
            QSKIP("roles live on a PostgreSQL server");
        QFETCH(QString, role);
        QFETCH(QString, sql);
        QFETCH(QString, refusal);
        TestStore s;
        QString error;
        QVERIFY2(StoreRoles::install(*s, nullptr, &error), qPrintable(error));
        QVERIFY(s->audit(QStringLiteral("settings"), QStringLiteral("x"), QStringLiteral("value"), 1, 2, QStringLiteral("before")));
        const TestSupport::Login login(QStringLiteral("attacker"), role);
        QVERIFY(!login.exec(s->location(), {sql}, &error));
        QVERIFY2(error.contains(refusal), qPrintable(error));
        qInfo("%s refused: %s", qPrintable(sql.left(60)), qPrintable(error.section(QLatin1Char('\n'), 0, 0)));
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 1);
        QCOMPARE(s->scalar(QStringLiteral("SELECT db_user FROM audit_log")).toString(), s->userName());
        // What a role may do: append its own entry, which names it and the server's time.
        if (role != QLatin1String("careboard_viewer")) {
            QVERIFY2(login.exec(s->location(), {QStringLiteral("SELECT careboard_audit('settings', 'x', 'value', '2', '3', 'mine')")}, &error),
                     qPrintable(error));
            QCOMPARE(s->scalar(QStringLiteral("SELECT db_user FROM audit_log WHERE reason = 'mine'")).toString(), login.name());
        }
    }

    // A fee changed from psql by an editor's own login, around Careboard: the server logs it, with
    // that login's name, its time and the old and new values.
    void aFeeChangedFromPsqlIsInTheAuditLog()
    {
        if (!isPg())
            QSKIP("a SQLite file is its owner's: a sqlite3 shell can do anything, triggers included (README)");
        TestStore s;
        const qint64 child = s.child(QStringLiteral("A"), QStringLiteral("2010-01-01"));
        s.episode(child, QStringLiteral("2024-01-01"), QString(), QStringLiteral("C2"), QStringLiteral("S"), QStringLiteral("K2"), QStringLiteral("PR4"));
        QVERIFY(s->run(QStringLiteral("INSERT INTO placements (episode_id) SELECT episode_id FROM episodes")));
        QVERIFY(s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence)"
                                      " SELECT placement_id, '2024-01-01', 90500 FROM placements")));
        const QString feeId = s->scalar(QStringLiteral("SELECT fee_id FROM placement_fees")).toString();
        QString error;
        QVERIFY2(StoreRoles::install(*s, nullptr, &error), qPrintable(error));
        const TestSupport::Login editor(QStringLiteral("editor"), QStringLiteral("careboard_editor"));
        const QString sql = QStringLiteral("UPDATE placement_fees SET weekly_fee_pence = 80000 WHERE fee_id = %1").arg(feeId);
        const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        if (!psql.isEmpty()) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PGPASSWORD"), editor.password());
            p.setProcessEnvironment(env);
            p.start(psql, {QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql,
                           editor.url(s->location())});
            QVERIFY(p.waitForFinished(30000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        } else {
            CAREBOARD_SKIP_OR_FAIL(QStringLiteral("psql is not installed (Debian package postgresql-client)"));
        }
        QSqlQuery q = s->prepare(QStringLiteral("SELECT db_user, at, row_key, old_value, new_value, reason FROM audit_log"
                                                " WHERE table_name = 'placement_fees' AND field = 'UPDATE'"));
        QVERIFY(Store::exec(q) && q.next());
        QCOMPARE(q.value(0).toString(), editor.name());
        const QDateTime at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(q.value(2).toString(), feeId);
        // £905 to £800 a week, in pence; nothing else on the row changed.
        QCOMPARE(q.value(3).toString(), QStringLiteral("{\"weekly_fee_pence\": 90500}"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("{\"weekly_fee_pence\": 80000}"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("recorded by the server; client: psql"));
        qInfo("psql fee change logged as: db_user %s, at %s, placement_fees %s UPDATE %s -> %s (%s)", qPrintable(q.value(0).toString()),
              qPrintable(q.value(1).toString()), qPrintable(q.value(2).toString()), qPrintable(q.value(3).toString()),
              qPrintable(q.value(4).toString()), qPrintable(q.value(5).toString()));
        QVERIFY(!q.next());
    }

    // SQLite: the audit's user is the operating-system account this process runs as, read from the
    // password database; $USER is anyone's to set. PostgreSQL: the session's login.
    void theAuditUserIsTheAccountNotAnEnvironmentVariable()
    {
        const QByteArray saved = qgetenv("USER");
        qputenv("USER", "mallory");
        TestSupport::Scratch scratch;
        QString error;
        auto store = Store::open(scratch.location(QStringLiteral("u")), &error);
        if (saved.isNull())
            qunsetenv("USER");
        else
            qputenv("USER", saved);
        QVERIFY2(store, qPrintable(error));
        const QString expected = isPg() ? store->scalar(QStringLiteral("SELECT session_user")).toString()
                                        : QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
        QCOMPARE(store->userName(), expected);
        QVERIFY(store->audit(QStringLiteral("settings"), QStringLiteral("x"), QStringLiteral("value"), {}, 1, QStringLiteral("test")));
        QCOMPARE(store->scalar(QStringLiteral("SELECT db_user FROM audit_log")).toString(), expected);
    }

    // sslmode: one of libpq's six values or refused before connecting; a remote server gets
    // `require` unless the address says otherwise. (Nothing is connected: the options are read.)
    void sslModeIsOneOfLibpqsValues_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("sslOption"); // in the connection options; empty: none
        QTest::addColumn<QString>("refusal");   // empty: accepted
        QTest::newRow("loopback, none given") << "postgresql://u@127.0.0.1/db" << "" << "";
        QTest::newRow("localhost, none given") << "postgresql://u@localhost:5433/db" << "" << "";
        QTest::newRow("IPv6 loopback, none given") << "postgresql://u@[::1]/db" << "" << "";
        QTest::newRow("remote, none given: require") << "postgresql://u@db.example.org/db" << "sslmode=require" << "";
        QTest::newRow("remote address, none given: require") << "postgresql://u@10.1.2.3/db" << "sslmode=require" << "";
        QTest::newRow("remote, verify-full") << "postgresql://u@db.example.org/db?sslmode=verify-full" << "sslmode=verify-full" << "";
        QTest::newRow("remote, disable as asked") << "postgresql://u@db.example.org/db?sslmode=disable" << "sslmode=disable" << "";
        for (const char *mode : {"allow", "prefer", "require", "verify-ca"})
            QTest::addRow("loopback, %s", mode) << QStringLiteral("postgresql://u@127.0.0.1/db?sslmode=%1").arg(QLatin1String(mode))
                                                << QStringLiteral("sslmode=%1").arg(QLatin1String(mode)) << "";
        QTest::newRow("another option smuggled in") << "postgresql://u@127.0.0.1/db?sslmode=require%20password%3Dx" << ""
                                                    << "sslmode 'require password=x' is not one of disable, allow, prefer, require, verify-ca, verify-full";
        QTest::newRow("a value libpq does not know") << "postgresql://u@127.0.0.1/db?sslmode=on" << ""
                                                     << "sslmode 'on' is not one of";
        QTest::newRow("upper case") << "postgresql://u@127.0.0.1/db?sslmode=REQUIRE" << "" << "sslmode 'REQUIRE' is not one of";
        QTest::newRow("given twice") << "postgresql://u@127.0.0.1/db?sslmode=require&sslmode=disable" << "" << "sslmode is given twice";
        QTest::newRow("an option that is not sslmode") << "postgresql://u@127.0.0.1/db?options=-c%20x%3Dy" << ""
                                                       << "unknown option 'options'";
    }

    void sslModeIsOneOfLibpqsValues()
    {
        QFETCH(QString, url);
        QFETCH(QString, sslOption);
        QFETCH(QString, refusal);
        QString error;
        {
            const QSqlDatabase db = Store::addConnection(url, QStringLiteral("ssl-test"), &error);
            if (refusal.isEmpty()) {
                QVERIFY2(db.isValid(), qPrintable(error));
                const QStringList options = db.connectOptions().split(QLatin1Char(';'));
                QStringList ssl;
                for (const QString &o : options)
                    if (o.startsWith(QLatin1String("sslmode")))
                        ssl << o;
                QCOMPARE(ssl.join(QLatin1Char(';')), sslOption);
            } else {
                QVERIFY(!db.isValid());
                QVERIFY2(error.contains(refusal), qPrintable(error));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ssl-test"));
        if (!refusal.isEmpty()) { // and Store::open says so before connecting
            QVERIFY(!Store::open(url, &error));
            QVERIFY2(error.contains(refusal), qPrintable(error));
        }
    }

    // Store version 5 cuts the postcodes an older store kept whole to their district, and the
    // out-of-area share reads the same afterwards (hand-worked: 3 children looked after on
    // 31/03/2024, placed in NF1, NF2 and ZZ9; the authority's districts NF1 NF2: 1 of 3 out of area).
    void postcodesAreCutToTheirDistrictByTheMigration()
    {
        TestSupport::Scratch scratch;
        const QString location = scratch.location(QStringLiteral("postcodes"));
        QString error;
        {
            Store::OpenOptions v3;
            v3.targetVersion = 3;
            auto store = Store::open(location, &error, v3);
            QVERIFY2(store, qPrintable(error));
            const QStringList homes = {"NF1 2AB", "nf2 3cd", "NF12XY"}, places = {"NF1 2AB", "NF23CD", "zz9 9zz"};
            for (int i = 0; i < 3; ++i) {
                QVERIFY(store->run(QStringLiteral("INSERT INTO children (child_ref, sex, dob) VALUES (?, 1, '2010-01-01')"), {QStringLiteral("C%1").arg(i)}));
                QVERIFY(store->run(QStringLiteral("INSERT INTO episodes (child_id, decom, rne, ls, place, place_provider, home_post, pl_post)"
                                                  " SELECT child_id, '2023-06-01', 'S', 'C2', 'U4', 'PR1', ?, ? FROM children WHERE child_ref = ?"),
                                   {homes[i], places[i], QStringLiteral("C%1").arg(i)}));
            }
            QVERIFY(store->run(QStringLiteral("INSERT INTO episodes (child_id, decom, dec, rec, rne, ls, place, home_post, pl_post)"
                                              " SELECT child_id, '2022-01-01', '2022-06-01', 'E8', 'S', 'C2', 'U4', '12 High Street', NULL"
                                              " FROM children WHERE child_ref = 'C0'")));
            QVERIFY(store->run(QStringLiteral("INSERT INTO settings (key, value) VALUES ('authority_postcode_districts', 'NF1 NF2')")));
        }
        auto store = Store::open(location, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), Schema::latestVersion());
        QSqlQuery q = store->prepare(QStringLiteral("SELECT c.child_ref, e.decom, coalesce(e.home_post, '-'), coalesce(e.pl_post, '-')"
                                                    " FROM episodes e JOIN children c ON c.child_id = e.child_id ORDER BY c.child_ref, e.decom"));
        QVERIFY(Store::exec(q));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1 %2 %3 %4").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
        QCOMPARE(rows, QStringList({"C0 2022-01-01 - -", "C0 2023-06-01 NF1 NF1", "C1 2023-06-01 NF2 NF2", "C2 2023-06-01 NF1 ZZ9"}));
        // No stored postcode has an inward part.
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM episodes WHERE length(home_post) > 4 OR length(pl_post) > 4"
                                              " OR home_post LIKE '% %' OR pl_post LIKE '% %'")).toInt(), 0);
        // 7 values changed: 3 home and 3 placement postcodes cut, one address dropped.
        QCOMPARE(store->scalar(QStringLiteral("SELECT reason FROM audit_log WHERE table_name = 'episodes' AND row_key = '*'")).toString(),
                 QStringLiteral("Store version 5: 7 postcodes cut to their district (PRODUCT §3)"));
        const IndicatorValue v = IndicatorEngine(*store).valueAt(IndicatorId::OutOfArea, QDate(2024, 3, 31));
        QCOMPARE(v.count, qint64(1));
        QCOMPARE(v.denominator, qint64(3));
    }

    // New ids come back with their own row. Two colleagues save at once: the second's row lands
    // after the first's INSERT and before the first's code reads its id. Reading the id back as
    // SELECT max(...) gives the first the second's id; RETURNING gives each its own.
    // PostgreSQL: two real connections, the first held inside its INSERT (a test trigger waits
    // on an advisory lock the second holds) while the second saves and commits. SQLite cannot
    // interleave two writers (the first holds the write lock), so there the second's row is
    // written by a test trigger inside the first's INSERT, the nearest it can come.
    void newIdsAreEachSaversOwn_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("panel meeting") << "panel_meetings";
        QTest::newRow("panel decision") << "panel_decisions";
    }

    void newIdsAreEachSaversOwn()
    {
        QFETCH(QString, table);
        const bool meeting = table == QLatin1String("panel_meetings");
        const QString marker = meeting ? QStringLiteral("chair") : QStringLiteral("notes");
        TestStore s;
        const qint64 child = s.child(QStringLiteral("A"), QStringLiteral("2010-01-01"));
        s.episode(child, QStringLiteral("2024-01-01"), QString());
        const auto save = [&](Store &store, const QString &who, QString *error) -> qint64 {
            PanelStore panel(store);
            if (meeting)
                return panel.createMeeting(QDate(2025, 4, 1), who, error);
            PanelDecision d;
            d.childId = child;
            d.decidedOn = QDate(2025, 4, 1);
            d.outcome = QStringLiteral("continue");
            d.notes = who;
            PanelDecision recorded;
            return panel.recordDecision(d, 0, &recorded, nullptr, error) ? recorded.decisionId : 0;
        };
        QString error;
        qint64 mine = 0, theirs = 0;
        if (isPg()) {
            const qint64 key = 0x434152420015LL;
            QVERIFY2(s->execDirect({QStringLiteral("CREATE FUNCTION test_hold() RETURNS trigger LANGUAGE plpgsql AS"
                                                   " $$ BEGIN IF NEW.%1 = 'Mine' THEN PERFORM pg_advisory_xact_lock(%2); END IF; RETURN NULL; END $$")
                                        .arg(marker).arg(key),
                                    QStringLiteral("CREATE TRIGGER test_hold AFTER INSERT ON %1 FOR EACH ROW EXECUTE FUNCTION test_hold()").arg(table)},
                                   &error),
                     qPrintable(error));
            QSemaphore holding, done;
            QString theirError;
            QThread *colleague = QThread::create([&] {
                QString e;
                auto store = Store::open(s->location(), &e);
                if (!store) {
                    theirError = e;
                    holding.release();
                    return;
                }
                store->run(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key));
                holding.release();
                // Wait until the first saver is inside its INSERT, waiting for this lock.
                for (int i = 0; i < 600; ++i) {
                    if (store->scalar(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).toInt() > 0)
                        break;
                    QThread::msleep(50);
                }
                theirs = save(*store, QStringLiteral("Theirs"), &theirError);
                store->run(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key));
            });
            colleague->start();
            holding.acquire();
            QVERIFY2(theirError.isEmpty(), qPrintable(theirError));
            mine = save(*s, QStringLiteral("Mine"), &error);
            colleague->wait();
            delete colleague;
            QVERIFY2(theirs, qPrintable(theirError));
            // The colleague's row has the larger id: SELECT max() would have given it to me.
            QVERIFY(theirs > mine);
        } else {
            QVERIFY2(s->execDirect({QStringLiteral("CREATE TRIGGER test_colleague AFTER INSERT ON %1 WHEN NEW.%2 = 'Mine' BEGIN %3; END")
                                        .arg(table, marker,
                                             meeting ? QStringLiteral("INSERT INTO panel_meetings (meeting_date, chair) VALUES ('2025-04-01', 'Theirs')")
                                                     : QStringLiteral("INSERT INTO panel_decisions (child_id, decided_on, outcome, notes)"
                                                                      " VALUES (NEW.child_id, '2025-04-01', 'continue', 'Theirs')"))},
                                   &error),
                     qPrintable(error));
            mine = save(*s, QStringLiteral("Mine"), &error);
            theirs = s->scalar(QStringLiteral("SELECT max(%1) FROM %2").arg(meeting ? QStringLiteral("meeting_id") : QStringLiteral("decision_id"), table))
                         .toLongLong();
            QVERIFY(theirs > mine);
        }
        QVERIFY2(mine, qPrintable(error));
        const QString id = meeting ? QStringLiteral("meeting_id") : QStringLiteral("decision_id");
        QCOMPARE(s->scalar(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(marker, table, id), {mine}).toString(), QStringLiteral("Mine"));
        QCOMPARE(s->scalar(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(marker, table, id), {theirs}).toString(), QStringLiteral("Theirs"));
        // The application's audit entry names my row, not theirs.
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = ? AND row_key = ? AND field IN ('meeting_date', 'outcome')"),
                           {table, QString::number(mine)}).toInt(), 1);
    }

    void aTransactionNotCommittedLeavesNothing()
    {
        TestSupport::Scratch scratch;
        QString error;
        auto store = Store::open(scratch.location(QStringLiteral("t")), &error);
        QVERIFY(store);
        {
            Transaction tx(*store);
            QVERIFY(tx.ok());
            QVERIFY(store->run(QStringLiteral("INSERT INTO population (year, age_0_17) VALUES (2020, 100)")));
        }
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM population")).toInt(), 0);
    }

    // Two connections edit the same budget row from version 1: the first wins, the second is
    // refused with a message naming who changed it, and the first's value stays.
    void versionedUpdateRefusesAStaleVersion()
    {
        TestStore s;
        QString error;
        const QString location = s->location();
        auto other = Store::open(location, &error);
        QVERIFY2(other, qPrintable(error));
        other->setUserName(QStringLiteral("bob")); // SQLite: the name recorded; PostgreSQL: the login
        const QString bob = other->userName();
        QVERIFY(s->run(QStringLiteral("INSERT INTO budgets (financial_year, category_id, number) SELECT 2024, category_id, 3"
                                      " FROM cost_categories WHERE name = 'Other'")));
        const QVariant category = s->scalar(QStringLiteral("SELECT category_id FROM cost_categories WHERE name = 'Other'"));
        const QString key = QStringLiteral("financial_year = ? AND category_id = ?");
        QVERIFY2(other->versionedUpdate(QStringLiteral("budgets"), key, {2024, category}, {QStringLiteral("number")}, {4}, 1,
                                        QStringLiteral("The budget"), &error), qPrintable(error));
        QVERIFY(!s->versionedUpdate(QStringLiteral("budgets"), key, {2024, category}, {QStringLiteral("number")}, {9}, 1,
                                    QStringLiteral("The budget"), &error));
        QVERIFY2(error.contains(QStringLiteral("The budget was changed by %1").arg(bob)), qPrintable(error));
        QCOMPARE(s->scalar(QStringLiteral("SELECT number FROM budgets")).toDouble(), 4.0);
        QCOMPARE(s->scalar(QStringLiteral("SELECT version FROM budgets")).toInt(), 2);
        QVERIFY(!s->versionedUpdate(QStringLiteral("budgets"), key, {2023, category}, {QStringLiteral("number")}, {9}, 2,
                                    QStringLiteral("The budget"), &error));
        QVERIFY2(error.contains(QLatin1String("no longer exists")), qPrintable(error));
    }

    // While one import holds the lock, a second cannot take it.
    void theImportLockKeepsASecondImportOut()
    {
        TestStore s;
        QString error;
        auto other = Store::open(s->location(), &error);
        QVERIFY(other);
        Transaction tx(*s, &error);
        QVERIFY(tx.ok());
        Store::ImportLock lock(*s, &error);
        QVERIFY2(lock.ok(), qPrintable(error));
        if (isPg()) {
            // The same key, tried without waiting from the other connection.
            QSqlQuery q = other->prepare(s->dialect().importLock().first().replace(QLatin1String("pg_advisory_xact_lock"),
                                                                                     QLatin1String("pg_try_advisory_xact_lock")));
            QVERIFY(Store::exec(q) && q.next());
            QCOMPARE(q.value(0).toBool(), false);
        } else {
            QVERIFY(other->run(QStringLiteral("PRAGMA busy_timeout = 0")));
            Transaction tx2(*other, &error);
            QVERIFY(tx2.ok());
            Store::ImportLock second(*other, &error);
            QVERIFY(!second.ok());
            QVERIFY2(error.contains(QLatin1String("Another import")), qPrintable(error));
        }
    }

    // After rows written with explicit ids (the demo, a copy), a plain insert gets a fresh id.
    void identitySequencesFollowExplicitIds()
    {
        TestStore s;
        QVERIFY(s->run(QStringLiteral("INSERT INTO children (child_id, child_ref) VALUES (41, 'A'), (42, 'B')")));
        QString error;
        QVERIFY2(s->resetIdentitySequences(&error), qPrintable(error));
        QVERIFY2(s->run(QStringLiteral("INSERT INTO children (child_ref) VALUES ('C')"), {}, &error), qPrintable(error));
        QCOMPARE(s->scalar(QStringLiteral("SELECT child_id FROM children WHERE child_ref = 'C'")).toLongLong(), qint64(43));
    }
};

QTEST_GUILESS_MAIN(TestStoreLayer)
#include "tst_store.moc"
