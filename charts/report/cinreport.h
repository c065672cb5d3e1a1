#pragma once
// The front door and child protection from the CIN census (PRODUCT §10) as tables and a chart:
// every measure this year to date beside last year's and England's, and referrals by source
// (seed 002 reports conversion by source). The report pack's section and the Front door
// screen both use these, so the figures are built once.
#include "core/tabledata.h"
#include "mixchart.h"
#include "reportdocument.h"

#include <QDate>

class IndicatorEngine;
class Store;

namespace CinReport {

// Every §10 measure at `at` (financial year to date), the same date a year before, England.
TableData measuresTable(Store &store, const IndicatorEngine &engine, const QDate &at);
// Referrals in the financial year to `at` by source: referrals, per cent, no further action.
TableData sourcesTable(const IndicatorEngine &engine, const QDate &at);
// Bars of the sources table's per cent column (suppressed figures are left out in public).
QVector<MixBar> sourceBars(const TableData &sources, bool publicMode);
QChart *sourceChart(const QVector<MixBar> &bars, const QString &authority);
// Appends the pack's "Front door and child protection" section (nothing without a census).
void addSection(ReportDocument &doc, Store &store, const IndicatorEngine &engine, const QDate &at);

} // namespace CinReport
