#include "itemmodels/whatifmodel.h"

#include <QLocale>
#include <cmath>

WhatIfModel::WhatIfModel(QObject *parent) : QAbstractTableModel(parent) {}

void WhatIfModel::setResult(const WhatIfResult &result)
{
    if (result.rows.size() == m_result.rows.size() && !m_result.rows.isEmpty()) {
        m_result = result;
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_result = result;
    endResetModel();
}

int WhatIfModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_result.rows.isEmpty() ? 0 : int(m_result.rows.size()) + 1;
}

int WhatIfModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WhatIfModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool total = index.row() == m_result.rows.size();
    const WhatIfRow &r = total ? m_result.total : m_result.rows.at(index.row());
    const auto money = [](double pence, bool sign) {
        const QString s = Money::format(Money::Pence(std::llround(pence)));
        return sign && pence >= 0.5 ? QStringLiteral("+") + s : s;
    };
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Category: return r.category;
        case ActualNumber: return uk.toString(r.actualNumber);
        case ScenarioNumber: return uk.toString(r.scenarioNumber);
        case ActualWeekly: return money(r.actualWeekly, false);
        case ScenarioWeekly: return money(r.scenarioWeekly, false);
        case WeeklyEffect: return money(r.weeklyEffect(), true);
        case AnnualEffect: return money(r.annualEffect(), true);
        }
    } else if (role == SortRole) {
        if (total)
            return index.column() == Category ? QVariant(QStringLiteral("\uffff")) : QVariant(1e300);
        switch (index.column()) {
        case Category: return r.category;
        case ActualNumber: return r.actualNumber;
        case ScenarioNumber: return r.scenarioNumber;
        case ActualWeekly: return r.actualWeekly;
        case ScenarioWeekly: return r.scenarioWeekly;
        case WeeklyEffect: return r.weeklyEffect();
        case AnnualEffect: return r.annualEffect();
        }
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() == Category ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole && index.column() == AnnualEffect) {
        return tr("Weekly effect × 365 ÷ 7");
    }
    return {};
}

QVariant WhatIfModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Category: return tr("Category");
    case ActualNumber: return tr("Number now");
    case ScenarioNumber: return tr("Number if");
    case ActualWeekly: return tr("Weekly now");
    case ScenarioWeekly: return tr("Weekly if");
    case WeeklyEffect: return tr("Weekly effect");
    case AnnualEffect: return tr("Annual effect");
    }
    return {};
}
