// The main window on the demo authority, offscreen. With CAREBOARD_SCREENSHOT_DIR set, the test
// also saves what each screen looks like (docs/ screenshots come from here).
#include "domain/demogenerator.h"
#include "domain/indicatorengine.h"
#include "itemmodels/scorecardmodel.h"
#include "itemmodels/trendtablemodel.h"
#include "mainwindow.h"
#include "placementmixview.h"
#include "scorecardview.h"
#include "store/store.h"
#include "trendsview.h"

#include <QApplication>
#include <QChart>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableView>
#include <QUndoStack>
#include <QTemporaryDir>
#include <QTest>

class TestUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> demoWindow()
    {
        QString error;
        auto store = Store::open(m_dir.filePath(QStringLiteral("ui.sqlite")), &error);
        if (!store)
            return nullptr;
        if (!store->hasCaseData())
            DemoGenerator::write(*store, DemoGenerator::generate(DemoOptions()), &error);
        auto w = std::make_unique<MainWindow>(std::move(store));
        w->resize(1400, 900);
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
    void firstScreenIsTheLookedAfterRateWithEngland()
    {
        auto w = demoWindow();
        QVERIFY(w);
        QVERIFY(w->windowTitle().contains(QLatin1String("DEMO")));
        QCOMPARE(w->screenCount(), 7);
        QChart *chart = w->trendsView()->chartView()->chart();
        QVERIFY(chart);
        QCOMPARE(chart->series().size(), 2);
        QVERIFY(chart->series().at(1)->name().startsWith(QLatin1String("England")));
        // Ten financial years of month ends, to the end of the data (31/03/2025).
        TrendTableModel *model = w->trendsView()->tableModel();
        QCOMPARE(model->rowCount(), 120);
        QCOMPARE(model->valueAt(119).at, QDate(2025, 3, 31));
        QVERIFY(model->valueAt(119).hasRate());
        saveScreenshot(w.get(), QStringLiteral("trends.png"));
    }

    void trendsChoosesIndicatorAndStepAndDrillsDown()
    {
        auto w = demoWindow();
        QVERIFY(w);
        TrendsView *t = w->trendsView();
        t->setIndicator(IndicatorId::Cp);
        t->setStep(TrendsView::Step::Quarter);
        // Ten financial years of quarter ends: 40 points, the last 31/03/2025.
        QCOMPARE(t->tableModel()->rowCount(), 40);
        QCOMPARE(t->tableModel()->valueAt(39).at, QDate(2025, 3, 31));
        QVERIFY(t->chartView()->chart()->series().at(1)->name().startsWith(QLatin1String("England")));
        t->setStep(TrendsView::Step::FinancialYear);
        QCOMPARE(t->tableModel()->rowCount(), 10);
        // The children behind the last point are exactly the count at that point.
        t->setIndicator(IndicatorId::Cla);
        const IndicatorValue last = t->tableModel()->valueAt(9);
        QDialog *dialog = t->showChildrenCounted(last.at);
        auto *table = dialog->findChild<QTableView *>();
        QVERIFY(table);
        QCOMPARE(qint64(table->model()->rowCount()), last.count);
        saveScreenshot(dialog, QStringLiteral("trends-drilldown.png"));
        dialog->close();
    }

    // Issue 17: the rest of the 903 in groups Missing, Care leavers and Permanence, shares drawn in
    // per cent beside England where the shipped comparators have it (care leavers in EET).
    void trendsShowsMissingCareLeaversAndPermanence()
    {
        auto w = demoWindow();
        QVERIFY(w);
        TrendsView *t = w->trendsView();
        auto *combo = t->findChild<QComboBox *>();
        QVERIFY(combo);
        for (const char *group : {"Missing", "Care leavers", "Permanence"}) {
            const int i = combo->findText(QLatin1String(group));
            QVERIFY2(i > 0, group);
            QVERIFY(!(combo->model()->flags(combo->model()->index(i, 0)) & Qt::ItemIsSelectable));
        }
        t->setStep(TrendsView::Step::FinancialYear);
        t->setIndicator(IndicatorId::CareLeaversEet);
        QCOMPARE(t->tableModel()->headerData(TrendTableModel::Rate, Qt::Horizontal).toString(), QStringLiteral("Per cent"));
        const IndicatorValue last = t->tableModel()->valueAt(t->tableModel()->rowCount() - 1);
        QVERIFY(last.denominator > 0);
        QCOMPARE(last.rate, 100.0 * double(last.count) / double(last.denominator));
        QVERIFY(t->chartView()->chart()->series().at(1)->name().startsWith(QLatin1String("England")));
        saveScreenshot(w.get(), QStringLiteral("trends-care-leavers.png"));
        t->setIndicator(IndicatorId::MissingChildrenPct);
        t->setStep(TrendsView::Step::Quarter);
        const IndicatorValue missing = t->tableModel()->valueAt(t->tableModel()->rowCount() - 1);
        QDialog *dialog = t->showChildrenCounted(missing.at);
        QCOMPARE(qint64(dialog->findChild<QTableView *>()->model()->rowCount()), missing.count);
        dialog->close();
        saveScreenshot(w.get(), QStringLiteral("trends-missing.png"));
        t->setIndicator(IndicatorId::A1Days);
        t->setStep(TrendsView::Step::FinancialYear);
        QCOMPARE(t->tableModel()->headerData(TrendTableModel::Rate, Qt::Horizontal).toString(), QStringLiteral("Mean days"));
        QCOMPARE(t->chartView()->chart()->series().size(), 1);  // England publishes no A1 in the shipped comparators
        saveScreenshot(w.get(), QStringLiteral("trends-permanence.png"));
    }

    void placementMixShowsBarsBesideEngland()
    {
        auto w = demoWindow();
        QVERIFY(w);
        w->showScreen(1);
        PlacementMixView *mix = w->placementMixView();
        QChart *chart = mix->mixChartView()->chart();
        auto *bars = qobject_cast<QAbstractBarSeries *>(chart->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2); // the authority and England
        QVERIFY(bars->barSets().at(1)->label().startsWith(QLatin1String("England")));
        QCOMPARE(mix->trendChartView()->chart()->series().size(), 2);
        QVERIFY(mix->fosteringLabel()->text().contains(QLatin1String("relatives or friends")));
        saveScreenshot(w.get(), QStringLiteral("mix.png"));
    }

    void scorecardTakesTargetsAndCommentary()
    {
        auto w = demoWindow();
        QVERIFY(w);
        w->showScreen(4);
        ScorecardView *view = w->scorecardView();
        ScorecardModel *model = view->model();
        QVERIFY(model->rowCount() >= 10);
        // A target for three or more placements (lower is better), typed as a percentage.
        int row = 0;
        while (model->indicatorAt(row).id != IndicatorId::ThreePlusPlacements)
            ++row;
        QVERIFY(model->setData(model->index(row, ScorecardModel::Target), QStringLiteral("10%")));
        QVERIFY(model->ragAt(row) != ScorecardModel::Rag::None);
        view->selectRow(row);
        view->commentaryEditor()->setPlainText(QStringLiteral("Placement moves are rising after the closure of two homes."));
        QVERIFY(view->saveCommentary());
        // Edits are on the window's one undo stack (Edit ▸ Undo, the History dock) and go back
        // through the store.
        QCOMPARE(view->undoStack(), w->undoStack());
        QCOMPARE(view->undoStack()->count(), 2); // the target (set on the model, which pushes a step too) and the commentary
        view->undoStack()->undo();
        QCOMPARE(model->commentaryAt(row), QString());
        view->undoStack()->redo();
        QCOMPARE(model->commentaryAt(row), QStringLiteral("Placement moves are rising after the closure of two homes."));
        QVERIFY(view->table()->model()->setData(view->table()->model()->index(row, ScorecardModel::Target), QStringLiteral("12")));
        QCOMPARE(model->data(model->index(row, ScorecardModel::Target)).toString(), QStringLiteral("12.0%"));
        view->undoStack()->undo();
        QCOMPARE(model->data(model->index(row, ScorecardModel::Target)).toString(), QStringLiteral("10.0%"));
        // Another period on show: the steps name their own period, so undo still reaches it.
        const QString commentaryPeriod = model->periodKey();
        view->undoStack()->undo(); // the commentary, made for the period shown before
        model->setPeriod(ScorecardModel::Period::Quarter, model->periodEnd());
        QVERIFY(model->periodKey() != commentaryPeriod);
        QCOMPARE(view->undoStack()->count(), 3);
        view->undoStack()->redo();
        QCOMPARE(w->store().scalar(QStringLiteral("SELECT body FROM commentary WHERE period = ?"), {commentaryPeriod}).toString(),
                 QStringLiteral("Placement moves are rising after the closure of two homes."));
        saveScreenshot(w.get(), QStringLiteral("scorecard.png"));
    }
};

QTEST_MAIN(TestUi)
#include "tst_ui.moc"
