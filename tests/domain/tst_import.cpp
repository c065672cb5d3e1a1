// The importer (PRODUCT §5, issue #7): each file kind, each format error with its line and
// message, each data-quality finding, returns that overlap, all-or-nothing, the peer's files.
#include "store/casestore.h"
#include "core/codes.h"
#include "domain/demoexport.h"
#include "domain/demogenerator.h"
#include "itemmodels/findingsmodel.h"
#include "domain/importer.h"
#include "store/importstore.h"
#include "domain/indicatorengine.h"
#include "store/schema.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

const QByteArray headerCsv = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2010,WBRI,,,\nC2,2,01/01/2012,WBRI,,,\n";
const QByteArray episodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
const QByteArray costsHeader = "CHILD,DECOM,EFFECTIVE_FROM,COST_CATEGORY,WEEKLY_FEE,ADDITIONAL_WEEKLY,FUNDING,PROVIDER,REGULATED,"
                               "OFSTED_RATING,DESIRED_TYPE_ACHIEVED,DOLS\n";

using Files = QList<QPair<QString, QByteArray>>;

QString sharedDir()
{
    const QByteArray env = qgetenv("CAREBOARD_SHARED_DIR");
    return env.isEmpty() ? QStringLiteral(CAREBOARD_SHARED_DIR) : QString::fromLocal8Bit(env);
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void eachKindIsRecognisedAndStored_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("findings");

        QTest::newRow("903 header, BOM, CRLF, quoted field, ISO date")
            << "header.csv"
            << QByteArray("\xEF\xBB\xBF" "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,1,01/02/2010,WBRI,,,\r\nC2,2,2011-03-04,\"WB,RI\",,,\r\n")
            << "SELECT sex || '|' || dob || '|' || ethnic FROM children WHERE child_ref = 'C2'" << "2|2011-03-04|WB,RI"
            << int(ImportKind::Header903) << 0;
        QTest::newRow("903 header without the optional UPN, MOTHER, MC_DOB")
            << "header.csv" << QByteArray("CHILD,SEX,DOB,ETHNIC\nC1,1,01/02/2010,WBRI\n")
            << "SELECT dob FROM children WHERE child_ref = 'C1'" << "2010-02-01" << int(ImportKind::Header903) << 0;
        QTest::newRow("903 episodes, open episode")
            << "episodes.csv" << episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR1,,,,AB1,AB2,\n"
            << "SELECT decom || '|' || ls || '|' || place || '|' || coalesce(dec, 'open') || '|' || return_year FROM episodes"
            // The only date is 1 April 2017: the return is for 2017-18.
            << "2017-04-01|C2|U4|open|2017" << int(ImportKind::Episodes903) << 1; // no header row for C1
        QTest::newRow("903 UASC sets children.uasc")
            << "uasc.csv" << QByteArray("CHILD,SEX,DOB,DUC\nU1,1,01/01/2005,01/01/2023\n")
            << "SELECT uasc || '|' || uasc_ceased || '|' || dob FROM children WHERE child_ref = 'U1'" << "1|2023-01-01|2005-01-01"
            << int(ImportKind::Uasc903) << 0;
        QTest::newRow("CP plans")
            << "cp.csv" << QByteArray("CHILD,CPP_START_DATE,CPP_END_DATE,INITIAL_CATEGORY\nC1,2020-05-01,,NEG\n")
            << "SELECT start_date || '|' || coalesce(end_date, 'open') || '|' || initial_category FROM cp_plans" << "2020-05-01|open|NEG"
            << int(ImportKind::CpPlans) << 0;
        QTest::newRow("CIN episodes")
            << "cin.csv" << QByteArray("CHILD,CIN_REFERRAL_DATE,CIN_CLOSURE_DATE,PRIMARY_NEED\nC1,02/06/2019,31/01/2020,N1\n")
            << "SELECT referral_date || '|' || closure_date || '|' || primary_need FROM cin_episodes" << "2019-06-02|2020-01-31|N1"
            << int(ImportKind::CinEpisodes) << 0;
        QTest::newRow("population")
            << "population.csv" << QByteArray("YEAR,AGE_0_17\n2023,120000\n2024,121500\n")
            // 120,000 + 121,500
            << "SELECT sum(age_0_17) FROM population" << "241500" << int(ImportKind::Population) << 0;
        QTest::newRow("benchmarks")
            << "benchmarks.csv" << QByteArray("INDICATOR,YEAR,COMPARATOR,VALUE,SOURCE\ncla_rate_per_10k,2024,England,70.1,DfE SFR\n")
            << "SELECT value || '|' || source FROM benchmarks WHERE indicator = 'cla_rate_per_10k' AND year = 2024 AND comparator = 'England'"
            << "70.1|DfE SFR" << int(ImportKind::Benchmarks) << 0;
        QTest::newRow("cost table snapshot, columns in another order, TOTAL kept")
            << "costs-2017-12.csv"
            << QByteArray("CATEGORY,MONTH,NUMBER,AVE_UNIT_COST_WEEK\nAgency Residential,2017-12,63,3546\nTotal,2017-12,63,\"3,546\"\n")
            // £3,546 a week = 354,600 pence.
            << "SELECT month || '|' || number || '|' || ave_unit_cost_week_pence FROM cost_snapshots WHERE category = 'TOTAL'"
            << "2017-12|63|354600" << int(ImportKind::CostSnapshot) << 0;
        QTest::newRow("903 XML: CHILDID is CHILD, PL is PLACE")
            << "return.xml"
            << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header><Version>1</Version></Header>\n<Children>\n"
                          "<Child>\n<ChildIdentifiers><CHILDID>X1</CHILDID><SEX>2</SEX><DOB>01/01/2010</DOB></ChildIdentifiers>\n"
                          "<ChildCharacteristics><ETHNIC>WBRI</ETHNIC></ChildCharacteristics>\n<Episodes>\n"
                          "<Episode><DECOM>01/04/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL>"
                          "<PLACE_PROVIDER>PR1</PLACE_PROVIDER></Episode>\n</Episodes>\n</Child>\n</Children>\n</Message>\n")
            << "SELECT c.dob || '|' || c.sex || '|' || e.place || '|' || e.rne FROM episodes e JOIN children c ON c.child_id = e.child_id"
            << "2010-01-01|2|U4|S" << int(ImportKind::Xml903) << 0;
    }

    void eachKindIsRecognisedAndStored()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QFETCH(int, kind);
        QFETCH(int, findings);
        QCOMPARE(int(Importer::detectKind(content)), kind);
        TestStore ts;
        Importer importer(*ts);
        QCOMPARE(importer.importData({{name, content}}), Importer::Result::Imported);
        QCOMPARE(importer.findings().size(), findings);
        QCOMPARE(ts->scalar(sql).toString(), expected);
        QCOMPARE(ts->scalar(QStringLiteral("SELECT kind FROM imports")).toString(), importKindName(ImportKind(kind)));
    }

    void placementCostsAttachToTheEpisode()
    {
        TestStore ts;
        Importer importer(*ts);
        const QByteArray episodes = episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR4,,,,,,\n";
        const QByteArray costs = costsHeader
            + "C1,01/04/2017,,Independent Fostering Agency,\"£1,250.50\",25,Framework,Acme Fostering,Y,Good,N,\n"
              "C1,01/04/2017,01/10/2017,,1300,25.00,framework,Acme Fostering,Y,Good,N,01/11/2017\n";
        ts->run(QStringLiteral("INSERT INTO cost_categories (name) VALUES ('Independent Fostering Agency')"));
        QCOMPARE(importer.importData({{"header.csv", headerCsv}, {"episodes.csv", episodes}, {"costs.csv", costs}}),
                 Importer::Result::Imported);
        QVERIFY2(importer.findings().isEmpty(), qPrintable(importer.findings().value(0).text()));
        QCOMPARE(ts->scalar(QStringLiteral("SELECT count(*) FROM placements")).toInt(), 1);
        // The second row changes the fee and the DoLS date; the category it leaves empty is cleared.
        QCOMPARE(ts->scalar(QStringLiteral("SELECT funding || '|' || provider || '|' || regulated || '|' || desired_type_achieved || '|' || dols_from"
                                           " FROM placements")).toString(),
                 QStringLiteral("framework|Acme Fostering|1|0|2017-11-01"));
        // £1,250.50 from DECOM, £1,300 from 1 October 2017, each with £25 additional.
        QCOMPARE(ts->scalar(QStringLiteral("SELECT effective_from || '|' || weekly_fee_pence || '|' || additional_weekly_pence FROM placement_fees"
                                           " ORDER BY effective_from LIMIT 1")).toString(),
                 QStringLiteral("2017-04-01|125050|2500"));
        QCOMPARE(ts->scalar(QStringLiteral("SELECT sum(weekly_fee_pence) FROM placement_fees")).toLongLong(), 125050 + 130000);
    }

    void formatErrorsRejectTheWholeImport_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("firstError");
        QTest::addColumn<int>("count");

        QTest::newRow("columns match no known kind")
            << "missing.csv" << QByteArray("CHILD,DOB,MISSING\n1,2,3\n")
            << "missing.csv:1: header: the columns CHILD,DOB,MISSING match no known kind of file (903 header, 903 episodes, 903 UASC, "
               "CP plans, CIN episodes, population, benchmarks, placement costs, cost table snapshot, 903 reviews, 903 missing, 903 OC2, "
               "903 OC3, 903 AD1, 903 placed for adoption, 903 previous permanence, 903 social worker episodes; see PRODUCT §5)"
            << 1;
        QTest::newRow("empty file") << "empty.csv" << QByteArray() << "empty.csv:1: header: the file is empty: a header row is required" << 1;
        QTest::newRow("unparseable date")
            << "episodes.csv" << episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR1,,,,,,\nC1,31/02/2017,S,C2,N1,U4,PR1,,,,,,\n"
            << "episodes.csv:3: DECOM: '31/02/2017' is not a date (DD/MM/YYYY or YYYY-MM-DD)" << 1;
        QTest::newRow("unparseable number")
            << "population.csv" << QByteArray("YEAR,AGE_0_17\n2023,12O000\n") << "population.csv:2: AGE_0_17: '12O000' is not a whole number" << 1;
        QTest::newRow("missing required field")
            << "episodes.csv" << episodesHeader + "C1,01/04/2017,,C2,N1,U4,PR1,,,,,,\n" << "episodes.csv:2: RNE: required value missing" << 1;
        QTest::newRow("duplicate key within the file")
            << "episodes.csv" << episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR1,,,,,,\nC2,01/04/2017,S,C2,N1,U4,PR1,,,,,,\nC1,2017-04-01,P,C2,N1,U5,PR1,,,,,,\n"
            << "episodes.csv:4: DECOM: duplicate of line 2 (CHILD C1, DECOM 01/04/2017)" << 1;
        QTest::newRow("too few fields")
            << "population.csv" << QByteArray("YEAR,AGE_0_17\n2023,1\n2024\n") << "population.csv:3: row: 1 field where the header has 2" << 1;
        QTest::newRow("unterminated quote")
            << "population.csv" << QByteArray("YEAR,AGE_0_17\n2023,1\n2024,\"12\n") << "population.csv:3: CSV: malformed CSV: error parsing data while strict checking enabled" << 1;
        QTest::newRow("not money")
            << "costs.csv" << costsHeader + "C1,01/04/2017,,,12.345,,spot,,,,,\n"
            << "costs.csv:2: WEEKLY_FEE: '12.345' is not an amount of money (e.g. 1234.50)" << 1;
        QTest::newRow("not Y or N")
            << "costs.csv" << costsHeader + "C1,01/04/2017,,,120,,spot,,maybe,,,\n" << "costs.csv:2: REGULATED: 'maybe' is not Y or N" << 1;
        QTest::newRow("not a month")
            << "snapshot.csv" << QByteArray("MONTH,CATEGORY,AVE_UNIT_COST_WEEK,NUMBER\n2017-13,TOTAL,1,1\n")
            << "snapshot.csv:2: MONTH: '2017-13' is not a month (YYYY-MM)" << 1;
        QTest::newRow("every error listed, three in one row")
            << "episodes.csv" << episodesHeader + "C1,1/4/2017,,C2,N1,U4,PR1,2017-13-01,,,,,\n"
            << "episodes.csv:2: DECOM: '1/4/2017' is not a date (DD/MM/YYYY or YYYY-MM-DD)" << 3;
        QTest::newRow("malformed XML")
            << "return.xml" << QByteArray("<Message>\n<Child>\n</Message>\n") << "return.xml:3: XML: malformed XML: Opening and ending tag mismatch." << 1;
        QTest::newRow("XML that is not a 903 return")
            << "feed.xml" << QByteArray("<rss><channel/></rss>") << "feed.xml:1: XML: no <CHILD> elements: not a 903 return" << 1;
    }

    void formatErrorsRejectTheWholeImport()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, firstError);
        QFETCH(int, count);
        TestStore ts;
        Importer first(*ts);
        QCOMPARE(first.importData({{"header.csv", headerCsv}}), Importer::Result::Imported);
        const QByteArray before = TestSupport::digest(*ts);
        Importer importer(*ts);
        // A valid file given together with the bad one is not written either.
        QCOMPARE(importer.importData({{"population-ok.csv", "YEAR,AGE_0_17\n2030,1000\n"}, {name, content}}), Importer::Result::Invalid);
        QCOMPARE(importer.errorCount(), count);
        QCOMPARE(importer.errors().value(0).text(), firstError);
        QCOMPARE(TestSupport::digest(*ts), before);
        QVERIFY(importer.summaries().isEmpty());
    }

    void errorsAreCappedWithACount()
    {
        QByteArray content = "YEAR,AGE_0_17\n";
        for (int i = 0; i < 150; ++i)
            content += QByteArray::number(2000 + i) + ",many\n";
        TestStore ts;
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"population.csv", content}}), Importer::Result::Invalid);
        QCOMPARE(importer.errorCount(), 150);
        QCOMPARE(importer.errors().size(), Importer::maxListedErrors);
        QCOMPARE(importer.errors().last().text(), QStringLiteral("population.csv:101: AGE_0_17: 'many' is not a whole number"));
    }

    // A cost import that changes a placement's weekly cost logs the old and the new cost, as an
    // edit in the window does: £905 from DECOM; a corrected file says £800 from DECOM, and a new
    // row £750 from 01/10/2017 (from the £800 in force until then).
    void aCostImportLogsTheOldAndNewWeeklyCost()
    {
        TestStore ts;
        const QByteArray episodes = episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR4,,,,,,\n";
        QCOMPARE(Importer(*ts).importData({{"header.csv", headerCsv}, {"episodes.csv", episodes},
                                           {"costs.csv", costsHeader + "C1,01/04/2017,,,905,0,spot,Acme,,,,\n"}}),
                 Importer::Result::Imported);
        QCOMPARE(Importer(*ts).importData({{"costs2.csv", costsHeader + "C1,01/04/2017,,,800,0,spot,Acme,,,,\n"
                                                                        "C1,01/04/2017,01/10/2017,,750,0,spot,Acme,,,,\n"}}),
                 Importer::Result::Imported);
        QSqlQuery q = ts->prepare(QStringLiteral("SELECT row_key, old_value, new_value FROM audit_log WHERE table_name = 'placement_fees'"
                                                 " AND field = 'weekly_fee_pence' ORDER BY audit_id"));
        QVERIFY(Store::exec(q));
        QStringList entries;
        while (q.next())
            entries << QStringLiteral("%1 %2 -> %3").arg(q.value(0).toString().section(QLatin1Char('@'), 1), q.value(1).toString(),
                                                          q.value(2).toString());
        QCOMPARE(entries, QStringList({"2017-04-01 90500 -> 80000", "2017-10-01 80000 -> 75000"}));
    }

    void findingsAreStoredWithoutBlocking_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");

        QTest::newRow("PLACE H5 after 2024-25")
            << "episodes.csv" << episodesHeader + "C1,01/04/2025,S,C2,N1,H5,PR1,,,,,,\n" << "invalid-code" << 2
            << "PLACE 'H5' is not a valid code in 2025-26";
        QTest::newRow("PLACE K3 before 2024-25")
            << "episodes.csv" << episodesHeader + "C1,01/04/2023,S,C2,N1,K3,PR1,,,,,,\n" << "invalid-code" << 2
            << "PLACE 'K3' is not a valid code in 2023-24";
        QTest::newRow("legal status not in the list")
            << "episodes.csv" << episodesHeader + "C1,01/04/2023,S,ZZ,N1,U4,PR1,,,,,,\n" << "invalid-code" << 2 << "LS 'ZZ' is not a valid code";
        // Codes are compared whole and as written (codes.h: the DfE's own validity rules do so).
        QTest::newRow("RNE S1 is not S")
            << "episodes.csv" << episodesHeader + "C1,01/04/2023,S1,C2,N1,U4,PR1,,,,,,\n" << "invalid-code" << 2 << "RNE 'S1' is not a valid code";
        QTest::newRow("PLACE_PROVIDER PR12 is not PR1")
            << "episodes.csv" << episodesHeader + "C1,01/04/2023,S,C2,N1,U4,PR12,,,,,,\n" << "invalid-code" << 2
            << "PLACE_PROVIDER 'PR12' is not a valid code";
        QTest::newRow("LS v3 is not V3")
            << "episodes.csv" << episodesHeader + "C1,01/04/2023,S,v3,N1,U4,PR1,,,,,,\n" << "invalid-code" << 2
            << "LS 'v3' is not a valid code (codes are upper case: V3)";
        QTest::newRow("PLACE u4 is not U4")
            << "episodes.csv" << episodesHeader + "C1,01/04/2023,S,C2,N1,u4,PR1,,,,,,\n" << "invalid-code" << 2
            << "PLACE 'u4' is not a valid code in 2023-24 (codes are upper case: U4)";
        QTest::newRow("HOME_POST that is an address, not a postcode")
            << "episodes.csv" << episodesHeader + "C1,01/04/2023,S,C2,N1,U4,PR1,,,,12 High Street,NF1 2AB,\n" << "invalid-postcode" << 2
            << "HOME_POST '12 High Street' is not a UK postcode or postcode district; it is not stored";
        QTest::newRow("open episode with a REC")
            << "episodes.csv" << episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR1,,E11,,,,\n" << "open-with-rec" << 2
            << "the episode has no DEC but a reason for ending (REC 'E11')";
        QTest::newRow("ended episode without a REC")
            << "episodes.csv" << episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR1,01/05/2017,,,,,\n" << "closed-without-rec" << 2
            << "the episode ends on 01/05/2017 but has no REC";
        QTest::newRow("DEC before DECOM")
            << "episodes.csv" << episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR1,01/03/2017,E11,,,,\n" << "dec-before-decom" << 2
            << "DEC 01/03/2017 is before DECOM 01/04/2017";
        QTest::newRow("overlapping episodes of one child")
            << "episodes.csv"
            << episodesHeader + "C1,01/05/2017,P,C2,N1,U4,PR1,,,,,,\nC1,01/04/2017,S,C2,N1,U4,PR1,01/06/2017,X1,,,,\n"
            << "overlap" << 2 << "the episode from 01/05/2017 overlaps the one from 01/04/2017 (line 3), which ends 01/06/2017";
        QTest::newRow("child in episodes with no header row")
            << "episodes.csv" << episodesHeader + "C9,01/04/2017,S,C2,N1,U4,PR1,,,,,,\n" << "no-header" << 2
            << "child C9 has episodes but no header row (SEX, DOB)";
        QTest::newRow("CP plan ending before it starts")
            << "cp.csv" << QByteArray("CHILD,CPP_START_DATE,CPP_END_DATE,INITIAL_CATEGORY\nC1,01/05/2020,01/04/2020,NEG\n")
            << "end-before-start" << 2 << "CPP_END_DATE 01/04/2020 is before CPP_START_DATE 01/05/2020";
        QTest::newRow("CP category not in the list")
            << "cp.csv" << QByteArray("CHILD,CPP_START_DATE,CPP_END_DATE,INITIAL_CATEGORY\nC1,01/05/2020,,XYZ\n")
            << "invalid-code" << 2 << "INITIAL_CATEGORY 'XYZ' is not a valid code";
        QTest::newRow("placement cost for an episode not in the store")
            << "costs.csv" << costsHeader + "C1,01/04/2017,,,100,,spot,,,,,\n" << "unknown-episode" << 2
            << "no episode of child C1 starts on 01/04/2017: the row was not loaded";
        // Seed 000's table: 754 placements, weighted average 665,556 / 754 = £882.70 a week
        // (63 x 3546 + 25 x 2748 + 231 x 792 + 189 x 476 + 137 x 389 + 4 x 964 + 26 x 858 + 20 x 244
        //  + 6 x 1079 + 7 x 305 + 7 x 99 + 39 x 177 = 665,556), not the £954 printed.
        QTest::newRow("cost table TOTAL row disagrees with its rows (seed 000)")
            << "seed-cost-table.csv"
            << QByteArray("MONTH,CATEGORY,AVE_UNIT_COST_WEEK,NUMBER\n2017-12,Agency Residential,3546,63\n2017-12,Secure Units,0,0\n"
                          "2017-12,In-house Residential,2748,25\n2017-12,Independent Fostering Agency,792,231\n2017-12,In-house Fostering,476,189\n"
                          "2017-12,Kinship Fostering,389,137\n2017-12,Placement Plus,964,4\n2017-12,External Supported Living,858,26\n"
                          "2017-12,Internal Supported Living,244,20\n2017-12,Internal Supported Living -Complex Needs,1079,6\n"
                          "2017-12,Safe Base / Supported Lodging,305,7\n2017-12,Student Accommodation,99,7\n"
                          "2017-12,Staying Put Arrangements,177,39\n2017-12,TOTAL,954,754\n")
            << "total-mismatch" << 15 << "the TOTAL row's AVE_UNIT_COST_WEEK £954.00 is not the weighted average of the rows, £882.70";
    }

    void findingsAreStoredWithoutBlocking()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, rule);
        QFETCH(int, line);
        QFETCH(QString, message);
        TestStore ts;
        // The cost categories a store starts with (seed 000's), so that only the finding under test shows.
        for (const char *c : {"Agency Residential", "Secure Units", "In-house Residential", "Independent Fostering Agency", "In-house Fostering",
                              "Kinship Fostering", "Placement Plus", "External Supported Living", "Internal Supported Living",
                              "Internal Supported Living -Complex Needs", "Safe Base / Supported Lodging", "Student Accommodation",
                              "Staying Put Arrangements"})
            ts->run(QStringLiteral("INSERT INTO cost_categories (name) VALUES (?) ON CONFLICT DO NOTHING"), {QString::fromLatin1(c)});
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"header.csv", headerCsv}, {name, content}}), Importer::Result::Imported);
        QCOMPARE(importer.findings().size(), 1);
        const ImportFinding f = importer.findings().first();
        QCOMPARE(f.file, name);
        QCOMPARE(f.rule, rule);
        QCOMPARE(f.line, line);
        QCOMPARE(f.message, message);
        const QVector<ImportFinding> stored = ImportStore(*ts).findings();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().text(), f.text());
    }

    // What the indicators make of a code: the valid code counts as itself; an invalid one that
    // looks like it (longer, or in lower case) is a finding and counts as no known code.
    // Hand-worked: one child, one episode from 01/04/2023, still open on 31/03/2024.
    void codesAreReadWholeByTheIndicators_data()
    {
        QTest::addColumn<QByteArray>("episode");
        QTest::addColumn<int>("indicator");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<int>("findings");
        const auto id = [](IndicatorId i) { return int(i); };
        QTest::newRow("RNE S: a start") << QByteArray("C1,01/04/2023,S,C2,N1,U4,PR1,,,,,,") << id(IndicatorId::ClaStarts) << qint64(1) << 0;
        QTest::newRow("RNE S1: no start (not read as S)") << QByteArray("C1,01/04/2023,S1,C2,N1,U4,PR1,,,,,,") << id(IndicatorId::ClaStarts)
                                                          << qint64(0) << 1;
        QTest::newRow("LS V3: short breaks, not looked after") << QByteArray("C1,01/04/2023,S,V3,N1,U4,PR1,,,,,,") << id(IndicatorId::Cla)
                                                               << qint64(0) << 0;
        QTest::newRow("LS v3: a finding, not read as V3") << QByteArray("C1,01/04/2023,S,v3,N1,U4,PR1,,,,,,") << id(IndicatorId::Cla)
                                                          << qint64(1) << 1;
        QTest::newRow("PR1: in-house fostering") << QByteArray("C1,01/04/2023,S,C2,N1,U4,PR1,,,,,,") << id(IndicatorId::InHouseShareFostering)
                                                 << qint64(1) << 0;
        QTest::newRow("PR12: not in-house (not read as PR1)") << QByteArray("C1,01/04/2023,S,C2,N1,U4,PR12,,,,,,")
                                                              << id(IndicatorId::InHouseShareFostering) << qint64(0) << 1;
        QTest::newRow("PLACE K2: secure and children's homes") << QByteArray("C1,01/04/2023,S,C2,N1,K2,PR4,,,,,,")
                                                               << id(IndicatorId::MixSecureAndChildrensHomes) << qint64(1) << 0;
        QTest::newRow("PLACE K22: unknown (not read as K2)") << QByteArray("C1,01/04/2023,S,C2,N1,K22,PR4,,,,,,")
                                                             << id(IndicatorId::MixSecureAndChildrensHomes) << qint64(0) << 1;
        QTest::newRow("PLACE K22: in the unknown group") << QByteArray("C1,01/04/2023,S,C2,N1,K22,PR4,,,,,,") << id(IndicatorId::MixUnknown)
                                                         << qint64(1) << 1;
    }

    void codesAreReadWholeByTheIndicators()
    {
        QFETCH(QByteArray, episode);
        QFETCH(int, indicator);
        QFETCH(qint64, count);
        QFETCH(int, findings);
        TestStore ts;
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"header.csv", headerCsv}, {"episodes.csv", episodesHeader + episode + "\n"}}), Importer::Result::Imported);
        QCOMPARE(importer.findings().size(), findings);
        QCOMPARE(IndicatorEngine(*ts).valueAt(IndicatorId(indicator), QDate(2024, 3, 31)).count, count);
    }

    // PRODUCT §3: postcode districts only. The district is the outward code: the inward code is
    // always the last three characters (a digit and two letters), with or without the space.
    void postcodeDistrictIsTheOutwardCode_data()
    {
        QTest::addColumn<QString>("postcode");
        QTest::addColumn<QString>("district");
        QTest::newRow("NF1 2AB") << "NF1 2AB" << "NF1";
        QTest::newRow("NF12AB, no space: the last three are the inward code") << "NF12AB" << "NF1";
        QTest::newRow("lower case, spaces around") << " nf1 2ab " << "NF1";
        QTest::newRow("SW1A 1AA: a four-character district") << "SW1A 1AA" << "SW1A";
        QTest::newRow("B12AB: a one-letter district") << "B12AB" << "B1";
        QTest::newRow("NF10: a district alone") << "NF10" << "NF10";
        QTest::newRow("NF1 2: a district and part of an inward code") << "NF1 2" << "NF1";
        QTest::newRow("GIR 0AA") << "GIR 0AA" << "GIR";
        QTest::newRow("an address") << "12 High Street" << "";
        QTest::newRow("two postcodes") << "NF1 2AB NF2 3CD" << "";
        QTest::newRow("digits") << "12345" << "";
        QTest::newRow("empty") << "" << "";
    }

    void postcodeDistrictIsTheOutwardCode()
    {
        QFETCH(QString, postcode);
        QFETCH(QString, district);
        QCOMPARE(Codes::postcodeDistrict(postcode), district);
        QCOMPARE(CaseStore::postcodeDistrict(postcode), district);
    }

    // What an import stores of HOME_POST and PL_POST: the district, never the inward code; and the
    // out-of-area share still reads it (the authority's districts NF1 NF2; hand-worked: of the
    // two children looked after on 31/03/2024 one is placed in ZZ9, out of area: 1 of 2).
    void postcodesAreStoredAsDistricts()
    {
        TestStore ts;
        QVERIFY(ts->setSetting(QStringLiteral("authority_postcode_districts"), QStringLiteral("NF1 NF2")));
        const QByteArray episodes = episodesHeader
            + "C1,01/04/2023,S,C2,N1,U4,PR1,,,,nf1 2ab,NF12AB,\n"
              "C2,01/04/2023,S,C2,N1,U4,PR4,,,,NF2 3CD,zz9 9zz,\n";
        Importer importer(*ts);
        QCOMPARE(importer.importData({{"header.csv", headerCsv}, {"episodes.csv", episodes}}), Importer::Result::Imported);
        QVERIFY2(importer.findings().isEmpty(), qPrintable(importer.findings().value(0).text()));
        QSqlQuery q = ts->prepare(QStringLiteral("SELECT c.child_ref, e.home_post, e.pl_post FROM episodes e JOIN children c ON c.child_id = e.child_id"
                                                 " ORDER BY c.child_ref"));
        QVERIFY(Store::exec(q));
        QStringList stored;
        while (q.next())
            stored << QStringLiteral("%1 %2 %3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        QCOMPARE(stored, QStringList({"C1 NF1 NF1", "C2 NF2 ZZ9"}));
        QCOMPARE(ts->scalar(QStringLiteral("SELECT count(*) FROM episodes WHERE length(home_post) > 4 OR length(pl_post) > 4"
                                           " OR home_post LIKE '% %' OR pl_post LIKE '% %'")).toInt(), 0);
        const IndicatorValue v = IndicatorEngine(*ts).valueAt(IndicatorId::OutOfArea, QDate(2024, 3, 31));
        QCOMPARE(v.count, qint64(1));
        QCOMPARE(v.denominator, qint64(2));
    }

    void theSameFileTwiceChangesNothing()
    {
        TestStore ts;
        const QByteArray episodes = episodesHeader + "C1,01/04/2017,S,C2,N1,U4,PR1,01/06/2017,E11,,,,\nC2,01/05/2017,S,C2,N1,U4,PR1,,,,,,\n";
        QCOMPARE(Importer(*ts).importData({{"header.csv", headerCsv}, {"episodes.csv", episodes}}), Importer::Result::Imported);
        const QByteArray all = TestSupport::digest(*ts);
        Importer again(*ts);
        QCOMPARE(again.importData({{"header.csv", headerCsv}, {"episodes.csv", episodes}}), Importer::Result::Imported);
        QVERIFY(again.summaries().value(1).unchanged);
        QCOMPARE(TestSupport::digest(*ts), all);
        // The same return saved with CRLF line ends is another file, with the same content.
        const QStringList content = {"children", "episodes"};
        const QByteArray data = TestSupport::digest(*ts, content);
        QByteArray crlf = episodes;
        crlf.replace("\n", "\r\n");
        Importer third(*ts);
        QCOMPARE(third.importData({{"episodes-crlf.csv", crlf}}), Importer::Result::Imported);
        QCOMPARE(third.summaries().value(0).added, 0);
        QCOMPARE(third.summaries().value(0).updated, 2);
        QCOMPARE(ts->scalar(QStringLiteral("SELECT count(*) FROM episodes")).toInt(), 2);
        ts->run(QStringLiteral("UPDATE episodes SET import_id = 2")); // only the import the rows came from differs
        QCOMPARE(TestSupport::digest(*ts, content), data);
    }

    void aLaterReturnUpdatesItsEpisodes()
    {
        TestStore ts;
        // 2017-18: C1 open since 1 June 2017; C2 in care January to March 2018.
        const QByteArray y2017 = episodesHeader + "C1,01/06/2017,S,C2,N1,U4,PR1,,,,,,\nC2,01/01/2018,S,C2,N1,U4,PR1,01/03/2018,E11,,,,\n";
        // 2018-19: C1's episode ended on 1 July 2018; C2 is not in it (not looked after that year).
        const QByteArray y2018 = episodesHeader + "C1,01/06/2017,S,C2,N1,U4,PR1,01/07/2018,E11,,,,\n";
        QCOMPARE(Importer(*ts).importData({{"header.csv", headerCsv}, {"903-2017.csv", y2017}}), Importer::Result::Imported);
        Importer later(*ts);
        QCOMPARE(later.importData({{"903-2018.csv", y2018}}), Importer::Result::Imported);
        QCOMPARE(later.summaries().value(0).returnYear, 2018);
        QCOMPARE(later.summaries().value(0).updated, 1);
        QCOMPARE(later.summaries().value(0).removed, 0);
        const QString sql = QStringLiteral("SELECT e.dec || '|' || e.return_year FROM episodes e JOIN children c ON c.child_id = e.child_id"
                                           " WHERE c.child_ref = 'C1'");
        QCOMPARE(ts->scalar(sql).toString(), QStringLiteral("2018-07-01|2018"));
        QCOMPARE(ts->scalar(QStringLiteral("SELECT count(*) FROM episodes")).toInt(), 2);
        // Loading the older return again does not undo what the later one said.
        QCOMPARE(Importer(*ts).importData({{"903-2017.csv", y2017}}), Importer::Result::Imported);
        QCOMPARE(ts->scalar(sql).toString(), QStringLiteral("2018-07-01|2018"));
        QCOMPARE(ImportStore(*ts).returnYears(), (QVector<int>{2017, 2018}));
    }

    void aCorrectedReturnRemovesWhatItNoLongerLists()
    {
        TestStore ts;
        const QByteArray y2016 = episodesHeader + "C2,01/05/2016,S,C2,N1,U4,PR1,01/06/2016,E11,,,,\n";
        const QByteArray first = episodesHeader + "C1,01/06/2017,S,C2,N1,U4,PR1,01/08/2017,E11,,,,\nC2,01/01/2018,S,C2,N1,U4,PR1,01/03/2018,E11,,,,\n";
        // The corrected 2017-18 return (its latest date, 1 August 2017, is in 2017-18) drops C2's episode.
        const QByteArray corrected = episodesHeader + "C1,01/06/2017,S,C2,N1,U4,PR1,01/08/2017,E11,,,,\n";
        QCOMPARE(Importer(*ts).importData({{"header.csv", headerCsv}, {"903-2016.csv", y2016}, {"903-2017.csv", first}}),
                 Importer::Result::Imported);
        QCOMPARE(ts->scalar(QStringLiteral("SELECT count(*) FROM episodes")).toInt(), 3);
        Importer fix(*ts);
        QCOMPARE(fix.importData({{"903-2017-corrected.csv", corrected}}), Importer::Result::Imported);
        QCOMPARE(fix.summaries().value(0).removed, 1);
        // C1's 2017 episode and C2's 2016 one (another year's window) remain.
        QCOMPARE(ts->scalar(QStringLiteral("SELECT count(*) FROM episodes")).toInt(), 2);
        QCOMPARE(ts->scalar(QStringLiteral("SELECT count(*) FROM episodes WHERE decom = '2018-01-01'")).toInt(), 0);
    }

    void aCancelledImportLeavesNothingBehind()
    {
        TestStore ts;
        QCOMPARE(Importer(*ts).importData({{"header.csv", headerCsv}}), Importer::Result::Imported);
        const QByteArray before = TestSupport::digest(*ts);
        QByteArray episodes = episodesHeader;
        for (int i = 0; i < 40000; ++i)
            episodes += "K" + QByteArray::number(i) + ",01/04/2017,S,C2,N1,U4,PR1,,,,,,\n";
        Importer importer(*ts);
        qint64 seen = 0;
        // Parsing reads 40,000 rows; cancel once writing has begun.
        importer.setProgressHandler([&seen](qint64 rows) { seen = rows; return rows < 50000; });
        QCOMPARE(importer.importData({{"episodes.csv", episodes}}), Importer::Result::Cancelled);
        QVERIFY(seen >= 50000);
        QCOMPARE(TestSupport::digest(*ts), before);
    }

    void theDemoStoreIsNotMixedWithRealData()
    {
        TestStore ts;
        DemoOptions options;
        options.children = 20;
        options.fromYear = 2019;
        options.toYear = 2024;
        QString error;
        QVERIFY(DemoGenerator::write(*ts, DemoGenerator::generate(options), &error));
        const QByteArray before = TestSupport::digest(*ts);
        Importer refused(*ts);
        QCOMPARE(refused.importData({{"header.csv", headerCsv}}), Importer::Result::Failed);
        QVERIFY(refused.failure().contains(QStringLiteral("demo")));
        QCOMPARE(TestSupport::digest(*ts), before);
        Importer replace(*ts);
        replace.setReplaceDemo(true);
        const Importer::Result replaced = replace.importData({{"header.csv", headerCsv}});
        QVERIFY2(replaced == Importer::Result::Imported, qPrintable(replace.failure()));
        QVERIFY(!ts->isDemo());
        QCOMPARE(ts->scalar(QStringLiteral("SELECT count(*) FROM children")).toInt(), 2);
        // No name given: never the demo's name any more.
        QCOMPARE(ts->authorityName(), QStringLiteral("Unnamed authority"));
    }

    void theDemoAuthorityRoundTripsThroughItsFiles()
    {
        DemoOptions options;
        options.children = 60;
        options.fromYear = 2019;
        options.toYear = 2024;
        const DemoData data = DemoGenerator::generate(options);
        TestStore demo, imported;
        QString error;
        QVERIFY(DemoGenerator::write(*demo, data, &error));
        QTemporaryDir dir;
        QVERIFY2(DemoExport::write(data, dir.path(), &error), qPrintable(error));
        QStringList files;
        for (const QString &f : QDir(dir.path()).entryList({QStringLiteral("*.csv")}))
            files << dir.filePath(f);
        QCOMPARE(files.size(), 15);  // 7, and the rest of the 903's 8 tables (issue 17)
        Importer importer(*imported);
        QCOMPARE(importer.importFiles(files), Importer::Result::Imported);
        QCOMPARE(imported->scalar(QStringLiteral("SELECT count(*) FROM episodes")).toInt(), int(data.episodes.size()));
        QCOMPARE(imported->scalar(QStringLiteral("SELECT count(*) FROM cp_plans")).toInt(),
                 demo->scalar(QStringLiteral("SELECT count(*) FROM cp_plans")).toInt());
        QCOMPARE(imported->scalar(QStringLiteral("SELECT count(*) FROM children WHERE uasc = 1")).toInt(),
                 demo->scalar(QStringLiteral("SELECT count(*) FROM children WHERE uasc = 1")).toInt());
        QCOMPARE(imported->scalar(QStringLiteral("SELECT sum(weekly_fee_pence) FROM placement_fees")).toLongLong(),
                 demo->scalar(QStringLiteral("SELECT sum(weekly_fee_pence) FROM placement_fees")).toLongLong());
        IndicatorEngine a(*demo), b(*imported);
        for (const QDate &d : {QDate(2020, 3, 31), QDate(2022, 12, 31), QDate(2024, 3, 31)}) {
            QCOMPARE(b.claAt(d).count, a.claAt(d).count);
            QCOMPARE(b.claAt(d).denominator, a.claAt(d).denominator);
        }
        QVERIFY(a.claAt(QDate(2024, 3, 31)).count > 0);
    }

    void thePeersFilesImportWithFindingsOrPreciseErrors()
    {
        const QString dir = sharedDir() + QStringLiteral("/reference/peer-fixtures/csc-validator-be-903");
        if (!QFileInfo::exists(dir))
            QSKIP(qPrintable(QStringLiteral("peer fixtures not found at %1 (set CAREBOARD_SHARED_DIR)").arg(dir)));
        QStringList files;
        for (const QString &f : QDir(dir).entryList({QStringLiteral("*.csv"), QStringLiteral("*.xml")}, QDir::Files, QDir::Name))
            files << QDir(dir).filePath(f);
        QVERIFY(!files.isEmpty());
        const QRegularExpression errorForm(QStringLiteral("^[^:]+:\\d+: [A-Za-z_]+: .+$"));
        int imported = 0, rejected = 0;
        for (const QString &path : files) {
            TestStore ts;
            const QByteArray before = TestSupport::digest(*ts);
            Importer importer(*ts);
            const Importer::Result r = importer.importFiles({path});
            QVERIFY2(r == Importer::Result::Imported || r == Importer::Result::Invalid, qPrintable(path));
            if (r == Importer::Result::Invalid) {
                ++rejected;
                QVERIFY(importer.errorCount() > 0);
                for (const ImportError &e : importer.errors()) {
                    QVERIFY2(errorForm.match(e.text()).hasMatch(), qPrintable(e.text()));
                    QVERIFY(e.line >= 1);
                }
                QCOMPARE(TestSupport::digest(*ts), before);
                qInfo("%s: rejected, %d errors, first: %s", qPrintable(QFileInfo(path).fileName()), importer.errorCount(),
                      qPrintable(importer.errors().first().text()));
            } else {
                ++imported;
                QCOMPARE(ImportStore(*ts).findings().size(), importer.findings().size());
                qInfo("%s: imported %lld rows, %d findings", qPrintable(QFileInfo(path).fileName()), importer.summaries().first().rows,
                      int(importer.findings().size()));
            }
        }
        // All five are the 903's layouts: header, episodes, UASC, and (issue 17) missing and reviews.
        QCOMPARE(imported, 5);
        QCOMPARE(rejected, 0);
        // Together, the header rows satisfy most of the episodes' children.
        TestStore ts;
        Importer together(*ts);
        QCOMPARE(together.importFiles({QDir(dir).filePath(QStringLiteral("header.csv")), QDir(dir).filePath(QStringLiteral("episodes.csv")),
                                       QDir(dir).filePath(QStringLiteral("uasc.csv"))}),
                 Importer::Result::Imported);
        QVERIFY(ts->scalar(QStringLiteral("SELECT count(*) FROM episodes")).toInt() > 0);
    }

    void theFindingsModelListsFindings()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setFindings({{"a.csv", 12, "overlap", "the episode from 01/05/2017 overlaps", "C1"},
                           {"b.csv", 3, "no-header", "child C9 has episodes but no header row", "C9"}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(FindingsModel::ColumnCount));
        QCOMPARE(model.index(0, FindingsModel::Rule).data().toString(), QStringLiteral("Overlapping episodes"));
        QCOMPARE(model.index(0, FindingsModel::Line).data(FindingsModel::SortRole).toInt(), 12);
        QCOMPARE(model.index(1, FindingsModel::Child).data().toString(), QStringLiteral("C9"));
        QVERIFY(model.index(1, FindingsModel::Message).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("b.csv:3:")));
        model.setFindings({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
