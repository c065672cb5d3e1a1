#include "focusring.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>

FocusRing::FocusRing(QWidget *window) : QWidget(window), m_window(window)
{
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { follow(now); });
}

void FocusRing::follow(QWidget *focus)
{
    if (focus && (focus->window() != m_window || focus == this))
        focus = nullptr;
    watchChain(false);
    m_target = focus;
    m_chain.clear();
    for (QWidget *w = focus; w && w != m_window; w = w->parentWidget())
        m_chain << w;
    watchChain(true);
    place();
}

void FocusRing::watchChain(bool watch)
{
    for (const QPointer<QWidget> &w : std::as_const(m_chain))
        if (w) {
            if (watch)
                w->installEventFilter(this);
            else
                w->removeEventFilter(this);
        }
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::ParentChange:
        if (event->type() == QEvent::ParentChange && watched == m_target)
            follow(m_target); // the chain of ancestors changed
        else
            place();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::place()
{
    if (!m_target || !m_target->isVisible() || !m_window->isVisible()) {
        hide();
        return;
    }
    // The target's rectangle in the window, grown by the ring, then cut to what each ancestor
    // shows (a widget scrolled half out of a scroll area gets half a ring, not one over the bar).
    const int grow = Width;
    QRect ring(m_target->mapTo(m_window, QPoint(0, 0)), m_target->size());
    ring.adjust(-grow, -grow, grow, grow);
    QRect visible = m_window->rect();
    for (QWidget *w = m_target->parentWidget(); w && w != m_window; w = w->parentWidget()) {
        const QRect shown(w->mapTo(m_window, QPoint(0, 0)), w->size());
        visible &= shown.adjusted(-grow, -grow, grow, grow);
    }
    ring &= visible;
    if (ring.width() <= 2 * grow || ring.height() <= 2 * grow) {
        hide();
        return;
    }
    setGeometry(ring);
    // Nothing of the target's own is covered: the ring's middle is left out of the mask.
    setMask(QRegion(rect()).subtracted(QRegion(rect().adjusted(grow + Inner, grow + Inner, -grow - Inner, -grow - Inner))));
    raise();
    show();
    update();
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0xff, 0xdd, 0x00));                 // yellow band
    const QRect inner = rect().adjusted(Width, Width, -Width, -Width);
    p.setPen(QPen(Qt::black, Inner));
    p.setBrush(Qt::NoBrush);
    p.drawRect(inner.adjusted(0, 0, -1, -1));                      // black inner edge
}
