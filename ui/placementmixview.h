#pragma once
// The Placement mix screen (PRODUCT §2.2): at a chosen date, the share of children looked after
// in each DfE placement group beside England's for the nearest year, as labelled bars with the
// counts; the relatives-or-friends fostering split; and in-house vs external fostering and
// residential care as a trend.
#include "exportaction.h"
#include "mixchart.h"
#include "trendchart.h"

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
    // What Export… offers: the mix bars and the in-house vs external trend, each with its numbers.
    QVector<ExportItem> exportItems() const;

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
    // What the charts show, to rebuild them for export.
    QString m_mixTitle, m_trendTitle;
    QStringList m_mixSets;
    QVector<MixBar> m_mixBars;
    QVector<QPair<QString, qint64>> m_mixCounts; // group name, children
    QVector<TrendLine> m_trendLines;
};
