#include "panelview.h"

#include "noticebar.h"

#include "core/dates.h"
#include "domain/costavoidance.h"
#include "domain/residentialtracker.h"
#include "itemmodels/agendamodel.h"
#include "itemmodels/reporttablemodel.h"
#include "panelcommands.h"
#include "storeevents.h"
#include "panelminutes.h"
#include "reportrenderer.h"
#include "store/casestore.h"
#include "store/panelstore.h"
#include "store/placementstore.h"
#include "store/store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {

QLabel *heading(const QString &text, QWidget *parent, int extra = 3)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setPointSize(f.pointSize() + extra);
    f.setBold(true);
    l->setFont(f);
    l->setWordWrap(true);
    return l;
}

QTableView *makeTable(QAbstractItemModel *model, int sortRole, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto *t = new QTableView(parent);
    t->setModel(proxy);
    t->setSortingEnabled(true);
    t->sortByColumn(-1, Qt::AscendingOrder);
    t->setAlternatingRowColors(true);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->setWordWrap(false);
    t->setTextElideMode(Qt::ElideRight);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString money(Money::Pence p)
{
    return PanelRules::money(p);
}

} // namespace

PanelView::PanelView(Store &store, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent), m_store(store), m_undoStack(undoStack), m_settings(PanelSettings::load(store))
{
    // Projector type: everything on this screen a few points larger than the desktop default.
    QFont big = font();
    big.setPointSize(big.pointSize() + 3);
    setFont(big);

    m_agendaModel = new AgendaModel(this);
    m_avoidanceTotals = new ReportTableModel(this);
    m_avoidanceLines = new ReportTableModel(this);
    m_residential = new ReportTableModel(this);
    m_residentialYears = new ReportTableModel(this);
    m_unregulated = new ReportTableModel(this);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildAgendaTab(), tr("A&genda"));
    m_tabs->addTab(buildCaseTab(), tr("&Case review"));
    m_tabs->addTab(buildReportTab(m_avoidanceTotals, &m_avoidanceHeading, &m_avoidanceTable, m_avoidanceLines,
                                  &m_avoidanceLinesHeading), tr("Cost avoi&dance"));
    m_tabs->addTab(buildReportTab(m_residential, &m_residentialHeading, &m_residentialTable, m_residentialYears,
                                  &m_residentialYearsHeading, 3, 1), tr("Res&idential tracker"));
    m_tabs->addTab(buildReportTab(m_unregulated, &m_unregulatedHeading, &m_unregulatedTable), tr("&Unregulated report"));
    QToolButton *exportButton = ExportAction::button(this, [this] { return m_store.authorityName(); }, [this] { return exportItems(); });
    ExportAction::addExtra(exportButton, tr("Export agenda / minutes of the selected meeting (PDF, OFFICIAL-SENSITIVE)… Ctrl+Shift+M"), [this] { exportMinutes(); });
    m_tabs->setCornerWidget(exportButton, Qt::TopRightCorner);

    m_message = new NoticeBar(this);
    connect(m_message, &NoticeBar::reloadRequested, this, [this] {
        loadMeetings(m_meetings->currentData(Qt::UserRole).toLongLong());
        showMessage(tr("Reloaded: the agenda and the case show the latest saved decisions and fees. Your decision form is "
                       "kept: check it against the other change and record it again."));
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    const auto shortcut = [this](const QKeySequence &keys, void (PanelView::*slot)()) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), &PanelView::nextCase);
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), &PanelView::previousCase);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &PanelView::newMeeting);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), &PanelView::fixAgenda);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &PanelView::exportMinutes);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, [this] { recordDecision(); });
    }
    // Read when first shown (or asked for its data): on a national-scale store the agenda and
    // trackers take seconds, and the window builds every screen at start-up. The report tabs
    // are read when their tab is shown.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        refreshStaleTab();
        // Each tab opens with the focus where the chair works: the agenda's table, the decision.
        if (tab == AgendaTab)
            m_agendaTable->setFocus(Qt::TabFocusReason);
        else if (tab == CaseTab)
            m_outcome->setFocus(Qt::TabFocusReason);
    });

    // Every panel edit, undo and redo (from any screen's Edit menu) redraws this screen; a
    // refused one is shown here when this screen is on show.
    // "Recorded … Ctrl+Z undoes it" goes once the history moves from that step (undone, or another edit).
    if (m_undoStack)
        connect(m_undoStack, &QUndoStack::indexChanged, this, [this](int index) {
            if (m_recordedAt >= 0 && index != m_recordedAt) {
                m_recordedAt = -1;
                m_message->clear();
            }
        });
    StoreEvents *events = StoreEvents::of(m_store);
    connect(events, &StoreEvents::panelChanged, this, &PanelView::onPanelChanged);
    connect(events, &StoreEvents::editFailed, this, [this](const QString &message) {
        if (isVisible() || !window()->isVisible()) // the screen on show, or a view on its own
            showMessage(message, true);
    });
}

void PanelView::onPanelChanged(qint64 meetingId)
{
    if (!m_loaded)
        return;
    // A meeting created, removed or its agenda fixed: the list of meetings (and their status)
    // is read again, showing that meeting; a decision or the thresholds: the screen redraws.
    QStringList shown, stored;
    for (int i = 0; i < m_meetings->count(); ++i)
        shown << m_meetings->itemData(i, Qt::UserRole).toString() + m_meetings->itemText(i);
    for (const PanelMeeting &m : PanelStore(m_store).meetings())
        stored << QString::number(m.meetingId) + QStringLiteral("%1 — %2 — %3").arg(Dates::uk(m.date), m.chair,
                                                                                    m.status == QLatin1String("fixed") ? tr("agenda fixed") : m.status);
    if (shown != stored)
        loadMeetings(meetingId);
    else
        refresh();
}

void PanelView::ensureLoaded() const
{
    // A lazily filled cache: loading changes what is shown, not what the view is.
    auto *self = const_cast<PanelView *>(this);
    if (!m_loaded)
        self->loadMeetings();
    else if (m_stale)
        self->reload();
}

void PanelView::showEvent(QShowEvent *event)
{
    ensureLoaded();
    QWidget::showEvent(event);
}

void PanelView::refreshStaleTab()
{
    const Tab tab = Tab(m_tabs->currentIndex());
    if (!m_staleTabs.remove(tab))
        return;
    switch (tab) {
    case AvoidanceTab: refreshAvoidance(); break;
    case ResidentialTab: refreshResidential(); break;
    case UnregulatedTab: refreshUnregulated(); break;
    case AgendaTab:
    case CaseTab: break;
    }
}

void PanelView::refreshAllTabs() const
{
    ensureLoaded();
    auto *self = const_cast<PanelView *>(this);
    const QSet<Tab> stale = std::exchange(self->m_staleTabs, {});
    if (stale.contains(AvoidanceTab))
        self->refreshAvoidance();
    if (stale.contains(ResidentialTab))
        self->refreshResidential();
    if (stale.contains(UnregulatedTab))
        self->refreshUnregulated();
}

QWidget *PanelView::buildAgendaTab()
{
    auto *w = new QWidget(this);
    // The meetings, newest first, in a list above the agenda: the agenda keeps the full width.
    m_meetings = new QComboBox(w);
    m_meetings->setAccessibleName(tr("Panel meetings"));
    // Wide enough for "26/03/2025 — chair — status" in most cases; never wider than the bar allows
    // (a longer chair's name is elided, the full text is in the list and the tooltip).
    m_meetings->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_meetings->setMinimumContentsLength(22);
    m_meetings->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *meetingLabel = new QLabel(tr("&Meeting"), w);
    meetingLabel->setBuddy(m_meetings);
    // Short labels so the bar fits a 1280-pixel projector; the shortcuts are in the tooltips.
    auto *newButton = m_newMeetingButton = new QPushButton(tr("New meeting…"), w);
    newButton->setToolTip(tr("New panel meeting (Ctrl+Shift+N)"));
    m_fixButton = new QPushButton(tr("Fix agenda"), w);
    m_fixButton->setToolTip(tr("Fix the agenda of this meeting (Ctrl+Shift+F)"));
    auto *thresholds = m_thresholdsButton = new QPushButton(tr("Thresholds…"), w);
    auto *bar = new QHBoxLayout;
    bar->addWidget(meetingLabel);
    bar->addWidget(m_meetings, 1);
    bar->addWidget(newButton);
    bar->addWidget(m_fixButton);
    bar->addWidget(thresholds);
    connect(thresholds, &QPushButton::clicked, this, &PanelView::editThresholds);

    m_agendaHeading = heading(QString(), w);
    m_agendaTable = makeTable(m_agendaModel, AgendaModel::SortRole, w);
    m_agendaTable->setAccessibleName(tr("Agenda"));
    auto *hint = new QLabel(tr("Enter opens the case · Alt+↓ / Alt+↑ next and previous case · Ctrl+Return records the decision · Ctrl+Shift+M agenda / minutes PDF"), w);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(bar);
    layout->addWidget(m_agendaHeading);
    layout->addWidget(m_agendaTable, 1);
    layout->addWidget(hint);

    connect(m_meetings, &QComboBox::currentIndexChanged, this, &PanelView::meetingChanged);
    connect(newButton, &QPushButton::clicked, this, &PanelView::newMeeting);
    connect(m_fixButton, &QPushButton::clicked, this, &PanelView::fixAgenda);
    connect(m_agendaTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        selectCase(index.row());
        showTab(CaseTab);
    });
    connect(m_agendaTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const int row = m_agendaModel->rowOfChild(index.data(AgendaModel::ChildIdRole).toLongLong());
        if (row != m_case) {
            m_case = row;
            refreshCase();
        }
    });
    return w;
}

QWidget *PanelView::buildCaseTab()
{
    auto *w = new QWidget(this);
    m_caseHeading = heading(QString(), w, 4);
    m_caseBrowser = new QTextBrowser(w);
    m_caseBrowser->setAccessibleName(tr("Case review"));
    m_caseBrowser->setOpenLinks(false);

    auto *form = new QWidget(w);
    auto *fl = new QFormLayout(form);
    fl->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_source = new QComboBox(form);
    m_source->addItems(PanelStore::sources());
    m_outcome = new QComboBox(form);
    for (const QString &o : PanelStore::outcomes())
        m_outcome->addItem(o.left(1).toUpper() + o.mid(1), o);
    m_newCost = new QLineEdit(form);
    m_newCost->setPlaceholderText(tr("unchanged"));
    m_newCost->setAccessibleName(tr("New weekly cost"));
    m_costFrom = new QDateEdit(form);
    m_costFrom->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_costFrom->setCalendarPopup(true);
    m_actions = new QPlainTextEdit(form);
    m_actions->setPlaceholderText(tr("One a line — Owner: action"));
    m_actions->setTabChangesFocus(true);
    m_actions->setMinimumHeight(90);
    m_actions->setMaximumHeight(120); // with Notes, leaves Record in sight at 1280×720
    m_nextReview = new QDateEdit(form);
    m_nextReview->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_nextReview->setCalendarPopup(true);
    m_notes = new QPlainTextEdit(form);
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(70);
    m_notes->setMaximumHeight(80);
    m_preview = new QLabel(form);
    m_preview->setWordWrap(false); // at most two short lines, room kept for both
    m_preview->setMinimumHeight(m_preview->fontMetrics().lineSpacing() * 2 + 6);
    m_recordButton = new QPushButton(tr("Record decision (Ctrl+Return)"), form);
    // After recording, the chair lands on the next case unless this is ticked (kept per user).
    m_stayOnCase = new QCheckBox(tr("Stay on this case after recording"), form);
    m_stayOnCase->setChecked(QSettings().value(QStringLiteral("panel/stayAfterRecording"), false).toBool());
    connect(m_stayOnCase, &QCheckBox::toggled, this, [](bool stay) { QSettings().setValue(QStringLiteral("panel/stayAfterRecording"), stay); });
    QFont bf = m_recordButton->font();
    bf.setBold(true);
    m_recordButton->setFont(bf);
    fl->addRow(heading(tr("Decision"), form, 2));
    fl->addRow(tr("&Source"), m_source);
    fl->addRow(tr("&Outcome"), m_outcome);
    fl->addRow(tr("New &weekly cost"), m_newCost);
    fl->addRow(tr("S&tarting"), m_costFrom);
    fl->addRow(tr("&Actions"), m_actions);
    fl->addRow(tr("Ne&xt review"), m_nextReview);
    fl->addRow(tr("&Notes"), m_notes);
    form->setMinimumWidth(460);
    form->setMaximumWidth(560);
    // The preview wraps; outside the form layout it gets the height it needs.
    auto *formColumn = new QVBoxLayout;
    formColumn->addWidget(form);
    formColumn->addWidget(m_preview);
    formColumn->addWidget(m_recordButton);
    formColumn->addWidget(m_stayOnCase);
    formColumn->addStretch(1);
    m_preview->setMaximumWidth(560);

    auto *body = new QHBoxLayout;
    body->addWidget(m_caseBrowser, 1);
    body->addLayout(formColumn);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_caseHeading);
    layout->addLayout(body, 1);

    connect(m_recordButton, &QPushButton::clicked, this, [this] { recordDecision(); });
    connect(m_newCost, &QLineEdit::textChanged, this, &PanelView::updateAvoidancePreview);
    connect(m_costFrom, &QDateEdit::dateChanged, this, &PanelView::updateAvoidancePreview);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &PanelView::updateAvoidancePreview);
    return w;
}

QWidget *PanelView::buildReportTab(ReportTableModel *model, QLabel **head, QTableView **table, ReportTableModel *second,
                                   QLabel **secondHeading, int topStretch, int bottomStretch)
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    *head = heading(QString(), w);
    *table = makeTable(model, ReportTableModel::SortRole, w);
    auto *top = new QWidget(w);
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(*head);
    tl->addWidget(*table, 1);
    if (!second) {
        layout->addWidget(top);
        return w;
    }
    auto *bottom = new QWidget(w);
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    *secondHeading = heading(QString(), w);
    bl->addWidget(*secondHeading);
    bl->addWidget(makeTable(second, ReportTableModel::SortRole, w), 1);
    auto *splitter = new QSplitter(Qt::Vertical, w);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, topStretch);
    splitter->setStretchFactor(1, bottomStretch);
    layout->addWidget(splitter);
    return w;
}

QDate PanelView::meetingDate() const
{
    if (m_meetings->currentIndex() >= 0)
        return m_meetings->currentData(Qt::UserRole + 1).toDate();
    const QDate end = CaseStore(m_store).dataEnd();
    return end.isValid() ? end : QDate::currentDate();
}

void PanelView::loadMeetings(qint64 select)
{
    m_loaded = true;
    const QSignalBlocker block(m_meetings);
    m_meetings->clear();
    int row = 0;
    for (const PanelMeeting &m : PanelStore(m_store).meetings()) {
        const QString status = m.status == QLatin1String("fixed") ? tr("agenda fixed") : m.status;
        m_meetings->addItem(QStringLiteral("%1 — %2 — %3").arg(Dates::uk(m.date), m.chair, status));
        m_meetings->setItemData(m_meetings->count() - 1, m.meetingId, Qt::UserRole);
        m_meetings->setItemData(m_meetings->count() - 1, m.date, Qt::UserRole + 1);
        if (m.meetingId == select)
            row = m_meetings->count() - 1;
    }
    if (m_meetings->count())
        m_meetings->setCurrentIndex(row);
    meetingChanged();
}

void PanelView::meetingChanged()
{
    m_meetings->setToolTip(m_meetings->currentText());
    m_case = -1;
    reload();
}

void PanelView::refresh()
{
    if (!m_loaded)
        return; // read when first shown
    if (!isVisible()) {
        m_stale = true; // another screen is on show: read again when this one is (or is used)
        return;
    }
    reload();
}

void PanelView::reload()
{
    m_stale = false;
    m_settings = PanelSettings::load(m_store);
    refreshAgenda();
    refreshCase();
    m_staleTabs = {AvoidanceTab, ResidentialTab, UnregulatedTab};
    refreshStaleTab();
}

void PanelView::refreshAgenda()
{
    PanelMeeting meeting;
    if (m_meetings->currentIndex() >= 0)
        meeting = PanelStore(m_store).meeting(m_meetings->currentData(Qt::UserRole).toLongLong());
    QVector<AgendaItem> agenda;
    const QDate d = meetingDate();
    if (meeting.meetingId)
        agenda = Agenda::forMeeting(m_store, meeting, m_settings);
    else
        agenda = Agenda::build(m_store, d, m_settings);
    const qint64 keepChild = m_case >= 0 && m_case < m_agendaModel->rowCount() ? m_agendaModel->itemAt(m_case).childId : 0;
    m_agendaModel->setAgenda(agenda);
    int flagged = 0;
    for (const AgendaItem &a : agenda)
        flagged += a.flags.isEmpty() ? 0 : 1;
    const bool fixed = meeting.status == QLatin1String("fixed");
    m_agendaHeading->setText(tr("Agenda for %1%2 — %3 children: %4 flagged, %5 due for review only")
                                 .arg(Dates::uk(d), fixed ? tr(" (fixed)") : meeting.meetingId ? tr(" (provisional)") : QString())
                                 .arg(agenda.size()).arg(flagged).arg(agenda.size() - flagged));
    m_fixButton->setEnabled(meeting.meetingId != 0);
    auto *h = m_agendaTable->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->setSectionResizeMode(AgendaModel::Provider, QHeaderView::Stretch); // elided if need be; the flags never are
    h->setMinimumSectionSize(40);
    h->setStretchLastSection(false);
    m_agendaTable->setTextElideMode(Qt::ElideRight);
    m_case = keepChild ? m_agendaModel->rowOfChild(keepChild) : -1;
    if (m_case < 0 && !agenda.isEmpty())
        m_case = 0;
    if (m_case >= 0) {
        auto *proxy = static_cast<QSortFilterProxyModel *>(m_agendaTable->model());
        const QSignalBlocker block(m_agendaTable->selectionModel());
        m_agendaTable->setCurrentIndex(proxy->mapFromSource(m_agendaModel->index(m_case, 0)));
    }
}

void PanelView::showTab(Tab tab)
{
    ensureLoaded();
    m_tabs->setCurrentIndex(int(tab));
    refreshStaleTab();
}

AgendaModel *PanelView::agendaModel() const
{
    ensureLoaded();
    return m_agendaModel;
}

void PanelView::selectCase(int row)
{
    ensureLoaded();
    if (row < 0 || row >= m_agendaModel->rowCount())
        return;
    m_case = row;
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_agendaTable->model());
    {
        const QSignalBlocker block(m_agendaTable->selectionModel());
        m_agendaTable->setCurrentIndex(proxy->mapFromSource(m_agendaModel->index(row, 0)));
    }
    refreshCase();
}

void PanelView::nextCase()
{
    // Follow the order on screen (the table may be sorted by a column).
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_agendaTable->model());
    const int at = m_case >= 0 ? proxy->mapFromSource(m_agendaModel->index(m_case, 0)).row() : -1;
    if (at + 1 < proxy->rowCount())
        selectCase(proxy->mapToSource(proxy->index(at + 1, 0)).row());
}

void PanelView::previousCase()
{
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_agendaTable->model());
    const int at = m_case >= 0 ? proxy->mapFromSource(m_agendaModel->index(m_case, 0)).row() : proxy->rowCount();
    if (at > 0)
        selectCase(proxy->mapToSource(proxy->index(at - 1, 0)).row());
}

void PanelView::refreshCase()
{
    const bool has = m_case >= 0 && m_case < m_agendaModel->rowCount();
    m_recordButton->setEnabled(has);
    if (!has) {
        m_caseHeading->setText(tr("No case selected"));
        m_caseBrowser->setHtml(tr("<p>Choose a child on the agenda.</p>"));
        return;
    }
    const AgendaItem &it = m_agendaModel->itemAt(m_case);
    const QDate d = meetingDate();
    m_caseHeading->setText(tr("%1 of %2 · %3 · age %4 · %5 · %6")
                               .arg(it.position).arg(m_agendaModel->rowCount())
                               .arg(it.childRef).arg(it.age)
                               .arg(it.placementType.isEmpty() ? it.place : QStringLiteral("%1 (%2)").arg(it.placementType, it.place),
                                    money(it.weeklyTotal()) + tr(" a week")));
    QString html;
    html += QStringLiteral("<style>td,th{padding:2px 10px 2px 0;} th{text-align:left;} h3{margin-top:14px;}</style>");
    html += tr("<p>Legal status <b>%1</b> · provider <b>%2</b> · placed %3 (%4 days) · fee %5 + additionalities %6</p>")
                .arg(esc(it.legalStatus), esc(it.provider), Dates::uk(it.placedOn)).arg(it.daysInPlacement)
                .arg(money(it.weeklyFee), money(it.additionalWeekly));
    html += tr("<h3>Priority flags</h3>");
    if (it.flags.isEmpty())
        html += tr("<p>None.</p>");
    else {
        html += QStringLiteral("<ul>");
        for (const PanelFlag &f : it.flags)
            html += QStringLiteral("<li><b>%1</b>%2: %3</li>")
                        .arg(esc(PanelRules::flagLabel(f.code)),
                             f.severity == FlagSeverity::High ? tr(" (high)") : f.severity == FlagSeverity::Medium ? tr(" (medium)") : tr(" (low)"),
                             esc(f.reason));
        html += QStringLiteral("</ul>");
    }
    html += it.lastReview.isValid() ? tr("<p>Last reviewed at panel %1; %2.</p>").arg(Dates::uk(it.lastReview),
                                            it.dueForReview ? tr("<b>due for review</b>") : tr("next review %1").arg(Dates::uk(it.nextReview)))
                                     : tr("<p><b>Never reviewed at panel.</b></p>");

    PlacementStore placements(m_store);
    html += tr("<h3>Placement history</h3><table><tr><th>From</th><th>To</th><th>Placement</th><th>Provider</th><th>Weekly cost</th></tr>");
    for (const PlacementRecord &p : placements.childPlacements(it.childId, d)) {
        if (p.decom > d)
            continue;
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3 (%4, %5)</td><td>%6</td><td align=right>%7</td></tr>")
                    .arg(Dates::uk(p.decom), p.dec.isValid() && p.dec <= d ? Dates::uk(p.dec) : tr("open"), esc(p.category),
                         esc(p.place), esc(p.placeProvider), esc(p.provider), money(p.weeklyTotal()));
    }
    html += QStringLiteral("</table>");

    html += tr("<h3>Cost history of this placement</h3><table><tr><th>From</th><th>Fee</th><th>Additionalities</th><th>Weekly cost</th><th>Reason</th></tr>");
    for (const FeeRecord &f : placements.feeHistory(it.placementId))
        html += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=right><b>%4</b></td><td>%5</td></tr>")
                    .arg(Dates::uk(f.effectiveFrom), money(f.weeklyFee), money(f.additionalWeekly),
                         money(f.weeklyFee + f.additionalWeekly), esc(f.reason));
    html += QStringLiteral("</table>");

    html += tr("<h3>Previous decisions</h3>");
    const QVector<PanelDecision> decisions = PanelStore(m_store).decisions(it.childId);
    if (decisions.isEmpty())
        html += tr("<p>None.</p>");
    else {
        html += tr("<table><tr><th>Date</th><th>Source</th><th>Outcome</th><th>Cost</th><th>Next review</th><th>Actions</th></tr>");
        for (const PanelDecision &dec : decisions) {
            QString cost = money(dec.oldWeekly);
            if (dec.hasNewCost)
                cost = dec.newCostFrom.isValid() ? tr("%1 → %2 from %3").arg(money(dec.oldWeekly), money(dec.newWeekly), Dates::uk(dec.newCostFrom))
                                                 : tr("%1 → %2").arg(money(dec.oldWeekly), money(dec.newWeekly));
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                        .arg(Dates::uk(dec.decidedOn), esc(dec.source), esc(dec.outcome), cost, Dates::uk(dec.nextReview),
                             esc(dec.actions).replace(QLatin1Char('\n'), QLatin1String("<br>")));
        }
        html += QStringLiteral("</table>");
    }
    m_caseBrowser->setHtml(html);

    // A fresh form for each case: continue, no cost change, review after the interval. setText
    // and setPlainText also clear each field's own undo history, so Ctrl+Z can never bring back
    // what was typed for the previous case (issue 21: "850" returned on a £7,525 placement).
    const QSignalBlocker b1(m_newCost), b2(m_costFrom), b3(m_outcome);
    m_outcome->setCurrentIndex(0);
    m_newCost->setText(QString());
    m_costFrom->setDate(d);
    m_nextReview->setDate(d.addDays(7 * qint64(m_settings.reviewIntervalWeeks)));
    m_actions->setPlainText(QString());
    m_notes->setPlainText(QString());
    m_askedNoActions = false;
    updateAvoidancePreview();
}

void PanelView::setDecisionForm(const QString &outcome, const QString &newWeeklyCost, const QDate &from, const QString &actions,
                                const QDate &nextReview, const QString &notes)
{
    m_outcome->setCurrentIndex(std::max(0, m_outcome->findData(outcome)));
    m_newCost->setText(newWeeklyCost);
    m_costFrom->setDate(from);
    m_actions->setPlainText(actions);
    m_nextReview->setDate(nextReview);
    m_notes->setPlainText(notes);
    updateAvoidancePreview();
}

void PanelView::updateAvoidancePreview()
{
    if (m_case < 0 || m_case >= m_agendaModel->rowCount()) {
        m_preview->clear();
        return;
    }
    const AgendaItem &it = m_agendaModel->itemAt(m_case);
    Money::Pence newCost = 0;
    if (m_newCost->text().trimmed().isEmpty()) {
        m_preview->setText(tr("Weekly cost stays at %1.").arg(money(it.weeklyTotal())));
        return;
    }
    if (!Money::parse(m_newCost->text(), &newCost) || newCost < 0) {
        m_preview->setText(tr("<span style='color:#D55E00'>Enter the new weekly cost in pounds,<br>e.g. 2,000 or 2000.50.</span>"));
        return;
    }
    const Money::Pence saving = it.weeklyTotal() - newCost;
    if (saving == 0) {
        m_preview->setText(tr("Weekly cost unchanged at %1.").arg(money(newCost)));
        return;
    }
    if (saving < 0) {
        m_preview->setText(tr("Weekly cost rises by %1 (no cost avoidance).").arg(money(-saving)));
        return;
    }
    const PlacementRecord p = PlacementStore(m_store).placement(it.placementId, meetingDate());
    const QDate start = m_costFrom->date();
    const QDate end = CostAvoidance::periodEnd(start, CostAvoidance::placementEnd(p, start));
    m_preview->setText(tr("Saves %1 a week.<br>Cost avoidance %2 to %3 (%4 weeks).")
                           .arg(money(saving), money(CostAvoidance::amount(saving, start.daysTo(end))), Dates::uk(end))
                           .arg(QString::number(start.daysTo(end) / 7.0, 'f', 1)));
}

bool PanelView::recordDecision()
{
    if (!m_access.panelDecisions)
        return false;
    if (m_case < 0 || m_case >= m_agendaModel->rowCount()) {
        showMessage(tr("Choose a child on the agenda first."), true);
        return false;
    }
    const AgendaItem &it = m_agendaModel->itemAt(m_case);
    PanelDecision d;
    d.meetingId = m_meetings->currentIndex() >= 0 && m_source->currentText() == QLatin1String("Panel")
                      ? m_meetings->currentData(Qt::UserRole).toLongLong() : 0;
    d.childId = it.childId;
    d.placementId = it.placementId;
    d.decidedOn = meetingDate();
    d.source = m_source->currentText();
    d.outcome = m_outcome->currentData().toString();
    d.oldWeekly = it.weeklyTotal();
    if (!m_newCost->text().trimmed().isEmpty()) {
        if (!Money::parse(m_newCost->text(), &d.newWeekly) || d.newWeekly < 0) {
            showMessage(tr("The new weekly cost '%1' is not an amount of money; nothing was recorded.").arg(m_newCost->text()), true);
            m_newCost->setFocus();
            return false;
        }
        d.hasNewCost = true;
        d.newCostFrom = m_costFrom->date();
    }
    d.actions = m_actions->toPlainText().trimmed();
    if (d.actions.isEmpty() && !m_askedNoActions) {
        // Asked once: an agreed action lost on the way (a stray key) must not pass unnoticed.
        m_askedNoActions = true;
        showMessage(tr("Record without actions? Ctrl+Return again records %1 with none; or type them in Actions (Alt+A).")
                        .arg(it.childRef), true);
        m_actions->setFocus();
        return false;
    }
    d.nextReview = m_nextReview->date();
    d.notes = m_notes->toPlainText().trimmed();
    const QString ref = it.childRef;
    QString error;
    if (!EditCommand::push(m_undoStack, new RecordDecisionCommand(m_store, d, it.placementVersion), &error)) {
        // Nothing was written: keep the form as typed so the chair can correct and retry.
        showMessage(tr("The decision was not recorded: %1").arg(error), true);
        return false;
    }
    showMessage(tr("Recorded: %1 — %2. Ctrl+Z undoes it.").arg(ref, d.outcome));
    m_recordedAt = m_undoStack ? m_undoStack->index() : -1;
    // On to the next case, unless the chair chose to stay (panel/stayAfterRecording).
    if (!m_stayOnCase->isChecked()) {
        const int was = m_case;
        nextCase();
        if (m_case != was)
            m_outcome->setFocus(); // the next decision starts at its Outcome
    }
    return true;
}

void PanelView::newMeeting()
{
    if (!m_access.panelDecisions)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New panel meeting"));
    auto *date = new QDateEdit(&dialog);
    date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    date->setCalendarPopup(true);
    const QVector<PanelMeeting> meetings = PanelStore(m_store).meetings();
    date->setDate(meetings.isEmpty() ? meetingDate() : meetings.first().date.addDays(14)); // fortnightly (seed 001 §72)
    auto *chair = new QComboBox(&dialog);
    chair->setEditable(true);
    chair->addItems({tr("Director of Through Care"), tr("Head of Quality Assurance and IRO Service")});
    if (!meetings.isEmpty() && meetings.first().chair == chair->itemText(0))
        chair->setCurrentIndex(1); // chairs alternate
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Date"), date);
    form->addRow(tr("Chair"), chair);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!EditCommand::push(m_undoStack, new CreateMeetingCommand(m_store, date->date(), chair->currentText()), &error)) {
        showMessage(tr("The meeting was not created: %1").arg(error), true);
        return;
    }
    showMessage(tr("Meeting of %1 created; its agenda is provisional until fixed.").arg(Dates::uk(date->date())));
}

void PanelView::fixAgenda()
{
    if (!m_access.panelDecisions)
        return;
    if (m_meetings->currentIndex() < 0)
        return;
    PanelStore panel(m_store);
    const PanelMeeting meeting = panel.meeting(m_meetings->currentData(Qt::UserRole).toLongLong());
    // Fixing re-evaluates at the meeting date, so a fixed agenda can be refreshed by fixing again.
    const QVector<AgendaItem> agenda = Agenda::build(m_store, meeting.date, m_settings);
    QString error;
    if (!EditCommand::push(m_undoStack, new FixAgendaCommand(m_store, meeting, Agenda::itemRows(agenda)), &error)) {
        showMessage(tr("The agenda was not fixed: %1").arg(error), true);
        return;
    }
    showMessage(tr("Agenda of %1 fixed: %2 children.").arg(Dates::uk(meeting.date)).arg(agenda.size()));
}

void PanelView::editThresholds()
{
    if (!m_access.administer)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Panel thresholds"));
    const PanelSettings before = PanelSettings::load(m_store);
    auto *cost = new QLineEdit(Money::format(before.costThreshold, before.costThreshold % 100 != 0), &dialog);
    const auto spin = [&dialog](int value, int lo, int hi, const QString &suffix) {
        auto *b = new QSpinBox(&dialog);
        b->setRange(lo, hi);
        b->setValue(value);
        b->setSuffix(suffix);
        return b;
    };
    QSpinBox *residential = spin(before.residentialMaxAge, 0, 17, tr(" or under"));
    QSpinBox *unregulated = spin(before.unregulatedMaxAge, 0, 17, tr(" or under"));
    QSpinBox *dolsFrom = spin(before.dolsMinAge, 0, 17, QString());
    QSpinBox *dolsTo = spin(before.dolsMaxAge, 0, 17, QString());
    QSpinBox *months = spin(before.monthsTo18, 1, 24, tr(" months"));
    QSpinBox *interval = spin(before.reviewIntervalWeeks, 1, 104, tr(" weeks"));
    auto *dols = new QHBoxLayout;
    dols->addWidget(dolsFrom);
    dols->addWidget(new QLabel(tr("to"), &dialog));
    dols->addWidget(dolsTo);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Weekly cost over"), cost);
    form->addRow(tr("Residential, aged"), residential);
    form->addRow(tr("Unregulated, aged"), unregulated);
    form->addRow(tr("DoLS in unregulated, aged"), dols);
    form->addRow(tr("18th birthday within"), months);
    form->addRow(tr("Review every"), interval);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    PanelSettings after = before;
    if (!Money::parse(cost->text(), &after.costThreshold) || after.costThreshold < 0) {
        showMessage(tr("'%1' is not an amount of money; the thresholds are unchanged.").arg(cost->text()), true);
        return;
    }
    after.residentialMaxAge = residential->value();
    after.unregulatedMaxAge = unregulated->value();
    after.dolsMinAge = std::min(dolsFrom->value(), dolsTo->value());
    after.dolsMaxAge = std::max(dolsFrom->value(), dolsTo->value());
    after.monthsTo18 = months->value();
    after.reviewIntervalWeeks = interval->value();
    QString error;
    if (!EditCommand::push(m_undoStack, new PanelSettingsCommand(m_store, before, after), &error)) {
        showMessage(tr("The thresholds were not changed: %1").arg(error), true);
        return;
    }
    showMessage(tr("Thresholds changed; the agenda has been re-evaluated."));
}

void PanelView::refreshAvoidance()
{
    const QDate d = meetingDate();
    const AvoidanceReport r = CostAvoidance::yearToDate(m_store, d);
    QVector<ReportTableModel::Row> totals;
    for (const AvoidanceTotal &t : r.totals + QVector<AvoidanceTotal>{r.total})
        totals << ReportTableModel::Row{ReportTableModel::text(t.source),
                                        ReportTableModel::number(QString::number(t.placements), t.placements),
                                        ReportTableModel::number(Money::format(t.booked, true), t.booked),
                                        ReportTableModel::number(Money::format(t.accrued, true), t.accrued)};
    m_avoidanceTotals->setTable({tr("Source"), tr("Placements"), tr("Cost avoidance year to date"), tr("Of which accrued by %1").arg(Dates::uk(d))},
                                totals);
    m_avoidanceHeading->setText(tr("Cost avoidance %1 to %2 (financial year %3): reductions starting in the year, each to the "
                                   "earlier of its placement's end and 52 weeks")
                                    .arg(Dates::uk(r.from), Dates::uk(r.to), Dates::financialYearLabel(Dates::financialYear(d))));
    QVector<ReportTableModel::Row> lines;
    for (const AvoidanceLine &l : r.lines)
        lines << ReportTableModel::Row{
            ReportTableModel::text(Dates::uk(l.decision.decidedOn)), ReportTableModel::text(l.decision.source),
            ReportTableModel::text(l.childRef),
            ReportTableModel::number(money(l.decision.oldWeekly), l.decision.oldWeekly),
            ReportTableModel::number(money(l.decision.newWeekly), l.decision.newWeekly),
            ReportTableModel::number(money(l.weeklySaving), l.weeklySaving),
            ReportTableModel::text(Dates::uk(l.start)), ReportTableModel::text(Dates::uk(l.end)),
            ReportTableModel::number(QString::number(l.days / 7.0, 'f', 1), l.days),
            ReportTableModel::number(l.booked ? Money::format(l.total, true) : tr("(earlier year)"), l.booked ? l.total : -1),
            ReportTableModel::number(Money::format(l.accrued, true), l.accrued)};
    m_avoidanceLines->setTable({tr("Decided"), tr("Source"), tr("Child"), tr("Old weekly"), tr("New weekly"), tr("Saving a week"),
                                tr("From"), tr("To"), tr("Weeks"), tr("Avoidance"), tr("Accrued")},
                               lines);
    m_avoidanceLinesHeading->setText(tr("The %1 decisions behind the totals").arg(lines.size()));
    m_avoidanceTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

void PanelView::refreshResidential()
{
    const QDate d = meetingDate();
    const int lastFy = Dates::financialYear(d);
    const Tracker::ResidentialReport report = Tracker::residentialReport(m_store, d, lastFy - 4, lastFy);
    const QVector<Tracker::ResidentialRow> &rows = report.open;
    QVector<ReportTableModel::Row> out;
    int young = 0;
    for (const Tracker::ResidentialRow &r : rows) {
        young += r.age < 10 ? 1 : 0;
        out << ReportTableModel::Row{
            ReportTableModel::text(r.childRef),
            ReportTableModel::number(QStringLiteral("%1 (%2)").arg(r.age).arg(Tracker::ageBandName(r.ageBand)), r.age),
            ReportTableModel::text(r.legalStatus),
            ReportTableModel::text(QStringLiteral("%1 %2").arg(r.place, r.provision)), ReportTableModel::text(r.provider),
            ReportTableModel::text(Dates::uk(r.placedOn)), ReportTableModel::text(Tracker::originName(r.origin)),
            ReportTableModel::number(money(r.weeklyFee), r.weeklyFee),
            ReportTableModel::number(money(r.enhancements), r.enhancements),
            ReportTableModel::number(money(r.weeklyFee + r.enhancements), r.weeklyFee + r.enhancements)};
    }
    m_residential->setTable({tr("Child"), tr("Age (band)"), tr("LS"), tr("Placement"), tr("Provider"),
                             tr("Placed"), tr("Came from"), tr("Fee"), tr("Enhancements"), tr("Weekly cost")},
                            out);
    m_residentialHeading->setText(tr("Residential tracker at %1: %2 children in residential provision, %3 under 10")
                                      .arg(Dates::uk(d)).arg(rows.size()).arg(young));
    m_residentialTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_residentialTable->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch); // provider, elided if need be

    QVector<ReportTableModel::Row> years;
    for (const Tracker::NewPlacementsYear &y : report.years) {
        const auto cell = [&y](int n) {
            return ReportTableModel::number(y.total ? QStringLiteral("%1 (%2%)").arg(n).arg(qRound(100.0 * n / y.total)) : QStringLiteral("0"), n);
        };
        ReportTableModel::Row row{ReportTableModel::text(Dates::financialYearLabel(y.financialYear) + (y.financialYear == lastFy ? tr(" to date") : QString())),
                                  ReportTableModel::number(QString::number(y.total), y.total)};
        for (int o = 0; o < Tracker::originCount; ++o)
            row << cell(y.byOrigin[o]);
        for (int b = 0; b < Tracker::ageBandCount; ++b)
            row << cell(y.byAgeBand[b]);
        years << row;
    }
    QStringList headers{tr("Year"), tr("New")};
    for (int o = 0; o < Tracker::originCount; ++o)
        headers << Tracker::originName(Tracker::Origin(o));
    headers << tr("≤ 10") << tr("11–13") << tr("14–15") << tr("16+");
    m_residentialYears->setTable(headers, years);
    m_residentialYearsHeading->setText(tr("New residential placements by financial year: where the children came from (home, fostering, residential, "
                                         "hospital, other) and their age band"));
}

void PanelView::refreshUnregulated()
{
    const QDate d = meetingDate();
    const QVector<Tracker::UnregulatedRow> rows = Tracker::unregulatedAt(m_store, d);
    QVector<ReportTableModel::Row> out;
    int under16 = 0, dols = 0;
    for (const Tracker::UnregulatedRow &r : rows) {
        under16 += r.under16 ? 1 : 0;
        dols += r.dols16to17 ? 1 : 0;
        QString review = r.under16 ? tr("Under 16 in unregulated provision") : r.dols16to17 ? tr("Aged 16–17 subject to DoLS") : QString();
        out << ReportTableModel::Row{
            ReportTableModel::text(r.childRef), ReportTableModel::number(QString::number(r.age), r.age),
            ReportTableModel::text(QStringLiteral("%1 %2").arg(r.place, r.provision)), ReportTableModel::text(r.provider),
            ReportTableModel::text(Dates::uk(r.placedOn)),
            ReportTableModel::text(r.dolsInForce ? (r.dolsTo.isValid() ? tr("to %1").arg(Dates::uk(r.dolsTo)) : tr("yes")) : tr("no")),
            ReportTableModel::number(money(r.weeklyCost), r.weeklyCost), ReportTableModel::text(review)};
    }
    m_unregulated->setTable({tr("Child"), tr("Age"), tr("Placement"), tr("Provider"), tr("Placed"), tr("DoLS"), tr("Weekly cost"),
                             tr("For review")},
                            out);
    m_unregulatedHeading->setText(tr("Unregulated provision, week ending %1: %2 children — %3 under 16, %4 aged 16–17 subject to a "
                                     "Deprivation of Liberty order")
                                      .arg(Dates::uk(d)).arg(rows.size()).arg(under16).arg(dols));
    m_unregulatedTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_unregulatedTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch); // provider
}

void PanelView::showMessage(const QString &text, bool error)
{
    if (error)
        m_message->showRefusal(text);
    else
        m_message->showInformation(text);
}

QLabel *PanelView::messageLabel() const
{
    return m_message->label();
}

void PanelView::setAccess(const StoreRoles::Access &access)
{
    m_access = access;
    // Panel members record decisions and run meetings; a decision's new fee is an editor's;
    // thresholds are settings, an administrator's. The server refuses the rest anyway.
    m_newMeetingButton->setVisible(access.panelDecisions);
    m_fixButton->setVisible(access.panelDecisions);
    m_thresholdsButton->setVisible(access.administer);
    m_recordButton->setVisible(access.panelDecisions);
    for (QWidget *w : std::initializer_list<QWidget *>{m_source, m_outcome, m_actions, m_nextReview, m_notes})
        w->setEnabled(access.panelDecisions);
    m_newCost->setEnabled(access.panelDecisions && access.editCosts);
    m_costFrom->setEnabled(access.panelDecisions && access.editCosts);
    m_newCost->setToolTip(access.editCosts ? QString() : tr("A new fee is recorded by an editor (commissioning)"));
}

ReportDocument PanelView::minutesDocument() const
{
    ensureLoaded();
    PanelMeeting meeting;
    if (m_meetings->currentIndex() >= 0)
        meeting = PanelStore(m_store).meeting(m_meetings->currentData(Qt::UserRole).toLongLong());
    if (!meeting.meetingId)
        meeting.date = meetingDate();
    return PanelMinutes::build(m_store, meeting, m_agendaModel->agenda());
}

void PanelView::exportMinutes()
{
    const ReportDocument doc = minutesDocument();
    const QString folder = QSettings().value(QStringLiteral("export/folder"),
                                             QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString suggested = folder + QStringLiteral("/panel-%1.pdf").arg(meetingDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export agenda / minutes"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    int pages = 0;
    if (!ReportRenderer::writePdf(doc, path, &error, &pages)) {
        showMessage(error, true);
        return;
    }
    QSettings().setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    showMessage(tr("%1 written: %2 pages, %3.").arg(doc.title).arg(pages).arg(doc.marking()));
}

QVector<ExportItem> PanelView::exportItems() const
{
    refreshAllTabs();
    const QString at = Dates::uk(meetingDate());
    QVector<ExportItem> items;
    ExportItem agenda;
    agenda.title = tr("Placement Panel agenda, %1").arg(at);
    agenda.table = PanelMinutes::agendaTable(m_agendaModel->agenda(), m_agendaHeading->text());
    items << agenda;

    ExportItem totals;
    totals.title = tr("Cost avoidance to %1").arg(at);
    totals.table = TableData::fromModel(*m_avoidanceTotals, m_avoidanceHeading->text(), 1);
    items << totals;

    const auto childTable = [](const ReportTableModel &model, const QString &title, const QString &heading) {
        ExportItem item;
        item.title = title;
        item.table = TableData::fromModel(model, heading);
        item.table.childLevel = true;
        return item;
    };
    items << childTable(*m_avoidanceLines, tr("Cost avoidance decisions to %1").arg(at), m_avoidanceLinesHeading->text());
    items << childTable(*m_residential, tr("Residential tracker at %1").arg(at), m_residentialHeading->text());

    ExportItem years;
    years.title = tr("New residential placements by year");
    years.table = ExportAction::countsTable(*m_residentialYears, m_residentialYearsHeading->text());
    items << years;

    items << childTable(*m_unregulated, tr("Unregulated provision, week ending %1").arg(at), m_unregulatedHeading->text());
    return items;
}
