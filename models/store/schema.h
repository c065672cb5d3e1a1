#pragma once
// The store's schema as an ordered list of forward migrations. Migration N takes a store from
// schema version N-1 to N; each runs in one transaction. Never edit a released migration: add one.
#include "store/sqldialect.h"

#include <QStringList>
#include <QVector>

class Store;

namespace Schema {

// Marks a SQLite file as a Careboard store (PRAGMA application_id), "CARB".
constexpr int applicationId = 0x43415242;

int latestVersion();
// The statements of migration `version` (1-based) for the engine.
QStringList migration(int version, const SqlDialect &dialect);
// The data step of migration `version`, run after its statements in the same transaction (most
// migrations have none). False with *error if it failed; the transaction is then rolled back.
bool migrateData(int version, Store &store, QString *error);
// The tables whose every row change the server records in the audit log (PostgreSQL).
QStringList auditedTables();
// Every table of the latest schema, parents before children (copy and wipe use this order).
QStringList tables();

} // namespace Schema
