#pragma once
// The Placement Panel's priority flags (PRODUCT §7, seed 001 §75): which external placements the
// panel looks at first, and why, at a date. Pure rules over PlacementRecord; thresholds from
// the `settings` table (panel.*) so that an authority can set its own.
#include "core/money.h"
#include "store/placementstore.h"
#include "store/providerratings.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QVector>

class Store;

// The configurable thresholds. Keys in `settings` are given beside each field.
struct PanelSettings {
    Money::Pence costThreshold = 900000;     // panel.cost_threshold_pence: flag 2 when the weekly cost exceeds it
    int residentialMaxAge = 12;              // panel.residential_max_age: flag 3 when aged this or under
    int unregulatedMaxAge = 15;              // panel.unregulated_max_age: flag 5 when aged this or under ("under 16")
    int dolsMinAge = 16, dolsMaxAge = 17;    // panel.dols_ages "16-17": flag 6's age range
    int monthsTo18 = 6;                      // panel.months_to_18: flag 7 when the 18th birthday is this close
    Money::Pence additionalitiesThreshold = 0; // panel.additionalities_threshold_pence: flag 8 when above it
    int reviewIntervalWeeks = 26;            // panel.review_interval_weeks: due for review after this long

    static PanelSettings load(const Store &store);
    // Writes the thresholds that differ from `basis` (what the user saw when editing), each only
    // if the store still holds the basis value: a colleague's newer change is refused, never
    // overwritten, and thresholds this edit did not touch are left as they are. One transaction.
    bool save(Store &store, const PanelSettings &basis, QString *error) const;
    // save() against the thresholds stored now.
    bool save(Store &store, QString *error) const;
    // The settings keys and their stored text, in a fixed order.
    QList<QPair<QString, QString>> values() const;
};

// Severity of a flag: the four safeguarding scenarios of seed 001 §75 are High, cost and
// leaving-care timing Medium, the rest Low. Urgency on the agenda sums them.
enum class FlagSeverity { Low = 1, Medium = 2, High = 3 };

struct PanelFlag {
    QString code;     // stable key, e.g. "cost_over_threshold"
    FlagSeverity severity = FlagSeverity::Low;
    QString reason;   // in words, e.g. "weekly cost £18,800 exceeds £9,000"
};

namespace PanelRules {

// Flag codes, in PRODUCT §7 order.
extern const char *const flagCodes[8];
// Short label of a flag code for tables ("Cost over threshold").
QString flagLabel(const QString &code);
// Flags raised for placement `p` at D (empty when none). Callers pass external placements open
// at D; `ratings` supplies flag 4's latest judgement (if null, the placement's own rating).
QVector<PanelFlag> evaluate(const PlacementRecord &p, const QDate &d, const PanelSettings &settings,
                            const ProviderRatings *ratings = nullptr);
int urgency(const QVector<PanelFlag> &flags); // sum of severities
int maxSeverity(const QVector<PanelFlag> &flags);
// DoLS order in force at D: from dols_from to dols_to inclusive (either end may be open).
bool dolsInForce(const PlacementRecord &p, const QDate &d);
// "£9,000" or "£9,000.01": pence shown only when there are some.
QString money(Money::Pence p);

} // namespace PanelRules
