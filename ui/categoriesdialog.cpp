#include "categoriesdialog.h"

#include "costcommands.h"
#include "itemmodels/costcategorymodel.h"
#include "store/store.h"
#include "storeevents.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

CategoriesDialog::CategoriesDialog(Store &store, QUndoStack *undoStack, QWidget *parent)
    : QDialog(parent), m_store(store), m_undoStack(undoStack)
{
    setWindowTitle(tr("Cost categories and mapping"));
    m_categories = new CostCategoryModel(this);
    m_map = new CategoryMapModel(this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #ffffff; background: #a03000; padding: 6px; }"));
    m_message->hide();
    const auto push = [this](EditCommand *command) {
        QString error;
        const bool ok = EditCommand::push(m_undoStack, command, &error);
        m_message->setVisible(!ok);
        m_message->setText(ok ? QString() : tr("Not saved: %1").arg(error));
        return ok;
    };
    m_categories->setEditHandler([this, push](const CostCategory &before, const CostCategory &after) {
        return push(new CategoryEditCommand(m_store, before, after));
    });
    m_map->setEditHandler([this, push](const CategoryMapping &mapping, qint64 category) {
        return push(new MappingChangeCommand(m_store, mapping, category));
    });

    auto *tabs = new QTabWidget(this);
    for (QAbstractTableModel *model : {static_cast<QAbstractTableModel *>(m_categories), static_cast<QAbstractTableModel *>(m_map)}) {
        auto *sorted = new QSortFilterProxyModel(this);
        sorted->setSourceModel(model);
        sorted->setSortRole(Qt::UserRole + 1);
        auto *view = new QTableView(tabs);
        view->setModel(sorted);
        view->setSortingEnabled(true);
        view->verticalHeader()->hide();
        view->setAlternatingRowColors(true);
        QFont f = view->font();
        f.setPointSize(f.pointSize() + 2);
        view->setFont(f);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setStretchLastSection(true);
        tabs->addTab(view, model == m_categories ? tr("Categories") : tr("Mapping from PLACE × PLACE_PROVIDER"));
    }
    auto *add = new QPushButton(tr("Add category…"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New cost category"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        QString error;
        CostCategory c{0, name.trimmed(), m_categories->rowCount() + 1, QStringLiteral("Other"), QStringLiteral("external"), 0, 1};
        if (!CostStore(m_store).addCategory(c, &error)) {
            m_message->setText(tr("Not saved: %1").arg(error));
            m_message->show();
            return;
        }
        emit StoreEvents::of(m_store)->categoriesChanged();
        emit StoreEvents::of(m_store)->costsChanged();
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(add, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Double-click a cell to edit. Every change is audited and can be undone (Ctrl+Z)."), this));
    layout->addWidget(m_message);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(900, 600);
    connect(StoreEvents::of(m_store), &StoreEvents::categoriesChanged, this, &CategoriesDialog::reload);
    reload();
}

void CategoriesDialog::reload()
{
    const CostStore costs(m_store);
    const QVector<CostCategory> categories = costs.categories();
    m_categories->setCategories(categories);
    m_map->setMappings(costs.mappings(), categories);
}
