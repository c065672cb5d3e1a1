#include "domain/cinscorecard.h"

#include "core/dates.h"
#include "domain/cinmeasures.h"
#include "store/casestore.h"
#include "store/scorecardstore.h"

#include <cmath>

namespace CinScorecard {

namespace {

// The seeds' front-door rows (seed 000 §11-17, seed 002): re-referrals, assessments in 45
// working days, s47s, conferences in 15, repeat plans and plans over two years.
const CinMeasure rowMeasures[] = {CinMeasure::ReferralsRate, CinMeasure::Rereferrals12m, CinMeasure::AssessmentsWithin45wd,
                                  CinMeasure::S47Rate, CinMeasure::IcpcWithin15wd, CinMeasure::CpSecondOrSubsequent,
                                  CinMeasure::CpEnded2yPlus, CinMeasure::CpOpen2yPlus};

IndicatorInfo infoFor(const CinMeasureInfo &m)
{
    // The id only names a §4 indicator the row is not; the scorecard reads key, unit and good.
    IndicatorInfo i{IndicatorId::Uasc, m.key, m.title, IndicatorUnit::Count, GoodDirection::Neither, m.benchmark, 1};
    switch (m.unit) {
    case CinUnit::Percent: i.unit = IndicatorUnit::Share; i.benchmarkScale = 0.01; break;
    case CinUnit::RatePer10k: i.unit = IndicatorUnit::RatePer10k; break;
    case CinUnit::Count: case CinUnit::WorkingDays: i.unit = IndicatorUnit::Count; break;
    }
    i.good = m.good > 0 ? GoodDirection::Higher : m.good < 0 ? GoodDirection::Lower : GoodDirection::Neither;
    return i;
}

IndicatorValue valueFor(const CinMeasureInfo &m, const CinMeasureValue &v)
{
    IndicatorValue out;
    out.at = v.at;
    out.count = v.count;
    out.denominator = v.denominator;
    if (v.hasValue())
        out.rate = m.unit == CinUnit::Percent ? v.value / 100.0 : v.value;
    return out;
}

double benchmark(Store &store, const IndicatorInfo &info, const QString &comparator, const QDate &end, int *year)
{
    if (info.benchmark.isEmpty())
        return std::nan("");
    const int wanted = Dates::financialYear(end) + 1;
    const BenchmarkRow *best = nullptr;
    const QVector<BenchmarkRow> rows = CaseStore(store).benchmarks(info.benchmark, comparator);
    for (const BenchmarkRow &b : rows)
        if (b.year <= wanted && (!best || b.year > best->year))
            best = &b;
    if (!best)
        return std::nan("");
    *year = best->year;
    return best->value * info.benchmarkScale;
}

} // namespace

QVector<Scorecard::Row> rows(Store &store, IndicatorEngine &engine, Scorecard::Period period, const QDate &end)
{
    QVector<Scorecard::Row> out;
    const CinMeasureSet &set = engine.cinMeasures();
    if (set.isEmpty())
        return out;
    ScorecardStore scorecard(store);
    const int fy = Dates::financialYear(end);
    const QString key = Scorecard::periodKey(period, end);
    for (CinMeasure id : rowMeasures) {
        const CinMeasureInfo &m = CinMeasures::info(id);
        Scorecard::Row r;
        r.info = infoFor(m);
        r.now = valueFor(m, set.value(id, end));
        r.previous = valueFor(m, set.value(id, Scorecard::previousEnd(period, end)));
        r.lastYear = valueFor(m, set.value(id, Scorecard::lastYearEnd(period, end)));
        int year = 0;
        r.england = benchmark(store, r.info, QStringLiteral("England"), end, &r.benchmarkYear);
        r.neighbours = benchmark(store, r.info, QStringLiteral("Statistical neighbours"), end, &year);
        r.target = scorecard.target(m.key, fy);
        r.commentary = scorecard.commentary(m.key, key);
        out << r;
    }
    return out;
}

} // namespace CinScorecard
