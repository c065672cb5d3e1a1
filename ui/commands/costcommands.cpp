#include "costcommands.h"

#include "core/dates.h"
#include "store/store.h"
#include "storeevents.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CostCommands", text);
}

QString budgetText(const BudgetRecord &b)
{
    return QStringLiteral("%1 × %2").arg(QString::number(b.number), Money::format(b.unitWeek, b.unitWeek % 100 != 0));
}
} // namespace

// FeeChangeCommand ---------------------------------------------------------------------------

FeeChangeCommand::FeeChangeCommand(Store &store, PlacementStore::FeeChange change, int expectedVersion, QUndoCommand *parent)
    : EditCommand(store, parent), m_change(std::move(change)), m_version(expectedVersion)
{
    const PlacementRecord p = PlacementStore(store).placement(m_change.placementId, m_change.effectiveFrom);
    setText(tr("Fee of %1 from %2: %3 + %4 extras")
                .arg(p.childRef.isEmpty() ? QString::number(m_change.placementId) : p.childRef, Dates::uk(m_change.effectiveFrom),
                     Money::format(m_change.weeklyFee, m_change.weeklyFee % 100 != 0),
                     Money::format(m_change.additionalWeekly, m_change.additionalWeekly % 100 != 0)));
}

void FeeChangeCommand::redo()
{
    QString error;
    bool hadPrevious = false;
    PlacementStore::FeeChange previous;
    if (!PlacementStore(m_store).changeFee(m_change, m_version, &error, &hadPrevious, &previous)) {
        fail(error);
        return;
    }
    if (!m_applied) { // the first application defines what undo restores
        m_hadPrevious = hadPrevious;
        m_previous = previous;
    }
    m_applied = true;
    ++m_version;
    costsSucceeded(m_change.placementId);
}

void FeeChangeCommand::undo()
{
    QString error;
    PlacementStore store(m_store);
    const QString reason = tr("Undo: %1").arg(m_change.reason);
    bool ok;
    if (m_hadPrevious) {
        PlacementStore::FeeChange back = m_previous;
        ok = store.changeFee(back, m_version, &error);
    } else {
        ok = store.removeFee(m_change.placementId, m_change.effectiveFrom, m_version, reason, &error);
    }
    if (!ok) {
        fail(tr("Could not undo the fee change: %1").arg(error));
        return;
    }
    ++m_version;
    costsSucceeded(m_change.placementId);
}

bool FeeChangeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const FeeChangeCommand *>(other);
    if (!o || o->failed() || failed() || o->m_change.placementId != m_change.placementId
        || o->m_change.effectiveFrom != m_change.effectiveFrom)
        return false;
    // The other step is already written; keep our "before" and take its "after".
    m_change = o->m_change;
    m_version = o->m_version;
    setText(o->text());
    return true;
}

// BudgetChangeCommand ------------------------------------------------------------------------

BudgetChangeCommand::BudgetChangeCommand(Store &store, BudgetRecord budget, int expectedVersion, const QString &reason,
                                         QUndoCommand *parent)
    : EditCommand(store, parent), m_new(budget), m_version(expectedVersion), m_reason(reason)
{
    m_previous = CostStore(store).budget(budget.financialYear, budget.categoryId);
    const QString category = CostStore(store).categoryName(budget.categoryId);
    setText(tr("Budget %1 %2: %3").arg(Dates::financialYearLabel(budget.financialYear), category, budgetText(budget)));
}

void BudgetChangeCommand::redo()
{
    QString error;
    if (!CostStore(m_store).setBudget(m_new, m_version, m_reason, &error)) {
        fail(error);
        return;
    }
    m_applied = true;
    m_version = m_version + 1; // an insert (0) becomes version 1
    costsSucceeded();
}

void BudgetChangeCommand::undo()
{
    QString error;
    CostStore costs(m_store);
    const QString reason = tr("Undo: %1").arg(m_reason);
    const bool ok = m_previous.version == 0
                        ? costs.removeBudget(m_new.financialYear, m_new.categoryId, m_version, reason, &error)
                        : costs.setBudget(m_previous, m_version, reason, &error);
    if (!ok) {
        fail(tr("Could not undo the budget change: %1").arg(error));
        return;
    }
    m_version = m_previous.version == 0 ? 0 : m_version + 1;
    costsSucceeded();
}

bool BudgetChangeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const BudgetChangeCommand *>(other);
    if (!o || o->failed() || failed() || o->m_new.financialYear != m_new.financialYear || o->m_new.categoryId != m_new.categoryId)
        return false;
    m_new = o->m_new;
    m_version = o->m_version;
    setText(o->text());
    return true;
}

// SnapshotEditCommand ------------------------------------------------------------------------

SnapshotEditCommand::SnapshotEditCommand(Store &store, SnapshotRow row, int expectedVersion, const QString &reason,
                                         QUndoCommand *parent)
    : EditCommand(store, parent), m_new(row), m_version(expectedVersion), m_reason(reason)
{
    m_previous = CostStore(store).snapshotRow(row.id);
    setText(tr("Cost table %1, %2: %3 at %4").arg(row.month, row.category).arg(row.number).arg(Money::format(row.aveUnitWeek)));
}

void SnapshotEditCommand::redo()
{
    QString error;
    if (!CostStore(m_store).updateSnapshotRow(m_new, m_version, m_reason, &error)) {
        fail(error);
        return;
    }
    m_applied = true;
    ++m_version;
    costsSucceeded();
}

void SnapshotEditCommand::undo()
{
    QString error;
    if (!CostStore(m_store).updateSnapshotRow(m_previous, m_version, tr("Undo: %1").arg(m_reason), &error)) {
        fail(tr("Could not undo the cost table edit: %1").arg(error));
        return;
    }
    ++m_version;
    costsSucceeded();
}

bool SnapshotEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const SnapshotEditCommand *>(other);
    if (!o || o->failed() || failed() || o->m_new.id != m_new.id)
        return false;
    m_new = o->m_new;
    m_version = o->m_version;
    setText(o->text());
    return true;
}

// CategoryOverrideCommand --------------------------------------------------------------------

CategoryOverrideCommand::CategoryOverrideCommand(Store &store, qint64 placementId, qint64 categoryId, qint64 previousOverride,
                                                 int expectedVersion, const QString &reason, QUndoCommand *parent)
    : EditCommand(store, parent), m_placementId(placementId), m_category(categoryId), m_previous(previousOverride),
      m_version(expectedVersion), m_reason(reason)
{
    const QString name = categoryId ? CostStore(store).categoryName(categoryId) : tr("the mapped category");
    const QString child = PlacementStore(store).placement(placementId, QDate::currentDate()).childRef;
    setText(tr("Category of %1: %2").arg(child.isEmpty() ? QString::number(placementId) : child, name));
}

void CategoryOverrideCommand::redo()
{
    QString error;
    if (!PlacementStore(m_store).setCategoryOverride(m_placementId, m_category, m_version, m_reason, &error)) {
        fail(error);
        return;
    }
    ++m_version;
    costsSucceeded(m_placementId);
}

void CategoryOverrideCommand::undo()
{
    QString error;
    if (!PlacementStore(m_store).setCategoryOverride(m_placementId, m_previous, m_version, tr("Undo: %1").arg(m_reason), &error)) {
        fail(tr("Could not undo the category change: %1").arg(error));
        return;
    }
    ++m_version;
    costsSucceeded(m_placementId);
}

// CategoryEditCommand ------------------------------------------------------------------------

CategoryEditCommand::CategoryEditCommand(Store &store, const CostCategory &before, const CostCategory &after, QUndoCommand *parent)
    : EditCommand(store, parent), m_before(before), m_after(after), m_version(before.version)
{
    setText(tr("Category %1 edited").arg(after.name));
}

void CategoryEditCommand::redo()
{
    QString error;
    CostCategory c = m_after;
    c.version = m_version;
    if (!CostStore(m_store).updateCategory(c, &error)) {
        fail(error);
        return;
    }
    ++m_version;
    emit events()->categoriesChanged();
    costsSucceeded();
}

void CategoryEditCommand::undo()
{
    QString error;
    CostCategory c = m_before;
    c.version = m_version;
    if (!CostStore(m_store).updateCategory(c, &error)) {
        fail(tr("Could not undo the category edit: %1").arg(error));
        return;
    }
    ++m_version;
    emit events()->categoriesChanged();
    costsSucceeded();
}

// MappingChangeCommand -----------------------------------------------------------------------

MappingChangeCommand::MappingChangeCommand(Store &store, const CategoryMapping &mapping, qint64 newCategoryId, QUndoCommand *parent)
    : EditCommand(store, parent), m_mapping(mapping), m_new(newCategoryId)
{
    setText(tr("Mapping %1 / %2 changed").arg(mapping.place, mapping.placeProvider.isEmpty() ? tr("any") : mapping.placeProvider));
}

void MappingChangeCommand::redo()
{
    QString error;
    if (!CostStore(m_store).setMapping(m_mapping.place, m_mapping.placeProvider, m_new, tr("Mapping edited"), &error)) {
        fail(error);
        return;
    }
    emit events()->categoriesChanged();
    costsSucceeded();
}

void MappingChangeCommand::undo()
{
    QString error;
    if (!CostStore(m_store).setMapping(m_mapping.place, m_mapping.placeProvider, m_mapping.categoryId, tr("Undo: mapping edited"), &error)) {
        fail(tr("Could not undo the mapping change: %1").arg(error));
        return;
    }
    emit events()->categoriesChanged();
    costsSucceeded();
}
