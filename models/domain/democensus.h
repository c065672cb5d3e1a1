#pragma once
// The demo authority's CIN census (issue 16): one CINdetails per CIN episode of the demo, with
// assessments (most within 45 working days, a tail beyond), section 47s and initial conferences
// leading to its CP plans (some repeats, a few over two years) — so the front-door measures agree
// with its CIN and CP rates. Written into the demo store and, by `demo --csv DIR`, as the XML
// the case system would send.
#include "core/cincensus.h"

#include <QString>

struct DemoData;
class Store;

namespace DemoCensus {

// Deterministic: the same demo gives the same census.
CinData::Census make(const DemoData &data);
// Writes `census` as CIN census XML (PRODUCT §10) to `path`.
bool writeXml(const CinData::Census &census, const QString &path, QString *error);
// Replaces the store's census rows with `census` in one transaction.
bool write(Store &store, const CinData::Census &census, QString *error);

} // namespace DemoCensus
