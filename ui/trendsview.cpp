#include "trendsview.h"

#include "core/dates.h"
#include "exportaction.h"
#include "exportdialog.h"
#include "itemmodels/countedchildrenmodel.h"
#include "itemmodels/trendtablemodel.h"
#include "store/casestore.h"
#include "store/store.h"
#include "trendchart.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QTableView>
#include <QToolTip>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The indicators the Trends screen offers (PRODUCT §2.1), with the noun its hover and lists use.
struct Choice {
    IndicatorId id;
    const char *label;
    const char *counted;
    const char *group = nullptr;  // the first of a group (issue 17) names it in the list
};
const Choice choices[] = {
    {IndicatorId::Cla, QT_TRANSLATE_NOOP("TrendsView", "Children looked after"), QT_TRANSLATE_NOOP("TrendsView", "Children looked after")},
    {IndicatorId::Cp, QT_TRANSLATE_NOOP("TrendsView", "Child protection plans"), QT_TRANSLATE_NOOP("TrendsView", "Children on a plan")},
    {IndicatorId::Cin, QT_TRANSLATE_NOOP("TrendsView", "Children in need"), QT_TRANSLATE_NOOP("TrendsView", "Children in need")},
    {IndicatorId::ClaStarts, QT_TRANSLATE_NOOP("TrendsView", "Started to be looked after (year to date)"), QT_TRANSLATE_NOOP("TrendsView", "Children who started")},
    {IndicatorId::ClaCeased, QT_TRANSLATE_NOOP("TrendsView", "Ceased to be looked after (year to date)"), QT_TRANSLATE_NOOP("TrendsView", "Children who ceased")},
    {IndicatorId::MissingChildrenPct, QT_TRANSLATE_NOOP("TrendsView", "Children missing (year to date)"), QT_TRANSLATE_NOOP("TrendsView", "Children missing"), QT_TRANSLATE_NOOP("TrendsView", "Missing")},
    {IndicatorId::MissingIncidents, QT_TRANSLATE_NOOP("TrendsView", "Missing incidents (year to date)"), QT_TRANSLATE_NOOP("TrendsView", "Children missing")},
    {IndicatorId::AwayIncidents, QT_TRANSLATE_NOOP("TrendsView", "Away without authorisation (year to date)"), QT_TRANSLATE_NOOP("TrendsView", "Children away")},
    {IndicatorId::CareLeaversInTouch, QT_TRANSLATE_NOOP("TrendsView", "Care leavers in touch"), QT_TRANSLATE_NOOP("TrendsView", "Care leavers in touch"), QT_TRANSLATE_NOOP("TrendsView", "Care leavers")},
    {IndicatorId::CareLeaversEet, QT_TRANSLATE_NOOP("TrendsView", "Care leavers in education, employment or training"), QT_TRANSLATE_NOOP("TrendsView", "Care leavers in EET")},
    {IndicatorId::CareLeaversSuitableAccom, QT_TRANSLATE_NOOP("TrendsView", "Care leavers in suitable accommodation"), QT_TRANSLATE_NOOP("TrendsView", "Care leavers suitably housed")},
    {IndicatorId::Adoptions, QT_TRANSLATE_NOOP("TrendsView", "Adoptions (year to date)"), QT_TRANSLATE_NOOP("TrendsView", "Children adopted"), QT_TRANSLATE_NOOP("TrendsView", "Permanence")},
    {IndicatorId::Sgo, QT_TRANSLATE_NOOP("TrendsView", "Special guardianship orders (year to date)"), QT_TRANSLATE_NOOP("TrendsView", "Children on an SGO")},
    {IndicatorId::A1Days, QT_TRANSLATE_NOOP("TrendsView", "A1: days from care to placement for adoption (3 years)"), QT_TRANSLATE_NOOP("TrendsView", "Children adopted")},
    {IndicatorId::A2Days, QT_TRANSLATE_NOOP("TrendsView", "A2: days from placement order to match (3 years)"), QT_TRANSLATE_NOOP("TrendsView", "Children adopted")},
};

// The combo's data for a CIN census measure: beyond every IndicatorId.
constexpr int cinChoiceBase = 1000;

const Choice &choiceFor(IndicatorId id)
{
    for (const Choice &c : choices)
        if (c.id == id)
            return c;
    return choices[0];
}

QDate nearest(const QVector<IndicatorValue> &values, const QDate &d)
{
    const auto it = std::min_element(values.cbegin(), values.cend(), [d](const IndicatorValue &a, const IndicatorValue &b) {
        return std::abs(a.at.daysTo(d)) < std::abs(b.at.daysTo(d));
    });
    return it == values.cend() ? QDate() : it->at;
}

} // namespace

TrendsView::TrendsView(Store &store, IndicatorEngine &engine, QWidget *parent)
    : QWidget(parent), m_store(store), m_engine(engine)
{
    const QDate end = m_engine.dataEnd().isValid() ? m_engine.dataEnd() : QDate::currentDate();
    const int lastFy = Dates::financialYear(end);

    m_indicator = new QComboBox(this);
    for (const Choice &c : choices) {
        if (c.group) {  // a heading, not a choice
            m_indicator->insertSeparator(m_indicator->count());
            m_indicator->addItem(tr(c.group));
            if (auto *items = qobject_cast<QStandardItemModel *>(m_indicator->model()))
                items->item(m_indicator->count() - 1)->setFlags(Qt::NoItemFlags);
        }
        m_indicator->addItem(tr(c.label), int(c.id));
    }
    // PRODUCT §10: the CIN census's measures, under their own heading.
    m_indicator->insertSeparator(m_indicator->count());
    m_indicator->addItem(tr("Front door & child protection"), -1);
    if (auto *items = qobject_cast<QStandardItemModel *>(m_indicator->model()))
        items->item(m_indicator->count() - 1)->setEnabled(false);
    for (const CinMeasureInfo &m : CinMeasures::all())
        m_indicator->addItem(QStringLiteral("   ") + m.title, cinChoiceBase + int(m.id));
    m_indicator->setAccessibleName(tr("Indicator"));
    m_step = new QComboBox(this);
    m_step->addItem(tr("Month"), int(Step::Month));
    m_step->addItem(tr("Quarter"), int(Step::Quarter));
    m_step->addItem(tr("Financial year"), int(Step::FinancialYear));
    m_step->setAccessibleName(tr("Step"));
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

    m_heading = new QLabel(this);
    QFont hf = m_heading->font();
    hf.setPointSize(hf.pointSize() + 3);
    hf.setBold(true);
    m_heading->setFont(hf);

    auto *controls = new QHBoxLayout;
    const auto buddy = [this](const QString &text, QWidget *w) {
        auto *l = new QLabel(text, this);
        l->setBuddy(w);
        return l;
    };
    controls->addWidget(buddy(tr("&Indicator"), m_indicator));
    controls->addWidget(m_indicator);
    controls->addSpacing(12);
    controls->addWidget(buddy(tr("&Step"), m_step));
    controls->addWidget(m_step);
    controls->addSpacing(12);
    controls->addWidget(buddy(tr("Fro&m April"), m_fromYear));
    controls->addWidget(m_fromYear);
    controls->addWidget(buddy(tr("&to March of year after"), m_toYear));
    controls->addWidget(m_toYear);
    controls->addStretch(1);
    controls->addWidget(ExportAction::button(this, [this] { return m_store.authorityName(); }, [this] { return exportItems(); }));

    m_chartView = new QChartView(this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(360);
    m_chartView->setToolTip(tr("Hover over a point for its figures; click it to list the children counted."));

    m_model = new TrendTableModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(TrendTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Numbers behind the chart"));
    m_table->setToolTip(tr("Double-click (or press Enter on) a row to list the children counted."));
    connect(m_table, &QTableView::activated, this, [this, proxy](const QModelIndex &index) {
        const QModelIndex source = proxy->mapToSource(index);
        if (source.isValid())
            showChildrenCounted(m_model->valueAt(source.row()).at);
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chartView);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    connect(m_indicator, &QComboBox::currentIndexChanged, this, &TrendsView::refresh);
    connect(m_step, &QComboBox::currentIndexChanged, this, &TrendsView::refresh);
    connect(m_fromYear, &QSpinBox::valueChanged, this, &TrendsView::refresh);
    connect(m_toYear, &QSpinBox::valueChanged, this, &TrendsView::refresh);
    refresh();
}

IndicatorId TrendsView::indicator() const
{
    const int v = m_indicator->currentData().toInt();
    return v >= 0 && v < cinChoiceBase ? IndicatorId(v) : IndicatorId::Cla; // a CIN measure: isCinMeasure()
}

void TrendsView::setIndicator(IndicatorId id)
{
    const int i = m_indicator->findData(int(id));
    if (i >= 0)
        m_indicator->setCurrentIndex(i);
}

bool TrendsView::isCinMeasure() const
{
    return m_indicator->currentData().toInt() >= cinChoiceBase;
}

CinMeasure TrendsView::cinMeasure() const
{
    return CinMeasure(std::max(0, m_indicator->currentData().toInt() - cinChoiceBase));
}

void TrendsView::setCinMeasure(CinMeasure m)
{
    const int i = m_indicator->findData(cinChoiceBase + int(m));
    if (i >= 0)
        m_indicator->setCurrentIndex(i);
}

void TrendsView::setStep(Step step)
{
    m_step->setCurrentIndex(m_step->findData(int(step)));
}

void TrendsView::setRange(int fromFinancialYear, int toFinancialYear)
{
    m_fromYear->setValue(fromFinancialYear);
    m_toYear->setValue(toFinancialYear);
}

void TrendsView::refresh()
{
    if (isCinMeasure()) {
        refreshCin();
        return;
    }
    m_model->setHeadings({}, {}, {});
    const IndicatorInfo &info = Indicators::info(indicator());
    const Choice &choice = choiceFor(info.id);
    const Step step = Step(m_step->currentData().toInt());
    const int fromFy = std::min(m_fromYear->value(), m_toYear->value());
    const int toFy = std::max(m_fromYear->value(), m_toYear->value());
    const QDate from = Dates::financialYearStart(fromFy);
    QDate to = Dates::financialYearEnd(toFy);
    if (m_engine.dataEnd().isValid() && m_engine.dataEnd() < to)
        to = m_engine.dataEnd();
    QVector<QDate> dates = step == Step::Month ? IndicatorEngine::monthEnds(from, to)
                         : step == Step::Quarter ? IndicatorEngine::quarterEnds(from, to)
                                                 : IndicatorEngine::yearEnds(from, to);
    dates.erase(std::remove_if(dates.begin(), dates.end(), [&](const QDate &d) { return d > to; }), dates.end());
    m_values = m_engine.series(info.id, dates);

    const QString stepText = step == Step::Month ? tr("month end") : step == Step::Quarter ? tr("quarter end") : tr("31 March");
    const bool flow = info.id == IndicatorId::ClaStarts || info.id == IndicatorId::ClaCeased;
    // The rest of the 903 (issue 17) comes as shares (drawn in per cent), counts and means.
    const bool yearToDate = info.id == IndicatorId::MissingChildrenPct || info.id == IndicatorId::MissingIncidents
                            || info.id == IndicatorId::AwayIncidents || info.id == IndicatorId::Adoptions || info.id == IndicatorId::Sgo;
    const bool rate = info.unit == IndicatorUnit::RatePer10k;
    const double scale = info.unit == IndicatorUnit::Share ? 100.0 : 1.0;
    const bool days = info.id == IndicatorId::A1Days || info.id == IndicatorId::A2Days;
    const QString unitText = rate ? tr("rate per 10,000 children under 18") : info.unit == IndicatorUnit::Share ? tr("per cent")
                           : days ? tr("mean days") : info.unit == IndicatorUnit::Mean ? tr("mean") : tr("number");
    m_heading->setText(tr("%1 — %2, %3%4")
                           .arg(tr(choice.label).section(QLatin1String(" ("), 0, 0), unitText, stepText,
                                flow || yearToDate ? tr(", financial year to date") : QString()));
    if (!rate)
        for (IndicatorValue &v : m_values)
            v.rate *= scale;

    TrendLine own{m_store.authorityName(), {}, false};
    for (const IndicatorValue &v : std::as_const(m_values))
        if (v.hasRate())
            own.points << TrendPoint{v.at, v.rate, v.count, v.denominator};
    QVector<TrendLine> lines{own};
    // Comparators describe 31 March of their year (DfE national tables); England always, the
    // statistical neighbours' median and the region when their benchmark rows are loaded.
    QVector<QPair<int, double>> englandByYear;
    CaseStore cases(m_store);
    QStringList comparators = {QStringLiteral("England")};
    for (const QString &c : cases.benchmarkComparators(info.benchmark))
        if (c == QLatin1String("Statistical neighbours") || c.startsWith(QLatin1String("Region")))
            comparators << c;
    for (const QString &comparator : std::as_const(comparators)) {
        const QString name = comparator == QLatin1String("England") ? tr("England (DfE, at 31 March)")
                           : comparator == QLatin1String("Statistical neighbours") ? tr("Statistical neighbours (median)")
                                                                                    : comparator;
        TrendLine line{name, {}, true};
        for (const BenchmarkRow &b : cases.benchmarks(info.benchmark, comparator)) {
            if (comparator == QLatin1String("England"))
                englandByYear << qMakePair(b.year, b.value);
            const QDate at(b.year, 3, 31);
            if (at >= from && at <= to)
                line.points << TrendPoint{at, rate ? b.value : b.value * info.benchmarkScale * scale, 0, 0};
        }
        // England's line is drawn (empty, so its absence shows) where the shipped comparators
        // could have it; the 903 measures England does not publish get none (issue 17).
        if (!line.points.isEmpty() || (comparator == QLatin1String("England") && (rate || !info.benchmark.isEmpty())))
            lines << line;
    }
    m_model->setSeries(m_values, englandByYear);
    if (rate)
        m_model->setTitles({}, {});
    else
        m_model->setTitles(info.unit == IndicatorUnit::Share ? tr("Out of") : tr("Over"), unitText.left(1).toUpper() + unitText.mid(1));

    QChart *old = m_chartView->chart();
    m_lines = lines;
    m_chartTitle = (rate ? tr("%1 per 10,000 children, %2 to %3") : tr("%1, %2 to %3"))
                       .arg(tr(choice.label).section(QLatin1String(" ("), 0, 0), Dates::financialYearLabel(fromFy),
                            Dates::financialYearLabel(toFy));
    m_valueTitle = rate ? tr("Rate per 10,000 under-18s") : unitText.left(1).toUpper() + unitText.mid(1);
    QChart *chart = TrendChart::build(m_chartTitle, m_valueTitle, lines);
    m_chartView->setChart(chart);
    delete old;

    if (QLineSeries *s = TrendChart::lineSeries(chart, 0)) {
        connect(s, &QLineSeries::hovered, this, [this, choice](const QPointF &p, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QDate d = nearest(m_values, QDateTime::fromMSecsSinceEpoch(qint64(p.x()), Qt::UTC).date());
            for (const IndicatorValue &v : std::as_const(m_values)) {
                if (v.at != d)
                    continue;
                const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
                if (Indicators::info(indicator()).unit != IndicatorUnit::RatePer10k) {
                    QToolTip::showText(QCursor::pos(),
                                       tr("<b>%1</b><br>%2<br>%3 of %4%5")
                                           .arg(Dates::uk(v.at), v.hasRate() ? uk.toString(v.rate, 'f', 1) : QStringLiteral("–"),
                                                uk.toString(v.count), uk.toString(v.denominator),
                                                m_childLevel ? tr("<br><i>Click to list the children</i>") : QString()),
                                       m_chartView);
                    continue;
                }
                QToolTip::showText(QCursor::pos(),
                                   tr("<b>%1</b><br>Rate: %2 per 10,000<br>%3: %4<br>Under-18 population: %5%6")
                                       .arg(Dates::uk(v.at), v.hasRate() ? uk.toString(v.rate, 'f', 1) : QStringLiteral("–"),
                                            tr(choice.counted), uk.toString(v.count), uk.toString(v.denominator),
                                            m_childLevel ? tr("<br><i>Click to list the children</i>") : QString()),
                                   m_chartView);
            }
        });
        connect(s, &QLineSeries::clicked, this, [this](const QPointF &p) {
            const QDate d = nearest(m_values, QDateTime::fromMSecsSinceEpoch(qint64(p.x()), Qt::UTC).date());
            if (d.isValid())
                showChildrenCounted(d);
        });
    }
}

void TrendsView::setChildLevel(bool allowed)
{
    m_childLevel = allowed;
    m_table->setToolTip(allowed ? tr("Double-click (or press Enter on) a row to list the children counted.") : QString());
    refresh(); // the chart's tooltips offer the list or not
}

QDialog *TrendsView::showChildrenCounted(const QDate &date)
{
    if (!m_childLevel)
        return nullptr; // child-level lists are for panel members and above (StoreRoles::Access)
    const IndicatorId id = indicator();
    const Choice &choice = choiceFor(id);
    const bool cin = isCinMeasure();
    const QString counted = cin ? CinMeasures::info(cinMeasure()).title : tr(choice.counted);
    const QVector<CountedChild> children = cin ? cinChildren(date) : m_engine.childrenCounted(id, date);

    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("%1 at %2").arg(counted, Dates::uk(date)));
    auto *model = new CountedChildrenModel(dialog);
    model->setChildren(children);
    auto *proxy = new QSortFilterProxyModel(dialog);
    proxy->setSourceModel(model);
    proxy->setSortRole(CountedChildrenModel::SortRole);
    auto *table = new QTableView(dialog);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(CountedChildrenModel::Reference, Qt::AscendingOrder);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->setAccessibleName(tr("Children counted"));
    const bool flow = cin || id == IndicatorId::ClaStarts || id == IndicatorId::ClaCeased;
    auto *summary = new QLabel(tr("<b>%1</b> %2 at %3%4. References are the authority's pseudonymous child references. "
                                  "OFFICIAL-SENSITIVE.")
                                   .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(children.size()),
                                        cin ? tr("children behind: %1").arg(counted.toLower()) : counted.toLower(), Dates::uk(date),
                                        flow ? tr(" (financial year to date)") : QString()),
                               dialog);
    summary->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    QPushButton *exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    exportButton->setToolTip(tr("Export the list as PDF, PNG or CSV (OFFICIAL-SENSITIVE; never in a public version)"));
    const ExportItem item = childrenCountedExport(date);
    connect(exportButton, &QPushButton::clicked, dialog, [this, dialog, item] {
        ExportDialog *d = ExportAction::dialog(item, m_store.authorityName(), dialog);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    dialog->resize(820, 560);
    dialog->show();
    return dialog;
}

QVector<ExportItem> TrendsView::exportItems() const
{
    ExportItem item;
    item.title = m_chartTitle;
    const QString title = m_chartTitle, valueTitle = m_valueTitle;
    const QVector<TrendLine> lines = m_lines;
    item.chart = ReportBlock::chartBlock([title, valueTitle, lines] { return TrendChart::build(title, valueTitle, lines); });
    // Public: the authority's points resting on 1-5 children are left out (comparators stay).
    QVector<TrendLine> publicLines = lines;
    if (!publicLines.isEmpty()) {
        QVector<TrendPoint> &points = publicLines.first().points;
        points.erase(std::remove_if(points.begin(), points.end(), [](const TrendPoint &p) { return TableData::isSmallCount(p.count); }),
                     points.end());
    }
    item.publicChart = ReportBlock::chartBlock([title, valueTitle, publicLines] { return TrendChart::build(title, valueTitle, publicLines); });
    item.table = TableData::fromModel(*m_model, tr("%1: the numbers behind the chart").arg(m_heading->text()), TrendTableModel::Count);
    ExportAction::clearBasis(item.table, {TrendTableModel::Population, TrendTableModel::England});
    item.table.note = tr("Sources: the authority's returns as loaded; population: ONS mid-year estimates; England: DfE national tables.");
    return {item};
}

ExportItem TrendsView::childrenCountedExport(const QDate &date) const
{
    const IndicatorId id = indicator();
    const Choice &choice = choiceFor(id);
    CountedChildrenModel model;
    model.setChildren(isCinMeasure() ? cinChildren(date) : m_engine.childrenCounted(id, date));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(CountedChildrenModel::SortRole);
    proxy.sort(CountedChildrenModel::Reference);
    ExportItem item;
    item.title = tr("%1 at %2").arg(isCinMeasure() ? CinMeasures::info(cinMeasure()).title : tr(choice.counted), Dates::uk(date));
    item.table = TableData::fromModel(proxy, item.title);
    item.table.childLevel = true;
    item.table.note = tr("References are the authority's pseudonymous child references.");
    return item;
}

QVector<CountedChild> TrendsView::cinChildren(const QDate &date) const
{
    const QVector<qint64> ids = m_engine.cinMeasures().childrenCounted(cinMeasure(), date);
    const QVector<ChildDetail> details = CaseStore(m_store).childDetails(ids);
    QVector<CountedChild> out;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        CountedChild c;
        c.childId = ids[i];
        c.childRef = details.value(i).childRef;
        c.age = Dates::ageAt(details.value(i).dob, date);
        out << c;
    }
    return out;
}

// A CIN census measure (PRODUCT §10) over time: its own unit (count, rate, per cent or working
// days) for the financial year to each date, England dashed where the benchmark table has it.
void TrendsView::refreshCin()
{
    const CinMeasureInfo &info = CinMeasures::info(cinMeasure());
    const Step step = Step(m_step->currentData().toInt());
    const int fromFy = std::min(m_fromYear->value(), m_toYear->value());
    const int toFy = std::max(m_fromYear->value(), m_toYear->value());
    const QDate from = Dates::financialYearStart(fromFy);
    QDate to = Dates::financialYearEnd(toFy);
    const qint64 latest = m_engine.cinMeasures().latestDate();
    if (m_engine.dataEnd().isValid() && m_engine.dataEnd() < to)
        to = m_engine.dataEnd();
    else if (!m_engine.dataEnd().isValid() && latest && QDate::fromJulianDay(latest) < to)
        to = QDate::fromJulianDay(latest);
    QVector<QDate> dates = step == Step::Month ? IndicatorEngine::monthEnds(from, to)
                         : step == Step::Quarter ? IndicatorEngine::quarterEnds(from, to)
                                                 : IndicatorEngine::yearEnds(from, to);
    dates.erase(std::remove_if(dates.begin(), dates.end(), [&](const QDate &d) { return d > to; }), dates.end());
    m_values.clear();
    for (const CinMeasureValue &v : m_engine.cinMeasures().series(info.id, dates)) {
        IndicatorValue iv;
        iv.at = v.at;
        iv.count = v.count;
        iv.denominator = v.denominator;
        if (v.hasValue())
            iv.rate = v.value;
        m_values << iv;
    }
    const QString unit = info.unit == CinUnit::Percent ? tr("Per cent")
                       : info.unit == CinUnit::RatePer10k ? tr("Rate per 10,000 under-18s")
                       : info.unit == CinUnit::WorkingDays ? tr("Working days") : tr("Number");
    const QString stepText = step == Step::Month ? tr("month end") : step == Step::Quarter ? tr("quarter end") : tr("31 March");
    m_heading->setText(tr("%1 — %2, %3%4").arg(info.title, unit.toLower(), stepText,
                                                info.id == CinMeasure::CpOpen2yPlus ? QString() : tr(", financial year to date")));
    m_model->setHeadings(info.unit == CinUnit::Percent || info.unit == CinUnit::WorkingDays ? tr("Counted") : tr("Number"),
                         info.unit == CinUnit::RatePer10k ? tr("Under-18s") : info.unit == CinUnit::Count ? tr("–") : tr("Of"), unit);
    TrendLine own{m_store.authorityName(), {}, false};
    for (const IndicatorValue &v : std::as_const(m_values))
        if (v.hasRate())
            own.points << TrendPoint{v.at, v.rate, v.count, v.denominator};
    QVector<TrendLine> lines{own};
    QVector<QPair<int, double>> englandByYear;
    if (!info.benchmark.isEmpty()) {
        TrendLine line{tr("England (DfE, at 31 March)"), {}, true};
        for (const BenchmarkRow &b : CaseStore(m_store).benchmarks(info.benchmark, QStringLiteral("England"))) {
            englandByYear << qMakePair(b.year, b.value);
            const QDate at(b.year, 3, 31);
            if (at >= from && at <= to)
                line.points << TrendPoint{at, b.value, 0, 0};
        }
        if (!line.points.isEmpty())
            lines << line;
    }
    m_model->setSeries(m_values, englandByYear);
    QChart *old = m_chartView->chart();
    m_lines = lines;
    m_chartTitle = tr("%1, %2 to %3").arg(info.title, Dates::financialYearLabel(fromFy), Dates::financialYearLabel(toFy));
    m_valueTitle = unit;
    QChart *chart = TrendChart::build(m_chartTitle, m_valueTitle, lines);
    m_chartView->setChart(chart);
    delete old;
    if (QLineSeries *s = TrendChart::lineSeries(chart, 0)) {
        connect(s, &QLineSeries::hovered, this, [this, info](const QPointF &p, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QDate d = nearest(m_values, QDateTime::fromMSecsSinceEpoch(qint64(p.x()), Qt::UTC).date());
            for (const IndicatorValue &v : std::as_const(m_values))
                if (v.at == d)
                    QToolTip::showText(QCursor::pos(),
                                       tr("<b>%1</b><br>%2: %3<br>Counted: %4 of %5%6")
                                           .arg(Dates::uk(v.at), info.title, CinMeasures::format(info, v.rate),
                                                QLocale(QLocale::English, QLocale::UnitedKingdom).toString(v.count),
                                                QLocale(QLocale::English, QLocale::UnitedKingdom).toString(v.denominator),
                                                m_childLevel ? tr("<br><i>Click to list the children</i>") : QString()),
                                       m_chartView);
        });
        connect(s, &QLineSeries::clicked, this, [this](const QPointF &p) {
            const QDate d = nearest(m_values, QDateTime::fromMSecsSinceEpoch(qint64(p.x()), Qt::UTC).date());
            if (d.isValid())
                showChildrenCounted(d);
        });
    }
}
