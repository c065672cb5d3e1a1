#include "reportpack.h"

#include "casestore.h"
#include "dates.h"
#include "indicatorengine.h"
#include "reportstore.h"
#include "store.h"
#include "trendchart.h"

#include <QChart>
#include <QLocale>

namespace ReportPack {

namespace {

QLocale uk()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

TableCell count(qint64 n)
{
    return TableCell{uk().toString(n), n, true};
}

TableCell rate(double v, qint64 basis)
{
    return TableCell{v == v ? uk().toString(v, 'f', 1) : QStringLiteral("–"), basis, true};
}

TableCell text(const QString &s)
{
    return TableCell{s, -1, false};
}

// Children looked after: rate per 10,000 at each quarter end of the last five financial years.
void lookedAfterSection(ReportDocument &doc, Store &store, IndicatorEngine &engine, const QDate &at)
{
    const int lastFy = Dates::financialYear(at);
    const QDate from = Dates::financialYearStart(lastFy - 4);
    QVector<QDate> quarterEnds;
    for (QDate q = Dates::quarterEnd(from); q <= at; q = Dates::quarterEnd(q.addDays(1)))
        quarterEnds << q;
    if (quarterEnds.isEmpty() || quarterEnds.last() != at)
        quarterEnds << at;
    const QVector<IndicatorValue> values = engine.claSeries(quarterEnds);
    QVector<BenchmarkRow> england = CaseStore(store).benchmarks(QStringLiteral("cla_31mar_rate_latest_release"), QStringLiteral("England"));

    doc.blocks << ReportBlock::heading(QObject::tr("Children looked after"));
    doc.blocks << ReportBlock::paragraph(QObject::tr(
        "Children looked after at each quarter end, per 10,000 children under 18 (ONS mid-year estimate for the latest "
        "30 June on or before the date). Children on an agreed series of short breaks (legal status V3/V4) are not "
        "counted, as in the DfE's national tables. England: DfE, at 31 March, latest release."));
    const bool publicMode = doc.publicMode;
    const QString authority = doc.authority;
    doc.blocks << ReportBlock::chartBlock([values, england, authority, publicMode, from, at] {
        TrendLine own{authority, {}, false};
        for (const IndicatorValue &v : values)
            if (v.hasRate() && !(publicMode && TableData::isSmallCount(v.count)))
                own.points << TrendPoint{v.at, v.rate, v.count, v.denominator};
        TrendLine eng{QObject::tr("England (DfE, at 31 March)"), {}, true};
        for (const BenchmarkRow &b : england) {
            const QDate d(b.year, 3, 31);
            if (d >= from && d <= at)
                eng.points << TrendPoint{d, b.value, 0, 0};
        }
        return TrendChart::build(QObject::tr("Children looked after per 10,000 children"), QObject::tr("Rate per 10,000 under-18s"),
                                 {own, eng});
    });
    TableData t;
    t.title = QObject::tr("Children looked after: the figures behind the chart");
    t.headers = {QObject::tr("Quarter end"), QObject::tr("Children looked after"), QObject::tr("Under-18 population"),
                 QObject::tr("Rate per 10,000"), QObject::tr("England rate (31 March)")};
    for (const IndicatorValue &v : values) {
        QString e;
        if (v.at.month() == 3 && v.at.day() == 31)
            for (const BenchmarkRow &b : england)
                if (b.year == v.at.year())
                    e = uk().toString(b.value, 'f', 0);
        t.rows << QVector<TableCell>{text(Dates::uk(v.at)), count(v.count), TableCell{uk().toString(v.denominator), -1, true},
                                     rate(v.rate, v.count), TableCell{e, -1, true}};
    }
    t.note = QObject::tr("Sources: the authority's SSDA903 episodes; population: ONS mid-year estimates as loaded; "
                         "England: DfE \"Children looked after in England including adoptions\".");
    doc.blocks << ReportBlock::tableBlock(t);
    const QString commentary = ReportStore::commentary(store, QStringLiteral("cla_rate"), Dates::financialYearLabel(lastFy));
    doc.blocks << ReportBlock::heading(QObject::tr("Commentary"), 2);
    doc.blocks << ReportBlock::paragraph(commentary.isEmpty() ? QObject::tr("No commentary has been written for %1.")
                                                                    .arg(Dates::financialYearLabel(lastFy))
                                                              : commentary);
}

} // namespace

ReportDocument build(Store &store, IndicatorEngine &engine, QDate at, bool publicMode)
{
    if (!at.isValid())
        at = engine.dataEnd().isValid() ? engine.dataEnd() : QDate::currentDate();
    ReportDocument doc;
    doc.title = QObject::tr("Children's services performance report");
    doc.authority = store.authorityName();
    doc.period = QObject::tr("Financial year %1, to %2").arg(Dates::financialYearLabel(Dates::financialYear(at)), Dates::uk(at));
    doc.publicMode = publicMode;
    doc.titlePage = true;
    doc.contents = true;
    lookedAfterSection(doc, store, engine, at);
    return doc;
}

} // namespace ReportPack
