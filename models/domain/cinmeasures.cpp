#include "domain/cinmeasures.h"

#include "core/dates.h"
#include "core/workingdays.h"
#include "domain/cincensusreader.h"

#include <QLocale>
#include <QObject>

#include <cmath>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace CinMeasures {

const QVector<CinMeasureInfo> &all()
{
    using U = CinUnit;
    static const QVector<CinMeasureInfo> list = {
        {CinMeasure::Referrals, "referrals_fytd", QObject::tr("Referrals, year to date"), U::Count, 0, {}},
        {CinMeasure::ReferralsRate, "referrals_fytd_rate_per_10k", QObject::tr("Referrals, year to date (per 10,000)"), U::RatePer10k, 0, {}},
        {CinMeasure::Rereferrals12m, "rereferrals_12m_pct", QObject::tr("Re-referrals within 12 months"), U::Percent, -1, "cin_rereferrals_12m_pct"},
        {CinMeasure::ReferralsNfa, "referrals_nfa_pct", QObject::tr("Referrals with no further action"), U::Percent, 0, {}},
        {CinMeasure::AssessmentsCompleted, "assessments_completed_fytd", QObject::tr("Assessments completed, year to date"), U::Count, 0, {}},
        {CinMeasure::AssessmentsWithin45wd, "assessments_within_45wd_pct", QObject::tr("Assessments completed within 45 working days"), U::Percent, +1, "cin_assessments_within_45wd_pct"},
        {CinMeasure::AssessmentMedianWd, "assessment_median_wd", QObject::tr("Assessment length, median (working days)"), U::WorkingDays, -1, {}},
        {CinMeasure::S47, "s47_fytd", QObject::tr("Section 47 enquiries, year to date"), U::Count, 0, {}},
        {CinMeasure::S47Rate, "s47_fytd_rate_per_10k", QObject::tr("Section 47 enquiries, year to date (per 10,000)"), U::RatePer10k, 0, {}},
        {CinMeasure::Icpc, "icpc_fytd", QObject::tr("Initial child protection conferences, year to date"), U::Count, 0, {}},
        {CinMeasure::IcpcWithin15wd, "icpc_within_15wd_pct", QObject::tr("Initial conferences within 15 working days of the s47"), U::Percent, +1, {}},
        {CinMeasure::CpStarts, "cp_starts_fytd", QObject::tr("Children starting a CP plan, year to date"), U::Count, 0, {}},
        {CinMeasure::CpEnds, "cp_ends_fytd", QObject::tr("Children whose CP plan ended, year to date"), U::Count, 0, {}},
        {CinMeasure::CpSecondOrSubsequent, "cp_second_or_subsequent_pct", QObject::tr("CP plans that are a second or later plan"), U::Percent, -1, "cp_second_or_subsequent_pct"},
        {CinMeasure::CpRepeatWithin2y, "cp_repeat_within_2y_pct", QObject::tr("CP plans repeating within 2 years"), U::Percent, -1, {}},
        {CinMeasure::CpEnded2yPlus, "cp_ended_2y_plus_pct", QObject::tr("CP plans ended after 2 years or more"), U::Percent, -1, "cp_ended_2y_plus_pct"},
        {CinMeasure::CpOpen2yPlus, "cp_open_2y_plus_count", QObject::tr("CP plans open 2 years or more"), U::Count, -1, {}},
    };
    return list;
}

const CinMeasureInfo &info(CinMeasure m)
{
    return all().at(int(m));
}

const CinMeasureInfo *find(const QString &key)
{
    for (const CinMeasureInfo &i : all())
        if (i.key == key)
            return &i;
    return nullptr;
}

QString format(const CinMeasureInfo &info, double value)
{
    if (value != value)
        return QStringLiteral("–");
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    switch (info.unit) {
    case CinUnit::Count: return uk.toString(qint64(std::llround(value)));
    case CinUnit::RatePer10k: return uk.toString(value, 'f', 1);
    case CinUnit::Percent: return uk.toString(value, 'f', 1) + QLatin1Char('%');
    case CinUnit::WorkingDays: return uk.toString(value, 'f', 0);
    }
    return {};
}

} // namespace CinMeasures

CinMeasureSet::CinMeasureSet(Store &store, std::function<qint64(const QDate &)> population)
    : m_store(store), m_population(std::move(population))
{
    reload();
}

void CinMeasureSet::reload()
{
    m_referrals.clear();
    m_assessments.clear();
    m_s47.clear();
    m_icpc.clear();
    m_plans.clear();
    m_plansByEnd.clear();
    m_childIds.clear();
    m_latest = 0;
    const CinStore store(m_store);
    std::unordered_map<qint64, qint32> childIndex;
    const auto child = [&](qint64 id) {
        const auto [it, added] = childIndex.emplace(id, qint32(m_childIds.size()));
        if (added)
            m_childIds.push_back(id);
        return it->second;
    };
    const auto seen = [this](qint64 day) { m_latest = std::max(m_latest, day); };

    // Referrals come in (child, date) order: a re-referral is one whose child's previous
    // referral is on or after this one's date less 12 months (QDate::addMonths(-12)).
    const QVector<CinReferralRow> referrals = store.referrals();
    m_referrals.reserve(size_t(referrals.size()));
    for (qsizetype i = 0; i < referrals.size(); ++i) {
        const CinReferralRow &r = referrals[i];
        if (!r.referral)
            continue;
        bool again = false;
        if (i > 0 && referrals[i - 1].childId == r.childId && referrals[i - 1].referral && referrals[i - 1].referral < r.referral)
            again = referrals[i - 1].referral >= QDate::fromJulianDay(r.referral).addMonths(-12).toJulianDay();
        m_referrals.push_back({qint32(r.referral), child(r.childId), r.nfa, again, r.source});
        seen(r.referral);
        seen(r.closure);
    }
    std::stable_sort(m_referrals.begin(), m_referrals.end(), [](const Referral &a, const Referral &b) { return a.day < b.day; });

    for (const CinAssessmentRow &a : store.assessments()) {
        seen(a.authorised);
        // Not completed without an authorisation date; no length without a start.
        if (a.authorised && a.start)
            m_assessments.push_back({qint32(a.authorised), child(a.childId), qint32(WorkingDays::count(a.start, a.authorised))});
    }
    std::sort(m_assessments.begin(), m_assessments.end(), [](const Assessment &a, const Assessment &b) { return a.day < b.day; });

    for (const CinSection47Row &s : store.section47s()) {
        seen(s.start);
        seen(s.icpc);
        if (s.start)
            m_s47.push_back({qint32(s.start), child(s.childId)});
        if (s.icpc && s.start)
            m_icpc.push_back({qint32(s.icpc), child(s.childId), qint32(WorkingDays::count(s.start, s.icpc))});
    }
    std::sort(m_s47.begin(), m_s47.end(), [](const S47 &a, const S47 &b) { return a.day < b.day; });
    std::sort(m_icpc.begin(), m_icpc.end(), [](const Icpc &a, const Icpc &b) { return a.day < b.day; });

    // CP plans: one per child and start (a census repeats a plan under each referral it spans).
    std::map<std::pair<qint64, qint64>, CinCpPlanRow> plans;
    for (const CinCpPlanRow &p : store.cpPlans()) {
        if (!p.start)
            continue;
        CinCpPlanRow &kept = plans[{p.childId, p.start}];
        if (!kept.start)
            kept = p;
        kept.end = std::max(kept.end, p.end);
        kept.previousPlans = std::max(kept.previousPlans, p.previousPlans);
    }
    qint64 lastChild = -1;
    std::vector<std::pair<qint64, qint64>> earlier; // this child's plans so far: (start, end)
    for (const auto &[key, p] : plans) {
        if (p.childId != lastChild) {
            earlier.clear();
            lastChild = p.childId;
        }
        const QDate start = QDate::fromJulianDay(p.start);
        const qint64 twoYearsBefore = start.addYears(-2).toJulianDay();
        bool repeat = false;
        for (const auto &[s, e] : earlier)
            repeat = repeat || (e && e >= twoYearsBefore && e <= p.start);
        Plan plan{qint32(p.start), qint32(p.end), child(p.childId), !earlier.empty() || p.previousPlans >= 1, repeat,
                  p.end && p.end >= start.addYears(2).toJulianDay()};
        m_plans.push_back(plan);
        if (p.end)
            m_plansByEnd.push_back(plan);
        earlier.emplace_back(p.start, p.end);
        seen(p.start);
        seen(p.end);
    }
    std::stable_sort(m_plans.begin(), m_plans.end(), [](const Plan &a, const Plan &b) { return a.start < b.start; });
    std::stable_sort(m_plansByEnd.begin(), m_plansByEnd.end(), [](const Plan &a, const Plan &b) { return a.end < b.end; });
}

template<typename T>
std::pair<size_t, size_t> CinMeasureSet::sliceBy(const std::vector<T> &v, qint32 from, qint32 to, qint32 T::*day)
{
    const auto lo = std::lower_bound(v.begin(), v.end(), from, [day](const T &x, qint32 d) { return x.*day < d; });
    const auto hi = std::upper_bound(v.begin(), v.end(), to, [day](qint32 d, const T &x) { return d < x.*day; });
    return {size_t(lo - v.begin()), size_t(std::max(lo, hi) - v.begin())};
}

template<typename T>
std::pair<size_t, size_t> CinMeasureSet::slice(const std::vector<T> &v, qint32 from, qint32 to)
{
    return sliceBy(v, from, to, &T::day);
}

CinMeasureValue CinMeasureSet::percent(qint64 count, qint64 base)
{
    CinMeasureValue v;
    v.count = count;
    v.denominator = base;
    if (base > 0)
        v.value = double(count) / double(base) * 100.0;
    return v;
}

CinMeasureValue CinMeasureSet::value(CinMeasure m, const QDate &at, const QDate &from) const
{
    const QDate start = from.isValid() ? from : Dates::financialYearStart(Dates::financialYear(at));
    const qint32 lo = qint32(start.toJulianDay()), hi = qint32(at.toJulianDay());
    CinMeasureValue v;
    const auto count = [&v](qint64 n) {
        v.count = n;
        v.value = double(n);
    };
    const auto rate = [&](qint64 n) {
        v.count = n;
        v.denominator = m_population ? m_population(at) : 0;
        if (v.denominator > 0)
            v.value = double(n) / double(v.denominator) * 10000.0;
    };
    const auto distinctChildren = [](auto begin, auto end) {
        std::vector<qint32> kids;
        for (auto it = begin; it != end; ++it)
            kids.push_back(it->child);
        std::sort(kids.begin(), kids.end());
        return qint64(std::unique(kids.begin(), kids.end()) - kids.begin());
    };
    switch (m) {
    case CinMeasure::Referrals: {
        const auto [b, e] = slice(m_referrals, lo, hi);
        count(qint64(e - b));
        break;
    }
    case CinMeasure::ReferralsRate: {
        const auto [b, e] = slice(m_referrals, lo, hi);
        rate(qint64(e - b));
        break;
    }
    case CinMeasure::Rereferrals12m:
    case CinMeasure::ReferralsNfa: {
        const auto [b, e] = slice(m_referrals, lo, hi);
        qint64 n = 0;
        for (size_t i = b; i < e; ++i)
            n += (m == CinMeasure::Rereferrals12m ? m_referrals[i].rereferral : m_referrals[i].nfa) ? 1 : 0;
        v = percent(n, qint64(e - b));
        break;
    }
    case CinMeasure::AssessmentsCompleted: {
        const auto [b, e] = slice(m_assessments, lo, hi);
        count(qint64(e - b));
        break;
    }
    case CinMeasure::AssessmentsWithin45wd: {
        const auto [b, e] = slice(m_assessments, lo, hi);
        qint64 n = 0;
        for (size_t i = b; i < e; ++i)
            n += m_assessments[i].wd <= 45 ? 1 : 0;
        v = percent(n, qint64(e - b));
        break;
    }
    case CinMeasure::AssessmentMedianWd: {
        const auto [b, e] = slice(m_assessments, lo, hi);
        std::vector<qint32> wd;
        for (size_t i = b; i < e; ++i)
            wd.push_back(m_assessments[i].wd);
        v.count = v.denominator = qint64(wd.size());
        if (!wd.empty()) {
            // The lower middle value for an even count (PRODUCT §10).
            const size_t mid = (wd.size() - 1) / 2;
            std::nth_element(wd.begin(), wd.begin() + qsizetype(mid), wd.end());
            v.value = double(wd[mid]);
        }
        break;
    }
    case CinMeasure::S47: {
        const auto [b, e] = slice(m_s47, lo, hi);
        count(qint64(e - b));
        break;
    }
    case CinMeasure::S47Rate: {
        const auto [b, e] = slice(m_s47, lo, hi);
        rate(qint64(e - b));
        break;
    }
    case CinMeasure::Icpc: {
        const auto [b, e] = slice(m_icpc, lo, hi);
        count(qint64(e - b));
        break;
    }
    case CinMeasure::IcpcWithin15wd: {
        const auto [b, e] = slice(m_icpc, lo, hi);
        qint64 n = 0;
        for (size_t i = b; i < e; ++i)
            n += m_icpc[i].wd <= 15 ? 1 : 0;
        v = percent(n, qint64(e - b));
        break;
    }
    case CinMeasure::CpStarts: {
        const auto [b, e] = sliceBy(m_plans, lo, hi, &Plan::start);
        count(distinctChildren(m_plans.begin() + qsizetype(b), m_plans.begin() + qsizetype(e)));
        break;
    }
    case CinMeasure::CpEnds: {
        const auto [b, e] = sliceBy(m_plansByEnd, lo, hi, &Plan::end);
        count(distinctChildren(m_plansByEnd.begin() + qsizetype(b), m_plansByEnd.begin() + qsizetype(e)));
        break;
    }
    case CinMeasure::CpSecondOrSubsequent:
    case CinMeasure::CpRepeatWithin2y: {
        const auto [b, e] = sliceBy(m_plans, lo, hi, &Plan::start);
        qint64 n = 0;
        for (size_t i = b; i < e; ++i)
            n += (m == CinMeasure::CpSecondOrSubsequent ? m_plans[i].second : m_plans[i].repeat2y) ? 1 : 0;
        v = percent(n, qint64(e - b));
        break;
    }
    case CinMeasure::CpEnded2yPlus: {
        const auto [b, e] = sliceBy(m_plansByEnd, lo, hi, &Plan::end);
        qint64 n = 0;
        for (size_t i = b; i < e; ++i)
            n += m_plansByEnd[i].lasted2y ? 1 : 0;
        v = percent(n, qint64(e - b));
        break;
    }
    case CinMeasure::CpOpen2yPlus: {
        // Open at D (start <= D, no end or end > D) and begun on or before D less 2 years.
        const qint32 cutoff = qint32(at.addYears(-2).toJulianDay());
        qint64 n = 0;
        for (const Plan &p : m_plans) {
            if (p.start > cutoff)
                break;
            n += (p.end == 0 || p.end > hi) ? 1 : 0;
        }
        count(n);
        break;
    }
    }
    v.at = at;
    v.from = m == CinMeasure::CpOpen2yPlus ? at : start;
    return v;
}

QVector<CinMeasureValue> CinMeasureSet::series(CinMeasure m, const QVector<QDate> &dates) const
{
    QVector<CinMeasureValue> out;
    out.reserve(dates.size());
    for (const QDate &d : dates)
        out.push_back(value(m, d));
    return out;
}

QVector<qint64> CinMeasureSet::childrenCounted(CinMeasure m, const QDate &at, const QDate &from) const
{
    const QDate start = from.isValid() ? from : Dates::financialYearStart(Dates::financialYear(at));
    const qint32 lo = qint32(start.toJulianDay()), hi = qint32(at.toJulianDay());
    std::vector<qint32> kids;
    switch (m) {
    case CinMeasure::Referrals: case CinMeasure::ReferralsRate: case CinMeasure::Rereferrals12m: case CinMeasure::ReferralsNfa: {
        const auto [b, e] = slice(m_referrals, lo, hi);
        for (size_t i = b; i < e; ++i)
            if ((m != CinMeasure::Rereferrals12m || m_referrals[i].rereferral) && (m != CinMeasure::ReferralsNfa || m_referrals[i].nfa))
                kids.push_back(m_referrals[i].child);
        break;
    }
    case CinMeasure::AssessmentsCompleted: case CinMeasure::AssessmentsWithin45wd: case CinMeasure::AssessmentMedianWd: {
        const auto [b, e] = slice(m_assessments, lo, hi);
        for (size_t i = b; i < e; ++i)
            if (m != CinMeasure::AssessmentsWithin45wd || m_assessments[i].wd <= 45)
                kids.push_back(m_assessments[i].child);
        break;
    }
    case CinMeasure::S47: case CinMeasure::S47Rate: {
        const auto [b, e] = slice(m_s47, lo, hi);
        for (size_t i = b; i < e; ++i)
            kids.push_back(m_s47[i].child);
        break;
    }
    case CinMeasure::Icpc: case CinMeasure::IcpcWithin15wd: {
        const auto [b, e] = slice(m_icpc, lo, hi);
        for (size_t i = b; i < e; ++i)
            if (m != CinMeasure::IcpcWithin15wd || m_icpc[i].wd <= 15)
                kids.push_back(m_icpc[i].child);
        break;
    }
    case CinMeasure::CpStarts: case CinMeasure::CpSecondOrSubsequent: case CinMeasure::CpRepeatWithin2y: {
        const auto [b, e] = sliceBy(m_plans, lo, hi, &Plan::start);
        for (size_t i = b; i < e; ++i)
            if ((m != CinMeasure::CpSecondOrSubsequent || m_plans[i].second) && (m != CinMeasure::CpRepeatWithin2y || m_plans[i].repeat2y))
                kids.push_back(m_plans[i].child);
        break;
    }
    case CinMeasure::CpEnds: case CinMeasure::CpEnded2yPlus: {
        const auto [b, e] = sliceBy(m_plansByEnd, lo, hi, &Plan::end);
        for (size_t i = b; i < e; ++i)
            if (m != CinMeasure::CpEnded2yPlus || m_plansByEnd[i].lasted2y)
                kids.push_back(m_plansByEnd[i].child);
        break;
    }
    case CinMeasure::CpOpen2yPlus: {
        const qint32 cutoff = qint32(at.addYears(-2).toJulianDay());
        for (const Plan &p : m_plans) {
            if (p.start > cutoff)
                break;
            if (p.end == 0 || p.end > hi)
                kids.push_back(p.child);
        }
        break;
    }
    }
    QVector<qint64> out;
    for (qint32 k : kids)
        out.push_back(m_childIds[size_t(k)]);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

QVector<ReferralSourceRow> CinMeasureSet::referralSources(const QDate &at, const QDate &from) const
{
    const QDate start = from.isValid() ? from : Dates::financialYearStart(Dates::financialYear(at));
    const auto [b, e] = slice(m_referrals, qint32(start.toJulianDay()), qint32(at.toJulianDay()));
    QVector<ReferralSourceRow> out;
    for (const QString &g : CinCensusReader::referralSourceGroups())
        out.push_back({g, 0, 0});
    for (size_t i = b; i < e; ++i) {
        const QString g = CinCensusReader::referralSourceGroup(m_referrals[i].source);
        for (ReferralSourceRow &row : out)
            if (row.group == g) {
                ++row.referrals;
                row.nfa += m_referrals[i].nfa ? 1 : 0;
                break;
            }
    }
    return out;
}
