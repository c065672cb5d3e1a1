#pragma once
// Loads an authority's own files (PRODUCT §5): the SSDA903 return as CSV (header, episodes, UASC)
// or XML, CP plans, CIN episodes, population, benchmarks, placement costs and cost table
// snapshots. Each file's kind is recognised from its header row (or XML root element). An import
// is all or nothing: format errors reject every file given together and nothing is written;
// data-quality findings do not block, they are stored with file, line and rule.
#include "core/importtypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>

class Store;

class Importer
{
public:
    enum class Result { Imported, Invalid, Cancelled, Failed };
    static constexpr int maxListedErrors = 100;

    explicit Importer(Store &store);
    ~Importer();
    Importer(const Importer &) = delete;
    Importer &operator=(const Importer &) = delete;

    // Called now and then with the rows read so far (parsing, then writing); return false to
    // cancel, which rolls everything back.
    void setProgressHandler(std::function<bool(qint64 rows)> handler) { m_progress = std::move(handler); }
    // A store holding the demo authority is refused unless this is set; then the demo case data
    // is removed in the same transaction as the import.
    void setReplaceDemo(bool replace) { m_replaceDemo = replace; }
    // The authority's name and DfE code, stored when the import replaces the demo.
    void setNewAuthority(const QString &name, const QString &laCode) { m_newName = name; m_newCode = laCode; }

    // Imports the files together: one transaction for all of them.
    Result importFiles(const QStringList &paths);
    // The same from memory: (file name as reported, content).
    Result importData(const QList<QPair<QString, QByteArray>> &files);

    // Format errors (the first maxListedErrors) and how many there were in all.
    const QVector<ImportError> &errors() const { return m_errors; }
    int errorCount() const { return m_errorCount; }
    const QVector<ImportFinding> &findings() const { return m_findings; }
    const QVector<ImportFileSummary> &summaries() const { return m_summaries; }
    // Why an import Failed (I/O or the store), for the user.
    QString failure() const { return m_failure; }

    static ImportKind detectKind(const QByteArray &data);
    // Parses without a store (fuzzing, previews): returns the number of format errors.
    static int parseOnly(const QString &name, const QByteArray &data, int *findingCount = nullptr);

private:
    struct Impl;
    Store &m_store;
    std::function<bool(qint64)> m_progress;
    bool m_replaceDemo = false;
    QString m_newName, m_newCode;
    QVector<ImportError> m_errors;
    int m_errorCount = 0;
    QVector<ImportFinding> m_findings;
    QVector<ImportFileSummary> m_summaries;
    QString m_failure;
};
