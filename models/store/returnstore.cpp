#include "store/returnstore.h"

#include "core/dates.h"
#include "core/importtable.h"
#include "core/returnkinds.h"
#include "store/bulkinsert.h"
#include "store/demodata.h"
#include "store/store.h"

#include <QSqlQuery>

using namespace ImportTable;

namespace {

qint32 day(const QVariant &v)
{
    const QDate d = Dates::fromIso(v.toString());
    return d.isValid() ? qint32(d.toJulianDay()) : 0;
}

int flag(const QVariant &v)
{
    return v.isNull() ? -1 : v.toInt();
}

} // namespace

bool ReturnStore::write(const Table &t, int returnYear, qint64 importId,
                        const std::function<bool(std::string_view, qint64 *)> &childId, ImportFileSummary *s, QString *error)
{
    const QString table = QLatin1String(returnTableName(t.spec->kind));
    // Children first: on PostgreSQL a new child is inserted while no bulk insert is open.
    std::vector<qint64> ids(t.rows());
    for (size_t r = 0; r < t.rows(); ++r)
        if (!childId(t.text(r, 0), &ids[r]))
            return false;
    QSqlQuery before = m_store.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE return_year = ?").arg(table));
    before.addBindValue(returnYear);
    if (!Store::exec(before, error) || !before.next())
        return false;
    s->removed += before.value(0).toLongLong();
    if (!m_store.run(QStringLiteral("DELETE FROM %1 WHERE return_year = ?").arg(table), {returnYear}, error))
        return false;
    // Columns after CHILD and DOB, named in lower case in the table (DOB stays on children).
    QStringList columns, marks;
    for (size_t c = 2; c < t.spec->columns.size(); ++c) {
        columns << QString::fromLatin1(t.spec->columns[c].name).toLower();
        marks << QStringLiteral("?");
    }
    BulkInsert ins(m_store, QStringLiteral("INSERT INTO %1 (child_id, %2, return_year, import_id) VALUES (?, %3, ?, ?)")
                                .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    if (!ins.isValid()) {
        *error = ins.error();
        return false;
    }
    char iso[10];
    for (size_t r = 0; r < t.rows(); ++r) {
        int i = 0;
        ins.bind(i++, ids[r]);
        for (size_t c = 2; c < t.spec->columns.size(); ++c, ++i) {
            const int col = int(c);
            if (t.isNull(r, col)) {
                ins.bindNull(i);
                continue;
            }
            switch (t.spec->columns[c].type) {
            case ColType::Date:
                isoDate(t.cell(r, col), iso);
                ins.bind(i, QByteArray(iso, 10));
                break;
            case ColType::Int:
            case ColType::Bool:
                ins.bind(i, qint64(t.cell(r, col)));
                break;
            default: {
                const std::string_view v = t.text(r, col);
                ins.bind(i, QByteArray(v.data(), qsizetype(v.size())));
            }
            }
        }
        ins.bind(i++, qint64(returnYear));
        ins.bind(i++, importId);
        if (!ins.step()) {
            *error = ins.error();
            return false;
        }
        ++s->added;
    }
    if (!ins.finish()) {
        *error = ins.error();
        return false;
    }
    return true;
}

bool ReturnStore::writeDemo(const DemoData &d, QString *error)
{
    const DemoReturnData &r = d.returns;
    const auto iso = [](const QDate &date) { return date.isValid() ? Dates::iso(date).toLatin1() : QByteArray(); };
    const auto fy = [](const QDate &date) { return qint64(Dates::financialYear(date)); };
    const auto text = [](const char *s) { return s ? QByteArray(s) : QByteArray(); };
    // One statement per table, its rows bound in order; (table, columns, rows as value lists).
    struct Rows {
        const char *sql;
        std::function<bool(BulkInsert &)> fill;
    };
    const QList<Rows> tables = {
        {"INSERT INTO cla_reviews (child_id, review, review_code, return_year) VALUES (?, ?, ?, ?)", [&](BulkInsert &b) {
             for (const auto &x : r.reviews) {
                 b.bind(0, qint64(x.child + 1)), b.bind(1, iso(x.date)), b.bind(2, text(x.code)), b.bind(3, fy(x.date));
                 if (!b.step())
                     return false;
             }
             return true;
         }},
        {"INSERT INTO missing_episodes (child_id, missing, mis_start, mis_end, return_year) VALUES (?, ?, ?, ?, ?)", [&](BulkInsert &b) {
             for (const auto &x : r.missing) {
                 b.bind(0, qint64(x.child + 1)), b.bind(1, QByteArray(x.away ? "A" : "M")), b.bind(2, iso(x.start)), b.bind(3, iso(x.end));
                 b.bind(4, fy(x.start));
                 if (!b.step())
                     return false;
             }
             return true;
         }},
        {"INSERT INTO oc2_outcomes (child_id, sdq_score, sdq_reason, convicted, health_check, immunisations, teeth_check, return_year)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [&](BulkInsert &b) {
             for (const auto &x : r.oc2) {
                 b.bind(0, qint64(x.child + 1));
                 if (x.sdq >= 0)
                     b.bind(1, qint64(x.sdq)), b.bindNull(2);
                 else
                     b.bindNull(1), b.bind(2, QByteArray("SDQ1"));
                 b.bind(3, qint64(0)), b.bind(4, qint64(x.healthCheck)), b.bind(5, qint64(x.immunisations)), b.bind(6, qint64(x.teethCheck));
                 b.bind(7, qint64(x.year));
                 if (!b.step())
                     return false;
             }
             return true;
         }},
        {"INSERT INTO care_leavers (child_id, in_touch, activ, accom, return_year) VALUES (?, ?, ?, ?, ?)", [&](BulkInsert &b) {
             for (const auto &x : r.oc3) {
                 b.bind(0, qint64(x.child + 1)), b.bind(1, text(x.inTouch)), b.bind(2, text(x.activ)), b.bind(3, text(x.accom));
                 b.bind(4, qint64(x.year));
                 if (!b.step())
                     return false;
             }
             return true;
         }},
        {"INSERT INTO adoption_decisions (child_id, date_int, date_match, foster_care, nb_adoptr, sex_adoptr, ls_adoptr, return_year)"
         " VALUES (?, ?, ?, '0', '2', 'MF', 'L0', ?)", [&](BulkInsert &b) {
             for (const auto &x : r.ad1) {
                 b.bind(0, qint64(x.child + 1)), b.bind(1, iso(x.dateInt)), b.bind(2, iso(x.dateMatch)), b.bind(3, qint64(x.year));
                 if (!b.step())
                     return false;
             }
             return true;
         }},
        {"INSERT INTO placed_for_adoption (child_id, date_placed, date_placed_ceased, reason_placed_ceased, return_year)"
         " VALUES (?, ?, ?, ?, ?)", [&](BulkInsert &b) {
             for (const auto &x : r.placed) {
                 b.bind(0, qint64(x.child + 1)), b.bind(1, iso(x.placed)), b.bind(2, iso(x.ceased)), b.bind(3, text(x.reason));
                 b.bind(4, fy(x.placed));
                 if (!b.step())
                     return false;
             }
             return true;
         }},
        {"INSERT INTO previous_permanence (child_id, prev_perm, return_year) VALUES (?, ?, ?)", [&](BulkInsert &b) {
             for (const auto &x : r.prevPerm) {
                 b.bind(0, qint64(x.child + 1)), b.bind(1, text(x.prevPerm)), b.bind(2, qint64(x.year));
                 if (!b.step())
                     return false;
             }
             return true;
         }},
        {"INSERT INTO sw_episodes (child_id, sw_id, sw_decom, sw_dec, sw_reason, return_year) VALUES (?, ?, ?, ?, ?, ?)", [&](BulkInsert &b) {
             for (const auto &x : r.socialWorkers) {
                 b.bind(0, qint64(x.child + 1)), b.bind(1, x.id), b.bind(2, iso(x.start)), b.bind(3, iso(x.end)), b.bind(4, text(x.reason));
                 b.bind(5, fy(x.start));
                 if (!b.step())
                     return false;
             }
             return true;
         }},
    };
    for (const Rows &t : tables) {
        BulkInsert ins(m_store, QString::fromLatin1(t.sql));
        if (!ins.isValid() || !t.fill(ins) || !ins.finish()) {
            *error = QStringLiteral("Writing the demo authority's 903 tables failed: %1").arg(ins.error());
            return false;
        }
    }
    return true;
}

QVector<ReviewRow> ReturnStore::reviews() const
{
    QVector<ReviewRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, review, review_code, return_year FROM cla_reviews ORDER BY child_id, review"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), day(q.value(1)), q.value(2).toString(), q.value(3).toInt()});
    return out;
}

QVector<MissingRow> ReturnStore::missing() const
{
    QVector<MissingRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, missing, mis_start, mis_end, return_year FROM missing_episodes"
                                                 " ORDER BY child_id, mis_start"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toString() == QLatin1String("A"), day(q.value(2)), day(q.value(3)),
                           q.value(4).toInt()});
    return out;
}

QVector<Oc2Row> ReturnStore::oc2() const
{
    QVector<Oc2Row> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, return_year, sdq_score, health_check, immunisations, teeth_check,"
                                                 " health_assessment FROM oc2_outcomes ORDER BY child_id, return_year"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toInt(), flag(q.value(2)), flag(q.value(3)), flag(q.value(4)),
                           flag(q.value(5)), flag(q.value(6))});
    return out;
}

QVector<Oc3Row> ReturnStore::careLeavers() const
{
    QVector<Oc3Row> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT l.child_id, l.return_year, l.import_id, l.in_touch, l.activ, l.accom, c.dob"
                                                 " FROM care_leavers l JOIN children c ON c.child_id = l.child_id"
                                                 " ORDER BY l.child_id, l.return_year, l.import_id, l.leaver_id"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toLongLong(), q.value(3).toString(),
                           q.value(4).toString(), q.value(5).toString(), day(q.value(6))});
    return out;
}

QVector<Ad1Row> ReturnStore::adoptionDecisions() const
{
    QVector<Ad1Row> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, return_year, date_int, date_match FROM adoption_decisions"
                                                 " ORDER BY child_id, return_year, ad1_id"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toInt(), day(q.value(2)), day(q.value(3))});
    return out;
}

QVector<PlacedAdoptionRow> ReturnStore::placedForAdoption() const
{
    QVector<PlacedAdoptionRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, date_placed, date_placed_ceased, reason_placed_ceased, return_year"
                                                 " FROM placed_for_adoption ORDER BY child_id, date_placed"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), day(q.value(1)), day(q.value(2)), q.value(3).toString(), q.value(4).toInt()});
    return out;
}

QVector<SwEpisodeRow> ReturnStore::swEpisodes() const
{
    QVector<SwEpisodeRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, sw_id, sw_decom, sw_dec, return_year FROM sw_episodes"
                                                 " ORDER BY child_id, sw_decom"));
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toString(), day(q.value(2)), day(q.value(3)), q.value(4).toInt()});
    return out;
}

qint64 ReturnStore::rowCount(ImportKind kind) const
{
    const char *table = returnTableName(kind);
    return table ? m_store.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toLongLong() : 0;
}
