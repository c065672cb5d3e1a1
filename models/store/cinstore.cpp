#include "store/cinstore.h"

#include "core/importtable.h"
#include "store/bulkinsert.h"
#include "store/bulkload.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include <algorithm>
#include <optional>
#include <map>
#include <set>
#include <unordered_map>

namespace {

struct Iso {
    char text[10];
    explicit Iso(qint64 julian) { ImportTable::isoDate(julian, text); }
    QByteArray bytes() const { return QByteArray(text, 10); }
};

void bindDate(BulkInsert &ins, int index, qint64 julian)
{
    if (!julian) {
        ins.bindNull(index);
        return;
    }
    char buf[10];
    ImportTable::isoDate(julian, buf);
    ins.bind(index, QByteArray(buf, 10)); // copied: the buffer does not outlive the call
}

QByteArray text(const std::string &s)
{
    return s.empty() ? QByteArray() : QByteArray(s.data(), qsizetype(s.size()));
}

// ISO "YYYY-MM-DD" to a Julian day, 0 if empty or not a date.
qint64 julian(const QVariant &v)
{
    if (v.isNull())
        return 0;
    const QString s = v.toString();
    if (s.size() != 10)
        return 0;
    const QDate d(s.left(4).toInt(), s.mid(5, 2).toInt(), s.mid(8, 2).toInt());
    return d.isValid() ? d.toJulianDay() : 0;
}

} // namespace

bool CinStore::writeCensus(const CinData::Census &census, qint64 importId, ImportFileSummary *summary, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const bool profile = qEnvironmentVariableIsSet("CAREBOARD_IMPORT_PROFILE");
    const auto phase = [&](const char *what) {
        if (profile)
            qInfo("census: %s in %lld ms", what, timer.restart());
    };
    // Children by reference: known ones, then the new ones added in one bulk write.
    std::unordered_map<std::string, qint64> ids;
    {
        QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, child_ref FROM children"));
        q.setForwardOnly(true);
        if (!Store::exec(q, error))
            return false;
        while (q.next())
            ids.emplace(q.value(1).toString().toStdString(), q.value(0).toLongLong());
    }
    {
        BulkInsert ins(m_store, QStringLiteral("INSERT INTO children (child_ref, sex, dob) VALUES (?, ?, ?)"));
        std::set<std::string> added;
        for (const CinData::Child &c : census.children) {
            if (ids.count(c.ref) || !added.insert(c.ref).second)
                continue;
            ins.bind(0, text(c.ref));
            if (c.sex)
                ins.bind(1, qint64(c.sex));
            else
                ins.bindNull(1);
            bindDate(ins, 2, c.dob);
            if (!ins.step()) {
                *error = ins.error();
                return false;
            }
        }
        if (!ins.finish()) {
            *error = ins.error();
            return false;
        }
        if (!added.empty()) {
            QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, child_ref FROM children"));
            q.setForwardOnly(true);
            if (!Store::exec(q, error))
                return false;
            while (q.next())
                ids.emplace(q.value(1).toString().toStdString(), q.value(0).toLongLong());
        }
    }

    phase("children");
    // Overlapping CINdetails (same child and referral date) are replaced with all they hold.
    std::set<std::pair<qint64, qint64>> existing;
    {
        QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, referral_date FROM cin_referrals"));
        q.setForwardOnly(true);
        if (!Store::exec(q, error))
            return false;
        while (q.next())
            existing.emplace(q.value(0).toLongLong(), julian(q.value(1)));
    }
    for (const CinData::Child &c : census.children) {
        const qint64 id = ids[c.ref];
        for (const CinData::Referral &r : c.referrals) {
            if (!existing.count({id, r.referral})) {
                ++summary->added;
                continue;
            }
            ++summary->updated;
            for (const char *table : {"cin_cp_reviews", "cin_cp_plans", "cin_section47", "cin_plans", "cin_assessment_factors",
                                      "cin_assessments", "cin_referrals"})
                if (!m_store.run(QStringLiteral("DELETE FROM %1 WHERE child_id = ? AND referral_date = ?").arg(QLatin1String(table)),
                                 {id, QString::fromLatin1(Iso(r.referral).bytes())}, error))
                    return false;
        }
    }

    phase("overlaps replaced");
    // A large census goes in faster without the date indexes, built again once at the end (a
    // sort instead of random B-tree inserts); the transaction covers both.
    std::optional<DeferredIndexes> dateIndexes;
    if (census.referralCount() > 20000) {
        dateIndexes.emplace(m_store, std::initializer_list<const char *>{"cin_referrals", "cin_assessments", "cin_assessment_factors",
                                                                         "cin_section47", "cin_cp_plans", "cin_cp_reviews"});
        if (!dateIndexes->drop(error))
            return false;
    }
    BulkInsert referrals(m_store, QStringLiteral("INSERT INTO cin_referrals (child_id, referral_date, closure_date, referral_source,"
                                                 " primary_need, reason_for_closure, referral_nfa, icpc_date, import_id)"
                                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    BulkInsert assessments(m_store, QStringLiteral("INSERT INTO cin_assessments (child_id, referral_date, seq, start_date, review_date,"
                                                   " authorised_date) VALUES (?, ?, ?, ?, ?, ?)"));
    BulkInsert factors(m_store, QStringLiteral("INSERT INTO cin_assessment_factors (child_id, referral_date, seq, factor) VALUES (?, ?, ?, ?)"));
    BulkInsert plans(m_store, QStringLiteral("INSERT INTO cin_plans (child_id, referral_date, seq, start_date, end_date) VALUES (?, ?, ?, ?, ?)"));
    BulkInsert s47s(m_store, QStringLiteral("INSERT INTO cin_section47 (child_id, referral_date, seq, start_date, icpc_target, icpc_date,"
                                            " icpc_not_required) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    BulkInsert cpps(m_store, QStringLiteral("INSERT INTO cin_cp_plans (child_id, referral_date, seq, start_date, end_date, initial_category,"
                                            " latest_category, previous_plans) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    BulkInsert reviews(m_store, QStringLiteral("INSERT INTO cin_cp_reviews (child_id, referral_date, seq, review_date) VALUES (?, ?, ?, ?)"));
    // CIN episodes (referral to closure) and CP plans for §4's rates, one per key.
    std::map<std::pair<qint64, qint64>, const CinData::Referral *> episodes;
    std::map<std::pair<qint64, qint64>, const CinData::CpPlan *> cpPlans;

    const auto check = [error](BulkInsert &ins) {
        if (ins.step())
            return true;
        *error = ins.error();
        return false;
    };
    for (const CinData::Child &c : census.children) {
        const qint64 id = ids[c.ref];
        for (const CinData::Referral &r : c.referrals) {
            const QByteArray key = Iso(r.referral).bytes();
            referrals.bind(0, id);
            referrals.bind(1, key);
            bindDate(referrals, 2, r.closure);
            referrals.bind(3, text(r.source));
            referrals.bind(4, text(r.primaryNeed));
            referrals.bind(5, text(r.reasonForClosure));
            referrals.bind(6, qint64(r.nfa ? 1 : 0));
            bindDate(referrals, 7, r.icpc);
            if (importId)
                referrals.bind(8, importId);
            else
                referrals.bindNull(8);
            if (!check(referrals))
                return false;
            episodes[{id, r.referral}] = &r;
            qint64 seq = 0;
            for (const CinData::Assessment &a : r.assessments) {
                ++seq;
                assessments.bind(0, id);
                assessments.bind(1, key);
                assessments.bind(2, seq);
                bindDate(assessments, 3, a.start);
                bindDate(assessments, 4, a.review);
                bindDate(assessments, 5, a.authorised);
                if (!check(assessments))
                    return false;
                for (const std::string &f : a.factors) {
                    factors.bind(0, id);
                    factors.bind(1, key);
                    factors.bind(2, seq);
                    factors.bind(3, text(f));
                    if (!check(factors))
                        return false;
                }
            }
            seq = 0;
            for (const CinData::CinPlan &p : r.cinPlans) {
                plans.bind(0, id);
                plans.bind(1, key);
                plans.bind(2, ++seq);
                bindDate(plans, 3, p.start);
                bindDate(plans, 4, p.end);
                if (!check(plans))
                    return false;
            }
            seq = 0;
            for (const CinData::Section47 &s : r.section47s) {
                s47s.bind(0, id);
                s47s.bind(1, key);
                s47s.bind(2, ++seq);
                bindDate(s47s, 3, s.start);
                bindDate(s47s, 4, s.icpcTarget);
                bindDate(s47s, 5, s.icpc);
                s47s.bind(6, qint64(s.icpcNotRequired ? 1 : 0));
                if (!check(s47s))
                    return false;
            }
            seq = 0;
            for (const CinData::CpPlan &p : r.cpPlans) {
                ++seq;
                cpps.bind(0, id);
                cpps.bind(1, key);
                cpps.bind(2, seq);
                bindDate(cpps, 3, p.start);
                bindDate(cpps, 4, p.end);
                cpps.bind(5, text(p.initialCategory));
                cpps.bind(6, text(p.latestCategory));
                if (p.previousPlans >= 0)
                    cpps.bind(7, qint64(p.previousPlans));
                else
                    cpps.bindNull(7);
                if (!check(cpps))
                    return false;
                for (qint64 review : p.reviews) {
                    reviews.bind(0, id);
                    reviews.bind(1, key);
                    reviews.bind(2, seq);
                    bindDate(reviews, 3, review);
                    if (!check(reviews))
                        return false;
                }
                if (p.start)
                    cpPlans[{id, p.start}] = &p;
            }
        }
    }
    for (BulkInsert *ins : {&referrals, &assessments, &factors, &plans, &s47s, &cpps, &reviews})
        if (!ins->finish()) {
            *error = ins->error();
            return false;
        }

    phase("census rows");
    if (dateIndexes && !dateIndexes->create(error))
        return false;
    phase("indexes");
    // Into empty tables (a first census) a plain INSERT saves the upsert's probe per row.
    const auto upsert = [this](const char *table, const QString &sql) {
        return m_store.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(QLatin1String(table)), {}, 1).toInt() != 0
            ? sql : sql.left(sql.indexOf(QLatin1String(" ON CONFLICT")));
    };
    BulkInsert cin(m_store, upsert("cin_episodes", QStringLiteral("INSERT INTO cin_episodes (child_id, referral_date, closure_date, primary_need, import_id)"
                                                                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT (child_id, referral_date) DO UPDATE SET"
                                                                  " closure_date = excluded.closure_date, primary_need = excluded.primary_need,"
                                                                  " import_id = excluded.import_id")));
    for (const auto &[key, r] : episodes) {
        cin.bind(0, key.first);
        cin.bind(1, Iso(key.second).bytes());
        bindDate(cin, 2, r->closure);
        cin.bind(3, text(r->primaryNeed));
        if (importId)
            cin.bind(4, importId);
        else
            cin.bindNull(4);
        if (!check(cin))
            return false;
    }
    BulkInsert cp(m_store, upsert("cp_plans", QStringLiteral("INSERT INTO cp_plans (child_id, start_date, end_date, initial_category, import_id)"
                                                             " VALUES (?, ?, ?, ?, ?) ON CONFLICT (child_id, start_date) DO UPDATE SET"
                                                             " end_date = excluded.end_date, initial_category = excluded.initial_category,"
                                                             " import_id = excluded.import_id")));
    for (const auto &[key, p] : cpPlans) {
        cp.bind(0, key.first);
        cp.bind(1, Iso(key.second).bytes());
        bindDate(cp, 2, p->end);
        cp.bind(3, text(p->initialCategory));
        if (importId)
            cp.bind(4, importId);
        else
            cp.bindNull(4);
        if (!check(cp))
            return false;
    }
    for (BulkInsert *ins : {&cin, &cp})
        if (!ins->finish()) {
            *error = ins->error();
            return false;
        }
    phase("CIN episodes and CP plans");
    return true;
}

bool CinStore::clear(QString *error)
{
    for (const char *table : {"cin_cp_reviews", "cin_cp_plans", "cin_section47", "cin_plans", "cin_assessment_factors",
                              "cin_assessments", "cin_referrals"})
        if (!m_store.run(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), {}, error))
            return false;
    return true;
}

QVector<CinReferralRow> CinStore::referrals() const
{
    QVector<CinReferralRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, referral_date, closure_date, referral_nfa, referral_source"
                                                 " FROM cin_referrals ORDER BY child_id, referral_date"));
    q.setForwardOnly(true);
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), julian(q.value(1)), julian(q.value(2)), q.value(3).toInt() != 0, q.value(4).toString()});
    return out;
}

QVector<CinAssessmentRow> CinStore::assessments() const
{
    QVector<CinAssessmentRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, start_date, authorised_date FROM cin_assessments"
                                                 " ORDER BY child_id, referral_date, seq"));
    q.setForwardOnly(true);
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), julian(q.value(1)), julian(q.value(2))});
    return out;
}

QVector<CinSection47Row> CinStore::section47s() const
{
    QVector<CinSection47Row> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, start_date, icpc_date FROM cin_section47"
                                                 " ORDER BY child_id, referral_date, seq"));
    q.setForwardOnly(true);
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), julian(q.value(1)), julian(q.value(2))});
    return out;
}

QVector<CinCpPlanRow> CinStore::cpPlans() const
{
    QVector<CinCpPlanRow> out;
    QSqlQuery q = m_store.prepare(QStringLiteral("SELECT child_id, start_date, end_date, previous_plans FROM cin_cp_plans"
                                                 " ORDER BY child_id, start_date, referral_date, seq"));
    q.setForwardOnly(true);
    if (Store::exec(q))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), julian(q.value(1)), julian(q.value(2)), q.value(3).isNull() ? -1 : q.value(3).toInt()});
    return out;
}

bool CinStore::hasCensus() const
{
    return m_store.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM cin_referrals)"), {}, 0).toInt() != 0;
}
