#include "core/returnkinds.h"

#include "core/importtable.h"

namespace ImportTable {

const std::vector<ImportKind> &returnKinds()
{
    static const std::vector<ImportKind> kinds = {ImportKind::Reviews903, ImportKind::Missing903, ImportKind::Oc2903,
                                                  ImportKind::Oc3903, ImportKind::Ad1903, ImportKind::PlacedAdoption903,
                                                  ImportKind::PrevPerm903, ImportKind::SwEpisodes903};
    return kinds;
}

bool isReturnKind(ImportKind kind)
{
    return returnSpec(kind) != nullptr;
}

// Columns as the DfE's 903 guidance lays them out (reference/903-codes.md; PRODUCT §11). No key:
// the peer's returns repeat a review on the same day, so a repeat is a finding, never a refusal.
const KindSpec *returnSpec(ImportKind kind)
{
    using T = ColType;
    const ColumnSpec child{"CHILD", T::Text, true, false}, dob{"DOB", T::Date, false, true};
    static const KindSpec reviews{ImportKind::Reviews903,
                                  {child, dob, {"REVIEW", T::Date, true, false}, {"REVIEW_CODE", T::Text, false, false}}, {}};
    static const KindSpec missing{ImportKind::Missing903,
                                  {child, dob, {"MISSING", T::Text, true, false}, {"MIS_START", T::Date, true, false},
                                   {"MIS_END", T::Date, false, false}}, {}};
    static const KindSpec oc2{ImportKind::Oc2903,
                              {child, dob, {"SDQ_SCORE", T::Int, false, false}, {"SDQ_REASON", T::Text, false, true},
                               {"CONVICTED", T::Bool, false, false}, {"HEALTH_CHECK", T::Bool, false, false},
                               {"IMMUNISATIONS", T::Bool, false, false}, {"TEETH_CHECK", T::Bool, false, false},
                               {"HEALTH_ASSESSMENT", T::Bool, false, false}, {"SUBSTANCE_MISUSE", T::Bool, false, false},
                               {"INTERVENTION_RECEIVED", T::Bool, false, true}, {"INTERVENTION_OFFERED", T::Bool, false, true}}, {}};
    static const KindSpec oc3{ImportKind::Oc3903,
                              {child, dob, {"IN_TOUCH", T::Text, false, false}, {"ACTIV", T::Text, false, false},
                               {"ACCOM", T::Text, false, false}}, {}};
    static const KindSpec ad1{ImportKind::Ad1903,
                              {child, dob, {"DATE_INT", T::Date, false, false}, {"DATE_MATCH", T::Date, false, false},
                               {"FOSTER_CARE", T::Text, false, false}, {"NB_ADOPTR", T::Text, false, false},
                               {"SEX_ADOPTR", T::Text, false, false}, {"LS_ADOPTR", T::Text, false, false}}, {}};
    static const KindSpec placed{ImportKind::PlacedAdoption903,
                                 {child, dob, {"DATE_PLACED", T::Date, true, false}, {"DATE_PLACED_CEASED", T::Date, false, false},
                                  {"REASON_PLACED_CEASED", T::Text, false, false}}, {}};
    // DATE_PERM may be partly unknown in the guidance ("zz/zz/2010"): kept as written.
    static const KindSpec prevPerm{ImportKind::PrevPerm903,
                                   {child, dob, {"PREV_PERM", T::Text, false, false}, {"LA_PERM", T::Text, false, true},
                                    {"DATE_PERM", T::Text, false, true}}, {}};
    static const KindSpec sw{ImportKind::SwEpisodes903,
                             {child, dob, {"SW_ID", T::Text, true, false}, {"SW_DECOM", T::Date, true, false},
                              {"SW_DEC", T::Date, false, false}, {"SW_REASON", T::Text, false, false}}, {}};
    switch (kind) {
    case ImportKind::Reviews903: return &reviews;
    case ImportKind::Missing903: return &missing;
    case ImportKind::Oc2903: return &oc2;
    case ImportKind::Oc3903: return &oc3;
    case ImportKind::Ad1903: return &ad1;
    case ImportKind::PlacedAdoption903: return &placed;
    case ImportKind::PrevPerm903: return &prevPerm;
    case ImportKind::SwEpisodes903: return &sw;
    default: return nullptr;
    }
}

int eventDateColumn(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Reviews903: return Review::REVIEW;
    case ImportKind::Missing903: return Missing::MIS_START;
    case ImportKind::PlacedAdoption903: return PlacedAdoption::DATE_PLACED;
    case ImportKind::SwEpisodes903: return SwEpisode::SW_DECOM;
    default: return -1;
    }
}

const char *returnTableName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Reviews903: return "cla_reviews";
    case ImportKind::Missing903: return "missing_episodes";
    case ImportKind::Oc2903: return "oc2_outcomes";
    case ImportKind::Oc3903: return "care_leavers";
    case ImportKind::Ad1903: return "adoption_decisions";
    case ImportKind::PlacedAdoption903: return "placed_for_adoption";
    case ImportKind::PrevPerm903: return "previous_permanence";
    case ImportKind::SwEpisodes903: return "sw_episodes";
    default: return nullptr;
    }
}

} // namespace ImportTable
