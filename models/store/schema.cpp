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

// Version 4: the CIN census (PRODUCT §10), one row per CINdetails keyed by child and referral
// date (a later census replaces it; what hangs from it goes with it), never a name or UPN.
static QStringList v4(const SqlDialect &)
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
            "cin_referrals", "cin_assessments", "cin_assessment_factors", "cin_plans", "cin_section47", "cin_cp_plans",
            "cin_cp_reviews"};
}

} // namespace Schema
