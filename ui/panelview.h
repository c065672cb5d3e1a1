#pragma once
// The Placement Panel screen (PRODUCT §7), run live on a shared screen: meetings and their
// agenda, the case under review with its decision form, cost avoidance, the residential tracker
// and the unregulated-provision report. Large type; keyboard-driven (Alt+Down / Alt+Up next and
// previous case, Ctrl+Return records the decision); nothing more personal than the child
// reference, age and placement.
#include "domain/agenda.h"
#include "domain/panelrules.h"
#include "exportaction.h"
#include "store/storeroles.h"

#include <QSet>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QUndoStack;
QT_END_NAMESPACE

class AgendaModel;
class NoticeBar;
class ReportTableModel;
class Store;

class PanelView : public QWidget
{
    Q_OBJECT
public:
    enum Tab { AgendaTab, CaseTab, AvoidanceTab, ResidentialTab, UnregulatedTab };

    PanelView(Store &store, QUndoStack *undoStack, QWidget *parent = nullptr);

    AgendaModel *agendaModel() const;
    QTabWidget *tabs() const { return m_tabs; }
    QDate meetingDate() const;
    int currentCase() const { return m_case; }
    void showTab(Tab tab);
    // Selects agenda row `row` as the case under review.
    void selectCase(int row);
    // Fills the decision form (for tests and scripted demos).
    // What Export… offers: the agenda and the reports of each tab (child-level ones marked).
    QVector<ExportItem> exportItems() const;
    // The selected meeting's agenda and, once decisions are recorded, its minutes.
    ReportDocument minutesDocument() const;
    QLabel *messageLabel() const;
    // Offers only what the connected user may do (see StoreRoles::Access).
    void setAccess(const StoreRoles::Access &access);
    void setDecisionForm(const QString &outcome, const QString &newWeeklyCost, const QDate &from, const QString &actions,
                         const QDate &nextReview, const QString &notes);

public slots:
    void refresh();
    void nextCase();
    void previousCase();
    // Records the decision in the form for the case under review (one undoable command).
    bool recordDecision();
    void newMeeting();
    void fixAgenda();
    // The priority flags' thresholds and the review interval (settings panel.*), undoable.
    void editThresholds();
    // Asks where and writes minutesDocument() as a PDF.
    void exportMinutes();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void ensureLoaded() const;
    void reload();
    void refreshStaleTab();
    void refreshAllTabs() const;
    QWidget *buildAgendaTab();
    QWidget *buildCaseTab();
    QWidget *buildReportTab(ReportTableModel *model, QLabel **heading, QTableView **table, ReportTableModel *second = nullptr,
                            QLabel **secondHeading = nullptr, int topStretch = 1, int bottomStretch = 2);
    void loadMeetings(qint64 select = 0);
    void onPanelChanged(qint64 meetingId);
    void meetingChanged();
    void refreshAgenda();
    void refreshCase();
    void refreshAvoidance();
    void refreshResidential();
    void refreshUnregulated();
    void updateAvoidancePreview();
    void showMessage(const QString &text, bool error = false);

    Store &m_store;
    QUndoStack *m_undoStack;
    PanelSettings m_settings;
    QTabWidget *m_tabs;
    // Agenda
    QComboBox *m_meetings;
    QLabel *m_agendaHeading;
    QPushButton *m_fixButton;
    QTableView *m_agendaTable;
    AgendaModel *m_agendaModel;
    NoticeBar *m_message;
    StoreRoles::Access m_access;
    bool m_loaded = false;      // meetings and agenda read (on first show or first use)
    bool m_stale = false;       // the store changed while another screen was on show
    QSet<Tab> m_staleTabs;      // report tabs to read again when shown
    QPushButton *m_newMeetingButton = nullptr;
    QPushButton *m_thresholdsButton = nullptr;
    // Case review
    int m_case = -1;
    int m_recordedAt = -1;          // the undo index of the step the "Recorded" notice is about
    bool m_askedNoActions = false; // "Record without actions?" asked for this case
    QLabel *m_caseHeading;
    QTextBrowser *m_caseBrowser;
    QComboBox *m_source;
    QComboBox *m_outcome;
    QLineEdit *m_newCost;
    QDateEdit *m_costFrom;
    QPlainTextEdit *m_actions;
    QDateEdit *m_nextReview;
    QPlainTextEdit *m_notes;
    QLabel *m_preview;
    QPushButton *m_recordButton;
    QCheckBox *m_stayOnCase;
    // Reports
    ReportTableModel *m_avoidanceTotals, *m_avoidanceLines, *m_residential, *m_residentialYears, *m_unregulated;
    QLabel *m_avoidanceHeading = nullptr, *m_avoidanceLinesHeading = nullptr, *m_residentialHeading = nullptr,
           *m_residentialYearsHeading = nullptr, *m_unregulatedHeading = nullptr;
    QTableView *m_avoidanceTable = nullptr, *m_residentialTable = nullptr, *m_unregulatedTable = nullptr;
};
