#pragma once
// The Placement Panel's edits as EditCommands. Recording a decision (and the new fee row of a
// cost change) is one audited transaction through PanelStore; undo removes both in one
// transaction too. Each step tells StoreEvents::panelChanged (and, for a fee, costsChanged) so
// the Panel, Costs and totals redraw in every window.
#include "editcommand.h"

#include "domain/panelrules.h"
#include "store/panelstore.h"

class RecordDecisionCommand : public EditCommand
{
public:
    RecordDecisionCommand(Store &store, const PanelDecision &decision, int placementVersion, QUndoCommand *parent = nullptr);

    // The decision as stored by the last redo (its id, meeting).
    const PanelDecision &recorded() const { return m_recorded; }

    void undo() override;
    void redo() override;

private:
    void changed();
    PanelDecision m_decision;
    PanelDecision m_recorded;
    PanelStore::FeeUndo m_feeUndo;
    int m_placementVersion;
};

// Creating a panel meeting; undo removes it again (refused once decisions are recorded there).
class CreateMeetingCommand : public EditCommand
{
public:
    CreateMeetingCommand(Store &store, const QDate &date, const QString &chair, QUndoCommand *parent = nullptr);
    qint64 meetingId() const { return m_id; }
    void undo() override;
    void redo() override;

private:
    QDate m_date;
    QString m_chair;
    qint64 m_id = 0;
    int m_version = 1; // when the creation was undone
};

// Fixing a meeting's agenda (panel_items); undo puts back the agenda and status it had.
class FixAgendaCommand : public EditCommand
{
public:
    FixAgendaCommand(Store &store, const PanelMeeting &meeting, const QVector<PanelItemRow> &items, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    PanelMeeting m_before;
    QVector<PanelItemRow> m_previousItems, m_items;
    int m_version;
};

// Changing the panel's thresholds (settings panel.*); undo restores the previous ones.
class PanelSettingsCommand : public EditCommand
{
public:
    PanelSettingsCommand(Store &store, const PanelSettings &before, const PanelSettings &after, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    void apply(const PanelSettings &s, const PanelSettings &basis, const QString &refusal);
    PanelSettings m_before, m_after;
};
