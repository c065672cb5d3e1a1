#include "charttheme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace ChartTheme {

QColor series(int index)
{
    static const QColor palette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
                                     QColor(0xF0, 0xE4, 0x42)};
    return palette[((index % 7) + 7) % 7];
}

QColor england() { return QColor(0x33, 0x33, 0x33); }
QColor neighbours() { return QColor(0xE6, 0x9F, 0x00); }
QColor region() { return QColor(0x56, 0xB4, 0xE9); }

QPen comparatorPen(const QColor &colour)
{
    QPen pen(colour, 2.5, Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QPen seriesPen(int index)
{
    return QPen(series(index), 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

static QFont sized(int pt, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSize(pt);
    f.setBold(bold);
    return f;
}

QFont titleFont() { return sized(15, true); }
QFont axisTitleFont() { return sized(11, true); }
QFont labelFont() { return sized(11); }
QFont legendFont() { return sized(11); }

void apply(QChart *chart)
{
    chart->setTheme(QChart::ChartThemeLight);
    chart->setTitleFont(titleFont());
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(8, 8, 16, 8));
    chart->legend()->setFont(legendFont());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
}

void styleAxis(QAbstractAxis *axis, const QString &title)
{
    axis->setTitleText(title);
    axis->setTitleFont(axisTitleFont());
    axis->setLabelsFont(labelFont());
    axis->setGridLineColor(QColor(0xDD, 0xDD, 0xDD));
}

} // namespace ChartTheme
