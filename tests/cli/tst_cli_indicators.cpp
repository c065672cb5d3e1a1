// `careboard indicators` and `careboard series` (PRODUCT §8): the keys, the CSV header, the list
// of indicators, and the exit codes (2 wrong usage, 1 unreadable store).
#include "clisupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliIndicators : public QObject
{
    Q_OBJECT

    using Result = CliResult;

    QTemporaryDir m_dir;
    QString m_db;

    static Result run(const QStringList &args) { return runCareboard(args, 120000); }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const Result r = run({"demo", "--db", m_db, "--children", "60", "--from", "2020", "--to", "2024"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void indicatorsJsonHasEveryKey()
    {
        const Result r = run({"indicators", "--db", m_db, "--at", "2024-03-31"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"at", "population_under18", "cla_count", "cla_rate_per_10k", "cla_starts", "cla_ceased",
                                "cp_count", "cp_rate_per_10k", "cin_count", "cin_rate_per_10k", "uasc_count",
                                "three_plus_placements_pct", "placement_mix", "in_house_share_fostering",
                                "cost_weekly_total", "cost_annual_total"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value("at").toString(), QStringLiteral("2024-03-31"));
        QVERIFY(o.value("cla_count").toDouble() > 0);
        // Rates are unrounded: count / population x 10,000 exactly.
        QCOMPARE(o.value("cla_rate_per_10k").toDouble(),
                 o.value("cla_count").toDouble() / o.value("population_under18").toDouble() * 10000.0);
        // The mix is a set of shares of the children looked after: they add up to one.
        double total = 0;
        const QJsonObject mix = o.value("placement_mix").toObject();
        QVERIFY(mix.contains(QLatin1String("foster")) && mix.contains(QLatin1String("unknown")));
        for (const QJsonValue &v : mix)
            total += v.toDouble();
        QVERIFY(qAbs(total - 1.0) < 1e-9);
        // Annual = weekly x 365 / 7.
        QVERIFY(qAbs(o.value("cost_annual_total").toDouble() - o.value("cost_weekly_total").toDouble() * 365.0 / 7.0) < 1e-6);
    }

    // PRODUCT §11 (issue 17): every key of the rest of the 903; ceased_by_route an object whose
    // routes add up to cla_ceased, in the CSV as ceased_by_route.* columns; series names them.
    void indicatorsHasTheRestOfThe903()
    {
        const Result r = run({"indicators", "--db", m_db, "--at", "2024-03-31"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"missing_incidents_fytd", "missing_children_fytd", "missing_children_pct", "away_incidents_fytd",
                                "reviews_fytd", "review_participation_pct", "care_leavers_in_touch_pct", "care_leavers_eet_pct",
                                "care_leavers_suitable_accom_pct", "adoptions_fytd", "sgo_fytd", "cao_fytd", "ceased_by_route",
                                "a1_days_3y", "a2_days_3y", "sw_changes_3plus_pct", "reviews_on_time_pct",
                                "health_assessments_pct", "dental_checks_pct", "immunisations_pct", "sdq_mean"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        const QJsonObject routes = o.value("ceased_by_route").toObject();
        QCOMPARE(routes.size(), 14);
        double sum = 0;
        for (const QJsonValue &v : routes)
            sum += v.toDouble();
        QCOMPARE(sum, o.value("cla_ceased").toDouble());
        QCOMPARE(routes.value("adoption").toDouble(), o.value("adoptions_fytd").toDouble());
        QVERIFY(o.value("reviews_fytd").toDouble() > 0);
        const Result csv = run({"indicators", "--db", m_db, "--at", "2024-03-31", "--format", "csv"});
        QVERIFY(csv.out.section(QLatin1Char('\n'), 0, 0).contains(QLatin1String(",ceased_by_route.special_guardianship,")));
        const Result list = run({"series", "--list"});
        for (const char *key : {"missing_children_pct", "a1_days_3y\tmean", "care_leavers_eet_pct\tshare", "adoptions_fytd\tcount"})
            QVERIFY2(list.out.contains(QLatin1String(key)), key);
    }

    void indicatorsCsvHasAHeaderAndOneRow()
    {
        const Result r = run({"indicators", "--db", m_db, "--at", "2024-03-31", "--format", "csv"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), qsizetype(2));
        const QStringList header = lines[0].split(QLatin1Char(','));
        QCOMPARE(header.first(), QStringLiteral("at"));
        QVERIFY(header.contains(QStringLiteral("cla_rate_per_10k")));
        QVERIFY(header.contains(QStringLiteral("placement_mix.foster")));
        QCOMPARE(lines[1].split(QLatin1Char(',')).size(), header.size());
    }

    void seriesListNamesTheIndicators()
    {
        const Result r = run({"series", "--list"});
        QCOMPARE(r.code, 0);
        for (const char *name : {"cla", "cla_starts", "cla_ceased", "cp", "cin", "three_plus_placements", "mix_foster"})
            QVERIFY2(r.out.contains(QLatin1String(name) + QLatin1Char('\t')), name);
    }

    void seriesSteps_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("points");
        QTest::addColumn<QString>("last");
        // April 2022 to March 2024: 24 month ends, 8 quarter ends, two 31 Marches.
        QTest::newRow("month") << "month" << 24 << "2024-03-31";
        QTest::newRow("quarter") << "quarter" << 8 << "2024-03-31";
        QTest::newRow("year") << "year" << 2 << "2024-03-31";
    }

    void seriesSteps()
    {
        QFETCH(QString, step);
        QFETCH(int, points);
        QFETCH(QString, last);
        Result r = run({"series", "--db", m_db, "--indicator", "cla", "--from", "2022-04", "--to", "2024-03", "--step", step});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).object().value("points").toArray();
        QCOMPARE(a.size(), qsizetype(points));
        QCOMPARE(a.last().toObject().value("date").toString(), last);
        r = run({"series", "--db", m_db, "--indicator", "cla", "--from", "2022-04", "--to", "2024-03", "--step", step, "--format", "csv"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), QStringLiteral("date,count,denominator,value"));
        QCOMPARE(lines.size(), qsizetype(points + 1));
    }

    void seriesAgreesWithIndicators()
    {
        const Result s = run({"series", "--db", m_db, "--indicator", "cp", "--from", "2024-03", "--to", "2024-03"});
        QVERIFY2(s.code == 0, qPrintable(s.err));
        const Result i = run({"indicators", "--db", m_db, "--at", "2024-03-31"});
        QVERIFY2(i.code == 0, qPrintable(i.err));
        const QJsonArray points = QJsonDocument::fromJson(s.out.toUtf8()).object().value("points").toArray();
        QCOMPARE(points.size(), qsizetype(1));
        const QJsonObject point = points.at(0).toObject();
        QCOMPARE(point.value("date").toString(), QStringLiteral("2024-03-31"));
        const QJsonObject at = QJsonDocument::fromJson(i.out.toUtf8()).object();
        QVERIFY(at.contains(QLatin1String("cp_count")));
        QVERIFY(point.value("count").toDouble() > 0); // the demo has children on plans: 0 == 0 proves nothing
        QCOMPARE(point.value("count").toDouble(), at.value("cp_count").toDouble());
        QCOMPARE(point.value("value").toDouble(), at.value("cp_rate_per_10k").toDouble());
    }

    void wrongUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("indicators without --at") << QStringList{"indicators", "--db", "x.sqlite"} << "--at is required";
        QTest::newRow("indicators with a UK date") << QStringList{"indicators", "--db", "x.sqlite", "--at", "31/03/2024"} << "--at must be a date";
        QTest::newRow("indicators with an impossible date") << QStringList{"indicators", "--db", "x.sqlite", "--at", "2024-02-30"} << "--at must be a date";
        QTest::newRow("indicators with a bad format") << QStringList{"indicators", "--db", "x.sqlite", "--at", "2024-03-31", "--format", "xml"} << "--format must be json or csv";
        QTest::newRow("series without --indicator") << QStringList{"series", "--db", "x.sqlite", "--from", "2020-01", "--to", "2020-12"} << "--indicator is required";
        QTest::newRow("series with an unknown indicator") << QStringList{"series", "--db", "x.sqlite", "--indicator", "happiness", "--from", "2020-01", "--to", "2020-12"} << "unknown indicator 'happiness'";
        QTest::newRow("series with a bad month") << QStringList{"series", "--db", "x.sqlite", "--indicator", "cla", "--from", "2020-13", "--to", "2020-12"} << "must be months YYYY-MM";
        QTest::newRow("series reversed") << QStringList{"series", "--db", "x.sqlite", "--indicator", "cla", "--from", "2021-01", "--to", "2020-12"} << "--to must not be before --from";
        QTest::newRow("series with a bad step") << QStringList{"series", "--db", "x.sqlite", "--indicator", "cla", "--from", "2020-01", "--to", "2020-12", "--step", "week"} << "--step must be month, quarter or year";
    }

    void wrongUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QDir::setCurrent(dir.path());
        const Result r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.sqlite"))));
    }

    void unreadableStoreExitsOne()
    {
        QTemporaryDir dir;
        Result r = run({"indicators", "--db", dir.filePath(QStringLiteral("missing.sqlite")), "--at", "2024-03-31"});
        QCOMPARE(r.code, 1);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing.sqlite"))));
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database\n");
        f.close();
        r = run({"series", "--db", text, "--indicator", "cla", "--from", "2020-01", "--to", "2020-12"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("not a Careboard store")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliIndicators)
#include "tst_cli_indicators.moc"
