#pragma once
// The one renderer for every export: lays a ReportDocument out on A4 pages and paints it onto any
// QPagedPaintDevice (QPdfWriter for vector PDF, QPrinter for print preview), or a single chart or
// table onto a QImage for PNG. Every page carries the security marking at top and bottom.
#include "reportdocument.h"

#include <QImage>

QT_BEGIN_NAMESPACE
class QPagedPaintDevice;
class QPainter;
QT_END_NAMESPACE

namespace ReportRenderer {

// Paints every page; returns the page count. The device must be A4 portrait with no margins.
int paint(const ReportDocument &doc, QPagedPaintDevice *device);
// Every export is written atomically and readable by its owner only (mode 0600): the files are
// OFFICIAL or OFFICIAL-SENSITIVE. PNGs carry the marking in a margin above and below the image;
// CSVs in a first row "# OFFICIAL" (see writeCsv).
// Writes a vector PDF atomically: on failure nothing is left at `path` and *error says why.
bool writePdf(const ReportDocument &doc, const QString &path, QString *error, int *pages = nullptr);
// A chart or table block as an image, `widthMm` wide at `dpi` (null if a table is too long for one).
QImage renderBlock(const ReportBlock &block, bool publicMode, int dpi = 150, double widthMm = 180);
// The block's image with the marking written in a margin above and below it.
QImage markedImage(const ReportBlock &block, bool publicMode, int dpi = 150);
// Writes a PNG or a CSV (of a table block) atomically.
bool writePng(const ReportBlock &block, bool publicMode, const QString &path, int dpi, QString *error);
// The CSV's first row is the marking as a comment ("# OFFICIAL"): a spreadsheet shows it in the
// first cell, on screen and when printed, and it travels with the file (a sidecar file would be
// lost when the CSV is mailed); pandas (comment='#') and R (comment.char) skip it.
bool writeCsv(const TableData &table, bool publicMode, const QString &path, QString *error);
QByteArray csvWithMarking(const TableData &table, bool publicMode);

} // namespace ReportRenderer
