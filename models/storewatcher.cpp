#include "storewatcher.h"

#include "store.h"

#include <QSqlDriver>
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
        return;
    }
    m_dataVersion = m_store.scalar(dialect.dataVersionQuery(), {}, -1).toLongLong();
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
        emit changed(QString());
    }
    m_dataVersion = now;
}

void StoreWatcher::onNotification(const QString &name, int source, const QVariant &payload)
{
    // A window redraws after its own edits; only other connections' changes are news.
    if (name == SqlDialect::notificationChannel() && source != QSqlDriver::SelfSource)
        emit changed(payload.toString());
}
