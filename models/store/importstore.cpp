#include "store/importstore.h"

#include "core/codes.h"
#include "core/dates.h"
#include "core/importtable.h"
#include "core/money.h"
#include "core/returnkinds.h"
#include "store/bulkinsert.h"
#include "store/bulkload.h"
#include "store/cinstore.h"
#include "store/returnstore.h"
#include "store/store.h"

#include <QSqlQuery>
#include <optional>
#include <sqlite3.h>

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

using namespace ImportTable;

namespace {

QByteArray raw(std::string_view s)
{
    // No copy and no allocation: BulkInsert copies the bytes into the statement.
    return s.empty() ? QByteArray() : QByteArray::fromRawData(s.data(), qsizetype(s.size()));
}

QString str(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QVariant dateValue(int64_t julian)
{
    return julian ? QVariant(Dates::iso(QDate::fromJulianDay(julian))) : QVariant();
}

QVariant intValue(int64_t v)
{
    return v == nullValue ? QVariant() : QVariant(qint64(v));
}

uint64_t episodeKey(int64_t childId, int64_t julian)
{
    return (uint64_t(childId) << 23) | (uint64_t(julian) & 0x7FFFFF);
}

int64_t julianOf(const char *text, int len)
{
    if (!text || len != 10)
        return 0;
    const QDate d(std::atoi(text), std::atoi(text + 5), std::atoi(text + 8));
    return d.isValid() ? d.toJulianDay() : 0;
}

// Children known to the store, by reference, and whether a header row gave their DOB.
struct ChildIndex {
    struct Info {
        int64_t id;
        bool hasHeader;
    };
    std::unordered_map<std::string, Info> byRef;
};

int phaseOf(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Header903: return 0;
    case ImportKind::Uasc903: return 1;
    case ImportKind::Episodes903: return 2;
    case ImportKind::PlacementCosts: return 4;
    default: return 3;
    }
}

} // namespace

ImportStore::ImportStore(Store &store, const std::function<bool(qint64)> &progress, qint64 rowsSoFar)
    : m_store(store), m_progress(progress), m_rows(rowsSoFar)
{
}

bool ImportStore::tick(qint64 rows)
{
    const qint64 before = m_rows >> 14;
    m_rows += rows;
    if ((m_rows >> 14) != before && m_progress && !m_progress(m_rows))
        m_cancelled = true;
    return !m_cancelled;
}

namespace {

// The writing of one import, inside its transaction.
class Writer
{
public:
    Writer(Store &store, QVector<ImportFinding> *findings, const std::function<bool(qint64)> &tick)
        : m_store(store), m_findings(findings), m_tick(tick)
    {
    }

    QString error;

    bool loadChildren()
    {
        static const char sql[] = "SELECT child_id, child_ref, dob FROM children";
        m_children.byRef.reserve(size_t(m_store.scalar(QStringLiteral("SELECT count(*) FROM children")).toLongLong()) * 2 + 1024);
        if (sqlite3 *db = m_store.sqliteHandle()) {
            sqlite3_stmt *st = nullptr;
            if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
                return fail(QString::fromUtf8(sqlite3_errmsg(db)));
            while (sqlite3_step(st) == SQLITE_ROW) {
                const char *ref = reinterpret_cast<const char *>(sqlite3_column_text(st, 1));
                m_children.byRef[std::string(ref ? ref : "", size_t(sqlite3_column_bytes(st, 1)))] =
                    {sqlite3_column_int64(st, 0), sqlite3_column_type(st, 2) != SQLITE_NULL};
            }
            sqlite3_finalize(st);
            return true;
        }
        QSqlQuery q = m_store.prepare(QString::fromLatin1(sql));
        if (!Store::exec(q, &error))
            return false;
        while (q.next())
            m_children.byRef[q.value(1).toString().toStdString()] = {q.value(0).toLongLong(), !q.value(2).isNull()};
        return true;
    }

    bool fail(const QString &message)
    {
        error = message;
        return false;
    }

    // The child's id, creating a child with only its reference when the store has none.
    bool childId(std::string_view ref, int64_t *id, bool *created = nullptr)
    {
        auto it = m_children.byRef.find(std::string(ref));
        if (it != m_children.byRef.end()) {
            *id = it->second.id;
            if (created)
                *created = false;
            return true;
        }
        if (m_store.sqliteHandle()) {
            if (!m_newChild)
                m_newChild = std::make_unique<BulkInsert>(m_store, QStringLiteral("INSERT INTO children (child_ref) VALUES (?)"));
            m_newChild->bind(0, raw(ref));
            if (!m_newChild->step())
                return fail(m_newChild->error());
            *id = m_newChild->lastInsertId();
        } else {
            // A bulk insert on PostgreSQL buffers its rows: the id comes back with the row instead.
            QSqlQuery q = m_store.prepare(QStringLiteral("INSERT INTO children (child_ref) VALUES (?) RETURNING child_id"));
            q.addBindValue(str(ref));
            if (!Store::exec(q, &error))
                return false;
            if (!q.next())
                return fail(QStringLiteral("child %1 was not stored").arg(str(ref)));
            *id = q.value(0).toLongLong();
        }
        m_children.byRef.emplace(std::string(ref), ChildIndex::Info{*id, false});
        if (created)
            *created = true;
        return true;
    }

    bool hasHeader(std::string_view ref) const
    {
        auto it = m_children.byRef.find(std::string(ref));
        return it != m_children.byRef.end() && it->second.hasHeader;
    }

    void addFinding(const Table &t, size_t row, const char *rule, const QString &message)
    {
        // The child, for the kinds whose first column is CHILD; a cost table snapshot's first
        // column is MONTH, a number, whose cell is no text (read as text it was bytes of the
        // arena, a NUL among them, which PostgreSQL refused, failing the whole import).
        const bool byChild = t.spec->columns[0].type == ColType::Text && qstrcmp(t.spec->columns[0].name, "CHILD") == 0;
        m_findings->push_back({t.file, t.lines[row], QString::fromLatin1(rule), message, byChild ? str(t.text(row, 0)) : QString(), QString()});
    }

    bool writeHeader(const Table &t, ImportFileSummary &s)
    {
        BulkInsert insert(m_store, QStringLiteral("INSERT INTO children (child_ref, sex, dob, ethnic) VALUES (?, ?, ?, ?)"));
        BulkInsert update(m_store, QStringLiteral("UPDATE children SET sex = ?, dob = ?, ethnic = ? WHERE child_id = ?"));
        char dob[10];
        for (size_t r = 0; r < t.rows(); ++r) {
            const std::string_view ref = t.text(r, Header::CHILD);
            isoDate(t.cell(r, Header::DOB), dob);
            auto it = m_children.byRef.find(std::string(ref));
            BulkInsert &b = it == m_children.byRef.end() ? insert : update;
            int i = 0;
            if (&b == &insert)
                b.bind(i++, raw(ref));
            b.bind(i++, qint64(t.cell(r, Header::SEX)));
            b.bind(i++, QByteArray(dob, 10));
            b.bind(i++, raw(t.text(r, Header::ETHNIC)));
            if (&b == &update)
                b.bind(i++, qint64(it->second.id));
            if (!b.step())
                return fail(b.error());
            if (&b == &insert) {
                // On PostgreSQL the row is still buffered: its id is read once the batch is written.
                const int64_t id = m_store.sqliteHandle() ? insert.lastInsertId() : 0;
                m_children.byRef.emplace(std::string(ref), ChildIndex::Info{id, true});
                ++s.added;
            } else {
                it->second.hasHeader = true;
                ++s.updated;
            }
            if (!m_tick(1))
                return false;
        }
        if (!insert.finish())
            return fail(insert.error());
        if (!update.finish())
            return fail(update.error());
        if (!m_store.sqliteHandle() && s.added > 0) {
            QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, child_ref FROM children"));
            if (!Store::exec(q, &error))
                return false;
            while (q.next()) {
                auto it = m_children.byRef.find(q.value(1).toString().toStdString());
                if (it != m_children.byRef.end() && it->second.id == 0)
                    it->second.id = q.value(0).toLongLong();
            }
        }
        return true;
    }

    // The 903 UASC file: marks the children as unaccompanied asylum-seeking, with the date it ceased.
    bool writeUasc(const Table &t, ImportFileSummary &s)
    {
        for (size_t r = 0; r < t.rows(); ++r) {
            int64_t id = 0;
            bool created = false;
            if (!childId(t.text(r, Uasc::CHILD), &id, &created))
                return false;
            if (!m_store.run(QStringLiteral("UPDATE children SET uasc = 1, uasc_ceased = ?, sex = coalesce(sex, ?), dob = coalesce(dob, ?)"
                                            " WHERE child_id = ?"),
                             {dateValue(t.cell(r, Uasc::DUC)), intValue(t.cell(r, Uasc::SEX)), dateValue(t.cell(r, Uasc::DOB)), qint64(id)},
                             &error))
                return false;
            ++(created ? s.added : s.updated);
            if (!m_tick(1))
                return false;
        }
        return true;
    }

    bool loadEpisodes()
    {
        if (m_episodesLoaded)
            return true;
        m_episodesLoaded = true;
        static const char sql[] = "SELECT episode_id, child_id, decom FROM episodes";
        if (sqlite3 *db = m_store.sqliteHandle()) {
            sqlite3_stmt *st = nullptr;
            if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
                return fail(QString::fromUtf8(sqlite3_errmsg(db)));
            while (sqlite3_step(st) == SQLITE_ROW) {
                const int64_t decom = julianOf(reinterpret_cast<const char *>(sqlite3_column_text(st, 2)), sqlite3_column_bytes(st, 2));
                m_existing.emplace(episodeKey(sqlite3_column_int64(st, 1), decom), Existing{sqlite3_column_int64(st, 0), decom});
            }
            sqlite3_finalize(st);
            return true;
        }
        QSqlQuery q = m_store.prepare(QString::fromLatin1(sql));
        if (!Store::exec(q, &error))
            return false;
        while (q.next()) {
            const QDate d = Dates::fromIso(q.value(2).toString());
            const int64_t decom = d.isValid() ? d.toJulianDay() : 0;
            m_existing.emplace(episodeKey(q.value(1).toLongLong(), decom), Existing{q.value(0).toLongLong(), decom});
        }
        return true;
    }

    // Episodes keyed by (CHILD, DECOM): a later return updates the row, an earlier one does not
    // overwrite what a later return said. The hot path of a million-row return: on SQLite it
    // binds the parsed bytes in place through the engine's API.
    bool writeEpisodes(const Table &t, int returnYear, qint64 importId, ImportFileSummary &s)
    {
        using namespace Episode;
        if (!loadEpisodes())
            return false;
        static const char sql[] =
            "INSERT INTO episodes (child_id, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change,"
            " home_post, pl_post, urn, return_year, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (child_id, decom) DO UPDATE SET rne = excluded.rne, ls = excluded.ls, cin = excluded.cin,"
            " place = excluded.place, place_provider = excluded.place_provider, dec = excluded.dec, rec = excluded.rec,"
            " reason_place_change = excluded.reason_place_change, home_post = excluded.home_post, pl_post = excluded.pl_post,"
            " urn = excluded.urn, return_year = excluded.return_year, import_id = excluded.import_id"
            " WHERE episodes.return_year IS NULL OR episodes.return_year <= excluded.return_year";
        // Into a store without episodes nothing can conflict (a key twice in a file is a format
        // error), and a plain INSERT saves the upsert's extra index probe per row.
        const bool hadEpisodes = !m_existing.empty();
        const QByteArray insertSql = QByteArray(sql).left(QByteArray(sql).indexOf(" ON CONFLICT"));
        const char *statement = hadEpisodes ? sql : insertSql.constData();
        sqlite3 *db = m_store.sqliteHandle();
        sqlite3_stmt *st = nullptr;
        std::unique_ptr<BulkInsert> bulk;
        // A large return goes in faster without the DECOM and DEC indexes, built again once at the end
        // (a sort instead of a million random B-tree inserts); the transaction covers both.
        std::optional<DeferredIndexes> dateIndexes;
        if (db && t.rows() > 100000) {
            dateIndexes.emplace(m_store, std::initializer_list<const char *>{"episodes"},
                                std::initializer_list<const char *>{"episodes_decom", "episodes_dec"});
            if (!dateIndexes->drop(&error))
                return false;
        }
        if (db) {
            if (sqlite3_prepare_v2(db, statement, -1, &st, nullptr) != SQLITE_OK)
                return fail(QString::fromUtf8(sqlite3_errmsg(db)));
        } else {
            bulk = std::make_unique<BulkInsert>(m_store, QString::fromLatin1(statement));
            if (!bulk->isValid())
                return fail(bulk->error());
        }
        const auto bindText = [&](int index, std::string_view v) {
            if (st) {
                if (v.empty())
                    sqlite3_bind_null(st, index + 1);
                else
                    sqlite3_bind_text(st, index + 1, v.data(), int(v.size()), SQLITE_STATIC);
            } else {
                bulk->bind(index, raw(v));
            }
        };
        const auto bindInt = [&](int index, qint64 v) {
            if (st)
                sqlite3_bind_int64(st, index + 1, v);
            else
                bulk->bind(index, v);
        };
        char decom[10], dec[10], homeDistrict[5], placementDistrict[5];
        std::unordered_set<std::string> reported;
        std::string ref;
        int64_t id = 0;
        for (size_t r = 0; r < t.rows(); ++r) {
            const std::string_view childRef = t.text(r, CHILD);
            // Returns list a child's episodes together: look the child up once per run of rows.
            if (r == 0 || childRef != ref) {
                ref.assign(childRef.data(), childRef.size());
                auto it = m_children.byRef.find(ref);
                if (it != m_children.byRef.end()) {
                    id = it->second.id;
                } else if (!childId(childRef, &id)) {
                    return false;
                }
                if ((it == m_children.byRef.end() || !it->second.hasHeader) && reported.insert(ref).second)
                    addFinding(t, r, "no-header", QStringLiteral("child %1 has episodes but no header row (SEX, DOB)").arg(str(childRef)));
            }
            const int64_t start = t.cell(r, DECOM), end = t.cell(r, DEC);
            if (hadEpisodes) {
                const uint64_t key = episodeKey(id, start);
                m_fileKeys.insert(key);
                ++(m_existing.count(key) ? s.updated : s.added);
            } else {
                ++s.added;
            }
            isoDate(start, decom);
            bindInt(0, id);
            bindText(1, std::string_view(decom, 10));
            for (int c : {RNE, LS, CIN, PLACE, PLACE_PROVIDER, REC, REASON_PLACE_CHANGE, URN})
                bindText(c, t.text(r, c));
            // Postcode districts only (PRODUCT §3): the inward code never reaches the store, nor
            // anything that is not a postcode (the parser reported it as a finding).
            bindText(HOME_POST, std::string_view(homeDistrict, size_t(Codes::postcodeDistrict(t.text(r, HOME_POST), homeDistrict))));
            bindText(PL_POST, std::string_view(placementDistrict, size_t(Codes::postcodeDistrict(t.text(r, PL_POST), placementDistrict))));
            if (end) {
                isoDate(end, dec);
                bindText(7, std::string_view(dec, 10));
            } else {
                bindText(7, {});
            }
            bindInt(13, returnYear);
            bindInt(14, importId);
            if (st) {
                const int rc = sqlite3_step(st);
                sqlite3_reset(st);
                if (rc != SQLITE_DONE) {
                    sqlite3_finalize(st);
                    return fail(QString::fromUtf8(sqlite3_errmsg(db)));
                }
            } else if (!bulk->step()) {
                return fail(bulk->error());
            }
            if (!m_tick(1)) {
                if (st)
                    sqlite3_finalize(st);
                return false;
            }
        }
        if (st)
            sqlite3_finalize(st);
        if (bulk && !bulk->finish())
            return fail(bulk->error());
        if (dateIndexes && !dateIndexes->create(&error))
            return false;
        m_returnYears.insert(returnYear);
        return true;
    }

    // A return is the whole picture of its year: an episode starting in the year's window
    // (1 April to 31 March) that the return no longer lists was removed at source.
    bool removeMissingEpisodes(QVector<ImportFileSummary> &summaries, const std::vector<std::pair<int, int>> &episodeFiles)
    {
        for (int year : m_returnYears) {
            if (!year)
                continue;
            const int64_t from = Dates::financialYearStart(year).toJulianDay(), to = Dates::financialYearEnd(year).toJulianDay();
            std::vector<int64_t> gone;
            for (const auto &[key, e] : m_existing)
                if (e.decom >= from && e.decom <= to && !m_fileKeys.count(key))
                    gone.push_back(e.id);
            if (gone.empty())
                continue;
            BulkInsert del(m_store, QStringLiteral("DELETE FROM episodes WHERE episode_id = ?"));
            for (int64_t id : gone) {
                del.bind(0, qint64(id));
                if (!del.step())
                    return fail(del.error());
            }
            if (!del.finish())
                return fail(del.error());
            for (const auto &[summary, y] : episodeFiles)
                if (y == year) {
                    summaries[summary].removed += qint64(gone.size());
                    break;
                }
        }
        return true;
    }

    bool writePeriods(const Table &t, const char *table, const char *startCol, const char *endCol, const char *codeCol,
                      qint64 importId, ImportFileSummary &s)
    {
        std::unordered_set<uint64_t> existing;
        QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, %1 FROM %2").arg(QLatin1String(startCol), QLatin1String(table)));
        if (!Store::exec(q, &error))
            return false;
        while (q.next()) {
            const QDate d = Dates::fromIso(q.value(1).toString());
            existing.insert(episodeKey(q.value(0).toLongLong(), d.isValid() ? d.toJulianDay() : 0));
        }
        BulkInsert upsert(m_store, QStringLiteral("INSERT INTO %1 (child_id, %2, %3, %4, import_id) VALUES (?, ?, ?, ?, ?)"
                                                  " ON CONFLICT (child_id, %2) DO UPDATE SET %3 = excluded.%3, %4 = excluded.%4,"
                                                  " import_id = excluded.import_id")
                                       .arg(QLatin1String(table), QLatin1String(startCol), QLatin1String(endCol), QLatin1String(codeCol)));
        char start[10], end[10];
        for (size_t r = 0; r < t.rows(); ++r) {
            int64_t id = 0;
            if (!childId(t.text(r, 0), &id))
                return false;
            ++(existing.count(episodeKey(id, t.cell(r, 1))) ? s.updated : s.added);
            isoDate(t.cell(r, 1), start);
            upsert.bind(0, qint64(id));
            upsert.bind(1, QByteArray::fromRawData(start, 10));
            if (t.cell(r, 2)) {
                isoDate(t.cell(r, 2), end);
                upsert.bind(2, QByteArray::fromRawData(end, 10));
            } else {
                upsert.bindNull(2);
            }
            upsert.bind(3, raw(t.text(r, 3)));
            upsert.bind(4, importId);
            if (!upsert.step())
                return fail(upsert.error());
            if (!m_tick(1))
                return false;
        }
        if (!upsert.finish())
            return fail(upsert.error());
        return true;
    }

    bool writePopulation(const Table &t, ImportFileSummary &s)
    {
        for (size_t r = 0; r < t.rows(); ++r) {
            const qint64 year = t.cell(r, Population::YEAR);
            ++(m_store.scalar(QStringLiteral("SELECT count(*) FROM population WHERE year = ?"), {year}).toInt() ? s.updated : s.added);
            if (!m_store.run(QStringLiteral("INSERT INTO population (year, age_0_17, source) VALUES (?, ?, ?)"
                                            " ON CONFLICT (year) DO UPDATE SET age_0_17 = excluded.age_0_17, source = excluded.source"),
                             {year, qint64(t.cell(r, Population::AGE_0_17)), t.file}, &error))
                return false;
        }
        return true;
    }

    bool writeBenchmarks(const Table &t, ImportFileSummary &s)
    {
        using namespace Benchmark;
        for (size_t r = 0; r < t.rows(); ++r) {
            const QVariantList key = {str(t.text(r, INDICATOR)), qint64(t.cell(r, YEAR)), str(t.text(r, COMPARATOR))};
            ++(m_store.scalar(QStringLiteral("SELECT count(*) FROM benchmarks WHERE indicator = ? AND year = ? AND comparator = ?"), key).toInt()
                   ? s.updated : s.added);
            const QString source = t.text(r, SOURCE).empty() ? t.file : str(t.text(r, SOURCE));
            if (!m_store.run(QStringLiteral("INSERT INTO benchmarks (indicator, year, comparator, value, source) VALUES (?, ?, ?, ?, ?)"
                                            " ON CONFLICT (indicator, year, comparator) DO UPDATE SET value = excluded.value,"
                                            " source = excluded.source"),
                             key + QVariantList{t.real(r, VALUE), source}, &error))
                return false;
        }
        return true;
    }

    std::map<QString, qint64> categories()
    {
        std::map<QString, qint64> out;
        QSqlQuery q = m_store.prepare(QStringLiteral("SELECT category_id, name FROM cost_categories"));
        if (Store::exec(q))
            while (q.next())
                out[q.value(1).toString().toLower()] = q.value(0).toLongLong();
        return out;
    }

    // Placement costs attach to the episode (CHILD, DECOM): its placement's local details, and
    // its weekly fee from DECOM (or from EFFECTIVE_FROM, a fee change).
    bool writeCosts(const Table &t, ImportFileSummary &s)
    {
        using namespace Cost;
        const auto cats = categories();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate), who = m_store.userName();
        for (size_t r = 0; r < t.rows(); ++r) {
            const std::string_view ref = t.text(r, CHILD);
            const QVariant decom = dateValue(t.cell(r, DECOM));
            const QVariant episode = m_store.scalar(QStringLiteral("SELECT e.episode_id FROM episodes e JOIN children c ON c.child_id = e.child_id"
                                                                   " WHERE c.child_ref = ? AND e.decom = ?"),
                                                    {str(ref), decom});
            if (episode.isNull()) {
                addFinding(t, r, "unknown-episode",
                           QStringLiteral("no episode of child %1 starts on %2: the row was not loaded").arg(str(ref), Dates::uk(QDate::fromJulianDay(t.cell(r, DECOM)))));
                ++s.skipped;
                continue;
            }
            QVariant category;
            if (!t.text(r, COST_CATEGORY).empty()) {
                const auto it = cats.find(str(t.text(r, COST_CATEGORY)).toLower());
                if (it == cats.end())
                    addFinding(t, r, "unknown-category",
                               QStringLiteral("COST_CATEGORY '%1' is not one of the store's cost categories").arg(str(t.text(r, COST_CATEGORY))));
                else
                    category = it->second;
            }
            const int64_t dols = t.cell(r, DOLS);
            const QVariant dolsFrom = dols == nullValue || dols == 0 ? QVariant() : dols == 1 ? decom : dateValue(dols);
            const QVariant funding = t.text(r, FUNDING).empty() ? QVariant() : QVariant(str(t.text(r, FUNDING)).toLower());
            const auto text = [&](int c) { return t.text(r, c).empty() ? QVariant() : QVariant(str(t.text(r, c))); };
            QVariant placement = m_store.scalar(QStringLiteral("SELECT placement_id FROM placements WHERE episode_id = ?"), {episode});
            if (placement.isNull()) {
                const qint64 id = m_store.insertReturningId(
                    QStringLiteral("INSERT INTO placements (episode_id, category_id, funding, provider, regulated, ofsted_rating,"
                                   " desired_type_achieved, dols_from, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {episode, category, funding, text(PROVIDER), intValue(t.cell(r, REGULATED)), text(OFSTED_RATING),
                     intValue(t.cell(r, DESIRED_TYPE_ACHIEVED)), dolsFrom, who, now},
                    QStringLiteral("placement_id"), &error);
                if (!id)
                    return false;
                placement = id;
                ++s.added;
            } else {
                // Only a row that differs is changed, so the same file twice changes nothing.
                if (!m_store.run(QStringLiteral("UPDATE placements SET category_id = ?, funding = ?, provider = ?, regulated = ?,"
                                                " ofsted_rating = ?, desired_type_achieved = ?, dols_from = ?, version = version + 1,"
                                                " changed_by = ?, changed_at = ? WHERE placement_id = ? AND (category_id IS DISTINCT FROM ?"
                                                " OR funding IS DISTINCT FROM ? OR provider IS DISTINCT FROM ? OR regulated IS DISTINCT FROM ?"
                                                " OR ofsted_rating IS DISTINCT FROM ? OR desired_type_achieved IS DISTINCT FROM ?"
                                                " OR dols_from IS DISTINCT FROM ?)"),
                                 {category, funding, text(PROVIDER), intValue(t.cell(r, REGULATED)), text(OFSTED_RATING),
                                  intValue(t.cell(r, DESIRED_TYPE_ACHIEVED)), dolsFrom, who, now, placement,
                                  category, funding, text(PROVIDER), intValue(t.cell(r, REGULATED)), text(OFSTED_RATING),
                                  intValue(t.cell(r, DESIRED_TYPE_ACHIEVED)), dolsFrom}, &error))
                    return false;
                ++s.updated;
            }
            const int64_t from = t.cell(r, EFFECTIVE_FROM) ? t.cell(r, EFFECTIVE_FROM) : t.cell(r, DECOM);
            const qint64 additional = t.cell(r, ADDITIONAL_WEEKLY) == nullValue ? 0 : t.cell(r, ADDITIONAL_WEEKLY);
            const qint64 fee = t.cell(r, WEEKLY_FEE);
            // A fee that changes the weekly cost in force (the row at that date, else the one
            // before it) is logged with the old and the new cost, as an edit in the window is.
            QSqlQuery was = m_store.prepare(QStringLiteral("SELECT weekly_fee_pence, additional_weekly_pence FROM placement_fees"
                                                           " WHERE placement_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1"));
            was.addBindValue(placement);
            was.addBindValue(dateValue(from));
            if (!Store::exec(was, &error))
                return false;
            const bool hadFee = was.next();
            const qint64 oldFee = hadFee ? was.value(0).toLongLong() : 0, oldAdditional = hadFee ? was.value(1).toLongLong() : 0;
            was.finish();
            if (hadFee && (oldFee != fee || oldAdditional != additional)) {
                const QString key = QStringLiteral("%1@%2").arg(placement.toLongLong()).arg(dateValue(from).toString());
                const QString why = QStringLiteral("Imported from %1").arg(t.file);
                if (!m_store.audit(QStringLiteral("placement_fees"), key, QStringLiteral("weekly_fee_pence"), oldFee, fee, why, &error)
                    || !m_store.audit(QStringLiteral("placement_fees"), key, QStringLiteral("additional_weekly_pence"), oldAdditional,
                                      additional, why, &error))
                    return false;
            }
            if (!m_store.run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence, additional_weekly_pence,"
                                            " reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                            " ON CONFLICT (placement_id, effective_from) DO UPDATE SET"
                                            " weekly_fee_pence = excluded.weekly_fee_pence, additional_weekly_pence = excluded.additional_weekly_pence,"
                                            " version = placement_fees.version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at"
                                            " WHERE placement_fees.weekly_fee_pence <> excluded.weekly_fee_pence"
                                            " OR placement_fees.additional_weekly_pence <> excluded.additional_weekly_pence"),
                             {placement, dateValue(from), fee, additional, QStringLiteral("Imported from %1").arg(t.file), who, now},
                             &error))
                return false;
        }
        return true;
    }

    bool writeSnapshot(const Table &t, ImportFileSummary &s)
    {
        using namespace Snapshot;
        const auto cats = categories();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate), who = m_store.userName();
        for (size_t r = 0; r < t.rows(); ++r) {
            const int64_t m = t.cell(r, MONTH);
            const QString month = QStringLiteral("%1-%2").arg(m / 100, 4, 10, QLatin1Char('0')).arg(m % 100, 2, 10, QLatin1Char('0'));
            QString category = str(t.text(r, CATEGORY));
            if (category.compare(QLatin1String("TOTAL"), Qt::CaseInsensitive) == 0)
                category = QStringLiteral("TOTAL");
            else if (!cats.count(category.toLower()))
                addFinding(t, r, "unknown-category", QStringLiteral("CATEGORY '%1' is not one of the store's cost categories").arg(category));
            ++(m_store.scalar(QStringLiteral("SELECT count(*) FROM cost_snapshots WHERE month = ? AND category = ?"), {month, category}).toInt()
                   ? s.updated : s.added);
            if (!m_store.run(QStringLiteral("INSERT INTO cost_snapshots (month, category, ave_unit_cost_week_pence, number, changed_by, changed_at)"
                                            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (month, category) DO UPDATE SET"
                                            " ave_unit_cost_week_pence = excluded.ave_unit_cost_week_pence, number = excluded.number,"
                                            " version = cost_snapshots.version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at"
                                            " WHERE cost_snapshots.ave_unit_cost_week_pence <> excluded.ave_unit_cost_week_pence"
                                            " OR cost_snapshots.number <> excluded.number"),
                             {month, category, qint64(t.cell(r, AVE_UNIT_COST_WEEK)), qint64(t.cell(r, NUMBER)), who, now}, &error))
                return false;
        }
        return true;
    }

private:
    struct Existing {
        int64_t id;
        int64_t decom;
    };
    Store &m_store;
    QVector<ImportFinding> *m_findings;
    const std::function<bool(qint64)> &m_tick;
    ChildIndex m_children;
    std::unique_ptr<BulkInsert> m_newChild;
    bool m_episodesLoaded = false;
    std::unordered_map<uint64_t, Existing> m_existing;
    std::unordered_set<uint64_t> m_fileKeys;
    std::set<int> m_returnYears;
};

} // namespace

ImportStore::Outcome ImportStore::write(std::vector<ParsedFile> &files, bool replaceDemo, QVector<ImportFinding> *findings,
                                        QVector<ImportFileSummary> *summaries, QString *error)
{
    // A large page cache keeps a million-row load from spilling to disk mid-transaction.
    m_store.prepareBulkWrite();
    Transaction tx(m_store, error);
    if (!tx.ok())
        return Outcome::Failed;
    const auto failed = [&](const QString &message) {
        if (m_cancelled)
            return Outcome::Cancelled;
        *error = message;
        return Outcome::Failed;
    };
    if (replaceDemo && m_store.isDemo()) {
        for (const char *table : {"panel_decisions", "panel_items", "panel_meetings", "budgets", "placement_fees", "placements",
                                  "episodes", "cp_plans", "cin_episodes", "children", "population", "findings", "imports"})
            if (!m_store.run(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), {}, error))
                return Outcome::Failed;
        if (!m_store.setMeta(QStringLiteral("demo"), QStringLiteral("0"), error)
            || !m_store.setMeta(QStringLiteral("data_start"), QStringLiteral(""), error)
            || !m_store.setMeta(QStringLiteral("data_end"), QStringLiteral(""), error))
            return Outcome::Failed;
        const bool named = m_newName.trimmed().isEmpty()
            ? m_store.setMeta(QStringLiteral("authority_name"), QString(), error) && m_store.setMeta(QStringLiteral("la_code"), QString(), error)
            : m_store.setAuthority(m_newName, m_newCode, error);
        if (!named)
            return Outcome::Failed;
    }

    // The rest of the 903 goes into the return the batch's episodes (or XML) cover; alone, a file
    // of reviews or missing episodes into the year of its latest event, and one without dates
    // (OC2, OC3, AD1, previous permanence) into the latest return loaded (PRODUCT §11).
    {
        int batchYear = 0;
        for (const ParsedFile &file : files)
            if (file.kind == ImportKind::Episodes903 || file.kind == ImportKind::Xml903)
                batchYear = std::max(batchYear, file.returnYear);
        for (ParsedFile &file : files) {
            if (!isReturnKind(file.kind) && file.kind != ImportKind::Xml903)
                continue;
            if (batchYear && file.kind != ImportKind::Xml903)
                file.returnYear = batchYear;
            if (!file.returnYear)
                file.returnYear = m_store.scalar(QStringLiteral("SELECT max(return_year) FROM episodes")).toInt();
            if (!file.returnYear)
                file.returnYear = Dates::financialYear(QDate::currentDate());
        }
    }

    // One imports row per file; a file whose content was the last import of its kind is skipped.
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    std::vector<qint64> importIds(files.size(), 0);
    summaries->clear();
    std::map<QString, qint64> importOfFile;
    for (size_t f = 0; f < files.size(); ++f) {
        ParsedFile &file = files[f];
        ImportFileSummary s;
        s.file = file.name;
        s.kind = file.kind;
        s.returnYear = file.returnYear;
        for (const Table &t : file.tables)
            s.rows += qint64(t.rows());
        if (file.cin)
            s.rows += file.cin->referralCount();
        const QString kind = importKindName(file.kind);
        const QString lastHash = m_store.scalar(QStringLiteral("SELECT content_hash FROM imports WHERE import_id ="
                                                               " (SELECT max(import_id) FROM imports WHERE kind = ?)"), {kind}).toString();
        if (lastHash == QString::fromLatin1(file.hash)) {
            s.unchanged = true;
            summaries->append(s);
            continue;
        }
        QString e;
        importIds[f] = m_store.insertReturningId(
            QStringLiteral("INSERT INTO imports (file_name, kind, imported_at, imported_by, row_count, return_year, content_hash)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {file.name, kind, now, m_store.userName(), s.rows, file.returnYear ? QVariant(file.returnYear) : QVariant(),
             QString::fromLatin1(file.hash)}, QStringLiteral("import_id"), &e);
        if (!importIds[f])
            return failed(e);
        importOfFile[file.name] = importIds[f];
        if (!m_store.audit(QStringLiteral("imports"), QString::number(importIds[f]), QStringLiteral("file"), QVariant(), file.name,
                           QStringLiteral("import of %1, %2 rows").arg(kind).arg(s.rows), &e))
            return failed(e);
        summaries->append(s);
    }
    // Findings of files skipped as unchanged were stored when they were first imported.
    findings->erase(std::remove_if(findings->begin(), findings->end(),
                                   [&](const ImportFinding &f) { return !importOfFile.count(f.file); }),
                    findings->end());

    const std::function<bool(qint64)> tick = [this](qint64 n) { return this->tick(n); };
    Writer w(m_store, findings, tick);
    if (!w.loadChildren())
        return failed(w.error);
    std::vector<std::pair<int, int>> episodeFiles; // summary index, return year
    for (int phase = 0; phase <= 4; ++phase) {
        for (size_t f = 0; f < files.size(); ++f) {
            if (!importIds[f])
                continue;
            ImportFileSummary &s = (*summaries)[qsizetype(f)];
            for (const Table &t : files[f].tables) {
                if (phaseOf(t.spec->kind) != phase)
                    continue;
                bool ok = true;
                switch (t.spec->kind) {
                case ImportKind::Header903: ok = w.writeHeader(t, s); break;
                case ImportKind::Uasc903: ok = w.writeUasc(t, s); break;
                case ImportKind::Episodes903:
                    ok = w.writeEpisodes(t, files[f].returnYear, importIds[f], s);
                    episodeFiles.emplace_back(int(f), files[f].returnYear);
                    break;
                case ImportKind::CpPlans: ok = w.writePeriods(t, "cp_plans", "start_date", "end_date", "initial_category", importIds[f], s); break;
                case ImportKind::CinEpisodes: ok = w.writePeriods(t, "cin_episodes", "referral_date", "closure_date", "primary_need", importIds[f], s); break;
                case ImportKind::Population: ok = w.writePopulation(t, s); break;
                case ImportKind::Benchmarks: ok = w.writeBenchmarks(t, s); break;
                case ImportKind::PlacementCosts: ok = w.writeCosts(t, s); break;
                case ImportKind::CostSnapshot: ok = w.writeSnapshot(t, s); break;
                default:
                    if (isReturnKind(t.spec->kind)) {
                        const auto childId = [&w](std::string_view ref, qint64 *id) {
                            int64_t i = 0;
                            const bool found = w.childId(ref, &i);
                            *id = i;
                            return found;
                        };
                        ok = ReturnStore(m_store).write(t, files[f].returnYear, importIds[f], childId, &s, &w.error);
                    }
                    break;
                }
                if (!ok || m_cancelled)
                    return failed(w.error);
            }
        }
        if (phase == 2 && !w.removeMissingEpisodes(*summaries, episodeFiles))
            return failed(w.error);
    }
    // CIN censuses after the 903 (their children may be the 903's).
    for (size_t f = 0; f < files.size(); ++f) {
        QString e;
        if (importIds[f] && files[f].cin && !CinStore(m_store).writeCensus(*files[f].cin, importIds[f], &(*summaries)[qsizetype(f)], &e))
            return failed(e);
    }

    // Findings are stored with their import; an earlier import's findings for the same file
    // name are replaced (the officer fixed them at source, or they are listed again).
    {
        for (const auto &[name, id] : importOfFile) {
            QString e;
            if (!m_store.run(QStringLiteral("DELETE FROM findings WHERE file_name = ? AND (import_id IS NULL OR import_id <> ?)"), {name, id}, &e))
                return failed(e);
        }
        // An XML file's rows are numbered as read: the store's findings name the child and element too.
        for (ImportFinding &f : *findings)
            for (const ParsedFile &file : files)
                if (f.file == file.name)
                    file.locate(&f.line, &f.where);
        BulkInsert ins(m_store, QStringLiteral("INSERT INTO findings (import_id, file_name, line, rule, message, child_ref, location)"
                                               " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const ImportFinding &f : *findings) {
            ins.bind(0, importOfFile[f.file]);
            ins.bind(1, f.file.toUtf8());
            ins.bind(2, qint64(f.line));
            ins.bind(3, f.rule.toUtf8());
            ins.bind(4, f.message.toUtf8());
            ins.bind(5, f.childRef.isEmpty() ? QByteArray() : f.childRef.toUtf8());
            ins.bind(6, f.where.isEmpty() ? QByteArray() : f.where.toUtf8());
            if (!ins.step())
                return failed(ins.error());
        }
        if (!ins.finish())
            return failed(ins.error());
    }
    if (m_cancelled)
        return Outcome::Cancelled;
    if (qEnvironmentVariableIsSet("CAREBOARD_IMPORT_PROFILE"))
        qInfo("import: rows written at %s, committing", qPrintable(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz"))));
    if (!tx.commit(error))
        return Outcome::Failed;
    return Outcome::Written;
}

QVector<ImportRecord> ImportStore::imports() const
{
    QVector<ImportRecord> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT import_id, file_name, kind, imported_at, imported_by, row_count, return_year"
                                                 " FROM imports ORDER BY import_id DESC"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                           q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toInt()});
    return out;
}

QVector<int> ImportStore::returnYears() const
{
    QVector<int> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT DISTINCT return_year FROM episodes WHERE return_year IS NOT NULL ORDER BY return_year"));
    if (Store::exec(q))
        while (q.next())
            out.push_back(q.value(0).toInt());
    return out;
}

QVector<ImportFinding> ImportStore::findings() const
{
    QVector<ImportFinding> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT file_name, line, rule, message, child_ref, location FROM findings"
                                                 " ORDER BY file_name, line, finding_id"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                           q.value(5).toString()});
    return out;
}
