// The rest of the 903 read (PRODUCT §11, issue 17): each table as CSV and as XML blocks, the XML
// recognised by its CHILD elements whatever its root, findings that name the child and element,
// a return imported again replacing that return's rows, bad input changing nothing, and the
// peer's fake files (its XML in tests/data, its CSVs in ../shared/reference/peer-fixtures).
#include "core/returnkinds.h"
#include "domain/importer.h"
#include "domain/indicatorengine.h"
#include "store/importstore.h"
#include "store/returnstore.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

#include <cctype>

namespace {

using Files = QList<QPair<QString, QByteArray>>;

const QByteArray headerCsv = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2010,WBRI,A123,,\nC2,2,01/01/2012,WBRI,,,\n";
const QByteArray episodesCsv = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                               "C1,01/05/2023,S,C2,N1,U4,PR1,,,,,,\nC2,01/06/2023,S,C2,N1,U4,PR1,01/03/2024,E4A,,,,\n";

QString sharedDir()
{
    const QByteArray env = qgetenv("CAREBOARD_SHARED_DIR");
    return env.isEmpty() ? QStringLiteral(CAREBOARD_SHARED_DIR) : QString::fromLocal8Bit(env);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QString one(Store &s, const QString &sql)
{
    return s.scalar(sql).toString();
}

// One child in the DfE's XML layout, as one line; `root` and the tags' case vary by case system.
QByteArray xmlReturn(const QByteArray &root, bool lower = false)
{
    QByteArray child =
        "<CHILD><HEADER><CHILDID>X1</CHILDID><UPN>A123456789012</UPN><SEX>1</SEX><DOB>15/06/2006</DOB><ETHNIC>WBRI</ETHNIC>"
        "<AREVIEW><REVIEW>10/05/2023</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>"
        "<AREVIEW><REVIEW>10/11/2023</REVIEW><REVIEW_CODE>PN7</REVIEW_CODE></AREVIEW>"
        "<AMISSING><MISSING>M</MISSING><MIS_START>25/03/2024</MIS_START><MIS_END>05/04/2024</MIS_END></AMISSING>"
        "<IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>S1</ACCOM>"
        "<OC2><SDQ_SCORE>14</SDQ_SCORE><CONVICTED>0</CONVICTED><HEALTH_CHECK>1</HEALTH_CHECK><IMMUNISATIONS>1</IMMUNISATIONS>"
        "<TEETH_CHECK>0</TEETH_CHECK><HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT><SUBSTANCE_MISUSE>0</SUBSTANCE_MISUSE></OC2>"
        "<PERMANENCE><PREV_PERM>Z1</PREV_PERM></PERMANENCE>"
        "<DATE_INT>01/09/2023</DATE_INT><DATE_MATCH>01/12/2023</DATE_MATCH><FOSTER_CARE>0</FOSTER_CARE><NB_ADOPTR>2</NB_ADOPTR>"
        "<SEX_ADOPTR>MF</SEX_ADOPTR><LS_ADOPTR>L0</LS_ADOPTR>"
        "<PLACED_ADOPTION><DATE_PLACED>01/01/2024</DATE_PLACED></PLACED_ADOPTION>"
        "<SW_EPISODE><SW_ID>SW7</SW_ID><SW_DECOM>01/04/2023</SW_DECOM><SW_DEC>01/10/2023</SW_DEC><SW_REASON>CHANGE</SW_REASON></SW_EPISODE>"
        "<SW_EPISODE><SW_ID>SW9</SW_ID><SW_DECOM>01/10/2023</SW_DECOM></SW_EPISODE>"
        "</HEADER>"
        "<EPISODE><DECOM>01/04/2023</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER>"
        "<DEC>01/10/2023</DEC><REC>X1</REC></EPISODE>"
        "<EPISODE><DECOM>01/10/2023</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>U6</PL><PLACE_PROVIDER>PR4</PLACE_PROVIDER>"
        "<DEC></DEC><REC>E11</REC></EPISODE></CHILD>";
    QByteArray xml = "<?xml version='1.0' encoding='us-ascii'?><" + root + ">" + child + "</" + root + ">";
    if (lower) {  // the tags only, never the values
        bool inTag = false;
        for (char &c : xml) {
            inTag = c == '<' ? true : c == '>' ? false : inTag;
            if (inTag)
                c = char(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return xml;
}

} // namespace

class TestReturns : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void eachTableIsReadAsCsv_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("reviews") << QByteArray("CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2010,2023-06-01,PN3\n")
                                 << int(ImportKind::Reviews903) << "SELECT review || '|' || review_code FROM cla_reviews" << "2023-06-01|PN3";
        QTest::newRow("missing, open") << QByteArray("CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,01/01/2010,A,02/06/2023,\n")
                                       << int(ImportKind::Missing903)
                                       << "SELECT missing || '|' || mis_start || '|' || coalesce(mis_end, 'open') FROM missing_episodes"
                                       << "A|2023-06-02|open";
        QTest::newRow("OC2, no SDQ score")
            << QByteArray("CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
                          "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\nC1,01/01/2010,,SDQ1,0,1,1,0,1,0,0,0\n")
            << int(ImportKind::Oc2903)
            << "SELECT coalesce(sdq_score, -1) || '|' || sdq_reason || '|' || health_check || teeth_check FROM oc2_outcomes" << "-1|SDQ1|10";
        QTest::newRow("OC3") << QByteArray("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,01/01/2010,YES,F1,S1\n") << int(ImportKind::Oc3903)
                             << "SELECT in_touch || activ || accom FROM care_leavers" << "YESF1S1";
        QTest::newRow("AD1") << QByteArray("CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
                                           "C1,01/01/2010,01/02/2023,01/05/2023,1,2,MF,L0\n")
                             << int(ImportKind::Ad1903) << "SELECT date_int || '|' || date_match || '|' || sex_adoptr FROM adoption_decisions"
                             << "2023-02-01|2023-05-01|MF";
        QTest::newRow("placed for adoption")
            << QByteArray("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nC1,01/01/2010,01/06/2023,,\n")
            << int(ImportKind::PlacedAdoption903) << "SELECT date_placed || coalesce(date_placed_ceased, '-') FROM placed_for_adoption"
            << "2023-06-01-";
        QTest::newRow("previous permanence, a partly known date")
            << QByteArray("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,01/01/2010,P1,931,zz/zz/2019\n") << int(ImportKind::PrevPerm903)
            << "SELECT prev_perm || la_perm || date_perm FROM previous_permanence" << "P1931zz/zz/2019";
        QTest::newRow("social worker episodes, BOM")
            << QByteArray("\xEF\xBB\xBF" "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,05/12/2010,SW999,01/01/2024,03/01/2024,SWLAZY\n")
            << int(ImportKind::SwEpisodes903) << "SELECT sw_id || '|' || sw_decom || '|' || sw_dec FROM sw_episodes" << "SW999|2024-01-01|2024-01-03";
    }
    void eachTableIsReadAsCsv()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, kind);
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QCOMPARE(int(Importer::detectKind(content)), kind);
        TestStore ts;
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"h.csv", headerCsv}, {"t.csv", content}}), Importer::Result::Imported);
        QCOMPARE(one(*ts, sql), expected);
        QCOMPARE(importer.summaries().at(1).kind, ImportKind(kind));
        QCOMPARE(importer.summaries().at(1).added, qint64(1));
        // Never a name or a UPN: the children table has no column for them, nor the return's.
        QVERIFY(!ts->scalar(QStringLiteral("SELECT count(*) FROM children WHERE child_ref = 'A123'")).toInt());
    }

    void theXmlIsRecognisedByItsChildrenWhateverTheRoot_data()
    {
        QTest::addColumn<QByteArray>("root");
        QTest::addColumn<bool>("lower");
        QTest::newRow("EXPSSDA903") << QByteArray("EXPSSDA903") << false;
        QTest::newRow("Message") << QByteArray("Message") << false;
        QTest::newRow("Children, tags in lower case") << QByteArray("Children") << true;
        QTest::newRow("a root never seen before") << QByteArray("CaseSystemExport") << false;
    }
    void theXmlIsRecognisedByItsChildrenWhateverTheRoot()
    {
        QFETCH(QByteArray, root);
        QFETCH(bool, lower);
        const QByteArray xml = xmlReturn(root, lower);
        QCOMPARE(Importer::detectKind(xml), ImportKind::Xml903);
        TestStore ts;
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"r.xml", xml}}), Importer::Result::Imported);
        // One row in each table from the one child's blocks (two reviews, two social workers).
        const QString ref = QStringLiteral("X1");
        QCOMPARE(one(*ts, "SELECT count(*) FROM episodes"), QStringLiteral("2"));
        QCOMPARE(one(*ts, "SELECT count(*) FROM cla_reviews"), QStringLiteral("2"));
        QCOMPARE(one(*ts, "SELECT count(*) FROM sw_episodes"), QStringLiteral("2"));
        for (const char *t : {"missing_episodes", "oc2_outcomes", "care_leavers", "adoption_decisions", "placed_for_adoption",
                              "previous_permanence"})
            QCOMPARE(one(*ts, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(t))), QStringLiteral("1"));
        QCOMPARE(one(*ts, "SELECT child_ref FROM children c JOIN care_leavers l ON l.child_id = c.child_id"), ref);
        QCOMPARE(one(*ts, "SELECT sdq_score || '|' || teeth_check FROM oc2_outcomes"), QStringLiteral("14|0"));
        QCOMPARE(one(*ts, "SELECT date_match FROM adoption_decisions"), QStringLiteral("2023-12-01"));
        QCOMPARE(one(*ts, "SELECT mis_start || '|' || mis_end FROM missing_episodes"), QStringLiteral("2024-03-25|2024-04-05"));
        // The return is the financial year of its latest episode date (01/10/2023): 2023-24.
        QCOMPARE(one(*ts, "SELECT DISTINCT return_year FROM cla_reviews"), QStringLiteral("2023"));
        // The one finding, an open episode with a REC, names the child and the element.
        QCOMPARE(importer.findings().size(), 1);
        const ImportFinding f = importer.findings().first();
        QCOMPARE(f.rule, QStringLiteral("open-with-rec"));
        QCOMPARE(f.where, QStringLiteral("CHILD %1, EPISODE 2").arg(ref));
        QVERIFY2(f.text().startsWith(QStringLiteral("r.xml: CHILD %1, EPISODE 2: open-with-rec: ").arg(ref)), qPrintable(f.text()));
        QCOMPARE(ImportStore(*ts).findings().first().where, f.where);
    }

    void xmlErrorsNameTheChildAndElementNeverALine()
    {
        QByteArray xml = xmlReturn("EXPSSDA903");
        xml.replace("<REVIEW>10/11/2023</REVIEW>", "<REVIEW>31/11/2023</REVIEW>");
        TestStore ts;
        const QByteArray before = TestSupport::digest(*ts);
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"r.xml", xml}}), Importer::Result::Invalid);
        QCOMPARE(importer.errorCount(), 1);
        QCOMPARE(importer.errors().first().text(),
                 QStringLiteral("r.xml: CHILD X1, AREVIEW 2: REVIEW: '31/11/2023' is not a date (DD/MM/YYYY or YYYY-MM-DD)"));
        QCOMPARE(TestSupport::digest(*ts), before);
    }

    void anXmlFileWithoutChildrenIsRefused()
    {
        TestStore ts;
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"r.xml", "<EXPSSDA903><Other/></EXPSSDA903>"}}), Importer::Result::Invalid);
        QCOMPARE(importer.errors().first().text(), QStringLiteral("r.xml:1: XML: no <CHILD> elements: not a 903 return"));
    }

    void reimportingAReturnReplacesItsRowsOfEveryTable()
    {
        TestStore ts;
        Importer first(*ts);
        // Return 2023-24 (episodes to 01/03/2024) with two reviews; 2022-23's one review stays.
        QCOMPARE(first.importData({{"h.csv", headerCsv}, {"e.csv", episodesCsv},
                                   {"r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,,01/06/2023,PN1\nC2,,01/07/2023,PN2\n"}}),
                 Importer::Result::Imported);
        QCOMPARE(first.summaries().at(2).returnYear, 2023);
        QString error;
        QVERIFY2(ts->run(QStringLiteral("INSERT INTO cla_reviews (child_id, review, review_code, return_year)"
                                        " SELECT child_id, '2022-06-01', 'PN4', 2022 FROM children WHERE child_ref = 'C1'"), {}, &error),
                 qPrintable(error));
        Importer again(*ts);
        QCOMPARE(again.importData({{"e.csv", episodesCsv + "C1,01/05/2023,S,C2,N1,U4,PR1,,,,,,\n"}}), Importer::Result::Invalid);
        QCOMPARE(again.importData({{"r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,,02/06/2023,PN5\n"}}), Importer::Result::Imported);
        QCOMPARE(again.summaries().first().removed, qint64(2));
        QCOMPARE(again.summaries().first().added, qint64(1));
        QCOMPARE(one(*ts, "SELECT count(*) FROM cla_reviews"), QStringLiteral("2"));
        QCOMPARE(one(*ts, "SELECT review_code FROM cla_reviews WHERE return_year = 2023"), QStringLiteral("PN5"));
        QCOMPARE(one(*ts, "SELECT review_code FROM cla_reviews WHERE return_year = 2022"), QStringLiteral("PN4"));
        // The XML form replaces every table of its return, emptied ones too.
        Importer xml(*ts);
        QCOMPARE(xml.importData({{"r.xml", xmlReturn("Message")}}), Importer::Result::Imported);
        QCOMPARE(one(*ts, "SELECT count(*) FROM cla_reviews WHERE return_year = 2023"), QStringLiteral("2"));
        QByteArray fewer = xmlReturn("Message");
        fewer.replace("<AMISSING><MISSING>M</MISSING><MIS_START>25/03/2024</MIS_START><MIS_END>05/04/2024</MIS_END></AMISSING>", "");
        fewer.replace("<AREVIEW><REVIEW>10/05/2023</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>", "");
        Importer xml2(*ts);
        QCOMPARE(xml2.importData({{"r.xml", fewer}}), Importer::Result::Imported);
        QCOMPARE(one(*ts, "SELECT count(*) FROM cla_reviews WHERE return_year = 2023"), QStringLiteral("1"));
        QCOMPARE(one(*ts, "SELECT count(*) FROM missing_episodes"), QStringLiteral("0"));
        QCOMPARE(one(*ts, "SELECT count(*) FROM cla_reviews WHERE return_year = 2022"), QStringLiteral("1"));
    }

    void badInputChangesNothing()
    {
        TestStore ts;
        Importer ok(*ts);
        QCOMPARE(ok.importData({{"h.csv", headerCsv}, {"e.csv", episodesCsv}}), Importer::Result::Imported);
        const QByteArray before = TestSupport::digest(*ts);
        Importer bad(*ts);
        // A good reviews file with a bad missing file: neither is written.
        QCOMPARE(bad.importData({{"r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,,01/06/2023,PN1\n"},
                                 {"m.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,,M,,\n"}}),
                 Importer::Result::Invalid);
        QCOMPARE(bad.errors().first().text(), QStringLiteral("m.csv:2: MIS_START: required value missing"));
        QCOMPARE(TestSupport::digest(*ts), before);
    }

    void dataQualityFindingsOfTheReturnTables()
    {
        TestStore ts;
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,,01/06/2023,PN9\nC1,,01/06/2023,PN1\n"},
                                      {"m.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,,X,05/06/2023,01/06/2023\n"}}),
                 Importer::Result::Imported);
        QStringList texts;
        for (const ImportFinding &f : importer.findings())
            texts << f.text();
        texts.sort();
        QCOMPARE(texts, QStringList({"m.csv:2: end-before-start: MIS_END 01/06/2023 is before MIS_START 05/06/2023",
                                     "m.csv:2: invalid-code: MISSING 'X' is not one of M, A",
                                     "r.csv:2: invalid-code: REVIEW_CODE 'PN9' is not one of PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7",
                                     "r.csv:3: duplicate-row: REVIEW 01/06/2023 is given again"}));
    }

    // data-to-insight/csc-validator-be-903's fake return (tests/data/README.md): 253 children.
    void thePeersFakeXmlImportsWithFindingsThatNameChildren()
    {
        const QByteArray xml = readFile(QStringLiteral(CAREBOARD_SOURCE_DIR "/tests/data/fake_903.xml"));
        QVERIFY(xml.startsWith("<?xml version='1.0' encoding='us-ascii'?>\n<EXPSSDA903>"));
        TestStore ts;
        Importer importer(*ts);
        const Importer::Result r = importer.importData({{"fake_903.xml", xml}});
        QVERIFY2(r == Importer::Result::Imported, qPrintable(importer.errors().value(0).text() + importer.failure()));
        // Counted in the file by element (tests/data/README.md): every block read.
        QCOMPARE(one(*ts, "SELECT count(*) FROM children"), QStringLiteral("253"));
        QCOMPARE(one(*ts, "SELECT count(*) FROM episodes"), QStringLiteral("459"));
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::Reviews903), qint64(1206));
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::Missing903), qint64(6));
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::Oc2903), qint64(253));
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::Oc3903), qint64(6));
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::Ad1903), qint64(3));
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::PlacedAdoption903), qint64(3));
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::PrevPerm903), qint64(253));
        QVERIFY(!importer.findings().isEmpty());
        const QRegularExpression named(QStringLiteral("^CHILD \\d+(, [A-Z_0-9]+( \\d+)?)?$"));
        bool sawEpisode4 = false;
        for (const ImportFinding &f : importer.findings()) {
            QVERIFY2(named.match(f.where).hasMatch(), qPrintable(f.text()));
            QVERIFY2(!f.text().contains(QStringLiteral(":2:")), qPrintable(f.text()));
            QVERIFY(!f.childRef.isEmpty());
            // Child 228005's fourth episode (from 20/12/2017) has no DEC but REC E2.
            sawEpisode4 = sawEpisode4 || (f.where == QLatin1String("CHILD 228005, EPISODE 4") && f.rule == QLatin1String("open-with-rec"));
        }
        QVERIFY(sawEpisode4);

        // The care leavers, worked from the file's six OC3 rows (all 17 in January-March 2018):
        // in touch YES 3 of 5 (DIED left out); EET P2, F1, F2, F2 of 6; accommodation S1, S1, C1, 01 of 6.
        IndicatorEngine engine(*ts);
        const QDate d(2018, 3, 31);
        QCOMPARE(engine.valueAt(IndicatorId::CareLeaversInTouch, d).count, qint64(3));
        QCOMPARE(engine.valueAt(IndicatorId::CareLeaversInTouch, d).denominator, qint64(5));
        QCOMPARE(engine.valueAt(IndicatorId::CareLeaversEet, d).count, qint64(4));
        QCOMPARE(engine.valueAt(IndicatorId::CareLeaversEet, d).denominator, qint64(6));
        QCOMPARE(engine.valueAt(IndicatorId::CareLeaversSuitableAccom, d).count, qint64(4));
        // Missing from 1 April 2017: 21/05/2017, 17/12/2017, 10/01/2018, 16/02/2018; away 29/07, 31/08/2017.
        QCOMPARE(engine.valueAt(IndicatorId::MissingIncidents, d).count, qint64(4));
        QCOMPARE(engine.valueAt(IndicatorId::AwayIncidents, d).count, qint64(2));
        const QVector<CountedChild> missing = engine.childrenCounted(IndicatorId::MissingChildren, d);
        QStringList refs;
        for (const CountedChild &c : missing)
            refs << c.childRef;
        QCOMPARE(refs, QStringList({"350905", "872011", "879537", "913048"}));
    }

    void thePeersCsvTablesImport()
    {
        const QString dir = sharedDir() + QStringLiteral("/reference/peer-fixtures/csc-validator-be-903");
        if (!QFileInfo::exists(dir))
            CAREBOARD_SKIP_OR_FAIL(QStringLiteral("peer fixtures not found at %1 (set CAREBOARD_SHARED_DIR)").arg(dir));
        TestStore ts;
        Importer importer(*ts);
        QStringList files;
        for (const char *f : {"header.csv", "episodes.csv", "uasc.csv", "missing.csv", "reviews.csv"})
            files << QDir(dir).filePath(QLatin1String(f));
        QCOMPARE(importer.importFiles(files), Importer::Result::Imported);
        // Rows counted with wc -l less the header: 43 missing, 12,582 reviews (14 repeated, found).
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::Missing903), qint64(43));
        QCOMPARE(ReturnStore(*ts).rowCount(ImportKind::Reviews903), qint64(12582));
        int repeats = 0;
        for (const ImportFinding &f : importer.findings())
            repeats += f.rule == QLatin1String("duplicate-row") && f.file == QLatin1String("reviews.csv");
        QCOMPARE(repeats, 14);
    }
};

QTEST_GUILESS_MAIN(TestReturns)
#include "tst_returns.moc"
