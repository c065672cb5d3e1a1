// Exports read back as a reader would: pdftotext and pdfinfo (poppler-utils) on the PDFs.
#include "requirements.h"
#include "exportdialog.h"
#include "reportdocument.h"
#include "reportrenderer.h"
#include "trendchart.h"

#include <QApplication>
#include <QChart>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    static QString pdfText(const QString &path, int page = 0)
    {
        QStringList args{QStringLiteral("-layout")};
        if (page > 0)
            args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
        return run(QStringLiteral("pdftotext"), args << path << QStringLiteral("-"));
    }
    static int pdfPages(const QString &path)
    {
        const QString info = run(QStringLiteral("pdfinfo"), {path});
        for (const QString &line : info.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("Pages:")))
                return line.mid(6).trimmed().toInt();
        return -1;
    }

    // A table of two areas, one with a small count (4) whose rate must be suppressed in public.
    static TableData areaTable()
    {
        TableData t;
        t.title = QStringLiteral("Children looked after by area");
        t.headers = {QStringLiteral("Area"), QStringLiteral("Children"), QStringLiteral("Rate per 10,000")};
        t.rows << QVector<TableCell>{{QStringLiteral("Northgate"), -1, false}, {QStringLiteral("4"), 4, true}, {QStringLiteral("0.4137"), 4, true}};
        t.rows << QVector<TableCell>{{QStringLiteral("Southbank"), -1, false}, {QStringLiteral("912"), 912, true}, {QStringLiteral("71.8824"), 912, true}};
        return t;
    }

    static ReportDocument document(bool publicMode)
    {
        ReportDocument doc;
        doc.title = QStringLiteral("Test pack");
        doc.authority = QStringLiteral("Testshire");
        doc.period = QStringLiteral("2024-25");
        doc.publicMode = publicMode;
        doc.titlePage = true;
        doc.contents = true;
        doc.blocks << ReportBlock::heading(QStringLiteral("Looked after by area")) << ReportBlock::tableBlock(areaTable());
        doc.blocks << ReportBlock::heading(QStringLiteral("Trend"));
        doc.blocks << ReportBlock::chartBlock([] {
            TrendLine line{QStringLiteral("Testshire"), {{QDate(2024, 1, 31), 60, 600, 100000}, {QDate(2024, 2, 29), 62, 620, 100000}}, false};
            return TrendChart::build(QStringLiteral("Looked after trend"), QStringLiteral("Rate per 10,000 under-18s"), {line});
        });
        for (int i = 0; i < 3; ++i) { // long enough to run over several pages
            TableData long_ = areaTable();
            long_.title = QStringLiteral("Repeat %1").arg(i);
            for (int r = 0; r < 30; ++r)
                long_.rows << QVector<TableCell>{{QStringLiteral("Row %1").arg(r), -1, false}, {QStringLiteral("100"), 100, true}, {QStringLiteral("1.0"), 100, true}};
            doc.blocks << ReportBlock::tableBlock(long_);
        }
        return doc;
    }

private slots:
    void initTestCase()
    {
        CAREBOARD_REQUIRE_TOOL("pdftotext");
        CAREBOARD_REQUIRE_TOOL("pdfinfo");
    }

    void everyPageCarriesTheMarkingAndTheTextIsVector()
    {
        const QString path = m_dir.filePath(QStringLiteral("pack.pdf"));
        QString error;
        int pages = 0;
        QVERIFY2(ReportRenderer::writePdf(document(false), path, &error, &pages), qPrintable(error));
        QCOMPARE(pdfPages(path), pages);
        QVERIFY(pages >= 4);
        for (int p = 1; p <= pages; ++p) {
            const QString text = pdfText(path, p);
            QVERIFY2(text.count(QLatin1String("OFFICIAL")) >= 2, qPrintable(QStringLiteral("page %1: %2").arg(p).arg(text)));
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(p).arg(pages)), qPrintable(text));
        }
        const QString all = pdfText(path);
        QVERIFY(all.contains(QLatin1String("Contents")));
        QVERIFY(all.contains(QLatin1String("Looked after by area")));
        // The chart was painted as vector text: its title and axis title can be extracted.
        QVERIFY(all.contains(QLatin1String("Looked after trend")));
        QVERIFY(all.contains(QLatin1String("Rate per 10,000 under-18s")));
        QVERIFY(all.contains(QLatin1String("0.4137")));
    }

    void publicModeSuppressesSmallNumbers()
    {
        const QString path = m_dir.filePath(QStringLiteral("public.pdf"));
        QString error;
        QVERIFY2(ReportRenderer::writePdf(document(true), path, &error), qPrintable(error));
        const QString all = pdfText(path);
        QVERIFY(!all.contains(QLatin1String("0.4137")));                 // the rate derived from 4
        QVERIFY(all.contains(QRegularExpression(QStringLiteral("Northgate\\s+c\\s+c"))));
        QVERIFY(all.contains(QLatin1String("71.8824")));                 // large counts stay
        QVERIFY(all.contains(QLatin1String("Public version")));
        const QByteArray csv = areaTable().toCsv(true);
        QVERIFY(csv.contains("Northgate,c,c"));
        QVERIFY(!csv.contains("0.4137"));
    }

    void childLevelRowsMakeItSensitiveAndAreNeverPublic()
    {
        ReportDocument doc = document(false);
        TableData children;
        children.title = QStringLiteral("Children counted");
        children.headers = {QStringLiteral("Child reference"), QStringLiteral("Age")};
        children.rows << QVector<TableCell>{{QStringLiteral("NF123456"), -1, false}, {QStringLiteral("14"), -1, true}};
        children.childLevel = true;
        doc.blocks << ReportBlock::tableBlock(children);
        QCOMPARE(doc.marking(), QStringLiteral("OFFICIAL-SENSITIVE"));
        const QString path = m_dir.filePath(QStringLiteral("sensitive.pdf"));
        QString error;
        QVERIFY(ReportRenderer::writePdf(doc, path, &error));
        QVERIFY(pdfText(path, 1).contains(QLatin1String("OFFICIAL-SENSITIVE")));
        QVERIFY(pdfText(path).contains(QLatin1String("NF123456")));

        doc.publicMode = true;
        QCOMPARE(doc.marking(), QStringLiteral("OFFICIAL"));
        QVERIFY(ReportRenderer::writePdf(doc, path, &error));
        QVERIFY(!pdfText(path).contains(QLatin1String("NF123456")));
        QVERIFY(!ReportRenderer::writeCsv(children, true, m_dir.filePath(QStringLiteral("c.csv")), &error));
    }

    void anUnwritablePathFailsAndLeavesNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("folder does not exist") << m_dir.filePath(QStringLiteral("missing/folder/pack.pdf"));
        QTest::newRow("path is a folder") << m_dir.path();
    }

    void anUnwritablePathFailsAndLeavesNothing()
    {
        QFETCH(QString, path);
        QString error;
        QVERIFY(!ReportRenderer::writePdf(document(false), path, &error));
        QVERIFY2(error.contains(QLatin1String("Cannot write")) && error.contains(path), qPrintable(error));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing"))));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("*.pdf.*"), QStringLiteral("*.tmp")}, QDir::Files).isEmpty());
    }

    void theDialogExportsEachFormatAndKeepsInputOnFailure_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("pdf") << "pdf" << QByteArray("%PDF");
        QTest::newRow("png") << "png" << QByteArray("\x89PNG");
        QTest::newRow("csv") << "csv" << QByteArray("# OFFICIAL - public version: counts of 1 to 5 shown as c\r\nArea,Children");
    }

    void theDialogExportsEachFormatAndKeepsInputOnFailure()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, magic);
        const ReportBlock chart = ReportBlock::chartBlock([] {
            TrendLine line{QStringLiteral("X"), {{QDate(2024, 1, 31), 60, 600, 100000}}, false};
            return TrendChart::build(QStringLiteral("T"), QStringLiteral("Rate"), {line});
        });
        ExportDialog dialog(QStringLiteral("Looked after by area"), QStringLiteral("Testshire"), chart, areaTable());
        dialog.setFormat(format);
        const QString bad = m_dir.filePath(QStringLiteral("no/such/folder/out.") + format);
        dialog.setPath(bad);
        QVERIFY(!dialog.exportNow());
        QVERIFY2(dialog.lastError().contains(bad), qPrintable(dialog.lastError()));
        const QString good = m_dir.filePath(QStringLiteral("out.") + format);
        dialog.setPath(good);
        dialog.setPublicMode(true);
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.lastError()));
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith(magic));
        // Readable and writable by its owner only (0600), whatever the umask.
        QCOMPARE(QFile::permissions(good) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
                 QFile::ReadOwner | QFile::WriteOwner);
    }

    // A PNG carries the marking in a margin above and below the picture: the image is taller
    // than the block by the two bands, and the bands hold the marking's red.
    void pngCarriesTheMarking()
    {
        const ReportBlock table = ReportBlock::tableBlock(areaTable());
        const QImage plain = ReportRenderer::renderBlock(table, false, 150, 180);
        const QImage marked = ReportRenderer::markedImage(table, false, 150);
        const int band = (marked.height() - plain.height()) / 2;
        QVERIFY(band >= int(7 * 150 / 25.4));
        QCOMPARE(marked.width(), plain.width());
        const auto hasRed = [&](int top) {
            for (int y = top; y < top + band; ++y)
                for (int x = 0; x < marked.width(); ++x) {
                    const QColor c = marked.pixelColor(x, y);
                    if (c.red() > 120 && c.green() < 90 && c.blue() < 90)
                        return true;
                }
            return false;
        };
        QVERIFY(hasRed(0));
        QVERIFY(hasRed(marked.height() - band));
    }

    void pngAtAChosenResolution()
    {
        const ReportBlock chart = ReportBlock::chartBlock([] {
            TrendLine line{QStringLiteral("X"), {{QDate(2024, 1, 31), 60, 600, 100000}}, false};
            return TrendChart::build(QStringLiteral("T"), QStringLiteral("Rate"), {line});
        }, 100);
        const QImage at100 = ReportRenderer::renderBlock(chart, false, 100, 180);
        const QImage at200 = ReportRenderer::renderBlock(chart, false, 200, 180);
        QCOMPARE(at100.width(), int(180 / 25.4 * 100));
        QCOMPARE(at200.width(), int(180 / 25.4 * 200));
        const QImage table = ReportRenderer::renderBlock(ReportBlock::tableBlock(areaTable()), false, 150, 180);
        QVERIFY(table.height() > 50 && table.height() < 1000);
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
