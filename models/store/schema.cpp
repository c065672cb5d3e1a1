#include "store/schema.h"

namespace Schema {

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

// Version 4: the rest of the 903 (PRODUCT §11), each row with the return (financial year) it
// came in, so that importing a return again replaces that return's rows. No names, no UPNs: the
// child's reference and date of birth stay on children. A finding in an XML file names the child
// and element it was found in (location).
static QStringList v4(const SqlDialect &)
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
                          "placed_for_adoption", "previous_permanence", "sw_episodes"})
        s << QStringLiteral("CREATE INDEX %1_return ON %1(return_year)").arg(QLatin1String(t));
    return s;
}

int latestVersion()
{
    return 4;
}

QStringList migration(int version, const SqlDialect &dialect)
{
    QStringList raw;
    switch (version) {
    case 1: raw = v1(dialect); break;
    case 2: raw = v2(dialect); break;
    case 3: raw = v3(dialect); break;
    case 4: raw = v4(dialect); break;
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
            "cla_reviews", "missing_episodes", "oc2_outcomes", "care_leavers", "adoption_decisions",
            "placed_for_adoption", "previous_permanence", "sw_episodes"};
}

} // namespace Schema
