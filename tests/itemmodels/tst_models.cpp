// Item models, each exercised by QAbstractItemModelTester.
#include "itemmodels/trendtablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestModels : public QObject
{
    Q_OBJECT
private slots:
    void trendTableShowsTheNumbersBehindTheChart()
    {
        TrendTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        IndicatorValue feb{QDate(2024, 2, 29), 810, 120000, 67.5};
        IndicatorValue mar{QDate(2024, 3, 31), 822, 120000, 68.5};
        IndicatorValue none{QDate(2024, 4, 30), 5, 0};
        model.setSeries({feb, mar, none}, {{2024, 69.0}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(TrendTableModel::ColumnCount));
        QCOMPARE(model.index(1, TrendTableModel::Date).data().toString(), QStringLiteral("31/03/2024"));
        QCOMPARE(model.index(1, TrendTableModel::Population).data().toString(), QStringLiteral("120,000"));
        QCOMPARE(model.index(1, TrendTableModel::Rate).data().toString(), QStringLiteral("68.5"));
        // England figures are at 31 March only.
        QCOMPARE(model.index(1, TrendTableModel::England).data().toString(), QStringLiteral("69.0"));
        QCOMPARE(model.index(0, TrendTableModel::England).data().toString(), QString());
        // Without a population there is no rate, shown as a dash, and no sort value.
        QCOMPARE(model.index(2, TrendTableModel::Rate).data().toString(), QStringLiteral("–"));
        QVERIFY(!model.index(2, TrendTableModel::Rate).data(TrendTableModel::SortRole).isValid());
        QCOMPARE(model.index(0, TrendTableModel::Count).data(TrendTableModel::SortRole).toLongLong(), 810);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
