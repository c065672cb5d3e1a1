#pragma once
// The CIN census as parsed (PRODUCT §10): children, their referrals (CINdetails) and what hangs
// from each referral, as plain values. Dates are Julian days (0: none). Never a name, UPN or
// former UPN: the reader drops them.
#include <QtGlobal>

#include <string>
#include <vector>

namespace CinData {

struct Assessment {
    qint64 start = 0;            // AssessmentActualStartDate
    qint64 review = 0;           // AssessmentInternalReviewDate
    qint64 authorised = 0;       // AssessmentAuthorisationDate: 0 while not completed
    std::vector<std::string> factors; // FactorsIdentifiedAtAssessment/AssessmentFactors
    int line = 0;
};

struct Section47 {
    qint64 start = 0;            // S47ActualStartDate
    qint64 icpcTarget = 0;       // InitialCPCtarget
    qint64 icpc = 0;             // DateOfInitialCPC
    bool icpcNotRequired = false;
    int line = 0;
};

struct CpPlan {
    qint64 start = 0;            // CPPstartDate
    qint64 end = 0;              // CPPendDate
    std::string initialCategory, latestCategory;
    int previousPlans = -1;      // NumberOfPreviousCPP; -1 if not given
    std::vector<qint64> reviews; // CPPreviewDate
    int line = 0;
};

struct CinPlan {
    qint64 start = 0, end = 0;   // CINPlanStartDate, CINPlanEndDate
    int line = 0;
};

struct Referral {
    qint64 referral = 0;         // CINreferralDate
    qint64 closure = 0;          // CINclosureDate
    std::string source;          // ReferralSource
    std::string primaryNeed;     // PrimaryNeedCode
    std::string reasonForClosure;
    bool nfa = false;            // ReferralNFA: true or 1
    qint64 icpc = 0;             // DateOfInitialCPC of the CINdetails
    std::vector<Assessment> assessments;
    std::vector<CinPlan> cinPlans;
    std::vector<Section47> section47s;
    std::vector<CpPlan> cpPlans;
    int line = 0;
};

struct Child {
    std::string ref;             // LAchildID
    qint64 dob = 0;              // PersonBirthDate
    int sex = 0;                 // 1 male, 2 female, 0 unknown (Sex or GenderCurrent)
    std::string ethnicity;
    std::vector<Referral> referrals;
    int line = 0;
};

struct Census {
    int collectionYear = 0;      // Header Year
    qint64 referenceDate = 0;    // Header ReferenceDate
    std::vector<Child> children;
    qint64 referralCount() const
    {
        qint64 n = 0;
        for (const Child &c : children)
            n += qint64(c.referrals.size());
        return n;
    }
};

} // namespace CinData
