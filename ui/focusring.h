#pragma once
// A thick, high-contrast ring around the widget that has the keyboard focus, for a screen
// watched from the back of a room (issue 21). Qt's own focus marks are a one-pixel dotted line
// or a faint tint. The ring is a widget of its own laid over the window (it takes no mouse
// events and no focus), drawn as a 3-pixel yellow band with a black inner edge, as GOV.UK's
// focus style, so it shows on white, on grey and on the blue of a selected row. It follows the
// focus widget as it moves, scrolls or resizes, and is clipped to what of it is on show.
#include <QPointer>
#include <QWidget>

class FocusRing : public QWidget
{
    Q_OBJECT
public:
    static constexpr int Width = 3;   // yellow band
    static constexpr int Inner = 1;   // black edge inside it

    explicit FocusRing(QWidget *window);
    // The widget the ring is around (nullptr when the focus is elsewhere or hidden).
    QWidget *target() const { return m_target; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void follow(QWidget *focus);
    void place();
    void watchChain(bool watch);

    QWidget *m_window;
    QPointer<QWidget> m_target;
    QList<QPointer<QWidget>> m_chain; // the target and its ancestors up to the window
};
