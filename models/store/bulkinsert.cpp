#include "store/bulkinsert.h"

#include "store/store.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QStringList>
#include <QSqlDriver>
#include <libpq-fe.h>
#include <sqlite3.h>

// Live bulk inserts of this thread, oldest first. Before one writes a batch, the older ones on
// the same store write theirs: parents are created before children (placements before their
// fees), so a child row never reaches the server before its parent.
static thread_local QList<BulkInsert *> liveInserts;

BulkInsert::BulkInsert(Store &store, const QString &sql) : m_store(store)
{
    liveInserts.append(this);
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
        const QRegularExpressionMatch target = QRegularExpression(QStringLiteral("^\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([\\w\\s,]+)\\)\\s*VALUES\\s*$"),
                                                                  QRegularExpression::CaseInsensitiveOption).match(m_prefix);
        const QVariant handle = store.database().driver()->handle();
        if (store.dialect().isPostgreSQL() && m_suffix.trimmed().isEmpty() && target.hasMatch() && handle.isValid()
            && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0)) {
            m_pg = *static_cast<PGconn *const *>(handle.data());
            m_copySql = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(target.captured(1), target.captured(2).simplified()).toUtf8();
        }
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
    liveInserts.removeOne(this);
}

bool BulkInsert::finish()
{
    return m_batching ? flush() : m_valid;
}

// COPY's text format: tab-separated, \N for NULL, backslash escapes.
static void appendCopyValue(QByteArray &out, const QVariant &v)
{
    if (v.isNull()) {
        out += "\\N";
        return;
    }
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        out += QByteArray::number(v.toLongLong());
        return;
    case QMetaType::Double:
        out += QByteArray::number(v.toDouble(), 'g', 17);
        return;
    default:
        break;
    }
    const QByteArray text = v.toString().toUtf8();
    for (char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

bool BulkInsert::copyFlush()
{
    PGconn *conn = static_cast<PGconn *>(m_pg);
    const auto failWith = [this, conn](PGresult *res) {
        m_error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        if (res)
            PQclear(res);
        while (PGresult *r = PQgetResult(conn))
            PQclear(r);
        return false;
    };
    PGresult *res = PQexec(conn, m_copySql.constData());
    if (PQresultStatus(res) != PGRES_COPY_IN)
        return failWith(res);
    PQclear(res);
    if (PQputCopyData(conn, m_copyData.constData(), int(m_copyData.size())) != 1 || PQputCopyEnd(conn, nullptr) != 1)
        return failWith(nullptr);
    bool ok = true;
    while (PGresult *r = PQgetResult(conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            ok = false;
            m_error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        }
        PQclear(r);
    }
    return ok;
}

bool BulkInsert::flush()
{
    if (m_buffered == 0)
        return true;
    for (BulkInsert *older : liveInserts) {
        if (older == this)
            break;
        if (&older->m_store == &m_store && older->m_buffered > 0 && !older->flush()) {
            m_error = older->m_error;
            return false;
        }
    }
    if (m_pg) {
        const bool ok = copyFlush();
        m_copyData.clear();
        m_buffered = 0;
        return ok;
    }
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
    if (m_pg) {
        m_values.resize(m_columns);
        for (int i = 0; i < m_columns; ++i) {
            if (i)
                m_copyData += '\t';
            appendCopyValue(m_copyData, m_values[i]);
        }
        m_copyData += '\n';
        m_values.clear();
        ++m_buffered;
        return m_buffered < 20000 || flush();
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
