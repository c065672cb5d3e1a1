#pragma once
// Placements' local details and weekly costs (PRODUCT §3, §6): what the cost table, the panel
// and the trackers read, and the one place a fee is changed.
#include "core/money.h"

#include <QDate>
#include <QString>
#include <QVector>

class Store;

struct PlacementRecord {
    qint64 placementId = 0;
    qint64 episodeId = 0;
    qint64 childId = 0;
    QString childRef;
    QDate dob;
    bool uasc = false;
    QDate decom, dec;            // the episode; dec invalid while open
    QString rne, ls, place, placeProvider, plPost;
    qint64 categoryId = 0;       // the override if set, else by PLACE x PLACE_PROVIDER mapping
    QString category;
    bool categoryOverridden = false;
    QString funding;             // framework, spot, in-house
    QString provider;            // provider's name
    bool regulated = true;
    QString ofstedRating;
    QDate ofstedRatedOn;
    bool desiredTypeAchieved = true;
    QDate dolsFrom, dolsTo, plannedEnd;
    Money::Pence weeklyFee = 0;        // fee in force at the date asked about
    Money::Pence additionalWeekly = 0; // additionalities in force at that date
    int version = 1;                   // of the placement row (optimistic concurrency)
    Money::Pence weeklyTotal() const { return weeklyFee + additionalWeekly; }
    bool isExternal() const { return placeProvider == QLatin1String("PR2") || placeProvider == QLatin1String("PR3")
                                     || placeProvider == QLatin1String("PR4") || placeProvider == QLatin1String("PR5"); }
};

struct FeeRecord {
    qint64 feeId = 0;
    QDate effectiveFrom;
    Money::Pence weeklyFee = 0;
    Money::Pence additionalWeekly = 0;
    QString reason, changedBy, changedAt;
    int version = 1;
};

class PlacementStore
{
public:
    explicit PlacementStore(Store &store) : m_store(store) {}

    // Placements (episodes with local details) open at D: DECOM <= D and (no DEC or DEC > D),
    // legal statuses V3/V4 excluded, with the fee in force at D.
    QVector<PlacementRecord> openAt(const QDate &d) const;
    // One placement, with the fee in force at D; placementId 0 if not found.
    PlacementRecord placement(qint64 placementId, const QDate &d) const;
    // All placements of one child, oldest first, with the fee in force at each one's end (or D).
    QVector<PlacementRecord> childPlacements(qint64 childId, const QDate &d) const;
    QVector<FeeRecord> feeHistory(qint64 placementId) const;
    // Every placement open at some point of [from, to] (V3/V4 excluded) as its episode's span
    // (ISO dates; dec empty while open) and its cost category as openAt resolves it (override,
    // PLACE x PLACE_PROVIDER, provider-free mapping, Other; 'Uncategorised' without any).
    struct CategorySpan {
        QString decom, dec, category;
    };
    QVector<CategorySpan> categorySpans(const QDate &from, const QDate &to) const;

    // Sets the fee from `effectiveFrom` (a new fee row, or the row at that date replaced) in one
    // transaction with its audit entries, which give the weekly fee and additionalities before
    // (the row's, or those in force until that date) and after. `expectedVersion` is the
    // placement version the user edited; if the row has moved on since, nothing is written and
    // *error names who changed it.
    // Returns the fee row's previous values in *previous (or none) so an undo can restore them.
    struct FeeChange {
        qint64 placementId = 0;
        QDate effectiveFrom;
        Money::Pence weeklyFee = 0;
        Money::Pence additionalWeekly = 0;
        QString reason;
    };
    bool changeFee(const FeeChange &change, int expectedVersion, QString *error, bool *hadPrevious = nullptr,
                   FeeChange *previous = nullptr);
    // Removes the fee row at effectiveFrom (undo of a new fee row) in one transaction, audited
    // from the removed fee to the one in force again from that date.
    bool removeFee(qint64 placementId, const QDate &effectiveFrom, int expectedVersion, const QString &reason, QString *error);
    // Overrides a placement's cost category (0 clears the override), audited.
    bool setCategoryOverride(qint64 placementId, qint64 categoryId, int expectedVersion, const QString &reason, QString *error);

private:
    QVector<PlacementRecord> query(const QString &where, const QVariantList &values, const QDate &d) const;
    bool bumpVersion(qint64 placementId, int expectedVersion, QString *error);
    // The fee and additionalities in force just before `from` (ISO date): null if none.
    bool inForceBefore(qint64 placementId, const QString &from, QVariant *fee, QVariant *additional, QString *error) const;
    Store &m_store;
};
