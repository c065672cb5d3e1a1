#pragma once
// The Trends screen: one indicator's rate per 10,000 over a chosen period and step, with
// England's line (and statistical neighbours' and the region's when loaded), hover details, the
// numbers underneath, and a click on a point to list the children counted.
#include "domain/cinmeasures.h"
#include "domain/indicatorengine.h"
#include "exportaction.h"
#include "trendchart.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
class QComboBox;
class QDialog;
class QLabel;
class QSpinBox;
class QTableView;
QT_END_NAMESPACE

class CountedChildrenModel;
class Store;
class TrendTableModel;

class TrendsView : public QWidget
{
    Q_OBJECT
public:
    enum class Step { Month, Quarter, FinancialYear };

    TrendsView(Store &store, IndicatorEngine &engine, QWidget *parent = nullptr);

    QChartView *chartView() const { return m_chartView; }
    TrendTableModel *tableModel() const { return m_model; }
    IndicatorId indicator() const;
    void setIndicator(IndicatorId id);
    void setStep(Step step);
    void setRange(int fromFinancialYear, int toFinancialYear);
    // Opens (non-modal) the list of children counted at `date` for the chosen indicator.
    // Returns nullptr when child-level lists are not allowed (setChildLevel(false): a viewer).
    QDialog *showChildrenCounted(const QDate &date);
    void setChildLevel(bool allowed);
    // What Export… offers: the chart with the numbers behind it.
    QVector<ExportItem> exportItems() const;
    // The children counted at `date` as a child-level table (OFFICIAL-SENSITIVE, never public).
    ExportItem childrenCountedExport(const QDate &date) const;

    // The CIN census measure chosen in the "Front door & child protection" group, if any.
    bool isCinMeasure() const;
    CinMeasure cinMeasure() const;
    void setCinMeasure(CinMeasure m);

public slots:
    void refresh();

private:
    void refreshCin();
    QVector<CountedChild> cinChildren(const QDate &date) const;
    Store &m_store;
    IndicatorEngine &m_engine;
    QComboBox *m_indicator;
    QComboBox *m_step;
    QSpinBox *m_fromYear;
    QSpinBox *m_toYear;
    QLabel *m_heading;
    QChartView *m_chartView;
    QTableView *m_table;
    TrendTableModel *m_model;
    QVector<IndicatorValue> m_values;
    QVector<TrendLine> m_lines; // what the chart shows, to rebuild it for export
    QString m_chartTitle, m_valueTitle;
    bool m_childLevel = true;
};
