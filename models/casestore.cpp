#include "casestore.h"

#include "dates.h"
#include "store.h"

#include <QSqlQuery>
#include <sqlite3.h>
#include <algorithm>
#include <cctype>
#include <cstring>

namespace {

// ISO "YYYY-MM-DD" to a Julian day without building a QString (a million rows per load).
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
    const QDate d(v[0], v[1], v[2]);
    return d.isValid() ? d.toJulianDay() : 0;
}

template<size_t N>
void copyCode(char (&dst)[N], const char *src, int len)
{
    std::memset(dst, 0, N);
    if (src)
        std::memcpy(dst, src, size_t(std::min<int>(len, int(N) - 1)));
}

template<size_t N>
void copyCode(char (&dst)[N], const QString &s)
{
    const QByteArray b = s.toLatin1();
    copyCode(dst, b.constData(), int(b.size()));
}

// PL_POST as the district (outward code): "nf1 2ab" -> "NF1", "NF12AB" -> "NF1", "B12" -> "B12".
template<size_t N>
void copyDistrict(char (&dst)[N], const char *src, int len)
{
    std::memset(dst, 0, N);
    if (!src)
        return;
    while (len > 0 && *src == ' ') {
        ++src;
        --len;
    }
    int n = 0;
    while (n < len && src[n] != ' ')
        ++n;
    if (n == len) {
        while (n > 0 && src[n - 1] == ' ')
            --n;
        if (n >= 5) // a whole postcode written without its space: the inward code is the last three
            n -= 3;
    }
    n = std::min(n, int(N) - 1);
    for (int i = 0; i < n; ++i)
        dst[i] = char(std::toupper(static_cast<unsigned char>(src[i])));
}

} // namespace

QString CaseStore::postcodeDistrict(const QString &plPost)
{
    const QByteArray b = plPost.toLatin1();
    char d[8];
    copyDistrict(d, b.constData(), int(b.size()));
    return QString::fromLatin1(d);
}

QVector<EpisodeRow> CaseStore::episodes() const
{
    static const char sql[] = "SELECT episode_id, child_id, decom, dec, rne, ls, place, place_provider, rec, pl_post"
                              " FROM episodes ORDER BY child_id, decom";
    QVector<EpisodeRow> out;
    if (sqlite3 *db = m_store.sqliteHandle()) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            return out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            EpisodeRow r;
            r.episodeId = sqlite3_column_int64(st, 0);
            r.childId = sqlite3_column_int64(st, 1);
            const auto col = [st](int i) { return reinterpret_cast<const char *>(sqlite3_column_text(st, i)); };
            r.decom = julian(col(2), sqlite3_column_bytes(st, 2));
            r.dec = julian(col(3), sqlite3_column_bytes(st, 3));
            copyCode(r.rne, col(4), sqlite3_column_bytes(st, 4));
            copyCode(r.ls, col(5), sqlite3_column_bytes(st, 5));
            copyCode(r.place, col(6), sqlite3_column_bytes(st, 6));
            copyCode(r.provider, col(7), sqlite3_column_bytes(st, 7));
            copyCode(r.rec, col(8), sqlite3_column_bytes(st, 8));
            copyDistrict(r.plPost, col(9), sqlite3_column_bytes(st, 9));
            out.push_back(r);
        }
        sqlite3_finalize(st);
        return out;
    }
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
    return out;
}

// Read in table order (a sequential scan) and sorted here: ordering by the (child, start) index
// would visit the table in random order, several times slower on millions of rows.
static void sortPeriods(QVector<PeriodRow> &rows)
{
    std::sort(rows.begin(), rows.end(), [](const PeriodRow &a, const PeriodRow &b) {
        return a.childId != b.childId ? a.childId < b.childId : a.start < b.start;
    });
}

QVector<PeriodRow> CaseStore::periods(const char *sql) const
{
    QVector<PeriodRow> out;
    if (sqlite3 *db = m_store.sqliteHandle()) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            return out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto col = [st](int i) { return reinterpret_cast<const char *>(sqlite3_column_text(st, i)); };
            out.push_back({sqlite3_column_int64(st, 0), julian(col(1), sqlite3_column_bytes(st, 1)),
                           julian(col(2), sqlite3_column_bytes(st, 2))});
        }
        sqlite3_finalize(st);
        sortPeriods(out);
        return out;
    }
    QSqlQuery q = m_store.prepare(QString::fromLatin1(sql));
    if (!Store::exec(q))
        return out;
    while (q.next()) {
        const QDate s = Dates::fromIso(q.value(1).toString()), e = Dates::fromIso(q.value(2).toString());
        out.push_back({q.value(0).toLongLong(), s.isValid() ? s.toJulianDay() : 0, e.isValid() ? e.toJulianDay() : 0});
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
    // Driven by the episodes' (child_id, decom) index: most children (CIN, CP) have no episode.
    static const char sql[] = "SELECT c.child_id, c.dob, c.uasc, c.uasc_ceased"
                              " FROM (SELECT DISTINCT child_id FROM episodes) e JOIN children c ON c.child_id = e.child_id"
                              " ORDER BY c.child_id";
    QVector<ChildRow> out;
    if (sqlite3 *db = m_store.sqliteHandle()) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            return out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto col = [st](int i) { return reinterpret_cast<const char *>(sqlite3_column_text(st, i)); };
            ChildRow r;
            r.childId = sqlite3_column_int64(st, 0);
            r.dob = julian(col(1), sqlite3_column_bytes(st, 1));
            r.uasc = sqlite3_column_int(st, 2) != 0;
            r.uascCeased = julian(col(3), sqlite3_column_bytes(st, 3));
            out.push_back(r);
        }
        sqlite3_finalize(st);
        return out;
    }
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
