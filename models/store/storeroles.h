#pragma once
// Roles enforced by the PostgreSQL server (issue #9), not only hidden in the window:
//   careboard_viewer  reads what the trends, scorecard and cost screens aggregate (the
//                     pseudonymous case tables, reference data, costs); writes nothing; cannot
//                     read panel items/decisions (notes about a child), findings or the audit log.
//   careboard_panel   viewer + reads those child-level pages, writes panel_meetings, panel_items,
//                     panel_decisions.
//   careboard_editor  panel + writes fees and placements, budgets, cost snapshots, what-ifs,
//                     targets, commentary, reference data and imports (case tables, findings);
//                     reads the audit log.
//   careboard_admin   editor + writes settings and meta; may add people to the other roles
//                     (GRANT careboard_editor TO alice), holding them WITH ADMIN OPTION.
// No role may write audit_log itself (INSERT, UPDATE, DELETE, TRUNCATE): the server writes it,
// through the audited tables' triggers and careboard_audit() (executable from careboard_panel
// up), naming session_user and its own clock; its guards refuse UPDATE, DELETE and TRUNCATE even
// to the owner. Each role includes the one before it.
#include <QString>
#include <QStringList>
#include <QVector>

class Store;

namespace StoreRoles {

// The four role names, least privileged first.
QStringList names();

// What this connection may do, as the server will enforce it: the window hides what is false.
// On SQLite every field is true (the file's owner; its file permissions protect it). On
// PostgreSQL each is read from the server's own privilege check (has_table_privilege) for the
// connected user, so the window matches the grants exactly, whichever roles conferred them.
struct Access {
    bool childLevel = true;     // child-level pages: panel agenda and cases, drill-down lists, placement lists, findings
    bool panelDecisions = true; // panel meetings and decisions
    bool editCosts = true;      // fees, placements, budgets, cost snapshots, what-ifs, categories and mapping
    bool editScorecard = true;  // targets and commentary
    bool import = true;         // imports of returns (the case tables)
    bool readAudit = true;      // the audit log
    bool administer = true;     // settings such as the panel thresholds
    QString dbUser;             // the server's current_user (empty on SQLite)

    // "administrator", "editor", "panel member" or "viewer": the highest the grants amount to.
    QString roleName() const;
    bool canWriteAnything() const { return panelDecisions || editCosts || editScorecard || import || administer; }
};
Access access(const Store &store);
// Creates the roles if missing (NOLOGIN group roles, cluster-wide) and (re)grants them on this
// store's database and tables; idempotent, run again after an upgrade adds tables. PostgreSQL
// only; needs a user who may create roles (CREATEROLE) and owns the store's tables.
// *summary gets one line per role.
bool install(Store &store, QStringList *summary, QString *error);

// The people with a login on the server who hold a Careboard role, and the highest one each holds
// (directly or through another role), ordered by name. PostgreSQL only.
struct Member {
    QString user;
    QString role; // one of names()
};
QVector<Member> members(const Store &store, QString *error);
// Gives login `user` exactly role `role` (one of names()), taking away any other Careboard role
// it held directly; an empty `role` takes them all away. Needs the store's owner or a member of
// careboard_admin (which holds the other roles WITH ADMIN OPTION). One transaction, audited.
bool assign(Store &store, const QString &user, const QString &role, QString *error);

} // namespace StoreRoles
