#pragma once
// One entry point per importer parser, shared by the libFuzzer targets (built with clang when
// CAREBOARD_FUZZ is on) and the corpus replay test run by ctest. The CSV targets put the kind's
// header row before the fuzzed bytes so that the fuzzer spends its time in the rows.
#include "domain/importer.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace Fuzz {

struct Target {
    const char *name;
    const char *prefix;  // header row (CSV) or nothing
};

inline const Target *targets()
{
    static const Target list[] = {
        {"detect", ""},
        {"header", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"},
        {"episodes", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"},
        {"uasc", "CHILD,SEX,DOB,DUC\n"},
        {"cp", "CHILD,CPP_START_DATE,CPP_END_DATE,INITIAL_CATEGORY\n"},
        {"cin", "CHILD,CIN_REFERRAL_DATE,CIN_CLOSURE_DATE,PRIMARY_NEED\n"},
        {"population", "YEAR,AGE_0_17\n"},
        {"benchmarks", "INDICATOR,YEAR,COMPARATOR,VALUE,SOURCE\n"},
        {"costs", "CHILD,DECOM,EFFECTIVE_FROM,COST_CATEGORY,WEEKLY_FEE,ADDITIONAL_WEEKLY,FUNDING,PROVIDER,REGULATED,OFSTED_RATING,"
                  "DESIRED_TYPE_ACHIEVED,DOLS\n"},
        {"snapshot", "MONTH,CATEGORY,AVE_UNIT_COST_WEEK,NUMBER\n"},
        {"xml", "<Message>"},
        // The CIN census (issue 16): what follows its header.
        {"cincensus", "<Message><Header><CollectionDetails><Collection>CIN</Collection></CollectionDetails></Header>"},
        {nullptr, nullptr},
    };
    return list;
}

inline const Target *find(const char *name)
{
    for (const Target *t = targets(); t->name; ++t)
        if (std::strcmp(t->name, name) == 0)
            return t;
    return nullptr;
}

// Parses the input as the target's kind; never writes anything. Returns the format errors.
inline int run(const Target &target, const uint8_t *data, size_t size)
{
    QByteArray bytes(target.prefix);
    bytes.append(reinterpret_cast<const char *>(data), qsizetype(size));
    if (std::strcmp(target.name, "detect") == 0)
        Importer::detectKind(bytes);
    int findings = 0;
    return Importer::parseOnly(QStringLiteral("fuzz.csv"), bytes, &findings);
}

} // namespace Fuzz
