#pragma once
// Undoable panel edits (STYLE §5). Recording a decision (and the new fee row of a cost change)
// is one audited transaction through PanelStore; undo removes both in one transaction too.
#include "panelstore.h"

#include <QUndoCommand>
#include <functional>

class Store;

class RecordDecisionCommand : public QUndoCommand
{
public:
    // Writes the decision at once; check ok() before pushing (a refused decision changes nothing
    // and should not go on the stack). `changed` runs after every redo/undo so views refresh,
    // `failed` with a message if a later undo/redo is refused (e.g. someone else edited).
    RecordDecisionCommand(Store &store, const PanelDecision &decision, int placementVersion,
                          std::function<void()> changed = {}, std::function<void(const QString &)> failed = {});

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    const PanelDecision &recorded() const { return m_recorded; }

    void undo() override;
    void redo() override;

private:
    Store &m_store;
    PanelDecision m_decision;
    PanelDecision m_recorded;
    PanelStore::FeeUndo m_feeUndo;
    int m_placementVersion;
    bool m_ok = false;
    bool m_firstRedo = true;
    QString m_error;
    std::function<void()> m_changed;
    std::function<void(const QString &)> m_failed;
};
