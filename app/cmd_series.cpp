#include "cli.h"
#include "cmd_cin.h"

#include "core/dates.h"
#include "domain/indicatorengine.h"
#include "store/store.h"

#include <QJsonArray>
#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cli {

namespace {

QDate parseMonth(const QString &text)
{
    if (text.size() != 7 || text[4] != u'-')
        return {};
    return Dates::parse(text + QStringLiteral("-01"));
}

QString unitName(IndicatorUnit u)
{
    switch (u) {
    case IndicatorUnit::RatePer10k: return QStringLiteral("rate_per_10k");
    case IndicatorUnit::Share: return QStringLiteral("share");
    case IndicatorUnit::Count: return QStringLiteral("count");
    case IndicatorUnit::Mean: return QStringLiteral("mean");
    }
    return {};
}

} // namespace

int series(const QStringList &arguments)
{
    const SubCommand &cmd = *find(QStringLiteral("series"));
    QCommandLineParser parser;
    parser.addOptions({{"db", "Store to read.", "FILE"},
                       {"indicator", "Indicator name (see --list).", "NAME"},
                       {"from", "First month (YYYY-MM).", "YYYY-MM"},
                       {"to", "Last month (YYYY-MM).", "YYYY-MM"},
                       {"step", "month (default), quarter or year (31 March).", "STEP"},
                       {"format", "json (default) or csv.", "FORMAT"},
                       {"list", "List the indicators."}});
    if (!parse(parser, arguments, cmd))
        return Usage;
    if (parser.isSet("list")) {
        for (const IndicatorInfo &i : Indicators::all())
            out() << i.key << '\t' << unitName(i.unit) << '\t' << i.title << '\n';
        for (const QString &line : CinKeys::listLines())
            out() << line << '\n';
        out().flush();
        return Ok;
    }
    QString db, name, fromText, toText;
    if (!requireOption(parser, QStringLiteral("db"), cmd, &db) || !requireOption(parser, QStringLiteral("indicator"), cmd, &name)
        || !requireOption(parser, QStringLiteral("from"), cmd, &fromText) || !requireOption(parser, QStringLiteral("to"), cmd, &toText))
        return Usage;
    const IndicatorInfo *info = Indicators::find(name);
    if (!info && !CinKeys::isKey(name)) {
        printUsageError(cmd, QStringLiteral("unknown indicator '%1' (careboard series --list names them)").arg(name));
        return Usage;
    }
    const QDate from = parseMonth(fromText), toMonth = parseMonth(toText);
    if (!from.isValid() || !toMonth.isValid()) {
        printUsageError(cmd, QStringLiteral("--from and --to must be months YYYY-MM"));
        return Usage;
    }
    const QDate to = Dates::monthEnd(toMonth.year(), toMonth.month());
    if (to < from) {
        printUsageError(cmd, QStringLiteral("--to must not be before --from"));
        return Usage;
    }
    QString step, format;
    if (!readChoice(parser, QStringLiteral("step"), {QStringLiteral("month"), QStringLiteral("quarter"), QStringLiteral("year")}, QStringLiteral("month"), cmd, &step)
        || !readChoice(parser, QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("csv")}, QStringLiteral("json"), cmd, &format))
        return Usage;
    auto store = openExisting(db, cmd);
    if (!store)
        return InvalidData;

    QVector<QDate> dates = step == QLatin1String("month") ? IndicatorEngine::monthEnds(from, to)
                         : step == QLatin1String("quarter") ? IndicatorEngine::quarterEnds(from, to)
                                                            : IndicatorEngine::yearEnds(from, to);
    dates.erase(std::remove_if(dates.begin(), dates.end(), [&](const QDate &d) { return d < from || d > to; }), dates.end());
    const IndicatorEngine engine(*store);
    if (!info) {
        CinKeys::printSeries(engine, name, step, dates, format);
        return Ok;
    }
    const QVector<IndicatorValue> values = engine.series(info->id, dates);

    if (format == QLatin1String("json")) {
        QJsonArray points;
        for (const IndicatorValue &v : values)
            points.append(QJsonObject{{"date", Dates::iso(v.at)},
                                      {"count", double(v.count)},
                                      {"denominator", double(v.denominator)},
                                      {"value", v.hasRate() ? QJsonValue(v.rate) : QJsonValue(QJsonValue::Null)}});
        out() << QJsonDocument(QJsonObject{{"indicator", info->key}, {"title", info->title}, {"unit", unitName(info->unit)},
                                           {"step", step}, {"points", points}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << "date,count,denominator,value\n";
        for (const IndicatorValue &v : values)
            out() << Dates::iso(v.at) << ',' << v.count << ',' << v.denominator << ','
                  << (v.hasRate() ? QString::number(v.rate, 'g', 17) : QString()) << '\n';
    }
    out().flush();
    return Ok;
}

} // namespace Cli
