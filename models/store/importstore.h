#pragma once
// The importer's SQL: writes parsed files into the store in one transaction (episodes upserted by
// (CHILD, DECOM), a corrected return's missing episodes removed, population, benchmarks,
// placement costs and cost snapshots upserted by their keys), and reads back the imports, the
// returns loaded and the stored findings for the Data screen.
#include "core/importtypes.h"

#include <QVector>

#include <QDateTime>
#include <functional>
#include <vector>

class Store;
namespace ImportTable { struct ParsedFile; }

struct ImportRecord {
    qint64 importId = 0;
    QString fileName, kind, importedAt, importedBy;
    qint64 rowCount = 0;
    int returnYear = 0;
};

class ImportStore
{
public:
    enum class Outcome { Written, Cancelled, Failed };

    ImportStore(Store &store, const std::function<bool(qint64)> &progress = {}, qint64 rowsSoFar = 0);

    // Writes every file in one transaction; on failure or cancel nothing is left behind.
    // Appends the findings that need the store (no header row, unknown episode or category).
    Outcome write(std::vector<ImportTable::ParsedFile> &files, bool replaceDemo, QVector<ImportFinding> *findings,
                  QVector<ImportFileSummary> *summaries, QString *error);

    // When the import replaces the demo: the authority the data is (Store::setAuthority); with
    // no name given the store says "Unnamed authority", never the demo's name.
    void setNewAuthority(const QString &name, const QString &laCode) { m_newName = name; m_newCode = laCode; }

    // Newest first.
    QVector<ImportRecord> imports() const;
    // Financial years (start year) of the 903 returns loaded, ascending.
    QVector<int> returnYears() const;
    // Stored findings, in file and line order.
    QVector<ImportFinding> findings() const;

private:
    QString m_newName, m_newCode;
    bool tick(qint64 rows = 1);

    Store &m_store;
    std::function<bool(qint64)> m_progress;
    qint64 m_rows = 0;
    bool m_cancelled = false;
};
