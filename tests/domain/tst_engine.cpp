// The indicator engine against hand-worked cases (PRODUCT §4). Expected values are worked out
// in the comments, never copied from the engine.
#include "domain/indicatorengine.h"
#include "testsupport.h"

class TestEngine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void lookedAfterAt_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("expected");
        // Children: A open 2020-01-10 ->; B 2019-05-01 -> 2020-03-31 (ends on D);
        // C starts on D 2020-03-31; D V3 only; E two episodes joined by X1 on 2020-02-01;
        // F left 2019-12-31 and came back 2020-06-01.
        QTest::newRow("episode ending on D is not counted, starting on D is") << "2020-03-31" << 3; // A, C, E
        QTest::newRow("day before D") << "2020-03-30" << 3;       // A, B, E
        QTest::newRow("X1 chain counts once") << "2020-02-01" << 3; // A, B, E (once)
        QTest::newRow("gap between two stays") << "2020-01-15" << 3;  // A, B, E ; F has left
        QTest::newRow("after return") << "2020-06-01" << 4;      // A, C, E, F
        QTest::newRow("before everything") << "2019-01-01" << 0;
    }

    void lookedAfterAt()
    {
        QFETCH(QString, at);
        QFETCH(int, expected);
        TestStore s;
        const qint64 a = s.child("A", "2010-01-01"), b = s.child("B", "2008-01-01"), c = s.child("C", "2015-01-01"),
                     d = s.child("D", "2012-01-01"), e = s.child("E", "2009-01-01"), f = s.child("F", "2011-01-01");
        s.episode(a, "2020-01-10", "");
        s.episode(b, "2019-05-01", "2020-03-31", "C2", "S", "U4", "PR1", "E4A");
        s.episode(c, "2020-03-31", "");
        s.episode(d, "2019-06-01", "2019-06-04", "V3", "S", "K2", "PR1", "E13");
        s.episode(d, "2020-03-01", "", "V3", "S", "K2", "PR1");
        s.episode(e, "2019-11-01", "2020-02-01", "C1", "S", "U4", "PR1", "X1");
        s.episode(e, "2020-02-01", "", "C2", "L", "U4", "PR1");
        s.episode(f, "2019-02-01", "2019-12-31", "V2", "S", "U6", "PR4", "E4A");
        s.episode(f, "2020-06-01", "", "V2", "S", "U6", "PR4");
        IndicatorEngine engine(*s);
        // B ends on 31/03/2020 and so is not open that day; D has only V3 short breaks.
        QCOMPARE(engine.claAt(QDate::fromString(at, Qt::ISODate)).count, qint64(expected));
    }

    void populationUsesTheLatestMidYearOnOrBeforeD_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("31 March 2024 uses mid-2023") << "2024-03-31" << qint64(2023);
        QTest::newRow("30 June 2024 uses mid-2024") << "2024-06-30" << qint64(2024);
        QTest::newRow("29 June 2024 uses mid-2023") << "2024-06-29" << qint64(2023);
        QTest::newRow("no row for the year: latest earlier") << "2027-03-31" << qint64(2024);
        QTest::newRow("before any row: none") << "2019-03-31" << qint64(0);
    }

    void populationUsesTheLatestMidYearOnOrBeforeD()
    {
        QFETCH(QString, at);
        QFETCH(qint64, expected);
        TestStore s;
        s.population(2022, 2022);
        s.population(2023, 2023);
        s.population(2024, 2024);
        IndicatorEngine engine(*s);
        QCOMPARE(engine.populationFor(QDate::fromString(at, Qt::ISODate)), expected);
    }

    void caseStoreEpisodesInChildAndStartOrder()
    {
        // Written out of order (child B first, A's later episode before its earlier one): the
        // bulk read returns (child, DECOM) order whatever the table order.
        TestStore s;
        const qint64 a = s.child("A", "2010-01-01"), b = s.child("B", "2011-01-01");
        s.episode(b, "2021-01-01", "");
        s.episode(a, "2020-06-01", "", "C2", "P");
        s.episode(a, "2020-01-01", "2020-06-01", "C2", "S", "U4", "PR1", "X1");
        const QVector<EpisodeRow> rows = CaseStore(*s).episodes();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].childId, a);
        QCOMPARE(QDate::fromJulianDay(rows[0].decom), QDate(2020, 1, 1));
        QCOMPARE(QDate::fromJulianDay(rows[0].dec), QDate(2020, 6, 1));
        QCOMPARE(QByteArray(rows[0].rec), QByteArray("X1"));
        QCOMPARE(rows[1].childId, a);
        QCOMPARE(QDate::fromJulianDay(rows[1].decom), QDate(2020, 6, 1));
        QCOMPARE(rows[1].dec, qint64(0)); // open: NULL DEC
        QCOMPARE(QByteArray(rows[1].rne), QByteArray("P"));
        QCOMPARE(QByteArray(rows[1].rec), QByteArray()); // NULL REC
        QCOMPARE(rows[2].childId, b);
    }

    void caseStoreKeepsTabsAndBackslashesInText()
    {
        // PostgreSQL's COPY text format escapes tab as \t and backslash as \\: read back as written.
        TestStore s;
        const qint64 a = s.child("A", "2010-01-01");
        s.episode(a, "2020-01-01", "");
        QVERIFY(s->run(QStringLiteral("UPDATE episodes SET place_provider = ?, place = ?, pl_post = ?"),
                       {QStringLiteral("P\tR"), QStringLiteral("U\\"), QStringLiteral("nf1 2ab")}));
        const QVector<EpisodeRow> rows = CaseStore(*s).episodes();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(QByteArray(rows[0].provider), QByteArray("P\tR"));
        QCOMPARE(QByteArray(rows[0].place), QByteArray("U\\"));
        QCOMPARE(QByteArray(rows[0].plPost), QByteArray("NF1")); // the district, upper case
    }

    void rateIsPerTenThousand()
    {
        TestStore s;
        s.population(2023, 40000);
        for (int i = 0; i < 3; ++i)
            s.episode(s.child(QStringLiteral("K%1").arg(i), "2012-01-01"), "2023-05-01", "");
        IndicatorEngine engine(*s);
        const IndicatorValue v = engine.claAt(QDate(2024, 3, 31));
        QCOMPARE(v.count, qint64(3));
        QCOMPARE(v.denominator, qint64(40000));
        QCOMPARE(v.rate, 0.75); // 3 / 40,000 x 10,000
        QVERIFY(!engine.claAt(QDate(2023, 3, 31)).hasRate()); // no mid-year on or before 31/03/2023
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
