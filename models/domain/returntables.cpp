#include "domain/returntables.h"

#include "core/dates.h"
#include "core/importtable.h"
#include "core/returnkinds.h"

#include <QDate>
#include <QStringList>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

using namespace ImportTable;

namespace ReturnXml {

namespace {
struct Name {
    const char *tag;
    int kind;
};
// The DfE's schema names; AD_PLACED is what the 903 validator's fake files (and some case
// systems) write for PLACED_ADOPTION, PREV_PERM_BLOCK-less PERMANENCE is the schema's.
const Name names[] = {{"EPISODE", 0}, {"AREVIEW", 1}, {"AMISSING", 2}, {"OC2", 3}, {"OC3", 4}, {"AD1", 5},
                      {"PLACED_ADOPTION", 6}, {"AD_PLACED", 6}, {"PERMANENCE", 7}, {"SW_EPISODE", 8}, {"SWEPISODE", 8}};
} // namespace

int blockKind(const QString &tag)
{
    for (const Name &n : names)
        if (tag == QLatin1String(n.tag))
            return n.kind;
    return -1;
}

bool repeats(int kind)
{
    return kind == 0 || kind == 1 || kind == 2 || kind == 6 || kind == 8;
}

QString blockName(int kind)
{
    static const char *const canonical[] = {"EPISODE", "AREVIEW", "AMISSING", "OC2", "OC3", "AD1", "PLACED_ADOPTION", "PERMANENCE", "SW_EPISODE"};
    return kind >= 0 && kind < 9 ? QString::fromLatin1(canonical[kind]) : QString();
}

} // namespace ReturnXml

namespace ReturnChecks {

namespace {

QString text(const Table &t, size_t r, int c)
{
    const std::string_view v = t.text(r, c);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

QString uk(int64_t julian)
{
    return Dates::uk(QDate::fromJulianDay(julian));
}

void code(const Table &t, size_t r, int col, const QStringList &valid, const Report &report)
{
    const QString v = text(t, r, col);
    if (!v.isEmpty() && !valid.contains(v))
        report(r, "invalid-code", QStringLiteral("%1 '%2' is not one of %3").arg(QLatin1String(t.spec->columns[size_t(col)].name), v, valid.join(QStringLiteral(", "))));
}

void order(const Table &t, size_t r, int start, int end, const Report &report)
{
    const int64_t s = t.cell(r, start), e = t.cell(r, end);
    if (s && e && e < s)
        report(r, "end-before-start", QStringLiteral("%1 %2 is before %3 %4")
                                          .arg(QLatin1String(t.spec->columns[size_t(end)].name), uk(e),
                                               QLatin1String(t.spec->columns[size_t(start)].name), uk(s)));
}

} // namespace

void check(const Table &t, const Report &report)
{
    // 903 guidance: REVIEW_CODE PN0 (under 4) to PN7; MISSING M (missing) or A (away without
    // authorisation); IN_TOUCH YES, NO, DIED, REFU (refused contact), NREQ (no longer required), RHOM.
    static const QStringList participation = {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"};
    static const QStringList missing = {"M", "A"};
    static const QStringList inTouch = {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"};
    const ImportKind kind = t.spec->kind;
    std::set<std::tuple<std::string, int64_t, std::string>> seen;
    for (size_t r = 0; r < t.rows(); ++r) {
        switch (kind) {
        case ImportKind::Reviews903: code(t, r, Review::REVIEW_CODE, participation, report); break;
        case ImportKind::Missing903:
            code(t, r, Missing::MISSING, missing, report);
            order(t, r, Missing::MIS_START, Missing::MIS_END, report);
            break;
        case ImportKind::Oc3903: code(t, r, Oc3::IN_TOUCH, inTouch, report); break;
        case ImportKind::Ad1903: order(t, r, Ad1::DATE_INT, Ad1::DATE_MATCH, report); break;
        case ImportKind::PlacedAdoption903: order(t, r, PlacedAdoption::DATE_PLACED, PlacedAdoption::DATE_PLACED_CEASED, report); break;
        case ImportKind::SwEpisodes903: order(t, r, SwEpisode::SW_DECOM, SwEpisode::SW_DEC, report); break;
        default: break;
        }
        // The same event twice: counted once (the measures take distinct events).
        const int date = eventDateColumn(kind);
        const std::string extra = kind == ImportKind::SwEpisodes903 ? std::string(t.text(r, SwEpisode::SW_ID))
                                : kind == ImportKind::Missing903 ? std::string(t.text(r, Missing::MISSING)) : std::string();
        const auto key = std::make_tuple(std::string(t.text(r, 0)), date >= 0 ? t.cell(r, date) : 0, extra);
        if (!seen.insert(key).second)
            report(r, "duplicate-row", date >= 0 ? QStringLiteral("%1 %2 is given again").arg(QLatin1String(t.spec->columns[size_t(date)].name), uk(t.cell(r, date)))
                                                 : QStringLiteral("the child has a second %1 row").arg(importKindName(kind)));
    }
}

} // namespace ReturnChecks
