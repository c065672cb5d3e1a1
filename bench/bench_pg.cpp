// bench_pg: the store on PostgreSQL over loopback beside the same work on SQLite (issue #9).
//   bench_pg --pg postgresql://USER@127.0.0.1/DB [--children 800,8000] [--dir /tmp]
// The role must be allowed to create databases: each size gets a fresh database
// (careboard_bench_<children>), dropped at the end. For each demo size it times, on both engines:
//   demo write       generating and writing the demo authority into a new store
//   copy from SQLite careboard copy's work, SQLite file -> new PostgreSQL database (and back)
//   load episodes    reading every episode for the indicator engine (IndicatorEngine::reload)
//   CLA at a date    children looked after at one date, data already loaded
//   CLA series       a 120-month series (load + sweep), the Trends chart's work
//   fee edit         PlacementStore::changeFee then re-reading the placements open that day and
//                    their weekly total (what the cost table redraws), median of 20 (3 from
//                    --children 20000 up)
//   change latency   an edit committed on one connection until a second connection's StoreWatcher
//                    signals it, median of 20 (PostgreSQL NOTIFY; SQLite polls every second, so
//                    its figure is bounded by the poll: median of 5)
#include "dates.h"
#include "demogenerator.h"
#include "indicatorengine.h"
#include "placementstore.h"
#include "storecopy.h"
#include "store.h"
#include "storewatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <algorithm>
#include <cstdio>

namespace {

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
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

QString databaseUrl(const QString &server, const QString &name)
{
    QUrl url(server);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

struct Figures {
    double demoMs = 0, copyMs = 0, loadMs = 0, claAtMs = 0, seriesMs = 0, feeEditMs = 0, latencyMs = 0;
    qint64 episodes = 0;
};

void measureReads(Store &store, Figures &f)
{
    QElapsedTimer t;
    t.start();
    IndicatorEngine engine(store);
    f.loadMs = t.nsecsElapsed() / 1e6;
    f.episodes = engine.episodes().size();
    const QDate end = engine.dataEnd();
    t.restart();
    const IndicatorValue v = engine.claAt(end);
    f.claAtMs = t.nsecsElapsed() / 1e6;
    QVector<QDate> months;
    for (int m = 119; m >= 0; --m)
    {
        const QDate d = end.addMonths(-m);
        months << Dates::monthEnd(d.year(), d.month());
    }
    t.restart();
    IndicatorEngine fresh(store); // the series as the Trends view draws it: load and sweep
    const QVector<IndicatorValue> series = fresh.claSeries(months);
    f.seriesMs = t.nsecsElapsed() / 1e6;
    if (series.size() != 120 || series.last().count != v.count)
        std::fprintf(stderr, "bench_pg: series mismatch\n");
}

void measureFeeEdit(Store &store, int trials, Figures &f)
{
    PlacementStore ps(store);
    const QDate day = QDate::fromString(store.meta(QStringLiteral("data_end")), Qt::ISODate);
    QVector<PlacementRecord> open = ps.openAt(day);
    if (open.isEmpty())
        return;
    QVector<double> times;
    for (int i = 0; i < trials; ++i) {
        const PlacementRecord &p = open[i % open.size()];
        const int version = ps.placement(p.placementId, day).version;
        QElapsedTimer t;
        t.start();
        QString error;
        if (!ps.changeFee({p.placementId, day, p.weeklyFee + 100 + i, p.additionalWeekly, QStringLiteral("bench")}, version, &error))
            std::fprintf(stderr, "bench_pg: %s\n", qPrintable(error));
        Money::Pence total = 0;
        for (const PlacementRecord &r : ps.openAt(day))
            total += r.weeklyTotal();
        times << t.nsecsElapsed() / 1e6;
        if (total <= 0)
            std::fprintf(stderr, "bench_pg: no total\n");
    }
    f.feeEditMs = median(times);
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
    f.latencyMs = median(times);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"pg", "PostgreSQL server (a role that may create databases).", "URL"},
                       {"children", "Demo sizes, comma-separated (default 800,8000).", "N,N"},
                       {"dir", "Folder for the SQLite files (default: the system temp folder).", "DIR"}});
    parser.process(app);
    const QString server = parser.value("pg").isEmpty() ? qEnvironmentVariable("CAREBOARD_TEST_PG") : parser.value("pg");
    if (server.isEmpty()) {
        std::fprintf(stderr, "bench_pg: give --pg postgresql://USER@127.0.0.1/DB (or CAREBOARD_TEST_PG)\n");
        return 2;
    }
    const QString dir = parser.value("dir").isEmpty() ? QDir::tempPath() : parser.value("dir");
    const QStringList sizes = (parser.value("children").isEmpty() ? QStringLiteral("800,8000") : parser.value("children")).split(QLatin1Char(','));
    std::printf("%-28s %12s %12s\n", "", "SQLite", "PostgreSQL");
    for (const QString &size : sizes) {
        DemoOptions o;
        o.children = size.toInt();
        const QString file = dir + QStringLiteral("/careboard_bench_%1.sqlite").arg(size);
        const QString back = dir + QStringLiteral("/careboard_bench_%1_back.sqlite").arg(size);
        const QString pgDemo = QStringLiteral("careboard_bench_%1").arg(size), pgCopy = QStringLiteral("careboard_bench_%1_copy").arg(size);
        for (const QString &f : {file, back})
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(f + QLatin1String(suffix));
        for (const QString &db : {pgDemo, pgCopy})
            if (!admin(server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db))
                || !admin(server, QStringLiteral("CREATE DATABASE %1").arg(db))) {
                std::fprintf(stderr, "bench_pg: cannot create database %s on %s\n", qPrintable(db), qPrintable(server));
                return 1;
            }
        Figures lite, pg;
        QString error;
        const DemoData data = DemoGenerator::generate(o);
        for (auto [location, figures] : {std::make_pair(file, &lite), std::make_pair(databaseUrl(server, pgDemo), &pg)}) {
            QElapsedTimer t;
            t.start();
            auto store = Store::open(location, &error);
            if (!store || !DemoGenerator::write(*store, data, &error)) {
                std::fprintf(stderr, "bench_pg: %s\n", qPrintable(error));
                return 1;
            }
            figures->demoMs = t.elapsed();
            measureReads(*store, *figures);
            measureFeeEdit(*store, o.children >= 20000 ? 3 : 20, *figures);
        }
        {
            auto source = Store::open(file, &error);
            auto target = Store::open(databaseUrl(server, pgCopy), &error);
            QElapsedTimer t;
            t.start();
            StoreCopy::Result r;
            if (!source || !target || !StoreCopy::copy(*source, *target, false, &r, &error)) {
                std::fprintf(stderr, "bench_pg: copy: %s\n", qPrintable(error));
                return 1;
            }
            pg.copyMs = t.elapsed();
            auto returned = Store::open(back, &error);
            t.restart();
            if (!returned || !StoreCopy::copy(*target, *returned, false, &r, &error)) {
                std::fprintf(stderr, "bench_pg: copy back: %s\n", qPrintable(error));
                return 1;
            }
            lite.copyMs = t.elapsed();
        }
        measureLatency(databaseUrl(server, pgDemo), 20, pg);
        measureLatency(file, 5, lite);
        std::printf("--- demo --children %s: %lld episodes\n", qPrintable(size), lite.episodes);
        const auto row = [](const char *name, double a, double b) { std::printf("%-28s %10.1f ms %10.1f ms\n", name, a, b); };
        row("demo write (new store)", lite.demoMs, pg.demoMs);
        row("copy in (PG->SQLite | SQLite->PG)", lite.copyMs, pg.copyMs);
        row("load episodes", lite.loadMs, pg.loadMs);
        row("CLA at a date (loaded)", lite.claAtMs, pg.claAtMs);
        row("CLA 120-month series", lite.seriesMs, pg.seriesMs);
        row("fee edit -> new totals", lite.feeEditMs, pg.feeEditMs);
        row("change -> 2nd connection", lite.latencyMs, pg.latencyMs);
        std::fflush(stdout);
        for (const QString &db : {pgDemo, pgCopy})
            admin(server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db));
    }
    return 0;
}
