// The Costs screen: live edits through undo commands, undo/redo round trips that leave the store's
// content as it was, merged typing, refused writes that keep the user's input and change nothing,
// and the main window's Edit menu and history. With CAREBOARD_SCREENSHOT_DIR set, saves
// costs.png, whatif.png and audit.png (docs/).
#include "costcommands.h"
#include "costsview.h"
#include "domain/demogenerator.h"
#include "itemmodels/auditlogmodel.h"
#include "itemmodels/costtablemodel.h"
#include "itemmodels/placementcostmodel.h"
#include "itemmodels/whatifmodel.h"
#include "mainwindow.h"
#include "store/coststore.h"
#include "store/placementstore.h"
#include "store/schema.h"
#include "storeevents.h"
#include "testsupport.h"

#include "itemmodels/auditlogmodel.h"

#include <QAbstractItemModelTester>
#include <QAbstractProxyModel>
#include <QLineEdit>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCryptographicHash>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTableView>
#include <QUndoStack>
#include <QUndoView>

namespace {

// The store's content: every table but the audit log (which grows with each change, undo
// included), without the bookkeeping of optimistic concurrency (version, changed_by,
// changed_at: an undo is a new change) or the surrogate key of a re-inserted fee row.
QByteArray contentDigest(Store &store)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList skip = {QStringLiteral("version"), QStringLiteral("changed_by"), QStringLiteral("changed_at"),
                              QStringLiteral("fee_id")};
    for (const QString &table : Schema::tables()) {
        if (table == QLatin1String("audit_log"))
            continue;
        QSqlQuery q = store.prepare(QStringLiteral("SELECT * FROM %1").arg(table));
        if (!q.exec())
            qFatal("cannot read %s", qPrintable(table));
        QStringList rows;
        while (q.next()) {
            QStringList fields;
            const QSqlRecord r = q.record();
            for (int i = 0; i < r.count(); ++i)
                if (!skip.contains(r.fieldName(i)))
                    fields << r.fieldName(i) + QLatin1Char('=') + (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            rows << fields.join(QLatin1Char('|'));
        }
        rows.sort();
        hash.addData(table.toUtf8());
        hash.addData(rows.join(QLatin1Char('\n')).toUtf8());
    }
    return hash.result().toHex();
}

QString seedCsv()
{
    return QStringLiteral(CAREBOARD_SOURCE_DIR "/tests/data/seed-cost-table.csv");
}

} // namespace

class TestCostUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Three agency residential placements and one in-house from 01/01/2020, a budget, and seed 000's
    // December 2017 cost table as a snapshot month.
    static void fill(TestStore &s)
    {
        const char *const rows[][4] = {{"A", "K2", "PR4", "300000"}, {"B", "K2", "PR4", "400000"}, {"C", "K2", "PR1", "270000"},
                                       {"D", "U4", "PR1", "45000"}};
        for (const auto &r : rows) {
            s.episode(s.child(QString::fromLatin1(r[0]), "2008-05-01"), "2020-01-01", "", "C2", "S", QString::fromLatin1(r[1]),
                      QString::fromLatin1(r[2]));
            s->run(QStringLiteral("INSERT INTO placements (episode_id, funding) SELECT max(episode_id), 'spot' FROM episodes"));
            s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence) SELECT max(placement_id),"
                                  " '2020-01-01', ? FROM placements"), {QString::fromLatin1(r[3]).toLongLong()});
        }
        QString error;
        if (!CostStore(*s).importSnapshotCsv(seedCsv(), &error))
            qFatal("%s", qPrintable(error));
    }

    static qint64 agencyId(TestStore &s)
    {
        return s->scalar(QStringLiteral("SELECT category_id FROM cost_categories WHERE name = 'Agency Residential'")).toLongLong();
    }

    static QModelIndex placementCell(CostsView &view, const QString &child, int column)
    {
        PlacementCostModel *m = view.placementModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->placementAt(r).childRef == child)
                return m->index(r, column);
        return {};
    }

    std::unique_ptr<MainWindow> demoWindow()
    {
        QString error;
        auto store = Store::open(m_dir.filePath(QStringLiteral("ui.sqlite")), &error);
        if (!store)
            return nullptr;
        if (!store->hasCaseData())
            DemoGenerator::write(*store, DemoGenerator::generate(DemoOptions()), &error);
        auto w = std::make_unique<MainWindow>(std::move(store));
        w->resize(1920, 1080); // a projector
        w->show();
        return w;
    }

    static void saveScreenshot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CAREBOARD_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
    }

private slots:
    void aFeeEditUpdatesTotalsAndChartAtOnce()
    {
        TestStore s;
        fill(s);
        QUndoStack stack;
        CostsView view(*s, &stack);
        view.setMonth(QDate(2020, 1, 31));
        QAbstractItemModelTester tester(view.placementModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.selectCategory(QStringLiteral("Agency Residential"));
        QCOMPARE(view.placementModel()->rowCount(), 2);
        // Agency residential: (3,000 + 4,000) / 2 = £3,500; total (7,000 + 2,700 + 450) = £10,150/week
        QCOMPARE(view.table().total.weeklyCost(), qint64(1015000));
        view.setFeeEditDefaults(QDate(2020, 1, 10), QStringLiteral("Uplift agreed"));
        QSignalSpy changed(StoreEvents::of(*s), &StoreEvents::costsChanged);
        QVERIFY(view.placementModel()->setData(placementCell(view, "A", PlacementCostModel::Fee), QStringLiteral("3,400")));
        QCOMPARE(changed.count(), 1);
        // (3,400 + 4,000) / 2 = £3,700; total £10,550/week
        QCOMPARE(qint64(view.table().row(QStringLiteral("Agency Residential"))->aveUnit()), qint64(370000));
        QCOMPARE(view.table().total.weeklyCost(), qint64(1055000));
        const int row = view.table().rowOf(QStringLiteral("Agency Residential"));
        QCOMPARE(view.tableModel()->index(row, CostTableModel::AveUnit).data().toString(), QStringLiteral("£3,700"));
        // The bar follows: annual 7,400 × 365/7 = £385,857 → 0.386 (£m)
        auto *bars = qobject_cast<QHorizontalBarSeries *>(view.annualChartView()->chart()->series().first());
        double maxBar = 0;
        for (int i = 0; i < bars->barSets().first()->count(); ++i)
            maxBar = std::max(maxBar, bars->barSets().first()->at(i));
        QCOMPARE(qRound(maxBar * 1000), 386);
        QCOMPARE(stack.count(), 1);
        stack.undo();
        QCOMPARE(view.table().total.weeklyCost(), qint64(1015000));
    }

    void undoRedoRoundTripsLeaveContentEqual_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::newRow("new fee row") << "fee-new";
        QTest::newRow("fee row replaced at its own date") << "fee-same-date";
        QTest::newRow("budget inserted") << "budget-new";
        QTest::newRow("budget updated") << "budget-update";
        QTest::newRow("snapshot cell") << "snapshot";
        QTest::newRow("category override") << "category";
        QTest::newRow("category edited") << "category-edit";
        QTest::newRow("mapping changed") << "mapping";
    }

    void undoRedoRoundTripsLeaveContentEqual()
    {
        QFETCH(QString, edit);
        TestStore s;
        fill(s);
        QString error;
        const qint64 agency = agencyId(s);
        if (edit == QLatin1String("budget-update"))
            QVERIFY(CostStore(*s).setBudget(BudgetRecord{2019, agency, 2, 350000, 0}, 0, QString(), &error));
        const PlacementRecord a = PlacementStore(*s).openAt(QDate(2020, 1, 31)).first();
        const QByteArray before = contentDigest(*s);
        const int auditBefore = s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        QUndoStack stack;
        EditCommand *cmd = nullptr;
        if (edit == QLatin1String("fee-new"))
            cmd = new FeeChangeCommand(*s, {a.placementId, QDate(2020, 1, 15), 310000, 5000, QStringLiteral("Uplift")}, a.version);
        else if (edit == QLatin1String("fee-same-date"))
            cmd = new FeeChangeCommand(*s, {a.placementId, QDate(2020, 1, 1), 310000, 0, QStringLiteral("Corrected")}, a.version);
        else if (edit == QLatin1String("budget-new"))
            cmd = new BudgetChangeCommand(*s, BudgetRecord{2019, agency, 3, 360000, 0}, 0, QStringLiteral("Set"));
        else if (edit == QLatin1String("budget-update"))
            cmd = new BudgetChangeCommand(*s, BudgetRecord{2019, agency, 4, 350000, 1}, 1, QStringLiteral("More"));
        else if (edit == QLatin1String("snapshot")) {
            SnapshotRow r = CostStore(*s).snapshot(QStringLiteral("2017-12")).first();
            r.number = 64;
            cmd = new SnapshotEditCommand(*s, r, r.version, QStringLiteral("Recount"));
        } else if (edit == QLatin1String("category-edit")) {
            const CostCategory before = CostStore(*s).categories().first();
            CostCategory after = before;
            after.name = QStringLiteral("Residential (agency)");
            after.sortOrder = 99;
            cmd = new CategoryEditCommand(*s, before, after);
        } else if (edit == QLatin1String("mapping")) {
            const CategoryMapping m = CostStore(*s).mappings().first();
            cmd = new MappingChangeCommand(*s, m, agency == m.categoryId ? agency + 1 : agency);
        } else {
            const qint64 inhouse = s->scalar(QStringLiteral("SELECT category_id FROM cost_categories WHERE name = 'In-house Residential'")).toLongLong();
            cmd = new CategoryOverrideCommand(*s, a.placementId, inhouse, 0, a.version, QStringLiteral("Reclassified"));
        }
        QVERIFY2(EditCommand::push(&stack, cmd, &error), qPrintable(error));
        const QByteArray after = contentDigest(*s);
        QVERIFY(after != before);
        stack.undo();
        QCOMPARE(contentDigest(*s), before);
        stack.redo();
        QCOMPARE(contentDigest(*s), after);
        stack.undo();
        QCOMPARE(contentDigest(*s), before);
        // Every application and undo is in the (append-only) audit log.
        QVERIFY(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt() >= auditBefore + 3);
    }

    void typingIntoOneCellMergesIntoOneStep()
    {
        TestStore s;
        fill(s);
        const QByteArray before = contentDigest(*s);
        QUndoStack stack;
        CostsView view(*s, &stack);
        view.setMonth(QDate(2020, 1, 31));
        view.selectCategory(QStringLiteral("Agency Residential"));
        view.setFeeEditDefaults(QDate(2020, 1, 20), QStringLiteral("Negotiated"));
        for (const char *typed : {"3,100", "3,150", "3,175"})
            QVERIFY(view.placementModel()->setData(placementCell(view, "A", PlacementCostModel::Fee), QString::fromLatin1(typed)));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(view.table().total.weeklyCost(), qint64(317500 + 400000 + 270000 + 45000));
        // A budget cell typed twice is one step too.
        const int row = view.table().rowOf(QStringLiteral("Agency Residential"));
        QVERIFY(view.tableModel()->setData(view.tableModel()->index(row, CostTableModel::BudgetNumber), QStringLiteral("2")));
        QVERIFY(view.tableModel()->setData(view.tableModel()->index(row, CostTableModel::BudgetNumber), QStringLiteral("3")));
        QCOMPARE(stack.count(), 2);
        QCOMPARE(view.table().row(QStringLiteral("Agency Residential"))->budgetNumber, 3.0);
        stack.undo();
        stack.undo();
        QCOMPARE(contentDigest(*s), before);
        QCOMPARE(view.table().total.weeklyCost(), qint64(1015000));
    }

    void aStaleEditSaysSoKeepsInputAndChangesNothing()
    {
        TestStore s;
        fill(s);
        QUndoStack stack;
        CostsView view(*s, &stack);
        view.setMonth(QDate(2020, 1, 31));
        view.selectCategory(QStringLiteral("Agency Residential"));
        // Another user changes placement A after the screen read it.
        const QModelIndex cell = placementCell(view, "A", PlacementCostModel::Fee);
        const PlacementRecord a = view.placementModel()->placementAt(cell.row());
        QString error;
        s->setUserName(QStringLiteral("colleague"));
        QVERIFY(PlacementStore(*s).changeFee({a.placementId, QDate(2020, 1, 5), 305000, 0, QStringLiteral("Other window")}, a.version, &error));
        s->setUserName(QStringLiteral("chair"));
        const QByteArray before = contentDigest(*s);
        // Through the view's delegate, as a user typing into the cell.
        QTableView *tv = view.placementView();
        const QModelIndex viewCell = static_cast<QAbstractProxyModel *>(tv->model())->mapFromSource(cell);
        tv->edit(viewCell);
        auto *editor = tv->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->setText(QStringLiteral("3,999"));
        tv->itemDelegate()->setModelData(editor, tv->model(), viewCell);
        QVERIFY(view.messageLabel()->isVisibleTo(&view));
        QVERIFY2(view.messageLabel()->text().contains(QLatin1String("changed by colleague")), qPrintable(view.messageLabel()->text()));
        QCOMPARE(view.keptInput(cell), QStringLiteral("3,999"));
        QCOMPARE(stack.count(), 0);
        QCOMPARE(contentDigest(*s), before);
    }

    void aReadOnlyStoreSaysSoKeepsInputAndChangesNothing()
    {
        TestStore s;
        fill(s);
        QUndoStack stack;
        CostsView view(*s, &stack);
        view.setMonth(QDate(2020, 1, 31));
        const QByteArray before = contentDigest(*s);
        const int auditBefore = s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        // The store turns read-only under the editor (as a file whose permissions were changed would).
        QVERIFY(s->run(QStringLiteral("PRAGMA query_only = 1")));
        const int row = view.table().rowOf(QStringLiteral("Agency Residential"));
        const QModelIndex cell = view.tableModel()->index(row, CostTableModel::BudgetUnit);
        QTableView *tv = view.tableView();
        const QModelIndex viewCell = static_cast<QAbstractProxyModel *>(tv->model())->mapFromSource(cell);
        tv->edit(viewCell);
        auto *editor = tv->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->setText(QStringLiteral("£3,750"));
        tv->itemDelegate()->setModelData(editor, tv->model(), viewCell);
        QVERIFY(view.messageLabel()->text().startsWith(QLatin1String("Not saved")));
        QVERIFY2(view.messageLabel()->text().contains(QLatin1String("readonly"), Qt::CaseInsensitive)
                     || view.messageLabel()->text().contains(QLatin1String("read-only"), Qt::CaseInsensitive),
                 qPrintable(view.messageLabel()->text()));
        QCOMPARE(view.keptInput(cell), QStringLiteral("£3,750"));
        QCOMPARE(stack.count(), 0);
        QVERIFY(s->run(QStringLiteral("PRAGMA query_only = 0")));
        QCOMPARE(contentDigest(*s), before);
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), auditBefore);
        QVERIFY(!view.table().row(QStringLiteral("Agency Residential"))->hasBudget);
    }

    void aSnapshotMonthIsEditableAndFlagged()
    {
        TestStore s;
        fill(s);
        QUndoStack stack;
        CostsView view(*s, &stack);
        view.setMonth(QDate(2017, 12, 1));
        QCOMPARE(view.table().source, CostTable::Source::Snapshot);
        QVERIFY(view.table().totalDisagrees());
        CostTableModel *m = view.tableModel();
        QCOMPARE(m->rowCount(), 15);
        // Correct the published TOTAL to the rows' £882.70: the flag clears; undo brings it back.
        QVERIFY(m->setData(m->index(m->totalRow() + 1, CostTableModel::AveUnit), QStringLiteral("882.70")));
        QVERIFY(!view.table().totalDisagrees());
        stack.undo();
        QVERIFY(view.table().totalDisagrees());
    }

    void whatIfLeavesStoredDataAlone()
    {
        TestStore s;
        fill(s);
        QUndoStack stack;
        CostsView view(*s, &stack);
        view.setMonth(QDate(2017, 12, 1));
        const QByteArray before = contentDigest(*s);
        WhatIfScenario sc;
        sc.moves << WhatIfScenario::Move{QStringLiteral("Agency Residential"), QStringLiteral("Independent Fostering Agency"), 10};
        view.setScenario(sc);
        WhatIfModel *m = view.whatIfModel();
        // 10 × (792 − 3,546) = −£27,540 a week; × 365/7 = −£1,436,014 a year
        QCOMPARE(m->index(m->rowCount() - 1, WhatIfModel::WeeklyEffect).data().toString(), QStringLiteral("−£27,540"));
        QCOMPARE(m->index(m->rowCount() - 1, WhatIfModel::AnnualEffect).data().toString(), QStringLiteral("−£1,436,014"));
        QCOMPARE(contentDigest(*s), before);
        QString error;
        QVERIFY2(view.saveScenario(QStringLiteral("Ten step-downs"), &error), qPrintable(error));
        view.setScenario(WhatIfScenario());
        QVERIFY(view.openScenario(QStringLiteral("Ten step-downs"), &error));
        QCOMPARE(view.scenario().moves.size(), 1);
        QCOMPARE(m->index(m->rowCount() - 1, WhatIfModel::WeeklyEffect).data().toString(), QStringLiteral("−£27,540"));
    }

    void mainWindowHasOneUndoStackEditMenuAndHistory()
    {
        auto w = demoWindow();
        QVERIFY(w);
        QVERIFY(w->undoStack());
        QVERIFY(w->findChild<QUndoView *>());
        bool undo = false, redo = false;
        for (QAction *menu : w->menuBar()->actions())
            if (menu->menu())
                for (QAction *a : menu->menu()->actions()) {
                    undo = undo || a->shortcut() == QKeySequence(QKeySequence::Undo);
                    redo = redo || a->shortcut() == QKeySequence(QKeySequence::Redo);
                }
        QVERIFY(undo);
        QVERIFY(redo);
        w->store().setUserName(QStringLiteral("j.smith (Panel chair)"));
        w->showScreen(2);
        CostsView *costs = w->costsView();
        QVERIFY(costs);
        QCOMPARE(costs->table().source, CostTable::Source::Placements);
        QVERIFY(costs->table().total.number > 0);
        // A live edit, so the screenshots show a history and an audit entry.
        costs->selectCategory(QStringLiteral("Agency Residential"));
        const PlacementRecord p = costs->placementModel()->placementAt(0);
        costs->setFeeEditDefaults(costs->month().addDays(1 - costs->month().day()), QStringLiteral("Step-down of 2:1 staffing agreed at Panel"));
        QVERIFY(costs->placementModel()->setData(costs->placementModel()->index(0, PlacementCostModel::Additional), QStringLiteral("0")));
        const int row = costs->table().rowOf(QStringLiteral("In-house Fostering"));
        QVERIFY(costs->tableModel()->setData(costs->tableModel()->index(row, CostTableModel::BudgetNumber), QStringLiteral("190")));
        QCOMPARE(w->undoStack()->count(), 2);
        // A category override, undone and redone: the history and the audit log both show it.
        const qint64 inhouse = w->store().scalar(QStringLiteral("SELECT category_id FROM cost_categories WHERE name = 'In-house Residential'")).toLongLong();
        const PlacementRecord fresh = PlacementStore(w->store()).placement(costs->placementModel()->placementAt(1).placementId, costs->month());
        QString error;
        QVERIFY2(costs->recategorise(fresh.placementId, inhouse, 0, fresh.version, &error), qPrintable(error));
        w->undoStack()->undo();
        w->undoStack()->redo();
        QCOMPARE(w->undoStack()->count(), 3);
        Q_UNUSED(p);
        saveScreenshot(w.get(), QStringLiteral("costs.png"));
        WhatIfScenario sc;
        sc.name = QStringLiteral("Step down 5 to in-house residential");
        sc.moves << WhatIfScenario::Move{QStringLiteral("Agency Residential"), QStringLiteral("In-house Residential"), 5};
        sc.unitCosts << WhatIfScenario::UnitCost{QStringLiteral("Independent Fostering Agency"), 90000};
        costs->setScenario(sc);
        costs->showTab(CostsView::WhatIfTab);
        saveScreenshot(w.get(), QStringLiteral("whatif.png"));
        costs->showTab(CostsView::AuditTab);
        QVERIFY(costs->auditModel()->rowCount() >= 3);
        saveScreenshot(w.get(), QStringLiteral("audit.png"));
    }
};

QTEST_MAIN(TestCostUi)
#include "tst_costui.moc"
