#include "cinreport.h"

#include "core/dates.h"
#include "core/disclosure.h"
#include "domain/cinmeasures.h"
#include "domain/indicatorengine.h"
#include "store/casestore.h"

#include <QLocale>
#include <cmath>

namespace CinReport {

namespace {

QLocale uk()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

// The count a figure rests on: a percentage also reveals the rest of its base.
qint64 basisOf(const CinMeasureInfo &info, const CinMeasureValue &v)
{
    return info.unit == CinUnit::Percent ? Disclosure::shareBasis(v.count, v.denominator) : v.count;
}

QString englandFor(Store &store, const CinMeasureInfo &info, const QDate &at)
{
    if (info.benchmark.isEmpty())
        return {};
    int best = 0;
    double value = std::nan("");
    for (const BenchmarkRow &b : CaseStore(store).benchmarks(info.benchmark, QStringLiteral("England")))
        if (b.year <= at.year() + 1 && b.year > best) {
            best = b.year;
            value = b.value;
        }
    return std::isfinite(value) ? CinMeasures::format(info, value) : QString();
}

} // namespace

TableData measuresTable(Store &store, const IndicatorEngine &engine, const QDate &at)
{
    const CinMeasureSet &m = engine.cinMeasures();
    const QDate lastYear = at.addYears(-1);
    TableData t;
    t.title = QObject::tr("Front door and child protection, financial year to %1").arg(Dates::uk(at));
    t.headers = {QObject::tr("Measure"), QObject::tr("Year to %1").arg(Dates::uk(at)), QObject::tr("Children or referrals"),
                 QObject::tr("Year to %1").arg(Dates::uk(lastYear)), QObject::tr("England")};
    for (const CinMeasureInfo &info : CinMeasures::all()) {
        const CinMeasureValue now = m.value(info.id, at), before = m.value(info.id, lastYear);
        t.rows << QVector<TableCell>{TableCell{info.title, -1, false},
                                     TableCell{CinMeasures::format(info, now.value), basisOf(info, now), true},
                                     TableCell{uk().toString(now.count), now.count, true},
                                     TableCell{CinMeasures::format(info, before.value), basisOf(info, before), true},
                                     TableCell{englandFor(store, info, at), -1, true}};
    }
    t.note = QObject::tr("Source: the authority's CIN census as loaded. Working days are Monday to Friday less England and "
                         "Wales bank holidays, counted from the start day to the day before the end (the DfE validators' "
                         "rule). England where the DfE publishes the measure and it is loaded.");
    return t;
}

TableData sourcesTable(const IndicatorEngine &engine, const QDate &at)
{
    const QVector<ReferralSourceRow> rows = engine.cinMeasures().referralSources(at);
    qint64 total = 0;
    for (const ReferralSourceRow &r : rows)
        total += r.referrals;
    TableData t;
    t.title = QObject::tr("Referrals by source, financial year to %1").arg(Dates::uk(at));
    t.headers = {QObject::tr("Source"), QObject::tr("Referrals"), QObject::tr("Per cent"), QObject::tr("No further action")};
    QVector<int> parts;
    for (const ReferralSourceRow &r : rows) {
        const double share = total ? 100.0 * double(r.referrals) / double(total) : std::nan("");
        parts << int(t.rows.size());
        t.rows << QVector<TableCell>{TableCell{r.group, -1, false}, TableCell{uk().toString(r.referrals), r.referrals, true},
                                     TableCell{std::isfinite(share) ? uk().toString(share, 'f', 1) : QStringLiteral("–"), r.referrals, true},
                                     TableCell{uk().toString(r.nfa), r.nfa, true}};
    }
    t.protectTotal(parts, 1);
    t.note = QObject::tr("ReferralSource codes grouped as the DfE publishes them (1A-1D individuals, 2A-2B schools and "
                         "education, 3A-3F health, 5A-5D local authority services).");
    return t;
}

QVector<MixBar> sourceBars(const TableData &sources, bool publicMode)
{
    QVector<MixBar> bars;
    for (const QVector<TableCell> &row : sources.rows) {
        const bool hide = TableData::suppressed(row[1], publicMode);
        bars << MixBar{QStringLiteral("%1 (%2)").arg(row[0].text, TableData::display(row[1], publicMode)),
                       {hide ? std::nan("") : uk().toDouble(row[2].text)}};
    }
    return bars;
}

QChart *sourceChart(const QVector<MixBar> &bars, const QString &authority)
{
    return MixChart::build(QObject::tr("Referrals by source, per cent"), {authority}, bars, QObject::tr("Share of referrals (%)"));
}

void addSection(ReportDocument &doc, Store &store, const IndicatorEngine &engine, const QDate &at)
{
    if (engine.cinMeasures().isEmpty())
        return;
    doc.blocks << ReportBlock::heading(QObject::tr("Front door and child protection"));
    doc.blocks << ReportBlock::paragraph(QObject::tr(
        "From the CIN census: referrals and re-referrals within 12 months, assessments completed and within 45 working "
        "days, section 47 enquiries and initial conferences within 15 working days, and child protection plans starting, "
        "ending, repeating and lasting two years or more, for the financial year to %1 beside the year before.")
                                             .arg(Dates::uk(at)));
    doc.blocks << ReportBlock::tableBlock(measuresTable(store, engine, at));
    const TableData sources = sourcesTable(engine, at);
    const QVector<MixBar> bars = sourceBars(sources, doc.publicMode);
    const QString authority = doc.authority;
    doc.blocks << ReportBlock::chartBlock([bars, authority] { return sourceChart(bars, authority); }, 100);
    doc.blocks << ReportBlock::tableBlock(sources);
}

} // namespace CinReport
