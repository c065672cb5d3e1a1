#include "trendsview.h"

#include "casestore.h"
#include "dates.h"
#include "indicatorengine.h"
#include "store.h"
#include "trendchart.h"
#include "trendtablemodel.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

TrendsView::TrendsView(Store &store, IndicatorEngine &engine, QWidget *parent)
    : QWidget(parent), m_store(store), m_engine(engine)
{
    const QDate end = m_engine.dataEnd().isValid() ? m_engine.dataEnd() : QDate::currentDate();
    const int lastFy = Dates::financialYear(end);
    m_fromYear = new QSpinBox(this);
    m_toYear = new QSpinBox(this);
    for (QSpinBox *box : {m_fromYear, m_toYear}) {
        box->setRange(2000, lastFy);
        box->setMinimumWidth(90);
    }
    m_fromYear->setValue(std::max(2000, lastFy - 9));
    m_toYear->setValue(lastFy);
    m_fromYear->setAccessibleName(tr("First financial year"));
    m_toYear->setAccessibleName(tr("Last financial year"));

    auto *controls = new QHBoxLayout;
    auto *heading = new QLabel(tr("Children looked after — rate per 10,000 children under 18, month end"), this);
    QFont hf = heading->font();
    hf.setPointSize(hf.pointSize() + 3);
    hf.setBold(true);
    heading->setFont(hf);
    controls->addWidget(heading, 1);
    controls->addWidget(new QLabel(tr("From April"), this));
    controls->addWidget(m_fromYear);
    controls->addWidget(new QLabel(tr("to March of year after"), this));
    controls->addWidget(m_toYear);

    m_chartView = new QChartView(this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(360);

    m_model = new TrendTableModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(TrendTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Numbers behind the chart"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chartView);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    connect(m_fromYear, &QSpinBox::valueChanged, this, &TrendsView::refresh);
    connect(m_toYear, &QSpinBox::valueChanged, this, &TrendsView::refresh);
    refresh();
}

void TrendsView::refresh()
{
    const int fromFy = std::min(m_fromYear->value(), m_toYear->value());
    const int toFy = std::max(m_fromYear->value(), m_toYear->value());
    QDate to = Dates::financialYearEnd(toFy);
    if (m_engine.dataEnd().isValid() && m_engine.dataEnd() < to)
        to = m_engine.dataEnd();
    const QVector<IndicatorValue> values = m_engine.claSeries(IndicatorEngine::monthEnds(Dates::financialYearStart(fromFy), to));

    TrendLine own{m_store.authorityName(), {}, false};
    for (const IndicatorValue &v : values)
        if (v.hasRate())
            own.points << TrendPoint{v.at, v.rate, v.count, v.denominator};
    // England: the DfE's latest published release (2021 Census-based populations) at 31 March.
    QVector<QPair<int, double>> englandByYear;
    TrendLine england{tr("England (DfE, at 31 March)"), {}, true};
    for (const BenchmarkRow &b : CaseStore(m_store).benchmarks(QStringLiteral("cla_31mar_rate_latest_release"), QStringLiteral("England"))) {
        englandByYear << qMakePair(b.year, b.value);
        const QDate at(b.year, 3, 31);
        if (at >= Dates::financialYearStart(fromFy) && at <= to)
            england.points << TrendPoint{at, b.value, 0, 0};
    }
    m_model->setSeries(values, englandByYear);

    QChart *old = m_chartView->chart();
    QChart *chart = TrendChart::build(tr("Children looked after per 10,000 children, %1 to %2")
                                          .arg(Dates::financialYearLabel(fromFy), Dates::financialYearLabel(toFy)),
                                      tr("Rate per 10,000 under-18s"), {own, england});
    m_chartView->setChart(chart);
    delete old;

    if (QLineSeries *s = TrendChart::lineSeries(chart, 0)) {
        const QVector<TrendPoint> points = own.points;
        connect(s, &QLineSeries::hovered, this, [this, points](const QPointF &p, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QDate d = QDateTime::fromMSecsSinceEpoch(qint64(p.x()), Qt::UTC).date();
            const auto nearest = std::min_element(points.cbegin(), points.cend(), [d](const TrendPoint &a, const TrendPoint &b) {
                return std::abs(a.date.daysTo(d)) < std::abs(b.date.daysTo(d));
            });
            if (nearest == points.cend())
                return;
            const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
            QToolTip::showText(QCursor::pos(),
                               tr("<b>%1</b><br>Rate: %2 per 10,000<br>Children looked after: %3<br>Under-18 population: %4")
                                   .arg(Dates::uk(nearest->date), uk.toString(nearest->value, 'f', 1),
                                        uk.toString(nearest->count), uk.toString(nearest->denominator)),
                               m_chartView);
        });
    }
}
