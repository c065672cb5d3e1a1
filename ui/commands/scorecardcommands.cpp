#include "scorecardcommands.h"

#include "storeevents.h"

#include "core/dates.h"

#include <QCoreApplication>
#include <QUndoStack>

ScorecardEditCommand::ScorecardEditCommand(Store &store, ScorecardModel *model, const ScorecardModel::Entry &before,
                                           const ScorecardModel::Entry &after, int version, const QString &title, QUndoCommand *parent)
    : EditCommand(store, parent), m_model(model), m_before(before), m_after(after), m_version(version)
{
    const bool target = after.column == ScorecardModel::Target;
    const QString when = target ? Dates::financialYearLabel(after.financialYear) : after.period;
    setText(target ? QCoreApplication::translate("ScorecardCommands", "Target of %1, %2").arg(title, when)
                   : QCoreApplication::translate("ScorecardCommands", "Commentary on %1, %2").arg(title, when));
}

void ScorecardEditCommand::attach(Store &store, ScorecardModel *model, QUndoStack *stack)
{
    QPointer<QUndoStack> guard(stack);
    model->setEditHandler([&store, model, guard](const QModelIndex &index, const ScorecardModel::Entry &before,
                                                 const ScorecardModel::Entry &after, int version) {
        if (!guard)
            return false;
        return EditCommand::push(guard, new ScorecardEditCommand(store, model, before, after, version, model->indicatorAt(index.row()).title));
    });
}

void ScorecardEditCommand::apply(const ScorecardModel::Entry &entry)
{
    QString error;
    if (!m_model) {
        fail(QCoreApplication::translate("ScorecardCommands", "The scorecard is no longer open."));
        return;
    }
    if (!m_model->write(entry, m_version, &m_version, &error)) {
        fail(error);
        return;
    }
    succeeded();
}

void ScorecardEditCommand::redo()
{
    apply(m_after);
}

void ScorecardEditCommand::undo()
{
    apply(m_before);
}

bool ScorecardEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const ScorecardEditCommand *>(other);
    if (!o || o->failed() || failed() || o->m_model != m_model || o->m_after.column != m_after.column
        || o->m_after.indicator != m_after.indicator || o->m_after.financialYear != m_after.financialYear
        || o->m_after.period != m_after.period)
        return false;
    m_after = o->m_after; // already written; keep our "before"
    m_version = o->m_version;
    setText(o->text());
    return true;
}
