#include "domain/costtable.h"

#include "core/dates.h"
#include "store/coststore.h"
#include "store/placementstore.h"
#include "store/store.h"

#include <algorithm>
#include <cmath>

namespace {

QDate endOfMonth(const QDate &d)
{
    return Dates::monthEnd(d.year(), d.month());
}

QString monthKey(const QDate &d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

const CostCategory *categoryById(const QVector<CostCategory> &categories, qint64 id)
{
    for (const CostCategory &c : categories)
        if (c.id == id)
            return &c;
    return nullptr;
}

const CostCategory *categoryByName(const QVector<CostCategory> &categories, const QString &name)
{
    for (const CostCategory &c : categories)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

} // namespace

bool CostTable::totalDisagrees() const
{
    if (!hasPublishedTotal)
        return false;
    // Published unit costs are whole pounds: a difference under £1 a week is rounding, not an error.
    return publishedNumber != total.number || std::abs(double(publishedAveWeek) - total.aveUnit()) >= 100.0;
}

int CostTable::rowOf(const QString &category) const
{
    for (int i = 0; i < rows.size(); ++i)
        if (rows.at(i).category.compare(category, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

const CostRow *CostTable::row(const QString &category) const
{
    const int i = rowOf(category);
    return i < 0 ? nullptr : &rows.at(i);
}

const InHouseDifference *CostTable::difference(const QString &category) const
{
    for (const InHouseDifference &d : differences)
        if (d.category.compare(category, Qt::CaseInsensitive) == 0)
            return &d;
    return nullptr;
}

namespace CostTables {

void finish(CostTable &table, const QVector<CostCategory> &categories)
{
    table.total = CostRow();
    table.total.category = QStringLiteral("TOTAL");
    table.total.hasBudget = false;
    for (const CostRow &r : table.rows) {
        table.total.number += r.number;
        table.total.feeWeekly += r.feeWeekly;
        table.total.additionalWeekly += r.additionalWeekly;
        if (r.hasBudget) {
            table.total.hasBudget = true;
            table.total.budgetNumber += r.budgetNumber;
        }
    }
    // The TOTAL's budget unit cost is the budget-weighted mean, so that its annual equals the sum.
    double budgetWeekly = 0;
    for (const CostRow &r : table.rows)
        if (r.hasBudget)
            budgetWeekly += r.budgetNumber * double(r.budgetUnitWeek);
    table.total.budgetUnitWeek = table.total.budgetNumber > 0 ? Money::Pence(std::llround(budgetWeekly / table.total.budgetNumber)) : 0;

    // Differences to in-house: each category with an in-house equivalent (PRODUCT §6).
    table.differences.clear();
    for (const CostRow &r : table.rows) {
        const CostCategory *c = r.categoryId ? categoryById(categories, r.categoryId) : categoryByName(categories, r.category);
        if (!c || !c->inhouseEquivalentId)
            continue;
        const CostCategory *in = categoryById(categories, c->inhouseEquivalentId);
        if (!in)
            continue;
        const CostRow *inRow = table.row(in->name);
        InHouseDifference d;
        d.category = r.category;
        d.inhouse = in->name;
        d.categoryAve = r.aveUnit();
        d.inhouseAve = inRow ? inRow->aveUnit() : 0;
        d.available = r.number > 0 && inRow && inRow->number > 0;
        table.differences << d;
    }
}

CostTableTotals totals(Store &store, const QDate &month)
{
    CostTableBuilder builder(store);
    const CostTable t = builder.build(month);
    CostTableTotals out;
    out.monthEnd = t.monthEnd;
    out.source = t.source;
    out.number = t.total.number;
    out.weekly = t.total.weeklyCost();
    out.annual = t.total.annualCost();
    out.aveWeekly = t.total.aveUnit();
    return out;
}

QVector<QPair<QDate, QHash<QString, int>>> numbersOverTime(Store &store, const QDate &lastMonth, int months)
{
    QVector<QDate> ends;
    for (int i = months - 1; i >= 0; --i)
        ends << endOfMonth(lastMonth.addMonths(-i));
    QVector<QHash<QString, int>> counts(ends.size());
    QVector<bool> hasPlacements(ends.size(), false);
    // One pass over the placements open at any point of the window (not one query per month):
    // category as PlacementStore resolves it (override, PLACE x PLACE_PROVIDER, provider-free, Other).
    QStringList endIso;
    for (const QDate &d : ends)
        endIso << Dates::iso(d);
    for (const PlacementStore::CategorySpan &p : PlacementStore(store).categorySpans(ends.first(), ends.last())) {
        for (int i = 0; i < ends.size(); ++i) {
            const QString &end = endIso.at(i);
            if (p.decom <= end && (p.dec.isEmpty() || p.dec > end)) { // ISO dates compare as text
                counts[i][p.category] += 1;
                hasPlacements[i] = true;
            }
        }
    }
    CostStore costs(store);
    QVector<QPair<QDate, QHash<QString, int>>> out;
    for (int i = 0; i < ends.size(); ++i) {
        if (!hasPlacements.at(i))
            for (const SnapshotRow &r : costs.snapshot(monthKey(ends.at(i))))
                if (r.category.compare(QLatin1String("TOTAL"), Qt::CaseInsensitive) != 0)
                    counts[i][r.category] += r.number;
        out << qMakePair(ends.at(i), counts.at(i));
    }
    return out;
}

} // namespace CostTables

CostTableBuilder::CostTableBuilder(Store &store) : m_store(store) {}

// Adds (sign +1) or removes (sign -1) one placement's contribution to the table's rows and to the
// framework-vs-spot comparison: the live editor re-counts one placement, not the month.
static void accumulate(CostTable &t, QHash<qint64, int> &rowOf, const PlacementRecord &p, int sign)
{
    auto it = rowOf.find(p.categoryId);
    if (it == rowOf.end()) {
        CostRow r;
        r.categoryId = p.categoryId;
        r.category = p.category.isEmpty() ? QStringLiteral("Uncategorised") : p.category;
        it = rowOf.insert(p.categoryId, int(t.rows.size()));
        t.rows << r;
    }
    CostRow &r = t.rows[*it];
    r.number += sign;
    r.feeWeekly += sign * p.weeklyFee;
    r.additionalWeekly += sign * p.additionalWeekly;
    // Seed 001 §67: framework and spot are the two ways external placements are bought.
    const bool framework = p.funding.compare(QLatin1String("framework"), Qt::CaseInsensitive) == 0;
    if (!framework && p.funding.compare(QLatin1String("spot"), Qt::CaseInsensitive) != 0)
        return;
    const QString type = r.placementType.isEmpty() ? QStringLiteral("Other") : r.placementType;
    FundingComparison *fc = nullptr;
    for (FundingComparison &f : t.funding)
        if (f.placementType == type)
            fc = &f;
    if (!fc) {
        t.funding << FundingComparison{type};
        fc = &t.funding.last();
    }
    if (framework) {
        fc->frameworkNumber += sign;
        fc->frameworkWeekly += sign * p.weeklyFee;
    } else {
        fc->spotNumber += sign;
        fc->spotWeekly += sign * p.weeklyFee;
    }
}

static CostTable emptyTable(const QDate &monthEnd, const QVector<CostCategory> &categories, QHash<qint64, int> &rowOf)
{
    CostTable t;
    t.monthEnd = monthEnd;
    t.financialYear = Dates::financialYear(monthEnd);
    rowOf.clear();
    for (const CostCategory &c : categories) {
        CostRow r;
        r.categoryId = c.id;
        r.category = c.name;
        r.placementType = c.placementType;
        r.provision = c.provision;
        rowOf.insert(c.id, int(t.rows.size()));
        t.rows << r;
    }
    return t;
}

CostTable CostTableBuilder::fromPlacements(const QDate &monthEnd, const QVector<PlacementRecord> &placements,
                                           const QVector<CostCategory> &categories)
{
    QHash<qint64, int> rowOf;
    CostTable t = emptyTable(monthEnd, categories, rowOf);
    t.source = placements.isEmpty() ? CostTable::Source::None : CostTable::Source::Placements;
    for (const PlacementRecord &p : placements)
        accumulate(t, rowOf, p, +1);
    CostTables::finish(t, categories);
    return t;
}

void CostTableBuilder::applyBudgets(CostTable &table) const
{
    const QVector<BudgetRecord> budgets = CostStore(m_store).budgets(table.financialYear);
    for (CostRow &r : table.rows) {
        qint64 id = r.categoryId;
        if (!id)
            if (const CostCategory *c = categoryByName(m_categories, r.category))
                id = c->id;
        for (const BudgetRecord &b : budgets)
            if (id && b.categoryId == id) {
                r.hasBudget = true;
                r.budgetNumber = b.number;
                r.budgetUnitWeek = b.unitWeek;
                r.budgetVersion = b.version;
            }
    }
}

void CostTableBuilder::finish(CostTable &table) const
{
    applyBudgets(table);
    CostTables::finish(table, m_categories);
}

CostTable CostTableBuilder::fromSnapshot(const QDate &monthEnd) const
{
    CostTable t;
    t.monthEnd = monthEnd;
    t.financialYear = Dates::financialYear(monthEnd);
    const QVector<SnapshotRow> rows = CostStore(m_store).snapshot(monthKey(monthEnd));
    if (rows.isEmpty())
        return t;
    t.source = CostTable::Source::Snapshot;
    // A snapshot keeps its own published order; categories are matched by name for pairs and budgets.
    for (const SnapshotRow &s : rows) {
        if (s.category.compare(QLatin1String("TOTAL"), Qt::CaseInsensitive) == 0) {
            t.hasPublishedTotal = true;
            t.publishedAveWeek = s.aveUnitWeek;
            t.publishedNumber = s.number;
            t.publishedTotalId = s.id;
            t.publishedTotalVersion = s.version;
            continue;
        }
        CostRow r;
        r.category = s.category;
        if (const CostCategory *c = categoryByName(m_categories, s.category)) {
            r.categoryId = c->id;
            r.placementType = c->placementType;
            r.provision = c->provision;
        }
        r.number = s.number;
        r.feeWeekly = s.aveUnitWeek * s.number;
        r.snapshotId = s.id;
        r.snapshotVersion = s.version;
        t.rows << r;
    }
    return t;
}

CostTable CostTableBuilder::build(const QDate &month)
{
    m_monthEnd = endOfMonth(month);
    m_categories = CostStore(m_store).categories();
    m_placements = PlacementStore(m_store).openAt(m_monthEnd);
    m_base = emptyTable(m_monthEnd, m_categories, m_rowOf);
    m_base.source = CostTable::Source::Placements;
    for (const PlacementRecord &p : m_placements)
        accumulate(m_base, m_rowOf, p, +1);
    return recompute();
}

CostTable CostTableBuilder::recompute()
{
    CostTable t;
    if (!m_placements.isEmpty()) {
        t = m_base;
        t.funding.erase(std::remove_if(t.funding.begin(), t.funding.end(),
                                       [](const FundingComparison &f) { return !f.frameworkNumber && !f.spotNumber; }),
                        t.funding.end());
    } else {
        t = fromSnapshot(m_monthEnd);
        if (t.source == CostTable::Source::None) {
            QHash<qint64, int> rowOf;
            t = emptyTable(m_monthEnd, m_categories, rowOf);
        }
    }
    finish(t);
    return t;
}

CostTable CostTableBuilder::refreshPlacement(qint64 placementId)
{
    const PlacementRecord fresh = PlacementStore(m_store).placement(placementId, m_monthEnd);
    const bool open = fresh.placementId && fresh.decom <= m_monthEnd && (!fresh.dec.isValid() || fresh.dec > m_monthEnd)
                      && fresh.ls != QLatin1String("V3") && fresh.ls != QLatin1String("V4");
    bool found = false;
    for (int i = 0; i < m_placements.size(); ++i)
        if (m_placements.at(i).placementId == placementId) {
            found = true;
            accumulate(m_base, m_rowOf, m_placements.at(i), -1);
            if (open) {
                m_placements[i] = fresh;
                accumulate(m_base, m_rowOf, fresh, +1);
            } else {
                m_placements.remove(i);
            }
            break;
        }
    if (!found && open) {
        m_placements << fresh;
        accumulate(m_base, m_rowOf, fresh, +1);
    }
    return recompute();
}
