#pragma once
// What an import reports, as plain values shared by the importer, its store and the Data screen:
// the kind of each file, format errors (the file is rejected), data-quality findings (stored,
// never blocking) and the per-file summary.
#include <QString>

enum class ImportKind {
    Unknown,
    Header903,
    Episodes903,
    Uasc903,
    Xml903,
    CpPlans,
    CinEpisodes,
    Population,
    Benchmarks,
    PlacementCosts,
    CostSnapshot,
    CinCensus,                // the CIN census XML (PRODUCT §10)
    // The rest of the 903 (PRODUCT §11): core/returnkinds.h.
    Reviews903,
    Missing903,
    Oc2903,
    Oc3903,
    Ad1903,
    PlacedAdoption903,
    PrevPerm903,
    SwEpisodes903,
};

// "903 episodes", as shown to the user and stored in imports.kind.
QString importKindName(ImportKind kind);

// A format error: the file is rejected. Printed as `file:line: COLUMN: message`.
struct ImportError {
    QString file;
    int line = 0;
    QString column;
    QString message;
    QString where;     // in an XML file, the child and element ("CHILD 907440, EPISODE 2")
    QString text() const;
};

// A data-quality finding: stored, listed, does not block the import.
struct ImportFinding {
    QString file;
    int line = 0;
    QString rule;      // e.g. "open-with-rec"
    QString message;
    QString childRef;
    QString where;     // in an XML file, the child and element ("CHILD 907440, EPISODE 2")
    QString text() const;
};

struct ImportFileSummary {
    QString file;
    ImportKind kind = ImportKind::Unknown;
    qint64 rows = 0;
    int returnYear = 0;      // 903 episodes: the financial year (start year) the return covers
    qint64 added = 0, updated = 0, removed = 0, skipped = 0;
    bool unchanged = false;  // the same content was imported before: nothing written
    QString text() const;
};
