#include "reviewcommands.h"

using namespace Qt::StringLiterals;

EntityEditCommand::EntityEditCommand(ReviewStore *store, const QString &text,
                                     QList<Change> changes, MergeId mergeId)
    : m_store(store)
    , m_changes(std::move(changes))
    , m_mergeId(mergeId)
{
    setText(text);
}

void EntityEditCommand::redo()
{
    m_historyKeys.clear();
    QStringList ids;
    for (const Change &c : std::as_const(m_changes)) {
        m_store->applyState(c.id, c.after);
        m_historyKeys.append(m_store->appendHistory(c.history));
        ids.append(c.id);
    }
    if (m_done)
        Q_EMIT m_store->revisited(ids);
    m_done = true;
}

void EntityEditCommand::undo()
{
    for (auto it = m_changes.crbegin(); it != m_changes.crend(); ++it)
        m_store->applyState(it->id, it->before);
    for (auto it = m_historyKeys.crbegin(); it != m_historyKeys.crend(); ++it)
        m_store->removeHistory(*it);
    m_historyKeys.clear();
    QStringList ids;
    for (const Change &c : std::as_const(m_changes))
        ids.append(c.id);
    Q_EMIT m_store->revisited(ids);
}

bool EntityEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto o = static_cast<const EntityEditCommand *>(other);
    if (m_changes.size() != 1 || o->m_changes.size() != 1
        || o->m_changes.constFirst().id != m_changes.constFirst().id)
        return false;
    // The other command has already been done: its state stays, its history entry
    // folds into ours so one gesture is one entry from the first value to the last.
    Change &mine = m_changes.first();
    const Change &theirs = o->m_changes.constFirst();
    mine.after = theirs.after;
    QJsonObject entry = mine.history;
    entry.insert(u"to"_s, theirs.history.value(u"to"_s));
    entry.insert(u"at"_s, theirs.history.value(u"at"_s));
    mine.history = entry;
    if (m_mergeId == EditValue)
        setText(ReviewStore::editValueText(mine.after.type, mine.before.value, mine.after.value));
    for (quint64 key : o->m_historyKeys)
        m_store->removeHistory(key);
    if (!m_historyKeys.isEmpty())
        m_store->replaceHistory(m_historyKeys.constFirst(), entry);
    return true;
}

AddEntityCommand::AddEntityCommand(ReviewStore *store, const QString &text, Entity entity,
                                   int row, QJsonObject history)
    : m_store(store)
    , m_entity(std::move(entity))
    , m_row(row)
    , m_history(std::move(history))
{
    setText(text);
}

void AddEntityCommand::redo()
{
    m_store->insertEntity(m_row, m_entity);
    m_historyKey = m_store->appendHistory(m_history);
}

void AddEntityCommand::undo()
{
    m_store->removeEntity(m_entity.id);
    m_store->removeHistory(m_historyKey);
}

TableDecisionCommand::TableDecisionCommand(ReviewStore *store, const QString &text, QString id,
                                           std::optional<SidecarDecision> before,
                                           std::optional<SidecarDecision> after, QJsonObject history)
    : m_store(store)
    , m_id(std::move(id))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_history(std::move(history))
{
    setText(text);
}

void TableDecisionCommand::redo()
{
    m_store->applyTableDecision(m_id, m_after);
    m_historyKey = m_store->appendHistory(m_history);
}

void TableDecisionCommand::undo()
{
    m_store->applyTableDecision(m_id, m_before);
    m_store->removeHistory(m_historyKey);
}
