// The demo authority: deterministic for a seed, and shaped like the seeds (PRODUCT §3, issue #2).
#include "domain/demogenerator.h"
#include "domain/indicatorengine.h"
#include "store/store.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

class TestDemo : public QObject
{
    Q_OBJECT

    TestSupport::Scratch m_scratch;

    std::unique_ptr<Store> makeDemo(const QString &name, quint64 seed)
    {
        QString error;
        auto store = Store::open(m_scratch.location(name), &error);
        if (!store)
            return nullptr;
        DemoOptions o;
        o.seed = seed;
        if (!DemoGenerator::write(*store, DemoGenerator::generate(o), &error))
            return nullptr;
        return store;
    }

    // A digest of every row of the case tables, in key order.
    static QByteArray digest(Store &store)
    {
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (const char *sql : {"SELECT * FROM children ORDER BY child_id", "SELECT * FROM episodes ORDER BY episode_id",
                                "SELECT * FROM placements ORDER BY placement_id", "SELECT * FROM placement_fees ORDER BY fee_id",
                                "SELECT * FROM cp_plans ORDER BY plan_id", "SELECT * FROM cin_episodes ORDER BY cin_id",
                                "SELECT * FROM population ORDER BY year", "SELECT * FROM budgets ORDER BY financial_year, category_id",
                                "SELECT * FROM panel_meetings ORDER BY meeting_id",
                                "SELECT decision_id, meeting_id, child_id, placement_id, decided_on, source, outcome, old_weekly_pence,"
                                " new_weekly_pence, new_cost_from, actions, next_review, notes FROM panel_decisions ORDER BY decision_id"}) {
            QSqlQuery q = store.prepare(QString::fromLatin1(sql));
            q.exec();
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    h.addData(q.value(i).toString().toUtf8() + '\x1f');
        }
        return h.result();
    }

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void sameSeedGivesIdenticalData()
    {
        auto a = makeDemo(QStringLiteral("a"), 7);
        auto b = makeDemo(QStringLiteral("b"), 7);
        auto c = makeDemo(QStringLiteral("c"), 8);
        QVERIFY(a && b && c);
        QCOMPARE(digest(*a), digest(*b));
        QVERIFY(digest(*a) != digest(*c));
        QVERIFY(a->isDemo());
    }

    void shapeMatchesTheSeeds()
    {
        auto store = makeDemo(QStringLiteral("shape"), 1);
        QVERIFY(store);
        IndicatorEngine engine(*store);
        // ≈ 120,000 under-18s.
        const qint64 population = engine.populationFor(QDate(2020, 3, 31));
        QVERIFY2(population > 110000 && population < 130000, qPrintable(QString::number(population)));
        // ≈ 750-850 children looked after at any time (sampled every quarter over the decade).
        for (QDate d(2015, 6, 30); d <= QDate(2025, 3, 31); d = d.addMonths(3)) {
            const qint64 n = engine.claAt(d).count;
            QVERIFY2(n >= 700 && n <= 900, qPrintable(QStringLiteral("%1: %2 looked after").arg(d.toString(Qt::ISODate)).arg(n)));
        }
        // ≈ 25-30 starts per 10,000 a year.
        for (int fy = 2016; fy <= 2023; ++fy) {
            const double starts = store->scalar(QStringLiteral(
                "SELECT count(DISTINCT child_id) FROM episodes WHERE rne = 'S' AND ls NOT IN ('V3', 'V4') AND decom BETWEEN ? AND ?"),
                {QStringLiteral("%1-04-01").arg(fy), QStringLiteral("%1-03-31").arg(fy + 1)}).toDouble();
            const double per10k = starts / double(engine.populationFor(QDate(fy + 1, 3, 31))) * 10000;
            QVERIFY2(per10k >= 22 && per10k <= 33, qPrintable(QStringLiteral("FY%1: %2 starts per 10k").arg(fy).arg(per10k)));
        }
        // CP ≈ 40 per 10k and CIN ≈ 330 per 10k at 31 March 2022.
        const double cp = store->scalar(QStringLiteral("SELECT count(*) FROM cp_plans WHERE start_date <= '2022-03-31' AND (end_date IS NULL OR end_date > '2022-03-31')")).toDouble();
        const double cin = store->scalar(QStringLiteral("SELECT count(*) FROM cin_episodes WHERE referral_date <= '2022-03-31' AND (closure_date IS NULL OR closure_date > '2022-03-31')")).toDouble();
        const double pop = double(engine.populationFor(QDate(2022, 3, 31)));
        QVERIFY2(cp / pop * 10000 > 32 && cp / pop * 10000 < 50, qPrintable(QString::number(cp / pop * 10000)));
        QVERIFY2(cin / pop * 10000 > 280 && cin / pop * 10000 < 380, qPrintable(QString::number(cin / pop * 10000)));
        // Short breaks (V3) and UASC children are present.
        QVERIFY(store->scalar(QStringLiteral("SELECT count(*) FROM episodes WHERE ls = 'V3'")).toInt() > 100);
        QVERIFY(store->scalar(QStringLiteral("SELECT count(*) FROM children WHERE uasc = 1")).toInt() > 20);
        // Weekly fees like seed 000: agency residential ≈ £3.5k, IFA ≈ £800, in-house fostering ≈ £480 (Dec 2017).
        const auto meanFee = [&](const QString &place, const QStringList &providers) {
            return store->scalar(QStringLiteral(
                "SELECT avg(f.weekly_fee_pence) / 100.0 FROM placement_fees f JOIN placements p USING (placement_id)"
                " JOIN episodes e USING (episode_id) WHERE e.place = ? AND e.place_provider IN (?, ?)"
                " AND e.decom BETWEEN '2017-01-01' AND '2018-12-31' AND f.effective_from = e.decom"),
                {place, providers.value(0), providers.value(1)}).toDouble();
        };
        const double agency = meanFee(QStringLiteral("K2"), {QStringLiteral("PR4"), QStringLiteral("PR5")});
        const double ifa = meanFee(QStringLiteral("U6"), {QStringLiteral("PR4"), QStringLiteral("PR5")});
        const double inhouse = meanFee(QStringLiteral("U6"), {QStringLiteral("PR1"), QStringLiteral("PR1")});
        QVERIFY2(agency > 3000 && agency < 4800, qPrintable(QString::number(agency)));
        QVERIFY2(ifa > 700 && ifa < 950, qPrintable(QString::number(ifa)));
        QVERIFY2(inhouse > 420 && inhouse < 560, qPrintable(QString::number(inhouse)));
        // Panel meetings exist, with decisions.
        QVERIFY(store->scalar(QStringLiteral("SELECT count(*) FROM panel_meetings")).toInt() >= 4);
        QVERIFY(store->scalar(QStringLiteral("SELECT count(*) FROM panel_decisions WHERE new_weekly_pence IS NOT NULL")).toInt() > 0);
        QVERIFY(store->scalar(QStringLiteral("SELECT count(*) FROM budgets")).toInt() > 0);
    }

    // Any size of authority and any span of years writes (issue #2: --children 10 to 200,000,
    // any --from/--to), and its rows hang together. Small ones only: each row writes two stores.
    void anySizeAndSpanWrites_data()
    {
        QTest::addColumn<int>("children");
        QTest::addColumn<int>("fromYear");
        QTest::addColumn<int>("toYear");
        QTest::addColumn<int>("seed");
        QTest::newRow("10 children, 2020-2022, seed 1") << 10 << 2020 << 2022 << 1;
        QTest::newRow("20 children, 2020-2022, seed 1") << 20 << 2020 << 2022 << 1;
        QTest::newRow("20 children, one year 2024-2025, seed 3") << 20 << 2024 << 2025 << 3;
        QTest::newRow("37 children, two years 2000-2002, seed 0") << 37 << 2000 << 2002 << 0;
        QTest::newRow("15 children, 2099-2101, seed 5") << 15 << 2099 << 2101 << 5;
        QTest::newRow("120 children, 2015-2025, largest seed") << 120 << 2015 << 2025 << 2147483647;
    }

    void anySizeAndSpanWrites()
    {
        QFETCH(int, children);
        QFETCH(int, fromYear);
        QFETCH(int, toYear);
        QFETCH(int, seed);
        DemoOptions o;
        o.children = children;
        o.fromYear = fromYear;
        o.toYear = toYear;
        o.seed = quint64(seed);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        QByteArray digests[2];
        for (int run = 0; run < 2; ++run) {
            QString error;
            auto store = Store::open(m_scratch.location(QStringLiteral("%1-%2").arg(tag).arg(run)), &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY2(DemoGenerator::write(*store, DemoGenerator::generate(o), &error), qPrintable(error));
            QVERIFY(store->isDemo());
            QVERIFY(store->scalar(QStringLiteral("SELECT count(*) FROM episodes")).toInt() > 0);
            // The data run from 1 April of the first year to 31 March of the last.
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM episodes WHERE decom > ?"),
                                   {QStringLiteral("%1-03-31").arg(toYear)}).toInt(), 0);
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM episodes WHERE dec < decom")).toInt(), 0);
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM episodes WHERE dec > ?"),
                                   {QStringLiteral("%1-03-31").arg(toYear)}).toInt(), 0);
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM placement_fees f LEFT JOIN placements p"
                                                  " ON p.placement_id = f.placement_id WHERE p.placement_id IS NULL")).toInt(), 0);
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM placements p LEFT JOIN episodes e"
                                                  " ON e.episode_id = p.episode_id WHERE e.episode_id IS NULL")).toInt(), 0);
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM episodes e LEFT JOIN children c"
                                                  " ON c.child_id = e.child_id WHERE c.child_id IS NULL")).toInt(), 0);
            // Every placement has its first fee, on the day it starts.
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM placements p JOIN episodes e ON e.episode_id = p.episode_id"
                                                  " LEFT JOIN placement_fees f ON f.placement_id = p.placement_id AND f.effective_from = e.decom"
                                                  " WHERE f.fee_id IS NULL")).toInt(), 0);
            // A child referred again has closed the earlier CIN episode first.
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM cin_episodes a JOIN cin_episodes b ON a.child_id = b.child_id"
                                                  " AND a.cin_id < b.cin_id AND a.referral_date < coalesce(b.closure_date, '9999-12-31')"
                                                  " AND b.referral_date < coalesce(a.closure_date, '9999-12-31')")).toInt(), 0);
            // The store's own indexes are all there after the load (dropped and rebuilt on SQLite only).
            if (store->dialect().isSQLite())
                QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                                      " AND name IN ('episodes_decom', 'episodes_dec')")).toInt(), 2);
            digests[run] = digest(*store);
        }
        QCOMPARE(digests[0], digests[1]);
    }

    void refusesToOverwriteImportedData()
    {
        QString error;
        auto store = Store::open(m_scratch.location(QStringLiteral("real")), &error);
        QVERIFY(store);
        QVERIFY(store->run(QStringLiteral("INSERT INTO children (child_ref) VALUES ('REAL1')")));
        DemoOptions o;
        o.children = 20;
        QVERIFY(!DemoGenerator::write(*store, DemoGenerator::generate(o), &error));
        QVERIFY2(error.contains(QLatin1String("imported data")), qPrintable(error));
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM children")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
