#include "domain/cincensusreader.h"

#include "core/dates.h"

#include <QIODevice>
#include <QXmlStreamReader>

#include <algorithm>
#include <set>

namespace {

// Code lists of the CIN census guidance (DfE, "Children in need census: guide").
const std::set<QString> &referralSources()
{
    static const std::set<QString> s = {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
                                        "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"};
    return s;
}
const std::set<QString> &needCodes()
{
    static const std::set<QString> s = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"};
    return s;
}
const std::set<QString> &closureReasons()
{
    static const std::set<QString> s = {"RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"};
    return s;
}
const std::set<QString> &abuseCategories()
{
    static const std::set<QString> s = {"NEG", "PHY", "SAB", "EMO", "MUL"};
    return s;
}
const std::set<QString> &assessmentFactors()
{
    static const std::set<QString> s = {"1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C",
                                        "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A",
                                        "14A", "15A", "16A", "17A", "18A", "18B", "18C", "19A", "19B", "19C", "20", "21", "22A",
                                        "23A", "24A", "NONE"};
    return s;
}

QString ukDate(qint64 julian)
{
    return Dates::uk(QDate::fromJulianDay(julian));
}

} // namespace

struct CinCensusReader::Impl {
    CinCensusReader &self;
    QXmlStreamReader xml;
    QString child;     // LAchildID of the child being read, for messages
    int errors = 0;
    qint64 referrals = 0;

    int line() const { return int(xml.lineNumber()); }

    void error(int at, const QString &element, const QString &message)
    {
        ++errors;
        self.m_errors({self.m_file, at, element,
                       child.isEmpty() ? message : QStringLiteral("child %1: %2").arg(child, message)});
    }
    void finding(int at, const char *rule, const QString &message)
    {
        self.m_findings({self.m_file, at, QString::fromLatin1(rule), message, child});
    }

    QString text()
    {
        return xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }

    // YYYY-MM-DD without QDate's parser: a region's census has millions of dates.
    static qint64 isoDay(const QString &t)
    {
        if (t.size() != 10 || t[4] != u'-' || t[7] != u'-')
            return 0;
        int v[3] = {0, 0, 0};
        const int from[3] = {0, 5, 8}, n[3] = {4, 2, 2};
        for (int k = 0; k < 3; ++k)
            for (int i = from[k]; i < from[k] + n[k]; ++i) {
                const char16_t c = t[i].unicode();
                if (c < u'0' || c > u'9')
                    return 0;
                v[k] = v[k] * 10 + int(c - u'0');
            }
        const QDate d(v[0], v[1], v[2]);
        return d.isValid() ? d.toJulianDay() : 0;
    }

    qint64 date()
    {
        const int at = line();
        const QString t = text();
        if (t.isEmpty())
            return 0;
        const qint64 day = isoDay(t);
        if (!day) {
            const QString element = xml.name().toString(); // the end element's name is the element's
            error(at, element, QStringLiteral("<%1> '%2' is not a date (YYYY-MM-DD)").arg(element, t.left(40)));
        }
        return day;
    }

    bool flag()
    {
        const int at = line();
        const QString t = text().toLower();
        const QString element = xml.name().toString();
        if (t == QLatin1String("true") || t == QLatin1String("1"))
            return true;
        if (t.isEmpty() || t == QLatin1String("false") || t == QLatin1String("0"))
            return false;
        error(at, element, QStringLiteral("<%1> '%2' is not true or false (or 1 or 0)").arg(element, t.left(40)));
        return false;
    }

    std::string code(const std::set<QString> &valid)
    {
        const int at = line();
        const QString t = text();
        if (!t.isEmpty() && !valid.count(t) && !valid.count(t.toUpper()))
            finding(at, "invalid-code", QStringLiteral("%1 '%2' is not a valid code").arg(xml.name().toString(), t.left(40)));
        return t.toStdString();
    }

    bool is(const char *name) const { return xml.name() == QLatin1String(name); }

    bool read(QIODevice *device, CinData::Census *out)
    {
        xml.setDevice(device);
        if (!xml.readNextStartElement() || !is("Message")) {
            if (!xml.hasError())
                error(line(), QStringLiteral("XML"), QStringLiteral("the root element is not <Message>: not a CIN census"));
        } else {
            while (xml.readNextStartElement() && !self.m_cancelled) {
                if (is("Header"))
                    readHeader(out);
                else if (is("Children"))
                    readChildren(out);
                else
                    xml.skipCurrentElement();
            }
        }
        if (xml.hasError() && !self.m_cancelled)
            error(line(), QStringLiteral("XML"), QStringLiteral("malformed XML: %1").arg(xml.errorString()));
        return errors == 0 && !self.m_cancelled;
    }

    // <Header>: CollectionDetails (Collection, Year, ReferenceDate) at any depth.
    void readHeader(CinData::Census *out)
    {
        int depth = 1;
        while (depth > 0 && !xml.atEnd()) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                if (is("Year"))
                    out->collectionYear = text().toInt();
                else if (is("ReferenceDate"))
                    out->referenceDate = date();
                else
                    ++depth;
            } else if (token == QXmlStreamReader::EndElement) {
                --depth;
            }
        }
    }

    void readChildren(CinData::Census *out)
    {
        while (xml.readNextStartElement() && !self.m_cancelled) {
            if (!is("Child")) {
                xml.skipCurrentElement();
                continue;
            }
            CinData::Child c;
            if (readChild(&c))
                out->children.push_back(std::move(c));
            if (self.m_tick && !self.m_tick(referrals))
                self.m_cancelled = true;
        }
    }

    bool readChild(CinData::Child *c)
    {
        c->line = line();
        child.clear();
        while (xml.readNextStartElement()) {
            if (is("ChildIdentifiers")) {
                while (xml.readNextStartElement()) {
                    if (is("LAchildID")) {
                        c->ref = text().toStdString();
                        child = QString::fromStdString(c->ref);
                    } else if (is("PersonBirthDate")) {
                        c->dob = date();
                    } else if (is("Sex") || is("GenderCurrent")) {
                        const int at = line();
                        const QString element = xml.name().toString();
                        const QString t = text();
                        // Sex: 1 male, 2 female (0, 9 not known); GenderCurrent the same codes.
                        if (t == QLatin1String("1") || t == QLatin1String("2"))
                            c->sex = t.toInt();
                        else if (!t.isEmpty() && t != QLatin1String("0") && t != QLatin1String("9"))
                            finding(at, "invalid-code", QStringLiteral("%1 '%2' is not a valid code (0, 1, 2 or 9)").arg(element, t.left(40)));
                    } else {
                        // UPN, FormerUPN, UPNunknown and the rest: read past, never kept.
                        xml.skipCurrentElement();
                    }
                }
            } else if (is("ChildCharacteristics")) {
                while (xml.readNextStartElement()) {
                    if (is("Ethnicity"))
                        c->ethnicity = text().toStdString();
                    else
                        xml.skipCurrentElement();
                }
            } else if (is("CINdetails")) {
                CinData::Referral r;
                if (readReferral(&r))
                    c->referrals.push_back(std::move(r));
            } else {
                xml.skipCurrentElement();
            }
        }
        if (c->ref.empty()) {
            error(c->line, QStringLiteral("LAchildID"), QStringLiteral("the <Child> has no LAchildID"));
            return false;
        }
        checkChild(c);
        return true;
    }

    bool readReferral(CinData::Referral *r)
    {
        r->line = line();
        const int errorsBefore = errors; // an invalid CINreferralDate is already an error
        while (xml.readNextStartElement()) {
            if (is("CINreferralDate")) r->referral = date();
            else if (is("ReferralSource")) r->source = code(referralSources());
            else if (is("PrimaryNeedCode")) r->primaryNeed = code(needCodes());
            else if (is("CINclosureDate")) r->closure = date();
            else if (is("ReasonForClosure")) r->reasonForClosure = code(closureReasons());
            else if (is("ReferralNFA")) r->nfa = flag();
            else if (is("DateOfInitialCPC")) r->icpc = date();
            else if (is("Assessments")) readAssessment(r);
            else if (is("CINPlanDates")) {
                CinData::CinPlan p;
                p.line = line();
                while (xml.readNextStartElement()) {
                    if (is("CINPlanStartDate")) p.start = date();
                    else if (is("CINPlanEndDate")) p.end = date();
                    else xml.skipCurrentElement();
                }
                r->cinPlans.push_back(p);
            } else if (is("Section47")) {
                CinData::Section47 s;
                s.line = line();
                while (xml.readNextStartElement()) {
                    if (is("S47ActualStartDate")) s.start = date();
                    else if (is("InitialCPCtarget")) s.icpcTarget = date();
                    else if (is("DateOfInitialCPC")) s.icpc = date();
                    else if (is("ICPCnotRequired")) s.icpcNotRequired = flag();
                    else xml.skipCurrentElement();
                }
                r->section47s.push_back(s);
            } else if (is("ChildProtectionPlans")) {
                readPlan(r);
            } else {
                xml.skipCurrentElement();
            }
        }
        ++referrals;
        if (!r->referral) {
            if (errors == errorsBefore)
                error(r->line, QStringLiteral("CINreferralDate"), QStringLiteral("the <CINdetails> has no CINreferralDate"));
            return false;
        }
        return true;
    }

    void readAssessment(CinData::Referral *r)
    {
        CinData::Assessment a;
        a.line = line();
        while (xml.readNextStartElement()) {
            if (is("AssessmentActualStartDate")) a.start = date();
            else if (is("AssessmentInternalReviewDate")) a.review = date();
            else if (is("AssessmentAuthorisationDate")) a.authorised = date();
            else if (is("FactorsIdentifiedAtAssessment")) {
                while (xml.readNextStartElement()) {
                    if (is("AssessmentFactors")) {
                        const std::string f = code(assessmentFactors());
                        if (!f.empty())
                            a.factors.push_back(f);
                    } else {
                        xml.skipCurrentElement();
                    }
                }
            } else {
                xml.skipCurrentElement();
            }
        }
        r->assessments.push_back(std::move(a));
    }

    void readPlan(CinData::Referral *r)
    {
        CinData::CpPlan p;
        p.line = line();
        while (xml.readNextStartElement()) {
            if (is("CPPstartDate")) p.start = date();
            else if (is("CPPendDate")) p.end = date();
            else if (is("InitialCategoryOfAbuse")) p.initialCategory = code(abuseCategories());
            else if (is("LatestCategoryOfAbuse")) p.latestCategory = code(abuseCategories());
            else if (is("NumberOfPreviousCPP")) {
                const int at = line();
                const QString t = text();
                bool ok = false;
                const int n = t.toInt(&ok);
                if (!t.isEmpty() && (!ok || n < 0))
                    error(at, QStringLiteral("NumberOfPreviousCPP"), QStringLiteral("<NumberOfPreviousCPP> '%1' is not a whole number").arg(t.left(40)));
                else if (ok)
                    p.previousPlans = n;
            } else if (is("Reviews")) {
                while (xml.readNextStartElement()) {
                    if (is("CPPreviewDate")) {
                        if (const qint64 d = date())
                            p.reviews.push_back(d);
                    } else {
                        xml.skipCurrentElement();
                    }
                }
            } else {
                xml.skipCurrentElement();
            }
        }
        r->cpPlans.push_back(std::move(p));
    }

    void order(int at, qint64 earlier, const char *earlierName, qint64 later, const char *laterName)
    {
        if (earlier && later && later < earlier)
            finding(at, "dates-out-of-order", QStringLiteral("%1 %2 is before %3 %4")
                                                  .arg(QLatin1String(laterName), ukDate(later), QLatin1String(earlierName), ukDate(earlier)));
    }

    // The findings a child shows on its own.
    void checkChild(CinData::Child *c)
    {
        if (c->referrals.empty()) {
            finding(c->line, "no-cindetails", QStringLiteral("the child has no CINdetails (no referral)"));
            return;
        }
        std::stable_sort(c->referrals.begin(), c->referrals.end(),
                         [](const CinData::Referral &a, const CinData::Referral &b) { return a.referral < b.referral; });
        for (size_t i = 1; i < c->referrals.size();) {
            if (c->referrals[i].referral == c->referrals[i - 1].referral) {
                finding(c->referrals[i].line, "duplicate-referral",
                        QStringLiteral("a second CINdetails with CINreferralDate %1 (first at line %2): the first is kept")
                            .arg(ukDate(c->referrals[i].referral)).arg(c->referrals[i - 1].line));
                c->referrals.erase(c->referrals.begin() + qsizetype(i));
            } else {
                ++i;
            }
        }
        for (const CinData::Referral &r : c->referrals) {
            order(r.line, r.referral, "CINreferralDate", r.closure, "CINclosureDate");
            for (const CinData::Assessment &a : r.assessments) {
                order(a.line, a.start, "AssessmentActualStartDate", a.authorised, "AssessmentAuthorisationDate");
                order(a.line, r.referral, "CINreferralDate", a.start, "AssessmentActualStartDate");
            }
            for (const CinData::CinPlan &p : r.cinPlans)
                order(p.line, p.start, "CINPlanStartDate", p.end, "CINPlanEndDate");
            for (const CinData::Section47 &s : r.section47s) {
                order(s.line, s.start, "S47ActualStartDate", s.icpc, "DateOfInitialCPC");
                order(s.line, r.referral, "CINreferralDate", s.start, "S47ActualStartDate");
                if (s.icpcNotRequired && s.icpc)
                    finding(s.line, "icpc-not-required",
                            QStringLiteral("an initial conference on %1 is recorded but ICPCnotRequired is true").arg(ukDate(s.icpc)));
            }
            for (const CinData::CpPlan &p : r.cpPlans) {
                if (!p.start)
                    finding(p.line, "plan-without-start", QStringLiteral("a child protection plan has no CPPstartDate: it is not counted"));
                order(p.line, p.start, "CPPstartDate", p.end, "CPPendDate");
                for (qint64 review : p.reviews)
                    order(p.line, p.start, "CPPstartDate", review, "CPPreviewDate");
            }
        }
    }
};

bool CinCensusReader::isCensus(const QByteArray &head)
{
    QXmlStreamReader xml(head);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("Message"))
        return false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Children") || xml.name() == QLatin1String("Child"))
            return false;
        if (xml.name() == QLatin1String("Collection"))
            return xml.readElementText().trimmed().compare(QLatin1String("CIN"), Qt::CaseInsensitive) == 0;
    }
    return false;
}

CinCensusReader::CinCensusReader(const QString &fileName, ErrorSink errors, FindingSink findings, Tick tick)
    : m_file(fileName), m_errors(std::move(errors)), m_findings(std::move(findings)), m_tick(std::move(tick))
{
}

bool CinCensusReader::read(QIODevice *device, CinData::Census *out)
{
    Impl impl{*this, {}, {}, 0, 0};
    return impl.read(device, out);
}

QString CinCensusReader::referralSourceGroup(const QString &code)
{
    const QString c = code.trimmed().toUpper();
    if (c.startsWith(QLatin1Char('1')) && c.size() == 2) return QStringLiteral("Individual");
    if (c.startsWith(QLatin1Char('2'))) return QStringLiteral("Schools and education");
    if (c.startsWith(QLatin1Char('3'))) return QStringLiteral("Health");
    if (c == QLatin1String("4")) return QStringLiteral("Housing");
    if (c.startsWith(QLatin1Char('5'))) return QStringLiteral("Local authority services");
    if (c == QLatin1String("6")) return QStringLiteral("Police");
    if (c == QLatin1String("7")) return QStringLiteral("Other legal agency");
    if (c == QLatin1String("8")) return QStringLiteral("Other");
    if (c == QLatin1String("9")) return QStringLiteral("Anonymous");
    return QStringLiteral("Unknown");
}

QStringList CinCensusReader::referralSourceGroups()
{
    return {QStringLiteral("Police"), QStringLiteral("Schools and education"), QStringLiteral("Health"),
            QStringLiteral("Local authority services"), QStringLiteral("Individual"), QStringLiteral("Housing"),
            QStringLiteral("Other legal agency"), QStringLiteral("Other"), QStringLiteral("Anonymous"), QStringLiteral("Unknown")};
}
