#include "core/tabledata.h"

#include <QAbstractItemModel>

QString TableData::display(const TableCell &cell, bool publicMode)
{
    return publicMode && isSmallCount(cell.basis) ? suppressionSymbol() : cell.text;
}

static QByteArray csvField(const QString &text)
{
    QByteArray f = text.toUtf8();
    if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r')) {
        f.replace('"', "\"\"");
        f = '"' + f + '"';
    }
    return f;
}

QByteArray TableData::toCsv(bool publicMode) const
{
    QByteArray out;
    QByteArrayList line;
    for (const QString &h : headers)
        line << csvField(h);
    out += line.join(',') + "\r\n";
    for (const auto &row : rows) {
        line.clear();
        for (const TableCell &c : row)
            line << csvField(display(c, publicMode));
        out += line.join(',') + "\r\n";
    }
    return out;
}

TableData TableData::fromModel(const QAbstractItemModel &model, const QString &title, int basisColumn)
{
    TableData t;
    t.title = title;
    for (int c = 0; c < model.columnCount(); ++c)
        t.headers << model.headerData(c, Qt::Horizontal).toString();
    for (int r = 0; r < model.rowCount(); ++r) {
        QVector<TableCell> row;
        qint64 basis = -1;
        if (basisColumn >= 0) {
            bool ok = false;
            const qint64 v = model.index(r, basisColumn).data(Qt::UserRole + 1).toLongLong(&ok);
            basis = ok ? v : -1;
        }
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex i = model.index(r, c);
            TableCell cell;
            cell.text = i.data().toString();
            cell.numeric = (i.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight) != 0;
            cell.basis = cell.numeric ? basis : -1;
            row << cell;
        }
        t.rows << row;
    }
    return t;
}
