// The Panel screen on the demo authority, offscreen: agenda, keyboard navigation between cases,
// recording a decision with Ctrl+Return and undoing it from the window's undo stack. With
// CAREBOARD_SCREENSHOT_DIR set it saves docs/panel-*.png.
#include "domain/demogenerator.h"
#include "itemmodels/agendamodel.h"
#include "itemmodels/reporttablemodel.h"
#include "mainwindow.h"
#include "panelview.h"
#include "store/panelstore.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <algorithm>
#include <QLabel>
#include <QRegularExpression>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

class TestPanelView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    static void saveScreenshot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CAREBOARD_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
    }

private slots:
    void initTestCase()
    {
        QString error;
        auto store = Store::open(m_dir.filePath(QStringLiteral("panel.sqlite")), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY2(DemoGenerator::write(*store, DemoGenerator::generate(DemoOptions()), &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(std::move(store));
        m_window->resize(1600, 1000);
        m_window->show();
        m_window->showScreen(3);
        QVERIFY(m_window->panelView());
        // Shortcuts go to the active window's focus widget.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void agendaOfTheLatestMeeting()
    {
        PanelView *view = m_window->panelView();
        AgendaModel *model = view->agendaModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The demo's latest meeting is the planned one of Wednesday 26/03/2025.
        QCOMPARE(view->meetingDate(), QDate(2025, 3, 26));
        QVERIFY(model->rowCount() > 8);
        QCOMPARE(model->itemAt(0).position, 1);
        QVERIFY(!model->itemAt(0).flags.isEmpty());
        view->showTab(PanelView::AgendaTab);
        saveScreenshot(m_window.get(), QStringLiteral("panel-agenda.png"));
    }

    void keyboardMovesBetweenCases()
    {
        PanelView *view = m_window->panelView();
        view->showTab(PanelView::CaseTab);
        view->selectCase(0);
        view->tabs()->currentWidget()->setFocus();
        QCOMPARE(view->currentCase(), 0);
        QTest::keyClick(view->tabs()->currentWidget(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(view->currentCase(), 1);
        QTest::keyClick(view->tabs()->currentWidget(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(view->currentCase(), 2);
        QTest::keyClick(view->tabs()->currentWidget(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(view->currentCase(), 1);
    }

    void caseReviewAndDecision()
    {
        PanelView *view = m_window->panelView();
        AgendaModel *model = view->agendaModel();
        Store &store = m_window->store();
        // A flagged case with earlier decisions and additionalities shows the most on one screen.
        int row = -1;
        for (int pass = 0; pass < 2 && row < 0; ++pass) {
            for (int i = 0; i < model->rowCount() && row < 0; ++i) {
                const AgendaItem &it = model->itemAt(i);
                if (!it.flags.isEmpty() && (pass == 1 || it.additionalWeekly > 0) && !PanelStore(store).decisions(it.childId).isEmpty())
                    row = i;
            }
        }
        QVERIFY(row >= 0);
        view->selectCase(row);
        view->showTab(PanelView::CaseTab);
        const AgendaItem item = model->itemAt(row);
        const Money::Pence newCost = item.additionalWeekly > 0 ? item.weeklyFee : item.weeklyTotal() * 9 / 10; // drop the extras, or 10%
        view->setDecisionForm(QStringLiteral("reduce cost"), Money::format(newCost, true), QDate(2025, 3, 31),
                              QStringLiteral("Social worker: agree the reduced staffing ratio with the provider\n"
                                             "Commissioning Hub: confirm the new fee in writing"),
                              QDate(2025, 6, 18), QStringLiteral("Settled; 2:1 staffing no longer needed at night."));
        saveScreenshot(m_window.get(), QStringLiteral("panel-case.png"));

        const int before = store.scalar(QStringLiteral("SELECT count(*) FROM panel_decisions")).toInt();
        view->tabs()->currentWidget()->setFocus();
        QTest::keyClick(view->tabs()->currentWidget(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(store.scalar(QStringLiteral("SELECT count(*) FROM panel_decisions")).toInt(), before + 1);
        QCOMPARE(store.scalar(QStringLiteral("SELECT new_weekly_pence FROM panel_decisions ORDER BY decision_id DESC LIMIT 1")).toLongLong(),
                 newCost);
        QCOMPARE(m_window->undoStack()->count(), 1);
        m_window->undoStack()->undo();
        QCOMPARE(store.scalar(QStringLiteral("SELECT count(*) FROM panel_decisions")).toInt(), before);
        m_window->undoStack()->redo();
        QCOMPARE(store.scalar(QStringLiteral("SELECT count(*) FROM panel_decisions")).toInt(), before + 1);
    }

    // Each report tab, shown, is read for the meeting's date: its heading names that date and
    // says how many children or placements it lists, and the table below lists exactly those.
    void reportTabs_data()
    {
        QTest::addColumn<int>("tab");
        QTest::addColumn<QString>("screenshot");
        QTest::addColumn<QString>("countPattern"); // the heading's count of the table's rows
        QTest::newRow("cost avoidance") << int(PanelView::AvoidanceTab) << "panel-avoidance.png" << "";
        QTest::newRow("residential tracker") << int(PanelView::ResidentialTab) << "panel-residential.png"
                                             << ": (\\d+) children in residential provision";
        QTest::newRow("unregulated provision") << int(PanelView::UnregulatedTab) << "panel-unregulated.png"
                                               << ": (\\d+) children";
    }

    void reportTabs()
    {
        QFETCH(int, tab);
        QFETCH(QString, screenshot);
        QFETCH(QString, countPattern);
        PanelView *view = m_window->panelView();
        view->showTab(PanelView::Tab(tab));
        QCOMPARE(view->tabs()->currentIndex(), tab);
        QWidget *page = view->tabs()->currentWidget();
        const auto top = [page](QWidget *a, QWidget *b) { return a->mapTo(page, QPoint()).y() < b->mapTo(page, QPoint()).y(); };
        QList<QTableView *> tables = page->findChildren<QTableView *>();
        QVERIFY(!tables.isEmpty());
        std::sort(tables.begin(), tables.end(), top); // the report's own table is the topmost
        QAbstractItemModel *model = tables.first()->model();
        QVERIFY(model->rowCount() > 0);
        // The first heading on the tab is the report's, for the meeting date.
        QList<QLabel *> labels = page->findChildren<QLabel *>();
        std::sort(labels.begin(), labels.end(), top);
        QVERIFY(!labels.isEmpty());
        const QString heading = labels.first()->text();
        const QString date = view->meetingDate().toString(QStringLiteral("dd/MM/yyyy"));
        QVERIFY2(heading.contains(date), qPrintable(heading + QStringLiteral(" lacks ") + date));
        if (!countPattern.isEmpty()) {
            const QRegularExpressionMatch m = QRegularExpression(countPattern).match(heading);
            QVERIFY2(m.hasMatch(), qPrintable(heading));
            QCOMPARE(m.captured(1).toInt(), model->rowCount());
        } else {
            // Cost avoidance: the last row is the total of the sources above it: the money adds up
            // to the penny; placements are distinct (one reduced by panel and by a desk review
            // counts once), so their total is at most the sum.
            qint64 sum = 0, placements = 0;
            for (int r = 0; r + 1 < model->rowCount(); ++r) {
                sum += model->index(r, 2).data(ReportTableModel::SortRole).toLongLong();
                placements += model->index(r, 1).data(ReportTableModel::SortRole).toLongLong();
            }
            const int total = model->rowCount() - 1;
            QCOMPARE(model->index(total, 2).data(ReportTableModel::SortRole).toLongLong(), sum);
            QVERIFY(model->index(total, 1).data(ReportTableModel::SortRole).toLongLong() <= placements);
            QVERIFY(model->index(total, 1).data(ReportTableModel::SortRole).toLongLong() > 0);
            QVERIFY(sum > 0);
        }
        saveScreenshot(m_window.get(), screenshot);
    }
};

QTEST_MAIN(TestPanelView)
#include "tst_panelview.moc"
