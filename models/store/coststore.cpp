#include "store/coststore.h"

#include "core/csvreader.h"
#include "core/dates.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QVariant idOrNull(qint64 id)
{
    return id ? QVariant(id) : QVariant();
}

} // namespace

// Runs a versioned UPDATE (`sql` ends "WHERE <key> AND version = ?"); if no row changed, names
// who changed it since (PRODUCT §3: no edit silently overwritten).
bool CostStore::versioned(const QString &sql, const QVariantList &values, const QString &table, const QString &whereKey,
                          const QVariantList &keyValues, QString *error)
{
    QSqlQuery q = m_store.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!Store::exec(q, error))
        return false;
    if (q.numRowsAffected() == 1)
        return true;
    *error = m_store.staleRowMessage(table, whereKey, keyValues, QStringLiteral("This row"));
    return false;
}

QVector<CostCategory> CostStore::categories() const
{
    QVector<CostCategory> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT category_id, name, sort_order, placement_type, provision,"
                                                 " inhouse_equivalent_id, version FROM cost_categories ORDER BY sort_order, name"));
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << CostCategory{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString(),
                            q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toInt()};
    return out;
}

bool CostStore::updateCategory(const CostCategory &c, QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    QSqlQuery old = m_store.prepare(QStringLiteral("SELECT name, sort_order, placement_type, provision, inhouse_equivalent_id"
                                                   " FROM cost_categories WHERE category_id = ?"));
    old.addBindValue(c.id);
    if (!Store::exec(old, error) || !old.next()) {
        if (error && error->isEmpty())
            *error = QStringLiteral("That cost category no longer exists.");
        return false;
    }
    const QVariantList before{old.value(0), old.value(1), old.value(2), old.value(3), old.value(4)};
    const QVariantList after{c.name, c.sortOrder, c.placementType, c.provision, idOrNull(c.inhouseEquivalentId)};
    if (!versioned(QStringLiteral("UPDATE cost_categories SET name = ?, sort_order = ?, placement_type = ?, provision = ?,"
                                  " inhouse_equivalent_id = ?, version = version + 1, changed_by = ?, changed_at = ?"
                                  " WHERE category_id = ? AND version = ?"),
                   after + QVariantList{m_store.userName(), nowIso(), c.id, c.version}, QStringLiteral("cost_categories"),
                   QStringLiteral("category_id = ?"), {c.id}, error))
        return false;
    static const char *const fields[] = {"name", "sort_order", "placement_type", "provision", "inhouse_equivalent_id"};
    for (int i = 0; i < 5; ++i)
        if (before.at(i).toString() != after.at(i).toString()
            && !m_store.audit(QStringLiteral("cost_categories"), QString::number(c.id), QString::fromLatin1(fields[i]),
                              before.at(i), after.at(i), QString(), error))
            return false;
    return tx.commit(error);
}

qint64 CostStore::addCategory(const CostCategory &c, QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return 0;
    const qint64 id = m_store.insertReturningId(QStringLiteral("INSERT INTO cost_categories (name, sort_order, placement_type, provision,"
                                                               " inhouse_equivalent_id, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                                {c.name, c.sortOrder, c.placementType, c.provision, idOrNull(c.inhouseEquivalentId),
                                                 m_store.userName(), nowIso()},
                                                QStringLiteral("category_id"), error);
    if (!id || !m_store.audit(QStringLiteral("cost_categories"), QString::number(id), QStringLiteral("name"), QVariant(), c.name,
                       QString(), error)
        || !tx.commit(error))
        return 0;
    return id;
}

QVector<CategoryMapping> CostStore::mappings() const
{
    QVector<CategoryMapping> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT map_id, place, place_provider, category_id FROM cost_category_map"
                                                 " ORDER BY place, place_provider"));
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << CategoryMapping{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
    return out;
}

bool CostStore::setMapping(const QString &place, const QString &provider, qint64 categoryId, const QString &reason, QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    const QVariant old = m_store.scalar(QStringLiteral("SELECT category_id FROM cost_category_map WHERE place = ? AND place_provider = ?"),
                                        {place, provider});
    bool ok;
    if (!categoryId)
        ok = m_store.run(QStringLiteral("DELETE FROM cost_category_map WHERE place = ? AND place_provider = ?"), {place, provider}, error);
    else
        ok = m_store.run(QStringLiteral("INSERT INTO cost_category_map (place, place_provider, category_id) VALUES (?, ?, ?)"
                                        " ON CONFLICT (place, place_provider) DO UPDATE SET category_id = excluded.category_id"),
                         {place, provider, categoryId}, error);
    if (!ok
        || !m_store.audit(QStringLiteral("cost_category_map"), place + QLatin1Char('/') + provider, QStringLiteral("category_id"),
                          old, idOrNull(categoryId), reason, error))
        return false;
    return tx.commit(error);
}

QVector<BudgetRecord> CostStore::budgets(int financialYear) const
{
    QVector<BudgetRecord> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT financial_year, category_id, number, unit_cost_week_pence, version"
                                                 " FROM budgets WHERE financial_year = ?"));
    q.addBindValue(financialYear);
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << BudgetRecord{q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toDouble(), q.value(3).toLongLong(),
                            q.value(4).toInt()};
    return out;
}

BudgetRecord CostStore::budget(int financialYear, qint64 categoryId) const
{
    for (const BudgetRecord &b : budgets(financialYear))
        if (b.categoryId == categoryId)
            return b;
    return BudgetRecord{financialYear, categoryId, 0, 0, 0};
}

bool CostStore::setBudget(const BudgetRecord &b, int expectedVersion, const QString &reason, QString *error)
{
    if (b.number < 0 || b.unitWeek < 0) {
        *error = QStringLiteral("A budget cannot be negative.");
        return false;
    }
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    const BudgetRecord before = budget(b.financialYear, b.categoryId);
    const QString key = QStringLiteral("%1/%2").arg(b.financialYear).arg(b.categoryId);
    if (expectedVersion == 0) {
        if (before.version != 0) {
            *error = QStringLiteral("Another user has set this budget meanwhile (version %1). Reload to see it; your input "
                                    "has been kept.").arg(before.version);
            return false;
        }
        if (!m_store.run(QStringLiteral("INSERT INTO budgets (financial_year, category_id, number, unit_cost_week_pence,"
                                        " changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)"),
                         {b.financialYear, b.categoryId, b.number, b.unitWeek, m_store.userName(), nowIso()}, error))
            return false;
    } else if (!versioned(QStringLiteral("UPDATE budgets SET number = ?, unit_cost_week_pence = ?, version = version + 1,"
                                         " changed_by = ?, changed_at = ? WHERE financial_year = ? AND category_id = ? AND version = ?"),
                          {b.number, b.unitWeek, m_store.userName(), nowIso(), b.financialYear, b.categoryId, expectedVersion},
                          QStringLiteral("budgets"), QStringLiteral("financial_year = ? AND category_id = ?"),
                          {b.financialYear, b.categoryId}, error)) {
        return false;
    }
    const bool isNew = expectedVersion == 0;
    if ((isNew || before.number != b.number)
        && !m_store.audit(QStringLiteral("budgets"), key, QStringLiteral("number"), isNew ? QVariant() : QVariant(before.number),
                          b.number, reason, error))
        return false;
    if ((isNew || before.unitWeek != b.unitWeek)
        && !m_store.audit(QStringLiteral("budgets"), key, QStringLiteral("unit_cost_week_pence"),
                          isNew ? QVariant() : QVariant(before.unitWeek), b.unitWeek, reason, error))
        return false;
    return tx.commit(error);
}

bool CostStore::removeBudget(int financialYear, qint64 categoryId, int expectedVersion, const QString &reason, QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    const BudgetRecord before = budget(financialYear, categoryId);
    QSqlQuery q = m_store.prepare(QStringLiteral("DELETE FROM budgets WHERE financial_year = ? AND category_id = ? AND version = ?"));
    q.addBindValue(financialYear);
    q.addBindValue(categoryId);
    q.addBindValue(expectedVersion);
    if (!Store::exec(q, error))
        return false;
    if (q.numRowsAffected() != 1) {
        *error = QStringLiteral("This budget was changed by another user after you set it; it has been left as they left it.");
        return false;
    }
    const QString key = QStringLiteral("%1/%2").arg(financialYear).arg(categoryId);
    if (!m_store.audit(QStringLiteral("budgets"), key, QStringLiteral("number"), before.number, QVariant(), reason, error)
        || !m_store.audit(QStringLiteral("budgets"), key, QStringLiteral("unit_cost_week_pence"), before.unitWeek, QVariant(),
                          reason, error))
        return false;
    return tx.commit(error);
}

QStringList CostStore::snapshotMonths() const
{
    QStringList out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT DISTINCT month FROM cost_snapshots ORDER BY month"));
    if (Store::exec(q))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

QVector<SnapshotRow> CostStore::snapshot(const QString &month) const
{
    QVector<SnapshotRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT snapshot_id, month, category, ave_unit_cost_week_pence, number, version"
                                                 " FROM cost_snapshots WHERE month = ? ORDER BY snapshot_id"));
    q.addBindValue(month);
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << SnapshotRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                           q.value(4).toInt(), q.value(5).toInt()};
    return out;
}

SnapshotRow CostStore::snapshotRow(qint64 id) const
{
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT snapshot_id, month, category, ave_unit_cost_week_pence, number, version"
                                                 " FROM cost_snapshots WHERE snapshot_id = ?"));
    q.addBindValue(id);
    if (!Store::exec(q) || !q.next())
        return {};
    return SnapshotRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                       q.value(4).toInt(), q.value(5).toInt()};
}

bool CostStore::updateSnapshotRow(const SnapshotRow &row, int expectedVersion, const QString &reason, QString *error)
{
    if (row.aveUnitWeek < 0 || row.number < 0) {
        *error = QStringLiteral("A cost or a number cannot be negative.");
        return false;
    }
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    const SnapshotRow before = snapshotRow(row.id);
    if (!versioned(QStringLiteral("UPDATE cost_snapshots SET ave_unit_cost_week_pence = ?, number = ?, version = version + 1,"
                                  " changed_by = ?, changed_at = ? WHERE snapshot_id = ? AND version = ?"),
                   {row.aveUnitWeek, row.number, m_store.userName(), nowIso(), row.id, expectedVersion},
                   QStringLiteral("cost_snapshots"), QStringLiteral("snapshot_id = ?"), {row.id}, error))
        return false;
    const QString key = before.month + QLatin1Char('/') + before.category;
    if (before.aveUnitWeek != row.aveUnitWeek
        && !m_store.audit(QStringLiteral("cost_snapshots"), key, QStringLiteral("ave_unit_cost_week_pence"), before.aveUnitWeek,
                          row.aveUnitWeek, reason, error))
        return false;
    if (before.number != row.number
        && !m_store.audit(QStringLiteral("cost_snapshots"), key, QStringLiteral("number"), before.number, row.number, reason, error))
        return false;
    return tx.commit(error);
}

bool CostStore::importSnapshotCsv(const QString &path, QString *error, int *count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QStringList header;
    QVector<QStringList> records;
    QString parseError;
    int errorLine = 0;
    if (!CsvReader::parse(file.readAll(), [&](const CsvReader::Fields &fields, int) {
            QStringList row;
            for (std::string_view f : fields)
                row << QString::fromUtf8(f.data(), qsizetype(f.size()));
            if (header.isEmpty())
                header = row;
            else
                records << row;
            return true;
        }, &parseError, &errorLine)) {
        *error = QStringLiteral("%1 line %2: %3").arg(path).arg(errorLine).arg(parseError);
        return false;
    }
    const int month = int(header.indexOf(QStringLiteral("MONTH"))), category = int(header.indexOf(QStringLiteral("CATEGORY"))),
              unit = int(header.indexOf(QStringLiteral("AVE_UNIT_COST_WEEK"))), number = int(header.indexOf(QStringLiteral("NUMBER")));
    if (month < 0 || category < 0 || unit < 0 || number < 0) {
        *error = QStringLiteral("%1: a cost table needs the columns MONTH, CATEGORY, AVE_UNIT_COST_WEEK and NUMBER.").arg(path);
        return false;
    }
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    int line = 1;
    for (const QStringList &r : records) {
        ++line;
        Money::Pence pence = 0;
        bool numberOk = false;
        const int n = r.value(number).trimmed().toInt(&numberOk);
        const QString m = r.value(month).trimmed();
        if (!Money::parse(r.value(unit), &pence) || !numberOk || m.size() != 7 || !QDate::fromString(m + QStringLiteral("-01"), Qt::ISODate).isValid()) {
            *error = QStringLiteral("%1 line %2: expected MONTH as YYYY-MM, a unit cost in pounds and a whole NUMBER.").arg(path).arg(line);
            return false;
        }
        const QString cat = r.value(category).trimmed();
        // The row it replaces, if any: the log gives the old and the new unit cost and number.
        QSqlQuery before = m_store.prepare(QStringLiteral("SELECT ave_unit_cost_week_pence, number FROM cost_snapshots WHERE month = ? AND category = ?"));
        before.addBindValue(m);
        before.addBindValue(cat);
        if (!Store::exec(before, error))
            return false;
        const bool existed = before.next();
        const QVariant oldUnit = existed ? before.value(0) : QVariant(), oldNumber = existed ? before.value(1) : QVariant();
        before.finish();
        const QString key = m + QLatin1Char('/') + cat, why = QStringLiteral("Imported from %1").arg(QFileInfo(path).fileName());
        if (!m_store.run(QStringLiteral("INSERT INTO cost_snapshots (month, category, ave_unit_cost_week_pence, number, changed_by,"
                                        " changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (month, category) DO UPDATE SET"
                                        " ave_unit_cost_week_pence = excluded.ave_unit_cost_week_pence, number = excluded.number,"
                                        " version = cost_snapshots.version + 1, changed_by = excluded.changed_by,"
                                        " changed_at = excluded.changed_at"),
                         {m, cat, pence, n, m_store.userName(), nowIso()}, error))
            return false;
        if ((!existed || oldUnit.toLongLong() != pence)
            && !m_store.audit(QStringLiteral("cost_snapshots"), key, QStringLiteral("ave_unit_cost_week_pence"), oldUnit, pence, why, error))
            return false;
        if ((!existed || oldNumber.toInt() != n)
            && !m_store.audit(QStringLiteral("cost_snapshots"), key, QStringLiteral("number"), oldNumber, n, why, error))
            return false;
    }
    if (count)
        *count = int(records.size());
    return tx.commit(error);
}

QVector<WhatIfScenarioRecord> CostStore::scenarios() const
{
    QVector<WhatIfScenarioRecord> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT scenario_id, name, month, definition, version, changed_by, changed_at"
                                                 " FROM whatif_scenarios ORDER BY name"));
    if (!Store::exec(q))
        return out;
    while (q.next())
        out << WhatIfScenarioRecord{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                    q.value(4).toInt(), q.value(5).toString(), q.value(6).toString()};
    return out;
}

qint64 CostStore::saveScenario(const QString &name, const QString &month, const QString &definition, QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = QStringLiteral("A scenario needs a name.");
        return 0;
    }
    Transaction tx(m_store, error);
    if (!tx.ok())
        return 0;
    const QVariant old = m_store.scalar(QStringLiteral("SELECT definition FROM whatif_scenarios WHERE name = ?"), {name});
    const qint64 id = m_store.insertReturningId(
        QStringLiteral("INSERT INTO whatif_scenarios (name, month, definition, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT (name) DO UPDATE SET month = excluded.month, definition = excluded.definition,"
                       " version = whatif_scenarios.version + 1, changed_by = excluded.changed_by,"
                       " changed_at = excluded.changed_at"),
        {name, month, definition, m_store.userName(), nowIso()}, QStringLiteral("scenario_id"), error);
    if (!id || !m_store.audit(QStringLiteral("whatif_scenarios"), name, QStringLiteral("definition"), old, definition, QString(), error)
        || !tx.commit(error))
        return 0;
    return id;
}

bool CostStore::removeScenario(qint64 id, QString *error)
{
    Transaction tx(m_store, error);
    if (!tx.ok())
        return false;
    const QVariant name = m_store.scalar(QStringLiteral("SELECT name FROM whatif_scenarios WHERE scenario_id = ?"), {id});
    if (!m_store.run(QStringLiteral("DELETE FROM whatif_scenarios WHERE scenario_id = ?"), {id}, error)
        || !m_store.audit(QStringLiteral("whatif_scenarios"), name.toString(), QStringLiteral("definition"), QStringLiteral("(saved)"),
                          QVariant(), QStringLiteral("Scenario deleted"), error))
        return false;
    return tx.commit(error);
}

QVector<AuditEntry> CostStore::auditLog(int limit, const QString &table) const
{
    QVector<AuditEntry> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT audit_id, at, db_user, table_name, row_key, field, old_value, new_value, reason"
                                                 " FROM audit_log WHERE (? = '' OR table_name = ?) ORDER BY audit_id DESC LIMIT ?"));
    // A null QString binds as NULL, which equals nothing: bind an empty string instead.
    const QString t = table.isNull() ? QStringLiteral("") : table;
    q.addBindValue(t);
    q.addBindValue(t);
    q.addBindValue(limit);
    if (!Store::exec(q))
        return out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.at.setTimeSpec(Qt::UTC);
        e.user = q.value(2).toString();
        e.table = q.value(3).toString();
        e.rowKey = q.value(4).toString();
        e.field = q.value(5).toString();
        e.oldValue = q.value(6).toString();
        e.newValue = q.value(7).toString();
        e.reason = q.value(8).toString();
        out << e;
    }
    return out;
}

QString CostStore::categoryName(qint64 categoryId) const
{
    return m_store.scalar(QStringLiteral("SELECT name FROM cost_categories WHERE category_id = ?"), {categoryId}).toString();
}
