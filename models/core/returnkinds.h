#pragma once
// The rest of the 903 return's tables (PRODUCT §11): their columns as CSV headers name them, and
// the XML blocks that carry them inside each <CHILD>. DOB is read (and checked against the header)
// but never stored with the rows; the children table holds it once.
#include "core/importtypes.h"

#include <vector>

namespace ImportTable {

struct KindSpec;

namespace Review { enum { CHILD, DOB, REVIEW, REVIEW_CODE }; }
namespace Missing { enum { CHILD, DOB, MISSING, MIS_START, MIS_END }; }
namespace Oc2 { enum { CHILD, DOB, SDQ_SCORE, SDQ_REASON, CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT,
                       SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED }; }
namespace Oc3 { enum { CHILD, DOB, IN_TOUCH, ACTIV, ACCOM }; }
namespace Ad1 { enum { CHILD, DOB, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR }; }
namespace PlacedAdoption { enum { CHILD, DOB, DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED }; }
namespace PrevPerm { enum { CHILD, DOB, PREV_PERM, LA_PERM, DATE_PERM }; }
namespace SwEpisode { enum { CHILD, DOB, SW_ID, SW_DECOM, SW_DEC, SW_REASON }; }

// The eight kinds, in the order a 903 XML file's tables follow its header and episodes.
const std::vector<ImportKind> &returnKinds();
bool isReturnKind(ImportKind kind);
// The column spec of one of returnKinds(); nullptr for any other kind.
const KindSpec *returnSpec(ImportKind kind);
// The column holding the date an event happened (review, missing from, placed, SW start), or -1
// for the tables without one (OC2, OC3, AD1, previous permanence): a file of these alone takes
// its return year from the store.
int eventDateColumn(ImportKind kind);
// The store's table for a kind ("cla_reviews"), and the columns (after CHILD and DOB) in order.
const char *returnTableName(ImportKind kind);

} // namespace ImportTable
