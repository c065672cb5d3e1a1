#include "domain/importer.h"

#include "core/codes.h"
#include "core/csvreader.h"
#include "core/dates.h"
#include "core/importtable.h"
#include "core/money.h"
#include "domain/cincensusreader.h"
#include "core/returnkinds.h"
#include "domain/returntables.h"
#include "store/importstore.h"
#include "store/store.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

#include <algorithm>
#include <charconv>
#include <unordered_map>

using namespace ImportTable;

// ---------------------------------------------------------------------------------------------
// Parsing: bytes to typed cells, format errors, and the findings that need no store.

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool digitsAt(std::string_view s, size_t from, size_t n, int *out)
{
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

// The rules of Dates::parse on bytes, without a QString per cell: DD/MM/YYYY or YYYY-MM-DD.
int64_t parseDate(std::string_view s)
{
    int y = 0, m = 0, d = 0;
    if (s.size() == 10 && s[2] == '/' && s[5] == '/') {
        if (!digitsAt(s, 0, 2, &d) || !digitsAt(s, 3, 2, &m) || !digitsAt(s, 6, 4, &y))
            return 0;
    } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        if (!digitsAt(s, 0, 4, &y) || !digitsAt(s, 5, 2, &m) || !digitsAt(s, 8, 2, &d))
            return 0;
    } else {
        return 0;
    }
    const QDate date(y, m, d);
    return date.isValid() ? date.toJulianDay() : 0;
}

bool parseInt(std::string_view s, int64_t *out)
{
    if (s.empty() || s.size() > 18)
        return false;
    const char *b = s.data(), *e = s.data() + s.size();
    if (*b == '+')
        ++b;
    const auto r = std::from_chars(b, e, *out);
    return r.ec == std::errc() && r.ptr == e && b != e;
}

bool parseReal(std::string_view s, double *out)
{
    const char *b = s.data(), *e = s.data() + s.size();
    if (b != e && *b == '+')
        ++b;
    const auto r = std::from_chars(b, e, *out);
    return r.ec == std::errc() && r.ptr == e && b != e && std::isfinite(*out);
}

bool equalsNoCase(std::string_view a, const char *b)
{
    const size_t n = std::strlen(b);
    if (a.size() != n)
        return false;
    for (size_t i = 0; i < n; ++i)
        if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

QString shown(std::string_view s)
{
    QString v = QString::fromUtf8(s.data(), qsizetype(std::min<size_t>(s.size(), 40)));
    if (s.size() > 40)
        v += QStringLiteral("…");
    return QStringLiteral("'%1'").arg(v);
}

QString ukDate(int64_t julian)
{
    return Dates::uk(QDate::fromJulianDay(julian));
}

bool inList(std::string_view v, const std::vector<std::string> &list)
{
    for (const auto &s : list)
        if (v == s)
            return true;
    return false;
}

std::vector<std::string> toStd(const QStringList &l)
{
    std::vector<std::string> out;
    for (const QString &s : l)
        out.push_back(s.toStdString());
    return out;
}

struct CodeLists {
    std::vector<std::string> rne = toStd(Codes::validRne());
    std::vector<std::string> ls = toStd(Codes::validLegalStatuses());
    std::vector<std::string> rec = toStd(Codes::validRec());
    std::vector<std::string> providers = toStd(Codes::validProviders());
    std::vector<std::string> rpc = toStd(Codes::validReasonPlaceChange());
    // CIN category of need N1-N8 (903-codes.md), N9 ("case other than child in need") as the CIN census has it.
    std::vector<std::string> need = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"};
    // CP initial category of abuse (CIN census): neglect, physical, sexual, emotional, multiple.
    std::vector<std::string> cpCategory = {"NEG", "PHY", "SAB", "EMO", "MUL"};
    std::vector<std::string> funding = {"framework", "spot", "in-house"};
    std::vector<std::string> placeCandidates = {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3",
                                                "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6",
                                                "H5", "Z1", "Z11", "Z12", "Z13", "Z14"};
    std::unordered_map<int, std::vector<std::string>> placesByYear;

    bool validPlace(std::string_view place, int year)
    {
        auto it = placesByYear.find(year);
        if (it == placesByYear.end()) {
            std::vector<std::string> valid;
            for (const auto &c : placeCandidates)
                if (Codes::isValidPlace(QString::fromLatin1(c.data(), qsizetype(c.size())), year))
                    valid.push_back(c);
            it = placesByYear.emplace(year, std::move(valid)).first;
        }
        return inList(place, it->second);
    }
};

CodeLists &codeLists()
{
    static CodeLists lists;
    return lists;
}

// A file read once: what the XML reader takes from it is hashed as it passes (the hash names
// the content, so an unchanged census is recognised), rather than reading it twice.
class HashingFile : public QIODevice
{
public:
    explicit HashingFile(const QString &path) : m_file(path), m_hash(QCryptographicHash::Sha1) {}
    bool openFile()
    {
        return m_file.open(QIODevice::ReadOnly) && open(QIODevice::ReadOnly);
    }
    QString fileError() const { return m_file.errorString(); }
    // The hash of the whole file: what the reader left unread is hashed too.
    QByteArray result()
    {
        char buf[65536];
        qint64 n = 0;
        while ((n = m_file.read(buf, sizeof buf)) > 0)
            m_hash.addData(QByteArrayView(buf, n));
        return m_hash.result().toHex();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = m_file.read(data, max);
        if (n > 0)
            m_hash.addData(QByteArrayView(data, n));
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    QCryptographicHash m_hash;
};

class Parser
{
public:
    Parser(QVector<ImportError> &errors, int &errorCount, QVector<ImportFinding> &findings,
           const std::function<bool(qint64)> &progress)
        : m_errors(errors), m_errorCount(errorCount), m_findings(findings), m_progress(progress)
    {
    }

    bool cancelled() const { return m_cancelled; }
    qint64 rowsRead() const { return m_rows; }

    void error(const QString &file, int line, const QString &column, const QString &message)
    {
        ++m_errorCount;
        if (m_errors.size() < Importer::maxListedErrors)
            m_errors.push_back({file, line, column, message, QString()});
    }
    void finding(const QString &file, int line, const char *rule, const QString &message, std::string_view child = {})
    {
        m_findings.push_back({file, line, QString::fromLatin1(rule), message, QString::fromUtf8(child.data(), qsizetype(child.size())), QString()});
    }

    bool parse(const QString &name, const QByteArray &data, ParsedFile *out)
    {
        out->name = name;
        out->hash = QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex();
        qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        while (i < data.size() && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
            ++i;
        if (i < data.size() && data[i] == '<') {
            if (CinCensusReader::isCensus(data.left(65536))) {
                QBuffer buffer;
                buffer.setData(data);
                buffer.open(QIODevice::ReadOnly);
                return parseCin(name, &buffer, out);
            }
            return parseXml(name, data, out);
        }
        return parseCsv(name, data, out);
    }

    // A CIN census read from its file as it streams past (PRODUCT §10): never held whole.
    bool parseCinFile(const QString &name, const QString &path, ParsedFile *out)
    {
        out->name = name;
        HashingFile file(path);
        if (!file.openFile()) {
            error(name, 0, QStringLiteral("file"), QStringLiteral("cannot read %1: %2").arg(path, file.fileError()));
            return false;
        }
        const bool ok = parseCin(name, &file, out);
        out->hash = file.result();
        return ok;
    }

private:
    bool parseCin(const QString &name, QIODevice *device, ParsedFile *out)
    {
        const int before = m_errorCount;
        out->kind = ImportKind::CinCensus;
        out->cin = std::make_shared<CinData::Census>();
        qint64 children = 0;
        CinCensusReader reader(
            name, [this](const ImportError &e) { error(e.file, e.line, e.column, e.message); },
            [this](const ImportFinding &f) { m_findings.push_back(f); },
            [this, &children](qint64 referrals) {
                if ((++children & 0xFF) == 0 && m_progress && !m_progress(m_rows + referrals))
                    m_cancelled = true;
                return !m_cancelled;
            });
        reader.read(device, out->cin.get());
        m_rows += out->cin->referralCount();
        if (reader.cancelled())
            m_cancelled = true;
        return !m_cancelled && m_errorCount == before;
    }

    bool tick()
    {
        if ((++m_rows & 0x3FFF) == 0 && m_progress && !m_progress(m_rows))
            m_cancelled = true;
        return !m_cancelled;
    }

    // Converts one record, given in the kind's column order (absent columns empty), into cells.
    void addRow(Table &t, const std::string_view *fields, int line)
    {
        const auto &cols = t.spec->columns;
        t.lines.push_back(line);
        for (size_t c = 0; c < cols.size(); ++c) {
            const ColumnSpec &col = cols[c];
            const std::string_view v = trimmed(fields[c]);
            int64_t cell = 0;
            if (v.empty()) {
                if (col.required)
                    error(t.file, line, QLatin1String(col.name), QStringLiteral("required value missing"));
                switch (col.type) {
                case ColType::Text: case ColType::Date: cell = 0; break;
                case ColType::Real: { const double nan = std::numeric_limits<double>::quiet_NaN(); std::memcpy(&cell, &nan, sizeof cell); break; }
                default: cell = nullValue;
                }
                t.cells.push_back(cell);
                continue;
            }
            const QLatin1String column(col.name);
            switch (col.type) {
            case ColType::Text:
                if (v.size() > 0xFFFF) {
                    error(t.file, line, column, QStringLiteral("value longer than 65,535 characters"));
                    break;
                }
                cell = int64_t((uint64_t(t.arena.size()) << 16) | v.size());
                t.arena.append(v.data(), v.size());
                break;
            case ColType::Date:
                cell = parseDate(v);
                if (!cell)
                    error(t.file, line, column, QStringLiteral("%1 is not a date (DD/MM/YYYY or YYYY-MM-DD)").arg(shown(v)));
                break;
            case ColType::DateOrFlag:
                if (equalsNoCase(v, "Y") || equalsNoCase(v, "YES"))
                    cell = 1;
                else if (equalsNoCase(v, "N") || equalsNoCase(v, "NO"))
                    cell = 0;
                else if (!(cell = parseDate(v))) {
                    cell = nullValue;
                    error(t.file, line, column, QStringLiteral("%1 is not a date (DD/MM/YYYY or YYYY-MM-DD) or Y/N").arg(shown(v)));
                }
                break;
            case ColType::Int:
                if (!parseInt(v, &cell)) {
                    cell = nullValue;
                    error(t.file, line, column, QStringLiteral("%1 is not a whole number").arg(shown(v)));
                }
                break;
            case ColType::Money: {
                Money::Pence p = 0;
                if (Money::parse(QString::fromUtf8(v.data(), qsizetype(v.size())), &p)) {
                    cell = p;
                } else {
                    cell = nullValue;
                    error(t.file, line, column, QStringLiteral("%1 is not an amount of money (e.g. 1234.50)").arg(shown(v)));
                }
                break;
            }
            case ColType::Real: {
                double d = 0;
                if (!parseReal(v, &d)) {
                    d = std::numeric_limits<double>::quiet_NaN();
                    error(t.file, line, column, QStringLiteral("%1 is not a number").arg(shown(v)));
                }
                std::memcpy(&cell, &d, sizeof cell);
                break;
            }
            case ColType::Bool:
                if (equalsNoCase(v, "Y") || equalsNoCase(v, "YES") || equalsNoCase(v, "TRUE") || v == "1")
                    cell = 1;
                else if (equalsNoCase(v, "N") || equalsNoCase(v, "NO") || equalsNoCase(v, "FALSE") || v == "0")
                    cell = 0;
                else {
                    cell = nullValue;
                    error(t.file, line, column, QStringLiteral("%1 is not Y or N").arg(shown(v)));
                }
                break;
            case ColType::Month: {
                int y = 0, m = 0;
                if (v.size() == 7 && v[4] == '-' && digitsAt(v, 0, 4, &y) && digitsAt(v, 5, 2, &m) && m >= 1 && m <= 12) {
                    cell = y * 100 + m;
                } else if (const int64_t j = parseDate(v)) {
                    const QDate d = QDate::fromJulianDay(j);
                    cell = d.year() * 100 + d.month();
                } else {
                    cell = nullValue;
                    error(t.file, line, column, QStringLiteral("%1 is not a month (YYYY-MM)").arg(shown(v)));
                }
                break;
            }
            }
            t.cells.push_back(cell);
        }
    }

    static QString normalisedName(std::string_view s)
    {
        return QString::fromUtf8(trimmed(s).data(), qsizetype(trimmed(s).size())).toUpper();
    }

    bool parseCsv(const QString &name, const QByteArray &data, ParsedFile *out)
    {
        const int before = m_errorCount;
        Table table;
        table.file = name;
        std::vector<int> map;        // kind column -> field position, -1 when absent
        size_t headerFields = 0;
        bool headerSeen = false;
        std::vector<std::string_view> record;
        // Size the table once: growing a million-row vector copies it again and again.
        const size_t lineCount = size_t(data.count('\n')) + 1;
        table.lines.reserve(lineCount);
        table.arena.reserve(size_t(data.size()));  // untouched pages cost no memory
        bool reserved = false;
        QString csvError;
        int csvErrorLine = 0;
        const bool ok = CsvReader::parse(data, [&](const CsvReader::Fields &fields, int line) {
            if (!headerSeen) {
                headerSeen = true;
                headerFields = fields.size();
                QStringList names;
                for (const auto &f : fields)
                    names << normalisedName(f);
                const ImportKind kind = matchHeader(names, &map);
                if (kind == ImportKind::Unknown) {
                    QStringList known;
                    for (ImportKind k : csvKinds())
                        known << importKindName(k);
                    error(name, line, QStringLiteral("header"),
                          QStringLiteral("the columns %1 match no known kind of file (%2; see PRODUCT §5)")
                              .arg(names.join(QLatin1Char(',')).left(200), known.join(QStringLiteral(", "))));
                    return false;
                }
                out->kind = kind;
                table.spec = &spec(kind);
                table.columns = int(table.spec->columns.size());
                record.resize(size_t(table.columns));
                return true;
            }
            if (fields.size() != headerFields) {
                error(name, line, QStringLiteral("row"),
                      QStringLiteral("%1 %2 where the header has %3").arg(fields.size()).arg(fields.size() == 1 ? QStringLiteral("field") : QStringLiteral("fields")).arg(headerFields));
                return tick();
            }
            if (!reserved) {
                table.cells.reserve(lineCount * size_t(table.columns));
                reserved = true;
            }
            for (int c = 0; c < table.columns; ++c)
                record[size_t(c)] = map[size_t(c)] < 0 ? std::string_view() : fields[size_t(map[size_t(c)])];
            addRow(table, record.data(), line);
            return tick();
        }, &csvError, &csvErrorLine);
        if (!ok && !m_cancelled)
            error(name, csvErrorLine, QStringLiteral("CSV"), csvError);
        if (!headerSeen)
            error(name, 1, QStringLiteral("header"), QStringLiteral("the file is empty: a header row is required"));
        if (m_cancelled || m_errorCount > before || !table.spec)
            return false;
        out->tables.push_back(std::move(table));
        if (const int date = eventDateColumn(out->kind); date >= 0) {
            int64_t latest = 0;
            for (size_t r = 0; r < out->tables.back().rows(); ++r)
                latest = std::max(latest, out->tables.back().cell(r, date));
            if (latest)
                out->returnYear = Dates::financialYear(QDate::fromJulianDay(latest));
        }
        return finish(out);
    }

    // The kind whose columns the header names: every name one of the kind's, none twice, and
    // every column the kind requires present (some 903 columns may be left out).
    static ImportKind matchHeader(const QStringList &names, std::vector<int> *map)
    {
        for (ImportKind k : csvKinds()) {
            const KindSpec &s = spec(k);
            std::vector<int> m(s.columns.size(), -1);
            bool ok = true;
            for (int i = 0; i < names.size() && ok; ++i) {
                ok = false;
                for (size_t c = 0; c < s.columns.size(); ++c) {
                    if (names[i] == QLatin1String(s.columns[c].name) && m[c] < 0) {
                        m[c] = i;
                        ok = true;
                        break;
                    }
                }
            }
            for (size_t c = 0; c < s.columns.size() && ok; ++c)
                ok = m[c] >= 0 || s.columns[c].optionalColumn;
            if (ok) {
                *map = m;
                return k;
            }
        }
        return ImportKind::Unknown;
    }

    // The 903 XML form (PRODUCT §11): <CHILD> elements at any depth under a root of any name
    // (<Message>, <Children>, <EXPSSDA903>, ...), tags in any case, each child with its header
    // fields (CHILDID for CHILD), <EPISODE>s (PL for PLACE) and the return's other blocks
    // (ReturnXml). Rows are numbered as read and every error and finding then names the child
    // and the element (ParsedFile::locations), since case systems write the file on one line.
    bool parseXml(const QString &name, const QByteArray &data, ParsedFile *out)
    {
        const int before = m_errorCount;
        const qsizetype errorsBefore = m_errors.size(), findingsBefore = m_findings.size();
        out->kind = ImportKind::Xml903;
        std::vector<ImportKind> kinds = {ImportKind::Header903, ImportKind::Episodes903};
        kinds.insert(kinds.end(), returnKinds().begin(), returnKinds().end());
        out->tables.resize(kinds.size());
        for (size_t k = 0; k < kinds.size(); ++k) {
            out->tables[k].file = name;
            out->tables[k].spec = &spec(kinds[k]);
            out->tables[k].columns = int(out->tables[k].spec->columns.size());
        }
        const auto columnOf = [&](size_t table, const QString &tag) {
            const KindSpec &s = *out->tables[table].spec;
            const QString t = tag == QLatin1String("CHILDID") ? QStringLiteral("CHILD") : tag == QLatin1String("PL") ? QStringLiteral("PLACE") : tag;
            for (size_t c = 0; c < s.columns.size(); ++c)
                if (t == QLatin1String(s.columns[c].name))
                    return int(c);
            return -1;
        };
        struct Block {
            size_t table;
            std::vector<std::string> fields;
            int xmlLine;
            QString element;
            int ordinal;
        };
        std::vector<std::string> childFields(size_t(out->tables[0].columns));
        std::vector<Block> blocks;
        long openBlock = -1;
        int childLine = 0, childCount = 0;
        bool inChild = false;
        QString childWhere;
        const auto where = [&](const Block *b) {
            const std::string &id = childFields[Header::CHILD];
            QString w = id.empty() ? QStringLiteral("CHILD #%1 (no CHILDID)").arg(childCount) : QStringLiteral("CHILD %1").arg(QString::fromStdString(id));
            if (b)
                w += b->ordinal ? QStringLiteral(", %1 %2").arg(b->element).arg(b->ordinal) : QStringLiteral(", %1").arg(b->element);
            return w;
        };
        const auto xmlError = [&](int line, const QString &column, const QString &message) {
            const qsizetype n = m_errors.size();
            error(name, line, column, message);
            if (m_errors.size() > n)
                m_errors.back().where = inChild ? where(openBlock >= 0 ? &blocks[size_t(openBlock)] : nullptr) : QString();
        };
        const auto addXmlRow = [&](size_t table, std::vector<std::string> &fields, int xmlLine, const QString &at) {
            fields[0] = childFields[Header::CHILD];
            if (table >= 2 && out->tables[table].spec->columns[1].type == ColType::Date)
                fields[1] = childFields[Header::DOB];  // every return table's DOB is the header's
            std::vector<std::string_view> views(fields.begin(), fields.end());
            out->locations.emplace_back(xmlLine, at);
            addRow(out->tables[table], views.data(), int(out->locations.size()));
            tick();
        };
        QXmlStreamReader xml(data);
        while (!xml.atEnd() && !m_cancelled) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                const QString tag = xml.name().toString().toUpper();
                const int line = int(xml.lineNumber());
                if (tag == QLatin1String("CHILD") && !inChild) {
                    inChild = true;
                    ++childCount;
                    childLine = line;
                    std::fill(childFields.begin(), childFields.end(), std::string());
                    blocks.clear();
                    openBlock = -1;
                    continue;
                }
                if (!inChild)
                    continue;
                const int blockKind = ReturnXml::blockKind(tag);
                if (blockKind >= 0 && openBlock < 0) {
                    const size_t table = blockKind == 0 ? 1 : size_t(2 + blockKind - 1);
                    int ordinal = 0;
                    for (const Block &b : blocks)
                        ordinal += b.table == table && b.ordinal > 0;
                    // A block may come once (OC2) or many times (EPISODE): the first is numbered
                    // only when the kind can repeat.
                    const bool repeats = ReturnXml::repeats(blockKind);
                    blocks.push_back({table, std::vector<std::string>(size_t(out->tables[table].columns)), line, tag,
                                      repeats ? ordinal + 1 : 0});
                    openBlock = long(blocks.size()) - 1;
                    continue;
                }
                // A field: the open block's, else the header's, else a single-row table whose
                // fields case systems write straight into the header (OC3, AD1 in the DfE's own
                // layout; OC2 and PREV_PERM in some).
                if (openBlock >= 0) {
                    Block &b = blocks[size_t(openBlock)];
                    const int c = columnOf(b.table, tag);
                    if (c > 0) {
                        b.fields[size_t(c)] = xml.readElementText(QXmlStreamReader::IncludeChildElements).toStdString();
                    } else if (columnOf(0, tag) >= 0) {
                        xmlError(line, tag, QStringLiteral("<%1> is not expected inside <%2>").arg(xml.name(), b.element));
                    }
                    continue;
                }
                const int hc = columnOf(0, tag);
                if (hc >= 0) {
                    childFields[size_t(hc)] = xml.readElementText(QXmlStreamReader::IncludeChildElements).toStdString();
                    continue;
                }
                for (size_t table = 2; table < out->tables.size(); ++table) {
                    const int c = columnOf(table, tag);
                    if (c < 2)
                        continue;
                    if (ReturnXml::repeats(int(table) - 1)) {
                        xmlError(line, tag, QStringLiteral("<%1> is not expected outside a <%2> block").arg(xml.name(), ReturnXml::blockName(int(table) - 1)));
                        break;
                    }
                    auto it = std::find_if(blocks.begin(), blocks.end(), [&](const Block &b) { return b.table == table; });
                    if (it == blocks.end()) {
                        blocks.push_back({table, std::vector<std::string>(size_t(out->tables[table].columns)), line,
                                          ReturnXml::blockName(int(table) - 1), 0});
                        it = blocks.end() - 1;
                    }
                    it->fields[size_t(c)] = xml.readElementText(QXmlStreamReader::IncludeChildElements).toStdString();
                    break;
                }
            } else if (token == QXmlStreamReader::EndElement && inChild) {
                const QString tag = xml.name().toString().toUpper();
                if (openBlock >= 0 && tag == blocks[size_t(openBlock)].element) {
                    openBlock = -1;
                } else if (tag == QLatin1String("CHILD") && openBlock < 0) {
                    inChild = false;
                    addXmlRow(0, childFields, childLine, where(nullptr));
                    for (Block &b : blocks) {
                        bool any = false;
                        for (size_t c = 2; c < b.fields.size(); ++c)
                            any = any || !b.fields[c].empty();
                        if (any || b.table == 1)
                            addXmlRow(b.table, b.fields, b.xmlLine, where(&b));
                    }
                }
            }
        }
        const bool malformed = xml.hasError() && !m_cancelled;
        const bool ok = !m_cancelled && !malformed && childCount && m_errorCount == before && finish(out);
        for (qsizetype i = errorsBefore; i < m_errors.size(); ++i)
            if (m_errors[i].file == name)
                out->locate(&m_errors[i].line, &m_errors[i].where);
        for (qsizetype i = findingsBefore; i < m_findings.size(); ++i)
            if (m_findings[i].file == name)
                out->locate(&m_findings[i].line, &m_findings[i].where);
        if (malformed)  // no element to name: where the reader stopped
            error(name, int(xml.lineNumber()), QStringLiteral("XML"), QStringLiteral("malformed XML: %1").arg(xml.errorString()));
        else if (!childCount && !m_cancelled)
            error(name, 1, QStringLiteral("XML"), QStringLiteral("no <CHILD> elements: not a 903 return"));
        return ok;
    }

    // "line 12", or in an XML file the element read as row 12 ("CHILD 907440, EPISODE 2").
    QString lineRef(int line) const
    {
        QString where;
        if (m_current)
            m_current->locate(&line, &where);
        return where.isEmpty() ? QStringLiteral("line %1").arg(line) : where;
    }

    // Duplicate keys (format errors) and the findings a file shows on its own.
    bool finish(ParsedFile *out)
    {
        const int before = m_errorCount;
        m_current = out;
        for (Table &t : out->tables) {
            std::vector<uint32_t> order = sortedByKey(t);
            if (!t.spec->key.empty())
                checkDuplicates(t, order);
            switch (t.spec->kind) {
            case ImportKind::Episodes903: checkEpisodes(t, order, &out->returnYear); break;
            case ImportKind::Header903: case ImportKind::Uasc903: checkChildren(t); break;
            case ImportKind::CpPlans: checkPeriods(t, Cp::START, Cp::END, Cp::CATEGORY, codeLists().cpCategory); break;
            case ImportKind::CinEpisodes: checkPeriods(t, Cin::REFERRAL, Cin::CLOSURE, Cin::NEED, codeLists().need); break;
            case ImportKind::PlacementCosts: checkCosts(t); break;
            case ImportKind::CostSnapshot: checkSnapshot(t); break;
            default:
                if (isReturnKind(t.spec->kind))
                    ReturnChecks::check(t, [&](size_t r, const char *rule, const QString &message) {
                        finding(t.file, t.lines[r], rule, message, t.text(r, 0));
                    });
                break;
            }
        }
        return m_errorCount == before;
    }

    static int compareCells(const Table &t, uint32_t a, uint32_t b, int col)
    {
        if (t.spec->columns[size_t(col)].type == ColType::Text) {
            const int c = t.text(a, col).compare(t.text(b, col));
            return c < 0 ? -1 : c > 0 ? 1 : 0;
        }
        const int64_t x = t.cell(a, col), y = t.cell(b, col);
        return x < y ? -1 : x > y ? 1 : 0;
    }

    static std::vector<uint32_t> sortedByKey(const Table &t)
    {
        std::vector<uint32_t> order(t.rows());
        for (uint32_t i = 0; i < order.size(); ++i)
            order[i] = i;
        const auto less = [&t](uint32_t a, uint32_t b) {
            for (int col : t.spec->key)
                if (const int c = compareCells(t, a, b, col))
                    return c < 0;
            return t.lines[a] < t.lines[b];
        };
        // Returns usually come sorted by child and date: then one pass is enough.
        if (!std::is_sorted(order.begin(), order.end(), less))
            std::sort(order.begin(), order.end(), less);
        return order;
    }

    QString describeKey(const Table &t, uint32_t row) const
    {
        QStringList parts;
        for (int col : t.spec->key) {
            const ColumnSpec &c = t.spec->columns[size_t(col)];
            QString v;
            if (t.isNull(row, col))
                v = QStringLiteral("(none)");
            else if (c.type == ColType::Text)
                v = QString::fromUtf8(t.text(row, col).data(), qsizetype(t.text(row, col).size()));
            else if (c.type == ColType::Date)
                v = ukDate(t.cell(row, col));
            else if (c.type == ColType::Month)
                v = QStringLiteral("%1-%2").arg(t.cell(row, col) / 100).arg(t.cell(row, col) % 100, 2, 10, QLatin1Char('0'));
            else
                v = QString::number(t.cell(row, col));
            parts << QStringLiteral("%1 %2").arg(QLatin1String(c.name), v);
        }
        return parts.join(QStringLiteral(", "));
    }

    void checkDuplicates(const Table &t, const std::vector<uint32_t> &order)
    {
        for (size_t i = 1; i < order.size(); ++i) {
            bool same = true;
            for (int col : t.spec->key)
                same = same && compareCells(t, order[i - 1], order[i], col) == 0;
            if (same)
                error(t.file, t.lines[order[i]], QLatin1String(t.spec->columns[size_t(t.spec->key.back())].name),
                      QStringLiteral("duplicate of %1 (%2)").arg(lineRef(t.lines[order[i - 1]])).arg(describeKey(t, order[i])));
        }
    }

    // Codes are compared whole and as written (Codes: the DfE's validity rules do so): "v3" is
    // not V3 and "S1" is not S. Such a code is a finding and is stored as given, so that no count
    // reads it as a valid code.
    void checkCode(const Table &t, size_t r, int col, const std::vector<std::string> &list, const QString &yearLabel = {})
    {
        const std::string_view v = t.text(r, col);
        if (v.empty() || inList(v, list))
            return;
        QString hint;
        for (const std::string &code : list)
            if (equalsNoCase(v, code.c_str()))
                hint = QStringLiteral(" (codes are upper case: %1)").arg(QString::fromStdString(code));
        finding(t.file, t.lines[r], "invalid-code",
                QStringLiteral("%1 %2 is not a valid code%3%4").arg(QLatin1String(t.spec->columns[size_t(col)].name), shown(v), yearLabel, hint),
                t.text(r, 0));
    }

    // 903 episodes: codes valid in the collection year of DECOM, REC consistent with DEC, dates
    // in order, no two episodes of a child open at once (903 guidance: episodes are contiguous).
    void checkEpisodes(const Table &t, const std::vector<uint32_t> &order, int *returnYear)
    {
        using namespace Episode;
        CodeLists &codes = codeLists();
        int64_t latest = 0;
        for (size_t r = 0; r < t.rows(); ++r) {
            const int64_t decom = t.cell(r, DECOM), dec = t.cell(r, DEC);
            latest = std::max({latest, decom, dec});
            const std::string_view child = t.text(r, CHILD);
            const int line = t.lines[r];
            const int year = Dates::financialYear(QDate::fromJulianDay(decom));
            const std::string_view place = t.text(r, PLACE);
            if (!place.empty() && !codes.validPlace(place, year)) {
                const std::string upper = QString::fromUtf8(place.data(), qsizetype(place.size())).toUpper().toStdString();
                const QString hint = upper != place && codes.validPlace(upper, year)
                    ? QStringLiteral(" (codes are upper case: %1)").arg(QString::fromStdString(upper)) : QString();
                finding(t.file, line, "invalid-code",
                        QStringLiteral("PLACE %1 is not a valid code in %2%3").arg(shown(place), Dates::financialYearLabel(year), hint), child);
            }
            checkCode(t, r, RNE, codes.rne);
            checkCode(t, r, LS, codes.ls);
            checkCode(t, r, CIN, codes.need);
            checkCode(t, r, PLACE_PROVIDER, codes.providers);
            checkCode(t, r, REC, codes.rec);
            checkCode(t, r, REASON_PLACE_CHANGE, codes.rpc);
            for (const int column : {HOME_POST, PL_POST}) {
                const std::string_view post = t.text(r, column);
                char district[5];
                if (!post.empty() && !Codes::postcodeDistrict(post, district))
                    finding(t.file, line, "invalid-postcode",
                            QStringLiteral("%1 %2 is not a UK postcode or postcode district; it is not stored")
                                .arg(QLatin1String(t.spec->columns[size_t(column)].name), shown(post)),
                            child);
            }
            const bool hasRec = !t.text(r, REC).empty();
            if (!dec && hasRec)
                finding(t.file, line, "open-with-rec",
                        QStringLiteral("the episode has no DEC but a reason for ending (REC %1)").arg(shown(t.text(r, REC))), child);
            if (dec && !hasRec)
                finding(t.file, line, "closed-without-rec", QStringLiteral("the episode ends on %1 but has no REC").arg(ukDate(dec)), child);
            if (dec && dec < decom)
                finding(t.file, line, "dec-before-decom",
                        QStringLiteral("DEC %1 is before DECOM %2").arg(ukDate(dec), ukDate(decom)), child);
        }
        for (size_t i = 1; i < order.size(); ++i) {
            const uint32_t prev = order[i - 1], cur = order[i];
            if (t.text(prev, CHILD) != t.text(cur, CHILD) || t.cell(prev, DECOM) == t.cell(cur, DECOM))
                continue;
            const int64_t prevEnd = t.cell(prev, DEC);
            if (prevEnd == 0 || prevEnd > t.cell(cur, DECOM))
                finding(t.file, t.lines[cur], "overlap",
                        QStringLiteral("the episode from %1 overlaps the one from %2 (%3), %4")
                            .arg(ukDate(t.cell(cur, DECOM)), ukDate(t.cell(prev, DECOM)))
                            .arg(lineRef(t.lines[prev]))
                            .arg(prevEnd ? QStringLiteral("which ends %1").arg(ukDate(prevEnd)) : QStringLiteral("which is still open")),
                        t.text(cur, CHILD));
        }
        // The return covers the financial year of its latest date (1 April to 31 March).
        if (latest)
            *returnYear = Dates::financialYear(QDate::fromJulianDay(latest));
    }

    void checkChildren(const Table &t)
    {
        for (size_t r = 0; r < t.rows(); ++r) {
            const int64_t sex = t.cell(r, Header::SEX);
            if (sex != nullValue && sex != 1 && sex != 2)
                finding(t.file, t.lines[r], "invalid-code", QStringLiteral("SEX %1 is not 1 (male) or 2 (female)").arg(sex), t.text(r, 0));
            if (t.spec->kind == ImportKind::Uasc903) {
                const int64_t duc = t.cell(r, Uasc::DUC), dob = t.cell(r, Uasc::DOB);
                if (duc && dob && duc < dob)
                    finding(t.file, t.lines[r], "end-before-start",
                            QStringLiteral("DUC %1 is before DOB %2").arg(ukDate(duc), ukDate(dob)), t.text(r, 0));
            }
        }
    }

    void checkPeriods(const Table &t, int start, int end, int code, const std::vector<std::string> &codes)
    {
        for (size_t r = 0; r < t.rows(); ++r) {
            const int64_t s = t.cell(r, start), e = t.cell(r, end);
            if (e && e < s)
                finding(t.file, t.lines[r], "end-before-start",
                        QStringLiteral("%1 %2 is before %3 %4")
                            .arg(QLatin1String(t.spec->columns[size_t(end)].name), ukDate(e),
                                 QLatin1String(t.spec->columns[size_t(start)].name), ukDate(s)),
                        t.text(r, 0));
            checkCode(t, r, code, codes);
        }
    }

    void checkCosts(const Table &t)
    {
        for (size_t r = 0; r < t.rows(); ++r) {
            const std::string_view funding = t.text(r, Cost::FUNDING);
            bool known = funding.empty();
            for (const auto &f : codeLists().funding)
                known = known || equalsNoCase(funding, f.c_str());
            if (!known)
                finding(t.file, t.lines[r], "invalid-code",
                        QStringLiteral("FUNDING %1 is not framework, spot or in-house").arg(shown(funding)), t.text(r, 0));
            if (t.cell(r, Cost::WEEKLY_FEE) < 0)
                finding(t.file, t.lines[r], "negative-fee", QStringLiteral("WEEKLY_FEE is negative"), t.text(r, 0));
            const int64_t from = t.cell(r, Cost::EFFECTIVE_FROM);
            if (from && from < t.cell(r, Cost::DECOM))
                finding(t.file, t.lines[r], "fee-before-episode",
                        QStringLiteral("EFFECTIVE_FROM %1 is before the episode's DECOM %2").arg(ukDate(from), ukDate(t.cell(r, Cost::DECOM))),
                        t.text(r, 0));
        }
    }

    // Seed 000: the published TOTAL row should carry the sum of numbers and the weighted average
    // unit cost of the rows above it (its £954 is not the £882.69 its rows give).
    void checkSnapshot(const Table &t)
    {
        struct Month { qint64 number = 0; double weighted = 0; int totalRow = -1; };
        std::map<int64_t, Month> months;
        for (size_t r = 0; r < t.rows(); ++r) {
            Month &m = months[t.cell(r, Snapshot::MONTH)];
            if (equalsNoCase(t.text(r, Snapshot::CATEGORY), "TOTAL")) {
                m.totalRow = int(r);
            } else {
                m.number += t.cell(r, Snapshot::NUMBER);
                m.weighted += double(t.cell(r, Snapshot::NUMBER)) * double(t.cell(r, Snapshot::AVE_UNIT_COST_WEEK));
            }
        }
        for (const auto &[month, m] : months) {
            if (m.totalRow < 0)
                continue;
            const size_t r = size_t(m.totalRow);
            const qint64 number = t.cell(r, Snapshot::NUMBER), unit = t.cell(r, Snapshot::AVE_UNIT_COST_WEEK);
            const double average = m.number ? m.weighted / double(m.number) : 0; // pence
            if (number != m.number)
                finding(t.file, t.lines[r], "total-mismatch",
                        QStringLiteral("the TOTAL row's NUMBER %1 is not the sum of the rows, %2").arg(number).arg(m.number));
            // Published averages are rounded to whole pounds: allow half a pound either way.
            if (std::abs(double(unit) - average) > 50.0)
                finding(t.file, t.lines[r], "total-mismatch",
                        QStringLiteral("the TOTAL row's AVE_UNIT_COST_WEEK %1 is not the weighted average of the rows, %2")
                            .arg(Money::format(unit, true), Money::format(Money::Pence(std::llround(average)), true)));
        }
    }

    QVector<ImportError> &m_errors;
    int &m_errorCount;
    QVector<ImportFinding> &m_findings;
    const std::function<bool(qint64)> &m_progress;
    qint64 m_rows = 0;
    bool m_cancelled = false;
    const ParsedFile *m_current = nullptr;
};

} // namespace

// ---------------------------------------------------------------------------------------------

struct Importer::Impl {
    // `streamed[i]`, where not empty, is the path of a CIN census read from its file as it goes.
    static Result run(Importer &self, QList<QPair<QString, QByteArray>> files, const QStringList &streamed = {})
    {
        self.m_errors.clear();
        self.m_errorCount = 0;
        self.m_findings.clear();
        self.m_summaries.clear();
        self.m_failure.clear();
        QElapsedTimer timer;
        timer.start();
        const bool profile = qEnvironmentVariableIsSet("CAREBOARD_IMPORT_PROFILE");
        Parser parser(self.m_errors, self.m_errorCount, self.m_findings, self.m_progress);
        std::vector<ParsedFile> parsed(size_t(files.size()));
        for (int i = 0; i < files.size(); ++i) {
            if (i < streamed.size() && !streamed[i].isEmpty())
                parser.parseCinFile(files[i].first, streamed[i], &parsed[size_t(i)]);
            else
                parser.parse(files[i].first, files[i].second, &parsed[size_t(i)]);
            files[i].second = QByteArray(); // the parsed cells hold what is needed
            if (parser.cancelled())
                return Result::Cancelled;
        }
        if (self.m_errorCount)
            return Result::Invalid;
        if (self.m_store.isDemo() && self.m_store.hasCaseData() && !self.m_replaceDemo) {
            self.m_failure = QStringLiteral("%1 holds the fictional demo authority; import into a new store "
                                            "(careboard import --db NEW.sqlite ...) or replace the demo from the Data screen.")
                                 .arg(self.m_store.location());
            return Result::Failed;
        }
        if (profile)
            qInfo("import: parsed and checked in %lld ms", timer.restart());
        ImportStore writer(self.m_store, self.m_progress, parser.rowsRead());
        writer.setNewAuthority(self.m_newName, self.m_newCode);
        const ImportStore::Outcome outcome = writer.write(parsed, self.m_replaceDemo, &self.m_findings, &self.m_summaries, &self.m_failure);
        if (profile)
            qInfo("import: written and committed in %lld ms", timer.restart());
        if (outcome == ImportStore::Outcome::Cancelled) {
            self.m_summaries.clear();
            return Result::Cancelled;
        }
        if (outcome == ImportStore::Outcome::Failed) {
            self.m_summaries.clear();
            return Result::Failed;
        }
        return Result::Imported;
    }
};

Importer::Importer(Store &store) : m_store(store) {}

Importer::~Importer() = default;

Importer::Result Importer::importFiles(const QStringList &paths)
{
    QList<QPair<QString, QByteArray>> files;
    QStringList streamed;
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            m_errors.clear();
            m_findings.clear();
            m_summaries.clear();
            m_failure = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
            return Result::Failed;
        }
        // A CIN census streams from its file; every other kind is read whole.
        const QByteArray head = f.peek(65536);
        if (head.trimmed().startsWith('<') && CinCensusReader::isCensus(head)) {
            files.append({QFileInfo(path).fileName(), QByteArray()});
            streamed.append(path);
            continue;
        }
        files.append({QFileInfo(path).fileName(), f.readAll()});
        streamed.append(QString());
    }
    return Impl::run(*this, std::move(files), streamed);
}

Importer::Result Importer::importData(const QList<QPair<QString, QByteArray>> &files)
{
    return Impl::run(*this, files);
}

ImportKind Importer::detectKind(const QByteArray &data)
{
    QVector<ImportError> errors;
    int count = 0;
    QVector<ImportFinding> findings;
    const std::function<bool(qint64)> none;
    Parser parser(errors, count, findings, none);
    ParsedFile file;
    // Only the header row (or root element) matters: parse the first line.
    qsizetype end = data.indexOf('\n');
    const QByteArray head = data.trimmed().startsWith('<') ? data : data.left(end < 0 ? data.size() : end + 1);
    parser.parse(QStringLiteral("(detect)"), head, &file);
    return file.kind;
}

int Importer::parseOnly(const QString &name, const QByteArray &data, int *findingCount)
{
    QVector<ImportError> errors;
    int count = 0;
    QVector<ImportFinding> findings;
    const std::function<bool(qint64)> none;
    Parser parser(errors, count, findings, none);
    ParsedFile file;
    parser.parse(name, data, &file);
    if (findingCount)
        *findingCount = int(findings.size());
    return count;
}
