// Export ▸ PDF / PNG / CSV on every screen of the demo authority, offscreen: each screen's items
// write non-empty files through the ExportDialog; child-level tables (the Trends drill-down, the
// Panel agenda and trackers, the findings) are OFFICIAL-SENSITIVE and refuse the public version;
// a public CSV shows "c" for a small count; the Panel agenda / minutes PDF. PDFs are read back
// with pdftotext (poppler-utils). With CAREBOARD_SCREENSHOT_DIR set the PDFs are kept there.
#include "requirements.h"
#include "costsview.h"
#include "dataview.h"
#include "domain/agenda.h"
#include "domain/demogenerator.h"
#include "exportaction.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "panelminutes.h"
#include "panelview.h"
#include "placementmixview.h"
#include "reportrenderer.h"
#include "scorecardview.h"
#include "store/panelstore.h"
#include "store/store.h"
#include "trendsview.h"

#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QProcess>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <utility>

class TestExportUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    static QString pdfText(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // The fields of one CSV record (RFC 4180 quoting; no line breaks inside these fields).
    static QStringList csvFields(const QByteArray &line)
    {
        QStringList fields;
        QString field;
        bool quoted = false;
        const QString text = QString::fromUtf8(line.trimmed());
        for (int i = 0; i < text.size(); ++i) {
            const QChar ch = text[i];
            if (quoted && ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                field += text[++i];
            else if (ch == QLatin1Char('"'))
                quoted = !quoted;
            else if (ch == QLatin1Char(',') && !quoted)
                fields << std::exchange(field, QString());
            else
                field += ch;
        }
        return fields << field;
    }
    QString out(const QString &name) const
    {
        const QString keep = qEnvironmentVariable("CAREBOARD_SCREENSHOT_DIR");
        return (keep.isEmpty() ? m_dir.path() : keep) + QLatin1Char('/') + name;
    }
    // Writes `item` in `format` through the dialog the screen opens; returns the path.
    QString write(const ExportItem &item, const QString &format, const QString &name, bool publicMode = false,
                  QString *error = nullptr)
    {
        std::unique_ptr<ExportDialog> dialog(ExportAction::dialog(item, QStringLiteral("Demo authority"), nullptr));
        dialog->setFormat(format);
        dialog->setPublicMode(publicMode);
        const QString path = out(name + QLatin1Char('.') + format);
        dialog->setPath(path);
        if (!dialog->exportNow() && !error)
            qWarning("export of %s failed: %s", qPrintable(item.title), qPrintable(dialog->lastError()));
        if (error)
            *error = dialog->lastError();
        return path;
    }
    QVector<ExportItem> itemsOf(const QString &screen)
    {
        if (screen == QLatin1String("trends"))
            return m_window->trendsView()->exportItems();
        if (screen == QLatin1String("mix"))
            return m_window->placementMixView()->exportItems();
        if (screen == QLatin1String("scorecard"))
            return m_window->scorecardView()->exportItems();
        if (screen == QLatin1String("costs"))
            return m_window->costsView()->exportItems();
        if (screen == QLatin1String("panel"))
            return m_window->panelView()->exportItems();
        return m_window->dataView()->exportItems();
    }
    QWidget *screenOf(const QString &screen)
    {
        if (screen == QLatin1String("trends"))
            return m_window->trendsView();
        if (screen == QLatin1String("mix"))
            return m_window->placementMixView();
        if (screen == QLatin1String("scorecard"))
            return m_window->scorecardView();
        if (screen == QLatin1String("costs"))
            return m_window->costsView();
        if (screen == QLatin1String("panel"))
            return m_window->panelView();
        return m_window->dataView();
    }

private slots:
    void initTestCase()
    {
        QString error;
        auto store = Store::open(m_dir.filePath(QStringLiteral("demo.sqlite")), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY2(DemoGenerator::write(*store, DemoGenerator::generate(DemoOptions()), &error), qPrintable(error));
        // The demo has no import findings: one, as an import of a faulty 903 file would leave.
        QVERIFY2(store->run(QStringLiteral("INSERT INTO findings (file_name, line, rule, message, child_ref) VALUES (?, ?, ?, ?, ?)"),
                            {QStringLiteral("episodes-2024.csv"), 17, QStringLiteral("903-DEC-BEFORE-DECOM"),
                             QStringLiteral("DEC 01/03/2024 is before DECOM 05/03/2024"), QStringLiteral("DEMO-FINDING-1")},
                            &error),
                 qPrintable(error));
        m_window = std::make_unique<MainWindow>(std::move(store));
        m_window->resize(1600, 1000);
        m_window->show();
    }

    void everyScreenExports_data()
    {
        QTest::addColumn<QString>("screen");
        QTest::addColumn<int>("minimumItems");
        QTest::newRow("Trends: chart and numbers") << QStringLiteral("trends") << 1;
        QTest::newRow("Placement mix: bars and trend") << QStringLiteral("mix") << 2;
        QTest::newRow("Scorecard: table") << QStringLiteral("scorecard") << 1;
        QTest::newRow("Costs: table, charts, what-if, audit") << QStringLiteral("costs") << 5;
        QTest::newRow("Panel: agenda, avoidance, trackers") << QStringLiteral("panel") << 6;
        QTest::newRow("Data: findings and imports") << QStringLiteral("data") << 2;
    }
    void everyScreenExports()
    {
        QFETCH(QString, screen);
        QFETCH(int, minimumItems);
        const QVector<ExportItem> items = itemsOf(screen);
        QVERIFY(items.size() >= minimumItems);
        for (int i = 0; i < items.size(); ++i) {
            const ExportItem &item = items[i];
            QVERIFY2(!item.table.headers.isEmpty(), qPrintable(item.title));
            const QString base = QStringLiteral("%1-%2").arg(screen).arg(i);
            const QByteArray pdf = readAll(write(item, QStringLiteral("pdf"), base));
            QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(item.title));
            QVERIFY2(pdf.size() > 2000, qPrintable(item.title));
            QString pngError;
            const QString pngPath = write(item, QStringLiteral("png"), base, false, &pngError);
            const QImage png(pngPath);
            if (item.chart.chart || item.table.rows.size() < 40) {
                QVERIFY2(!png.isNull() && png.width() > 100 && png.height() > 20, qPrintable(item.title + pngError));
            } else if (png.isNull()) {
                // A long table (its height, not only its rows, decides) may not fit one image:
                // refused with the reason, nothing written.
                QVERIFY2(pngError.contains(QLatin1String("too long for one image")), qPrintable(pngError));
                QVERIFY(!QFile::exists(pngPath));
            } else {
                QVERIFY2(png.width() > 100 && png.height() > 20, qPrintable(item.title));
            }
            const QByteArray csv = readAll(write(item, QStringLiteral("csv"), base));
            // The marking, the header row, then one line per row of the table.
            QCOMPARE(csv.count("\r\n"), qsizetype(item.table.rows.size() + 2));
            QVERIFY2(csv.startsWith("# OFFICIAL"), qPrintable(item.title));
            const QByteArray header = csv.mid(csv.indexOf("\r\n") + 2);
            QVERIFY2(header.startsWith(item.table.headers.first().toUtf8()) || header.startsWith('"'), qPrintable(item.title));
        }
    }

    // The screen's Export… button (what Ctrl+E opens) lists the same items.
    void buttonListsTheItems_data() { everyScreenExports_data(); }
    void buttonListsTheItems()
    {
        QFETCH(QString, screen);
        auto *button = screenOf(screen)->findChild<QToolButton *>(QStringLiteral("exportButton"));
        QVERIFY(button);
        QVERIFY(button->menu());
        emit button->menu()->aboutToShow();
        int entries = 0;
        for (QAction *a : button->menu()->actions())
            entries += a->isSeparator() || a->property("extra").toBool() ? 0 : 1;
        QCOMPARE(entries, itemsOf(screen).size());
    }

    // Tables about individual children: OFFICIAL-SENSITIVE, and the public version is refused.
    void childLevelIsSensitive_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("Trends drill-down") << QStringLiteral("drilldown");
        QTest::newRow("Panel agenda") << QStringLiteral("agenda");
        QTest::newRow("Residential tracker") << QStringLiteral("residential");
        QTest::newRow("Unregulated report") << QStringLiteral("unregulated");
        QTest::newRow("Data-quality findings") << QStringLiteral("findings");
    }
    void childLevelIsSensitive()
    {
        QFETCH(QString, which);
        ExportItem item;
        if (which == QLatin1String("drilldown")) {
            item = m_window->trendsView()->childrenCountedExport(QDate(2025, 3, 31));
        } else {
            const QString screen = which == QLatin1String("findings") ? QStringLiteral("data") : QStringLiteral("panel");
            const QString start = which == QLatin1String("agenda") ? QStringLiteral("Placement Panel agenda")
                                : which == QLatin1String("residential") ? QStringLiteral("Residential tracker")
                                : which == QLatin1String("unregulated") ? QStringLiteral("Unregulated")
                                                                        : QStringLiteral("Data-quality");
            for (const ExportItem &i : itemsOf(screen))
                if (i.title.startsWith(start))
                    item = i;
        }
        QVERIFY2(item.table.childLevel, qPrintable(which));
        QVERIFY2(!item.table.rows.isEmpty(), qPrintable(which));
        const QString firstRef = item.table.rows.first().value(which == QLatin1String("agenda") ? 1 : 0).text;

        std::unique_ptr<ExportDialog> dialog(ExportAction::dialog(item, QStringLiteral("Demo authority"), nullptr));
        auto *publicBox = dialog->findChild<QCheckBox *>();
        QVERIFY(publicBox);
        QVERIFY(!publicBox->isEnabled());
        // Asking for public mode anyway changes nothing: the rows are exported, marked.
        const QByteArray csv = readAll(write(item, QStringLiteral("csv"), QStringLiteral("sensitive-") + which, true));
        QVERIFY2(csv.contains(firstRef.toUtf8()), qPrintable(firstRef));
        const QString pdf = write(item, QStringLiteral("pdf"), QStringLiteral("sensitive-") + which, true);
        CAREBOARD_REQUIRE_TOOL("pdftotext");
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QLatin1String("OFFICIAL-SENSITIVE")));
        QVERIFY(!text.contains(QLatin1String("public version")));
    }

    // Counts of 1-5 print as "c" in public: hand-made counts 3 and 12 and a rate on 3.
    void countsTableSuppressesSmallCounts()
    {
        QStandardItemModel model(2, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("Area"), QStringLiteral("Children"), QStringLiteral("Rate")});
        const auto set = [&model](int r, int c, const QString &text, const QVariant &sort, bool number) {
            auto *item = new QStandardItem(text);
            item->setData(sort, Qt::UserRole + 1);
            if (number)
                item->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
            model.setItem(r, c, item);
        };
        set(0, 0, QStringLiteral("North"), {}, false);
        set(0, 1, QStringLiteral("3"), 3, true);
        set(0, 2, QStringLiteral("0.3"), 3, true); // a rate resting on 3 children
        set(1, 0, QStringLiteral("South"), {}, false);
        set(1, 1, QStringLiteral("12"), 12, true);
        set(1, 2, QStringLiteral("1.2"), 12, true);
        const TableData t = ExportAction::countsTable(model, QStringLiteral("By area"));
        QCOMPARE(t.toCsv(true), QByteArray("Area,Children,Rate\r\nNorth,c,c\r\nSouth,12,1.2\r\n"));
        QCOMPARE(t.toCsv(false), QByteArray("Area,Children,Rate\r\nNorth,3,0.3\r\nSouth,12,1.2\r\n"));
    }

    // A screen's public CSV: every figure resting on 1-5 children is "c"; the others are kept.
    void publicCsvShowsC()
    {
        int suppressed = 0;
        for (const QString &screen : {QStringLiteral("mix"), QStringLiteral("costs"), QStringLiteral("panel"), QStringLiteral("scorecard")})
            for (const ExportItem &item : itemsOf(screen)) {
                if (item.table.childLevel)
                    continue;
                int small = -1, col = -1;
                for (int r = 0; r < item.table.rows.size() && small < 0; ++r)
                    for (int c = 0; c < item.table.rows[r].size(); ++c)
                        if (TableData::isSmallCount(item.table.rows[r][c].basis)) {
                            small = r;
                            col = c;
                            break;
                        }
                if (small < 0)
                    continue;
                const QString name = QStringLiteral("public-%1-%2").arg(screen).arg(++suppressed);
                const QList<QByteArray> lines = readAll(write(item, QStringLiteral("csv"), name, true)).split('\n');
                const QList<QByteArray> privateLines = readAll(write(item, QStringLiteral("csv"), name + QStringLiteral("-all"))).split('\n');
                // The marking and the header, then the rows.
                QVERIFY(lines.size() > small + 2);
                QCOMPARE(csvFields(lines[small + 2]).value(col), QStringLiteral("c"));
                QCOMPARE(csvFields(privateLines[small + 2]).value(col), item.table.rows[small][col].text);
            }
        QVERIFY2(suppressed > 0, "no table of the demo has a count of 1-5");
    }

    // The Panel agenda / minutes PDF of a held meeting: agenda with flags and reasons, then decisions.
    void minutesOfAHeldMeeting()
    {
        Store &store = m_window->store();
        PanelStore panel(store);
        PanelMeeting held;
        for (const PanelMeeting &m : panel.meetings())
            if (m.status == QLatin1String("held") && !PanelMinutes::decisionsOf(store, m.meetingId).isEmpty()) {
                held = m;
                break;
            }
        QVERIFY(held.meetingId);
        const QVector<AgendaItem> agenda = Agenda::forMeeting(store, held, PanelSettings::load(store));
        QVERIFY(!agenda.isEmpty());
        const ReportDocument doc = PanelMinutes::build(store, held, agenda);
        QCOMPARE(doc.marking(), QStringLiteral("OFFICIAL-SENSITIVE"));
        QVERIFY(doc.title.startsWith(QLatin1String("Placement Panel minutes")));
        const QVector<PanelDecision> decisions = PanelMinutes::decisionsOf(store, held.meetingId);
        const TableData minutes = PanelMinutes::decisionsTable(store, decisions, agenda);
        QCOMPARE(minutes.rows.size(), decisions.size());
        for (const auto &row : minutes.rows)
            QVERIFY(!row[1].text.isEmpty()); // every decision names its child
        QString error;
        int pages = 0;
        const QString path = out(QStringLiteral("panel-minutes.pdf"));
        QVERIFY2(ReportRenderer::writePdf(doc, path, &error, &pages), qPrintable(error));
        QVERIFY(pages >= 1);
        CAREBOARD_REQUIRE_TOOL("pdftotext");
        const QString text = pdfText(path);
        QVERIFY(text.contains(QLatin1String("OFFICIAL-SENSITIVE")));
        QVERIFY(text.contains(QLatin1String("Decisions")));
        QVERIFY(text.contains(agenda.first().childRef));
        if (!agenda.first().flags.isEmpty())
            QVERIFY(text.contains(PanelRules::flagLabel(agenda.first().flags.first().code)));
    }

    // The screen's current (planned) meeting: the agenda only, no minutes yet.
    void agendaOfThePlannedMeeting()
    {
        const ReportDocument doc = m_window->panelView()->minutesDocument();
        QVERIFY(doc.title.startsWith(QLatin1String("Placement Panel agenda")));
        QCOMPARE(doc.marking(), QStringLiteral("OFFICIAL-SENSITIVE"));
        int tables = 0;
        for (const ReportBlock &b : doc.blocks)
            tables += b.kind == ReportBlock::Table ? 1 : 0;
        QCOMPARE(tables, 1);
        QString error;
        QVERIFY2(ReportRenderer::writePdf(doc, out(QStringLiteral("panel-agenda.pdf")), &error), qPrintable(error));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestExportUi)
#include "tst_exportui.moc"
