#include "store/pgbulk.h"

#include "store/store.h"

#include <QSqlDriver>
#include <libpq-fe.h>
#include <cstring>

namespace {

PGconn *connectionOf(const Store &store)
{
    if (!store.dialect().isPostgreSQL())
        return nullptr;
    const QVariant handle = store.database().driver()->handle();
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    PGconn *conn = *static_cast<PGconn *const *>(handle.data());
    // Idle or inside a transaction, but not in the middle of another command's results.
    const PGTransactionStatusType status = conn ? PQtransactionStatus(conn) : PQTRANS_UNKNOWN;
    return status == PQTRANS_IDLE || status == PQTRANS_INTRANS ? conn : nullptr;
}

int hexDigit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

// Undoes COPY's backslash escapes in place; returns the new length.
int unescape(char *s, int n)
{
    char *out = s;
    for (int i = 0; i < n; ++i) {
        if (s[i] != '\\' || i + 1 == n) {
            *out++ = s[i];
            continue;
        }
        const char c = s[++i];
        switch (c) {
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'v': *out++ = '\v'; break;
        case 'x': {
            int v = 0, k = 0;
            while (k < 2 && i + 1 < n && hexDigit(s[i + 1]) >= 0) {
                v = v * 16 + hexDigit(s[++i]);
                ++k;
            }
            *out++ = k ? char(v) : 'x';
            break;
        }
        default:
            if (c >= '0' && c <= '7') {
                int v = c - '0', k = 1;
                while (k < 3 && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7') {
                    v = v * 8 + (s[++i] - '0');
                    ++k;
                }
                *out++ = char(v);
            } else {
                *out++ = c; // \\ and any other escaped character stand for themselves
            }
        }
    }
    return int(out - s);
}

} // namespace

namespace PgBulk {

bool available(const Store &store)
{
    return connectionOf(store) != nullptr;
}

bool copyOut(Store &store, const char *select, const std::function<void(const Row &)> &row, QString *error)
{
    PGconn *conn = connectionOf(store);
    const auto fail = [conn, error](const QString &why) {
        if (error)
            *error = why;
        if (conn)
            while (PGresult *r = PQgetResult(conn))
                PQclear(r);
        return false;
    };
    if (!conn)
        return fail(QStringLiteral("No PostgreSQL connection available for a bulk read."));
    const QByteArray sql = QByteArray("COPY (") + select + ") TO STDOUT";
    PGresult *res = PQexec(conn, sql.constData());
    if (PQresultStatus(res) != PGRES_COPY_OUT) {
        const QString why = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
        PQclear(res);
        return fail(why);
    }
    PQclear(res);
    Row r;
    char *buffer = nullptr;
    int size;
    while ((size = PQgetCopyData(conn, &buffer, 0)) > 0) {
        // One data row per call, ending in a newline: fields split on tabs, \N for NULL.
        char *p = buffer, *end = buffer + size;
        if (end > p && end[-1] == '\n')
            --end;
        r.count = 0;
        for (;;) {
            char *tab = static_cast<char *>(std::memchr(p, '\t', size_t(end - p)));
            char *stop = tab ? tab : end;
            if (r.count < Row::maxFields) {
                const int n = int(stop - p);
                if (n == 2 && p[0] == '\\' && p[1] == 'N') {
                    r.field[r.count] = nullptr;
                    r.length[r.count] = 0;
                } else {
                    r.field[r.count] = p;
                    r.length[r.count] = std::memchr(p, '\\', size_t(n)) ? unescape(p, n) : n;
                }
                ++r.count;
            }
            if (!tab)
                break;
            p = tab + 1;
        }
        row(r);
        PQfreemem(buffer);
        buffer = nullptr;
    }
    if (size == -2)
        return fail(QString::fromUtf8(PQerrorMessage(conn)).trimmed());
    bool ok = true;
    QString why;
    while (PGresult *done = PQgetResult(conn)) {
        if (PQresultStatus(done) != PGRES_COMMAND_OK) {
            ok = false;
            why = QString::fromUtf8(PQresultErrorMessage(done)).trimmed();
        }
        PQclear(done);
    }
    if (!ok && error)
        *error = why;
    return ok;
}

} // namespace PgBulk
