// Speed and memory of the indicator engine (PRODUCT §9: all indicators at a date on XL <= 200 ms,
// a 120-month series <= 500 ms, peak memory <= 500 MB), beside a baseline measured in the same run:
// the sqlite3 shell answering the same questions with a plain SQL query per point.
//
//   bench_indicators STORE [--at YYYY-MM-DD] [--sqlite3 PATH]
//
// One store per run, so that the peak memory (VmHWM) is that store's.
#include "casestore.h"
#include "costtotals.h"
#include "dates.h"
#include "indicatorengine.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

static QTextStream out(stdout);

static double peakRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

// The best of `runs` timings in milliseconds (the machine is shared; the minimum is the cost).
template<typename F>
static double bestOf(int runs, F f)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, t.nsecsElapsed() / 1e6);
    }
    return best;
}

// Runs `sql` through the sqlite3 shell on `db`; returns milliseconds (best of `runs`), or -1.
static double shell(const QString &sqlite3, const QString &db, const QString &sql, int runs, QString *output)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        QElapsedTimer t;
        t.start();
        p.start(sqlite3, {QStringLiteral("-readonly"), db});
        p.write(sql.toUtf8());
        p.closeWriteChannel();
        if (!p.waitForFinished(-1) || p.exitCode() != 0)
            return -1;
        best = std::min(best, t.nsecsElapsed() / 1e6);
        if (output)
            *output = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }
    return best;
}

static QString claQuery(const QString &iso)
{
    return QStringLiteral("SELECT count(DISTINCT child_id) FROM episodes WHERE decom <= '%1' AND (dec IS NULL OR dec > '%1')"
                          " AND coalesce(ls, '') NOT IN ('V3', 'V4');\n").arg(iso);
}

// A plain-SQL version of the headline indicators at one date (what an analyst would write).
static QString allQueries(const QDate &at)
{
    const QString d = Dates::iso(at), from = Dates::iso(Dates::financialYearStart(Dates::financialYear(at)));
    const QString open = QStringLiteral("e.decom <= '%1' AND (e.dec IS NULL OR e.dec > '%1') AND coalesce(e.ls, '') NOT IN ('V3', 'V4')").arg(d);
    QString sql = claQuery(d);
    sql += QStringLiteral("SELECT count(DISTINCT child_id) FROM episodes WHERE rne = 'S' AND decom BETWEEN '%1' AND '%2' AND coalesce(ls, '') NOT IN ('V3', 'V4');\n").arg(from, d);
    sql += QStringLiteral("SELECT count(DISTINCT child_id) FROM episodes WHERE dec BETWEEN '%1' AND '%2' AND coalesce(rec, '') <> 'X1' AND coalesce(ls, '') NOT IN ('V3', 'V4');\n").arg(from, d);
    sql += QStringLiteral("SELECT count(DISTINCT child_id) FROM cp_plans WHERE start_date <= '%1' AND (end_date IS NULL OR end_date > '%1');\n").arg(d);
    sql += QStringLiteral("SELECT count(DISTINCT child_id) FROM cin_episodes WHERE referral_date <= '%1' AND (closure_date IS NULL OR closure_date > '%1');\n").arg(d);
    sql += QStringLiteral("SELECT count(DISTINCT e.child_id) FROM episodes e JOIN children c ON c.child_id = e.child_id WHERE c.uasc = 1 AND %1;\n").arg(open);
    sql += QStringLiteral("SELECT place, count(*) FROM episodes e WHERE %1 GROUP BY place;\n").arg(open);
    sql += QStringLiteral("SELECT place_provider, count(*) FROM episodes e WHERE %1 AND place LIKE 'U%%' GROUP BY place_provider;\n").arg(open);
    sql += QStringLiteral("SELECT (SELECT age_0_17 FROM population WHERE year <= %1 ORDER BY year DESC LIMIT 1);\n")
               .arg(at.month() > 6 || (at.month() == 6 && at.day() == 30) ? at.year() : at.year() - 1);
    return sql;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString sqlite3 = QStringLiteral("sqlite3");
    QDate at(2024, 3, 31);
    QString db;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--at") && i + 1 < args.size())
            at = Dates::parse(args[++i]);
        else if (args[i] == QLatin1String("--sqlite3") && i + 1 < args.size())
            sqlite3 = args[++i];
        else
            db = args[i];
    }
    if (db.isEmpty() || !at.isValid()) {
        std::fprintf(stderr, "usage: bench_indicators STORE [--at YYYY-MM-DD] [--sqlite3 PATH]\n"
                             "  (make a store with: careboard demo --db FILE --children 800|8000|50000)\n");
        return 2;
    }
    QString error;
    Store::OpenOptions options;
    options.create = false;
    QElapsedTimer t;
    t.start();
    auto store = Store::open(db, &error, options);
    if (!store) {
        std::fprintf(stderr, "bench_indicators: %s\n", qPrintable(error));
        return 1;
    }
    const double openMs = t.nsecsElapsed() / 1e6;
    // The engine's load, phase by phase: the reads it makes, then the whole load (reads + events).
    CaseStore cases(*store);
    t.restart();
    const qsizetype episodeRows = cases.episodes().size();
    const double episodesMs = t.nsecsElapsed() / 1e6;
    t.restart();
    const qsizetype childRows = cases.lookedAfterChildren().size();
    const double childrenMs = t.nsecsElapsed() / 1e6;
    t.restart();
    const qsizetype periodRows = cases.cpPlans().size() + cases.cinEpisodes().size();
    const double periodsMs = t.nsecsElapsed() / 1e6;
    t.restart();
    IndicatorEngine engine(*store);
    const double loadMs = t.nsecsElapsed() / 1e6;

    const QDate to = at;
    const QVector<QDate> months = IndicatorEngine::monthEnds(QDate(to.year() - 10, to.month(), 1).addMonths(1), to);
    IndicatorSet set;
    const double allMs = bestOf(5, [&] { set = engine.allAt(at); });
    QVector<IndicatorValue> cla;
    const double seriesMs = bestOf(5, [&] { cla = engine.series(IndicatorId::Cla, months); });
    double everySeriesMs = bestOf(3, [&] {
        for (const IndicatorInfo &i : Indicators::all())
            engine.series(i.id, months);
    });
    CostTotal cost;
    const double costMs = bestOf(3, [&] { cost = CostTotals::at(*store, at); });
    const double rss = peakRssMiB();

    QString sqlSeries;
    for (const QDate &d : months)
        sqlSeries += claQuery(Dates::iso(d));
    QString shellCla, shellLast;
    const double shellAllMs = shell(sqlite3, db, allQueries(at), 3, &shellCla);
    const double shellSeriesMs = shell(sqlite3, db, sqlSeries, 1, &shellLast);
    const double shellStartMs = shell(sqlite3, db, QStringLiteral("SELECT 1;\n"), 3, nullptr);

    out << "store " << db << ": " << engine.episodes().size() << " episodes\n"
        << QString::asprintf("  open store                         %9.1f ms\n", openMs)
        << QString::asprintf("  engine load (read + build events)  %9.1f ms\n", loadMs)
        << QString::asprintf("    of which read %lld episodes       %9.1f ms\n", qint64(episodeRows), episodesMs)
        << QString::asprintf("    of which read %lld children       %9.1f ms\n", qint64(childRows), childrenMs)
        << QString::asprintf("    of which read %lld CP/CIN rows    %9.1f ms\n", qint64(periodRows), periodsMs)
        << QString::asprintf("  all indicators at %s       %9.3f ms   (sqlite3 shell, 9 queries: %9.1f ms)\n",
                             qPrintable(Dates::iso(at)), allMs, shellAllMs)
        << QString::asprintf("  CLA series, %d month ends         %9.3f ms   (sqlite3 shell, a query per point: %9.1f ms)\n",
                             int(months.size()), seriesMs, shellSeriesMs)
        << QString::asprintf("  every indicator's 120-month series %9.3f ms   (%d indicators)\n", everySeriesMs,
                             int(Indicators::all().size()))
        << QString::asprintf("  cost totals at the date (SQL)      %9.1f ms\n", costMs)
        << QString::asprintf("  sqlite3 shell start-up alone       %9.1f ms\n", shellStartMs)
        << QString::asprintf("  peak memory (VmHWM)                %9.1f MiB\n", rss)
        << "  check: CLA at " << Dates::iso(at) << " engine " << set.value(IndicatorId::Cla).count << ", sqlite3 " << shellCla.section(QLatin1Char('\n'), 0, 0)
        << "; CLA at " << Dates::iso(months.last()) << " engine " << cla.last().count << ", sqlite3 (last query) "
        << shellLast.section(QLatin1Char('\n'), -1) << Qt::endl;
    return 0;
}
