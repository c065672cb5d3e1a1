#include "costcharts.h"

#include "charttheme.h"
#include "core/disclosure.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace CostCharts {

QString shortPounds(double pence)
{
    const double pounds = pence / 100.0;
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    if (std::abs(pounds) >= 1e6)
        return QStringLiteral("£%1m").arg(uk.toString(pounds / 1e6, 'f', 1));
    if (std::abs(pounds) >= 1e3)
        return QStringLiteral("£%1k").arg(uk.toString(pounds / 1e3, 'f', 0));
    return Money::formatPounds(pounds);
}

namespace {

struct Bar {
    QString category;
    double annual;
};

QVector<Bar> bars(const CostTable &table, const QSet<QString> &hidden)
{
    QVector<Bar> out;
    for (const CostRow &r : table.rows)
        if (r.number > 0 && !hidden.contains(r.category))
            out << Bar{r.category, r.annualCost()};
    std::stable_sort(out.begin(), out.end(), [](const Bar &a, const Bar &b) { return a.annual < b.annual; });
    return out; // smallest first: a horizontal bar chart draws the first category at the bottom
}

double niceMax(double v)
{
    if (v <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * magnitude >= v * 1.18) // room for the label at the end of the longest bar
            return step * magnitude;
    return 10 * magnitude;
}

} // namespace

QSet<QString> suppressedCategories(const CostTable &table)
{
    QVector<qint64> parts;
    for (const CostRow &r : table.rows)
        parts << r.number;
    const Disclosure::Protection p = Disclosure::protect(parts);
    QSet<QString> out;
    for (int i = 0; i < table.rows.size(); ++i)
        if (p.parts[i])
            out << table.rows[i].category;
    return out;
}

QChart *annualByCategory(const CostTable &table, const QString &title, const QSet<QString> &hidden)
{
    auto *chart = new QChart;
    ChartTheme::apply(chart);
    chart->setTitle(title);
    chart->legend()->hide();
    // QtCharts under-allocates room for the longest category name by a few pixels: a wider left margin.
    chart->setMargins(QMargins(40, 8, 16, 8));
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(QStringLiteral("Annual cost"));
    set->setColor(ChartTheme::series(0));
    set->setBorderColor(ChartTheme::series(0));
    set->setLabelColor(QColor(0x22, 0x22, 0x22));
    set->setLabelFont(ChartTheme::labelFont());
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    auto *x = new QValueAxis;
    ChartTheme::styleAxis(y, QString());
    y->setTruncateLabels(false); // category names are the point of the chart: never "…"
    ChartTheme::styleAxis(x, QStringLiteral("£ million a year"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    updateAnnualByCategory(chart, table, hidden);
    return chart;
}

bool updateAnnualByCategory(QChart *chart, const CostTable &table, const QSet<QString> &hidden)
{
    auto *series = chart->series().isEmpty() ? nullptr : qobject_cast<QHorizontalBarSeries *>(chart->series().first());
    if (!series || series->barSets().isEmpty())
        return false;
    QBarSet *set = series->barSets().first();
    auto *y = qobject_cast<QBarCategoryAxis *>(series->attachedAxes().value(0));
    auto *x = qobject_cast<QValueAxis *>(series->attachedAxes().value(1));
    if (!y || !x)
        return false;
    const QVector<Bar> b = bars(table, hidden);
    QStringList names;
    double max = 0;
    for (const Bar &bar : b) {
        names << bar.category;
        max = std::max(max, bar.annual / 1e8); // £ million
    }
    // Categories by name only when they change: a value edit keeps the axis and moves the bar.
    if (y->categories() != names) {
        y->clear();
        y->append(names);
    }
    if (set->count() != b.size()) {
        set->remove(0, set->count());
        for (const Bar &bar : b)
            set->append(bar.annual / 1e8);
    } else {
        for (int i = 0; i < b.size(); ++i)
            set->replace(i, b.at(i).annual / 1e8);
    }
    // Labels in £m with one decimal ("£11.6m"): QBarSeries formats with @value.
    series->setLabelsFormat(QStringLiteral("£@valuem"));
    series->setLabelsPrecision(max >= 10 ? 3 : 2);
    x->setRange(0, niceMax(max));
    // The axis format is printf-style and not Unicode-safe: no £ here (the title says £ million).
    x->setLabelFormat(max >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    x->setTickCount(6);
    return true;
}

QChart *numbersOverTime(const QVector<QPair<QDate, QHash<QString, int>>> &series, const QStringList &categoryOrder,
                        const QString &title, bool publicMode)
{
    auto *chart = new QChart;
    ChartTheme::apply(chart);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *x = new QDateTimeAxis;
    auto *y = new QValueAxis;
    ChartTheme::styleAxis(x, QString());
    ChartTheme::styleAxis(y, QStringLiteral("Placements at month end"));
    x->setFormat(QStringLiteral("MMM yy"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    QStringList categories = categoryOrder;
    for (const auto &point : series)
        for (auto it = point.second.cbegin(); it != point.second.cend(); ++it)
            if (!categories.contains(it.key()))
                categories << it.key();
    // Public: each month's categories are the parts of that month's total (the cost table's TOTAL).
    QVector<QSet<QString>> hiddenAt(series.size());
    if (publicMode)
        for (int m = 0; m < series.size(); ++m) {
            QVector<qint64> parts;
            for (const QString &category : categories)
                parts << series[m].second.value(category);
            const Disclosure::Protection p = Disclosure::protect(parts);
            for (int i = 0; i < categories.size(); ++i)
                if (p.parts[i])
                    hiddenAt[m] << categories[i];
        }
    int maxValue = 0, index = 0;
    for (const QString &category : categories) {
        bool any = false;
        for (const auto &point : series)
            any = any || point.second.value(category) > 0;
        if (!any)
            continue;
        QPen pen = ChartTheme::seriesPen(index);
        pen.setWidthF(2.5);
        // Beyond the palette's seven colours, repeat them dashed so that 30 categories stay apart.
        if (index >= 7)
            pen.setStyle(index >= 14 ? Qt::DotLine : Qt::DashLine);
        ++index;
        // One line per run of months drawn (a single run unless a public version hides some);
        // the legend names the category once.
        QLineSeries *line = nullptr;
        bool named = false;
        for (int m = 0; m < series.size(); ++m) {
            if (hiddenAt[m].contains(category)) {
                line = nullptr;
                continue;
            }
            if (!line) {
                line = new QLineSeries;
                line->setName(category);
                line->setPen(pen);
                line->setPointsVisible(publicMode); // a run of one month is a point
                chart->addSeries(line);
                line->attachAxis(x);
                line->attachAxis(y);
                if (named)
                    for (QLegendMarker *marker : chart->legend()->markers(line))
                        marker->setVisible(false);
                named = true;
            }
            const int n = series[m].second.value(category);
            line->append(qreal(series[m].first.startOfDay(Qt::UTC).toMSecsSinceEpoch()), n);
            maxValue = std::max(maxValue, n);
        }
    }
    if (!series.isEmpty()) {
        x->setRange(series.first().first.startOfDay(Qt::UTC), series.last().first.startOfDay(Qt::UTC));
        x->setTickCount(std::min(int(series.size()), 5));
    }
    const int step = maxValue > 400 ? 100 : maxValue > 200 ? 50 : maxValue > 80 ? 20 : maxValue > 20 ? 10 : 5;
    y->setRange(0, std::max(step, int(std::ceil(maxValue * 1.08 / step)) * step));
    y->setTickCount(int(y->max() / step) + 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    return chart;
}

} // namespace CostCharts
