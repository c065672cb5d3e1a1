#include "store/storewatcher.h"

#include "store/store.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTimer>

StoreWatcher::StoreWatcher(Store &store, int pollMs, QObject *parent) : QObject(parent), m_store(store)
{
    const SqlDialect &dialect = m_store.dialect();
    if (dialect.isPostgreSQL()) {
        QSqlDriver *driver = m_store.database().driver();
        m_driver = driver;
        m_active = driver->subscribeToNotification(SqlDialect::notificationChannel());
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                    onNotification(name, int(source), payload);
                });
        if (pollMs > 0) { // a shared server: notice when it goes away, and come back
            m_health = new QTimer(this);
            m_health->setInterval(5000);
            connect(m_health, &QTimer::timeout, this, &StoreWatcher::checkConnection);
            m_health->start();
        }
        return;
    }
    m_dataVersion = m_store.scalar(dialect.dataVersionQuery(), {}, -1).toLongLong();
    m_lastAudit = m_store.scalar(QStringLiteral("SELECT coalesce(max(audit_id), 0) FROM audit_log"), {}, 0).toLongLong();
    m_active = m_dataVersion >= 0;
    if (pollMs > 0) {
        m_timer = new QTimer(this);
        m_timer->setInterval(pollMs);
        connect(m_timer, &QTimer::timeout, this, &StoreWatcher::checkNow);
        m_timer->start();
    }
}

StoreWatcher::~StoreWatcher()
{
    if (m_driver && m_driver->isOpen())
        m_driver->unsubscribeFromNotification(SqlDialect::notificationChannel());
}

void StoreWatcher::checkNow()
{
    const QString sql = m_store.dialect().dataVersionQuery();
    if (sql.isEmpty())
        return;
    const qint64 now = m_store.scalar(sql, {}, -1).toLongLong();
    if (now >= 0 && m_dataVersion >= 0 && now != m_dataVersion) {
        m_dataVersion = now;
        // Every edit writes the audit log: its new entries name the tables changed, as NOTIFY does
        // on PostgreSQL. A change with no entry (a demo written, a store copied in) is "unknown".
        QStringList tables;
        QSqlQuery q = m_store.prepare(QStringLiteral("SELECT audit_id, table_name FROM audit_log WHERE audit_id > ? ORDER BY audit_id"));
        q.addBindValue(m_lastAudit);
        if (Store::exec(q))
            while (q.next()) {
                m_lastAudit = q.value(0).toLongLong();
                if (!tables.contains(q.value(1).toString()))
                    tables << q.value(1).toString();
            }
        if (tables.isEmpty())
            tables << QString();
        for (const QString &t : tables)
            emit changed(t);
    }
    m_dataVersion = now;
}

void StoreWatcher::checkConnection()
{
    if (!m_store.dialect().isPostgreSQL() || !m_driver)
        return;
    if (!m_lost && m_store.isConnected())
        return;
    if (!m_lost) {
        m_lost = true;
        emit connectionLost(m_store.database().lastError().text());
    }
    QString error;
    if (!m_store.reconnect(&error))
        return; // still away: the next check tries again
    m_lost = false;
    // A closed connection forgets its LISTEN: listen again on the reopened one.
    m_active = m_driver->subscribeToNotification(SqlDialect::notificationChannel());
    emit reconnected();
}

void StoreWatcher::onNotification(const QString &name, int source, const QVariant &payload)
{
    // A window redraws after its own edits; only other connections' changes are news.
    if (name == SqlDialect::notificationChannel() && source != QSqlDriver::SelfSource)
        emit changed(payload.toString());
}
