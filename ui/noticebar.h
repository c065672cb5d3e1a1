#pragma once
// The strip above a screen's content that says why an edit was not saved. A refused write (most
// often another person's change to the same row) keeps the user's input and offers Reload, which
// redraws the screen from the store so that the other change can be seen before trying again.
#include <QFrame>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
QT_END_NAMESPACE

class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows `text` as a refusal, with the Reload button.
    void showRefusal(const QString &text);
    // Shows `text` as information (no Reload), e.g. after reloading.
    void showInformation(const QString &text);
    void clear();

    QLabel *label() const { return m_label; }
    QPushButton *reloadButton() const { return m_reload; }

signals:
    void reloadRequested();

private:
    void setTone(bool refusal);

    QLabel *m_label;
    QPushButton *m_reload;
    QPushButton *m_close;
};
