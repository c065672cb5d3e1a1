#pragma once
// The numbers behind a trend chart, as a table: date, count, population, rate per 10,000 and
// the comparators at that date. Shown under the chart (its accessible equivalent) and exported.
#include <QAbstractTableModel>
#include <QDate>
#include <QVector>

#include "domain/indicatorengine.h"

class TrendTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Date, Count, Population, Rate, England, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit TrendTableModel(QObject *parent = nullptr);

    // `england` maps a year (the 31 March it describes) to the England rate.
    void setSeries(const QVector<IndicatorValue> &values, const QVector<QPair<int, double>> &england);
    const IndicatorValue &valueAt(int row) const { return m_values.at(row); }
    // Other headings for the count, base and value columns (a CIN census measure: "Referrals",
    // "Of", "Per cent"); empty strings put back the rate's own.
    void setHeadings(const QString &count, const QString &base, const QString &value);
    // The headings of the denominator and value columns for an indicator that is not a rate per
    // 10,000 ("Looked after in the year", "Per cent"); the tooltip then says count of denominator.
    void setTitles(const QString &denominator, const QString &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<IndicatorValue> m_values;
    QVector<QPair<int, double>> m_england;
    QString m_countHeading, m_baseHeading, m_valueHeading; // empty: children, under-18s, rate per 10,000
};
