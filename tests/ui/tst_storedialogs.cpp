// File ▸ Open store… / New store… and the authority named when real returns replace the demo
// (issue 21: after the demo was replaced the window still said "Norfield (demo authority)").
#include "dataview.h"
#include "domain/demogenerator.h"
#include "mainwindow.h"
#include "store/store.h"
#include "storedialogs.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

class TestStoreDialogs : public QObject
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
    void aStoreThatCannotBeOpenedKeepsTheDialogOpen_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("problem");
        const int open = int(StoreDialog::Mode::Open), create = int(StoreDialog::Mode::New);
        QTest::newRow("open: nothing given") << open << "" << "" << "" << "Give the store's file or PostgreSQL address.";
        QTest::newRow("open: no such file") << open << "nowhere.sqlite" << "" << "" << "There is no file nowhere.sqlite";
        QTest::newRow("new: no name") << create << "n1.sqlite" << " " << "" << "Give the authority's name";
        QTest::newRow("new: a code of two digits") << create << "n2.sqlite" << "Westshire" << "92" << "'92' is not a DfE authority code";
        QTest::newRow("new: a code of a region") << create << "n3.sqlite" << "Westshire" << "E12000001" << "'E12000001' is not a DfE authority code";
    }

    void aStoreThatCannotBeOpenedKeepsTheDialogOpen()
    {
        QFETCH(int, mode);
        QFETCH(QString, location);
        QFETCH(QString, name);
        QFETCH(QString, code);
        QFETCH(QString, problem);
        StoreDialog dialog{StoreDialog::Mode(mode)};
        // A new store's file in the scratch folder; an opened one as typed (relative: not there).
        dialog.locationEdit()->setText(mode == int(StoreDialog::Mode::New) ? m_dir.filePath(location) : location);
        if (dialog.nameEdit()) {
            dialog.nameEdit()->setText(name);
            dialog.codeEdit()->setText(code);
        }
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open: not accepted
        QVERIFY2(dialog.problemLabel()->text().contains(problem), qPrintable(dialog.problemLabel()->text()));
        QVERIFY(!dialog.problemLabel()->isHidden());
        QVERIFY(!dialog.takeStore());
        if (mode == int(StoreDialog::Mode::New))
            QVERIFY(!QFileInfo::exists(m_dir.filePath(location))); // nothing created
        const QString shots = qEnvironmentVariable("CAREBOARD_SCREENSHOT_DIR");
        if (!shots.isEmpty() && QByteArray(QTest::currentDataTag()) == "new: a code of two digits") {
            dialog.show();
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/store-new.png")));
        }
    }

    // A new store is created, named and audited, and a new window on it takes the place of this one.
    void aNewStoreIsNamedAndOpensInTheWindow()
    {
        QString error;
        auto demo = Store::open(m_dir.filePath(QStringLiteral("demo.sqlite")), &error);
        QVERIFY2(demo, qPrintable(error));
        QVERIFY2(DemoGenerator::write(*demo, DemoGenerator::generate(DemoOptions()), &error), qPrintable(error));
        MainWindow w(std::move(demo));
        w.show();
        QVERIFY(w.windowTitle().contains(QLatin1String("DEMO")));

        StoreDialog dialog(StoreDialog::Mode::New, &w);
        const QString path = m_dir.filePath(QStringLiteral("westshire.sqlite"));
        dialog.locationEdit()->setText(path);
        dialog.nameEdit()->setText(QStringLiteral("  Westshire   County Council "));
        dialog.codeEdit()->setText(QStringLiteral("e10000099"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto store = dialog.takeStore();
        QVERIFY(store);
        QCOMPARE(store->authorityName(), QStringLiteral("Westshire County Council"));
        QCOMPARE(store->laCode(), QStringLiteral("E10000099"));
        QCOMPARE(store->isDemo(), false);
        QCOMPARE(store->scalar(QStringLiteral("SELECT new_value FROM audit_log WHERE table_name = 'meta' AND field = 'authority_name'")).toString(),
                 QStringLiteral("Westshire County Council"));

        MainWindow *next = w.switchTo(std::move(store));
        QVERIFY(next);
        QVERIFY(!w.isVisible());
        QVERIFY(next->isVisible());
        QCOMPARE(next->windowTitle(), QStringLiteral("Careboard — Westshire County Council"));
        QCOMPARE(next->store().location(), path);
        delete next;

        // Opened again with File ▸ Open store…: the same name; New on the same file is refused.
        StoreDialog open(StoreDialog::Mode::Open);
        open.locationEdit()->setText(path);
        open.accept();
        QCOMPARE(open.result(), int(QDialog::Accepted));
        QCOMPARE(open.takeStore()->authorityName(), QStringLiteral("Westshire County Council"));
        StoreDialog again(StoreDialog::Mode::New);
        again.locationEdit()->setText(path);
        again.nameEdit()->setText(QStringLiteral("Eastshire"));
        again.accept();
        QCOMPARE(again.result(), int(QDialog::Rejected));
        QVERIFY(again.problemLabel()->text().contains(QLatin1String("already exists")));
    }

    // Real returns replacing the demo: the window, legends and packs name the authority given,
    // and with none given say "Unnamed authority" — never the demo's name.
    void replacingTheDemoNamesTheAuthority_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("title");
        QTest::newRow("named") << "Westshire County Council" << "926" << "Careboard — Westshire County Council";
        QTest::newRow("not named") << "" << "" << "Careboard — Unnamed authority";
    }

    void replacingTheDemoNamesTheAuthority()
    {
        QFETCH(QString, name);
        QFETCH(QString, code);
        QFETCH(QString, title);
        QString error;
        auto demo = Store::open(m_dir.filePath(QStringLiteral("replace-%1.sqlite").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))), &error);
        QVERIFY2(demo, qPrintable(error));
        QVERIFY2(DemoGenerator::write(*demo, DemoGenerator::generate(DemoOptions()), &error), qPrintable(error));
        MainWindow w(std::move(demo));
        w.show();
        w.showScreen(w.screenCount() - 1); // Data, the last screen
        DataView *view = w.dataView();
        view->setReplacementAuthority(name, code);
        const QString header = write(QStringLiteral("903_header_2018.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2010,WBRI,,,\n");
        const QString episodes = write(QStringLiteral("903_episodes_2018.csv"),
                                       "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                                       "C1,01/06/2017,S,C2,N1,U4,PR1,,,,,,\n");
        QVERIFY2(view->importFiles({header, episodes}, DataView::Ask::Never), qPrintable(view->lastReport()));
        QCOMPARE(w.store().isDemo(), false);
        QCOMPARE(w.store().laCode(), code);
        QCOMPARE(w.windowTitle(), title);
        QVERIFY(!w.windowTitle().contains(QLatin1String("Norfield")));
    }
};

QTEST_MAIN(TestStoreDialogs)
#include "tst_storedialogs.moc"
