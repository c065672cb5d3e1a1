#include "mainwindow.h"

#include "keyboardrules.h"

#include "core/dates.h"
#include "costsview.h"
#include "dataview.h"
#include "domain/indicatorengine.h"
#include "packdialog.h"
#include "panelview.h"
#include "placementmixview.h"
#include "scorecardview.h"
#include "store/casestore.h"
#include "store/store.h"
#include "store/storewatcher.h"
#include "storeevents.h"
#include "trendsview.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTime>
#include <QTimer>
#include <QToolButton>
#include <QTableView>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

MainWindow::MainWindow(std::unique_ptr<Store> store, QWidget *parent)
    : QMainWindow(parent), m_store(std::move(store)), m_engine(std::make_unique<IndicatorEngine>(*m_store))
{
    m_nav = new QListWidget(this);
    m_nav->setFixedWidth(165); // room for "Placement mix"; every other pixel goes to the screen
    QFont navFont = m_nav->font();
    navFont.setPointSize(navFont.pointSize() + 3);
    m_nav->setFont(navFont);
    m_nav->setSpacing(3);
    m_nav->setAccessibleName(tr("Screens"));
    m_stack = new QStackedWidget(this);
    m_undoStack = new QUndoStack(this);
    new KeyboardRules(this); // Ctrl+Z outside an edited field undoes the last command; Alt+arrows stay in fields
    m_access = StoreRoles::access(*m_store);

    m_trends = new TrendsView(*m_store, *m_engine, this);
    addScreen(tr("Trends"), m_trends);
    m_mix = new PlacementMixView(*m_store, *m_engine, this);
    addScreen(tr("Placement mix"), m_mix);
    m_costs = new CostsView(*m_store, m_undoStack, this);
    m_costs->setAccess(m_access);
    addScreen(tr("Costs"), m_costs);
    // The Panel screen is child-level throughout: not built for a viewer (the server would refuse
    // its reads), and not offered in the navigation.
    if (m_access.childLevel) {
        m_panel = new PanelView(*m_store, m_undoStack, this);
        m_panel->setAccess(m_access);
        addScreen(tr("Panel"), m_panel);
    } else {
        addScreen(tr("Panel"), plannedScreen(tr("Placement Panel"), tr("The Panel screen needs the panel member role on this store.")));
        m_nav->item(m_nav->count() - 1)->setHidden(true);
    }
    m_scorecard = new ScorecardView(*m_store, *m_engine, m_undoStack, this);
    m_scorecard->setEditable(m_access.editScorecard);
    addScreen(tr("Scorecard"), m_scorecard);
    m_trends->setChildLevel(m_access.childLevel);
    m_data = new DataView(*m_store, m_access, this);
    addScreen(tr("Data"), m_data);
    connect(m_data, &DataView::imported, this, &MainWindow::reloadData);
    setAcceptDrops(m_access.import);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    // Switching screen (Ctrl+1..6, the list) puts the focus in the screen's main table, so the
    // arrow keys work at once (issue 21: five Tabs to reach the agenda after Ctrl+4).
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] {
        if (QWidget *screen = m_stack->currentWidget())
            for (QAbstractItemView *table : screen->findChildren<QAbstractItemView *>())
                if (table->isVisible() && qobject_cast<QTableView *>(table)) {
                    table->setFocus(Qt::ShortcutFocusReason);
                    break;
                }
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import = file->addAction(tr("&Import…"), this, [this] {
        showScreen(m_nav->count() - 1);
        m_data->chooseAndImport();
    });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setVisible(m_access.import);
    QAction *pack = file->addAction(tr("Export report &pack…"), this, [this] { PackDialog(*m_store, *m_engine, this).exec(); });
    pack->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *exportScreen = file->addAction(tr("&Export from this screen…"), this, [this] {
        if (auto *button = m_stack->currentWidget()->findChild<QToolButton *>(QStringLiteral("exportButton")))
            button->showMenu();
    });
    exportScreen->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *preview = file->addAction(tr("Print pre&view of report pack…"), this, [this] { PackDialog(*m_store, *m_engine, this).preview(); });
    preview->setShortcut(QKeySequence::Print);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("history"));
    m_undoView = new QUndoView(m_undoStack, historyDock);
    m_undoView->setEmptyLabel(tr("<opened store>"));
    m_undoView->setAccessibleName(tr("Edit history"));
    m_undoView->setWordWrap(true);
    m_undoView->setMinimumWidth(260);
    historyDock->setWidget(m_undoView);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    // Hidden until asked for (View ▸ History): on a projector every column counts.
    historyDock->setVisible(false);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(historyDock->toggleViewAction());
    view->addSeparator();
    for (int i = 0; i < m_nav->count(); ++i) {
        QAction *a = view->addAction(m_nav->item(i)->text(), this, [this, i] { showScreen(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        a->setVisible(isScreenOffered(i));
    }
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::reloadData);
    refresh->setShortcut(QKeySequence::Refresh);
    // Live updates: another person's saved edit redraws this window (PostgreSQL NOTIFY at once;
    // SQLite by a light poll and when the window is activated).
    auto *watcher = new StoreWatcher(*m_store, 1000, this);
    connect(watcher, &StoreWatcher::changed, this, &MainWindow::storeChanged);
    // A shared server that goes away (restart, network) is said so, and the window reads
    // everything again once it is back; edits made meanwhile are refused and keep their input.
    connect(watcher, &StoreWatcher::connectionLost, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Connection to the server lost at %1 (%2); trying again every 5 seconds. Changes cannot be "
                                    "saved until it is back.")
                                     .arg(QTime::currentTime().toString(QStringLiteral("HH:mm")), reason.simplified()));
    });
    connect(watcher, &StoreWatcher::reconnected, this, [this] {
        storeChanged(QString());
        statusBar()->showMessage(tr("Connected to the server again at %1; every screen has been read again.")
                                     .arg(QTime::currentTime().toString(QStringLiteral("HH:mm"))),
                                 15000);
    });
    m_pendingTimer = new QTimer(this);
    m_pendingTimer->setSingleShot(true);
    m_pendingTimer->setInterval(300);
    connect(m_pendingTimer, &QTimer::timeout, this, &MainWindow::applyPendingChanges);
    connect(qApp, &QApplication::applicationStateChanged, watcher, [watcher](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive)
            watcher->checkNow();
    });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Careboard"), this, [this] {
        QMessageBox::about(this, tr("About Careboard"),
                           tr("<b>Careboard %1</b><p>Children's services performance, placement costs and the "
                              "Placement Panel, on one store.</p><p>Store: %2</p>")
                               .arg(QApplication::applicationVersion(), m_store->location().toHtmlEscaped()));
    });

    updateStatus();
    updateTitle();
    m_nav->setCurrentRow(0);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 820);
}

MainWindow::~MainWindow()
{
    StoreEvents::forget(*m_store);
}

void MainWindow::addScreen(const QString &name, QWidget *screen)
{
    m_nav->addItem(name);
    // Each screen scrolls rather than forcing the window larger than a projector's 1280×720:
    // a screen narrower or shorter than its content shows scroll bars, nothing is squeezed.
    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(screen);
    m_stack->addWidget(scroll);
}

QWidget *MainWindow::plannedScreen(const QString &title, const QString &what)
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    auto *heading = new QLabel(title, w);
    QFont f = heading->font();
    f.setPointSize(f.pointSize() + 6);
    f.setBold(true);
    heading->setFont(f);
    auto *body = new QLabel(what, w);
    body->setWordWrap(true);
    QFont bf = body->font();
    bf.setPointSize(bf.pointSize() + 2);
    body->setFont(bf);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addStretch(1);
    return w;
}

void MainWindow::showScreen(int index)
{
    if (isScreenOffered(index))
        m_nav->setCurrentRow(index);
}

bool MainWindow::isScreenOffered(int index) const
{
    return index >= 0 && index < m_nav->count() && !m_nav->item(index)->isHidden();
}

void MainWindow::updateStatus()
{
    const QDate end = CaseStore(*m_store).dataEnd();
    statusBar()->showMessage(tr("Store: %1   ·   Data to %2").arg(m_store->location(), end.isValid() ? Dates::uk(end) : tr("(no data)")));
    if (!m_access.dbUser.isEmpty() && !m_accessLabel) {
        // Always in view on a shared store: who the server knows you as, and what that lets you do.
        m_accessLabel = new QLabel(tr("Signed in as %1 (%2)").arg(m_access.dbUser, m_access.roleName()), this);
        m_accessLabel->setObjectName(QStringLiteral("accessLabel"));
        m_accessLabel->setToolTip(m_access.canWriteAnything() ? tr("The server allows your role these changes; others are not offered")
                                                              : tr("Your role reads and exports aggregates; it changes nothing"));
        statusBar()->addPermanentWidget(m_accessLabel);
    }
}

void MainWindow::storeChanged(const QString &table)
{
    m_pendingTables.insert(table);
    applyPendingChanges();
}

bool MainWindow::isEditing() const
{
    // A cell editor open anywhere, or commentary typed and not yet saved: a redraw would discard it.
    // (A cell's editor is a widget on the view's viewport; the screens set no index widgets.)
    const auto views = findChildren<QAbstractItemView *>();
    for (const QAbstractItemView *v : views) {
        const auto editors = v->viewport()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        for (const QWidget *e : editors)
            if (e->isVisible())
                return true;
    }
    return m_scorecard->hasUnsavedCommentary();
}

void MainWindow::applyPendingChanges()
{
    if (m_pendingTables.isEmpty())
        return;
    if (isEditing()) {
        m_pendingTimer->start(); // look again shortly; the change is shown as soon as typing ends
        return;
    }
    const QSet<QString> tables = std::exchange(m_pendingTables, {});
    // Which screens show which tables. Anything else (or unknown, as on SQLite) redraws everything.
    static const QSet<QString> costTables = {"placements", "placement_fees", "budgets", "cost_snapshots", "whatif_scenarios",
                                             "cost_categories", "cost_category_map"};
    static const QSet<QString> panelTables = {"panel_meetings", "panel_items", "panel_decisions", "settings"}; // thresholds
    static const QSet<QString> scorecardTables = {"targets", "commentary"};
    bool costs = false, panel = false, scorecard = false;
    for (const QString &t : tables) {
        if (costTables.contains(t)) {
            costs = panel = true; // the panel shows each child's current cost
        } else if (panelTables.contains(t)) {
            panel = true;
        } else if (scorecardTables.contains(t)) {
            scorecard = true;
        } else {
            reloadData();
            emit redrawn();
            return;
        }
    }
    if (costs)
        m_costs->storeChanged();
    if (panel && m_panel)
        m_panel->refresh();
    if (scorecard)
        m_scorecard->refresh();
    emit redrawn();
}

int MainWindow::screenCount() const
{
    return m_nav->count();
}

void MainWindow::updateTitle()
{
    QString title = QStringLiteral("Careboard — %1").arg(m_store->authorityName());
    if (m_store->isDemo())
        title += tr(" — DEMO (fictional data)");
    setWindowTitle(title);
}

void MainWindow::reloadData()
{
    m_engine->reload();
    m_trends->refresh();
    m_mix->refresh();
    m_scorecard->refresh();
    m_costs->storeChanged();
    if (m_panel)
        m_panel->refresh();
    m_data->refresh();
    updateTitle();
    updateStatus();
}

// Files dropped anywhere on the window are imported (PRODUCT §2.6).
void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &u : event->mimeData()->urls())
        paths << u.toLocalFile();
    event->acceptProposedAction();
    showScreen(m_nav->count() - 1);
    // Let the drag finish before the import's progress dialog opens.
    QMetaObject::invokeMethod(m_data, [this, paths] { m_data->importFiles(paths); }, Qt::QueuedConnection);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}
