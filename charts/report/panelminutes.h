#pragma once
// The Placement Panel's agenda and minutes as a document (PRODUCT §7): the meeting's agenda
// (child reference, age, placement, weekly cost, flags with their reasons, review due) and, once
// decisions are recorded, each decision (outcome, new cost and from when, actions, next review)
// — what the chair circulates after the meeting. Child-level: always OFFICIAL-SENSITIVE.
#include "domain/agenda.h"
#include "reportdocument.h"
#include "store/panelstore.h"

class Store;

namespace PanelMinutes {

// The agenda as an exported table (child-level).
TableData agendaTable(const QVector<AgendaItem> &agenda, const QString &title);
// The decisions recorded at `meeting` (oldest first), with the child references of `agenda`
// (or read from the placement when the child is not on it).
QVector<PanelDecision> decisionsOf(Store &store, qint64 meetingId);
TableData decisionsTable(Store &store, const QVector<PanelDecision> &decisions, const QVector<AgendaItem> &agenda);
// The whole document: agenda, then the minutes when any decision is recorded. A meeting with
// meetingId 0 is the provisional agenda at its date.
ReportDocument build(Store &store, const PanelMeeting &meeting, const QVector<AgendaItem> &agenda);

} // namespace PanelMinutes
