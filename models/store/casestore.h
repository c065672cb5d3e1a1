#pragma once
// Reads of the case data (903 episodes, CP plans, CIN episodes, population, benchmarks) in the
// compact form the indicator engine sweeps over.
#include <QDate>
#include <QString>
#include <QVector>
#include <functional>

class Store;

struct EpisodeRow {
    qint64 episodeId = 0;
    qint64 childId = 0;
    qint64 decom = 0;            // Julian day
    qint64 dec = 0;              // Julian day; 0 while open
    // 903 codes as stored, whole and NUL-terminated, each with room for one character more than
    // its longest valid code (RNE 1, LS 2, PLACE Z11, PLACE_PROVIDER PR1, REC E4A) so that an
    // invalid longer code is never cut down to a valid one ("S1" is not S, "PR12" not PR1). A code
    // longer still is kept as its start and '~', which no valid code contains.
    char rne[4] = {};
    char ls[4] = {};
    char place[5] = {};
    char provider[5] = {};
    char rec[5] = {};
    char plPost[8] = {};         // placement postcode district (upper case, outward code only)
    bool isOpen() const { return dec == 0; }
};

struct ChildRow {              // what the indicators need of a child: never a name
    qint64 childId = 0;
    qint64 dob = 0;            // Julian day; 0 if unknown
    qint64 uascCeased = 0;     // Julian day UASC status ended; 0 if never or still UASC
    bool uasc = false;
};

struct ChildDetail {           // one child of a drill-down list
    qint64 childId = 0;
    QString childRef;          // the authority's pseudonymous reference
    QDate dob;
};

struct PeriodRow {             // a CP plan or a CIN episode
    qint64 childId = 0;
    qint64 start = 0;          // Julian day
    qint64 end = 0;            // Julian day; 0 while open
};

struct BenchmarkRow {
    QString indicator;
    int year = 0;
    QString comparator;
    double value = 0;
    QString unit, source;
};

class CaseStore
{
public:
    explicit CaseStore(Store &store) : m_store(store) {}

    // Every 903 episode, in (child, DECOM) order. Uses the engine's API on SQLite for speed.
    QVector<EpisodeRow> episodes() const;
    // Every child with a 903 episode, in child_id order.
    QVector<ChildRow> lookedAfterChildren() const;
    // References and dates of birth of the given children (for drill-down lists), in the order given.
    QVector<ChildDetail> childDetails(const QVector<qint64> &childIds) const;
    // CP plans and CIN episodes, in (child, start) order.
    QVector<PeriodRow> cpPlans() const;
    QVector<PeriodRow> cinEpisodes() const;
    // ONS mid-year (30 June of YEAR) under-18 population, by year.
    QVector<QPair<int, qint64>> population() const;
    QVector<BenchmarkRow> benchmarks(const QString &indicator, const QString &comparator = {}) const;
    // The comparators with at least one benchmark row for `indicator` (e.g. England, Region).
    QStringList benchmarkComparators(const QString &indicator) const;
    // The authority's postcode districts (setting authority_postcode_districts), upper case.
    QStringList authorityDistricts() const;
    // Normalises a PL_POST value to its district: "nf1 2ab" -> "NF1" (Codes::postcodeDistrict).
    static QString postcodeDistrict(const QString &plPost);
    // The last date the data covers (meta data_end, else the latest DECOM/DEC), invalid if empty.
    QDate dataEnd() const;

private:
    QVector<PeriodRow> periods(const char *sql) const;
    Store &m_store;
};
