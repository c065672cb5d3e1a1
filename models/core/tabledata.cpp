#include "core/tabledata.h"

#include "core/disclosure.h"

#include <QAbstractItemModel>
#include <QRegularExpression>
#include <algorithm>

bool TableData::suppressed(const TableCell &cell, bool publicMode)
{
    return publicMode && (isSmallCount(cell.basis) || (cell.secondary && cell.basis >= 0));
}

QString TableData::display(const TableCell &cell, bool publicMode)
{
    return suppressed(cell, publicMode) ? suppressionSymbol() : cell.text;
}

void TableData::protectTotal(const QVector<int> &partRows, int countColumn, int totalRow)
{
    QVector<qint64> counts;
    for (int r : partRows)
        counts << std::max<qint64>(0, rows.value(r).value(countColumn).basis);
    const Disclosure::Protection p = Disclosure::protect(counts);
    const auto hide = [this](int r) {
        if (r < 0 || r >= rows.size())
            return;
        for (TableCell &c : rows[r])
            if (c.basis >= 0)
                c.secondary = true;
    };
    for (int i = 0; i < partRows.size(); ++i)
        if (p.parts[i])
            hide(partRows[i]);
    if (p.total)
        hide(totalRow);
}

void TableData::protectRow(int row, const QVector<int> &partColumns)
{
    if (row < 0 || row >= rows.size())
        return;
    QVector<qint64> counts;
    for (int c : partColumns)
        counts << std::max<qint64>(0, rows[row].value(c).basis);
    const Disclosure::Protection p = Disclosure::protect(counts);
    for (int i = 0; i < partColumns.size(); ++i)
        if (p.parts[i] && partColumns[i] >= 0 && partColumns[i] < rows[row].size())
            rows[row][partColumns[i]].secondary = true;
}

QString TableData::marking(bool publicMode) const
{
    return childLevel && !publicMode ? QStringLiteral("OFFICIAL-SENSITIVE") : QStringLiteral("OFFICIAL");
}

// Excel, LibreOffice and Google Sheets run a cell starting with one of these as a formula
// (OWASP's "CSV injection"); a leading apostrophe makes it text.
static bool runsAsFormula(const QString &text)
{
    static const QRegularExpression negativeNumber(QStringLiteral("^-[0-9][0-9,]*(\\.[0-9]+)?%?$"));
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    if (first == QLatin1Char('-'))
        return !negativeNumber.match(text).hasMatch();
    return first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('@') || first == QLatin1Char('\t')
           || first == QLatin1Char('\r');
}

static QByteArray csvField(const QString &text)
{
    QByteArray f = runsAsFormula(text) ? (QLatin1Char('\'') + text).toUtf8() : text.toUtf8();
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
