#include "indicatorengine.h"

#include "codes.h"
#include "dates.h"
#include "store.h"

#include <algorithm>

IndicatorEngine::IndicatorEngine(Store &store) : m_store(store)
{
    reload();
}

void IndicatorEngine::reload()
{
    CaseStore cases(m_store);
    m_episodes = cases.episodes();
    m_population = cases.population();
    m_dataEnd = cases.dataEnd();
}

qint64 IndicatorEngine::populationFor(const QDate &d) const
{
    // The latest 30 June on or before D.
    const int midYear = (d.month() > 6 || (d.month() == 6 && d.day() == 30)) ? d.year() : d.year() - 1;
    qint64 best = 0;
    for (const auto &[year, count] : m_population)
        if (year <= midYear)
            best = count;
    return best;
}

IndicatorValue IndicatorEngine::withRate(const QDate &d, qint64 count) const
{
    IndicatorValue v;
    v.at = d;
    v.count = count;
    v.denominator = populationFor(d);
    if (v.denominator > 0)
        v.rate = double(count) / double(v.denominator) * 10000.0;
    return v;
}

IndicatorValue IndicatorEngine::claAt(const QDate &d) const
{
    return claSeries({d}).value(0);
}

QVector<IndicatorValue> IndicatorEngine::claSeries(const QVector<QDate> &dates) const
{
    // Each child's time looked after is the union of their non-short-break episodes. Episodes
    // arrive sorted by child then DECOM, so a child's intervals merge in one pass; the merged
    // intervals become +1/-1 events swept once against the ascending dates.
    struct Event {
        qint64 day;
        int delta;
    };
    std::vector<Event> events;
    events.reserve(size_t(m_episodes.size()) * 2);
    qint64 child = -1, curStart = 0, curEnd = 0; // curEnd 0 = open
    bool have = false;
    const auto flush = [&] {
        if (!have)
            return;
        events.push_back({curStart, +1});
        if (curEnd)
            events.push_back({curEnd, -1}); // open at D means end > D: leaving on D is not counted
        have = false;
    };
    for (const EpisodeRow &e : m_episodes) {
        if (Codes::isShortBreak(QString::fromLatin1(e.ls)) || e.decom == 0 || (e.dec && e.dec < e.decom))
            continue;
        if (e.childId != child) {
            flush();
            child = e.childId;
        }
        if (have && (curEnd == 0 || e.decom <= curEnd)) {
            if (curEnd != 0 && (e.dec == 0 || e.dec > curEnd))
                curEnd = e.dec;
        } else {
            flush();
            curStart = e.decom;
            curEnd = e.dec;
            have = true;
        }
    }
    flush();
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.day < b.day; });
    QVector<IndicatorValue> out;
    out.reserve(dates.size());
    size_t i = 0;
    qint64 open = 0;
    for (const QDate &d : dates) {
        const qint64 day = d.toJulianDay();
        while (i < events.size() && events[i].day <= day)
            open += events[i++].delta;
        out.push_back(withRate(d, open));
    }
    return out;
}

QVector<QDate> IndicatorEngine::monthEnds(const QDate &from, const QDate &to)
{
    QVector<QDate> out;
    for (QDate m(from.year(), from.month(), 1); m <= to; m = m.addMonths(1))
        out << Dates::monthEnd(m.year(), m.month());
    return out;
}
