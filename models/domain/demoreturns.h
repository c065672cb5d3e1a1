#pragma once
// The demo authority's rest of the 903 (issue 17): reviews, missing and away episodes, OC2 health,
// care leavers (OC3), adoption decisions and placements, previous permanence and social workers,
// made from its episodes at the rates a council sees (about 10 % of children looked after missing
// in a year, nine in ten reviews with the child taking part, about 55 % of care leavers in
// education, employment or training), and written out as the files an authority imports.
#include <QString>

struct DemoData;

namespace DemoReturns {
// Fills data.returns from data's children and episodes; deterministic for one seed.
void generate(DemoData &data, quint64 seed);
// Writes 903_reviews.csv ... 903_sw_episodes.csv into `dir` and the whole return as one XML file,
// xml/903_return.xml (root <EXPSSDA903>, as case systems write it). OC2 is the latest return's.
bool exportFiles(const DemoData &data, const QString &dir, QString *error);
} // namespace DemoReturns
