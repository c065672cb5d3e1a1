#include "core/codes.h"

#include <QSet>

#include <algorithm>

namespace Codes {

static bool isOneOf(const QString &v, std::initializer_list<const char *> list)
{
    for (const char *c : list)
        if (v == QLatin1String(c))
            return true;
    return false;
}

bool isValidPlace(const QString &p, int year)
{
    if (isOneOf(p, {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
                    "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6"}))
        return true;
    if (isOneOf(p, {"H5", "P2", "Z1"}))
        return year <= 2024;
    if (p == QLatin1String("K3"))
        return year >= 2024;
    if (isOneOf(p, {"Z11", "Z12", "Z13", "Z14"}))
        return year >= 2025;
    return false;
}

PlacementGroup placementGroup(const QString &p, int year)
{
    if (!isValidPlace(p, year))
        return PlacementGroup::Unknown;
    const QChar c = p.isEmpty() ? QChar() : p[0];
    if (c == u'U')
        return PlacementGroup::Foster;
    if (c == u'A')
        return PlacementGroup::Adoption;
    if (p == QLatin1String("P1"))
        return PlacementGroup::Parents;
    if (p == QLatin1String("K1") || p == QLatin1String("K2"))
        return PlacementGroup::SecureAndChildrensHomes;
    if (isOneOf(p, {"H5", "P2", "K3"}))
        return PlacementGroup::IndependentSupported;
    if (isOneOf(p, {"R1", "R2", "R3", "R5", "P3"}))
        return PlacementGroup::OtherResidential;
    if (p == QLatin1String("S1"))
        return PlacementGroup::ResidentialSchools;
    return PlacementGroup::Other; // Z1, Z11-Z14, T0-T4
}

QString groupName(PlacementGroup g)
{
    switch (g) {
    case PlacementGroup::Foster: return QStringLiteral("Foster placements");
    case PlacementGroup::Adoption: return QStringLiteral("Placed for adoption");
    case PlacementGroup::Parents: return QStringLiteral("Placed with parents");
    case PlacementGroup::SecureAndChildrensHomes: return QStringLiteral("Secure homes and children's homes");
    case PlacementGroup::IndependentSupported: return QStringLiteral("Independent living / supported accommodation");
    case PlacementGroup::OtherResidential: return QStringLiteral("Other residential settings");
    case PlacementGroup::ResidentialSchools: return QStringLiteral("Residential schools");
    case PlacementGroup::Other: return QStringLiteral("Other placements");
    case PlacementGroup::Unknown: return QStringLiteral("Unknown code");
    }
    return {};
}

QString groupKey(PlacementGroup g)
{
    switch (g) {
    case PlacementGroup::Foster: return QStringLiteral("foster");
    case PlacementGroup::Adoption: return QStringLiteral("adoption");
    case PlacementGroup::Parents: return QStringLiteral("parents");
    case PlacementGroup::SecureAndChildrensHomes: return QStringLiteral("secure_and_childrens_homes");
    case PlacementGroup::IndependentSupported: return QStringLiteral("independent_supported");
    case PlacementGroup::OtherResidential: return QStringLiteral("other_residential");
    case PlacementGroup::ResidentialSchools: return QStringLiteral("residential_schools");
    case PlacementGroup::Other: return QStringLiteral("other");
    case PlacementGroup::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

QString groupBenchmarkIndicator(PlacementGroup g)
{
    switch (g) {
    case PlacementGroup::Foster: return QStringLiteral("pl_foster_total_pct");
    case PlacementGroup::Adoption: return QStringLiteral("pl_placed_for_adoption_pct");
    case PlacementGroup::Parents: return QStringLiteral("pl_placed_with_parents_pct");
    case PlacementGroup::SecureAndChildrensHomes: return QStringLiteral("pl_secure_and_childrens_homes_pct");
    case PlacementGroup::IndependentSupported: return QStringLiteral("pl_independent_semi_independent_supported_accom_pct");
    case PlacementGroup::OtherResidential: return QStringLiteral("pl_other_residential_settings_pct");
    case PlacementGroup::ResidentialSchools: return QStringLiteral("pl_residential_schools_pct");
    case PlacementGroup::Other: return QStringLiteral("pl_other_placements_pct");
    case PlacementGroup::Unknown: return {};
    }
    return {};
}

bool isFosterWithRelativeOrFriend(const QString &p)
{
    return isOneOf(p, {"U1", "U2", "U3"});
}

bool isResidential(const QString &p)
{
    return isOneOf(p, {"K1", "K2", "R1", "S1"});
}

bool isUnregulated(const QString &p, int year)
{
    // Semi-independent accommodation (H5) and independent living (P2) were unregulated until
    // Ofsted registration of supported accommodation (K3) began in 2024-25 (seed 001 §58).
    return isOneOf(p, {"H5", "P2"}) && year <= 2024;
}

bool isTemporary(const QString &p)
{
    return isOneOf(p, {"T0", "T1", "T2", "T3", "T4"});
}

Provision provision(const QString &pp)
{
    if (pp == QLatin1String("PR1"))
        return Provision::InHouse;
    if (isOneOf(pp, {"PR2", "PR3", "PR4", "PR5"}))
        return Provision::External;
    return Provision::Neither;
}

bool startsPlacement(const QString &rne)
{
    return isOneOf(rne, {"S", "P", "T", "U", "B"});
}

QStringList validLegalStatuses()
{
    return {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"};
}

QStringList validRne()
{
    return {"S", "L", "P", "T", "B", "U"};
}

QStringList validRec()
{
    return {"X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
            "E5", "E6", "E7", "E9", "E14", "E15", "E16", "E17", "E8"};
}

QStringList validProviders()
{
    return {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"};
}

QStringList validReasonPlaceChange()
{
    return {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"};
}

namespace {

bool isLetter(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// An outward code: A9, A99, A9A, AA9, AA99, AA9A (and GIR, of GIR 0AA).
bool isOutwardCode(const char *s, int n)
{
    if (n == 3 && s[0] == 'G' && s[1] == 'I' && s[2] == 'R')
        return true;
    if (n < 2 || n > 4 || !isLetter(s[0]))
        return false;
    int i = isLetter(s[1]) ? 2 : 1;
    if (i >= n || !isDigit(s[i]))
        return false;
    ++i;
    if (i < n && (isDigit(s[i]) || isLetter(s[i])))
        ++i;
    return i == n;
}

} // namespace

int postcodeDistrict(std::string_view postcode, char (&out)[5])
{
    out[0] = 0;
    char chars[8];   // the postcode without spaces, upper case: at most 7 characters
    int n = 0, beforeSpace = -1;
    for (const char c : postcode) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (n > 0 && beforeSpace < 0)
                beforeSpace = n;
            continue;
        }
        if (n == 7)
            return 0; // longer than any postcode
        chars[n++] = (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    }
    int length = 0;
    if (n >= 5 && isDigit(chars[n - 3]) && isLetter(chars[n - 2]) && isLetter(chars[n - 1]))
        length = n - 3;              // a whole postcode: drop the inward code
    else if (beforeSpace > 0 && beforeSpace < n)
        length = beforeSpace;        // a district and a partial inward code ("NF1 2")
    else if (beforeSpace < 0 || beforeSpace == n)
        length = n;                  // a district alone
    if (!isOutwardCode(chars, length))
        return 0;
    std::copy(chars, chars + length, out);
    out[length] = 0;
    return length;
}

QString postcodeDistrict(QStringView postcode)
{
    const QByteArray latin = postcode.toLatin1();
    char out[5];
    const int n = postcodeDistrict(std::string_view(latin.constData(), size_t(latin.size())), out);
    return QString::fromLatin1(out, n);
}

} // namespace Codes
