#pragma once
// The Placement mix screen (PRODUCT §2.2): at a chosen date, the share of children looked after
// in each DfE placement group beside England's for the nearest year, as labelled bars with the
// counts; the relatives-or-friends fostering split; and in-house vs external fostering and
// residential care as a trend.
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
class QDateEdit;
class QLabel;
QT_END_NAMESPACE

class IndicatorEngine;
class Store;

class PlacementMixView : public QWidget
{
    Q_OBJECT
public:
    PlacementMixView(Store &store, IndicatorEngine &engine, QWidget *parent = nullptr);

    QChartView *mixChartView() const { return m_mixView; }
    QChartView *trendChartView() const { return m_trendView; }
    QLabel *fosteringLabel() const { return m_fostering; }
    QLabel *warningLabel() const { return m_warning; }
    void setDate(const QDate &d);

public slots:
    void refresh();

private:
    Store &m_store;
    IndicatorEngine &m_engine;
    QDateEdit *m_date;
    QLabel *m_heading;
    QLabel *m_fostering;
    QLabel *m_warning;
    QChartView *m_mixView;
    QChartView *m_trendView;
};
