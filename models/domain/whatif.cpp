#include "domain/whatif.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QString WhatIfScenario::toJson() const
{
    QJsonArray m, u;
    for (const Move &mv : moves)
        m.append(QJsonObject{{QStringLiteral("from"), mv.from}, {QStringLiteral("to"), mv.to}, {QStringLiteral("number"), mv.number}});
    for (const UnitCost &c : unitCosts)
        u.append(QJsonObject{{QStringLiteral("category"), c.category}, {QStringLiteral("weekly_pence"), double(c.weekly)}});
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("moves"), m}, {QStringLiteral("unit_costs"), u}})
                                 .toJson(QJsonDocument::Compact));
}

WhatIfScenario WhatIfScenario::fromJson(const QString &name, const QString &json, QString *error)
{
    WhatIfScenario s;
    s.name = name;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &pe);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("Scenario \"%1\" is not readable: %2").arg(name, pe.errorString());
        return s;
    }
    for (const QJsonValue &v : doc.object().value(QStringLiteral("moves")).toArray()) {
        const QJsonObject o = v.toObject();
        s.moves << Move{o.value(QStringLiteral("from")).toString(), o.value(QStringLiteral("to")).toString(),
                        o.value(QStringLiteral("number")).toInt()};
    }
    for (const QJsonValue &v : doc.object().value(QStringLiteral("unit_costs")).toArray()) {
        const QJsonObject o = v.toObject();
        s.unitCosts << UnitCost{o.value(QStringLiteral("category")).toString(),
                                Money::Pence(o.value(QStringLiteral("weekly_pence")).toDouble())};
    }
    return s;
}

namespace WhatIf {

WhatIfResult apply(const CostTable &actual, const WhatIfScenario &scenario)
{
    WhatIfResult out;
    for (const CostRow &r : actual.rows) {
        WhatIfRow w;
        w.category = r.category;
        w.actualNumber = w.scenarioNumber = r.number;
        w.actualWeekly = w.scenarioWeekly = double(r.weeklyCost());
        out.rows << w;
    }
    const auto find = [&out](const QString &name) -> WhatIfRow * {
        for (WhatIfRow &w : out.rows)
            if (w.category.compare(name, Qt::CaseInsensitive) == 0)
                return &w;
        return nullptr;
    };
    for (const WhatIfScenario::Move &m : scenario.moves) {
        WhatIfRow *from = find(m.from);
        WhatIfRow *to = find(m.to);
        const CostRow *toActual = actual.row(m.to);
        if (!from || !to || m.number <= 0 || from == to) {
            out.warnings << QStringLiteral("Move of %1 from \"%2\" to \"%3\" ignored.").arg(m.number).arg(m.from, m.to);
            continue;
        }
        int n = m.number;
        if (n > from->scenarioNumber) {
            out.warnings << QStringLiteral("Only %1 placements in %2; moved %1, not %3.").arg(from->scenarioNumber).arg(m.from).arg(n);
            n = from->scenarioNumber;
        }
        const double leaveAt = from->scenarioAve();
        double arriveAt = to->scenarioNumber ? to->scenarioAve() : 0.0;
        if (!to->scenarioNumber && toActual && toActual->hasBudget)
            arriveAt = double(toActual->budgetUnitWeek);
        from->scenarioNumber -= n;
        from->scenarioWeekly -= leaveAt * n;
        if (from->scenarioNumber == 0)
            from->scenarioWeekly = 0;
        to->scenarioNumber += n;
        to->scenarioWeekly += arriveAt * n;
    }
    for (const WhatIfScenario::UnitCost &u : scenario.unitCosts) {
        WhatIfRow *w = find(u.category);
        if (!w) {
            out.warnings << QStringLiteral("No category \"%1\" this month.").arg(u.category);
            continue;
        }
        w->scenarioWeekly = double(u.weekly) * w->scenarioNumber;
    }
    out.total.category = QStringLiteral("TOTAL");
    for (const WhatIfRow &w : out.rows) {
        out.total.actualNumber += w.actualNumber;
        out.total.scenarioNumber += w.scenarioNumber;
        out.total.actualWeekly += w.actualWeekly;
        out.total.scenarioWeekly += w.scenarioWeekly;
    }
    return out;
}

} // namespace WhatIf
