// Several people at once on the PostgreSQL server (issue #9): no lost edits, roles enforced by
// the server, notifications between connections. PostgreSQL only; skipped without a server.
// The test binary doubles as the worker process: `tst_pgconcurrency worker URL SEED`.
#include "core/rng.h"
#include "store/placementstore.h"
#include "store/storeroles.h"
#include "store/storewatcher.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTextStream>

namespace {

constexpr int placements = 4;
constexpr int workers = 8;
constexpr int editsPerWorker = 200;
constexpr qint64 startFee = 100000;
const QDate feeFrom(2020, 1, 1);

// One worker: 200 edits, each "add DELTA pence to the fee of a random placement", made against
// the version it read. Prints one line per edit: "OK <placement> <delta>" or "REFUSED <placement>
// <message>" (or "ERROR ..." for anything else).
int worker(const QString &location, quint64 seed)
{
    QTextStream out(stdout);
    QString error;
    auto store = Store::open(location, &error);
    if (!store) {
        out << "ERROR open " << error << Qt::endl;
        return 1;
    }
    PlacementStore ps(*store);
    Rng rng(seed);
    const QVector<qint64> ids = [&] {
        QVector<qint64> v;
        QSqlQuery q = store->prepare(QStringLiteral("SELECT placement_id FROM placements ORDER BY placement_id"));
        if (Store::exec(q))
            while (q.next())
                v << q.value(0).toLongLong();
        return v;
    }();
    for (int i = 0; i < editsPerWorker; ++i) {
        const qint64 p = ids.value(rng.range(0, int(ids.size()) - 1));
        const PlacementRecord r = ps.placement(p, QDate(2020, 6, 1));
        const qint64 delta = rng.range(1, 100);
        if (ps.changeFee({p, feeFrom, r.weeklyFee + delta, 0, QStringLiteral("worker")}, r.version, &error))
            out << "OK " << p << ' ' << delta << '\n';
        else if (error.contains(QLatin1String("changed by")))
            out << "REFUSED " << p << ' ' << error.simplified() << '\n';
        else
            out << "ERROR " << p << ' ' << error.simplified() << '\n';
    }
    out.flush();
    return 0;
}

} // namespace

class TestPgConcurrency : public QObject
{
    Q_OBJECT

    static qint64 addPlacement(TestStore &s, const QString &ref)
    {
        s.episode(s.child(ref, "2010-01-01"), "2020-01-01", "", "C2", "S", "K2", "PR4");
        s->run(QStringLiteral("INSERT INTO placements (episode_id) SELECT e.episode_id FROM episodes e JOIN children c"
                              " ON c.child_id = e.child_id WHERE c.child_ref = ?"), {ref});
        const qint64 p = s->scalar(QStringLiteral("SELECT max(placement_id) FROM placements")).toLongLong();
        s->run(QStringLiteral("INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence) VALUES (?, ?, ?)"),
               {p, QStringLiteral("2020-01-01"), startFee});
        return p;
    }

private slots:
    void initTestCase()
    {
        if (!TestSupport::wantsPg())
            QSKIP("CAREBOARD-PG-SKIPPED: PostgreSQL only (run with CAREBOARD_TEST_ENGINE=pg)");
        CAREBOARD_INIT_ENGINE();
    }

    void twoConnectionsEditTheSameFee()
    {
        TestStore s;
        const qint64 p = addPlacement(s, QStringLiteral("A"));
        QString error;
        auto other = Store::open(s->location(), &error);
        QVERIFY(other);
        PlacementStore mine(*s), theirs(*other);
        const PlacementRecord seenByMe = mine.placement(p, feeFrom), seenByThem = theirs.placement(p, feeFrom);
        QCOMPARE(seenByMe.version, seenByThem.version);
        QVERIFY2(theirs.changeFee({p, feeFrom, 120000, 0, QStringLiteral("Theirs")}, seenByThem.version, &error), qPrintable(error));
        QVERIFY(!mine.changeFee({p, feeFrom, 150000, 0, QStringLiteral("Mine")}, seenByMe.version, &error));
        QVERIFY2(error.contains(QStringLiteral("changed by %1").arg(other->userName())), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("Reload")), qPrintable(error));
        QCOMPARE(mine.placement(p, feeFrom).weeklyFee, qint64(120000));
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE new_value = '150000'")).toInt(), 0);
    }

    // 8 processes x 200 edits of 4 fees. Every edit adds a delta to the fee it read; so the final
    // fee must be the starting fee plus the sum of the accepted deltas (a lost update would make
    // it smaller), and every edit is either accepted or refused with the conflict message.
    void eightProcessesLoseNoEdit()
    {
        TestStore s;
        QVector<qint64> ids;
        for (int i = 0; i < placements; ++i)
            ids << addPlacement(s, QStringLiteral("W%1").arg(i));
        QList<QProcess *> procs;
        for (int w = 0; w < workers; ++w) {
            auto *p = new QProcess(this);
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(QCoreApplication::applicationFilePath(), {QStringLiteral("worker"), s->location(), QString::number(1000 + w)});
            procs << p;
        }
        QHash<qint64, qint64> acceptedSum, acceptedCount;
        int refused = 0, accepted = 0;
        for (QProcess *p : procs) {
            QVERIFY(p->waitForFinished(300000));
            QCOMPARE(p->exitCode(), 0);
            const QStringList lines = QString::fromUtf8(p->readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), editsPerWorker); // every edit reported, one way or the other
            for (const QString &line : lines) {
                const QStringList f = line.split(QLatin1Char(' '));
                if (f.value(0) == QLatin1String("OK")) {
                    acceptedSum[f.value(1).toLongLong()] += f.value(2).toLongLong();
                    acceptedCount[f.value(1).toLongLong()] += 1;
                    ++accepted;
                } else {
                    QVERIFY2(f.value(0) == QLatin1String("REFUSED"), qPrintable(line));
                    QVERIFY2(line.contains(QLatin1String("Reload")), qPrintable(line));
                    ++refused;
                }
            }
        }
        QCOMPARE(accepted + refused, workers * editsPerWorker);
        qInfo("%d edits accepted, %d refused as stale", accepted, refused);
        QVERIFY(accepted > 0);
        PlacementStore ps(*s);
        for (qint64 id : ids) {
            const PlacementRecord r = ps.placement(id, feeFrom);
            QCOMPARE(r.weeklyFee, startFee + acceptedSum.value(id));
            QCOMPARE(r.version, int(1 + acceptedCount.value(id)));
        }
        // Two entries of the application's (fee and additionalities) per accepted edit, none for
        // refused ones; and the server's own record of each row changed, one per accepted edit.
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'placement_fees'"
                                          " AND field IN ('weekly_fee_pence', 'additional_weekly_pence')")).toInt(), 2 * accepted);
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'placement_fees' AND field = 'UPDATE'")).toInt(),
                 accepted);
    }

    void rolesAreEnforcedByTheServer()
    {
        TestStore s;
        const qint64 p = addPlacement(s, QStringLiteral("R"));
        QString error;
        QStringList summary;
        QVERIFY2(StoreRoles::install(*s, &summary, &error), qPrintable(error));
        QVERIFY2(s->execDirect({QStringLiteral("GRANT careboard_admin TO current_user")}, &error), qPrintable(error));
        const auto as = [&](const QString &role, const QString &sql) {
            QString why;
            const bool ok = s->execDirect({QStringLiteral("SET ROLE %1").arg(role), sql}, &why);
            s->execDirect({QStringLiteral("RESET ROLE")});
            return ok ? QString() : why;
        };
        const QString fee = QStringLiteral("UPDATE placement_fees SET weekly_fee_pence = 1 WHERE placement_id = %1").arg(p);
        // A viewer reads the case tables but writes nothing, and cannot read panel decisions.
        QVERIFY(as(QStringLiteral("careboard_viewer"), QStringLiteral("SELECT count(*) FROM episodes")).isEmpty());
        QVERIFY(as(QStringLiteral("careboard_viewer"), fee).contains(QLatin1String("permission denied")));
        QVERIFY(as(QStringLiteral("careboard_viewer"), QStringLiteral("INSERT INTO targets (indicator, year, value) VALUES ('x', 2024, 1)"))
                    .contains(QLatin1String("permission denied")));
        QVERIFY(as(QStringLiteral("careboard_viewer"), QStringLiteral("SELECT * FROM panel_decisions")).contains(QLatin1String("permission denied")));
        // A panel member writes decisions but not fees; an editor writes fees but not settings.
        QVERIFY(as(QStringLiteral("careboard_panel"), QStringLiteral("UPDATE panel_decisions SET notes = 'x'")).isEmpty());
        QVERIFY(as(QStringLiteral("careboard_panel"), fee).contains(QLatin1String("permission denied")));
        QVERIFY(as(QStringLiteral("careboard_editor"), fee).isEmpty());
        QVERIFY(as(QStringLiteral("careboard_editor"), QStringLiteral("UPDATE settings SET value = 'x'")).contains(QLatin1String("permission denied")));
        QVERIFY(as(QStringLiteral("careboard_admin"), QStringLiteral("UPDATE settings SET value = 'x'")).isEmpty());
        // The audit log is the server's: no role inserts, updates, deletes or truncates it, not even
        // an administrator; the roles that edit append through careboard_audit() (tst_store).
        for (const char *role : {"careboard_viewer", "careboard_admin"}) {
            QVERIFY(as(QLatin1String(role), QStringLiteral("INSERT INTO audit_log (at, db_user, table_name, row_key, field) VALUES ('t', 'x', 'x', 'x', 'x')"))
                        .contains(QLatin1String("permission denied")));
            QVERIFY(as(QLatin1String(role), QStringLiteral("UPDATE audit_log SET reason = 'x'")).contains(QLatin1String("permission denied")));
            QVERIFY(as(QLatin1String(role), QStringLiteral("DELETE FROM audit_log")).contains(QLatin1String("permission denied")));
            QVERIFY(as(QLatin1String(role), QStringLiteral("TRUNCATE audit_log")).contains(QLatin1String("permission denied")));
        }
        QCOMPARE(s->scalar(QStringLiteral("SELECT weekly_fee_pence FROM placement_fees WHERE placement_id = ?"), {p}).toLongLong(), qint64(1));
    }

    void aNotificationReachesASecondConnection()
    {
        TestStore s;
        QString error;
        auto second = Store::open(s->location(), &error);
        QVERIFY(second);
        StoreWatcher watcher(*second);
        QVERIFY(watcher.isActive());
        QSignalSpy spy(&watcher, &StoreWatcher::changed);
        Transaction tx(*s, &error);
        QVERIFY(s->setSetting(QStringLiteral("threshold"), QStringLiteral("3"), &error));
        QVERIFY(s->audit(QStringLiteral("settings"), QStringLiteral("threshold"), QStringLiteral("value"), {}, 3, QStringLiteral("test")));
        QVERIFY(tx.commit(&error));
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.first().first().toString(), QStringLiteral("settings"));
    }
};

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], "worker") == 0) {
        QCoreApplication app(argc, argv);
        return worker(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toULongLong());
    }
    QCoreApplication app(argc, argv);
    TestPgConcurrency test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pgconcurrency.moc"
