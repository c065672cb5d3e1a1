#include "itemmodels/auditlogmodel.h"

#include "core/dates.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Stored field names as the screens call them.
QString fieldLabel(const QString &field)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("weekly_fee_pence"), QStringLiteral("weekly fee")},
        {QStringLiteral("additional_weekly_pence"), QStringLiteral("additional weekly cost")},
        {QStringLiteral("unit_cost_week_pence"), QStringLiteral("budgeted weekly unit cost")},
        {QStringLiteral("ave_unit_cost_week_pence"), QStringLiteral("average weekly unit cost")},
        {QStringLiteral("number"), QStringLiteral("number")},
        {QStringLiteral("category_id"), QStringLiteral("cost category")},
        {QStringLiteral("outcome"), QStringLiteral("outcome")},
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("role"), QStringLiteral("role")},
    };
    return labels.value(field, QString(field).replace(QLatin1Char('_'), QLatin1Char(' ')));
}

QString ukDate(const QString &iso)
{
    const QDate d = QDate::fromString(iso, Qt::ISODate);
    return d.isValid() ? Dates::uk(d) : iso;
}

} // namespace

QString AuditLogModel::readable(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("(none)");
    bool ok = false;
    const qint64 p = value.toLongLong(&ok);
    if (ok && field.endsWith(QLatin1String("_pence")))
        return Money::format(p, p % 100 != 0);
    // A server entry holds the changed columns as a JSON object: each in words, money in pounds.
    if (value.startsWith(QLatin1Char('{'))) {
        const QJsonObject o = QJsonDocument::fromJson(value.toUtf8()).object();
        if (!o.isEmpty()) {
            QStringList parts;
            for (auto it = o.begin(); it != o.end(); ++it) {
                const QString v = it.value().isDouble() ? QString::number(qint64(it.value().toDouble())) : it.value().toString();
                parts << fieldLabel(it.key()) + QLatin1Char(' ') + readable(it.key(), v);
            }
            return parts.join(QStringLiteral(", "));
        }
    }
    return value;
}

QString AuditLogModel::describe(const AuditEntry &e)
{
    const QString who = e.subject.isEmpty() ? QString() : QStringLiteral(" of %1").arg(e.subject);
    const QString field = fieldLabel(e.field);
    QString what = field.left(1).toUpper() + field.mid(1);
    if (e.table == QLatin1String("placement_fees")) {
        if (e.rowKey.contains(QLatin1Char('@')))
            return QStringLiteral("%1%2 from %3").arg(what, who, ukDate(e.rowKey.section(QLatin1Char('@'), 1)));
        // Written by the server's trigger (an edit from outside Careboard): field is the statement.
        return QStringLiteral("Fee row%1 changed outside Careboard (%2)").arg(who, e.field.toLower());
    }
    if (e.table == QLatin1String("placements"))
        return QStringLiteral("%1%2").arg(what, who);
    if (e.table == QLatin1String("panel_decisions"))
        return QStringLiteral("Panel decision%1").arg(who);
    if (e.table == QLatin1String("panel_meetings"))
        return QStringLiteral("Panel meeting %1").arg(e.rowKey);
    if (e.table == QLatin1String("panel_items"))
        return QStringLiteral("Agenda of panel meeting %1").arg(e.rowKey);
    if (e.table == QLatin1String("budgets"))
        return QStringLiteral("Budget %1 of %2, %3").arg(field, e.subject.isEmpty() ? e.rowKey.section(QLatin1Char('/'), 1) : e.subject,
                                                         e.rowKey.section(QLatin1Char('/'), 0, 0));
    if (e.table == QLatin1String("cost_snapshots"))
        return QStringLiteral("Cost table %1 of %2, %3").arg(field, e.rowKey.section(QLatin1Char('/'), 1), e.rowKey.section(QLatin1Char('/'), 0, 0));
    if (e.table == QLatin1String("cost_categories"))
        return QStringLiteral("Cost category %1").arg(e.subject.isEmpty() ? e.rowKey : e.subject);
    if (e.table == QLatin1String("cost_category_map"))
        return QStringLiteral("Cost category of placements %1").arg(e.rowKey);
    if (e.table == QLatin1String("imports"))
        return QStringLiteral("Import");
    if (e.table == QLatin1String("roles"))
        return QStringLiteral("Role of %1").arg(e.rowKey);
    if (e.table == QLatin1String("whatif_scenarios"))
        return QStringLiteral("What-if scenario %1").arg(e.rowKey);
    if (e.table == QLatin1String("audit_log"))
        return QStringLiteral("Audit log entries discarded");
    return QStringLiteral("%1 %2 %3").arg(e.table, e.rowKey, e.field);
}

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
        case What: return describe(e);
        case Old: return readable(e.field, e.oldValue);
        case New: return readable(e.field, e.newValue);
        case Reason: return e.reason;
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case When: return e.id; // the log's own order: ids grow with time
        case User: return e.user;
        case What: return describe(e);
        case Old: return e.oldValue;
        case New: return e.newValue;
        case Reason: return e.reason;
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("%1 changed %2 from %3 to %4%5\n(stored as %6, row %7, field %8)")
            .arg(e.user, describe(e), readable(e.field, e.oldValue), readable(e.field, e.newValue),
                 e.reason.isEmpty() ? QString() : tr(" — “%1”").arg(e.reason), e.table, e.rowKey, e.field);
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When");
    case User: return tr("Who");
    case What: return tr("What");
    case Old: return tr("Was");
    case New: return tr("Now");
    case Reason: return tr("Reason");
    }
    return {};
}
