#pragma once
// Writes a generated demo authority as the files an authority would import (PRODUCT §5): the 903
// header, episodes and UASC files, CP plans, CIN episodes, population and placement costs. Used
// by `careboard demo --csv DIR` for round-trip tests and the import benchmark.
#include <QString>

struct DemoData;

namespace DemoExport {

// Writes the files into `dir` (created if missing). Returns false with *error on failure.
bool write(const DemoData &data, const QString &dir, QString *error);

} // namespace DemoExport
