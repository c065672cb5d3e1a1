// The measures of the rest of the 903 (PRODUCT §11; docs/MEASURES.md) against small cases worked
// by hand at their boundaries: a missing episode spanning the year start, a care leaver whose
// 17th birthday is 31 March or 1 April, a review on its due date, every REC in its route, A1
// with and without an adoption placement, three social workers, the OC2 cohort.
#include "domain/indicatorengine.h"
#include "domain/returnmeasures.h"
#include "testsupport.h"

#include <cmath>

namespace {

QDate day(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// A row of one of the return's tables, in return `year`.
void row(TestStore &s, const char *table, qint64 child, const QString &columns, const QVariantList &values, int year = 2023)
{
    QStringList marks;
    for (int i = 0; i < values.size(); ++i)
        marks << QStringLiteral("?");
    QVariantList all = {child};
    all += values;
    all << year;
    QString error;
    if (!s->run(QStringLiteral("INSERT INTO %1 (child_id, %2, return_year) VALUES (?, %3, ?)").arg(QLatin1String(table), columns, marks.join(QLatin1Char(','))),
                all, &error))
        qFatal("insert into %s failed: %s", table, qPrintable(error));
}

} // namespace

class TestReturnMeasures : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    // C1 looked after from 01/01/2023; C2 01/06/2023 to 15/02/2024; C3 from 01/05/2024.
    // C1 missing 25/03/2024 to 05/04/2024 (spans the year start) and again from 01/04/2024;
    // C1 away 10/03/2024; C2 missing 01/02/2024.
    void missingEpisodeSpanningTheYearStart_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("incidents");
        QTest::addColumn<int>("children");
        QTest::addColumn<int>("lookedAfter");
        QTest::addColumn<int>("away");
        // 2023-24: C1's from 25/03 and C2's; looked after in the year C1, C2.
        QTest::newRow("31 March: the spanning episode counts in the year it starts") << "2024-03-31" << 2 << 2 << 2 << 1;
        // 2024-25: only C1's from 01/04/2024; looked after from 1 April to D: C1 (C3 not yet).
        QTest::newRow("1 April: only the episode starting that day") << "2024-04-01" << 1 << 1 << 1 << 0;
        QTest::newRow("31 May: C3 looked after too") << "2024-05-31" << 1 << 1 << 2 << 0;
    }
    void missingEpisodeSpanningTheYearStart()
    {
        QFETCH(QString, at);
        QFETCH(int, incidents);
        QFETCH(int, children);
        QFETCH(int, lookedAfter);
        QFETCH(int, away);
        TestStore s;
        const qint64 c1 = s.child("C1", "2010-01-01"), c2 = s.child("C2", "2010-01-01"), c3 = s.child("C3", "2010-01-01");
        s.episode(c1, "2023-01-01", "");
        s.episode(c2, "2023-06-01", "2024-02-15", "C2", "S", "U4", "PR1", "E4A");
        s.episode(c3, "2024-05-01", "");
        const QString cols = QStringLiteral("missing, mis_start, mis_end");
        row(s, "missing_episodes", c1, cols, {"M", "2024-03-25", "2024-04-05"});
        row(s, "missing_episodes", c1, cols, {"M", "2024-04-01", "2024-04-02"}, 2024);
        row(s, "missing_episodes", c1, cols, {"A", "2024-03-10", "2024-03-10"});
        row(s, "missing_episodes", c2, cols, {"M", "2024-02-01", "2024-02-03"});
        // The spanning episode given again in the next return: one incident, not two.
        row(s, "missing_episodes", c1, cols, {"M", "2024-03-25", "2024-04-05"}, 2024);
        IndicatorEngine e(*s);
        const QDate d = QDate::fromString(at, Qt::ISODate);
        QCOMPARE(e.valueAt(IndicatorId::MissingIncidents, d).count, qint64(incidents));
        QCOMPARE(e.valueAt(IndicatorId::MissingChildren, d).count, qint64(children));
        QCOMPARE(e.valueAt(IndicatorId::AwayIncidents, d).count, qint64(away));
        const IndicatorValue pct = e.valueAt(IndicatorId::MissingChildrenPct, d);
        QCOMPARE(pct.denominator, qint64(lookedAfter));
        QCOMPARE(pct.rate, double(children) / double(lookedAfter));
        QCOMPARE(e.childrenCounted(IndicatorId::MissingChildren, d).first().childRef, QStringLiteral("C1"));
    }

    // L1 born 31/03/2007 (17 on 31/03/2024), L2 born 01/04/2007 (17 on 01/04/2024), L3 born
    // 15/06/2005 (died: never in a denominator). L1 in touch, F1, S1; L2 not, G4, B2.
    void careLeaverSeventeenOn31MarchOr1April_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("inTouch");
        QTest::addColumn<int>("of");
        // 2023-24 (to 31/03/2024): L1's 17th birthday, L2's is the next day; L3's 18th (15/06/2023) but died.
        QTest::newRow("31 March 2024: L1 only") << "2024-03-31" << 1 << 1;
        // 2024-25: L1 is 18 on 31/03/2025, L2 17 on 01/04/2024.
        QTest::newRow("1 April 2024: L1 and L2") << "2024-04-01" << 1 << 2;
        // 2022-23: L1's 17th birthday is in 2023-24; nobody.
        QTest::newRow("31 March 2023: nobody yet") << "2023-03-31" << 0 << 0;
    }
    void careLeaverSeventeenOn31MarchOr1April()
    {
        QFETCH(QString, at);
        QFETCH(int, inTouch);
        QFETCH(int, of);
        TestStore s;
        const qint64 l1 = s.child("L1", "2007-03-31"), l2 = s.child("L2", "2007-04-01"), l3 = s.child("L3", "2005-06-15");
        const QString cols = QStringLiteral("in_touch, activ, accom");
        row(s, "care_leavers", l1, cols, {"NO", "G5", "B2"}, 2022);  // an earlier return: the latest wins
        row(s, "care_leavers", l1, cols, {"YES", "F1", "S1"});
        row(s, "care_leavers", l2, cols, {"NO", "G4", "B2"});
        row(s, "care_leavers", l3, cols, {"DIED", "0", "0"});
        IndicatorEngine e(*s);
        const QDate d = QDate::fromString(at, Qt::ISODate);
        for (IndicatorId id : {IndicatorId::CareLeaversInTouch, IndicatorId::CareLeaversEet, IndicatorId::CareLeaversSuitableAccom}) {
            const IndicatorValue v = e.valueAt(id, d);
            QCOMPARE(v.count, qint64(inTouch));
            QCOMPARE(v.denominator, qint64(of));
            QCOMPARE(v.hasRate(), of > 0);
        }
    }

    // Reviews on time (docs/MEASURES.md). Periods of care and reviews:
    //  R1 from Mon 01/07/2024: due 29/07 (the 20th working day after), held 29/07 (on its due
    //     date) and 29/10 (due 29/10, 3 months on): on time; next due 29/04/2025.
    //  R2 from 01/07/2024: first review 30/07, a day late.
    //  R3 from 01/07/2024: held 29/07; the second, due 29/10, never held.
    //  R5 from Fri 16/08/2024: 26/08 is a bank holiday, so due 16/09 (not 13/09); held 16/09, then
    //     16/12 (due 16/12).
    //  R4 from 15/12/2024: fewer than 20 working days by 31/12: not counted.
    void reviewOnItsDueDate_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("onTime");
        QTest::addColumn<int>("of");
        QTest::newRow("R3's second review due that day, not yet late") << "2024-10-29" << 3 << 4;  // R1, R3, R5
        QTest::newRow("the day after, R3 is late") << "2024-10-30" << 2 << 4;                     // R1, R5
        QTest::newRow("R4 not yet 20 working days") << "2024-12-31" << 2 << 4;                    // R1, R5
        QTest::newRow("R1's first review due that day, held") << "2024-07-29" << 3 << 3;          // R1, R2 (not due), R3
    }
    void reviewOnItsDueDate()
    {
        QFETCH(QString, at);
        QFETCH(int, onTime);
        QFETCH(int, of);
        TestStore s;
        const auto child = [&](const char *ref, const char *start, std::initializer_list<const char *> reviews) {
            const qint64 id = s.child(QString::fromLatin1(ref), "2012-01-01");
            s.episode(id, QString::fromLatin1(start), "");
            for (const char *r : reviews)
                row(s, "cla_reviews", id, QStringLiteral("review, review_code"), {QString::fromLatin1(r), "PN1"}, 2024);
        };
        child("R1", "2024-07-01", {"2024-07-29", "2024-10-29"});
        child("R2", "2024-07-01", {"2024-07-30"});
        child("R3", "2024-07-01", {"2024-07-29"});
        child("R4", "2024-12-15", {});
        child("R5", "2024-08-16", {"2024-09-16", "2024-12-16"});
        QCOMPARE(WorkingDays::add(QDate(2024, 7, 1), 20), QDate(2024, 7, 29));
        QCOMPARE(WorkingDays::add(QDate(2024, 8, 16), 20), QDate(2024, 9, 16));
        IndicatorEngine e(*s);
        const IndicatorValue v = e.valueAt(IndicatorId::ReviewsOnTime, QDate::fromString(at, Qt::ISODate));
        QCOMPARE(v.count, qint64(onTime));
        QCOMPARE(v.denominator, qint64(of));
    }

    void reviewsAndParticipation()
    {
        // In 2023-24: PN0 (under 4: left out), PN1, PN6, PN7 (did not take part), and the PN1
        // review given twice; 31/03/2023 is in the year before.
        TestStore s;
        const qint64 a = s.child("A", "2015-01-01"), b = s.child("B", "2021-01-01");
        const QString cols = QStringLiteral("review, review_code");
        row(s, "cla_reviews", b, cols, {"2023-05-01", "PN0"});
        row(s, "cla_reviews", a, cols, {"2023-05-01", "PN1"});
        row(s, "cla_reviews", a, cols, {"2023-05-01", "PN1"}, 2024);
        row(s, "cla_reviews", a, cols, {"2023-11-01", "PN6"});
        row(s, "cla_reviews", a, cols, {"2024-03-31", "PN7"});
        row(s, "cla_reviews", a, cols, {"2023-03-31", "PN7"}, 2022);
        IndicatorEngine e(*s);
        QCOMPARE(e.valueAt(IndicatorId::Reviews, day("2024-03-31")).count, qint64(4));
        const IndicatorValue p = e.valueAt(IndicatorId::ReviewParticipation, day("2024-03-31"));
        QCOMPARE(p.count, qint64(2));
        QCOMPARE(p.denominator, qint64(3));
    }

    // One child ceasing in 2023-24 with each REC; X1 is not a leaving.
    void everyRecLandsInItsRoute_data()
    {
        QTest::addColumn<QString>("rec");
        QTest::addColumn<QString>("route");
        const QList<QPair<const char *, const char *>> rows = {
            {"E11", "adoption"}, {"E12", "adoption"}, {"E43", "special_guardianship"}, {"E44", "special_guardianship"},
            {"E45", "special_guardianship"}, {"E46", "special_guardianship"}, {"E47", "special_guardianship"},
            {"E48", "special_guardianship"}, {"E41", "child_arrangements"}, {"E4A", "returned_home"}, {"E4B", "returned_home"},
            {"E13", "returned_home"}, {"E5", "independent_living"}, {"E6", "independent_living"}, {"E7", "adult_care"},
            {"E9", "custody"}, {"E14", "remand_ended"}, {"E15", "age_assessed_18"}, {"E16", "moved_abroad"},
            {"E17", "stayed_with_carers_18"}, {"E2", "died"}, {"E3", "other_la"}, {"E8", "other"}, {"E99", "other"}, {"X1", ""}};
        for (const auto &[rec, route] : rows)
            QTest::newRow(rec) << QString::fromLatin1(rec) << QString::fromLatin1(route);
    }
    void everyRecLandsInItsRoute()
    {
        QFETCH(QString, rec);
        QFETCH(QString, route);
        TestStore s;
        const qint64 c = s.child("C", "2010-01-01");
        s.episode(c, "2023-05-01", "2023-06-01", "C2", "S", "U4", "PR1", rec);
        IndicatorEngine e(*s);
        const QDate d(2024, 3, 31);
        qint64 sum = 0;
        for (const IndicatorEngine::RouteCount &r : e.ceasedByRoute(d)) {
            QCOMPARE(r.children, qint64(r.key == route ? 1 : 0));
            sum += r.children;
        }
        QCOMPARE(sum, e.valueAt(IndicatorId::ClaCeased, d).count);
        QCOMPARE(sum, qint64(route.isEmpty() ? 0 : 1));
        QCOMPARE(e.valueAt(IndicatorId::Adoptions, d).count, qint64(route == QLatin1String("adoption")));
        QCOMPARE(e.valueAt(IndicatorId::Sgo, d).count, qint64(route == QLatin1String("special_guardianship")));
        QCOMPARE(e.valueAt(IndicatorId::Cao, d).count, qint64(route == QLatin1String("child_arrangements")));
    }

    void aChildCeasingTwiceCountsOnceInTheLaterRoute()
    {
        // Home in June (E4A), back in August, special guardianship in January.
        TestStore s;
        const qint64 c = s.child("C", "2010-01-01");
        s.episode(c, "2023-04-10", "2023-06-01", "C2", "S", "U4", "PR1", "E4A");
        s.episode(c, "2023-08-01", "2024-01-15", "C2", "S", "U4", "PR1", "E45");
        IndicatorEngine e(*s);
        QCOMPARE(e.valueAt(IndicatorId::ClaCeased, day("2024-03-31")).count, qint64(1));
        QCOMPARE(e.valueAt(IndicatorId::Sgo, day("2024-03-31")).count, qint64(1));
        QCOMPARE(e.valueAt(IndicatorId::Sgo, day("2023-12-31")).count, qint64(0));  // home, then
    }

    // A1 and A2 over the 3 years to 31/03/2024 (01/04/2021 to 31/03/2024):
    //  A: S 01/02/2021 U4, X1 -> L 01/10/2021 E1 U4, X1 -> P 01/03/2022 E1 A4 -> E11 01/09/2022.
    //     A1 = 01/02/2021 to 01/03/2022 = 393 days; A2 = 01/10/2021 to the match 15/01/2022 = 106.
    //  B: S 01/01/2022 U4 -> E12 01/01/2023, adopted by the foster carers: A1 = 365 (to the DEC).
    //  C: adopted 31/03/2021, a day before the 3 years: not counted (its A1 would be 0).
    void a1WithAndWithoutAnAdoptionPlacement()
    {
        TestStore s;
        const qint64 a = s.child("A", "2019-01-01"), b = s.child("B", "2019-06-01"), c = s.child("C", "2018-01-01");
        s.episode(a, "2021-02-01", "2021-10-01", "C2", "S", "U4", "PR1", "X1");
        s.episode(a, "2021-10-01", "2022-03-01", "E1", "L", "U4", "PR1", "X1");
        s.episode(a, "2022-03-01", "2022-09-01", "E1", "P", "A4", "PR1", "E11");
        s.episode(b, "2022-01-01", "2023-01-01", "C2", "S", "U4", "PR1", "E12");
        s.episode(c, "2020-01-01", "2021-03-31", "E1", "S", "A3", "PR1", "E11");
        row(s, "adoption_decisions", a, QStringLiteral("date_int, date_match"), {"2021-06-01", "2022-01-15"}, 2021);
        IndicatorEngine e(*s);
        const IndicatorValue a1 = e.valueAt(IndicatorId::A1Days, day("2024-03-31"));
        QCOMPARE(a1.count, qint64(2));
        QCOMPARE(a1.rate, (393.0 + 365.0) / 2.0);
        const IndicatorValue a2 = e.valueAt(IndicatorId::A2Days, day("2024-03-31"));
        QCOMPARE(a2.count, qint64(1));
        QCOMPARE(a2.rate, 106.0);
        // By 31/03/2024 minus a year, C's adoption is inside the window: A1 (393 + 365 + 0) / 3.
        QCOMPARE(e.valueAt(IndicatorId::A1Days, day("2023-03-31")).rate, (393.0 + 365.0 + 0.0) / 3.0);
        QCOMPARE(Indicators::format(Indicators::info(IndicatorId::A1Days), a1.rate), QStringLiteral("379.0"));
    }

    // S1 has had SW1 (to 01/05/2023), SW2, SW3 in the 12 months to 31/03/2024: three. S2's SWA
    // ended 31/03/2023, before them: two (SWB, SWC). S3 is not looked after: not counted.
    void threeOrMoreSocialWorkers()
    {
        TestStore s;
        const qint64 s1 = s.child("S1", "2012-01-01"), s2 = s.child("S2", "2012-01-01"), s3 = s.child("S3", "2012-01-01");
        s.episode(s1, "2022-01-01", "");
        s.episode(s2, "2022-01-01", "");
        s.episode(s3, "2022-01-01", "2023-01-01", "C2", "S", "U4", "PR1", "E4A");
        const QString cols = QStringLiteral("sw_id, sw_decom, sw_dec");
        row(s, "sw_episodes", s1, cols, {"SW1", "2023-01-01", "2023-05-01"});
        row(s, "sw_episodes", s1, cols, {"SW2", "2023-05-01", "2023-09-01"});
        row(s, "sw_episodes", s1, cols, {"SW3", "2023-09-01", QVariant()});
        row(s, "sw_episodes", s2, cols, {"SWA", "2022-01-01", "2023-03-31"});
        row(s, "sw_episodes", s2, cols, {"SWB", "2023-03-31", "2023-10-01"});
        row(s, "sw_episodes", s2, cols, {"SWC", "2023-10-01", QVariant()});
        row(s, "sw_episodes", s3, cols, {"SWX", "2023-04-01", QVariant()});
        IndicatorEngine e(*s);
        const IndicatorValue v = e.valueAt(IndicatorId::SwChanges3Plus, day("2024-03-31"));
        QCOMPARE(v.count, qint64(1));
        QCOMPARE(v.denominator, qint64(2));
        QCOMPARE(e.childrenCounted(IndicatorId::SwChanges3Plus, day("2024-03-31")).first().childRef, QStringLiteral("S1"));
    }

    // OC2 at 31/03/2024: looked after that day, since 1 April 2023 or before.
    //  H1 since 01/04/2023 (12 months exactly): health check yes, dental no, immunised, SDQ 10 (aged 11).
    //  H2 since 02/04/2023: a day short; all yes, SDQ 30.  H3 left on 31/03/2024: not looked after that day.
    //  H4 since 2020: health check no, dental yes, immunised, SDQ 20 (aged 13).  H5 since 2020, aged 3: SDQ 5 left out.
    void oc2HealthOfChildrenLookedAfter12Months()
    {
        TestStore s;
        const qint64 h1 = s.child("H1", "2012-06-01"), h2 = s.child("H2", "2012-06-01"), h3 = s.child("H3", "2012-06-01"),
                     h4 = s.child("H4", "2010-06-01"), h5 = s.child("H5", "2020-06-01");
        s.episode(h1, "2023-04-01", "");
        s.episode(h2, "2023-04-02", "");
        s.episode(h3, "2020-01-01", "2024-03-31", "C2", "S", "U4", "PR1", "E4A");
        s.episode(h4, "2020-01-01", "2022-01-01", "C2", "S", "U4", "PR1", "X1");
        s.episode(h4, "2022-01-01", "", "C2", "P", "U6", "PR4");
        s.episode(h5, "2020-07-01", "");
        const QString cols = QStringLiteral("sdq_score, health_check, teeth_check, immunisations");
        row(s, "oc2_outcomes", h1, cols, {10, 1, 0, 1});
        row(s, "oc2_outcomes", h2, cols, {30, 1, 1, 1});
        row(s, "oc2_outcomes", h3, cols, {30, 1, 1, 1});
        row(s, "oc2_outcomes", h4, cols, {20, 0, 1, 1});
        row(s, "oc2_outcomes", h5, cols, {5, 1, 1, 0});
        row(s, "oc2_outcomes", h4, cols, {40, 1, 1, 1}, 2022);  // last year's return: not this year's figures
        IndicatorEngine e(*s);
        const QDate d(2024, 6, 30);  // any day answers from the 31 March before it
        const auto check = [&](IndicatorId id, int count, int of) {
            const IndicatorValue v = e.valueAt(id, d);
            QCOMPARE(v.count, qint64(count));
            QCOMPARE(v.denominator, qint64(of));
        };
        check(IndicatorId::HealthAssessments, 2, 3);  // H1, H5 of H1, H4, H5
        check(IndicatorId::DentalChecks, 2, 3);       // H4, H5
        check(IndicatorId::Immunisations, 2, 3);      // H1, H4
        const IndicatorValue sdq = e.valueAt(IndicatorId::SdqMean, d);
        QCOMPARE(sdq.count, qint64(2));
        QCOMPARE(sdq.rate, 15.0);
    }

    void everyKeyIsAnIndicator()
    {
        // PRODUCT §11's keys, each with its series name, after the placement mix.
        for (const char *key : {"missing_incidents_fytd", "missing_children_fytd", "missing_children_pct", "away_incidents_fytd",
                                "reviews_fytd", "review_participation_pct", "care_leavers_in_touch_pct", "care_leavers_eet_pct",
                                "care_leavers_suitable_accom_pct", "adoptions_fytd", "sgo_fytd", "cao_fytd", "a1_days_3y",
                                "a2_days_3y", "sw_changes_3plus_pct"}) {
            const IndicatorInfo *i = Indicators::find(QLatin1String(key));
            QVERIFY2(i, key);
            QCOMPARE(Indicators::info(i->id).key, QLatin1String(key));
        }
        QCOMPARE(int(Indicators::all().size()), indicatorIdCount);
    }
};

QTEST_GUILESS_MAIN(TestReturnMeasures)
#include "tst_returnmeasures.moc"
