#pragma once
// The Costs screen (PRODUCT §6): the month's cost table, editable live (budget cells, a
// snapshot's cells, and the fees of the placements behind a row), with the differences to
// in-house, framework vs spot, the charts, the what-if and the audit log. Every edit is an undo
// command on the main window's stack; totals and charts follow StoreEvents.
#include "domain/costtable.h"
#include "domain/whatif.h"
#include "exportaction.h"
#include "store/storeroles.h"

#include <QHash>
#include <QModelIndex>
#include <QSet>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QUndoStack;
QT_END_NAMESPACE

class AuditLogModel;
class CostTableModel;
class NoticeBar;
class PlacementCostModel;
class Store;
class WhatIfModel;

class CostsView : public QWidget
{
    Q_OBJECT
public:
    CostsView(Store &store, QUndoStack *undoStack, QWidget *parent = nullptr);

    enum Tab { TableTab, WhatIfTab, AuditTab };
    void showTab(Tab tab);
    bool isTabOffered(Tab tab) const;
    void setMonth(const QDate &month);
    QDate month() const;

    // For tests and the benchmark: what the screen shows now.
    const CostTable &table() const { return m_table; }
    CostTableModel *tableModel() const { return m_tableModel; }
    PlacementCostModel *placementModel() const { return m_placementModel; }
    WhatIfModel *whatIfModel() const { return m_whatIfModel; }
    AuditLogModel *auditModel() const { return m_auditModel; }
    QTableView *tableView() const { return m_tableView; }
    QTableView *placementView() const { return m_placementView; }
    QChartView *annualChartView() const { return m_annualChart; }
    QChartView *numbersChartView() const { return m_numbersChart; }
    QLabel *messageLabel() const;
    // Offers only what the connected user may do (see StoreRoles::Access).
    void setAccess(const StoreRoles::Access &access);
    NoticeBar *noticeBar() const { return m_notice; }
    // Shows the placements of one category (a row of the table).
    void selectCategory(const QString &category);
    // Effective date and reason the inline fee edits use.
    void setFeeEditDefaults(const QDate &effectiveFrom, const QString &reason);
    // The reason a desk edit of a fee records (required; starts empty).
    void setFeeReason(const QString &reason);
    // The user's input that a refused edit kept (cell -> text), until they retry or move on.
    QString keptInput(const QModelIndex &sourceIndex) const;
    // The what-if panel's scenario.
    void setScenario(const WhatIfScenario &scenario);
    WhatIfScenario scenario() const;
    bool saveScenario(const QString &name, QString *error);
    bool openScenario(const QString &name, QString *error);
    // Overrides a placement's category (0: back to the mapping) through an undo command.
    bool recategorise(qint64 placementId, qint64 categoryId, qint64 previousOverride, int version, QString *error);
    // What Export… offers: the cost table, the two charts with their numbers, the placements of
    // the selected category (child-level), the what-if and the audit log. Loads the month if
    // the screen has not been shown yet.
    QVector<ExportItem> exportItems();

public slots:
    void reload();
    // The store changed under the screen (another person's edit, an import).
    void storeChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildTableTab(QWidget *tab);
    void buildWhatIfTab(QWidget *tab);
    void buildAuditTab(QWidget *tab);
    void show(const CostTable &table);
    void onCostsChanged();
    void refreshPlacements();
    void refreshSummary();
    void refreshCharts(bool numbersToo);
    void refreshWhatIf();
    void refreshAudit();
    void refreshScenarioList();
    void fillCategoryCombos();
    bool editCostCell(int row, int column, const QVariant &value);
    bool editFeeCell(qint64 placementId, int version, bool fee, qint64 pence, qint64 otherPence);
    void changeCategoryOfSelected();
    void reportFailure(const QString &message);
    void reloadAfterRefusal();
    void clearMessage();

    Store &m_store;
    QUndoStack *m_undoStack;
    CostTableBuilder m_builder;
    CostTable m_table;
    QSet<qint64> m_dirtyPlacements;
    QVector<QPair<QDate, QHash<QString, int>>> m_numbersSeries;
    qint64 m_categoryId = 0;
    bool m_categoriesChanged = false;
    bool m_loaded = false;
    QHash<QString, QString> m_kept; // "t:row:column" / "p:placementId:column" -> the text a refused edit kept
    friend class KeepingDelegate;
    static QString keyOf(const QModelIndex &sourceIndex);
    QString m_lastStoreError;
    WhatIfScenario m_scenario;

    QTabWidget *m_tabs;
    QDateEdit *m_month;
    QLabel *m_source;
    NoticeBar *m_notice;
    StoreRoles::Access m_access;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_categoriesButton = nullptr;
    QPushButton *m_recategoriseButton = nullptr;
    QPushButton *m_saveScenarioButton = nullptr;
    QWidget *m_placementPane = nullptr;
    QLabel *m_reconcile;
    CostTableModel *m_tableModel;
    QTableView *m_tableView;
    QLabel *m_summary;
    QLabel *m_placementsTitle;
    PlacementCostModel *m_placementModel;
    QTableView *m_placementView;
    QDateEdit *m_feeFrom;
    QLineEdit *m_feeReason;
    QChartView *m_annualChart;
    QChartView *m_numbersChart;
    // what-if
    QSpinBox *m_moveNumber;
    QComboBox *m_moveFrom, *m_moveTo, *m_unitCategory;
    QLineEdit *m_unitCost;
    QListWidget *m_steps;
    QComboBox *m_scenarioName;
    WhatIfModel *m_whatIfModel;
    QTableView *m_whatIfView;
    QLabel *m_whatIfSummary;
    // audit
    AuditLogModel *m_auditModel;
    QComboBox *m_auditTable;
};
