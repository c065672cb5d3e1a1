#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

NoticeBar::NoticeBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("noticeBar"));
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reload = new QPushButton(tr("&Reload"), this);
    m_reload->setToolTip(tr("Redraw this screen from the store to see the other change; your input is kept"));
    m_close = new QPushButton(tr("Dismiss"), this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_reload);
    layout->addWidget(m_close);
    connect(m_reload, &QPushButton::clicked, this, &NoticeBar::reloadRequested);
    connect(m_close, &QPushButton::clicked, this, &NoticeBar::clear);
    hide();
}

void NoticeBar::setTone(bool refusal)
{
    // White on dark orange for a refusal (contrast 5.9:1), dark on pale blue for information.
    setStyleSheet(refusal ? QStringLiteral("#noticeBar { background: #a03000; border-radius: 3px; } #noticeBar QLabel { color: #ffffff; }")
                          : QStringLiteral("#noticeBar { background: #e3eef8; border-radius: 3px; } #noticeBar QLabel { color: #0b3553; }"));
}

void NoticeBar::showRefusal(const QString &text)
{
    setTone(true);
    m_label->setText(text);
    m_reload->show();
    show();
}

void NoticeBar::showInformation(const QString &text)
{
    setTone(false);
    m_label->setText(text);
    m_reload->hide();
    show();
}

void NoticeBar::clear()
{
    hide();
    m_label->clear();
}
