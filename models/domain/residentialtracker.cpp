#include "domain/residentialtracker.h"

#include "core/codes.h"
#include "core/dates.h"
#include "domain/panelrules.h"
#include "store/casestore.h"
#include "store/panelstore.h"
#include "store/placementstore.h"
#include "store/store.h"

#include <QHash>
#include <algorithm>

namespace Tracker {

QString originName(Origin o)
{
    switch (o) {
    case Origin::Home: return QStringLiteral("Home");
    case Origin::Fostering: return QStringLiteral("Fostering");
    case Origin::Residential: return QStringLiteral("Residential");
    case Origin::Hospital: return QStringLiteral("Hospital");
    case Origin::Other: break;
    }
    return QStringLiteral("Other");
}

int ageBand(int age)
{
    return age <= 10 ? 0 : age <= 13 ? 1 : age <= 15 ? 2 : 3;
}

QString ageBandName(int band)
{
    static const char *const names[] = {"10 and under", "11–13", "14–15", "16 and over"};
    return QString::fromUtf8(names[std::clamp(band, 0, ageBandCount - 1)]);
}

namespace {

// The episodes of each child in DECOM order, to walk back from an episode to where its
// placement started and what came before.
struct Chains {
    QVector<EpisodeRow> rows;               // in (child, DECOM) order
    QHash<qint64, int> indexOfEpisode;

    explicit Chains(Store &store) : rows(CaseStore(store).episodes())
    {
        for (int i = 0; i < rows.size(); ++i)
            indexOfEpisode.insert(rows[i].episodeId, i);
    }

    // Index of the episode that started the placement episode `i` belongs to: walk back over
    // episodes that only changed legal status (RNE L) within the same child's unbroken chain.
    int placementStart(int i) const
    {
        while (i > 0 && !Codes::startsPlacement(QString::fromLatin1(rows[i].rne)) && rows[i - 1].childId == rows[i].childId
               && rows[i - 1].dec == rows[i].decom)
            --i;
        return i;
    }

    Origin origin(int start) const
    {
        const EpisodeRow &e = rows[start];
        if (QLatin1String(e.rne) == QLatin1String("S") || start == 0 || rows[start - 1].childId != e.childId)
            return Origin::Home;
        const QString place = QString::fromLatin1(rows[start - 1].place);
        if (place == QLatin1String("P1"))
            return Origin::Home;
        if (place.startsWith(QLatin1Char('U')))
            return Origin::Fostering;
        if (Codes::isResidential(place))
            return Origin::Residential;
        if (place == QLatin1String("R2") || place == QLatin1String("T1"))
            return Origin::Hospital;
        return Origin::Other;
    }
};

} // namespace

namespace {

QVector<ResidentialRow> residentialAt(Store &store, const Chains &chains, const QDate &d)
{
    QVector<ResidentialRow> out;
    for (const PlacementRecord &p : PlacementStore(store).openAt(d)) {
        if (!Codes::isResidential(p.place))
            continue;
        ResidentialRow r;
        r.childRef = p.childRef;
        r.age = Dates::ageAt(p.dob, d);
        r.ageBand = ageBand(r.age);
        r.legalStatus = p.ls;
        r.place = p.place;
        r.provision = p.isExternal() ? QStringLiteral("external") : QStringLiteral("in-house");
        r.provider = p.provider;
        r.placedOn = p.decom;
        const int i = chains.indexOfEpisode.value(p.episodeId, -1);
        if (i >= 0) {
            const int start = chains.placementStart(i);
            r.placedOn = QDate::fromJulianDay(chains.rows[start].decom);
            r.origin = chains.origin(start);
        }
        r.weeklyFee = p.weeklyFee;
        r.enhancements = p.additionalWeekly;
        out << r;
    }
    std::sort(out.begin(), out.end(), [](const ResidentialRow &a, const ResidentialRow &b) {
        return a.placedOn != b.placedOn ? a.placedOn < b.placedOn : a.childRef < b.childRef;
    });
    return out;
}

QVector<NewPlacementsYear> newResidentialPlacements(Store &store, const Chains &chains, int fromFy, int toFy)
{
    const QHash<qint64, QDate> dob = PanelStore(store).childBirthDates();
    QVector<NewPlacementsYear> out;
    for (int fy = fromFy; fy <= toFy; ++fy) {
        NewPlacementsYear y;
        y.financialYear = fy;
        out << y;
    }
    for (int i = 0; i < chains.rows.size(); ++i) {
        const EpisodeRow &e = chains.rows[i];
        if (!Codes::isResidential(QString::fromLatin1(e.place)) || Codes::isShortBreak(QString::fromLatin1(e.ls))
            || chains.placementStart(i) != i)
            continue;
        const QDate start = QDate::fromJulianDay(e.decom);
        const int fy = Dates::financialYear(start);
        if (fy < fromFy || fy > toFy)
            continue;
        NewPlacementsYear &y = out[fy - fromFy];
        y.total += 1;
        y.byOrigin[int(chains.origin(i))] += 1;
        y.byAgeBand[ageBand(Dates::ageAt(dob.value(e.childId), start))] += 1;
    }
    return out;
}

} // namespace

QVector<ResidentialRow> residentialAt(Store &store, const QDate &d)
{
    return residentialAt(store, Chains(store), d);
}

QVector<NewPlacementsYear> newResidentialPlacements(Store &store, int fromFy, int toFy)
{
    return newResidentialPlacements(store, Chains(store), fromFy, toFy);
}

ResidentialReport residentialReport(Store &store, const QDate &d, int fromFy, int toFy)
{
    const Chains chains(store); // every episode, read once for both parts
    return {residentialAt(store, chains, d), newResidentialPlacements(store, chains, fromFy, toFy)};
}

QVector<UnregulatedRow> unregulatedAt(Store &store, const QDate &d)
{
    const PanelSettings settings = PanelSettings::load(store);
    QVector<UnregulatedRow> out;
    for (const PlacementRecord &p : PlacementStore(store).openAt(d)) {
        if (p.regulated)
            continue;
        UnregulatedRow r;
        r.childRef = p.childRef;
        r.age = Dates::ageAt(p.dob, d);
        r.place = p.place;
        r.provision = p.isExternal() ? QStringLiteral("external") : QStringLiteral("in-house");
        r.provider = p.provider;
        r.placedOn = p.decom;
        r.dolsInForce = PanelRules::dolsInForce(p, d);
        r.dolsTo = p.dolsTo;
        r.weeklyCost = p.weeklyTotal();
        r.under16 = r.age >= 0 && r.age <= settings.unregulatedMaxAge;
        r.dols16to17 = r.dolsInForce && r.age >= settings.dolsMinAge && r.age <= settings.dolsMaxAge;
        out << r;
    }
    std::sort(out.begin(), out.end(), [](const UnregulatedRow &a, const UnregulatedRow &b) {
        return a.age != b.age ? a.age < b.age : a.childRef < b.childRef;
    });
    return out;
}

} // namespace Tracker
