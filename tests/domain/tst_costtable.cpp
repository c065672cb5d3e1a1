// The cost table (PRODUCT §6): seed 000's "Type of placement – Costs" worked by hand, a small
// case-level month, budgets, snapshots, what-if, versioned edits, and the item models.
#include "domain/costtable.h"
#include "domain/whatif.h"
#include "itemmodels/auditlogmodel.h"
#include "itemmodels/costcategorymodel.h"
#include "itemmodels/costtablemodel.h"
#include "itemmodels/placementcostmodel.h"
#include "itemmodels/whatifmodel.h"
#include "store/coststore.h"
#include "store/placementstore.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <cmath>

namespace {

// Seed 000 (December 2017) as shipped in tests/data/seed-cost-table.csv; source in tests/data/README.md.
QString seedCsv()
{
    return QStringLiteral(CAREBOARD_SOURCE_DIR "/tests/data/seed-cost-table.csv");
}

qint64 pounds(double p)
{
    return qint64(std::llround(p / 100.0));
}

} // namespace

class TestCostTable : public QObject
{
    Q_OBJECT

    static void importSeed(TestStore &s)
    {
        QString error;
        int rows = 0;
        QVERIFY2(CostStore(*s).importSnapshotCsv(seedCsv(), &error, &rows), qPrintable(error));
        QCOMPARE(rows, 14);
    }

    // A placement on an episode from 01/01/2020 with a fee from that date.
    static qint64 placed(TestStore &s, const QString &ref, const QString &place, const QString &provider, qint64 feePence,
                         qint64 extrasPence, const QString &funding, const QString &dec = QString())
    {
        s.episode(s.child(ref, "2008-05-01"), "2020-01-01", dec, "C2", "S", place, provider);
        s->run(QStringLiteral("INSERT INTO placements (episode_id, funding, provider) SELECT e.episode_id, ?, 'Provider ' || ?"
                              " FROM episodes e JOIN children c USING (child_id) WHERE c.child_ref = ?"),
               {funding, ref, ref});
        const qint64 id = s->scalar(QStringLiteral("SELECT max(placement_id) FROM placements")).toLongLong();
        s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence, additional_weekly_pence)"
                              " VALUES (?, '2020-01-01', ?, ?)"), {id, feePence, extrasPence});
        return id;
    }

    // Five placements open at 31/01/2020 and one closed before it; worked by hand below.
    static void smallMonth(TestStore &s)
    {
        placed(s, "A", "K2", "PR4", 300000, 50000, "spot");       // Agency Residential £3,000 + £500
        placed(s, "B", "K2", "PR4", 400000, 0, "framework");      // Agency Residential £4,000
        placed(s, "C", "K2", "PR1", 270000, 0, "in-house");       // In-house Residential £2,700
        placed(s, "D", "U4", "PR4", 80000, 0, "framework");       // IFA £800
        placed(s, "E", "U4", "PR1", 45000, 0, "in-house");        // In-house Fostering £450
        placed(s, "F", "U4", "PR4", 99900, 0, "spot", "2020-01-20"); // ended 20/01: not open at 31/01
    }

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    // Seed 000's rows: Σ(unit × number) = 665,556 over Σ number = 754 → £882.70 a week, not the £954 printed.
    // A cost table imported over an earlier one logs each unit cost and number it changes with
    // the old and the new value (seed 000: Agency Residential £3,546 a week x 63; the correction
    // £3,600 x 63 changes the cost only).
    void aReimportedCostTableLogsTheOldAndNewCost()
    {
        TestStore s;
        importSeed(s);
        QTemporaryDir dir;
        const QString corrected = dir.filePath(QStringLiteral("corrected.csv"));
        QFile f(corrected);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("MONTH,CATEGORY,AVE_UNIT_COST_WEEK,NUMBER\n2017-12,Agency Residential,3600,63\n");
        f.close();
        QString error;
        QVERIFY2(CostStore(*s).importSnapshotCsv(corrected, &error), qPrintable(error));
        QSqlQuery q = s->prepare(QStringLiteral("SELECT field, old_value, new_value FROM audit_log WHERE table_name = 'cost_snapshots'"
                                                " AND row_key = '2017-12/Agency Residential' AND reason = 'Imported from corrected.csv'"));
        QVERIFY(Store::exec(q));
        QStringList entries;
        while (q.next())
            entries << QStringLiteral("%1 %2 -> %3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        QCOMPARE(entries, QStringList{QStringLiteral("ave_unit_cost_week_pence 354600 -> 360000")});
    }

    void seedSnapshotWeightedAverageAndReconciliation()
    {
        TestStore s;
        importSeed(s);
        CostTableBuilder builder(*s);
        const CostTable t = builder.build(QDate(2017, 12, 1));
        QCOMPARE(t.source, CostTable::Source::Snapshot);
        QCOMPARE(t.monthEnd, QDate(2017, 12, 31));
        QCOMPARE(t.rows.size(), 13);
        QCOMPARE(t.total.number, 754);
        QCOMPARE(t.total.weeklyCost(), qint64(66555600)); // £665,556 a week
        // 665,556 / 754 = 882.7003… → £882.70 to the penny. (PRODUCT §6 and issue #4 quote £882.69; the
        // rows of the shipped table give 882.7003, so the figure worked by hand here is £882.70. Either way,
        // not the £954 printed.)
        QCOMPARE(qint64(std::llround(t.total.aveUnit())), qint64(88270));
        QVERIFY(std::abs(t.total.aveUnit() - 88269.0) < 2.0);
        QVERIFY(t.hasPublishedTotal);
        QCOMPARE(t.publishedAveWeek, qint64(95400));
        QCOMPARE(t.publishedNumber, 754);
        QVERIFY(t.totalDisagrees());
    }

    void seedRowFigures_data()
    {
        QTest::addColumn<QString>("category");
        QTest::addColumn<qint64>("annualPounds");
        // 63 × £3,546 × 365/7 = 223,398 × 52.142857 = £11,648,610
        QTest::newRow("agency residential annual") << "Agency Residential" << qint64(11648610);
        // 231 × £792 × 365/7 = 182,952 × 365/7 = £9,539,640
        QTest::newRow("IFA annual") << "Independent Fostering Agency" << qint64(9539640);
        // 0 placements cost nothing
        QTest::newRow("secure units empty") << "Secure Units" << qint64(0);
    }

    void seedRowFigures()
    {
        QFETCH(QString, category);
        QFETCH(qint64, annualPounds);
        TestStore s;
        importSeed(s);
        const CostTable t = CostTableBuilder(*s).build(QDate(2017, 12, 31));
        const CostRow *r = t.row(category);
        QVERIFY(r);
        QCOMPARE(pounds(r->annualCost()), annualPounds);
    }

    void seedDifferencesToInHouse_data()
    {
        QTest::addColumn<QString>("category");
        QTest::addColumn<qint64>("weeklyPence");
        QTest::addColumn<qint64>("annualPounds");
        // £3,546 − £2,748 = £798/week; × 365/7 = 798 ÷ 7 × 365 = 114 × 365 = £41,610/annum per placement exactly
        // (the seed rounds it to "£42k"; issue #4's "£41,611" is £1 out: 798 × 365 = 291,270 and 291,270 ÷ 7 = 41,610).
        QTest::newRow("agency vs in-house residential") << "Agency Residential" << qint64(79800) << qint64(41610);
        // £792 − £476 = £316/week; × 365/7 = £16,477.14
        QTest::newRow("IFA vs in-house fostering") << "Independent Fostering Agency" << qint64(31600) << qint64(16477);
        // £389 − £476 = −£87/week (kinship is cheaper); × 365/7 = −£4,536.43
        QTest::newRow("kinship vs in-house fostering lower") << "Kinship Fostering" << qint64(-8700) << qint64(-4536);
    }

    void seedDifferencesToInHouse()
    {
        QFETCH(QString, category);
        QFETCH(qint64, weeklyPence);
        QFETCH(qint64, annualPounds);
        TestStore s;
        importSeed(s);
        const CostTable t = CostTableBuilder(*s).build(QDate(2017, 12, 31));
        const InHouseDifference *d = t.difference(category);
        QVERIFY(d);
        QVERIFY(d->available);
        QCOMPARE(qint64(std::llround(d->weekly())), weeklyPence);
        QCOMPARE(pounds(d->annual()), annualPounds);
    }

    void aMatchingPublishedTotalIsNotFlagged()
    {
        TestStore s;
        importSeed(s);
        CostStore costs(*s);
        SnapshotRow total;
        for (const SnapshotRow &r : costs.snapshot(QStringLiteral("2017-12")))
            if (r.category == QLatin1String("TOTAL"))
                total = r;
        QString error;
        SnapshotRow fixed = total;
        fixed.aveUnitWeek = 88269; // £882.69, as the rows give
        QVERIFY2(costs.updateSnapshotRow(fixed, total.version, QStringLiteral("Corrected"), &error), qPrintable(error));
        QVERIFY(!CostTableBuilder(*s).build(QDate(2017, 12, 31)).totalDisagrees());
        // A stale second edit of the same row is refused and changes nothing.
        fixed.aveUnitWeek = 1;
        QVERIFY(!costs.updateSnapshotRow(fixed, total.version, QStringLiteral("Stale"), &error));
        QVERIFY2(error.contains(QLatin1String("changed by")), qPrintable(error));
        QCOMPARE(costs.snapshotRow(total.id).aveUnitWeek, qint64(88269));
    }

    void caseLevelMonth()
    {
        TestStore s;
        smallMonth(s);
        const CostTable t = CostTableBuilder(*s).build(QDate(2020, 1, 15));
        QCOMPARE(t.source, CostTable::Source::Placements);
        QCOMPARE(t.monthEnd, QDate(2020, 1, 31));
        QCOMPARE(t.financialYear, 2019);
        const CostRow *agency = t.row(QStringLiteral("Agency Residential"));
        QVERIFY(agency);
        QCOMPARE(agency->number, 2);
        QCOMPARE(qint64(agency->aveFee()), qint64(350000));      // (3,000 + 4,000) / 2
        QCOMPARE(qint64(agency->aveAdditional()), qint64(25000)); // 500 / 2
        QCOMPARE(qint64(agency->aveUnit()), qint64(375000));      // 7,500 / 2
        QCOMPARE(pounds(agency->annualCost()), qint64(391071));   // 7,500 × 365/7 = 391,071.43
        // TOTAL: 2 + 1 + 1 + 1 = 5 placements; 7,500 + 2,700 + 800 + 450 = £11,450/week → £2,290 weighted
        QCOMPARE(t.total.number, 5);
        QCOMPARE(t.total.weeklyCost(), qint64(1145000));
        QCOMPARE(qint64(t.total.aveUnit()), qint64(229000));
        // Agency vs in-house residential: 3,750 − 2,700 = £1,050/week; × 365/7 = £54,750/annum
        QCOMPARE(qint64(t.difference(QStringLiteral("Agency Residential"))->weekly()), qint64(105000));
        QCOMPARE(pounds(t.difference(QStringLiteral("Agency Residential"))->annual()), qint64(54750));
        // Framework vs spot fees: residential framework £4,000 (B), spot £3,000 (A); fostering framework £800 (D)
        QCOMPARE(t.funding.size(), 2);
        for (const FundingComparison &f : t.funding) {
            if (f.placementType == QLatin1String("Residential")) {
                QCOMPARE(qint64(f.frameworkAve()), qint64(400000));
                QCOMPARE(qint64(f.spotAve()), qint64(300000));
            } else {
                QCOMPARE(f.placementType, QStringLiteral("Fostering"));
                QCOMPARE(f.frameworkNumber, 1);
                QCOMPARE(f.spotNumber, 0);
            }
        }
        const CostTableTotals totals = CostTables::totals(*s, QDate(2020, 1, 31));
        QCOMPARE(totals.number, 5);
        QCOMPARE(totals.weekly, qint64(1145000));
        QCOMPARE(pounds(totals.annual), qint64(597036)); // 11,450 × 365/7 = 597,035.71
    }

    void numbersOverTimeFollowOpenPlacements()
    {
        TestStore s;
        smallMonth(s);
        const auto series = CostTables::numbersOverTime(*s, QDate(2020, 2, 10), 3);
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.at(0).first, QDate(2019, 12, 31));
        QVERIFY(series.at(0).second.isEmpty()); // nothing had started
        // 31/01/2020: A and B agency residential, C in-house residential, D IFA, E in-house fostering (F ended 20/01)
        QCOMPARE(series.at(1).second.value(QStringLiteral("Agency Residential")), 2);
        QCOMPARE(series.at(1).second.value(QStringLiteral("Independent Fostering Agency")), 1);
        int total = 0;
        for (int n : series.at(1).second)
            total += n;
        QCOMPARE(total, 5);
        QCOMPARE(series.at(2).second, series.at(1).second);
    }

    void budgetVariance()
    {
        TestStore s;
        smallMonth(s);
        CostStore costs(*s);
        const qint64 agency = s->scalar(QStringLiteral("SELECT category_id FROM cost_categories WHERE name = 'Agency Residential'")).toLongLong();
        QString error;
        QVERIFY2(costs.setBudget(BudgetRecord{2019, agency, 1, 300000, 0}, 0, QStringLiteral("Budget set"), &error), qPrintable(error));
        const CostRow *r = CostTableBuilder(*s).build(QDate(2020, 1, 31)).row(QStringLiteral("Agency Residential"));
        QVERIFY(r->hasBudget);
        // budget 1 × £3,000 × 365/7 = £156,428.57; forecast £391,071.43; variance +£234,642.86
        QCOMPARE(pounds(r->budgetAnnual()), qint64(156429));
        QCOMPARE(pounds(r->variance()), qint64(234643));
        // A second insert at version 0 (another user meanwhile) is refused.
        QVERIFY(!costs.setBudget(BudgetRecord{2019, agency, 2, 300000, 0}, 0, QString(), &error));
        QCOMPARE(costs.budget(2019, agency).number, 1.0);
        QVERIFY2(costs.setBudget(BudgetRecord{2019, agency, 2, 300000, 1}, 1, QString(), &error), qPrintable(error));
        QCOMPARE(costs.budget(2019, agency).version, 2);
        // The application's three entries (on PostgreSQL the server logs the rows as well).
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'budgets' AND field NOT IN ('INSERT', 'UPDATE')")).toInt(), 3);
    }

    void refreshAfterOneFeeEdit()
    {
        TestStore s;
        smallMonth(s);
        CostTableBuilder builder(*s);
        builder.build(QDate(2020, 1, 31));
        const qint64 a = s->scalar(QStringLiteral("SELECT p.placement_id FROM placements p JOIN episodes e USING (episode_id)"
                                                  " JOIN children c USING (child_id) WHERE c.child_ref = 'A'")).toLongLong();
        PlacementStore ps(*s);
        QString error;
        QVERIFY2(ps.changeFee({a, QDate(2020, 1, 15), 320000, 50000, QStringLiteral("Uplift")}, 1, &error), qPrintable(error));
        const CostTable t = builder.refreshPlacement(a);
        // Agency residential: (3,200 + 500 + 4,000) / 2 = £3,850
        QCOMPARE(qint64(t.row(QStringLiteral("Agency Residential"))->aveUnit()), qint64(385000));
        QCOMPARE(t.total.weeklyCost(), qint64(1165000));
        // Same as a full rebuild.
        QCOMPARE(CostTableBuilder(*s).build(QDate(2020, 1, 31)).total.weeklyCost(), t.total.weeklyCost());
    }

    // Seed 000: move 10 from Agency Residential (£3,546) to IFA (£792): 10 × (792 − 3,546) = −£27,540/week;
    // × 365/7 = −£1,436,014.29 a year.
    void whatIfMove()
    {
        TestStore s;
        importSeed(s);
        const CostTable actual = CostTableBuilder(*s).build(QDate(2017, 12, 31));
        WhatIfScenario sc;
        sc.moves << WhatIfScenario::Move{QStringLiteral("Agency Residential"), QStringLiteral("Independent Fostering Agency"), 10};
        const WhatIfResult r = WhatIf::apply(actual, sc);
        QCOMPARE(r.total.actualNumber, 754);
        QCOMPARE(r.total.scenarioNumber, 754);
        QCOMPARE(qint64(std::llround(r.total.weeklyEffect())), qint64(-2754000));
        QCOMPARE(pounds(r.total.annualEffect()), qint64(-1436014));
        // Unit-cost change: IFA at £750 for 241 placements: 241 × 750 = 180,750 vs 182,952 + 7,920 = 190,872.
        sc.unitCosts << WhatIfScenario::UnitCost{QStringLiteral("Independent Fostering Agency"), 75000};
        const WhatIfResult r2 = WhatIf::apply(actual, sc);
        for (const WhatIfRow &w : r2.rows)
            if (w.category == QLatin1String("Independent Fostering Agency"))
                QCOMPARE(qint64(std::llround(w.weeklyEffect())), qint64(18075000 - 18295200));
        // Stored data untouched.
        QCOMPARE(CostTableBuilder(*s).build(QDate(2017, 12, 31)).total.weeklyCost(), qint64(66555600));
    }

    void scenarioSavedNamedReopened()
    {
        TestStore s;
        WhatIfScenario sc;
        sc.moves << WhatIfScenario::Move{QStringLiteral("Agency Residential"), QStringLiteral("In-house Residential"), 3};
        sc.unitCosts << WhatIfScenario::UnitCost{QStringLiteral("In-house Fostering"), 50000};
        CostStore costs(*s);
        QString error;
        QVERIFY2(costs.saveScenario(QStringLiteral("Step down 3"), QStringLiteral("2017-12"), sc.toJson(), &error), qPrintable(error));
        const auto saved = costs.scenarios();
        QCOMPARE(saved.size(), 1);
        const WhatIfScenario back = WhatIfScenario::fromJson(saved.first().name, saved.first().definition, &error);
        QCOMPARE(back.name, QStringLiteral("Step down 3"));
        QCOMPARE(back.moves.size(), 1);
        QCOMPARE(back.moves.first().number, 3);
        QCOMPARE(back.moves.first().to, QStringLiteral("In-house Residential"));
        QCOMPARE(back.unitCosts.first().weekly, qint64(50000));
    }

    void categoriesAndMappingEditable()
    {
        TestStore s;
        s.episode(s.child("M", "2009-01-01"), "2020-01-01", "", "C2", "S", "U4", "PR4");
        s->run(QStringLiteral("INSERT INTO placements (episode_id) SELECT max(episode_id) FROM episodes"));
        CostStore costs(*s);
        QString error;
        CostCategory plus{0, QStringLiteral("Placement Plus"), 7, QStringLiteral("Fostering"), QStringLiteral("in-house"), 0, 1};
        const qint64 id = costs.addCategory(plus, &error);
        QVERIFY2(id, qPrintable(error));
        QVERIFY2(costs.setMapping(QStringLiteral("U4"), QStringLiteral("PR4"), id, QStringLiteral("Local scheme"), &error), qPrintable(error));
        QCOMPARE(PlacementStore(*s).openAt(QDate(2020, 1, 31)).first().category, QStringLiteral("Placement Plus"));
        CostCategory c = costs.categories().at([&] {
            const auto all = costs.categories();
            for (int i = 0; i < all.size(); ++i)
                if (all.at(i).id == id)
                    return i;
            return -1;
        }());
        c.name = QStringLiteral("Placement Plus (fostering)");
        QVERIFY2(costs.updateCategory(c, &error), qPrintable(error));
        QVERIFY(!costs.updateCategory(c, &error)); // stale: version moved on
        QCOMPARE(PlacementStore(*s).openAt(QDate(2020, 1, 31)).first().category, QStringLiteral("Placement Plus (fostering)"));
    }

    void costTableModelPassesTester()
    {
        TestStore s;
        importSeed(s);
        CostTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(CostTableBuilder(*s).build(QDate(2017, 12, 31)));
        QCOMPARE(model.rowCount(), 13 + 2); // rows, TOTAL, TOTAL as published
        const int total = model.totalRow();
        QCOMPARE(model.index(total, CostTableModel::AveUnit).data().toString(), QStringLiteral("£883")); // £882.70 in whole pounds
        QCOMPARE(model.index(total + 1, CostTableModel::AveUnit).data().toString(), QStringLiteral("£954"));
        QVERIFY(model.index(total + 1, 0).data(CostTableModel::WarningRole).toBool());
        QVERIFY2(model.index(total, CostTableModel::AveUnit).data(Qt::ToolTipRole).toString().contains(QStringLiteral("£954")),
                 qPrintable(model.index(total, CostTableModel::AveUnit).data(Qt::ToolTipRole).toString()));
        QCOMPARE(model.index(0, CostTableModel::Annual).data().toString(), QStringLiteral("£11,648,610"));
        // A snapshot's number is editable and goes to the handler as a number; the view pushes the command.
        int editedRow = -1;
        QVariant editedValue;
        model.setEditHandler([&](int row, CostTableModel::Column, const QVariant &v) {
            editedRow = row;
            editedValue = v;
            return true;
        });
        QVERIFY(model.flags(model.index(0, CostTableModel::Number)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(total, CostTableModel::Number)) & Qt::ItemIsEditable));
        QVERIFY(model.setData(model.index(0, CostTableModel::AveUnit), QStringLiteral("£3,600.50")));
        QCOMPARE(editedRow, 0);
        QCOMPARE(editedValue.toLongLong(), qint64(360050));
        QVERIFY(!model.setData(model.index(0, CostTableModel::AveUnit), QStringLiteral("lots")));
        model.setTable(CostTable());
        QCOMPARE(model.rowCount(), 0);
    }

    void placementAuditAndWhatIfModelsPassTester()
    {
        TestStore s;
        smallMonth(s);
        CostTableBuilder builder(*s);
        const CostTable t = builder.build(QDate(2020, 1, 31));

        PlacementCostModel placements;
        QAbstractItemModelTester pt(&placements, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 agency = t.row(QStringLiteral("Agency Residential"))->categoryId;
        placements.setPlacements(builder.placements(), agency);
        QCOMPARE(placements.rowCount(), 2);
        QCOMPARE(placements.index(0, PlacementCostModel::Total).data().toString(), QStringLiteral("£3,500"));
        Money::Pence got = 0;
        placements.setEditHandler([&](const PlacementRecord &, PlacementCostModel::Column c, Money::Pence v) {
            got = c == PlacementCostModel::Fee ? v : -1;
            return true;
        });
        QVERIFY(placements.setData(placements.index(0, PlacementCostModel::Fee), QStringLiteral("3,100")));
        QCOMPARE(got, qint64(310000));
        placements.setPlacements(builder.placements(), 0);
        QCOMPARE(placements.rowCount(), 5);

        QString error;
        PlacementStore(*s).changeFee({placements.placementAt(0).placementId, QDate(2020, 1, 20), 1, 0, QStringLiteral("Test")}, 1, &error);
        AuditLogModel audit;
        QAbstractItemModelTester at(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
        audit.setEntries(CostStore(*s).auditLog());
        // Every entry (on PostgreSQL also the server's own, one per row written), newest first.
        QCOMPARE(audit.rowCount(), s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt());
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE field NOT IN ('INSERT', 'UPDATE', 'DELETE')")).toInt(), 2);
        QCOMPARE(audit.index(0, AuditLogModel::Reason).data().toString(), QStringLiteral("Test"));
        QCOMPARE(audit.index(1, AuditLogModel::New).data().toString(), QStringLiteral("£0.01")); // weekly_fee_pence 1

        WhatIfModel whatIf;
        QAbstractItemModelTester wt(&whatIf, QAbstractItemModelTester::FailureReportingMode::QtTest);
        WhatIfScenario sc;
        sc.moves << WhatIfScenario::Move{QStringLiteral("Agency Residential"), QStringLiteral("In-house Residential"), 1};
        whatIf.setResult(WhatIf::apply(t, sc));
        const int totalRow = whatIf.rowCount() - 1;
        // One placement leaves at £3,750 (the agency average) and arrives at £2,700: −£1,050/week
        QCOMPARE(whatIf.index(totalRow, WhatIfModel::WeeklyEffect).data().toString(), QStringLiteral("−£1,050"));
        QCOMPARE(whatIf.index(totalRow, WhatIfModel::AnnualEffect).data().toString(), QStringLiteral("−£54,750"));
        whatIf.setResult(WhatIfResult());
        QCOMPARE(whatIf.rowCount(), 0);
    }

    void categoryAndMappingModelsPassTester()
    {
        TestStore s;
        CostStore costs(*s);
        CostCategoryModel categories;
        QAbstractItemModelTester ct(&categories, QAbstractItemModelTester::FailureReportingMode::QtTest);
        categories.setCategories(costs.categories());
        QCOMPARE(categories.rowCount(), 10); // ReferenceData's default categories
        QCOMPARE(categories.index(0, CostCategoryModel::InHouseEquivalent).data().toString(), QStringLiteral("In-house Residential"));
        CostCategory edited;
        categories.setEditHandler([&](const CostCategory &, const CostCategory &after) {
            edited = after;
            return true;
        });
        QVERIFY(categories.setData(categories.index(0, CostCategoryModel::Type), QStringLiteral("residential")));
        QCOMPARE(edited.placementType, QStringLiteral("Residential"));
        QVERIFY(!categories.setData(categories.index(0, CostCategoryModel::Type), QStringLiteral("Boarding")));
        QVERIFY(!categories.setData(categories.index(0, CostCategoryModel::InHouseEquivalent), QStringLiteral("No such")));

        CategoryMapModel map;
        QAbstractItemModelTester mt(&map, QAbstractItemModelTester::FailureReportingMode::QtTest);
        map.setMappings(costs.mappings(), costs.categories());
        QVERIFY(map.rowCount() > 20);
        qint64 to = 0;
        map.setEditHandler([&](const CategoryMapping &, qint64 category) {
            to = category;
            return true;
        });
        QVERIFY(map.setData(map.index(0, CategoryMapModel::Category), QStringLiteral("secure units")));
        QCOMPARE(to, s->scalar(QStringLiteral("SELECT category_id FROM cost_categories WHERE name = 'Secure Units'")).toLongLong());
    }
};

QTEST_GUILESS_MAIN(TestCostTable)
#include "tst_costtable.moc"
