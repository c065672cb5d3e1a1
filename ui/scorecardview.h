#pragma once
// The Scorecard screen (PRODUCT §2.5): every indicator in one table with its comparisons and RAG,
// targets typed into the table, and the commentary for the period edited beneath it.
#include "exportaction.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QUndoStack;
QT_END_NAMESPACE

class IndicatorEngine;
class NoticeBar;
class ScorecardModel;
class Store;

class ScorecardView : public QWidget
{
    Q_OBJECT
public:
    // Edits go onto `undoStack` (the window's one stack); without one the view keeps its own.
    ScorecardView(Store &store, IndicatorEngine &engine, QUndoStack *undoStack = nullptr, QWidget *parent = nullptr);

    ScorecardModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *commentaryEditor() const { return m_commentary; }
    // Target and commentary edits, undoable (Ctrl+Z / Ctrl+Shift+Z in the table).
    QUndoStack *undoStack() const { return m_undo; }
    void selectRow(int row);
    // Saves the commentary editor's text for the selected indicator and period.
    bool saveCommentary();
    // False for a viewer or panel member: targets and commentary are shown, not editable.
    void setEditable(bool editable);
    // True while the commentary editor holds typing not yet saved.
    bool hasUnsavedCommentary() const;
    NoticeBar *noticeBar() const { return m_notice; }
    // What Export… offers: the scorecard table, each figure resting on its count of children.
    QVector<ExportItem> exportItems() const;

public slots:
    void refresh();

private:
    void showCommentary();
    void reloadAfterRefusal();
    void applyPeriod();

    Store &m_store;
    ScorecardModel *m_model;
    QComboBox *m_period;
    QDateEdit *m_date;
    QLabel *m_heading;
    QTableView *m_table;
    QLabel *m_commentaryTitle;
    QPlainTextEdit *m_commentary;
    QPushButton *m_save;
    QLabel *m_status;
    QUndoStack *m_undo;
    NoticeBar *m_notice;
    bool m_editable = true;
};
