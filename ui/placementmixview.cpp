#include "placementmixview.h"

#include "core/dates.h"
#include "domain/indicatorengine.h"
#include "exportaction.h"
#include "mixchart.h"
#include "store/casestore.h"
#include "store/store.h"
#include "trendchart.h"

#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// England's figure for `indicator` at the latest 31 March on or before the date's financial
// year end, else the nearest later one; NaN if none. *year is the one used.
double englandNearest(Store &store, const QString &indicator, const QDate &d, int *year)
{
    if (indicator.isEmpty())
        return NAN;
    const int wanted = Dates::financialYear(d) + 1;
    const BenchmarkRow *best = nullptr;
    const QVector<BenchmarkRow> rows = CaseStore(store).benchmarks(indicator, QStringLiteral("England"));
    for (const BenchmarkRow &b : rows)
        if (!best || std::abs(b.year - wanted) < std::abs(best->year - wanted)
            || (std::abs(b.year - wanted) == std::abs(best->year - wanted) && b.year < best->year))
            best = &b;
    if (!best)
        return NAN;
    *year = best->year;
    return best->value;
}

} // namespace

PlacementMixView::PlacementMixView(Store &store, IndicatorEngine &engine, QWidget *parent)
    : QWidget(parent), m_store(store), m_engine(engine)
{
    m_date = new QDateEdit(this);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setCalendarPopup(true);
    m_date->setDate(m_engine.dataEnd().isValid() ? m_engine.dataEnd() : QDate::currentDate());
    m_date->setAccessibleName(tr("Date of the mix"));
    m_heading = new QLabel(this);
    QFont hf = m_heading->font();
    hf.setPointSize(hf.pointSize() + 3);
    hf.setBold(true);
    m_heading->setFont(hf);
    auto *at = new QLabel(tr("&At"), this);
    at->setBuddy(m_date);

    m_fostering = new QLabel(this);
    m_fostering->setWordWrap(true);
    QFont lf = m_fostering->font();
    lf.setPointSize(lf.pointSize() + 2);
    m_fostering->setFont(lf);
    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setFont(lf);
    m_warning->setStyleSheet(QStringLiteral("color: #8a3b00;"));

    m_mixView = new QChartView(this);
    m_mixView->setRenderHint(QPainter::Antialiasing);
    m_mixView->setMinimumHeight(380);
    m_trendView = new QChartView(this);
    m_trendView->setRenderHint(QPainter::Antialiasing);
    m_trendView->setMinimumHeight(260);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_heading, 1);
    controls->addWidget(at);
    controls->addWidget(m_date);
    controls->addSpacing(12);
    controls->addWidget(ExportAction::button(this, [this] { return m_store.authorityName(); }, [this] { return exportItems(); }));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_mixView);
    splitter->addWidget(m_trendView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_fostering);
    layout->addWidget(m_warning);
    layout->addWidget(splitter, 1);

    connect(m_date, &QDateEdit::dateChanged, this, &PlacementMixView::refresh);
    refresh();
}

void PlacementMixView::setDate(const QDate &d)
{
    m_date->setDate(d);
}

void PlacementMixView::refresh()
{
    const QDate d = m_date->date();
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const IndicatorSet s = m_engine.allAt(d);
    const qint64 cla = s.value(IndicatorId::Cla).count;
    m_heading->setText(tr("Placement mix of %1 children looked after at %2 (DfE groups, %3 codes)")
                           .arg(uk.toString(cla), Dates::uk(d), Dates::financialYearLabel(s.collectionYear)));

    int englandYear = 0;
    QVector<MixBar> bars;
    m_mixCounts.clear();
    for (int g = 0; g < Codes::placementGroupCount; ++g) {
        const auto group = Codes::PlacementGroup(g);
        const qint64 n = s.mixCounts[size_t(g)];
        if (group == Codes::PlacementGroup::Unknown && n == 0)
            continue;
        const IndicatorValue &v = s.value(Indicators::mixIndicator(group));
        int year = 0;
        const double england = englandNearest(m_store, Codes::groupBenchmarkIndicator(group), d, &year);
        if (year)
            englandYear = std::max(englandYear, year);
        m_mixCounts << qMakePair(Codes::groupName(group), n);
        bars << MixBar{QStringLiteral("%1 (%2)").arg(Codes::groupName(group), uk.toString(n)),
                       {v.hasRate() ? v.rate * 100.0 : NAN, england}};
    }
    QChart *old = m_mixView->chart();
    m_mixTitle = tr("Share of children looked after by placement group, %1").arg(Dates::uk(d));
    m_mixSets = QStringList{m_store.authorityName(), englandYear ? tr("England, 31 March %1").arg(englandYear)
                                                                 : tr("England (no figures loaded)")};
    m_mixBars = bars;
    m_mixView->setChart(MixChart::build(m_mixTitle, m_mixSets, bars));
    delete old;

    // Relatives or friends (U1–U3) against other foster carers; England's figures are shares of all CLA.
    const IndicatorValue rel = s.value(IndicatorId::RelativeFriendShareFostering);
    const IndicatorValue inHouse = s.value(IndicatorId::InHouseShareFostering);
    int relYear = 0, otherYear = 0;
    const double englandRel = englandNearest(m_store, QStringLiteral("pl_foster_relative_friend_pct"), d, &relYear);
    const double englandOther = englandNearest(m_store, QStringLiteral("pl_foster_other_carer_pct"), d, &otherYear);
    const auto pct = [&uk](double share) { return share == share ? uk.toString(share * 100.0, 'f', 1) + QLatin1Char('%') : QStringLiteral("–"); };
    QString text = tr("<b>Fostering:</b> %1 with relatives or friends (%2 of fostering, %3 of all looked after), "
                      "%4 with other carers (%5 of all looked after).")
                       .arg(uk.toString(rel.count), pct(rel.rate), pct(cla ? double(rel.count) / cla : NAN),
                            uk.toString(rel.denominator - rel.count), pct(cla ? double(rel.denominator - rel.count) / cla : NAN));
    if (relYear)
        text += tr(" England %1: %2% with relatives or friends, %3% with other carers.")
                    .arg(relYear).arg(englandRel).arg(otherYear ? englandOther : NAN);
    text += tr(" In-house carers: %1 of %2 fostered (%3); external: %4.")
                .arg(uk.toString(inHouse.count), uk.toString(inHouse.denominator), pct(inHouse.rate),
                     pct(s.value(IndicatorId::ExternalShareFostering).rate));
    m_fostering->setText(text);

    const QVector<UnknownPlacement> unknown = m_engine.unknownPlacements(d);
    if (unknown.isEmpty()) {
        m_warning->hide();
    } else {
        QMap<QString, int> codes;
        for (const UnknownPlacement &u : unknown)
            codes[u.place.isEmpty() ? tr("blank") : u.place] += 1;
        QStringList parts;
        for (auto it = codes.cbegin(); it != codes.cend(); ++it)
            parts << QStringLiteral("%1 × %2").arg(it.key()).arg(it.value());
        m_warning->setText(tr("Data quality: %1 children have a placement code that is not valid in %2 (%3); they are "
                              "shown as \"Unknown code\". Correct the 903 return and re-import.")
                               .arg(unknown.size()).arg(Dates::financialYearLabel(s.collectionYear), parts.join(QStringLiteral(", "))));
        m_warning->show();
    }

    // External provision over the five years to the date, month ends.
    const QVector<QDate> months = IndicatorEngine::monthEnds(d.addYears(-5).addMonths(1), d);
    TrendLine fostering{tr("Fostering: external providers (%)"), {}, false};
    TrendLine residential{tr("Residential: external providers (%)"), {}, false};
    const auto fill = [&](TrendLine &line, IndicatorId id) {
        for (const IndicatorValue &v : m_engine.series(id, months))
            if (v.hasRate())
                line.points << TrendPoint{v.at, v.rate * 100.0, v.count, v.denominator};
    };
    fill(fostering, IndicatorId::ExternalShareFostering);
    fill(residential, IndicatorId::ExternalShareResidential);
    old = m_trendView->chart();
    m_trendTitle = tr("In-house vs external: share placed with external providers, month end");
    m_trendLines = {fostering, residential};
    m_trendView->setChart(TrendChart::build(m_trendTitle, tr("% external"), m_trendLines));
    delete old;
}

QVector<ExportItem> PlacementMixView::exportItems() const
{
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const auto pct = [&uk](double v) { return v == v ? uk.toString(v, 'f', 1) : QStringLiteral("–"); };

    ExportItem mix;
    mix.title = m_mixTitle;
    const QString mixTitle = m_mixTitle;
    const QStringList sets = m_mixSets;
    const QVector<MixBar> bars = m_mixBars;
    mix.chart = ReportBlock::chartBlock([mixTitle, sets, bars] { return MixChart::build(mixTitle, sets, bars); }, 120);
    // Public: a group of 1-5 children shows "c" for its count and no bar of its own.
    QVector<MixBar> publicBars = bars;
    for (int i = 0; i < publicBars.size() && i < m_mixCounts.size(); ++i)
        if (TableData::isSmallCount(m_mixCounts[i].second)) {
            publicBars[i].label = QStringLiteral("%1 (%2)").arg(m_mixCounts[i].first, TableData::suppressionSymbol());
            if (!publicBars[i].percents.isEmpty())
                publicBars[i].percents[0] = NAN;
        }
    mix.publicChart = ReportBlock::chartBlock([mixTitle, sets, publicBars] { return MixChart::build(mixTitle, sets, publicBars); }, 120);
    mix.table.title = tr("%1: the numbers behind the chart").arg(m_mixTitle);
    mix.table.headers = {tr("Placement group"), tr("Children"), tr("Share (%)"), m_mixSets.value(1) + tr(" (%)")};
    for (int i = 0; i < m_mixBars.size() && i < m_mixCounts.size(); ++i) {
        const qint64 n = m_mixCounts[i].second;
        const MixBar &b = m_mixBars[i];
        mix.table.rows << QVector<TableCell>{{m_mixCounts[i].first, -1, false}, {uk.toString(n), n, true},
                                             {pct(b.percents.value(0, NAN)), n, true}, {pct(b.percents.value(1, NAN)), -1, true}};
    }
    mix.table.note = tr("Shares of all children looked after at the date (DfE placement groups). England: DfE national tables.");

    ExportItem trend;
    trend.title = m_trendTitle;
    const QString trendTitle = m_trendTitle;
    const QVector<TrendLine> lines = m_trendLines;
    trend.chart = ReportBlock::chartBlock([trendTitle, lines] { return TrendChart::build(trendTitle, tr("% external"), lines); });
    QVector<TrendLine> publicLines = lines;
    for (TrendLine &l : publicLines)
        l.points.erase(std::remove_if(l.points.begin(), l.points.end(), [](const TrendPoint &p) { return TableData::isSmallCount(p.count); }),
                       l.points.end());
    trend.publicChart = ReportBlock::chartBlock([trendTitle, publicLines] { return TrendChart::build(trendTitle, tr("% external"), publicLines); });
    trend.table.title = tr("%1: the numbers behind the chart").arg(m_trendTitle);
    trend.table.headers = {tr("Month end"), tr("Fostered: external"), tr("Fostered"), tr("Fostering: external (%)"),
                           tr("Residential: external"), tr("Residential"), tr("Residential: external (%)")};
    QMap<QDate, QPair<TrendPoint, TrendPoint>> byDate;
    QSet<QDate> fosterDates, residentialDates;
    for (int l = 0; l < 2 && l < lines.size(); ++l)
        for (const TrendPoint &p : lines[l].points) {
            (l == 0 ? byDate[p.date].first : byDate[p.date].second) = p;
            (l == 0 ? fosterDates : residentialDates).insert(p.date);
        }
    for (auto it = byDate.cbegin(); it != byDate.cend(); ++it) {
        QVector<TableCell> row{{Dates::uk(it.key()), -1, false}};
        const auto add = [&](const TrendPoint &p, bool has) {
            if (!has) {
                row << TableCell{QStringLiteral("–"), -1, true} << TableCell{QStringLiteral("–"), -1, true} << TableCell{QStringLiteral("–"), -1, true};
                return;
            }
            row << TableCell{uk.toString(p.count), p.count, true} << TableCell{uk.toString(p.denominator), p.denominator, true}
                << TableCell{pct(p.value), p.count, true};
        };
        add(it.value().first, fosterDates.contains(it.key()));
        add(it.value().second, residentialDates.contains(it.key()));
        trend.table.rows << row;
    }
    trend.table.note = tr("External: placed with an agency or private provider (PLACE_PROVIDER PR2–PR5); month ends over five years.");
    return {mix, trend};
}
