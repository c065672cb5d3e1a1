// CIN census benchmark (issue 16: a census of 250,000 referrals, a large region, imports in
// <= 5 s; every new key at a date answers as fast as today's indicators). Writes the demo
// authority's census at the size asked for (once, kept in DIR), imports it into a fresh SQLite
// store, then answers every PRODUCT §10 key at the data's end beside the sqlite3 shell answering
// the same figure with one plain SQL query on the same store.
//
//   bench_cin [DIR] [--children N] [--sqlite3 PATH]     # N 4400 gives about 250,000 referrals
#include "core/dates.h"
#include "core/workingdays.h"
#include "domain/cinmeasures.h"
#include "domain/democensus.h"
#include "domain/demogenerator.h"
#include "domain/importer.h"
#include "domain/indicatorengine.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
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

// Runs `setup` then `sql` through the sqlite3 shell; milliseconds of the whole run (best of
// `runs`) less a run of `setup` alone, and the last line printed.
static double shell(const QString &sqlite3, const QString &db, const QString &setup, const QString &sql, int runs, QString *output)
{
    const auto once = [&](const QString &text, QString *printed) {
        QProcess p;
        QElapsedTimer t;
        t.start();
        p.start(sqlite3, {QStringLiteral("-readonly"), db});
        p.write(text.toUtf8());
        p.closeWriteChannel();
        if (!p.waitForFinished(-1) || p.exitCode() != 0)
            return -1.0;
        if (printed)
            *printed = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char('\n')).last();
        return t.nsecsElapsed() / 1e6;
    };
    double best = 1e18, base = 1e18;
    for (int i = 0; i < runs; ++i) {
        best = std::min(best, once(setup + sql, output));
        base = std::min(base, once(setup + QStringLiteral("SELECT 1;\n"), nullptr));
    }
    return best - base;
}

// A temporary table of working days before each date (numpy.busday_count by subtraction).
static QString workingDaysSetup()
{
    QString holidays;
    for (const QDate &d : WorkingDays::bankHolidays())
        holidays += QStringLiteral("%1('%2')").arg(holidays.isEmpty() ? QString() : QStringLiteral(","), Dates::iso(d));
    return QStringLiteral("CREATE TEMP TABLE bh(d TEXT PRIMARY KEY); INSERT INTO bh VALUES %1;\n"
                          "CREATE TEMP TABLE wd AS WITH RECURSIVE days(d) AS (SELECT '2000-01-03' UNION ALL"
                          " SELECT date(d, '+1 day') FROM days WHERE d < '2035-12-31')"
                          " SELECT d, coalesce(sum(CASE WHEN strftime('%w', d) IN ('0', '6') OR d IN (SELECT d FROM bh) THEN 0 ELSE 1 END)"
                          " OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS n FROM days;\n"
                          "CREATE UNIQUE INDEX temp.wd_d ON wd(d);\n").arg(holidays);
}

// One query per key, the analyst's reading of PRODUCT §10 in plain SQL.
static QString peerSql(CinMeasure m, const QDate &at, qint64 population)
{
    const QString d = Dates::iso(at), f = Dates::iso(Dates::financialYearStart(Dates::financialYear(at)));
    const QString plans = QStringLiteral("WITH p AS (SELECT child_id, start_date, max(end_date) AS end_date, max(previous_plans) AS prev"
                                         " FROM cin_cp_plans WHERE start_date IS NOT NULL GROUP BY child_id, start_date) ");
    const QString wdAssess = QStringLiteral("FROM cin_assessments x JOIN wd a ON a.d = x.start_date JOIN wd b ON b.d = x.authorised_date"
                                            " WHERE x.authorised_date BETWEEN '%1' AND '%2'").arg(f, d);
    switch (m) {
    case CinMeasure::Referrals: return QStringLiteral("SELECT count(*) FROM cin_referrals WHERE referral_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::ReferralsRate:
        return QStringLiteral("SELECT count(*) * 10000.0 / %3 FROM cin_referrals WHERE referral_date BETWEEN '%1' AND '%2';").arg(f, d).arg(population);
    case CinMeasure::Rereferrals12m:
        // date(x, '-12 months') is QDate::addMonths(-12) but on 29 February (SQLite gives 1 March).
        return QStringLiteral("SELECT 100.0 * sum(EXISTS (SELECT 1 FROM cin_referrals p WHERE p.child_id = r.child_id"
                              " AND p.referral_date < r.referral_date AND p.referral_date >= date(r.referral_date, '-12 months'))) / count(*)"
                              " FROM cin_referrals r WHERE r.referral_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::ReferralsNfa:
        return QStringLiteral("SELECT 100.0 * sum(referral_nfa) / count(*) FROM cin_referrals WHERE referral_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::AssessmentsCompleted:
        return QStringLiteral("SELECT count(*) FROM cin_assessments WHERE authorised_date BETWEEN '%1' AND '%2' AND start_date IS NOT NULL;").arg(f, d);
    case CinMeasure::AssessmentsWithin45wd: return QStringLiteral("SELECT 100.0 * sum(b.n - a.n <= 45) / count(*) %1;").arg(wdAssess);
    case CinMeasure::AssessmentMedianWd:
        return QStringLiteral("SELECT v FROM (SELECT b.n - a.n AS v %1) ORDER BY v LIMIT 1 OFFSET (SELECT (count(*) - 1) / 2 %1);").arg(wdAssess);
    case CinMeasure::S47: return QStringLiteral("SELECT count(*) FROM cin_section47 WHERE start_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::S47Rate:
        return QStringLiteral("SELECT count(*) * 10000.0 / %3 FROM cin_section47 WHERE start_date BETWEEN '%1' AND '%2';").arg(f, d).arg(population);
    case CinMeasure::Icpc:
        return QStringLiteral("SELECT count(*) FROM cin_section47 WHERE icpc_date BETWEEN '%1' AND '%2' AND start_date IS NOT NULL;").arg(f, d);
    case CinMeasure::IcpcWithin15wd:
        return QStringLiteral("SELECT 100.0 * sum(b.n - a.n <= 15) / count(*) FROM cin_section47 x JOIN wd a ON a.d = x.start_date"
                              " JOIN wd b ON b.d = x.icpc_date WHERE x.icpc_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::CpStarts: return plans + QStringLiteral("SELECT count(DISTINCT child_id) FROM p WHERE start_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::CpEnds: return plans + QStringLiteral("SELECT count(DISTINCT child_id) FROM p WHERE end_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::CpSecondOrSubsequent:
        return plans + QStringLiteral("SELECT 100.0 * sum(coalesce(prev, 0) >= 1 OR EXISTS (SELECT 1 FROM p q WHERE q.child_id = p.child_id"
                                      " AND q.start_date < p.start_date)) / count(*) FROM p WHERE start_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::CpRepeatWithin2y:
        return plans + QStringLiteral("SELECT 100.0 * sum(EXISTS (SELECT 1 FROM p q WHERE q.child_id = p.child_id AND q.start_date < p.start_date"
                                      " AND q.end_date >= date(p.start_date, '-2 years') AND q.end_date <= p.start_date)) / count(*)"
                                      " FROM p WHERE start_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::CpEnded2yPlus:
        return plans + QStringLiteral("SELECT 100.0 * sum(end_date >= date(start_date, '+2 years')) / count(*) FROM p"
                                      " WHERE end_date BETWEEN '%1' AND '%2';").arg(f, d);
    case CinMeasure::CpOpen2yPlus:
        return plans + QStringLiteral("SELECT count(*) FROM p WHERE start_date <= date('%1', '-2 years') AND (end_date IS NULL OR end_date > '%1');").arg(d);
    }
    return {};
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString dir = QStringLiteral("/tmp/careboard-bench-cin"), sqlite3 = QStringLiteral("sqlite3");
    int children = 4400;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--children") && i + 1 < args.size())
            children = args[++i].toInt();
        else if (args[i] == QLatin1String("--sqlite3") && i + 1 < args.size())
            sqlite3 = args[++i];
        else
            dir = args[i];
    }
    QDir().mkpath(dir);
    const QString xml = QDir(dir).filePath(QStringLiteral("cin_census_%1.xml").arg(children));
    DemoOptions options;
    options.children = children;
    const DemoData data = DemoGenerator::generate(options);
    if (!QFileInfo::exists(xml)) {
        QString error;
        if (!DemoCensus::writeXml(DemoCensus::make(data), xml, &error)) {
            std::fprintf(stderr, "bench_cin: %s\n", qPrintable(error));
            return 1;
        }
    }
    const QString db = QDir(dir).filePath(QStringLiteral("cin.sqlite"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(db + QLatin1String(suffix));
    QString error;
    auto store = Store::open(db, &error);
    if (!store) {
        std::fprintf(stderr, "bench_cin: %s\n", qPrintable(error));
        return 1;
    }
    for (const auto &[year, count] : data.population)
        store->run(QStringLiteral("INSERT INTO population (year, age_0_17) VALUES (?, ?)"), {year, count});

    QElapsedTimer t;
    t.start();
    Importer importer(*store);
    const Importer::Result r = importer.importFiles({xml});
    const double importMs = t.nsecsElapsed() / 1e6;
    if (r != Importer::Result::Imported) {
        std::fprintf(stderr, "bench_cin: import failed: %s\n",
                     qPrintable(importer.errors().isEmpty() ? importer.failure() : importer.errors().first().text()));
        return 1;
    }
    const qint64 referrals = importer.summaries().first().rows;
    const double importRss = peakRssMiB();
    t.restart();
    IndicatorEngine engine(*store);
    const double loadMs = t.nsecsElapsed() / 1e6;
    t.restart();
    const CinMeasureSet cinOnly(*store, [&engine](const QDate &d) { return engine.populationFor(d); });
    const double cinLoadMs = t.nsecsElapsed() / 1e6;
    const QDate at = data.end;
    const QVector<QDate> months = IndicatorEngine::monthEnds(QDate(at.year() - 10, at.month(), 1).addMonths(1), at);

    out << "CIN census " << QFileInfo(xml).fileName() << ": " << QFileInfo(xml).size() / (1024 * 1024) << " MiB, " << referrals
        << " referrals\n";
    out << QStringLiteral("import (parse, check, write, commit): %1 ms (target <= 5000 ms at 250,000 referrals); peak memory %2 MiB\n")
               .arg(importMs, 0, 'f', 0).arg(importRss, 0, 'f', 0);
    out << QStringLiteral("engine load with the census: %1 ms; the census measures alone: %2 ms\n").arg(loadMs, 0, 'f', 0).arg(cinLoadMs, 0, 'f', 0);
    const QString setup = workingDaysSetup();
    const qint64 population = engine.populationFor(at);
    out << QStringLiteral("\nat %1          Careboard        ms | sqlite3 shell         ms | 120-month series ms\n").arg(Dates::iso(at));
    for (const CinMeasureInfo &info : CinMeasures::all()) {
        CinMeasureValue v;
        const double ms = bestOf(5, [&] { v = engine.cinMeasures().value(info.id, at); });
        const double seriesMs = bestOf(3, [&] { engine.cinMeasures().series(info.id, months); });
        QString peer;
        const bool needsWd = info.id == CinMeasure::AssessmentsWithin45wd || info.id == CinMeasure::AssessmentMedianWd
                          || info.id == CinMeasure::IcpcWithin15wd;
        const double peerMs = shell(sqlite3, db, needsWd ? setup : QString(), peerSql(info.id, at, population) + QLatin1Char('\n'), 3, &peer);
        out << QStringLiteral("%1 %2 %3 | %4 %5 | %6\n")
                   .arg(info.key, -30)
                   .arg(v.hasValue() ? QString::number(v.value, 'f', 3) : QStringLiteral("null"), 12)
                   .arg(ms, 8, 'f', 3)
                   .arg(peer.isEmpty() ? QStringLiteral("null") : QString::number(peer.toDouble(), 'f', 3), 14)
                   .arg(peerMs, 9, 'f', 1)
                   .arg(seriesMs, 10, 'f', 2);
    }
    out << "(sqlite3 times are the shell's run less a run of SELECT 1 with the same setup; the working-day queries "
           "join a temporary table of working days built from the shipped bank holidays)\n";
    out.flush();
    return 0;
}
