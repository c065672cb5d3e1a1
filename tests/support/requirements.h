#pragma once
// What a test needs from the machine, and what happens when it is missing: on a developer's
// machine the test is skipped, saying why; under CI (CI=true) it fails, so a green CI run means
// every test ran (a suite that skips everything counts as passed in CTest).
#include <QByteArray>
#include <QStandardPaths>
#include <QString>
#include <QtTest>

namespace TestSupport {

inline bool underCi()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return ci == "true" || ci == "1";
}

} // namespace TestSupport

// Skips the current test function, or fails it under CI.
#define CAREBOARD_SKIP_OR_FAIL(why)                                                                       \
    do {                                                                                                 \
        const QString whyNot_ = (why);                                                                   \
        if (TestSupport::underCi())                                                                      \
            QFAIL(qPrintable(QStringLiteral("CI=true, and this cannot run: ") + whyNot_));               \
        QSKIP(qPrintable(whyNot_));                                                                      \
    } while (false)

// A command-line tool the test runs (pdftotext, pdfinfo: poppler-utils, installed by scripts/setup).
#define CAREBOARD_REQUIRE_TOOL(tool)                                                                     \
    do {                                                                                                 \
        if (QStandardPaths::findExecutable(QStringLiteral(tool)).isEmpty())                              \
            CAREBOARD_SKIP_OR_FAIL(QStringLiteral(tool " is not installed (scripts/setup installs it)")); \
    } while (false)
