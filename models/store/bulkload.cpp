#include "store/bulkload.h"

#include "store/store.h"

#include <sqlite3.h>

BulkLoadSettings::BulkLoadSettings(Store &store) : m_db(store.sqliteHandle())
{
    if (!m_db)
        return;
    m_cacheSize = pragma("PRAGMA cache_size");
    m_journal = pragma("PRAGMA journal_mode");
    m_foreignKeys = pragma("PRAGMA foreign_keys");
    m_tempStore = pragma("PRAGMA temp_store");
    sqlite3_exec(m_db, "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);
    sqlite3_exec(m_db, "PRAGMA cache_size = -32768", nullptr, nullptr, nullptr);
    if (m_journal.compare("wal", Qt::CaseInsensitive) == 0)
        sqlite3_exec(m_db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    sqlite3_exec(m_db, "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr);
}

BulkLoadSettings::~BulkLoadSettings()
{
    if (!m_db)
        return;
    if (!m_foreignKeys.isEmpty())
        sqlite3_exec(m_db, ("PRAGMA foreign_keys = " + m_foreignKeys).constData(), nullptr, nullptr, nullptr);
    if (!m_journal.isEmpty() && pragma("PRAGMA journal_mode") != m_journal)
        sqlite3_exec(m_db, ("PRAGMA journal_mode = " + m_journal).constData(), nullptr, nullptr, nullptr);
    if (!m_tempStore.isEmpty())
        sqlite3_exec(m_db, ("PRAGMA temp_store = " + m_tempStore).constData(), nullptr, nullptr, nullptr);
    if (!m_cacheSize.isEmpty())
        sqlite3_exec(m_db, ("PRAGMA cache_size = " + m_cacheSize).constData(), nullptr, nullptr, nullptr);
}

QByteArray BulkLoadSettings::pragma(const char *sql) const
{
    QByteArray value;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return value;
}

DeferredIndexes::DeferredIndexes(Store &store, std::initializer_list<const char *> tables, std::initializer_list<const char *> only)
    : m_db(store.sqliteHandle())
{
    if (!m_db)
        return;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
                           " ORDER BY name", -1, &stmt, nullptr) != SQLITE_OK)
        return;
    for (const char *table : tables) {
        sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const QByteArray name(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            bool wanted = only.size() == 0;
            for (const char *n : only)
                wanted = wanted || name == n;
            if (wanted)
                m_indexes.push_back({name, QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)))});
        }
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
}

bool DeferredIndexes::run(bool drop, QString *error)
{
    for (const auto &[name, sql] : m_indexes) {
        const QByteArray statement = drop ? "DROP INDEX \"" + name + '"' : sql;
        if (sqlite3_exec(m_db, statement.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return false;
        }
    }
    return true;
}
