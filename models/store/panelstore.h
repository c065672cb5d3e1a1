#pragma once
// The Placement Panel's storage: meetings, fixed agendas (panel_items) and decisions
// (panel_decisions), each edit in one transaction with its audit entry (PRODUCT §7).
#include "core/money.h"
#include "store/providerratings.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QVector>

class Store;

struct PanelMeeting {
    qint64 meetingId = 0;
    QDate date;
    QString chair;
    QString status;   // planned, fixed (agenda fixed), held
    int version = 1;
};

struct PanelItemRow {
    qint64 childId = 0;
    qint64 placementId = 0;
    int position = 0;
    QString flags;    // the flag codes when the agenda was fixed, ';'-separated
};

struct PanelDecision {
    qint64 decisionId = 0;
    qint64 meetingId = 0;       // 0: none (e.g. Placements forum)
    qint64 childId = 0;
    qint64 placementId = 0;
    QDate decidedOn;
    QString source = QStringLiteral("Panel"); // Panel, Placements forum
    QString outcome;            // continue, reduce cost, step down, seek alternative, other
    Money::Pence oldWeekly = 0; // weekly cost (fee plus additionalities) before
    Money::Pence newWeekly = 0; // 0 = no new cost
    bool hasNewCost = false;
    QDate newCostFrom;
    QString actions;            // one "Owner: action" a line
    QDate nextReview;
    QString notes;
    int version = 1;
};

class PanelStore
{
public:
    explicit PanelStore(Store &store) : m_store(store) {}

    static QStringList outcomes();   // continue, reduce cost, step down, seek alternative, other
    static QStringList sources();    // Panel, Placements forum

    QVector<PanelMeeting> meetings() const;     // newest first
    PanelMeeting meeting(qint64 meetingId) const;
    // Creates a meeting, audited; returns its id (0 on failure). A redo passes the id and version
    // the meeting had when its creation was undone: the row comes back exactly as it was.
    qint64 createMeeting(const QDate &date, const QString &chair, QString *error, qint64 meetingId = 0, int version = 1);
    // Deletes a meeting with nothing recorded against it (the undo of createMeeting), audited.
    bool deleteMeeting(qint64 meetingId, int expectedVersion, QString *error);
    // Stores the agenda (replacing any earlier one) and marks the meeting fixed, in one transaction.
    bool fixAgenda(qint64 meetingId, int expectedVersion, const QVector<PanelItemRow> &items, QString *error);
    // Puts back an agenda and status as they were (the undo of fixAgenda), in one transaction.
    bool setAgenda(qint64 meetingId, int expectedVersion, const QVector<PanelItemRow> &items, const QString &status,
                   QString *error);
    QVector<PanelItemRow> items(qint64 meetingId) const;

    // Decisions, oldest first: of one child, or every one (for cost avoidance).
    QVector<PanelDecision> decisions(qint64 childId) const;
    QVector<PanelDecision> allDecisions() const;
    PanelDecision decision(qint64 decisionId) const;
    // The latest decision of each child from `source` taken before D (decided_on < D).
    QHash<qint64, PanelDecision> lastDecisionsBefore(const QDate &d, const QString &source = QStringLiteral("Panel")) const;
    // The Panel's decisions of one sitting, by child (the latest if a child has two): those of
    // meeting `meetingId`, or with no meeting, those the Panel took on `d` outside any meeting.
    QHash<qint64, PanelDecision> decisionsOfSitting(qint64 meetingId, const QDate &d) const;

    // Records a decision in one transaction with its audit entries. If it carries a new weekly
    // cost lower or higher than the fee in force, the new fee row (PlacementStore::changeFee,
    // from newCostFrom) is written in the same transaction; the change of total comes off the
    // additionalities first, then the fee (seed 001 §78: panel challenges the extras first).
    // `placementVersion` is the placement version the user saw. A decisionId already set is
    // reused (redo after undo). On success *recorded gets the stored decision, *feeUndo what
    // an undo needs.
    struct FeeUndo {
        bool wroteFee = false;
        bool hadPrevious = false;
        Money::Pence previousFee = 0, previousAdditional = 0;
        QString previousReason;
        QDate from;
        int placementVersionAfter = 0;
    };
    bool recordDecision(const PanelDecision &decision, int placementVersion, PanelDecision *recorded, FeeUndo *feeUndo,
                        QString *error);
    // Removes a decision (the undo of recordDecision) and restores the fee, in one transaction.
    bool removeDecision(const PanelDecision &recorded, const FeeUndo &feeUndo, QString *error);

    // Every provider's Ofsted judgements as recorded on placement rows.
    ProviderRatings providerRatings() const;
    // child_id -> date of birth, for the trackers.
    QHash<qint64, QDate> childBirthDates() const;

private:
    static PanelDecision readDecision(const class QSqlQuery &q);
    QVector<PanelDecision> queryDecisions(const QString &where, const QVariantList &values) const;
    Store &m_store;
};
