// The CIN census import (PRODUCT §10, issue 16): recognised by its root and Collection, streamed,
// stored without names or UPNs, later censuses replacing overlapping CINdetails, findings rather
// than crashes, format errors naming the child and element, CIN episodes and CP plans derived.
// Every expected count is worked out from the XML written in the test.
#include "core/importtypes.h"
#include "domain/importer.h"
#include "store/importstore.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

static QString sharedDir()
{
    const QByteArray env = qgetenv("CAREBOARD_SHARED_DIR");
    return env.isEmpty() ? QStringLiteral(CAREBOARD_SHARED_DIR) : QString::fromLocal8Bit(env);
}

// A census holding `children` (the <Child> elements as written).
static QByteArray census(const QString &children, const QString &year = QStringLiteral("2024"))
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n<Header>\n<CollectionDetails>\n"
                          "<Collection>CIN</Collection>\n<Year>%1</Year>\n<ReferenceDate>%1-03-31</ReferenceDate>\n"
                          "</CollectionDetails>\n</Header>\n<Children>\n%2</Children>\n</Message>\n")
        .arg(year, children)
        .toUtf8();
}

static QString child(const QString &ref, const QString &details, const QString &upn = QStringLiteral("A123456789012"))
{
    return QStringLiteral("<Child>\n<ChildIdentifiers>\n<LAchildID>%1</LAchildID>\n<UPN>%3</UPN>\n<FormerUPN>B999999999999</FormerUPN>\n"
                          "<PersonBirthDate>2015-06-01</PersonBirthDate>\n<Sex>2</Sex>\n</ChildIdentifiers>\n"
                          "<ChildCharacteristics>\n<Ethnicity>WBRI</Ethnicity>\n</ChildCharacteristics>\n%2</Child>\n")
        .arg(ref, details, upn);
}

static QString referral(const QString &date, const QString &inner = {}, const QString &nfa = QStringLiteral("false"))
{
    return QStringLiteral("<CINdetails>\n<CINreferralDate>%1</CINreferralDate>\n<ReferralSource>6</ReferralSource>\n"
                          "<PrimaryNeedCode>N1</PrimaryNeedCode>\n<ReferralNFA>%3</ReferralNFA>\n%2</CINdetails>\n")
        .arg(date, inner, nfa);
}

class TestCinCensus : public QObject
{
    Q_OBJECT

    static qint64 count(TestStore &s, const char *table)
    {
        return s->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toLongLong();
    }

    static Importer::Result import(TestStore &, const QByteArray &xml, Importer *importer, const QString &name = QStringLiteral("cin.xml"))
    {
        return importer->importData({{name, xml}});
    }

private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void recognisedByRootAndCollection()
    {
        QCOMPARE(Importer::detectKind(census(child("C1", referral("2023-05-01")))), ImportKind::CinCensus);
        // The 903 as XML has the same root and no CIN collection.
        QCOMPARE(Importer::detectKind("<Message><Header><CollectionDetails><Collection>SSDA903</Collection></CollectionDetails></Header>"
                                      "<Children><Child><CHILDID>1</CHILDID></Child></Children></Message>"),
                 ImportKind::Xml903);
        QCOMPARE(Importer::detectKind("<Message><Children><Child><CHILDID>1</CHILDID></Child></Children></Message>"), ImportKind::Xml903);
    }

    void storesEveryPartAndNoIdentifiers()
    {
        TestStore s;
        // C1: one referral with two assessments (three factors), a CIN plan, two s47s, and a CP
        // plan with two reviews. C2: two referrals, the later with no further action.
        const QString c1 = referral("2023-05-01",
                                    "<CINclosureDate>2024-01-31</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>"
                                    "<DateOfInitialCPC>2023-05-20</DateOfInitialCPC>"
                                    "<Assessments><AssessmentActualStartDate>2023-05-02</AssessmentActualStartDate>"
                                    "<AssessmentAuthorisationDate>2023-06-01</AssessmentAuthorisationDate>"
                                    "<FactorsIdentifiedAtAssessment><AssessmentFactors>1A</AssessmentFactors>"
                                    "<AssessmentFactors>2B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>"
                                    "<Assessments><AssessmentActualStartDate>2023-09-01</AssessmentActualStartDate>"
                                    "<FactorsIdentifiedAtAssessment><AssessmentFactors>3A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>"
                                    "<CINPlanDates><CINPlanStartDate>2023-06-02</CINPlanStartDate></CINPlanDates>"
                                    "<Section47><S47ActualStartDate>2023-05-03</S47ActualStartDate><InitialCPCtarget>2023-05-24</InitialCPCtarget>"
                                    "<DateOfInitialCPC>2023-05-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>"
                                    "<Section47><S47ActualStartDate>2023-10-03</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired></Section47>"
                                    "<ChildProtectionPlans><CPPstartDate>2023-05-20</CPPstartDate><CPPendDate>2024-01-31</CPPendDate>"
                                    "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>"
                                    "<NumberOfPreviousCPP>0</NumberOfPreviousCPP>"
                                    "<Reviews><CPPreviewDate>2023-08-20</CPPreviewDate><CPPreviewDate>2023-11-20</CPPreviewDate></Reviews>"
                                    "</ChildProtectionPlans>");
        const QString c2 = referral("2022-07-01", "<CINclosureDate>2022-09-01</CINclosureDate>") + referral("2023-11-15", {}, "1");
        Importer importer(*s);
        QCOMPARE(import(s, census(child("C1", c1) + child("C2", c2, "Z000000000001")), &importer), Importer::Result::Imported);
        QCOMPARE(importer.findings().size(), 0);
        QCOMPARE(importer.summaries().first().kind, ImportKind::CinCensus);
        QCOMPARE(importer.summaries().first().rows, qint64(3));
        QCOMPARE(count(s, "cin_referrals"), qint64(3));
        QCOMPARE(count(s, "cin_assessments"), qint64(2));
        QCOMPARE(count(s, "cin_assessment_factors"), qint64(3));
        QCOMPARE(count(s, "cin_plans"), qint64(1));
        QCOMPARE(count(s, "cin_section47"), qint64(2));
        QCOMPARE(count(s, "cin_cp_plans"), qint64(1));
        QCOMPARE(count(s, "cin_cp_reviews"), qint64(2));
        QCOMPARE(s->scalar(QStringLiteral("SELECT referral_nfa FROM cin_referrals WHERE referral_date = '2023-11-15'")).toInt(), 1);
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM cin_assessments WHERE authorised_date IS NULL")).toInt(), 1);
        QCOMPARE(s->scalar(QStringLiteral("SELECT latest_category FROM cin_cp_plans")).toString(), QStringLiteral("EMO"));
        QCOMPARE(s->scalar(QStringLiteral("SELECT icpc_not_required FROM cin_section47 WHERE start_date = '2023-10-03'")).toInt(), 1);
        // Children with their reference, sex and date of birth; CIN episodes and CP plans derived.
        QCOMPARE(count(s, "children"), qint64(2));
        QCOMPARE(s->scalar(QStringLiteral("SELECT dob FROM children WHERE child_ref = 'C1'")).toString(), QStringLiteral("2015-06-01"));
        QCOMPARE(count(s, "cin_episodes"), qint64(3));
        QCOMPARE(s->scalar(QStringLiteral("SELECT closure_date FROM cin_episodes WHERE referral_date = '2023-05-01'")).toString(),
                 QStringLiteral("2024-01-31"));
        QCOMPARE(count(s, "cp_plans"), qint64(1));
        QCOMPARE(s->scalar(QStringLiteral("SELECT start_date || ' ' || end_date || ' ' || initial_category FROM cp_plans")).toString(),
                 QStringLiteral("2023-05-20 2024-01-31 NEG"));
        // No UPN, former UPN, or anything else of ChildIdentifiers but the reference, sex and DOB.
        for (const QString &table : {QStringLiteral("children"), QStringLiteral("cin_referrals"), QStringLiteral("findings"), QStringLiteral("audit_log")}) {
            const QString where = table == QLatin1String("children") ? QStringLiteral("child_ref || coalesce(ethnic, '')")
                                : table == QLatin1String("cin_referrals") ? QStringLiteral("coalesce(referral_source, '') || coalesce(primary_need, '')")
                                : table == QLatin1String("findings") ? QStringLiteral("message")
                                                                     : QStringLiteral("coalesce(new_value, '') || coalesce(reason, '')");
            QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 LIKE '%A123456789012%' OR %2 LIKE '%B999999999999%'"
                                              " OR %2 LIKE '%Z000000000001%'").arg(table, where)).toInt(), 0);
        }
    }

    void laterCensusReplacesOverlappingReferrals()
    {
        TestStore s;
        // First census: C1 referred 2023-05-01 with two assessments, and 2022-01-10 with one.
        const QString twoAssessments = QStringLiteral(
            "<Assessments><AssessmentActualStartDate>2023-05-02</AssessmentActualStartDate></Assessments>"
            "<Assessments><AssessmentActualStartDate>2023-06-02</AssessmentActualStartDate></Assessments>");
        const QString oneAssessment = QStringLiteral(
            "<Assessments><AssessmentActualStartDate>2022-01-11</AssessmentActualStartDate></Assessments>");
        {
            Importer importer(*s);
            QCOMPARE(import(s, census(child("C1", referral("2022-01-10", oneAssessment) + referral("2023-05-01", twoAssessments)), "2023"), &importer),
                     Importer::Result::Imported);
        }
        // The next year's census holds the 2023-05-01 referral again (now closed, one assessment)
        // and a new one: 2022-01-10 is kept, 2023-05-01 replaced, 2024-02-01 added.
        const QString closed = QStringLiteral("<CINclosureDate>2023-12-01</CINclosureDate>"
                                              "<Assessments><AssessmentActualStartDate>2023-05-02</AssessmentActualStartDate>"
                                              "<AssessmentAuthorisationDate>2023-06-30</AssessmentAuthorisationDate></Assessments>");
        Importer importer(*s);
        QCOMPARE(import(s, census(child("C1", referral("2023-05-01", closed) + referral("2024-02-01")), "2024"), &importer, "cin2024.xml"),
                 Importer::Result::Imported);
        QCOMPARE(importer.summaries().first().added, qint64(1));
        QCOMPARE(importer.summaries().first().updated, qint64(1));
        QCOMPARE(count(s, "cin_referrals"), qint64(3));
        QCOMPARE(count(s, "cin_assessments"), qint64(2)); // one of 2022, one of the replaced referral
        QCOMPARE(s->scalar(QStringLiteral("SELECT authorised_date FROM cin_assessments WHERE referral_date = '2023-05-01'")).toString(),
                 QStringLiteral("2023-06-30"));
        QCOMPARE(count(s, "cin_episodes"), qint64(3));
        QCOMPARE(s->scalar(QStringLiteral("SELECT closure_date FROM cin_episodes WHERE referral_date = '2023-05-01'")).toString(),
                 QStringLiteral("2023-12-01"));
        QCOMPARE(count(s, "children"), qint64(1));
    }

    void findingsNotCrashes_data()
    {
        QTest::addColumn<QString>("children");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line");
        // The census's lines: 1 declaration, 2 Message ... 10 Children, 11 <Child>, 12 <ChildIdentifiers>,
        // 13-17 identifiers, 18 </ChildIdentifiers>, 19-21 characteristics, 22 the first <CINdetails>.
        QTest::newRow("assessment authorised before it started")
            << child("C1", referral("2023-05-01", "<Assessments>\n<AssessmentActualStartDate>2023-06-01</AssessmentActualStartDate>"
                                                  "<AssessmentAuthorisationDate>2023-05-20</AssessmentAuthorisationDate></Assessments>\n"))
            << "dates-out-of-order" << 27;
        QTest::newRow("ICPC held with ICPCnotRequired true")
            << child("C1", referral("2023-05-01", "<Section47>\n<S47ActualStartDate>2023-05-02</S47ActualStartDate>"
                                                  "<DateOfInitialCPC>2023-05-20</DateOfInitialCPC><ICPCnotRequired>true</ICPCnotRequired></Section47>\n"))
            << "icpc-not-required" << 27;
        QTest::newRow("CP plan with no start")
            << child("C1", referral("2023-05-01", "<ChildProtectionPlans>\n<CPPendDate>2023-09-01</CPPendDate></ChildProtectionPlans>\n"))
            << "plan-without-start" << 27;
        QTest::newRow("unknown referral source")
            << child("C1", QStringLiteral("<CINdetails>\n<CINreferralDate>2023-05-01</CINreferralDate>\n<ReferralSource>ZZ</ReferralSource>\n</CINdetails>\n"))
            << "invalid-code" << 24;
        QTest::newRow("child with no CINdetails") << child("C1", {}) << "no-cindetails" << 11;
        QTest::newRow("duplicate referral") << child("C1", referral("2023-05-01") + referral("2023-05-01")) << "duplicate-referral" << 28;
    }

    void findingsNotCrashes()
    {
        QFETCH(QString, children);
        QFETCH(QString, rule);
        QFETCH(int, line);
        TestStore s;
        Importer importer(*s);
        QCOMPARE(import(s, census(children), &importer), Importer::Result::Imported);
        const QVector<ImportFinding> stored = ImportStore(*s).findings();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().rule, rule);
        QCOMPARE(stored.first().childRef, QStringLiteral("C1"));
        QCOMPARE(stored.first().file, QStringLiteral("cin.xml"));
        QCOMPARE(stored.first().line, line);
    }

    void formatErrorsNameTheChildAndElementAndWriteNothing_data()
    {
        QTest::addColumn<QString>("children");
        QTest::addColumn<QString>("element");
        QTest::newRow("referral date not a date") << child("C7", referral("2023-02-30")) << "CINreferralDate";
        QTest::newRow("NFA neither true nor false") << child("C7", referral("2023-05-01", {}, "maybe")) << "ReferralNFA";
        QTest::newRow("assessment date in UK form")
            << child("C7", referral("2023-05-01", "<Assessments><AssessmentActualStartDate>02/05/2023</AssessmentActualStartDate></Assessments>"))
            << "AssessmentActualStartDate";
        QTest::newRow("CINdetails without referral date")
            << child("C7", QStringLiteral("<CINdetails><ReferralSource>6</ReferralSource></CINdetails>")) << "CINreferralDate";
    }

    void formatErrorsNameTheChildAndElementAndWriteNothing()
    {
        QFETCH(QString, children);
        QFETCH(QString, element);
        TestStore s;
        Importer importer(*s);
        // A good child first: nothing of it is written either.
        QCOMPARE(import(s, census(child("C1", referral("2023-01-01")) + children), &importer), Importer::Result::Invalid);
        QCOMPARE(importer.errorCount(), 1);
        const ImportError e = importer.errors().first();
        QCOMPARE(e.column, element);
        QVERIFY2(e.message.startsWith(QStringLiteral("child C7: ")), qPrintable(e.text()));
        QVERIFY(e.line > 11);
        QCOMPARE(count(s, "cin_referrals"), qint64(0));
        QCOMPARE(count(s, "children"), qint64(0));
        QCOMPARE(count(s, "imports"), qint64(0));
    }

    void streamsFromTheFile()
    {
        TestStore s;
        const QString path = s.scratch.filePath(QStringLiteral("census.xml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(census(child("C1", referral("2023-05-01")) + child("C2", referral("2023-06-01") + referral("2023-07-01"))));
        f.close();
        Importer importer(*s);
        QCOMPARE(importer.importFiles({path}), Importer::Result::Imported);
        QCOMPARE(importer.summaries().first().kind, ImportKind::CinCensus);
        QCOMPARE(count(s, "cin_referrals"), qint64(3));
        // The same file again: recognised as unchanged, nothing duplicated.
        Importer again(*s);
        QCOMPARE(again.importFiles({path}), Importer::Result::Imported);
        QVERIFY(again.summaries().first().unchanged);
        QCOMPARE(count(s, "cin_referrals"), qint64(3));
    }

    void thePeersFakeCensusesImportWithFindings_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"CIN2rows.xml", "CIN_Census_2021.xml", "CIN_Census_2024.xml", "CIN_Census_2026.xml"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void thePeersFakeCensusesImportWithFindings()
    {
        QFETCH(QString, file);
        const QString path = sharedDir() + QStringLiteral("/reference/peer-fixtures/csc-validator-be-cin/") + file;
        if (!QFileInfo::exists(path))
            CAREBOARD_SKIP_OR_FAIL(QStringLiteral("peer fixture not found at %1 (set CAREBOARD_SHARED_DIR)").arg(path));
        TestStore s;
        Importer importer(*s);
        const Importer::Result r = importer.importFiles({path});
        QVERIFY2(r == Importer::Result::Imported, qPrintable(importer.errors().isEmpty() ? importer.failure() : importer.errors().first().text()));
        QCOMPARE(importer.summaries().first().kind, ImportKind::CinCensus);
        // Each holds impossible dates (an assessment authorised years before it started).
        QVERIFY(!importer.findings().isEmpty());
        bool outOfOrder = false;
        for (const ImportFinding &f : importer.findings())
            outOfOrder = outOfOrder || f.rule == QLatin1String("dates-out-of-order");
        QVERIFY(outOfOrder);
        QCOMPARE(ImportStore(*s).findings().size(), importer.findings().size());
        QVERIFY(count(s, "cin_referrals") >= 1);
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM children WHERE child_ref = 'DfEX0000001'")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCinCensus)
#include "tst_cincensus.moc"
