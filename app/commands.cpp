#include "commands.h"

#include <cstdio>

namespace Cli {

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"demo", "careboard demo --db FILE|URL [--seed N] [--children N] [--from YYYY] [--to YYYY]",
         "write the fictional demo authority into a new (or demo) store", &demo},
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
