#include "commands.h"

#include "store.h"
#include "storeroles.h"

namespace Cli {

int admin(const QStringList &arguments)
{
    const Command &cmd = *find(QStringLiteral("admin"));
    QCommandLineParser parser;
    parser.addOptions({{"db", "The PostgreSQL store (postgresql://USER@HOST/DB).", "URL"}});
    parser.addPositionalArgument(QStringLiteral("task"), QStringLiteral("roles"));
    if (!parse(parser, arguments, cmd, true))
        return Usage;
    const QStringList tasks = parser.positionalArguments();
    if (tasks != QStringList{QStringLiteral("roles")}) {
        printUsageError(cmd, tasks.isEmpty() ? QStringLiteral("say what to do: roles")
                                             : QStringLiteral("unknown task '%1'").arg(tasks.join(QLatin1Char(' '))));
        return Usage;
    }
    QString db;
    if (!requireOption(parser, QStringLiteral("db"), cmd, &db))
        return Usage;
    if (!Store::isServerLocation(db)) {
        printUsageError(cmd, QStringLiteral("roles are created on a PostgreSQL server: --db postgresql://..."));
        return Usage;
    }
    QString error;
    auto store = Store::open(db, &error);
    if (!store) {
        err() << "careboard admin: " << error << Qt::endl;
        return InvalidData;
    }
    QStringList summary;
    if (!StoreRoles::install(*store, &summary, &error)) {
        err() << "careboard admin: " << error << Qt::endl;
        return InvalidData;
    }
    out() << "Roles granted on " << db << ":\n  " << summary.join(QStringLiteral("\n  "))
          << "\nGive a person a login and a role, e.g. as the server's administrator:\n"
          << "  CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE careboard_editor;" << Qt::endl;
    return Ok;
}

} // namespace Cli
