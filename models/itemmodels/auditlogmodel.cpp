#include "itemmodels/auditlogmodel.h"

#include "core/dates.h"

namespace {

// Money fields are stored in pence; show them as the user typed them.
QString readable(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("(none)");
    bool ok = false;
    const qint64 p = value.toLongLong(&ok);
    if (ok && field.endsWith(QLatin1String("_pence")))
        return Money::format(p, p % 100 != 0);
    return value;
}

} // namespace

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditLogModel::setEntries(const QVector<AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case When: {
            const QDateTime local = e.at.toLocalTime();
            return Dates::uk(local.date()) + QLatin1Char(' ') + local.time().toString(QStringLiteral("HH:mm:ss"));
        }
        case User: return e.user;
        case Table: return e.table;
        case Row: return e.rowKey;
        case Field: return e.field;
        case Old: return readable(e.field, e.oldValue);
        case New: return readable(e.field, e.newValue);
        case Reason: return e.reason;
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case When: return e.id; // the log's own order: ids grow with time
        case User: return e.user;
        case Table: return e.table;
        case Row: return e.rowKey;
        case Field: return e.field;
        case Old: return e.oldValue;
        case New: return e.newValue;
        case Reason: return e.reason;
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("%1 changed %2 of %3 %4 from %5 to %6%7")
            .arg(e.user, e.field, e.table, e.rowKey, readable(e.field, e.oldValue), readable(e.field, e.newValue),
                 e.reason.isEmpty() ? QString() : tr(" — “%1”").arg(e.reason));
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When");
    case User: return tr("User");
    case Table: return tr("Table");
    case Row: return tr("Row");
    case Field: return tr("Field");
    case Old: return tr("Old value");
    case New: return tr("New value");
    case Reason: return tr("Reason");
    }
    return {};
}
