#pragma once
// Live updates: tells an open window that someone else changed the store, so that it redraws
// without a manual refresh (issue #9). On PostgreSQL it LISTENs on channel careboard_changes,
// which Store::audit() NOTIFYs inside every edit transaction (delivered on commit, within
// milliseconds). On SQLite, where another process cannot signal, it polls PRAGMA data_version
// (a counter SQLite moves when another connection commits) on a light timer and on checkNow()
// (e.g. when the window gets the focus back).
#include <QObject>
#include <QPointer>
#include <QString>

class QSqlDriver;
class QTimer;
class Store;

class StoreWatcher : public QObject
{
    Q_OBJECT
public:
    // `pollMs`: the SQLite poll interval (0: no timer, checkNow() only).
    explicit StoreWatcher(Store &store, int pollMs = 1000, QObject *parent = nullptr);
    ~StoreWatcher() override;
    // True once listening (PostgreSQL) or polling (SQLite) works.
    bool isActive() const { return m_active; }

public slots:
    // Polls at once (SQLite); nothing to do on PostgreSQL, whose notifications arrive by themselves.
    void checkNow();
    // PostgreSQL: checks that the server still answers (on a timer every few seconds); if not,
    // reports connectionLost() once and tries to connect again, listening again on success.
    void checkConnection();

signals:
    // Another connection committed a change; `table` is the table edited (empty if unknown: a
    // change that wrote no audit entry). On SQLite one poll may report several tables.
    void changed(const QString &table);
    // The server stopped answering (restart, network); edits cannot be saved until reconnected().
    void connectionLost(const QString &reason);
    // Connected again: anything may have changed meanwhile, so everything should be read again.
    void reconnected();

private:
    void onNotification(const QString &name, int source, const QVariant &payload);
    Store &m_store;
    // The PostgreSQL connection's driver, guarded: the watcher may outlive the Store (a child
    // of a window whose store member is destroyed first); it never touches the Store then.
    QPointer<QSqlDriver> m_driver;
    QTimer *m_timer = nullptr;
    QTimer *m_health = nullptr;
    bool m_lost = false;
    qint64 m_dataVersion = -1;
    qint64 m_lastAudit = 0; // SQLite: the newest audit entry already reported
    bool m_active = false;
};
