// Speed and memory of the indicator engine (PRODUCT §9: all indicators at a date on XL <= 200 ms,
// a 120-month series <= 500 ms, peak memory <= 500 MB), beside a baseline measured in the same run:
// the sqlite3 shell answering the same questions with a plain SQL query per point.
//
//   bench_indicators STORE [--at YYYY-MM-DD] [--sqlite3 PATH]
//
// One store per run, so that the peak memory (VmHWM) is that store's.
#include "core/dates.h"
#include "domain/costtotals.h"
#include "domain/indicatorengine.h"
#include "peerqueries.h"
#include "store/casestore.h"
#include "store/store.h"

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
        sqlSeries += PeerQueries::cla(d);
    QString shellCla, shellLast;
    const double shellAllMs = shell(sqlite3, db, PeerQueries::all(at), 3, &shellCla);
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
