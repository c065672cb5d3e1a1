#pragma once
// One look for every chart: the Okabe–Ito colour-blind-safe palette, large type for projectors,
// comparator lines dashed. Every chart builder ends by calling ChartTheme::apply.
#include <QColor>
#include <QFont>
#include <QPen>

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractAxis;
QT_END_NAMESPACE

namespace ChartTheme {

// Okabe & Ito (2008): black-free order, distinguishable under the common colour-vision deficiencies.
QColor series(int index);
QColor england();      // comparator lines
QColor neighbours();
QColor region();
QPen comparatorPen(const QColor &colour);
QPen seriesPen(int index);

QFont titleFont();
QFont axisTitleFont();
QFont labelFont();
QFont legendFont();

void apply(QChart *chart);
void styleAxis(QAbstractAxis *axis, const QString &title);

} // namespace ChartTheme
