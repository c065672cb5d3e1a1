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
                       {"replace", "Replace everything already in the target."},
                       {"discard-audit", "With --replace: discard the target's audit log too (the discard is recorded in it)."}});
    if (!parse(parser, arguments, cmd))
        return Usage;
    QString from, to;
    if (!requireOption(parser, QStringLiteral("from"), cmd, &from) || !requireOption(parser, QStringLiteral("to"), cmd, &to))
        return Usage;
    if (from == to) {
        printUsageError(cmd, QStringLiteral("--from and --to name the same store"));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("discard-audit")) && !parser.isSet(QStringLiteral("replace"))) {
        printUsageError(cmd, QStringLiteral("--discard-audit goes with --replace"));
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
    StoreCopy::Options options;
    options.replace = parser.isSet(QStringLiteral("replace"));
    options.discardAudit = parser.isSet(QStringLiteral("discard-audit"));
    StoreCopy::Result result;
    if (!StoreCopy::copy(*source, *target, options, &result, &error)) {
        err() << "careboard copy: " << error << Qt::endl;
        return InvalidData;
    }
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    out() << "Copied " << uk.toString(result.rows) << " rows in " << result.tables << " tables from " << from << " to " << to
          << " in " << uk.toString(timer.elapsed()) << " ms; content digest " << result.digest.left(16)
          << " on both." << Qt::endl;
    if (result.discardedAudit > 0)
        out() << "Discarded the " << uk.toString(result.discardedAudit) << " entries of " << to
              << "'s audit log; its log now ends with an entry recording that (by " << target->userName() << ")." << Qt::endl;
    return Ok;
}

} // namespace Cli
