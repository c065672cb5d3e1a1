#include "domain/scorecard.h"

#include "domain/cinscorecard.h"

#include "core/dates.h"
#include "store/casestore.h"
#include "store/store.h"

#include <QLocale>
#include <QObject>
#include <cmath>

namespace Scorecard {

namespace {

// The scorecard's rows, in the order of seed 000's performance report.
const char *const rowKeys[] = {"cla", "cla_starts", "cla_ceased", "cp", "cin", "uasc", "three_plus_placements",
                               "long_term_stability", "in_house_share_fostering", "external_share_residential",
                               "out_of_area", "mix_foster", "mix_secure_and_childrens_homes", "mix_independent_supported",
                               // The rest of the 903 (issue 17; England where the shipped comparators have it).
                               "missing_children_pct", "review_participation_pct", "reviews_on_time_pct",
                               "care_leavers_in_touch_pct", "care_leavers_eet_pct", "care_leavers_suitable_accom_pct",
                               "a1_days_3y", "sw_changes_3plus_pct", "health_assessments_pct"};

constexpr double none = std::numeric_limits<double>::quiet_NaN();

QLocale uk()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

// Benchmarks describe 31 March of their year: the latest on or before the end of the period's
// financial year, else the earliest published.
double benchmark(Store &store, const IndicatorInfo &info, const QString &comparator, const QDate &end, int *year)
{
    if (info.benchmark.isEmpty())
        return none;
    const int wanted = Dates::financialYear(end) + 1;
    const QVector<BenchmarkRow> rows = CaseStore(store).benchmarks(info.benchmark, comparator);
    const BenchmarkRow *best = nullptr;
    for (const BenchmarkRow &b : rows)
        if (b.year <= wanted && (!best || b.year > best->year))
            best = &b;
    if (!best && !rows.isEmpty())
        best = &rows.first();
    if (!best)
        return none;
    *year = best->year;
    return best->value * info.benchmarkScale;
}

} // namespace

QDate periodEnd(Period period, const QDate &date)
{
    return period == Period::Month ? Dates::monthEnd(date.year(), date.month()) : Dates::quarterEnd(date);
}

QDate previousEnd(Period period, const QDate &end)
{
    return periodEnd(period, end.addMonths(period == Period::Month ? -1 : -3));
}

QDate lastYearEnd(Period period, const QDate &end)
{
    return periodEnd(period, end.addYears(-1));
}

QString periodKey(Period period, const QDate &end)
{
    if (period == Period::Month)
        return end.toString(QStringLiteral("yyyy-MM"));
    const int quarter = ((end.month() + 8) % 12) / 3 + 1; // April-June is Q1
    return QStringLiteral("%1 Q%2").arg(Dates::financialYearLabel(Dates::financialYear(end))).arg(quarter);
}

QString periodLabel(Period period, const QDate &end)
{
    if (period == Period::Month)
        return uk().toString(end, QStringLiteral("MMMM yyyy"));
    return periodKey(period, end);
}

QString heading(Column column, Period period, const QDate &end)
{
    const auto label = [&](const QDate &d) {
        return period == Period::Month ? uk().toString(d, QStringLiteral("MMM yyyy")) : Dates::uk(d);
    };
    switch (column) {
    case Indicator: return QObject::tr("Indicator");
    case ThisPeriod: return label(end);
    case PreviousPeriod: return QObject::tr("Previous\n%1").arg(label(previousEnd(period, end)));
    case LastYear: return QObject::tr("Last year\n%1").arg(label(lastYearEnd(period, end)));
    case Target: return QObject::tr("Target\n%1").arg(Dates::financialYearLabel(Dates::financialYear(end)));
    case England: return QObject::tr("England");
    case Neighbours: return QObject::tr("Neighbours");
    case Direction: return QObject::tr("Good is");
    case Rating: return QObject::tr("RAG");
    case Commentary: return QObject::tr("Commentary");
    case ColumnCount: break;
    }
    return {};
}

Rag rate(GoodDirection good, double value, double comparison)
{
    if (good == GoodDirection::Neither || !std::isfinite(value) || !std::isfinite(comparison))
        return Rag::None;
    const double tolerance = std::abs(comparison) * 0.05;
    if (good == GoodDirection::Higher)
        return value >= comparison ? Rag::Green : value >= comparison - tolerance ? Rag::Amber : Rag::Red;
    return value <= comparison ? Rag::Green : value <= comparison + tolerance ? Rag::Amber : Rag::Red;
}

QString ragName(Rag rag)
{
    return rag == Rag::Green ? QObject::tr("Green") : rag == Rag::Amber ? QObject::tr("Amber") : rag == Rag::Red ? QObject::tr("Red") : QString();
}

QString directionName(GoodDirection good)
{
    return good == GoodDirection::Higher ? QObject::tr("Higher") : good == GoodDirection::Lower ? QObject::tr("Lower") : QObject::tr("Context");
}

double Row::targetValue() const
{
    return target.exists() ? target.value.toDouble() : none;
}

bool Row::ratedAgainstTarget() const
{
    return std::isfinite(targetValue());
}

Rag Row::rag() const
{
    const double t = targetValue();
    return rate(info.good, now.rate, std::isfinite(t) ? t : england);
}

double Row::value(Column column) const
{
    switch (column) {
    case ThisPeriod: return now.rate;
    case PreviousPeriod: return previous.rate;
    case LastYear: return lastYear.rate;
    case Target: return targetValue();
    case England: return england;
    case Neighbours: return neighbours;
    default: return none;
    }
}

QString Row::text(Column column) const
{
    switch (column) {
    case Indicator: return info.title;
    case Direction: return directionName(info.good);
    case Rating: return ragName(rag());
    case Commentary: return commentary.value.toString().section(QLatin1Char('\n'), 0, 0);
    case ColumnCount: return {};
    default: {
        const double v = value(column);
        return std::isfinite(v) ? Indicators::format(info, v) : QString();
    }
    }
}

const IndicatorValue *Row::valueBehind(Column column) const
{
    switch (column) {
    case ThisPeriod: return &now;
    case PreviousPeriod: return &previous;
    case LastYear: return &lastYear;
    default: return nullptr;
    }
}

QVector<Row> rows(Store &store, IndicatorEngine &engine, Period period, const QDate &end)
{
    QVector<Row> out;
    ScorecardStore scorecard(store);
    const int fy = Dates::financialYear(end);
    const QString key = periodKey(period, end);
    for (const char *k : rowKeys) {
        const IndicatorInfo *info = Indicators::find(QString::fromLatin1(k));
        if (!info)
            continue;
        Row r;
        r.info = *info;
        r.now = engine.valueAt(info->id, end);
        r.previous = engine.valueAt(info->id, previousEnd(period, end));
        r.lastYear = engine.valueAt(info->id, lastYearEnd(period, end));
        int year = 0;
        r.england = benchmark(store, *info, QStringLiteral("England"), end, &r.benchmarkYear);
        r.neighbours = benchmark(store, *info, QStringLiteral("Statistical neighbours"), end, &year);
        r.target = scorecard.target(info->key, fy);
        r.commentary = scorecard.commentary(info->key, key);
        out << r;
    }
    // The front door and child protection, from the CIN census when one is loaded.
    out += CinScorecard::rows(store, engine, period, end);
    return out;
}

} // namespace Scorecard
