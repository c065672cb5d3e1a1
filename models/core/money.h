#pragma once
// Money is held in whole pence so that thresholds such as £9,000.00 vs £9,000.01 compare exactly.
#include <QString>
#include <cstdint>

namespace Money {

using Pence = qint64;

// "£3,546" (whole pounds, rounded half away from zero) or, with pence, "£9,000.01".
QString format(Pence p, bool withPence = false);
QString formatPounds(double pounds, bool withPence = false);
// Parses "£9,000.01", "9000.01", "9000" into pence. Returns false on anything else.
bool parse(QStringView text, Pence *out);
inline double toPounds(Pence p) { return double(p) / 100.0; }
inline Pence fromPounds(double pounds) { return Pence(pounds * 100.0 + (pounds >= 0 ? 0.5 : -0.5)); }

} // namespace Money
