// Placement details and fees: the fee in force at a date, category by mapping or override,
// and fee changes that refuse a stale version.
#include "store/placementstore.h"
#include "testsupport.h"

class TestPlacements : public QObject
{
    Q_OBJECT

    static qint64 placementFor(TestStore &s, const QString &ref, const QString &decom)
    {
        s->run(QStringLiteral("INSERT INTO placements (episode_id, funding, provider) SELECT e.episode_id, 'spot', 'Oakfield Ltd'"
                              " FROM episodes e JOIN children c USING (child_id) WHERE c.child_ref = ? AND e.decom = ?"), {ref, decom});
        return s->scalar(QStringLiteral("SELECT max(placement_id) FROM placements")).toLongLong();
    }

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void feeInForceAtADate_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("between the two fees") << "2020-03-01" << qint64(50000);
        QTest::newRow("on the day of the change") << "2020-06-01" << qint64(60000);
        QTest::newRow("before the first fee: the first") << "2020-01-01" << qint64(50000);
    }

    void feeInForceAtADate()
    {
        QFETCH(QString, at);
        QFETCH(qint64, expected);
        TestStore s;
        s.episode(s.child("P1", "2008-04-01"), "2020-01-01", "", "C2", "S", "U6", "PR4");
        const qint64 p = placementFor(s, "P1", "2020-01-01");
        s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence) VALUES (?, '2020-01-05', 50000)"), {p});
        s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence) VALUES (?, '2020-06-01', 60000)"), {p});
        PlacementStore store(*s);
        const PlacementRecord r = store.placement(p, QDate::fromString(at, Qt::ISODate));
        QCOMPARE(r.weeklyFee, expected);
        QCOMPARE(r.category, QStringLiteral("Independent Fostering Agency")); // U6 with PR4
        QVERIFY(r.isExternal());
    }

    void openAtExcludesShortBreaksAndClosedPlacements()
    {
        TestStore s;
        const qint64 a = s.child("A", "2010-01-01"), b = s.child("B", "2010-01-01"), c = s.child("C", "2010-01-01");
        s.episode(a, "2020-01-01", "", "C2", "S", "K2", "PR4");
        s.episode(b, "2020-01-01", "2020-02-01", "C2", "S", "K2", "PR4", "E4A");
        s.episode(c, "2020-01-01", "", "V3", "S", "K2", "PR1");
        for (const char *ref : {"A", "B", "C"})
            placementFor(s, QString::fromLatin1(ref), "2020-01-01");
        const auto open = PlacementStore(*s).openAt(QDate(2020, 3, 1));
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().childRef, QStringLiteral("A"));
        QCOMPARE(open.first().category, QStringLiteral("Agency Residential"));
    }

    void aStaleEditIsRefusedAndChangesNothing()
    {
        TestStore s;
        s.episode(s.child("A", "2010-01-01"), "2020-01-01", "", "C2", "S", "K2", "PR4");
        const qint64 p = placementFor(s, "A", "2020-01-01");
        PlacementStore store(*s);
        QString error;
        PlacementStore::FeeChange change{p, QDate(2020, 2, 1), 400000, 0, QStringLiteral("Uplift")};
        QVERIFY2(store.changeFee(change, 1, &error), qPrintable(error));
        QCOMPARE(store.placement(p, QDate(2020, 2, 1)).version, 2);
        change.weeklyFee = 999900;
        QVERIFY(!store.changeFee(change, 1, &error));
        QVERIFY2(error.contains(QLatin1String("changed by")), qPrintable(error));
        QCOMPARE(store.placement(p, QDate(2020, 2, 1)).weeklyFee, qint64(400000));
        // Two entries of the application's (fee and additionalities) for the edit, none for the refusal.
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'placement_fees'"
                                          " AND field IN ('weekly_fee_pence', 'additional_weekly_pence')")).toInt(), 2);
        if (s->dialect().isPostgreSQL()) // and the server's own record of the one row written
            QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'placement_fees' AND field = 'INSERT'")).toInt(), 1);
    }

    // Every change of a weekly cost is logged with the cost before and after: the row's own values
    // when it is changed, else the fee in force until then. Hand-worked on one placement with
    // £905 a week (+ £20 additional) from 05/01/2020.
    void feeChangesAreLoggedWithTheOldAndNewWeeklyCost_data()
    {
        QTest::addColumn<QString>("change");   // new: a fee from a new date; replace: the fee at its date; undo: remove a new one
        QTest::addColumn<QString>("from");
        QTest::addColumn<qint64>("fee");
        QTest::addColumn<QString>("oldFee");    // empty: none
        QTest::addColumn<QString>("newFee");
        QTest::addColumn<QString>("oldAdditional");
        QTest::addColumn<QString>("newAdditional");
        QTest::newRow("a fee from a new date: from the fee in force (£905 to £800)") << "new" << "2020-06-01" << qint64(80000)
                                                                                     << "90500" << "80000" << "2000" << "0";
        QTest::newRow("the fee at its date changed (£905 to £800)") << "replace" << "2020-01-05" << qint64(80000) << "90500" << "80000"
                                                                   << "2000" << "0";
        QTest::newRow("a fee before the first one: nothing in force before") << "new" << "2020-01-01" << qint64(80000) << "" << "80000"
                                                                            << "" << "0";
        QTest::newRow("a new fee undone: back to the fee in force (£800 to £905)") << "undo" << "2020-06-01" << qint64(80000) << "80000"
                                                                                   << "90500" << "0" << "2000";
    }

    void feeChangesAreLoggedWithTheOldAndNewWeeklyCost()
    {
        QFETCH(QString, change);
        QFETCH(QString, from);
        QFETCH(qint64, fee);
        QFETCH(QString, oldFee);
        QFETCH(QString, newFee);
        QFETCH(QString, oldAdditional);
        QFETCH(QString, newAdditional);
        TestStore s;
        s.episode(s.child("A", "2010-01-01"), "2020-01-01", "", "C2", "S", "K2", "PR4");
        const qint64 p = placementFor(s, "A", "2020-01-01");
        QVERIFY(s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence, additional_weekly_pence)"
                                      " VALUES (?, '2020-01-05', 90500, 2000)"), {p}));
        PlacementStore store(*s);
        QString error;
        const QDate date = QDate::fromString(from, Qt::ISODate);
        QVERIFY2(store.changeFee({p, date, fee, 0, QStringLiteral("Panel")}, 1, &error), qPrintable(error));
        if (change == QLatin1String("undo"))
            QVERIFY2(store.removeFee(p, date, 2, QStringLiteral("Undo"), &error), qPrintable(error));
        const auto last = [&](const char *field) {
            QSqlQuery q = s->prepare(QStringLiteral("SELECT coalesce(old_value, ''), coalesce(new_value, '') FROM audit_log"
                                                    " WHERE table_name = 'placement_fees' AND row_key = ? AND field = ? ORDER BY audit_id DESC"));
            q.addBindValue(QStringLiteral("%1@%2").arg(p).arg(from));
            q.addBindValue(QString::fromLatin1(field));
            return Store::exec(q) && q.next() ? QStringList{q.value(0).toString(), q.value(1).toString()} : QStringList();
        };
        QCOMPARE(last("weekly_fee_pence"), QStringList({oldFee, newFee}));
        QCOMPARE(last("additional_weekly_pence"), QStringList({oldAdditional, newAdditional}));
    }
};

QTEST_GUILESS_MAIN(TestPlacements)
#include "tst_placements.moc"
