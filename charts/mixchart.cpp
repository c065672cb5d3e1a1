#include "mixchart.h"

#include "charttheme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>
#include <cmath>

namespace MixChart {

QChart *build(const QString &title, const QStringList &sets, const QVector<MixBar> &bars, const QString &axisTitle)
{
    auto *chart = new QChart;
    ChartTheme::apply(chart);
    chart->setTitle(title);
    auto *series = new QHorizontalBarSeries;
    double maxValue = 0;
    // Horizontal bars draw the first category at the bottom: add them in reverse so the list
    // reads top-down in the order given.
    QStringList categories;
    for (auto it = bars.crbegin(); it != bars.crend(); ++it)
        categories << it->label;
    for (int s = 0; s < sets.size(); ++s) {
        auto *set = new QBarSet(sets[s]);
        const QColor colour = s == 0 ? ChartTheme::series(0) : s == 1 ? QColor(0x99, 0x99, 0x99) : ChartTheme::neighbours();
        set->setColor(colour);
        set->setBorderColor(colour);
        set->setLabelFont(ChartTheme::labelFont());
        set->setLabelColor(QColor(0x22, 0x22, 0x22));
        for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
            const double v = s < it->percents.size() ? it->percents[s] : NAN;
            *set << (std::isfinite(v) ? std::round(v * 10.0) / 10.0 : 0.0);
            if (std::isfinite(v))
                maxValue = std::max(maxValue, v);
        }
        series->append(set);
    }
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value%"));
    series->setLabelsPrecision(4);
    series->setBarWidth(0.8);
    chart->addSeries(series);

    auto *y = new QBarCategoryAxis;
    y->append(categories);
    ChartTheme::styleAxis(y, QString());
    auto *x = new QValueAxis;
    ChartTheme::styleAxis(x, axisTitle.isEmpty() ? QObject::tr("Share of children looked after (%)") : axisTitle);
    // Room to the right of the longest bar for its label.
    const double top = std::max(10.0, std::ceil(maxValue * 1.18 / 10.0) * 10.0);
    x->setRange(0, top);
    x->setTickCount(int(top / 10.0) + 1);
    x->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace MixChart
