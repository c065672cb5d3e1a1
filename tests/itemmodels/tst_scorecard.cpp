// The scorecard: targets and commentary stored with versions and audit entries, the item model's
// periods, comparisons and RAG, and the drill-down list model.
#include "domain/indicatorengine.h"
#include "itemmodels/countedchildrenmodel.h"
#include "itemmodels/scorecardmodel.h"
#include "scorecardcommands.h"
#include "store/scorecardstore.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QUndoStack>
#include <QSignalSpy>

class TestScorecard : public QObject
{
    Q_OBJECT

    // The application's entries for `table` (on PostgreSQL the server adds its own, field INSERT/UPDATE/DELETE).
    static int auditRows(TestStore &s, const char *table)
    {
        return s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = ? AND field NOT IN ('INSERT', 'UPDATE', 'DELETE')"),
                         {QString::fromLatin1(table)}).toInt();
    }

    static int rowOf(ScorecardModel &m, IndicatorId id)
    {
        for (int r = 0; r < m.rowCount(); ++r)
            if (m.indicatorAt(r).id == id)
                return r;
        return -1;
    }

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void targetsAreVersionedAndAudited()
    {
        TestStore s;
        ScorecardStore sc(*s);
        QString error;
        QVERIFY(!sc.target("cla", 2024).exists());
        QVERIFY2(sc.setTarget("cla", 2024, 62.5, 0, &error), qPrintable(error));
        VersionedValue t = sc.target("cla", 2024);
        QCOMPARE(t.version, 1);
        QCOMPARE(t.value.toDouble(), 62.5);
        QVERIFY(sc.setTarget("cla", 2024, 60.0, 1, &error));
        QCOMPARE(sc.target("cla", 2024).version, 2);
        // Someone still looking at version 1 is refused, told who changed it, and nothing changes.
        s->setUserName(QStringLiteral("other.user"));
        QVERIFY(!sc.setTarget("cla", 2024, 55.0, 1, &error));
        QVERIFY2(error.contains(QLatin1String("changed by")), qPrintable(error));
        QCOMPARE(sc.target("cla", 2024).value.toDouble(), 60.0);
        // A new row where one already exists is refused too (expected version 0).
        QVERIFY(!sc.setTarget("cla", 2024, 55.0, 0, &error));
        // Clearing removes it.
        QVERIFY(sc.setTarget("cla", 2024, QVariant(), 2, &error));
        QVERIFY(!sc.target("cla", 2024).exists());
        QCOMPARE(auditRows(s, "targets"), 3); // set, changed, removed
    }

    void commentaryIsPerIndicatorPerPeriod()
    {
        TestStore s;
        ScorecardStore sc(*s);
        QString error;
        QVERIFY(sc.setCommentary("cp", "2017-12", "Lowest level year to date at 41 per 10k.", 0, &error));
        QVERIFY(sc.setCommentary("cp", "2018-01", "Steady.", 0, &error));
        QCOMPARE(sc.commentary("cp", "2017-12").value.toString(), QStringLiteral("Lowest level year to date at 41 per 10k."));
        QCOMPARE(sc.commentary("cp", "2018-01").value.toString(), QStringLiteral("Steady."));
        QVERIFY(!sc.commentary("cin", "2017-12").exists());
        QVERIFY(sc.setCommentary("cp", "2017-12", "Revised.", 1, &error));
        QCOMPARE(sc.commentary("cp", "2017-12").version, 2);
        QCOMPARE(auditRows(s, "commentary"), 3);
    }

    void ragAgainstTheComparison_data()
    {
        QTest::addColumn<int>("good");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("comparison");
        QTest::addColumn<int>("expected");
        using R = ScorecardModel::Rag;
        // Amber band: within 5% of the comparison on the wrong side.
        QTest::newRow("higher is better, above") << int(GoodDirection::Higher) << 0.70 << 0.68 << int(R::Green);
        QTest::newRow("higher is better, equal") << int(GoodDirection::Higher) << 0.68 << 0.68 << int(R::Green);
        QTest::newRow("higher is better, 4% under") << int(GoodDirection::Higher) << 0.66 << 0.68 << int(R::Amber); // 0.68 - 0.034 = 0.646
        QTest::newRow("higher is better, well under") << int(GoodDirection::Higher) << 0.60 << 0.68 << int(R::Red);
        QTest::newRow("lower is better, under") << int(GoodDirection::Lower) << 0.09 << 0.10 << int(R::Green);
        QTest::newRow("lower is better, 3% over") << int(GoodDirection::Lower) << 0.103 << 0.10 << int(R::Amber); // up to 0.105
        QTest::newRow("lower is better, well over") << int(GoodDirection::Lower) << 0.12 << 0.10 << int(R::Red);
        QTest::newRow("context only") << int(GoodDirection::Neither) << 0.12 << 0.10 << int(R::None);
        QTest::newRow("nothing to compare") << int(GoodDirection::Lower) << 0.12 << qQNaN() << int(R::None);
    }

    void ragAgainstTheComparison()
    {
        QFETCH(int, good);
        QFETCH(double, value);
        QFETCH(double, comparison);
        QFETCH(int, expected);
        QCOMPARE(int(ScorecardModel::rate(GoodDirection(good), value, comparison)), expected);
    }

    void modelPeriodsValuesAndEdits()
    {
        TestStore s;
        // Ten children looked after from 01/01/2023; three have had three placements since.
        for (int i = 0; i < 10; ++i) {
            const qint64 c = s.child(QStringLiteral("K%1").arg(i), "2012-01-01");
            if (i < 3) {
                s.episode(c, "2023-01-01", "2023-06-01", "C2", "S", "U4", "PR1", "X1");
                s.episode(c, "2023-06-01", "2023-11-01", "C2", "P", "U6", "PR4", "X1");
                s.episode(c, "2023-11-01", "", "C2", "P", "K2", "PR4");
            } else {
                s.episode(c, "2023-01-01", "", "C2", "S", "U4", "PR1");
            }
        }
        s.population(2023, 20000);
        // Replace the shipped England rows with hand-made ones.
        s->run(QStringLiteral("DELETE FROM benchmarks WHERE indicator = 'cla_3plus_placements_in_year_pct'"));
        s->run(QStringLiteral("INSERT INTO benchmarks (indicator, year, comparator, value) VALUES"
                              " ('cla_3plus_placements_in_year_pct', 2023, 'England', 10),"
                              " ('cla_3plus_placements_in_year_pct', 2024, 'England', 11)"));
        IndicatorEngine engine(*s);
        ScorecardModel model(*s, engine);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Read-only until edits have an undo history to go to.
        QVERIFY(!model.setData(model.index(0, ScorecardModel::Target), QStringLiteral("31%")));
        QVERIFY(!(model.flags(model.index(0, ScorecardModel::Target)) & Qt::ItemIsEditable));
        QUndoStack stack;
        ScorecardEditCommand::attach(*s, &model, &stack);
        model.setPeriod(ScorecardModel::Period::Quarter, QDate(2024, 2, 10));
        QCOMPARE(model.periodEnd(), QDate(2024, 3, 31));
        QCOMPARE(model.previousEnd(), QDate(2023, 12, 31));
        QCOMPARE(model.lastYearEnd(), QDate(2023, 3, 31));
        QCOMPARE(model.periodKey(), QStringLiteral("2023-24 Q4"));
        model.setPeriod(ScorecardModel::Period::Month, QDate(2024, 3, 10));
        QCOMPARE(model.periodKey(), QStringLiteral("2024-03"));
        QCOMPARE(model.previousEnd(), QDate(2024, 2, 29));

        const int cla = rowOf(model, IndicatorId::Cla);
        QVERIFY(cla >= 0);
        QCOMPARE(model.data(model.index(cla, ScorecardModel::ThisPeriod)).toString(), QStringLiteral("5.0")); // 10 / 20,000 x 10,000
        const int three = rowOf(model, IndicatorId::ThreePlusPlacements);
        // 3 of 10 at 31/03/2024 -> 30.0%; England 31 March 2024 (the period's year end): 11%.
        QCOMPARE(model.data(model.index(three, ScorecardModel::ThisPeriod)).toString(), QStringLiteral("30.0%"));
        QCOMPARE(model.data(model.index(three, ScorecardModel::England)).toString(), QStringLiteral("11.0%"));
        QCOMPARE(model.ragAt(three), ScorecardModel::Rag::Red); // no target: against England, lower is better
        QVERIFY(model.flags(model.index(three, ScorecardModel::Target)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(three, ScorecardModel::ThisPeriod)) & Qt::ItemIsEditable));

        // A target typed as a percentage is stored as a share and rates the row.
        QVERIFY(model.setData(model.index(three, ScorecardModel::Target), QStringLiteral("31%")));
        QCOMPARE(ScorecardStore(*s).target("three_plus_placements", 2023).value.toDouble(), 0.31);
        QCOMPARE(model.ragAt(three), ScorecardModel::Rag::Green); // 30% <= 31%
        QCOMPARE(model.data(model.index(three, ScorecardModel::Target), Qt::EditRole).toString(), QStringLiteral("31"));
        QCOMPARE(stack.count(), 1);
        // Typing into the same cell again is one undo step, back to no target.
        QVERIFY(model.setData(model.index(three, ScorecardModel::Target), QStringLiteral("29%")));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(ScorecardStore(*s).target("three_plus_placements", 2023).value.toDouble(), 0.29);
        stack.undo();
        QVERIFY(ScorecardStore(*s).target("three_plus_placements", 2023).value.isNull());
        stack.redo();
        QVERIFY(model.setData(model.index(three, ScorecardModel::Target), QStringLiteral("31%")));
        QSignalSpy failed(&model, &ScorecardModel::editFailed);
        QVERIFY(!model.setData(model.index(three, ScorecardModel::Target), QStringLiteral("lots")));
        QCOMPARE(failed.size(), 1);

        QVERIFY(model.setData(model.index(three, ScorecardModel::Commentary), QStringLiteral("Moves after two homes closed.\nSecond line.")));
        QCOMPARE(model.data(model.index(three, ScorecardModel::Commentary)).toString(), QStringLiteral("Moves after two homes closed."));
        QCOMPARE(ScorecardStore(*s).commentary("three_plus_placements", "2024-03").value.toString(),
                 QStringLiteral("Moves after two homes closed.\nSecond line."));
        // Another period has its own commentary.
        model.setPeriod(ScorecardModel::Period::Month, QDate(2024, 2, 1));
        QCOMPARE(model.commentaryAt(three), QString());
    }

    void countedChildrenModel()
    {
        CountedChildrenModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CountedChild a;
        a.childRef = QStringLiteral("NF100001");
        a.age = 9;
        a.legalStatus = QStringLiteral("C2");
        a.placement = QStringLiteral("U4");
        a.provider = QStringLiteral("PR1");
        a.since = QDate(2023, 2, 1);
        CountedChild b;
        b.childRef = QStringLiteral("NF100002");
        model.setChildren({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, CountedChildrenModel::Since)).toString(), QStringLiteral("01/02/2023"));
        QCOMPARE(model.data(model.index(1, CountedChildrenModel::Age)).toString(), QStringLiteral("–"));
        QVERIFY(model.data(model.index(0, CountedChildrenModel::Placement), Qt::ToolTipRole).toString().contains(QLatin1String("Foster")));
    }
};

QTEST_GUILESS_MAIN(TestScorecard)
#include "tst_scorecard.moc"
