#pragma once
// The indicator engine: PRODUCT §4's definitions computed from the case data, as plain values
// that the command line prints, the charts draw and the scorecard shows. It loads the case data
// once and answers series by sweeping sorted start/end events, not a query per point.
#include "casestore.h"

#include <QDate>
#include <QVector>
#include <limits>

struct IndicatorValue {
    QDate at;
    qint64 count = 0;
    qint64 denominator = 0;                                   // under-18 population used
    double rate = std::numeric_limits<double>::quiet_NaN();   // per 10,000; NaN without a population
    bool hasRate() const { return rate == rate; }
};

class Store;

class IndicatorEngine
{
public:
    explicit IndicatorEngine(Store &store);
    // Re-reads the case data (after an import or an edit of population).
    void reload();

    // Population for D: the mid-year estimate for the latest 30 June on or before D (31 March
    // 2024 uses mid-2023, as the DfE does); else the latest earlier one. 0 if none.
    qint64 populationFor(const QDate &d) const;

    // Children looked after at D: distinct children with an episode open at D (start <= D and
    // (no end or end > D)), excluding legal statuses V3 and V4 (DfE national tables).
    IndicatorValue claAt(const QDate &d) const;
    // The same at many dates in one sweep; `dates` must be ascending.
    QVector<IndicatorValue> claSeries(const QVector<QDate> &dates) const;

    const QVector<EpisodeRow> &episodes() const { return m_episodes; }
    QDate dataEnd() const { return m_dataEnd; }

    // Month ends from the month of `from` to the month of `to`.
    static QVector<QDate> monthEnds(const QDate &from, const QDate &to);

private:
    IndicatorValue withRate(const QDate &d, qint64 count) const;

    Store &m_store;
    QVector<EpisodeRow> m_episodes;
    QVector<QPair<int, qint64>> m_population;
    QDate m_dataEnd;
};
