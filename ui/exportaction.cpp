#include "exportaction.h"

#include "exportdialog.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QMenu>
#include <QToolButton>

namespace ExportAction {

ExportDialog *dialog(const ExportItem &item, const QString &authority, QWidget *parent)
{
    auto *d = new ExportDialog(item.title, authority, item.chart, item.table, parent);
    if (item.publicChart.chart)
        d->setPublicChart(item.publicChart);
    return d;
}

QToolButton *button(QWidget *screen, const std::function<QString()> &authority,
                    const std::function<QVector<ExportItem>()> &items)
{
    auto *b = new QToolButton(screen);
    b->setObjectName(QStringLiteral("exportButton"));
    b->setText(QObject::tr("Export…"));
    b->setToolTip(QObject::tr("Export a chart or table of this screen as PDF, PNG or CSV (Ctrl+E)"));
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setPopupMode(QToolButton::InstantPopup);
    QFont f = b->font();
    f.setPointSize(f.pointSize() + 1);
    b->setFont(f);
    auto *menu = new QMenu(b);
    menu->setFont(f);
    b->setMenu(menu);
    QObject::connect(menu, &QMenu::aboutToShow, b, [menu, screen, authority, items] {
        // Entries added by addExtra() carry the property "extra" and stay; the items are rebuilt.
        for (QAction *a : menu->actions())
            if (!a->property("extra").toBool()) {
                menu->removeAction(a);
                a->deleteLater();
            }
        QAction *first = menu->actions().value(0);
        const QVector<ExportItem> list = items();
        for (const ExportItem &item : list) {
            const bool childLevel = item.table.childLevel;
            auto *a = new QAction(item.title + (childLevel ? QObject::tr(" (OFFICIAL-SENSITIVE)") : QString()) + QStringLiteral("…"),
                                  menu);
            QObject::connect(a, &QAction::triggered, screen, [item, screen, authority] {
                ExportDialog *d = dialog(item, authority(), screen);
                d->setAttribute(Qt::WA_DeleteOnClose);
                d->open();
            });
            menu->insertAction(first, a);
        }
        if (first && !list.isEmpty()) {
            QAction *sep = menu->insertSeparator(first);
            sep->setProperty("extra", false);
        }
    });
    return b;
}

void addExtra(QToolButton *button, const QString &text, const std::function<void()> &action)
{
    QAction *a = button->menu()->addAction(text);
    a->setProperty("extra", true);
    QObject::connect(a, &QAction::triggered, button, action);
}

TableData countsTable(const QAbstractItemModel &model, const QString &title)
{
    TableData t = TableData::fromModel(model, title);
    for (int r = 0; r < t.rows.size(); ++r)
        for (int c = 0; c < t.rows[r].size(); ++c) {
            TableCell &cell = t.rows[r][c];
            if (!cell.numeric)
                continue;
            bool ok = false;
            const qint64 n = model.index(r, c).data(Qt::UserRole + 1).toLongLong(&ok);
            cell.basis = ok ? n : -1;
        }
    return t;
}

void clearBasis(TableData &table, const QVector<int> &columns)
{
    for (auto &row : table.rows)
        for (int c : columns)
            if (c >= 0 && c < row.size())
                row[c].basis = -1;
}

} // namespace ExportAction
