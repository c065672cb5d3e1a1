#pragma once
// Moving an authority's data between stores and engines (issue #9): `careboard copy` copies
// every table of Schema::tables() from one store to another (SQLite -> PostgreSQL and back) in
// one transaction on the target, and proves the result with a content digest.
#include <QByteArray>
#include <QString>

class Store;

namespace StoreCopy {

struct Options {
    bool replace = false;       // replace a target that holds data
    bool discardAudit = false;  // ... even one whose audit log has entries (then recorded)
};

struct Result {
    int tables = 0;
    qint64 rows = 0;
    QByteArray digest;          // hex content digest, the same on source and target
    qint64 discardedAudit = 0;  // the target's audit entries discarded (Options::discardAudit)
};

// True if `store` holds nothing but what every new store starts with (meta, the default cost
// categories and their mapping, the shipped England comparators).
bool isEmpty(Store &store);

// Copies the whole of `from` into `to`, replacing the target's starting reference data. A
// target holding anything else is refused unless options.replace. The target's audit log is
// never lost silently: a target whose audit log has entries is refused even with replace, unless
// options.discardAudit; then its entries are replaced by the source's and the target's log
// records, as its last entry, who discarded how many (written by the store: session_user and the
// server's clock, or the operating-system account). All or nothing: on any failure, or if the
// target's digest differs from the source's afterwards, the target's transaction is rolled back
// and *error says why. On PostgreSQL only the target's owner may copy into it: the copy sets the
// audit triggers aside for its transaction (the source's audit entries keep their users and
// times; the copied rows are not logged again as new).
bool copy(Store &from, Store &to, const Options &options, Result *result, QString *error);

// A digest of every row of every table in Schema::tables() order, independent of the engine
// (values normalised; rows hashed in an order-independent way, so collations do not matter).
// Two stores with equal digests print identical indicators, cost tables and panel pages.
QByteArray digest(Store &store, qint64 *rows = nullptr);

} // namespace StoreCopy
