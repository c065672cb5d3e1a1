#pragma once
// Every edit of the cost editor as an EditCommand: fees, budgets, snapshot cells, categories and
// their mapping. Typing into the same cell merges into one undo step (id()/mergeWith).
#include "editcommand.h"

#include "store/coststore.h"
#include "store/placementstore.h"

// A placement's weekly fee and additionalities from a date (PlacementStore::changeFee); undo
// restores the previous fee row at that date, or removes the new one.
class FeeChangeCommand : public EditCommand
{
public:
    enum { Id = 4001 };
    FeeChangeCommand(Store &store, PlacementStore::FeeChange change, int expectedVersion, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

    const PlacementStore::FeeChange &change() const { return m_change; }
    // The placement's version after this command's last application (for a following edit).
    int currentVersion() const { return m_version; }

private:
    PlacementStore::FeeChange m_change;
    PlacementStore::FeeChange m_previous;
    bool m_hadPrevious = false;
    int m_version;
};

// A budget cell (number or unit cost) of one category and financial year.
class BudgetChangeCommand : public EditCommand
{
public:
    enum { Id = 4002 };
    BudgetChangeCommand(Store &store, BudgetRecord budget, int expectedVersion, const QString &reason,
                        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    BudgetRecord m_new, m_previous;
    int m_version;
    QString m_reason;
};

// A cell of an entered or imported cost table snapshot.
class SnapshotEditCommand : public EditCommand
{
public:
    enum { Id = 4003 };
    SnapshotEditCommand(Store &store, SnapshotRow row, int expectedVersion, const QString &reason, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    SnapshotRow m_new, m_previous;
    int m_version;
    QString m_reason;
};

// A placement's cost category set by hand (0 returns it to the mapping).
class CategoryOverrideCommand : public EditCommand
{
public:
    CategoryOverrideCommand(Store &store, qint64 placementId, qint64 categoryId, qint64 previousOverride, int expectedVersion,
                            const QString &reason, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    qint64 m_placementId, m_category, m_previous;
    int m_version;
    QString m_reason;
};

// A cost category's name, order, type, provision or in-house equivalent.
class CategoryEditCommand : public EditCommand
{
public:
    CategoryEditCommand(Store &store, const CostCategory &before, const CostCategory &after, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    CostCategory m_before, m_after;
    int m_version;
};

// PLACE x PLACE_PROVIDER mapped onto another category.
class MappingChangeCommand : public EditCommand
{
public:
    MappingChangeCommand(Store &store, const CategoryMapping &mapping, qint64 newCategoryId, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    CategoryMapping m_mapping;
    qint64 m_new;
};
