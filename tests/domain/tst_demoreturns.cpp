// The demo authority's rest of the 903 (issue 17): written to the store, exported as CSV and as
// one XML return (`careboard demo --csv DIR`), and imported back, every §11 measure the same three
// ways; and its rates where a council's are (missing about 10 %, participation about 90 %,
// care leavers in education, employment or training about 55 %, A1 about 450 days).
#include "core/returnkinds.h"
#include "domain/demoexport.h"
#include "domain/demogenerator.h"
#include "domain/importer.h"
#include "domain/indicatorengine.h"
#include "domain/returnmeasures.h"
#include "store/returnstore.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>

class TestDemoReturns : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { CAREBOARD_INIT_ENGINE(); }

    void theDemoRoundTripsThroughCsvAndXml()
    {
        DemoOptions o;
        o.children = 400;
        o.fromYear = 2019;
        o.toYear = 2025;
        const DemoData data = DemoGenerator::generate(o);
        QVERIFY(!data.returns.reviews.isEmpty() && !data.returns.missing.isEmpty() && !data.returns.oc2.isEmpty()
                && !data.returns.oc3.isEmpty() && !data.returns.ad1.isEmpty() && !data.returns.socialWorkers.isEmpty());
        TestStore demo;
        QString error;
        QVERIFY2(DemoGenerator::write(*demo, data, &error), qPrintable(error));
        QTemporaryDir dir;
        QVERIFY2(DemoExport::write(data, dir.path(), &error), qPrintable(error));

        TestStore csv;
        QStringList files;
        for (const char *f : {"903_header.csv", "903_episodes.csv", "903_uasc.csv", "903_reviews.csv", "903_missing.csv", "903_oc2.csv",
                              "903_oc3.csv", "903_ad1.csv", "903_placed_adoption.csv", "903_prev_perm.csv", "903_sw_episodes.csv"})
            files << QDir(dir.path()).filePath(QLatin1String(f));
        Importer fromCsv(*csv);
        QCOMPARE(fromCsv.importFiles(files), Importer::Result::Imported);
        TestStore xml;
        Importer fromXml(*xml);
        QCOMPARE(fromXml.importFiles({QDir(dir.path()).filePath(QStringLiteral("xml/903_return.xml"))}), Importer::Result::Imported);
        QCOMPARE(ReturnStore(*xml).rowCount(ImportKind::Reviews903), qint64(data.returns.reviews.size()));
        QCOMPARE(ReturnStore(*csv).rowCount(ImportKind::SwEpisodes903), qint64(data.returns.socialWorkers.size()));

        const IndicatorEngine a(*demo), b(*csv), c(*xml);
        // At the data end every measure; in the year before all but OC2, which the files carry
        // for the latest return only.
        for (const QDate &d : {QDate(2025, 3, 31), QDate(2024, 10, 31)}) {
            for (const IndicatorInfo &i : ReturnMeasures::infos()) {
                const bool oc2 = i.id == IndicatorId::HealthAssessments || i.id == IndicatorId::DentalChecks
                                 || i.id == IndicatorId::Immunisations || i.id == IndicatorId::SdqMean;
                if (oc2 && d != QDate(2025, 3, 31))
                    continue;
                const IndicatorValue x = a.valueAt(i.id, d), y = b.valueAt(i.id, d), z = c.valueAt(i.id, d);
                const QByteArray what = (i.key + QLatin1Char(' ') + d.toString(Qt::ISODate)).toUtf8();
                QVERIFY2(x.count == y.count && x.count == z.count, what.constData());
                QVERIFY2(x.denominator == y.denominator && x.denominator == z.denominator, what.constData());
                QVERIFY2(x.hasRate() == y.hasRate() && (!x.hasRate() || (qFuzzyCompare(x.rate, y.rate) && qFuzzyCompare(x.rate, z.rate))),
                         what.constData());
            }
            qint64 sum = 0;
            for (const IndicatorEngine::RouteCount &r : a.ceasedByRoute(d))
                sum += r.children;
            QCOMPARE(sum, a.valueAt(IndicatorId::ClaCeased, d).count);
        }
    }

    // The rates at the data end, within what a council sees (issue 17): ranges, not the engine's
    // own output; the default demo authority.
    void theDemoRatesAreRealistic()
    {
        TestStore demo;
        QString error;
        QVERIFY2(DemoGenerator::write(*demo, DemoGenerator::generate(DemoOptions()), &error), qPrintable(error));
        const IndicatorEngine e(*demo);
        const QDate d(2025, 3, 31);
        const auto within = [&](IndicatorId id, double lo, double hi) {
            const double v = e.valueAt(id, d).rate;
            QVERIFY2(v >= lo && v <= hi, qPrintable(QStringLiteral("%1 = %2, not in [%3, %4]").arg(Indicators::info(id).key).arg(v).arg(lo).arg(hi)));
        };
        within(IndicatorId::MissingChildrenPct, 0.07, 0.13);
        within(IndicatorId::ReviewParticipation, 0.86, 0.95);
        within(IndicatorId::CareLeaversEet, 0.48, 0.62);
        within(IndicatorId::A1Days, 380, 520);
        within(IndicatorId::ReviewsOnTime, 0.75, 0.97);
        within(IndicatorId::HealthAssessments, 0.84, 0.96);
    }
};

QTEST_GUILESS_MAIN(TestDemoReturns)
#include "tst_demoreturns.moc"
