#pragma once
// A read-only table of report rows (the panel's cost avoidance, residential tracker and
// unregulated report): display text per cell plus a sort value, filled by the views' builders.
#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1 };
    struct Cell {
        QString text;
        QVariant sort;     // invalid: sort by text
        bool number = false; // right-aligned
    };
    using Row = QVector<Cell>;

    explicit ReportTableModel(QObject *parent = nullptr);

    void setTable(const QStringList &headers, const QVector<Row> &rows);
    const QStringList &headers() const { return m_headers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // The table as CSV (header row first).
    QString toCsv() const;

    static Cell text(const QString &s) { return {s, {}, false}; }
    static Cell number(const QString &s, const QVariant &sort) { return {s, sort, true}; }

private:
    QStringList m_headers;
    QVector<Row> m_rows;
};
