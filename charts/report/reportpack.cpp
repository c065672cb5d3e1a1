#include "reportpack.h"

#include "cinreport.h"

#include "core/dates.h"
#include "core/disclosure.h"
#include "core/money.h"
#include "costcharts.h"
#include "domain/costavoidance.h"
#include "domain/costtable.h"
#include "domain/indicatorengine.h"
#include "domain/scorecard.h"
#include "mixchart.h"
#include "store/casestore.h"
#include "store/scorecardstore.h"
#include "store/store.h"
#include "store/storeroles.h"
#include "trendchart.h"

#include <QChart>
#include <QLocale>
#include <cmath>

namespace ReportPack {

namespace {

QLocale uk()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

TableCell text(const QString &s)
{
    return TableCell{s, -1, false};
}

TableCell number(qint64 n)
{
    return TableCell{uk().toString(n), n, true};
}

TableCell figure(const QString &s, qint64 basis)
{
    return TableCell{s, basis, true};
}

TableCell pounds(double pence)
{
    return TableCell{Money::formatPounds(pence / 100.0), -1, true};
}

// What the pack needs to know about the period it reports on.
struct Period {
    QDate at;
    int financialYear;
    QString quarterKey;           // commentary rows are per quarter ("2024-25 Q4")
    QVector<QDate> quarterEnds;   // the last five financial years' quarter ends, to `at`
};

// The commentary for an indicator in the pack's quarter, or a line saying there is none.
QString commentary(Store &store, const QString &indicator, const Period &p)
{
    const QString body = ScorecardStore(store).commentary(indicator, p.quarterKey).value.toString();
    return body.isEmpty() ? QObject::tr("No commentary has been written for %1.").arg(p.quarterKey) : body;
}

// A trend section: the chart, the numbers behind it (its accessible equivalent), the commentary.
void trendSection(ReportDocument &doc, Store &store, IndicatorEngine &engine, const Period &p, IndicatorId id,
                  const QString &explanation)
{
    const IndicatorInfo &info = Indicators::info(id);
    const QVector<IndicatorValue> values = engine.series(id, p.quarterEnds);
    const bool percent = info.unit == IndicatorUnit::Share;
    // The count each quarter's figures rest on: a share also reveals the rest of its group.
    QVector<qint64> basis;
    for (const IndicatorValue &v : values)
        basis << (percent ? Disclosure::shareBasis(v.count, v.denominator) : v.count);
    const double scale = percent ? 100.0 : 1.0;
    QVector<QPair<int, double>> england;
    if (!info.benchmark.isEmpty())
        for (const BenchmarkRow &b : CaseStore(store).benchmarks(info.benchmark, QStringLiteral("England")))
            england << qMakePair(b.year, b.value * info.benchmarkScale * scale);
    const QString unitTitle = percent ? QObject::tr("Per cent") : info.unit == IndicatorUnit::Count ? QObject::tr("Children")
                            : info.unit == IndicatorUnit::Mean  ? info.title
                                                                                                    : QObject::tr("Rate per 10,000 under-18s");
    doc.blocks << ReportBlock::heading(info.title);
    doc.blocks << ReportBlock::paragraph(explanation);
    const bool publicMode = doc.publicMode;
    const QString authority = doc.authority;
    const QDate from = p.quarterEnds.value(0), to = p.at;
    const QString title = info.title;
    doc.blocks << ReportBlock::chartBlock([=] {
        TrendLine own{authority, {}, false};
        for (int i = 0; i < values.size(); ++i) {
            const IndicatorValue &v = values[i];
            if (v.hasRate() && !(publicMode && Disclosure::isSmall(basis[i])))
                own.points << TrendPoint{v.at, v.rate * scale, v.count, v.denominator};
        }
        TrendLine eng{QObject::tr("England (DfE, at 31 March)"), {}, true};
        for (const auto &[year, value] : england) {
            const QDate d(year, 3, 31);
            if (d >= from && d <= to)
                eng.points << TrendPoint{d, value, 0, 0};
        }
        return TrendChart::build(title, unitTitle, {own, eng});
    }, 95);

    TableData t;
    t.title = QObject::tr("%1: the figures behind the chart").arg(info.title);
    const bool mean = info.unit == IndicatorUnit::Mean;  // A1, A2, SDQ (issue 17): a mean over the children
    t.headers = {QObject::tr("Quarter end"), QObject::tr("Children"),
                 percent ? QObject::tr("Of children") : mean ? QObject::tr("Over children") : QObject::tr("Under-18 population"),
                 percent ? QObject::tr("Per cent") : mean ? QObject::tr("Mean") : QObject::tr("Rate per 10,000"), QObject::tr("England (31 March)")};
    for (int i = 0; i < values.size(); ++i) {
        const IndicatorValue &v = values[i];
        QString e;
        if (v.at.month() == 3 && v.at.day() == 31)
            for (const auto &[year, value] : england)
                if (year == v.at.year())
                    e = uk().toString(value, 'f', percent ? 0 : 1);
        const QString shown = v.hasRate() ? uk().toString(v.rate * scale, 'f', 1) : QStringLiteral("–");
        t.rows << QVector<TableCell>{text(Dates::uk(v.at)), TableCell{uk().toString(v.count), basis[i], true},
                                     TableCell{v.denominator ? uk().toString(v.denominator) : QStringLiteral("–"), percent ? v.denominator : -1, true},
                                     figure(shown, basis[i]), TableCell{e, -1, true}};
    }
    t.note = QObject::tr("Source: the authority's own returns as loaded in Careboard; population: ONS mid-year estimates "
                         "as loaded; England: DfE national statistics (each figure's release is named in Careboard's "
                         "reference data).");
    doc.blocks << ReportBlock::tableBlock(t);
    doc.blocks << ReportBlock::heading(QObject::tr("Commentary"), 2);
    doc.blocks << ReportBlock::paragraph(commentary(store, info.key, p));
}

void scorecardSection(ReportDocument &doc, Store &store, IndicatorEngine &engine, const Period &p)
{
    using namespace Scorecard;
    const Scorecard::Period period = Scorecard::Period::Quarter;
    const QDate end = periodEnd(period, p.at);
    doc.blocks << ReportBlock::heading(QObject::tr("Scorecard"));
    doc.blocks << ReportBlock::paragraph(QObject::tr(
        "Every indicator for the quarter %1: this quarter, the previous quarter, the same quarter last year, the target, "
        "England and statistical neighbours (when loaded). RAG compares this quarter with the target in the direction "
        "of good; the rating is written as well as coloured on screen.").arg(periodLabel(period, end)));
    TableData t;
    t.title = QObject::tr("Scorecard, %1").arg(periodLabel(period, end));
    for (int c = 0; c < Commentary; ++c)
        t.headers << heading(Column(c), period, end);
    for (const Row &r : rows(store, engine, period, end)) {
        // A rate or share rests on the count behind it: small counts are suppressed in public.
        QVector<TableCell> row;
        for (int c = 0; c < Commentary; ++c) {
            const bool numeric = c != Indicator && c != Direction && c != Rating;
            // This period, the previous and last year each rest on their own count (a share on
            // the smaller of its children and the rest of its group); the rating on this period's.
            const IndicatorValue *v = c == Rating ? &r.now : r.valueBehind(Column(c));
            const qint64 basis = !v ? -1
                                    : r.info.unit == IndicatorUnit::Share ? Disclosure::shareBasis(v->count, v->denominator)
                                                                          : v->count;
            row << TableCell{r.text(Column(c)), basis, numeric};
        }
        t.rows << row;
    }
    doc.blocks << ReportBlock::tableBlock(t);
}

void mixSection(ReportDocument &doc, Store &store, IndicatorEngine &engine, const Period &p)
{
    const IndicatorSet set = engine.allAt(p.at);
    qint64 total = 0;
    for (qint64 n : set.mixCounts)
        total += n;
    doc.blocks << ReportBlock::heading(QObject::tr("Placement mix"));
    doc.blocks << ReportBlock::paragraph(QObject::tr(
        "Children looked after at %1 by DfE placement group (codes as valid in the %2 collection year), beside "
        "England's latest published shares at 31 March.").arg(Dates::uk(p.at), Dates::financialYearLabel(set.collectionYear)));
    QVector<MixBar> bars;
    QVector<double> shares, englands;
    TableData t;
    t.title = QObject::tr("Placement mix at %1").arg(Dates::uk(p.at));
    t.headers = {QObject::tr("Placement group"), QObject::tr("Children"), QObject::tr("Per cent"), QObject::tr("England per cent")};
    for (int g = 0; g < Codes::placementGroupCount; ++g) {
        const auto group = Codes::PlacementGroup(g);
        const qint64 n = set.mixCounts[size_t(g)];
        if (group == Codes::PlacementGroup::Unknown && n == 0)
            continue;
        const double share = total ? 100.0 * double(n) / double(total) : std::nan("");
        double england = std::nan("");
        const QString key = Codes::groupBenchmarkIndicator(group);
        int bestYear = 0;
        if (!key.isEmpty())
            for (const BenchmarkRow &b : CaseStore(store).benchmarks(key, QStringLiteral("England")))
                if (b.year <= p.at.year() + 1 && b.year > bestYear) {
                    bestYear = b.year;
                    england = b.value;
                }
        shares << share;
        englands << england;
        t.rows << QVector<TableCell>{text(Codes::groupName(group)), number(n),
                                     figure(std::isfinite(share) ? uk().toString(share, 'f', 1) : QStringLiteral("–"), n),
                                     TableCell{std::isfinite(england) ? uk().toString(england, 'f', 0) : QString(), -1, true}};
    }
    // The groups are the parts of the children looked after, a total the pack prints beside them.
    QVector<int> parts;
    for (int i = 0; i < t.rows.size(); ++i)
        parts << i;
    t.protectTotal(parts, 1);
    if (doc.publicMode)
        t.note = QObject::tr("Groups of 1 to 5 children are shown as c, and with them the next smallest group, so that "
                             "none can be found by subtracting the others from the children looked after.");
    for (int i = 0; i < t.rows.size(); ++i) {
        const bool hide = TableData::suppressed(t.rows[i][1], doc.publicMode);
        bars << MixBar{QStringLiteral("%1 (%2)").arg(t.rows[i][0].text, TableData::display(t.rows[i][1], doc.publicMode)),
                       {hide ? std::nan("") : shares[i], englands[i]}};
    }
    const QString authority = doc.authority;
    doc.blocks << ReportBlock::chartBlock([=] {
        return MixChart::build(QObject::tr("Placement mix, per cent of children looked after"),
                               {authority, QObject::tr("England (DfE)")}, bars);
    }, 110);
    doc.blocks << ReportBlock::tableBlock(t);
    trendSection(doc, store, engine, p, IndicatorId::ExternalShareFostering,
                 QObject::tr("Share of foster placements provided externally (PLACE_PROVIDER PR2–PR5) rather than by the "
                             "authority's own carers (PR1), at each quarter end."));
}

// The rest of the 903 (issue 17; docs/MEASURES.md): missing, care leavers, permanence and how
// children left care this year, a table whose routes are the parts of cla_ceased.
void returnSections(ReportDocument &doc, Store &store, IndicatorEngine &engine, const Period &p)
{
    trendSection(doc, store, engine, p, IndicatorId::MissingChildrenPct,
                 QObject::tr("Children who went missing (MISSING = M) in the financial year to each quarter end, as a share "
                             "of the children looked after at any time in it. An episode counts in the year it began."));
    trendSection(doc, store, engine, p, IndicatorId::ReviewsOnTime,
                 QObject::tr("Children looked after (20 working days or more) whose reviews were all held by their due dates: "
                             "the first within 20 working days, the second within 3 months, then every 6 months."));
    trendSection(doc, store, engine, p, IndicatorId::CareLeaversEet,
                 QObject::tr("Care leavers whose 17th to 21st birthday falls in the collection year, in education, employment "
                             "or training (OC3 ACTIV), of those whose activity is known. England's figure is for ages 19 to 21."));
    trendSection(doc, store, engine, p, IndicatorId::A1Days,
                 QObject::tr("A1: for children adopted in the 3 years to each quarter end, the mean days from entering care to "
                             "being placed for adoption (or to the adoption, when adopted by their foster carers)."));
    doc.blocks << ReportBlock::heading(QObject::tr("How children left care"));
    TableData t;
    t.title = QObject::tr("Children who ceased to be looked after, %1 to %2")
                  .arg(Dates::uk(Dates::financialYearStart(p.financialYear)), Dates::uk(p.at));
    t.headers = {QObject::tr("Route"), QObject::tr("Children")};
    qint64 total = 0;
    for (const IndicatorEngine::RouteCount &r : engine.ceasedByRoute(p.at)) {
        t.rows << QVector<TableCell>{text(r.title), number(r.children)};
        total += r.children;
    }
    QVector<int> parts;
    for (int i = 0; i < t.rows.size(); ++i)
        parts << i;
    t.rows << QVector<TableCell>{text(QObject::tr("All who ceased")), number(total)};
    t.protectTotal(parts, 1, int(t.rows.size()) - 1);
    doc.blocks << ReportBlock::tableBlock(t);
}

void costSection(ReportDocument &doc, Store &store, const Period &p)
{
    CostTableBuilder builder(store);
    const CostTable table = builder.build(p.at);
    doc.blocks << ReportBlock::heading(QObject::tr("Placement costs"));
    doc.blocks << ReportBlock::paragraph(QObject::tr(
        "Placements open at %1 by cost category: number, average weekly unit cost (fee and additionalities), weekly and "
        "annual cost (weekly × 365/7), and the budget for %2 with the variance of the forecast annual cost against it. "
        "The TOTAL row's unit cost is the average weighted by number.")
        .arg(Dates::uk(table.monthEnd), Dates::financialYearLabel(table.financialYear)));
    if (table.source == CostTable::Source::None) {
        doc.blocks << ReportBlock::paragraph(QObject::tr("No placement costs are recorded for this month."));
        return;
    }
    TableData t;
    t.title = QObject::tr("Type of placement – costs, %1").arg(uk().toString(table.monthEnd, QStringLiteral("MMMM yyyy")));
    t.headers = {QObject::tr("Category"), QObject::tr("Number"), QObject::tr("Ave unit cost £/week"), QObject::tr("Weekly cost"),
                 QObject::tr("Annual cost"), QObject::tr("Budget number"), QObject::tr("Budget annual"), QObject::tr("Variance")};
    const auto row = [&](const CostRow &r, const QString &name) {
        // Every cost of a category rests on its placements: one child's weekly cost is a figure
        // about that child. The budget is a plan, not a figure about children; its variance
        // against the forecast is.
        const auto cost = [&](double pence) { return TableCell{Money::formatPounds(pence / 100.0), r.number, true}; };
        t.rows << QVector<TableCell>{text(name), number(r.number), cost(r.aveUnit()), cost(double(r.weeklyCost())),
                                     cost(r.annualCost()),
                                     TableCell{r.hasBudget ? uk().toString(r.budgetNumber, 'f', 0) : QString(), -1, true},
                                     r.hasBudget ? pounds(r.budgetAnnual()) : text(QString()),
                                     r.hasBudget ? cost(r.variance()) : text(QString())};
    };
    QVector<int> parts;
    QStringList categories;
    for (const CostRow &r : table.rows)
        if (r.number > 0 || r.hasBudget) {
            parts << int(t.rows.size());
            categories << r.category;
            row(r, r.category);
        }
    row(table.total, QObject::tr("TOTAL"));
    t.protectTotal(parts, 1, int(t.rows.size()) - 1);
    // The chart draws no category its table suppresses.
    QSet<QString> hidden;
    for (int i = 0; i < parts.size(); ++i)
        if (TableData::suppressed(t.rows[parts[i]][1], doc.publicMode))
            hidden << categories[i];
    const CostTable copy = table;
    doc.blocks << ReportBlock::chartBlock([copy, hidden] {
        return CostCharts::annualByCategory(copy, QObject::tr("Annual cost by category"), hidden);
    }, 100);
    t.note = QObject::tr("Fees and additionalities in force at the month end, from the placements recorded in Careboard%1.")
                 .arg(table.source == CostTable::Source::Snapshot ? QObject::tr(" (an entered cost table for this month)") : QString());
    if (doc.publicMode)
        t.note += QObject::tr(" Categories of 1 to 5 placements are shown as c in every column but the budget, with the "
                              "next smallest category (or the TOTAL) so that none can be found by subtraction; the "
                              "chart leaves them out.");
    doc.blocks << ReportBlock::tableBlock(t);
}

void avoidanceSection(ReportDocument &doc, Store &store, const Period &p)
{
    const AvoidanceReport report = CostAvoidance::yearToDate(store, p.at);
    doc.blocks << ReportBlock::heading(QObject::tr("Placement Panel: cost avoidance"));
    doc.blocks << ReportBlock::paragraph(QObject::tr(
        "Cost reductions agreed by the Placement Panel and the Placements forum, financial year to %1. Each reduction "
        "counts (old − new weekly cost) for the weeks from its start to the earlier of the placement's planned end and "
        "52 weeks (\"booked\"); \"accrued\" is the part of that falling within the year to date.").arg(Dates::uk(p.at)));
    TableData t;
    t.title = QObject::tr("Cost avoidance, %1 to %2").arg(Dates::uk(report.from), Dates::uk(report.to));
    t.headers = {QObject::tr("Source"), QObject::tr("Placements"), QObject::tr("Decisions"), QObject::tr("Booked"), QObject::tr("Accrued")};
    const auto row = [&](const AvoidanceTotal &a, const QString &name) {
        t.rows << QVector<TableCell>{text(name), number(a.placements), TableCell{uk().toString(a.decisions), a.placements, true},
                                     TableCell{Money::format(a.booked, true), a.placements, true},
                                     TableCell{Money::format(a.accrued, true), a.placements, true}};
    };
    QVector<int> parts;
    for (const AvoidanceTotal &a : report.totals) {
        parts << int(t.rows.size());
        row(a, a.source);
    }
    row(report.total, QObject::tr("Total"));
    t.protectTotal(parts, 1, int(t.rows.size()) - 1);
    doc.blocks << ReportBlock::tableBlock(t);
}

} // namespace

ReportDocument build(Store &store, IndicatorEngine &engine, QDate at, bool publicMode)
{
    if (!at.isValid())
        at = engine.dataEnd().isValid() ? engine.dataEnd() : QDate::currentDate();
    Period p;
    p.at = at;
    p.financialYear = Dates::financialYear(at);
    const int quarter = ((at.month() + 8) % 12) / 3 + 1; // April-June is Q1
    p.quarterKey = QStringLiteral("%1 Q%2").arg(Dates::financialYearLabel(p.financialYear)).arg(quarter);
    p.quarterEnds = IndicatorEngine::quarterEnds(Dates::financialYearStart(p.financialYear - 4), at);
    while (!p.quarterEnds.isEmpty() && p.quarterEnds.last() > at)
        p.quarterEnds.removeLast();
    if (p.quarterEnds.isEmpty() || p.quarterEnds.last() != at)
        p.quarterEnds << at;

    ReportDocument doc;
    doc.title = QObject::tr("Children's services performance report");
    doc.authority = store.authorityName();
    doc.period = QObject::tr("Financial year %1, to %2").arg(Dates::financialYearLabel(p.financialYear), Dates::uk(at));
    doc.publicMode = publicMode;
    doc.titlePage = true;
    doc.contents = true;
    scorecardSection(doc, store, engine, p);
    doc.blocks << ReportBlock::pageBreak();
    trendSection(doc, store, engine, p, IndicatorId::Cla,
                 QObject::tr("Children looked after at each quarter end, per 10,000 children under 18 (ONS mid-year "
                             "estimate for the latest 30 June on or before the date). Children on an agreed series of "
                             "short breaks (legal status V3/V4) are not counted, as in the DfE's national tables."));
    trendSection(doc, store, engine, p, IndicatorId::ClaStarts,
                 QObject::tr("Children who started to be looked after in the financial year to each quarter end "
                             "(distinct children; an episode with reason for new episode S), per 10,000 under-18s."));
    trendSection(doc, store, engine, p, IndicatorId::ClaCeased,
                 QObject::tr("Children who ceased to be looked after in the financial year to each quarter end "
                             "(distinct children; X1, an episode followed by another the same day, is not a leaving)."));
    trendSection(doc, store, engine, p, IndicatorId::Cp,
                 QObject::tr("Children subject of a child protection plan at each quarter end, per 10,000 under-18s."));
    trendSection(doc, store, engine, p, IndicatorId::Cin,
                 QObject::tr("Children in need at each quarter end (CIN episodes open; as the DfE counts them, this "
                             "includes children looked after and on plans), per 10,000 under-18s."));
    CinReport::addSection(doc, store, engine, p.at);
    mixSection(doc, store, engine, p);
    returnSections(doc, store, engine, p);
    costSection(doc, store, p);
    if (StoreRoles::access(store).childLevel) {
        avoidanceSection(doc, store, p);
    } else { // built from panel decisions, which a viewer may not read (StoreRoles)
        doc.blocks << ReportBlock::heading(QObject::tr("Placement Panel: cost avoidance"));
        doc.blocks << ReportBlock::paragraph(QObject::tr("Not included: cost avoidance is built from the Placement Panel's "
                                                         "decisions, which need the panel member role on this store."));
    }
    return doc;
}

} // namespace ReportPack
