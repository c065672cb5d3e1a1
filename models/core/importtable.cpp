#include "core/importtable.h"

#include "core/returnkinds.h"

#include <QDate>

// ---------------------------------------------------------------------------------------------
// Kinds and their columns (PRODUCT §5; 903 layouts from reference/903-codes.md).

namespace ImportTable {

const KindSpec &spec(ImportKind kind)
{
    using T = ColType;
    static const KindSpec header{ImportKind::Header903,
                                 {{"CHILD", T::Text, true, false}, {"SEX", T::Int, true, false}, {"DOB", T::Date, true, false},
                                  {"ETHNIC", T::Text, false, false}, {"UPN", T::Text, false, true},
                                  {"MOTHER", T::Text, false, true}, {"MC_DOB", T::Date, false, true}},
                                 {Header::CHILD}};
    static const KindSpec episodes{ImportKind::Episodes903,
                                   {{"CHILD", T::Text, true, false}, {"DECOM", T::Date, true, false}, {"RNE", T::Text, true, false},
                                    {"LS", T::Text, true, false}, {"CIN", T::Text, false, false}, {"PLACE", T::Text, true, false},
                                    {"PLACE_PROVIDER", T::Text, false, false}, {"DEC", T::Date, false, false},
                                    {"REC", T::Text, false, false}, {"REASON_PLACE_CHANGE", T::Text, false, false},
                                    {"HOME_POST", T::Text, false, false}, {"PL_POST", T::Text, false, false},
                                    {"URN", T::Text, false, true}},
                                   {Episode::CHILD, Episode::DECOM}};
    static const KindSpec uasc{ImportKind::Uasc903,
                               {{"CHILD", T::Text, true, false}, {"SEX", T::Int, true, false}, {"DOB", T::Date, true, false},
                                {"DUC", T::Date, false, false}},
                               {Uasc::CHILD}};
    static const KindSpec cp{ImportKind::CpPlans,
                             {{"CHILD", T::Text, true, false}, {"CPP_START_DATE", T::Date, true, false},
                              {"CPP_END_DATE", T::Date, false, false}, {"INITIAL_CATEGORY", T::Text, false, false}},
                             {Cp::CHILD, Cp::START}};
    static const KindSpec cin{ImportKind::CinEpisodes,
                              {{"CHILD", T::Text, true, false}, {"CIN_REFERRAL_DATE", T::Date, true, false},
                               {"CIN_CLOSURE_DATE", T::Date, false, false}, {"PRIMARY_NEED", T::Text, false, false}},
                              {Cin::CHILD, Cin::REFERRAL}};
    static const KindSpec population{ImportKind::Population,
                                     {{"YEAR", T::Int, true, false}, {"AGE_0_17", T::Int, true, false}},
                                     {Population::YEAR}};
    static const KindSpec benchmarks{ImportKind::Benchmarks,
                                     {{"INDICATOR", T::Text, true, false}, {"YEAR", T::Int, true, false},
                                      {"COMPARATOR", T::Text, true, false}, {"VALUE", T::Real, true, false},
                                      {"SOURCE", T::Text, false, true}},
                                     {Benchmark::INDICATOR, Benchmark::YEAR, Benchmark::COMPARATOR}};
    static const KindSpec costs{ImportKind::PlacementCosts,
                                {{"CHILD", T::Text, true, false}, {"DECOM", T::Date, true, false},
                                 {"EFFECTIVE_FROM", T::Date, false, true}, {"COST_CATEGORY", T::Text, false, false},
                                 {"WEEKLY_FEE", T::Money, true, false}, {"ADDITIONAL_WEEKLY", T::Money, false, true},
                                 {"FUNDING", T::Text, false, false}, {"PROVIDER", T::Text, false, false},
                                 {"REGULATED", T::Bool, false, true}, {"OFSTED_RATING", T::Text, false, true},
                                 {"DESIRED_TYPE_ACHIEVED", T::Bool, false, true}, {"DOLS", T::DateOrFlag, false, true}},
                                {Cost::CHILD, Cost::DECOM, Cost::EFFECTIVE_FROM}};
    static const KindSpec snapshot{ImportKind::CostSnapshot,
                                   {{"MONTH", T::Month, true, false}, {"CATEGORY", T::Text, true, false},
                                    {"AVE_UNIT_COST_WEEK", T::Money, true, false}, {"NUMBER", T::Int, true, false}},
                                   {Snapshot::MONTH, Snapshot::CATEGORY}};
    static const KindSpec none{ImportKind::Unknown, {}, {}};
    switch (kind) {
    case ImportKind::Header903: return header;
    case ImportKind::Episodes903: return episodes;
    case ImportKind::Uasc903: return uasc;
    case ImportKind::CpPlans: return cp;
    case ImportKind::CinEpisodes: return cin;
    case ImportKind::Population: return population;
    case ImportKind::Benchmarks: return benchmarks;
    case ImportKind::PlacementCosts: return costs;
    case ImportKind::CostSnapshot: return snapshot;
    case ImportKind::Xml903:
    case ImportKind::CinCensus:
    case ImportKind::Unknown: break;
    default:
        if (const KindSpec *s = returnSpec(kind))
            return *s;
        break;
    }
    return none;
}

const std::vector<ImportKind> &csvKinds()
{
    static const std::vector<ImportKind> kinds = {ImportKind::Header903, ImportKind::Episodes903, ImportKind::Uasc903,
                                                  ImportKind::CpPlans, ImportKind::CinEpisodes, ImportKind::Population,
                                                  ImportKind::Benchmarks, ImportKind::PlacementCosts, ImportKind::CostSnapshot};
    static const std::vector<ImportKind> all = [] {
        std::vector<ImportKind> k = kinds;
        k.insert(k.end(), returnKinds().begin(), returnKinds().end());
        return k;
    }();
    return all;
}

void isoDate(int64_t julian, char *buf)
{
    int y = 0, m = 0, d = 0;
    QDate::fromJulianDay(julian).getDate(&y, &m, &d);
    if (y < 0 || y > 9999)
        y = 0;
    buf[0] = char('0' + y / 1000);
    buf[1] = char('0' + y / 100 % 10);
    buf[2] = char('0' + y / 10 % 10);
    buf[3] = char('0' + y % 10);
    buf[4] = '-';
    buf[5] = char('0' + m / 10);
    buf[6] = char('0' + m % 10);
    buf[7] = '-';
    buf[8] = char('0' + d / 10);
    buf[9] = char('0' + d % 10);
}

} // namespace ImportTable
