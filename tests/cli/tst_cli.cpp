// The command line contract (PRODUCT §8): exit 0 on success, 1 on invalid data, 2 on wrong usage.
#include "clisupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

    using Result = CliResult;

    static Result run(const QStringList &args) { return runCareboard(args, 120000); }

private slots:
    void helpListsTheSubCommands()
    {
        const Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("careboard demo --db FILE")), qPrintable(r.out));
    }

    void wrongUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command 'frobnicate'";
        QTest::newRow("demo without --db") << QStringList{"demo"} << "--db is required";
        QTest::newRow("demo with a bad number") << QStringList{"demo", "--db", "x.sqlite", "--children", "lots"} << "--children must be a whole number";
        QTest::newRow("demo with an unknown option") << QStringList{"demo", "--db", "x.sqlite", "--colour", "red"} << "Unknown option 'colour'";
        QTest::newRow("demo with years reversed") << QStringList{"demo", "--db", "x.sqlite", "--from", "2020", "--to", "2019"} << "--to must be after --from";
        QTest::newRow("window with an unknown option") << QStringList{"--frobnicate"} << "Unknown option";
    }

    void wrongUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QDir::setCurrent(dir.path());
        const Result r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.sqlite"))));
    }

    void demoWritesAStoreAndRefusesAForeignFile()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
        Result r = run({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--children"), QStringLiteral("60")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("episodes")), qPrintable(r.out));
        QVERIFY(QFile::exists(db));

        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database, just some notes\n");
        f.close();
        r = run({QStringLiteral("demo"), QStringLiteral("--db"), text});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("not a Careboard store")), qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("not a database, just some notes\n"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
