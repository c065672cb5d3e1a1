#include "itemmodels/countedchildrenmodel.h"

#include "core/dates.h"

CountedChildrenModel::CountedChildrenModel(QObject *parent) : QAbstractTableModel(parent) {}

void CountedChildrenModel::setChildren(const QVector<CountedChild> &children)
{
    beginResetModel();
    m_children = children;
    endResetModel();
}

int CountedChildrenModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_children.size());
}

int CountedChildrenModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString placementText(const QString &place)
{
    if (place.isEmpty())
        return {};
    return QStringLiteral("%1 — %2").arg(place, Codes::groupName(Codes::placementGroup(place, 2024)));
}

QVariant CountedChildrenModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CountedChild &c = m_children.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Reference: return c.childRef;
        case Age: return c.age >= 0 ? QVariant(c.age) : QVariant(QStringLiteral("–"));
        case LegalStatus: return c.legalStatus;
        case Placement: return c.placement;
        case Provider: return c.provider;
        case Since: return Dates::uk(c.since);
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case Reference: return c.childRef;
        case Age: return c.age;
        case LegalStatus: return c.legalStatus;
        case Placement: return c.placement;
        case Provider: return c.provider;
        case Since: return c.since;
        }
    } else if (role == Qt::ToolTipRole && index.column() == Placement) {
        return placementText(c.placement);
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() == Age ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant CountedChildrenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Reference: return tr("Child reference");
    case Age: return tr("Age");
    case LegalStatus: return tr("Legal status");
    case Placement: return tr("Placement");
    case Provider: return tr("Provider");
    case Since: return tr("Since");
    }
    return {};
}
