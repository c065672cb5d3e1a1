#include "domain/panelrules.h"

#include "core/codes.h"
#include "core/dates.h"
#include "store/store.h"

namespace {

int intSetting(const Store &store, const char *key, int fallback)
{
    bool ok = false;
    const int v = store.setting(QLatin1String(key)).toInt(&ok);
    return ok ? v : fallback;
}

Money::Pence penceSetting(const Store &store, const char *key, Money::Pence fallback)
{
    bool ok = false;
    const qint64 v = store.setting(QLatin1String(key)).toLongLong(&ok);
    return ok ? v : fallback;
}

} // namespace

PanelSettings PanelSettings::load(const Store &store)
{
    PanelSettings s;
    s.costThreshold = penceSetting(store, "panel.cost_threshold_pence", s.costThreshold);
    s.residentialMaxAge = intSetting(store, "panel.residential_max_age", s.residentialMaxAge);
    s.unregulatedMaxAge = intSetting(store, "panel.unregulated_max_age", s.unregulatedMaxAge);
    const QStringList dols = store.setting(QStringLiteral("panel.dols_ages")).split(QLatin1Char('-'));
    if (dols.size() == 2) {
        bool a = false, b = false;
        const int lo = dols[0].trimmed().toInt(&a), hi = dols[1].trimmed().toInt(&b);
        if (a && b && lo <= hi) {
            s.dolsMinAge = lo;
            s.dolsMaxAge = hi;
        }
    }
    s.monthsTo18 = intSetting(store, "panel.months_to_18", s.monthsTo18);
    s.additionalitiesThreshold = penceSetting(store, "panel.additionalities_threshold_pence", s.additionalitiesThreshold);
    s.reviewIntervalWeeks = std::max(1, intSetting(store, "panel.review_interval_weeks", s.reviewIntervalWeeks));
    return s;
}

QList<QPair<QString, QString>> PanelSettings::values() const
{
    return {
        {QStringLiteral("panel.cost_threshold_pence"), QString::number(costThreshold)},
        {QStringLiteral("panel.residential_max_age"), QString::number(residentialMaxAge)},
        {QStringLiteral("panel.unregulated_max_age"), QString::number(unregulatedMaxAge)},
        {QStringLiteral("panel.dols_ages"), QStringLiteral("%1-%2").arg(dolsMinAge).arg(dolsMaxAge)},
        {QStringLiteral("panel.months_to_18"), QString::number(monthsTo18)},
        {QStringLiteral("panel.additionalities_threshold_pence"), QString::number(additionalitiesThreshold)},
        {QStringLiteral("panel.review_interval_weeks"), QString::number(reviewIntervalWeeks)},
    };
}

bool PanelSettings::save(Store &store, QString *error) const
{
    return save(store, load(store), error);
}

bool PanelSettings::save(Store &store, const PanelSettings &basis, QString *error) const
{
    Transaction tx(store, error);
    if (!tx.ok())
        return false;
    const auto mine = values();
    const auto seen = basis.values();
    for (int i = 0; i < mine.size(); ++i) {
        const QString &key = mine[i].first;
        const QString &value = mine[i].second;
        if (value == seen[i].second)
            continue; // not changed by this edit: whatever the store holds stays
        // Never set (the user saw the default): insert only if still absent. Otherwise the stored
        // text must still be what the user saw.
        const bool absent = !store.hasSetting(key);
        const QString expected = absent && seen[i].second == PanelSettings().values()[i].second ? QString() : seen[i].second;
        if (!store.replaceSetting(key, expected, value, error)
            || !store.audit(QStringLiteral("settings"), key, QStringLiteral("value"), expected.isNull() ? QVariant() : QVariant(expected),
                            value, QStringLiteral("Panel thresholds"), error))
            return false;
    }
    return tx.commit(error);
}

namespace PanelRules {

const char *const flagCodes[8] = {"desired_type_not_achieved", "cost_over_threshold", "young_in_residential",
                                  "inadequate_residential", "unregulated_under_16", "dols_unregulated",
                                  "nearing_18", "additionalities"};

QString flagLabel(const QString &code)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("desired_type_not_achieved"), QStringLiteral("Desired type not achieved")},
        {QStringLiteral("cost_over_threshold"), QStringLiteral("Cost over threshold")},
        {QStringLiteral("young_in_residential"), QStringLiteral("Young in residential")},
        {QStringLiteral("inadequate_residential"), QStringLiteral("Inadequate provider")},
        {QStringLiteral("unregulated_under_16"), QStringLiteral("Unregulated under 16")},
        {QStringLiteral("dols_unregulated"), QStringLiteral("DoLS in unregulated")},
        {QStringLiteral("nearing_18"), QStringLiteral("Nearing 18")},
        {QStringLiteral("additionalities"), QStringLiteral("Additionalities")},
    };
    return labels.value(code, code);
}

QString money(Money::Pence p)
{
    return Money::format(p, p % 100 != 0);
}

bool dolsInForce(const PlacementRecord &p, const QDate &d)
{
    if (!p.dolsFrom.isValid() && !p.dolsTo.isValid())
        return false;
    return (!p.dolsFrom.isValid() || p.dolsFrom <= d) && (!p.dolsTo.isValid() || d <= p.dolsTo);
}

QVector<PanelFlag> evaluate(const PlacementRecord &p, const QDate &d, const PanelSettings &s, const ProviderRatings *ratings)
{
    QVector<PanelFlag> flags;
    const int age = Dates::ageAt(p.dob, d);
    const bool residential = Codes::isResidential(p.place);
    const auto add = [&](int index, FlagSeverity severity, const QString &reason) {
        flags.append({QLatin1String(flagCodes[index]), severity, reason});
    };
    // 1. Desired placement type not achieved due to market availability.
    if (!p.desiredTypeAchieved)
        add(0, FlagSeverity::Medium, QStringLiteral("desired placement type not achieved (market availability)"));
    // 2. External weekly cost (fee plus additionalities) over the threshold: strictly more.
    if (p.weeklyTotal() > s.costThreshold)
        add(1, FlagSeverity::Medium, QStringLiteral("weekly cost %1 exceeds %2").arg(money(p.weeklyTotal()), money(s.costThreshold)));
    // 3. Aged 12 or under in residential provision (K1, K2, R1, S1).
    if (residential && age >= 0 && age <= s.residentialMaxAge)
        add(2, FlagSeverity::High, QStringLiteral("aged %1 in residential provision (%2)").arg(age).arg(p.place));
    // 4. Residential provision whose latest Ofsted judgement is Inadequate.
    if (residential) {
        QDate on = p.ofstedRatedOn;
        QString rating;
        if (ratings)
            rating = ratings->ratingAt(p.provider, d, &on);
        else if (!p.ofstedRatedOn.isValid() || p.ofstedRatedOn <= d)
            rating = p.ofstedRating;
        if (rating.compare(QLatin1String("Inadequate"), Qt::CaseInsensitive) == 0)
            add(3, FlagSeverity::High, on.isValid()
                    ? QStringLiteral("provider judged Inadequate by Ofsted on %1").arg(Dates::uk(on))
                    : QStringLiteral("provider judged Inadequate by Ofsted"));
    }
    // 5. Under 16 in unregulated provision.
    if (!p.regulated && age >= 0 && age <= s.unregulatedMaxAge)
        add(4, FlagSeverity::High, QStringLiteral("aged %1 in unregulated provision").arg(age));
    // 6. Aged 16 or 17, subject to a DoLS order, in unregulated provision.
    if (!p.regulated && age >= s.dolsMinAge && age <= s.dolsMaxAge && dolsInForce(p, d))
        add(5, FlagSeverity::High, p.dolsTo.isValid()
                ? QStringLiteral("aged %1, DoLS order to %2, in unregulated provision").arg(age).arg(Dates::uk(p.dolsTo))
                : QStringLiteral("aged %1, subject to a DoLS order, in unregulated provision").arg(age));
    // 7. Placed externally with the 18th birthday within 6 months (on or before D + 6 months).
    if (p.dob.isValid()) {
        const QDate eighteen = p.dob.addYears(18);
        if (eighteen > d && eighteen <= d.addMonths(s.monthsTo18)) {
            const qint64 days = d.daysTo(eighteen);
            add(6, FlagSeverity::Medium, days < 14 ? QStringLiteral("turns 18 in %1 day%2").arg(days).arg(days == 1 ? "" : "s")
                                                   : QStringLiteral("turns 18 in %1 weeks").arg(days / 7));
        }
    }
    // 8. Additionalities to the placement cost (e.g. extra staffing).
    if (p.additionalWeekly > s.additionalitiesThreshold)
        add(7, FlagSeverity::Low, QStringLiteral("additionalities %1 a week on a fee of %2").arg(money(p.additionalWeekly), money(p.weeklyFee)));
    return flags;
}

int urgency(const QVector<PanelFlag> &flags)
{
    int sum = 0;
    for (const PanelFlag &f : flags)
        sum += int(f.severity);
    return sum;
}

int maxSeverity(const QVector<PanelFlag> &flags)
{
    int m = 0;
    for (const PanelFlag &f : flags)
        m = std::max(m, int(f.severity));
    return m;
}

} // namespace PanelRules
