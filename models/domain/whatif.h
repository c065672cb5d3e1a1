#pragma once
// What-if (PRODUCT §6): move N placements from one category to another and/or change a
// category's unit cost, and see the weekly and annual effect beside the actuals. Works on a copy
// of the month's cost table; stored data is never touched. Scenarios save as JSON text.
#include "domain/costtable.h"

#include <QString>
#include <QVector>

struct WhatIfScenario {
    struct Move {
        QString from, to;
        int number = 0;
    };
    struct UnitCost {
        QString category;
        Money::Pence weekly = 0; // new average weekly unit cost
    };
    QString name;
    QVector<Move> moves;
    QVector<UnitCost> unitCosts;

    bool isEmpty() const { return moves.isEmpty() && unitCosts.isEmpty(); }
    QString toJson() const;
    static WhatIfScenario fromJson(const QString &name, const QString &json, QString *error = nullptr);
};

struct WhatIfRow {
    QString category;
    int actualNumber = 0, scenarioNumber = 0;
    double actualWeekly = 0, scenarioWeekly = 0; // pence
    double weeklyEffect() const { return scenarioWeekly - actualWeekly; }
    double annualEffect() const { return CostMath::annual(weeklyEffect()); }
    double scenarioAve() const { return scenarioNumber ? scenarioWeekly / scenarioNumber : 0.0; }
};

struct WhatIfResult {
    QVector<WhatIfRow> rows; // the actual table's categories, in its order
    WhatIfRow total;
    QStringList warnings;    // e.g. more placements moved than a category holds
};

namespace WhatIf {
// A moved placement leaves at its category's average and arrives at the destination's average
// (its budget unit cost if the destination has no placements this month).
WhatIfResult apply(const CostTable &actual, const WhatIfScenario &scenario);
} // namespace WhatIf
