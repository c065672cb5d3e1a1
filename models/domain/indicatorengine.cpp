#include "domain/indicatorengine.h"

#include "core/dates.h"
#include "domain/cinmeasures.h"
#include "domain/returnmeasures.h"
#include "store/store.h"

#include <QLocale>
#include <QSet>
#include <algorithm>
#include <cstring>

namespace {

constexpr qint32 kOpen = std::numeric_limits<qint32>::max();
using Interval = std::pair<qint32, qint32>; // [start, end), end kOpen while open

QDate dateOf(qint64 day)
{
    return QDate::fromJulianDay(day);
}

// The smallest day for which `pred` holds, searching from `guess` (pred is false, then true).
template<typename Pred>
qint32 firstDay(qint32 guess, Pred pred)
{
    while (!pred(guess))
        ++guess;
    while (pred(guess - 1))
        --guess;
    return guess;
}

using Deltas = IndicatorEngine::DayDeltas;

void addInterval(Deltas &events, qint32 start, qint32 end)
{
    if (end != kOpen && end <= start)
        return;
    events.push_back({start, +1});
    if (end != kOpen)
        events.push_back({end, -1});
}

// Sorted, non-overlapping, with touching intervals joined.
std::vector<Interval> unite(std::vector<Interval> v)
{
    std::sort(v.begin(), v.end());
    std::vector<Interval> out;
    for (const Interval &i : v) {
        if (i.second <= i.first)
            continue;
        if (!out.empty() && i.first <= out.back().second)
            out.back().second = std::max(out.back().second, i.second);
        else
            out.push_back(i);
    }
    return out;
}

std::vector<Interval> intersect(const std::vector<Interval> &a, const std::vector<Interval> &b)
{
    std::vector<Interval> out;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const qint32 s = std::max(a[i].first, b[j].first), e = std::min(a[i].second, b[j].second);
        if (s < e)
            out.push_back({s, e});
        if (a[i].second < b[j].second)
            ++i;
        else
            ++j;
    }
    return out;
}

bool codeIs(const char *code, std::initializer_list<const char *> list)
{
    for (const char *c : list)
        if (qstrcmp(code, c) == 0)
            return true;
    return false;
}

bool isShortBreak(const EpisodeRow &e)
{
    return codeIs(e.ls, {"V3", "V4"});
}

// DfE placement groups by collection year, with the display order of the mix.
constexpr Codes::PlacementGroup groupOrder[] = {
    Codes::PlacementGroup::Foster, Codes::PlacementGroup::Adoption, Codes::PlacementGroup::Parents,
    Codes::PlacementGroup::SecureAndChildrensHomes, Codes::PlacementGroup::IndependentSupported,
    Codes::PlacementGroup::OtherResidential, Codes::PlacementGroup::ResidentialSchools, Codes::PlacementGroup::Other,
    Codes::PlacementGroup::Unknown};

} // namespace

// ---------------------------------------------------------------------------------------------
// The catalogue

namespace Indicators {

const QVector<IndicatorInfo> &all()
{
    using U = IndicatorUnit;
    using G = GoodDirection;
    static const QVector<IndicatorInfo> list = [] {
        QVector<IndicatorInfo> l = {
            {IndicatorId::Cla, "cla", QObject::tr("Children looked after (per 10,000)"), U::RatePer10k, G::Neither, "cla_31mar_rate_latest_release", 1},
            {IndicatorId::ClaStarts, "cla_starts", QObject::tr("Started to be looked after, year to date (per 10,000)"), U::RatePer10k, G::Neither, "cla_started_in_year_rate", 1},
            {IndicatorId::ClaCeased, "cla_ceased", QObject::tr("Ceased to be looked after, year to date (per 10,000)"), U::RatePer10k, G::Neither, "cla_ceased_in_year_rate", 1},
            {IndicatorId::Cp, "cp", QObject::tr("Child protection plans (per 10,000)"), U::RatePer10k, G::Neither, "cp_31mar_rate_computed", 1},
            {IndicatorId::Cin, "cin", QObject::tr("Children in need (per 10,000)"), U::RatePer10k, G::Neither, "cin_31mar_rate_computed", 1},
            {IndicatorId::Uasc, "uasc", QObject::tr("Unaccompanied asylum-seeking children looked after"), U::Count, G::Neither, QString(), 1},
            {IndicatorId::ThreePlusPlacements, "three_plus_placements", QObject::tr("Three or more placements in 12 months"), U::Share, G::Lower, "cla_3plus_placements_in_year_pct", 0.01},
            {IndicatorId::LongTermStability, "long_term_stability", QObject::tr("Long-term placement stability (under 16s)"), U::Share, G::Higher, "cla_u16_2_5yrs_same_carer_2yrs_pct", 0.01},
            {IndicatorId::InHouseShareFostering, "in_house_share_fostering", QObject::tr("Fostering with in-house carers"), U::Share, G::Higher, QString(), 1},
            {IndicatorId::ExternalShareFostering, "external_share_fostering", QObject::tr("Fostering with external providers"), U::Share, G::Lower, QString(), 1},
            {IndicatorId::ExternalShareResidential, "external_share_residential", QObject::tr("Residential care with external providers"), U::Share, G::Lower, QString(), 1},
            {IndicatorId::RelativeFriendShareFostering, "relative_friend_share_fostering", QObject::tr("Fostering with relatives or friends"), U::Share, G::Neither, QString(), 1},
            {IndicatorId::OutOfArea, "out_of_area", QObject::tr("Placed outside the authority's area"), U::Share, G::Lower, QString(), 1},
        };
        for (const Codes::PlacementGroup g : groupOrder)
            l.push_back({mixIndicator(g), "mix_" + Codes::groupKey(g), QObject::tr("Placement: %1").arg(Codes::groupName(g)),
                         U::Share, g == Codes::PlacementGroup::Foster ? G::Higher : G::Neither,
                         Codes::groupBenchmarkIndicator(g), 0.01});
        l += ReturnMeasures::infos();
        return l;
    }();
    return list;
}

const IndicatorInfo &info(IndicatorId id)
{
    return all().at(int(id));
}

const IndicatorInfo *find(const QString &key)
{
    for (const IndicatorInfo &i : all())
        if (i.key == key)
            return &i;
    return nullptr;
}

IndicatorId mixIndicator(Codes::PlacementGroup group)
{
    return IndicatorId(int(IndicatorId::MixFoster) + int(group));
}

QString format(const IndicatorInfo &info, double value)
{
    if (value != value)
        return QStringLiteral("–");
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    switch (info.unit) {
    case IndicatorUnit::RatePer10k: return uk.toString(value, 'f', 1);
    case IndicatorUnit::Share: return uk.toString(value * 100.0, 'f', 1) + QLatin1Char('%');
    case IndicatorUnit::Count: return uk.toString(qint64(std::llround(value)));
    case IndicatorUnit::Mean: return uk.toString(value, 'f', 1);
    }
    return {};
}

} // namespace Indicators

// ---------------------------------------------------------------------------------------------

void IndicatorEngine::DayDeltas::init(qint32 from, qint32 to)
{
    lo = from;
    const size_t span = to >= from ? size_t(qint64(to) - from + 1) : 0;
    delta.assign(span, 0);
    touched.assign(span, 0);
    outside.clear();
}

void IndicatorEngine::Timeline::build(DayDeltas &deltas)
{
    days.clear();
    totals.clear();
    std::sort(deltas.outside.begin(), deltas.outside.end());
    qint32 running = 0;
    // A day with events is kept even if they cancel out.
    const auto add = [this, &running](qint32 day, qint32 d) {
        running += d;
        if (!days.empty() && days.back() == day)
            totals.back() = running;
        else {
            days.push_back(day);
            totals.push_back(running);
        }
    };
    size_t j = 0;
    const std::vector<std::pair<qint32, qint32>> &outside = deltas.outside;
    for (size_t i = 0; i < deltas.delta.size(); ++i) {
        if (!deltas.touched[i])
            continue;
        const qint32 day = qint32(deltas.lo + qint64(i));
        for (; j < outside.size() && outside[j].first < day; ++j)
            add(outside[j].first, outside[j].second);
        add(day, deltas.delta[i]);
    }
    for (; j < outside.size(); ++j)
        add(outside[j].first, outside[j].second);
    std::vector<qint32>().swap(deltas.delta);
    std::vector<quint8>().swap(deltas.touched);
    std::vector<std::pair<qint32, qint32>>().swap(deltas.outside);
}

qint64 IndicatorEngine::Timeline::at(qint64 day) const
{
    const auto it = std::upper_bound(days.cbegin(), days.cend(), day);
    return it == days.cbegin() ? 0 : totals[size_t(it - days.cbegin() - 1)];
}

IndicatorEngine::IndicatorEngine(Store &store) : m_store(store)
{
    reload();
}

IndicatorEngine::~IndicatorEngine() = default;

void IndicatorEngine::reload()
{
    CaseStore cases(m_store);
    m_episodes = cases.episodes();
    m_children = cases.lookedAfterChildren();
    m_cp = cases.cpPlans();
    m_cin = cases.cinEpisodes();
    m_population = cases.population();
    m_districts = cases.authorityDistricts();
    m_dataEnd = cases.dataEnd();
    build();
    m_cinMeasures = std::make_unique<CinMeasureSet>(m_store, [this](const QDate &d) { return populationFor(d); });
    if (!m_returns)
        m_returns = std::make_unique<ReturnMeasures>();
    m_returns->load(m_store, m_episodes, m_children);
}

void IndicatorEngine::build()
{
    // The days the events fall on: the data's span, and the few years after its last date that
    // derived days reach (12 months of placements, 2½ years of stability). Anything outside
    // (a stray date) goes to each channel's short list instead.
    qint32 lo = std::numeric_limits<qint32>::max(), hi = std::numeric_limits<qint32>::min();
    const auto span = [&lo, &hi](qint64 day) {
        if (day > 0) {
            lo = std::min(lo, qint32(day));
            hi = std::max(hi, qint32(day));
        }
    };
    for (const EpisodeRow &e : std::as_const(m_episodes)) {
        span(e.decom);
        span(e.dec);
    }
    for (const QVector<PeriodRow> *rows : {&m_cp, &m_cin})
        for (const PeriodRow &r : *rows) {
            span(r.start);
            span(r.end);
        }
    if (lo > hi || qint64(hi) - lo > 100000)
        lo = hi = 0; // no data, or dates centuries apart: every event on the short lists
    else
        hi += 4 * 366;
    std::array<Deltas, ChannelCount> events;
    for (Deltas &d : events)
        d.init(lo, hi);
    m_segments.clear();
    m_startPoints.clear();
    m_ceasePoints.clear();

    // Episode -> child index (both sorted by child_id) and PLACE code interned.
    m_episodeChild.assign(size_t(m_episodes.size()), -1);
    m_episodePlace.assign(size_t(m_episodes.size()), 0);
    m_placeCodes.clear();
    using PlaceCode = std::array<char, sizeof(EpisodeRow::place)>;
    std::vector<PlaceCode> codeTable; // a few dozen codes: a linear search beats hashing
    {
        qsizetype c = 0;
        for (qsizetype i = 0; i < m_episodes.size(); ++i) {
            const EpisodeRow &e = m_episodes[i];
            while (c < m_children.size() && m_children[c].childId < e.childId)
                ++c;
            if (c < m_children.size() && m_children[c].childId == e.childId)
                m_episodeChild[size_t(i)] = qint32(c);
            size_t k = 0;
            while (k < codeTable.size() && std::memcmp(codeTable[k].data(), e.place, sizeof e.place) != 0)
                ++k;
            if (k == codeTable.size()) {
                PlaceCode code;
                std::memcpy(code.data(), e.place, sizeof e.place);
                codeTable.push_back(code);
                m_placeCodes << QString::fromLatin1(e.place);
            }
            m_episodePlace[size_t(i)] = quint16(k);
        }
    }
    std::vector<Deltas> placeEvents(size_t(m_placeCodes.size()));
    for (Deltas &d : placeEvents)
        d.init(lo, hi);
    struct CodeFlags {
        bool foster, relative, residential, adoption;
    };
    std::vector<CodeFlags> flags;
    for (const QString &place : std::as_const(m_placeCodes))
        flags.push_back({place.startsWith(QLatin1Char('U')), Codes::isFosterWithRelativeOrFriend(place),
                         Codes::isResidential(place), place.startsWith(QLatin1Char('A'))});
    std::vector<QByteArray> districts;
    for (const QString &d : std::as_const(m_districts))
        districts.push_back(d.toLatin1());
    const auto outOfArea = [&districts](const EpisodeRow &e) {
        if (!e.plPost[0] || districts.empty())
            return false;
        for (const QByteArray &d : districts)
            if (qstrcmp(e.plPost, d.constData()) == 0)
                return false;
        return true;
    };

    std::vector<qint32> eligible;
    std::vector<Segment> segs;
    for (qsizetype first = 0; first < m_episodes.size();) {
        qsizetype last = first;
        while (last < m_episodes.size() && m_episodes[last].childId == m_episodes[first].childId)
            ++last;
        const qint32 child = m_episodeChild[size_t(first)];
        // Episodes that count: not short breaks, with a start and an end not before it.
        eligible.clear();
        for (qsizetype i = first; i < last; ++i) {
            const EpisodeRow &e = m_episodes[i];
            if (!isShortBreak(e) && e.decom > 0 && (e.dec == 0 || e.dec >= e.decom))
                eligible.push_back(qint32(i));
        }
        first = last;
        if (eligible.empty() || child < 0)
            continue;
        const ChildRow &kid = m_children[child];

        // Starts (RNE S) and ceases (REC not X1), first in each financial year per child.
        {
            int lastFy = std::numeric_limits<int>::min();
            for (const qint32 i : eligible) {
                const EpisodeRow &e = m_episodes[i];
                if (qstrcmp(e.rne, "S") != 0)
                    continue;
                m_startPoints.push_back({qint32(e.decom), i});
                const int fy = Dates::financialYear(dateOf(e.decom));
                if (fy != lastFy)
                    events[StartFirstInYear].push_back({qint32(e.decom), +1});
                lastFy = fy;
            }
            std::vector<std::pair<qint32, qint32>> ceases;
            for (const qint32 i : eligible) {
                const EpisodeRow &e = m_episodes[i];
                if (e.dec != 0 && qstrcmp(e.rec, "X1") != 0)
                    ceases.push_back({qint32(e.dec), i});
            }
            std::sort(ceases.begin(), ceases.end());
            lastFy = std::numeric_limits<int>::min();
            for (const auto &p : ceases) {
                m_ceasePoints.push_back(p);
                const int fy = Dates::financialYear(dateOf(p.first));
                if (fy != lastFy)
                    events[CeaseFirstInYear].push_back({p.first, +1});
                lastFy = fy;
            }
        }

        // The episode in force: the latest-started open episode. Usually episodes follow one
        // another (an X1 chain); if a return overlaps, resolve it day by day at the boundaries.
        segs.clear();
        bool overlap = false;
        for (size_t k = 0; k + 1 < eligible.size(); ++k) {
            const EpisodeRow &e = m_episodes[eligible[k]];
            if (e.dec == 0 || e.dec > m_episodes[eligible[k + 1]].decom)
                overlap = true;
        }
        if (!overlap) {
            for (const qint32 i : eligible) {
                const EpisodeRow &e = m_episodes[i];
                if (e.dec != e.decom)
                    segs.push_back({qint32(e.decom), e.dec ? qint32(e.dec) : kOpen, i});
            }
        } else {
            std::vector<qint32> points;
            for (const qint32 i : eligible) {
                points.push_back(qint32(m_episodes[i].decom));
                if (m_episodes[i].dec)
                    points.push_back(qint32(m_episodes[i].dec));
            }
            std::sort(points.begin(), points.end());
            points.erase(std::unique(points.begin(), points.end()), points.end());
            for (size_t p = 0; p < points.size(); ++p) {
                const qint32 day = points[p], next = p + 1 < points.size() ? points[p + 1] : kOpen;
                qint32 inForce = -1;
                for (const qint32 i : eligible) {
                    const EpisodeRow &e = m_episodes[i];
                    if (e.decom <= day && (e.dec == 0 || e.dec > day))
                        inForce = i; // eligible is in DECOM order: the last match started latest
                }
                if (inForce < 0)
                    continue;
                if (!segs.empty() && segs.back().episode == inForce && segs.back().end == day)
                    segs.back().end = next;
                else
                    segs.push_back({day, next, inForce});
            }
        }
        if (segs.empty())
            continue;

        std::vector<Interval> lookedAfter;
        for (const Segment &s : segs) {
            m_segments.push_back(s);
            const EpisodeRow &e = m_episodes[s.episode];
            const quint16 code = m_episodePlace[size_t(s.episode)];
            addInterval(events[ClaTotal], s.start, s.end);
            addInterval(placeEvents[code], s.start, s.end);
            if (kid.uasc)
                addInterval(events[UascOpen], s.start, kid.uascCeased ? std::min<qint32>(s.end, qint32(kid.uascCeased)) : s.end);
            // PLACE_PROVIDER: PR1 in-house, PR2-PR5 external, PR0 (parents) neither; compared whole.
            const bool inHouse = qstrcmp(e.provider, "PR1") == 0;
            const bool external = codeIs(e.provider, {"PR2", "PR3", "PR4", "PR5"});
            const CodeFlags &f = flags[code];
            if (f.foster && (inHouse || external)) {
                addInterval(events[FosterAll], s.start, s.end);
                addInterval(events[inHouse ? FosterInHouse : FosterExternal], s.start, s.end);
                if (f.relative)
                    addInterval(events[FosterRelative], s.start, s.end);
            }
            if (f.residential && (inHouse || external)) {
                addInterval(events[ResidentialAll], s.start, s.end);
                if (external)
                    addInterval(events[ResidentialExternal], s.start, s.end);
            }
            if (outOfArea(e))
                addInterval(events[OutOfAreaOpen], s.start, s.end);
            if (!lookedAfter.empty() && lookedAfter.back().second == s.start)
                lookedAfter.back().second = s.end;
            else
                lookedAfter.push_back({s.start, s.end});
        }

        // Placements: a new one starts with an episode whose RNE is S, P, T, U or B (an L episode
        // continues the placement), or after a gap in care.
        std::vector<Interval> placements;
        for (size_t k = 0; k < segs.size(); ++k) {
            const Segment &s = segs[k];
            const EpisodeRow &e = m_episodes[s.episode];
            const bool begins = qint32(e.decom) == s.start;
            const bool contiguous = k > 0 && segs[k - 1].end == s.start;
            // RNE S, P, T, U or B (Codes::startsPlacement), whole, without building a string per episode.
            const bool newPlacement = codeIs(e.rne, {"S", "P", "T", "U", "B"});
            if (!contiguous || (begins && newPlacement))
                placements.push_back({s.start, s.end});
            else
                placements.back().second = s.end;
        }

        // Three or more placements in the 12 months to D: placements k and k+2 both touch the
        // window [D - 1 year + 1 day, D]: D >= start of k+2 and the window opens before k ends.
        std::vector<Interval> unstable;
        for (size_t k = 0; k + 2 < placements.size(); ++k) {
            const qint32 endK = placements[k].second;
            const qint32 until = firstDay(qint32(dateOf(endK).addYears(1).toJulianDay()) - 1, [endK](qint32 d) {
                return dateOf(d).addYears(-1).addDays(1).toJulianDay() >= endK;
            });
            unstable.push_back({placements[k + 2].first, until});
        }
        if (!unstable.empty())
            for (const Interval &i : intersect(unite(unstable), lookedAfter))
                addInterval(events[ThreePlusOpen], i.first, i.second);

        // Long-term stability (DfE): under 16 at D, looked after for 2½ years or more, and in the
        // same placement for 2 years or more, or placed for adoption (A3–A6).
        if (kid.dob > 0) {
            const qint32 dob = qint32(kid.dob);
            const qint32 sixteen = firstDay(qint32(dateOf(dob).addYears(16).toJulianDay()), [dob](qint32 d) {
                return Dates::ageAt(dateOf(dob), dateOf(d)) >= 16;
            });
            std::vector<Interval> base;
            for (const Interval &la : lookedAfter) {
                const qint32 from = firstDay(qint32(dateOf(la.first).addMonths(30).toJulianDay()), [&la](qint32 d) {
                    return dateOf(d).addMonths(-30).toJulianDay() >= la.first;
                });
                const qint32 to = std::min(la.second, sixteen);
                if (from < to)
                    base.push_back({from, to});
            }
            if (!base.empty()) {
                for (const Interval &b : base)
                    addInterval(events[StabilityBase], b.first, b.second);
                std::vector<Interval> stable;
                for (const Interval &p : placements) {
                    const qint32 from = firstDay(qint32(dateOf(p.first).addYears(2).toJulianDay()), [&p](qint32 d) {
                        return dateOf(d).addYears(-2).toJulianDay() >= p.first;
                    });
                    if (from < p.second)
                        stable.push_back({from, p.second});
                }
                for (const Segment &s : segs)
                    if (flags[m_episodePlace[size_t(s.episode)]].adoption)
                        stable.push_back({s.start, s.end});
                for (const Interval &i : intersect(unite(stable), base))
                    addInterval(events[StabilityStable], i.first, i.second);
            }
        }
    }
    std::sort(m_startPoints.begin(), m_startPoints.end());
    std::sort(m_ceasePoints.begin(), m_ceasePoints.end());

    // Child protection plans and children in need: distinct children with one open at D.
    const auto periods = [](const QVector<PeriodRow> &rows, Deltas &out) {
        qint64 child = -1;
        Interval cur{0, 0};
        bool have = false;
        for (const PeriodRow &r : rows) {
            if (r.start == 0 || (r.end && r.end < r.start))
                continue;
            const qint32 s = qint32(r.start), e = r.end ? qint32(r.end) : kOpen;
            if (have && r.childId == child && s <= cur.second) {
                cur.second = std::max(cur.second, e);
                continue;
            }
            if (have)
                addInterval(out, cur.first, cur.second);
            child = r.childId;
            cur = {s, e};
            have = true;
        }
        if (have)
            addInterval(out, cur.first, cur.second);
    };
    periods(m_cp, events[CpOpen]);
    periods(m_cin, events[CinOpen]);

    for (int c = 0; c < ChannelCount; ++c)
        m_channels[size_t(c)].build(events[size_t(c)]);
    m_byPlace.assign(placeEvents.size(), Timeline());
    for (size_t c = 0; c < placeEvents.size(); ++c)
        m_byPlace[c].build(placeEvents[c]);
    m_segments.shrink_to_fit();
}

qint64 IndicatorEngine::populationFor(const QDate &d) const
{
    // The latest 30 June on or before D.
    const int midYear = (d.month() > 6 || (d.month() == 6 && d.day() == 30)) ? d.year() : d.year() - 1;
    qint64 best = 0;
    for (const auto &[year, count] : m_population)
        if (year <= midYear)
            best = count;
    return best;
}

IndicatorValue IndicatorEngine::withRate(const QDate &d, qint64 count) const
{
    IndicatorValue v;
    v.at = d;
    v.count = count;
    v.denominator = populationFor(d);
    if (v.denominator > 0)
        v.rate = double(count) / double(v.denominator) * 10000.0;
    return v;
}

IndicatorValue IndicatorEngine::share(const QDate &d, qint64 count, qint64 denominator) const
{
    IndicatorValue v;
    v.at = d;
    v.count = count;
    v.denominator = denominator;
    if (denominator > 0)
        v.rate = double(count) / double(denominator);
    return v;
}

qint64 IndicatorEngine::groupCount(Codes::PlacementGroup g, qint64 day, int collectionYear) const
{
    qint64 n = 0;
    for (size_t c = 0; c < m_byPlace.size(); ++c)
        if (Codes::placementGroup(m_placeCodes[int(c)], collectionYear) == g)
            n += m_byPlace[c].at(day);
    return n;
}

IndicatorValue IndicatorEngine::valueAt(IndicatorId id, const QDate &d) const
{
    const qint64 day = d.toJulianDay();
    const auto ch = [&](Channel c) { return m_channels[size_t(c)].at(day); };
    const qint64 yearStart = Dates::financialYearStart(Dates::financialYear(d)).toJulianDay();
    if (ReturnMeasures::covers(id))
        return m_returns->valueAt(id, d);
    switch (id) {
    case IndicatorId::Cla: return withRate(d, ch(ClaTotal));
    case IndicatorId::ClaStarts: return withRate(d, ch(StartFirstInYear) - m_channels[StartFirstInYear].at(yearStart - 1));
    case IndicatorId::ClaCeased: return withRate(d, ch(CeaseFirstInYear) - m_channels[CeaseFirstInYear].at(yearStart - 1));
    case IndicatorId::Cp: return withRate(d, ch(CpOpen));
    case IndicatorId::Cin: return withRate(d, ch(CinOpen));
    case IndicatorId::Uasc: {
        IndicatorValue v;
        v.at = d;
        v.count = ch(UascOpen);
        v.rate = double(v.count);
        return v;
    }
    case IndicatorId::ThreePlusPlacements: return share(d, ch(ThreePlusOpen), ch(ClaTotal));
    case IndicatorId::LongTermStability: return share(d, ch(StabilityStable), ch(StabilityBase));
    case IndicatorId::InHouseShareFostering: return share(d, ch(FosterInHouse), ch(FosterAll));
    case IndicatorId::ExternalShareFostering: return share(d, ch(FosterExternal), ch(FosterAll));
    case IndicatorId::ExternalShareResidential: return share(d, ch(ResidentialExternal), ch(ResidentialAll));
    case IndicatorId::RelativeFriendShareFostering: return share(d, ch(FosterRelative), ch(FosterAll));
    case IndicatorId::OutOfArea: return share(d, ch(OutOfAreaOpen), m_districts.isEmpty() ? 0 : ch(ClaTotal));
    default: break;
    }
    const auto group = Codes::PlacementGroup(int(id) - int(IndicatorId::MixFoster));
    return share(d, groupCount(group, day, Dates::financialYear(d)), ch(ClaTotal));
}

IndicatorSet IndicatorEngine::allAt(const QDate &d) const
{
    IndicatorSet s;
    s.at = d;
    s.windowStart = Dates::financialYearStart(Dates::financialYear(d));
    s.population = populationFor(d);
    s.collectionYear = Dates::financialYear(d);
    for (int i = 0; i < int(s.values.size()); ++i)
        s.values[size_t(i)] = valueAt(IndicatorId(i), d);
    for (int g = 0; g < Codes::placementGroupCount; ++g)
        s.mixCounts[size_t(g)] = s.values[size_t(int(IndicatorId::MixFoster) + g)].count;
    return s;
}

QVector<IndicatorValue> IndicatorEngine::series(IndicatorId id, const QVector<QDate> &dates) const
{
    QVector<IndicatorValue> out;
    out.reserve(dates.size());
    for (const QDate &d : dates)
        out.push_back(valueAt(id, d));
    return out;
}

IndicatorValue IndicatorEngine::distinctIn(const std::vector<std::pair<qint32, qint32>> &points, const QDate &from,
                                           const QDate &to) const
{
    const qint32 a = qint32(from.toJulianDay()), b = qint32(to.toJulianDay());
    auto it = std::lower_bound(points.cbegin(), points.cend(), std::make_pair(a, std::numeric_limits<qint32>::min()));
    QSet<qint32> children;
    for (; it != points.cend() && it->first <= b; ++it)
        children.insert(m_episodeChild[size_t(it->second)]);
    return withRate(to, children.size());
}

IndicatorValue IndicatorEngine::startsIn(const QDate &from, const QDate &to) const
{
    return distinctIn(m_startPoints, from, to);
}

IndicatorValue IndicatorEngine::ceasedIn(const QDate &from, const QDate &to) const
{
    return distinctIn(m_ceasePoints, from, to);
}

QVector<CountedChild> IndicatorEngine::describe(const QVector<QPair<qint64, qint32>> &childEpisodes, const QDate &d) const
{
    QVector<qint64> ids;
    ids.reserve(childEpisodes.size());
    for (const auto &ce : childEpisodes)
        ids << ce.first;
    const QVector<ChildDetail> details = CaseStore(m_store).childDetails(ids);
    QVector<CountedChild> out;
    out.reserve(childEpisodes.size());
    for (qsizetype i = 0; i < childEpisodes.size(); ++i) {
        CountedChild c;
        c.childId = childEpisodes[i].first;
        c.childRef = details.value(i).childRef;
        c.age = Dates::ageAt(details.value(i).dob, d);
        const qint32 ep = childEpisodes[i].second;
        if (ep >= 0) {
            const EpisodeRow &e = m_episodes[ep];
            c.legalStatus = QString::fromLatin1(e.ls);
            c.placement = QString::fromLatin1(e.place);
            c.provider = QString::fromLatin1(e.provider);
            c.since = dateOf(e.decom);
        }
        out << c;
    }
    std::sort(out.begin(), out.end(), [](const CountedChild &a, const CountedChild &b) { return a.childRef < b.childRef; });
    return out;
}

QVector<CountedChild> IndicatorEngine::childrenCounted(IndicatorId id, const QDate &d) const
{
    const qint32 day = qint32(d.toJulianDay());
    QVector<QPair<qint64, qint32>> picked; // (child_id, episode in force or -1)
    const int year = Dates::financialYear(d);
    const QSet<QString> districts(m_districts.cbegin(), m_districts.cend());
    if (ReturnMeasures::covers(id)) {
        // The episode in force at D, else the child's latest before it.
        const QVector<qint64> ids = m_returns->childrenCounted(id, d);
        for (const qint64 child : ids) {
            qint32 episode = -1;
            for (qint32 i = 0; i < m_episodes.size(); ++i)
                if (m_episodes[i].childId == child && m_episodes[i].decom <= day)
                    episode = i;
            picked.push_back({child, episode});
        }
        return describe(picked, d);
    }
    const bool mix = int(id) >= int(IndicatorId::MixFoster) && int(id) <= int(IndicatorId::MixUnknown);
    if (id == IndicatorId::Cla || id == IndicatorId::Uasc || id == IndicatorId::OutOfArea || mix) {
        for (const Segment &s : m_segments) {
            if (s.start > day || s.end <= day)
                continue;
            const EpisodeRow &e = m_episodes[s.episode];
            const ChildRow &kid = m_children[m_episodeChild[size_t(s.episode)]];
            if (id == IndicatorId::Uasc && !(kid.uasc && (kid.uascCeased == 0 || kid.uascCeased > day)))
                continue;
            if (id == IndicatorId::OutOfArea && !(e.plPost[0] && !districts.isEmpty() && !districts.contains(QString::fromLatin1(e.plPost))))
                continue;
            if (mix && Codes::placementGroup(QString::fromLatin1(e.place), year) != Codes::PlacementGroup(int(id) - int(IndicatorId::MixFoster)))
                continue;
            picked.push_back({e.childId, s.episode});
        }
    } else if (id == IndicatorId::Cp || id == IndicatorId::Cin) {
        qint64 last = -1;
        for (const PeriodRow &r : id == IndicatorId::Cp ? m_cp : m_cin)
            if (r.start && r.start <= day && (r.end == 0 || r.end > day) && r.childId != last) {
                picked.push_back({r.childId, -1});
                last = r.childId;
            }
    } else if (id == IndicatorId::ClaStarts || id == IndicatorId::ClaCeased) {
        const auto &points = id == IndicatorId::ClaStarts ? m_startPoints : m_ceasePoints;
        const qint32 from = qint32(Dates::financialYearStart(year).toJulianDay());
        QSet<qint32> seen;
        for (auto it = std::lower_bound(points.cbegin(), points.cend(), std::make_pair(from, std::numeric_limits<qint32>::min()));
             it != points.cend() && it->first <= day; ++it) {
            const qint32 child = m_episodeChild[size_t(it->second)];
            if (!seen.contains(child)) {
                seen.insert(child);
                picked.push_back({m_children[child].childId, it->second});
            }
        }
    }
    QVector<CountedChild> out = describe(picked, d);
    if (id == IndicatorId::Cp || id == IndicatorId::Cin) {
        // The plan (or CIN episode) open at D, for the "since" column.
        for (CountedChild &c : out)
            for (const PeriodRow &r : id == IndicatorId::Cp ? m_cp : m_cin)
                if (r.childId == c.childId && r.start <= day && (r.end == 0 || r.end > day))
                    c.since = dateOf(r.start);
    }
    return out;
}

QVector<IndicatorEngine::RouteCount> IndicatorEngine::ceasedByRoute(const QDate &d) const
{
    const auto counts = m_returns->ceasedByRoute(d);
    QVector<RouteCount> out;
    for (int r = 0; r < exitRouteCount; ++r)
        out.push_back({ExitRoutes::key(ExitRoute(r)), ExitRoutes::title(ExitRoute(r)), counts[size_t(r)]});
    return out;
}

QVector<UnknownPlacement> IndicatorEngine::unknownPlacements(const QDate &d) const
{
    const qint32 day = qint32(d.toJulianDay());
    const int year = Dates::financialYear(d);
    QVector<qint64> ids;
    QVector<UnknownPlacement> out;
    for (const Segment &s : m_segments) {
        if (s.start > day || s.end <= day)
            continue;
        const QString place = m_placeCodes[m_episodePlace[size_t(s.episode)]];
        if (Codes::placementGroup(place, year) != Codes::PlacementGroup::Unknown)
            continue;
        const EpisodeRow &e = m_episodes[s.episode];
        out.push_back({e.childId, QString(), place, dateOf(e.decom), year});
        ids << e.childId;
    }
    const QVector<ChildDetail> details = CaseStore(m_store).childDetails(ids);
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i].childRef = details.value(i).childRef;
    return out;
}

QVector<QDate> IndicatorEngine::monthEnds(const QDate &from, const QDate &to)
{
    QVector<QDate> out;
    for (QDate m(from.year(), from.month(), 1); m <= to; m = m.addMonths(1))
        out << Dates::monthEnd(m.year(), m.month());
    return out;
}

QVector<QDate> IndicatorEngine::quarterEnds(const QDate &from, const QDate &to)
{
    QVector<QDate> out;
    for (QDate q = Dates::quarterEnd(from); q <= Dates::quarterEnd(to); q = Dates::quarterEnd(q.addDays(1)))
        out << q;
    return out;
}

QVector<QDate> IndicatorEngine::yearEnds(const QDate &from, const QDate &to)
{
    QVector<QDate> out;
    for (int fy = Dates::financialYear(from); fy <= Dates::financialYear(to); ++fy)
        out << Dates::financialYearEnd(fy);
    return out;
}
