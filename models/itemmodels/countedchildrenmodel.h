#pragma once
// The children behind a number (drill-down from a chart point): pseudonymous reference, age,
// legal status, placement and since when. Read-only.
#include "domain/indicatorengine.h"

#include <QAbstractTableModel>

class CountedChildrenModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Reference, Age, LegalStatus, Placement, Provider, Since, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit CountedChildrenModel(QObject *parent = nullptr);
    void setChildren(const QVector<CountedChild> &children);
    const CountedChild &childAt(int row) const { return m_children.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<CountedChild> m_children;
};
