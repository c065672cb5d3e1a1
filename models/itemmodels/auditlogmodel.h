#pragma once
// The audit log, newest first: who changed what, when, from what to what, and why. Read-only:
// the log is append-only in the schema too.
#include "store/coststore.h"

#include <QAbstractTableModel>

class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // What: the change in plain words with the child's reference ("Weekly fee of NF103853 from
    // 01/04/2024"); the stored table, row and field are in its tooltip for an auditor.
    enum Column { When, User, What, Old, New, Reason, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit AuditLogModel(QObject *parent = nullptr);
    void setEntries(const QVector<AuditEntry> &entries);
    const AuditEntry &entryAt(int row) const { return m_entries.at(row); }
    // The change in plain words, and a stored value as the user knows it ("£905.00", "(none)").
    static QString describe(const AuditEntry &e);
    static QString readable(const QString &field, const QString &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<AuditEntry> m_entries;
};
