// careboard: the window, or a headless sub-command (PRODUCT §8).
#include "cli.h"
#include "domain/demogenerator.h"
#include "mainwindow.h"
#include "store/store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

static void printHelp()
{
    QTextStream &o = Cli::out();
    o << "Careboard " << CAREBOARD_VERSION << ": children's services trends, placement costs and the Placement Panel.\n\n"
      << "usage:\n  careboard [--db FILE|URL]             open the window (default: your own store, with demo data on first run)\n"
      << "      URL: postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=require], a shared store on a PostgreSQL server;\n"
      << "      the password comes from PGPASSWORD, ~/.pgpass or PGPASSFILE, never the command line\n";
    for (const Cli::SubCommand &c : Cli::subCommands())
        o << "  " << c.synopsis << "\n      " << c.summary << "\n";
    o << "\nExit status: 0 success, 1 invalid data (nothing written), 2 wrong usage." << Qt::endl;
}

static int runWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({"db", "Store to open (file or postgresql:// URL).", "FILE|URL"});
    parser.addHelpOption();
    parser.addVersionOption();
    if (!parser.parse(app.arguments())) {
        Cli::err() << "careboard: " << parser.errorText() << "\nTry 'careboard --help'." << Qt::endl;
        return Cli::Usage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        Cli::err() << "careboard: unknown command '" << parser.positionalArguments().first()
                   << "'\nTry 'careboard --help'." << Qt::endl;
        return Cli::Usage;
    }
    const bool firstRunDefault = !parser.isSet("db");
    const QString location = firstRunDefault ? Store::defaultLocation() : parser.value("db");
    QString error;
    auto store = Store::open(location, &error);
    if (!store) {
        QMessageBox::critical(nullptr, QObject::tr("Careboard"), error);
        Cli::err() << "careboard: " << error << Qt::endl;
        return Cli::InvalidData;
    }
    if (firstRunDefault && !store->hasCaseData()) {
        // First run: a working dashboard at once, on clearly labelled fictional data.
        if (!DemoGenerator::write(*store, DemoGenerator::generate(DemoOptions()), &error)) {
            QMessageBox::critical(nullptr, QObject::tr("Careboard"), error);
            return Cli::InvalidData;
        }
    }
    MainWindow window(std::move(store));
    window.show();
    return app.exec();
}

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Careboard"));
    QCoreApplication::setApplicationName(QStringLiteral("careboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CAREBOARD_VERSION));

    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        printHelp();
        return Cli::Ok;
    }
    if (!first.isEmpty() && !first.startsWith(QLatin1Char('-'))) {
        const Cli::SubCommand *command = Cli::find(first);
        if (!command) {
            QCoreApplication app(argc, argv);
            Cli::err() << "careboard: unknown command '" << first << "'\nTry 'careboard --help'." << Qt::endl;
            return Cli::Usage;
        }
        if (command->needsGui) {
            // Charts are painted through Qt's graphics stack: without a display, use the offscreen platform.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
                && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            return command->run(app.arguments().mid(0, 1) + app.arguments().mid(2));
        }
        QCoreApplication app(argc, argv);
        return command->run(app.arguments().mid(0, 1) + app.arguments().mid(2));
    }
    return runWindow(argc, argv);
}
