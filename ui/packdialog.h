#pragma once
// File ▸ Export report pack: the committee pack as one PDF for a chosen date, optionally the
// public version; and its print preview through the same renderer.
#include <QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
QT_END_NAMESPACE

class IndicatorEngine;
class Store;

class PackDialog : public QDialog
{
    Q_OBJECT
public:
    PackDialog(Store &store, IndicatorEngine &engine, QWidget *parent = nullptr);
    void accept() override;
    // Opens the print preview of the pack for the dialog's date.
    void preview();

private:
    Store &m_store;
    IndicatorEngine &m_engine;
    QDateEdit *m_at;
    QCheckBox *m_public;
    QLineEdit *m_path;
    QLabel *m_status;
};
