#include "store/casestore.h"

#include "core/codes.h"
#include "core/dates.h"
#include "store/pgbulk.h"
#include "store/store.h"

#include <QSqlQuery>
#include <sqlite3.h>
#include <algorithm>
#include <cctype>
#include <cstring>

namespace {

// ISO "YYYY-MM-DD" to a Julian day (QDate's numbering) without a QDate or QString: a few million
// dates per load. 0 for anything that is not a valid date.
qint64 julian(const char *t, int len)
{
    if (!t || len != 10 || t[4] != '-' || t[7] != '-')
        return 0;
    int v[3] = {0, 0, 0};
    const int from[3] = {0, 5, 8}, n[3] = {4, 2, 2};
    for (int k = 0; k < 3; ++k)
        for (int i = from[k]; i < from[k] + n[k]; ++i) {
            if (t[i] < '0' || t[i] > '9')
                return 0;
            v[k] = v[k] * 10 + (t[i] - '0');
        }
    const int y = v[0], m = v[1], d = v[2];
    static const int monthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y == 0 || m < 1 || m > 12 || d < 1 || d > monthDays[m - 1] + (m == 2 && leap ? 1 : 0))
        return 0;
    // Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil),
    // then QDate's Julian day of that epoch, 2440588.
    const qint64 yy = y - (m <= 2 ? 1 : 0);
    const qint64 era = yy / 400; // yy >= 0 for four-digit years from 0001
    const qint64 yoe = yy - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 2440588;
}

// A code into an EpisodeRow field, whole; one too long for the field is kept as its start and
// '~' (which no valid code contains), never cut down to a shorter code that may be valid.
template<size_t N>
void copyCode(char (&dst)[N], const char *src, int len)
{
    std::memset(dst, 0, N);
    if (!src || len <= 0)
        return;
    if (size_t(len) < N) {
        std::memcpy(dst, src, size_t(len));
        return;
    }
    std::memcpy(dst, src, N - 2);
    dst[N - 2] = '~';
}

template<size_t N>
void copyCode(char (&dst)[N], const QString &s)
{
    const QByteArray b = s.toLatin1();
    copyCode(dst, b.constData(), int(b.size()));
}

// PL_POST as the district (outward code): "nf1 2ab" -> "NF1", "NF12AB" -> "NF1", "B12" -> "B12".
// Stored values are districts already (schema v5); a value that is not a postcode reads as none.
template<size_t N>
void copyDistrict(char (&dst)[N], const char *src, int len)
{
    static_assert(N >= 5);
    char district[5];
    const int n = src ? Codes::postcodeDistrict(std::string_view(src, size_t(std::max(len, 0))), district) : 0;
    std::memset(dst, 0, N);
    std::memcpy(dst, district, size_t(n));
}

// The two bulk readers' columns behind one interface, so each row is built by one function:
// SQLite through its C API, PostgreSQL from COPY's text rows.
struct SqliteColumns {
    sqlite3_stmt *st;
    const char *text(int i) const { return reinterpret_cast<const char *>(sqlite3_column_text(st, i)); }
    int bytes(int i) const { return sqlite3_column_bytes(st, i); }
    qint64 int64(int i) const { return sqlite3_column_int64(st, i); }
};

struct CopyColumns {
    const PgBulk::Row &row;
    const char *text(int i) const { return i < row.count ? row.field[i] : nullptr; }
    int bytes(int i) const { return i < row.count ? row.length[i] : 0; }
    qint64 int64(int i) const
    {
        const char *t = text(i);
        const int n = bytes(i);
        if (!t)
            return 0;
        int k = 0;
        const bool negative = n > 0 && t[0] == '-';
        if (negative)
            ++k;
        qint64 v = 0;
        for (; k < n && t[k] >= '0' && t[k] <= '9'; ++k)
            v = v * 10 + (t[k] - '0');
        return negative ? -v : v;
    }
};

// Runs `sql` through the engine's own bulk API (SQLite's C API, PostgreSQL's COPY) and calls
// `each(columns)` per row. False if the store has neither (the caller then uses QSqlQuery).
template<typename Each>
bool bulkRead(Store &store, const char *sql, Each each)
{
    if (sqlite3 *db = store.sqliteHandle()) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            qWarning("Careboard: cannot prepare %s: %s", sql, sqlite3_errmsg(db));
            return true;
        }
        const SqliteColumns columns{st};
        while (sqlite3_step(st) == SQLITE_ROW)
            each(columns);
        sqlite3_finalize(st);
        return true;
    }
    if (!PgBulk::available(store))
        return false;
    QString error;
    if (!PgBulk::copyOut(store, sql, [&each](const PgBulk::Row &r) { each(CopyColumns{r}); }, &error))
        qWarning("Careboard: bulk read failed: %s", qPrintable(error));
    return true;
}

template<typename Columns>
EpisodeRow episodeFrom(const Columns &c)
{
    EpisodeRow r;
    r.episodeId = c.int64(0);
    r.childId = c.int64(1);
    r.decom = julian(c.text(2), c.bytes(2));
    r.dec = julian(c.text(3), c.bytes(3));
    copyCode(r.rne, c.text(4), c.bytes(4));
    copyCode(r.ls, c.text(5), c.bytes(5));
    copyCode(r.place, c.text(6), c.bytes(6));
    copyCode(r.provider, c.text(7), c.bytes(7));
    copyCode(r.rec, c.text(8), c.bytes(8));
    copyDistrict(r.plPost, c.text(9), c.bytes(9));
    return r;
}

} // namespace

QString CaseStore::postcodeDistrict(const QString &plPost)
{
    return Codes::postcodeDistrict(plPost);
}



QVector<EpisodeRow> CaseStore::episodes() const
{
    // In table order (a sequential scan), sorted here: (child_id, decom) is unique, so the result
    // is the ORDER BY child_id, decom one, without the server's sort or a walk of the index.
    static const char sql[] = "SELECT episode_id, child_id, decom, dec, rne, ls, place, place_provider, rec, pl_post"
                              " FROM episodes";
    QVector<EpisodeRow> out;
    if (!bulkRead(m_store, sql, [&out](const auto &c) { out.push_back(episodeFrom(c)); })) {
        QSqlQuery q = m_store.prepare(QString::fromLatin1(sql));
        if (!Store::exec(q))
            return out;
        while (q.next()) {
            EpisodeRow r;
            r.episodeId = q.value(0).toLongLong();
            r.childId = q.value(1).toLongLong();
            const QDate decom = Dates::fromIso(q.value(2).toString()), dec = Dates::fromIso(q.value(3).toString());
            r.decom = decom.isValid() ? decom.toJulianDay() : 0;
            r.dec = dec.isValid() ? dec.toJulianDay() : 0;
            copyCode(r.rne, q.value(4).toString());
            copyCode(r.ls, q.value(5).toString());
            copyCode(r.place, q.value(6).toString());
            copyCode(r.provider, q.value(7).toString());
            copyCode(r.rec, q.value(8).toString());
            const QByteArray post = q.value(9).toString().toLatin1();
            copyDistrict(r.plPost, post.constData(), int(post.size()));
            out.push_back(r);
        }
    }
    const auto before = [](const EpisodeRow &a, const EpisodeRow &b) {
        return a.childId != b.childId ? a.childId < b.childId : a.decom < b.decom;
    };
    if (!std::is_sorted(out.cbegin(), out.cend(), before))
        std::sort(out.begin(), out.end(), before);
    return out;
}

// Read in table order (a sequential scan) and sorted here: ordering by the (child, start) index
// would visit the table in random order, several times slower on millions of rows.
static void sortPeriods(QVector<PeriodRow> &rows)
{
    const auto before = [](const PeriodRow &a, const PeriodRow &b) {
        return a.childId != b.childId ? a.childId < b.childId : a.start < b.start;
    };
    if (!std::is_sorted(rows.cbegin(), rows.cend(), before))
        std::sort(rows.begin(), rows.end(), before);
}

QVector<PeriodRow> CaseStore::periods(const char *sql) const
{
    QVector<PeriodRow> out;
    if (!bulkRead(m_store, sql, [&out](const auto &c) {
            out.push_back({c.int64(0), julian(c.text(1), c.bytes(1)), julian(c.text(2), c.bytes(2))});
        })) {
        QSqlQuery q = m_store.prepare(QString::fromLatin1(sql));
        if (!Store::exec(q))
            return out;
        while (q.next()) {
            const QDate s = Dates::fromIso(q.value(1).toString()), e = Dates::fromIso(q.value(2).toString());
            out.push_back({q.value(0).toLongLong(), s.isValid() ? s.toJulianDay() : 0, e.isValid() ? e.toJulianDay() : 0});
        }
    }
    sortPeriods(out);
    return out;
}

QVector<PeriodRow> CaseStore::cpPlans() const
{
    return periods("SELECT child_id, start_date, end_date FROM cp_plans");
}

QVector<PeriodRow> CaseStore::cinEpisodes() const
{
    return periods("SELECT child_id, referral_date, closure_date FROM cin_episodes");
}

QVector<ChildRow> CaseStore::lookedAfterChildren() const
{
    // Most children (CIN, CP) have no episode. IN lets both engines walk the children's key
    // beside the episodes' (child_id, decom) index (PostgreSQL's plan for a join on
    // SELECT DISTINCT hashed every episode, spilling to disk: six times slower).
    static const char sql[] = "SELECT c.child_id, c.dob, c.uasc, c.uasc_ceased FROM children c"
                              " WHERE c.child_id IN (SELECT child_id FROM episodes) ORDER BY c.child_id";
    QVector<ChildRow> out;
    if (bulkRead(m_store, sql, [&out](const auto &c) {
            ChildRow r;
            r.childId = c.int64(0);
            r.dob = julian(c.text(1), c.bytes(1));
            r.uasc = c.int64(2) != 0;
            r.uascCeased = julian(c.text(3), c.bytes(3));
            out.push_back(r);
        }))
        return out;
    QSqlQuery q = m_store.prepare(QString::fromLatin1(sql));
    if (!Store::exec(q))
        return out;
    while (q.next()) {
        ChildRow r;
        r.childId = q.value(0).toLongLong();
        const QDate dob = Dates::fromIso(q.value(1).toString()), ceased = Dates::fromIso(q.value(3).toString());
        r.dob = dob.isValid() ? dob.toJulianDay() : 0;
        r.uasc = q.value(2).toInt() != 0;
        r.uascCeased = ceased.isValid() ? ceased.toJulianDay() : 0;
        out.push_back(r);
    }
    return out;
}

QVector<ChildDetail> CaseStore::childDetails(const QVector<qint64> &childIds) const
{
    QVector<ChildDetail> out;
    out.reserve(childIds.size());
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_ref, dob FROM children WHERE child_id = ?"));
    for (const qint64 id : childIds) {
        q.bindValue(0, id);
        ChildDetail d;
        d.childId = id;
        if (Store::exec(q) && q.next()) {
            d.childRef = q.value(0).toString();
            d.dob = Dates::fromIso(q.value(1).toString());
        }
        q.finish();
        out.push_back(d);
    }
    return out;
}

QStringList CaseStore::benchmarkComparators(const QString &indicator) const
{
    QStringList out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT DISTINCT comparator FROM benchmarks WHERE indicator = ? ORDER BY comparator"));
    q.addBindValue(indicator);
    if (Store::exec(q))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

QStringList CaseStore::authorityDistricts() const
{
    QStringList out;
    const QStringList parts = m_store.setting(QStringLiteral("authority_postcode_districts")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &p : parts)
        out << postcodeDistrict(p);
    return out;
}

QVector<QPair<int, qint64>> CaseStore::population() const
{
    QVector<QPair<int, qint64>> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT year, age_0_17 FROM population ORDER BY year"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toInt(), q.value(1).toLongLong()});
    return out;
}

QVector<BenchmarkRow> CaseStore::benchmarks(const QString &indicator, const QString &comparator) const
{
    QVector<BenchmarkRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT indicator, year, comparator, value, unit, source FROM benchmarks"
                                                 " WHERE indicator = ? AND (? = '' OR comparator = ?) ORDER BY comparator, year"));
    q.addBindValue(indicator);
    q.addBindValue(comparator);
    q.addBindValue(comparator);
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toDouble(),
                           q.value(4).toString(), q.value(5).toString()});
    return out;
}

QDate CaseStore::dataEnd() const
{
    const QDate meta = Dates::fromIso(m_store.meta(QStringLiteral("data_end")));
    if (meta.isValid())
        return meta;
    const QString latest = m_store.scalar(QStringLiteral("SELECT max(d) FROM (SELECT max(decom) AS d FROM episodes UNION ALL SELECT max(dec) FROM episodes) AS latest")).toString();
    return Dates::fromIso(latest);
}
