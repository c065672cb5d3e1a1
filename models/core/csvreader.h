#pragma once
// RFC 4180 CSV through libcsv (Debian's libcsv-dev): quoted fields, embedded commas, quotes and
// newlines, CRLF or LF, a UTF-8 byte-order mark tolerated. Reports each record with the physical
// line it starts on, so messages can say file:line.
#include <QByteArray>
#include <QString>

#include <functional>
#include <string_view>
#include <vector>

class CsvReader
{
public:
    using Fields = std::vector<std::string_view>;
    // Return false from the callback to stop early.
    using RowHandler = std::function<bool(const Fields &fields, int line)>;

    // Parses `data`, calling `onRow` for every record (the header too). Blank lines are skipped.
    // Returns false on malformed CSV (e.g. an unterminated quote), with *error and *errorLine set.
    static bool parse(const QByteArray &data, const RowHandler &onRow, QString *error = nullptr, int *errorLine = nullptr);
};
