#include "store/referencedata.h"

#include "core/csvreader.h"
#include "store/store.h"

#include <QFile>

namespace ReferenceData {

namespace {

struct Category {
    const char *name;
    const char *type;
    const char *provision;
    const char *inhouseEquivalent;
};

// In the order of seed 000's table; pairs per PRODUCT §6 ("difference to in-house").
const Category categories[] = {
    {"Agency Residential", "Residential", "external", "In-house Residential"},
    {"Secure Units", "Residential", "external", nullptr},
    {"In-house Residential", "Residential", "in-house", nullptr},
    {"Independent Fostering Agency", "Fostering", "external", "In-house Fostering"},
    {"In-house Fostering", "Fostering", "in-house", nullptr},
    {"Kinship Fostering", "Fostering", "in-house", "In-house Fostering"},
    {"External Supported Living", "Supported accommodation", "external", "Internal Supported Living"},
    {"Internal Supported Living", "Supported accommodation", "in-house", nullptr},
    {"Placed with parents", "Other", "none", nullptr},
    {"Other", "Other", "none", nullptr},
};

struct Rule {
    std::initializer_list<const char *> places;
    std::initializer_list<const char *> providers; // empty: any provider
    const char *category;
};

// shared/reference/903-codes.md, "A default mapping to local cost categories".
const Rule rules[] = {
    {{"U1", "U2", "U3"}, {}, "Kinship Fostering"},
    {{"U4", "U5", "U6"}, {"PR1", "PR2", "PR3"}, "In-house Fostering"},
    {{"U4", "U5", "U6"}, {"PR4", "PR5"}, "Independent Fostering Agency"},
    {{"K2", "R1", "P3", "S1"}, {"PR1", "PR2", "PR3"}, "In-house Residential"},
    {{"K2", "R1", "P3", "S1"}, {"PR4", "PR5"}, "Agency Residential"},
    {{"K1"}, {}, "Secure Units"},
    {{"H5", "P2", "K3"}, {"PR1", "PR2", "PR3"}, "Internal Supported Living"},
    {{"H5", "P2", "K3"}, {"PR4", "PR5"}, "External Supported Living"},
    {{"P1"}, {}, "Placed with parents"},
};

} // namespace

QString defaultCategory(const QString &place, const QString &placeProvider)
{
    for (const Rule &r : rules) {
        bool placeMatches = false;
        for (const char *p : r.places)
            placeMatches = placeMatches || place == QLatin1String(p);
        if (!placeMatches)
            continue;
        if (r.providers.size() == 0)
            return QString::fromLatin1(r.category);
        for (const char *p : r.providers)
            if (placeProvider == QLatin1String(p))
                return QString::fromLatin1(r.category);
    }
    return QStringLiteral("Other");
}

bool installEnglandComparators(Store &store, QString *error)
{
    QFile file(QStringLiteral(":/careboard/england-comparators.csv"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("The shipped England comparators are missing from this build.");
        return false;
    }
    const QString sql = store.dialect().upsert(
        QStringLiteral("benchmarks"),
        {"indicator", "year", "comparator", "value", "unit", "source"}, {"indicator", "year", "comparator"});
    QSqlQuery q = store.prepare(sql);
    bool header = true;
    bool ok = true;
    const bool parsed = CsvReader::parse(file.readAll(), [&](const CsvReader::Fields &f, int) {
        if (header) {
            header = false;
            return true;
        }
        if (f.size() < 5)
            return true;
        const auto s = [&f](int i) { return QString::fromUtf8(f[i].data(), qsizetype(f[i].size())); };
        q.bindValue(0, s(0));
        q.bindValue(1, s(1).toInt());
        q.bindValue(2, QStringLiteral("England"));
        q.bindValue(3, s(2).toDouble());
        q.bindValue(4, s(3));
        q.bindValue(5, s(4));
        ok = Store::exec(q, error);
        return ok;
    }, error);
    return parsed && ok;
}

bool install(Store &store, QString *error)
{
    Transaction tx(store, error);
    if (!tx.ok())
        return false;
    if (store.scalar(QStringLiteral("SELECT count(*) FROM cost_categories")).toInt() == 0) {
        int order = 0;
        for (const Category &c : categories) {
            if (!store.run(QStringLiteral("INSERT INTO cost_categories (name, sort_order, placement_type, provision) VALUES (?, ?, ?, ?)"),
                           {QString::fromLatin1(c.name), ++order, QString::fromLatin1(c.type), QString::fromLatin1(c.provision)}, error))
                return false;
        }
        for (const Category &c : categories) {
            if (c.inhouseEquivalent
                && !store.run(QStringLiteral("UPDATE cost_categories SET inhouse_equivalent_id ="
                                             " (SELECT category_id FROM cost_categories WHERE name = ?) WHERE name = ?"),
                              {QString::fromLatin1(c.inhouseEquivalent), QString::fromLatin1(c.name)}, error))
                return false;
        }
        for (const Rule &r : rules) {
            const QList<const char *> providers = r.providers.size() ? QList<const char *>(r.providers) : QList<const char *>{""};
            for (const char *place : r.places)
                for (const char *provider : providers)
                    if (!store.run(QStringLiteral("INSERT INTO cost_category_map (place, place_provider, category_id)"
                                                  " SELECT ?, ?, category_id FROM cost_categories WHERE name = ?"),
                                   {QString::fromLatin1(place), QString::fromLatin1(provider), QString::fromLatin1(r.category)}, error))
                        return false;
        }
    }
    if (store.scalar(QStringLiteral("SELECT count(*) FROM benchmarks WHERE comparator = 'England'")).toInt() == 0
        && !installEnglandComparators(store, error))
        return false;
    return tx.commit(error);
}

} // namespace ReferenceData
