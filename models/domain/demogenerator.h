#pragma once
// The demo authority: a deterministic, fictional local authority shaped like the seeds
// (≈ 120,000 under-18s, ≈ 800 children looked after, seed 000's placement costs), so that a new
// user sees a working dashboard at once and the benchmarks have stores of any size.
#include "store/demodata.h"

#include <QDate>
#include <QString>
#include <QVector>

class Store;

struct DemoOptions {
    quint64 seed = 1;
    int children = 800;   // children looked after at any time; scales everything else
    int fromYear = 2015;  // first financial year (April of this year)
    int toYear = 2025;    // data runs to 31 March of this year
};

namespace DemoGenerator {

DemoData generate(const DemoOptions &options);
// Replaces the store's case data with `data` in one transaction and labels the store DEMO.
// Refuses a store that holds imported (non-demo) data.
bool write(Store &store, const DemoData &data, QString *error);

} // namespace DemoGenerator
