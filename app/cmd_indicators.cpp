#include "cli.h"
#include "cmd_cin.h"

#include "core/dates.h"
#include "domain/costtotals.h"
#include "domain/indicatorengine.h"
#include "domain/returnmeasures.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace Cli {

namespace {

QJsonValue number(double v)
{
    return v == v ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QString csvNumber(const QJsonValue &v)
{
    if (v.isNull())
        return QString();
    if (v.isString())
        return v.toString();
    return QString::number(v.toDouble(), 'g', 17);
}

} // namespace

int indicators(const QStringList &arguments)
{
    const SubCommand &cmd = *find(QStringLiteral("indicators"));
    QCommandLineParser parser;
    parser.addOptions({{"db", "Store to read.", "FILE"},
                       {"at", "The date (YYYY-MM-DD).", "DATE"},
                       {"format", "json (default) or csv.", "FORMAT"},
                       {"children", "Lists the children behind KEY (a CIN census key) instead.", "KEY"}});
    if (!parse(parser, arguments, cmd))
        return Usage;
    QString db, format;
    QDate at;
    if (!requireOption(parser, QStringLiteral("db"), cmd, &db) || !readDate(parser, QStringLiteral("at"), cmd, &at)
        || !readChoice(parser, QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("csv")}, QStringLiteral("json"), cmd, &format))
        return Usage;
    auto store = openExisting(db, cmd);
    if (!store)
        return InvalidData;

    const IndicatorEngine engine(*store);
    if (parser.isSet(QStringLiteral("children"))) {
        if (!CinKeys::printChildren(*store, engine, parser.value(QStringLiteral("children")), at)) {
            printUsageError(cmd, QStringLiteral("--children takes a CIN census key (careboard series --list)"));
            return Usage;
        }
        return Ok;
    }
    const IndicatorSet s = engine.allAt(at);
    const CostTotal cost = CostTotals::at(*store, at);
    const auto v = [&s](IndicatorId id) { return s.value(id); };

    // PRODUCT §8's keys first (numbers unrounded; rates per 10,000; shares 0-1; *_pct in percent).
    QList<QPair<QString, QJsonValue>> fields = {
        {"at", Dates::iso(at)},
        {"population_under18", s.population ? QJsonValue(double(s.population)) : QJsonValue(QJsonValue::Null)},
        {"cla_count", double(v(IndicatorId::Cla).count)},
        {"cla_rate_per_10k", number(v(IndicatorId::Cla).rate)},
        {"cla_starts", double(v(IndicatorId::ClaStarts).count)},
        {"cla_ceased", double(v(IndicatorId::ClaCeased).count)},
        {"cp_count", double(v(IndicatorId::Cp).count)},
        {"cp_rate_per_10k", number(v(IndicatorId::Cp).rate)},
        {"cin_count", double(v(IndicatorId::Cin).count)},
        {"cin_rate_per_10k", number(v(IndicatorId::Cin).rate)},
        {"uasc_count", double(v(IndicatorId::Uasc).count)},
        {"three_plus_placements_pct", number(v(IndicatorId::ThreePlusPlacements).rate * 100.0)},
        {"placement_mix", QJsonValue()},
        {"in_house_share_fostering", number(v(IndicatorId::InHouseShareFostering).rate)},
        {"cost_weekly_total", cost.isAvailable() ? QJsonValue(cost.weeklyPounds()) : QJsonValue(QJsonValue::Null)},
        {"cost_annual_total", cost.isAvailable() ? QJsonValue(cost.annualPounds()) : QJsonValue(QJsonValue::Null)},
        // Beyond §8: what the numbers above were computed from, and the other indicators.
        {"starts_window_from", Dates::iso(s.windowStart)},
        {"cla_starts_rate_per_10k", number(v(IndicatorId::ClaStarts).rate)},
        {"cla_ceased_rate_per_10k", number(v(IndicatorId::ClaCeased).rate)},
        {"collection_year", Dates::financialYearLabel(s.collectionYear)},
        {"three_plus_placements_count", double(v(IndicatorId::ThreePlusPlacements).count)},
        {"long_term_stability_pct", number(v(IndicatorId::LongTermStability).rate * 100.0)},
        {"external_share_fostering", number(v(IndicatorId::ExternalShareFostering).rate)},
        {"external_share_residential", number(v(IndicatorId::ExternalShareResidential).rate)},
        {"relative_friend_share_fostering", number(v(IndicatorId::RelativeFriendShareFostering).rate)},
        {"out_of_area_count", double(v(IndicatorId::OutOfArea).count)},
        {"out_of_area_share", number(v(IndicatorId::OutOfArea).rate)},
        {"unknown_placement_codes", double(s.mixCounts[size_t(Codes::PlacementGroup::Unknown)])},
        {"cost_source", cost.source == CostTotal::Source::Placements ? QStringLiteral("placements")
                        : cost.source == CostTotal::Source::Snapshot ? QStringLiteral("snapshot") : QStringLiteral("none")},
    };
    // PRODUCT §10: the CIN census's front door and child protection.
    CinKeys::appendIndicators(engine, at, &fields);
    // PRODUCT §11's keys: shares as *_pct in percent, counts, means; ceased_by_route an object.
    for (const IndicatorInfo &i : ReturnMeasures::infos()) {
        const IndicatorValue &m = s.value(i.id);
        fields.push_back({i.key, i.unit == IndicatorUnit::Share ? number(m.rate * 100.0)
                                 : i.unit == IndicatorUnit::Count ? QJsonValue(double(m.count)) : number(m.rate)});
    }
    fields.push_back({"ceased_by_route", QJsonValue()});
    QJsonObject routes;
    QList<QPair<QString, QJsonValue>> routeFields;
    for (const IndicatorEngine::RouteCount &r : engine.ceasedByRoute(at)) {
        routes.insert(r.key, double(r.children));
        routeFields.push_back({QStringLiteral("ceased_by_route.") + r.key, double(r.children)});
    }
    QJsonObject mix;
    QList<QPair<QString, QJsonValue>> mixFields;
    for (int g = 0; g < Codes::placementGroupCount; ++g) {
        const QString key = Codes::groupKey(Codes::PlacementGroup(g));
        const IndicatorValue &m = s.values[size_t(int(IndicatorId::MixFoster) + g)];
        mix.insert(key, number(m.rate));
        mixFields.push_back({QStringLiteral("placement_mix.") + key, number(m.rate)});
    }

    if (format == QLatin1String("json")) {
        QJsonObject o;
        for (const auto &[key, value] : fields)
            o.insert(key, key == QLatin1String("placement_mix") ? QJsonValue(mix) : key == QLatin1String("ceased_by_route") ? QJsonValue(routes) : value);
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        QStringList header, row;
        for (const auto &[key, value] : fields) {
            if (key == QLatin1String("placement_mix") || key == QLatin1String("ceased_by_route")) {
                for (const auto &[k, m] : key == QLatin1String("placement_mix") ? mixFields : routeFields) {
                    header << k;
                    row << csvNumber(m);
                }
                continue;
            }
            header << key;
            row << csvNumber(value);
        }
        out() << header.join(QLatin1Char(',')) << '\n' << row.join(QLatin1Char(',')) << Qt::endl;
    }
    out().flush();
    return Ok;
}

} // namespace Cli
