// The Panel screen on the demo authority, offscreen: agenda, keyboard navigation between cases,
// recording a decision with Ctrl+Return and undoing it from the window's undo stack. With
// CAREBOARD_SCREENSHOT_DIR set it saves docs/panel-*.png.
#include "agendamodel.h"
#include "demogenerator.h"
#include "mainwindow.h"
#include "panelstore.h"
#include "panelview.h"
#include "store.h"

#include <QAbstractItemModelTester>
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

    void reportTabs()
    {
        PanelView *view = m_window->panelView();
        view->showTab(PanelView::AvoidanceTab);
        saveScreenshot(m_window.get(), QStringLiteral("panel-avoidance.png"));
        view->showTab(PanelView::ResidentialTab);
        saveScreenshot(m_window.get(), QStringLiteral("panel-residential.png"));
        view->showTab(PanelView::UnregulatedTab);
        saveScreenshot(m_window.get(), QStringLiteral("panel-unregulated.png"));
    }
};

QTEST_MAIN(TestPanelView)
#include "tst_panelview.moc"
