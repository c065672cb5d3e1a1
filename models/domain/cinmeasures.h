#pragma once
// The front door and child protection from the CIN census, exactly as PRODUCT §10 defines them:
// referrals, re-referrals, assessments in 45 working days, section 47s, initial conferences in
// 15 working days, CP plans starting, ending, repeating and lasting two years. Loaded once from
// the store and answered at any date from sorted arrays (a series is one look-up per point).
#include "store/cinstore.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <functional>
#include <limits>
#include <vector>

enum class CinMeasure {
    Referrals,               // referrals_fytd
    ReferralsRate,           // referrals_fytd_rate_per_10k
    Rereferrals12m,          // rereferrals_12m_pct
    ReferralsNfa,            // referrals_nfa_pct
    AssessmentsCompleted,    // assessments_completed_fytd
    AssessmentsWithin45wd,   // assessments_within_45wd_pct
    AssessmentMedianWd,      // assessment_median_wd
    S47,                     // s47_fytd
    S47Rate,                 // s47_fytd_rate_per_10k
    Icpc,                    // icpc_fytd
    IcpcWithin15wd,          // icpc_within_15wd_pct
    CpStarts,                // cp_starts_fytd
    CpEnds,                  // cp_ends_fytd
    CpSecondOrSubsequent,    // cp_second_or_subsequent_pct
    CpRepeatWithin2y,        // cp_repeat_within_2y_pct
    CpEnded2yPlus,           // cp_ended_2y_plus_pct
    CpOpen2yPlus,            // cp_open_2y_plus_count
};
constexpr int cinMeasureCount = int(CinMeasure::CpOpen2yPlus) + 1;

enum class CinUnit { Count, RatePer10k, Percent, WorkingDays };

struct CinMeasureInfo {
    CinMeasure id;
    QString key;             // the `indicators` key and the series name
    QString title;
    CinUnit unit;
    int good;                // +1 higher is better, -1 lower, 0 neither
    QString benchmark;       // England comparator in the benchmarks table, empty if none
};

// One measure at one date. `value` is the key's figure (count, rate, percent 0-100 or working
// days); NaN where PRODUCT §10 says null (no denominator).
struct CinMeasureValue {
    QDate at, from;          // the window [from, at]
    qint64 count = 0;        // what is counted (the numerator of a percentage)
    qint64 denominator = 0;  // population for rates, the base of a percentage
    double value = std::numeric_limits<double>::quiet_NaN();
    bool hasValue() const { return value == value; }
};

// Referrals in a window by the source that made them (seed 002's conversion by source).
struct ReferralSourceRow {
    QString group;           // "Police", "Schools and education", ...
    qint64 referrals = 0;
    qint64 nfa = 0;          // of them, no further action
};

namespace CinMeasures {
const QVector<CinMeasureInfo> &all();
const CinMeasureInfo &info(CinMeasure m);
const CinMeasureInfo *find(const QString &key);
QString format(const CinMeasureInfo &info, double value);
} // namespace CinMeasures

class CinMeasureSet
{
public:
    // `population(D)`: under-18s for rates at D (PRODUCT §4), 0 if none.
    CinMeasureSet(Store &store, std::function<qint64(const QDate &)> population);
    void reload();
    bool isEmpty() const { return m_referrals.empty() && m_plans.empty(); }

    // The window is the financial year to date containing `at` unless `from` is given.
    CinMeasureValue value(CinMeasure m, const QDate &at, const QDate &from = {}) const;
    QVector<CinMeasureValue> series(CinMeasure m, const QVector<QDate> &dates) const;
    // The children behind the figure (the numerator's, the completed assessments' for the
    // median), distinct, ascending child_id.
    QVector<qint64> childrenCounted(CinMeasure m, const QDate &at, const QDate &from = {}) const;
    QVector<ReferralSourceRow> referralSources(const QDate &at, const QDate &from = {}) const;
    // The latest date the census data holds (0 if none), as a Julian day.
    qint64 latestDate() const { return m_latest; }

private:
    struct Referral { qint32 day; qint32 child; bool nfa; bool rereferral; QString source; };
    struct Assessment { qint32 day; qint32 child; qint32 wd; };      // day: authorised
    struct S47 { qint32 day; qint32 child; };                        // day: start
    struct Icpc { qint32 day; qint32 child; qint32 wd; };            // day: conference
    struct Plan { qint32 start; qint32 end; qint32 child; bool second; bool repeat2y; bool lasted2y; };

    template<typename T>
    static std::pair<size_t, size_t> slice(const std::vector<T> &v, qint32 from, qint32 to);
    template<typename T>
    static std::pair<size_t, size_t> sliceBy(const std::vector<T> &v, qint32 from, qint32 to, qint32 T::*day);
    static CinMeasureValue percent(qint64 count, qint64 base);

    Store &m_store;
    std::function<qint64(const QDate &)> m_population;
    std::vector<Referral> m_referrals;          // by referral date
    std::vector<Assessment> m_assessments;      // completed, by authorisation date
    std::vector<S47> m_s47;                     // by start
    std::vector<Icpc> m_icpc;                   // by conference date
    std::vector<Plan> m_plans;                  // by start (with a start)
    std::vector<Plan> m_plansByEnd;             // ended, by end
    std::vector<qint64> m_childIds;             // child index -> child_id
    qint64 m_latest = 0;
};
