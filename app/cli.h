#pragma once
// The sub-commands of `careboard` (PRODUCT §8). Each runs headless, prints errors to stderr and
// returns 0 on success, 1 on invalid data (nothing written), 2 on wrong usage.
#include <QCommandLineParser>
#include <QDate>
#include <QStringList>
#include <QTextStream>

#include "store/storeroles.h"

#include <memory>

class Store;

namespace Cli {

enum Exit { Ok = 0, InvalidData = 1, Usage = 2 };

struct SubCommand {
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(const QStringList &arguments); // arguments start with the command's name
    bool needsGui = false;                    // paints charts: runs on the offscreen platform when headless
};

const QList<SubCommand> &subCommands();
const SubCommand *find(const QString &name);

QTextStream &out();
QTextStream &err();

// Parses `arguments` with `parser`; on unknown options or stray positionals prints the problem
// and the command's synopsis to stderr and returns false (the caller exits with Usage).
bool parse(QCommandLineParser &parser, const QStringList &arguments, const SubCommand &command, bool allowPositional = false);
// Reads a required option; prints a usage error if missing.
bool requireOption(const QCommandLineParser &parser, const QString &name, const SubCommand &command, QString *value);
void printUsageError(const SubCommand &command, const QString &message);
// Reads --NAME as an ISO date (YYYY-MM-DD); prints a usage error if it is missing (when required) or not a date.
bool readDate(const QCommandLineParser &parser, const QString &name, const SubCommand &command, QDate *value, bool required = true);
// Reads --NAME as one of `choices` (`fallback` when not given); prints a usage error otherwise.
bool readChoice(const QCommandLineParser &parser, const QString &name, const QStringList &choices, const QString &fallback,
                const SubCommand &command, QString *value);
// Opens an existing store (never creates one); prints the refusal and returns nullptr.
std::unique_ptr<Store> openExisting(const QString &location, const SubCommand &command);
// True if the connected user's role grants `what` (a field of StoreRoles::Access); otherwise prints
// that `task` needs `role` and who the user is, and returns false (the caller exits InvalidData).
// The server would refuse anyway; this says so before any work, in words.
bool requireRole(const Store &store, bool StoreRoles::Access::*what, const QString &role, const QString &task, const SubCommand &command);

int demo(const QStringList &arguments);
int panel(const QStringList &arguments);
int indicators(const QStringList &arguments);
int series(const QStringList &arguments);
int exportPdf(const QStringList &arguments);
int import(const QStringList &arguments);
int copy(const QStringList &arguments);
int admin(const QStringList &arguments);

} // namespace Cli
