#pragma once
// The committee report pack (issue #6): title page, contents, then each indicator's chart
// followed by its data table (the chart's accessible equivalent) and its commentary.
#include "reportdocument.h"

class Store;
class IndicatorEngine;

namespace ReportPack {

// The pack for the financial year to `at` (the data's end date when invalid).
ReportDocument build(Store &store, IndicatorEngine &engine, QDate at, bool publicMode);

} // namespace ReportPack
