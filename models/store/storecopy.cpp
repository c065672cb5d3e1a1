#include "store/storecopy.h"

#include "store/bulkinsert.h"
#include "store/schema.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>

namespace StoreCopy {

namespace {

// Rows every new store is given when it is created (Store::open, ReferenceData::install).
const QSet<QString> &startingTables()
{
    static const QSet<QString> t = {QStringLiteral("meta"), QStringLiteral("cost_categories"),
                                    QStringLiteral("cost_category_map"), QStringLiteral("benchmarks")};
    return t;
}

// Columns that refer to their own table: written as NULL first, then set once every row exists.
struct SelfReference {
    const char *table, *column, *key;
};
const SelfReference selfReferences[] = {{"cost_categories", "inhouse_equivalent_id", "category_id"}};

QStringList columnsOf(Store &store, const QString &table)
{
    const QSqlRecord r = store.database().record(table);
    QStringList out;
    for (int i = 0; i < r.count(); ++i)
        out << r.fieldName(i);
    return out;
}

// A value as engine-independent bytes: integers and text as text, reals with 17 digits.
void appendNormalised(QByteArray &out, const QVariant &v)
{
    if (v.isNull()) {
        out += "\\N";
        return;
    }
    switch (v.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
        out += QByteArray::number(v.toDouble(), 'g', 17);
        break;
    case QMetaType::Bool:
        out += v.toBool() ? '1' : '0';
        break;
    case QMetaType::Int:
    case QMetaType::LongLong:
        out += QByteArray::number(v.toLongLong());
        break;
    default:
        out += v.toString().toUtf8();
        break;
    }
}

// 128 bits of FNV-1a (two 64-bit lanes with different offset bases): a row fingerprint for
// comparing content, not a cryptographic hash; the table's sorted fingerprints go into SHA-256.
struct RowHash {
    quint64 a, b;
    bool operator<(const RowHash &o) const { return a != o.a ? a < o.a : b < o.b; }
};

RowHash rowHash(const QByteArray &bytes)
{
    quint64 a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
    for (char c : bytes) {
        a = (a ^ quint8(c)) * 0x100000001b3ULL;
        b = (b ^ quint8(c)) * 0x100000001b3ULL;
        b ^= b >> 29;
    }
    return {a, b};
}

void bindValue(BulkInsert &ins, int i, const QVariant &v)
{
    if (v.isNull()) {
        ins.bindNull(i);
        return;
    }
    switch (v.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
        ins.bind(i, v.toDouble());
        break;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        ins.bind(i, v.toLongLong());
        break;
    default:
        ins.bind(i, v.toString().toUtf8());
        break;
    }
}

} // namespace

bool isEmpty(Store &store)
{
    for (const QString &table : Schema::tables()) {
        if (startingTables().contains(table))
            continue;
        if (store.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(table), {}, 1).toInt() != 0)
            return false;
    }
    return true;
}

QByteArray digest(Store &store, qint64 *rows)
{
    QCryptographicHash all(QCryptographicHash::Sha256);
    qint64 total = 0;
    for (const QString &table : Schema::tables()) {
        const QStringList columns = columnsOf(store, table);
        QSqlQuery q = store.prepare(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1String(", ")), table));
        QVector<RowHash> rowHashes;
        QByteArray row;
        if (Store::exec(q)) {
            while (q.next()) {
                row.clear();
                for (int i = 0; i < columns.size(); ++i) {
                    appendNormalised(row, q.value(i));
                    row += '\x1f';
                }
                rowHashes << rowHash(row);
            }
        }
        std::sort(rowHashes.begin(), rowHashes.end());
        all.addData(table.toUtf8() + ':' + columns.join(QLatin1Char(',')).toUtf8() + ':' + QByteArray::number(rowHashes.size()) + '\n');
        all.addData(QByteArrayView(reinterpret_cast<const char *>(rowHashes.constData()), rowHashes.size() * qsizetype(sizeof(RowHash))));
        total += rowHashes.size();
    }
    if (rows)
        *rows = total;
    return all.result().toHex();
}

bool copy(Store &from, Store &to, const Options &options, Result *result, QString *error)
{
    if (!options.replace && !isEmpty(to)) {
        *error = QStringLiteral("%1 already holds data; nothing was copied. Copy into a new store, or add --replace "
                                "to replace everything in it.").arg(to.location());
        return false;
    }
    if (from.schemaVersion() != to.schemaVersion()) {
        *error = QStringLiteral("The stores are at different versions (%1 and %2).").arg(from.schemaVersion()).arg(to.schemaVersion());
        return false;
    }
    // The source is read in one snapshot, so a colleague's edit during the copy is either wholly
    // in it or wholly out.
    Transaction read(from, error);
    if (!read.ok() || !from.execDirect(from.dialect().snapshotRead(), error))
        return false;
    qint64 sourceRows = 0;
    const QByteArray sourceDigest = digest(from, &sourceRows);

    to.prepareBulkWrite();
    Transaction tx(to, error);
    if (!tx.ok())
        return false;
    // What the target's audit log holds, read inside the transaction that would replace it.
    QSqlQuery held = to.prepare(QStringLiteral("SELECT count(*), min(at), max(at) FROM audit_log"));
    if (!Store::exec(held, error) || !held.next())
        return false;
    const qint64 auditRows = held.value(0).toLongLong();
    const QString firstAt = held.value(1).toString(), lastAt = held.value(2).toString();
    held.finish();
    if (auditRows > 0 && !options.discardAudit) {
        *error = QStringLiteral("%1 has an audit log of %2 (%3 to %4); replacing the store would discard it, so "
                                "nothing was copied. Keep it (copy into a new store instead), or add --discard-audit to "
                                "discard it; the discard is then recorded in the store's audit log.")
                     .arg(to.location(), auditRows == 1 ? QStringLiteral("1 entry") : QStringLiteral("%1 entries").arg(auditRows), firstAt,
                          lastAt);
        return false;
    }
    QStringList suspend, restore;
    for (const QString &table : Schema::tables()) {
        suspend += to.dialect().suspendTriggers(table);
        restore += to.dialect().restoreTriggers(table);
    }
    if (!to.execDirect(suspend, error)) {
        if (to.dialect().isPostgreSQL())
            *error = QStringLiteral("Only the owner of %1 can copy a store into it (its audit triggers are set aside for the copy): %2")
                         .arg(to.location(), error->trimmed());
        return false;
    }
    QStringList reversed = Schema::tables();
    std::reverse(reversed.begin(), reversed.end());
    for (const QString &table : reversed)
        if (!to.run(QStringLiteral("DELETE FROM %1").arg(table), {}, error))
            return false;

    Result r;
    for (const QString &table : Schema::tables()) {
        const QStringList columns = columnsOf(from, table);
        if (columns != columnsOf(to, table)) {
            *error = QStringLiteral("Table %1 has different columns in the two stores.").arg(table);
            return false;
        }
        QVector<int> deferred; // self-referencing columns, written afterwards
        for (const SelfReference &s : selfReferences)
            if (table == QLatin1String(s.table))
                deferred << int(columns.indexOf(QLatin1String(s.column)));
        QStringList marks;
        for (int i = 0; i < columns.size(); ++i)
            marks << QStringLiteral("?");
        BulkInsert ins(to, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(table, columns.join(QLatin1String(", ")), marks.join(QLatin1String(", "))));
        QSqlQuery q = from.prepare(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1String(", ")), table));
        if (!Store::exec(q, error))
            return false;
        QVector<QVariantList> later;
        while (q.next()) {
            for (int i = 0; i < columns.size(); ++i) {
                if (deferred.contains(i))
                    ins.bindNull(i);
                else
                    bindValue(ins, i, q.value(i));
            }
            for (const SelfReference &s : selfReferences)
                if (table == QLatin1String(s.table) && !q.value(int(columns.indexOf(QLatin1String(s.column)))).isNull())
                    later.append({q.value(int(columns.indexOf(QLatin1String(s.column)))), q.value(int(columns.indexOf(QLatin1String(s.key))))});
            if (!ins.step()) {
                *error = QStringLiteral("Copying %1 failed: %2").arg(table, ins.error());
                return false;
            }
            ++r.rows;
        }
        if (!ins.finish()) {
            *error = QStringLiteral("Copying %1 failed: %2").arg(table, ins.error());
            return false;
        }
        for (const SelfReference &s : selfReferences) {
            if (table != QLatin1String(s.table))
                continue;
            for (const QVariantList &v : later)
                if (!to.run(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?").arg(table, QLatin1String(s.column), QLatin1String(s.key)),
                            v, error))
                    return false;
        }
        ++r.tables;
    }
    if (!to.resetIdentitySequences(error))
        return false;
    r.digest = digest(to);
    if (r.digest != sourceDigest) {
        *error = QStringLiteral("The copy does not match the source (content digests %1 and %2); nothing was written.")
                     .arg(QString::fromLatin1(r.digest.left(12)), QString::fromLatin1(sourceDigest.left(12)));
        return false;
    }
    if (!to.execDirect(restore, error))
        return false;
    // The one entry the copy adds, after the digest (the content is the source's; the target's
    // log says why its own history ends here).
    if (auditRows > 0) {
        r.discardedAudit = auditRows;
        if (!to.audit(QStringLiteral("audit_log"), QStringLiteral("*"), QStringLiteral("entries"), auditRows,
                      to.scalar(QStringLiteral("SELECT count(*) FROM audit_log"), {}, 0),
                      QStringLiteral("careboard copy --replace --discard-audit: this store's %1 audit entries (%2 to %3) were discarded"
                                     " and its content replaced by %4")
                          .arg(auditRows).arg(firstAt, lastAt, from.location()),
                      error))
            return false;
    }
    if (!tx.commit(error))
        return false;
    read.commit();
    if (result)
        *result = r;
    return true;
}

} // namespace StoreCopy
