#include "cli.h"

#include "domain/demoexport.h"
#include "domain/demogenerator.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace Cli {

static bool readInt(const QCommandLineParser &parser, const QString &name, int lo, int hi, int *value, const SubCommand &cmd)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < lo || v > hi) {
        printUsageError(cmd, QStringLiteral("--%1 must be a whole number from %2 to %3").arg(name).arg(lo).arg(hi));
        return false;
    }
    *value = v;
    return true;
}

int demo(const QStringList &arguments)
{
    const SubCommand &cmd = *find(QStringLiteral("demo"));
    QCommandLineParser parser;
    parser.addOptions({{"db", "Store to write (file or postgresql:// URL).", "FILE|URL"},
                       {"seed", "Random seed (same seed, same data).", "N"},
                       {"children", "Children looked after at any time (default 800).", "N"},
                       {"from", "First financial year (default 2015).", "YYYY"},
                       {"to", "Data runs to 31 March of this year (default 2025).", "YYYY"},
                       {"csv", "Also write the authority as import files (903 CSV, CP, CIN, population, placement costs, the CIN census XML) into DIR.", "DIR"}});
    if (!parse(parser, arguments, cmd))
        return Usage;
    QString db;
    if (!requireOption(parser, QStringLiteral("db"), cmd, &db))
        return Usage;
    DemoOptions options;
    int seed = 1;
    if (!readInt(parser, QStringLiteral("seed"), 0, 2147483647, &seed, cmd)
        || !readInt(parser, QStringLiteral("children"), 10, 200000, &options.children, cmd)
        || !readInt(parser, QStringLiteral("from"), 2000, 2100, &options.fromYear, cmd)
        || !readInt(parser, QStringLiteral("to"), 2001, 2101, &options.toYear, cmd))
        return Usage;
    options.seed = quint64(seed);
    if (options.toYear <= options.fromYear) {
        printUsageError(cmd, QStringLiteral("--to must be after --from"));
        return Usage;
    }

    QElapsedTimer timer;
    timer.start();
    QString error;
    auto store = Store::open(db, &error);
    if (!store) {
        err() << "careboard demo: " << error << Qt::endl;
        return InvalidData;
    }
    if (!requireRole(*store, &StoreRoles::Access::administer, QStringLiteral("administrator"), QStringLiteral("writing the demo authority"), cmd))
        return InvalidData;
    const DemoData data = DemoGenerator::generate(options);
    const qint64 generated = timer.elapsed();
    if (!DemoGenerator::write(*store, data, &error)) {
        err() << "careboard demo: " << error << Qt::endl;
        return InvalidData;
    }
    store.reset();
    if (parser.isSet(QStringLiteral("csv"))) {
        if (!DemoExport::write(data, parser.value(QStringLiteral("csv")), &error)) {
            err() << "careboard demo: " << error << Qt::endl;
            return InvalidData;
        }
        out() << "Wrote the import files to " << parser.value(QStringLiteral("csv")) << Qt::endl;
    }
    out() << "Wrote the demo authority to " << db << ": " << data.children.size() << " children, "
          << data.episodes.size() << " episodes, " << data.cpPlans.size() << " CP plans, " << data.cinEpisodes.size()
          << " CIN episodes (" << generated << " ms to generate, " << timer.elapsed() << " ms in all";
    if (!Store::isServerLocation(db))
        out() << "; " << QFileInfo(db).size() / 1024 << " KiB";
    out() << ")" << Qt::endl;
    return Ok;
}

} // namespace Cli
