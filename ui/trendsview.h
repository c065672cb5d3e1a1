#pragma once
// The Trends screen: an indicator's rate per 10,000 over a chosen period, with England's line,
// hover details and the numbers underneath.
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
class QComboBox;
class QSpinBox;
class QTableView;
QT_END_NAMESPACE

class IndicatorEngine;
class Store;
class TrendTableModel;

class TrendsView : public QWidget
{
    Q_OBJECT
public:
    TrendsView(Store &store, IndicatorEngine &engine, QWidget *parent = nullptr);

    QChartView *chartView() const { return m_chartView; }
    TrendTableModel *tableModel() const { return m_model; }

public slots:
    void refresh();

private:
    Store &m_store;
    IndicatorEngine &m_engine;
    QSpinBox *m_fromYear;
    QSpinBox *m_toYear;
    QChartView *m_chartView;
    QTableView *m_table;
    TrendTableModel *m_model;
};
