#include "itemmodels/agendamodel.h"

#include "core/dates.h"


AgendaModel::AgendaModel(QObject *parent) : QAbstractTableModel(parent) {}

void AgendaModel::setAgenda(const QVector<AgendaItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int AgendaModel::rowOfChild(qint64 childId) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items[i].childId == childId)
            return i;
    return -1;
}

int AgendaModel::decidedCount() const
{
    int n = 0;
    for (const AgendaItem &it : m_items)
        n += it.decided.isEmpty() ? 0 : 1;
    return n;
}

int AgendaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int AgendaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgendaModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size() || index.column() >= ColumnCount)
        return {};
    const AgendaItem &it = m_items.at(index.row());
    switch (role) {
    case ChildIdRole: return it.childId;
    case PlacementIdRole: return it.placementId;
    case UrgencyRole: return it.urgency();
    case MaxSeverityRole: return PanelRules::maxSeverity(it.flags);
    case Qt::TextAlignmentRole:
        if (index.column() == Position || index.column() == Age || index.column() == WeeklyCost || index.column() == Days)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole: {
        if (index.column() == LegalStatus)
            return QStringLiteral("Legal status %1").arg(it.legalStatus);
        if (index.column() == Decided)
            return it.decided.isEmpty() ? QStringLiteral("Not decided at this meeting yet")
                                        : QStringLiteral("Decided at this meeting: %1").arg(it.decided);
        if (index.column() == Flags || index.column() == Position) {
            QStringList lines;
            for (const PanelFlag &f : it.flags)
                lines << QStringLiteral("%1: %2").arg(PanelRules::flagLabel(f.code), f.reason);
            if (it.dueForReview)
                lines << (it.lastReview.isValid() ? QStringLiteral("Due for review (last reviewed %1)").arg(Dates::uk(it.lastReview))
                                                  : QStringLiteral("Due for review (never reviewed at panel)"));
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == WeeklyCost)
            return QStringLiteral("Fee %1 + additionalities %2").arg(PanelRules::money(it.weeklyFee), PanelRules::money(it.additionalWeekly));
        return {};
    }
    case SortRole:
        switch (index.column()) {
        case Position: return it.position;
        case Age: return it.age;
        case WeeklyCost: return it.weeklyTotal();
        case Days: return it.daysInPlacement;
        case Flags: return it.urgency();
        case NextReview: return it.nextReview;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Position: return it.position;
        case Child: return it.childRef;
        case Decided: return it.decided;
        case Age: return it.age;
        case LegalStatus: return it.legalStatus;
        case Placement: return it.placementType.isEmpty() ? it.place : QStringLiteral("%1 (%2)").arg(it.placementType, it.place);
        case Provider: return it.provider;
        case WeeklyCost: return PanelRules::money(it.weeklyTotal());
        case Days: return it.daysInPlacement;
        case Flags: {
            QStringList labels;
            for (const PanelFlag &f : it.flags)
                labels << PanelRules::flagLabel(f.code);
            if (labels.isEmpty() && it.dueForReview)
                labels << QStringLiteral("Review due");
            return labels.join(QStringLiteral(" · "));
        }
        case NextReview: return it.dueForReview ? QStringLiteral("Due now") : Dates::uk(it.nextReview);
        }
        break;
    }
    return {};
}

QVariant AgendaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const names[] = {"#", "Child", "Decided", "Age", "Flags", "Weekly cost", "Placement", "LS", "Provider",
                                        "Days", "Review"};
    return tr(names[section]);
}
