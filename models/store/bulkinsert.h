#pragma once
// A prepared INSERT executed many times inside the caller's transaction. On SQLite it goes
// through the engine's C API on the store's own connection (seven times faster than QSqlQuery
// for a million rows); elsewhere through QSqlQuery. Values are bound by position, from 0.
// On PostgreSQL a plain "INSERT INTO t (cols) VALUES (?, ...)" streams the rows with COPY
// through libpq on the store's own connection; with a suffix (ON CONFLICT ...) it is sent as
// multi-row INSERTs of up to 1,000 rows. Either way rows are written when a batch fills, by
// finish(), or at the latest by the destructor (whose error then aborts the transaction, so
// its commit fails). Call finish() before commit to see errors at once, and do not run other
// statements on the store's connection between step() and finish().
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
    // Writes any buffered rows (PostgreSQL batches); false with error() on failure.
    bool finish();
    // Row id of the last insert (SQLite rowid; not available on PostgreSQL: use RETURNING).
    qint64 lastInsertId() const;

private:
    Store &m_store;
    sqlite3_stmt *m_stmt = nullptr;
    QSqlQuery m_query;
    QVariantList m_values;
    // PostgreSQL batching: the statement split around its one VALUES row.
    bool flush();
    bool m_batching = false;
    bool copyFlush();
    void *m_pg = nullptr;            // PGconn* when streaming with COPY
    QByteArray m_copySql, m_copyData;
    QString m_prefix, m_row, m_suffix;
    int m_columns = 0;
    int m_batchRows = 0;
    QVariantList m_buffer;
    int m_buffered = 0;
    QSqlQuery m_fullBatch;
    bool m_fullPrepared = false;
    bool m_valid = false;
    QString m_error;
};
