// `careboard export-pdf`: the report pack written headless from a store.
#include "requirements.h"
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestCliExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    static int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless on its own
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CAREBOARD_EXE), args);
        if (!p.waitForFinished(120000))
            return -1;
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput());
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitCode();
    }

    static QString pdfText(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), m_db}), 0);
    }

    void writesThePackHeadless()
    {
        CAREBOARD_REQUIRE_TOOL("pdftotext");
        const QString pdf = m_dir.filePath(QStringLiteral("pack.pdf"));
        QString out, err;
        QCOMPARE(run({QStringLiteral("export-pdf"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), pdf,
                      QStringLiteral("--at"), QStringLiteral("2025-03-31")}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("pages, marked OFFICIAL")), qPrintable(out + err));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QLatin1String("Children looked after")));
        QVERIFY(text.contains(QLatin1String("31/03/2025")));
        QVERIFY(!text.contains(QLatin1String("OFFICIAL-SENSITIVE")));

        const QString publicPdf = m_dir.filePath(QStringLiteral("public.pdf"));
        QCOMPARE(run({QStringLiteral("export-pdf"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), publicPdf,
                      QStringLiteral("--public")}, &out), 0);
        QVERIFY(pdfText(publicPdf).contains(QLatin1String("Public version")));
    }

    void failuresExitWithTheRightCode_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --out") << QStringList{"export-pdf", "--db", "x.sqlite"} << 2 << "--out is required";
        QTest::newRow("bad date") << QStringList{"export-pdf", "--db", "x.sqlite", "--out", "x.pdf", "--at", "31/13/2024"} << 2 << "--at must be a date";
        QTest::newRow("missing store") << QStringList{"export-pdf", "--db", "/nonexistent/x.sqlite", "--out", "x.pdf"} << 1 << "does not exist";
        QTest::newRow("unwritable output") << QStringList{"export-pdf", "--db", "@DB@", "--out", "/nonexistent/dir/x.pdf"} << 1 << "Cannot write";
    }

    void failuresExitWithTheRightCode()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        args.replaceInStrings(QStringLiteral("@DB@"), m_db);
        QString err;
        QCOMPARE(run(args, nullptr, &err), code);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent/dir/x.pdf")));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
