#include "keyboardrules.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
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
    const bool altArrow = key->modifiers() == Qt::AltModifier && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up);
    if (altArrow && isField(w)) {
        event->accept(); // the field's own: open the list or calendar, never another case
        return true;
    }
    return false;
}
