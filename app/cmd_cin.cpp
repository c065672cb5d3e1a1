#include "cmd_cin.h"

#include "cli.h"

#include "core/dates.h"
#include "domain/cinmeasures.h"
#include "domain/indicatorengine.h"
#include "store/casestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cli::CinKeys {

namespace {

QString unitName(CinUnit u)
{
    switch (u) {
    case CinUnit::Count: return QStringLiteral("count");
    case CinUnit::RatePer10k: return QStringLiteral("rate_per_10k");
    case CinUnit::Percent: return QStringLiteral("percent");
    case CinUnit::WorkingDays: return QStringLiteral("working_days");
    }
    return {};
}

QJsonValue number(const CinMeasureValue &v)
{
    return v.hasValue() ? QJsonValue(v.value) : QJsonValue(QJsonValue::Null);
}

} // namespace

void appendIndicators(const IndicatorEngine &engine, const QDate &at, QList<QPair<QString, QJsonValue>> *fields)
{
    for (const CinMeasureInfo &info : CinMeasures::all())
        fields->push_back({info.key, number(engine.cinMeasures().value(info.id, at))});
}

QStringList listLines()
{
    QStringList out;
    for (const CinMeasureInfo &i : CinMeasures::all())
        out << QStringLiteral("%1\t%2\t%3").arg(i.key, unitName(i.unit), i.title);
    return out;
}

bool isKey(const QString &key)
{
    return CinMeasures::find(key) != nullptr;
}

void printSeries(const IndicatorEngine &engine, const QString &key, const QString &step, const QVector<QDate> &dates, const QString &format)
{
    const CinMeasureInfo &info = *CinMeasures::find(key);
    const QVector<CinMeasureValue> values = engine.cinMeasures().series(info.id, dates);
    if (format == QLatin1String("json")) {
        QJsonArray points;
        for (const CinMeasureValue &v : values)
            points.append(QJsonObject{{"date", Dates::iso(v.at)},
                                      {"count", double(v.count)},
                                      {"denominator", double(v.denominator)},
                                      {"value", number(v)}});
        out() << QJsonDocument(QJsonObject{{"indicator", info.key}, {"title", info.title}, {"unit", unitName(info.unit)},
                                           {"step", step}, {"points", points}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << "date,count,denominator,value\n";
        for (const CinMeasureValue &v : values)
            out() << Dates::iso(v.at) << ',' << v.count << ',' << v.denominator << ','
                  << (v.hasValue() ? QString::number(v.value, 'g', 17) : QString()) << '\n';
    }
    out().flush();
}

bool printChildren(Store &store, const IndicatorEngine &engine, const QString &key, const QDate &at)
{
    const CinMeasureInfo *info = CinMeasures::find(key);
    if (!info)
        return false;
    const QVector<ChildDetail> children = CaseStore(store).childDetails(engine.cinMeasures().childrenCounted(info->id, at));
    out() << "child_ref,dob\n";
    for (const ChildDetail &c : children)
        out() << c.childRef << ',' << Dates::iso(c.dob) << '\n';
    out().flush();
    return true;
}

} // namespace Cli::CinKeys
