#pragma once
// The main window: navigation between the screens of PRODUCT §2 over one open store.
#include "store/storeroles.h"

#include <QMainWindow>
#include <QSet>
#include <memory>

QT_BEGIN_NAMESPACE
class QListWidget;
class QStackedWidget;
class QUndoStack;
class QUndoView;
class QLabel;
class QTimer;
QT_END_NAMESPACE

class DataView;
class IndicatorEngine;
class PanelView;
class PlacementMixView;
class ScorecardView;
class FrontDoorView;
class Store;
class TrendsView;
class CostsView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<Store> store, QWidget *parent = nullptr);
    ~MainWindow() override;

    Store &store() const { return *m_store; }
    TrendsView *trendsView() const { return m_trends; }
    // nullptr when the user may not see child-level pages (a viewer): the screen is not built.
    PanelView *panelView() const { return m_panel; }
    // What the connected user may do; the window offers nothing else (StoreRoles::Access).
    const StoreRoles::Access &access() const { return m_access; }
    CostsView *costsView() const { return m_costs; }
    // The session's one undo stack: every user edit on every screen is a command here.
    QUndoStack *undoStack() const { return m_undoStack; }
    PlacementMixView *placementMixView() const { return m_mix; }
    ScorecardView *scorecardView() const { return m_scorecard; }
    FrontDoorView *frontDoorView() const { return m_frontDoor; }
    DataView *dataView() const { return m_data; }
    // Shows screen `index` (0 = Trends ... 5 = Data); a screen the user may not see is skipped.
    void showScreen(int index);
    int screenCount() const;
    // True if screen `index` is offered in the navigation.
    bool isScreenOffered(int index) const;
    // File ▸ Open store… / New store…: a new window on `store` takes this one's place (its size
    // and screen); returns it. This window closes.
    MainWindow *switchTo(std::unique_ptr<Store> store);

public slots:
    // Another connection changed `table` (empty: unknown, redraw everything). The screens that
    // show it redraw, at once or, while the user is typing into a cell or the commentary, as
    // soon as the typing is finished, so live updates never discard input.
    void storeChanged(const QString &table);

signals:
    // The screens were redrawn after other connections' changes.
    void redrawn();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void addScreen(const QString &name, QWidget *screen);
    QWidget *plannedScreen(const QString &title, const QString &what);
    void updateTitle();
    // After an import: every screen reads the store again.
    void reloadData();
    void applyPendingChanges();
    bool isEditing() const;
    void updateStatus();

    std::unique_ptr<Store> m_store;
    std::unique_ptr<IndicatorEngine> m_engine;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    TrendsView *m_trends = nullptr;
    PanelView *m_panel = nullptr;
    QUndoStack *m_undoStack = nullptr;
    QUndoView *m_undoView = nullptr;
    CostsView *m_costs = nullptr;
    PlacementMixView *m_mix = nullptr;
    ScorecardView *m_scorecard = nullptr;
    FrontDoorView *m_frontDoor = nullptr;
    DataView *m_data = nullptr;
    StoreRoles::Access m_access;
    QSet<QString> m_pendingTables;
    QTimer *m_pendingTimer = nullptr;
    QLabel *m_accessLabel = nullptr;
};
