// Import benchmark (PRODUCT §9: import XL ≤ 5 s, peak memory ≤ 500 MB). Imports the 1M-episode
// 903 CSV written by `careboard demo --children 50000 --csv DIR` with `careboard import`, and
// beside it the floor: the sqlite3 shell's `.import` of the same file into a bare table, timed in
// the same run on the same machine.
//
//   careboard demo --db /tmp/xl/demo.sqlite --children 50000 --csv /tmp/xl/csv   # once, ~30 s idle
//   bench_import /tmp/xl/csv
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <fcntl.h>

#include <cstdio>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char **environ;

namespace {

struct Run {
    int exitCode = -1;
    double elapsed = 0, user = 0, sys = 0;
    long maxRssKb = 0;
};

// Runs a program to the end; its own CPU time and peak memory come from wait4().
Run run(const QStringList &args, const QString &stdoutFile)
{
    std::vector<QByteArray> bytes;
    for (const QString &a : args)
        bytes.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &b : bytes)
        argv.push_back(b.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray out = stdoutFile.toLocal8Bit();
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (out + ".err").constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    Run r;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return r;
    }
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    r.elapsed = double(timer.nsecsElapsed()) / 1e9;
    posix_spawn_file_actions_destroy(&actions);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.user = double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6;
    r.sys = double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
    r.maxRssKb = usage.ru_maxrss;
    return r;
}

void print(const char *what, const Run &r)
{
    std::printf("%-58s %7.2f s elapsed  %6.2f s CPU (%.2f user + %.2f sys)  peak %4ld MB%s\n", what, r.elapsed, r.user + r.sys,
                r.user, r.sys, r.maxRssKb / 1024, r.exitCode == 0 ? "" : "  FAILED");
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString dir = app.arguments().value(1, QStringLiteral("/tmp/careboard-bench/csv"));
    const QString episodes = QDir(dir).filePath(QStringLiteral("903_episodes.csv"));
    const QString header = QDir(dir).filePath(QStringLiteral("903_header.csv"));
    if (!QFileInfo::exists(episodes) || !QFileInfo::exists(header)) {
        std::fprintf(stderr, "%s not found. Write it once with:\n  careboard demo --db /tmp/careboard-bench/demo.sqlite --children 50000 --csv %s\n",
                     qPrintable(episodes), qPrintable(dir));
        return 2;
    }
    QFile f(episodes);
    f.open(QIODevice::ReadOnly);
    qint64 rows = -1;
    while (!f.atEnd())
        rows += f.readLine().isEmpty() ? 0 : 1;
    QTemporaryDir work;
    const QString exe = QStringLiteral(CAREBOARD_EXE), out = work.filePath(QStringLiteral("out.txt"));
    std::printf("Import benchmark: %lld episodes, %.1f MB (%s); load average %.2f on %d cores\n", rows,
                double(QFileInfo(episodes).size()) / 1e6, qPrintable(episodes), loadAverage(), QThread::idealThreadCount());

    // The store holds the header (children) first, as after loading the return's header file.
    const QString withHeader = work.filePath(QStringLiteral("header.sqlite"));
    const Run h = run({exe, QStringLiteral("import"), QStringLiteral("--db"), withHeader, header}, out);
    print("careboard import 903_header.csv (fresh store)", h);
    QFile::copy(withHeader, work.filePath(QStringLiteral("episodes.sqlite")));
    const Run e = run({exe, QStringLiteral("import"), QStringLiteral("--db"), work.filePath(QStringLiteral("episodes.sqlite")), episodes}, out);
    print("careboard import 903_episodes.csv (store with the header)", e);
    const Run again = run({exe, QStringLiteral("import"), QStringLiteral("--db"), work.filePath(QStringLiteral("episodes.sqlite")), episodes}, out);
    print("  the same file again (recognised, nothing written)", again);
    const Run both = run({exe, QStringLiteral("import"), QStringLiteral("--db"), work.filePath(QStringLiteral("both.sqlite")), header, episodes}, out);
    print("careboard import header + episodes together (fresh store)", both);
    const Run floor = run({QStringLiteral("sqlite3"), work.filePath(QStringLiteral("bare.sqlite")), QStringLiteral("-cmd"),
                           QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral(".mode csv"),
                           QStringLiteral(".import %1 bare").arg(episodes)},
                          out);
    print("sqlite3 shell .import into a bare table (the floor)", floor);
    std::printf("ratio careboard/sqlite3 for the episodes file: %.1fx elapsed, %.1fx CPU; load average now %.2f\n",
                e.elapsed / floor.elapsed, (e.user + e.sys) / (floor.user + floor.sys), loadAverage());
    std::printf("targets (PRODUCT §9): <= 5 s and <= 500 MB on this machine\n");
    return e.exitCode == 0 && floor.exitCode == 0 ? 0 : 1;
}
