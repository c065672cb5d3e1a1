// careboard copy and careboard admin on the command line (exit 0/1/2), on both engines.
#include "clisupport.h"

#include "testsupport.h"

#include <QProcess>
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

    void wrongUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("copy without --to") << QStringList{"copy", "--from", "a.sqlite"} << "--to is required";
        QTest::newRow("copy onto itself") << QStringList{"copy", "--from", "a.sqlite", "--to", "a.sqlite"} << "the same store";
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
