#pragma once
// SSDA903 code lists and the DfE's placement groups, by collection year
// (../shared/reference/903-codes.md, from the DfE's 903 guidance).
#include <QString>
#include <QStringList>
#include <string_view>

namespace Codes {

// Collection years are named by the year they start: 2023 = the 2023-24 return.
enum class PlacementGroup {
    Foster,
    Adoption,
    Parents,
    SecureAndChildrensHomes,
    IndependentSupported,
    OtherResidential,
    ResidentialSchools,
    Other,
    Unknown,
};
constexpr int placementGroupCount = 9;

// Group of a PLACE code in the collection year containing the date; Unknown when the code
// is not valid that year (H5/P2/Z1 end with 2024-25, K3 starts in 2024-25, Z11-Z14 in 2025-26).
PlacementGroup placementGroup(const QString &place, int collectionYear);
bool isValidPlace(const QString &place, int collectionYear);
QString groupName(PlacementGroup g);
// Key used in JSON output and the benchmark table, e.g. "foster".
QString groupKey(PlacementGroup g);
// The England comparator indicator for a group, e.g. "pl_foster_total_pct"; empty if none.
QString groupBenchmarkIndicator(PlacementGroup g);

bool isFosterWithRelativeOrFriend(const QString &place); // U1-U3
bool isResidential(const QString &place);                // K1, K2, R1, S1 (children's homes, schools)
bool isUnregulated(const QString &place, int collectionYear);
bool isTemporary(const QString &place);                  // T0-T4

// PLACE_PROVIDER: PR1 own provision is in-house, PR2-PR5 external, PR0 neither.
enum class Provision { InHouse, External, Neither };
Provision provision(const QString &placeProvider);

// Legal status V3/V4: agreed series of short breaks, excluded from counts of children looked after.
inline bool isShortBreak(const QString &ls) { return ls == QLatin1String("V3") || ls == QLatin1String("V4"); }
// RNE codes that begin a new placement (PRODUCT §4).
bool startsPlacement(const QString &rne);

// Codes are compared whole and as written: the DfE's validity rules for the 903 (RNE, LS, CIN,
// PLACE, REC; csc-validator-be-903 rules 143, 144, 145, 146, 149) accept a code only if it equals
// one of the listed upper-case codes, so "v3" or "S1" is not a valid LS or RNE. An invalid code is
// a data-quality finding and is never read as a valid one (no truncation, no case folding).
// Postcodes are the exception: a postcode is the same in any case (Royal Mail), see below.
QStringList validLegalStatuses();
QStringList validRne();
QStringList validRec();
QStringList validProviders();
QStringList validReasonPlaceChange();

// The postcode district (outward code) of a UK postcode, upper case, which is all Careboard keeps
// of HOME_POST and PL_POST (PRODUCT §3: postcode districts only). The inward code is always the
// last three characters, a digit and two letters, with or without the space: "nf1 2ab" -> "NF1",
// "NF12AB" -> "NF1", "SW1A 1AA" -> "SW1A"; a district alone stays ("NF10" -> "NF10"). Empty when
// the value is neither a postcode nor a district ("12 High Street", "NF1 2AB 3CD"), so nothing
// that might be an address is kept.
QString postcodeDistrict(QStringView postcode);
// The same on bytes for the import's hot path: writes the district to `out` (NUL-terminated) and
// returns its length, 0 if there is none.
int postcodeDistrict(std::string_view postcode, char (&out)[5]);

} // namespace Codes
