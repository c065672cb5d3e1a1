#include "bulkinsert.h"

#include "store.h"

#include <QSqlError>
#include <sqlite3.h>

BulkInsert::BulkInsert(Store &store, const QString &sql) : m_store(store)
{
    if (sqlite3 *db = store.sqliteHandle()) {
        const QByteArray text = sql.toUtf8();
        m_valid = sqlite3_prepare_v2(db, text.constData(), int(text.size()), &m_stmt, nullptr) == SQLITE_OK;
        if (!m_valid)
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        m_query = store.prepare(sql);
        m_valid = m_query.lastError().type() == QSqlError::NoError;
        m_error = m_query.lastError().text();
    }
}

BulkInsert::~BulkInsert()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

void BulkInsert::bind(int index, qint64 value)
{
    if (m_stmt) {
        sqlite3_bind_int64(m_stmt, index + 1, value);
        return;
    }
    if (m_values.size() <= index)
        m_values.resize(index + 1);
    m_values[index] = value;
}

void BulkInsert::bind(int index, double value)
{
    if (m_stmt) {
        sqlite3_bind_double(m_stmt, index + 1, value);
        return;
    }
    if (m_values.size() <= index)
        m_values.resize(index + 1);
    m_values[index] = value;
}

void BulkInsert::bind(int index, const QByteArray &utf8)
{
    if (utf8.isNull()) {
        bindNull(index);
        return;
    }
    if (m_stmt) {
        sqlite3_bind_text(m_stmt, index + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
    if (m_values.size() <= index)
        m_values.resize(index + 1);
    m_values[index] = QString::fromUtf8(utf8);
}

void BulkInsert::bindNull(int index)
{
    if (m_stmt) {
        sqlite3_bind_null(m_stmt, index + 1);
        return;
    }
    if (m_values.size() <= index)
        m_values.resize(index + 1);
    m_values[index] = QVariant();
}

bool BulkInsert::step()
{
    if (!m_valid)
        return false;
    if (m_stmt) {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        if (rc != SQLITE_DONE) {
            m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_stmt)));
            return false;
        }
        return true;
    }
    for (int i = 0; i < m_values.size(); ++i)
        m_query.bindValue(i, m_values[i]);
    const bool ok = m_query.exec();
    if (!ok)
        m_error = m_query.lastError().text();
    m_values.clear();
    return ok;
}

qint64 BulkInsert::lastInsertId() const
{
    if (m_stmt)
        return sqlite3_last_insert_rowid(sqlite3_db_handle(m_stmt));
    return m_query.lastInsertId().toLongLong();
}
