#include "panelcommands.h"

#include "core/dates.h"
#include "domain/panelrules.h"
#include "store/store.h"

RecordDecisionCommand::RecordDecisionCommand(Store &store, const PanelDecision &decision, int placementVersion,
                                             std::function<void()> changed, std::function<void(const QString &)> failed)
    : m_store(store), m_decision(decision), m_placementVersion(placementVersion), m_changed(std::move(changed)),
      m_failed(std::move(failed))
{
    setText(QObject::tr("Record %1 decision (%2)").arg(decision.source, decision.outcome));
    m_ok = PanelStore(m_store).recordDecision(m_decision, m_placementVersion, &m_recorded, &m_feeUndo, &m_error);
    if (m_ok) {
        m_decision.decisionId = m_recorded.decisionId; // a redo re-creates the same row
        if (m_feeUndo.wroteFee)
            m_placementVersion = m_feeUndo.placementVersionAfter;
    }
}

void RecordDecisionCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false; // written in the constructor
        return;
    }
    // After an undo that restored the fee, the placement is one version further on.
    const int expected = m_feeUndo.wroteFee ? m_placementVersion + 1 : m_placementVersion;
    QString error;
    PanelStore::FeeUndo feeUndo;
    if (!PanelStore(m_store).recordDecision(m_decision, expected, &m_recorded, &feeUndo, &error)) {
        setObsolete(true);
        if (m_failed)
            m_failed(QObject::tr("Redo refused: %1").arg(error));
    } else {
        m_feeUndo = feeUndo;
        if (feeUndo.wroteFee)
            m_placementVersion = feeUndo.placementVersionAfter;
    }
    if (m_changed)
        m_changed();
}

void RecordDecisionCommand::undo()
{
    QString error;
    if (!PanelStore(m_store).removeDecision(m_recorded, m_feeUndo, &error)) {
        setObsolete(true);
        if (m_failed)
            m_failed(QObject::tr("Undo refused: %1").arg(error));
    }
    if (m_changed)
        m_changed();
}

CreateMeetingCommand::CreateMeetingCommand(Store &store, const QDate &date, const QString &chair,
                                           std::function<void(qint64)> changed, std::function<void(const QString &)> failed)
    : m_store(store), m_date(date), m_chair(chair), m_changed(std::move(changed)), m_failed(std::move(failed))
{
    setText(QObject::tr("Create panel meeting of %1").arg(Dates::uk(date)));
    m_id = PanelStore(m_store).createMeeting(m_date, m_chair, &m_error);
}

void CreateMeetingCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    QString error;
    if (!PanelStore(m_store).createMeeting(m_date, m_chair, &error, m_id, m_version)) {
        setObsolete(true);
        if (m_failed)
            m_failed(QObject::tr("Redo refused: %1").arg(error));
    }
    if (m_changed)
        m_changed(m_id);
}

void CreateMeetingCommand::undo()
{
    QString error;
    PanelStore panel(m_store);
    m_version = panel.meeting(m_id).version;
    if (!panel.deleteMeeting(m_id, m_version, &error)) {
        setObsolete(true);
        if (m_failed)
            m_failed(QObject::tr("Undo refused: %1").arg(error));
    }
    if (m_changed)
        m_changed(0);
}

FixAgendaCommand::FixAgendaCommand(Store &store, const PanelMeeting &meeting, const QVector<PanelItemRow> &items,
                                   std::function<void(qint64)> changed, std::function<void(const QString &)> failed)
    : m_store(store), m_before(meeting), m_items(items), m_version(meeting.version), m_changed(std::move(changed)),
      m_failed(std::move(failed))
{
    setText(QObject::tr("Fix the agenda of %1").arg(Dates::uk(meeting.date)));
    PanelStore panel(m_store);
    m_previousItems = panel.items(meeting.meetingId);
    m_ok = panel.fixAgenda(meeting.meetingId, m_version, m_items, &m_error);
    if (m_ok)
        ++m_version;
}

void FixAgendaCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    QString error;
    if (PanelStore(m_store).fixAgenda(m_before.meetingId, m_version, m_items, &error)) {
        ++m_version;
    } else {
        setObsolete(true);
        if (m_failed)
            m_failed(QObject::tr("Redo refused: %1").arg(error));
    }
    if (m_changed)
        m_changed(m_before.meetingId);
}

void FixAgendaCommand::undo()
{
    QString error;
    if (PanelStore(m_store).setAgenda(m_before.meetingId, m_version, m_previousItems, m_before.status, &error)) {
        ++m_version;
    } else {
        setObsolete(true);
        if (m_failed)
            m_failed(QObject::tr("Undo refused: %1").arg(error));
    }
    if (m_changed)
        m_changed(m_before.meetingId);
}

PanelSettingsCommand::PanelSettingsCommand(Store &store, const PanelSettings &before, const PanelSettings &after,
                                           std::function<void()> changed, std::function<void(const QString &)> failed)
    : m_store(store), m_before(before), m_after(after), m_changed(std::move(changed)), m_failed(std::move(failed))
{
    setText(QObject::tr("Change panel thresholds"));
    m_ok = m_after.save(m_store, m_before, &m_error);
}

void PanelSettingsCommand::apply(const PanelSettings &s, const PanelSettings &basis)
{
    QString error;
    if (!s.save(m_store, basis, &error)) {
        setObsolete(true);
        if (m_failed)
            m_failed(QObject::tr("The thresholds were not changed: %1").arg(error));
    }
    if (m_changed)
        m_changed();
}

void PanelSettingsCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    apply(m_after, m_before);
}

void PanelSettingsCommand::undo()
{
    apply(m_before, m_after);
}
