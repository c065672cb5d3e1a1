#pragma once
// Editors for the cost categories and the PLACE x PLACE_PROVIDER mapping onto them (PRODUCT §6).
// Each edit is an undo command on the main window's stack.
#include <QDialog>

QT_BEGIN_NAMESPACE
class QUndoStack;
class QLabel;
QT_END_NAMESPACE

class CategoryMapModel;
class CostCategoryModel;
class Store;

class CategoriesDialog : public QDialog
{
    Q_OBJECT
public:
    CategoriesDialog(Store &store, QUndoStack *undoStack, QWidget *parent = nullptr);
    CostCategoryModel *categoryModel() const { return m_categories; }
    CategoryMapModel *mapModel() const { return m_map; }

public slots:
    void reload();

private:
    Store &m_store;
    QUndoStack *m_undoStack;
    CostCategoryModel *m_categories;
    CategoryMapModel *m_map;
    QLabel *m_message;
};
