#include "store/schema.h"

#include "core/codes.h"
#include "store/store.h"

#include <QSqlQuery>

namespace Schema {

namespace {

// The tables whose every row change the server records in the audit log (PostgreSQL), with
// their keys: what the application has always audited edit by edit (fees, placements, budgets,
// targets, commentary, the panel, settings, reference data, imports), whoever makes the change
// and however (Careboard, psql, any client).
struct AuditedTable {
    const char *table;
    const char *key; // the primary key's columns, comma-separated
};
const AuditedTable auditedTableKeys[] = {
    {"settings", "key"}, {"meta", "key"}, {"targets", "indicator,year"}, {"commentary", "indicator,period"},
    {"benchmarks", "benchmark_id"}, {"population", "year"}, {"cost_categories", "category_id"},
    {"cost_category_map", "map_id"}, {"placements", "placement_id"}, {"placement_fees", "fee_id"},
    {"budgets", "financial_year,category_id"}, {"cost_snapshots", "snapshot_id"}, {"whatif_scenarios", "scenario_id"},
    {"panel_meetings", "meeting_id"}, {"panel_items", "item_id"}, {"panel_decisions", "decision_id"},
    {"imports", "import_id"},
};
// Case data (loaded a return at a time, audited by its imports row): the server records who
// changed how many rows, not the rows themselves, so the audit log holds no copy of a child's data.
const char *const summarisedTables[] = {"children", "episodes", "cp_plans", "cin_episodes", "findings"};

} // namespace

// Version 1: the case data of the DfE returns, reference data and the audit log.
static QStringList v1(const SqlDialect &d)
{
    QStringList s = {
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT)",
        "CREATE TABLE imports (import_id {{ID}}, file_name TEXT NOT NULL, kind TEXT NOT NULL,"
        " imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, row_count INTEGER NOT NULL DEFAULT 0,"
        " return_year INTEGER, content_hash TEXT)",
        // Pseudonymous: the authority's child reference only, never a name or address.
        "CREATE TABLE children (child_id {{ID}}, child_ref TEXT NOT NULL UNIQUE, sex INTEGER,"
        " dob TEXT, ethnic TEXT, uasc INTEGER NOT NULL DEFAULT 0, uasc_ceased TEXT)",
        "CREATE TABLE episodes (episode_id {{ID}},"
        " child_id INTEGER NOT NULL REFERENCES children(child_id) ON DELETE CASCADE,"
        " decom TEXT NOT NULL, rne TEXT, ls TEXT, cin TEXT, place TEXT, place_provider TEXT,"
        " dec TEXT, rec TEXT, reason_place_change TEXT, home_post TEXT, pl_post TEXT, urn TEXT,"
        " return_year INTEGER, import_id INTEGER REFERENCES imports(import_id),"
        " UNIQUE (child_id, decom))",
        "CREATE INDEX episodes_decom ON episodes(decom)",
        "CREATE TABLE cp_plans (plan_id {{ID}},"
        " child_id INTEGER NOT NULL REFERENCES children(child_id) ON DELETE CASCADE,"
        " start_date TEXT NOT NULL, end_date TEXT, initial_category TEXT,"
        " import_id INTEGER REFERENCES imports(import_id), UNIQUE (child_id, start_date))",
        "CREATE TABLE cin_episodes (cin_id {{ID}},"
        " child_id INTEGER NOT NULL REFERENCES children(child_id) ON DELETE CASCADE,"
        " referral_date TEXT NOT NULL, closure_date TEXT, primary_need TEXT,"
        " import_id INTEGER REFERENCES imports(import_id), UNIQUE (child_id, referral_date))",
        // YEAR is the ONS mid-year: the estimate of under-18s on 30 June of that year.
        "CREATE TABLE population (year INTEGER PRIMARY KEY, age_0_17 INTEGER NOT NULL, source TEXT)",
        "CREATE TABLE benchmarks (benchmark_id {{ID}}, indicator TEXT NOT NULL, year INTEGER NOT NULL,"
        " comparator TEXT NOT NULL, value {{REAL}} NOT NULL, unit TEXT, source TEXT,"
        " UNIQUE (indicator, year, comparator))",
        "CREATE TABLE targets (indicator TEXT NOT NULL, year INTEGER NOT NULL, value {{REAL}} NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT, PRIMARY KEY (indicator, year))",
        "CREATE TABLE commentary (indicator TEXT NOT NULL, period TEXT NOT NULL, body TEXT NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT, PRIMARY KEY (indicator, period))",
        "CREATE TABLE findings (finding_id {{ID}}, import_id INTEGER REFERENCES imports(import_id) ON DELETE CASCADE,"
        " file_name TEXT NOT NULL, line INTEGER NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL, child_ref TEXT)",
        "CREATE TABLE audit_log (audit_id {{ID}}, at TEXT NOT NULL, db_user TEXT NOT NULL,"
        " table_name TEXT NOT NULL, row_key TEXT NOT NULL, field TEXT NOT NULL,"
        " old_value TEXT, new_value TEXT, reason TEXT)",
    };
    s += d.appendOnlyGuard(QStringLiteral("audit_log"));
    return s;
}

// Version 2: placement costs, budgets and the Placement Panel.
static QStringList v2(const SqlDialect &)
{
    return {
        "CREATE TABLE cost_categories (category_id {{ID}}, name TEXT NOT NULL UNIQUE,"
        " sort_order INTEGER NOT NULL DEFAULT 0,"
        " placement_type TEXT NOT NULL DEFAULT 'Other',"   // Fostering, Residential, Supported accommodation, Other
        " provision TEXT NOT NULL DEFAULT 'external',"     // in-house, external, none
        " inhouse_equivalent_id INTEGER REFERENCES cost_categories(category_id),"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT)",
        // PLACE x PLACE_PROVIDER -> category; an empty provider matches any provider.
        "CREATE TABLE cost_category_map (map_id {{ID}}, place TEXT NOT NULL,"
        " place_provider TEXT NOT NULL DEFAULT '',"
        " category_id INTEGER NOT NULL REFERENCES cost_categories(category_id) ON DELETE CASCADE,"
        " UNIQUE (place, place_provider))",
        // Local details of the placement an episode records (PRODUCT §3).
        "CREATE TABLE placements (placement_id {{ID}},"
        " episode_id INTEGER NOT NULL UNIQUE REFERENCES episodes(episode_id) ON DELETE CASCADE,"
        " category_id INTEGER REFERENCES cost_categories(category_id),"
        " funding TEXT, provider TEXT, regulated INTEGER, ofsted_rating TEXT, ofsted_rated_on TEXT,"
        " desired_type_achieved INTEGER, dols_from TEXT, dols_to TEXT, planned_end TEXT,"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT)",
        "CREATE TABLE placement_fees (fee_id {{ID}},"
        " placement_id INTEGER NOT NULL REFERENCES placements(placement_id) ON DELETE CASCADE,"
        " effective_from TEXT NOT NULL, weekly_fee_pence INTEGER NOT NULL,"
        " additional_weekly_pence INTEGER NOT NULL DEFAULT 0, reason TEXT,"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT,"
        " UNIQUE (placement_id, effective_from))",
        "CREATE TABLE budgets (financial_year INTEGER NOT NULL,"
        " category_id INTEGER NOT NULL REFERENCES cost_categories(category_id) ON DELETE CASCADE,"
        " number {{REAL}} NOT NULL DEFAULT 0, unit_cost_week_pence INTEGER NOT NULL DEFAULT 0,"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT,"
        " PRIMARY KEY (financial_year, category_id))",
        // A month's cost table as entered or imported (seed 000), for months without case-level data.
        "CREATE TABLE cost_snapshots (snapshot_id {{ID}}, month TEXT NOT NULL, category TEXT NOT NULL,"
        " ave_unit_cost_week_pence INTEGER NOT NULL, number INTEGER NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT, UNIQUE (month, category))",
        "CREATE TABLE whatif_scenarios (scenario_id {{ID}}, name TEXT NOT NULL UNIQUE, month TEXT,"
        " definition TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT)",
        "CREATE TABLE panel_meetings (meeting_id {{ID}}, meeting_date TEXT NOT NULL, chair TEXT,"
        " status TEXT NOT NULL DEFAULT 'planned',"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT)",
        "CREATE TABLE panel_items (item_id {{ID}},"
        " meeting_id INTEGER NOT NULL REFERENCES panel_meetings(meeting_id) ON DELETE CASCADE,"
        " child_id INTEGER NOT NULL REFERENCES children(child_id) ON DELETE CASCADE,"
        " placement_id INTEGER REFERENCES placements(placement_id) ON DELETE SET NULL,"
        " position INTEGER NOT NULL, flags TEXT, UNIQUE (meeting_id, child_id))",
        "CREATE TABLE panel_decisions (decision_id {{ID}},"
        " meeting_id INTEGER REFERENCES panel_meetings(meeting_id) ON DELETE SET NULL,"
        " child_id INTEGER NOT NULL REFERENCES children(child_id) ON DELETE CASCADE,"
        " placement_id INTEGER REFERENCES placements(placement_id) ON DELETE SET NULL,"
        " decided_on TEXT NOT NULL, source TEXT NOT NULL DEFAULT 'Panel',"  // Panel, Placements forum
        " outcome TEXT NOT NULL,"  // continue, reduce cost, step down, seek alternative, other
        " old_weekly_pence INTEGER, new_weekly_pence INTEGER, new_cost_from TEXT,"
        " actions TEXT, next_review TEXT, notes TEXT,"
        " version INTEGER NOT NULL DEFAULT 1, changed_by TEXT, changed_at TEXT)",
        "CREATE INDEX panel_decisions_child ON panel_decisions(child_id)",
    };
}

// Version 3: placements open at a date are found from both ends of their episode. Most
// episodes closed long ago, so "DEC IS NULL OR DEC > D" reads a few rows through this index.
static QStringList v3(const SqlDialect &)
{
    return {"CREATE INDEX episodes_dec ON episodes(dec)"};
}

// PostgreSQL: case data's statement triggers, so that the server records who changed how many
// rows of `table` (version 4's careboard_audit_rows in its 'summary' form), whoever writes them.
static QStringList summaryAuditTriggers(const char *table)
{
    const QString t = QLatin1String(table);
    return {
        QStringLiteral("CREATE TRIGGER %1_audit_insert AFTER INSERT ON %1 REFERENCING NEW TABLE AS new_rows"
                       " FOR EACH STATEMENT EXECUTE FUNCTION careboard_audit_rows('summary')").arg(t),
        QStringLiteral("CREATE TRIGGER %1_audit_update AFTER UPDATE ON %1 REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
                       " FOR EACH STATEMENT EXECUTE FUNCTION careboard_audit_rows('summary')").arg(t),
        QStringLiteral("CREATE TRIGGER %1_audit_delete AFTER DELETE ON %1 REFERENCING OLD TABLE AS old_rows"
                       " FOR EACH STATEMENT EXECUTE FUNCTION careboard_audit_rows('summary')").arg(t),
        QStringLiteral("CREATE TRIGGER %1_audit_truncate AFTER TRUNCATE ON %1"
                       " FOR EACH STATEMENT EXECUTE FUNCTION careboard_audit_rows('summary')").arg(t),
    };
}

// Version 4: an audit log the server keeps (issue #15). PostgreSQL: every INSERT, UPDATE,
// DELETE and TRUNCATE of an audited table writes its own audit rows through statement-level
// triggers whose function runs as the store's owner (SECURITY DEFINER), so an edit made from psql
// is logged like one made in Careboard; db_user is session_user and `at` the server's clock,
// set by a trigger on audit_log itself whatever a client sends; no role but the owner holds any
// privilege to write audit_log (the application's own entries, with their reasons, go through
// careboard_audit(), which cannot be given a user or a time); TRUNCATE is refused like UPDATE
// and DELETE. SQLite: an entry must be dated by the engine's own clock when it is written. (A
// SQLite file has one user, its owner, who can do anything to it; the guard stops mistakes and
// careless tools, not the owner.)
static QStringList v4(const SqlDialect &d)
{
    if (d.isSQLite())
        return d.auditEntryGuard();
    // The server's clock in the format the application has always written (UTC, milliseconds).
    const QString now = QStringLiteral("to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    QStringList s = {
        // Whatever a client sends, the server names the session's user and its own clock.
        QStringLiteral("CREATE FUNCTION careboard_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS"
                       " $$ BEGIN NEW.db_user := session_user; NEW.at := %1; RETURN NEW; END $$").arg(now),
        "CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION careboard_audit_stamp()",
        // The row guard of version 1 refused UPDATE and DELETE; TRUNCATE fires no row trigger.
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
        " $$ BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$",
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
        // The application's own entries (a reason, old and new values in its terms).
        QStringLiteral("CREATE FUNCTION careboard_audit(p_table text, p_row_key text, p_field text, p_old text, p_new text, p_reason text)"
                       " RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN"
                       " IF upper(p_field) IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE') THEN"
                       "  RAISE EXCEPTION 'careboard_audit: % entries are written by the server only', upper(p_field);"
                       " END IF;"
                       " INSERT INTO audit_log (at, db_user, table_name, row_key, field, old_value, new_value, reason)"
                       "  VALUES (%1, session_user, p_table, p_row_key, p_field, p_old, p_new, p_reason);"
                       " END $$").arg(now),
        // The server's own entries: one per row changed (field INSERT/UPDATE/DELETE; the values as
        // JSON, only the columns changed for an UPDATE), or per statement for the case tables.
        QString::fromLatin1(R"SQL(CREATE FUNCTION careboard_audit_rows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
DECLARE
    client text := 'recorded by the server; client: ' || coalesce(nullif(current_setting('application_name', true), ''), 'unnamed');
    key_expr text;
    join_on text;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO audit_log (at, db_user, table_name, row_key, field, reason)
            VALUES ({{STAMP}}, session_user, TG_TABLE_NAME, '*', 'TRUNCATE', client);
        RETURN NULL;
    END IF;
    IF TG_ARGV[0] = 'summary' THEN
        EXECUTE format('INSERT INTO audit_log (at, db_user, table_name, row_key, field, reason)'
                       ' SELECT {{STAMP_IN_LITERAL}}, session_user, %L, count(*) || '' rows'', %L, %L FROM %I HAVING count(*) > 0',
                       TG_TABLE_NAME, TG_OP, client, CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END);
        RETURN NULL;
    END IF;
    SELECT string_agg(format('r.%I::text', k), ' || ''/'' || '), string_agg(format('o.%1$I = r.%1$I', k), ' AND ')
        INTO key_expr, join_on FROM unnest(TG_ARGV[1:]) AS k;
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO audit_log (at, db_user, table_name, row_key, field, new_value, reason)'
                       ' SELECT {{STAMP_IN_LITERAL}}, session_user, %L, %s, ''INSERT'', to_jsonb(r)::text, %L FROM new_rows r',
                       TG_TABLE_NAME, key_expr, client);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('INSERT INTO audit_log (at, db_user, table_name, row_key, field, old_value, reason)'
                       ' SELECT {{STAMP_IN_LITERAL}}, session_user, %L, %s, ''DELETE'', to_jsonb(r)::text, %L FROM old_rows r',
                       TG_TABLE_NAME, key_expr, client);
    ELSE
        EXECUTE format('INSERT INTO audit_log (at, db_user, table_name, row_key, field, old_value, new_value, reason)'
                       ' SELECT {{STAMP_IN_LITERAL}}, session_user, %L, %s, ''UPDATE'', d.o::text, d.n::text, %L'
                       ' FROM old_rows o JOIN new_rows r ON %s,'
                       ' LATERAL (SELECT jsonb_object_agg(e.key, e.value) AS o, jsonb_object_agg(e.key, to_jsonb(r) -> e.key) AS n'
                       '  FROM jsonb_each(to_jsonb(o)) e WHERE to_jsonb(r) -> e.key IS DISTINCT FROM e.value) d'
                       ' WHERE d.o IS NOT NULL',
                       TG_TABLE_NAME, key_expr, client, join_on);
    END IF;
    RETURN NULL;
END $f$)SQL").replace(QLatin1String("{{STAMP_IN_LITERAL}}"), QString(now).replace(QLatin1String("'"), QLatin1String("''")))
            .replace(QLatin1String("{{STAMP}}"), now),
    };
    for (const AuditedTable &t : auditedTableKeys) {
        const QString args = QStringLiteral("'rows', '%1'").arg(QString::fromLatin1(t.key).replace(QLatin1Char(','), QLatin1String("', '")));
        s << QStringLiteral("CREATE TRIGGER %1_audit_insert AFTER INSERT ON %1 REFERENCING NEW TABLE AS new_rows"
                            " FOR EACH STATEMENT EXECUTE FUNCTION careboard_audit_rows(%2)").arg(QLatin1String(t.table), args)
          << QStringLiteral("CREATE TRIGGER %1_audit_update AFTER UPDATE ON %1 REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
                            " FOR EACH STATEMENT EXECUTE FUNCTION careboard_audit_rows(%2)").arg(QLatin1String(t.table), args)
          << QStringLiteral("CREATE TRIGGER %1_audit_delete AFTER DELETE ON %1 REFERENCING OLD TABLE AS old_rows"
                            " FOR EACH STATEMENT EXECUTE FUNCTION careboard_audit_rows(%2)").arg(QLatin1String(t.table), args)
          << QStringLiteral("CREATE TRIGGER %1_audit_truncate AFTER TRUNCATE ON %1"
                            " FOR EACH STATEMENT EXECUTE FUNCTION careboard_audit_rows('rows')").arg(QLatin1String(t.table));
    }
    for (const char *t : summarisedTables) {
        s << summaryAuditTriggers(t);
    }
    s << // Functions that run as their owner read only the store's own schema (never a temporary
         // table someone put in front of audit_log).
        "DO $$ BEGIN"
        " EXECUTE format('ALTER FUNCTION careboard_audit_rows() SET search_path = %I, pg_temp', current_schema());"
        " EXECUTE format('ALTER FUNCTION careboard_audit(text, text, text, text, text, text) SET search_path = %I, pg_temp', current_schema());"
        " EXECUTE format('ALTER FUNCTION careboard_audit_stamp() SET search_path = %I, pg_temp', current_schema());"
        " END $$"
      << "REVOKE ALL ON FUNCTION careboard_audit(text, text, text, text, text, text) FROM PUBLIC"
      << "REVOKE ALL ON FUNCTION careboard_audit_rows() FROM PUBLIC"
      << "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC"
      // A store whose roles exist (careboard admin roles): no role writes audit_log directly any
      // more; the roles that edit write their entries through careboard_audit().
      << "DO $$ DECLARE r text; BEGIN"
         " FOREACH r IN ARRAY ARRAY['careboard_viewer', 'careboard_panel', 'careboard_editor', 'careboard_admin'] LOOP"
         "  IF EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN"
         "   EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', r);"
         "  END IF;"
         " END LOOP;"
         " IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'careboard_panel') THEN"
         "  GRANT EXECUTE ON FUNCTION careboard_audit(text, text, text, text, text, text) TO careboard_panel;"
         " END IF;"
         " END $$";
    return s;
}

// Version 5: postcode districts only (PRODUCT §3). HOME_POST and PL_POST were stored as supplied;
// they are cut to their outward code by migrateData(5), in the same transaction.
static QStringList v5(const SqlDialect &)
{
    return {};
}

// Version 6: the rest of the 903 (PRODUCT §11), each row with the return (financial year) it
// came in, so that importing a return again replaces that return's rows. No names, no UPNs: the
// child's reference and date of birth stay on children. A finding in an XML file names the child
// and element it was found in (location).
static QStringList v6(const SqlDialect &d)
{
    const QString tail = QStringLiteral(", return_year INTEGER NOT NULL, import_id INTEGER REFERENCES imports(import_id))");
    const QString child = QStringLiteral(" child_id INTEGER NOT NULL REFERENCES children(child_id) ON DELETE CASCADE,");
    QStringList s = {
        "CREATE TABLE cla_reviews (review_id {{ID}}," + child + " review TEXT NOT NULL, review_code TEXT" + tail,
        "CREATE TABLE missing_episodes (missing_id {{ID}}," + child + " missing TEXT NOT NULL, mis_start TEXT NOT NULL, mis_end TEXT" + tail,
        "CREATE TABLE oc2_outcomes (oc2_id {{ID}}," + child + " sdq_score INTEGER, sdq_reason TEXT, convicted INTEGER,"
        " health_check INTEGER, immunisations INTEGER, teeth_check INTEGER, health_assessment INTEGER, substance_misuse INTEGER,"
        " intervention_received INTEGER, intervention_offered INTEGER" + tail,
        "CREATE TABLE care_leavers (leaver_id {{ID}}," + child + " in_touch TEXT, activ TEXT, accom TEXT" + tail,
        "CREATE TABLE adoption_decisions (ad1_id {{ID}}," + child + " date_int TEXT, date_match TEXT, foster_care TEXT,"
        " nb_adoptr TEXT, sex_adoptr TEXT, ls_adoptr TEXT" + tail,
        "CREATE TABLE placed_for_adoption (placed_id {{ID}}," + child + " date_placed TEXT NOT NULL, date_placed_ceased TEXT,"
        " reason_placed_ceased TEXT" + tail,
        "CREATE TABLE previous_permanence (perm_id {{ID}}," + child + " prev_perm TEXT, la_perm TEXT, date_perm TEXT" + tail,
        "CREATE TABLE sw_episodes (sw_episode_id {{ID}}," + child + " sw_id TEXT NOT NULL, sw_decom TEXT NOT NULL, sw_dec TEXT,"
        " sw_reason TEXT" + tail,
        "ALTER TABLE findings ADD COLUMN location TEXT",
    };
    for (const char *t : {"cla_reviews", "missing_episodes", "oc2_outcomes", "care_leavers", "adoption_decisions",
                          "placed_for_adoption", "previous_permanence", "sw_episodes"}) {
        s << QStringLiteral("CREATE INDEX %1_return ON %1(return_year)").arg(QLatin1String(t));
        // Case data, audited like episodes (version 4): the server records who changed how many rows.
        if (d.isSQLite())
            continue;
        s << summaryAuditTriggers(t);
    }
    return s;
}

static QStringList cinTables();

// Version 7: the CIN census (PRODUCT §10), one row per CINdetails keyed by child and referral
// date (a later census replaces it; what hangs from it goes with it), never a name or UPN. Case
// data: on PostgreSQL the server records who changed how many rows, as for the 903 (version 4).
static QStringList v7(const SqlDialect &d)
{
    QStringList s = cinTables();
    if (d.isSQLite())
        return s;
    for (const char *t : {"cin_referrals", "cin_assessments", "cin_assessment_factors", "cin_plans", "cin_section47", "cin_cp_plans",
                          "cin_cp_reviews"}) {
        s << summaryAuditTriggers(t);
    }
    return s;
}

static QStringList cinTables()
{
    const char *ofReferral = " FOREIGN KEY (child_id, referral_date) REFERENCES cin_referrals(child_id, referral_date) ON DELETE CASCADE";
    return {
        "CREATE TABLE cin_referrals (child_id INTEGER NOT NULL REFERENCES children(child_id) ON DELETE CASCADE,"
        " referral_date TEXT NOT NULL, closure_date TEXT, referral_source TEXT, primary_need TEXT,"
        " reason_for_closure TEXT, referral_nfa INTEGER NOT NULL DEFAULT 0, icpc_date TEXT,"
        " import_id INTEGER REFERENCES imports(import_id), PRIMARY KEY (child_id, referral_date))",
        "CREATE INDEX cin_referrals_date ON cin_referrals(referral_date)",
        QStringLiteral("CREATE TABLE cin_assessments (child_id INTEGER NOT NULL, referral_date TEXT NOT NULL, seq INTEGER NOT NULL,"
                       " start_date TEXT, review_date TEXT, authorised_date TEXT, PRIMARY KEY (child_id, referral_date, seq),%1)").arg(QLatin1String(ofReferral)),
        "CREATE INDEX cin_assessments_authorised ON cin_assessments(authorised_date)",
        "CREATE TABLE cin_assessment_factors (child_id INTEGER NOT NULL, referral_date TEXT NOT NULL, seq INTEGER NOT NULL,"
        " factor TEXT NOT NULL, FOREIGN KEY (child_id, referral_date, seq)"
        " REFERENCES cin_assessments(child_id, referral_date, seq) ON DELETE CASCADE)",
        "CREATE INDEX cin_assessment_factors_key ON cin_assessment_factors(child_id, referral_date, seq)",
        QStringLiteral("CREATE TABLE cin_plans (child_id INTEGER NOT NULL, referral_date TEXT NOT NULL, seq INTEGER NOT NULL,"
                       " start_date TEXT, end_date TEXT, PRIMARY KEY (child_id, referral_date, seq),%1)").arg(QLatin1String(ofReferral)),
        QStringLiteral("CREATE TABLE cin_section47 (child_id INTEGER NOT NULL, referral_date TEXT NOT NULL, seq INTEGER NOT NULL,"
                       " start_date TEXT, icpc_target TEXT, icpc_date TEXT, icpc_not_required INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (child_id, referral_date, seq),%1)").arg(QLatin1String(ofReferral)),
        "CREATE INDEX cin_section47_start ON cin_section47(start_date)",
        "CREATE INDEX cin_section47_icpc ON cin_section47(icpc_date)",
        QStringLiteral("CREATE TABLE cin_cp_plans (child_id INTEGER NOT NULL, referral_date TEXT NOT NULL, seq INTEGER NOT NULL,"
                       " start_date TEXT, end_date TEXT, initial_category TEXT, latest_category TEXT, previous_plans INTEGER,"
                       " PRIMARY KEY (child_id, referral_date, seq),%1)").arg(QLatin1String(ofReferral)),
        "CREATE INDEX cin_cp_plans_start ON cin_cp_plans(start_date)",
        "CREATE TABLE cin_cp_reviews (child_id INTEGER NOT NULL, referral_date TEXT NOT NULL, seq INTEGER NOT NULL,"
        " review_date TEXT NOT NULL, FOREIGN KEY (child_id, referral_date, seq)"
        " REFERENCES cin_cp_plans(child_id, referral_date, seq) ON DELETE CASCADE)",
        "CREATE INDEX cin_cp_reviews_key ON cin_cp_reviews(child_id, referral_date, seq)",
    };
}

int latestVersion()
{
    return 7;
}

QStringList auditedTables()
{
    QStringList out;
    for (const AuditedTable &t : auditedTableKeys)
        out << QString::fromLatin1(t.table);
    return out;
}

bool migrateData(int version, Store &store, QString *error)
{
    if (version != 5)
        return true;
    // Each distinct value is cut once, then each column is rewritten in one pass through a
    // temporary table of (value, district): a return's postcodes are a few thousand, however
    // many episodes share them.
    if (!store.execDirect({QStringLiteral("CREATE TEMP TABLE careboard_postcode_cut (value TEXT PRIMARY KEY, district TEXT)")}, error))
        return false;
    qint64 cut = 0;
    for (const char *column : {"home_post", "pl_post"}) {
        QSqlQuery q = store.prepare(QStringLiteral("SELECT DISTINCT %1 FROM episodes WHERE %1 IS NOT NULL").arg(QLatin1String(column)));
        if (!Store::exec(q, error))
            return false;
        QStringList values;
        while (q.next())
            values << q.value(0).toString();
        if (!store.run(QStringLiteral("DELETE FROM careboard_postcode_cut"), {}, error))
            return false;
        for (const QString &value : std::as_const(values)) {
            const QString district = Codes::postcodeDistrict(value);
            if (district != value
                && !store.run(QStringLiteral("INSERT INTO careboard_postcode_cut (value, district) VALUES (?, ?)"),
                              {value, district.isEmpty() ? QVariant() : QVariant(district)}, error))
                return false;
        }
        QSqlQuery u = store.prepare(QStringLiteral("UPDATE episodes SET %1 = (SELECT district FROM careboard_postcode_cut WHERE value = episodes.%1)"
                                                   " WHERE %1 IN (SELECT value FROM careboard_postcode_cut)").arg(QLatin1String(column)));
        if (!Store::exec(u, error))
            return false;
        cut += u.numRowsAffected();
    }
    if (!store.execDirect({QStringLiteral("DROP TABLE careboard_postcode_cut")}, error))
        return false;
    if (cut == 0)
        return true;
    return store.audit(QStringLiteral("episodes"), QStringLiteral("*"), QStringLiteral("home_post, pl_post"), QVariant(), QVariant(),
                       QStringLiteral("Store version 5: %1 postcodes cut to their district (PRODUCT §3)").arg(cut), error);
}

QStringList migration(int version, const SqlDialect &dialect)
{
    QStringList raw;
    switch (version) {
    case 1: raw = v1(dialect); break;
    case 2: raw = v2(dialect); break;
    case 3: raw = v3(dialect); break;
    case 4: raw = v4(dialect); break;
    case 5: raw = v5(dialect); break;
    case 6: raw = v6(dialect); break;
    case 7: raw = v7(dialect); break;
    default: return {};
    }
    QStringList out;
    for (const QString &s : raw)
        out << dialect.expand(s);
    return out;
}

QStringList tables()
{
    return {"meta", "settings", "imports", "children", "episodes", "cp_plans", "cin_episodes",
            "population", "benchmarks", "targets", "commentary", "findings", "audit_log",
            "cost_categories", "cost_category_map", "placements", "placement_fees", "budgets",
            "cost_snapshots", "whatif_scenarios", "panel_meetings", "panel_items", "panel_decisions",
            "cin_referrals", "cin_assessments", "cin_assessment_factors", "cin_plans", "cin_section47", "cin_cp_plans",
            "cin_cp_reviews",
            "cla_reviews", "missing_episodes", "oc2_outcomes", "care_leavers", "adoption_decisions",
            "placed_for_adoption", "previous_permanence", "sw_episodes"};
}

} // namespace Schema
