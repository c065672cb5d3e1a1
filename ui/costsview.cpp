#include "costsview.h"

#include "noticebar.h"

#include "store/casestore.h"

#include "categoriesdialog.h"
#include "core/dates.h"
#include "costcharts.h"
#include "costcommands.h"
#include "itemmodels/auditlogmodel.h"
#include "itemmodels/costtablemodel.h"
#include "itemmodels/placementcostmodel.h"
#include "itemmodels/whatifmodel.h"
#include "store/coststore.h"
#include "store/store.h"
#include "storeevents.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>

namespace {

// The cost table's TOTAL rows in bold / italic and warnings in a dark orange, for the view only.
class CostTableStyle : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool editable = true; // false: the user's role may not change costs (nothing tinted as a form field)
    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        const Qt::ItemFlags f = QIdentityProxyModel::flags(index);
        return editable ? f : f & ~Qt::ItemIsEditable;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::FontRole) {
            const int kind = QIdentityProxyModel::data(index, CostTableModel::RowKindRole).toInt();
            if (kind == 0)
                return {};
            QFont f;
            f.setPointSize(f.pointSize() + 2);
            f.setBold(kind == 1);
            f.setItalic(kind == 2);
            return f;
        }
        if (role == Qt::ForegroundRole && QIdentityProxyModel::data(index, CostTableModel::WarningRole).toBool())
            return QColor(0xA0, 0x30, 0x00);
        if (role == Qt::BackgroundRole && QIdentityProxyModel::data(index, CostTableModel::RowKindRole).toInt() == 1)
            return QColor(0xEE, 0xF3, 0xF8);
        if (role == Qt::BackgroundRole && (flags(index) & Qt::ItemIsEditable))
            return QColor(0xFF, 0xFB, 0xE6); // editable cells: a pale yellow, like a form field
        return QIdentityProxyModel::data(index, role);
    }
};

// The what-if's TOTAL (its last row) in bold.
class LastRowBold : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::FontRole && index.row() == rowCount() - 1) {
            QFont f;
            f.setPointSize(f.pointSize() + 2);
            f.setBold(true);
            return f;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QModelIndex toSource(QModelIndex index)
{
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model()))
        index = proxy->mapToSource(index);
    return index;
}

QLabel *heading(const QString &text, QWidget *parent, int delta = 3)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setPointSize(f.pointSize() + delta);
    f.setBold(true);
    l->setFont(f);
    return l;
}

QString money(double pence, bool sign = false)
{
    const QString s = Money::format(Money::Pence(std::llround(pence)));
    return sign && pence >= 0.5 ? QStringLiteral("+") + s : s;
}

void setupTable(QTableView *view)
{
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    QFont f = view->font();
    f.setPointSize(f.pointSize() + 2);
    view->setFont(f);
    view->verticalHeader()->setDefaultSectionSize(QFontMetrics(f).height() + 10);
    view->horizontalHeader()->setFont(f);
    view->setWordWrap(false);
}

} // namespace

// Puts a refused edit's text back into a reopened editor, so the user's input is never lost.
class KeepingDelegate : public QStyledItemDelegate
{
public:
    KeepingDelegate(CostsView *view, QAbstractItemView *itemView) : QStyledItemDelegate(itemView), m_view(view), m_itemView(itemView) {}

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        const QString kept = m_view->m_kept.value(CostsView::keyOf(toSource(index)));
        auto *line = qobject_cast<QLineEdit *>(editor);
        if (line && !kept.isEmpty()) {
            line->setText(kept);
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        auto *line = qobject_cast<QLineEdit *>(editor);
        const QString text = line ? line->text() : QString();
        const QString key = CostsView::keyOf(toSource(index));
        m_view->m_lastStoreError.clear();
        if (line && text == index.data(Qt::EditRole).toString()) {
            m_view->m_kept.remove(key);
            return; // unchanged: no command
        }
        if (model->setData(index, text, Qt::EditRole)) {
            m_view->m_kept.remove(key);
            return;
        }
        m_view->m_kept.insert(key, text);
        m_view->reportFailure(m_view->m_lastStoreError.isEmpty()
                                  ? CostsView::tr("“%1” is not a valid entry here: type an amount such as 3,546 or 3546.50.").arg(text)
                                  : m_view->m_lastStoreError);
        const QPersistentModelIndex again(index);
        QAbstractItemView *view = m_itemView;
        QTimer::singleShot(0, view, [view, again] {
            if (again.isValid())
                view->edit(again);
        });
    }

private:
    CostsView *m_view;
    QAbstractItemView *m_itemView;
};

QString CostsView::keyOf(const QModelIndex &source)
{
    if (const auto *p = qobject_cast<const PlacementCostModel *>(source.model()))
        return QStringLiteral("p:%1:%2").arg(p->placementAt(source.row()).placementId).arg(source.column());
    return QStringLiteral("t:%1:%2").arg(source.row()).arg(source.column());
}

QString CostsView::keptInput(const QModelIndex &sourceIndex) const
{
    return m_kept.value(keyOf(sourceIndex));
}

CostsView::CostsView(Store &store, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent), m_store(store), m_undoStack(undoStack), m_builder(store)
{
    m_month = new QDateEdit(this);
    m_month->setDisplayFormat(QStringLiteral("MMMM yyyy"));
    m_month->setCalendarPopup(true);
    m_month->setAccessibleName(tr("Month"));
    m_month->setMinimumWidth(170);
    m_source = new QLabel(this);
    m_reconcile = new QLabel(this);
    m_reconcile->setWordWrap(true);
    m_reconcile->setStyleSheet(QStringLiteral("QLabel { color: #7a2500; background: #fdebd9; padding: 6px; border-radius: 3px; }"));
    m_reconcile->hide();
    m_notice = new NoticeBar(this);
    connect(m_notice, &NoticeBar::reloadRequested, this, &CostsView::reloadAfterRefusal);

    auto *top = new QHBoxLayout;
    top->addWidget(heading(tr("Placement costs"), this, 6));
    top->addSpacing(16);
    top->addWidget(new QLabel(tr("Month ending:"), this));
    top->addWidget(m_month);
    top->addSpacing(12);
    top->addWidget(m_source, 1);
    auto *import = m_importButton = new QPushButton(tr("Import cost table…"), this);
    import->setToolTip(tr("Load a month's cost table (CSV: MONTH, CATEGORY, AVE_UNIT_COST_WEEK, NUMBER) for a month without "
                          "case-level placements"));
    top->addWidget(import);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Import a cost table"), QString(), tr("CSV files (*.csv)"));
        if (file.isEmpty())
            return;
        QString error;
        int rows = 0;
        if (!CostStore(m_store).importSnapshotCsv(file, &error, &rows)) {
            reportFailure(error);
            return;
        }
        clearMessage();
        emit StoreEvents::of(m_store)->costsChanged();
        reload();
    });
    auto *categories = m_categoriesButton = new QPushButton(tr("Categories and mapping…"), this);
    top->addWidget(categories);
    top->addWidget(ExportAction::button(this, [this] { return m_store.authorityName(); }, [this] { return exportItems(); }));
    connect(categories, &QPushButton::clicked, this, [this] {
        auto *dialog = new CategoriesDialog(m_store, m_undoStack, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    m_tabs = new QTabWidget(this);
    auto *tableTab = new QWidget(m_tabs);
    auto *whatIfTab = new QWidget(m_tabs);
    auto *auditTab = new QWidget(m_tabs);
    buildTableTab(tableTab);
    buildWhatIfTab(whatIfTab);
    buildAuditTab(auditTab);
    m_tabs->addTab(tableTab, tr("Cost table"));
    m_tabs->addTab(whatIfTab, tr("What-if"));
    m_tabs->addTab(auditTab, tr("Audit log"));
    QFont tf = m_tabs->tabBar()->font();
    tf.setPointSize(tf.pointSize() + 2);
    m_tabs->tabBar()->setFont(tf);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_reconcile);
    layout->addWidget(m_notice);
    layout->addWidget(m_tabs, 1);

    StoreEvents *events = StoreEvents::of(m_store);
    connect(events, &StoreEvents::placementChanged, this, [this](qint64 id) { m_dirtyPlacements.insert(id); });
    connect(events, &StoreEvents::costsChanged, this, &CostsView::onCostsChanged);
    connect(events, &StoreEvents::categoriesChanged, this, [this] { m_categoriesChanged = true; });
    connect(events, &StoreEvents::editFailed, this, [this](const QString &message) {
        m_lastStoreError = message;
        reportFailure(message);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == AuditTab)
            refreshAudit();
    });

    // The end of the case-level data, else the latest snapshot month.
    QDate start = CaseStore(m_store).dataEnd();
    if (!start.isValid()) {
        const QStringList months = CostStore(m_store).snapshotMonths();
        start = months.isEmpty() ? QDate::currentDate() : QDate::fromString(months.last() + QStringLiteral("-01"), Qt::ISODate);
    }
    m_month->setDate(start);
    connect(m_month, &QDateEdit::dateChanged, this, &CostsView::reload);
    // Loaded when first shown (or a month is set): the main window builds every screen at start-up,
    // and on a large store the month's table takes a while to read.
}

void CostsView::showEvent(QShowEvent *event)
{
    if (!m_loaded)
        reload();
    QWidget::showEvent(event);
}

void CostsView::buildTableTab(QWidget *tab)
{
    m_tableModel = new CostTableModel(this);
    m_tableModel->setEditHandler([this](int row, CostTableModel::Column column, const QVariant &value) {
        return editCostCell(row, column, value);
    });
    auto *style = new CostTableStyle(this);
    style->setSourceModel(m_tableModel);
    m_tableView = new QTableView(tab);
    m_tableView->setModel(style);
    setupTable(m_tableView);
    m_tableView->setItemDelegate(new KeepingDelegate(this, m_tableView));
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->setAccessibleName(tr("Cost table"));
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid() || current.row() >= m_table.rows.size())
            return;
        const qint64 id = m_table.rows.at(current.row()).categoryId;
        if (id != m_categoryId) {
            m_categoryId = id;
            refreshPlacements();
        }
    });

    m_summary = new QLabel(tab);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    QFont sf = m_summary->font();
    sf.setPointSize(sf.pointSize() + 1);
    m_summary->setFont(sf);

    m_placementsTitle = heading(QString(), tab, 2);
    m_placementModel = new PlacementCostModel(this);
    m_placementModel->setEditHandler([this](const PlacementRecord &p, PlacementCostModel::Column column, Money::Pence value) {
        const bool fee = column == PlacementCostModel::Fee;
        return editFeeCell(p.placementId, p.version, fee, value, fee ? p.additionalWeekly : p.weeklyFee);
    });
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_placementModel);
    sorted->setSortRole(PlacementCostModel::SortRole);
    m_placementView = new QTableView(tab);
    m_placementView->setModel(sorted);
    setupTable(m_placementView);
    m_placementView->setSortingEnabled(true);
    m_placementView->sortByColumn(PlacementCostModel::Total, Qt::DescendingOrder);
    m_placementView->setItemDelegate(new KeepingDelegate(this, m_placementView));
    m_placementView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_placementView->horizontalHeader()->setSectionResizeMode(PlacementCostModel::Provider, QHeaderView::Stretch);
    m_placementView->setAccessibleName(tr("Placements in the category"));

    m_feeFrom = new QDateEdit(tab);
    m_feeFrom->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_feeFrom->setCalendarPopup(true);
    m_feeFrom->setAccessibleName(tr("Fee changes take effect from"));
    m_feeReason = new QLineEdit(tr("Agreed at Placement Panel"), tab);
    m_feeReason->setAccessibleName(tr("Reason for fee changes"));
    auto *feeBar = new QHBoxLayout;
    feeBar->addWidget(new QLabel(tr("Fee changes take effect from"), tab));
    feeBar->addWidget(m_feeFrom);
    feeBar->addWidget(new QLabel(tr("Reason"), tab));
    feeBar->addWidget(m_feeReason, 1);
    auto *recategorise = m_recategoriseButton = new QPushButton(tr("Change category…"), tab);
    recategorise->setToolTip(tr("Set the selected placement's cost category by hand (overrides the PLACE × provider mapping)"));
    feeBar->addWidget(recategorise);
    connect(recategorise, &QPushButton::clicked, this, &CostsView::changeCategoryOfSelected);

    // The table across the full width; below it the placements behind the selected row beside the charts.
    auto *top = new QWidget(tab);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_tableView, 1);
    topLayout->addWidget(m_summary);

    auto *left = m_placementPane = new QWidget(tab);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_placementsTitle);
    leftLayout->addLayout(feeBar);
    leftLayout->addWidget(m_placementView, 1);

    m_annualChart = new QChartView(tab);
    m_annualChart->setRenderHint(QPainter::Antialiasing);
    m_annualChart->setMinimumSize(480, 280);
    m_numbersChart = new QChartView(tab);
    m_numbersChart->setRenderHint(QPainter::Antialiasing);
    m_numbersChart->setMinimumSize(480, 280);
    auto *charts = new QTabWidget(tab);
    charts->addTab(m_annualChart, tr("Annual cost by category"));
    charts->addTab(m_numbersChart, tr("Numbers over 24 months"));

    auto *bottom = new QSplitter(Qt::Horizontal, tab);
    bottom->addWidget(left);
    bottom->addWidget(charts);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    bottom->setSizes({3000, 2000}); // 60:40, whatever the list's preferred width
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(top);
    layout->addWidget(bottom, 1);
}

void CostsView::buildWhatIfTab(QWidget *tab)
{
    m_moveNumber = new QSpinBox(tab);
    m_moveNumber->setRange(1, 10000);
    m_moveNumber->setValue(5);
    m_moveFrom = new QComboBox(tab);
    m_moveTo = new QComboBox(tab);
    m_unitCategory = new QComboBox(tab);
    m_unitCost = new QLineEdit(tab);
    m_unitCost->setPlaceholderText(tr("e.g. 3,200"));
    m_moveFrom->setAccessibleName(tr("Move from category"));
    m_moveTo->setAccessibleName(tr("Move to category"));
    m_unitCategory->setAccessibleName(tr("Category whose unit cost changes"));
    m_unitCost->setAccessibleName(tr("New weekly unit cost"));

    auto *moveBox = new QGroupBox(tr("Move placements"), tab);
    auto *moveForm = new QFormLayout(moveBox);
    moveForm->addRow(tr("Number"), m_moveNumber);
    moveForm->addRow(tr("From"), m_moveFrom);
    moveForm->addRow(tr("To"), m_moveTo);
    auto *addMove = new QPushButton(tr("Add move"), moveBox);
    moveForm->addRow(addMove);
    auto *unitBox = new QGroupBox(tr("Change a unit cost"), tab);
    auto *unitForm = new QFormLayout(unitBox);
    unitForm->addRow(tr("Category"), m_unitCategory);
    unitForm->addRow(tr("£ a week"), m_unitCost);
    auto *addUnit = new QPushButton(tr("Add unit cost"), unitBox);
    unitForm->addRow(addUnit);

    m_steps = new QListWidget(tab);
    m_steps->setAccessibleName(tr("Scenario steps"));
    auto *removeStep = new QPushButton(tr("Remove step"), tab);
    m_scenarioName = new QComboBox(tab);
    m_scenarioName->setEditable(true);
    m_scenarioName->setAccessibleName(tr("Scenario name"));
    m_scenarioName->lineEdit()->setPlaceholderText(tr("Scenario name"));
    auto *save = m_saveScenarioButton = new QPushButton(tr("Save scenario"), tab);
    auto *open = new QPushButton(tr("Open"), tab);
    auto *scenarioRow = new QHBoxLayout;
    scenarioRow->addStretch(1);
    scenarioRow->addWidget(open);
    scenarioRow->addWidget(save);

    auto *controls = new QWidget(tab);
    auto *cl = new QVBoxLayout(controls);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(heading(tr("Scenario"), controls, 2));
    cl->addWidget(m_scenarioName);
    cl->addLayout(scenarioRow);
    cl->addWidget(moveBox);
    cl->addWidget(unitBox);
    cl->addWidget(new QLabel(tr("Steps (applied in order):"), controls));
    cl->addWidget(m_steps, 1);
    cl->addWidget(removeStep);
    controls->setMinimumWidth(420);
    controls->setMaximumWidth(560);

    m_whatIfModel = new WhatIfModel(this);
    auto *bold = new LastRowBold(this);
    bold->setSourceModel(m_whatIfModel);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(bold);
    sorted->setSortRole(WhatIfModel::SortRole);
    m_whatIfView = new QTableView(tab);
    m_whatIfView->setModel(sorted);
    setupTable(m_whatIfView);
    m_whatIfView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_whatIfView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_whatIfView->horizontalHeader()->setSectionResizeMode(WhatIfModel::Category, QHeaderView::Stretch);
    m_whatIfSummary = heading(QString(), tab, 3);
    m_whatIfSummary->setWordWrap(true);
    auto *note = new QLabel(tr("A what-if never changes stored data. A moved placement leaves at its category's average weekly "
                               "cost and arrives at the destination's."), tab);
    note->setWordWrap(true);
    auto *right = new QWidget(tab);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_whatIfSummary);
    rl->addWidget(m_whatIfView, 1);
    rl->addWidget(note);

    auto *layout = new QHBoxLayout(tab);
    layout->addWidget(controls);
    layout->addWidget(right, 1);

    connect(addMove, &QPushButton::clicked, this, [this] {
        m_scenario.moves << WhatIfScenario::Move{m_moveFrom->currentText(), m_moveTo->currentText(), m_moveNumber->value()};
        refreshWhatIf();
    });
    connect(addUnit, &QPushButton::clicked, this, [this] {
        Money::Pence p = 0;
        if (!Money::parse(m_unitCost->text(), &p) || p < 0) {
            reportFailure(tr("“%1” is not a weekly cost: type an amount such as 3,200.").arg(m_unitCost->text()));
            return;
        }
        clearMessage();
        m_scenario.unitCosts << WhatIfScenario::UnitCost{m_unitCategory->currentText(), p};
        refreshWhatIf();
    });
    connect(removeStep, &QPushButton::clicked, this, [this] {
        const int row = m_steps->currentRow();
        if (row < 0)
            return;
        if (row < m_scenario.moves.size())
            m_scenario.moves.remove(row);
        else
            m_scenario.unitCosts.remove(row - m_scenario.moves.size());
        refreshWhatIf();
    });
    connect(save, &QPushButton::clicked, this, [this] {
        QString error;
        if (!saveScenario(m_scenarioName->currentText(), &error))
            reportFailure(error);
    });
    connect(open, &QPushButton::clicked, this, [this] {
        QString error;
        if (!openScenario(m_scenarioName->currentText(), &error))
            reportFailure(error);
    });
}

void CostsView::buildAuditTab(QWidget *tab)
{
    m_auditModel = new AuditLogModel(this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_auditModel);
    sorted->setSortRole(AuditLogModel::SortRole);
    auto *view = new QTableView(tab);
    view->setModel(sorted);
    setupTable(view);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSortingEnabled(true);
    view->sortByColumn(AuditLogModel::When, Qt::DescendingOrder);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(AuditLogModel::Reason, QHeaderView::Stretch);
    view->setAccessibleName(tr("Audit log"));
    m_auditTable = new QComboBox(tab);
    m_auditTable->addItem(tr("All tables"), QString());
    for (const char *t : {"placement_fees", "placements", "budgets", "cost_snapshots", "cost_categories", "cost_category_map",
                          "whatif_scenarios"})
        m_auditTable->addItem(QString::fromLatin1(t), QString::fromLatin1(t));
    auto *bar = new QHBoxLayout;
    bar->addWidget(heading(tr("Audit log — every change, newest first (append-only)"), tab, 2), 1);
    bar->addWidget(new QLabel(tr("Table:"), tab));
    bar->addWidget(m_auditTable);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(view, 1);
    connect(m_auditTable, &QComboBox::currentIndexChanged, this, &CostsView::refreshAudit);
}

void CostsView::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void CostsView::setMonth(const QDate &month)
{
    {
        QSignalBlocker block(m_month);
        m_month->setDate(month);
    }
    reload();
}

QDate CostsView::month() const
{
    return Dates::monthEnd(m_month->date().year(), m_month->date().month());
}

void CostsView::reload()
{
    m_loaded = true;
    m_dirtyPlacements.clear();
    m_table = m_builder.build(month());
    m_numbersSeries = CostTables::numbersOverTime(m_store, month(), 24);
    const QDate first(month().year(), month().month(), 1);
    if (m_feeFrom->date() < first || m_feeFrom->date() > month())
        m_feeFrom->setDate(first);
    fillCategoryCombos();
    show(m_table);
    refreshCharts(true);
    refreshScenarioList();
    if (m_tabs->currentIndex() == AuditTab)
        refreshAudit();
}

void CostsView::onCostsChanged()
{
    if (!m_loaded)
        return; // read when first shown
    if (std::exchange(m_categoriesChanged, false)) {
        reload(); // categories or mapping: every placement's category may have moved
        return;
    }
    const QSet<qint64> dirty = std::exchange(m_dirtyPlacements, {});
    CostTable t;
    if (dirty.isEmpty()) {
        t = m_builder.recompute(); // budgets or a snapshot: re-read in recompute
    } else {
        for (qint64 id : dirty)
            t = m_builder.refreshPlacement(id);
    }
    const bool numbersChanged = [&] {
        if (t.rows.size() != m_table.rows.size())
            return true;
        for (int i = 0; i < t.rows.size(); ++i)
            if (t.rows.at(i).number != m_table.rows.at(i).number)
                return true;
        return false;
    }();
    m_table = t;
    if (numbersChanged && !m_numbersSeries.isEmpty()) {
        // The selected month is the chart's last point: follow the live table.
        QHash<QString, int> counts;
        for (const CostRow &r : m_table.rows)
            if (r.number)
                counts.insert(r.category, r.number);
        m_numbersSeries.last().second = counts;
    }
    show(m_table);
    refreshCharts(numbersChanged);
    if (m_tabs->currentIndex() == AuditTab)
        refreshAudit();
}

void CostsView::show(const CostTable &table)
{
    m_tableModel->setTable(table);
    // As tall as its rows (up to 16 of them; more scroll), so the space below goes to the placements and charts.
    const int rows = std::min(m_tableModel->rowCount(), 16);
    m_tableView->setFixedHeight(m_tableView->horizontalHeader()->sizeHint().height()
                                + rows * m_tableView->verticalHeader()->defaultSectionSize() + 2 * m_tableView->frameWidth() + 4);
    // Lay out now rather than at the next event: the first load happens inside showEvent.
    for (QWidget *w = m_tableView->parentWidget(); w; w = w == this ? nullptr : w->parentWidget())
        if (w->layout())
            w->layout()->activate();
    switch (table.source) {
    case CostTable::Source::Placements:
        m_source->setText(tr("From %1 placements open at %2").arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(table.total.number),
                                                                    Dates::uk(table.monthEnd)));
        break;
    case CostTable::Source::Snapshot:
        m_source->setText(tr("From the cost table entered for %1 (no case-level placements that month) — editable")
                              .arg(table.monthEnd.toString(QStringLiteral("MMMM yyyy"))));
        break;
    case CostTable::Source::None:
        m_source->setText(tr("No placements or entered cost table for %1").arg(table.monthEnd.toString(QStringLiteral("MMMM yyyy"))));
        break;
    }
    if (table.totalDisagrees()) {
        m_reconcile->setText(tr("⚠ The published TOTAL (%1 a week for %2 placements) does not agree with its own rows, which give "
                                "a weighted average of %3 a week for %4 placements.")
                                 .arg(Money::format(table.publishedAveWeek, table.publishedAveWeek % 100 != 0))
                                 .arg(table.publishedNumber)
                                 .arg(Money::format(Money::Pence(std::llround(table.total.aveUnit())), true))
                                 .arg(table.total.number));
        m_reconcile->show();
    } else {
        m_reconcile->hide();
    }
    refreshSummary();
    refreshPlacements();
    refreshWhatIf();
}

void CostsView::refreshSummary()
{
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><td valign='top'><b>%1</b><br>").arg(tr("Difference to in-house, per placement"));
    bool any = false;
    for (const InHouseDifference &d : m_table.differences) {
        if (!d.available)
            continue;
        any = true;
        const bool higher = d.weekly() >= 0;
        html += tr("%1 vs %2: <b>%3/week %4</b> (%5/annum)<br>")
                    .arg(d.category.toHtmlEscaped(), d.inhouse.toHtmlEscaped(), money(std::abs(d.weekly())),
                         higher ? tr("higher") : tr("lower"), money(std::abs(d.annual())));
    }
    if (!any)
        html += tr("(no pairs with placements this month)<br>");
    html += QStringLiteral("</td><td width='32'></td><td valign='top'><b>%1</b><br>").arg(tr("Framework vs spot, average weekly fee"));
    if (m_table.funding.isEmpty())
        html += tr("(no framework or spot placements this month)");
    for (const FundingComparison &f : m_table.funding)
        html += tr("%1: framework %2 (%3) · spot %4 (%5)<br>")
                    .arg(f.placementType.toHtmlEscaped(), f.frameworkNumber ? money(f.frameworkAve()) : QStringLiteral("–"))
                    .arg(f.frameworkNumber)
                    .arg(f.spotNumber ? money(f.spotAve()) : QStringLiteral("–"))
                    .arg(f.spotNumber);
    if (m_table.total.hasBudget)
        html += QStringLiteral("</td><td width='32'></td><td valign='top'><b>%1</b><br>%2 %3<br>%4 %5<br><b>%6 %7</b>")
                    .arg(tr("Budget %1").arg(Dates::financialYearLabel(m_table.financialYear)), tr("Forecast annual cost:"),
                         money(m_table.total.annualCost()), tr("Budget:"), money(m_table.total.budgetAnnual()),
                         m_table.total.variance() > 0 ? tr("Over budget by") : tr("Under budget by"),
                         money(std::abs(m_table.total.variance())));
    html += QStringLiteral("</td></tr></table>");
    m_summary->setText(html);
    // Its full height, whatever the panes below it want (the charts take the rest).
    const int width = m_summary->width() > 100 ? m_summary->width() : m_tableView->width();
    m_summary->setMinimumHeight(m_summary->heightForWidth(std::max(width, 800)));
}

void CostsView::refreshPlacements()
{
    if (!m_categoryId && !m_table.rows.isEmpty() && m_table.source == CostTable::Source::Placements)
        m_categoryId = m_table.rows.first().categoryId;
    QString name;
    for (const CostRow &r : m_table.rows)
        if (r.categoryId == m_categoryId)
            name = r.category;
    if (m_table.source != CostTable::Source::Placements) {
        m_placementModel->setPlacements({}, -1);
        m_placementsTitle->setText(m_access.editCosts ? tr("No case-level placements this month: edit the cost table's cells directly")
                                                      : tr("No case-level placements this month"));
        return;
    }
    m_placementModel->setPlacements(m_builder.placements(), m_categoryId);
    m_placementView->setColumnHidden(PlacementCostModel::Category, m_categoryId != 0); // one category: the title names it
    m_placementsTitle->setText((m_access.editCosts ? tr("%1: %2 placements at %3 — double-click a fee to change it")
                                                   : tr("%1: %2 placements at %3"))
                                   .arg(name)
                                   .arg(m_placementModel->rowCount())
                                   .arg(Dates::uk(m_table.monthEnd)));
}

void CostsView::selectCategory(const QString &category)
{
    const int row = m_table.rowOf(category);
    if (row < 0)
        return;
    m_tableView->setCurrentIndex(m_tableView->model()->index(row, CostTableModel::Number));
    m_categoryId = m_table.rows.at(row).categoryId;
    refreshPlacements();
}

void CostsView::setFeeEditDefaults(const QDate &effectiveFrom, const QString &reason)
{
    m_feeFrom->setDate(effectiveFrom);
    m_feeReason->setText(reason);
}

void CostsView::refreshCharts(bool numbersToo)
{
    const QString title = tr("Annual cost, %1").arg(m_table.monthEnd.toString(QStringLiteral("MMM yyyy")));
    QChart *chart = m_annualChart->chart();
    if (!chart || chart->title().isEmpty() || chart->title() != title || !CostCharts::updateAnnualByCategory(chart, m_table)) {
        QChart *old = m_annualChart->chart();
        m_annualChart->setChart(CostCharts::annualByCategory(m_table, title));
        delete old;
    }
    if (numbersToo) {
        QStringList order;
        for (const CostRow &r : m_table.rows)
            order << r.category;
        QChart *old = m_numbersChart->chart();
        m_numbersChart->setChart(CostCharts::numbersOverTime(m_numbersSeries, order, tr("Placements at month end")));
        delete old;
    }
}

void CostsView::fillCategoryCombos()
{
    QStringList names;
    for (const CostRow &r : m_table.rows)
        names << r.category;
    for (QComboBox *box : {m_moveFrom, m_moveTo, m_unitCategory}) {
        const QString current = box->currentText();
        QSignalBlocker block(box);
        box->clear();
        box->addItems(names);
        if (names.contains(current))
            box->setCurrentText(current);
    }
    if (m_moveTo->currentIndex() == m_moveFrom->currentIndex() && names.size() > 1)
        m_moveTo->setCurrentIndex(1);
}

void CostsView::refreshWhatIf()
{
    m_steps->clear();
    for (const WhatIfScenario::Move &m : m_scenario.moves)
        m_steps->addItem(tr("Move %1 from %2 to %3").arg(m.number).arg(m.from, m.to));
    for (const WhatIfScenario::UnitCost &u : m_scenario.unitCosts)
        m_steps->addItem(tr("%1 at %2 a week").arg(u.category, Money::format(u.weekly, u.weekly % 100 != 0)));
    const WhatIfResult r = WhatIf::apply(m_table, m_scenario);
    m_whatIfModel->setResult(r);
    if (m_scenario.isEmpty())
        m_whatIfSummary->setText(tr("Add a move or a unit cost to see its effect beside the actual %1 a week (%2 a year).")
                                     .arg(money(r.total.actualWeekly), money(CostMath::annual(r.total.actualWeekly))));
    else
        m_whatIfSummary->setText(tr("Effect: %1 a week, %2 a year (now %3 a week; with the scenario %4)%5")
                                     .arg(money(r.total.weeklyEffect(), true), money(r.total.annualEffect(), true),
                                          money(r.total.actualWeekly), money(r.total.scenarioWeekly),
                                          r.warnings.isEmpty() ? QString() : QStringLiteral("\n") + r.warnings.join(QLatin1Char(' '))));
}

void CostsView::setScenario(const WhatIfScenario &scenario)
{
    m_scenario = scenario;
    if (!scenario.name.isEmpty())
        m_scenarioName->setCurrentText(scenario.name);
    refreshWhatIf();
}

WhatIfScenario CostsView::scenario() const
{
    return m_scenario;
}

bool CostsView::saveScenario(const QString &name, QString *error)
{
    if (!CostStore(m_store).saveScenario(name.trimmed(), m_table.monthEnd.toString(QStringLiteral("yyyy-MM")), m_scenario.toJson(), error))
        return false;
    m_scenario.name = name.trimmed();
    refreshScenarioList();
    m_scenarioName->setCurrentText(m_scenario.name);
    clearMessage();
    return true;
}

bool CostsView::openScenario(const QString &name, QString *error)
{
    for (const WhatIfScenarioRecord &r : CostStore(m_store).scenarios()) {
        if (r.name != name)
            continue;
        const WhatIfScenario s = WhatIfScenario::fromJson(r.name, r.definition, error);
        if (error && !error->isEmpty())
            return false;
        setScenario(s);
        clearMessage();
        return true;
    }
    if (error)
        *error = tr("No saved scenario is called “%1”.").arg(name);
    return false;
}

void CostsView::refreshScenarioList()
{
    const QString current = m_scenarioName->currentText();
    QSignalBlocker block(m_scenarioName);
    m_scenarioName->clear();
    for (const WhatIfScenarioRecord &r : CostStore(m_store).scenarios())
        m_scenarioName->addItem(r.name);
    m_scenarioName->setCurrentText(current);
}

void CostsView::refreshAudit()
{
    if (!m_access.readAudit)
        return; // the server would refuse the read
    m_auditModel->setEntries(CostStore(m_store).auditLog(2000, m_auditTable->currentData().toString()));
}

bool CostsView::editCostCell(int row, int column, const QVariant &value)
{
    const QString reason = tr("Edited in the cost table");
    QString error;
    bool ok = false;
    if (row < m_table.rows.size() && (column == CostTableModel::BudgetNumber || column == CostTableModel::BudgetUnit)) {
        const CostRow &r = m_table.rows.at(row);
        BudgetRecord b{m_table.financialYear, r.categoryId, r.hasBudget ? r.budgetNumber : 0, r.hasBudget ? r.budgetUnitWeek : 0,
                       r.budgetVersion};
        if (column == CostTableModel::BudgetNumber)
            b.number = value.toDouble();
        else
            b.unitWeek = value.toLongLong();
        ok = EditCommand::push(m_undoStack, new BudgetChangeCommand(m_store, b, r.hasBudget ? r.budgetVersion : 0, reason), &error);
    } else {
        SnapshotRow s;
        s.month = m_table.monthEnd.toString(QStringLiteral("yyyy-MM"));
        int version = 0;
        if (row < m_table.rows.size()) {
            const CostRow &r = m_table.rows.at(row);
            s.id = r.snapshotId;
            s.category = r.category;
            s.number = r.number;
            s.aveUnitWeek = r.number ? Money::Pence(std::llround(r.aveUnit())) : 0;
            version = r.snapshotVersion;
        } else {
            s.id = m_table.publishedTotalId;
            s.category = QStringLiteral("TOTAL");
            s.number = m_table.publishedNumber;
            s.aveUnitWeek = m_table.publishedAveWeek;
            version = m_table.publishedTotalVersion;
        }
        if (column == CostTableModel::Number)
            s.number = value.toInt();
        else
            s.aveUnitWeek = value.toLongLong();
        ok = EditCommand::push(m_undoStack, new SnapshotEditCommand(m_store, s, version, reason), &error);
    }
    if (ok)
        clearMessage();
    else
        m_lastStoreError = error;
    return ok;
}

bool CostsView::editFeeCell(qint64 placementId, int version, bool fee, qint64 pence, qint64 otherPence)
{
    PlacementStore::FeeChange change;
    change.placementId = placementId;
    change.effectiveFrom = m_feeFrom->date();
    change.weeklyFee = fee ? pence : otherPence;
    change.additionalWeekly = fee ? otherPence : pence;
    change.reason = m_feeReason->text().trimmed();
    QString error;
    if (change.reason.isEmpty()) {
        m_lastStoreError = tr("Give a reason for the fee change (it goes in the audit log).");
        return false;
    }
    const bool ok = EditCommand::push(m_undoStack, new FeeChangeCommand(m_store, change, version), &error);
    if (ok)
        clearMessage();
    else
        m_lastStoreError = error;
    return ok;
}

void CostsView::changeCategoryOfSelected()
{
    const QModelIndex current = toSource(m_placementView->currentIndex());
    if (!current.isValid()) {
        reportFailure(tr("Select a placement in the list first."));
        return;
    }
    const PlacementRecord p = m_placementModel->placementAt(current.row());
    QStringList names{tr("(as mapped from %1 / %2)").arg(p.place, p.placeProvider)};
    const QVector<CostCategory> categories = m_builder.categories();
    for (const CostCategory &c : categories)
        names << c.name;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Cost category of %1").arg(p.childRef), tr("Category:"), names,
                                                 p.categoryOverridden ? int(names.indexOf(p.category)) : 0, false, &ok);
    if (!ok)
        return;
    qint64 id = 0;
    for (const CostCategory &c : categories)
        if (c.name == chosen)
            id = c.id;
    QString error;
    if (!recategorise(p.placementId, id, p.categoryOverridden ? p.categoryId : 0, p.version, &error))
        reportFailure(error);
}

bool CostsView::recategorise(qint64 placementId, qint64 categoryId, qint64 previousOverride, int version, QString *error)
{
    const QString reason = m_feeReason->text().trimmed().isEmpty() ? tr("Category set by hand") : m_feeReason->text().trimmed();
    const bool ok = EditCommand::push(m_undoStack, new CategoryOverrideCommand(m_store, placementId, categoryId, previousOverride,
                                                                               version, reason), error);
    if (ok)
        clearMessage();
    return ok;
}

void CostsView::reportFailure(const QString &message)
{
    m_notice->showRefusal(tr("Not saved: %1").arg(message));
}

void CostsView::setAccess(const StoreRoles::Access &access)
{
    m_access = access;
    // What the server would refuse is not offered: cost edits need an editor, the placements
    // behind a row (one line per child) a panel member, the audit log an editor.
    const QAbstractItemView::EditTriggers edit = QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                                 | QAbstractItemView::AnyKeyPressed;
    m_tableView->setEditTriggers(access.editCosts ? edit : QAbstractItemView::NoEditTriggers);
    if (auto *style = dynamic_cast<CostTableStyle *>(m_tableView->model())) {
        style->editable = access.editCosts;
        m_tableView->viewport()->update();
    }
    m_placementView->setEditTriggers(access.editCosts ? edit : QAbstractItemView::NoEditTriggers);
    m_importButton->setVisible(access.editCosts);
    m_categoriesButton->setVisible(access.editCosts);
    m_recategoriseButton->setVisible(access.editCosts);
    m_feeFrom->setEnabled(access.editCosts);
    m_feeReason->setEnabled(access.editCosts);
    m_saveScenarioButton->setVisible(access.editCosts);
    m_placementPane->setVisible(access.childLevel);
    m_tabs->setTabVisible(AuditTab, access.readAudit);
    if (m_loaded)
        refreshPlacements();
}

bool CostsView::isTabOffered(Tab tab) const
{
    return m_tabs->isTabVisible(tab);
}

void CostsView::storeChanged()
{
    // Redrawn now if on screen; otherwise when next shown (a month's table is costly at scale).
    if (m_loaded && isVisible())
        reload();
    else
        m_loaded = false;
}

QLabel *CostsView::messageLabel() const
{
    return m_notice->label();
}

void CostsView::reloadAfterRefusal()
{
    reload();
    if (m_kept.isEmpty())
        m_notice->showInformation(tr("Reloaded: the table now shows the latest saved figures."));
    else
        m_notice->showInformation(tr("Reloaded: the table now shows the other change. Your input is kept: double-click the "
                                     "cell again to see it and press Enter to save it over theirs, or Esc to leave theirs."));
}

void CostsView::clearMessage()
{
    m_notice->clear();
}

QVector<ExportItem> CostsView::exportItems()
{
    if (!m_loaded)
        reload();
    if (m_access.readAudit)
        refreshAudit();
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const QString monthText = m_table.monthEnd.toString(QStringLiteral("MMMM yyyy"));
    QVector<ExportItem> items;

    ExportItem table;
    table.title = tr("Placement costs, %1").arg(monthText);
    table.table = TableData::fromModel(*m_tableModel, table.title, CostTableModel::Number);
    ExportAction::clearBasis(table.table, {CostTableModel::BudgetNumber, CostTableModel::BudgetUnit, CostTableModel::BudgetAnnual});
    QVector<int> categoryRows;
    for (int r = 0; r < m_table.rows.size(); ++r)
        categoryRows << r;
    table.table.protectTotal(categoryRows, CostTableModel::Number, int(m_table.rows.size()));
    table.table.note = tr("Annual cost: the weekly cost over a 365-day year. Average costs of 1-5 placements are shown as c in a "
                          "public version.");
    items << table;

    const CostTable costs = m_table;
    ExportItem annual;
    annual.title = tr("Annual cost by category, %1").arg(monthText);
    const QString annualChartTitle = tr("Annual cost, %1").arg(m_table.monthEnd.toString(QStringLiteral("MMM yyyy")));
    annual.chart = ReportBlock::chartBlock([costs, annualChartTitle] { return CostCharts::annualByCategory(costs, annualChartTitle); });
    const QSet<QString> hidden = CostCharts::suppressedCategories(costs);
    annual.publicChart = ReportBlock::chartBlock([costs, annualChartTitle, hidden] {
        return CostCharts::annualByCategory(costs, annualChartTitle, hidden);
    });
    annual.table.title = tr("%1: the numbers behind the chart").arg(annual.title);
    annual.table.headers = {tr("Category"), tr("Placements"), tr("Weekly cost"), tr("Annual cost")};
    QVector<int> annualParts;
    for (const CostRow &r : m_table.rows)
        if (r.number > 0) {
            annualParts << int(annual.table.rows.size());
            annual.table.rows << QVector<TableCell>{{r.category, -1, false}, {uk.toString(r.number), r.number, true},
                                                    {Money::format(r.weeklyCost()), r.number, true},
                                                    {CostCharts::shortPounds(r.annualCost()), r.number, true}};
        }
    annual.table.protectTotal(annualParts, 1);
    annual.table.note = tr("Totals of a category's placements. In a public version a category of 1-5 placements (one "
                           "child's cost is a figure about that child), and the next smallest with it, is shown as c and "
                           "not drawn.");
    items << annual;

    ExportItem numbers;
    numbers.title = tr("Placements at month end by category, 24 months to %1").arg(monthText);
    QStringList order;
    for (const CostRow &r : m_table.rows)
        order << r.category;
    const auto series = m_numbersSeries;
    const QString numbersChartTitle = tr("Placements at month end");
    numbers.chart = ReportBlock::chartBlock([series, order, numbersChartTitle] {
        return CostCharts::numbersOverTime(series, order, numbersChartTitle);
    });
    numbers.publicChart = ReportBlock::chartBlock([series, order, numbersChartTitle] {
        return CostCharts::numbersOverTime(series, order, numbersChartTitle, true);
    });
    QStringList used;
    for (const QString &c : order)
        for (const auto &month : series)
            if (month.second.value(c) > 0) {
                used << c;
                break;
            }
    numbers.table.title = tr("%1: the numbers behind the chart").arg(numbers.title);
    numbers.table.headers = QStringList{tr("Month end")} + used;
    for (const auto &month : series) {
        QVector<TableCell> row{{Dates::uk(month.first), -1, false}};
        for (const QString &c : used) {
            const int n = month.second.value(c);
            row << TableCell{uk.toString(n), n, true};
        }
        numbers.table.rows << row;
        QVector<int> columns;
        for (int c = 1; c < row.size(); ++c)
            columns << c;
        numbers.table.protectRow(int(numbers.table.rows.size()) - 1, columns);
    }
    items << numbers;

    if (m_access.childLevel && m_placementModel->rowCount() > 0) {
        ExportItem placements;
        placements.title = m_placementsTitle->text().isEmpty() ? tr("Placements of the selected category") : m_placementsTitle->text().section(QStringLiteral(" — "), 0, 0);
        placements.table = TableData::fromModel(*m_placementModel, placements.title);
        placements.table.childLevel = true;
        items << placements;
    }

    ExportItem whatIf;
    whatIf.title = tr("What-if, %1").arg(monthText);
    whatIf.table = TableData::fromModel(*m_whatIfModel, whatIf.title, WhatIfModel::ActualNumber);
    whatIf.table.note = m_whatIfSummary->text();
    items << whatIf;

    if (!m_access.readAudit)
        return items;
    ExportItem audit;
    audit.title = tr("Cost audit log");
    audit.table = TableData::fromModel(*m_auditModel, audit.title);
    audit.table.childLevel = true; // changes to individual children's placements
    audit.table.note = tr("Every change to fees, placements, budgets, snapshots, categories and scenarios (latest 2,000).");
    items << audit;
    return items;
}
