// The Placement Panel (PRODUCT §7, seed 001 §72-84): priority flags at and around each boundary,
// agenda order and review interval, decisions (undoable, audited, with the fee change), cost
// avoidance and its year-to-date split, the residential tracker and the unregulated report.
// Expected values are worked by hand in the comments.
#include "core/dates.h"
#include "domain/agenda.h"
#include "domain/costavoidance.h"
#include "domain/panelrules.h"
#include "domain/residentialtracker.h"
#include "itemmodels/agendamodel.h"
#include "itemmodels/reporttablemodel.h"
#include "panelcommands.h"
#include "storeevents.h"
#include "store/panelstore.h"
#include "store/placementstore.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUndoStack>

// One external placement, described by overrides of these defaults.
struct Spec {
    QString ref = QStringLiteral("C1");
    QString dob = QStringLiteral("2010-01-01");
    QString decom = QStringLiteral("2024-01-01");
    QString dec;
    QString rne = QStringLiteral("S");
    QString ls = QStringLiteral("C2");
    QString place = QStringLiteral("U6");
    QString provider = QStringLiteral("PR4");
    QString providerName = QStringLiteral("Oakfield Ltd");
    int regulated = 1;
    QString rating = QStringLiteral("Good");
    QString ratedOn = QStringLiteral("2023-01-01");
    int desired = 1;
    QString dolsFrom, dolsTo, plannedEnd;
    qint64 fee = 100000;        // £1,000
    qint64 additional = 0;
};

static QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// Writes the child (if new), the episode, the placement row and its first fee; returns placement_id.
static qint64 addPlacement(TestStore &s, const Spec &p)
{
    qint64 child = s->scalar(QStringLiteral("SELECT child_id FROM children WHERE child_ref = ?"), {p.ref}).toLongLong();
    if (!child)
        child = s.child(p.ref, p.dob);
    s.episode(child, p.decom, p.dec, p.ls, p.rne, p.place, p.provider, p.dec.isEmpty() ? QString() : QStringLiteral("E8"));
    const qint64 episode = s->scalar(QStringLiteral("SELECT episode_id FROM episodes WHERE child_id = ? AND decom = ?"), {child, p.decom}).toLongLong();
    QString error;
    if (!s->run(QStringLiteral("INSERT INTO placements (episode_id, funding, provider, regulated, ofsted_rating, ofsted_rated_on,"
                               " desired_type_achieved, dols_from, dols_to, planned_end) VALUES (?, 'spot', ?, ?, ?, ?, ?, ?, ?, ?)"),
                {episode, p.providerName, p.regulated, p.rating, nullable(p.ratedOn), p.desired, nullable(p.dolsFrom),
                 nullable(p.dolsTo), nullable(p.plannedEnd)}, &error))
        qFatal("placement insert failed: %s", qPrintable(error));
    const qint64 id = s->scalar(QStringLiteral("SELECT placement_id FROM placements WHERE episode_id = ?"), {episode}).toLongLong();
    s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence, additional_weekly_pence, reason)"
                          " VALUES (?, ?, ?, ?, 'Placement agreed')"), {id, p.decom, p.fee, p.additional});
    return id;
}

static QDate day(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

static QStringList codesAt(TestStore &s, const QDate &d)
{
    const QVector<AgendaItem> all = Agenda::evaluateAll(*s, d, PanelSettings::load(*s));
    return all.isEmpty() ? QStringList{QStringLiteral("(not external or not open)")} : all.first().flagCodes();
}

static void addDecision(TestStore &s, const QString &ref, const QString &decidedOn, const QString &source, qint64 oldPence,
                        qint64 newPence, const QString &from, const QString &nextReview = QString())
{
    const qint64 child = s->scalar(QStringLiteral("SELECT child_id FROM children WHERE child_ref = ?"), {ref}).toLongLong();
    const qint64 placement = s->scalar(QStringLiteral("SELECT max(p.placement_id) FROM placements p JOIN episodes e USING (episode_id)"
                                                      " WHERE e.child_id = ?"), {child}).toLongLong();
    QString error;
    if (!s->run(QStringLiteral("INSERT INTO panel_decisions (child_id, placement_id, decided_on, source, outcome, old_weekly_pence,"
                               " new_weekly_pence, new_cost_from, next_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {child, placement, decidedOn, source, newPence ? QStringLiteral("reduce cost") : QStringLiteral("continue"), oldPence,
                 newPence ? QVariant(newPence) : QVariant(), nullable(from), nullable(nextReview)}, &error))
        qFatal("decision insert failed: %s", qPrintable(error));
}

class TestPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    // ---- Flags, one boundary a row -------------------------------------------------------
    void flagAtBoundary_data()
    {
        QTest::addColumn<QVariantMap>("spec");
        QTest::addColumn<QDate>("at");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("raised");

        const QString cost = QStringLiteral("cost_over_threshold");
        // Flag 2: weekly cost (fee + additionalities) strictly over £9,000.00 = 900,000p.
        QTest::newRow("cost £9,000.00 is not over £9,000") << QVariantMap{{"fee", 900000}} << day("2025-03-31") << cost << false;
        QTest::newRow("cost £9,000.01 is over £9,000") << QVariantMap{{"fee", 900001}} << day("2025-03-31") << cost << true;
        QTest::newRow("fee £8,000 + additionalities £1,000.01 is over") << QVariantMap{{"fee", 800000}, {"additional", 100001}}
                                                                         << day("2025-03-31") << cost << true;
        QTest::newRow("fee £8,000 + additionalities £1,000.00 is not") << QVariantMap{{"fee", 800000}, {"additional", 100000}}
                                                                        << day("2025-03-31") << cost << false;

        // Flag 3: aged 12 or under in residential (K1, K2, R1, S1). Born 15/06/2012: 12 on
        // 15/06/2024, 13 on 15/06/2025.
        const QString young = QStringLiteral("young_in_residential");
        const QVariantMap k2{{"dob", "2012-06-15"}, {"place", "K2"}};
        QTest::newRow("day before 12th birthday (aged 11) in K2") << k2 << day("2024-06-14") << young << true;
        QTest::newRow("12th birthday in K2") << k2 << day("2024-06-15") << young << true;
        QTest::newRow("day before 13th birthday (still 12) in K2") << k2 << day("2025-06-14") << young << true;
        QTest::newRow("13th birthday in K2") << k2 << day("2025-06-15") << young << false;
        QTest::newRow("aged 12 in S1 residential school") << QVariantMap{{"dob", "2012-06-15"}, {"place", "S1"}} << day("2025-01-01") << young << true;
        QTest::newRow("aged 12 in IFA fostering U6") << QVariantMap{{"dob", "2012-06-15"}} << day("2025-01-01") << young << false;

        // Flag 4: residential provider whose latest judgement at D is Inadequate (judged 10/01/2024).
        const QString inadequate = QStringLiteral("inadequate_residential");
        const QVariantMap bad{{"place", "K2"}, {"rating", "Inadequate"}, {"ratedOn", "2024-01-10"}};
        QTest::newRow("judged Inadequate before D") << bad << day("2024-06-01") << inadequate << true;
        QTest::newRow("judged Inadequate on D") << bad << day("2024-01-10") << inadequate << true;
        QTest::newRow("Inadequate judgement after D not yet known") << bad << day("2024-01-09") << inadequate << false;
        QTest::newRow("Inadequate fostering agency is not residential")
            << QVariantMap{{"rating", "Inadequate"}, {"ratedOn", "2024-01-10"}} << day("2024-06-01") << inadequate << false;

        // Flag 5: under 16 in unregulated provision. Born 10/05/2009: 16 on 10/05/2025.
        const QString unreg = QStringLiteral("unregulated_under_16");
        const QVariantMap h5{{"dob", "2009-05-10"}, {"place", "H5"}, {"regulated", 0}};
        QTest::newRow("day before 16th birthday unregulated") << h5 << day("2025-05-09") << unreg << true;
        QTest::newRow("16th birthday unregulated") << h5 << day("2025-05-10") << unreg << false;
        QTest::newRow("aged 15 in regulated supported accommodation")
            << QVariantMap{{"dob", "2009-05-10"}, {"place", "K3"}} << day("2025-05-09") << unreg << false;

        // Flag 6: aged 16-17, DoLS in force (from..to inclusive), unregulated. Born 01/01/2008;
        // DoLS 01/06/2024 to 28/02/2025.
        const QString dols = QStringLiteral("dols_unregulated");
        const QVariantMap withDols{{"dob", "2008-01-01"}, {"place", "H5"}, {"regulated", 0}, {"dolsFrom", "2024-06-01"}, {"dolsTo", "2025-02-28"}};
        QTest::newRow("DoLS on its last day") << withDols << day("2025-02-28") << dols << true;
        QTest::newRow("DoLS ended the day before") << withDols << day("2025-03-01") << dols << false;
        QTest::newRow("DoLS not yet begun") << withDols << day("2024-05-31") << dols << false;
        QTest::newRow("DoLS on its first day") << withDols << day("2024-06-01") << dols << true;
        QVariantMap regulatedDols = withDols;
        regulatedDols.insert(QStringLiteral("regulated"), 1);
        regulatedDols.insert(QStringLiteral("place"), QStringLiteral("K2"));
        QTest::newRow("DoLS in regulated children's home") << regulatedDols << day("2025-01-01") << dols << false;
        QVariantMap youngDols = withDols;
        youngDols.insert(QStringLiteral("dob"), QStringLiteral("2009-06-01")); // 15 on 01/01/2025
        QTest::newRow("DoLS aged 15 unregulated (flag 5 instead)") << youngDols << day("2025-01-01") << dols << false;

        // Flag 7: 18th birthday within 6 months: born 30/09/2007, 18 on 30/09/2025;
        // 30/03/2025 + 6 months = 30/09/2025.
        const QString near18 = QStringLiteral("nearing_18");
        const QVariantMap sept{{"dob", "2007-09-30"}};
        QTest::newRow("18th birthday exactly 6 months away") << sept << day("2025-03-30") << near18 << true;
        QTest::newRow("18th birthday 6 months and a day away") << sept << day("2025-03-29") << near18 << false;
        QTest::newRow("18th birthday tomorrow") << sept << day("2025-09-29") << near18 << true;
        QTest::newRow("18th birthday today") << sept << day("2025-09-30") << near18 << false;

        // Flag 1 and flag 8.
        QTest::newRow("desired type not achieved") << QVariantMap{{"desired", 0}} << day("2025-01-01")
                                                   << QStringLiteral("desired_type_not_achieved") << true;
        QTest::newRow("desired type achieved") << QVariantMap{} << day("2025-01-01") << QStringLiteral("desired_type_not_achieved") << false;
        QTest::newRow("additionalities of 1p") << QVariantMap{{"additional", 1}} << day("2025-01-01") << QStringLiteral("additionalities") << true;
        QTest::newRow("no additionalities") << QVariantMap{} << day("2025-01-01") << QStringLiteral("additionalities") << false;
    }

    void flagAtBoundary()
    {
        QFETCH(QVariantMap, spec);
        QFETCH(QDate, at);
        QFETCH(QString, code);
        QFETCH(bool, raised);
        TestStore s;
        Spec p;
        p.decom = QStringLiteral("2023-06-01");
        const auto str = [&spec](const char *k, QString &field) { if (spec.contains(QLatin1String(k))) field = spec.value(QLatin1String(k)).toString(); };
        const auto num = [&spec](const char *k, auto &field) { if (spec.contains(QLatin1String(k))) field = spec.value(QLatin1String(k)).toLongLong(); };
        str("dob", p.dob);
        str("place", p.place);
        str("rating", p.rating);
        str("ratedOn", p.ratedOn);
        str("dolsFrom", p.dolsFrom);
        str("dolsTo", p.dolsTo);
        num("regulated", p.regulated);
        num("desired", p.desired);
        num("fee", p.fee);
        num("additional", p.additional);
        addPlacement(s, p);
        const QStringList codes = codesAt(s, at);
        QVERIFY2(codes.contains(code) == raised, qPrintable(codes.join(QLatin1Char(','))));
    }

    void reasonsInWords()
    {
        TestStore s;
        Spec p;
        p.dob = QStringLiteral("2007-09-30");
        p.place = QStringLiteral("K2");
        p.fee = 1600000;        // £16,000 + £2,800 = £18,800 (seed 001 §77)
        p.additional = 280000;
        addPlacement(s, p);
        const QVector<AgendaItem> all = Agenda::evaluateAll(*s, day("2025-03-31"), PanelSettings());
        QCOMPARE(all.size(), 1);
        QStringList reasons;
        for (const PanelFlag &f : all.first().flags)
            reasons << f.reason;
        QVERIFY(reasons.contains(QStringLiteral("weekly cost £18,800 exceeds £9,000")));
        QVERIFY(reasons.contains(QStringLiteral("additionalities £2,800 a week on a fee of £16,000")));
        // 31/03/2025 to 30/09/2025 is 183 days = 26 whole weeks.
        QVERIFY(reasons.contains(QStringLiteral("turns 18 in 26 weeks")));
    }

    void providerReRatedFromInadequate()
    {
        // Two children with the same provider: C1's row carries the Inadequate judgement of
        // 10/01/2024, C2's row (placed later) the Good re-inspection of 01/05/2024. The latest
        // judgement on or before D counts, whichever row it was recorded on.
        TestStore s;
        Spec a;
        a.place = QStringLiteral("K2");
        a.rating = QStringLiteral("Inadequate");
        a.ratedOn = QStringLiteral("2024-01-10");
        addPlacement(s, a);
        Spec b = a;
        b.ref = QStringLiteral("C2");
        b.decom = QStringLiteral("2024-05-02");
        b.rating = QStringLiteral("Good");
        b.ratedOn = QStringLiteral("2024-05-01");
        addPlacement(s, b);
        const auto flaggedAt = [&](const char *d) {
            int n = 0;
            for (const AgendaItem &it : Agenda::evaluateAll(*s, day(d), PanelSettings()))
                n += it.flagCodes().contains(QStringLiteral("inadequate_residential")) ? 1 : 0;
            return n;
        };
        QCOMPARE(flaggedAt("2024-04-30"), 1); // only C1 placed; Inadequate is the latest
        QCOMPARE(flaggedAt("2024-05-01"), 0); // re-rated Good that day
        QCOMPARE(flaggedAt("2024-06-01"), 0); // C2 placed too: Good for both
    }

    void thresholdsComeFromSettings()
    {
        TestStore s;
        Spec p;
        p.fee = 950000; // £9,500
        addPlacement(s, p);
        QVERIFY(codesAt(s, day("2025-01-01")).contains(QStringLiteral("cost_over_threshold")));
        PanelSettings settings;
        settings.costThreshold = 1000000; // £10,000
        settings.dolsMinAge = 15;
        QString error;
        QVERIFY2(settings.save(*s, &error), qPrintable(error));
        QCOMPARE(s->setting(QStringLiteral("panel.cost_threshold_pence")), QStringLiteral("1000000"));
        QCOMPARE(s->setting(QStringLiteral("panel.dols_ages")), QStringLiteral("15-17"));
        QCOMPARE(PanelSettings::load(*s).dolsMinAge, 15);
        QVERIFY(!codesAt(s, day("2025-01-01")).contains(QStringLiteral("cost_over_threshold")));
        QVERIFY(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'settings'")).toInt() >= 2);
    }

    void thresholdChangeIsUndoable()
    {
        TestStore s;
        Spec p;
        p.fee = 950000; // £9,500: over the default £9,000, not over £10,000
        addPlacement(s, p);
        const PanelSettings before = PanelSettings::load(*s);
        PanelSettings after = before;
        after.costThreshold = 1000000;
        QUndoStack stack;
        QString error;
        QVERIFY2(EditCommand::push(&stack, new PanelSettingsCommand(*s, before, after), &error), qPrintable(error));
        QVERIFY(!codesAt(s, day("2025-01-01")).contains(QStringLiteral("cost_over_threshold")));
        stack.undo();
        QCOMPARE(PanelSettings::load(*s).costThreshold, qint64(900000));
        QVERIFY(codesAt(s, day("2025-01-01")).contains(QStringLiteral("cost_over_threshold")));
        stack.redo();
        QCOMPARE(PanelSettings::load(*s).costThreshold, qint64(1000000));
    }

    // Two administrators edit the thresholds from what each saw: the second change to the same
    // threshold is refused (naming the first), a change to a different one is kept alongside.
    void aThresholdChangedMeanwhileIsNotOverwritten()
    {
        TestStore s;
        QString error;
        auto other = Store::open(s->location(), &error);
        QVERIFY2(other, qPrintable(error));
        other->setUserName(QStringLiteral("deputy"));
        const PanelSettings seenByChair = PanelSettings::load(*s);
        const PanelSettings seenByDeputy = PanelSettings::load(*other);
        PanelSettings deputy = seenByDeputy;
        deputy.costThreshold = 1100000; // £11,000
        QVERIFY2(deputy.save(*other, seenByDeputy, &error), qPrintable(error));
        // The chair, from the old view, sets the cost threshold too: refused, nothing written.
        PanelSettings chair = seenByChair;
        chair.costThreshold = 1000000;
        chair.monthsTo18 = 3;
        QVERIFY(!chair.save(*s, seenByChair, &error));
        QVERIFY2(error.contains(QLatin1String("changed by deputy")), qPrintable(error));
        QCOMPARE(PanelSettings::load(*s).costThreshold, qint64(1100000));
        QCOMPARE(PanelSettings::load(*s).monthsTo18, 6); // all or nothing
        // Only the months to 18: the deputy's cost threshold stays.
        PanelSettings months = seenByChair;
        months.monthsTo18 = 3;
        QVERIFY2(months.save(*s, seenByChair, &error), qPrintable(error));
        QCOMPARE(PanelSettings::load(*s).monthsTo18, 3);
        QCOMPARE(PanelSettings::load(*s).costThreshold, qint64(1100000));
    }

    void onlyExternalOpenPlacements()
    {
        TestStore s;
        Spec inHouse;
        inHouse.place = QStringLiteral("K2");
        inHouse.provider = QStringLiteral("PR1");
        inHouse.dob = QStringLiteral("2015-01-01"); // aged 10: would be flagged if external
        addPlacement(s, inHouse);
        Spec ended;
        ended.ref = QStringLiteral("C2");
        ended.dec = QStringLiteral("2024-06-01");
        ended.fee = 2000000;
        addPlacement(s, ended);
        QVERIFY(Agenda::evaluateAll(*s, day("2025-01-01"), PanelSettings()).isEmpty());
        // The ended one was external and open on 01/05/2024.
        QCOMPARE(Agenda::evaluateAll(*s, day("2024-05-01"), PanelSettings()).size(), 1);
    }

    // ---- Agenda order and review interval --------------------------------------------------
    void agendaOrder()
    {
        // Severities: young in residential 3; cost over threshold 2; nearing 18 2; additionalities 1.
        //   A: young in residential (3)                      urgency 3, gravest 3, £5,000
        //   B: cost £9,500 (2) + additionalities (1)         urgency 3, gravest 2, £9,500
        //   F: cost £9,600 (2)                               urgency 2, gravest 2, £9,600
        //   C: nearing 18 (2)                                urgency 2, gravest 2, £3,000
        //   D: no flag, never reviewed                       urgency 0, £4,000
        //   E: no flag, reviewed 10 weeks ago                not on the agenda
        // Order: A (3/3) > B (3/2) > F (2, £9,600) > C (2, £3,000) > D.
        TestStore s;
        const QDate d = day("2025-03-31");
        Spec a; a.ref = "A"; a.place = "K2"; a.dob = "2014-01-01"; a.fee = 500000; addPlacement(s, a);
        Spec b; b.ref = "B"; b.fee = 900000; b.additional = 50000; addPlacement(s, b);
        Spec f; f.ref = "F"; f.fee = 960000; addPlacement(s, f);
        Spec c; c.ref = "C"; c.dob = "2007-06-01"; c.fee = 300000; addPlacement(s, c);
        Spec dd; dd.ref = "D"; dd.fee = 400000; addPlacement(s, dd);
        Spec e; e.ref = "E"; e.fee = 800000; addPlacement(s, e);
        addDecision(s, "E", "2025-01-20", "Panel", 800000, 0, QString());
        const QVector<AgendaItem> agenda = Agenda::build(*s, d, PanelSettings());
        QStringList refs;
        for (const AgendaItem &it : agenda)
            refs << it.childRef;
        QCOMPARE(refs, (QStringList{"A", "B", "F", "C", "D"}));
        QCOMPARE(agenda.first().position, 1);
        QCOMPARE(agenda.last().position, 5);
        QCOMPARE(agenda.at(1).weeklyTotal(), qint64(950000));
        QCOMPARE(agenda.at(1).daysInPlacement, 455); // 01/01/2024 to 31/03/2025: 366 + 89
    }

    void dueForReview_data()
    {
        QTest::addColumn<QString>("decidedOn");
        QTest::addColumn<QString>("nextReview");
        QTest::addColumn<bool>("due");
        QTest::addColumn<QDate>("expectedNext");
        // D = 31/03/2025; 26 weeks = 182 days before D is 30/09/2024 (back 30 days to 01/03, 28 to
        // 01/02, 31 to 01/01, 31 to 01/12, 30 to 01/11, 31 to 01/10 = 181, one more = 30/09).
        QTest::newRow("never reviewed") << QString() << QString() << true << day("2025-03-31");
        QTest::newRow("reviewed 26 weeks and a day ago") << "2024-09-29" << QString() << true << day("2025-03-30");
        QTest::newRow("reviewed exactly 26 weeks ago") << "2024-09-30" << QString() << true << day("2025-03-31");
        QTest::newRow("reviewed 26 weeks less a day ago") << "2024-10-01" << QString() << false << day("2025-04-01");
        QTest::newRow("reviewed 12 weeks ago") << "2025-01-06" << QString() << false << day("2025-07-07");
        QTest::newRow("next review set for today") << "2025-01-06" << "2025-03-31" << true << day("2025-03-31");
        QTest::newRow("next review set for tomorrow") << "2025-01-06" << "2025-04-01" << false << day("2025-04-01");
        QTest::newRow("decided on the meeting day belongs to it") << "2025-03-31" << QString() << true << day("2025-03-31");
    }

    void dueForReview()
    {
        QFETCH(QString, decidedOn);
        QFETCH(QString, nextReview);
        QFETCH(bool, due);
        QFETCH(QDate, expectedNext);
        TestStore s;
        Spec p;
        addPlacement(s, p); // no flags
        if (!decidedOn.isEmpty())
            addDecision(s, p.ref, decidedOn, "Panel", p.fee, 0, QString(), nextReview);
        // A Placements forum decision is not a panel review.
        addDecision(s, p.ref, "2025-03-01", "Placements forum", p.fee, 0, QString());
        const QVector<AgendaItem> all = Agenda::evaluateAll(*s, day("2025-03-31"), PanelSettings());
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().dueForReview, due);
        QCOMPARE(all.first().nextReview, expectedNext);
        QCOMPARE(Agenda::build(*s, day("2025-03-31"), PanelSettings()).size(), due ? 1 : 0);
    }

    // ---- Meetings and decisions ---------------------------------------------------------------
    void meetingAgendaIsFixedAndKept()
    {
        TestStore s;
        Spec a; a.ref = "A"; a.fee = 950000; addPlacement(s, a);
        Spec b; b.ref = "B"; b.fee = 200000; addPlacement(s, b);
        PanelStore panel(*s);
        QString error;
        const qint64 id = panel.createMeeting(day("2025-04-02"), QStringLiteral("Director of Through Care"), &error);
        QVERIFY2(id, qPrintable(error));
        const PanelMeeting m = panel.meeting(id);
        QCOMPARE(m.status, QStringLiteral("planned"));
        const QVector<AgendaItem> agenda = Agenda::forMeeting(*s, m, PanelSettings());
        QCOMPARE(agenda.size(), 2);
        QVERIFY2(panel.fixAgenda(id, m.version, Agenda::itemRows(agenda), &error), qPrintable(error));
        QVERIFY(!panel.fixAgenda(id, m.version, Agenda::itemRows(agenda), &error)); // stale version refused
        QVERIFY2(error.contains(QLatin1String("changed by")), qPrintable(error));
        const QVector<PanelItemRow> rows = panel.items(id);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.first().flags, QStringLiteral("cost_over_threshold"));
        // A fixed agenda keeps its children even when a new placement would join a live one.
        Spec c; c.ref = "C"; c.fee = 990000; addPlacement(s, c);
        QCOMPARE(Agenda::forMeeting(*s, panel.meeting(id), PanelSettings()).size(), 2);
        QCOMPARE(Agenda::build(*s, day("2025-04-02"), PanelSettings()).size(), 3);
    }

    void meetingAndAgendaCommandsUndo()
    {
        TestStore s;
        Spec a; a.ref = "A"; a.fee = 950000; addPlacement(s, a);
        QUndoStack stack;
        auto *create = new CreateMeetingCommand(*s, day("2025-04-09"), QStringLiteral("Director of Through Care"));
        QString error;
        QVERIFY2(EditCommand::push(&stack, create, &error), qPrintable(error));
        const qint64 id = create->meetingId();
        QVERIFY(id > 0);
        PanelStore panel(*s);
        auto *fix = new FixAgendaCommand(*s, panel.meeting(id), Agenda::itemRows(Agenda::build(*s, day("2025-04-09"), PanelSettings())));
        QVERIFY2(EditCommand::push(&stack, fix, &error), qPrintable(error));
        QCOMPARE(panel.meeting(id).status, QStringLiteral("fixed"));
        QCOMPARE(panel.items(id).size(), 1);
        stack.undo(); // unfix: provisional again, no items
        QCOMPARE(panel.meeting(id).status, QStringLiteral("planned"));
        QCOMPARE(panel.items(id).size(), 0);
        stack.undo(); // the meeting goes
        QCOMPARE(panel.meeting(id).meetingId, qint64(0));
        stack.redo();
        stack.redo();
        QCOMPARE(panel.meeting(id).status, QStringLiteral("fixed")); // same id again
        QCOMPARE(panel.items(id).size(), 1);
        // A meeting with a decision recorded at it is not removed by an undo.
        QVERIFY(s->run(QStringLiteral("INSERT INTO panel_decisions (meeting_id, child_id, decided_on, outcome) VALUES (?, 1, '2025-04-09', 'continue')"), {id}));
        QVERIFY(!panel.deleteMeeting(id, panel.meeting(id).version, &error));
        QVERIFY2(error.contains(QLatin1String("Decisions have been recorded")), qPrintable(error));
    }

    void decisionWithCostReductionIsOneUndoableTransaction()
    {
        // £16,000 fee + £2,800 additionalities = £18,800; panel reduces to £2,000 from 07/04/2025.
        // The £16,800 cut comes off the additionalities first (£2,800 -> £0), then the fee
        // (£16,000 - £14,000 = £2,000).
        TestStore s;
        Spec p;
        p.place = QStringLiteral("K2");
        p.fee = 1600000;
        p.additional = 280000;
        const qint64 placementId = addPlacement(s, p);
        PlacementStore placements(*s);
        const int version = placements.placement(placementId, day("2025-04-02")).version;
        const auto snapshot = [&s] {
            QStringList rows;
            for (const char *sql : {"SELECT decision_id, meeting_id, child_id, placement_id, decided_on, source, outcome, old_weekly_pence,"
                                    " new_weekly_pence, new_cost_from, actions, next_review, notes FROM panel_decisions ORDER BY decision_id",
                                    "SELECT placement_id, effective_from, weekly_fee_pence, additional_weekly_pence, reason FROM placement_fees"
                                    " ORDER BY placement_id, effective_from"}) {
                QSqlQuery q = s->prepare(QString::fromLatin1(sql));
                q.exec();
                while (q.next()) {
                    QStringList cells;
                    for (int i = 0; i < q.record().count(); ++i)
                        cells << q.value(i).toString();
                    rows << cells.join(QLatin1Char('|'));
                }
            }
            return rows;
        };
        const QStringList before = snapshot();
        const int auditBefore = s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();

        PanelDecision d;
        d.childId = s->scalar(QStringLiteral("SELECT child_id FROM children WHERE child_ref = 'C1'")).toLongLong();
        d.placementId = placementId;
        d.decidedOn = day("2025-04-02");
        d.outcome = QStringLiteral("reduce cost");
        d.oldWeekly = 1880000;
        d.newWeekly = 200000;
        d.hasNewCost = true;
        d.newCostFrom = day("2025-04-07");
        d.actions = QStringLiteral("Social worker: confirm the reduced staffing ratio with the provider");
        d.nextReview = day("2025-06-25");
        QUndoStack stack;
        QString error;
        QVERIFY2(EditCommand::push(&stack, new RecordDecisionCommand(*s, d, version), &error), qPrintable(error));
        // Every later undo and redo tells the screens (StoreEvents), the fee too.
        QSignalSpy changes(StoreEvents::of(*s), &StoreEvents::panelChanged);
        QSignalSpy costs(StoreEvents::of(*s), &StoreEvents::placementChanged);
        const QStringList after = snapshot();
        QCOMPARE(after.size(), before.size() + 2); // the decision and the new fee row
        const PlacementRecord now = placements.placement(placementId, day("2025-04-07"));
        QCOMPARE(now.weeklyFee, qint64(200000));
        QCOMPARE(now.additionalWeekly, qint64(0));
        QCOMPARE(placements.placement(placementId, day("2025-04-06")).weeklyTotal(), qint64(1880000));
        QVERIFY(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt() >= auditBefore + 3);

        stack.undo();
        QCOMPARE(snapshot(), before);
        stack.redo();
        QCOMPARE(snapshot(), after); // the same decision id again
        stack.undo();
        QCOMPARE(snapshot(), before);
        QCOMPARE(changes.size(), 3);
        QCOMPARE(costs.size(), 3);
        QCOMPARE(costs.first().first().toLongLong(), placementId);
        // Every step was audited; the log only grows.
        QVERIFY(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt() >= auditBefore + 9);
    }

    void refusedDecisionWritesNothing()
    {
        TestStore s;
        Spec p;
        const qint64 placementId = addPlacement(s, p);
        PanelDecision d;
        d.childId = 1;
        d.placementId = placementId;
        d.decidedOn = day("2025-04-02");
        d.outcome = QStringLiteral("reduce cost");
        d.oldWeekly = p.fee;
        d.newWeekly = 90000;
        d.hasNewCost = true;
        d.newCostFrom = day("2025-04-07");
        QUndoStack stack;
        QSignalSpy refused(StoreEvents::of(*s), &StoreEvents::editFailed);
        QString error;
        QVERIFY(!EditCommand::push(&stack, new RecordDecisionCommand(*s, d, 99), &error)); // the placement is at version 1
        QVERIFY2(error.contains(QLatin1String("changed by")), qPrintable(error));
        QCOMPARE(stack.count(), 0);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM panel_decisions")).toInt(), 0);
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM placement_fees")).toInt(), 1);
    }

    void aFailedDecisionTakesItsFeeChangeWithIt()
    {
        // The fee change runs in a savepoint inside the decision's transaction: if the decision
        // row then cannot be written (here: its id is taken), the fee row goes too.
        TestStore s;
        Spec p;
        const qint64 placementId = addPlacement(s, p);
        addDecision(s, p.ref, "2025-01-01", "Panel", p.fee, 0, QString());
        const qint64 taken = s->scalar(QStringLiteral("SELECT max(decision_id) FROM panel_decisions")).toLongLong();
        // (On PostgreSQL the server has logged the rows written above; nothing more may follow.)
        const int auditBefore = s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        PanelDecision d;
        d.decisionId = taken;
        d.childId = 1;
        d.placementId = placementId;
        d.decidedOn = day("2025-04-02");
        d.outcome = QStringLiteral("reduce cost");
        d.oldWeekly = p.fee;
        d.newWeekly = 90000;
        d.hasNewCost = true;
        d.newCostFrom = day("2025-04-07");
        QString error;
        QVERIFY(!PanelStore(*s).recordDecision(d, 1, nullptr, nullptr, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM placement_fees")).toInt(), 1);
        QCOMPARE(PlacementStore(*s).placement(placementId, day("2025-04-07")).version, 1);
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), auditBefore);
        // And the store is usable afterwards: the same decision without the clash goes through.
        d.decisionId = 0;
        QVERIFY2(PanelStore(*s).recordDecision(d, 1, nullptr, nullptr, &error), qPrintable(error));
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM placement_fees")).toInt(), 2);
    }

    // ---- Cost avoidance -----------------------------------------------------------------------
    void avoidanceArithmetic()
    {
        QCOMPARE(CostAvoidance::amount(1000, 1), qint64(143));  // £10/week for a day: 1000/7 = 142.86p
        QCOMPARE(CostAvoidance::amount(100, 3), qint64(43));    // 300/7 = 42.86p
        QCOMPARE(CostAvoidance::amount(1680000, 364), qint64(87360000)); // seed 001 §78: £16,800 x 52 = £873,600
        QCOMPARE(CostAvoidance::periodEnd(day("2024-10-01"), QDate()), day("2025-09-30")); // + 364 days
        QCOMPARE(CostAvoidance::periodEnd(day("2024-06-01"), day("2024-08-10")), day("2024-08-10"));
    }

    void avoidanceOfOneReduction_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("dec");
        QTest::addColumn<QString>("plannedEnd");
        QTest::addColumn<qint64>("saving");
        QTest::addColumn<QDate>("at");
        QTest::addColumn<qint64>("booked");
        QTest::addColumn<qint64>("accrued");
        // £5,000 -> £4,000 from 01/10/2024, open-ended: 364 days; £1,000 x 52 = £52,000 booked in
        // 2024-25; accrued 01/10/2024..31/03/2025 = 31+30+31+31+28+31 = 182 days -> 100000 x 182 / 7 = £26,000.
        QTest::newRow("reduction starting mid-year") << "2024-10-01" << QString() << QString() << qint64(100000)
                                                     << day("2025-03-31") << qint64(5200000) << qint64(2600000);
        // A planned end already passed when the reduction starts has been overtaken: 52 weeks apply.
        QTest::newRow("planned end already passed is ignored") << "2024-10-01" << QString() << "2024-09-01" << qint64(100000)
                                                               << day("2025-03-31") << qint64(5200000) << qint64(2600000);
        // £500 a week from 01/06/2024, planned end 10/08/2024: 30 + 31 + 9 = 70 days -> 50000 x 70 / 7 = £5,000.
        QTest::newRow("placement planned to end before 52 weeks") << "2024-06-01" << QString() << "2024-08-10" << qint64(50000)
                                                                  << day("2025-03-31") << qint64(500000) << qint64(500000);
        // Ended (DEC 13/07/2024) before its planned end: 30 + 12 = 42 days -> 50000 x 42 / 7 = £3,000.
        QTest::newRow("placement ended before 52 weeks") << "2024-06-01" << "2024-07-13" << "2025-01-01" << qint64(50000)
                                                         << day("2025-03-31") << qint64(300000) << qint64(300000);
        // Across a financial-year boundary: £700 a week from 01/02/2024, 364 days to 30/01/2025.
        // At 31/03/2024 (2023-24): booked 70000 x 364 / 7 = £36,400; accrued 29 + 31 = 60 days -> £6,000.
        QTest::newRow("year of the start, at 31 March") << "2024-02-01" << QString() << QString() << qint64(70000)
                                                        << day("2024-03-31") << qint64(3640000) << qint64(600000);
        // At 30/09/2024 (2024-25): not booked again; accrued 01/04..30/09/2024 = 183 days -> £18,300.
        QTest::newRow("next year, at 30 September") << "2024-02-01" << QString() << QString() << qint64(70000)
                                                     << day("2024-09-30") << qint64(0) << qint64(1830000);
        // At 31/03/2025: accrued 01/04/2024..29/01/2025 = 304 days -> £30,400 (60 + 304 = 364; £6,000 + £30,400 = £36,400).
        QTest::newRow("next year, at 31 March") << "2024-02-01" << QString() << QString() << qint64(70000)
                                                << day("2025-03-31") << qint64(0) << qint64(3040000);
        // Starting the day after D: nothing yet.
        QTest::newRow("starting after D") << "2025-04-01" << QString() << QString() << qint64(70000)
                                          << day("2025-03-31") << qint64(0) << qint64(0);
    }

    void avoidanceOfOneReduction()
    {
        QFETCH(QString, from);
        QFETCH(QString, dec);
        QFETCH(QString, plannedEnd);
        QFETCH(qint64, saving);
        QFETCH(QDate, at);
        QFETCH(qint64, booked);
        QFETCH(qint64, accrued);
        TestStore s;
        Spec p;
        p.decom = QStringLiteral("2023-06-01");
        p.dec = dec;
        p.plannedEnd = plannedEnd;
        p.fee = 500000;
        addPlacement(s, p);
        addDecision(s, p.ref, from, "Panel", 500000, 500000 - saving, from);
        const AvoidanceReport r = CostAvoidance::yearToDate(*s, at);
        QCOMPARE(r.total.booked, booked);
        QCOMPARE(r.total.accrued, accrued);
        QCOMPARE(r.total.placements, booked ? 1 : 0);
    }

    void yearToDateBySource()
    {
        // At 31/03/2025 (2024-25), all open-ended (364 days each):
        //   A Panel £300/wk from 01/05/2024: 30000 x 52 = £15,600
        //   A Panel £100/wk from 01/09/2024 (same placement again): £5,200
        //   B Panel £1,000/wk from 15/03/2024 (2023-24: not booked; accrues 01/04/2024..13/03/2025 = 347 days -> £49,571.43)
        //   C Forum £200/wk from 01/04/2024: £10,400
        //   D Forum £50/wk from 31/03/2025: £2,600 (booked; accrues 1 day -> 5000/7 = 714.29 -> 714p)
        //   E an increase (no avoidance)
        // Panel: booked £20,800 from 1 placement; Forum: £13,000 from 2 placements; total £33,800, 3 placements.
        TestStore s;
        for (const char *ref : {"A", "B", "C", "D", "E"}) {
            Spec p;
            p.ref = QLatin1String(ref);
            p.decom = QStringLiteral("2023-06-01");
            p.fee = 500000;
            addPlacement(s, p);
        }
        addDecision(s, "A", "2024-04-24", "Panel", 500000, 470000, "2024-05-01");
        addDecision(s, "A", "2024-08-28", "Panel", 470000, 460000, "2024-09-01");
        addDecision(s, "B", "2024-03-13", "Panel", 500000, 400000, "2024-03-15");
        addDecision(s, "C", "2024-04-01", "Placements forum", 500000, 480000, "2024-04-01");
        addDecision(s, "D", "2025-03-31", "Placements forum", 500000, 495000, "2025-03-31");
        addDecision(s, "E", "2024-06-01", "Panel", 500000, 520000, "2024-06-01");
        const AvoidanceReport r = CostAvoidance::yearToDate(*s, day("2025-03-31"));
        QCOMPARE(r.from, day("2024-04-01"));
        QCOMPARE(r.totals.size(), 2);
        QCOMPARE(r.totals[0].source, QStringLiteral("Panel"));
        QCOMPARE(r.totals[0].booked, qint64(2080000));
        QCOMPARE(r.totals[0].placements, 1);
        QCOMPARE(r.totals[0].decisions, 2);
        QCOMPARE(r.totals[1].source, QStringLiteral("Placements forum"));
        QCOMPARE(r.totals[1].booked, qint64(1300000));
        QCOMPARE(r.totals[1].placements, 2);
        QCOMPARE(r.total.booked, qint64(3380000));
        QCOMPARE(r.total.placements, 3);
        // B accrues 347 days of £1,000: 100000 x 347 / 7 = 4,957,142.86 -> 4,957,143p.
        qint64 bAccrued = -1;
        for (const AvoidanceLine &l : r.lines)
            if (l.childRef == QLatin1String("B"))
                bAccrued = l.accrued;
        QCOMPARE(bAccrued, qint64(4957143));
        QCOMPARE(r.lines.size(), 5); // A twice, B (accruing only), C, D
    }

    // ---- Trackers -------------------------------------------------------------------------------
    void residentialTrackerOrigins()
    {
        // F: fostered in-house from 01/01/2020, moved to an agency home 01/03/2021 (RNE P), legal
        //    status changed 01/06/2021 (RNE L): one residential placement from 01/03/2021, from fostering.
        //    Born 01/06/2009: 11 on 01/03/2021 (band 11-13).
        // H: came into care straight into a home on 10/04/2021 (RNE S): from home. Born 01/01/2005: 16.
        // G: hospital (R2) then secure K1 on 01/05/2022 (RNE P): from hospital, 2022-23. Born 01/01/2012: 10.
        TestStore s;
        const qint64 f = s.child(QStringLiteral("F"), QStringLiteral("2009-06-01"));
        s.episode(f, "2020-01-01", "2021-03-01", "C2", "S", "U4", "PR1", "X1");
        s.episode(f, "2021-03-01", "2021-06-01", "C1", "P", "K2", "PR4", "X1");
        s.episode(f, "2021-06-01", "", "C2", "L", "K2", "PR4");
        const qint64 h = s.child(QStringLiteral("H"), QStringLiteral("2005-01-01"));
        s.episode(h, "2021-04-10", "", "V2", "S", "K2", "PR5");
        const qint64 g = s.child(QStringLiteral("G"), QStringLiteral("2012-01-01"));
        s.episode(g, "2022-02-01", "2022-05-01", "C2", "S", "R2", "PR3", "X1");
        s.episode(g, "2022-05-01", "", "C2", "P", "K1", "PR3");
        for (const char *sql : {"INSERT INTO placements (episode_id, provider) SELECT episode_id, 'Home Ltd' FROM episodes"}) {
            QVERIFY(s->run(QLatin1String(sql)));
        }
        s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence, additional_weekly_pence)"
                              " SELECT p.placement_id, e.decom, 450000, 50000 FROM placements p JOIN episodes e USING (episode_id)"));
        const QVector<Tracker::ResidentialRow> rows = Tracker::residentialAt(*s, day("2022-06-01"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].childRef, QStringLiteral("F"));
        QCOMPARE(rows[0].placedOn, day("2021-03-01"));
        QCOMPARE(rows[0].origin, Tracker::Origin::Fostering);
        QCOMPARE(rows[0].enhancements, qint64(50000));
        QCOMPARE(rows[1].childRef, QStringLiteral("H"));
        QCOMPARE(rows[1].origin, Tracker::Origin::Home);
        QCOMPARE(rows[2].origin, Tracker::Origin::Hospital);

        const QVector<Tracker::NewPlacementsYear> years = Tracker::newResidentialPlacements(*s, 2020, 2022);
        QCOMPARE(years.size(), 3);
        // 2020-21: F's move on 01/03/2021 (aged 11; the RNE L episode is not a new placement).
        QCOMPARE(years[0].total, 1);
        QCOMPARE(years[0].byOrigin[int(Tracker::Origin::Fostering)], 1);
        QCOMPARE(years[0].byAgeBand[1], 1);
        // 2021-22: H from home, aged 16.
        QCOMPARE(years[1].total, 1);
        QCOMPARE(years[1].byOrigin[int(Tracker::Origin::Home)], 1);
        QCOMPARE(years[1].byAgeBand[3], 1);
        // 2022-23: G from hospital, aged 10.
        QCOMPARE(years[2].byOrigin[int(Tracker::Origin::Hospital)], 1);
        QCOMPARE(years[2].byAgeBand[0], 1);
    }

    void unregulatedReport()
    {
        TestStore s;
        Spec a; a.ref = "U15"; a.dob = "2009-06-01"; a.place = "H5"; a.regulated = 0; addPlacement(s, a);
        Spec b; b.ref = "U17"; b.dob = "2007-06-01"; b.place = "H5"; b.regulated = 0; b.dolsFrom = "2024-01-01"; addPlacement(s, b);
        Spec c; c.ref = "U16"; c.dob = "2008-06-01"; c.place = "P2"; c.regulated = 0; addPlacement(s, c);
        Spec r; r.ref = "R14"; r.dob = "2010-06-01"; r.place = "K2"; addPlacement(s, r);
        const QVector<Tracker::UnregulatedRow> rows = Tracker::unregulatedAt(*s, day("2025-03-31"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].childRef, QStringLiteral("U15"));
        QVERIFY(rows[0].under16);
        QCOMPARE(rows[1].childRef, QStringLiteral("U16"));
        QVERIFY(!rows[1].under16 && !rows[1].dols16to17);
        QVERIFY(rows[2].dols16to17);
    }

    // ---- Item models ------------------------------------------------------------------------------
    void modelsPassTheTester()
    {
        TestStore s;
        Spec a; a.ref = "A"; a.fee = 950000; a.additional = 100; addPlacement(s, a);
        Spec b; b.ref = "B"; b.place = "K2"; b.dob = "2014-01-01"; addPlacement(s, b);
        AgendaModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAgenda(Agenda::build(*s, day("2025-03-31"), PanelSettings()));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, AgendaModel::Child)).toString(), QStringLiteral("B"));
        QCOMPARE(model.data(model.index(1, AgendaModel::WeeklyCost)).toString(), QStringLiteral("£9,501"));
        QCOMPARE(model.data(model.index(1, AgendaModel::WeeklyCost), AgendaModel::SortRole).toLongLong(), qint64(950100));
        QVERIFY(model.data(model.index(0, AgendaModel::Flags), Qt::ToolTipRole).toString().contains(QLatin1String("aged 11")));
        model.setAgenda({});
        QCOMPARE(model.rowCount(), 0);

        ReportTableModel report;
        QAbstractItemModelTester tester2(&report, QAbstractItemModelTester::FailureReportingMode::QtTest);
        report.setTable({QStringLiteral("Child"), QStringLiteral("Cost")},
                        {{ReportTableModel::text(QStringLiteral("A")), ReportTableModel::number(QStringLiteral("£9,000"), 900000)}});
        QCOMPARE(report.data(report.index(0, 1), ReportTableModel::SortRole).toLongLong(), qint64(900000));
        QCOMPARE(report.toCsv(), QStringLiteral("Child,Cost\nA,\"£9,000\"\n"));
    }
};

QTEST_GUILESS_MAIN(TestPanel)
#include "tst_panel.moc"
