#pragma once
// The cost editor's storage: cost categories and their mapping, budgets, cost table snapshots,
// what-if scenarios and the audit log. Every edit is one transaction with its audit entry and
// refuses a stale version (optimistic concurrency, PRODUCT §3).
#include "core/money.h"

#include <QDateTime>
#include <QString>
#include <QVector>

class Store;

// A cost category as stored (cost_categories): the rows of the cost table, in sort order.
struct CostCategory {
    qint64 id = 0;
    QString name;
    int sortOrder = 0;
    QString placementType, provision;
    qint64 inhouseEquivalentId = 0;
    int version = 1;
};

struct BudgetRecord {
    int financialYear = 0;
    qint64 categoryId = 0;
    double number = 0;
    Money::Pence unitWeek = 0;
    int version = 0; // 0: no row yet
};

struct SnapshotRow {
    qint64 id = 0;
    QString month; // YYYY-MM
    QString category;
    Money::Pence aveUnitWeek = 0;
    int number = 0;
    int version = 1;
};

struct CategoryMapping {
    qint64 id = 0;
    QString place, placeProvider; // empty provider: any
    qint64 categoryId = 0;
};

struct AuditEntry {
    qint64 id = 0;
    QDateTime at;
    QString user, table, rowKey, field, oldValue, newValue, reason;
    // What the row is about in the user's terms, looked up by auditLog(): the child's reference
    // for a fee, placement or decision; the category's name for a budget; empty otherwise.
    QString subject;
};

struct WhatIfScenarioRecord {
    qint64 id = 0;
    QString name, month, definition;
    int version = 1;
    QString changedBy, changedAt;
};

class CostStore
{
public:
    explicit CostStore(Store &store) : m_store(store) {}

    QVector<CostCategory> categories() const;
    // A category's name; empty if there is none with that id.
    QString categoryName(qint64 categoryId) const;
    // Updates one category (name, sort order, type, provision, in-house equivalent).
    bool updateCategory(const CostCategory &category, QString *error);
    // Adds a category; returns its id (0 on failure).
    qint64 addCategory(const CostCategory &category, QString *error);

    QVector<CategoryMapping> mappings() const;
    // Maps PLACE x PLACE_PROVIDER to a category (categoryId 0 removes the mapping), audited.
    bool setMapping(const QString &place, const QString &placeProvider, qint64 categoryId, const QString &reason, QString *error);

    QVector<BudgetRecord> budgets(int financialYear) const;
    BudgetRecord budget(int financialYear, qint64 categoryId) const;
    // Sets a budget cell: expectedVersion 0 inserts a new row (refused if one appeared meanwhile).
    bool setBudget(const BudgetRecord &budget, int expectedVersion, const QString &reason, QString *error);
    // Removes a budget row (the undo of its insertion).
    bool removeBudget(int financialYear, qint64 categoryId, int expectedVersion, const QString &reason, QString *error);

    QStringList snapshotMonths() const;
    QVector<SnapshotRow> snapshot(const QString &month) const;
    SnapshotRow snapshotRow(qint64 id) const;
    bool updateSnapshotRow(const SnapshotRow &row, int expectedVersion, const QString &reason, QString *error);
    // Loads a cost table CSV (MONTH, CATEGORY, AVE_UNIT_COST_WEEK in pounds, NUMBER); one transaction.
    bool importSnapshotCsv(const QString &path, QString *error, int *rows = nullptr);

    QVector<WhatIfScenarioRecord> scenarios() const;
    // Saves by name (insert or update at expectedVersion); returns the id, 0 on failure.
    qint64 saveScenario(const QString &name, const QString &month, const QString &definition, QString *error);
    bool removeScenario(qint64 id, QString *error);

    // Newest first; `table` empty = every table.
    QVector<AuditEntry> auditLog(int limit = 2000, const QString &table = QString()) const;

private:
    void nameSubjects(QVector<AuditEntry> &entries) const;
    bool versioned(const QString &sql, const QVariantList &values, const QString &table, const QString &whereKey,
                   const QVariantList &keyValues, QString *error);
    Store &m_store;
};
