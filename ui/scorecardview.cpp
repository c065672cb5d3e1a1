#include "scorecardview.h"

#include "noticebar.h"
#include "scorecardcommands.h"
#include "storeevents.h"

#include "core/dates.h"
#include "domain/indicatorengine.h"
#include "itemmodels/scorecardmodel.h"
#include "store/store.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeySequence>
#include <QLabel>
#include <QToolButton>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {

// Tints the RAG cell (Okabe–Ito bluish green, orange, vermillion, lightened); the word is
// always written too, so colour is never the only signal.
class RagTintProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::BackgroundRole && index.column() == ScorecardModel::Rating) {
            switch (ScorecardModel::Rag(index.data(ScorecardModel::RagRole).toInt())) {
            case ScorecardModel::Rag::Green: return QColor(0xBF, 0xE6, 0xD6);
            case ScorecardModel::Rag::Amber: return QColor(0xFA, 0xE0, 0xA6);
            case ScorecardModel::Rag::Red: return QColor(0xF2, 0xC2, 0xA6);
            case ScorecardModel::Rag::None: return {};
            }
        }
        if (role == Qt::FontRole && index.column() == ScorecardModel::ThisPeriod) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

ScorecardView::ScorecardView(Store &store, IndicatorEngine &engine, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent), m_store(store)
{
    m_model = new ScorecardModel(store, engine, this);
    m_period = new QComboBox(this);
    m_period->addItem(tr("Month"), int(ScorecardModel::Period::Month));
    m_period->addItem(tr("Quarter"), int(ScorecardModel::Period::Quarter));
    m_period->setAccessibleName(tr("Period"));
    m_date = new QDateEdit(m_model->periodEnd(), this);
    m_date->setDisplayFormat(QStringLiteral("MM/yyyy"));
    m_date->setCalendarPopup(true);
    m_date->setAccessibleName(tr("Period ending"));
    m_heading = new QLabel(this);
    QFont hf = m_heading->font();
    hf.setPointSize(hf.pointSize() + 3);
    hf.setBold(true);
    m_heading->setFont(hf);
    auto *periodLabel = new QLabel(tr("&Period"), this);
    periodLabel->setBuddy(m_period);
    auto *dateLabel = new QLabel(tr("E&nding"), this);
    dateLabel->setBuddy(m_date);

    m_undo = undoStack ? undoStack : new QUndoStack(this);
    ScorecardEditCommand::attach(store, m_model, m_undo);
    auto *proxy = new RagTintProxy(this);
    proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setModel(proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->setSectionResizeMode(ScorecardModel::Commentary, QHeaderView::Stretch);
    // Long indicator names wrap onto a second line rather than squeezing the commentary out.
    h->setSectionResizeMode(ScorecardModel::Indicator, QHeaderView::Interactive);
    h->setDefaultAlignment(Qt::AlignCenter);
    QFont tf = m_table->font();
    tf.setPointSize(tf.pointSize() + 2); // legible on a projector
    m_table->setFont(tf);
    h->setFont(tf);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->resizeSection(ScorecardModel::Indicator, QFontMetrics(tf).horizontalAdvance(QLatin1Char('x')) * 38);
    m_table->setStyleSheet(QStringLiteral("QTableView::item { padding: 5px 4px; }"));
    m_table->setAccessibleName(tr("Scorecard"));
    m_table->setToolTip(tr("Type a target into the Target column (F2 to edit). Select a row to write its commentary below."));

    m_commentaryTitle = new QLabel(this);
    QFont cf = m_commentaryTitle->font();
    cf.setBold(true);
    m_commentaryTitle->setFont(cf);
    m_commentary = new QPlainTextEdit(this);
    m_commentary->setPlaceholderText(tr("Analysis for this indicator and period, as in the performance report…"));
    m_commentary->setMaximumHeight(150);
    QFont ef = m_commentary->font();
    ef.setPointSize(ef.pointSize() + 2);
    m_commentary->setFont(ef);
    m_commentary->setAccessibleName(tr("Commentary"));
    m_save = new QPushButton(tr("&Save commentary"), this);
    m_save->setToolTip(tr("Save the commentary (Ctrl+S)"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_notice = new NoticeBar(this);
    connect(m_notice, &NoticeBar::reloadRequested, this, &ScorecardView::reloadAfterRefusal);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_heading, 1);
    controls->addWidget(periodLabel);
    controls->addWidget(m_period);
    controls->addWidget(dateLabel);
    controls->addWidget(m_date);
    controls->addSpacing(12);
    controls->addWidget(ExportAction::button(this, [this] { return m_store.authorityName(); }, [this] { return exportItems(); }));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_status, 1);
    saveRow->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_notice);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_commentaryTitle);
    layout->addWidget(m_commentary);
    layout->addLayout(saveRow);

    connect(m_period, &QComboBox::currentIndexChanged, this, &ScorecardView::applyPeriod);
    connect(m_date, &QDateEdit::dateChanged, this, &ScorecardView::applyPeriod);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ScorecardView::showCommentary);
    connect(m_save, &QPushButton::clicked, this, &ScorecardView::saveCommentary);
    // An undo or redo (from the Edit menu, any screen) redraws the commentary shown, unless the
    // user is typing a new one.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const int row = m_table->currentIndex().row();
        if (from.row() <= row && row <= to.row() && to.column() >= ScorecardModel::Commentary && !hasUnsavedCommentary())
            showCommentary();
    });
    auto *shortcut = new QShortcut(QKeySequence::Save, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &ScorecardView::saveCommentary);
    // Input that is not a target (the model), or a write the store refused (the command).
    const auto refused = [this](const QString &message) { m_notice->showRefusal(tr("Not saved: %1").arg(message)); };
    connect(m_model, &ScorecardModel::editFailed, this, refused);
    connect(StoreEvents::of(m_store), &StoreEvents::editFailed, this, [this, refused](const QString &message) {
        if (isVisible() || !window()->isVisible()) // the screen on show, or a view on its own
            refused(message);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_heading->setText(tr("Scorecard — %1").arg(m_model->periodLabel()));
        selectRow(std::max(0, m_table->currentIndex().row()));
    });
    m_heading->setText(tr("Scorecard — %1").arg(m_model->periodLabel()));
    selectRow(0);
}

void ScorecardView::applyPeriod()
{
    m_model->setPeriod(ScorecardModel::Period(m_period->currentData().toInt()), m_date->date());
}

void ScorecardView::refresh()
{
    m_model->refresh();
}

void ScorecardView::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->setCurrentIndex(m_table->model()->index(row, ScorecardModel::Indicator));
    showCommentary();
}

void ScorecardView::showCommentary()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_commentaryTitle->setText(tr("Commentary — %1, %2").arg(m_model->indicatorAt(row).title, m_model->periodLabel()));
    m_commentary->setPlainText(m_model->commentaryAt(row));
    m_commentary->document()->setModified(false);
    m_status->clear();
}

void ScorecardView::reloadAfterRefusal()
{
    // Re-read targets and commentary; typing in the commentary editor survives the reload.
    const int row = m_table->currentIndex().row();
    const bool typed = m_commentary->document()->isModified();
    const QString text = m_commentary->toPlainText();
    m_model->refresh();
    selectRow(row);
    if (typed) {
        m_commentary->setPlainText(text);
        m_commentary->document()->setModified(true);
    }
    m_notice->showInformation(typed ? tr("Reloaded: the table shows the other change. Your commentary is kept in the editor: "
                                         "Save puts it over theirs.")
                                    : tr("Reloaded: the table shows the latest saved targets and commentary."));
}

bool ScorecardView::hasUnsavedCommentary() const
{
    return m_editable && m_commentary->document()->isModified();
}

void ScorecardView::setEditable(bool editable)
{
    m_editable = editable;
    m_table->setEditTriggers(editable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed
                                      : QAbstractItemView::NoEditTriggers);
    m_commentary->setReadOnly(!editable);
    m_save->setVisible(editable);
}

bool ScorecardView::saveCommentary()
{
    if (!m_editable)
        return false; // targets and commentary are an editor's (StoreRoles::Access)
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return false;
    const QString text = m_commentary->toPlainText();
    QAbstractItemModel *proxy = m_table->model();
    if (!proxy->setData(proxy->index(row, ScorecardModel::Commentary), text))
        return false; // the reason is shown; the text stays in the editor
    m_commentary->document()->setModified(false);
    m_status->setText(tr("Saved."));
    return true;
}

QVector<ExportItem> ScorecardView::exportItems() const
{
    ExportItem item;
    item.title = tr("Scorecard — %1").arg(m_model->periodLabel());
    item.table = TableData::fromModel(*m_model, item.title);
    for (QString &h : item.table.headers)
        h.replace(QLatin1Char('\n'), QLatin1Char(' '));
    for (int r = 0; r < item.table.rows.size(); ++r)
        for (int c = 0; c < item.table.rows[r].size(); ++c)
            item.table.rows[r][c].basis = m_model->countAt(r, c);
    item.table.note = tr("Rates per 10,000 children under 18 or percentages as shown; England and neighbours: DfE national tables. "
                         "RAG as on the screen: green at or better than the comparison, amber within 5% of it, red beyond.");
    return {item};
}
