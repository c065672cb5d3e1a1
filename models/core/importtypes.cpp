#include "core/importtypes.h"

#include "core/dates.h"

QString importKindName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Header903: return QStringLiteral("903 header");
    case ImportKind::Episodes903: return QStringLiteral("903 episodes");
    case ImportKind::Uasc903: return QStringLiteral("903 UASC");
    case ImportKind::Xml903: return QStringLiteral("903 XML");
    case ImportKind::CpPlans: return QStringLiteral("CP plans");
    case ImportKind::CinEpisodes: return QStringLiteral("CIN episodes");
    case ImportKind::Population: return QStringLiteral("population");
    case ImportKind::Benchmarks: return QStringLiteral("benchmarks");
    case ImportKind::PlacementCosts: return QStringLiteral("placement costs");
    case ImportKind::CostSnapshot: return QStringLiteral("cost table snapshot");
    case ImportKind::CinCensus: return QStringLiteral("CIN census");
    case ImportKind::Reviews903: return QStringLiteral("903 reviews");
    case ImportKind::Missing903: return QStringLiteral("903 missing");
    case ImportKind::Oc2903: return QStringLiteral("903 OC2");
    case ImportKind::Oc3903: return QStringLiteral("903 OC3");
    case ImportKind::Ad1903: return QStringLiteral("903 AD1");
    case ImportKind::PlacedAdoption903: return QStringLiteral("903 placed for adoption");
    case ImportKind::PrevPerm903: return QStringLiteral("903 previous permanence");
    case ImportKind::SwEpisodes903: return QStringLiteral("903 social worker episodes");
    case ImportKind::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString ImportError::text() const
{
    if (!where.isEmpty())
        return QStringLiteral("%1: %2: %3: %4").arg(file, where, column, message);
    return QStringLiteral("%1:%2: %3: %4").arg(file).arg(line).arg(column, message);
}

QString ImportFinding::text() const
{
    if (!where.isEmpty())
        return QStringLiteral("%1: %2: %3: %4").arg(file, where, rule, message);
    return QStringLiteral("%1:%2: %3: %4").arg(file).arg(line).arg(rule, message);
}

QString ImportFileSummary::text() const
{
    QString s = QStringLiteral("%1: %2, %3 %4").arg(file, importKindName(kind)).arg(rows).arg(rows == 1 ? QStringLiteral("row") : QStringLiteral("rows"));
    if (returnYear)
        s += QStringLiteral(" (return %1)").arg(Dates::financialYearLabel(returnYear));
    if (unchanged)
        return s + QStringLiteral(": already imported, nothing changed");
    s += QStringLiteral(": %1 added, %2 updated").arg(added).arg(updated);
    if (removed)
        s += QStringLiteral(", %1 removed").arg(removed);
    if (skipped)
        s += QStringLiteral(", %1 skipped").arg(skipped);
    return s;
}
