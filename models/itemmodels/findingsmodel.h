#pragma once
// The data-quality findings of the imports (file, line, rule, child, message) as a table for the
// Data screen, so that the officer can fix them at source.
#include "domain/importer.h"

#include <QAbstractTableModel>

class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { File, Line, Rule, Child, Message, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const QVector<ImportFinding> &findings);
    const ImportFinding &finding(int row) const { return m_findings.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Overlapping episodes" for "overlap".
    static QString ruleTitle(const QString &rule);

private:
    QVector<ImportFinding> m_findings;
};
