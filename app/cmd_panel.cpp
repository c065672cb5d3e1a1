#include "cli.h"

#include "core/dates.h"
#include "domain/agenda.h"
#include "domain/panelrules.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cli {

static QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return s;
}

int panel(const QStringList &arguments)
{
    const SubCommand &cmd = *find(QStringLiteral("panel"));
    QCommandLineParser parser;
    parser.addOptions({{"db", "Store to read.", "FILE"},
                       {"at", "Date of the agenda.", "YYYY-MM-DD"},
                       {"format", "json or csv (default csv).", "FORMAT"}});
    if (!parse(parser, arguments, cmd))
        return Usage;
    QString db, format;
    QDate d;
    if (!requireOption(parser, QStringLiteral("db"), cmd, &db) || !readDate(parser, QStringLiteral("at"), cmd, &d)
        || !readChoice(parser, QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("csv")}, QStringLiteral("csv"), cmd, &format))
        return Usage;
    auto store = openExisting(db, cmd);
    if (!store)
        return InvalidData;
    // The agenda lists children: child-level, for panel members and above.
    if (!requireRole(*store, &StoreRoles::Access::childLevel, QStringLiteral("panel member"), QStringLiteral("the agenda (child-level)"), cmd))
        return InvalidData;
    const PanelSettings settings = PanelSettings::load(*store);
    const QVector<AgendaItem> agenda = Agenda::build(*store, d, settings);

    if (format == QLatin1String("json")) {
        QJsonArray items;
        QJsonObject counts;
        for (const char *code : PanelRules::flagCodes)
            counts.insert(QLatin1String(code), 0);
        for (const AgendaItem &it : agenda) {
            QJsonArray flags;
            for (const PanelFlag &f : it.flags) {
                flags.append(QJsonObject{{"code", f.code}, {"severity", int(f.severity)}, {"reason", f.reason}});
                counts.insert(f.code, counts.value(f.code).toInt() + 1);
            }
            items.append(QJsonObject{
                {"position", it.position}, {"child_ref", it.childRef}, {"age", it.age}, {"legal_status", it.legalStatus},
                {"place", it.place}, {"placement_type", it.placementType}, {"provider", it.provider},
                {"weekly_fee_pence", it.weeklyFee}, {"additional_weekly_pence", it.additionalWeekly},
                {"weekly_cost_pence", it.weeklyTotal()}, {"weekly_cost", PanelRules::money(it.weeklyTotal())},
                {"days_in_placement", it.daysInPlacement}, {"flags", flags},
                {"last_review", it.lastReview.isValid() ? QJsonValue(Dates::iso(it.lastReview)) : QJsonValue()},
                {"next_review", Dates::iso(it.nextReview)}, {"due_for_review", it.dueForReview}});
        }
        const QJsonObject root{{"at", Dates::iso(d)},
                               {"review_interval_weeks", settings.reviewIntervalWeeks},
                               {"cost_threshold_pence", settings.costThreshold},
                               {"flag_counts", counts},
                               {"items", items}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        out().flush();
        return Ok;
    }
    out() << "position,child_ref,age,placement,provider,weekly_cost_pence,weekly_cost,flags,reasons,due_for_review,next_review\n";
    for (const AgendaItem &it : agenda) {
        QStringList codes, reasons;
        for (const PanelFlag &f : it.flags) {
            codes << f.code;
            reasons << f.reason;
        }
        out() << it.position << ',' << csvField(it.childRef) << ',' << it.age << ',' << csvField(it.place) << ','
              << csvField(it.provider) << ',' << it.weeklyTotal() << ',' << csvField(PanelRules::money(it.weeklyTotal())) << ','
              << csvField(codes.join(QLatin1Char(';'))) << ',' << csvField(reasons.join(QStringLiteral("; "))) << ','
              << (it.dueForReview ? "yes" : "no") << ',' << Dates::iso(it.nextReview) << '\n';
    }
    out().flush();
    return Ok;
}

} // namespace Cli
