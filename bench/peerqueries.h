#pragma once
// The peers' SQL: what an analyst would write against the store to answer the same questions
// as the indicator engine, one query per figure. The benchmarks run it through the engine's
// own shell (sqlite3, psql) beside Careboard's figures. Portable SQL: the same text on both.
#include "core/dates.h"

#include <QDate>
#include <QString>

namespace PeerQueries {

// Children looked after at `d` (short breaks V3/V4 excluded), one statement.
inline QString cla(const QDate &d)
{
    return QStringLiteral("SELECT count(DISTINCT child_id) FROM episodes WHERE decom <= '%1' AND (dec IS NULL OR dec > '%1')"
                          " AND coalesce(ls, '') NOT IN ('V3', 'V4');\n")
        .arg(Dates::iso(d));
}

// The headline indicators at one date: one query per figure.
inline QString all(const QDate &at)
{
    const QString d = Dates::iso(at), from = Dates::iso(Dates::financialYearStart(Dates::financialYear(at)));
    const QString open = QStringLiteral("e.decom <= '%1' AND (e.dec IS NULL OR e.dec > '%1') AND coalesce(e.ls, '') NOT IN ('V3', 'V4')").arg(d);
    QString sql = cla(at);
    sql += QStringLiteral("SELECT count(DISTINCT child_id) FROM episodes WHERE rne = 'S' AND decom BETWEEN '%1' AND '%2' AND coalesce(ls, '') NOT IN ('V3', 'V4');\n").arg(from, d);
    sql += QStringLiteral("SELECT count(DISTINCT child_id) FROM episodes WHERE dec BETWEEN '%1' AND '%2' AND coalesce(rec, '') <> 'X1' AND coalesce(ls, '') NOT IN ('V3', 'V4');\n").arg(from, d);
    sql += QStringLiteral("SELECT count(DISTINCT child_id) FROM cp_plans WHERE start_date <= '%1' AND (end_date IS NULL OR end_date > '%1');\n").arg(d);
    sql += QStringLiteral("SELECT count(DISTINCT child_id) FROM cin_episodes WHERE referral_date <= '%1' AND (closure_date IS NULL OR closure_date > '%1');\n").arg(d);
    sql += QStringLiteral("SELECT count(DISTINCT e.child_id) FROM episodes e JOIN children c ON c.child_id = e.child_id WHERE c.uasc = 1 AND %1;\n").arg(open);
    sql += QStringLiteral("SELECT place, count(*) FROM episodes e WHERE %1 GROUP BY place;\n").arg(open);
    sql += QStringLiteral("SELECT place_provider, count(*) FROM episodes e WHERE %1 AND place LIKE 'U%' GROUP BY place_provider;\n").arg(open);
    sql += QStringLiteral("SELECT (SELECT age_0_17 FROM population WHERE year <= %1 ORDER BY year DESC LIMIT 1);\n")
               .arg(at.month() > 6 || (at.month() == 6 && at.day() == 30) ? at.year() : at.year() - 1);
    return sql;
}

} // namespace PeerQueries
