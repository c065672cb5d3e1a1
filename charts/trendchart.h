#pragma once
// Builds a line chart of an indicator over time: the authority's own series solid, comparator
// lines (England, statistical neighbours, region) dashed and labelled.
#include <QDate>
#include <QString>
#include <QVector>

QT_BEGIN_NAMESPACE
class QChart;
class QLineSeries;
QT_END_NAMESPACE

struct TrendPoint {
    QDate date;
    double value = 0;
    qint64 count = 0;
    qint64 denominator = 0;
};

struct TrendLine {
    QString name;
    QVector<TrendPoint> points;
    bool comparator = false;
};

namespace TrendChart {

// The chart owns its series and axes; the caller owns the chart (or hands it to a QChartView).
QChart *build(const QString &title, const QString &valueTitle, const QVector<TrendLine> &lines);
// The series for line `index` of a chart made by build() (for hover and click handlers).
QLineSeries *lineSeries(QChart *chart, int index);

} // namespace TrendChart
