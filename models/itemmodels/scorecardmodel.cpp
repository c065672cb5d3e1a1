#include "itemmodels/scorecardmodel.h"

#include "core/dates.h"
#include "store/store.h"

#include <QLocale>
#include <cmath>

namespace {

// The scorecard's rows, in the order of seed 000's performance report.
const char *const rowKeys[] = {"cla", "cla_starts", "cla_ceased", "cp", "cin", "uasc", "three_plus_placements",
                               "long_term_stability", "in_house_share_fostering", "external_share_residential",
                               "out_of_area", "mix_foster", "mix_secure_and_childrens_homes", "mix_independent_supported"};

double displayScale(const IndicatorInfo &info)
{
    return info.unit == IndicatorUnit::Share ? 100.0 : 1.0;
}

} // namespace

ScorecardModel::ScorecardModel(Store &store, IndicatorEngine &engine, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_engine(engine), m_scorecard(store)
{
    m_end = engine.dataEnd().isValid() ? engine.dataEnd() : QDate::currentDate();
    setPeriod(Period::Month, m_end);
}

void ScorecardModel::setPeriod(Period period, const QDate &date)
{
    m_period = period;
    m_end = period == Period::Month ? Dates::monthEnd(date.year(), date.month()) : Dates::quarterEnd(date);
    refresh();
}

QDate ScorecardModel::previousEnd() const
{
    const QDate back = m_end.addMonths(m_period == Period::Month ? -1 : -3);
    return m_period == Period::Month ? Dates::monthEnd(back.year(), back.month()) : Dates::quarterEnd(back);
}

QDate ScorecardModel::lastYearEnd() const
{
    const QDate back = m_end.addYears(-1);
    return m_period == Period::Month ? Dates::monthEnd(back.year(), back.month()) : Dates::quarterEnd(back);
}

QString ScorecardModel::periodKey() const
{
    if (m_period == Period::Month)
        return m_end.toString(QStringLiteral("yyyy-MM"));
    const int quarter = ((m_end.month() + 8) % 12) / 3 + 1; // April-June is Q1
    return QStringLiteral("%1 Q%2").arg(Dates::financialYearLabel(Dates::financialYear(m_end))).arg(quarter);
}

QString ScorecardModel::periodLabel() const
{
    if (m_period == Period::Month)
        return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(m_end, QStringLiteral("MMMM yyyy"));
    return periodKey();
}

double ScorecardModel::benchmark(const IndicatorInfo &info, const QString &comparator, int *year) const
{
    if (info.benchmark.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    // Benchmarks describe 31 March of their year: take the latest on or before the end of the
    // period's financial year, else the earliest published.
    const int wanted = Dates::financialYear(m_end) + 1;
    const QVector<BenchmarkRow> rows = CaseStore(m_store).benchmarks(info.benchmark, comparator);
    const BenchmarkRow *best = nullptr;
    for (const BenchmarkRow &b : rows)
        if (b.year <= wanted && (!best || b.year > best->year))
            best = &b;
    if (!best && !rows.isEmpty())
        best = &rows.first();
    if (!best)
        return std::numeric_limits<double>::quiet_NaN();
    *year = best->year;
    return best->value * info.benchmarkScale;
}

void ScorecardModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    const int fy = Dates::financialYear(m_end);
    const QString key = periodKey();
    for (const char *k : rowKeys) {
        const IndicatorInfo *info = Indicators::find(QString::fromLatin1(k));
        if (!info)
            continue;
        Row r;
        r.info = *info;
        r.now = m_engine.valueAt(info->id, m_end);
        r.previous = m_engine.valueAt(info->id, previousEnd());
        r.lastYear = m_engine.valueAt(info->id, lastYearEnd());
        int year = 0;
        r.england = benchmark(*info, QStringLiteral("England"), &r.benchmarkYear);
        r.neighbours = benchmark(*info, QStringLiteral("Statistical neighbours"), &year);
        r.target = m_scorecard.target(info->key, fy);
        r.commentary = m_scorecard.commentary(info->key, key);
        m_rows << r;
    }
    endResetModel();
}

double ScorecardModel::targetValue(const Row &r) const
{
    return r.target.exists() ? r.target.value.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

ScorecardModel::Rag ScorecardModel::rate(GoodDirection good, double value, double comparison)
{
    if (good == GoodDirection::Neither || !std::isfinite(value) || !std::isfinite(comparison))
        return Rag::None;
    const double tolerance = std::abs(comparison) * 0.05;
    if (good == GoodDirection::Higher)
        return value >= comparison ? Rag::Green : value >= comparison - tolerance ? Rag::Amber : Rag::Red;
    return value <= comparison ? Rag::Green : value <= comparison + tolerance ? Rag::Amber : Rag::Red;
}

ScorecardModel::Rag ScorecardModel::ragAt(int row) const
{
    const Row &r = m_rows.at(row);
    const double t = targetValue(r);
    return rate(r.info.good, r.now.rate, std::isfinite(t) ? t : r.england);
}

int ScorecardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScorecardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ScorecardModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == Target || index.column() == Commentary))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ScorecardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const auto value = [&](int column) -> double {
        switch (column) {
        case ThisPeriod: return r.now.rate;
        case PreviousPeriod: return r.previous.rate;
        case LastYear: return r.lastYear.rate;
        case Target: return targetValue(r);
        case England: return r.england;
        case Neighbours: return r.neighbours;
        }
        return std::numeric_limits<double>::quiet_NaN();
    };
    const Rag rag = ragAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Indicator: return r.info.title;
        case Direction:
            return r.info.good == GoodDirection::Higher ? tr("Higher") : r.info.good == GoodDirection::Lower ? tr("Lower") : tr("Context");
        case Rating: return rag == Rag::Green ? tr("Green") : rag == Rag::Amber ? tr("Amber") : rag == Rag::Red ? tr("Red") : QString();
        case Commentary: return r.commentary.value.toString().section(QLatin1Char('\n'), 0, 0);
        default: {
            const double v = value(index.column());
            return std::isfinite(v) ? Indicators::format(r.info, v) : QString();
        }
        }
    case Qt::EditRole:
        if (index.column() == Target) {
            const double t = targetValue(r);
            return std::isfinite(t) ? QVariant(uk.toString(t * displayScale(r.info), 'g', 6)) : QVariant(QString());
        }
        if (index.column() == Commentary)
            return r.commentary.value.toString();
        return {};
    case SortRole:
        if (index.column() == Indicator || index.column() == Direction || index.column() == Commentary)
            return data(index, Qt::DisplayRole);
        if (index.column() == Rating)
            return int(rag);
        return std::isfinite(value(index.column())) ? QVariant(value(index.column())) : QVariant();
    case RagRole: return int(rag);
    case Qt::TextAlignmentRole:
        return (index.column() == Indicator || index.column() == Commentary) ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                                                             : int(Qt::AlignCenter);
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ThisPeriod:
        case PreviousPeriod:
        case LastYear: {
            const IndicatorValue &v = index.column() == ThisPeriod ? r.now : index.column() == PreviousPeriod ? r.previous : r.lastYear;
            if (r.info.unit == IndicatorUnit::RatePer10k)
                return tr("%1: %2 children ÷ %3 under-18s × 10,000").arg(Dates::uk(v.at), uk.toString(v.count), uk.toString(v.denominator));
            if (r.info.unit == IndicatorUnit::Share)
                return tr("%1: %2 of %3 children").arg(Dates::uk(v.at), uk.toString(v.count), uk.toString(v.denominator));
            return tr("%1: %2 children").arg(Dates::uk(v.at), uk.toString(v.count));
        }
        case Target:
            return r.target.exists() ? tr("Target for %1, set by %2 at %3").arg(Dates::financialYearLabel(Dates::financialYear(m_end)),
                                                                              r.target.changedBy, r.target.changedAt)
                                     : tr("No target for %1: type one in").arg(Dates::financialYearLabel(Dates::financialYear(m_end)));
        case England: return r.benchmarkYear ? tr("England at 31 March %1 (DfE)").arg(r.benchmarkYear) : QVariant();
        case Rating:
            return rag == Rag::None ? QVariant()
                                    : std::isfinite(targetValue(r)) ? tr("Against the target") : tr("Against England (no target set)");
        case Commentary:
            return r.commentary.exists() ? tr("%1\n\n— %2, %3").arg(r.commentary.value.toString(), r.commentary.changedBy, r.commentary.changedAt)
                                         : QVariant();
        }
        return {};
    }
    return {};
}

QVariant ScorecardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const auto label = [&](const QDate &d) {
        return m_period == Period::Month ? uk.toString(d, QStringLiteral("MMM yyyy")) : Dates::uk(d);
    };
    switch (section) {
    case Indicator: return tr("Indicator");
    case ThisPeriod: return label(m_end);
    case PreviousPeriod: return tr("Previous\n%1").arg(label(previousEnd()));
    case LastYear: return tr("Last year\n%1").arg(label(lastYearEnd()));
    case Target: return tr("Target\n%1").arg(Dates::financialYearLabel(Dates::financialYear(m_end)));
    case England: return tr("England");
    case Neighbours: return tr("Neighbours");
    case Direction: return tr("Good is");
    case Rating: return tr("RAG");
    case Commentary: return tr("Commentary");
    }
    return {};
}

ScorecardModel::Entry ScorecardModel::entryAt(const QModelIndex &index, int *version) const
{
    Entry e;
    const Row &r = m_rows.at(index.row());
    e.column = Column(index.column());
    e.indicator = r.info.key;
    if (e.column == Target) {
        e.financialYear = Dates::financialYear(m_end);
        e.value = r.target.exists() ? r.target.value : QVariant();
        *version = r.target.version;
    } else {
        e.period = periodKey();
        e.value = r.commentary.value.toString();
        *version = r.commentary.version;
    }
    return e;
}

bool ScorecardModel::parse(const QModelIndex &index, const QVariant &input, Entry *entry, QString *error) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (index.column() != Target && index.column() != Commentary))
        return false;
    int version = 0;
    *entry = entryAt(index, &version);
    if (index.column() == Commentary) {
        entry->value = input.toString();
        return true;
    }
    QString text = input.toString().trimmed();
    text.remove(QLatin1Char('%')).remove(QLatin1Char(','));
    entry->value = QVariant();
    if (text.isEmpty())
        return true;
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0) {
        *error = tr("A target must be a number of zero or more, not '%1'.").arg(input.toString());
        return false;
    }
    entry->value = v / displayScale(m_rows.at(index.row()).info);
    return true;
}

bool ScorecardModel::write(const Entry &entry, int expectedVersion, int *newVersion, QString *error)
{
    const bool target = entry.column == Target;
    const bool ok = target ? m_scorecard.setTarget(entry.indicator, entry.financialYear, entry.value, expectedVersion, error)
                           : m_scorecard.setCommentary(entry.indicator, entry.period, entry.value.toString(), expectedVersion, error);
    if (!ok)
        return false;
    const VersionedValue now = target ? m_scorecard.target(entry.indicator, entry.financialYear)
                                      : m_scorecard.commentary(entry.indicator, entry.period);
    *newVersion = now.version;
    // Redraw the row if it is on show (the user may have moved to another period since).
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        if (r.info.key != entry.indicator)
            continue;
        if (target && entry.financialYear == Dates::financialYear(m_end)) {
            r.target = now;
            emit dataChanged(index(row, Target), index(row, Rating));
        } else if (!target && entry.period == periodKey()) {
            r.commentary = now;
            emit dataChanged(index(row, Commentary), index(row, Commentary));
        }
    }
    return true;
}

bool ScorecardModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole)
        return false;
    QString error;
    Entry entry;
    if (!parse(index, value, &entry, &error)) {
        if (!error.isEmpty())
            emit editFailed(error);
        return false;
    }
    int version = 0;
    entryAt(index, &version);
    int after = 0;
    if (!write(entry, version, &after, &error)) {
        emit editFailed(error);
        return false;
    }
    return true;
}

qint64 ScorecardModel::countAt(int row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return -1;
    const Row &r = m_rows.at(row);
    switch (column) {
    case ThisPeriod: return r.now.count;
    case PreviousPeriod: return r.previous.count;
    case LastYear: return r.lastYear.count;
    default: return -1;
    }
}
