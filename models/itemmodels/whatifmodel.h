#pragma once
// A what-if result beside the actuals: per category the actual and scenario numbers and weekly
// costs, and the weekly and annual effect; a TOTAL row last.
#include "domain/whatif.h"

#include <QAbstractTableModel>

class WhatIfModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Category, ActualNumber, ScenarioNumber, ActualWeekly, ScenarioWeekly, WeeklyEffect, AnnualEffect, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit WhatIfModel(QObject *parent = nullptr);
    void setResult(const WhatIfResult &result);
    const WhatIfResult &result() const { return m_result; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    WhatIfResult m_result;
};
