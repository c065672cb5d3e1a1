#pragma once
// The demo authority: a deterministic, fictional local authority shaped like the seeds
// (≈ 120,000 under-18s, ≈ 800 children looked after, seed 000's placement costs), so that a new
// user sees a working dashboard at once and the benchmarks have stores of any size.
#include <QDate>
#include <QString>
#include <QVector>

class Store;

struct DemoOptions {
    quint64 seed = 1;
    int children = 800;   // children looked after at any time; scales everything else
    int fromYear = 2015;  // first financial year (April of this year)
    int toYear = 2025;    // data runs to 31 March of this year
};

struct DemoData {
    // A child's reference is made from its index (childRef), not held: an authority of 50,000
    // looked after knows some 1.7 million children (CIN, CP, care).
    struct Child {
        int sex = 1;
        QDate dob;
        const char *ethnic = "WBRI";
        bool uasc = false;
    };
    struct Episode {
        int child = 0;
        QDate decom, dec;
        const char *rne = "S";
        const char *ls = "C2";
        const char *cin = "N1";
        const char *place = "U4";
        const char *provider = "PR1";
        const char *rec = nullptr;
        const char *reasonPlaceChange = nullptr;
        const char *homePost = nullptr;
        const char *plPost = nullptr;
        // Local placement details (PRODUCT §3); hasPlacement is false for P1 and A3-A6.
        bool hasPlacement = false;
        int providerIndex = -1;
        const char *funding = nullptr;
        bool regulated = true;
        bool desiredTypeAchieved = true;
        QDate dolsFrom, dolsTo, plannedEnd;
        qint64 feePence = 0, additionalPence = 0;
        int category = -1; // index into costCategories, -1 without a placement
    };
    struct Provider {
        QByteArray name;
        const char *rating;
        QDate ratedOn;
    };
    struct FeeChange {
        int episode;
        QDate from;
        qint64 feePence, additionalPence;
        const char *reason;
    };
    struct Plan {
        int child;
        QDate start, end;
        const char *category;
    };
    struct Meeting {
        QDate date;
        const char *chair;
    };
    struct Decision {
        int meeting; // -1: Placements forum
        int episode;
        QDate decidedOn;
        const char *outcome;
        qint64 oldPence = 0, newPence = 0; // newPence 0: no new cost
        QDate newFrom, nextReview;
        QByteArray actions, notes;
    };
    struct Budget {
        int financialYear;
        QString category;
        double number;
        qint64 unitPence;
    };

    QString authorityName;
    QStringList postcodeDistricts;
    QDate start, end;
    QVector<Child> children;
    QVector<Episode> episodes;
    QVector<Provider> providers;
    QVector<FeeChange> feeChanges;
    QVector<Plan> cpPlans, cinEpisodes;
    QVector<QPair<int, int>> population; // mid-year, under-18s
    QVector<Meeting> meetings;
    QVector<Decision> decisions;
    QVector<Budget> budgets;
    QStringList costCategories; // default cost categories of the episodes' placements

    // "NF" and 100000 + index, zero-padded to one width for the whole authority so that the
    // references sort in index order (the UNIQUE index on child_ref is then built in order).
    QByteArray childRef(int index) const;
};

namespace DemoGenerator {

DemoData generate(const DemoOptions &options);
// Replaces the store's case data with `data` in one transaction and labels the store DEMO.
// Refuses a store that holds imported (non-demo) data.
bool write(Store &store, const DemoData &data, QString *error);

} // namespace DemoGenerator
