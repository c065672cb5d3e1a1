#pragma once
// SQLite's fast path for a large write on the store's own connection, shared by the import and
// the demo writer: the connection's settings for the load, and the tables' own indexes dropped
// for it and built again (from their stored definitions) at its end. Nothing on PostgreSQL.
#include <QByteArray>
#include <QString>
#include <initializer_list>
#include <utility>
#include <vector>

class Store;
struct sqlite3;

// SQLite settings for one bulk load on the store's connection, put back when it ends.
// - A page cache of 32 MiB: the rows are written in key order (ids, child references, children's
//   plans), so only the indexes on dates take pages at random; a larger cache only adds memory.
// - A rollback journal instead of WAL: new pages past the end of the file need no journal
//   entry, where WAL writes every page twice (to the log, then at the checkpoint). Still atomic.
// - No foreign key checks: the rows reference each other by construction (ids are the indexes
//   of DemoData's vectors), and the check is a lookup per row.
// Each switch is tried and left alone if SQLite declines (another connection, say).
class BulkLoadSettings
{
public:
    explicit BulkLoadSettings(Store &store);
    ~BulkLoadSettings();
    BulkLoadSettings(const BulkLoadSettings &) = delete;
    BulkLoadSettings &operator=(const BulkLoadSettings &) = delete;

private:
    QByteArray pragma(const char *sql) const;

    sqlite3 *m_db;
    QByteArray m_cacheSize, m_journal, m_foreignKeys, m_tempStore;
};

// The named tables' own indexes (not those of their keys and UNIQUE constraints) — or only those
// in `only`, if given — dropped for the load and built again at its end, inside its transaction:
// CREATE INDEX sorts the whole column once, where a million inserts into an index on dates land
// at random pages. The definitions are read back from the store (sqlite_master), so the schema
// stays their one source. SQLite only; elsewhere nothing is dropped.
class DeferredIndexes
{
public:
    DeferredIndexes(Store &store, std::initializer_list<const char *> tables, std::initializer_list<const char *> only = {});

    bool drop(QString *error) { return run(true, error); }
    bool create(QString *error) { return run(false, error); }

private:
    bool run(bool drop, QString *error);

    sqlite3 *m_db;
    std::vector<std::pair<QByteArray, QByteArray>> m_indexes;
};
