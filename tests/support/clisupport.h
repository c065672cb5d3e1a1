#pragma once
// Runs the built `careboard` executable (CAREBOARD_EXE) for the command-line tests.
#include <QProcess>
#include <QString>
#include <QStringList>

struct CliResult {
    int code;
    QString out, err;
};

// `environment`: extra NAME=VALUE entries for the child process (e.g. PGPASSWORD for a test login).
inline CliResult runCareboard(const QStringList &args, int timeoutMs = 300000, const QStringList &environment = {})
{
    QProcess p;
    if (!environment.isEmpty())
        p.setEnvironment(QProcess::systemEnvironment() + environment);
    p.start(QStringLiteral(CAREBOARD_EXE), args);
    if (!p.waitForFinished(timeoutMs))
        return {-1, {}, QStringLiteral("timed out")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
