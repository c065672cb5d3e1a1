#include "cli.h"

#include "store/store.h"

#include <cstdio>

namespace Cli {

const QList<SubCommand> &subCommands()
{
    static const QList<SubCommand> list = {
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
        {"copy", "careboard copy --from SRC --to DST [--replace [--discard-audit]]",
         "copy a whole store between files and PostgreSQL databases, in one transaction", &copy},
        {"admin", "careboard admin roles|users|grant USER ROLE|revoke USER --db postgresql://USER@HOST/DB",
         "create the server's roles careboard_viewer, _panel, _editor, _admin and their grants; list who holds them; "
         "give a login one of them or take it away", &admin},
    };
    return list;
}

const SubCommand *find(const QString &name)
{
    for (const SubCommand &c : subCommands())
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

void printUsageError(const SubCommand &command, const QString &message)
{
    err() << "careboard " << command.name << ": " << message << "\nusage: " << command.synopsis << Qt::endl;
}

bool parse(QCommandLineParser &parser, const QStringList &arguments, const SubCommand &command, bool allowPositional)
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

bool requireOption(const QCommandLineParser &parser, const QString &name, const SubCommand &command, QString *value)
{
    if (!parser.isSet(name) || parser.value(name).isEmpty()) {
        printUsageError(command, QStringLiteral("--%1 is required").arg(name));
        return false;
    }
    *value = parser.value(name);
    return true;
}

bool readDate(const QCommandLineParser &parser, const QString &name, const SubCommand &command, QDate *value, bool required)
{
    if (!parser.isSet(name)) {
        if (required)
            printUsageError(command, QStringLiteral("--%1 is required").arg(name));
        return !required;
    }
    const QString text = parser.value(name);
    *value = QDate::fromString(text, Qt::ISODate);
    if (!value->isValid() || text.size() != 10) {
        printUsageError(command, QStringLiteral("--%1 must be a date YYYY-MM-DD, not '%2'").arg(name, text));
        return false;
    }
    return true;
}

bool readChoice(const QCommandLineParser &parser, const QString &name, const QStringList &choices, const QString &fallback,
                const SubCommand &command, QString *value)
{
    *value = parser.isSet(name) ? parser.value(name) : fallback;
    if (choices.contains(*value))
        return true;
    QStringList quoted = choices;
    const QString last = quoted.takeLast();
    printUsageError(command, QStringLiteral("--%1 must be %2 or %3, not '%4'").arg(name, quoted.join(QLatin1String(", ")), last, *value));
    return false;
}

std::unique_ptr<Store> openExisting(const QString &location, const SubCommand &command)
{
    QString error;
    Store::OpenOptions options;
    options.create = false;
    auto store = Store::open(location, &error, options);
    if (!store)
        err() << "careboard " << command.name << ": " << error << Qt::endl;
    return store;
}

bool requireRole(const Store &store, bool StoreRoles::Access::*what, const QString &role, const QString &task, const SubCommand &command)
{
    const StoreRoles::Access access = StoreRoles::access(store);
    if (access.*what)
        return true;
    err() << "careboard " << command.name << ": " << task << " needs the " << role << " role on " << store.location() << " ("
          << access.dbUser << " is a " << access.roleName() << ")" << Qt::endl;
    return false;
}

} // namespace Cli
