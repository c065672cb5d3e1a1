// The store: creation, migration, refusal of files that are not ours, append-only audit log.
#include "schema.h"
#include "store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestStore : public QObject
{
    Q_OBJECT

    static QByteArray hashOf(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    // Writes a plain SQLite file through a separate connection, to fake other programs' files.
    static void rawSqlite(const QString &path, const QStringList &statements)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &s : statements)
                QVERIFY2(q.exec(s), qPrintable(s));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

private slots:
    void createsANewStoreAtTheLatestVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.sqlite"));
        QString error;
        auto store = Store::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), Schema::latestVersion());
        QCOMPARE(store->scalar(QStringLiteral("PRAGMA application_id")).toInt(), Schema::applicationId);
        QCOMPARE(store->scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(store->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QVERIFY(store->scalar(QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        for (const QString &table : Schema::tables())
            QVERIFY2(store->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"), {table}).toInt() == 1,
                     qPrintable(table));
        // Reference data: the default categories and the shipped England comparators.
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM cost_categories")).toInt(), 10);
        QCOMPARE(store->scalar(QStringLiteral("SELECT category_id FROM cost_category_map WHERE place = 'U5' AND place_provider = 'PR4'")),
                 store->scalar(QStringLiteral("SELECT category_id FROM cost_categories WHERE name = 'Independent Fostering Agency'")));
        QCOMPARE(store->scalar(QStringLiteral("SELECT value FROM benchmarks WHERE indicator = 'cla_31mar_number' AND year = 2024 AND comparator = 'England'")).toInt(),
                 83530);
    }

    void migratesAnOlderStoreForwardKeepingItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QString error;
        {
            Store::OpenOptions v1;
            v1.targetVersion = 1;
            auto store = Store::open(path, &error, v1);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->schemaVersion(), 1);
            QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'placements'")).toInt(), 0);
            QVERIFY(store->run(QStringLiteral("INSERT INTO children (child_ref, sex, dob) VALUES ('A1', 2, '2010-05-01')")));
        }
        auto store = Store::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), Schema::latestVersion());
        QCOMPARE(store->scalar(QStringLiteral("SELECT dob FROM children WHERE child_ref = 'A1'")).toString(), QStringLiteral("2010-05-01"));
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'placements'")).toInt(), 1);
    }

    void refusesFilesThatAreNotUsable_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("newer Careboard store") << "newer" << "newer Careboard";
        QTest::newRow("another application's database") << "foreign" << "not a Careboard store";
        QTest::newRow("a text file") << "text" << "not a Careboard store";
        QTest::newRow("a damaged store") << "corrupt" << "";
    }

    void refusesFilesThatAreNotUsable()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file.sqlite"));
        if (kind == QLatin1String("newer")) {
            QString error;
            QVERIFY(Store::open(path, &error));
            rawSqlite(path, {QStringLiteral("PRAGMA user_version = %1").arg(Schema::latestVersion() + 7)});
        } else if (kind == QLatin1String("foreign")) {
            rawSqlite(path, {QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)"),
                             QStringLiteral("INSERT INTO invoices (amount) VALUES (12.5)")});
        } else if (kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("CHILD,SEX,DOB\n1,1,01/01/2010\n");
        } else {
            QString error;
            {
                auto store = Store::open(path, &error);
                QVERIFY(store);
                for (int i = 0; i < 400; ++i)
                    store->run(QStringLiteral("INSERT INTO children (child_ref, dob) VALUES (?, '2012-01-01')"),
                               {QStringLiteral("R%1").arg(i)});
                store->run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            }
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 8192);
            // Scribble over the second and third pages, keeping the header intact.
            f.seek(4096);
            f.write(QByteArray(8192, '\x5a'));
        }
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        const QByteArray before = hashOf(path);
        QString error;
        auto store = Store::open(path, &error);
        QVERIFY(!store);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(path), qPrintable(error));
        if (!expected.isEmpty())
            QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(hashOf(path), before);
    }

    void auditLogIsAppendOnly()
    {
        QTemporaryDir dir;
        QString error;
        auto store = Store::open(dir.filePath(QStringLiteral("a.sqlite")), &error);
        QVERIFY(store);
        QVERIFY(store->audit(QStringLiteral("budgets"), QStringLiteral("2024/1"), QStringLiteral("number"), 3, 4, QStringLiteral("test")));
        QCOMPARE(store->scalar(QStringLiteral("SELECT new_value FROM audit_log")).toString(), QStringLiteral("4"));
        QVERIFY(!store->run(QStringLiteral("UPDATE audit_log SET new_value = '5'"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("append-only")), qPrintable(error));
        QVERIFY(!store->run(QStringLiteral("DELETE FROM audit_log"), {}, &error));
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 1);
    }

    void aTransactionNotCommittedLeavesNothing()
    {
        QTemporaryDir dir;
        QString error;
        auto store = Store::open(dir.filePath(QStringLiteral("t.sqlite")), &error);
        QVERIFY(store);
        {
            Transaction tx(*store);
            QVERIFY(tx.ok());
            QVERIFY(store->run(QStringLiteral("INSERT INTO population (year, age_0_17) VALUES (2020, 100)")));
        }
        QCOMPARE(store->scalar(QStringLiteral("SELECT count(*) FROM population")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
