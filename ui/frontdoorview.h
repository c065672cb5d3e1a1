#pragma once
// The Front door screen (issue 16): the CIN census's measures for the financial year to a chosen
// date beside the year before and England, and referrals by source as labelled bars and a
// table (seed 002 reports conversion by source). Export… offers both with their numbers.
#include "exportaction.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
class QDateEdit;
class QLabel;
class QTableView;
QT_END_NAMESPACE

class IndicatorEngine;
class ReportTableModel;
class Store;

class FrontDoorView : public QWidget
{
    Q_OBJECT
public:
    FrontDoorView(Store &store, IndicatorEngine &engine, QWidget *parent = nullptr);

    ReportTableModel *measuresModel() const { return m_measures; }
    ReportTableModel *sourcesModel() const { return m_sources; }
    QChartView *sourcesChartView() const { return m_chartView; }
    void setDate(const QDate &d);
    QVector<ExportItem> exportItems() const;

public slots:
    void refresh();

private:
    Store &m_store;
    IndicatorEngine &m_engine;
    QDateEdit *m_date;
    QLabel *m_heading;
    QLabel *m_empty;
    ReportTableModel *m_measures;
    ReportTableModel *m_sources;
    QTableView *m_measuresView;
    QTableView *m_sourcesView;
    QChartView *m_chartView;
};
