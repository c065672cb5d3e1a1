#include "domain/demoreturns.h"

#include "core/dates.h"
#include "core/rng.h"
#include "domain/returnmeasures.h"
#include "store/demodata.h"

#include <QDir>
#include <QFile>
#include <QMap>

#include <algorithm>
#include <set>

namespace {

struct Period {
    int first, last;  // episode indices (in the child's list)
    QDate start, end; // end invalid while open
};

const char *const eetCodes[] = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"};
const char *const neetCodes[] = {"G4", "G5", "G6"};
const char *const suitable[] = {"B1", "C1", "D1", "E1", "G1", "H1", "K1", "R1", "S1", "T1", "U1"};
const char *const unsuitable[] = {"B2", "C2", "D2", "E2", "S2", "T2", "U2"};
const char *const participation[] = {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6"};
const char *const swReasons[] = {"MANAGE", "FINCHANGE", "OTHERS", "UNKNOWN"};

QByteArray ukDate(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")).toLatin1() : QByteArray();
}

} // namespace

namespace DemoReturns {

void generate(DemoData &d, quint64 seed)
{
    Rng rng(seed * 31 + 903);
    DemoReturnData &r = d.returns;
    r = DemoReturnData();
    QVector<QVector<int>> byChild(d.children.size());
    for (int i = 0; i < d.episodes.size(); ++i)
        byChild[d.episodes[i].child] << i;
    // The placement order (LS E1) some 3 to 8 months before a child is placed for adoption: the
    // episode in force then is split by a change of legal status only (RNE L), appended so that
    // no index into the episodes moves, and the placement's costs stay with its first part.
    // First, placed for adoption some months later than the generator does (England's A1 is
    // about 450 days): the foster placement before is extended, the adoption placement shortened
    // (never to under 30 days), so that the generator's random sequence and all else stay as they are.
    {
        std::set<int> moved;
        for (int i = 0; i < d.episodes.size(); ++i) {
            DemoData::Episode &placed = d.episodes[i];
            if (placed.place[0] != 'A' || !moved.insert(placed.child).second)
                continue;
            int shift = rng.range(120, 280);
            if (placed.dec.isValid())
                shift = std::min<int>(shift, int(placed.decom.daysTo(placed.dec)) - 30);
            if (placed.decom.addDays(shift) > d.end)
                shift = int(placed.decom.daysTo(d.end));
            if (shift <= 0)
                continue;
            for (int k : std::as_const(byChild[placed.child]))
                if (d.episodes[k].dec == placed.decom && k != i)
                    d.episodes[k].dec = placed.decom.addDays(shift);
            placed.decom = placed.decom.addDays(shift);
        }
    }
    const int before = int(d.episodes.size());
    std::set<int> ordered;  // children given their order (the first placement for adoption only)
    for (int i = 0; i < before; ++i) {
        if (d.episodes[i].place[0] != 'A' || !ordered.insert(d.episodes[i].child).second)
            continue;
        const int child = d.episodes[i].child;
        const QDate placedOn = d.episodes[i].decom;
        const QDate order = placedOn.addDays(-rng.range(90, 240));
        const QVector<int> episodes = byChild[child];  // a copy: a split is appended below
        for (int k : episodes) {
            DemoData::Episode &e = d.episodes[k];
            if (e.decom >= placedOn || qstrcmp(e.ls, "E1") == 0)
                continue;
            if (e.decom >= order) {
                e.ls = "E1";  // a move after the order
            } else if (e.dec.isValid() && e.dec > order && order > e.decom.addDays(14)) {
                DemoData::Episode split = e;
                split.decom = order;
                split.rne = "L";
                split.ls = "E1";
                split.reasonPlaceChange = nullptr;
                split.hasPlacement = false;
                split.category = -1;
                e.dec = order;
                e.rec = "X1";
                d.episodes << split;  // e is not used again: the vector may have moved
                byChild[child] << int(d.episodes.size()) - 1;
            }
        }
    }
    const QDate end = d.end;
    const int pool = std::max(20, int(d.children.size() / 10));
    const int lastYear = Dates::financialYear(end);
    for (int c = 0; c < d.children.size(); ++c) {
        QVector<int> &eps = byChild[c];
        if (eps.isEmpty())
            continue;
        std::stable_sort(eps.begin(), eps.end(), [&](int a, int b) { return d.episodes[a].decom < d.episodes[b].decom; });
        const QDate dob = d.children[c].dob;
        // Periods of care: episodes each starting on the previous one's end.
        QVector<Period> periods;
        for (int k = 0; k < eps.size(); ++k) {
            const auto &e = d.episodes[eps[k]];
            if (!periods.isEmpty() && periods.last().end.isValid() && periods.last().end == e.decom) {
                periods.last().last = k;
                periods.last().end = e.dec;
            } else {
                periods << Period{k, k, e.decom, e.dec};
            }
        }
        std::set<std::pair<qint64, bool>> missingDays;
        bool lookedAfterAt16 = false;
        for (const Period &p : periods) {
            const QDate stop = p.end.isValid() && p.end <= end ? p.end : end.addDays(1);
            lookedAfterAt16 = lookedAfterAt16 || (dob.isValid() && stop > dob.addYears(16));
            // Reviews: nine in ten on time (the first by the 20th working day, then 3 and 6 months).
            QDate review = WorkingDays::add(p.start, rng.chance(0.97) ? rng.range(10, 20) : rng.range(21, 35));
            for (int k = 0; review < stop; ++k) {
                const char *code = Dates::ageAt(dob, review) < 4 ? "PN0" : rng.chance(0.92) ? participation[rng.range(0, 5)] : "PN7";
                r.reviews << DemoReturnData::Review{c, review, code};
                const QDate due = review.addMonths(k == 0 ? 3 : 6);
                review = rng.chance(0.985) ? due.addDays(-rng.range(0, 21)) : due.addDays(rng.range(1, 25));
            }
            // Social workers: a new one every nine months or so, from the authority's team.
            for (QDate t = p.start; t < stop;) {
                const QDate next = t.addDays(std::max(30, int(rng.exponential(420))));
                const QDate swEnd = next < stop ? next : (p.end.isValid() && p.end <= end ? p.end : QDate());
                r.socialWorkers << DemoReturnData::SocialWorker{c, QByteArray("SW") + QByteArray::number(1000 + rng.range(1, pool)), t, swEnd,
                                                                 swEnd.isValid() ? swReasons[rng.range(0, 3)] : nullptr};
                t = next;
            }
            // Missing and away: teenagers mostly; about one child in ten in a year, three times each.
            for (int fy = Dates::financialYear(p.start); fy <= Dates::financialYear(stop.addDays(-1)); ++fy) {
                const QDate from = std::max(p.start, Dates::financialYearStart(fy));
                const QDate to = std::min(stop.addDays(-1), Dates::financialYearEnd(fy));
                if (from > to)
                    continue;
                const int age = Dates::ageAt(dob, from);
                const double goesMissing = age >= 13 ? 0.22 : age >= 10 ? 0.06 : 0.005;
                if (!rng.chance(goesMissing))
                    continue;
                const int span = int(from.daysTo(to));
                const auto incidents = [&](bool away, int n) {
                    for (int k = 0; k < n; ++k) {
                        const QDate start = from.addDays(rng.range(0, span));
                        if (!missingDays.insert({start.toJulianDay(), away}).second)
                            continue;
                        QDate back = start.addDays(int(rng.exponential(1.2)));
                        r.missing << DemoReturnData::Missing{c, away, start, back > end ? QDate() : back};
                    }
                };
                incidents(false, 1 + rng.poisson(2.0));
                if (rng.chance(0.5))
                    incidents(true, 1 + rng.poisson(0.6));
            }
            // OC2 at each 31 March after 12 months in care.
            for (int fy = Dates::financialYear(p.start); fy <= lastYear; ++fy) {
                const QDate yearEnd = Dates::financialYearEnd(fy);
                if (yearEnd > end || p.start > yearEnd.addYears(-1).addDays(1) || (p.end.isValid() && p.end <= yearEnd))
                    continue;
                const int age = Dates::ageAt(dob, yearEnd);
                const int sdq = age >= 4 && age <= 17 && rng.chance(0.8) ? std::clamp(int(std::lround(rng.normal(14, 6))), 0, 40) : -1;
                r.oc2 << DemoReturnData::Oc2{c, fy, sdq, rng.chance(0.9), rng.chance(0.86), rng.chance(0.88)};
            }
            // Adoption: the first A3-A6 placement, its match, the decision.
            const auto &lastEp = d.episodes[eps[p.last]];
            if (lastEp.rec && (qstrcmp(lastEp.rec, "E11") == 0 || qstrcmp(lastEp.rec, "E12") == 0)) {
                QDate placed, placementOrder;
                for (int k = p.first; k <= p.last; ++k) {
                    const auto &e = d.episodes[eps[k]];
                    if (!placementOrder.isValid() && qstrcmp(e.ls, "E1") == 0)
                        placementOrder = e.decom;
                    if (!placed.isValid() && e.place[0] == 'A')
                        placed = e.decom;
                }
                if (placed.isValid()) {
                    r.placed << DemoReturnData::Placed{c, placed, lastEp.dec, lastEp.rec};
                    const QDate match = std::max((placementOrder.isValid() ? placementOrder : p.start).addDays(14), placed.addDays(-rng.range(20, 90)));
                    r.ad1 << DemoReturnData::Ad1{c, Dates::financialYear(lastEp.dec), match.addDays(-rng.range(60, 200)), match};
                }
            }
        }
        r.prevPerm << DemoReturnData::PrevPerm{c, Dates::financialYear(periods.first().start),
                                                rng.chance(0.92) ? "Z1" : rng.chance(0.5) ? "P2" : "P1"};
        // Care leavers: looked after at 16 or over, followed up in the latest year their 17th to
        // 21st birthday falls in.
        if (lookedAfterAt16) {
            int year = 0;
            for (int age = 17; age <= 21; ++age) {
                const int fy = Dates::financialYear(dob.addYears(age));
                if (fy <= lastYear && dob.addYears(age) <= end)
                    year = std::max(year, fy);
            }
            if (year) {
                const double u = rng.uniform();
                const char *inTouch = u < 0.90 ? "YES" : u < 0.95 ? "NO" : u < 0.98 ? "REFU" : u < 0.995 ? "NREQ" : "DIED";
                const bool died = qstrcmp(inTouch, "DIED") == 0;
                const bool known = qstrcmp(inTouch, "YES") == 0;
                const char *activ = died || !known ? "0" : rng.chance(0.55) ? eetCodes[rng.range(0, 7)] : neetCodes[rng.range(0, 2)];
                const char *accom = died || !known ? "0" : rng.chance(0.88) ? suitable[rng.range(0, 10)] : unsuitable[rng.range(0, 6)];
                r.oc3 << DemoReturnData::Oc3{c, year, inTouch, activ, accom};
            }
        }
    }
}

bool exportFiles(const DemoData &d, const QString &dirPath, QString *error)
{
    QDir dir(dirPath);
    if (!dir.mkpath(QStringLiteral("xml"))) {
        *error = QStringLiteral("cannot create %1/xml").arg(dirPath);
        return false;
    }
    const DemoReturnData &r = d.returns;
    int oc2Year = 0;
    for (const auto &o : r.oc2)
        oc2Year = std::max(oc2Year, o.year);
    const auto flag = [](bool b) { return QByteArray(b ? "1" : "0"); };
    // CSV, one file per table (PRODUCT §11's headers).
    QMap<QString, QByteArray> files;
    QByteArray &reviews = files[QStringLiteral("903_reviews.csv")] = "CHILD,DOB,REVIEW,REVIEW_CODE\r\n";
    for (const auto &x : r.reviews)
        reviews += d.childRef(x.child) + ',' + ukDate(d.children[x.child].dob) + ',' + ukDate(x.date) + ',' + x.code + "\r\n";
    QByteArray &missing = files[QStringLiteral("903_missing.csv")] = "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n";
    for (const auto &x : r.missing)
        missing += d.childRef(x.child) + ',' + ukDate(d.children[x.child].dob) + ',' + (x.away ? "A" : "M") + ',' + ukDate(x.start) + ','
                   + ukDate(x.end) + "\r\n";
    QByteArray &oc2 = files[QStringLiteral("903_oc2.csv")] =
        "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,"
        "INTERVENTION_RECEIVED,INTERVENTION_OFFERED\r\n";
    for (const auto &x : r.oc2)
        if (x.year == oc2Year)
            oc2 += d.childRef(x.child) + ',' + ukDate(d.children[x.child].dob) + ',' + (x.sdq >= 0 ? QByteArray::number(x.sdq) : QByteArray())
                   + ',' + (x.sdq >= 0 ? "" : "SDQ1") + ",0," + flag(x.healthCheck) + ',' + flag(x.immunisations) + ','
                   + flag(x.teethCheck) + ",,0,0,0\r\n";
    QByteArray &oc3 = files[QStringLiteral("903_oc3.csv")] = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\r\n";
    for (const auto &x : r.oc3)
        oc3 += d.childRef(x.child) + ',' + ukDate(d.children[x.child].dob) + ',' + x.inTouch + ',' + x.activ + ',' + x.accom + "\r\n";
    QByteArray &ad1 = files[QStringLiteral("903_ad1.csv")] = "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\r\n";
    for (const auto &x : r.ad1)
        ad1 += d.childRef(x.child) + ',' + ukDate(d.children[x.child].dob) + ',' + ukDate(x.dateInt) + ',' + ukDate(x.dateMatch) + ",0,2,MF,L0\r\n";
    QByteArray &placed = files[QStringLiteral("903_placed_adoption.csv")] = "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\r\n";
    for (const auto &x : r.placed)
        placed += d.childRef(x.child) + ',' + ukDate(d.children[x.child].dob) + ',' + ukDate(x.placed) + ',' + ukDate(x.ceased) + ','
                  + x.reason + "\r\n";
    QByteArray &perm = files[QStringLiteral("903_prev_perm.csv")] = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\r\n";
    for (const auto &x : r.prevPerm)
        perm += d.childRef(x.child) + ',' + ukDate(d.children[x.child].dob) + ',' + x.prevPerm + ",,\r\n";
    QByteArray &sw = files[QStringLiteral("903_sw_episodes.csv")] = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\r\n";
    for (const auto &x : r.socialWorkers)
        sw += d.childRef(x.child) + ',' + ukDate(d.children[x.child].dob) + ',' + x.id + ',' + ukDate(x.start) + ',' + ukDate(x.end) + ','
              + (x.reason ? x.reason : "") + "\r\n";

    // The whole return as XML: each child's header, its blocks and episodes.
    QVector<QByteArray> blocks(d.children.size());
    const auto tag = [](const char *name, const QByteArray &v) {
        return v.isEmpty() ? QByteArray("<") + name + " />" : QByteArray("<") + name + '>' + v + "</" + name + '>';
    };
    for (const auto &x : r.reviews)
        blocks[x.child] += "<AREVIEW>" + tag("REVIEW", ukDate(x.date)) + tag("REVIEW_CODE", x.code) + "</AREVIEW>";
    for (const auto &x : r.missing)
        blocks[x.child] += "<AMISSING>" + tag("MISSING", x.away ? "A" : "M") + tag("MIS_START", ukDate(x.start)) + tag("MIS_END", ukDate(x.end))
                           + "</AMISSING>";
    for (const auto &x : r.oc2)
        if (x.year == oc2Year)
            blocks[x.child] += "<OC2>" + tag("SDQ_SCORE", x.sdq >= 0 ? QByteArray::number(x.sdq) : QByteArray())
                               + tag("SDQ_REASON", x.sdq >= 0 ? QByteArray() : QByteArray("SDQ1")) + tag("CONVICTED", "0")
                               + tag("HEALTH_CHECK", flag(x.healthCheck)) + tag("IMMUNISATIONS", flag(x.immunisations))
                               + tag("TEETH_CHECK", flag(x.teethCheck)) + tag("SUBSTANCE_MISUSE", "0") + "</OC2>";
    for (const auto &x : r.oc3)
        blocks[x.child] += tag("IN_TOUCH", x.inTouch) + tag("ACTIV", x.activ) + tag("ACCOM", x.accom);
    for (const auto &x : r.ad1)
        blocks[x.child] += tag("DATE_INT", ukDate(x.dateInt)) + tag("DATE_MATCH", ukDate(x.dateMatch)) + tag("FOSTER_CARE", "0")
                           + tag("NB_ADOPTR", "2") + tag("SEX_ADOPTR", "MF") + tag("LS_ADOPTR", "L0");
    for (const auto &x : r.placed)
        blocks[x.child] += "<PLACED_ADOPTION>" + tag("DATE_PLACED", ukDate(x.placed)) + tag("DATE_PLACED_CEASED", ukDate(x.ceased))
                           + tag("REASON_PLACED_CEASED", x.reason) + "</PLACED_ADOPTION>";
    for (const auto &x : r.prevPerm)
        blocks[x.child] += "<PERMANENCE>" + tag("PREV_PERM", x.prevPerm) + "</PERMANENCE>";
    for (const auto &x : r.socialWorkers)
        blocks[x.child] += "<SW_EPISODE>" + tag("SW_ID", x.id) + tag("SW_DECOM", ukDate(x.start)) + tag("SW_DEC", ukDate(x.end))
                           + tag("SW_REASON", x.reason ? QByteArray(x.reason) : QByteArray()) + "</SW_EPISODE>";
    QVector<QByteArray> episodes(d.children.size());
    for (const auto &e : d.episodes)
        episodes[e.child] += "<EPISODE>" + tag("DECOM", ukDate(e.decom)) + tag("RNE", e.rne) + tag("LS", e.ls) + tag("CIN", e.cin)
                             + tag("PL", e.place) + tag("PLACE_PROVIDER", e.provider) + tag("DEC", ukDate(e.dec))
                             + tag("REC", e.rec ? QByteArray(e.rec) : QByteArray())
                             + tag("REASON_PLACE_CHANGE", e.reasonPlaceChange ? QByteArray(e.reasonPlaceChange) : QByteArray())
                             + tag("HOME_POST", e.homePost ? QByteArray(e.homePost) : QByteArray())
                             + tag("PL_POST", e.plPost ? QByteArray(e.plPost) : QByteArray()) + "</EPISODE>";
    QByteArray xml = "<?xml version='1.0' encoding='us-ascii'?>\n<EXPSSDA903>";
    for (int c = 0; c < d.children.size(); ++c) {
        if (episodes[c].isEmpty())
            continue;
        const auto &child = d.children[c];
        xml += "<CHILD><HEADER>" + tag("CHILDID", d.childRef(c)) + tag("SEX", QByteArray::number(child.sex)) + tag("DOB", ukDate(child.dob))
               + tag("ETHNIC", child.ethnic) + blocks[c] + "</HEADER>" + episodes[c] + "</CHILD>";
    }
    xml += "</EXPSSDA903>\n";
    files[QStringLiteral("xml/903_return.xml")] = xml;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        QFile f(dir.filePath(it.key()));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(*it) != it->size()) {
            *error = QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
            return false;
        }
    }
    return true;
}

} // namespace DemoReturns
