#include "cli.h"

#include "store/store.h"
#include "store/storeroles.h"

namespace Cli {

namespace {

// viewer / panel / editor / admin (or the full role name) to the role's name; empty if unknown.
QString roleNamed(const QString &word)
{
    const QString full = word.startsWith(QLatin1String("careboard_")) ? word : QStringLiteral("careboard_") + word;
    return StoreRoles::names().contains(full) ? full : QString();
}

} // namespace

int admin(const QStringList &arguments)
{
    const SubCommand &cmd = *find(QStringLiteral("admin"));
    QCommandLineParser parser;
    parser.addOptions({{"db", "The PostgreSQL store (postgresql://USER@HOST/DB).", "URL"}});
    parser.addPositionalArgument(QStringLiteral("task"), QStringLiteral("roles | users | grant USER ROLE | revoke USER"));
    if (!parse(parser, arguments, cmd, true))
        return Usage;
    const QStringList task = parser.positionalArguments();
    const QString what = task.value(0);
    const bool known = (what == QLatin1String("roles") && task.size() == 1) || (what == QLatin1String("users") && task.size() == 1)
                       || (what == QLatin1String("grant") && task.size() == 3) || (what == QLatin1String("revoke") && task.size() == 2);
    if (!known) {
        printUsageError(cmd, task.isEmpty() ? QStringLiteral("say what to do: roles, users, grant USER ROLE or revoke USER")
                                            : QStringLiteral("unknown task '%1'").arg(task.join(QLatin1Char(' '))));
        return Usage;
    }
    QString role;
    if (what == QLatin1String("grant")) {
        role = roleNamed(task.at(2));
        if (role.isEmpty()) {
            printUsageError(cmd, QStringLiteral("unknown role '%1': viewer, panel, editor or admin").arg(task.at(2)));
            return Usage;
        }
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
    if (what == QLatin1String("users")) {
        const QVector<StoreRoles::Member> people = StoreRoles::members(*store, &error);
        if (!error.isEmpty()) {
            err() << "careboard admin: " << error << Qt::endl;
            return InvalidData;
        }
        out() << "user,role\n";
        for (const StoreRoles::Member &m : people)
            out() << m.user << ',' << m.role << '\n';
        out().flush();
        return Ok;
    }
    if (what == QLatin1String("grant") || what == QLatin1String("revoke")) {
        const QString user = task.at(1);
        if (!StoreRoles::assign(*store, user, role, &error)) {
            err() << "careboard admin: " << error << Qt::endl;
            return InvalidData;
        }
        out() << (role.isEmpty() ? QStringLiteral("%1 now holds no Careboard role on %2").arg(user, db)
                                 : QStringLiteral("%1 is now %2 on %3").arg(user, role, db))
              << Qt::endl;
        return Ok;
    }
    QStringList summary;
    if (!StoreRoles::install(*store, &summary, &error)) {
        err() << "careboard admin: " << error << Qt::endl;
        return InvalidData;
    }
    out() << "Roles granted on " << db << ":\n  " << summary.join(QStringLiteral("\n  "))
          << "\nGive a person a login (as the server's administrator) and then a role:\n"
          << "  CREATE ROLE alice LOGIN PASSWORD '...';\n"
          << "  careboard admin grant alice editor --db " << db << Qt::endl;
    return Ok;
}

} // namespace Cli
