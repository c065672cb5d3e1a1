#include "commands.h"

#include <cstdio>

namespace Cli {

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"demo", "careboard demo --db FILE|URL [--seed N] [--children N] [--from YYYY] [--to YYYY] [--csv DIR]",
         "write the fictional demo authority into a new (or demo) store", &demo},
        {"panel", "careboard panel --db FILE --at YYYY-MM-DD [--format json|csv]",
         "the Placement Panel agenda at a date: children, priority flags, weekly cost, next review", &panel},
        {"indicators", "careboard indicators --db FILE --at YYYY-MM-DD [--format json|csv]",
         "every indicator at a date (PRODUCT §8 keys, numbers unrounded)", &indicators},
        {"series", "careboard series --db FILE --indicator NAME --from YYYY-MM --to YYYY-MM [--step month|quarter|year] [--format json|csv] | --list",
         "one indicator at month, quarter or year ends", &series},
        {"export-pdf", "careboard export-pdf --db FILE --out FILE.pdf [--at YYYY-MM-DD] [--public]",
         "write the report pack as a PDF (no display needed)", &exportPdf, true},
        {"import", "careboard import --db FILE FILE...",
         "load 903 (CSV or XML), CP, CIN, population, benchmark, placement cost and cost table files", &import},
        {"copy", "careboard copy --from SRC --to DST [--replace]",
         "copy a whole store between files and PostgreSQL databases, in one transaction", &copy},
        {"admin", "careboard admin roles --db postgresql://USER@HOST/DB",
         "create the server's roles careboard_viewer, _panel, _editor, _admin and their grants", &admin},
    };
    return list;
}

const Command *find(const QString &name)
{
    for (const Command &c : commands())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void printUsageError(const Command &command, const QString &message)
{
    err() << "careboard " << command.name << ": " << message << "\nusage: " << command.synopsis << Qt::endl;
}

bool parse(QCommandLineParser &parser, const QStringList &arguments, const Command &command, bool allowPositional)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        printUsageError(command, parser.errorText());
        return false;
    }
    if (!allowPositional && !parser.positionalArguments().isEmpty()) {
        printUsageError(command, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return false;
    }
    return true;
}

bool requireOption(const QCommandLineParser &parser, const QString &name, const Command &command, QString *value)
{
    if (!parser.isSet(name) || parser.value(name).isEmpty()) {
        printUsageError(command, QStringLiteral("--%1 is required").arg(name));
        return false;
    }
    *value = parser.value(name);
    return true;
}

} // namespace Cli
