#pragma once
// Reference data every new store starts with: the default cost categories and their mapping
// from PLACE x PLACE_PROVIDER (shared/reference/903-codes.md), and the England comparators
// shipped in resources/ (DfE national statistics, each row with its source).
class Store;
#include <QString>

namespace ReferenceData {

// Installs whatever of the reference data is missing, in one transaction. Idempotent.
bool install(Store &store, QString *error);
// The default category name for an episode's PLACE and PLACE_PROVIDER (903-codes.md).
QString defaultCategory(const QString &place, const QString &placeProvider);
// Loads the shipped England comparators into the benchmarks table (comparator "England").
bool installEnglandComparators(Store &store, QString *error);

} // namespace ReferenceData
