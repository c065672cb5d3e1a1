// Every indicator of PRODUCT §4 against small hand-worked cases. Each expected value is worked out
// in the comments from the episodes written in the test, never copied from the engine.
#include "domain/costtotals.h"
#include "domain/indicatorengine.h"
#include "testsupport.h"

#include <cmath>

static QDate day(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

class TestIndicators : public QObject
{
    Q_OBJECT

    static void plan(TestStore &s, const char *table, qint64 child, const QString &start, const QString &end)
    {
        const QString sql = QStringLiteral("INSERT INTO %1 (child_id, %2, %3) VALUES (?, ?, ?)")
                                .arg(QLatin1String(table),
                                     QLatin1String(qstrcmp(table, "cp_plans") == 0 ? "start_date" : "referral_date"),
                                     QLatin1String(qstrcmp(table, "cp_plans") == 0 ? "end_date" : "closure_date"));
        QString error;
        if (!s->run(sql, {child, start, end.isEmpty() ? QVariant() : QVariant(end)}, &error))
            qFatal("plan insert failed: %s", qPrintable(error));
    }

    // Starts and ceases, financial year 2023-24 (1 April 2023 to 31 March 2024).
    //  A: S 01/05/2023, open.
    //  B: S 01/04/2023 -> X1 01/06/2023, then P 01/06/2023 -> E4A 30/09/2023 (X1 is not a leaving).
    //  C: S 10/04/2023 -> E13 10/05/2023, and starts again S 01/08/2023, open (one child, counted once).
    //  D: V3 short break 01/06/2023 -> 03/06/2023 (never counted).
    //  E: S 01/11/2022 (last year) -> E4A 31/03/2024.
    static void startsAndCeasesCase(TestStore &s)
    {
        const qint64 a = s.child("A", "2010-01-01"), b = s.child("B", "2010-01-01"), c = s.child("C", "2010-01-01"),
                     d = s.child("D", "2010-01-01"), e = s.child("E", "2010-01-01");
        s.episode(a, "2023-05-01", "");
        s.episode(b, "2023-04-01", "2023-06-01", "C2", "S", "U4", "PR1", "X1");
        s.episode(b, "2023-06-01", "2023-09-30", "C2", "P", "U6", "PR4", "E4A");
        s.episode(c, "2023-04-10", "2023-05-10", "V2", "S", "U4", "PR1", "E13");
        s.episode(c, "2023-08-01", "", "V2", "S", "U4", "PR1");
        s.episode(d, "2023-06-01", "2023-06-03", "V3", "S", "K2", "PR1", "E13");
        s.episode(e, "2022-11-01", "2024-03-31", "C2", "S", "U4", "PR1", "E4A");
        s.population(2023, 10000);
    }

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void startsAndCeasesFinancialYearToDate_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("starts");
        QTest::addColumn<int>("ceased");
        QTest::newRow("whole year to 31 March") << "2024-03-31" << 3 << 3; // starts A, B, C; ceased B, C, E
        QTest::newRow("episode ending on D ceases that day") << "2024-03-30" << 3 << 2; // E leaves on 31/03
        QTest::newRow("a child who starts twice counts once") << "2023-08-31" << 3 << 1; // A, B, C; C left 10/05
        QTest::newRow("start on the first day of the year") << "2023-04-01" << 1 << 0; // B
        QTest::newRow("V3 only never counts") << "2023-06-30" << 3 << 1; // D left on 03/06 but was a short break
        QTest::newRow("a new year starts from zero") << "2024-04-30" << 0 << 0;
    }

    void startsAndCeasesFinancialYearToDate()
    {
        QFETCH(QString, at);
        QFETCH(int, starts);
        QFETCH(int, ceased);
        TestStore s;
        startsAndCeasesCase(s);
        IndicatorEngine engine(*s);
        const QDate d = QDate::fromString(at, Qt::ISODate);
        QCOMPARE(engine.valueAt(IndicatorId::ClaStarts, d).count, qint64(starts));
        QCOMPARE(engine.valueAt(IndicatorId::ClaCeased, d).count, qint64(ceased));
        // The drill-down lists the same children.
        QCOMPARE(engine.childrenCounted(IndicatorId::ClaStarts, d).size(), qsizetype(starts));
        QCOMPARE(engine.childrenCounted(IndicatorId::ClaCeased, d).size(), qsizetype(ceased));
    }

    void startsRateAndExplicitWindow()
    {
        TestStore s;
        startsAndCeasesCase(s);
        IndicatorEngine engine(*s);
        // 3 starts / 10,000 under-18s (mid-2023, used for 31/03/2024) x 10,000 = 3.0
        const IndicatorValue v = engine.valueAt(IndicatorId::ClaStarts, day("2024-03-31"));
        QCOMPARE(v.denominator, qint64(10000));
        QCOMPARE(v.rate, 3.0);
        // Calendar 2023: starts A (May), B (Apr), C (Apr, Aug: once) = 3; ceased B, C = 2.
        QCOMPARE(engine.startsIn(day("2023-01-01"), day("2023-12-31")).count, qint64(3));
        QCOMPARE(engine.ceasedIn(day("2023-01-01"), day("2023-12-31")).count, qint64(2));
        // Calendar 2022: E started (S 01/11/2022); nobody ceased.
        QCOMPARE(engine.startsIn(day("2022-01-01"), day("2022-12-31")).count, qint64(1));
        QCOMPARE(engine.ceasedIn(day("2022-01-01"), day("2022-12-31")).count, qint64(0));
    }

    void protectionPlansAndChildrenInNeed_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("cp");
        QTest::addColumn<int>("cin");
        // CP: X 01/01/2023 -> 30/06/2023; Y 30/06/2023 -> open; Z 01/01/2022 -> 31/12/2022 and
        //     01/03/2023 -> 01/09/2023; W two overlapping plans 01/01/2023 -> 31/12/2023 and
        //     01/02/2023 -> 01/03/2023 (one child).
        // CIN: the same dates (a plan's child is also a child in need), plus V 01/01/2020 -> open.
        QTest::newRow("plan ending on D is not counted, starting on D is") << "2023-06-30" << 3 << 4; // Y, Z, W (+V)
        QTest::newRow("overlapping plans count one child") << "2023-02-15" << 2 << 3;  // X, W (+V)
        QTest::newRow("between a child's two plans") << "2023-01-15" << 2 << 3;        // X, W (+V)
        QTest::newRow("before any plan") << "2021-12-31" << 0 << 1;                      // (V)
    }

    void protectionPlansAndChildrenInNeed()
    {
        QFETCH(QString, at);
        QFETCH(int, cp);
        QFETCH(int, cin);
        TestStore s;
        const qint64 x = s.child("X", "2015-01-01"), y = s.child("Y", "2015-01-01"), z = s.child("Z", "2015-01-01"),
                     w = s.child("W", "2015-01-01"), v = s.child("V", "2015-01-01");
        for (const char *table : {"cp_plans", "cin_episodes"}) {
            plan(s, table, x, "2023-01-01", "2023-06-30");
            plan(s, table, y, "2023-06-30", "");
            plan(s, table, z, "2022-01-01", "2022-12-31");
            plan(s, table, z, "2023-03-01", "2023-09-01");
            plan(s, table, w, "2023-01-01", "2023-12-31");
            plan(s, table, w, "2023-02-01", "2023-03-01");
        }
        plan(s, "cin_episodes", v, "2020-01-01", "");
        s.population(2022, 20000);
        IndicatorEngine engine(*s);
        const QDate d = QDate::fromString(at, Qt::ISODate);
        QCOMPARE(engine.valueAt(IndicatorId::Cp, d).count, qint64(cp));
        QCOMPARE(engine.valueAt(IndicatorId::Cin, d).count, qint64(cin));
        QCOMPARE(engine.childrenCounted(IndicatorId::Cp, d).size(), qsizetype(cp));
        if (d >= day("2022-06-30")) // cp / 20,000 x 10,000 = cp / 2
            QCOMPARE(engine.valueAt(IndicatorId::Cp, d).rate, cp / 2.0);
        else // no mid-year estimate on or before D: no rate, never a zero
            QVERIFY(!engine.valueAt(IndicatorId::Cp, d).hasRate());
    }

    void placementMixFollowsTheCollectionYear_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<QString>("group");
        QTest::addColumn<int>("count");
        // Eleven children, each in one open placement since 01/01/2023:
        //  U4 PR1, U1 PR1, U6 PR4, K2 PR4, K2 PR1, H5 PR4, K3 PR4, P1 PR0, A4 PR1, Z1 PR4, Q9 PR4.
        // 2023-24: K3 is not yet a code and Q9 never is -> unknown 2; H5 independent 1; Z1 other 1.
        QTest::newRow("2023-24 foster") << "2024-03-31" << "foster" << 3;
        QTest::newRow("2023-24 homes") << "2024-03-31" << "secure_and_childrens_homes" << 2;
        QTest::newRow("K3 in 2023-24 is unknown") << "2024-03-31" << "independent_supported" << 1;
        QTest::newRow("2023-24 unknown") << "2024-03-31" << "unknown" << 2;
        QTest::newRow("2023-24 other") << "2024-03-31" << "other" << 1;
        QTest::newRow("2023-24 parents") << "2024-03-31" << "parents" << 1;
        QTest::newRow("2023-24 adoption") << "2024-03-31" << "adoption" << 1;
        // 2024-25: K3 joins H5 in independent/supported; only Q9 is unknown.
        QTest::newRow("K3 in 2024-25 is supported accommodation") << "2024-06-30" << "independent_supported" << 2;
        QTest::newRow("2024-25 unknown") << "2024-06-30" << "unknown" << 1;
        // 2025-26: H5 and Z1 are no longer codes -> unknown 3 (H5, Z1, Q9); K3 alone supported.
        QTest::newRow("H5 in 2025-26 is unknown") << "2025-06-30" << "independent_supported" << 1;
        QTest::newRow("2025-26 unknown") << "2025-06-30" << "unknown" << 3;
        QTest::newRow("Z1 in 2025-26 is unknown") << "2025-06-30" << "other" << 0;
    }

    void placementMixFollowsTheCollectionYear()
    {
        QFETCH(QString, at);
        QFETCH(QString, group);
        QFETCH(int, count);
        TestStore s;
        const char *placements[][2] = {{"U4", "PR1"}, {"U1", "PR1"}, {"U6", "PR4"}, {"K2", "PR4"}, {"K2", "PR1"}, {"H5", "PR4"},
                                       {"K3", "PR4"}, {"P1", "PR0"}, {"A4", "PR1"}, {"Z1", "PR4"}, {"Q9", "PR4"}};
        int n = 0;
        for (const auto &p : placements)
            s.episode(s.child(QStringLiteral("M%1").arg(n++), "2010-01-01"), "2023-01-01", "", "C2", "S",
                      QString::fromLatin1(p[0]), QString::fromLatin1(p[1]));
        IndicatorEngine engine(*s);
        const QDate d = QDate::fromString(at, Qt::ISODate);
        const IndicatorSet all = engine.allAt(d);
        QCOMPARE(all.value(IndicatorId::Cla).count, qint64(11));
        int g = 0;
        while (g < Codes::placementGroupCount && Codes::groupKey(Codes::PlacementGroup(g)) != group)
            ++g;
        QVERIFY(g < Codes::placementGroupCount);
        QCOMPARE(all.mixCounts[size_t(g)], qint64(count));
        const IndicatorValue share = all.value(Indicators::mixIndicator(Codes::PlacementGroup(g)));
        QCOMPARE(share.denominator, qint64(11));
        QVERIFY(std::abs(share.rate - count / 11.0) < 1e-12);
        // Every unknown code is a data-quality finding naming the child and the code.
        const QVector<UnknownPlacement> unknown = engine.unknownPlacements(d);
        QCOMPARE(qint64(unknown.size()), all.mixCounts[size_t(Codes::PlacementGroup::Unknown)]);
        for (const UnknownPlacement &u : unknown)
            QVERIFY(u.childRef.startsWith(QLatin1Char('M')) && !u.place.isEmpty());
    }

    void inHouseExternalAndRelatives()
    {
        TestStore s;
        // Same eleven as the mix: fostering U4 PR1, U1 PR1, U6 PR4 -> in-house 2/3, external 1/3,
        // relatives or friends (U1) 1/3; residential K2 PR4, K2 PR1 -> external 1/2.
        const char *placements[][2] = {{"U4", "PR1"}, {"U1", "PR1"}, {"U6", "PR4"}, {"K2", "PR4"}, {"K2", "PR1"},
                                       {"P1", "PR0"}, {"H5", "PR4"}};
        int n = 0;
        for (const auto &p : placements)
            s.episode(s.child(QStringLiteral("H%1").arg(n++), "2010-01-01"), "2023-01-01", "", "C2", "S",
                      QString::fromLatin1(p[0]), QString::fromLatin1(p[1]));
        IndicatorEngine engine(*s);
        const IndicatorSet all = engine.allAt(day("2024-03-31"));
        QCOMPARE(all.value(IndicatorId::InHouseShareFostering).count, qint64(2));
        QCOMPARE(all.value(IndicatorId::InHouseShareFostering).denominator, qint64(3));
        QCOMPARE(all.value(IndicatorId::ExternalShareFostering).rate, 1.0 / 3.0);
        QCOMPARE(all.value(IndicatorId::RelativeFriendShareFostering).rate, 1.0 / 3.0);
        QCOMPARE(all.value(IndicatorId::ExternalShareResidential).rate, 0.5);
    }

    void uascAtD_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("expected");
        // U1 UASC looked after 01/01/2023 -> open; U2 UASC 01/01/2023 -> 01/06/2023;
        // U3 UASC from 01/01/2023, status ended 01/09/2023 (still looked after); N not UASC.
        QTest::newRow("all three") << "2023-05-31" << 3;
        QTest::newRow("one left on D") << "2023-06-01" << 2;
        QTest::newRow("status ended") << "2023-09-01" << 1;
    }

    void uascAtD()
    {
        QFETCH(QString, at);
        QFETCH(int, expected);
        TestStore s;
        const qint64 u1 = s.child("U1", "2007-01-01", true), u2 = s.child("U2", "2007-01-01", true),
                     u3 = s.child("U3", "2007-01-01", true), n = s.child("N", "2007-01-01");
        s.episode(u1, "2023-01-01", "");
        s.episode(u2, "2023-01-01", "2023-06-01", "V2", "S", "K3", "PR4", "E15");
        s.episode(u3, "2023-01-01", "");
        s.episode(n, "2023-01-01", "");
        s->run(QStringLiteral("UPDATE children SET uasc_ceased = ? WHERE child_id = ?"), {QStringLiteral("2023-09-01"), u3});
        IndicatorEngine engine(*s);
        const QDate d = QDate::fromString(at, Qt::ISODate);
        QCOMPARE(engine.valueAt(IndicatorId::Uasc, d).count, qint64(expected));
        QCOMPARE(engine.childrenCounted(IndicatorId::Uasc, d).size(), qsizetype(expected));
    }

    void threeOrMorePlacements_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("lookedAfter");
        // P: S 01/01/2023 -> P 01/05/2023 -> L 01/09/2023 (same placement) -> T 01/10/2023, open:
        //    placements [01/01, 01/05), [01/05, 01/10), [01/10, open).
        // Q: S 01/06/2023 -> P 01/07/2023 -> P 01/08/2023 -> E4A 01/12/2023 (three, then left).
        // R: one placement since 01/01/2022. S: S 01/01/2023 then two L episodes (one placement).
        QTest::newRow("year to 31 March: P's first placement still in the window") << "2024-03-31" << 1 << 3;
        QTest::newRow("window opens 30/04/2023: P's first placement ended 01/05") << "2024-04-29" << 1 << 3;
        QTest::newRow("window opens 01/05/2023: P's first placement is out") << "2024-04-30" << 0 << 3;
        QTest::newRow("third placement starts on D") << "2023-10-01" << 2 << 4; // P and Q; R, S not
        QTest::newRow("legal status change is not a placement") << "2023-09-15" << 1 << 4; // Q only
    }

    void threeOrMorePlacements()
    {
        QFETCH(QString, at);
        QFETCH(int, count);
        QFETCH(int, lookedAfter);
        TestStore s;
        const qint64 p = s.child("P", "2012-01-01"), q = s.child("Q", "2012-01-01"), r = s.child("R", "2012-01-01"),
                     t = s.child("S", "2012-01-01");
        s.episode(p, "2023-01-01", "2023-05-01", "C2", "S", "U4", "PR1", "X1");
        s.episode(p, "2023-05-01", "2023-09-01", "C2", "P", "U6", "PR4", "X1");
        s.episode(p, "2023-09-01", "2023-10-01", "E1", "L", "U6", "PR4", "X1");
        s.episode(p, "2023-10-01", "", "E1", "T", "U4", "PR4");
        s.episode(q, "2023-06-01", "2023-07-01", "V2", "S", "U4", "PR1", "X1");
        s.episode(q, "2023-07-01", "2023-08-01", "V2", "P", "U6", "PR1", "X1");
        s.episode(q, "2023-08-01", "2023-12-01", "V2", "P", "K2", "PR4", "E4A");
        s.episode(r, "2022-01-01", "");
        s.episode(t, "2023-01-01", "2023-03-01", "L2", "S", "U4", "PR1", "X1");
        s.episode(t, "2023-03-01", "2023-06-01", "C1", "L", "U4", "PR1", "X1");
        s.episode(t, "2023-06-01", "", "C2", "L", "U4", "PR1");
        IndicatorEngine engine(*s);
        const IndicatorValue v = engine.valueAt(IndicatorId::ThreePlusPlacements, QDate::fromString(at, Qt::ISODate));
        QCOMPARE(v.count, qint64(count));
        QCOMPARE(v.denominator, qint64(lookedAfter));
        QCOMPARE(v.rate, double(count) / lookedAfter);
    }

    void longTermStability_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("stable");
        QTest::addColumn<int>("base");
        // L1 born 2012: looked after from 01/01/2021, same placement since 01/06/2021 (P).
        // L2 born 2012: looked after from 01/01/2021, moved 01/01/2023.
        // L3 born 2012: looked after from 01/01/2022 (2¼ years at 31/03/2024: too short).
        // L4 born 01/01/2008: one placement since 01/01/2020 (16 on 01/01/2024).
        // L5 born 2019: looked after from 01/06/2021, placed for adoption (A4) 01/12/2023.
        // L6 born 2012: one placement since 01/01/2021 with a change of legal status 01/01/2022 (L).
        QTest::newRow("31 March 2024") << "2024-03-31" << 3 << 4;   // base L1 L2 L5 L6; stable L1 L5 L6
        QTest::newRow("2½ years exactly on D") << "2023-07-01" << 3 << 4; // base L1 L2 L4 L6; stable L1 L4 L6
        QTest::newRow("a day short of 2½ years") << "2023-06-30" << 1 << 1; // L4 only
    }

    void longTermStability()
    {
        QFETCH(QString, at);
        QFETCH(int, stable);
        QFETCH(int, base);
        TestStore s;
        const qint64 l1 = s.child("L1", "2012-01-01"), l2 = s.child("L2", "2012-01-01"), l3 = s.child("L3", "2012-01-01"),
                     l4 = s.child("L4", "2008-01-01"), l5 = s.child("L5", "2019-01-01"), l6 = s.child("L6", "2012-01-01");
        s.episode(l1, "2021-01-01", "2021-06-01", "C2", "S", "U6", "PR1", "X1");
        s.episode(l1, "2021-06-01", "", "C2", "P", "U4", "PR1");
        s.episode(l2, "2021-01-01", "2023-01-01", "C2", "S", "U4", "PR1", "X1");
        s.episode(l2, "2023-01-01", "", "C2", "P", "K2", "PR4");
        s.episode(l3, "2022-01-01", "");
        s.episode(l4, "2020-01-01", "");
        s.episode(l5, "2021-06-01", "2023-12-01", "C2", "S", "U4", "PR1", "X1");
        s.episode(l5, "2023-12-01", "", "E1", "T", "A4", "PR1");
        s.episode(l6, "2021-01-01", "2022-01-01", "C1", "S", "U4", "PR1", "X1");
        s.episode(l6, "2022-01-01", "", "C2", "L", "U4", "PR1");
        IndicatorEngine engine(*s);
        const IndicatorValue v = engine.valueAt(IndicatorId::LongTermStability, QDate::fromString(at, Qt::ISODate));
        QCOMPARE(v.count, qint64(stable));
        QCOMPARE(v.denominator, qint64(base));
    }

    void outOfArea()
    {
        TestStore s;
        s->setSetting(QStringLiteral("authority_postcode_districts"), QStringLiteral("NF1 NF2"));
        // Placed at NF1 2AB (in), B12 (out), no postcode (not known to be out), nf2 (in, any case).
        const char *posts[] = {"NF1 2AB", "B12", "", "nf2"};
        int n = 0;
        for (const char *post : posts) {
            const qint64 c = s.child(QStringLiteral("O%1").arg(n++), "2010-01-01");
            s->run(QStringLiteral("INSERT INTO episodes (child_id, decom, rne, ls, place, place_provider, pl_post) VALUES (?, ?, 'S', 'C2', 'U4', 'PR4', ?)"),
                   {c, QStringLiteral("2023-01-01"), *post ? QVariant(QString::fromLatin1(post)) : QVariant()});
        }
        IndicatorEngine engine(*s);
        const IndicatorValue v = engine.valueAt(IndicatorId::OutOfArea, day("2024-03-31"));
        QCOMPARE(v.count, qint64(1));       // B12
        QCOMPARE(v.denominator, qint64(4)); // of the four looked after
        QCOMPARE(v.rate, 0.25);
        QCOMPARE(engine.childrenCounted(IndicatorId::OutOfArea, day("2024-03-31")).value(0).childRef, QStringLiteral("O1"));
    }

    void drillDownListsTheChildrenCounted()
    {
        TestStore s;
        // As tst_engine: at 31/03/2020 A, C and E are looked after; B ends that day, D is V3 only.
        const qint64 a = s.child("A", "2010-01-01"), b = s.child("B", "2008-01-01"), c = s.child("C", "2015-04-01"),
                     d = s.child("D", "2012-01-01"), e = s.child("E", "2009-01-01");
        s.episode(a, "2020-01-10", "", "C2", "S", "U4", "PR1");
        s.episode(b, "2019-05-01", "2020-03-31", "C2", "S", "U4", "PR1", "E4A");
        s.episode(c, "2020-03-31", "", "V2", "S", "K2", "PR4");
        s.episode(d, "2020-03-01", "", "V3", "S", "K2", "PR1");
        s.episode(e, "2019-11-01", "2020-02-01", "C1", "S", "U4", "PR1", "X1");
        s.episode(e, "2020-02-01", "", "C2", "L", "U4", "PR1");
        IndicatorEngine engine(*s);
        const QVector<CountedChild> kids = engine.childrenCounted(IndicatorId::Cla, day("2020-03-31"));
        QCOMPARE(kids.size(), qsizetype(3));
        QCOMPARE(kids[0].childRef, QStringLiteral("A"));
        QCOMPARE(kids[0].age, 10);
        QCOMPARE(kids[1].childRef, QStringLiteral("C"));
        QCOMPARE(kids[1].age, 4);  // born 01/04/2015: 4 until 01/04/2020
        QCOMPARE(kids[1].legalStatus, QStringLiteral("V2"));
        QCOMPARE(kids[1].placement, QStringLiteral("K2"));
        QCOMPARE(kids[2].childRef, QStringLiteral("E"));
        QCOMPARE(kids[2].legalStatus, QStringLiteral("C2")); // the episode in force since 01/02/2020
        QCOMPARE(kids[2].since, day("2020-02-01"));
    }

    void overlappingEpisodesCountTheChildOnce()
    {
        TestStore s;
        // A return recorded while the first episode is still open (a data error): one child.
        const qint64 a = s.child("A", "2010-01-01");
        s.episode(a, "2020-01-01", "", "C2", "S", "U4", "PR1");
        s.episode(a, "2020-06-01", "2020-09-01", "C2", "P", "K2", "PR4", "E4A");
        IndicatorEngine engine(*s);
        QCOMPARE(engine.claAt(day("2020-07-01")).count, qint64(1));
        QCOMPARE(engine.allAt(day("2020-07-01")).mixCounts[size_t(Codes::PlacementGroup::SecureAndChildrensHomes)], qint64(1));
        QCOMPARE(engine.allAt(day("2020-10-01")).mixCounts[size_t(Codes::PlacementGroup::Foster)], qint64(1));
    }

    // The month-end series of startsAndCeasesCase, worked by hand from the episodes (not from
    // valueAt, which series() is built on):
    //  looked after: E from 01/11/2022 to 31/03/2024 (gone on 31/03); B April to August (its second
    //  episode ends 30/09); C in April (to 10/05) and again from August; A from May; D is V3.
    //  starts (financial year to date): E in 2022-23; then B and C in April, A in May; none in 2024-25.
    //  ceased: C 10/05, B 30/09 (X1 on 01/06 is not a leaving), E 31/03; D's V3 never counts.
    void seriesAtMonthEndsHandWorked_data()
    {
        QTest::addColumn<int>("indicator");
        QTest::addColumn<QVector<qint64>>("counts");
        //                                                     J  F  M  A  M  J  J  A  S  O  N  D  J  F  M  A  M  J
        QTest::newRow("looked after") << int(IndicatorId::Cla) << QVector<qint64>{1, 1, 1, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2};
        QTest::newRow("starts")     << int(IndicatorId::ClaStarts) << QVector<qint64>{1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0};
        QTest::newRow("ceased")     << int(IndicatorId::ClaCeased) << QVector<qint64>{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 0, 0, 0};
    }

    void seriesAtMonthEndsHandWorked()
    {
        QFETCH(int, indicator);
        QFETCH(QVector<qint64>, counts);
        TestStore s;
        startsAndCeasesCase(s);
        IndicatorEngine engine(*s);
        const QVector<QDate> dates = IndicatorEngine::monthEnds(day("2023-01-15"), day("2024-06-10"));
        QCOMPARE(dates.size(), qsizetype(18)); // January 2023 to June 2024
        QCOMPARE(dates.first(), day("2023-01-31"));
        QCOMPARE(dates[1], day("2023-02-28"));
        QCOMPARE(dates[13], day("2024-02-29"));
        QCOMPARE(dates.last(), day("2024-06-30"));
        const QVector<IndicatorValue> series = engine.series(IndicatorId(indicator), dates);
        QCOMPARE(series.size(), dates.size());
        QVector<qint64> got;
        for (const IndicatorValue &v : series)
            got << v.count;
        QCOMPARE(got, counts);
        // Rates on the one population given (10,000 from mid-2023; none before): count per 10,000.
        QCOMPARE(series[7].denominator, qint64(10000)); // 31/08/2023
        QCOMPARE(series[7].rate, double(counts[7])); // n / 10,000 x 10,000
    }

    void seriesDateSteps()
    {
        QCOMPARE(IndicatorEngine::quarterEnds(day("2023-02-01"), day("2023-12-31")),
                 (QVector<QDate>{day("2023-03-31"), day("2023-06-30"), day("2023-09-30"), day("2023-12-31")}));
        QCOMPARE(IndicatorEngine::yearEnds(day("2022-05-01"), day("2024-03-31")),
                 (QVector<QDate>{day("2023-03-31"), day("2024-03-31")}));
    }

    void costTotals()
    {
        TestStore s;
        // Case-level: one placement open at D, £500.00 fee + £100.00 additionalities a week.
        const qint64 c = s.child("A", "2010-01-01");
        s.episode(c, "2023-01-01", "", "C2", "S", "K2", "PR4");
        s->run(QStringLiteral("INSERT INTO placements (placement_id, episode_id) SELECT 1, episode_id FROM episodes"));
        s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence, additional_weekly_pence)"
                              " VALUES (1, '2023-01-01', 50000, 10000)"));
        // A snapshot for December 2017 (no case-level data then): 63 x £3,546 + 189 x £476; TOTAL ignored.
        s->run(QStringLiteral("INSERT INTO cost_snapshots (month, category, ave_unit_cost_week_pence, number) VALUES"
                              " ('2017-12', 'Agency Residential', 354600, 63), ('2017-12', 'In-house Fostering', 47600, 189),"
                              " ('2017-12', 'TOTAL', 95400, 754)"));
        CostTotal t = CostTotals::at(*s, day("2024-03-31"));
        QCOMPARE(t.source, CostTotal::Source::Placements);
        QCOMPARE(t.weeklyPounds(), 600.0);
        QCOMPARE(t.annualPounds(), 600.0 * 365.0 / 7.0); // £31,285.71
        t = CostTotals::at(*s, day("2017-12-31"));
        QCOMPARE(t.source, CostTotal::Source::Snapshot);
        QCOMPARE(t.weeklyPounds(), 313362.0); // 63 x 3,546 = 223,398 + 189 x 476 = 89,964
        QCOMPARE(t.placements, qint64(252));
        QVERIFY(!CostTotals::at(*s, day("2019-06-30")).isAvailable());
    }
};

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
