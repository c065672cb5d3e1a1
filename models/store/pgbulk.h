#pragma once
// Bulk reads on PostgreSQL: `COPY (SELECT ...) TO STDOUT` through libpq on the store's own QPSQL
// connection, parsed straight from the text rows (no QVariant per value). The indicator engine
// reads millions of rows at load; through QSqlQuery that costs several times the server's work.
// Only for storage-layer hot paths (CaseStore); each caller keeps a QSqlQuery fallback for when
// available() is false (SQLite, a driver that hides its handle, a connection busy with a query).
#include <QString>
#include <functional>

class Store;

namespace PgBulk {

// One row of COPY's text format: field i is [field[i], field[i] + length[i]), unescaped;
// field[i] is nullptr for SQL NULL.
struct Row {
    static constexpr int maxFields = 16;
    const char *field[maxFields];
    int length[maxFields];
    int count = 0;
    bool isNull(int i) const { return field[i] == nullptr; }
};

// True if `store` is on PostgreSQL and its connection can stream a COPY now.
bool available(const Store &store);

// Runs COPY (`select`) TO STDOUT and calls `row` for each row, in the order the server sends them.
// `select` is a complete SELECT without parameters (storage-layer constants only). Returns false
// with *error on failure (rows already delivered stay delivered; the caller discards them).
bool copyOut(Store &store, const char *select, const std::function<void(const Row &)> &row, QString *error = nullptr);

} // namespace PgBulk
