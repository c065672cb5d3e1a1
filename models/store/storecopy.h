#pragma once
// Moving an authority's data between stores and engines (issue #9): `careboard copy` copies
// every table of Schema::tables() from one store to another (SQLite -> PostgreSQL and back) in
// one transaction on the target, and proves the result with a content digest.
#include <QByteArray>
#include <QString>

class Store;

namespace StoreCopy {

struct Result {
    int tables = 0;
    qint64 rows = 0;
    QByteArray digest;   // hex content digest, the same on source and target
};

// True if `store` holds nothing but what every new store starts with (meta, the default cost
// categories and their mapping, the shipped England comparators).
bool isEmpty(Store &store);

// Copies the whole of `from` into `to`, replacing the target's starting reference data. A
// target holding anything else is refused unless `replace` (then its rows, audit log included,
// are replaced). All or nothing: on any failure, or if the target's digest differs from the
// source's afterwards, the target's transaction is rolled back and *error says why.
bool copy(Store &from, Store &to, bool replace, Result *result, QString *error);

// A digest of every row of every table in Schema::tables() order, independent of the engine
// (values normalised; rows hashed in an order-independent way, so collations do not matter).
// Two stores with equal digests print identical indicators, cost tables and panel pages.
QByteArray digest(Store &store, qint64 *rows = nullptr);

} // namespace StoreCopy
