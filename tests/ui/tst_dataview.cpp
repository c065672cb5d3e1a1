// The Data screen: importing from the window (worker thread, own connection), the returns and
// imports listed, the findings table; with CAREBOARD_SCREENSHOT_DIR set, saves data.png.
#include "dataview.h"
#include "itemmodels/findingsmodel.h"
#include "mainwindow.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

class TestDataView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(f.fileName()));
        return f.fileName();
    }

private slots:
    void importsFromTheWindowAndListsFindings()
    {
        QString error;
        auto store = Store::open(m_dir.filePath(QStringLiteral("data.sqlite")), &error);
        QVERIFY(store);
        MainWindow w(std::move(store));
        w.resize(1400, 900);
        w.show();
        w.showScreen(w.screenCount() - 1); // Data, the last screen
        DataView *view = w.dataView();
        QVERIFY(view);
        QCOMPARE(view->findingsModel()->rowCount(), 0);

        const QString header = write(QStringLiteral("903_header_2018.csv"),
                                     "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2010,WBRI,,,\nC2,2,01/01/2012,WBRI,,,\nC3,1,03/03/2006,WROM,,,\n");
        const QString episodes = write(QStringLiteral("903_episodes_2018.csv"),
                                       "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                                       "C1,01/06/2017,S,C2,N1,U4,PR1,,,,,,\n"
                                       "C2,01/05/2018,S,C2,N1,U4,PR4,01/07/2018,E11,,,,\n"
                                       "C2,01/06/2018,P,C2,N1,K2,PR4,,,,,,\n"
                                       "C3,12/09/2018,S,V2,N2,Q9,PR2,,E13,,,,\n"
                                       "C4,01/10/2018,S,C1,N1,U5,PR1,,,,,,\n");
        const QString population = write(QStringLiteral("population.csv"), "YEAR,AGE_0_17\n2017,118500\n2018,119200\n");
        QVERIFY(view->importFiles({header, episodes, population}, DataView::Ask::Never));
        QVERIFY2(view->lastReport().startsWith(QLatin1String("Imported 3 files.")), qPrintable(view->lastReport()));
        // C2's two episodes overlap (July after June); C3 has PLACE Q9 and an open episode with a REC;
        // C4 has no header row.
        QCOMPARE(view->findingsModel()->rowCount(), 4);
        QVERIFY(view->findChild<QLabel *>() != nullptr);
        const auto labels = view->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) { return l->text() == QLatin1String("903 returns loaded: 2018-19"); }));
        QCOMPARE(view->findChild<QTableWidget *>()->rowCount(), 3);

        // A file with errors is rejected and its errors are listed with file and line.
        const QString bad = write(QStringLiteral("cp_plans.csv"), "CHILD,CPP_START_DATE,CPP_END_DATE,INITIAL_CATEGORY\nC1,31/09/2018,,NEG\n");
        QVERIFY(!view->importFiles({bad}, DataView::Ask::Never));
        QVERIFY2(view->lastReport().contains(QLatin1String(
                     "cp_plans.csv:2: CPP_START_DATE: '31/09/2018' is not a date (DD/MM/YYYY or YYYY-MM-DD)")),
                 qPrintable(view->lastReport()));
        QCOMPARE(view->findChild<QTableWidget *>()->rowCount(), 3);

        const QString dir = qEnvironmentVariable("CAREBOARD_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w.grab().save(dir + QStringLiteral("/data.png")));
    }
};

QTEST_MAIN(TestDataView)
#include "tst_dataview.moc"
