#pragma once
// Reads the report pack needs that no other area store provides.
#include <QString>

class Store;

namespace ReportStore {

// The commentary written for an indicator and period ("2024-25"), empty if none.
QString commentary(Store &store, const QString &indicator, const QString &period);

} // namespace ReportStore
