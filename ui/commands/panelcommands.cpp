#include "panelcommands.h"

#include "storeevents.h"

#include "core/dates.h"
#include "domain/panelrules.h"
#include "store/store.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PanelCommands", text);
}
} // namespace

RecordDecisionCommand::RecordDecisionCommand(Store &store, const PanelDecision &decision, int placementVersion, QUndoCommand *parent)
    : EditCommand(store, parent), m_decision(decision), m_placementVersion(placementVersion)
{
    setText(tr("Record %1 decision (%2)").arg(decision.source, decision.outcome));
}

void RecordDecisionCommand::changed()
{
    if (m_feeUndo.wroteFee)
        costsSucceeded(m_decision.placementId);
    else
        succeeded();
    emit events()->panelChanged(m_recorded.meetingId ? m_recorded.meetingId : m_decision.meetingId);
}

void RecordDecisionCommand::redo()
{
    // After an undo that restored the fee, the placement is one version further on.
    const int expected = m_applied && m_feeUndo.wroteFee ? m_placementVersion + 1 : m_placementVersion;
    QString error;
    PanelStore::FeeUndo feeUndo;
    if (!PanelStore(m_store).recordDecision(m_decision, expected, &m_recorded, &feeUndo, &error)) {
        fail(m_applied ? tr("Redo refused: %1").arg(error) : error);
        return;
    }
    m_applied = true;
    m_decision.decisionId = m_recorded.decisionId; // a redo re-creates the same row
    m_feeUndo = feeUndo;
    if (feeUndo.wroteFee)
        m_placementVersion = feeUndo.placementVersionAfter;
    changed();
}

void RecordDecisionCommand::undo()
{
    QString error;
    if (!PanelStore(m_store).removeDecision(m_recorded, m_feeUndo, &error)) {
        fail(tr("Undo refused: %1").arg(error));
        return;
    }
    changed();
}

CreateMeetingCommand::CreateMeetingCommand(Store &store, const QDate &date, const QString &chair, QUndoCommand *parent)
    : EditCommand(store, parent), m_date(date), m_chair(chair)
{
    setText(tr("Create panel meeting of %1").arg(Dates::uk(date)));
}

void CreateMeetingCommand::redo()
{
    QString error;
    PanelStore panel(m_store);
    if (!m_applied) {
        m_id = panel.createMeeting(m_date, m_chair, &error);
        if (!m_id) {
            fail(error);
            return;
        }
        m_applied = true;
    } else if (!panel.createMeeting(m_date, m_chair, &error, m_id, m_version)) {
        fail(tr("Redo refused: %1").arg(error));
        return;
    }
    succeeded();
    emit events()->panelChanged(m_id);
}

void CreateMeetingCommand::undo()
{
    QString error;
    PanelStore panel(m_store);
    m_version = panel.meeting(m_id).version;
    if (!panel.deleteMeeting(m_id, m_version, &error)) {
        fail(tr("Undo refused: %1").arg(error));
        return;
    }
    succeeded();
    emit events()->panelChanged(0);
}

FixAgendaCommand::FixAgendaCommand(Store &store, const PanelMeeting &meeting, const QVector<PanelItemRow> &items, QUndoCommand *parent)
    : EditCommand(store, parent), m_before(meeting), m_items(items), m_version(meeting.version)
{
    setText(tr("Fix the agenda of %1").arg(Dates::uk(meeting.date)));
    m_previousItems = PanelStore(m_store).items(meeting.meetingId);
}

void FixAgendaCommand::redo()
{
    QString error;
    if (!PanelStore(m_store).fixAgenda(m_before.meetingId, m_version, m_items, &error)) {
        fail(m_applied ? tr("Redo refused: %1").arg(error) : error);
        return;
    }
    m_applied = true;
    ++m_version;
    succeeded();
    emit events()->panelChanged(m_before.meetingId);
}

void FixAgendaCommand::undo()
{
    QString error;
    if (!PanelStore(m_store).setAgenda(m_before.meetingId, m_version, m_previousItems, m_before.status, &error)) {
        fail(tr("Undo refused: %1").arg(error));
        return;
    }
    ++m_version;
    succeeded();
    emit events()->panelChanged(m_before.meetingId);
}

PanelSettingsCommand::PanelSettingsCommand(Store &store, const PanelSettings &before, const PanelSettings &after, QUndoCommand *parent)
    : EditCommand(store, parent), m_before(before), m_after(after)
{
    setText(tr("Change panel thresholds"));
}

void PanelSettingsCommand::apply(const PanelSettings &s, const PanelSettings &basis, const QString &refusal)
{
    QString error;
    if (!s.save(m_store, basis, &error)) {
        fail(refusal.arg(error));
        return;
    }
    succeeded();
    emit events()->panelChanged(0);
}

void PanelSettingsCommand::redo()
{
    apply(m_after, m_before, m_applied ? tr("The thresholds were not changed: %1") : QStringLiteral("%1"));
    m_applied = m_applied || !failed();
}

void PanelSettingsCommand::undo()
{
    apply(m_before, m_after, tr("The thresholds were not changed: %1"));
}
