// careboard copy and careboard admin on the command line (exit 0/1/2), on both engines.
#include "clisupport.h"

#include "testsupport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QUrl>
#include <QRegularExpression>

class TestCliCopy : public QObject
{
    Q_OBJECT

    using Result = CliResult;

    static Result run(const QStringList &args) { return runCareboard(args); }

    static QString digestIn(const QString &out)
    {
        return QRegularExpression(QStringLiteral("content digest ([0-9a-f]+)")).match(out).captured(1);
    }

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void copiesThereAndBackIdentically()
    {
        TestSupport::Scratch scratch;
        const QString source = scratch.filePath(QStringLiteral("source.sqlite"));
        const QString middle = scratch.location(QStringLiteral("middle"));
        const QString back = scratch.filePath(QStringLiteral("back.sqlite"));
        Result r = run({"demo", "--db", source, "--children", "40", "--seed", "5"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({"copy", "--from", source, "--to", middle});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString there = digestIn(r.out);
        QVERIFY2(!there.isEmpty(), qPrintable(r.out));
        r = run({"copy", "--from", middle, "--to", back});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(digestIn(r.out), there);
        // A second copy into the now non-empty target is refused, unless --replace.
        r = run({"copy", "--from", source, "--to", middle});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("--replace")), qPrintable(r.err));
        r = run({"copy", "--from", source, "--to", middle, "--replace"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(digestIn(r.out), there);
    }

    // copy --replace never loses a store's audit log silently: refused while it has entries;
    // with --discard-audit it goes through and the target's log records the discard.
    void replacingKeepsOrRecordsTheAuditLog()
    {
        TestSupport::Scratch scratch;
        const QString source = scratch.filePath(QStringLiteral("source.sqlite"));
        const QString target = scratch.location(QStringLiteral("target"));
        Result r = run({"demo", "--db", source, "--children", "40", "--seed", "5"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The target's own history: an import, audited.
        r = run({"import", "--db", target, CAREBOARD_SOURCE_DIR "/tests/data/seed-cost-table.csv"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString error;
        qint64 entries = 0;
        {
            auto store = Store::open(target, &error);
            QVERIFY2(store, qPrintable(error));
            entries = store->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        }
        QVERIFY(entries > 0);
        r = run({"copy", "--from", source, "--to", target, "--replace"});
        QCOMPARE(r.code, 1);
        const QString held = entries == 1 ? QStringLiteral("1 entry") : QStringLiteral("%1 entries").arg(entries);
        QVERIFY2(r.err.contains(QStringLiteral("has an audit log of %1").arg(held)) && r.err.contains(QLatin1String("--discard-audit")),
                 qPrintable(r.err));
        r = run({"copy", "--from", source, "--to", target, "--replace", "--discard-audit"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Discarded the %1 entries of %2's audit log").arg(entries).arg(target)), qPrintable(r.out));
        auto store = Store::open(target, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->scalar(QStringLiteral("SELECT old_value FROM audit_log WHERE table_name = 'audit_log' AND field = 'entries'")).toLongLong(),
                 entries);
        QCOMPARE(store->scalar(QStringLiteral("SELECT db_user FROM audit_log WHERE table_name = 'audit_log'")).toString(), store->userName());
    }

    // A person's own login on a shared server: each command says, in words, what the role lacks.
    void eachRoleIsToldWhatItMayNotDo_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QStringList>("args"); // --db URL is appended
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const QStringList panel{"panel", "--at", "2025-03-31"};
        const QStringList import{"import", CAREBOARD_SOURCE_DIR "/tests/data/seed-cost-table.csv"};
        QTest::newRow("viewer: indicators") << "careboard_viewer" << QStringList{"indicators", "--at", "2025-03-31"} << 0 << "cla_count";
        QTest::newRow("viewer: panel agenda") << "careboard_viewer" << panel << 1 << "needs the panel member role";
        QTest::newRow("panel member: panel agenda") << "careboard_panel" << panel << 0 << "position,child_ref";
        QTest::newRow("panel member: import") << "careboard_panel" << import << 1 << "needs the editor role";
        QTest::newRow("editor: demo") << "careboard_editor" << QStringList{"demo"} << 1 << "needs the administrator role";
    }

    void eachRoleIsToldWhatItMayNotDo()
    {
        if (!TestSupport::wantsPg())
            QSKIP("roles live on a PostgreSQL server");
        QFETCH(QString, role);
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, says);
        TestSupport::Scratch scratch;
        const QString db = scratch.location();
        Result r = run({"demo", "--db", db, "--children", "40", "--seed", "5"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({"admin", "roles", "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // A throwaway login in `role`, with a random password given to the child process only.
        const QString login = QStringLiteral("cbt_%1_%2").arg(QCoreApplication::applicationPid()).arg(QTest::currentDataTag()
                                                                                                       ? qHash(QString::fromUtf8(QTest::currentDataTag()))
                                                                                                       : 0);
        const QString password = QString::number(QRandomGenerator::global()->generate64(), 36);
        QString error;
        QVERIFY2(TestSupport::rawExec(TestSupport::pgServer(), {QStringLiteral("DROP ROLE IF EXISTS %1").arg(login),
                                                                 QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE %3").arg(login, password, role)},
                                      &error),
                 qPrintable(error));
        QUrl url(db);
        url.setUserName(login);
        r = runCareboard(args + QStringList{"--db", url.toString()}, 300000, {QStringLiteral("PGPASSWORD=") + password});
        TestSupport::rawExec(TestSupport::pgServer(), {QStringLiteral("DROP ROLE IF EXISTS %1").arg(login)});
        QVERIFY2(r.code == code, qPrintable(r.err + r.out));
        QVERIFY2((r.out + r.err).contains(says), qPrintable(r.err + r.out));
        if (code != 0)
            QVERIFY2(r.err.contains(login) && r.err.contains(QLatin1String(" is a ")), qPrintable(r.err));
    }

    // An administrator gives people their roles without writing SQL; the server then holds them.
    void anAdministratorGivesAndTakesRoles()
    {
        if (!TestSupport::wantsPg())
            QSKIP("roles live on a PostgreSQL server");
        TestSupport::Scratch scratch;
        const QString db = scratch.location();
        Result r = run({"admin", "roles", "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString person = QStringLiteral("cbt_%1_person").arg(QCoreApplication::applicationPid());
        const QString admin = QStringLiteral("cbt_%1_admin").arg(QCoreApplication::applicationPid());
        const QString password = QString::number(QRandomGenerator::global()->generate64(), 36);
        QString error;
        QVERIFY2(TestSupport::rawExec(TestSupport::pgServer(),
                                      {QStringLiteral("DROP ROLE IF EXISTS %1").arg(person), QStringLiteral("DROP ROLE IF EXISTS %1").arg(admin),
                                       QStringLiteral("CREATE ROLE %1 LOGIN").arg(person),
                                       QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE careboard_admin").arg(admin, password)},
                                      &error),
                 qPrintable(error));
        const auto roleOf = [&](const QString &user) {
            const Result list = run({"admin", "users", "--db", db});
            if (list.code != 0) // never "no role" when the listing itself failed
                return QStringLiteral("(admin users exited %1: %2)").arg(list.code).arg(list.err);
            for (const QString &line : list.out.split(QLatin1Char('\n')))
                if (line.startsWith(user + QLatin1Char(',')))
                    return line.section(QLatin1Char(','), 1);
            return QString();
        };
        // The store's owner makes the person an editor, then a viewer (one role at a time).
        r = run({"admin", "grant", person, "editor", "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(roleOf(person), QStringLiteral("careboard_editor"));
        r = run({"admin", "grant", person, "viewer", "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("WARNING")), qPrintable(r.err));
        QCOMPARE(roleOf(person), QStringLiteral("careboard_viewer"));
        // A member of careboard_admin, not the owner, may do it too.
        QUrl asAdmin(db);
        asAdmin.setUserName(admin);
        r = runCareboard({"admin", "grant", person, "panel", "--db", asAdmin.toString()}, 300000, {QStringLiteral("PGPASSWORD=") + password});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(roleOf(person), QStringLiteral("careboard_panel"));
        r = run({"admin", "revoke", person, "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(roleOf(person), QString());
        // Each change is in the audit log, with who made it.
        {
            auto store = Store::open(db, &error);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'roles' AND row_key = ?"), {person}).toInt(), 4);
            QCOMPARE(store->scalar(QStringLiteral("SELECT db_user FROM audit_log WHERE table_name = 'roles' AND new_value = 'careboard_panel'")).toString(),
                     admin);
        }
        // Refusals: a login that does not exist (exit 1), a role that does not (exit 2).
        r = run({"admin", "grant", person + QStringLiteral("_missing"), "editor", "--db", db});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("no login")), qPrintable(r.err));
        r = run({"admin", "grant", person, "boss", "--db", db});
        QCOMPARE(r.code, 2);
        TestSupport::rawExec(TestSupport::pgServer(), {QStringLiteral("DROP ROLE IF EXISTS %1").arg(person), QStringLiteral("DROP ROLE IF EXISTS %1").arg(admin)});
    }

    void wrongUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("copy without --to") << QStringList{"copy", "--from", "a.sqlite"} << "--to is required";
        QTest::newRow("copy onto itself") << QStringList{"copy", "--from", "a.sqlite", "--to", "a.sqlite"} << "the same store";
        QTest::newRow("--discard-audit without --replace") << QStringList{"copy", "--from", "a.sqlite", "--to", "b.sqlite", "--discard-audit"}
                                                          << "--discard-audit goes with --replace";
        QTest::newRow("admin without a task") << QStringList{"admin", "--db", "postgresql://u@h/d"} << "say what to do";
        QTest::newRow("admin roles on a file") << QStringList{"admin", "roles", "--db", "a.sqlite"} << "PostgreSQL server";
    }

    void wrongUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void aPasswordOnTheCommandLineIsRefusedAndNotEchoed()
    {
        const Result r = run({"demo", "--db", "postgresql://alice:hunter2@127.0.0.1/careboard"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("~/.pgpass")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("hunter2")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliCopy)
#include "tst_cli_copy.moc"
