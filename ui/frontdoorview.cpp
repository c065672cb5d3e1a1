#include "frontdoorview.h"

#include "cinreport.h"
#include "core/dates.h"
#include "domain/cinmeasures.h"
#include "domain/indicatorengine.h"
#include "itemmodels/reporttablemodel.h"
#include "store/store.h"

#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

void fill(ReportTableModel *model, const TableData &t)
{
    QVector<ReportTableModel::Row> rows;
    for (const QVector<TableCell> &r : t.rows) {
        ReportTableModel::Row row;
        for (const TableCell &c : r)
            row << ReportTableModel::Cell{c.text, c.basis >= 0 ? QVariant(c.basis) : QVariant(), c.numeric};
        rows << row;
    }
    model->setTable(t.headers, rows);
}

QTableView *tableFor(ReportTableModel *model, QWidget *parent, const QString &name)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(ReportTableModel::SortRole);
    auto *view = new QTableView(parent);
    view->setModel(proxy);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAccessibleName(name);
    return view;
}

} // namespace

FrontDoorView::FrontDoorView(Store &store, IndicatorEngine &engine, QWidget *parent)
    : QWidget(parent), m_store(store), m_engine(engine)
{
    m_heading = new QLabel(this);
    QFont hf = m_heading->font();
    hf.setPointSize(hf.pointSize() + 3);
    hf.setBold(true);
    m_heading->setFont(hf);
    m_date = new QDateEdit(this);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setCalendarPopup(true);
    m_date->setAccessibleName(tr("Financial year to"));
    const qint64 latest = m_engine.cinMeasures().latestDate();
    QDate end = m_engine.dataEnd().isValid() ? m_engine.dataEnd() : latest ? QDate::fromJulianDay(latest) : QDate::currentDate();
    m_date->setDate(end);
    auto *label = new QLabel(tr("Financial year &to"), this);
    label->setBuddy(m_date);
    m_empty = new QLabel(tr("No CIN census is loaded: import the census XML your case system sends the DfE (File ▸ Import…)."), this);
    m_empty->setWordWrap(true);

    m_measures = new ReportTableModel(this);
    m_sources = new ReportTableModel(this);
    m_measuresView = tableFor(m_measures, this, tr("Front door and child protection measures"));
    m_sourcesView = tableFor(m_sources, this, tr("Referrals by source"));
    m_chartView = new QChartView(this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(300);

    auto *controls = new QHBoxLayout;
    controls->addWidget(label);
    controls->addWidget(m_date);
    controls->addStretch(1);
    controls->addWidget(ExportAction::button(this, [this] { return m_store.authorityName(); }, [this] { return exportItems(); }));

    auto *sources = new QWidget(this);
    auto *sourcesLayout = new QHBoxLayout(sources);
    sourcesLayout->setContentsMargins(0, 0, 0, 0);
    sourcesLayout->addWidget(m_chartView, 3);
    sourcesLayout->addWidget(m_sourcesView, 2);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_measuresView);
    splitter->addWidget(sources);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(controls);
    layout->addWidget(m_empty);
    layout->addWidget(splitter, 1);
    connect(m_date, &QDateEdit::dateChanged, this, &FrontDoorView::refresh);
    refresh();
}

void FrontDoorView::setDate(const QDate &d)
{
    m_date->setDate(d);
}

void FrontDoorView::refresh()
{
    const QDate at = m_date->date();
    m_heading->setText(tr("Front door and child protection — financial year to %1").arg(Dates::uk(at)));
    m_empty->setVisible(m_engine.cinMeasures().isEmpty());
    fill(m_measures, CinReport::measuresTable(m_store, m_engine, at));
    const TableData sources = CinReport::sourcesTable(m_engine, at);
    fill(m_sources, sources);
    QChart *old = m_chartView->chart();
    m_chartView->setChart(CinReport::sourceChart(CinReport::sourceBars(sources, false), m_store.authorityName()));
    delete old;
}

QVector<ExportItem> FrontDoorView::exportItems() const
{
    const QDate at = m_date->date();
    ExportItem measures;
    measures.table = CinReport::measuresTable(m_store, m_engine, at);
    measures.title = measures.table.title;
    ExportItem sources;
    sources.table = CinReport::sourcesTable(m_engine, at);
    sources.title = sources.table.title;
    const QVector<MixBar> bars = CinReport::sourceBars(sources.table, false), publicBars = CinReport::sourceBars(sources.table, true);
    const QString authority = m_store.authorityName();
    sources.chart = ReportBlock::chartBlock([bars, authority] { return CinReport::sourceChart(bars, authority); });
    sources.publicChart = ReportBlock::chartBlock([publicBars, authority] { return CinReport::sourceChart(publicBars, authority); });
    return {measures, sources};
}
