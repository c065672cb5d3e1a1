// The CIN census on the command line (PRODUCT §8, §10; issue 16): `import` recognises the census
// XML and lists its findings, `indicators` prints every §10 key (null where there is no
// denominator), `indicators --children KEY` the children behind a figure, `series --list` names
// the keys and `series` answers them. Expected values are worked out from the census written here.
#include "clisupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class TestCliCin : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        // K1: referred 10/05/2023 and again 10/05/2024 (exactly 12 months: a re-referral), the
        // second with no further action ("1"). K2: referred 01/06/2024 with an assessment of 45
        // working days (03/06/2024 to 05/08/2024) and a plan from 01/07/2024. K3, on line 9: a
        // child with no CINdetails (a finding).
        const QByteArray xml =
            "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year></CollectionDetails></Header><Children>\n"
            "<Child><ChildIdentifiers><LAchildID>K1</LAchildID><UPN>A000000000001</UPN></ChildIdentifiers>\n"
            "<CINdetails><CINreferralDate>2023-05-10</CINreferralDate><ReferralSource>6</ReferralSource><ReferralNFA>false</ReferralNFA></CINdetails>\n"
            "<CINdetails><CINreferralDate>2024-05-10</CINreferralDate><ReferralSource>2A</ReferralSource><ReferralNFA>1</ReferralNFA></CINdetails></Child>\n"
            "<Child><ChildIdentifiers><LAchildID>K2</LAchildID></ChildIdentifiers>\n"
            "<CINdetails><CINreferralDate>2024-06-01</CINreferralDate><ReferralSource>6</ReferralSource><ReferralNFA>false</ReferralNFA>\n"
            "<Assessments><AssessmentActualStartDate>2024-06-03</AssessmentActualStartDate>"
            "<AssessmentAuthorisationDate>2024-08-05</AssessmentAuthorisationDate></Assessments>\n"
            "<ChildProtectionPlans><CPPstartDate>2024-07-01</CPPstartDate></ChildProtectionPlans></CINdetails></Child>\n"
            "<Child><ChildIdentifiers><LAchildID>K3</LAchildID></ChildIdentifiers></Child>\n"
            "</Children></Message>\n";
        const QString path = m_dir.filePath(QStringLiteral("census.xml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(xml);
        f.close();
        m_db = m_dir.filePath(QStringLiteral("cin.sqlite"));
        const CliResult r = runCareboard({"import", "--db", m_db, path});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("CIN census, 3 rows")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("census.xml:9: no-cindetails")), qPrintable(r.err));
    }

    void indicatorsPrintEveryKey()
    {
        const CliResult r = runCareboard({"indicators", "--db", m_db, "--at", "2025-03-31"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        // 2024-25: K1's 10/05/2024 (a re-referral, NFA) and K2's 01/06/2024.
        QCOMPARE(o.value("referrals_fytd").toDouble(), 2.0);
        QCOMPARE(o.value("rereferrals_12m_pct").toDouble(), 50.0);
        QCOMPARE(o.value("referrals_nfa_pct").toDouble(), 50.0);
        QVERIFY(o.value("referrals_fytd_rate_per_10k").isNull()); // no population loaded
        // 3 June to 5 August 2024: June 20, July 23, 1-2 August 2 = 45 working days (no bank holiday).
        QCOMPARE(o.value("assessments_completed_fytd").toDouble(), 1.0);
        QCOMPARE(o.value("assessments_within_45wd_pct").toDouble(), 100.0);
        QCOMPARE(o.value("assessment_median_wd").toDouble(), 45.0);
        QVERIFY(o.value("icpc_within_15wd_pct").isNull());
        QCOMPARE(o.value("cp_starts_fytd").toDouble(), 1.0);
        QCOMPARE(o.value("cp_open_2y_plus_count").toDouble(), 0.0);
        for (const char *key : {"s47_fytd", "s47_fytd_rate_per_10k", "icpc_fytd", "cp_ends_fytd", "cp_second_or_subsequent_pct",
                                "cp_repeat_within_2y_pct", "cp_ended_2y_plus_pct"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
    }

    void childrenBehindAFigure()
    {
        const CliResult r = runCareboard({"indicators", "--db", m_db, "--at", "2025-03-31", "--children", "rereferrals_12m_pct"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("child_ref,dob\nK1,\n"));
        const CliResult bad = runCareboard({"indicators", "--db", m_db, "--at", "2025-03-31", "--children", "cla"});
        QCOMPARE(bad.code, 2);
    }

    void seriesListsAndAnswersTheKeys()
    {
        const CliResult list = runCareboard({"series", "--list"});
        QCOMPARE(list.code, 0);
        QVERIFY(list.out.contains(QLatin1String("assessments_within_45wd_pct\tpercent\t")));
        QVERIFY(list.out.contains(QLatin1String("cp_open_2y_plus_count\tcount\t")));
        const CliResult r = runCareboard({"series", "--db", m_db, "--indicator", "referrals_fytd", "--from", "2024-04", "--to", "2024-06",
                                          "--format", "csv"});
        QCOMPARE(r.code, 0);
        // April none; May K1's; June K1's and K2's (financial year to date).
        QCOMPARE(r.out, QStringLiteral("date,count,denominator,value\n2024-04-30,0,0,0\n2024-05-31,1,0,1\n2024-06-30,2,0,2\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliCin)
#include "tst_cli_cin.moc"
