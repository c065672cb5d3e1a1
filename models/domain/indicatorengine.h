#pragma once
// The indicator engine: PRODUCT §4's definitions computed from the case data, as plain values
// that the command line prints, the charts draw and the scorecard shows. It loads the case data
// once, turns it into sorted start/end events per indicator (a "timeline" with running totals)
// and answers any date, or a whole series, from those timelines — never a query per point.
#include "core/codes.h"
#include "store/casestore.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>
#include <array>
#include <limits>
#include <memory>
#include <vector>

// One indicator at one date. `rate` is the indicator's value in its unit: per 10,000 under-18s
// for population rates (denominator = the population used), a share 0–1 for proportions
// (denominator = the children it is a share of), the count itself for counts. NaN when there is
// no denominator (no population row, nobody to take a share of).
struct IndicatorValue {
    QDate at;
    qint64 count = 0;
    qint64 denominator = 0;
    double rate = std::numeric_limits<double>::quiet_NaN();
    bool hasRate() const { return rate == rate; }
    double value() const { return rate; }
};

enum class IndicatorId {
    Cla,                      // children looked after at D, rate per 10,000
    ClaStarts,                // started to be looked after, financial year to D, rate per 10,000
    ClaCeased,                // ceased to be looked after, financial year to D, rate per 10,000
    Cp,                       // subject of a child protection plan at D, rate per 10,000
    Cin,                      // children in need at D, rate per 10,000
    Uasc,                     // unaccompanied asylum-seeking children looked after at D (count)
    ThreePlusPlacements,      // share of CLA with three or more placements in the 12 months to D
    LongTermStability,        // share of long-term CLA under 16 in the same placement 2+ years
    InHouseShareFostering,    // share of fostering (U1–U6, PR1–PR5) that is the authority's own
    ExternalShareFostering,   // its complement: PR2–PR5
    ExternalShareResidential, // share of residential (K1, K2, R1, S1; PR1–PR5) that is external
    RelativeFriendShareFostering, // share of foster placements with relatives or friends (U1–U3)
    OutOfArea,                // share of CLA placed outside the authority's postcode districts
    MixFoster,                // share of CLA in each DfE placement group (by collection year)
    MixAdoption,
    MixParents,
    MixSecureAndChildrensHomes,
    MixIndependentSupported,
    MixOtherResidential,
    MixResidentialSchools,
    MixOther,
    MixUnknown,
    // The rest of the 903 (PRODUCT §11; domain/returnmeasures.h computes them).
    MissingIncidents,         // missing_incidents_fytd (count)
    MissingChildren,          // missing_children_fytd (count)
    MissingChildrenPct,       // share of children looked after in the year who went missing
    AwayIncidents,            // away_incidents_fytd (count)
    Reviews,                  // reviews_fytd (count)
    ReviewParticipation,      // share of reviews (children 4 and over) the child took part in
    ReviewsOnTime,            // share of CLA (20 working days or more) whose reviews were all on time
    CareLeaversInTouch,       // care leavers aged 17-21 in the year: shares from OC3
    CareLeaversEet,
    CareLeaversSuitableAccom,
    Adoptions,                // exits in the financial year to D by route (counts)
    Sgo,
    Cao,
    A1Days,                   // mean days, over the 3 years to D
    A2Days,
    SwChanges3Plus,           // share of CLA with 3+ social workers in 12 months
    HealthAssessments,        // OC2: shares of children looked after 12 months at 31 March
    DentalChecks,
    Immunisations,
    SdqMean,                  // mean SDQ score
};
constexpr int indicatorIdCount = int(IndicatorId::SdqMean) + 1;

// Mean: a mean in the indicator's own unit (days, SDQ points); `count` is the children it is over.
enum class IndicatorUnit { RatePer10k, Share, Count, Mean };
enum class GoodDirection { Higher, Lower, Neither };

struct IndicatorInfo {
    IndicatorId id;
    QString key;             // series --indicator NAME, targets and commentary rows
    QString title;           // for people
    IndicatorUnit unit;
    GoodDirection good;
    QString benchmark;       // the benchmark table's indicator for comparators; empty if none
    double benchmarkScale;   // multiply a benchmark value by this to get this unit (percent -> share: 0.01)
};

namespace Indicators {
const QVector<IndicatorInfo> &all();
const IndicatorInfo &info(IndicatorId id);
// nullptr if no indicator has that key.
const IndicatorInfo *find(const QString &key);
IndicatorId mixIndicator(Codes::PlacementGroup group);
// Formats a value in its unit for display: "61.4" (per 10,000), "53.2%" (share), "34" (count).
QString format(const IndicatorInfo &info, double value);
} // namespace Indicators

// Every indicator at one date: what `careboard indicators` prints and the scorecard reads.
struct IndicatorSet {
    QDate at;
    QDate windowStart;              // starts and ceases count from here (1 April) to `at`
    qint64 population = 0;          // under-18s used for the rates (0: none)
    int collectionYear = 0;         // financial year of `at`: the code list the groups follow
    std::array<IndicatorValue, indicatorIdCount> values;
    const IndicatorValue &value(IndicatorId id) const { return values[size_t(id)]; }
    // Children looked after at `at` in each DfE placement group (index: Codes::PlacementGroup).
    std::array<qint64, Codes::placementGroupCount> mixCounts{};
};

// A child counted at a date (drill-down). Pseudonymous: the authority's reference, no name.
struct CountedChild {
    qint64 childId = 0;
    QString childRef;
    int age = -1;                   // whole years at the date; -1 if no date of birth
    QString legalStatus;            // LS of the episode in force (looked-after indicators)
    QString placement;              // PLACE of the episode in force
    QString provider;               // PLACE_PROVIDER
    QDate since;                    // start of the episode (or plan) in force
};

// A PLACE code not valid in the collection year of the date asked about (a data-quality finding).
struct UnknownPlacement {
    qint64 childId = 0;
    QString childRef;
    QString place;
    QDate episodeStart;
    int collectionYear = 0;
};

class Store;
class CinMeasureSet;
class ReturnMeasures;

class IndicatorEngine
{
public:
    explicit IndicatorEngine(Store &store);
    ~IndicatorEngine();
    // Re-reads the case data (after an import, or an edit of population or settings).
    void reload();

    // Population for D: the mid-year estimate for the latest 30 June on or before D (31 March
    // 2024 uses mid-2023, as the DfE does); else the latest earlier one. 0 if none.
    qint64 populationFor(const QDate &d) const;

    // One indicator at D.
    IndicatorValue valueAt(IndicatorId id, const QDate &d) const;
    // Every indicator at D.
    IndicatorSet allAt(const QDate &d) const;
    // One indicator at many dates (any order; ascending is the usual), one pass over the dates.
    QVector<IndicatorValue> series(IndicatorId id, const QVector<QDate> &dates) const;

    // Children looked after at D: distinct children with an episode open at D (start <= D and
    // (no end or end > D)), excluding legal statuses V3 and V4 (DfE national tables).
    IndicatorValue claAt(const QDate &d) const { return valueAt(IndicatorId::Cla, d); }
    QVector<IndicatorValue> claSeries(const QVector<QDate> &dates) const { return series(IndicatorId::Cla, dates); }
    // Starts and ceases in an explicit window [from, to] (distinct children), rate by `to`.
    IndicatorValue startsIn(const QDate &from, const QDate &to) const;
    IndicatorValue ceasedIn(const QDate &from, const QDate &to) const;

    // The children behind a count at D, ordered by reference: for Cla, Uasc, ThreePlusPlacements,
    // OutOfArea and the mix (those looked after at D), Cp and Cin (open at D), ClaStarts and
    // ClaCeased (in the financial year to D). Empty for other indicators.
    QVector<CountedChild> childrenCounted(IndicatorId id, const QDate &d) const;
    // Children ceased in the financial year to D by exit route (ExitRoutes::key), summing to
    // cla_ceased: (key, title, children) in the order PRODUCT §11 lists the routes.
    struct RouteCount { QString key, title; qint64 children; };
    QVector<RouteCount> ceasedByRoute(const QDate &d) const;
    // Children looked after at D whose PLACE is not valid in D's collection year.
    QVector<UnknownPlacement> unknownPlacements(const QDate &d) const;

    const QVector<EpisodeRow> &episodes() const { return m_episodes; }
    QDate dataEnd() const { return m_dataEnd; }
    // The CIN census's front-door and child-protection measures (PRODUCT §10), on the same
    // population, reloaded with the rest.
    const CinMeasureSet &cinMeasures() const { return *m_cinMeasures; }
    bool hasAuthorityDistricts() const { return !m_districts.isEmpty(); }

    // Month ends from the month of `from` to the month of `to`.
    static QVector<QDate> monthEnds(const QDate &from, const QDate &to);
    // Quarter ends (31 March, 30 June, 30 September, 31 December) in [from, to's quarter end].
    static QVector<QDate> quarterEnds(const QDate &from, const QDate &to);
    // 31 March of each financial year from the one containing `from` to the one containing `to`.
    static QVector<QDate> yearEnds(const QDate &from, const QDate &to);

    // +1/-1 events added up per day: one slot per day of the data's span (no sorting of
    // millions of events), and a list for the rare day outside it.
    struct DayDeltas {
        qint32 lo = 0;
        std::vector<qint32> delta;
        std::vector<quint8> touched;
        std::vector<std::pair<qint32, qint32>> outside;
        void init(qint32 from, qint32 to);
        void push_back(std::pair<qint32, qint32> e)
        {
            const quint64 i = quint64(qint64(e.first) - lo);
            if (i < delta.size()) {
                delta[i] += e.second;
                touched[i] = 1;
            } else {
                outside.push_back(e);
            }
        }
    };
    // Running total of +1/-1 events: the count at day D is the sum of deltas on days <= D.
    struct Timeline {
        std::vector<qint32> days;
        std::vector<qint32> totals;
        void build(DayDeltas &deltas);
        qint64 at(qint64 day) const;
    };

private:
    enum Channel {
        ClaTotal, UascOpen, FosterInHouse, FosterExternal, FosterRelative, FosterAll, ResidentialExternal,
        ResidentialAll, OutOfAreaOpen, CpOpen, CinOpen, ThreePlusOpen, StabilityBase, StabilityStable,
        StartFirstInYear, CeaseFirstInYear, ChannelCount
    };
    struct Segment {        // the episode in force for one child over [start, end)
        qint32 start;
        qint32 end;         // 0: open
        qint32 episode;     // index into m_episodes
    };
    void build();
    IndicatorValue withRate(const QDate &d, qint64 count) const;
    IndicatorValue share(const QDate &d, qint64 count, qint64 denominator) const;
    qint64 groupCount(Codes::PlacementGroup g, qint64 day, int collectionYear) const;
    IndicatorValue distinctIn(const std::vector<std::pair<qint32, qint32>> &points, const QDate &from, const QDate &to) const;
    QVector<CountedChild> describe(const QVector<QPair<qint64, qint32>> &childEpisodes, const QDate &d) const;

    Store &m_store;
    QVector<EpisodeRow> m_episodes;
    QVector<ChildRow> m_children;              // children with episodes, by child_id
    std::vector<qint32> m_episodeChild;        // index into m_children per episode
    std::vector<quint16> m_episodePlace;       // index into m_placeCodes per episode
    QStringList m_placeCodes;
    std::vector<Segment> m_segments;
    QVector<PeriodRow> m_cp, m_cin;
    QVector<QPair<int, qint64>> m_population;
    QStringList m_districts;
    QDate m_dataEnd;
    std::array<Timeline, ChannelCount> m_channels;
    std::vector<Timeline> m_byPlace;           // looked after at D, per PLACE code
    std::vector<std::pair<qint32, qint32>> m_startPoints, m_ceasePoints; // (day, child index), by day
    std::unique_ptr<CinMeasureSet> m_cinMeasures;
    std::unique_ptr<ReturnMeasures> m_returns;  // the rest of the 903
};
