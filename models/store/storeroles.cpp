#include "store/storeroles.h"

#include "store/schema.h"
#include "store/store.h"

#include <QSqlDriver>
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
    // The rest of the 903 (schema version 4): case data like episodes, written by imports.
    const QStringList returnTables = {"cla_reviews", "missing_episodes", "oc2_outcomes", "care_leavers", "adoption_decisions",
                                      "placed_for_adoption", "previous_permanence", "sw_episodes"};
    const QStringList all = Schema::tables();
    QStringList viewerRead;
    for (const QString &t : all)
        if (!childLevel.contains(t) && t != QLatin1String("audit_log"))
            viewerRead << t;
    viewerRead << QStringLiteral("careboard_schema");
    const QStringList panelWrite = {"panel_meetings", "panel_items", "panel_decisions"};
    const QStringList editorWrite = {"placements", "placement_fees", "budgets", "cost_snapshots", "whatif_scenarios",
                                     "targets", "commentary", "cost_categories", "cost_category_map", "benchmarks",
                                     "population", "imports", "children", "episodes", "cp_plans", "cin_episodes", "findings",
                                     "cin_referrals", "cin_assessments", "cin_assessment_factors", "cin_plans", "cin_section47",
                                     "cin_cp_plans", "cin_cp_reviews"};
    const QStringList adminWrite = {"settings", "meta"};
    const QList<Grant> grants = {
        {"careboard_viewer", "SELECT", viewerRead},
        {"careboard_panel", "SELECT", childLevel},
        {"careboard_panel", "INSERT, UPDATE, DELETE", panelWrite},
        {"careboard_editor", "INSERT, UPDATE, DELETE", editorWrite},
        {"careboard_editor", "INSERT, UPDATE, DELETE", returnTables},
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
    // The audit log is the server's to write (Schema v4): the roles that edit append their own
    // entries through careboard_audit(), which names the session's user and the server's clock.
    sql << QStringLiteral("REVOKE ALL ON FUNCTION careboard_audit(text, text, text, text, text, text) FROM PUBLIC, %1")
               .arg(roles.join(QLatin1String(", ")))
        << QStringLiteral("GRANT EXECUTE ON FUNCTION careboard_audit(text, text, text, text, text, text) TO careboard_panel");
    Transaction tx(store, error);
    if (!tx.ok() || !store.execDirect(sql, error) || !tx.commit(error))
        return false;
    if (summary) {
        *summary << QStringLiteral("careboard_viewer: reads trends, costs and reference data; writes nothing")
                 << QStringLiteral("careboard_panel:  + reads panel items, decisions and findings; writes panel meetings, items, decisions")
                 << QStringLiteral("careboard_editor: + writes fees, placements, budgets, targets, commentary, reference data, imports; reads the audit log")
                 << QStringLiteral("careboard_admin:  + writes settings; adds people to the roles")
                 << QStringLiteral("audit_log: written by the server only (each change of an audited table, and"
                                   " careboard_audit() for panel members up); INSERT/UPDATE/DELETE/TRUNCATE for no role");
    }
    return true;
}

QVector<Member> members(const Store &store, QString *error)
{
    QVector<Member> out;
    if (store.dialect().isSQLite()) {
        *error = QStringLiteral("Roles live on a PostgreSQL server; %1 is a file.").arg(store.location());
        return out;
    }
    // For each login, the Careboard roles it is a member of (through any chain of grants).
    QSqlQuery q = store.prepare(QStringLiteral(
        "SELECT u.rolname, c.rolname FROM pg_roles u JOIN pg_roles c ON c.rolname IN (?, ?, ?, ?)"
        " WHERE u.rolcanlogin AND pg_has_role(u.oid, c.oid, 'MEMBER') ORDER BY u.rolname"));
    const QStringList roles = names();
    for (const QString &r : roles)
        q.addBindValue(r);
    if (!Store::exec(q, error))
        return out;
    while (q.next()) {
        const QString user = q.value(0).toString(), role = q.value(1).toString();
        if (out.isEmpty() || out.last().user != user)
            out.append({user, role});
        else if (roles.indexOf(role) > roles.indexOf(out.last().role))
            out.last().role = role;
    }
    return out;
}

bool assign(Store &store, const QString &user, const QString &role, QString *error)
{
    if (store.dialect().isSQLite()) {
        *error = QStringLiteral("Roles live on a PostgreSQL server; %1 is a file, protected by its file permissions.")
                     .arg(store.location());
        return false;
    }
    const QStringList roles = names();
    if (!role.isEmpty() && !roles.contains(role)) {
        *error = QStringLiteral("Unknown role %1; the roles are %2.").arg(role, roles.join(QStringLiteral(", ")));
        return false;
    }
    // The login must exist (checked with a bound value); GRANT cannot take parameters, so its
    // name goes in as an identifier quoted by the driver.
    QSqlQuery who = store.prepare(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"));
    who.addBindValue(user);
    if (!Store::exec(who, error))
        return false;
    if (!who.next() || !who.value(0).toBool()) {
        *error = QStringLiteral("There is no login %1 on the server. Its administrator creates it first, e.g. "
                                "CREATE ROLE %1 LOGIN PASSWORD '...';").arg(user);
        return false;
    }
    const QString quoted = store.database().driver()->escapeIdentifier(user, QSqlDriver::TableName);
    const QString before = [&] {
        QString e;
        for (const Member &m : members(store, &e))
            if (m.user == user)
                return m.role;
        return QString();
    }();
    // The Careboard roles granted to the login directly (the others it holds through them).
    QSqlQuery direct = store.prepare(QStringLiteral(
        "SELECT c.rolname FROM pg_auth_members m JOIN pg_roles c ON c.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
        " WHERE u.rolname = ?"));
    direct.addBindValue(user);
    if (!Store::exec(direct, error))
        return false;
    QStringList held;
    while (direct.next())
        held << direct.value(0).toString();
    QStringList sql;
    for (const QString &r : roles)
        if (r != role && held.contains(r))
            sql << QStringLiteral("REVOKE %1 FROM %2").arg(r, quoted);
    if (!role.isEmpty() && !held.contains(role))
        sql << QStringLiteral("GRANT %1 TO %2").arg(role, quoted);
    Transaction tx(store, error);
    if (!tx.ok() || !store.execDirect(sql, error)
        || !store.audit(QStringLiteral("roles"), user, QStringLiteral("role"), before.isEmpty() ? QVariant() : QVariant(before),
                        role.isEmpty() ? QVariant() : QVariant(role), QStringLiteral("careboard admin"), error))
        return false;
    return tx.commit(error);
}

} // namespace StoreRoles
