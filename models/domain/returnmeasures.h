#pragma once
// The measures of the rest of the 903 (PRODUCT §11; the exact rules in docs/MEASURES.md):
// missing and away, reviews and participation, reviews on time, care leavers, exits by route,
// adoption timeliness (A1, A2), changes of social worker and the OC2 health figures. The
// indicator engine asks this class for every IndicatorId after the placement mix; it loads the
// return's tables once and answers a date from plain rows (a few thousand children: no timelines).
#include "domain/indicatorengine.h"
#include "store/returnstore.h"

#include "core/workingdays.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QVector>

#include <vector>

class Store;

// Where children who ceased to be looked after went: PRODUCT §11's REC groups.
enum class ExitRoute {
    Adoption, SpecialGuardianship, ChildArrangements, ReturnedHome, IndependentLiving, AdultCare, Custody,
    RemandEnded, AgeAssessed18, MovedAbroad, StayedWithCarers18, Died, OtherLa, Other
};
constexpr int exitRouteCount = int(ExitRoute::Other) + 1;

namespace ExitRoutes {
// The route of a REC code: E11/E12 adoption, E43–E48 special guardianship, ... E8 and any
// other code (or none) "other".
ExitRoute of(const QString &rec);
// "adoption", "special_guardianship", ... as `indicators` prints them.
QString key(ExitRoute route);
QString title(ExitRoute route);
} // namespace ExitRoutes

// Working days (Mon–Fri but bank holidays): core/workingdays.h, shared with the CIN census.

class ReturnMeasures
{
public:
    // Loads the return's tables; `episodes` and `children` are the engine's (sorted by child_id).
    void load(Store &store, const QVector<EpisodeRow> &episodes, const QVector<ChildRow> &children);

    static bool covers(IndicatorId id) { return int(id) > int(IndicatorId::MixUnknown); }
    static QVector<IndicatorInfo> infos();

    IndicatorValue valueAt(IndicatorId id, const QDate &d) const;
    // The children a value at D counts (its numerator), by child_id.
    QVector<qint64> childrenCounted(IndicatorId id, const QDate &d) const;
    // Distinct children ceased in the financial year to D by route (sums to cla_ceased).
    std::array<qint64, exitRouteCount> ceasedByRoute(const QDate &d) const;

    // The period of care containing episode `episode` (an index into the episodes): the first
    // DECOM of its chain of episodes, each starting on the previous one's DEC.
    qint32 periodStart(qint32 episode) const;

private:
    struct Computed {
        qint64 count = 0, denominator = 0;
        double value = std::numeric_limits<double>::quiet_NaN();
        QSet<qint64> children;
    };
    Computed compute(IndicatorId id, const QDate &d) const;
    QSet<qint64> lookedAfterAt(qint32 day) const;
    QSet<qint64> lookedAfterDuring(qint32 from, qint32 to) const;
    // child_id -> (route, DEC) of the later exit in [from, to].
    QHash<qint64, ExitRoute> exits(qint32 from, qint32 to) const;
    bool reviewsOnTime(qint64 childId, qint32 start, qint32 day) const;

    const QVector<EpisodeRow> *m_episodes = nullptr;
    QHash<qint64, qint32> m_dob;                          // child_id -> DOB (Julian day), from the engine's children
    QHash<qint64, std::vector<qint32>> m_childEpisodes;   // child_id -> eligible episodes (not V3/V4), by DECOM
    QHash<qint64, std::vector<qint32>> m_reviewDays;      // child_id -> review dates, ascending
    QVector<ReviewRow> m_reviews;       // distinct (child, date)
    QVector<MissingRow> m_missing;      // distinct (child, M/A, start)
    QVector<Oc2Row> m_oc2;
    QVector<Oc3Row> m_oc3;              // the latest imported per child
    QHash<qint64, qint32> m_dateMatch;  // AD1: the latest DATE_MATCH per child
    QVector<SwEpisodeRow> m_sw;
};
