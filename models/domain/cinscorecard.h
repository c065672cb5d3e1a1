#pragma once
// The scorecard's rows for the CIN census's front door and child protection (issue 16), in the
// same form as the rest (domain/scorecard.h) so the screen, its RAG rule and the pack need no
// second path: percentages as shares, England where the benchmark table has it.
#include "domain/scorecard.h"

namespace CinScorecard {

// Nothing when the store holds no CIN census.
QVector<Scorecard::Row> rows(Store &store, IndicatorEngine &engine, Scorecard::Period period, const QDate &end);

} // namespace CinScorecard
