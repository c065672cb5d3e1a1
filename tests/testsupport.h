#pragma once
// Helpers shared by the tests: a throwaway store, and small builders for hand-worked cases.
#include "store.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

struct TestStore {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;

    TestStore()
    {
        QString error;
        store = Store::open(dir.filePath(QStringLiteral("test.sqlite")), &error);
        if (!store)
            qFatal("cannot create a test store: %s", qPrintable(error));
    }
    Store &operator*() { return *store; }
    Store *operator->() { return store.get(); }

    qint64 child(const QString &ref, const QString &dob, bool uasc = false)
    {
        store->run(QStringLiteral("INSERT INTO children (child_ref, sex, dob, uasc) VALUES (?, 1, ?, ?)"), {ref, dob, uasc ? 1 : 0});
        return store->scalar(QStringLiteral("SELECT child_id FROM children WHERE child_ref = ?"), {ref}).toLongLong();
    }
    // An episode; empty dec = open.
    void episode(qint64 child, const QString &decom, const QString &dec, const QString &ls = QStringLiteral("C2"),
                 const QString &rne = QStringLiteral("S"), const QString &place = QStringLiteral("U4"),
                 const QString &provider = QStringLiteral("PR1"), const QString &rec = QString())
    {
        QString error;
        if (!store->run(QStringLiteral("INSERT INTO episodes (child_id, decom, dec, ls, rne, place, place_provider, rec)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        {child, decom, dec.isEmpty() ? QVariant() : QVariant(dec), ls, rne, place, provider,
                         rec.isEmpty() ? QVariant() : QVariant(rec)}, &error))
            qFatal("episode insert failed: %s", qPrintable(error));
    }
    void population(int year, qint64 count)
    {
        store->run(QStringLiteral("INSERT INTO population (year, age_0_17) VALUES (?, ?)"), {year, count});
    }
};
