#include "itemmodels/reporttablemodel.h"

ReportTableModel::ReportTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReportTableModel::setTable(const QStringList &headers, const QVector<Row> &rows)
{
    beginResetModel();
    m_headers = headers;
    m_rows = rows;
    for (Row &r : m_rows)
        r.resize(m_headers.size());
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_headers.size())
        return {};
    const Cell &c = m_rows.at(index.row()).at(index.column());
    switch (role) {
    case Qt::DisplayRole: return c.text;
    case SortRole: return c.sort.isValid() ? c.sort : QVariant(c.text);
    case Qt::TextAlignmentRole: return int((c.number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString ReportTableModel::toCsv() const
{
    const auto quote = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
        return s;
    };
    QStringList lines;
    QStringList h;
    for (const QString &s : m_headers)
        h << quote(s);
    lines << h.join(QLatin1Char(','));
    for (const Row &r : m_rows) {
        QStringList cells;
        for (const Cell &c : r)
            cells << quote(c.text);
        lines << cells.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
