// The front door and child protection on screen (issue 16): the Trends screen's "Front door &
// child protection" group, its drill-down, and the Scorecard's rows, on the demo authority.
// Figures are checked against direct SQL on the same store, never against the engine.
#include "domain/demogenerator.h"
#include "frontdoorview.h"
#include "reportpack.h"
#include "domain/indicatorengine.h"
#include "itemmodels/reporttablemodel.h"
#include "itemmodels/countedchildrenmodel.h"
#include "itemmodels/scorecardmodel.h"
#include "itemmodels/trendtablemodel.h"
#include "mainwindow.h"
#include "scorecardview.h"
#include "store/store.h"
#include "trendsview.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QDialog>
#include <QLineSeries>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

class TestFrontDoorUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    static void saveScreenshot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CAREBOARD_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
    }

    std::unique_ptr<MainWindow> window()
    {
        QString error;
        auto store = Store::open(m_path, &error);
        if (!store)
            return nullptr;
        auto w = std::make_unique<MainWindow>(std::move(store));
        w->resize(1400, 900);
        w->show();
        return w;
    }

    qint64 sql(const QString &query)
    {
        QString error;
        auto store = Store::open(m_path, &error);
        return store ? store->scalar(query).toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("frontdoor.sqlite"));
        QString error;
        auto store = Store::open(m_path, &error);
        QVERIFY2(store, qPrintable(error));
        DemoOptions o;
        o.children = 200;
        o.fromYear = 2019;
        o.toYear = 2025;
        QVERIFY2(DemoGenerator::write(*store, DemoGenerator::generate(o), &error), qPrintable(error));
    }

    void trendsOffersTheFrontDoorGroup()
    {
        auto w = window();
        QVERIFY(w);
        TrendsView *t = w->trendsView();
        QAbstractItemModelTester tester(t->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        t->setRange(2024, 2024);
        t->setStep(TrendsView::Step::FinancialYear);
        t->setCinMeasure(CinMeasure::Referrals);
        QVERIFY(t->isCinMeasure());
        // One point, 31 March 2025: the referrals dated 1 April 2024 to 31 March 2025.
        const qint64 referrals = sql(QStringLiteral("SELECT count(*) FROM cin_referrals WHERE referral_date BETWEEN '2024-04-01' AND '2025-03-31'"));
        QVERIFY(referrals > 0);
        QCOMPARE(t->tableModel()->rowCount(), 1);
        QCOMPARE(t->tableModel()->valueAt(0).count, referrals);
        QCOMPARE(t->tableModel()->headerData(TrendTableModel::Rate, Qt::Horizontal).toString(), QStringLiteral("Number"));
        auto *line = qobject_cast<QLineSeries *>(t->chartView()->chart()->series().first());
        QVERIFY(line);
        QCOMPARE(line->count(), 1);
        QCOMPARE(line->at(0).y(), double(referrals));

        // Assessments within 45 working days: a percentage of those authorised in the year.
        t->setCinMeasure(CinMeasure::AssessmentsWithin45wd);
        const qint64 completed = sql(QStringLiteral("SELECT count(*) FROM cin_assessments WHERE authorised_date BETWEEN '2024-04-01' AND '2025-03-31'"));
        QCOMPARE(t->tableModel()->valueAt(0).denominator, completed);
        QVERIFY(t->tableModel()->valueAt(0).rate > 50 && t->tableModel()->valueAt(0).rate < 100);
        QCOMPARE(t->tableModel()->headerData(TrendTableModel::Rate, Qt::Horizontal).toString(), QStringLiteral("Per cent"));
        t->setRange(2019, 2024);
        t->setStep(TrendsView::Step::Quarter);
        saveScreenshot(w.get(), QStringLiteral("trends-frontdoor.png"));

        // Drill-down: the children with a referral in the year.
        t->setStep(TrendsView::Step::FinancialYear);
        t->setCinMeasure(CinMeasure::Referrals);
        QDialog *d = t->showChildrenCounted(QDate(2025, 3, 31));
        QVERIFY(d);
        auto *table = d->findChild<QTableView *>();
        QVERIFY(table);
        QCOMPARE(qint64(table->model()->rowCount()),
                 sql(QStringLiteral("SELECT count(DISTINCT child_id) FROM cin_referrals WHERE referral_date BETWEEN '2024-04-01' AND '2025-03-31'")));
        d->close();

        // Back to a §4 indicator: the rate's own headings return.
        t->setIndicator(IndicatorId::Cla);
        QVERIFY(!t->isCinMeasure());
        QCOMPARE(t->tableModel()->headerData(TrendTableModel::Rate, Qt::Horizontal).toString(), QStringLiteral("Rate per 10,000"));
    }

    void scorecardHasTheFrontDoorRows()
    {
        auto w = window();
        QVERIFY(w);
        ScorecardModel *m = w->scorecardView()->model();
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList titles;
        for (int r = 0; r < m->rowCount(); ++r)
            titles << m->index(r, 0).data().toString();
        for (const char *title : {"Re-referrals within 12 months", "Assessments completed within 45 working days",
                                  "CP plans that are a second or later plan", "CP plans ended after 2 years or more"})
            QVERIFY2(titles.contains(QLatin1String(title)), qPrintable(titles.join(QLatin1String(" | "))));
        w->showScreen(4);
        saveScreenshot(w.get(), QStringLiteral("scorecard-frontdoor.png"));
    }

    void frontDoorScreenBreaksReferralsDownBySource()
    {
        auto w = window();
        QVERIFY(w);
        FrontDoorView *f = w->frontDoorView();
        QAbstractItemModelTester measures(f->measuresModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sources(f->sourcesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        f->setDate(QDate(2025, 3, 31));
        QCOMPARE(f->measuresModel()->rowCount(), 17);
        // Police (ReferralSource 6) and schools (2A, 2B) in the year, from the store itself.
        const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
        const qint64 police = sql(QStringLiteral("SELECT count(*) FROM cin_referrals WHERE referral_source = '6'"
                                                 " AND referral_date BETWEEN '2024-04-01' AND '2025-03-31'"));
        const qint64 schools = sql(QStringLiteral("SELECT count(*) FROM cin_referrals WHERE referral_source IN ('2A', '2B')"
                                                  " AND referral_date BETWEEN '2024-04-01' AND '2025-03-31'"));
        QVERIFY(police > 0 && schools > 0);
        QCOMPARE(f->sourcesModel()->index(0, 0).data().toString(), QStringLiteral("Police"));
        QCOMPARE(f->sourcesModel()->index(0, 1).data().toString(), uk.toString(police));
        QCOMPARE(f->sourcesModel()->index(1, 0).data().toString(), QStringLiteral("Schools and education"));
        QCOMPARE(f->sourcesModel()->index(1, 1).data().toString(), uk.toString(schools));
        QVERIFY(f->sourcesChartView()->chart());
        QCOMPARE(f->exportItems().size(), 2);
        w->showScreen(5);
        saveScreenshot(w.get(), QStringLiteral("frontdoor.png"));
    }

    void reportPackHasTheSection()
    {
        QString error;
        auto store = Store::open(m_path, &error);
        QVERIFY(store);
        IndicatorEngine engine(*store);
        const ReportDocument doc = ReportPack::build(*store, engine, QDate(2025, 3, 31), true);
        int heading = -1;
        for (int i = 0; i < doc.blocks.size(); ++i)
            if (doc.blocks[i].kind == ReportBlock::Heading && doc.blocks[i].text == QLatin1String("Front door and child protection"))
                heading = i;
        QVERIFY(heading >= 0);
        // Then the measures table, the chart of sources and the sources table.
        QCOMPARE(doc.blocks[heading + 2].kind, ReportBlock::Table);
        QCOMPARE(doc.blocks[heading + 2].table.rows.size(), 17);
        QCOMPARE(doc.blocks[heading + 3].kind, ReportBlock::Chart);
        const TableData &sources = doc.blocks[heading + 4].table;
        QCOMPARE(sources.rows.first().first().text, QStringLiteral("Police"));
        // In the public pack, a source of 1 to 5 referrals prints as c (none in the demo is 0).
        for (const QVector<TableCell> &row : sources.rows)
            if (row[1].basis >= 1 && row[1].basis <= 5)
                QCOMPARE(TableData::display(row[1], true), QStringLiteral("c"));
    }
};

QTEST_MAIN(TestFrontDoorUi)
#include "tst_frontdoorui.moc"
