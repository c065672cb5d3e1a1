#include "domain/demoexport.h"

#include "domain/democensus.h"

#include "core/money.h"
#include "domain/demogenerator.h"
#include "domain/demoreturns.h"

#include <QDir>
#include <QFile>

#include <string>
#include <vector>

namespace {

// One CSV file built in memory and written at the end; fields are quoted only when needed.
class CsvFile
{
public:
    explicit CsvFile(const char *header) : m_text(header) { m_text += "\r\n"; }

    CsvFile &field(const char *s) { return field(std::string_view(s ? s : "")); }
    CsvFile &field(std::string_view s)
    {
        sep();
        if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
            m_text.append(s);
        } else {
            m_text += '"';
            for (char c : s) {
                if (c == '"')
                    m_text += '"';
                m_text += c;
            }
            m_text += '"';
        }
        return *this;
    }
    CsvFile &field(const QByteArray &s) { return field(std::string_view(s.constData(), size_t(s.size()))); }
    CsvFile &number(qint64 v) { return field(std::to_string(v)); }
    CsvFile &pounds(qint64 pence)
    {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(pence / 100), static_cast<long long>(pence % 100));
        return field(std::string_view(buf));
    }
    CsvFile &flag(bool b) { return field(b ? "Y" : "N"); }
    // DD/MM/YYYY as the 903 writes dates; empty for an invalid date.
    CsvFile &date(const QDate &d)
    {
        if (!d.isValid())
            return field(std::string_view());
        char buf[11];
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
        return field(std::string_view(buf, 10));
    }
    void endRow()
    {
        m_text += "\r\n";
        m_first = true;
    }
    bool save(const QString &path, QString *error) const
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(m_text.data(), qint64(m_text.size())) != qint64(m_text.size())) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
            return false;
        }
        return true;
    }

private:
    void sep()
    {
        if (!m_first)
            m_text += ',';
        m_first = false;
    }
    std::string m_text;
    bool m_first = true;
};

} // namespace

namespace DemoExport {

bool write(const DemoData &d, const QString &dirPath, QString *error)
{
    QDir dir(dirPath);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create the directory %1").arg(dirPath);
        return false;
    }
    // The 903 covers children looked after: its header lists the children with episodes only
    // (children known only to CP or CIN are in those files, by reference).
    std::vector<bool> lookedAfter(size_t(d.children.size()), false);
    for (const auto &e : d.episodes)
        lookedAfter[size_t(e.child)] = true;
    CsvFile header("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB");
    CsvFile uasc("CHILD,SEX,DOB,DUC");
    for (int i = 0; i < d.children.size(); ++i) {
        const auto &c = d.children[i];
        if (!lookedAfter[size_t(i)])
            continue;
        header.field(d.childRef(i)).number(c.sex).date(c.dob).field(c.ethnic).field("").field("").field("");
        header.endRow();
        if (c.uasc) {
            // The 903 UASC file gives the date UASC status ceases: the 18th birthday.
            uasc.field(d.childRef(i)).number(c.sex).date(c.dob).date(c.dob.addYears(18));
            uasc.endRow();
        }
    }
    CsvFile episodes("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN");
    CsvFile costs("CHILD,DECOM,EFFECTIVE_FROM,COST_CATEGORY,WEEKLY_FEE,ADDITIONAL_WEEKLY,FUNDING,PROVIDER,REGULATED,"
                  "OFSTED_RATING,DESIRED_TYPE_ACHIEVED,DOLS");
    for (const auto &e : d.episodes) {
        const QByteArray ref = d.childRef(e.child);
        episodes.field(ref).date(e.decom).field(e.rne).field(e.ls).field(e.cin).field(e.place).field(e.provider).date(e.dec)
            .field(e.rec).field(e.reasonPlaceChange).field(e.homePost).field(e.plPost).field("");
        episodes.endRow();
        if (e.hasPlacement) {
            const auto &p = d.providers[e.providerIndex];
            costs.field(ref).date(e.decom).date(QDate()).field("").pounds(e.feePence).pounds(e.additionalPence).field(e.funding)
                .field(p.name).flag(e.regulated).field(p.rating).flag(e.desiredTypeAchieved).date(e.dolsFrom);
            costs.endRow();
        }
    }
    for (const auto &f : d.feeChanges) {
        const auto &e = d.episodes[f.episode];
        const auto &p = d.providers[e.providerIndex];
        costs.field(d.childRef(e.child)).date(e.decom).date(f.from).field("").pounds(f.feePence).pounds(f.additionalPence)
            .field(e.funding).field(p.name).flag(e.regulated).field(p.rating).flag(e.desiredTypeAchieved).date(e.dolsFrom);
        costs.endRow();
    }
    CsvFile cp("CHILD,CPP_START_DATE,CPP_END_DATE,INITIAL_CATEGORY");
    for (const auto &p : d.cpPlans) {
        cp.field(d.childRef(p.child)).date(p.start).date(p.end).field(p.category);
        cp.endRow();
    }
    CsvFile cin("CHILD,CIN_REFERRAL_DATE,CIN_CLOSURE_DATE,PRIMARY_NEED");
    for (const auto &p : d.cinEpisodes) {
        cin.field(d.childRef(p.child)).date(p.start).date(p.end).field(p.category);
        cin.endRow();
    }
    CsvFile population("YEAR,AGE_0_17");
    for (const auto &[year, count] : d.population) {
        population.number(year).number(count);
        population.endRow();
    }
    return header.save(dir.filePath(QStringLiteral("903_header.csv")), error)
        && episodes.save(dir.filePath(QStringLiteral("903_episodes.csv")), error)
        && uasc.save(dir.filePath(QStringLiteral("903_uasc.csv")), error)
        && cp.save(dir.filePath(QStringLiteral("cp_plans.csv")), error)
        && cin.save(dir.filePath(QStringLiteral("cin_episodes.csv")), error)
        && population.save(dir.filePath(QStringLiteral("population.csv")), error)
        && costs.save(dir.filePath(QStringLiteral("placement_costs.csv")), error)
        // And the CIN census the case system would send (issue 16).
        && DemoCensus::writeXml(DemoCensus::make(d), dir.filePath(QStringLiteral("cin_census.xml")), error)
        && DemoReturns::exportFiles(d, dirPath, error);
}

} // namespace DemoExport
