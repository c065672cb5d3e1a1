#include "panelcommands.h"

#include "dates.h"
#include "panelrules.h"
#include "store.h"

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
