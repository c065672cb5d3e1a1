#include "itemmodels/scorecardmodel.h"

#include "core/dates.h"
#include "store/store.h"

#include <QLocale>
#include <cmath>

// The model's columns are the domain's, in the same order.
static_assert(int(ScorecardModel::Commentary) == int(Scorecard::Commentary)
              && int(ScorecardModel::Rating) == int(Scorecard::Rating)
              && int(ScorecardModel::ColumnCount) == int(Scorecard::ColumnCount));

namespace {

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
    m_end = Scorecard::periodEnd(period, date);
    refresh();
}

QDate ScorecardModel::previousEnd() const
{
    return Scorecard::previousEnd(m_period, m_end);
}

QDate ScorecardModel::lastYearEnd() const
{
    return Scorecard::lastYearEnd(m_period, m_end);
}

QString ScorecardModel::periodKey() const
{
    return Scorecard::periodKey(m_period, m_end);
}

QString ScorecardModel::periodLabel() const
{
    return Scorecard::periodLabel(m_period, m_end);
}

void ScorecardModel::refresh()
{
    beginResetModel();
    m_rows = Scorecard::rows(m_store, m_engine, m_period, m_end);
    endResetModel();
}

ScorecardModel::Rag ScorecardModel::ragAt(int row) const
{
    return m_rows.at(row).rag();
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
    if (m_editHandler && index.isValid() && (index.column() == Target || index.column() == Commentary))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ScorecardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const auto value = [&](int column) { return r.value(Scorecard::Column(column)); };
    const Rag rag = ragAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.text(Scorecard::Column(index.column()));
    case Qt::EditRole:
        if (index.column() == Target) {
            const double t = r.targetValue();
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
                                    : r.ratedAgainstTarget() ? tr("Against the target") : tr("Against England (no target set)");
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
    return section >= 0 && section < ColumnCount ? Scorecard::heading(Scorecard::Column(section), m_period, m_end) : QVariant();
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
    if (role != Qt::EditRole || !m_editHandler)
        return false;
    QString error;
    Entry entry;
    if (!parse(index, value, &entry, &error)) {
        if (!error.isEmpty())
            emit editFailed(error);
        return false;
    }
    int version = 0;
    const Entry before = entryAt(index, &version);
    if (before == entry)
        return true;
    return m_editHandler(index, before, entry, version);
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
