#include "itemmodels/placementcostmodel.h"

#include "core/dates.h"

PlacementCostModel::PlacementCostModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlacementCostModel::setPlacements(const QVector<PlacementRecord> &placements, qint64 categoryId)
{
    QVector<PlacementRecord> rows;
    for (const PlacementRecord &p : placements)
        if (!categoryId || p.categoryId == categoryId)
            rows << p;
    // Same placements in the same order (a fee edit): update in place so the cursor stays put.
    bool same = rows.size() == m_rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = rows.at(i).placementId == m_rows.at(i).placementId;
    if (same) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int PlacementCostModel::rowOfPlacement(qint64 placementId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).placementId == placementId)
            return i;
    return -1;
}

int PlacementCostModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PlacementCostModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlacementCostModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlacementRecord &p = m_rows.at(index.row());
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (c) {
        case Child: return p.childRef;
        case Category: return p.categoryOverridden ? p.category + QStringLiteral(" *") : p.category;
        case Provider: return p.provider.isEmpty() ? QStringLiteral("–") : p.provider;
        case Funding: return p.funding.isEmpty() ? QStringLiteral("–") : p.funding;
        case Start: return Dates::uk(p.decom);
        case Fee: return Money::format(p.weeklyFee, p.weeklyFee % 100 != 0);
        case Additional: return Money::format(p.additionalWeekly, p.additionalWeekly % 100 != 0);
        case Total: return Money::format(p.weeklyTotal(), p.weeklyTotal() % 100 != 0);
        }
        return {};
    case Qt::EditRole:
        if (c == Fee)
            return Money::format(p.weeklyFee, true);
        if (c == Additional)
            return Money::format(p.additionalWeekly, true);
        return {};
    case SortRole:
        switch (c) {
        case Child: return p.childRef;
        case Category: return p.category;
        case Provider: return p.provider;
        case Funding: return p.funding;
        case Start: return p.decom;
        case Fee: return p.weeklyFee;
        case Additional: return p.additionalWeekly;
        case Total: return p.weeklyTotal();
        }
        return {};
    case Qt::TextAlignmentRole:
        return c >= Fee ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (c == Category)
            return p.categoryOverridden ? tr("Category set by hand (overrides the %1 / %2 mapping)").arg(p.place, p.placeProvider)
                                        : tr("From the mapping of placement %1 with provider %2").arg(p.place, p.placeProvider);
        if (c == Fee || c == Additional)
            return tr("Double-click to change from a date, with a reason; Ctrl+Z undoes");
        return {};
    }
    return {};
}

Qt::ItemFlags PlacementCostModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == Fee || index.column() == Additional))
        f |= Qt::ItemIsEditable;
    return f;
}

bool PlacementCostModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEditable) || !m_editHandler)
        return false;
    Money::Pence p = 0;
    if (value.typeId() == QMetaType::QString) {
        if (!Money::parse(value.toString(), &p))
            return false;
    } else {
        p = value.toLongLong();
    }
    if (p < 0)
        return false;
    return m_editHandler(m_rows.at(index.row()), Column(index.column()), p);
}

QVariant PlacementCostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Child: return tr("Child");
    case Category: return tr("Category");
    case Provider: return tr("Provider");
    case Funding: return tr("Funding");
    case Start: return tr("Placed");
    case Fee: return tr("Weekly fee");
    case Additional: return tr("Additionalities");
    case Total: return tr("Weekly total");
    }
    return {};
}
