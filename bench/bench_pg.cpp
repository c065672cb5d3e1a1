// bench_pg: the store on PostgreSQL over loopback beside the same work on SQLite (issue #9), each
// beside a peer measured in the same run on the same data: the sqlite3 shell on the SQLite file,
// psql on the PostgreSQL database.
//   bench_pg --pg postgresql://USER@127.0.0.1/DB [--children 800,8000] [--dir /tmp] [--reuse] [--copy]
// The role must be allowed to create databases: each size gets its own databases
// (careboard_bench_<children>, careboard_bench_<children>_import), dropped at the end unless
// --reuse (which also reuses stores left by an earlier --reuse run instead of writing the demo).
// For each demo size, on both engines:
//   demo write        generating and writing the demo authority into a new store
//   import            the demo's 903 episodes CSV imported into a fresh store holding its header
//                     (Importer, as `careboard import`); peers: sqlite3 `.import`, psql `\copy`
//                     of the same file into a bare table
//   load (cold)       IndicatorEngine's construction: every episode, child, CP plan and CIN
//                     episode read and turned into timelines (what a window or command does first)
//   all indicators    IndicatorEngine::allAt at the data end on the loaded engine (what
//                     `careboard indicators` prints); peer: 9 plain SQL queries, one per figure
//   series            the CLA series over 120 month ends on the loaded engine; peer: 120 COUNT
//                     queries, one per point
//   series (cold)     load + the same series, as a fresh window's Trends chart
//   fee edit          PlacementStore::changeFee (versioned, audited, one transaction), then the
//                     cost table recomputed from memory after re-reading that one placement
//                     (CostTableBuilder::refreshPlacement + CostTableModel::setTable, what the
//                     Costs screen does): median and 95th percentile
//   change latency    an edit committed on one connection until a second connection's
//                     StoreWatcher signals it, median (PostgreSQL NOTIFY; SQLite polls every
//                     second, so its figure is bounded by the poll)
// Reads are the best of several runs (the machine is shared; the minimum is the cost); the peers'
// figures include their process start-up (about 5 ms for sqlite3, 20 ms for psql).
#include "core/dates.h"
#include "domain/costtable.h"
#include "domain/demoexport.h"
#include "domain/demogenerator.h"
#include "domain/importer.h"
#include "domain/indicatorengine.h"
#include "itemmodels/costtablemodel.h"
#include "peerqueries.h"
#include "store/placementstore.h"
#include "store/store.h"
#include "store/storecopy.h"
#include "store/storewatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <algorithm>
#include <cstdio>

namespace {

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

double percentile(QVector<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min<qsizetype>(v.size() - 1, qsizetype(v.size() * p))];
}

template<typename F>
double bestOf(int runs, F f)
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

bool admin(const QString &server, const QString &sql)
{
    QString error;
    bool ok;
    {
        QSqlDatabase db = Store::addConnection(server, QStringLiteral("bench-admin"), &error);
        ok = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    return ok;
}

bool recreate(const QString &server, const QString &db)
{
    return admin(server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db))
        && admin(server, QStringLiteral("CREATE DATABASE %1").arg(db));
}

QString databaseUrl(const QString &server, const QString &name)
{
    QUrl url(server);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

void removeSqlite(const QString &file)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(file + QLatin1String(suffix));
}

// Runs a peer (sqlite3 or psql) with `input` on stdin; milliseconds, or -1 on failure.
double peer(const QString &program, const QStringList &args, const QString &input, QString *output = nullptr)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    p.write(input.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "bench_pg: %s failed: %s\n", qPrintable(program), p.readAllStandardError().constData());
        return -1;
    }
    const double ms = t.nsecsElapsed() / 1e6;
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return ms;
}

QStringList sqliteArgs(const QString &file)
{
    return {QStringLiteral("-readonly"), file};
}

QStringList psqlArgs(const QString &url)
{
    return {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), url};
}


struct Figures {
    double demoMs = -1, copyMs = -1, importMs = -1, importPeerMs = -1, loadMs = 0, allAtMs = 0, allAtPeerMs = 0,
           seriesMs = 0, coldSeriesMs = 0, seriesPeerMs = 0, feeMedianMs = 0, feeP95Ms = 0, latencyMs = 0;
    int feeEdits = 0;
    qint64 episodes = 0;
};

void measureReads(Store &store, const QString &peerProgram, const QStringList &peerArgs, int runs, Figures &f)
{
    std::unique_ptr<IndicatorEngine> engine;
    f.loadMs = bestOf(runs, [&] { engine = std::make_unique<IndicatorEngine>(store); });
    f.episodes = engine->episodes().size();
    const QDate end = engine->dataEnd();
    IndicatorSet set;
    f.allAtMs = bestOf(20, [&] { set = engine->allAt(end); });
    const QVector<QDate> months = IndicatorEngine::monthEnds(end.addMonths(-119), end);
    QVector<IndicatorValue> series;
    f.seriesMs = bestOf(5, [&] { series = engine->claSeries(months); });
    engine.reset();
    f.coldSeriesMs = bestOf(runs, [&] {
        IndicatorEngine fresh(store); // a fresh window's Trends chart: load and sweep
        series = fresh.claSeries(months);
    });

    QString first, last;
    f.allAtPeerMs = bestOf(runs, [&] { peer(peerProgram, peerArgs, PeerQueries::all(end), &first); });
    QString sql;
    for (const QDate &d : months)
        sql += PeerQueries::cla(d);
    f.seriesPeerMs = peer(peerProgram, peerArgs, sql, &last);
    if (months.size() != 120 || series.size() != 120 || first.section(QLatin1Char('\n'), 0, 0).toLongLong() != set.value(IndicatorId::Cla).count
        || last.section(QLatin1Char('\n'), -1).toLongLong() != series.last().count)
        std::fprintf(stderr, "bench_pg: %s disagrees with the engine (CLA %lld / %s; series end %lld / %s)\n", qPrintable(peerProgram),
                     set.value(IndicatorId::Cla).count, qPrintable(first.section(QLatin1Char('\n'), 0, 0)), series.value(119).count,
                     qPrintable(last.section(QLatin1Char('\n'), -1)));
}

void measureFeeEdit(Store &store, int trials, Figures &f)
{
    store.setUserName(QStringLiteral("bench"));
    const QDate end = CaseStore(store).dataEnd();
    const QDate month(end.year(), end.month(), end.daysInMonth());
    CostTableBuilder builder(store);
    CostTableModel model;
    model.setTable(builder.build(month));
    const QVector<PlacementRecord> open = builder.placements();
    if (open.isEmpty())
        return;
    PlacementStore ps(store);
    QVector<double> times;
    for (int i = 0; i < trials; ++i) {
        const qint64 id = open.at((i * 7919) % open.size()).placementId;
        const PlacementRecord now = ps.placement(id, month); // what the editor shows before the edit
        QElapsedTimer t;
        t.start();
        QString error;
        if (!ps.changeFee({id, QDate(month.year(), month.month(), 1), now.weeklyFee + 100 * (i % 5 + 1), now.additionalWeekly,
                           QStringLiteral("bench")},
                          now.version, &error)) {
            std::fprintf(stderr, "bench_pg: fee edit refused: %s\n", qPrintable(error));
            return;
        }
        const CostTable table = builder.refreshPlacement(id);
        model.setTable(table);
        times << t.nsecsElapsed() / 1e6;
        if (table.total.weeklyCost() <= 0)
            std::fprintf(stderr, "bench_pg: no total\n");
    }
    f.feeEdits = int(times.size());
    f.feeMedianMs = percentile(times, 0.5);
    f.feeP95Ms = percentile(times, 0.95);
}

void measureLatency(const QString &location, int trials, Figures &f)
{
    QString error;
    auto writer = Store::open(location, &error);
    auto reader = Store::open(location, &error);
    if (!writer || !reader)
        return;
    StoreWatcher watcher(*reader, 1000);
    QVector<double> times;
    for (int i = 0; i < trials; ++i) {
        QEventLoop loop;
        QElapsedTimer t;
        const auto c = QObject::connect(&watcher, &StoreWatcher::changed, &loop, [&] { loop.quit(); });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        Transaction tx(*writer, &error);
        writer->setSetting(QStringLiteral("bench"), QString::number(i), &error);
        writer->audit(QStringLiteral("settings"), QStringLiteral("bench"), QStringLiteral("value"), {}, i, QStringLiteral("bench"));
        t.start();
        tx.commit(&error);
        loop.exec();
        times << t.nsecsElapsed() / 1e6;
        QObject::disconnect(c);
    }
    f.latencyMs = percentile(times, 0.5);
}

// The demo's 903 files imported into a fresh store (header untimed, then the episodes file),
// and each engine's own loader of the same episodes file into a bare table.
bool measureImport(const QString &csvDir, const QString &sqliteFile, const QString &bareFile, const QString &server,
                   const QString &pgDb, Figures &lite, Figures &pg)
{
    const QString header = QDir(csvDir).filePath(QStringLiteral("903_header.csv"));
    const QString episodes = QDir(csvDir).filePath(QStringLiteral("903_episodes.csv"));
    QString error;
    removeSqlite(sqliteFile);
    removeSqlite(bareFile);
    if (!recreate(server, pgDb))
        return false;
    for (auto [location, figures] : {std::make_pair(sqliteFile, &lite), std::make_pair(databaseUrl(server, pgDb), &pg)}) {
        auto store = Store::open(location, &error);
        if (!store)
            return false;
        Importer headerImport(*store);
        if (headerImport.importFiles({header}) != Importer::Result::Imported)
            return false;
        Importer episodeImport(*store);
        QElapsedTimer t;
        t.start();
        if (episodeImport.importFiles({episodes}) != Importer::Result::Imported)
            return false;
        figures->importMs = t.nsecsElapsed() / 1e6;
    }
    QFile f(episodes);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QStringList columns;
    for (const QByteArray &c : f.readLine().trimmed().split(','))
        columns << QStringLiteral("\"%1\" TEXT").arg(QString::fromUtf8(c).toLower());
    lite.importPeerMs = peer(QStringLiteral("sqlite3"), {bareFile, QStringLiteral("-cmd"), QStringLiteral("PRAGMA journal_mode=WAL"),
                                                         QStringLiteral(".mode csv"), QStringLiteral(".import %1 bare").arg(episodes)},
                             {});
    pg.importPeerMs = peer(QStringLiteral("psql"), psqlArgs(databaseUrl(server, pgDb)),
                           QStringLiteral("CREATE TABLE bare (%1);\n\\copy bare FROM '%2' WITH (FORMAT csv, HEADER true)\n")
                               .arg(columns.join(QLatin1String(", ")), episodes));
    return true;
}

bool hasData(const QString &location)
{
    QString error;
    Store::OpenOptions o;
    o.create = false;
    auto store = Store::open(location, &error, o);
    return store && store->hasCaseData();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"pg", "PostgreSQL server (a role that may create databases).", "URL"},
                       {"children", "Demo sizes, comma-separated (default 800,8000).", "N,N"},
                       {"dir", "Folder for the SQLite files and CSV (default: the system temp folder).", "DIR"},
                       {"reuse", "Keep the demo stores and reuse them when present (no demo write figure)."},
                       {"copy", "Also time careboard copy SQLite -> PostgreSQL and back."}});
    parser.process(app);
    const QString server = parser.value("pg").isEmpty() ? qEnvironmentVariable("CAREBOARD_TEST_PG") : parser.value("pg");
    if (server.isEmpty()) {
        std::fprintf(stderr, "bench_pg: give --pg postgresql://USER@127.0.0.1/DB (or CAREBOARD_TEST_PG)\n");
        return 2;
    }
    const QString dir = parser.value("dir").isEmpty() ? QDir::tempPath() : parser.value("dir");
    const QStringList sizes = (parser.value("children").isEmpty() ? QStringLiteral("800,8000") : parser.value("children")).split(QLatin1Char(','));
    const bool reuse = parser.isSet("reuse");
    std::printf("bench_pg: SQLite in %s, PostgreSQL at %s; load average %.2f\n", qPrintable(dir), qPrintable(server), loadAverage());
    for (const QString &size : sizes) {
        DemoOptions o;
        o.children = size.toInt();
        const QString file = dir + QStringLiteral("/careboard_bench_%1.sqlite").arg(size);
        const QString back = dir + QStringLiteral("/careboard_bench_%1_back.sqlite").arg(size);
        const QString importFile = dir + QStringLiteral("/careboard_bench_%1_import.sqlite").arg(size);
        const QString bareFile = dir + QStringLiteral("/careboard_bench_%1_bare.sqlite").arg(size);
        const QString csvDir = dir + QStringLiteral("/careboard_bench_%1_csv").arg(size);
        const QString pgDemo = QStringLiteral("careboard_bench_%1").arg(size), pgCopy = pgDemo + QStringLiteral("_copy"),
                      pgImport = pgDemo + QStringLiteral("_import");
        const double loadBefore = loadAverage();
        Figures lite, pg;
        QString error;
        const DemoData data = DemoGenerator::generate(o);
        const bool reusing = reuse && hasData(file) && hasData(databaseUrl(server, pgDemo));
        if (!reusing) {
            removeSqlite(file);
            if (!recreate(server, pgDemo)) {
                std::fprintf(stderr, "bench_pg: cannot create database %s on %s\n", qPrintable(pgDemo), qPrintable(server));
                return 1;
            }
        }
        const int runs = o.children >= 20000 ? 2 : 3;
        for (auto [location, figures] : {std::make_pair(file, &lite), std::make_pair(databaseUrl(server, pgDemo), &pg)}) {
            QElapsedTimer t;
            t.start();
            auto store = Store::open(location, &error);
            if (!store || (!reusing && !DemoGenerator::write(*store, data, &error))) {
                std::fprintf(stderr, "bench_pg: %s\n", qPrintable(error));
                return 1;
            }
            if (!reusing)
                figures->demoMs = t.elapsed();
        }
        // Reads on fresh connections, after the writes are done on both engines.
        for (auto [location, figures] : {std::make_pair(file, &lite), std::make_pair(databaseUrl(server, pgDemo), &pg)}) {
            auto store = Store::open(location, &error);
            const bool isPg = store->dialect().isPostgreSQL();
            measureReads(*store, isPg ? QStringLiteral("psql") : QStringLiteral("sqlite3"), isPg ? psqlArgs(location) : sqliteArgs(location),
                         runs, *figures);
            measureFeeEdit(*store, o.children >= 20000 ? 30 : 60, *figures);
        }
        if (!DemoExport::write(data, csvDir, &error) || !measureImport(csvDir, importFile, bareFile, server, pgImport, lite, pg))
            std::fprintf(stderr, "bench_pg: import not measured %s\n", qPrintable(error));
        if (parser.isSet("copy")) {
            removeSqlite(back);
            recreate(server, pgCopy);
            auto source = Store::open(file, &error);
            auto target = Store::open(databaseUrl(server, pgCopy), &error);
            QElapsedTimer t;
            t.start();
            StoreCopy::Result r;
            if (source && target && StoreCopy::copy(*source, *target, StoreCopy::Options(), &r, &error)) {
                pg.copyMs = t.elapsed();
                auto returned = Store::open(back, &error);
                t.restart();
                if (returned && StoreCopy::copy(*target, *returned, StoreCopy::Options(), &r, &error))
                    lite.copyMs = t.elapsed();
            }
        }
        measureLatency(databaseUrl(server, pgDemo), 20, pg);
        measureLatency(file, 5, lite);

        std::printf("\n--- demo --children %s: %lld episodes; load average %.2f before, %.2f after\n", qPrintable(size), lite.episodes,
                    loadBefore, loadAverage());
        std::printf("%-40s %11s %12s %11s %12s\n", "", "SQLite", "sqlite3", "PostgreSQL", "psql");
        const auto ms = [](double v) {
            return v < 0 ? QStringLiteral("-") : v < 1 ? QString::asprintf("%.3f ms", v) : QString::asprintf("%.1f ms", v);
        };
        const auto row = [&](const char *name, double a, double peerA, double b, double peerB) {
            std::printf("%-40s %11s %12s %11s %12s\n", name, qPrintable(ms(a)), qPrintable(ms(peerA)), qPrintable(ms(b)), qPrintable(ms(peerB)));
        };
        row("demo write (new store)", lite.demoMs, -1, pg.demoMs, -1);
        row("import 903 episodes CSV (.import/\\copy)", lite.importMs, lite.importPeerMs, pg.importMs, pg.importPeerMs);
        row("load into the engine (cold open)", lite.loadMs, -1, pg.loadMs, -1);
        row("all indicators at a date (9 queries)", lite.allAtMs, lite.allAtPeerMs, pg.allAtMs, pg.allAtPeerMs);
        row("CLA 120-month series (120 queries)", lite.seriesMs, lite.seriesPeerMs, pg.seriesMs, pg.seriesPeerMs);
        row("CLA 120-month series, cold (load+sweep)", lite.coldSeriesMs, lite.seriesPeerMs, pg.coldSeriesMs, pg.seriesPeerMs);
        row("fee edit -> new totals, median", lite.feeMedianMs, -1, pg.feeMedianMs, -1);
        row("fee edit -> new totals, p95", lite.feeP95Ms, -1, pg.feeP95Ms, -1);
        row("change -> 2nd connection, median", lite.latencyMs, -1, pg.latencyMs, -1);
        if (parser.isSet("copy"))
            row("copy in (PG->SQLite | SQLite->PG)", lite.copyMs, -1, pg.copyMs, -1);
        std::fflush(stdout);

        removeSqlite(importFile);
        removeSqlite(bareFile);
        removeSqlite(back);
        QDir(csvDir).removeRecursively();
        for (const QString &db : {pgCopy, pgImport})
            admin(server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db));
        if (!reuse) {
            removeSqlite(file);
            admin(server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(pgDemo));
        }
    }
    return 0;
}
