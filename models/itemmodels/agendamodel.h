#pragma once
// The panel agenda as a table: one row per child, most urgent first (PRODUCT §7). Only the
// child reference, age and placement are shown: the screen is shared in the meeting.
#include "domain/agenda.h"

#include <QAbstractTableModel>

class AgendaModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Flags and cost first: what the panel discusses; then the placement. Decided: the outcome
    // recorded for the child at this sitting (AgendaItem::decided), empty until then.
    enum Column { Position, Child, Decided, Age, Flags, WeeklyCost, Placement, LegalStatus, Provider, Days, NextReview, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, ChildIdRole, PlacementIdRole, UrgencyRole, MaxSeverityRole };

    explicit AgendaModel(QObject *parent = nullptr);

    void setAgenda(const QVector<AgendaItem> &items);
    const QVector<AgendaItem> &agenda() const { return m_items; }
    const AgendaItem &itemAt(int row) const { return m_items.at(row); }
    int rowOfChild(qint64 childId) const;
    int decidedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<AgendaItem> m_items;
};
