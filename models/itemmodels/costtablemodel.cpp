#include "itemmodels/costtablemodel.h"

#include <QLocale>
#include <cmath>

namespace {

QString pounds(double pence)
{
    return Money::format(Money::Pence(std::llround(pence)));
}

QString number(double n)
{
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    return std::abs(n - std::round(n)) < 1e-9 ? uk.toString(qint64(std::llround(n))) : uk.toString(n, 'f', 1);
}

bool isMoney(int column)
{
    return column != CostTableModel::Category && column != CostTableModel::Number && column != CostTableModel::BudgetNumber;
}

} // namespace

CostTableModel::CostTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void CostTableModel::setTable(const CostTable &table)
{
    // Same shape: update in place so that selection and the editor's cell survive a recompute.
    if (table.rows.size() == m_table.rows.size() && table.hasPublishedTotal == m_table.hasPublishedTotal && rowCount() > 0) {
        m_table = table;
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_table = table;
    endResetModel();
}

int CostTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || (m_table.rows.isEmpty() && !m_table.hasPublishedTotal))
        return 0;
    return int(m_table.rows.size()) + 1 + (m_table.hasPublishedTotal ? 1 : 0);
}

int CostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// The cell's value: pence (double) for money, a count for numbers; invalid when not applicable.
QVariant CostTableModel::value(int row, int column) const
{
    const bool published = m_table.hasPublishedTotal && row == totalRow() + 1;
    if (published) {
        switch (column) {
        case Category: return tr("TOTAL as published");
        case Number: return m_table.publishedNumber;
        case AveUnit: return double(m_table.publishedAveWeek);
        case Weekly: return double(m_table.publishedAveWeek) * m_table.publishedNumber;
        case Annual: return CostMath::annual(double(m_table.publishedAveWeek) * m_table.publishedNumber);
        default: return {};
        }
    }
    const CostRow &r = row < totalRow() ? m_table.rows.at(row) : m_table.total;
    const bool snapshot = m_table.source == CostTable::Source::Snapshot;
    switch (column) {
    case Category: return r.category;
    case Number: return r.number;
    case AveFee: return snapshot || !r.number ? QVariant() : QVariant(r.aveFee());
    case AveAdditional: return snapshot || !r.number ? QVariant() : QVariant(r.aveAdditional());
    case AveUnit: return r.number ? QVariant(r.aveUnit()) : QVariant();
    case Weekly: return double(r.weeklyCost());
    case Annual: return r.annualCost();
    case BudgetNumber: return r.hasBudget ? QVariant(r.budgetNumber) : QVariant();
    case BudgetUnit: return r.hasBudget ? QVariant(double(r.budgetUnitWeek)) : QVariant();
    case BudgetAnnual: return r.hasBudget ? QVariant(r.budgetAnnual()) : QVariant();
    case Variance: return r.hasBudget ? QVariant(r.variance()) : QVariant();
    }
    return {};
}

QVariant CostTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row(), column = index.column();
    const QVariant v = value(row, column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Category)
            return v;
        if (!v.isValid())
            return column == Category ? QVariant() : QVariant(QStringLiteral("–"));
        if (column == Variance) {
            const double d = v.toDouble();
            return (d > 0 ? QStringLiteral("+") : QString()) + pounds(d);
        }
        return isMoney(column) ? pounds(v.toDouble()) : number(v.toDouble());
    case Qt::EditRole:
        if (!isEditable(row, column))
            return {};
        if (!v.isValid())
            return QString();
        return isMoney(column) ? Money::format(Money::Pence(std::llround(v.toDouble())), true) : number(v.toDouble());
    case SortRole:
        // The TOTAL rows sort last whichever way: their sort key is outside every category's.
        if (row >= totalRow())
            return column == Category ? QVariant(QStringLiteral("\uffff%1").arg(row)) : QVariant(1e300 + row);
        return v;
    case ValueRole:
        return v;
    case Qt::TextAlignmentRole:
        return column == Category ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    case RowKindRole:
        return row < totalRow() ? 0 : row == totalRow() ? 1 : 2;
    case WarningRole:
        return (row > totalRow() && m_table.totalDisagrees()) || (column == Variance && v.isValid() && v.toDouble() > 0);
    case Qt::ToolTipRole: {
        if (row == totalRow() && column == AveUnit) {
            QString tip = tr("Weighted average: total weekly cost %1 ÷ %2 placements")
                              .arg(Money::format(m_table.total.weeklyCost()), number(m_table.total.number));
            if (m_table.totalDisagrees())
                tip += tr("\nThe published TOTAL says %1 a week for %2 placements: it does not agree with the rows.")
                           .arg(Money::format(m_table.publishedAveWeek), number(m_table.publishedNumber));
            return tip;
        }
        if (row > totalRow() && m_table.totalDisagrees())
            return tr("As printed in the source. The rows give %1 a week (weighted) for %2 placements.")
                .arg(pounds(m_table.total.aveUnit()), number(m_table.total.number));
        if (column == Annual)
            return tr("Weekly cost × 365 ÷ 7");
        if (column == Variance && v.isValid())
            return tr("Forecast annual cost (this month's weekly cost × 365 ÷ 7) less budget (number × unit cost × 365 ÷ 7); "
                      "positive means over budget");
        if (isEditable(row, column))
            return tr("Double-click or press F2 to edit; Ctrl+Z undoes");
        return {};
    }
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole);
    }
    return {};
}

bool CostTableModel::isEditable(int row, int column) const
{
    const bool snapshot = m_table.source == CostTable::Source::Snapshot;
    if (row < totalRow()) {
        const CostRow &r = m_table.rows.at(row);
        if ((column == BudgetNumber || column == BudgetUnit) && r.categoryId)
            return true;
        return snapshot && r.snapshotId && (column == Number || column == AveUnit);
    }
    if (row == totalRow() + 1 && m_table.hasPublishedTotal)
        return column == Number || column == AveUnit;
    return false;
}

Qt::ItemFlags CostTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditable(index.row(), index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool CostTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !isEditable(index.row(), index.column()) || !m_editHandler)
        return false;
    QVariant parsed;
    const int column = index.column();
    if (isMoney(column)) {
        Money::Pence p = 0;
        if (value.typeId() == QMetaType::QString ? !Money::parse(value.toString(), &p) : false)
            return false;
        if (value.typeId() != QMetaType::QString)
            p = value.toLongLong();
        parsed = p;
    } else {
        bool ok = false;
        QString text = value.toString();
        text.remove(QLatin1Char(','));
        const double n = text.toDouble(&ok);
        if (!ok || n < 0)
            return false;
        parsed = column == Number ? QVariant(int(std::llround(n))) : QVariant(n);
    }
    return m_editHandler(index.row(), Column(column), parsed);
}

QVariant CostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Number: return tr("Placements open at the end of the month");
        case AveFee: return tr("Mean weekly fee per placement");
        case AveAdditional: return tr("Mean weekly additionalities (extra staffing etc.) per placement");
        case AveUnit: return tr("Mean weekly cost per placement: fee plus additionalities");
        case Weekly: return tr("Weekly cost of the category's placements");
        case Annual: return tr("Weekly cost × 365 ÷ 7");
        case BudgetNumber: return tr("Budgeted number of placements for the financial year (editable)");
        case BudgetUnit: return tr("Budgeted weekly unit cost for the financial year (editable)");
        default: return {};
        }
    }
    switch (section) {
    case Category: return tr("Category");
    case Number: return tr("Number");
    case AveFee: return tr("Ave fee");
    case AveAdditional: return tr("Ave extras");
    case AveUnit: return tr("Ave unit £/wk");
    case Weekly: return tr("Weekly");
    case Annual: return tr("Annual");
    case BudgetNumber: return tr("Budget no.");
    case BudgetUnit: return tr("Budget £/wk");
    case BudgetAnnual: return tr("Budget annual");
    case Variance: return tr("Variance");
    }
    return {};
}
