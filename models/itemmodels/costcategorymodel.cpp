#include "itemmodels/costcategorymodel.h"

CostCategoryModel::CostCategoryModel(QObject *parent) : QAbstractTableModel(parent) {}

QStringList CostCategoryModel::placementTypes()
{
    return {QStringLiteral("Fostering"), QStringLiteral("Residential"), QStringLiteral("Supported accommodation"), QStringLiteral("Other")};
}

QStringList CostCategoryModel::provisions()
{
    return {QStringLiteral("in-house"), QStringLiteral("external"), QStringLiteral("none")};
}

void CostCategoryModel::setCategories(const QVector<CostCategory> &categories)
{
    beginResetModel();
    m_categories = categories;
    endResetModel();
}

QString CostCategoryModel::nameOf(qint64 id) const
{
    for (const CostCategory &c : m_categories)
        if (c.id == id)
            return c.name;
    return {};
}

int CostCategoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_categories.size());
}

int CostCategoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CostCategoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CostCategory &c = m_categories.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortRole) {
        switch (index.column()) {
        case Name: return c.name;
        case Order: return role == Qt::DisplayRole ? QVariant(QString::number(c.sortOrder)) : QVariant(c.sortOrder);
        case Type: return c.placementType;
        case Provision: return c.provision;
        case InHouseEquivalent: {
            const QString n = nameOf(c.inhouseEquivalentId);
            return n.isEmpty() && role == Qt::DisplayRole ? QStringLiteral("–") : n;
        }
        }
    } else if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Type: return tr("One of: %1 (framework vs spot is compared by type)").arg(placementTypes().join(QStringLiteral(", ")));
        case Provision: return tr("One of: %1").arg(provisions().join(QStringLiteral(", ")));
        case InHouseEquivalent: return tr("The in-house category this one is compared with (a category name, or empty)");
        default: return {};
        }
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() == Order ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

Qt::ItemFlags CostCategoryModel::flags(const QModelIndex &index) const
{
    return QAbstractTableModel::flags(index) | (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

bool CostCategoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_editHandler)
        return false;
    const CostCategory &before = m_categories.at(index.row());
    CostCategory after = before;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case Name:
        if (text.isEmpty())
            return false;
        after.name = text;
        break;
    case Order: {
        bool ok = false;
        after.sortOrder = text.toInt(&ok);
        if (!ok)
            return false;
        break;
    }
    case Type:
        after.placementType.clear();
        for (const QString &t : placementTypes())
            if (t.compare(text, Qt::CaseInsensitive) == 0)
                after.placementType = t;
        if (after.placementType.isEmpty())
            return false;
        break;
    case Provision:
        if (!provisions().contains(text.toLower()))
            return false;
        after.provision = text.toLower();
        break;
    case InHouseEquivalent:
        after.inhouseEquivalentId = 0;
        if (!text.isEmpty() && text != QLatin1String("–")) {
            for (const CostCategory &c : m_categories)
                if (c.name.compare(text, Qt::CaseInsensitive) == 0 && c.id != before.id)
                    after.inhouseEquivalentId = c.id;
            if (!after.inhouseEquivalentId)
                return false;
        }
        break;
    default:
        return false;
    }
    return m_editHandler(before, after);
}

QVariant CostCategoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Category");
    case Order: return tr("Order");
    case Type: return tr("Placement type");
    case Provision: return tr("Provision");
    case InHouseEquivalent: return tr("Compared with in-house");
    }
    return {};
}

CategoryMapModel::CategoryMapModel(QObject *parent) : QAbstractTableModel(parent) {}

void CategoryMapModel::setMappings(const QVector<CategoryMapping> &mappings, const QVector<CostCategory> &categories)
{
    beginResetModel();
    m_mappings = mappings;
    m_categories = categories;
    endResetModel();
}

int CategoryMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mappings.size());
}

int CategoryMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CategoryMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CategoryMapping &m = m_mappings.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortRole) {
        switch (index.column()) {
        case Place: return m.place;
        case Provider: return m.placeProvider.isEmpty() && role == Qt::DisplayRole ? tr("(any)") : m.placeProvider;
        case Category:
            for (const CostCategory &c : m_categories)
                if (c.id == m.categoryId)
                    return c.name;
            return {};
        }
    } else if (role == Qt::ToolTipRole && index.column() == Category) {
        return tr("Type another category's name to map %1 / %2 onto it").arg(m.place, m.placeProvider.isEmpty() ? tr("any provider") : m.placeProvider);
    }
    return {};
}

Qt::ItemFlags CategoryMapModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Category)
        f |= Qt::ItemIsEditable;
    return f;
}

bool CategoryMapModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != Category || !m_editHandler)
        return false;
    for (const CostCategory &c : m_categories)
        if (c.name.compare(value.toString().trimmed(), Qt::CaseInsensitive) == 0)
            return m_editHandler(m_mappings.at(index.row()), c.id);
    return false;
}

QVariant CategoryMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Place: return tr("PLACE");
    case Provider: return tr("PLACE_PROVIDER");
    case Category: return tr("Cost category");
    }
    return {};
}
