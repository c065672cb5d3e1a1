#include "domain/democensus.h"

#include "core/dates.h"
#include "core/rng.h"
#include "core/workingdays.h"
#include "store/cinstore.h"
#include "store/demodata.h"
#include "store/store.h"

#include <QFile>
#include <QSaveFile>
#include <QXmlStreamWriter>

#include <algorithm>
#include <map>

namespace DemoCensus {

namespace {

// Referral sources in roughly the national shares (DfE, Characteristics of children in need):
// police about three in ten, schools one in five, health one in six.
struct Source { const char *code; double weight; };
constexpr Source sources[] = {{"6", 29}, {"2A", 19}, {"2B", 2}, {"3A", 3}, {"3B", 4}, {"3E", 4}, {"3F", 4}, {"5A", 6},
                              {"5C", 3}, {"5D", 5}, {"1A", 1}, {"1B", 5}, {"1D", 2}, {"4", 2}, {"7", 2}, {"8", 6},
                              {"9", 1}, {"10", 2}};
constexpr const char *factors[] = {"1C", "2B", "3A", "3B", "4A", "4B", "6A", "6B", "8B", "8C", "18B", "19B", "21"};

QDate addWorkingDays(QDate d, int n)
{
    // The date W with WorkingDays::count(d, W) == n: step over weekends and bank holidays.
    while (n > 0) {
        if (WorkingDays::isWorkingDay(d))
            --n;
        d = d.addDays(1);
    }
    return d;
}

QDate subtractWorkingDays(QDate d, int n)
{
    while (n > 0) {
        d = d.addDays(-1);
        if (WorkingDays::isWorkingDay(d))
            --n;
    }
    return d;
}

qint64 jd(const QDate &d)
{
    return d.isValid() ? d.toJulianDay() : 0;
}

} // namespace

CinData::Census make(const DemoData &data)
{
    Rng rng(0xC1A5u + quint64(data.children.size()));
    std::vector<double> weights;
    for (const Source &s : sources)
        weights.push_back(s.weight);
    CinData::Census census;
    census.collectionYear = data.end.year();
    census.referenceDate = data.end.toJulianDay();

    // Referrals: the demo's CIN episodes, one per child and date; CP plans by child.
    std::map<int, std::vector<const DemoData::Plan *>> episodesOf, plansOf;
    for (const DemoData::Plan &e : data.cinEpisodes)
        episodesOf[e.child].push_back(&e);
    for (const DemoData::Plan &p : data.cpPlans)
        plansOf[p.child].push_back(&p);
    for (auto &[child, list] : episodesOf) {
        std::stable_sort(list.begin(), list.end(), [](const auto *a, const auto *b) { return a->start < b->start; });
        list.erase(std::unique(list.begin(), list.end(), [](const auto *a, const auto *b) { return a->start == b->start; }), list.end());
        std::vector<const DemoData::Plan *> &plans = plansOf[child];
        std::stable_sort(plans.begin(), plans.end(), [](const auto *a, const auto *b) { return a->start < b->start; });
        const DemoData::Child &dc = data.children[child];
        CinData::Child c;
        c.ref = data.childRef(child).toStdString();
        c.dob = jd(dc.dob);
        c.sex = dc.sex;
        c.ethnicity = dc.ethnic;
        for (const DemoData::Plan *e : list) {
            CinData::Referral r;
            r.referral = jd(e->start);
            r.closure = jd(e->end);
            r.source = sources[rng.pick(weights)].code;
            r.primaryNeed = e->category;
            c.referrals.push_back(std::move(r));
        }
        // Each plan hangs from the latest referral on or before its start; the s47 that led to it
        // started a few working days before its initial conference, held the day it began.
        int previous = 0;
        std::vector<bool> hasPlan(c.referrals.size(), false);
        for (const DemoData::Plan *p : plans) {
            size_t k = 0;
            for (size_t i = 0; i < c.referrals.size(); ++i)
                if (c.referrals[i].referral <= jd(p->start))
                    k = i;
            CinData::Referral &r = c.referrals[k];
            hasPlan[k] = true;
            CinData::CpPlan plan;
            plan.start = jd(p->start);
            plan.end = jd(p->end);
            plan.initialCategory = plan.latestCategory = p->category;
            plan.previousPlans = previous++;
            for (QDate review = p->start.addMonths(3); review <= data.end && (!p->end.isValid() || review < p->end); review = review.addMonths(6))
                plan.reviews.push_back(jd(review));
            r.cpPlans.push_back(std::move(plan));
            CinData::Section47 s;
            s.icpc = jd(p->start);
            s.start = std::max(r.referral, jd(subtractWorkingDays(p->start, 4 + int(std::lround(rng.exponential(6.0))))));
            s.icpcTarget = jd(addWorkingDays(QDate::fromJulianDay(s.start), 15));
            r.section47s.push_back(s);
            if (!r.icpc)
                r.icpc = s.icpc;
        }
        for (size_t i = 0; i < c.referrals.size(); ++i) {
            CinData::Referral &r = c.referrals[i];
            const QDate referred = QDate::fromJulianDay(r.referral);
            // Short referrals with no plan are often closed with no further action.
            r.nfa = !hasPlan[i] && r.closure && r.closure - r.referral < 28 && rng.chance(0.6);
            r.reasonForClosure = !r.closure ? "" : r.nfa ? "RC8" : "RC7";
            if (r.nfa)
                continue;
            if (rng.chance(0.93)) {
                CinData::Assessment a;
                const QDate start = referred.addDays(rng.range(0, 4));
                a.start = jd(start);
                // Most within 45 working days, a tail beyond (the national figure is about 83%).
                const QDate authorised = addWorkingDays(start, 8 + int(std::lround(rng.exponential(17.0))));
                if (authorised <= data.end)
                    a.authorised = jd(authorised);
                for (int f = rng.range(1, 3); f > 0; --f)
                    a.factors.push_back(factors[rng.range(0, int(std::size(factors)) - 1)]);
                if (a.start <= data.end.toJulianDay()) {
                    if (a.authorised && rng.chance(0.4) && (!r.closure || a.authorised < r.closure))
                        r.cinPlans.push_back({a.authorised + 1, r.closure, 0});
                    r.assessments.push_back(std::move(a));
                }
            }
            // Some enquiries under section 47 end without a conference.
            if (!hasPlan[i] && rng.chance(0.12)) {
                CinData::Section47 s;
                s.start = r.referral + rng.range(1, 10);
                if (s.start <= data.end.toJulianDay() && (!r.closure || s.start <= r.closure)) {
                    s.icpcTarget = jd(addWorkingDays(QDate::fromJulianDay(s.start), 15));
                    s.icpcNotRequired = true;
                    r.section47s.push_back(s);
                }
            }
        }
        census.children.push_back(std::move(c));
    }
    return census;
}

bool writeXml(const CinData::Census &census, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QXmlStreamWriter x(&file);
    x.setAutoFormatting(true);
    x.setAutoFormattingIndent(1);
    const auto date = [&x](const char *name, qint64 julian) {
        if (julian)
            x.writeTextElement(QLatin1String(name), Dates::iso(QDate::fromJulianDay(julian)));
    };
    const auto text = [&x](const char *name, const std::string &v) {
        if (!v.empty())
            x.writeTextElement(QLatin1String(name), QString::fromStdString(v));
    };
    x.writeStartDocument();
    x.writeStartElement(QStringLiteral("Message"));
    x.writeStartElement(QStringLiteral("Header"));
    x.writeStartElement(QStringLiteral("CollectionDetails"));
    x.writeTextElement(QStringLiteral("Collection"), QStringLiteral("CIN"));
    x.writeTextElement(QStringLiteral("Year"), QString::number(census.collectionYear));
    date("ReferenceDate", census.referenceDate);
    x.writeEndElement();
    x.writeStartElement(QStringLiteral("Source"));
    x.writeTextElement(QStringLiteral("SourceLevel"), QStringLiteral("L"));
    x.writeTextElement(QStringLiteral("SoftwareCode"), QStringLiteral("Careboard demo"));
    x.writeEndElement();
    x.writeEndElement();
    x.writeStartElement(QStringLiteral("Children"));
    for (const CinData::Child &c : census.children) {
        x.writeStartElement(QStringLiteral("Child"));
        x.writeStartElement(QStringLiteral("ChildIdentifiers"));
        text("LAchildID", c.ref);
        x.writeTextElement(QStringLiteral("UPNunknown"), QStringLiteral("UN1"));
        date("PersonBirthDate", c.dob);
        x.writeTextElement(QStringLiteral("Sex"), QString::number(c.sex));
        x.writeEndElement();
        x.writeStartElement(QStringLiteral("ChildCharacteristics"));
        text("Ethnicity", c.ethnicity);
        x.writeEndElement();
        for (const CinData::Referral &r : c.referrals) {
            x.writeStartElement(QStringLiteral("CINdetails"));
            date("CINreferralDate", r.referral);
            text("ReferralSource", r.source);
            text("PrimaryNeedCode", r.primaryNeed);
            date("CINclosureDate", r.closure);
            text("ReasonForClosure", r.reasonForClosure);
            date("DateOfInitialCPC", r.icpc);
            for (const CinData::Assessment &a : r.assessments) {
                x.writeStartElement(QStringLiteral("Assessments"));
                date("AssessmentActualStartDate", a.start);
                date("AssessmentInternalReviewDate", a.review);
                date("AssessmentAuthorisationDate", a.authorised);
                x.writeStartElement(QStringLiteral("FactorsIdentifiedAtAssessment"));
                for (const std::string &f : a.factors)
                    text("AssessmentFactors", f);
                x.writeEndElement();
                x.writeEndElement();
            }
            for (const CinData::CinPlan &p : r.cinPlans) {
                x.writeStartElement(QStringLiteral("CINPlanDates"));
                date("CINPlanStartDate", p.start);
                date("CINPlanEndDate", p.end);
                x.writeEndElement();
            }
            for (const CinData::Section47 &s : r.section47s) {
                x.writeStartElement(QStringLiteral("Section47"));
                date("S47ActualStartDate", s.start);
                date("InitialCPCtarget", s.icpcTarget);
                date("DateOfInitialCPC", s.icpc);
                x.writeTextElement(QStringLiteral("ICPCnotRequired"), s.icpcNotRequired ? QStringLiteral("true") : QStringLiteral("false"));
                x.writeEndElement();
            }
            x.writeTextElement(QStringLiteral("ReferralNFA"), r.nfa ? QStringLiteral("true") : QStringLiteral("false"));
            for (const CinData::CpPlan &p : r.cpPlans) {
                x.writeStartElement(QStringLiteral("ChildProtectionPlans"));
                date("CPPstartDate", p.start);
                date("CPPendDate", p.end);
                text("InitialCategoryOfAbuse", p.initialCategory);
                text("LatestCategoryOfAbuse", p.latestCategory);
                if (p.previousPlans >= 0)
                    x.writeTextElement(QStringLiteral("NumberOfPreviousCPP"), QString::number(p.previousPlans));
                if (!p.reviews.empty()) {
                    x.writeStartElement(QStringLiteral("Reviews"));
                    for (qint64 review : p.reviews)
                        date("CPPreviewDate", review);
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    if (x.hasError() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool write(Store &store, const CinData::Census &census, QString *error)
{
    Transaction tx(store, error);
    if (!tx.ok())
        return false;
    CinStore cin(store);
    ImportFileSummary summary;
    return cin.clear(error) && cin.writeCensus(census, 0, &summary, error) && tx.commit(error);
}

} // namespace DemoCensus
