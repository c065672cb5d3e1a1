#pragma once
// The cost categories (name, order, placement type, provision, in-house equivalent) and the
// PLACE × PLACE_PROVIDER mapping onto them, as editable tables. Edits are handed to the editor
// (undo commands), never written here.
#include "store/coststore.h"

#include <QAbstractTableModel>
#include <functional>

class CostCategoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Order, Type, Provision, InHouseEquivalent, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };
    // The category as the user wants it (edited field applied). Returns false if refused.
    using EditHandler = std::function<bool(const CostCategory &before, const CostCategory &after)>;

    explicit CostCategoryModel(QObject *parent = nullptr);
    void setCategories(const QVector<CostCategory> &categories);
    const CostCategory &categoryAt(int row) const { return m_categories.at(row); }
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }
    static QStringList placementTypes();
    static QStringList provisions();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString nameOf(qint64 id) const;
    QVector<CostCategory> m_categories;
    EditHandler m_editHandler;
};

class CategoryMapModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Place, Provider, Category, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };
    using EditHandler = std::function<bool(const CategoryMapping &mapping, qint64 newCategoryId)>;

    explicit CategoryMapModel(QObject *parent = nullptr);
    void setMappings(const QVector<CategoryMapping> &mappings, const QVector<CostCategory> &categories);
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<CategoryMapping> m_mappings;
    QVector<CostCategory> m_categories;
    EditHandler m_editHandler;
};
