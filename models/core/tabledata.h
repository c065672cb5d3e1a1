#pragma once
// A table of figures as it is exported (PDF, PNG, CSV): headers and rows of cells. A cell may
// carry the count it rests on, so that public exports suppress small numbers: counts 1-5, and
// rates or percentages derived from them, print as "c" (the DfE's convention, PRODUCT §4).
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

class QAbstractItemModel;

struct TableCell {
    QString text;
    qint64 basis = -1;     // the count this figure rests on; -1 when it is not a figure about children
    bool numeric = false;  // right-aligned
};

struct TableData {
    QString title;
    QStringList headers;
    QVector<QVector<TableCell>> rows;
    QString note;             // shown under the table (sources, definitions)
    bool childLevel = false;  // rows describe individual children: OFFICIAL-SENSITIVE, never public

    static QString suppressionSymbol() { return QStringLiteral("c"); }
    static bool isSmallCount(qint64 n) { return n >= 1 && n <= 5; }
    // The text to print for a cell, suppressed in public mode where it rests on a small count.
    static QString display(const TableCell &cell, bool publicMode);
    QByteArray toCsv(bool publicMode) const;
    // A table from an item model's display data (every row and column, headers included).
    // `basisColumn`, if >= 0, gives for each row the count its figures rest on.
    static TableData fromModel(const QAbstractItemModel &model, const QString &title, int basisColumn = -1);
};
