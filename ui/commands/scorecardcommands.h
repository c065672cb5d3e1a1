#pragma once
// The Scorecard's edits (a target, a commentary) as EditCommands.
#include "editcommand.h"

#include "itemmodels/scorecardmodel.h"

#include <QPointer>

// One edit of a target or a commentary. Redo writes the new value and undo the old one, each
// against the version the previous step left (so undoing after a colleague changed the same
// target is refused with their name, not overwritten). It names the indicator and period, not a
// row, so it stays valid when the scorecard shows another period. Typing into the same cell
// again merges into one step.
class ScorecardEditCommand : public EditCommand
{
public:
    enum { Id = 4101 };
    ScorecardEditCommand(Store &store, ScorecardModel *model, const ScorecardModel::Entry &before, const ScorecardModel::Entry &after,
                         int version, const QString &title, QUndoCommand *parent = nullptr);

    // Makes `model` editable, each edit pushed onto `stack` as a ScorecardEditCommand.
    static void attach(Store &store, ScorecardModel *model, QUndoStack *stack);

    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const ScorecardModel::Entry &entry);
    QPointer<ScorecardModel> m_model;
    ScorecardModel::Entry m_before, m_after;
    int m_version;
};
