#pragma once
// The residential tracker (seed 001 §39-44, §82) and the weekly unregulated-provision report
// (seed 001 §83): views of the same placement data the panel reviews.
#include "core/money.h"

#include <QDate>
#include <QString>
#include <QVector>

class Store;

namespace Tracker {

// Where a child came from into a residential placement, from the episode before the one that
// started the placement: home (the placement began when the child started to be looked after,
// RNE S, or the previous episode was placed with parents P1), fostering (U1-U6), residential
// (K1, K2, R1, S1, including secure), hospital (R2, T1), anything else other.
enum class Origin { Home, Fostering, Residential, Hospital, Other };
constexpr int originCount = 5;
QString originName(Origin o);
// Seed 001 §40's age bands at the start of the placement: 10 and under, 11-13, 14-15, 16 and over.
constexpr int ageBandCount = 4;
int ageBand(int age);
QString ageBandName(int band);

struct ResidentialRow {
    QString childRef;
    int age = -1;
    int ageBand = 0;
    QString legalStatus, place, provision; // provision: in-house / external
    QString provider;
    QDate placedOn;              // start of the placement (its first episode)
    Origin origin = Origin::Other;
    Money::Pence weeklyFee = 0, enhancements = 0; // enhancements = additionalities
};

// Children in residential provision (K1, K2, R1, S1) at D, oldest placement first.
QVector<ResidentialRow> residentialAt(Store &store, const QDate &d);

// New residential placements started in a financial year, by origin and by age band.
struct NewPlacementsYear {
    int financialYear = 0;
    int total = 0;
    int byOrigin[originCount] = {};
    int byAgeBand[ageBandCount] = {};
};
// Every financial year from `fromFy` to `toFy` (placements starting 1 April .. 31 March).
QVector<NewPlacementsYear> newResidentialPlacements(Store &store, int fromFy, int toFy);

// Both at once, reading the episodes once (the tracker tab shows both).
struct ResidentialReport {
    QVector<ResidentialRow> open;
    QVector<NewPlacementsYear> years;
};
ResidentialReport residentialReport(Store &store, const QDate &d, int fromFy, int toFy);

struct UnregulatedRow {
    QString childRef;
    int age = -1;
    QString place, provision, provider;
    QDate placedOn;
    bool dolsInForce = false;
    QDate dolsTo;
    Money::Pence weeklyCost = 0;
    bool under16 = false;        // panel flag 5's group
    bool dols16to17 = false;     // panel flag 6's group
};
// Children in unregulated provision (placements.regulated = 0) at D, youngest first.
QVector<UnregulatedRow> unregulatedAt(Store &store, const QDate &d);

} // namespace Tracker
