#pragma once
// The scorecard (PRODUCT §2.5): one row per indicator with this period, the previous period, the
// same period last year, the target (editable), England, statistical neighbours, the direction of
// good, a RAG rating and the commentary for the period (editable). A thin model over the
// domain's rows (domain/scorecard.h: the figures, the RAG rule and the direction of good);
// targets and commentary are written through ScorecardStore.
#include "domain/indicatorengine.h"
#include "domain/scorecard.h"
#include "store/scorecardstore.h"

#include <QAbstractTableModel>
#include <functional>

class Store;

class ScorecardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Indicator, ThisPeriod, PreviousPeriod, LastYear, Target, England, Neighbours, Direction, Rating,
                  Commentary, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, RagRole };
    using Period = Scorecard::Period;
    using Rag = Scorecard::Rag;

    ScorecardModel(Store &store, IndicatorEngine &engine, QObject *parent = nullptr);

    // The period ending on (or containing) `date`.
    void setPeriod(Period period, const QDate &date);
    Period period() const { return m_period; }
    QDate periodEnd() const { return m_end; }
    QDate previousEnd() const;
    QDate lastYearEnd() const;
    // Key of the commentary rows: "2025-03" (month) or "2024-25 Q4" (financial quarter).
    QString periodKey() const;
    QString periodLabel() const;
    // Re-reads values, targets and commentary.
    void refresh();

    const IndicatorInfo &indicatorAt(int row) const { return m_rows.at(row).info; }
    QString commentaryAt(int row) const { return m_rows.at(row).commentary.value.toString(); }
    Rag ragAt(int row) const;
    // The count of children a figure rests on (ThisPeriod, PreviousPeriod, LastYear), else -1.
    qint64 countAt(int row, int column) const;

    // The domain's RAG rule (Scorecard::rate).
    static Rag rate(GoodDirection good, double value, double comparison) { return Scorecard::rate(good, value, comparison); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Target: a number in the unit shown ("53" or "53%" for a share, "61.4" for a rate); empty
    // clears it. Commentary: text. Input that is not a valid target emits editFailed with the
    // reason. The edit itself goes to the edit handler (an undo command); without one the
    // scorecard is read-only, so no edit is ever written outside the undo history.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // One stored value of the scorecard, independent of the rows shown: a target (indicator,
    // financial year; value in the indicator's own unit, null to clear) or a commentary
    // (indicator, period key; text). An undo command keeps two of these and a version.
    struct Entry {
        Column column = Target;
        QString indicator;
        int financialYear = 0;
        QString period;
        QVariant value;
        bool operator==(const Entry &o) const
        {
            return column == o.column && indicator == o.indicator && financialYear == o.financialYear && period == o.period
                   && value == o.value;
        }
    };
    // What the cell at `index` holds now, and its version (0: none stored).
    Entry entryAt(const QModelIndex &index, int *version) const;
    // The entry the user's input for `index` means (a target typed as "53%" becomes 0.53);
    // false with *error for input that is not a valid target.
    bool parse(const QModelIndex &index, const QVariant &input, Entry *entry, QString *error) const;
    // Writes `entry` if its row is still at `expectedVersion` (versioned and audited in the
    // store); *newVersion gets the row's version after. Rows on show redraw whatever the period.
    bool write(const Entry &entry, int expectedVersion, int *newVersion, QString *error);

    // Where setData sends an edit (the cell, what it held at `version`, what the user typed);
    // returns whether it was written. The screen installs one that pushes an undo command.
    using EditHandler = std::function<bool(const QModelIndex &index, const Entry &before, const Entry &after, int version)>;
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }

signals:
    void editFailed(const QString &message);

private:
    using Row = Scorecard::Row;

    Store &m_store;
    IndicatorEngine &m_engine;
    ScorecardStore m_scorecard;
    Period m_period = Period::Month;
    QDate m_end;
    QVector<Row> m_rows;
    EditHandler m_editHandler;
};
