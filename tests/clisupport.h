#pragma once
// Runs the built `careboard` executable (CAREBOARD_EXE) for the command-line tests.
#include <QProcess>
#include <QString>
#include <QStringList>

struct CliResult {
    int code;
    QString out, err;
};

inline CliResult runCareboard(const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(QStringLiteral(CAREBOARD_EXE), args);
    if (!p.waitForFinished(timeoutMs))
        return {-1, {}, QStringLiteral("timed out")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
