#pragma once
// A prepared INSERT executed many times inside the caller's transaction. On SQLite it goes
// through the engine's C API on the store's own connection (seven times faster than QSqlQuery
// for a million rows); elsewhere through QSqlQuery. Values are bound by position, from 0.
#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

struct sqlite3_stmt;
class Store;

class BulkInsert
{
public:
    BulkInsert(Store &store, const QString &sql);
    ~BulkInsert();
    BulkInsert(const BulkInsert &) = delete;
    BulkInsert &operator=(const BulkInsert &) = delete;

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }

    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QByteArray &utf8); // null QByteArray binds NULL
    void bindNull(int index);
    // Executes with the bound values and clears them for the next row.
    bool step();
    // Row id of the last insert (SQLite rowid).
    qint64 lastInsertId() const;

private:
    Store &m_store;
    sqlite3_stmt *m_stmt = nullptr;
    QSqlQuery m_query;
    QVariantList m_values;
    bool m_valid = false;
    QString m_error;
};
