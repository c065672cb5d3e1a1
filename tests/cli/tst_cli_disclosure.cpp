// The public pack as an attacker reads it (issue 15): a store full of small cells, every public
// artefact exported by the command line (the pack PDF, read back with pdftotext, and every table
// as CSV), and the true figures computed here by direct SQL on the store file, never taken from
// Careboard's code or its cells' basis tags. No suppressed cell's true value may appear, nor any
// total minus the parts shown of 1 to 5; the files are the owner's alone and carry the marking.
#include "clisupport.h"
#include "requirements.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Csv {
    QString file;
    QString marking;          // the first row, a comment
    QStringList headers;
    QVector<QStringList> rows;
    int row(const QString &first) const
    {
        for (int r = 0; r < rows.size(); ++r)
            if (rows[r].value(0) == first)
                return r;
        return -1;
    }
};

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
QVector<QStringList> records(const QString &text)
{
    QVector<QStringList> out;
    QStringList record;
    QString field;
    bool quoted = false, any = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += ch;
                ++i;
            } else if (ch == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = any = true;
        } else if (ch == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (ch == QLatin1Char('\r')) {
        } else if (ch == QLatin1Char('\n')) {
            record << field;
            out << record;
            record.clear();
            field.clear();
        } else {
            field += ch;
            any = true;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        out << (record << field);
    return out;
}

QLocale uk()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

// "£1,014": whole pounds, as a reader sees them.
QString pounds(double pence)
{
    return QStringLiteral("£") + uk().toString(qint64(std::llround(pence / 100.0)));
}

// A visible count ("1,234"), or -1 for "c", "–" and empty cells.
qint64 countOf(const QString &cell)
{
    bool ok = false;
    const qint64 n = QString(cell).remove(QLatin1Char(',')).toLongLong(&ok);
    return ok ? n : -1;
}

// Mode 0600: read and written by its owner, nothing for the group or others.
bool ownerOnly(const QString &path)
{
    const QFile::Permissions p = QFile::permissions(path);
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                      | QFile::WriteOther | QFile::ExeOther | QFile::ExeOwner;
    return (p & QFile::ReadOwner) && (p & QFile::WriteOwner) && !(p & others);
}

bool small(qint64 n)
{
    return n >= 1 && n <= 5;
}

} // namespace

class TestCliDisclosure : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QDate m_at{2025, 3, 31};

    // --- the truth, by SQL on the store file ---
    struct Category {
        qint64 number = 0;
        double weeklyPence = 0;
    };
    struct Truth {
        QHash<QString, qint64> cla, cp, uasc;   // by ISO date
        QHash<QString, Category> costs;          // by category name, at m_at
    };

    static qint64 scalar(QSqlDatabase &db, const QString &sql, const QString &date)
    {
        QSqlQuery q(db);
        q.prepare(sql);
        q.bindValue(QStringLiteral(":d"), date);
        if (!q.exec() || !q.next())
            qFatal("%s", qPrintable(sql));
        return q.value(0).toLongLong();
    }

    Truth truth(const QString &path, const QVector<QDate> &dates)
    {
        Truth t;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("truth"));
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        // PRODUCT §4: looked after at D = distinct children with an episode open at D, V3/V4 excluded.
        const QString open = QStringLiteral("e.decom <= :d AND (e.dec IS NULL OR e.dec > :d) AND coalesce(e.ls, '') NOT IN ('V3', 'V4')");
        for (const QDate &d : dates) {
            const QString iso = d.toString(Qt::ISODate);
            t.cla[iso] = scalar(db, QStringLiteral("SELECT count(DISTINCT e.child_id) FROM episodes e WHERE ") + open, iso);
            t.uasc[iso] = scalar(db, QStringLiteral("SELECT count(DISTINCT e.child_id) FROM episodes e JOIN children c ON c.child_id = e.child_id "
                                                    "WHERE c.uasc = 1 AND (c.uasc_ceased IS NULL OR c.uasc_ceased > :d) AND ") + open, iso);
            t.cp[iso] = scalar(db, QStringLiteral("SELECT count(*) FROM cp_plans WHERE start_date <= :d AND (end_date IS NULL OR end_date > :d)"), iso);
        }
        // PRODUCT §6: placements open at the month end by category (the placement's own, else its
        // PLACE and provider's, else its PLACE's, else Other), at the fee in force (fee plus additionalities).
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "SELECT cc.name, (SELECT f.weekly_fee_pence + f.additional_weekly_pence FROM placement_fees f"
            "   WHERE f.placement_id = p.placement_id"
            "   ORDER BY (f.effective_from <= :d) DESC, CASE WHEN f.effective_from <= :d THEN f.effective_from END DESC,"
            "   f.effective_from LIMIT 1)"
            " FROM placements p JOIN episodes e ON e.episode_id = p.episode_id"
            " LEFT JOIN cost_category_map m1 ON m1.place = e.place AND m1.place_provider = coalesce(e.place_provider, '')"
            " LEFT JOIN cost_category_map m2 ON m2.place = e.place AND m2.place_provider = ''"
            " JOIN cost_categories cc ON cc.category_id = coalesce(p.category_id, m1.category_id, m2.category_id,"
            "   (SELECT category_id FROM cost_categories WHERE name = 'Other'))"
            " WHERE ") + open);
        q.bindValue(QStringLiteral(":d"), m_at.toString(Qt::ISODate));
        if (!q.exec())
            qFatal("cost truth");
        while (q.next()) {
            Category &c = t.costs[q.value(0).toString()];
            ++c.number;
            c.weeklyPence += q.value(1).toDouble();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("truth"));
        return t;
    }

    static QVector<Csv> readCsvs(const QString &dir)
    {
        QVector<Csv> out;
        for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
            QFile file(f.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QVector<QStringList> recs = records(QString::fromUtf8(file.readAll()));
            Csv c;
            c.file = f.fileName();
            if (!recs.isEmpty() && recs.first().value(0).startsWith(QLatin1Char('#')))
                c.marking = recs.takeFirst().join(QLatin1Char(','));
            if (!recs.isEmpty())
                c.headers = recs.takeFirst();
            c.rows = recs;
            out << c;
        }
        return out;
    }

    static QString pdfText(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    // A store with a cost category of exactly one placement and one of two, open at m_at.
    void craft(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("craft"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO cost_categories (name, sort_order) VALUES ('Crafted single', 98), ('Crafted pair', 99)")));
        const QString openAt = QStringLiteral("'%1'").arg(m_at.toString(Qt::ISODate));
        const QString openPlacements = QStringLiteral(
            "SELECT p.placement_id FROM placements p JOIN episodes e ON e.episode_id = p.episode_id"
            " WHERE e.decom <= %1 AND (e.dec IS NULL OR e.dec > %1) AND coalesce(e.ls, '') NOT IN ('V3', 'V4')"
            " ORDER BY p.placement_id").arg(openAt);
        QVERIFY(q.exec(QStringLiteral("UPDATE placements SET category_id = (SELECT category_id FROM cost_categories WHERE name = 'Crafted single')"
                                      " WHERE placement_id IN (%1 LIMIT 1)").arg(openPlacements)));
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(q.exec(QStringLiteral("UPDATE placements SET category_id = (SELECT category_id FROM cost_categories WHERE name = 'Crafted pair')"
                                      " WHERE placement_id IN (%1 LIMIT 2 OFFSET 1)").arg(openPlacements)));
        QCOMPARE(q.numRowsAffected(), 2);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("craft"));
    }

private slots:
    void attack_data()
    {
        QTest::addColumn<int>("children");
        QTest::addColumn<bool>("crafted");
        QTest::newRow("tiny demo, 40 children") << 40 << false;
        QTest::newRow("demo of 150 with categories of one and two placements") << 150 << true;
    }

    void attack()
    {
        CAREBOARD_REQUIRE_TOOL("pdftotext");
        QFETCH(int, children);
        QFETCH(bool, crafted);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QRegularExpression(QStringLiteral("\\W+")), QStringLiteral("-"));
        const QString db = m_dir.filePath(tag + QStringLiteral(".sqlite"));
        const CliResult demo = runCareboard({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--children"),
                                             QString::number(children), QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(demo.code == 0, qPrintable(demo.err));
        if (crafted)
            craft(db);
        if (QTest::currentTestFailed())
            return;
        const QString pdf = m_dir.filePath(tag + QStringLiteral(".pdf"));
        const QString csvDir = m_dir.filePath(tag + QStringLiteral("-csv"));
        const CliResult exported = runCareboard({QStringLiteral("export-pdf"), QStringLiteral("--db"), db, QStringLiteral("--out"), pdf,
                                                 QStringLiteral("--at"), m_at.toString(Qt::ISODate), QStringLiteral("--public"),
                                                 QStringLiteral("--csv"), csvDir});
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QLatin1String("Public version")));
        const QVector<Csv> csvs = readCsvs(csvDir);
        QVERIFY(csvs.size() >= 8);

        // Exports are the owner's alone, and every CSV starts with its marking.
        QVERIFY2(ownerOnly(pdf), qPrintable(pdf));
        for (const Csv &c : csvs) {
            QVERIFY2(ownerOnly(QDir(csvDir).filePath(c.file)), qPrintable(c.file));
            QVERIFY2(c.marking.startsWith(QLatin1String("# OFFICIAL")), qPrintable(c.file));
        }

        const QDate previous(2024, 12, 31), lastYear(2024, 3, 31);
        QVector<QDate> dates{m_at, previous, lastYear};
        for (int y = 2020; y <= 2025; ++y)
            for (int m : {3, 6, 9, 12})
                dates << QDate(y, m, QDate(y, m, 1).daysInMonth());
        const Truth truth = this->truth(db, dates);
        int smallCells = 0;

        // 1. No count column shows 1-5, in any table.
        for (const Csv &c : csvs)
            for (int col = 0; col < c.headers.size(); ++col) {
                const QString h = c.headers[col];
                if (h != QLatin1String("Children") && h != QLatin1String("Number") && h != QLatin1String("Placements"))
                    continue;
                for (const QStringList &row : c.rows)
                    QVERIFY2(!small(countOf(row.value(col))), qPrintable(QStringLiteral("%1: %2 shows %3").arg(c.file, row.value(0), row.value(col))));
            }

        // 2. Wherever a total is shown with its parts: total minus the parts shown is never 1-5.
        for (const Csv &c : csvs) {
            int total = c.row(QStringLiteral("TOTAL"));
            if (total < 0)
                total = c.row(QStringLiteral("Total"));
            if (total < 0)
                continue;
            const qint64 shownTotal = countOf(c.rows[total].value(1));
            if (shownTotal < 0)
                continue;
            qint64 visible = 0;
            for (int r = 0; r < c.rows.size(); ++r)
                if (r != total)
                    visible += std::max<qint64>(0, countOf(c.rows[r].value(1)));
            QVERIFY2(!small(shownTotal - visible), qPrintable(QStringLiteral("%1: total %2 minus parts shown %3").arg(c.file).arg(shownTotal).arg(visible)));
        }

        // 3. The placement mix's groups against the children looked after (SQL).
        const auto mix = std::find_if(csvs.cbegin(), csvs.cend(), [](const Csv &c) { return c.headers.value(0) == QLatin1String("Placement group"); });
        QVERIFY(mix != csvs.cend());
        qint64 mixVisible = 0;
        for (const QStringList &row : mix->rows)
            mixVisible += std::max<qint64>(0, countOf(row.value(1)));
        const qint64 cla = truth.cla.value(m_at.toString(Qt::ISODate));
        QVERIFY(cla > 0);
        QVERIFY2(!small(cla - mixVisible), qPrintable(QStringLiteral("looked after %1, groups shown %2").arg(cla).arg(mixVisible)));

        // 4. The cost table: a category of 1-5 placements shows no count, cost or average, in
        //    the table or anywhere else (the chart's labels are in the PDF's text).
        const auto costs = std::find_if(csvs.cbegin(), csvs.cend(), [](const Csv &c) { return c.headers.contains(QStringLiteral("Ave unit cost £/week")); });
        QVERIFY(costs != csvs.cend());
        for (auto it = truth.costs.cbegin(); it != truth.costs.cend(); ++it) {
            if (!small(it->number))
                continue;
            ++smallCells;
            const int r = costs->row(it.key());
            QVERIFY2(r >= 0, qPrintable(it.key()));
            for (int col : {1, 2, 3, 4})
                QVERIFY2(costs->rows[r].value(col) == QLatin1String("c"), qPrintable(QStringLiteral("%1 column %2: %3").arg(it.key()).arg(col).arg(costs->rows[r].value(col))));
            const double annual = it->weeklyPence * 365.0 / 7.0;
            QStringList secrets{pounds(it->weeklyPence), pounds(annual), pounds(it->weeklyPence / double(it->number))};
            for (int precision : {2, 3})
                secrets << QStringLiteral("£%1m").arg(QString::number(annual / 1e8, 'g', precision));
            for (const QString &secret : secrets) {
                if (secret == QLatin1String("£0") || secret.startsWith(QLatin1String("£0m")))
                    continue;
                QVERIFY2(!text.contains(secret), qPrintable(QStringLiteral("the PDF shows %1 of %2").arg(secret, it.key())));
                for (const Csv &c : csvs)
                    for (const QStringList &row : c.rows)
                        QVERIFY2(!row.contains(secret), qPrintable(QStringLiteral("%1 shows %2 of %3").arg(c.file, secret, it.key())));
            }
        }

        // 5. The scorecard: this quarter, the previous and last year, each against its own count.
        const auto card = std::find_if(csvs.cbegin(), csvs.cend(), [](const Csv &c) { return c.headers.value(0) == QLatin1String("Indicator"); });
        QVERIFY(card != csvs.cend());
        const QVector<QPair<QString, QHash<QString, qint64>>> counted{
            {QStringLiteral("Children looked after (per 10,000)"), truth.cla},
            {QStringLiteral("Child protection plans (per 10,000)"), truth.cp},
            {QStringLiteral("Unaccompanied asylum-seeking children looked after"), truth.uasc}};
        for (const auto &[title, counts] : counted) {
            const int r = card->row(title);
            QVERIFY2(r >= 0, qPrintable(title));
            const QDate columns[] = {m_at, previous, lastYear};
            for (int col = 1; col <= 3; ++col) {
                const qint64 n = counts.value(columns[col - 1].toString(Qt::ISODate));
                if (!small(n))
                    continue;
                ++smallCells;
                QVERIFY2(card->rows[r].value(col) == QLatin1String("c"),
                         qPrintable(QStringLiteral("%1 at %2 (%3 children): %4").arg(title, columns[col - 1].toString(Qt::ISODate)).arg(n).arg(card->rows[r].value(col))));
            }
        }

        // 6. Each trend table's quarters against the SQL counts at each quarter end.
        for (const Csv &c : csvs) {
            if (c.headers.value(0) != QLatin1String("Quarter end"))
                continue;
            const QHash<QString, qint64> *counts = c.file.contains(QLatin1String("children-looked-after")) ? &truth.cla
                                                   : c.file.contains(QLatin1String("child-protection")) ? &truth.cp : nullptr;
            if (!counts)
                continue;
            for (const QStringList &row : c.rows) {
                const QDate d = QDate::fromString(row.value(0), QStringLiteral("dd/MM/yyyy"));
                if (!counts->contains(d.toString(Qt::ISODate)) || !small(counts->value(d.toString(Qt::ISODate))))
                    continue;
                ++smallCells;
                QCOMPARE(row.value(1), QStringLiteral("c"));
                QCOMPARE(row.value(3), QStringLiteral("c"));
            }
        }
        // The store must have given the attacker something to find.
        QVERIFY2(smallCells > 0, "no cell of 1-5 children in this store: the test proves nothing");
    }
};

QTEST_GUILESS_MAIN(TestCliDisclosure)
#include "tst_cli_disclosure.moc"
