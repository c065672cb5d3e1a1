#include "itemmodels/trendtablemodel.h"

#include "core/dates.h"

#include <QLocale>

TrendTableModel::TrendTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void TrendTableModel::setSeries(const QVector<IndicatorValue> &values, const QVector<QPair<int, double>> &england)
{
    beginResetModel();
    m_values = values;
    m_england = england;
    endResetModel();
}

int TrendTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_values.size());
}

int TrendTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrendTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IndicatorValue &v = m_values.at(index.row());
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const auto englandValue = [&]() -> QVariant {
        // England figures describe 31 March; show them on that month only.
        if (v.at.month() != 3 || v.at.day() != 31)
            return {};
        for (const auto &[year, value] : m_england)
            if (year == v.at.year())
                return value;
        return {};
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Date: return Dates::uk(v.at);
        case Count: return uk.toString(v.count);
        case Population: return v.denominator ? uk.toString(v.denominator) : QStringLiteral("–");
        case Rate: return v.hasRate() ? uk.toString(v.rate, 'f', 1) : QStringLiteral("–");
        case England: {
            const QVariant e = englandValue();
            return e.isValid() ? uk.toString(e.toDouble(), 'f', 1) : QString();
        }
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case Date: return v.at;
        case Count: return v.count;
        case Population: return v.denominator;
        case Rate: return v.hasRate() ? QVariant(v.rate) : QVariant();
        case England: return englandValue();
        }
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() == Date ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole && index.column() == Rate && v.hasRate() && !m_valueHeading.isEmpty()) {
        return tr("%1 of %2").arg(uk.toString(v.count), uk.toString(v.denominator));
    } else if (role == Qt::ToolTipRole && index.column() == Rate && v.hasRate()) {
        return tr("%1 children ÷ %2 under-18s × 10,000").arg(uk.toString(v.count), uk.toString(v.denominator));
    }
    return {};
}

void TrendTableModel::setTitles(const QString &denominator, const QString &value)
{
    setHeadings(QString(), denominator, value);
}

QVariant TrendTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Date: return tr("Date");
    case Count: return m_countHeading.isEmpty() ? tr("Children") : m_countHeading;
    case Population: return m_baseHeading.isEmpty() ? tr("Under-18s") : m_baseHeading;
    case Rate: return m_valueHeading.isEmpty() ? tr("Rate per 10,000") : m_valueHeading;
    case England: return tr("England");
    }
    return {};
}

void TrendTableModel::setHeadings(const QString &count, const QString &base, const QString &value)
{
    m_countHeading = count;
    m_baseHeading = base;
    m_valueHeading = value;
    emit headerDataChanged(Qt::Horizontal, Count, Rate);
}
