#include "editcommand.h"

#include "storeevents.h"

#include <QUndoStack>

EditCommand::EditCommand(Store &store, QUndoCommand *parent) : QUndoCommand(parent), m_store(store) {}

bool EditCommand::push(QUndoStack *stack, EditCommand *command, QString *error)
{
    QString pushError;
    command->m_pushError = &pushError;
    if (!stack) { // a screen without history (a test, a one-off window): written, not undoable
        command->redo();
        delete command;
    } else {
        stack->push(command);
    } // runs redo; may delete `command` (refused, or merged into the previous step)
    if (pushError.isEmpty()) {
        return true;
    }
    if (error)
        *error = pushError;
    return false;
}

void EditCommand::fail(const QString &message)
{
    m_failed = true;
    m_error = message;
    if (m_pushError) {
        *m_pushError = message.isEmpty() ? QStringLiteral("refused") : message;
        m_pushError = nullptr;
    }
    setObsolete(true);
    emit events()->editFailed(message);
}

void EditCommand::succeeded()
{
    m_failed = false;
    m_error.clear();
    m_pushError = nullptr;
}

void EditCommand::costsSucceeded(qint64 placementId)
{
    succeeded();
    StoreEvents *e = events();
    if (placementId)
        emit e->placementChanged(placementId);
    emit e->costsChanged();
}

StoreEvents *EditCommand::events() const
{
    return StoreEvents::of(m_store);
}
