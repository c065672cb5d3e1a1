// Window open to first chart (PRODUCT §9: ≤ 1 s on S, the one-authority demo), on each store
// given: opening the store, building the main window with every screen, showing it and painting
// the Trends chart (the first thing a manager sees). Each run opens a fresh connection and a new
// window, as launching the application does (the process start itself, about 0.1 s for the Qt
// libraries, is not included). Beside it, measured in the same run on the same store, the
// engine's own shell answering the first chart's question one query per point: the number of
// children looked after at each of the 40 quarter ends the chart shows (`sqlite3` for a file,
// `psql` for a PostgreSQL URL).
//
//   bench_window [--db FILE|URL]... [--runs N]
// Without --db, a default demo store (800 children) is generated in a temporary directory.
#include "domain/demogenerator.h"
#include "mainwindow.h"
#include "peerqueries.h"
#include "store/store.h"
#include "trendsview.h"

#include <QApplication>
#include <QChartView>
#include <QCommandLineParser>
#include <QDate>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <algorithm>
#include <cstdio>

namespace {

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

// One query per quarter end through the engine's shell; ms for all of them, or -1.
double shellPeer(const QString &location, const QDate &end)
{
    QString script;
    for (int q = 39; q >= 0; --q)
        script += PeerQueries::cla(end.addMonths(-3 * q));
    QProcess p;
    QElapsedTimer t;
    if (Store::isServerLocation(location)) {
        // psql takes the URL as it is; the password from ~/.pgpass or PGPASSWORD, as Careboard.
        p.start(QStringLiteral("psql"), {QStringLiteral("-qAt"), location});
    } else {
        p.start(QStringLiteral("sqlite3"), {location});
    }
    if (!p.waitForStarted())
        return -1;
    t.start();
    p.write(script.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return -1;
    return t.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"db", "Store to open (repeatable; default: a new demo store).", "FILE|URL"},
                       {"runs", "Runs per store (default 7).", "N"}});
    parser.process(app);
    const int runs = std::max(1, parser.isSet(QStringLiteral("runs")) ? parser.value(QStringLiteral("runs")).toInt() : 7);
    QStringList locations = parser.values(QStringLiteral("db"));
    QTemporaryDir dir;
    if (locations.isEmpty()) {
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        QString error;
        auto store = Store::open(path, &error);
        if (!store || !DemoGenerator::write(*store, DemoGenerator::generate(DemoOptions()), &error)) {
            std::fprintf(stderr, "bench_window: %s\n", qPrintable(error));
            return 1;
        }
        locations << path;
    }

    std::printf("window open to first chart (median of %d; target <= 1000 ms on the one-authority demo)\n", runs);
    for (const QString &location : locations) {
        QVector<double> open, window, chart;
        QDate end;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            QString error;
            auto store = Store::open(location, &error);
            if (!store) {
                std::fprintf(stderr, "bench_window: %s\n", qPrintable(error));
                return 1;
            }
            open << t.nsecsElapsed() / 1e6;
            MainWindow w(std::move(store));
            w.resize(1920, 1080);
            w.show();
            window << t.nsecsElapsed() / 1e6;
            // The first paint of the Trends chart, as the screen shows it.
            const QPixmap first = w.trendsView()->chartView()->grab();
            chart << t.nsecsElapsed() / 1e6;
            if (first.isNull())
                std::fprintf(stderr, "bench_window: no chart painted\n");
            end = QDate::fromString(w.store().meta(QStringLiteral("data_end")), Qt::ISODate);
            if (!end.isValid())
                end = QDate::currentDate();
        }
        const QUrl url(location);
        const QString shown = Store::isServerLocation(location) ? url.adjusted(QUrl::RemoveUserInfo).toString() : location;
        std::printf("%s\n", qPrintable(shown));
        std::printf("  open the store                          %8.1f ms\n", median(open));
        std::printf("  + build and show the window             %8.1f ms\n", median(window));
        std::printf("  + paint the first chart (total)         %8.1f ms\n", median(chart));
        const double peer = shellPeer(location, end);
        std::printf("  peer: %-8s 40 queries, one per point %8.1f ms\n",
                    Store::isServerLocation(location) ? "psql" : "sqlite3", peer);
    }
    return 0;
}
