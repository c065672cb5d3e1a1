// careboard copy: a whole store from SQLite to the engine under test and back, identical.
#include "domain/demogenerator.h"
#include "domain/indicatorengine.h"
#include "store/placementstore.h"
#include "store/schema.h"
#include "store/storecopy.h"
#include "testsupport.h"

#include <QDateTime>

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
            QVERIFY2(StoreCopy::copy(*source, *middle, StoreCopy::Options(), &there, &error), qPrintable(error));
            auto again = Store::open(backLocation, &error);
            QVERIFY2(again, qPrintable(error));
            QVERIFY2(StoreCopy::copy(*middle, *again, StoreCopy::Options(), &back, &error), qPrintable(error));
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
        QVERIFY(target->run(QStringLiteral("INSERT INTO population (year, age_0_17) VALUES (2020, 1000)")));
        QVERIFY(!StoreCopy::isEmpty(*target));
        StoreCopy::Result r;
        QVERIFY(!StoreCopy::copy(*source, *target, StoreCopy::Options(), &r, &error));
        QVERIFY2(error.contains(QLatin1String("--replace")), qPrintable(error));
        QCOMPARE(target->scalar(QStringLiteral("SELECT count(*) FROM population")).toInt(), 1);
        // Replace: everything. On PostgreSQL the server logged that insert (it came from outside
        // Careboard), so its log has to be given up knowingly; a SQLite file's log is empty.
        StoreCopy::Options replace;
        replace.replace = true;
        const bool logged = target->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt() == 1;
        QCOMPARE(logged, target->dialect().isPostgreSQL());
        if (logged) {
            QVERIFY(!StoreCopy::copy(*source, *target, replace, &r, &error));
            QVERIFY2(error.contains(QLatin1String("has an audit log of 1 entry")), qPrintable(error));
            replace.discardAudit = true;
        }
        QVERIFY2(StoreCopy::copy(*source, *target, replace, &r, &error), qPrintable(error));
        QCOMPARE(r.digest, StoreCopy::digest(*source));
        QCOMPARE(r.discardedAudit, qint64(logged ? 1 : 0));
        if (!logged)
            QCOMPARE(StoreCopy::digest(*target), StoreCopy::digest(*source));
        QCOMPARE(target->scalar(QStringLiteral("SELECT count(*) FROM population WHERE year = 2020 AND age_0_17 = 1000")).toInt(), 0);
        QVERIFY(!target->run(QStringLiteral("DELETE FROM audit_log"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("append-only")), qPrintable(error));
    }

    // copy --replace keeps a target's audit log or records its loss: refused while the log has
    // entries; with --discard-audit the copy goes through and the target's log ends with an entry
    // saying who discarded how many entries (hand-worked: the target's 2 entries, by this user).
    void replacingKeepsOrRecordsTheTargetsAuditLog_data()
    {
        QTest::addColumn<bool>("discard");
        QTest::newRow("--replace: refused, the log kept") << false;
        QTest::newRow("--replace --discard-audit: replaced, the discard recorded") << true;
    }

    void replacingKeepsOrRecordsTheTargetsAuditLog()
    {
        QFETCH(bool, discard);
        QString error;
        auto source = Store::open(m_source, &error);
        auto target = Store::open(m_scratch.location(QStringLiteral("audited-%1").arg(discard)), &error);
        QVERIFY(source && target);
        QVERIFY(target->audit(QStringLiteral("settings"), QStringLiteral("a"), QStringLiteral("value"), {}, 1, QStringLiteral("one")));
        QVERIFY(target->audit(QStringLiteral("settings"), QStringLiteral("a"), QStringLiteral("value"), 1, 2, QStringLiteral("two")));
        const QByteArray before = StoreCopy::digest(*target);
        StoreCopy::Options options;
        options.replace = true;
        options.discardAudit = discard;
        StoreCopy::Result r;
        const bool copied = StoreCopy::copy(*source, *target, options, &r, &error);
        QCOMPARE(copied, discard);
        if (!discard) {
            QVERIFY2(error.contains(QLatin1String("has an audit log of 2 entries")) && error.contains(QLatin1String("--discard-audit")),
                     qPrintable(error));
            QCOMPARE(StoreCopy::digest(*target), before);
            return;
        }
        QVERIFY2(copied, qPrintable(error));
        QCOMPARE(r.discardedAudit, qint64(2));
        QCOMPARE(r.digest, StoreCopy::digest(*source));
        // The source's entries, then one more: the discard, by whoever ran the copy, now.
        const qint64 sourceEntries = source->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        QCOMPARE(target->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(), sourceEntries + 1);
        QSqlQuery q = target->prepare(QStringLiteral("SELECT db_user, table_name, field, old_value, new_value, reason, at FROM audit_log"
                                                     " ORDER BY audit_id DESC LIMIT 1"));
        QVERIFY(Store::exec(q) && q.next());
        QCOMPARE(q.value(0).toString(), target->userName());
        QCOMPARE(q.value(1).toString(), QStringLiteral("audit_log"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("entries"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("2"));
        QCOMPARE(q.value(4).toLongLong(), sourceEntries);
        QVERIFY2(q.value(5).toString().startsWith(QLatin1String("careboard copy --replace --discard-audit: this store's 2 audit entries")),
                 qPrintable(q.value(5).toString()));
        QVERIFY(qAbs(QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs).secsTo(QDateTime::currentDateTimeUtc())) < 60);
        // The guards are back: the log cannot be emptied afterwards either.
        QVERIFY(!target->run(QStringLiteral("DELETE FROM audit_log"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("append-only")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "tst_storecopy.moc"
