// careboard copy: a whole store from SQLite to the engine under test and back, identical.
#include "domain/demogenerator.h"
#include "domain/indicatorengine.h"
#include "store/placementstore.h"
#include "store/schema.h"
#include "store/storecopy.h"
#include "testsupport.h"

class TestStoreCopy : public QObject
{
    Q_OBJECT

    TestSupport::Scratch m_scratch;
    QString m_source;

private slots:
    void initTestCase()
    {
        CAREBOARD_INIT_ENGINE();
        // The source: a small demo authority on SQLite, with an edited fee (so the audit log and
        // versions are not empty).
        m_source = m_scratch.filePath(QStringLiteral("source.sqlite"));
        QString error;
        auto store = Store::open(m_source, &error);
        QVERIFY2(store, qPrintable(error));
        DemoOptions o;
        o.children = 40;
        o.seed = 5;
        QVERIFY2(DemoGenerator::write(*store, DemoGenerator::generate(o), &error), qPrintable(error));
        PlacementStore placements(*store);
        const PlacementRecord p = placements.openAt(QDate(2024, 3, 31)).value(0);
        QVERIFY(p.placementId > 0);
        QVERIFY2(placements.changeFee({p.placementId, QDate(2024, 4, 1), 123456, 100, QStringLiteral("Uplift")}, p.version, &error),
                 qPrintable(error));
    }

    void roundTripGivesIdenticalContent()
    {
        QString error;
        auto source = Store::open(m_source, &error);
        QVERIFY(source);
        const QString middleLocation = m_scratch.location(QStringLiteral("middle"));
        const QString backLocation = m_scratch.filePath(QStringLiteral("back.sqlite"));
        StoreCopy::Result there, back;
        {
            auto middle = Store::open(middleLocation, &error);
            QVERIFY2(middle, qPrintable(error));
            QVERIFY2(StoreCopy::copy(*source, *middle, false, &there, &error), qPrintable(error));
            auto again = Store::open(backLocation, &error);
            QVERIFY2(again, qPrintable(error));
            QVERIFY2(StoreCopy::copy(*middle, *again, false, &back, &error), qPrintable(error));
            // An insert after the copy does not collide with the copied ids.
            QVERIFY2(middle->run(QStringLiteral("INSERT INTO children (child_ref) VALUES ('NEW1')"), {}, &error), qPrintable(error));
        }
        const QByteArray digest = StoreCopy::digest(*source);
        QCOMPARE(there.digest, digest);
        QCOMPARE(back.digest, digest);
        QCOMPARE(there.tables, int(Schema::tables().size()));
        auto returned = Store::open(backLocation, &error);
        QVERIFY(returned);
        QCOMPARE(StoreCopy::digest(*returned), digest);
        // And so the same figures: children looked after at each quarter end.
        IndicatorEngine a(*source), b(*returned);
        for (QDate d(2016, 3, 31); d < QDate(2025, 3, 31); d = d.addMonths(3))
            QCOMPARE(b.claAt(d).count, a.claAt(d).count);
    }

    void aNonEmptyTargetIsRefusedUnlessReplace()
    {
        QString error;
        auto source = Store::open(m_source, &error);
        auto target = Store::open(m_scratch.location(QStringLiteral("busy")), &error);
        QVERIFY(source && target);
        QVERIFY(StoreCopy::isEmpty(*target));
        QVERIFY(target->run(QStringLiteral("INSERT INTO children (child_ref) VALUES ('KEEP')")));
        QVERIFY(target->audit(QStringLiteral("children"), QStringLiteral("KEEP"), QStringLiteral("child_ref"), {}, QStringLiteral("KEEP"),
                              QStringLiteral("test")));
        QVERIFY(!StoreCopy::isEmpty(*target));
        StoreCopy::Result r;
        QVERIFY(!StoreCopy::copy(*source, *target, false, &r, &error));
        QVERIFY2(error.contains(QLatin1String("--replace")), qPrintable(error));
        QCOMPARE(target->scalar(QStringLiteral("SELECT count(*) FROM children")).toInt(), 1);
        // Replace: everything, the audit log too, and the append-only guard is back afterwards.
        QVERIFY2(StoreCopy::copy(*source, *target, true, &r, &error), qPrintable(error));
        QCOMPARE(StoreCopy::digest(*target), StoreCopy::digest(*source));
        QCOMPARE(target->scalar(QStringLiteral("SELECT count(*) FROM children WHERE child_ref = 'KEEP'")).toInt(), 0);
        QVERIFY(!target->run(QStringLiteral("DELETE FROM audit_log"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("append-only")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "tst_storecopy.moc"
