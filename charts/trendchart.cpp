#include "trendchart.h"

#include "charttheme.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <cmath>

namespace TrendChart {

static qreal msecs(const QDate &d)
{
    return qreal(d.startOfDay(Qt::UTC).toMSecsSinceEpoch());
}

QChart *build(const QString &title, const QString &valueTitle, const QVector<TrendLine> &lines)
{
    auto *chart = new QChart;
    ChartTheme::apply(chart);
    chart->setTitle(title);
    auto *x = new QDateTimeAxis;
    auto *y = new QValueAxis;
    ChartTheme::styleAxis(x, QString());
    ChartTheme::styleAxis(y, valueTitle);
    x->setFormat(QStringLiteral("MMM yy"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    QDate first, last;
    double maxValue = 0;
    int own = 0;
    for (const TrendLine &line : lines) {
        auto *s = new QLineSeries;
        s->setName(line.name);
        for (const TrendPoint &p : line.points) {
            if (!std::isfinite(p.value))
                continue;
            s->append(msecs(p.date), p.value);
            maxValue = std::max(maxValue, p.value);
            if (!first.isValid() || p.date < first)
                first = p.date;
            if (!last.isValid() || p.date > last)
                last = p.date;
        }
        if (line.comparator) {
            s->setPen(ChartTheme::comparatorPen(line.name.startsWith(QLatin1String("England")) ? ChartTheme::england()
                                                : line.name.contains(QLatin1String("neighbour")) ? ChartTheme::neighbours()
                                                                                                 : ChartTheme::region()));
            s->setPointsVisible(true);
        } else {
            s->setPen(ChartTheme::seriesPen(own++));
        }
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    if (first.isValid()) {
        x->setRange(first.startOfDay(Qt::UTC), last.startOfDay(Qt::UTC));
        const int months = int(first.daysTo(last) / 30);
        x->setTickCount(std::clamp(months / 12 + 1, 2, 12));
        // Ticks fall wherever the range starts (often April): name the month, never a bare year.
        x->setFormat(months > 36 ? QStringLiteral("MMM yyyy") : QStringLiteral("MMM yy"));
    }
    // A zero-based axis with a round top, so that a rise is never exaggerated.
    const double step = maxValue > 200 ? 50 : maxValue > 80 ? 20 : maxValue > 20 ? 10 : 5;
    y->setRange(0, std::max(step, std::ceil(maxValue * 1.08 / step) * step));
    y->setTickCount(int(y->max() / step) + 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    return chart;
}

QLineSeries *lineSeries(QChart *chart, int index)
{
    const auto all = chart->series();
    return index >= 0 && index < all.size() ? qobject_cast<QLineSeries *>(all.at(index)) : nullptr;
}

} // namespace TrendChart
