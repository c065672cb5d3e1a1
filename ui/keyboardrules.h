#pragma once
// Which of two meanings a key has when both a field and the window want it (issue 21: the panel
// chair on a projector, keyboard only). Installed on the application by each MainWindow, for
// widgets of that window:
// - Ctrl+Z / Ctrl+Shift+Z in a field with nothing of its own to undo (or redo) reach the window's
//   Edit ▸ Undo / Redo, so Ctrl+Z after recording a decision undoes the decision, not a field;
// - Alt+↓ / Alt+↑ in a drop-down, date or text box stay with it (open the list, the calendar)
//   and never move to another case.
#include <QObject>

class QWidget;

class KeyboardRules : public QObject
{
    Q_OBJECT
public:
    explicit KeyboardRules(QWidget *window);
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
};
