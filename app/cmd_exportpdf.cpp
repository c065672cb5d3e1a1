#include "cli.h"

#include "core/dates.h"
#include "domain/indicatorengine.h"
#include "reportpack.h"
#include "reportrenderer.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>

namespace Cli {

int exportPdf(const QStringList &arguments)
{
    const SubCommand &cmd = *find(QStringLiteral("export-pdf"));
    QCommandLineParser parser;
    parser.addOptions({{"db", "Store to read.", "FILE"},
                       {"out", "PDF file to write.", "FILE.pdf"},
                       {"at", "Date the pack reports to (default: the end of the data).", "YYYY-MM-DD"},
                       {"public", "Public version: small numbers suppressed, no child-level pages."},
                       {"csv", "Also write each table of the pack as CSV into DIR (01-title.csv, ...).", "DIR"}});
    if (!parse(parser, arguments, cmd))
        return Usage;
    QString db, outPath;
    if (!requireOption(parser, QStringLiteral("db"), cmd, &db) || !requireOption(parser, QStringLiteral("out"), cmd, &outPath))
        return Usage;
    QDate at;
    if (!readDate(parser, QStringLiteral("at"), cmd, &at, false))
        return Usage;
    QElapsedTimer timer;
    timer.start();
    auto store = openExisting(db, cmd);
    if (!store)
        return InvalidData;
    QString error;
    IndicatorEngine engine(*store);
    const ReportDocument doc = ReportPack::build(*store, engine, at, parser.isSet(QStringLiteral("public")));
    int pages = 0;
    if (!ReportRenderer::writePdf(doc, outPath, &error, &pages)) {
        err() << "careboard export-pdf: " << error << Qt::endl;
        return InvalidData;
    }
    out() << "Wrote " << outPath << ": " << pages << " pages, marked " << doc.marking()
          << (doc.publicMode ? ", public version" : "") << " (" << timer.elapsed() << " ms)" << Qt::endl;
    if (parser.isSet(QStringLiteral("csv"))) {
        const QDir dir(parser.value(QStringLiteral("csv")));
        if (!QDir().mkpath(dir.path())) {
            err() << "careboard export-pdf: cannot create " << dir.path() << Qt::endl;
            return InvalidData;
        }
        int n = 0;
        for (const ReportBlock &b : doc.blocks) {
            if (b.kind != ReportBlock::Table || (doc.publicMode && b.table.childLevel))
                continue;
            QString name = b.table.title.toLower();
            name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
            const QString path = dir.filePath(QStringLiteral("%1-%2.csv").arg(++n, 2, 10, QLatin1Char('0')).arg(name.left(60)));
            if (!ReportRenderer::writeCsv(b.table, doc.publicMode, path, &error)) {
                err() << "careboard export-pdf: " << error << Qt::endl;
                return InvalidData;
            }
        }
        out() << "Wrote " << n << " tables as CSV to " << dir.path() << Qt::endl;
    }
    return Ok;
}

} // namespace Cli
