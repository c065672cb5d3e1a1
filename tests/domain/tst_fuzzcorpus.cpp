// Replays the fuzzing regression corpus (tests/fuzz/corpus/<target>/) through each importer
// parser, as an ordinary test: every input must parse to errors or findings without crashing.
#include "fuzz/fuzzentry.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzCorpus : public QObject
{
    Q_OBJECT
private slots:
    void everyCorpusInputParses_data()
    {
        QTest::addColumn<QString>("target");
        for (const Fuzz::Target *t = Fuzz::targets(); t->name; ++t)
            QTest::newRow(t->name) << QString::fromLatin1(t->name);
    }

    void everyCorpusInputParses()
    {
        QFETCH(QString, target);
        const Fuzz::Target *t = Fuzz::find(target.toLatin1().constData());
        QVERIFY(t);
        const QDir dir(QStringLiteral(CAREBOARD_SOURCE_DIR "/tests/fuzz/corpus/") + target);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(dir.path()));
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray data = f.readAll();
            const int errors = Fuzz::run(*t, reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
            // Parsing keeps no state between files: the same bytes give the same errors again.
            QCOMPARE(Fuzz::run(*t, reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size())), errors);
        }
    }

    // The parsers behind the corpus do judge what they read: for each kind, one well-formed row
    // (no error) and the same row with one field broken (exactly one error, for that field).
    void oneBrokenFieldIsOneError_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<int>("errors");
        const auto both = [](const char *target, const char *good, const char *bad, const char *what) {
            QTest::addRow("%s well formed", target) << QString::fromLatin1(target) << QByteArray(good) << 0;
            QTest::addRow("%s %s", target, what) << QString::fromLatin1(target) << QByteArray(bad) << 1;
        };
        both("header", "C1,1,01/01/2010,WBRI,,,\n", "C1,1,31/02/2010,WBRI,,,\n", "DOB 31 February");
        both("episodes", "C1,01/04/2017,S,C2,N1,U4,PR1,,,,AB1,AB2,\n", "C1,32/04/2017,S,C2,N1,U4,PR1,,,,AB1,AB2,\n",
             "DECOM day 32");
        both("uasc", "U1,1,01/01/2005,01/01/2023\n", "U1,1,01/01/2005,01/13/2023\n", "DUC month 13");
        both("cp", "C1,01/05/2020,,NEG\n", "C1,01/05/2020x,,NEG\n", "start not a date");
        both("cin", "C1,02/06/2019,31/01/2020,N1\n", "C1,referred,31/01/2020,N1\n", "referral not a date");
        both("population", "2023,120000\n", "2023,lots\n", "count not a number");
        both("benchmarks", "cla_rate_per_10k,2024,England,70.1,DfE\n", "cla_rate_per_10k,2024,England,seventy,DfE\n",
             "value not a number");
        both("snapshot", "2017-12,Agency Residential,3546,63\n", "2017-12,Agency Residential,3546,many\n", "number not a number");
        both("xml",
             "<Children><Child><ChildIdentifiers><CHILDID>X1</CHILDID><SEX>2</SEX><DOB>01/01/2010</DOB></ChildIdentifiers>"
             "<Episodes><Episode><DECOM>01/04/2017</DECOM><RNE>S</RNE><LS>C2</LS><PL>U4</PL></Episode></Episodes></Child>"
             "</Children></Message>",
             "<Children><Child><ChildIdentifiers><CHILDID>X1</CHILDID><SEX>2</SEX><DOB>31/02/2010</DOB></ChildIdentifiers>"
             "<Episodes><Episode><DECOM>01/04/2017</DECOM><RNE>S</RNE><LS>C2</LS><PL>U4</PL></Episode></Episodes></Child>"
             "</Children></Message>",
             "DOB 31 February");
        both("cincensus",
             "<Children><Child><ChildIdentifiers><LAchildID>K1</LAchildID></ChildIdentifiers><CINdetails>"
             "<CINreferralDate>2024-05-10</CINreferralDate><ReferralNFA>1</ReferralNFA></CINdetails></Child></Children></Message>",
             "<Children><Child><ChildIdentifiers><LAchildID>K1</LAchildID></ChildIdentifiers><CINdetails>"
             "<CINreferralDate>2024-05-10</CINreferralDate><ReferralNFA>perhaps</ReferralNFA></CINdetails></Child></Children></Message>",
             "ReferralNFA neither true nor false");
    }

    void oneBrokenFieldIsOneError()
    {
        QFETCH(QString, target);
        QFETCH(QByteArray, row);
        QFETCH(int, errors);
        const Fuzz::Target *t = Fuzz::find(target.toLatin1().constData());
        QVERIFY(t);
        QCOMPARE(Fuzz::run(*t, reinterpret_cast<const uint8_t *>(row.constData()), size_t(row.size())), errors);
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
