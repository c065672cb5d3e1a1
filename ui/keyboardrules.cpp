#include "keyboardrules.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QTextEdit>

namespace {
// Whether `w` (a focus widget) has an edit of its own to undo (redo: `redo`).
bool hasOwnHistory(QWidget *w, bool redo)
{
    if (auto *line = qobject_cast<QLineEdit *>(w))
        return !line->isReadOnly() && (redo ? line->isRedoAvailable() : line->isUndoAvailable());
    if (auto *text = qobject_cast<QPlainTextEdit *>(w))
        return !text->isReadOnly() && (redo ? text->document()->isRedoAvailable() : text->document()->isUndoAvailable());
    if (auto *text = qobject_cast<QTextEdit *>(w))
        return !text->isReadOnly() && (redo ? text->document()->isRedoAvailable() : text->document()->isUndoAvailable());
    return false;
}

bool isField(QWidget *w)
{
    for (QWidget *p = w; p; p = p->parentWidget())
        if (qobject_cast<QComboBox *>(p) || qobject_cast<QAbstractSpinBox *>(p))
            return true;
    return qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w);
}
} // namespace

KeyboardRules::KeyboardRules(QWidget *window) : QObject(window), m_window(window)
{
    qApp->installEventFilter(this);
}

bool KeyboardRules::isWindowShortcut(const QKeyEvent *key) const
{
    // What a field must keep whatever the window binds: editing and moving the cursor.
    static const QKeySequence::StandardKey fieldKeys[] = {QKeySequence::Copy, QKeySequence::Cut, QKeySequence::Paste,
                                                          QKeySequence::SelectAll, QKeySequence::Undo, QKeySequence::Redo,
                                                          QKeySequence::Delete, QKeySequence::Backspace};
    for (QKeySequence::StandardKey k : fieldKeys)
        if (key->matches(k))
            return false;
    const Qt::KeyboardModifiers mods = key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier | Qt::MetaModifier);
    if (!(mods & Qt::ControlModifier))
        return false; // plain, Shift and Alt keys are the field's (Alt mnemonics are checked elsewhere)
    const QKeySequence pressed(key->keyCombination());
    for (const QAction *action : m_window->findChildren<QAction *>())
        if (action->isEnabled() && action->shortcuts().contains(pressed))
            return true;
    for (const QShortcut *shortcut : m_window->findChildren<QShortcut *>()) {
        const auto *owner = qobject_cast<const QWidget *>(shortcut->parent());
        if (shortcut->isEnabled() && shortcut->key() == pressed && owner && owner->isVisible())
            return true;
    }
    return false;
}

bool KeyboardRules::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    auto *w = qobject_cast<QWidget *>(watched);
    if (!w || w->window() != m_window)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
        if (hasOwnHistory(w, key->matches(QKeySequence::Redo)))
            return false; // the field's own undo
        // Nothing typed here to undo: not the field's; the window's Edit ▸ Undo takes it.
        event->ignore();
        return true;
    }
    if (isField(w) && isWindowShortcut(key)) {
        // A window-wide shortcut (Ctrl+E export, Ctrl+Shift+M minutes, Ctrl+1..6 screens) works
        // from any field: a text box's own binding of the same keys (Ctrl+E: end of line) yields.
        event->ignore();
        return true;
    }
    const bool altArrow = key->modifiers() == Qt::AltModifier && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up);
    if (altArrow && isField(w)) {
        event->accept(); // the field's own: open the list or calendar, never another case
        return true;
    }
    return false;
}
