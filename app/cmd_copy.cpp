#include "cli.h"

#include "store/store.h"
#include "store/storecopy.h"

#include <QElapsedTimer>
#include <QLocale>

namespace Cli {

int copy(const QStringList &arguments)
{
    const SubCommand &cmd = *find(QStringLiteral("copy"));
    QCommandLineParser parser;
    parser.addOptions({{"from", "Store to copy from (file or postgresql:// URL).", "SRC"},
                       {"to", "Store to copy into (a new file, or an existing empty PostgreSQL database).", "DST"},
                       {"replace", "Replace everything already in the target."}});
    if (!parse(parser, arguments, cmd))
        return Usage;
    QString from, to;
    if (!requireOption(parser, QStringLiteral("from"), cmd, &from) || !requireOption(parser, QStringLiteral("to"), cmd, &to))
        return Usage;
    if (from == to) {
        printUsageError(cmd, QStringLiteral("--from and --to name the same store"));
        return Usage;
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    Store::OpenOptions existing;
    existing.create = false;
    auto source = Store::open(from, &error, existing);
    if (!source) {
        err() << "careboard copy: " << error << Qt::endl;
        return InvalidData;
    }
    auto target = Store::open(to, &error);
    if (!target) {
        err() << "careboard copy: " << error << Qt::endl;
        return InvalidData;
    }
    StoreCopy::Result result;
    if (!StoreCopy::copy(*source, *target, parser.isSet(QStringLiteral("replace")), &result, &error)) {
        err() << "careboard copy: " << error << Qt::endl;
        return InvalidData;
    }
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    out() << "Copied " << uk.toString(result.rows) << " rows in " << result.tables << " tables from " << from << " to " << to
          << " in " << uk.toString(timer.elapsed()) << " ms; content digest " << result.digest.left(16)
          << " on both." << Qt::endl;
    return Ok;
}

} // namespace Cli
