#include "domain/returnmeasures.h"

#include "core/dates.h"
#include "store/returnstore.h"

#include <QFile>
#include <QObject>

#include <algorithm>
#include <set>
#include <tuple>

namespace ExitRoutes {

ExitRoute of(const QString &rec)
{
    static const QHash<QString, ExitRoute> routes = {
        {"E11", ExitRoute::Adoption}, {"E12", ExitRoute::Adoption},
        {"E43", ExitRoute::SpecialGuardianship}, {"E44", ExitRoute::SpecialGuardianship}, {"E45", ExitRoute::SpecialGuardianship},
        {"E46", ExitRoute::SpecialGuardianship}, {"E47", ExitRoute::SpecialGuardianship}, {"E48", ExitRoute::SpecialGuardianship},
        {"E41", ExitRoute::ChildArrangements},
        {"E4A", ExitRoute::ReturnedHome}, {"E4B", ExitRoute::ReturnedHome}, {"E13", ExitRoute::ReturnedHome},
        {"E5", ExitRoute::IndependentLiving}, {"E6", ExitRoute::IndependentLiving},
        {"E7", ExitRoute::AdultCare}, {"E9", ExitRoute::Custody}, {"E14", ExitRoute::RemandEnded},
        {"E15", ExitRoute::AgeAssessed18}, {"E16", ExitRoute::MovedAbroad}, {"E17", ExitRoute::StayedWithCarers18},
        {"E2", ExitRoute::Died}, {"E3", ExitRoute::OtherLa},
    };
    return routes.value(rec, ExitRoute::Other);
}

QString key(ExitRoute route)
{
    static const char *const keys[] = {"adoption", "special_guardianship", "child_arrangements", "returned_home", "independent_living",
                                       "adult_care", "custody", "remand_ended", "age_assessed_18", "moved_abroad",
                                       "stayed_with_carers_18", "died", "other_la", "other"};
    return QString::fromLatin1(keys[int(route)]);
}

QString title(ExitRoute route)
{
    static const char *const titles[] = {"Adopted", "Special guardianship order", "Child arrangements order", "Returned home",
                                         "Independent living", "Adult social care", "Custody", "Remand ended", "Age assessed as 18 or over",
                                         "Moved abroad", "Stayed with carers at 18", "Died", "Care taken over by another authority", "Other"};
    return QObject::tr(titles[int(route)]);
}

} // namespace ExitRoutes


namespace {

bool isShortBreak(const EpisodeRow &e)
{
    return qstrcmp(e.ls, "V3") == 0 || qstrcmp(e.ls, "V4") == 0;
}

bool isAdoptionPlacement(const EpisodeRow &e)
{
    return qstrcmp(e.place, "A3") == 0 || qstrcmp(e.place, "A4") == 0 || qstrcmp(e.place, "A5") == 0 || qstrcmp(e.place, "A6") == 0;
}

bool isAdopted(const EpisodeRow &e)
{
    return qstrcmp(e.rec, "E11") == 0 || qstrcmp(e.rec, "E12") == 0;
}

// The 31 March on or before D: the OC2 figures are as at the end of a collection year.
QDate yearEndOnOrBefore(const QDate &d)
{
    const QDate thisYear(d.year(), 3, 31);
    return d >= thisYear ? thisYear : QDate(d.year() - 1, 3, 31);
}

} // namespace

void ReturnMeasures::load(Store &store, const QVector<EpisodeRow> &episodes, const QVector<ChildRow> &children)
{
    m_episodes = &episodes;
    m_dob.clear();
    m_childEpisodes.clear();
    for (const ChildRow &c : children)
        m_dob.insert(c.childId, qint32(c.dob));
    // The episodes that count, as the engine's: not short breaks, with a start and an end not before it.
    for (qint32 i = 0; i < episodes.size(); ++i) {
        const EpisodeRow &e = episodes[i];
        if (!m_dob.contains(e.childId) || isShortBreak(e) || e.decom <= 0 || (e.dec != 0 && e.dec < e.decom))
            continue;
        m_childEpisodes[e.childId].push_back(i);
    }
    for (auto &list : m_childEpisodes)
        std::stable_sort(list.begin(), list.end(), [&](qint32 a, qint32 b) { return episodes[a].decom < episodes[b].decom; });

    const ReturnStore rs(store);
    m_reviews.clear();
    {
        std::set<std::pair<qint64, qint32>> seen;
        for (const ReviewRow &r : rs.reviews())
            if (r.date && seen.insert({r.childId, r.date}).second)
                m_reviews.push_back(r);
    }
    m_reviewDays.clear();
    for (const ReviewRow &r : std::as_const(m_reviews))
        m_reviewDays[r.childId].push_back(r.date);
    for (auto &days : m_reviewDays)
        std::sort(days.begin(), days.end());
    m_missing.clear();
    {
        std::set<std::tuple<qint64, qint32, bool>> seen;
        for (const MissingRow &m : rs.missing())
            if (m.start && seen.insert({m.childId, m.start, m.away}).second)
                m_missing.push_back(m);
    }
    m_oc2 = rs.oc2();
    m_oc3.clear();
    for (const Oc3Row &r : rs.careLeavers()) {
        if (!m_oc3.isEmpty() && m_oc3.last().childId == r.childId)
            m_oc3.last() = r;  // ordered by return and import: the latest wins
        else
            m_oc3.push_back(r);
    }
    m_dateMatch.clear();
    for (const Ad1Row &r : rs.adoptionDecisions())
        if (r.dateMatch)
            m_dateMatch.insert(r.childId, r.dateMatch);
    m_sw = rs.swEpisodes();
}

qint32 ReturnMeasures::periodStart(qint32 episode) const
{
    const EpisodeRow &e = (*m_episodes)[episode];
    const auto it = m_childEpisodes.constFind(e.childId);
    if (it == m_childEpisodes.cend())
        return qint32(e.decom);
    const std::vector<qint32> &list = *it;
    auto pos = std::find(list.begin(), list.end(), episode);
    if (pos == list.end())
        return qint32(e.decom);
    while (pos != list.begin() && (*m_episodes)[*(pos - 1)].dec == (*m_episodes)[*pos].decom)
        --pos;
    return qint32((*m_episodes)[*pos].decom);
}

QSet<qint64> ReturnMeasures::lookedAfterAt(qint32 day) const
{
    QSet<qint64> out;
    for (auto it = m_childEpisodes.cbegin(); it != m_childEpisodes.cend(); ++it)
        for (qint32 i : *it) {
            const EpisodeRow &e = (*m_episodes)[i];
            if (e.decom <= day && (e.dec == 0 || e.dec > day)) {
                out.insert(it.key());
                break;
            }
        }
    return out;
}

QSet<qint64> ReturnMeasures::lookedAfterDuring(qint32 from, qint32 to) const
{
    QSet<qint64> out;
    for (auto it = m_childEpisodes.cbegin(); it != m_childEpisodes.cend(); ++it)
        for (qint32 i : *it) {
            const EpisodeRow &e = (*m_episodes)[i];
            if (e.decom <= to && (e.dec == 0 || e.dec >= from)) {
                out.insert(it.key());
                break;
            }
        }
    return out;
}

QHash<qint64, ExitRoute> ReturnMeasures::exits(qint32 from, qint32 to) const
{
    QHash<qint64, ExitRoute> out;
    for (auto it = m_childEpisodes.cbegin(); it != m_childEpisodes.cend(); ++it) {
        qint64 latest = 0;
        ExitRoute route = ExitRoute::Other;
        for (qint32 i : *it) {
            const EpisodeRow &e = (*m_episodes)[i];
            if (e.dec >= from && e.dec <= to && e.dec != 0 && qstrcmp(e.rec, "X1") != 0 && e.dec >= latest) {
                latest = e.dec;
                route = ExitRoutes::of(QString::fromLatin1(e.rec));
            }
        }
        if (latest)
            out.insert(it.key(), route);
    }
    return out;
}

std::array<qint64, exitRouteCount> ReturnMeasures::ceasedByRoute(const QDate &d) const
{
    std::array<qint64, exitRouteCount> out{};
    const qint32 from = qint32(Dates::financialYearStart(Dates::financialYear(d)).toJulianDay());
    const QHash<qint64, ExitRoute> e = exits(from, qint32(d.toJulianDay()));
    for (ExitRoute r : e)
        ++out[size_t(r)];
    return out;
}

// docs/MEASURES.md, "Reviews on time": the first review within 20 working days of the period of
// care starting, the second within 3 months of the first, then each within 6 months of the one
// before; a review held on its due date is on time, and one not yet held is late once its due
// date has passed.
bool ReturnMeasures::reviewsOnTime(qint64 childId, qint32 start, qint32 day) const
{
    QDate due = WorkingDays::add(QDate::fromJulianDay(start), 20);
    int held = 0;
    for (const qint32 review : m_reviewDays.value(childId)) {
        if (review < start || review > day)
            continue;
        const QDate date = QDate::fromJulianDay(review);
        if (date > due)
            return false;
        due = date.addMonths(held == 0 ? 3 : 6);
        ++held;
    }
    return due.toJulianDay() >= day;
}

ReturnMeasures::Computed ReturnMeasures::compute(IndicatorId id, const QDate &d) const
{
    Computed c;
    if (!m_episodes)
        return c;
    const qint32 day = qint32(d.toJulianDay());
    const int fy = Dates::financialYear(d);
    const qint32 fyStart = qint32(Dates::financialYearStart(fy).toJulianDay());
    const qint32 fyEnd = qint32(Dates::financialYearEnd(fy).toJulianDay());
    const auto share = [&c] { c.value = c.denominator > 0 ? double(c.count) / double(c.denominator) : std::numeric_limits<double>::quiet_NaN(); };
    switch (id) {
    case IndicatorId::MissingIncidents:
    case IndicatorId::AwayIncidents:
    case IndicatorId::MissingChildren:
    case IndicatorId::MissingChildrenPct: {
        const bool away = id == IndicatorId::AwayIncidents;
        for (const MissingRow &m : m_missing)
            if (m.away == away && m.start >= fyStart && m.start <= day) {
                ++c.count;
                c.children.insert(m.childId);
            }
        if (id == IndicatorId::MissingChildren || id == IndicatorId::MissingChildrenPct)
            c.count = c.children.size();
        if (id == IndicatorId::MissingChildrenPct) {
            c.denominator = lookedAfterDuring(fyStart, day).size();
            share();
        } else {
            c.value = double(c.count);
        }
        return c;
    }
    case IndicatorId::Reviews:
    case IndicatorId::ReviewParticipation:
        for (const ReviewRow &r : m_reviews) {
            if (r.date < fyStart || r.date > day)
                continue;
            if (id == IndicatorId::Reviews) {
                ++c.count;
                c.children.insert(r.childId);
            } else if (r.code != QLatin1String("PN0")) {
                ++c.denominator;
                // PN1-PN6: the child took part (in person, through an advocate, in writing...);
                // PN7: did not attend and no views were conveyed (docs/MEASURES.md).
                static const QStringList took = {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6"};
                if (took.contains(r.code)) {
                    ++c.count;
                    c.children.insert(r.childId);
                }
            }
        }
        if (id == IndicatorId::Reviews)
            c.value = double(c.count);
        else
            share();
        return c;
    case IndicatorId::ReviewsOnTime:
        for (auto it = m_childEpisodes.cbegin(); it != m_childEpisodes.cend(); ++it)
            for (qint32 i : *it) {
                const EpisodeRow &e = (*m_episodes)[i];
                if (!(e.decom <= day && (e.dec == 0 || e.dec > day)))
                    continue;
                const qint32 start = periodStart(i);
                if (WorkingDays::add(QDate::fromJulianDay(start), 20).toJulianDay() > day)
                    break;  // looked after for fewer than 20 working days
                ++c.denominator;
                if (reviewsOnTime(it.key(), start, day)) {
                    ++c.count;
                    c.children.insert(it.key());
                }
                break;
            }
        share();
        return c;
    case IndicatorId::CareLeaversInTouch:
    case IndicatorId::CareLeaversEet:
    case IndicatorId::CareLeaversSuitableAccom:
        for (const Oc3Row &r : m_oc3) {
            if (!r.dob)
                continue;
            bool cohort = false;
            for (int age = 17; age <= 21 && !cohort; ++age) {
                const qint64 birthday = QDate::fromJulianDay(r.dob).addYears(age).toJulianDay();
                cohort = birthday >= fyStart && birthday <= fyEnd;
            }
            if (!cohort)
                continue;
            bool in = false, yes = false;
            if (id == IndicatorId::CareLeaversInTouch) {
                in = r.inTouch != QLatin1String("DIED") && r.inTouch != QLatin1String("NREQ");
                yes = r.inTouch == QLatin1String("YES");
            } else if (id == IndicatorId::CareLeaversEet) {
                static const QStringList eet = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"};
                in = r.activ != QLatin1String("0");
                yes = eet.contains(r.activ);
            } else {
                in = r.accom != QLatin1String("0");
                yes = r.accom.endsWith(QLatin1Char('1'));
            }
            c.denominator += in;
            if (in && yes) {
                ++c.count;
                c.children.insert(r.childId);
            }
        }
        share();
        return c;
    case IndicatorId::Adoptions:
    case IndicatorId::Sgo:
    case IndicatorId::Cao: {
        const ExitRoute want = id == IndicatorId::Adoptions ? ExitRoute::Adoption
                             : id == IndicatorId::Sgo ? ExitRoute::SpecialGuardianship : ExitRoute::ChildArrangements;
        const QHash<qint64, ExitRoute> e = exits(fyStart, day);
        for (auto it = e.cbegin(); it != e.cend(); ++it)
            if (*it == want)
                c.children.insert(it.key());
        c.count = c.children.size();
        c.value = double(c.count);
        return c;
    }
    case IndicatorId::A1Days:
    case IndicatorId::A2Days: {
        const qint32 from = qint32(d.addYears(-3).toJulianDay()) + 1;
        qint64 total = 0;
        for (auto it = m_childEpisodes.cbegin(); it != m_childEpisodes.cend(); ++it) {
            const std::vector<qint32> &list = *it;
            qint32 adoption = -1;
            for (qint32 i : list) {
                const EpisodeRow &e = (*m_episodes)[i];
                if (e.dec >= from && e.dec <= day && e.dec != 0 && isAdopted(e))
                    adoption = i;
            }
            if (adoption < 0)
                continue;
            const qint32 start = periodStart(adoption);
            const EpisodeRow &adopted = (*m_episodes)[adoption];
            qint64 end = 0;
            for (qint32 i : list) {
                const EpisodeRow &e = (*m_episodes)[i];
                if (e.decom < start || e.decom > adopted.decom)
                    continue;
                if (id == IndicatorId::A1Days && isAdoptionPlacement(e)) {
                    end = e.decom;
                    break;
                }
                if (id == IndicatorId::A2Days && qstrcmp(e.ls, "E1") == 0) {
                    end = e.decom;  // the first E1 DECOM: A2 runs from it to the match
                    break;
                }
            }
            qint64 days = 0;
            if (id == IndicatorId::A1Days) {
                days = (end ? end : adopted.dec) - start;
            } else {
                const qint32 match = m_dateMatch.value(it.key(), 0);
                if (!end || !match)
                    continue;
                days = match - end;
            }
            total += days;
            ++c.count;
            c.children.insert(it.key());
        }
        c.denominator = c.count;
        c.value = c.count ? double(total) / double(c.count) : std::numeric_limits<double>::quiet_NaN();
        return c;
    }
    case IndicatorId::SwChanges3Plus: {
        const qint32 from = qint32(d.addYears(-1).toJulianDay()) + 1;
        const QSet<qint64> cla = lookedAfterAt(day);
        QHash<qint64, QSet<QString>> workers;
        for (const SwEpisodeRow &s : m_sw)
            if (cla.contains(s.childId) && s.start <= day && (s.end == 0 || s.end >= from))
                workers[s.childId].insert(s.swId);
        c.denominator = workers.size();
        for (auto it = workers.cbegin(); it != workers.cend(); ++it)
            if (it->size() >= 3)
                c.children.insert(it.key());
        c.count = c.children.size();
        share();
        return c;
    }
    case IndicatorId::HealthAssessments:
    case IndicatorId::DentalChecks:
    case IndicatorId::Immunisations:
    case IndicatorId::SdqMean: {
        // Children looked after for 12 months at 31 March: looked after on that day, in a period
        // of care that began on or before 1 April a year earlier (docs/MEASURES.md).
        const QDate end = yearEndOnOrBefore(d);
        const qint32 endDay = qint32(end.toJulianDay());
        const qint32 latestStart = qint32(end.addYears(-1).toJulianDay()) + 1;
        const int returnYear = end.year() - 1;
        QSet<qint64> cohort;
        for (auto it = m_childEpisodes.cbegin(); it != m_childEpisodes.cend(); ++it)
            for (qint32 i : *it) {
                const EpisodeRow &e = (*m_episodes)[i];
                if (e.decom <= endDay && (e.dec == 0 || e.dec > endDay)) {
                    if (periodStart(i) <= latestStart)
                        cohort.insert(it.key());
                    break;
                }
            }
        QSet<qint64> seen;
        qint64 total = 0;
        for (const Oc2Row &r : m_oc2) {
            if (r.returnYear != returnYear || !cohort.contains(r.childId) || seen.contains(r.childId))
                continue;
            seen.insert(r.childId);
            if (id == IndicatorId::SdqMean) {
                const int age = Dates::ageAt(QDate::fromJulianDay(m_dob.value(r.childId)), end);
                if (r.sdqScore < 0 || age < 5 || age > 16)
                    continue;
                ++c.count;
                total += r.sdqScore;
                c.children.insert(r.childId);
                continue;
            }
            const int flag = id == IndicatorId::HealthAssessments ? r.healthCheck : id == IndicatorId::DentalChecks ? r.teethCheck : r.immunisations;
            ++c.denominator;
            if (flag == 1) {
                ++c.count;
                c.children.insert(r.childId);
            }
        }
        if (id == IndicatorId::SdqMean) {
            c.denominator = c.count;
            c.value = c.count ? double(total) / double(c.count) : std::numeric_limits<double>::quiet_NaN();
        } else {
            share();
        }
        return c;
    }
    default:
        return c;
    }
}

IndicatorValue ReturnMeasures::valueAt(IndicatorId id, const QDate &d) const
{
    const Computed c = compute(id, d);
    IndicatorValue v;
    v.at = d;
    v.count = c.count;
    v.denominator = c.denominator;
    v.rate = c.value;
    return v;
}

QVector<qint64> ReturnMeasures::childrenCounted(IndicatorId id, const QDate &d) const
{
    const Computed c = compute(id, d);
    QVector<qint64> out(c.children.cbegin(), c.children.cend());
    std::sort(out.begin(), out.end());
    return out;
}

QVector<IndicatorInfo> ReturnMeasures::infos()
{
    using U = IndicatorUnit;
    using G = GoodDirection;
    // In IndicatorId order, after the placement mix. England's figure where the shipped
    // comparators have one: care leavers in education, employment or training (aged 19–21).
    return {
        {IndicatorId::MissingIncidents, "missing_incidents_fytd", QObject::tr("Missing incidents, year to date"), U::Count, G::Lower, QString(), 1},
        {IndicatorId::MissingChildren, "missing_children_fytd", QObject::tr("Children missing, year to date"), U::Count, G::Lower, QString(), 1},
        {IndicatorId::MissingChildrenPct, "missing_children_pct", QObject::tr("Children missing, share of those looked after in the year"), U::Share, G::Lower, QString(), 1},
        {IndicatorId::AwayIncidents, "away_incidents_fytd", QObject::tr("Away from placement without authorisation, year to date"), U::Count, G::Lower, QString(), 1},
        {IndicatorId::Reviews, "reviews_fytd", QObject::tr("Reviews held, year to date"), U::Count, G::Neither, QString(), 1},
        {IndicatorId::ReviewParticipation, "review_participation_pct", QObject::tr("Children taking part in their reviews"), U::Share, G::Higher, QString(), 1},
        {IndicatorId::ReviewsOnTime, "reviews_on_time_pct", QObject::tr("Children whose reviews were all on time"), U::Share, G::Higher, QString(), 1},
        {IndicatorId::CareLeaversInTouch, "care_leavers_in_touch_pct", QObject::tr("Care leavers in touch"), U::Share, G::Higher, QString(), 1},
        {IndicatorId::CareLeaversEet, "care_leavers_eet_pct", QObject::tr("Care leavers in education, employment or training"), U::Share, G::Higher, "care_leavers_19_21_eet_pct", 0.01},
        {IndicatorId::CareLeaversSuitableAccom, "care_leavers_suitable_accom_pct", QObject::tr("Care leavers in suitable accommodation"), U::Share, G::Higher, QString(), 1},
        {IndicatorId::Adoptions, "adoptions_fytd", QObject::tr("Adopted, year to date"), U::Count, G::Neither, QString(), 1},
        {IndicatorId::Sgo, "sgo_fytd", QObject::tr("Left care on a special guardianship order, year to date"), U::Count, G::Neither, QString(), 1},
        {IndicatorId::Cao, "cao_fytd", QObject::tr("Left care on a child arrangements order, year to date"), U::Count, G::Neither, QString(), 1},
        {IndicatorId::A1Days, "a1_days_3y", QObject::tr("A1: days from care to placement for adoption (3 years)"), U::Mean, G::Lower, QString(), 1},
        {IndicatorId::A2Days, "a2_days_3y", QObject::tr("A2: days from placement order to match (3 years)"), U::Mean, G::Lower, QString(), 1},
        {IndicatorId::SwChanges3Plus, "sw_changes_3plus_pct", QObject::tr("Three or more social workers in 12 months"), U::Share, G::Lower, QString(), 1},
        {IndicatorId::HealthAssessments, "health_assessments_pct", QObject::tr("Annual health assessment (looked after 12 months)"), U::Share, G::Higher, QString(), 1},
        {IndicatorId::DentalChecks, "dental_checks_pct", QObject::tr("Dental check (looked after 12 months)"), U::Share, G::Higher, QString(), 1},
        {IndicatorId::Immunisations, "immunisations_pct", QObject::tr("Immunisations up to date (looked after 12 months)"), U::Share, G::Higher, QString(), 1},
        {IndicatorId::SdqMean, "sdq_mean", QObject::tr("Mean SDQ score (looked after 12 months, aged 5-16)"), U::Mean, G::Lower, QString(), 1},
    };
}
