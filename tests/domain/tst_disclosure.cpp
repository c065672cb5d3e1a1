// Disclosure control (PRODUCT §4, issue 15): the shared secondary-suppression rule, the share
// rule, and TableData's public CSV: suppression, formula neutralising, the marking row.
#include "core/disclosure.h"
#include "core/tabledata.h"

#include <QTest>

class TestDisclosure : public QObject
{
    Q_OBJECT

private slots:
    // Parts of a total: which are suppressed ('p' primary or secondary, '.' shown) and whether the
    // total is, worked by hand.
    void protectsTotals_data()
    {
        QTest::addColumn<QVector<qint64>>("parts");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("total");
        QTest::newRow("no small part: nothing hidden") << QVector<qint64>{10, 20, 30} << "..." << false;
        QTest::newRow("one small part: the next smallest goes too") << QVector<qint64>{3, 20, 8} << "p.p" << false;
        QTest::newRow("two small parts summing to 5: a third") << QVector<qint64>{2, 3, 40, 9} << "pp.p" << false;
        QTest::newRow("two small parts summing to 6: enough") << QVector<qint64>{1, 5, 40} << "pp." << false;
        QTest::newRow("zeros are never the secondary") << QVector<qint64>{0, 4, 0, 7, 12} << ".p.p." << false;
        QTest::newRow("only part with children: the total") << QVector<qint64>{0, 4, 0} << ".p." << true;
        QTest::newRow("secondary of 6 ends it") << QVector<qint64>{1, 6, 6, 50} << "pp.." << false;
        QTest::newRow("766 with one child in Other: the smaller of the rest") << QVector<qint64>{410, 1, 355} << ".pp" << false;
        QTest::newRow("all zero") << QVector<qint64>{0, 0} << ".." << false;
        QTest::newRow("no parts") << QVector<qint64>{} << "" << false;
    }
    void protectsTotals()
    {
        QFETCH(QVector<qint64>, parts);
        QFETCH(QString, expected);
        QFETCH(bool, total);
        const Disclosure::Protection p = Disclosure::protect(parts);
        QString got;
        for (bool hide : p.parts)
            got += hide ? QLatin1Char('p') : QLatin1Char('.');
        QCOMPARE(got, expected);
        QCOMPARE(p.total, total);
    }

    void shareBasis_data()
    {
        QTest::addColumn<qint64>("part");
        QTest::addColumn<qint64>("whole");
        QTest::addColumn<qint64>("basis");
        QTest::newRow("small part") << qint64(3) << qint64(40) << qint64(3);
        QTest::newRow("small rest: 40 of 43 reveals 3") << qint64(40) << qint64(43) << qint64(3);
        QTest::newRow("neither small") << qint64(20) << qint64(43) << qint64(20);
        QTest::newRow("all of them") << qint64(43) << qint64(43) << qint64(43);
        QTest::newRow("none of them") << qint64(0) << qint64(43) << qint64(0);
    }
    void shareBasis()
    {
        QFETCH(qint64, part);
        QFETCH(qint64, whole);
        QFETCH(qint64, basis);
        QCOMPARE(Disclosure::shareBasis(part, whole), basis);
    }

    // A cost table's shape: the parts and TOTAL, one category of one child.
    void tableProtectsItsTotalRow()
    {
        TableData t;
        t.headers = {QStringLiteral("Category"), QStringLiteral("Number"), QStringLiteral("Weekly")};
        const auto row = [&](const char *name, qint64 n, const char *weekly) {
            t.rows << QVector<TableCell>{{QString::fromLatin1(name), -1, false}, {QString::number(n), n, true},
                                         {QString::fromUtf8(weekly), n, true}};
        };
        row("Agency", 410, "£300,000");
        row("Other", 1, "£1,014");
        row("Kinship", 355, "£100,000");
        row("Small", 9, "£9,000");
        row("TOTAL", 775, "£410,014");
        t.protectTotal({0, 1, 2, 3}, 1, 4);
        QCOMPARE(t.toCsv(true), QByteArray("Category,Number,Weekly\r\nAgency,410,\"£300,000\"\r\nOther,c,c\r\n"
                                           "Kinship,355,\"£100,000\"\r\nSmall,c,c\r\nTOTAL,775,\"£410,014\"\r\n"));
        // The private version shows everything.
        QVERIFY(t.toCsv(false).contains("Other,1,\"£1,014\""));
    }

    // Formula injection: a cell Excel would run is prefixed with an apostrophe; negative numbers
    // (digits only) stay readable.
    void csvNeutralisesFormulas_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("equals") << "=HYPERLINK(\"x\")" << QByteArray("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("plus") << "+1+2" << QByteArray("'+1+2");
        QTest::newRow("at") << "@SUM(A1)" << QByteArray("'@SUM(A1)");
        QTest::newRow("minus formula") << "-2+3" << QByteArray("'-2+3");
        QTest::newRow("tab") << "\t=1" << QByteArray("'\t=1");
        QTest::newRow("carriage return") << "\r=1" << QByteArray("\"'\r=1\"");
        QTest::newRow("negative number") << "-12.5" << QByteArray("-12.5");
        QTest::newRow("negative thousands") << "-1,234" << QByteArray("\"-1,234\"");
        QTest::newRow("negative percent") << "-3.2%" << QByteArray("-3.2%");
        QTest::newRow("unicode minus money") << QString::fromUtf8("−£905") << QString::fromUtf8("−£905").toUtf8();
        QTest::newRow("plain text") << "Kinship Fostering" << QByteArray("Kinship Fostering");
    }
    void csvNeutralisesFormulas()
    {
        QFETCH(QString, cell);
        QFETCH(QByteArray, written);
        TableData t;
        t.headers = {QStringLiteral("A")};
        t.rows << QVector<TableCell>{{cell, -1, false}};
        QCOMPARE(t.toCsv(false), QByteArray("A\r\n") + written + "\r\n");
    }
};

QTEST_GUILESS_MAIN(TestDisclosure)
#include "tst_disclosure.moc"
