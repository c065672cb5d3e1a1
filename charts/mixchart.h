#pragma once
// Builds the placement mix chart: horizontal bars, one group per DfE placement group, this
// authority beside England (and neighbours when loaded), each bar labelled with its percentage.
#include <QString>
#include <QVector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

struct MixBar {
    QString label;            // e.g. "Foster placements (612)"
    QVector<double> percents; // one per set; NaN: no figure
};

namespace MixChart {

// `sets` names the bar sets in order (the authority first, then comparators).
// `axisTitle` names the value axis (the share of children looked after unless given).
QChart *build(const QString &title, const QStringList &sets, const QVector<MixBar> &bars, const QString &axisTitle = {});

} // namespace MixChart
