#pragma once
// The Placement Panel's agenda at a date (PRODUCT §7): every child in external provision who is
// flagged or due for review, most urgent first, with what the chair needs on one line.
#include "domain/panelrules.h"
#include "store/panelstore.h"

#include <QDate>
#include <QVector>

class Store;

struct AgendaItem {
    int position = 0;             // 1-based, most urgent first
    qint64 childId = 0;
    qint64 placementId = 0;
    int placementVersion = 1;
    QString childRef;
    int age = -1;
    QString legalStatus;          // LS code, e.g. C2
    QString place;                // PLACE code, e.g. K2
    QString placementType;        // cost category, e.g. Agency Residential
    QString provider;
    Money::Pence weeklyFee = 0, additionalWeekly = 0;
    Money::Pence weeklyTotal() const { return weeklyFee + additionalWeekly; }
    QDate placedOn;               // DECOM of the episode
    int daysInPlacement = 0;
    QVector<PanelFlag> flags;
    QDate lastReview;             // last Panel decision before the date (invalid: never)
    QDate nextReview;             // when it is next due
    bool dueForReview = false;
    QString decided;              // the outcome recorded at this sitting (markDecided); empty: not yet
    int urgency() const { return PanelRules::urgency(flags); }
    QStringList flagCodes() const;
};

namespace Agenda {

// Urgency order: sum of flag severities (more and graver flags first), then the gravest flag,
// then the number of flags, then weekly cost (fee plus additionalities), highest first; the
// child reference breaks the last ties so that the order is stable.
bool moreUrgent(const AgendaItem &a, const AgendaItem &b);

// Review status at D from the child's last Panel decision taken before D. Due when there has
// never been one, when it is `intervalWeeks` weeks old or more (decided on or before
// D - 7 x interval days), or when the next review date it set has come (on or before D).
// The next review is that decision's date if set, else its date + the interval, else D.
void setReview(AgendaItem &item, const PanelDecision *last, const QDate &d, int intervalWeeks);

// Every external placement open at D (one per child: the latest), with flags and review status.
QVector<AgendaItem> evaluateAll(Store &store, const QDate &d, const PanelSettings &settings);
// The agenda at D: those flagged or due for review, in urgency order, positions set.
QVector<AgendaItem> build(Store &store, const QDate &d, const PanelSettings &settings);
// A meeting's agenda: its fixed items (panel_items, in stored order, evaluated at the meeting
// date), or the agenda as it stands at the meeting date if it has not been fixed.
QVector<AgendaItem> forMeeting(Store &store, const PanelMeeting &meeting, const PanelSettings &settings);
// The rows panel_items stores for an agenda.
// Fills each item's `decided` with the outcome the Panel recorded for the child at this sitting
// (meeting `meetingId`, or with none the Panel's decisions of date `d`); returns how many are.
int markDecided(Store &store, QVector<AgendaItem> &agenda, qint64 meetingId, const QDate &d);
QVector<PanelItemRow> itemRows(const QVector<AgendaItem> &agenda);

} // namespace Agenda
