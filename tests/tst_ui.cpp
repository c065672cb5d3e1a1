// The main window on the demo authority, offscreen. With CAREBOARD_SCREENSHOT_DIR set, the test
// also saves what each screen looks like (docs/ screenshots come from here).
#include "demogenerator.h"
#include "mainwindow.h"
#include "store.h"
#include "trendsview.h"
#include "trendtablemodel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QTemporaryDir>
#include <QTest>

class TestUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> demoWindow()
    {
        QString error;
        auto store = Store::open(m_dir.filePath(QStringLiteral("ui.sqlite")), &error);
        if (!store)
            return nullptr;
        if (!store->hasCaseData())
            DemoGenerator::write(*store, DemoGenerator::generate(DemoOptions()), &error);
        auto w = std::make_unique<MainWindow>(std::move(store));
        w->resize(1400, 900);
        w->show();
        return w;
    }

    static void saveScreenshot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CAREBOARD_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
    }

private slots:
    void firstScreenIsTheLookedAfterRateWithEngland()
    {
        auto w = demoWindow();
        QVERIFY(w);
        QVERIFY(w->windowTitle().contains(QLatin1String("DEMO")));
        QCOMPARE(w->screenCount(), 6);
        QChart *chart = w->trendsView()->chartView()->chart();
        QVERIFY(chart);
        QCOMPARE(chart->series().size(), 2);
        QVERIFY(chart->series().at(1)->name().startsWith(QLatin1String("England")));
        // Ten financial years of month ends, to the end of the data (31/03/2025).
        TrendTableModel *model = w->trendsView()->tableModel();
        QCOMPARE(model->rowCount(), 120);
        QCOMPARE(model->valueAt(119).at, QDate(2025, 3, 31));
        QVERIFY(model->valueAt(119).hasRate());
        saveScreenshot(w.get(), QStringLiteral("trends.png"));
    }
};

QTEST_MAIN(TestUi)
#include "tst_ui.moc"
