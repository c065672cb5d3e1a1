#pragma once
// A table of figures as it is exported (PDF, PNG, CSV): headers and rows of cells. A cell may
// carry the count it rests on, so that public exports suppress small numbers: counts 1-5, and
// rates or percentages derived from them, print as "c" (the DfE's convention, PRODUCT §4); and
// where a total is shown with its parts, more parts are suppressed so that no hidden figure can
// be recovered by subtraction (protectTotal, core/disclosure.h).
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

class QAbstractItemModel;

struct TableCell {
    QString text;
    qint64 basis = -1;     // the count this figure rests on; -1 when it is not a figure about children
    bool numeric = false;  // right-aligned
    bool secondary = false; // suppressed in public to protect a total (protectTotal)
};

struct TableData {
    QString title;
    QStringList headers;
    QVector<QVector<TableCell>> rows;
    QString note;             // shown under the table (sources, definitions)
    bool childLevel = false;  // rows describe individual children: OFFICIAL-SENSITIVE, never public

    static QString suppressionSymbol() { return QStringLiteral("c"); }
    static bool isSmallCount(qint64 n) { return n >= 1 && n <= 5; }
    // Whether a cell prints as "c" in public: it rests on 1-5 children, or protects a total.
    static bool suppressed(const TableCell &cell, bool publicMode);
    // The text to print for a cell, suppressed in public mode where it rests on a small count.
    static QString display(const TableCell &cell, bool publicMode);
    // Secondary suppression (Disclosure::protect) for parts shown with their total: `partRows`
    // are the parts, each row's count in `countColumn` (its basis); `totalRow` the total's row,
    // or -1 when the total is published elsewhere (the mix's parts sum to the CLA count). Every
    // cell about children (basis >= 0) of a row to hide is marked secondary.
    void protectTotal(const QVector<int> &partRows, int countColumn, int totalRow = -1);
    // The same for parts laid out along one row (a month's placements by category, whose total
    // is published elsewhere): the cells to hide are marked secondary.
    void protectRow(int row, const QVector<int> &partColumns);
    // The table as CSV. Cells Excel would run as a formula (starting =, +, -, @, tab or CR) are
    // written with a leading apostrophe; a negative number (digits only, "-1,234", "-3.2%")
    // cannot be a formula and is kept as it is, so it stays a number in a spreadsheet.
    QByteArray toCsv(bool publicMode) const;
    // The security marking of the table as exported: OFFICIAL-SENSITIVE for child-level rows
    // (never public), else OFFICIAL.
    QString marking(bool publicMode) const;
    // A table from an item model's display data (every row and column, headers included).
    // `basisColumn`, if >= 0, gives for each row the count its figures rest on.
    static TableData fromModel(const QAbstractItemModel &model, const QString &title, int basisColumn = -1);
};
