#pragma once
// The CIN census's SQL (PRODUCT §10): writes a parsed census inside the import's transaction
// (children added as needed, overlapping CINdetails replaced by child and referral date, CIN
// episodes and CP plans derived for §4's rates) and reads back the compact rows the CIN
// measures sweep over.
#include "core/cincensus.h"
#include "core/importtypes.h"

#include <QString>
#include <QVector>

class Store;

struct CinReferralRow {
    qint64 childId = 0;
    qint64 referral = 0;         // Julian day
    qint64 closure = 0;          // 0 while open
    bool nfa = false;
    QString source;              // ReferralSource code
};

struct CinAssessmentRow {
    qint64 childId = 0;
    qint64 start = 0, authorised = 0;
};

struct CinSection47Row {
    qint64 childId = 0;
    qint64 start = 0, icpc = 0;
};

struct CinCpPlanRow {
    qint64 childId = 0;
    qint64 start = 0, end = 0;   // start 0: a plan with no start (a finding; never counted)
    int previousPlans = -1;      // NumberOfPreviousCPP, -1 if not given
};

class CinStore
{
public:
    explicit CinStore(Store &store) : m_store(store) {}

    // Removes every census row (the demo's, before it writes another).
    bool clear(QString *error);
    // Inside the caller's transaction; importId 0 for none (the demo). Counts referrals added and replaced in `summary`.
    bool writeCensus(const CinData::Census &census, qint64 importId, ImportFileSummary *summary, QString *error);

    // Every row of each table, in (child, date) order.
    QVector<CinReferralRow> referrals() const;
    QVector<CinAssessmentRow> assessments() const;
    QVector<CinSection47Row> section47s() const;
    QVector<CinCpPlanRow> cpPlans() const;
    bool hasCensus() const;

private:
    Store &m_store;
};
