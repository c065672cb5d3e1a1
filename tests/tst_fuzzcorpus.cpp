// Replays the fuzzing regression corpus (tests/fuzz/corpus/<target>/) through each importer
// parser, as an ordinary test: every input must parse to errors or findings without crashing.
#include "fuzz/fuzzentry.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzCorpus : public QObject
{
    Q_OBJECT
private slots:
    void everyCorpusInputParses_data()
    {
        QTest::addColumn<QString>("target");
        for (const Fuzz::Target *t = Fuzz::targets(); t->name; ++t)
            QTest::newRow(t->name) << QString::fromLatin1(t->name);
    }

    void everyCorpusInputParses()
    {
        QFETCH(QString, target);
        const Fuzz::Target *t = Fuzz::find(target.toLatin1().constData());
        QVERIFY(t);
        const QDir dir(QStringLiteral(CAREBOARD_SOURCE_DIR "/tests/fuzz/corpus/") + target);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(dir.path()));
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray data = f.readAll();
            const int errors = Fuzz::run(*t, reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
            QVERIFY(errors >= 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
