// Several people on one store, seen from the window (issue #9), on both engines:
//   - the window offers only what the connected user's role may do, and the server refuses the
//     rest anyway (PostgreSQL roles; on SQLite the file's owner may do everything);
//   - an edit refused because someone else changed the row offers Reload and keeps the input,
//     which can then be saved over the other change;
//   - undo of an edit that someone else has since changed is refused, naming them;
//   - a live change from another connection never discards what the user is typing.
// Two connections to one store stand for two people. With CAREBOARD_SCREENSHOT_DIR set (and a
// PostgreSQL server) saves shared-viewer.png and shared-conflict.png (docs/).
#include "costcommands.h"
#include "costsview.h"
#include "domain/demogenerator.h"
#include "domain/indicatorengine.h"
#include "itemmodels/placementcostmodel.h"
#include "itemmodels/scorecardmodel.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "panelview.h"
#include "scorecardview.h"
#include "store/placementstore.h"
#include "store/storeroles.h"
#include "storeevents.h"
#include "testsupport.h"
#include "trendsview.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

namespace {

const QDate monthEnd(2020, 1, 31);
const QDate feeFrom(2020, 1, 1);

// Two agency residential placements from 01/01/2020: A at £3,000 and B at £4,000 a week.
void fill(TestStore &s)
{
    const char *const rows[][2] = {{"A", "300000"}, {"B", "400000"}};
    for (const auto &r : rows) {
        s.episode(s.child(QString::fromLatin1(r[0]), "2008-05-01"), "2020-01-01", "", "C2", "S", "K2", "PR4");
        s->run(QStringLiteral("INSERT INTO placements (episode_id, funding) SELECT max(episode_id), 'spot' FROM episodes"));
        s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence) SELECT max(placement_id),"
                              " ?, ? FROM placements"),
               {feeFrom.toString(Qt::ISODate), QString::fromLatin1(r[1]).toLongLong()});
    }
    s.population(2019, 40000);
}

qint64 placementOf(Store &store, const QString &child)
{
    return store
        .scalar(QStringLiteral("SELECT p.placement_id FROM placements p JOIN episodes e ON e.episode_id = p.episode_id"
                               " JOIN children c ON c.child_id = e.child_id WHERE c.child_ref = ?"),
                {child})
        .toLongLong();
}

QModelIndex placementCell(CostsView &view, const QString &child, int column)
{
    PlacementCostModel *m = view.placementModel();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->placementAt(r).childRef == child)
            return m->index(r, column);
    return {};
}

QPushButton *button(QWidget *in, const QString &textStart)
{
    const auto buttons = in->findChildren<QPushButton *>();
    for (QPushButton *b : buttons)
        if (b->text().startsWith(textStart))
            return b;
    return nullptr;
}

QAction *actionWithShortcut(QMainWindow &w, const QKeySequence &keys)
{
    for (QAction *menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                if (a->shortcut() == keys)
                    return a;
    return nullptr;
}

void saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("CAREBOARD_SCREENSHOT_DIR");
    QCoreApplication::processEvents(); // pending layout requests, as the event loop would run them before painting
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestSharedUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void theOwnerOfAFileMayDoEverything()
    {
        if (TestSupport::wantsPg())
            QSKIP("roles on a server: windowOffersOnlyWhatTheRoleMayDo");
        TestStore s;
        const StoreRoles::Access a = StoreRoles::access(*s);
        QVERIFY(a.childLevel && a.panelDecisions && a.editCosts && a.editScorecard && a.import && a.readAudit && a.administer);
        QCOMPARE(a.roleName(), QStringLiteral("administrator"));
        QVERIFY(a.dbUser.isEmpty());
    }

    void windowOffersOnlyWhatTheRoleMayDo_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("roleName");
        QTest::addColumn<bool>("childLevel");   // Panel screen, drill-down, placement list
        QTest::addColumn<bool>("decisions");    // record a decision, new meeting
        QTest::addColumn<bool>("editor");       // fees, import, audit log, targets and commentary
        QTest::addColumn<bool>("administrator"); // panel thresholds
        QTest::newRow("viewer") << "careboard_viewer" << "viewer" << false << false << false << false;
        QTest::newRow("panel member") << "careboard_panel" << "panel member" << true << true << false << false;
        QTest::newRow("editor") << "careboard_editor" << "editor" << true << true << true << false;
        QTest::newRow("administrator") << "careboard_admin" << "administrator" << true << true << true << true;
    }

    void windowOffersOnlyWhatTheRoleMayDo()
    {
        if (!TestSupport::wantsPg())
            QSKIP("roles live on a PostgreSQL server; a file has one owner (theOwnerOfAFileMayDoEverything)");
        QFETCH(QString, role);
        QFETCH(QString, roleName);
        QFETCH(bool, childLevel);
        QFETCH(bool, decisions);
        QFETCH(bool, editor);
        QFETCH(bool, administrator);
        TestStore s;
        fill(s);
        QString error;
        QStringList summary;
        QVERIFY2(StoreRoles::install(*s, &summary, &error), qPrintable(error));
        // The test's login may act as any of the roles; from here on the connection is `role`.
        QVERIFY2(s->execDirect({QStringLiteral("GRANT careboard_admin TO current_user"), QStringLiteral("SET ROLE %1").arg(role)}, &error),
                 qPrintable(error));
        const qint64 a = placementOf(*s, QStringLiteral("A"));
        // Building and showing every offered screen reads nothing the server refuses.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("permission denied")));
        MainWindow w(std::move(s.store));
        w.resize(1600, 1000);
        w.show();
        QCOMPARE(w.access().roleName(), roleName);
        QCOMPARE(w.access().dbUser, role);
        auto *signedIn = w.statusBar()->findChild<QLabel *>(QStringLiteral("accessLabel"));
        QVERIFY(signedIn);
        QCOMPARE(signedIn->text(), QStringLiteral("Signed in as %1 (%2)").arg(role, roleName));
        for (int i = 0; i < w.screenCount(); ++i)
            w.showScreen(i);

        QCOMPARE(w.isScreenOffered(3), childLevel);
        QCOMPARE(w.panelView() != nullptr, childLevel);
        QDialog *list = w.trendsView()->showChildrenCounted(monthEnd);
        QCOMPARE(list != nullptr, childLevel);
        delete list;

        CostsView *costs = w.costsView();
        costs->setMonth(monthEnd);
        QCOMPARE(costs->placementView()->isVisibleTo(costs), childLevel);
        QCOMPARE(costs->placementView()->editTriggers() != QAbstractItemView::NoEditTriggers, editor);
        QCOMPARE(costs->tableView()->editTriggers() != QAbstractItemView::NoEditTriggers, editor);
        QCOMPARE(costs->isTabOffered(CostsView::AuditTab), editor);
        QVERIFY(actionWithShortcut(w, QKeySequence(Qt::CTRL | Qt::Key_I)));
        QCOMPARE(actionWithShortcut(w, QKeySequence(Qt::CTRL | Qt::Key_I))->isVisible(), editor);
        QCOMPARE(w.acceptDrops(), editor);
        QCOMPARE(w.scorecardView()->commentaryEditor()->isReadOnly(), !editor);
        if (PanelView *panel = w.panelView()) {
            QVERIFY(button(panel, QStringLiteral("Record decision")));
            // (On tabs not shown: hidden by the role, not merely by the tab.)
            QCOMPARE(!button(panel, QStringLiteral("Record decision"))->isHidden(), decisions);
            QCOMPARE(!button(panel, QStringLiteral("Thresholds"))->isHidden(), administrator);
        }

        // What is not offered, the server refuses anyway.
        PlacementStore ps(w.store());
        const PlacementRecord before = ps.placement(a, monthEnd);
        const bool saved = ps.changeFee({a, feeFrom, 310000, 0, QStringLiteral("test")}, before.version, &error);
        QCOMPARE(saved, editor);
        if (!saved)
            QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
        QCOMPARE(ps.placement(a, monthEnd).weeklyFee, saved ? qint64(310000) : qint64(300000));
    }

    // Pictures for the README: the demo authority as a viewer and as a panel member sees it.
    void screenshotsOfTheRolesOnTheDemo()
    {
        if (!TestSupport::wantsPg() || qEnvironmentVariableIsEmpty("CAREBOARD_SCREENSHOT_DIR"))
            QSKIP("screenshots only: needs a PostgreSQL server and CAREBOARD_SCREENSHOT_DIR");
        for (const char *role : {"careboard_viewer", "careboard_panel"}) {
            TestStore s;
            QString error;
            QVERIFY2(DemoGenerator::write(*s, DemoGenerator::generate(DemoOptions()), &error), qPrintable(error));
            QStringList summary;
            QVERIFY2(StoreRoles::install(*s, &summary, &error), qPrintable(error));
            QVERIFY2(s->execDirect({QStringLiteral("GRANT careboard_admin TO current_user"),
                                    QStringLiteral("SET ROLE %1").arg(QLatin1String(role))}, &error),
                     qPrintable(error));
            MainWindow w(std::move(s.store));
            w.resize(1920, 1080);
            w.show();
            w.showScreen(2);
            if (qstrcmp(role, "careboard_viewer") == 0) {
                saveScreenshot(&w, QStringLiteral("shared-viewer.png"));
            } else {
                w.showScreen(3);
                QVERIFY(w.panelView());
                w.panelView()->selectCase(0);
                w.panelView()->showTab(PanelView::CaseTab);
                saveScreenshot(&w, QStringLiteral("shared-panel-member.png"));
            }
        }
    }

    void aRefusedEditOffersReloadAndKeepsTheInput()
    {
        TestStore s;
        fill(s);
        s->setUserName(QStringLiteral("chair"));
        QString error;
        auto colleague = Store::open(s->location(), &error);
        QVERIFY2(colleague, qPrintable(error));
        colleague->setUserName(QStringLiteral("colleague"));
        QUndoStack stack;
        CostsView view(*s, &stack);
        view.resize(1400, 900);
        static_cast<QWidget &>(view).show();
        view.setMonth(monthEnd);
        view.selectCategory(QStringLiteral("Agency Residential"));
        const QModelIndex cell = placementCell(view, QStringLiteral("A"), PlacementCostModel::Fee);
        QVERIFY(cell.isValid());
        const PlacementRecord shown = view.placementModel()->placementAt(cell.row());
        // The colleague saves £3,050 after this screen read A's fee.
        QVERIFY2(PlacementStore(*colleague).changeFee({shown.placementId, feeFrom, 305000, 0, QStringLiteral("Other window")},
                                                      shown.version, &error),
                 qPrintable(error));

        QTableView *tv = view.placementView();
        const auto viewCell = [&] {
            return static_cast<QAbstractProxyModel *>(tv->model())->mapFromSource(placementCell(view, QStringLiteral("A"), PlacementCostModel::Fee));
        };
        const auto editorOfA = [&] { return qobject_cast<QLineEdit *>(tv->indexWidget(viewCell())); };
        // Enter commits through a queued call (QAbstractItemDelegate), hence processEvents().
        const auto enter = [&](QLineEdit *editor) {
            QTest::keyClick(editor, Qt::Key_Return);
            QCoreApplication::processEvents();
        };
        tv->edit(viewCell());
        QVERIFY(editorOfA());
        editorOfA()->setText(QStringLiteral("3,999"));
        enter(editorOfA());
        // Refused, naming the colleague; Reload offered; the input kept; nothing written.
        QVERIFY(view.noticeBar()->isVisibleTo(&view));
        QVERIFY2(view.messageLabel()->text().contains(QLatin1String("changed by colleague")), qPrintable(view.messageLabel()->text()));
        QVERIFY(view.noticeBar()->reloadButton()->isVisibleTo(&view));
        QCOMPARE(view.keptInput(cell), QStringLiteral("3,999"));
        QCOMPARE(PlacementStore(*s).placement(shown.placementId, monthEnd).weeklyFee, qint64(305000));
        QCOMPARE(stack.count(), 0);
        // The cell's editor opens again at once with the input in it (queued after the refusal).
        QCoreApplication::processEvents();
        QVERIFY(editorOfA());
        QCOMPARE(editorOfA()->text(), QStringLiteral("3,999"));
        saveScreenshot(&view, QStringLiteral("shared-conflict.png"));

        // The user leaves the cell and reloads: the colleague's fee shows, the input is still held.
        QTest::keyClick(editorOfA(), Qt::Key_Escape);
        QVERIFY(!editorOfA());
        view.noticeBar()->reloadButton()->click();
        const QModelIndex reloaded = placementCell(view, QStringLiteral("A"), PlacementCostModel::Fee);
        QCOMPARE(view.placementModel()->placementAt(reloaded.row()).weeklyFee, qint64(305000));
        QCOMPARE(view.placementModel()->placementAt(reloaded.row()).version, shown.version + 1);
        QCOMPARE(view.keptInput(reloaded), QStringLiteral("3,999"));
        QVERIFY(!view.noticeBar()->reloadButton()->isVisibleTo(&view));
        QVERIFY(view.messageLabel()->text().startsWith(QLatin1String("Reloaded")));

        // Editing the cell again offers the kept input; Enter now saves it over the colleague's fee.
        tv->edit(viewCell());
        QVERIFY(editorOfA());
        QCOMPARE(editorOfA()->text(), QStringLiteral("3,999"));
        enter(editorOfA());
        QCOMPARE(PlacementStore(*s).placement(shown.placementId, monthEnd).weeklyFee, qint64(399900));
        QCOMPARE(stack.count(), 1);
        QVERIFY(view.keptInput(reloaded).isEmpty());
    }

    void aRefusedCommentaryIsKeptThroughReload()
    {
        TestStore s;
        fill(s);
        QString error;
        auto colleague = Store::open(s->location(), &error);
        QVERIFY2(colleague, qPrintable(error));
        s->setUserName(QStringLiteral("analyst"));
        colleague->setUserName(QStringLiteral("colleague"));
        IndicatorEngine mineEngine(*s), theirEngine(*colleague);
        ScorecardView mine(*s, mineEngine), theirs(*colleague, theirEngine);
        mine.selectRow(0);
        theirs.selectRow(0);
        // Both open the same commentary; the colleague saves first.
        QTest::keyClicks(theirs.commentaryEditor(), QStringLiteral("Theirs"));
        QVERIFY(theirs.saveCommentary());
        QTest::keyClicks(mine.commentaryEditor(), QStringLiteral("Mine"));
        QVERIFY(mine.hasUnsavedCommentary());
        QVERIFY(!mine.saveCommentary());
        QVERIFY(mine.noticeBar()->isVisibleTo(&mine));
        QVERIFY2(mine.noticeBar()->label()->text().contains(QLatin1String("colleague")), qPrintable(mine.noticeBar()->label()->text()));
        QCOMPARE(mine.commentaryEditor()->toPlainText(), QStringLiteral("Mine"));
        // Reload shows theirs in the table and keeps the typing; saving now puts it over theirs.
        mine.noticeBar()->reloadButton()->click();
        QCOMPARE(mine.model()->commentaryAt(0), QStringLiteral("Theirs"));
        QCOMPARE(mine.commentaryEditor()->toPlainText(), QStringLiteral("Mine"));
        QVERIFY(mine.hasUnsavedCommentary());
        QVERIFY(mine.saveCommentary());
        theirs.refresh();
        QCOMPARE(theirs.model()->commentaryAt(0), QStringLiteral("Mine"));
    }

    void undoOfAnEditSomeoneElseChangedIsRefused()
    {
        TestStore s;
        fill(s);
        s->setUserName(QStringLiteral("chair"));
        QString error;
        auto colleague = Store::open(s->location(), &error);
        QVERIFY2(colleague, qPrintable(error));
        colleague->setUserName(QStringLiteral("colleague"));
        const qint64 b = placementOf(*s, QStringLiteral("B"));
        QUndoStack stack;
        PlacementStore ps(*s);
        // The chair raises B from £4,000 to £4,200 (version 1 -> 2) ...
        const int v = ps.placement(b, monthEnd).version;
        QVERIFY(EditCommand::push(&stack, new FeeChangeCommand(*s, {b, feeFrom, 420000, 0, QStringLiteral("Panel")}, v), &error));
        QCOMPARE(ps.placement(b, monthEnd).weeklyFee, qint64(420000));
        // ... the colleague then sets £4,500 on the version the chair left ...
        QVERIFY2(PlacementStore(*colleague).changeFee({b, feeFrom, 450000, 0, QStringLiteral("Provider uplift")},
                                                      PlacementStore(*colleague).placement(b, monthEnd).version, &error),
                 qPrintable(error));
        // ... so the chair's undo (back to £4,000) would overwrite it: refused, naming the colleague.
        QSignalSpy failed(StoreEvents::of(*s), &StoreEvents::editFailed);
        stack.undo();
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("changed by colleague")), qPrintable(failed.first().first().toString()));
        QCOMPARE(ps.placement(b, monthEnd).weeklyFee, qint64(450000));
        // The history no longer offers a step the store cannot take back.
        QCOMPARE(stack.count(), 0);
        StoreEvents::forget(*s);
    }

    void aLiveChangeWaitsUntilTypingEnds()
    {
        TestStore s;
        fill(s);
        QString error;
        auto colleague = Store::open(s->location(), &error);
        QVERIFY2(colleague, qPrintable(error));
        MainWindow w(std::move(s.store));
        w.resize(1600, 1000);
        w.show();
        w.showScreen(2);
        CostsView *costs = w.costsView();
        costs->setMonth(monthEnd);
        costs->selectCategory(QStringLiteral("Agency Residential"));
        const QModelIndex cellB = placementCell(*costs, QStringLiteral("B"), PlacementCostModel::Fee);
        const PlacementRecord b = costs->placementModel()->placementAt(cellB.row());
        // The user starts typing a new fee for A ...
        QTableView *tv = costs->placementView();
        const QModelIndex viewA = static_cast<QAbstractProxyModel *>(tv->model())
                                      ->mapFromSource(placementCell(*costs, QStringLiteral("A"), PlacementCostModel::Fee));
        tv->edit(viewA);
        auto *editor = qobject_cast<QLineEdit *>(tv->indexWidget(viewA));
        QVERIFY(editor);
        editor->setText(QStringLiteral("3,123"));
        // ... while a colleague saves B's fee, and the notification arrives.
        QVERIFY(PlacementStore(*colleague).changeFee({b.placementId, feeFrom, 480000, 0, QStringLiteral("Uplift")}, b.version, &error));
        QSignalSpy redrawn(&w, &MainWindow::redrawn);
        w.storeChanged(QStringLiteral("placement_fees"));
        // Typing is not thrown away: the editor and its text are still there, the redraw waits.
        QCOMPARE(redrawn.count(), 0);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->text(), QStringLiteral("3,123"));
        // Once the user presses Enter, their fee is saved and the colleague's appears.
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(redrawn.wait(5000));
        QCOMPARE(costs->placementModel()->placementAt(placementCell(*costs, QStringLiteral("B"), PlacementCostModel::Fee).row()).weeklyFee,
                 qint64(480000));
        QCOMPARE(costs->placementModel()->placementAt(placementCell(*costs, QStringLiteral("A"), PlacementCostModel::Fee).row()).weeklyFee,
                 qint64(312300));
    }
};

QTEST_MAIN(TestSharedUi)
#include "tst_sharedui.moc"
