// Time from a fee edit (a FeeChangeCommand pushed on an undo stack: the write, its audit entry and
// the change notification) to recomputed cost table totals, as the Costs screen does it (one
// placement re-read, the table recomputed from memory). Target: within one frame (16 ms) on the
// default demo store. Prints beside it, measured in the same run on the same file:
//   - the full rebuild of the month's table (every open placement read again), and
//   - the sqlite3 shell running one aggregate query of the month's open placements (a baseline
//     for "read the month once").
//
//   bench_costedit [--db FILE] [--edits N] [--view]
// Without --db, a default demo store (800 children) is generated in a temporary directory.
// --view also times the whole Costs screen update (models and charts, offscreen).
#include "costcommands.h"
#include "costsview.h"
#include "domain/costtable.h"
#include "domain/demogenerator.h"
#include "store/placementstore.h"
#include "store/store.h"
#include "storeevents.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QUndoStack>
#include <algorithm>
#include <cstdio>

namespace {

struct Stats {
    double median, p95, max;
};

Stats stats(QVector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.95))), ms.last()};
}

void print(const char *what, const Stats &s)
{
    std::printf("  %-58s median %8.2f ms   p95 %8.2f ms   max %8.2f ms\n", what, s.median, s.p95, s.max);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"db", "Store to use (default: a new demo store).", "FILE"},
                       {"edits", "Number of edits to time (default 60).", "N"},
                       {"view", "Also time the Costs screen's whole update."}});
    parser.process(app);
    const int edits = parser.isSet(QStringLiteral("edits")) ? parser.value(QStringLiteral("edits")).toInt() : 60;

    QTemporaryDir dir;
    QString path = parser.value(QStringLiteral("db"));
    QString error;
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("bench.sqlite"));
        auto s = Store::open(path, &error);
        if (!s || !DemoGenerator::write(*s, DemoGenerator::generate(DemoOptions()), &error)) {
            std::fprintf(stderr, "cannot create the demo store: %s\n", qPrintable(error));
            return 1;
        }
    }
    auto store = Store::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    store->setUserName(QStringLiteral("bench"));
    const qint64 episodes = store->scalar(QStringLiteral("SELECT count(*) FROM episodes")).toLongLong();
    const QString last = store->scalar(QStringLiteral("SELECT max(decom) FROM episodes")).toString();
    const QDate lastDate = QDate::fromString(last, Qt::ISODate);
    const QDate month(lastDate.year(), lastDate.month(), lastDate.daysInMonth());
    std::printf("Store %s: %lld episodes; month ending %s\n", qPrintable(path), episodes, qPrintable(month.toString(Qt::ISODate)));

    // Full rebuild: every open placement read with its fee in force.
    CostTableBuilder builder(*store);
    QVector<double> full;
    CostTable table;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        table = builder.build(month);
        full << t.nsecsElapsed() / 1e6;
    }
    std::printf("  %d placements open; TOTAL %d, weekly £%.0f\n", int(builder.placements().size()), table.total.number,
                table.total.weeklyCost() / 100.0);

    // Baseline: the sqlite3 shell, one aggregate over the same open placements (fee rows joined).
    QElapsedTimer shellTimer;
    shellTimer.start();
    QProcess shell;
    const QString iso = month.toString(Qt::ISODate);
    shell.start(QStringLiteral("sqlite3"),
                {path, QStringLiteral("SELECT count(*), sum(f.weekly_fee_pence + f.additional_weekly_pence) FROM placements p"
                                      " JOIN episodes e ON e.episode_id = p.episode_id JOIN placement_fees f ON f.placement_id = p.placement_id"
                                      " AND f.effective_from = (SELECT max(g.effective_from) FROM placement_fees g WHERE g.placement_id = p.placement_id"
                                      " AND g.effective_from <= '%1') WHERE e.decom <= '%1' AND (e.dec IS NULL OR e.dec > '%1')"
                                      " AND coalesce(e.ls, '') NOT IN ('V3', 'V4');").arg(iso)});
    const bool shellOk = shell.waitForFinished(600000) && shell.exitCode() == 0;
    const double shellMs = shellTimer.nsecsElapsed() / 1e6;

    // Edits through the command, then the recompute the screen does.
    QUndoStack stack;
    const QVector<PlacementRecord> open = builder.placements();
    QVector<double> editMs, writeMs;
    for (int i = 0; i < edits && !open.isEmpty(); ++i) {
        const PlacementRecord &p = open.at((i * 7919) % open.size());
        const PlacementRecord now = PlacementStore(*store).placement(p.placementId, month);
        PlacementStore::FeeChange change{p.placementId, QDate(month.year(), month.month(), 1), now.weeklyFee + 100 * (i % 5 + 1),
                                         now.additionalWeekly, QStringLiteral("bench")};
        QElapsedTimer t;
        t.start();
        QString err;
        if (!EditCommand::push(&stack, new FeeChangeCommand(*store, change, now.version), &err)) {
            std::fprintf(stderr, "edit refused: %s\n", qPrintable(err));
            return 1;
        }
        const double wrote = t.nsecsElapsed() / 1e6;
        table = builder.refreshPlacement(p.placementId);
        editMs << t.nsecsElapsed() / 1e6;
        writeMs << wrote;
    }
    while (stack.canUndo())
        stack.undo(); // leave the store as it was (the audit log keeps the trail)

    std::printf("\nFee edit to recomputed totals (target ≤ 16 ms):\n");
    print("edit → totals (command write + audit + recompute)", stats(editMs));
    print("  of which the command's write (one transaction)", stats(writeMs));
    std::printf("Beside it, same file, same run:\n");
    print("full rebuild of the month's table", stats(full));
    if (shellOk)
        std::printf("  %-58s %8.2f ms  (%s)\n", "sqlite3 shell: one aggregate of the month (incl. start-up)", shellMs,
                    qPrintable(QString::fromUtf8(shell.readAllStandardOutput()).trimmed()));
    else
        std::printf("  sqlite3 shell baseline not available\n");

    if (parser.isSet(QStringLiteral("view"))) {
        QUndoStack viewStack;
        QElapsedTimer open;
        open.start();
        CostsView view(*store, &viewStack);
        view.resize(1600, 1000);
        view.setMonth(month);
        const double openMs = open.nsecsElapsed() / 1e6;
        QVector<double> viewMs;
        const QVector<PlacementRecord> placements = view.table().source == CostTable::Source::Placements
                                                        ? PlacementStore(*store).openAt(month)
                                                        : QVector<PlacementRecord>();
        for (int i = 0; i < edits && !placements.isEmpty(); ++i) {
            const PlacementRecord now = PlacementStore(*store).placement(placements.at((i * 104729) % placements.size()).placementId, month);
            PlacementStore::FeeChange change{now.placementId, QDate(month.year(), month.month(), 1), now.weeklyFee + 100,
                                             now.additionalWeekly, QStringLiteral("bench")};
            QElapsedTimer t;
            t.start();
            QString err;
            EditCommand::push(&viewStack, new FeeChangeCommand(*store, change, now.version), &err);
            viewMs << t.nsecsElapsed() / 1e6; // the screen updates in the command's notification
        }
        while (viewStack.canUndo())
            viewStack.undo();
        std::printf("Costs screen (offscreen):\n");
        std::printf("  %-58s %8.2f ms\n", "open the screen on the month (incl. 24-month chart)", openMs);
        print("edit → table, placements, summary and chart updated", stats(viewMs));
    }
    return 0;
}
