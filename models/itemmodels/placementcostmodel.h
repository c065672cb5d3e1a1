#pragma once
// The placements behind one row of the cost table (open at the month end, in one category):
// child, provider, funding, start, weekly fee and additionalities. Fee cells are editable; the
// edit is handed to the editor (an undo command with an effective date and a reason).
#include "store/placementstore.h"

#include <QAbstractTableModel>
#include <functional>

class PlacementCostModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Child, Category, Provider, Funding, Start, Fee, Additional, Total, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };
    using EditHandler = std::function<bool(const PlacementRecord &placement, Column column, Money::Pence value)>;

    explicit PlacementCostModel(QObject *parent = nullptr);

    // Shows `placements` whose category is `categoryId` (0: all).
    void setPlacements(const QVector<PlacementRecord> &placements, qint64 categoryId);
    const PlacementRecord &placementAt(int row) const { return m_rows.at(row); }
    int rowOfPlacement(qint64 placementId) const;
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<PlacementRecord> m_rows;
    EditHandler m_editHandler;
};
