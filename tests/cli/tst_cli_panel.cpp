// `careboard panel` (PRODUCT §8): the agenda at a date as JSON or CSV; 0 on success, 1 on a store
// that cannot be read, 2 on wrong usage. On the demo authority every priority flag fires at its
// data end (issue #5).
#include "clisupport.h"

#include "store/store.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

class TestCliPanel : public QObject
{
    Q_OBJECT

    using Result = CliResult;

    QTemporaryDir m_dir;

    static Result run(const QStringList &args) { return runCareboard(args, 120000); }

private slots:
    void wrongUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("without --at") << QStringList{"panel", "--db", "x.sqlite"} << "--at is required";
        QTest::newRow("without --db") << QStringList{"panel", "--at", "2025-03-31"} << "--db is required";
        QTest::newRow("a UK date") << QStringList{"panel", "--db", "x.sqlite", "--at", "31/03/2025"} << "--at must be a date YYYY-MM-DD";
        QTest::newRow("an impossible date") << QStringList{"panel", "--db", "x.sqlite", "--at", "2025-02-30"} << "--at must be a date";
        QTest::newRow("an unknown format") << QStringList{"panel", "--db", "x.sqlite", "--at", "2025-03-31", "--format", "xml"}
                                           << "--format must be json or csv";
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

    void missingStoreExitsOne()
    {
        const QString db = m_dir.filePath(QStringLiteral("absent.sqlite"));
        const Result r = run({QStringLiteral("panel"), QStringLiteral("--db"), db, QStringLiteral("--at"), QStringLiteral("2025-03-31")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("does not exist")), qPrintable(r.err));
        QVERIFY(!QFile::exists(db));
    }

    void csvOfAHandBuiltAgenda()
    {
        // One child aged 12 (born 01/04/2012, D = 31/03/2025: 12 until tomorrow) in an agency
        // home at £9,500 a week, never reviewed; one in-house placement (not on the agenda).
        const QString db = m_dir.filePath(QStringLiteral("hand.sqlite"));
        {
            QString error;
            auto store = Store::open(db, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY(store->run(QStringLiteral("INSERT INTO children (child_id, child_ref, dob) VALUES (1, 'H1', '2012-04-01'), (2, 'H2', '2012-04-01')")));
            QVERIFY(store->run(QStringLiteral("INSERT INTO episodes (episode_id, child_id, decom, rne, ls, place, place_provider)"
                                              " VALUES (1, 1, '2024-01-01', 'S', 'C2', 'K2', 'PR4'), (2, 2, '2024-01-01', 'S', 'C2', 'K2', 'PR1')")));
            QVERIFY(store->run(QStringLiteral("INSERT INTO placements (placement_id, episode_id, provider, regulated)"
                                              " VALUES (1, 1, 'Oakfield, Ltd', 1), (2, 2, 'Elm House', 1)")));
            QVERIFY(store->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence)"
                                              " VALUES (1, '2024-01-01', 950000), (2, '2024-01-01', 300000)")));
        }
        const Result r = run({QStringLiteral("panel"), QStringLiteral("--db"), db, QStringLiteral("--at"), QStringLiteral("2025-03-31"),
                              QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QStringLiteral("position,child_ref,age,placement,provider,weekly_cost_pence,weekly_cost,flags,reasons,due_for_review,next_review"));
        QCOMPARE(lines[1], QStringLiteral("1,H1,12,K2,\"Oakfield, Ltd\",950000,\"£9,500\",cost_over_threshold;young_in_residential,"
                                          "\"weekly cost £9,500 exceeds £9,000; aged 12 in residential provision (K2)\",yes,2025-03-31"));
        // The next day the child is 13: only the cost flag remains.
        const Result next = run({QStringLiteral("panel"), QStringLiteral("--db"), db, QStringLiteral("--at"), QStringLiteral("2025-04-01")});
        QCOMPARE(next.code, 0);
        QVERIFY2(next.out.contains(QStringLiteral(",cost_over_threshold,\"weekly cost £9,500 exceeds £9,000\",")), qPrintable(next.out));
    }

    void everyFlagFiresOnTheDemoAtItsDataEnd()
    {
        const QString db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        Result r = run({QStringLiteral("demo"), QStringLiteral("--db"), db});
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("panel"), QStringLiteral("--db"), db, QStringLiteral("--at"), QStringLiteral("2025-03-31"),
                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QLatin1String("at")).toString(), QStringLiteral("2025-03-31"));
        const QJsonObject counts = root.value(QLatin1String("flag_counts")).toObject();
        QCOMPARE(counts.size(), 8);
        for (auto it = counts.begin(); it != counts.end(); ++it)
            QVERIFY2(it.value().toInt() >= 1, qPrintable(QStringLiteral("flag %1 never fires").arg(it.key())));
        const QJsonArray items = root.value(QLatin1String("items")).toArray();
        QVERIFY(items.size() > 8);
        // Most urgent first: the urgency (sum of severities) never rises down the agenda.
        int previous = 1000;
        for (const QJsonValue &v : items) {
            int urgency = 0;
            for (const QJsonValue &f : v.toObject().value(QLatin1String("flags")).toArray())
                urgency += f.toObject().value(QLatin1String("severity")).toInt();
            QVERIFY(urgency <= previous);
            previous = urgency;
            const QJsonObject item = v.toObject();
            QVERIFY(!item.value(QLatin1String("child_ref")).toString().isEmpty());
            QVERIFY(item.contains(QLatin1String("next_review")));
            QVERIFY(item.value(QLatin1String("weekly_cost_pence")).toInteger() >= 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliPanel)
#include "tst_cli_panel.moc"
