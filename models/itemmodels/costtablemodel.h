#pragma once
// The month's cost table as the editor shows it: a row per category, the TOTAL (weighted
// average) and, for a snapshot with a published TOTAL, that row as printed. Budget cells and a
// snapshot's cells are editable: the edit is handed to the editor (an undo command), never
// written here.
#include "domain/costtable.h"

#include <QAbstractTableModel>
#include <functional>

class CostTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Category, Number, AveFee, AveAdditional, AveUnit, Weekly, Annual,
        BudgetNumber, BudgetUnit, BudgetAnnual, Variance, ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        ValueRole,    // pence (double) or a number, unformatted
        RowKindRole,  // 0 category, 1 TOTAL, 2 TOTAL as published
        WarningRole,  // true where the view should draw attention (overspend, disagreeing TOTAL)
    };
    // An edit of `column` on table row `row` (rows.size() = TOTAL, rows.size() + 1 = published
    // TOTAL) to `value` (pence for money, a number otherwise). Returns false if refused.
    using EditHandler = std::function<bool(int row, Column column, const QVariant &value)>;

    explicit CostTableModel(QObject *parent = nullptr);

    void setTable(const CostTable &table);
    const CostTable &table() const { return m_table; }
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }
    int totalRow() const { return int(m_table.rows.size()); }
    bool hasPublishedRow() const { return m_table.hasPublishedTotal; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool isEditable(int row, int column) const;
    QVariant value(int row, int column) const;

    CostTable m_table;
    EditHandler m_editHandler;
};
