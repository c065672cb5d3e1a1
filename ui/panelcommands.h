#pragma once
// Undoable panel edits (STYLE §5). Recording a decision (and the new fee row of a cost change)
// is one audited transaction through PanelStore; undo removes both in one transaction too.
#include "domain/panelrules.h"
#include "store/panelstore.h"

#include <QUndoCommand>
#include <functional>

class Store;

class RecordDecisionCommand : public QUndoCommand
{
public:
    // Writes the decision at once; check ok() before pushing (a refused decision changes nothing
    // and should not go on the stack). `changed` runs after every redo/undo so views refresh,
    // `failed` with a message if a later undo/redo is refused (e.g. someone else edited).
    RecordDecisionCommand(Store &store, const PanelDecision &decision, int placementVersion,
                          std::function<void()> changed = {}, std::function<void(const QString &)> failed = {});

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    const PanelDecision &recorded() const { return m_recorded; }

    void undo() override;
    void redo() override;

private:
    Store &m_store;
    PanelDecision m_decision;
    PanelDecision m_recorded;
    PanelStore::FeeUndo m_feeUndo;
    int m_placementVersion;
    bool m_ok = false;
    bool m_firstRedo = true;
    QString m_error;
    std::function<void()> m_changed;
    std::function<void(const QString &)> m_failed;
};

// Creating a panel meeting; undo removes it again (refused once decisions are recorded there).
class CreateMeetingCommand : public QUndoCommand
{
public:
    CreateMeetingCommand(Store &store, const QDate &date, const QString &chair, std::function<void(qint64)> changed = {},
                         std::function<void(const QString &)> failed = {});
    bool ok() const { return m_id != 0; }
    QString error() const { return m_error; }
    qint64 meetingId() const { return m_id; }
    void undo() override;
    void redo() override;

private:
    Store &m_store;
    QDate m_date;
    QString m_chair;
    qint64 m_id = 0;
    int m_version = 1;   // when the creation was undone
    bool m_firstRedo = true;
    QString m_error;
    std::function<void(qint64)> m_changed;   // the meeting to show (0 after undo)
    std::function<void(const QString &)> m_failed;
};

// Fixing a meeting's agenda (panel_items); undo puts back the agenda and status it had.
class FixAgendaCommand : public QUndoCommand
{
public:
    FixAgendaCommand(Store &store, const PanelMeeting &meeting, const QVector<PanelItemRow> &items,
                     std::function<void(qint64)> changed = {}, std::function<void(const QString &)> failed = {});
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    void undo() override;
    void redo() override;

private:
    Store &m_store;
    PanelMeeting m_before;
    QVector<PanelItemRow> m_previousItems, m_items;
    int m_version;
    bool m_ok = false;
    bool m_firstRedo = true;
    QString m_error;
    std::function<void(qint64)> m_changed;
    std::function<void(const QString &)> m_failed;
};

// Changing the panel's thresholds (settings panel.*); undo restores the previous ones.
class PanelSettingsCommand : public QUndoCommand
{
public:
    PanelSettingsCommand(Store &store, const PanelSettings &before, const PanelSettings &after,
                         std::function<void()> changed = {}, std::function<void(const QString &)> failed = {});
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    void undo() override;
    void redo() override;

private:
    void apply(const PanelSettings &s, const PanelSettings &basis);
    Store &m_store;
    PanelSettings m_before, m_after;
    bool m_ok = false;
    bool m_firstRedo = true;
    QString m_error;
    std::function<void()> m_changed;
    std::function<void(const QString &)> m_failed;
};
