#pragma once
// Change notifications for one open store: edit commands emit them after a write (or an undo),
// and every screen showing what changed listens, so totals, tables and charts follow an edit at
// once wherever it was made (the cost editor, the Panel screen, the Scorecard, another window).
#include <QObject>

class Store;

class StoreEvents : public QObject
{
    Q_OBJECT
public:
    // The notifier of `store` (created on first use, lives until forget()).
    static StoreEvents *of(const Store &store);
    static void forget(const Store &store);

signals:
    void costsChanged();                       // any cost figure may have changed
    void placementChanged(qint64 placementId); // one placement's fee or category changed
    void categoriesChanged();                  // cost categories or their mapping changed: re-read placements
    void panelChanged(qint64 meetingId);       // a meeting, its agenda, a decision or the thresholds changed (0: no one meeting)
    void editFailed(const QString &message);   // the store refused an edit or an undo

private:
    StoreEvents() = default;
};
