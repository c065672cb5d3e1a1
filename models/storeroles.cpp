#include "storeroles.h"

#include "schema.h"
#include "store.h"

#include <QSqlQuery>

namespace StoreRoles {

namespace {

struct Grant {
    const char *role;
    const char *privileges;
    QStringList tables;
};

} // namespace

QStringList names()
{
    return {QStringLiteral("careboard_viewer"), QStringLiteral("careboard_panel"), QStringLiteral("careboard_editor"),
            QStringLiteral("careboard_admin")};
}

QString Access::roleName() const
{
    if (administer)
        return QStringLiteral("administrator");
    if (editCosts || import)
        return QStringLiteral("editor");
    if (panelDecisions)
        return QStringLiteral("panel member");
    return QStringLiteral("viewer");
}

Access access(const Store &store)
{
    Access a;
    if (store.dialect().isSQLite())
        return a;
    // The server's own check of the privileges the grants give this user (through any role).
    QSqlQuery q = store.prepare(QStringLiteral(
        "SELECT has_table_privilege('panel_items', 'SELECT'), has_table_privilege('panel_decisions', 'INSERT'),"
        " has_table_privilege('placement_fees', 'UPDATE'), has_table_privilege('targets', 'INSERT'),"
        " has_table_privilege('episodes', 'INSERT'), has_table_privilege('audit_log', 'SELECT'),"
        " has_table_privilege('settings', 'UPDATE'), current_user"));
    if (!Store::exec(q) || !q.next()) {
        // Unknown: show nothing that writes; the server decides in any case.
        a.childLevel = a.panelDecisions = a.editCosts = a.editScorecard = a.import = a.readAudit = a.administer = false;
        return a;
    }
    a.childLevel = q.value(0).toBool();
    a.panelDecisions = q.value(1).toBool();
    a.editCosts = q.value(2).toBool();
    a.editScorecard = q.value(3).toBool();
    a.import = q.value(4).toBool();
    a.readAudit = q.value(5).toBool();
    a.administer = q.value(6).toBool();
    a.dbUser = q.value(7).toString();
    return a;
}

bool install(Store &store, QStringList *summary, QString *error)
{
    if (store.dialect().isSQLite()) {
        *error = QStringLiteral("Roles live on a PostgreSQL server; %1 is a file, protected by its file permissions.")
                     .arg(store.location());
        return false;
    }
    const QStringList childLevel = {"panel_items", "panel_decisions", "findings"};
    const QStringList all = Schema::tables();
    QStringList viewerRead;
    for (const QString &t : all)
        if (!childLevel.contains(t) && t != QLatin1String("audit_log"))
            viewerRead << t;
    viewerRead << QStringLiteral("careboard_schema");
    const QStringList panelWrite = {"panel_meetings", "panel_items", "panel_decisions"};
    const QStringList editorWrite = {"placements", "placement_fees", "budgets", "cost_snapshots", "whatif_scenarios",
                                     "targets", "commentary", "cost_categories", "cost_category_map", "benchmarks",
                                     "population", "imports", "children", "episodes", "cp_plans", "cin_episodes", "findings"};
    const QStringList adminWrite = {"settings", "meta"};
    const QList<Grant> grants = {
        {"careboard_viewer", "SELECT", viewerRead},
        {"careboard_panel", "SELECT", childLevel},
        {"careboard_panel", "INSERT, UPDATE, DELETE", panelWrite},
        {"careboard_editor", "INSERT, UPDATE, DELETE", editorWrite},
        {"careboard_editor", "SELECT", {"audit_log"}},
        {"careboard_admin", "INSERT, UPDATE, DELETE", adminWrite},
    };

    const QString database = store.scalar(QStringLiteral("SELECT current_database()")).toString();
    const QString schema = store.scalar(QStringLiteral("SELECT current_schema()")).toString();
    QStringList sql;
    const QStringList roles = names();
    for (const QString &role : roles)
        sql << QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN"
                              " CREATE ROLE %1 NOLOGIN; END IF; END $$").arg(role);
    // Each role includes the one before it.
    for (int i = 1; i < roles.size(); ++i)
        sql << QStringLiteral("GRANT %1 TO %2").arg(roles[i - 1], roles[i]);
    for (int i = 0; i + 1 < roles.size(); ++i)
        sql << QStringLiteral("GRANT %1 TO careboard_admin WITH ADMIN OPTION").arg(roles[i]);
    // Start from nothing, so that running it again after a change of policy removes old grants.
    sql << QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA \"%1\" FROM PUBLIC, %2").arg(schema, roles.join(QLatin1String(", ")));
    sql << QStringLiteral("GRANT CONNECT ON DATABASE \"%1\" TO careboard_viewer").arg(database);
    sql << QStringLiteral("GRANT USAGE ON SCHEMA \"%1\" TO careboard_viewer").arg(schema);
    sql << QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA \"%1\" TO careboard_viewer").arg(schema);
    for (const Grant &g : grants)
        sql << QStringLiteral("GRANT %1 ON %2 TO %3").arg(QLatin1String(g.privileges), g.tables.join(QLatin1String(", ")),
                                                           QLatin1String(g.role));
    // Append-only for everyone: INSERT, never UPDATE or DELETE.
    sql << QStringLiteral("GRANT INSERT ON audit_log TO careboard_viewer");
    Transaction tx(store, error);
    if (!tx.ok() || !store.execDirect(sql, error) || !tx.commit(error))
        return false;
    if (summary) {
        *summary << QStringLiteral("careboard_viewer: reads trends, costs and reference data; writes nothing")
                 << QStringLiteral("careboard_panel:  + reads panel items, decisions and findings; writes panel meetings, items, decisions")
                 << QStringLiteral("careboard_editor: + writes fees, placements, budgets, targets, commentary, reference data, imports; reads the audit log")
                 << QStringLiteral("careboard_admin:  + writes settings; adds people to the roles")
                 << QStringLiteral("audit_log: INSERT for every role, UPDATE/DELETE for none");
    }
    return true;
}

} // namespace StoreRoles
