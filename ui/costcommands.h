#pragma once
// Every edit of the cost editor (and the Panel's fee decisions) as an undo command on the main
// window's one QUndoStack. Each command writes through the store layer (one transaction with its
// audit entry, refusing a stale version) and tells StoreEvents. Typing into the same cell merges
// into one undo step. A refused write leaves the store unchanged: the command marks itself
// obsolete (QUndoStack then discards it) and reports lastError() and StoreEvents::editFailed.
#include "store/coststore.h"
#include "store/placementstore.h"

#include <QUndoCommand>

class Store;
class QUndoStack;

class CostCommand : public QUndoCommand
{
public:
    QString lastError() const { return m_lastError; }
    bool failed() const { return m_failed; }

    // Pushes `command` onto `stack`. Returns false, with the store's message in *error, if its
    // first application was refused (nothing written; the command is discarded).
    static bool push(QUndoStack *stack, CostCommand *command, QString *error);

protected:
    CostCommand(Store &store, QUndoCommand *parent);
    // Records a refusal: the first redo marks the command obsolete (never pushed); a failed undo
    // or redo later also drops it from the stack, leaving the store as it is.
    void fail(const QString &message);
    void succeeded(qint64 placementId = 0);

    Store &m_store;
    bool m_applied = false;

private:
    QString m_lastError;
    bool m_failed = false;
    QString *m_pushError = nullptr;
};

// A placement's weekly fee and additionalities from a date (PlacementStore::changeFee); undo
// restores the previous fee row at that date, or removes the new one.
class FeeChangeCommand : public CostCommand
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
class BudgetChangeCommand : public CostCommand
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
class SnapshotEditCommand : public CostCommand
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
class CategoryOverrideCommand : public CostCommand
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
class CategoryEditCommand : public CostCommand
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
class MappingChangeCommand : public CostCommand
{
public:
    MappingChangeCommand(Store &store, const CategoryMapping &mapping, qint64 newCategoryId, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    CategoryMapping m_mapping;
    qint64 m_new;
};
