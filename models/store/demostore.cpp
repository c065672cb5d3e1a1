#include "store/demostore.h"
#include "store/returnstore.h"

#include "core/dates.h"
#include "store/bulkinsert.h"
#include "store/bulkload.h"
#include "store/store.h"

#include <cstring>
#include <tuple>

namespace {

// Formats without allocating: the bound values are copied by the statement, so a QByteArray
// over a small buffer that outlives the bind() call is enough.
class Text
{
public:
    // 'YYYY-MM-DD', or NULL for an invalid date.
    QByteArray iso(const QDate &d)
    {
        if (!d.isValid())
            return QByteArray();
        int y, m, day;
        d.getDate(&y, &m, &day);
        if (y < 1000 || y > 9999)
            return d.toString(Qt::ISODate).toLatin1();
        char *b = m_date;
        b[0] = char('0' + y / 1000);
        b[1] = char('0' + y / 100 % 10);
        b[2] = char('0' + y / 10 % 10);
        b[3] = char('0' + y % 10);
        b[4] = '-';
        b[5] = char('0' + m / 10);
        b[6] = char('0' + m % 10);
        b[7] = '-';
        b[8] = char('0' + day / 10);
        b[9] = char('0' + day % 10);
        return QByteArray::fromRawData(m_date, 10);
    }

    static QByteArray text(const char *s) { return s ? QByteArray::fromRawData(s, qsizetype(std::strlen(s))) : QByteArray(); }

private:
    char m_date[10];
};

} // namespace

bool DemoStore::write(const DemoData &d, QString *error)
{
    Store &store = m_store;
    if (store.hasCaseData() && !store.isDemo()) {
        *error = QStringLiteral("%1 holds imported data; the demo authority is only written to a new store or a demo store.")
                     .arg(store.location());
        return false;
    }
    store.prepareBulkWrite();            // the server's session settings for a bulk load
    BulkLoadSettings settings(store);    // SQLite's, put back afterwards
    Transaction tx(store, error);
    if (!tx.ok())
        return false;
    // Replace any earlier demo: children cascade to episodes, plans and placements.
    for (const char *table : {"panel_decisions", "panel_items", "panel_meetings", "budgets", "placement_fees", "placements",
                              "episodes", "cp_plans", "cin_episodes", "children", "population", "findings", "imports"}) {
        if (!store.run(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), {}, error))
            return false;
    }
    DeferredIndexes indexes(store, {"children", "episodes", "placements", "placement_fees", "cp_plans", "cin_episodes"});
    if (!indexes.drop(error)) {
        *error = QStringLiteral("Writing the demo authority failed: %1").arg(*error);
        return false;
    }
    Text t;
    const auto fail = [&](const BulkInsert &b) {
        *error = QStringLiteral("Writing the demo authority failed: %1").arg(b.error());
        return false;
    };
    {
        BulkInsert ins(store, QStringLiteral("INSERT INTO children (child_id, child_ref, sex, dob, ethnic, uasc) VALUES (?, ?, ?, ?, ?, ?)"));
        for (int i = 0; i < d.children.size(); ++i) {
            const auto &c = d.children[i];
            ins.bind(0, qint64(i + 1));
            ins.bind(1, d.childRef(i));
            ins.bind(2, qint64(c.sex));
            ins.bind(3, t.iso(c.dob));
            ins.bind(4, Text::text(c.ethnic));
            ins.bind(5, qint64(c.uasc ? 1 : 0));
            if (!ins.step())
                return fail(ins);
        }
        if (!ins.finish())
            return fail(ins);
    }
    {
        BulkInsert ins(store, QStringLiteral("INSERT INTO episodes (episode_id, child_id, decom, rne, ls, cin, place, place_provider,"
                                             " dec, rec, reason_place_change, home_post, pl_post) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int i = 0; i < d.episodes.size(); ++i) {
            const auto &e = d.episodes[i];
            ins.bind(0, qint64(i + 1));
            ins.bind(1, qint64(e.child + 1));
            ins.bind(2, t.iso(e.decom));
            ins.bind(3, Text::text(e.rne));
            ins.bind(4, Text::text(e.ls));
            ins.bind(5, Text::text(e.cin));
            ins.bind(6, Text::text(e.place));
            ins.bind(7, Text::text(e.provider));
            ins.bind(8, t.iso(e.dec));
            ins.bind(9, Text::text(e.rec));
            ins.bind(10, Text::text(e.reasonPlaceChange));
            ins.bind(11, Text::text(e.homePost));
            ins.bind(12, Text::text(e.plPost));
            if (!ins.step())
                return fail(ins);
        }
        if (!ins.finish())
            return fail(ins);
    }
    {
        BulkInsert ins(store, QStringLiteral("INSERT INTO placements (placement_id, episode_id, funding, provider, regulated, ofsted_rating,"
                                             " ofsted_rated_on, desired_type_achieved, dols_from, dols_to, planned_end)"
                                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        BulkInsert fee(store, QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence,"
                                             " additional_weekly_pence, reason) VALUES (?, ?, ?, ?, ?)"));
        for (int i = 0; i < d.episodes.size(); ++i) {
            const auto &e = d.episodes[i];
            if (!e.hasPlacement)
                continue;
            const auto &p = d.providers[e.providerIndex];
            ins.bind(0, qint64(i + 1));
            ins.bind(1, qint64(i + 1));
            ins.bind(2, Text::text(e.funding));
            ins.bind(3, p.name);
            ins.bind(4, qint64(e.regulated));
            ins.bind(5, Text::text(p.rating));
            ins.bind(6, t.iso(p.ratedOn));
            ins.bind(7, qint64(e.desiredTypeAchieved));
            ins.bind(8, t.iso(e.dolsFrom));
            ins.bind(9, t.iso(e.dolsTo));
            ins.bind(10, t.iso(e.plannedEnd));
            if (!ins.step())
                return fail(ins);
            fee.bind(0, qint64(i + 1));
            fee.bind(1, t.iso(e.decom));
            fee.bind(2, e.feePence);
            fee.bind(3, e.additionalPence);
            fee.bind(4, Text::text("Placement agreed"));
            if (!fee.step())
                return fail(fee);
        }
        // Every placement row before a fee change can refer to it (batches on PostgreSQL).
        if (!ins.finish())
            return fail(ins);
        for (const auto &f : d.feeChanges) {
            fee.bind(0, qint64(f.episode + 1));
            fee.bind(1, t.iso(f.from));
            fee.bind(2, f.feePence);
            fee.bind(3, f.additionalPence);
            fee.bind(4, Text::text(f.reason));
            if (!fee.step())
                return fail(fee);
        }
        if (!fee.finish())
            return fail(fee);
    }
    for (const auto &[table, dates, rows] : {std::make_tuple("cp_plans", "start_date, end_date, initial_category", &d.cpPlans),
                                             std::make_tuple("cin_episodes", "referral_date, closure_date, primary_need", &d.cinEpisodes)}) {
        BulkInsert ins(store, QStringLiteral("INSERT INTO %1 (child_id, %2) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING").arg(QLatin1String(table), QLatin1String(dates)));
        for (const auto &p : *rows) {
            ins.bind(0, qint64(p.child + 1));
            ins.bind(1, t.iso(p.start));
            ins.bind(2, t.iso(p.end));
            ins.bind(3, Text::text(p.category));
            if (!ins.step())
                return fail(ins);
        }
        if (!ins.finish())
            return fail(ins);
    }
    if (!indexes.create(error)) {
        *error = QStringLiteral("Writing the demo authority failed: %1").arg(*error);
        return false;
    }
    for (const auto &[year, count] : d.population)
        if (!store.run(QStringLiteral("INSERT INTO population (year, age_0_17, source) VALUES (?, ?, ?)"),
                       {year, count, QStringLiteral("Demo authority (fictional)")}, error))
            return false;
    for (const auto &b : d.budgets)
        if (!store.run(QStringLiteral("INSERT INTO budgets (financial_year, category_id, number, unit_cost_week_pence)"
                                      " SELECT ?, category_id, ?, ? FROM cost_categories WHERE name = ?"),
                       {b.financialYear, b.number, b.unitPence, b.category}, error))
            return false;
    for (int m = 0; m < d.meetings.size(); ++m)
        if (!store.run(QStringLiteral("INSERT INTO panel_meetings (meeting_id, meeting_date, chair, status) VALUES (?, ?, ?, ?)"),
                       {m + 1, Dates::iso(d.meetings[m].date), QString::fromLatin1(d.meetings[m].chair),
                        m + 1 == d.meetings.size() ? QStringLiteral("planned") : QStringLiteral("held")}, error))
            return false;
    for (const auto &dec : d.decisions) {
        const auto &e = d.episodes[dec.episode];
        if (!store.run(QStringLiteral("INSERT INTO panel_decisions (meeting_id, child_id, placement_id, decided_on, source, outcome,"
                                      " old_weekly_pence, new_weekly_pence, new_cost_from, actions, next_review, notes)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {dec.meeting < 0 ? QVariant() : QVariant(dec.meeting + 1), e.child + 1, dec.episode + 1,
                        Dates::iso(dec.decidedOn), dec.meeting < 0 ? QStringLiteral("Placements forum") : QStringLiteral("Panel"),
                        QString::fromLatin1(dec.outcome), dec.oldPence, dec.newPence ? QVariant(dec.newPence) : QVariant(),
                        Dates::iso(dec.newFrom).isEmpty() ? QVariant() : QVariant(Dates::iso(dec.newFrom)),
                        QString::fromUtf8(dec.actions), Dates::iso(dec.nextReview), QString::fromUtf8(dec.notes)},
                       error))
            return false;
    }
    if (!ReturnStore(store).writeDemo(d, error))
        return false;
    // Rows were written with explicit ids: later inserts must not collide with them.
    if (!store.resetIdentitySequences(error)
        || !store.setMeta(QStringLiteral("demo"), QStringLiteral("1"), error)
        || !store.setMeta(QStringLiteral("authority_name"), d.authorityName, error)
        || !store.setMeta(QStringLiteral("data_start"), Dates::iso(d.start), error)
        || !store.setMeta(QStringLiteral("data_end"), Dates::iso(d.end), error)
        || !store.setSetting(QStringLiteral("authority_postcode_districts"), d.postcodeDistricts.join(QLatin1Char(' ')), error))
        return false;
    return tx.commit(error);
}
