#pragma once
// The sub-commands of `careboard` (PRODUCT §8). Each runs headless, prints errors to stderr and
// returns 0 on success, 1 on invalid data (nothing written), 2 on wrong usage.
#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace Cli {

enum Exit { Ok = 0, InvalidData = 1, Usage = 2 };

struct Command {
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(const QStringList &arguments); // arguments start with the command's name
    bool needsGui = false;                    // paints charts: runs on the offscreen platform when headless
};

const QList<Command> &commands();
const Command *find(const QString &name);

QTextStream &out();
QTextStream &err();

// Parses `arguments` with `parser`; on unknown options or stray positionals prints the problem
// and the command's synopsis to stderr and returns false (the caller exits with Usage).
bool parse(QCommandLineParser &parser, const QStringList &arguments, const Command &command, bool allowPositional = false);
// Reads a required option; prints a usage error if missing.
bool requireOption(const QCommandLineParser &parser, const QString &name, const Command &command, QString *value);
void printUsageError(const Command &command, const QString &message);

int demo(const QStringList &arguments);
int panel(const QStringList &arguments);
int indicators(const QStringList &arguments);
int series(const QStringList &arguments);
int exportPdf(const QStringList &arguments);
int import(const QStringList &arguments);
int copy(const QStringList &arguments);
int admin(const QStringList &arguments);

} // namespace Cli
