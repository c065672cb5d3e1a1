#include "bulkinsert.h"

#include "store.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QStringList>
#include <sqlite3.h>

BulkInsert::BulkInsert(Store &store, const QString &sql) : m_store(store)
{
    if (sqlite3 *db = store.sqliteHandle()) {
        const QByteArray text = sql.toUtf8();
        m_valid = sqlite3_prepare_v2(db, text.constData(), int(text.size()), &m_stmt, nullptr) == SQLITE_OK;
        if (!m_valid)
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
    } else if (const QRegularExpressionMatch m = QRegularExpression(
                   QStringLiteral("^(\\s*INSERT\\s+INTO\\s+.+?\\s+VALUES\\s*)(\\([?,\\s]+\\))(.*)$"),
                   QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption)
                   .match(sql);
               m.hasMatch() && !m.captured(3).contains(QLatin1String("RETURNING"), Qt::CaseInsensitive)) {
        m_batching = true;
        m_prefix = m.captured(1);
        m_row = m.captured(2);
        m_suffix = m.captured(3);
        m_columns = int(m_row.count(QLatin1Char('?')));
        // PostgreSQL takes at most 65,535 parameters in one statement.
        m_batchRows = qBound(1, 30000 / qMax(1, m_columns), 1000);
        m_valid = true;
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
    if (m_buffered > 0 && !flush())
        qWarning("Careboard: a bulk insert failed: %s", qPrintable(m_error));
}

bool BulkInsert::finish()
{
    return m_batching ? flush() : m_valid;
}

bool BulkInsert::flush()
{
    if (m_buffered == 0)
        return true;
    const auto statement = [this](int rows) {
        QStringList list;
        list.reserve(rows);
        for (int i = 0; i < rows; ++i)
            list << m_row;
        return m_prefix + list.join(QLatin1String(", ")) + m_suffix;
    };
    QSqlQuery partial;
    QSqlQuery *q = &m_fullBatch;
    if (m_buffered == m_batchRows) {
        if (!m_fullPrepared) {
            m_fullBatch = m_store.prepare(statement(m_batchRows));
            m_fullPrepared = true;
        }
    } else {
        partial = m_store.prepare(statement(m_buffered));
        q = &partial;
    }
    for (int i = 0; i < m_buffer.size(); ++i)
        q->bindValue(i, m_buffer[i]);
    const bool ok = q->exec();
    if (!ok)
        m_error = q->lastError().text();
    m_buffer.clear();
    m_buffered = 0;
    return ok;
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
    if (m_batching) {
        m_values.resize(m_columns);
        m_buffer += m_values;
        m_values.clear();
        if (++m_buffered < m_batchRows)
            return true;
        return flush();
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
