#include "itemmodels/findingsmodel.h"

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FindingsModel::setFindings(const QVector<ImportFinding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FindingsModel::ruleTitle(const QString &rule)
{
    static const QHash<QString, QString> titles = {
        {QStringLiteral("invalid-code"), QStringLiteral("Code not valid that year")},
        {QStringLiteral("open-with-rec"), QStringLiteral("Open episode with a REC")},
        {QStringLiteral("closed-without-rec"), QStringLiteral("Ended episode without a REC")},
        {QStringLiteral("dec-before-decom"), QStringLiteral("DEC before DECOM")},
        {QStringLiteral("overlap"), QStringLiteral("Overlapping episodes")},
        {QStringLiteral("no-header"), QStringLiteral("Child with no header row")},
        {QStringLiteral("end-before-start"), QStringLiteral("End before start")},
        {QStringLiteral("unknown-episode"), QStringLiteral("Cost for an unknown episode")},
        {QStringLiteral("unknown-category"), QStringLiteral("Unknown cost category")},
        {QStringLiteral("total-mismatch"), QStringLiteral("TOTAL row disagrees")},
        {QStringLiteral("negative-fee"), QStringLiteral("Negative fee")},
        {QStringLiteral("fee-before-episode"), QStringLiteral("Fee before the episode")},
        {QStringLiteral("duplicate-row"), QStringLiteral("The same event twice")},
    };
    return titles.value(rule, rule);
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportFinding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case File: return f.file;
        case Line: return f.where.isEmpty() ? QVariant(f.line) : QVariant(f.where);  // XML: the child and element
        case Rule: return ruleTitle(f.rule);
        case Child: return f.childRef;
        case Message: return f.message;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Line: return f.line;
        case Rule: return f.rule;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        return f.where.isEmpty() ? QStringLiteral("%1:%2: %3 (%4)").arg(f.file).arg(f.line).arg(f.message, f.rule)
                                 : QStringLiteral("%1: %2: %3 (%4)").arg(f.file, f.where, f.message, f.rule);
    case Qt::TextAlignmentRole:
        return index.column() == Line ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default: break;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case File: return tr("File");
    case Line: return tr("Line");
    case Rule: return tr("Finding");
    case Child: return tr("Child");
    case Message: return tr("Details");
    }
    return {};
}
