#pragma once
// Export ▸ PDF / PNG / CSV on every screen: each screen lists what it can export (its charts,
// each with the numbers behind it, and its tables) as ExportItems; an "Export…" button (Ctrl+E
// from the window) offers them and opens the ExportDialog for the one chosen. Charts are rebuilt
// from the data by the screens' chart builders, never grabbed from the screen.
#include "reportdocument.h"

#include <QString>
#include <QVector>
#include <functional>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QToolButton;
class QWidget;
QT_END_NAMESPACE

class ExportDialog;

struct ExportItem {
    QString title;           // the menu entry and the exported document's title
    ReportBlock chart;       // a chartBlock, or empty for a table on its own
    ReportBlock publicChart; // the chart without figures resting on small counts (empty: the same chart)
    TableData table;         // the numbers behind the chart, or the table itself
};

namespace ExportAction {

// The button a screen puts in its toolbar row (object name "exportButton", which the main
// window's File ▸ Export this screen… (Ctrl+E) opens). `items` is asked each time the menu opens.
QToolButton *button(QWidget *screen, const std::function<QString()> &authority,
                    const std::function<QVector<ExportItem>()> &items);
// Adds a further entry under the items (e.g. the Panel's agenda / minutes PDF).
void addExtra(QToolButton *button, const QString &text, const std::function<void()> &action);

// The dialog for one item (the caller shows it; it deletes itself on close when `modeless`).
ExportDialog *dialog(const ExportItem &item, const QString &authority, QWidget *parent);

// A table from a model where each numeric cell is a count of children itself (its sort value,
// Qt::UserRole + 1): public mode suppresses 1-5 cell by cell.
TableData countsTable(const QAbstractItemModel &model, const QString &title);
// Clears the basis of columns whose figures are not about children (budgets, populations).
void clearBasis(TableData &table, const QVector<int> &columns);

} // namespace ExportAction
