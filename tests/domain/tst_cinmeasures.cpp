// The CIN census measures of PRODUCT §10 at their boundaries (issue 16's "Done when"), each case
// imported as a census and worked out by hand in its row: working days from the shipped
// bank-holiday table in [A, B), windows the financial year to date unless given.
#include "core/workingdays.h"
#include "domain/cinmeasures.h"
#include "domain/democensus.h"
#include "domain/demogenerator.h"
#include "domain/importer.h"
#include "domain/indicatorengine.h"
#include "testsupport.h"

#include <cmath>

static QDate day(const QString &iso)
{
    return QDate::fromString(iso, Qt::ISODate);
}

static QByteArray census(const QString &children)
{
    return QStringLiteral("<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>"
                          "</CollectionDetails></Header><Children>%1</Children></Message>").arg(children).toUtf8();
}

static QString child(const QString &ref, const QString &details)
{
    return QStringLiteral("<Child><ChildIdentifiers><LAchildID>%1</LAchildID><PersonBirthDate>2012-01-01</PersonBirthDate>"
                          "</ChildIdentifiers>%2</Child>").arg(ref, details);
}

static QString referral(const QString &date, const QString &inner = {}, const QString &nfa = QStringLiteral("false"))
{
    return QStringLiteral("<CINdetails><CINreferralDate>%1</CINreferralDate><ReferralSource>6</ReferralSource>"
                          "<ReferralNFA>%3</ReferralNFA>%2</CINdetails>").arg(date, inner, nfa);
}

static QString assessment(const QString &start, const QString &authorised)
{
    return QStringLiteral("<Assessments><AssessmentActualStartDate>%1</AssessmentActualStartDate>%2</Assessments>")
        .arg(start, authorised.isEmpty() ? QString() : QStringLiteral("<AssessmentAuthorisationDate>%1</AssessmentAuthorisationDate>").arg(authorised));
}

static QString s47(const QString &start, const QString &icpc)
{
    return QStringLiteral("<Section47><S47ActualStartDate>%1</S47ActualStartDate>%2</Section47>")
        .arg(start, icpc.isEmpty() ? QString() : QStringLiteral("<DateOfInitialCPC>%1</DateOfInitialCPC>").arg(icpc));
}

static QString plan(const QString &start, const QString &end, int previous = -1)
{
    return QStringLiteral("<ChildProtectionPlans><CPPstartDate>%1</CPPstartDate>%2<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>%3</ChildProtectionPlans>")
        .arg(start, end.isEmpty() ? QString() : QStringLiteral("<CPPendDate>%1</CPPendDate>").arg(end),
             previous < 0 ? QString() : QStringLiteral("<NumberOfPreviousCPP>%1</NumberOfPreviousCPP>").arg(previous));
}

class TestCinMeasures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void workingDaysAsBusdayCount_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("same day is none") << "2024-04-10" << "2024-04-10" << qint64(0);
        QTest::newRow("Friday to Monday counts the Friday") << "2024-04-12" << "2024-04-15" << qint64(1);
        QTest::newRow("Saturday to Monday counts nothing") << "2024-04-13" << "2024-04-15" << qint64(0);
        QTest::newRow("Good Friday to Easter Tuesday 2024") << "2024-03-29" << "2024-04-02" << qint64(0);
        QTest::newRow("Christmas week 2024: 23, 24, 27 December") << "2024-12-23" << "2024-12-30" << qint64(3);
        QTest::newRow("the 2023 coronation holiday") << "2023-05-08" << "2023-05-09" << qint64(0);
        QTest::newRow("backwards is negative") << "2024-04-15" << "2024-04-12" << qint64(-1);
        QTest::newRow("45 across two bank holidays") << "2024-04-02" << "2024-06-06" << qint64(45);
    }

    void workingDaysAsBusdayCount()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(qint64, expected);
        QCOMPARE(WorkingDays::count(day(from), day(to)), expected);
    }

    void measuresAtTheirBoundaries_data()
    {
        QTest::addColumn<QString>("children");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("at");
        QTest::addColumn<QString>("from");      // empty: the financial year to date
        QTest::addColumn<double>("expected");   // NaN: null
        QTest::addColumn<qint64>("count");
        QTest::addColumn<qint64>("denominator");
        const double null = std::nan("");

        // Referrals: in the window 1 April to D, referrals not children.
        QTest::newRow("referrals counted, not children; 31 March is last year")
            << child("A", referral("2023-03-31") + referral("2023-04-01") + referral("2023-09-01")) + child("B", referral("2024-03-31"))
            << "referrals_fytd" << "2024-03-31" << "" << 3.0 << qint64(3) << qint64(0);
        QTest::newRow("referral rate per 10,000 on mid-2023's 20,000")  // 3 / 20,000 x 10,000
            << child("A", referral("2023-04-01") + referral("2023-09-01")) + child("B", referral("2024-03-31"))
            << "referrals_fytd_rate_per_10k" << "2024-03-31" << "" << 1.5 << qint64(3) << qint64(20000);
        QTest::newRow("re-referral exactly 12 months after the earlier one")
            << child("A", referral("2023-05-10") + referral("2024-05-10"))
            << "rereferrals_12m_pct" << "2024-05-10" << "2024-05-10" << 100.0 << qint64(1) << qint64(1);
        QTest::newRow("re-referral 12 months and one day after")
            << child("A", referral("2023-05-10") + referral("2024-05-11"))
            << "rereferrals_12m_pct" << "2024-05-11" << "2024-05-11" << 0.0 << qint64(0) << qint64(1);
        QTest::newRow("29 February 2024 is 12 months after 28 February 2023")
            << child("A", referral("2023-02-28") + referral("2024-02-29"))
            << "rereferrals_12m_pct" << "2024-02-29" << "2024-02-29" << 100.0 << qint64(1) << qint64(1);
        QTest::newRow("ReferralNFA true and 1 count, false and 0 do not")
            << child("A", referral("2023-05-01", {}, "true")) + child("B", referral("2023-05-01", {}, "1"))
                   + child("C", referral("2023-05-01", {}, "false")) + child("D", referral("2023-05-01", {}, "0"))
            << "referrals_nfa_pct" << "2024-03-31" << "" << 50.0 << qint64(2) << qint64(4);
        QTest::newRow("no referrals: percentage is null")
            << child("A", referral("2022-05-01")) << "referrals_nfa_pct" << "2024-03-31" << "" << null << qint64(0) << qint64(0);

        // Assessments: completed on their authorisation date; [start, authorised) working days.
        // 2 April to 6 June 2024 is 45 working days with the 6 and 27 May bank holidays (47 without).
        QTest::newRow("assessment of 45 working days across bank holidays is within")
            << child("A", referral("2024-04-01", assessment("2024-04-02", "2024-06-06")))
            << "assessments_within_45wd_pct" << "2024-06-30" << "" << 100.0 << qint64(1) << qint64(1);
        QTest::newRow("assessment of 46 working days is not")
            << child("A", referral("2024-04-01", assessment("2024-04-02", "2024-06-07")))
            << "assessments_within_45wd_pct" << "2024-06-30" << "" << 0.0 << qint64(0) << qint64(1);
        QTest::newRow("assessment without authorisation date is not completed")
            << child("A", referral("2024-04-01", assessment("2024-04-02", "")))
            << "assessments_completed_fytd" << "2025-03-31" << "" << 0.0 << qint64(0) << qint64(0);
        QTest::newRow("assessment without authorisation date: timeliness null")
            << child("A", referral("2024-04-01", assessment("2024-04-02", "")))
            << "assessments_within_45wd_pct" << "2025-03-31" << "" << null << qint64(0) << qint64(0);
        // From Monday 2 September 2024 (no bank holiday until Christmas): 16 Sep 10, 30 Sep 20,
        // 14 Oct 30, 11 Nov 50 working days; the lower middle of four is 20.
        QTest::newRow("median of an even count is the lower middle")
            << child("A", referral("2024-09-01", assessment("2024-09-02", "2024-09-16") + assessment("2024-09-02", "2024-09-30")
                                                     + assessment("2024-09-02", "2024-10-14") + assessment("2024-09-02", "2024-11-11")))
            << "assessment_median_wd" << "2025-03-31" << "" << 20.0 << qint64(4) << qint64(4);

        // Section 47s and initial conferences: 16 December 2024 to 9 January 2025 is 15 working
        // days (25, 26 December and 1 January are bank holidays).
        QTest::newRow("s47s started in the window")
            << child("A", referral("2024-03-01", s47("2024-03-30", "")) + referral("2024-04-01", s47("2024-04-01", "") + s47("2024-06-01", "")))
            << "s47_fytd" << "2025-03-31" << "" << 2.0 << qint64(2) << qint64(0);
        QTest::newRow("ICPC 15 working days after the s47 start is within")
            << child("A", referral("2024-12-16", s47("2024-12-16", "2025-01-09")))
            << "icpc_within_15wd_pct" << "2025-03-31" << "" << 100.0 << qint64(1) << qint64(1);
        QTest::newRow("ICPC 16 working days after is not")
            << child("A", referral("2024-12-16", s47("2024-12-16", "2025-01-10")))
            << "icpc_within_15wd_pct" << "2025-03-31" << "" << 0.0 << qint64(0) << qint64(1);
        QTest::newRow("ICPCs counted by conference date")
            << child("A", referral("2024-03-20", s47("2024-03-20", "2024-04-05")) + referral("2024-12-16", s47("2024-12-16", "")))
            << "icpc_fytd" << "2025-03-31" << "" << 1.0 << qint64(1) << qint64(0);

        // CP plans.
        QTest::newRow("plan ending exactly two years after it began counts as 2 years or more")
            << child("A", referral("2022-06-01", plan("2022-06-15", "2024-06-15")))
            << "cp_ended_2y_plus_pct" << "2025-03-31" << "" << 100.0 << qint64(1) << qint64(1);
        QTest::newRow("plan ending a day short of two years does not")
            << child("A", referral("2022-06-01", plan("2022-06-15", "2024-06-14")))
            << "cp_ended_2y_plus_pct" << "2025-03-31" << "" << 0.0 << qint64(0) << qint64(1);
        QTest::newRow("a child with two plans starting counts once")
            << child("A", referral("2024-04-01", plan("2024-04-10", "2024-05-10") + plan("2024-09-01", "")))
                   + child("B", referral("2024-04-01", plan("2024-04-20", "")))
            << "cp_starts_fytd" << "2025-03-31" << "" << 2.0 << qint64(2) << qint64(0);
        QTest::newRow("plans ended in the window, children")
            << child("A", referral("2024-04-01", plan("2024-04-10", "2024-05-10") + plan("2024-09-01", "2025-01-01")))
                   + child("B", referral("2024-04-01", plan("2024-04-20", "")))
            << "cp_ends_fytd" << "2025-03-31" << "" << 1.0 << qint64(1) << qint64(0);
        QTest::newRow("an earlier plan in the data makes a second plan")
            << child("A", referral("2021-01-01", plan("2021-01-01", "2022-01-01")) + referral("2024-06-01", plan("2024-06-01", "")))
                   + child("B", referral("2024-06-01", plan("2024-06-01", "")))
            << "cp_second_or_subsequent_pct" << "2025-03-31" << "" << 50.0 << qint64(1) << qint64(2);
        QTest::newRow("NumberOfPreviousCPP 1 makes a second plan")
            << child("A", referral("2024-06-01", plan("2024-06-01", "", 1)))
            << "cp_second_or_subsequent_pct" << "2025-03-31" << "" << 100.0 << qint64(1) << qint64(1);
        QTest::newRow("NumberOfPreviousCPP 1 is not a repeat within 2 years")
            << child("A", referral("2024-06-01", plan("2024-06-01", "", 1)))
            << "cp_repeat_within_2y_pct" << "2025-03-31" << "" << 0.0 << qint64(0) << qint64(1);
        QTest::newRow("earlier plan ended exactly 2 years before the start: a repeat")
            << child("A", referral("2021-01-01", plan("2021-01-01", "2022-06-01")) + referral("2024-06-01", plan("2024-06-01", "")))
            << "cp_repeat_within_2y_pct" << "2025-03-31" << "" << 100.0 << qint64(1) << qint64(1);
        QTest::newRow("earlier plan ended 2 years and a day before: not a repeat")
            << child("A", referral("2021-01-01", plan("2021-01-01", "2022-05-31")) + referral("2024-06-01", plan("2024-06-01", "")))
            << "cp_repeat_within_2y_pct" << "2025-03-31" << "" << 0.0 << qint64(0) << qint64(1);
        QTest::newRow("open plan begun exactly 2 years before D counts")
            << child("A", referral("2023-03-01", plan("2023-03-31", ""))) + child("B", referral("2023-03-01", plan("2023-04-01", "")))
                   + child("C", referral("2022-01-01", plan("2022-01-01", "2025-03-31")))
            << "cp_open_2y_plus_count" << "2025-03-31" << "" << 1.0 << qint64(1) << qint64(0);
        QTest::newRow("a plan repeated under two referrals is one plan")
            << child("A", referral("2024-05-01", plan("2024-05-10", "")) + referral("2024-08-01", plan("2024-05-10", "2024-12-01")))
            << "cp_second_or_subsequent_pct" << "2025-03-31" << "" << 0.0 << qint64(0) << qint64(1);
    }

    void measuresAtTheirBoundaries()
    {
        QFETCH(QString, children);
        QFETCH(QString, key);
        QFETCH(QString, at);
        QFETCH(QString, from);
        QFETCH(double, expected);
        QFETCH(qint64, count);
        QFETCH(qint64, denominator);
        TestStore s;
        s.population(2023, 20000);
        Importer importer(*s);
        QCOMPARE(importer.importData({{QStringLiteral("cin.xml"), census(children)}}), Importer::Result::Imported);
        const CinMeasureInfo *info = CinMeasures::find(key);
        QVERIFY(info);
        const IndicatorEngine engine(*s);
        const CinMeasureValue v = engine.cinMeasures().value(info->id, day(at), from.isEmpty() ? QDate() : day(from));
        if (std::isnan(expected))
            QVERIFY2(!v.hasValue(), qPrintable(QString::number(v.value)));
        else
            QCOMPARE(v.value, expected);
        QCOMPARE(v.count, count);
        if (info->unit != CinUnit::Count)
            QCOMPARE(v.denominator, denominator);
        // The series answers the same at that date.
        if (from.isEmpty()) {
            const QVector<CinMeasureValue> series = engine.cinMeasures().series(info->id, {day(at)});
            QCOMPARE(series.size(), 1);
            QCOMPARE(series.first().count, count);
        }
    }

    void drillDownListsTheChildrenBehindTheCount()
    {
        TestStore s;
        // A re-referred within 12 months; B referred once; C referred last year only.
        Importer importer(*s);
        QCOMPARE(importer.importData({{QStringLiteral("cin.xml"),
                                       census(child("A", referral("2023-09-01") + referral("2024-01-05"))
                                              + child("B", referral("2023-10-01", {}, "true")) + child("C", referral("2022-10-01")))}}),
                 Importer::Result::Imported);
        const auto id = [&s](const char *ref) {
            return s->scalar(QStringLiteral("SELECT child_id FROM children WHERE child_ref = ?"), {QString::fromLatin1(ref)}).toLongLong();
        };
        const IndicatorEngine engine(*s);
        const CinMeasureSet &m = engine.cinMeasures();
        const QDate at(2024, 3, 31);
        QVector<qint64> ab = {id("A"), id("B")};
        std::sort(ab.begin(), ab.end());
        QCOMPARE(m.childrenCounted(CinMeasure::Referrals, at), ab);
        QCOMPARE(m.childrenCounted(CinMeasure::Rereferrals12m, at), QVector<qint64>{id("A")});
        QCOMPARE(m.childrenCounted(CinMeasure::ReferralsNfa, at), QVector<qint64>{id("B")});
        // The breakdown by source: all three referrals in the window were from the police (6).
        const QVector<ReferralSourceRow> sources = m.referralSources(at);
        QCOMPARE(sources.first().group, QStringLiteral("Police"));
        QCOMPARE(sources.first().referrals, qint64(3));
        QCOMPARE(sources.first().nfa, qint64(1));
        QCOMPARE(sources.at(1).referrals, qint64(0));
    }

    // The demo's census written as XML and imported into a fresh store gives the same measures,
    // and its CIN episodes and CP plans are the demo's own (the §4 rates agree).
    void demoCensusRoundTrips()
    {
        DemoOptions options;
        options.seed = 3;
        options.children = 80;
        options.fromYear = 2019;
        options.toYear = 2024;
        const DemoData data = DemoGenerator::generate(options);
        TestStore demo;
        QString error;
        QVERIFY2(DemoGenerator::write(*demo, data, &error), qPrintable(error));
        const QString path = demo.scratch.filePath(QStringLiteral("cin_census.xml"));
        QVERIFY2(DemoCensus::writeXml(DemoCensus::make(data), path, &error), qPrintable(error));
        TestStore fresh;
        for (const auto &[year, count] : data.population)
            fresh.population(year, count);
        Importer importer(*fresh);
        QCOMPARE(importer.importFiles({path}), Importer::Result::Imported);
        QCOMPARE(importer.findings().size(), 0); // the demo's census is clean
        const IndicatorEngine a(*demo), b(*fresh);
        for (const QDate &at : {QDate(2024, 3, 31), QDate(2022, 9, 30), QDate(2021, 3, 31)}) {
            for (const CinMeasureInfo &info : CinMeasures::all()) {
                const CinMeasureValue x = a.cinMeasures().value(info.id, at), y = b.cinMeasures().value(info.id, at);
                QVERIFY2(x.count == y.count && x.denominator == y.denominator && (x.value == y.value || (!x.hasValue() && !y.hasValue())),
                         qPrintable(QStringLiteral("%1 at %2: %3 vs %4").arg(info.key, at.toString(Qt::ISODate)).arg(x.value).arg(y.value)));
            }
            QCOMPARE(b.valueAt(IndicatorId::Cin, at).count, a.valueAt(IndicatorId::Cin, at).count);
            QCOMPARE(b.valueAt(IndicatorId::Cp, at).count, a.valueAt(IndicatorId::Cp, at).count);
        }
        // What the demo is for: referrals and plans every year, most assessments within 45
        // working days and a tail beyond, some repeat plans.
        const CinMeasureSet &m = a.cinMeasures();
        const QDate end(2024, 3, 31);
        QVERIFY(m.value(CinMeasure::Referrals, end).count > 100);
        const double within = m.value(CinMeasure::AssessmentsWithin45wd, end).value;
        QVERIFY2(within > 70 && within < 97, qPrintable(QString::number(within)));
        QVERIFY(m.value(CinMeasure::CpSecondOrSubsequent, end).count > 0);
        QVERIFY(m.value(CinMeasure::CpStarts, end).count > 0);
    }

    void everyKeyIsNamedOnce()
    {
        QCOMPARE(CinMeasures::all().size(), cinMeasureCount);
        const QStringList keys = {"referrals_fytd", "referrals_fytd_rate_per_10k", "rereferrals_12m_pct", "referrals_nfa_pct",
                                  "assessments_completed_fytd", "assessments_within_45wd_pct", "assessment_median_wd", "s47_fytd",
                                  "s47_fytd_rate_per_10k", "icpc_fytd", "icpc_within_15wd_pct", "cp_starts_fytd", "cp_ends_fytd",
                                  "cp_second_or_subsequent_pct", "cp_repeat_within_2y_pct", "cp_ended_2y_plus_pct", "cp_open_2y_plus_count"};
        for (int i = 0; i < keys.size(); ++i) {
            QVERIFY2(CinMeasures::find(keys[i]), qPrintable(keys[i]));
            QCOMPARE(int(CinMeasures::find(keys[i])->id), i);
        }
        QVERIFY(!CinMeasures::find(QStringLiteral("cla")));
    }
};

QTEST_GUILESS_MAIN(TestCinMeasures)
#include "tst_cinmeasures.moc"
