#pragma once
// Where SQLite and PostgreSQL differ, and nowhere else: column types in DDL, the schema-version
// marker, upserts and the append-only guard on the audit log.
#include <QString>
#include <QStringList>

class SqlDialect
{
public:
    enum class Engine { SQLite, PostgreSQL };
    explicit SqlDialect(Engine e) : m_engine(e) {}
    Engine engine() const { return m_engine; }
    bool isSQLite() const { return m_engine == Engine::SQLite; }

    // Expands {{ID}} (autoincrementing primary key), {{REAL}} and {{NOW}} in DDL and queries.
    QString expand(QString sql) const;
    // Statements that make table `table` append-only (no UPDATE, no DELETE).
    QStringList appendOnlyGuard(const QString &table) const;
    // "INSERT ... ON CONFLICT (keys) DO UPDATE SET col = excluded.col" works on both engines
    // (SQLite >= 3.24, PostgreSQL >= 9.5); this builds it so that callers do not hand-write it.
    QString upsert(const QString &table, const QStringList &columns, const QStringList &keys) const;

private:
    Engine m_engine;
};
