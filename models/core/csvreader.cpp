#include "core/csvreader.h"

#include <csv.h>

namespace {

struct ParseState {
    const CsvReader::RowHandler *onRow = nullptr;
    std::string buffer;                                // field bytes of the current record
    std::vector<std::pair<size_t, size_t>> spans;      // offset, length into buffer
    CsvReader::Fields fields;
    int line = 1;          // physical line being fed
    int recordLine = -1;   // line the current record started on
    bool stopped = false;
};

void onField(void *data, size_t len, void *state)
{
    auto *s = static_cast<ParseState *>(state);
    if (s->recordLine < 0)
        s->recordLine = s->line;
    s->spans.emplace_back(s->buffer.size(), len);
    if (len)
        s->buffer.append(static_cast<const char *>(data), len);
}

void onRecordEnd(int, void *state)
{
    auto *s = static_cast<ParseState *>(state);
    if (s->stopped)
        return;
    s->fields.clear();
    for (const auto &[off, len] : s->spans)
        s->fields.emplace_back(s->buffer.data() + off, len);
    const int line = s->recordLine < 0 ? s->line : s->recordLine;
    if (!(*s->onRow)(s->fields, line))
        s->stopped = true;
    s->buffer.clear();
    s->spans.clear();
    s->recordLine = -1;
}

} // namespace

bool CsvReader::parse(const QByteArray &data, const RowHandler &onRow, QString *error, int *errorLine)
{
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        if (error)
            *error = QStringLiteral("cannot start the CSV parser");
        return false;
    }
    ParseState state;
    state.onRow = &onRow;
    const char *p = data.constData();
    const char *end = p + data.size();
    if (data.startsWith("\xEF\xBB\xBF"))
        p += 3;
    bool ok = true;
    // Feed one physical line at a time so that every record knows the line it starts on.
    while (p < end && !state.stopped) {
        const char *nl = static_cast<const char *>(memchr(p, '\n', size_t(end - p)));
        const char *next = nl ? nl + 1 : end;
        const size_t len = size_t(next - p);
        if (csv_parse(&parser, p, len, onField, onRecordEnd, &state) != len) {
            ok = false;
            break;
        }
        ++state.line;
        p = next;
    }
    if (ok && !state.stopped && csv_fini(&parser, onField, onRecordEnd, &state) != 0)
        ok = false;
    if (!ok) {
        if (error)
            *error = QStringLiteral("malformed CSV: %1").arg(QString::fromUtf8(csv_strerror(csv_error(&parser))));
        if (errorLine)
            *errorLine = state.recordLine > 0 ? state.recordLine : state.line;
    }
    csv_free(&parser);
    return ok;
}
