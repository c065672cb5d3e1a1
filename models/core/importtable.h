#pragma once
// The importer's parsed form of one file kind: column specs (PRODUCT §5) and a compact table of
// typed cells (8 bytes each, text in one arena) so that a million-row return stays small.
// Internal to the importer and its store; not for views.
#include "core/cincensus.h"
#include "core/importtypes.h"

#include <QByteArray>
#include <QString>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ImportTable {

enum class ColType {
    Text,
    Date,       // DD/MM/YYYY or YYYY-MM-DD, held as a Julian day
    Int,
    Money,      // pounds with optional pence, held as pence
    Real,
    Bool,       // Y/N, yes/no, true/false, 1/0
    Month,      // YYYY-MM (or a date in it), held as year * 100 + month
    DateOrFlag, // a date, or Y/N (held as 1 / 0 when no date)
};

struct ColumnSpec {
    const char *name;
    ColType type;
    bool required;        // a value must be given
    bool optionalColumn;  // the column may be left out of the header
};

struct KindSpec {
    ImportKind kind;
    std::vector<ColumnSpec> columns;
    std::vector<int> key;  // columns that must be unique within a file
};

// Column positions of each kind, in the order of KindSpec::columns.
namespace Header { enum { CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB }; }
namespace Episode { enum { CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN }; }
namespace Uasc { enum { CHILD, SEX, DOB, DUC }; }
namespace Cp { enum { CHILD, START, END, CATEGORY }; }
namespace Cin { enum { CHILD, REFERRAL, CLOSURE, NEED }; }
namespace Population { enum { YEAR, AGE_0_17 }; }
namespace Benchmark { enum { INDICATOR, YEAR, COMPARATOR, VALUE, SOURCE }; }
namespace Cost { enum { CHILD, DECOM, EFFECTIVE_FROM, COST_CATEGORY, WEEKLY_FEE, ADDITIONAL_WEEKLY, FUNDING, PROVIDER, REGULATED, OFSTED_RATING, DESIRED_TYPE_ACHIEVED, DOLS }; }
namespace Snapshot { enum { MONTH, CATEGORY, AVE_UNIT_COST_WEEK, NUMBER }; }

const KindSpec &spec(ImportKind kind);
// The kinds a CSV header row can name.
const std::vector<ImportKind> &csvKinds();

constexpr int64_t nullValue = std::numeric_limits<int64_t>::min();

struct Table {
    const KindSpec *spec = nullptr;
    QString file;
    int columns = 0;
    std::vector<int> lines;
    std::vector<int64_t> cells;  // rows x columns
    std::string arena;           // text cells: (offset << 16) | length

    size_t rows() const { return lines.size(); }
    int64_t cell(size_t row, int col) const { return cells[row * size_t(columns) + size_t(col)]; }
    std::string_view text(size_t row, int col) const
    {
        const int64_t c = cell(row, col);
        const size_t len = size_t(c & 0xFFFF);
        return len ? std::string_view(arena.data() + (uint64_t(c) >> 16), len) : std::string_view();
    }
    bool isNull(size_t row, int col) const
    {
        switch (spec->columns[size_t(col)].type) {
        case ColType::Text: return (cell(row, col) & 0xFFFF) == 0;
        case ColType::Date: return cell(row, col) == 0;
        case ColType::Real: return std::isnan(real(row, col));
        default: return cell(row, col) == nullValue;
        }
    }
    double real(size_t row, int col) const
    {
        const int64_t c = cell(row, col);
        double d;
        std::memcpy(&d, &c, sizeof d);
        return d;
    }
};

// One file as parsed: a 903 XML file yields a header table, an episodes table and one table of
// each of core/returnkinds.h's kinds (empty when the file has none: the return's rows go).
struct ParsedFile {
    QString name;
    ImportKind kind = ImportKind::Unknown;
    QByteArray hash;
    std::vector<Table> tables;
    int returnYear = 0;
    std::shared_ptr<::CinData::Census> cin; // a CIN census: its children and referrals, no tables
    // XML: a row's line n is the n-th element read; here (its XML line, "CHILD 907440, EPISODE 2").
    std::vector<std::pair<int, QString>> locations;
    // Turns an XML row's line into the XML line and the child and element it came from.
    void locate(int *line, QString *where) const
    {
        if (!where->isEmpty() || *line < 1 || size_t(*line) > locations.size())
            return;
        const auto &l = locations[size_t(*line - 1)];
        *line = l.first;
        *where = l.second;
    }
};

// "2024-03-31" into buf (10 bytes) from a Julian day.
void isoDate(int64_t julian, char *buf);

} // namespace ImportTable
