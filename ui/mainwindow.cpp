#include "mainwindow.h"

#include "casestore.h"
#include "dates.h"
#include "indicatorengine.h"
#include "store.h"
#include "storewatcher.h"
#include "trendsview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

MainWindow::MainWindow(std::unique_ptr<Store> store, QWidget *parent)
    : QMainWindow(parent), m_store(std::move(store)), m_engine(std::make_unique<IndicatorEngine>(*m_store))
{
    m_nav = new QListWidget(this);
    m_nav->setFixedWidth(190);
    QFont navFont = m_nav->font();
    navFont.setPointSize(navFont.pointSize() + 3);
    m_nav->setFont(navFont);
    m_nav->setSpacing(3);
    m_nav->setAccessibleName(tr("Screens"));
    m_stack = new QStackedWidget(this);

    m_trends = new TrendsView(*m_store, *m_engine, this);
    addScreen(tr("Trends"), m_trends);
    addScreen(tr("Placement mix"), plannedScreen(tr("Placement mix"),
        tr("The share of children looked after in each DfE placement group beside England, and in-house vs external "
           "fostering and residential over time. This screen is not built yet (issue #3); it shows no figures until "
           "they are computed from your data.")));
    addScreen(tr("Costs"), plannedScreen(tr("Costs"),
        tr("The placement cost table editor: numbers and average weekly costs by category, differences to in-house, "
           "budgets and what-if. This screen is not built yet (issue #4).")));
    addScreen(tr("Panel"), plannedScreen(tr("Placement Panel"),
        tr("Meetings, the agenda of external placements with priority flags, case review, decisions and cost "
           "avoidance. This screen is not built yet (issue #5).")));
    addScreen(tr("Scorecard"), plannedScreen(tr("Scorecard"),
        tr("Every indicator in one table with last period, last year, target, England, neighbours and RAG. "
           "This screen is not built yet (issue #3).")));
    addScreen(tr("Data"), plannedScreen(tr("Data"),
        tr("Imports of DfE-format files with validation, data-quality findings and the reference-data editors. "
           "This screen is not built yet (issue #7). Until then, load data with: careboard import --db FILE FILE.csv…")));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_nav->count(); ++i) {
        QAction *a = view->addAction(m_nav->item(i)->text(), this, [this, i] { showScreen(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Refresh"), this, [this] {
        m_engine->reload();
        m_trends->refresh();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    // Live updates: another person's saved edit redraws this window (PostgreSQL NOTIFY at once;
    // SQLite by a light poll and when the window is activated).
    auto *watcher = new StoreWatcher(*m_store, 1000, this);
    connect(watcher, &StoreWatcher::changed, refresh, &QAction::trigger);
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

    const QDate end = CaseStore(*m_store).dataEnd();
    statusBar()->showMessage(tr("Store: %1   ·   Data to %2").arg(m_store->location(), end.isValid() ? Dates::uk(end) : tr("(no data)")));
    updateTitle();
    m_nav->setCurrentRow(0);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 820);
}

MainWindow::~MainWindow() = default;

void MainWindow::addScreen(const QString &name, QWidget *screen)
{
    m_nav->addItem(name);
    m_stack->addWidget(screen);
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
    m_nav->setCurrentRow(index);
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}
