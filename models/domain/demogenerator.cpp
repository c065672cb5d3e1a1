#include "domain/demogenerator.h"
#include "domain/demoreturns.h"

#include "core/dates.h"
#include "core/rng.h"
#include "domain/democensus.h"
#include "store/demostore.h"
#include "store/referencedata.h"
#include "store/store.h"

#include <QHash>
#include <algorithm>
#include <array>
#include <cstring>
#include <queue>

namespace DemoGenerator {

namespace {

const char *const authorityDistricts[] = {"NF1", "NF2", "NF3", "NF4", "NF5", "NF6", "NF7", "NF8", "NF9", "NF10", "NF11", "NF12"};
const char *const otherDistricts[] = {"B12", "B33", "WV4", "DY1", "HR2", "GL1", "SY3", "CV6", "ST4", "TF2", "LE5", "NN3"};
const char *const ethnicities[] = {"WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MOTH", "AOTH", "BAFR", "BCRB", "APKN", "WROM"};

// Seed 000, Dec 2017: average weekly unit cost per category (£). Fees grow 4% a year.
struct CategoryCost {
    const char *name;
    double pounds2017;
    double sd;
};
const CategoryCost categoryCosts[] = {
    {"Agency Residential", 3546, 650},  {"Secure Units", 6200, 600},
    {"In-house Residential", 2748, 300}, {"Independent Fostering Agency", 792, 90},
    {"In-house Fostering", 476, 60},    {"Kinship Fostering", 389, 50},
    {"External Supported Living", 858, 160}, {"Internal Supported Living", 244, 40},
    {"Placed with parents", 0, 0},      {"Other", 420, 80},
};

const CategoryCost &costFor(const QString &category)
{
    for (const CategoryCost &c : categoryCosts)
        if (category == QLatin1String(c.name))
            return c;
    return categoryCosts[9];
}

const char *const providerStems[] = {"Oakfield", "Riverside", "Meadowbank", "Hillcrest", "Beacon", "Willow", "Ashgrove",
                                     "Brookvale", "Harbour", "Kingsway", "Larkspur", "Millstone", "Northgate", "Orchard",
                                     "Pinewood", "Quarry Hill", "Redwood", "Stonebridge", "Thornbury", "Valley"};

enum ProviderKind { FosteringAgency, ResidentialHome, SupportedLiving, SecureHome, School, InHouseFostering,
                    InHouseHome, InHouseSupported, ProviderKinds };

struct Generator {
    DemoOptions o;
    Rng rng;
    DemoData d;
    double scale;
    QVector<int> providersOfKind[ProviderKinds];
    QHash<quint32, int> categoryOf; // PLACE and PLACE_PROVIDER packed -> index into d.costCategories

    // ReferenceData::defaultCategory, asked once for each PLACE and PLACE_PROVIDER pair.
    int categoryIndex(const char *place, const char *provider)
    {
        const quint32 key = quint32(uchar(place[0])) << 24 | quint32(uchar(place[1])) << 16
                          | quint32(uchar(provider[1])) << 8 | quint32(uchar(provider[2]));
        const auto it = categoryOf.constFind(key);
        if (it != categoryOf.cend())
            return it.value();
        const QString name = ReferenceData::defaultCategory(QString::fromLatin1(place), QString::fromLatin1(provider));
        int index = int(d.costCategories.indexOf(name));
        if (index < 0) {
            index = int(d.costCategories.size());
            d.costCategories << name;
        }
        categoryOf.insert(key, index);
        return index;
    }

    explicit Generator(const DemoOptions &options)
        : o(options), rng(options.seed), scale(std::max(1, options.children) / 800.0) {}

    QDate dateBetween(const QDate &a, const QDate &b)
    {
        const qint64 span = std::max<qint64>(0, a.daysTo(b));
        return a.addDays(qint64(rng.uniform() * double(span + 1)));
    }

    void makeProviders()
    {
        const struct { ProviderKind kind; const char *suffix; int count; double inadequate; } kinds[] = {
            {FosteringAgency, " Fostering Ltd", 14, 0.0}, {ResidentialHome, " Children's Homes Ltd", 20, 0.12},
            {SupportedLiving, " Supported Living", 12, 0.05}, {SecureHome, " Secure Children's Home", 3, 0.0},
            {School, " Residential School", 4, 0.0}, {InHouseFostering, nullptr, 1, 0.0},
            {InHouseHome, nullptr, 3, 0.0}, {InHouseSupported, nullptr, 2, 0.0},
        };
        const char *const inHouseNames[] = {"Norfield Fostering Service", "Elm House (Norfield)", "Ash Lodge (Norfield)",
                                            "Birch View (Norfield)", "Norfield Supported Lodgings", "Norfield Young People's Flats"};
        int inHouse = 0;
        for (const auto &k : kinds) {
            const int count = k.suffix ? std::max(k.count, int(k.count * std::sqrt(scale))) : k.count;
            for (int i = 0; i < count; ++i) {
                DemoData::Provider p;
                if (k.suffix) {
                    p.name = QByteArray(providerStems[(i * 7 + int(k.kind) * 3) % 20]) + k.suffix;
                    if (i >= 20)
                        p.name += ' ' + QByteArray::number(i / 20 + 1);
                } else {
                    p.name = inHouseNames[inHouse++];
                }
                const double u = rng.uniform();
                p.rating = u < k.inadequate ? "Inadequate" : u < k.inadequate + 0.18 ? "Requires improvement"
                         : u < 0.82 ? "Good" : "Outstanding";
                p.ratedOn = dateBetween(QDate(o.toYear - 3, 4, 1), QDate(o.toYear, 2, 28));
                providersOfKind[k.kind] << d.providers.size();
                d.providers << p;
            }
        }
    }

    int pickProvider(ProviderKind kind)
    {
        const QVector<int> &list = providersOfKind[kind];
        return list.at(rng.range(0, list.size() - 1));
    }

    // Share of mainstream fostering that is in-house, falling over time (seed 000: external
    // fostering 51% Dec 16 -> 53% Dec 17).
    double inHouseFosterShare(const QDate &date) const
    {
        return std::max(0.35, 0.50 - 0.012 * (date.year() - o.fromYear));
    }

    struct Placement {
        const char *place;
        const char *provider;
    };

    Placement choosePlacement(int age, const QDate &date, bool uasc)
    {
        const bool supportedIsK3 = Dates::financialYear(date) >= 2024;
        const char *supported = supportedIsK3 ? "K3" : "H5";
        static const char *const kinship[] = {"U1", "U3", "U3"};
        static const char *const mainstream[] = {"U4", "U6", "U6", "U5"};
        std::array<double, 8> w; // kinship, mainstream, residential, school, secure, supported, parents, mother&baby
        if (uasc)
            w = {0, 40, 2, 0, 0, 58, 0, 0};
        else if (age <= 4)
            w = {18, 74, 0, 0, 0, 0, 5, 3};
        else if (age <= 11)
            w = {18, 72, 4, 0.5, 0, 0, 5.5, 0};
        else if (age <= 15)
            w = {12, 60, 17, 2, 0.6, 2.5, 4, 0};
        else
            w = {8, 45, 15, 1, 0.4, 28, 2.5, 0};
        switch (rng.pick(w)) {
        case 0: return {kinship[rng.range(0, 2)], "PR1"};
        case 1: return {mainstream[rng.range(0, 3)], rng.chance(inHouseFosterShare(date)) ? "PR1" : (rng.chance(0.9) ? "PR4" : "PR5")};
        case 2: return {"K2", rng.chance(0.27) ? "PR1" : (rng.chance(0.93) ? "PR4" : "PR5")};
        case 3: return {"S1", rng.chance(0.5) ? "PR4" : "PR5"};
        case 4: return {"K1", "PR3"};
        case 5: return {rng.chance(0.08) && !supportedIsK3 ? "P2" : supported, rng.chance(0.4) ? "PR1" : "PR4"};
        case 6: return {"P1", "PR0"};
        default: return {"R3", "PR4"};
        }
    }

    void describePlacement(DemoData::Episode &e, int age, const QDate &dob)
    {
        const QByteArrayView place(e.place);
        const QByteArrayView provider(e.provider);
        const bool external = provider != "PR1" && provider != "PR0";
        e.homePost = authorityDistricts[rng.range(0, 11)];
        e.plPost = external && rng.chance(0.4) ? otherDistricts[rng.range(0, 11)] : authorityDistricts[rng.range(0, 11)];
        if (place == "P1" || place.startsWith('A'))
            return;
        e.hasPlacement = true;
        e.category = categoryIndex(e.place, e.provider);
        const QString &category = d.costCategories.at(e.category);
        ProviderKind kind = InHouseFostering;
        if (place.startsWith('U'))
            kind = external ? FosteringAgency : InHouseFostering;
        else if (place == "K2" || place == "R3")
            kind = external ? ResidentialHome : InHouseHome;
        else if (place == "K1")
            kind = SecureHome;
        else if (place == "S1")
            kind = School;
        else
            kind = external ? SupportedLiving : InHouseSupported;
        e.providerIndex = pickProvider(kind);
        e.funding = !external ? "in-house"
                  : rng.chance(kind == ResidentialHome ? 0.4 : kind == FosteringAgency ? 0.7 : 0.5) ? "framework" : "spot";
        e.regulated = !(place == "H5" || place == "P2");
        e.desiredTypeAchieved = !(external && rng.chance(0.1));
        const CategoryCost &cost = costFor(category);
        const double growth = std::pow(1.04, (e.decom.toJulianDay() - QDate(2017, 12, 31).toJulianDay()) / 365.25);
        double pounds = std::max(0.0, rng.normal(cost.pounds2017, cost.sd)) * growth;
        if (e.funding == QByteArrayView("spot"))
            pounds *= 1.08;
        // A few very high-cost packages, as in seed 001 §77 (£18,800 a week).
        if (category == QLatin1String("Agency Residential") && rng.chance(0.05))
            pounds = rng.range(9001, 19000);
        e.feePence = qint64(std::lround(pounds)) * 100;
        if (external && (kind == ResidentialHome || kind == SupportedLiving) && rng.chance(0.22))
            e.additionalPence = qint64(rng.range(15, 250)) * 1000;
        if (age >= 16 && (kind == ResidentialHome || kind == SupportedLiving) && rng.chance(0.04)) {
            e.dolsFrom = e.decom.addDays(rng.range(0, 60));
            e.dolsTo = e.dolsFrom.addDays(rng.range(90, 365));
        }
        if (external)
            e.plannedEnd = std::min(dob.addYears(18), e.decom.addDays(rng.range(180, 1100)));
    }

    const char *finalReason(int age, bool reached18, bool adopted, const char *place, bool uasc)
    {
        if (adopted)
            return rng.chance(0.9) ? "E11" : "E12";
        if (reached18) {
            if (place[0] == 'U' && rng.chance(0.35))
                return "E17";
            return rng.chance(0.45) ? "E5" : (rng.chance(0.5) ? "E6" : "E8");
        }
        if (uasc && rng.chance(0.2))
            return "E15";
        static const std::array<double, 9> w = {38, 6, 14, 6, 5, 10, 12, 4, 5};
        static const char *const codes[] = {"E4A", "E4B", "E45", "E46", "E41", "E13", "E8", "E3", "E16"};
        const char *r = codes[rng.pick(w)];
        if (age >= 16 && rng.chance(0.3))
            r = "E5";
        return r;
    }

    // One child's time in care: a chain of episodes joined by X1, from `start` until they leave.
    void simulateCareer(const QDate &start, bool includeIfEndedBefore)
    {
        const bool uasc = rng.chance(0.055);
        static const std::array<double, 6> ageBands = {19, 14, 17, 22, 16, 12}; // <1, 1-4, 5-9, 10-13, 14-15, 16-17
        static const int bandLo[] = {0, 1, 5, 10, 14, 16}, bandHi[] = {0, 4, 9, 13, 15, 17};
        const int band = uasc ? 5 : rng.pick(ageBands);
        const int age = uasc ? rng.range(15, 17) : rng.range(bandLo[band], bandHi[band]);
        const QDate dob = start.addYears(-age).addDays(-rng.range(0, 364));
        const QDate turns18 = dob.addYears(18);
        // Duration: a mix of short stays, medium ones and long-term care (mean ≈ 2.4 years).
        double years;
        const double u = rng.uniform();
        if (u < 0.32)
            years = rng.exponential(0.3);
        else if (u < 0.78)
            years = rng.exponential(2.2);
        else
            years = 20;
        const bool adoption = age <= 3 && !uasc && rng.chance(0.4);
        QDate leave = start.addDays(qint64(years * 365.25) + 1);
        if (adoption)
            leave = start.addDays(rng.range(420, 900));
        const bool reached18 = leave >= turns18;
        if (reached18)
            leave = turns18;
        if (!includeIfEndedBefore && leave <= d.start)
            return;

        const int childIndex = d.children.size();
        DemoData::Child c;
        c.sex = uasc ? (rng.chance(0.92) ? 1 : 2) : (rng.chance(0.55) ? 1 : 2);
        c.dob = dob;
        c.ethnic = uasc ? "AOTH" : ethnicities[rng.range(0, 13)];
        c.uasc = uasc;
        d.children << c;

        QDate t = start;
        const char *rne = "S";
        const char *ls = uasc ? "V2" : (rng.chance(0.45) ? "C1" : rng.chance(0.5) ? "V2" : (rng.chance(0.9) ? "C2" : "L2"));
        Placement pl = choosePlacement(age, t, uasc);
        QDate legalChange = (QByteArrayView(ls) == "C1" || QByteArrayView(ls) == "L2") ? t.addDays(rng.range(20, 270)) : QDate();
        // domain/demoreturns moves this later (A1 near England's ~450 days) and adds the placement
        // order before it, without touching this random sequence.
        QDate adoptionPlacement = adoption ? start.addDays(rng.range(240, 400)) : QDate();
        const char *reason = nullptr;
        for (int guard = 0; guard < 60; ++guard) {
            const int ageNow = Dates::ageAt(dob, t);
            DemoData::Episode e;
            e.child = childIndex;
            e.decom = t;
            e.rne = rne;
            e.ls = ls;
            e.cin = uasc ? "N8" : (rng.chance(0.6) ? "N1" : (rng.chance(0.5) ? "N4" : "N5"));
            e.place = pl.place;
            e.provider = pl.provider;
            e.reasonPlaceChange = reason;
            describePlacement(e, ageNow, dob);
            // Next change: a move, a change of legal status, or placement for adoption.
            const double moveRate = pl.place[0] == 'K' ? 1.4 : (pl.place[0] == 'H' || pl.place[1] == '3') ? 1.1 : 0.8;
            QDate next = t.addDays(qint64(rng.exponential(365.25 / moveRate)) + 1);
            enum { Move, Legal, Adopt } what = Move;
            if (legalChange.isValid() && legalChange < next) {
                next = legalChange;
                what = Legal;
            }
            if (adoptionPlacement.isValid() && adoptionPlacement < next) {
                next = adoptionPlacement;
                what = Adopt;
            }
            if (next <= t)
                next = t.addDays(1);
            const QDate stop = std::min(leave, d.end.addDays(1));
            if (next >= stop) {
                if (leave <= d.end) {
                    e.dec = leave;
                    e.rec = finalReason(ageNow, reached18, adoption, pl.place, uasc);
                }
                d.episodes << e;
                break;
            }
            e.dec = next;
            e.rec = "X1";
            d.episodes << e;
            t = next;
            if (what == Legal) {
                ls = QByteArrayView(ls) == "L2" ? "C1" : "C2";
                legalChange = QByteArrayView(ls) == "C1" ? t.addDays(rng.range(60, 270)) : QDate();
                rne = "L";
                reason = nullptr;
            } else if (what == Adopt) {
                adoptionPlacement = QDate();
                ls = "E1";
                pl = {rng.chance(0.5) ? "A4" : "A6", "PR1"};
                rne = "T";
                reason = "CARPL";
            } else {
                const Placement old = pl;
                if (adoption && !adoptionPlacement.isValid())
                    pl = {old.place[1] == '4' ? "A3" : "A5", "PR1"};
                else
                    pl = choosePlacement(Dates::ageAt(dob, t), t, uasc);
                const bool sameCarer = qstrcmp(pl.place, old.place) == 0 && rng.chance(0.2);
                rne = sameCarer ? "T" : (rng.chance(0.1) && legalChange.isValid() ? "B" : "P");
                if (QByteArrayView(rne) == "B") {
                    ls = "C2";
                    legalChange = QDate();
                }
                static const std::array<double, 8> rw = {40, 12, 10, 8, 6, 8, 10, 6};
                static const char *const reasons[] = {"CARPL", "CREQB", "CREQO", "CHILD", "LAREQ", "STAND", "OTHER", "CLOSE"};
                reason = reasons[rng.pick(rw)];
            }
        }
    }

    // Disabled children's agreed series of short breaks (legal status V3): many short episodes,
    // none of which counts as looked after.
    void simulateShortBreaks(const QDate &start)
    {
        const int childIndex = d.children.size();
        DemoData::Child c;
        c.sex = rng.chance(0.6) ? 1 : 2;
        c.dob = start.addYears(-rng.range(6, 14)).addDays(-rng.range(0, 364));
        c.ethnic = ethnicities[rng.range(0, 13)];
        d.children << c;
        const QDate until = std::min(start.addDays(rng.range(365, 1100)), c.dob.addYears(18));
        for (QDate t = start; t < until && t <= d.end; t = t.addDays(rng.range(21, 45))) {
            DemoData::Episode e;
            e.child = childIndex;
            e.decom = t;
            e.rne = "S";
            e.ls = "V3";
            e.cin = "N2";
            e.place = "K2";
            e.provider = "PR1";
            e.homePost = authorityDistricts[rng.range(0, 11)];
            e.plPost = authorityDistricts[0];
            const QDate end = t.addDays(rng.range(2, 4));
            if (end <= d.end) {
                e.dec = end;
                e.rec = "E13";
            }
            d.episodes << e;
        }
    }

    // Plans (CP) or episodes (CIN) with a stock of `per10k` at any time and a mean length in years.
    // A share `repeat` of them is for a child whose earlier plan or episode closed (re-referrals,
    // repeat plans), at least `gapDays` before the new one starts, so that a child's episodes
    // never overlap; the rest are for a new child.
    void simulatePlans(QVector<DemoData::Plan> &out, double per10k, double meanYears, bool cp, double repeat, int gapDays)
    {
        static const char *const cpCategories[] = {"NEG", "NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"};
        static const char *const needs[] = {"N1", "N1", "N1", "N2", "N3", "N4", "N4", "N5", "N6", "N7", "N8"};
        const double population = 120000.0 * scale;
        const double startsPerDay = per10k * population / 10000.0 / (meanYears * 365.25);
        const QDate from = d.start.addYears(-3);
        // Children whose plan is open, by the day it closes; then those free for another.
        using Closing = std::pair<qint64, int>;
        std::priority_queue<Closing, std::vector<Closing>, std::greater<Closing>> open;
        std::vector<int> closed;
        for (QDate month = from; month <= d.end; month = month.addMonths(1)) {
            const qint64 freeBefore = month.toJulianDay() - gapDays;
            while (!open.empty() && open.top().first < freeBefore) {
                closed.push_back(open.top().second);
                open.pop();
            }
            const int n = rng.poisson(startsPerDay * month.daysInMonth());
            for (int i = 0; i < n; ++i) {
                const QDate s = month.addDays(rng.range(0, month.daysInMonth() - 1));
                if (s > d.end)
                    continue;
                QDate e = s.addDays(qint64(rng.exponential(meanYears * 365.25)) + 1);
                if (e <= d.start)
                    continue;
                int childIndex = -1;
                if (!closed.empty() && rng.chance(repeat)) {
                    const size_t k = size_t(rng.range(0, int(closed.size()) - 1));
                    const int candidate = closed[k];
                    closed[k] = closed.back();
                    closed.pop_back();
                    if (d.children[candidate].dob.addYears(18) > s.addDays(30))
                        childIndex = candidate; // else: grown up, never referred again
                }
                if (childIndex < 0) {
                    childIndex = d.children.size();
                    DemoData::Child c;
                    c.sex = rng.chance(0.52) ? 1 : 2;
                    c.dob = s.addYears(-rng.range(0, 16)).addDays(-rng.range(0, 364));
                    c.ethnic = ethnicities[rng.range(0, 13)];
                    d.children << c;
                }
                const QDate adult = d.children[childIndex].dob.addYears(18);
                if (e > adult)
                    e = adult;
                out << DemoData::Plan{childIndex, s, e > d.end ? QDate() : e,
                                      cp ? cpCategories[rng.range(0, 7)] : needs[rng.range(0, 10)]};
                if (e <= d.end)
                    open.push({e.toJulianDay(), childIndex});
            }
        }
    }

    // Fee and additionalities in force on `date`: the latest change on or before it, else the first fee.
    QPair<qint64, qint64> feesOn(int episode, const QDate &date) const
    {
        QPair<qint64, qint64> fees{d.episodes[episode].feePence, d.episodes[episode].additionalPence};
        QDate latest;
        for (const DemoData::FeeChange &f : d.feeChanges)
            if (f.episode == episode && f.from <= date && (!latest.isValid() || f.from > latest)) {
                latest = f.from;
                fees = {f.feePence, f.additionalPence};
            }
        return fees;
    }

    qint64 feeOn(int episode, const QDate &date) const
    {
        const auto fees = feesOn(episode, date);
        return fees.first + fees.second;
    }

    // A placement has one fee row a day (placement_fees is unique on placement and date).
    bool feeRowOn(int episode, const QDate &date) const
    {
        if (d.episodes[episode].decom == date)
            return true;
        for (const DemoData::FeeChange &f : d.feeChanges)
            if (f.episode == episode && f.from == date)
                return true;
        return false;
    }

    // The fee row of a change of weekly cost (fee plus additionalities) from `oldPence` to
    // `newPence`: a reduction comes off the additionalities first (seed 001 §78), then the fee.
    void addCostChange(int episode, const QDate &from, qint64 newPence, const char *reason)
    {
        const qint64 old = feeOn(episode, from.addDays(-1));
        qint64 additional = feesOn(episode, from.addDays(-1)).second;
        const qint64 cut = old - newPence;
        const qint64 offExtras = std::clamp<qint64>(cut, 0, additional);
        additional -= offExtras;
        d.feeChanges << DemoData::FeeChange{episode, from, std::max<qint64>(0, newPence - additional), additional, reason};
    }

    void makePanel()
    {
        // Fortnightly meetings over the last quarter (seed 001 §72), chairs alternating.
        QVector<int> external;
        for (int i = 0; i < d.episodes.size(); ++i) {
            const auto &e = d.episodes[i];
            if (e.hasPlacement && qstrcmp(e.provider, "PR1") != 0 && !e.dec.isValid())
                external << i;
        }
        const QDate last = d.end.addDays(-((d.end.dayOfWeek() + 4) % 7)); // a Wednesday
        static const char *const outcomes[] = {"continue", "continue", "continue", "reduce cost", "step down", "seek alternative"};
        static const char *const owners[] = {"Social worker", "Team manager", "Commissioning Hub", "IRO"};
        // Every external placement comes back every 26 weeks (PanelSettings::reviewIntervalWeeks),
        // so each fortnightly panel of the last half-year reviewed about one in thirteen of them:
        // a placement is reviewed at the meeting its turn falls on, once it had started. The next
        // meeting's agenda is then the flagged children and those whose turn has come round.
        constexpr int meetings = 13;
        for (int m = meetings; m >= 0; --m) {
            const QDate date = last.addDays(-14 * m);
            d.meetings << DemoData::Meeting{date, m % 2 ? "Director of Through Care" : "Head of Quality Assurance and IRO Service"};
        }
        // (The last meeting, the next one, has an agenda only, no decisions yet.)
        for (int k = 0; k < external.size(); ++k) {
            const int ep = external[k];
            int meeting = rng.range(0, meetings - 1); // its turn: one of the meetings held
            // Placed since: its first review is at the first panel after it began (none held yet:
            // due at the next one).
            while (meeting < meetings && d.episodes[ep].decom >= d.meetings[meeting].date)
                ++meeting;
            if (meeting == meetings)
                continue;
            const QDate date = d.meetings[meeting].date;
            DemoData::Decision dec;
            dec.meeting = meeting;
            dec.episode = ep;
            dec.decidedOn = date;
            dec.outcome = outcomes[rng.range(0, 5)];
            dec.oldPence = feeOn(ep, date);
            dec.nextReview = date.addDays(7 * (rng.chance(0.2) ? 12 : 26));
            dec.actions = QByteArray(owners[rng.range(0, 3)]) + ": review care plan and costs before next panel";
            if (QByteArrayView(dec.outcome) == "reduce cost" && dec.oldPence > 0) {
                const qint64 cut = std::max<qint64>(5000, (dec.oldPence * rng.range(5, 25) / 100) / 100 * 100);
                if (feeRowOn(ep, date.addDays(7))) {
                    dec.outcome = "continue"; // one change a day for a placement
                } else {
                    dec.newPence = std::max<qint64>(0, dec.oldPence - cut);
                    dec.newFrom = date.addDays(7);
                    addCostChange(ep, dec.newFrom, dec.newPence, "Panel: reduced staffing ratio");
                }
            }
            d.decisions << dec;
        }
        // Placements forum negotiations over the current financial year (seed 001 §76).
        const QDate fyStart = Dates::financialYearStart(Dates::financialYear(d.end));
        const int forum = std::min<int>(external.size(), 8 + int(4 * scale));
        for (int k = 0; k < forum; ++k) {
            const int ep = external[rng.range(0, external.size() - 1)];
            const QDate date = dateBetween(std::max(fyStart, d.episodes[ep].decom), d.end);
            DemoData::Decision dec;
            dec.meeting = -1;
            dec.episode = ep;
            dec.decidedOn = date;
            dec.outcome = "reduce cost";
            dec.oldPence = feeOn(ep, date);
            if (dec.oldPence <= 10000 || feeRowOn(ep, date))
                continue;
            dec.newPence = dec.oldPence - std::max<qint64>(2000, dec.oldPence * rng.range(3, 12) / 100 / 100 * 100);
            dec.newFrom = date;
            dec.nextReview = date.addDays(7 * 26);
            dec.notes = "Negotiated with provider: removed 2:1 staffing for settling-in period";
            addCostChange(ep, dec.newFrom, dec.newPence, "Placements forum: negotiated reduction");
            d.decisions << dec;
        }
        // Forum reductions dated before a panel meeting were generated after it: the cost the
        // panel saw is the one in force that day.
        for (DemoData::Decision &dec : d.decisions)
            if (!dec.newPence)
                dec.oldPence = feeOn(dec.episode, dec.decidedOn);
    }

    // Seed 001 §75/§83: the panel and the weekly unregulated report follow 16-17 year olds subject
    // to a DoLS order in unregulated provision. Chance alone rarely leaves one open at the data end,
    // so the demo gives the first such candidate (in episode order) an order in force then. No
    // random draws: nothing else in the demo moves.
    void ensureDolsInUnregulated()
    {
        int candidate = -1;
        for (int i = 0; i < d.episodes.size(); ++i) {
            const auto &e = d.episodes[i];
            if (!e.hasPlacement || e.regulated || qstrcmp(e.provider, "PR1") == 0 || qstrcmp(e.provider, "PR0") == 0
                || e.decom > d.end || (e.dec.isValid() && e.dec <= d.end) || Codes_isShortBreak(e.ls))
                continue;
            const int age = Dates::ageAt(d.children[e.child].dob, d.end);
            if (age < 16 || age > 17)
                continue;
            if (e.dolsFrom.isValid() && e.dolsFrom <= d.end && (!e.dolsTo.isValid() || e.dolsTo >= d.end))
                return;
            if (candidate < 0)
                candidate = i;
        }
        if (candidate < 0)
            return;
        auto &e = d.episodes[candidate];
        e.dolsFrom = std::max(e.decom, d.end.addDays(-120));
        e.dolsTo = d.end.addDays(90);
    }

    void makeBudgets()
    {
        for (int fy = o.fromYear; fy < o.toYear; ++fy) {
            const QDate at = Dates::financialYearStart(fy);
            std::vector<QPair<int, qint64>> byCategory(size_t(d.costCategories.size()), qMakePair(0, qint64(0)));
            for (const auto &e : d.episodes) {
                if (!e.hasPlacement || e.decom > at || (e.dec.isValid() && e.dec <= at) || Codes_isShortBreak(e.ls))
                    continue;
                auto &slot = byCategory[size_t(e.category)];
                slot.first += 1;
                slot.second += e.feePence + e.additionalPence;
            }
            for (size_t c = 0; c < byCategory.size(); ++c) {
                if (!byCategory[c].first)
                    continue;
                const double number = std::round(byCategory[c].first * 0.95);
                const qint64 unit = byCategory[c].second / byCategory[c].first / 100 * 100;
                d.budgets << DemoData::Budget{fy, d.costCategories.at(int(c)), number, qint64(unit * 0.97) / 100 * 100};
            }
        }
        std::sort(d.budgets.begin(), d.budgets.end(), [](const DemoData::Budget &a, const DemoData::Budget &b) {
            return a.financialYear != b.financialYear ? a.financialYear < b.financialYear : a.category < b.category;
        });
    }

    static bool Codes_isShortBreak(const char *ls) { return ls[0] == 'V' && (ls[1] == '3' || ls[1] == '4'); }

    void run()
    {
        d.authorityName = QStringLiteral("Norfield (demo authority)");
        for (const char *p : authorityDistricts)
            d.postcodeDistricts << QString::fromLatin1(p);
        d.start = QDate(o.fromYear, 4, 1);
        d.end = QDate(o.toYear, 3, 31);
        makeProviders();
        // Room for the rows a year of this authority makes (seed 1 at 800: 17.0k episodes,
        // 4.5k CP plans, 45k CIN episodes over ten years), so the vectors are not copied as they grow.
        const double years = std::max(1, o.toYear - o.fromYear) / 10.0;
        d.episodes.reserve(qsizetype(22 * std::max(1, o.children) * years) + 64);
        d.cpPlans.reserve(qsizetype(10 * std::max(1, o.children) * years) + 64);
        d.cinEpisodes.reserve(qsizetype(62 * std::max(1, o.children) * years) + 64);
        d.children.reserve(qsizetype(40 * std::max(1, o.children) * years) + 64);
        for (int y = o.fromYear - 1; y <= o.toYear; ++y)
            d.population << qMakePair(y, int(std::lround(120000.0 * scale * (1.0 + 0.004 * (y - 2014)))));
        // Starts run from well before the first year so that the stock on 1 April is realistic;
        // the rate of starts per 10,000 rises over the decade (≈ 26.5 -> 29.5).
        for (QDate month = d.start.addYears(-14); month <= d.end; month = month.addMonths(1)) {
            const double yearsIn = std::max(0.0, (month.toJulianDay() - d.start.toJulianDay()) / 365.25);
            const double per10k = 26.5 + 0.3 * yearsIn;
            const double expected = per10k * 12.0 * scale * month.daysInMonth() / 365.25;
            const int n = rng.poisson(expected);
            for (int i = 0; i < n; ++i)
                simulateCareer(month.addDays(rng.range(0, month.daysInMonth() - 1)), false);
        }
        const int shortBreakChildren = std::max(1, int(std::lround(70 * scale)));
        for (int i = 0; i < shortBreakChildren; ++i)
            simulateShortBreaks(dateBetween(d.start.addYears(-1), d.end.addYears(-1)));
        // About a fifth of plans are a child's second or later (DfE CP statistics); children in
        // need are often referred again. A CP plan's CIN episode opens up to 40 days before it.
        simulatePlans(d.cpPlans, 41.0, 0.8, true, 0.3, 45);
        // CIN counts include children looked after and on plans (DfE): those get CIN episodes too.
        simulatePlans(d.cinEpisodes, 225.0, 0.85, false, 0.6, 0);
        QVector<QDate> firstStart(d.children.size()), lastEnd(d.children.size());
        for (const auto &e : d.episodes) {
            if (Codes_isShortBreak(e.ls))
                continue;
            QDate &f = firstStart[e.child];
            if (!f.isValid() || e.decom < f)
                f = e.decom;
            QDate &l = lastEnd[e.child];
            if (!e.dec.isValid())
                l = QDate(9999, 12, 31);
            else if (!l.isValid() || e.dec > l)
                l = e.dec;
        }
        for (int c = 0; c < firstStart.size(); ++c)
            if (firstStart[c].isValid())
                d.cinEpisodes << DemoData::Plan{c, firstStart[c].addDays(-rng.range(0, 60)),
                                                lastEnd[c].year() == 9999 ? QDate() : lastEnd[c], "N1"};
        for (const auto &p : d.cpPlans)
            d.cinEpisodes << DemoData::Plan{p.child, p.start.addDays(-rng.range(5, 40)), p.end, "N1"};
        // In child order, as they are keyed (child, start): the stores' unique indexes grow in order.
        const auto byChild = [](const DemoData::Plan &a, const DemoData::Plan &b) {
            return a.child != b.child ? a.child < b.child : a.start < b.start;
        };
        std::stable_sort(d.cpPlans.begin(), d.cpPlans.end(), byChild);
        std::stable_sort(d.cinEpisodes.begin(), d.cinEpisodes.end(), byChild);
        ensureDolsInUnregulated();
        makePanel();
        makeBudgets();
    }
};

} // namespace

DemoData generate(const DemoOptions &options)
{
    Generator g(options);
    g.run();
    DemoReturns::generate(g.d, options.seed);
    return std::move(g.d);
}

bool write(Store &store, const DemoData &d, QString *error)
{
    // Then its CIN census (issue 16), whose CIN episodes and CP plans are the ones just written.
    return DemoStore(store).write(d, error) && DemoCensus::write(store, DemoCensus::make(d), error);
}

} // namespace DemoGenerator
