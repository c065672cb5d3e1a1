#pragma once
// The demo authority's rows as the demo generator (domain) makes them and the demo writer
// (store, DemoStore) writes them: a record type beside its storage.
#include "store/demoreturndata.h"

#include <QByteArray>
#include <QDate>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

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
    DemoReturnData returns;     // the rest of the 903 (issue 17)

    // "NF" and 100000 + index, zero-padded to one width for the whole authority so that the
    // references sort in index order (the UNIQUE index on child_ref is then built in order).
    QByteArray childRef(int index) const;
};
