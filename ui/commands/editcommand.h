#pragma once
// The one base of every user edit (STYLE §5): a QUndoCommand that writes through the store in
// its redo and undo, each one audited transaction refusing a stale version. The first redo runs
// when the command is pushed (EditCommand::push), so a refused edit never reaches the stack.
//
// One way to report a refusal: a step the store refuses calls fail(), which keeps the store's
// message (error()), marks the command obsolete (QUndoStack then drops it, so the history never
// claims a change the store does not hold) and emits StoreEvents::editFailed, which every screen
// shows in its notice bar. What changed is told through StoreEvents too, so every screen showing
// a fee, budget or decision redraws, whichever screen made the edit.
#include <QString>
#include <QUndoCommand>

class Store;
class StoreEvents;
class QUndoStack;

class EditCommand : public QUndoCommand
{
public:
    QString error() const { return m_error; }
    bool failed() const { return m_failed; }

    // Pushes `command` onto `stack` (which owns it from then on). Returns false, with the
    // store's message in *error, if its first application was refused: nothing was written and
    // the command is gone. Without a stack the edit is written and not kept.
    static bool push(QUndoStack *stack, EditCommand *command, QString *error = nullptr);

protected:
    EditCommand(Store &store, QUndoCommand *parent);

    // A refused step: records `message`, drops the command from the history, tells StoreEvents.
    void fail(const QString &message);
    // A step written: clears the last refusal.
    void succeeded();
    // A step written that changed cost figures (and `placementId`'s fee or category, if given).
    void costsSucceeded(qint64 placementId = 0);
    StoreEvents *events() const;

    Store &m_store;
    bool m_applied = false; // the first redo has been written

private:
    QString m_error;
    bool m_failed = false;
    QString *m_pushError = nullptr;
};
