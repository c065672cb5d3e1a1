#include "cli.h"

#include "domain/importer.h"
#include "store/store.h"

#include <QElapsedTimer>

namespace Cli {

int import(const QStringList &arguments)
{
    const SubCommand &cmd = *find(QStringLiteral("import"));
    QCommandLineParser parser;
    parser.addOptions({{"db", "Store to load the files into.", "FILE"}});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to import; kinds recognised by header row."), QStringLiteral("FILE..."));
    if (!parse(parser, arguments, cmd, true))
        return Usage;
    QString db;
    if (!requireOption(parser, QStringLiteral("db"), cmd, &db))
        return Usage;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        printUsageError(cmd, QStringLiteral("give at least one file to import"));
        return Usage;
    }

    QElapsedTimer timer;
    timer.start();
    QString error;
    auto store = Store::open(db, &error);
    if (!store) {
        err() << "careboard import: " << error << Qt::endl;
        return InvalidData;
    }
    if (!requireRole(*store, &StoreRoles::Access::import, QStringLiteral("editor"), QStringLiteral("importing returns"), cmd))
        return InvalidData;
    Importer importer(*store);
    const Importer::Result result = importer.importFiles(files);
    if (result == Importer::Result::Invalid) {
        for (const ImportError &e : importer.errors())
            err() << e.text() << '\n';
        if (importer.errorCount() > importer.errors().size())
            err() << "... and " << importer.errorCount() - importer.errors().size() << " more errors\n";
        err() << "careboard import: " << importer.errorCount() << (importer.errorCount() == 1 ? " error" : " errors")
              << "; nothing was imported" << Qt::endl;
        return InvalidData;
    }
    if (result != Importer::Result::Imported) {
        err() << "careboard import: " << importer.failure() << "; nothing was imported" << Qt::endl;
        return InvalidData;
    }
    for (const ImportFileSummary &s : importer.summaries())
        out() << s.text() << '\n';
    const auto &findings = importer.findings();
    for (const ImportFinding &f : findings)
        err() << f.text() << '\n';
    out() << "Imported " << files.size() << (files.size() == 1 ? " file" : " files") << " in " << timer.elapsed() << " ms; "
          << findings.size() << (findings.size() == 1 ? " data-quality finding" : " data-quality findings")
          << (findings.isEmpty() ? "" : " (listed on stderr and in the Data screen)") << Qt::endl;
    err().flush();
    return Ok;
}

} // namespace Cli
