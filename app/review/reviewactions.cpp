// The analyst's actions on a ReviewStore: each intent becomes one undoable command,
// named for the undo history, and one journal line.
#include "reviewstore.h"

#include "model/entitytypes.h"
#include "reviewcommands.h"
#include "reviewstore_p.h"

using namespace Qt::StringLiterals;

namespace {

QString label(const QString &type)
{
    return EntityTypes::type(type).label;
}

// "Registrant: ImmunoGen, Inc." — an entity as the undo history names it.
QString subject(const Entity &e)
{
    const QString value = e.value.size() > 48 ? e.value.left(47) + u'…' : e.value;
    return ReviewStore::tr("%1: %2").arg(label(e.type), value);
}

QString shortValue(const QString &value)
{
    return value.size() > 40 ? value.left(39) + u'…' : value;
}

QJsonObject historyEntry(const QString &op, const QString &id, const QString &by, const QDateTime &at,
                         const QJsonObject &from, const QJsonObject &to)
{
    return QJsonObject{{u"at"_s, at.toString(Qt::ISODate)}, {u"by"_s, by}, {u"op"_s, op},
                       {u"id"_s, id}, {u"from"_s, from}, {u"to"_s, to}};
}

} // namespace

void ReviewStore::confirm(const QString &id)
{
    confirmAll({id});
}

void ReviewStore::reject(const QString &id)
{
    rejectAll({id});
}

void ReviewStore::confirmAll(const QStringList &ids)
{
    if (isReadOnly() || !d->open)
        return;
    const QDateTime now = Private::now();
    QList<EntityEditCommand::Change> changes;
    QSet<QString> seen;
    for (const QString &id : ids) {
        const Entity *e = entity(id);
        if (!e || seen.contains(id))
            continue;
        seen.insert(id);
        // Confirming keeps what the analyst already did to the entity.
        EntityStatus target = EntityStatus::Confirmed;
        const auto orig = d->original.constFind(id);
        if (orig == d->original.cend())
            target = d->confirmAs.value(id, EntityStatus::Confirmed);
        else if (orig->first != e->type || orig->second != e->value)
            target = EntityStatus::Corrected;
        if (e->status == target)
            continue;
        ReviewState before = stateOf(id);
        ReviewState after = before;
        after.status = target;
        after.by = d->reviewer;
        after.at = now;
        changes.append({id, before, after,
                        historyEntry(u"confirm"_s, id, d->reviewer, now,
                                     {{u"status"_s, statusKey(before.status)}},
                                     {{u"status"_s, statusKey(target)}})});
    }
    if (changes.isEmpty())
        return;
    const QString text = changes.size() == 1
        ? tr("Confirm %1").arg(subject(*entity(changes.constFirst().id)))
        : tr("Confirm %n entities", nullptr, int(changes.size()));
    d->undo->push(new EntityEditCommand(this, text, std::move(changes)));
    d->binding->commit();
}

void ReviewStore::rejectAll(const QStringList &ids)
{
    if (isReadOnly() || !d->open)
        return;
    const QDateTime now = Private::now();
    QList<EntityEditCommand::Change> changes;
    QSet<QString> seen;
    for (const QString &id : ids) {
        const Entity *e = entity(id);
        if (!e || seen.contains(id) || e->status == EntityStatus::Rejected)
            continue;
        seen.insert(id);
        ReviewState before = stateOf(id);
        ReviewState after = before;
        after.status = EntityStatus::Rejected;
        after.by = d->reviewer;
        after.at = now;
        changes.append({id, before, after,
                        historyEntry(u"reject"_s, id, d->reviewer, now,
                                     {{u"status"_s, statusKey(before.status)}},
                                     {{u"status"_s, statusKey(EntityStatus::Rejected)}})});
    }
    if (changes.isEmpty())
        return;
    const QString text = changes.size() == 1
        ? tr("Reject %1").arg(subject(*entity(changes.constFirst().id)))
        : tr("Reject %n entities", nullptr, int(changes.size()));
    d->undo->push(new EntityEditCommand(this, text, std::move(changes)));
    d->binding->commit();
}

QString ReviewStore::editValueText(const QString &type, const QString &from, const QString &to)
{
    return tr("Edit value of %1: %2 → %3").arg(label(type), shortValue(from), shortValue(to));
}

void ReviewStore::setValue(const QString &id, const QString &value, bool separateStep)
{
    const Entity *e = entity(id);
    if (isReadOnly() || !e || e->value == value)
        return;
    const QDateTime now = Private::now();
    ReviewState before = stateOf(id);
    ReviewState after = before;
    after.value = value;
    if (before.status != EntityStatus::Added)
        after.status = EntityStatus::Corrected;
    after.by = d->reviewer;
    after.at = now;
    QList<EntityEditCommand::Change> changes{
        {id, before, after,
         historyEntry(u"edit"_s, id, d->reviewer, now, {{u"value"_s, before.value}},
                      {{u"value"_s, value}})}};
    d->undo->push(new EntityEditCommand(this, editValueText(e->type, before.value, value),
                                        std::move(changes),
                                        separateStep ? EntityEditCommand::NoMerge
                                                     : EntityEditCommand::EditValue));
    d->binding->commit();
}

void ReviewStore::setType(const QString &id, const QString &type)
{
    setTypeAll({id}, type);
}

void ReviewStore::setTypeAll(const QStringList &ids, const QString &type)
{
    if (isReadOnly() || type.isEmpty())
        return;
    const QDateTime now = Private::now();
    QList<EntityEditCommand::Change> changes;
    QSet<QString> seen;
    for (const QString &id : ids) {
        const Entity *e = entity(id);
        if (!e || e->type == type || seen.contains(id))
            continue;
        seen.insert(id);
        ReviewState before = stateOf(id);
        ReviewState after = before;
        after.type = type;
        if (before.status != EntityStatus::Added)
            after.status = EntityStatus::Corrected;
        after.by = d->reviewer;
        after.at = now;
        changes.append({id, before, after,
                        historyEntry(u"retype"_s, id, d->reviewer, now, {{u"type"_s, before.type}},
                                     {{u"type"_s, type}})});
    }
    if (changes.isEmpty())
        return;
    const QString text = changes.size() == 1
        ? tr("Change type of %1 to %2").arg(subject(*entity(changes.constFirst().id)), label(type))
        : tr("Change type of %n entities to %1", nullptr, int(changes.size())).arg(label(type));
    d->undo->push(new EntityEditCommand(this, text, std::move(changes)));
    d->binding->commit();
}

void ReviewStore::setNote(const QString &id, const QString &note)
{
    const Entity *e = entity(id);
    if (isReadOnly() || !e || e->note == note)
        return;
    const QDateTime now = Private::now();
    ReviewState before = stateOf(id);
    ReviewState after = before;
    after.note = note;
    after.by = d->reviewer;
    after.at = now;
    QList<EntityEditCommand::Change> changes{
        {id, before, after,
         historyEntry(u"note"_s, id, d->reviewer, now, {{u"note"_s, before.note}},
                      {{u"note"_s, note}})}};
    d->undo->push(new EntityEditCommand(this, tr("Edit note of %1").arg(subject(*e)),
                                        std::move(changes), EntityEditCommand::EditNote));
    d->binding->commit();
}

bool ReviewStore::setSpan(const QString &id, const SourceSpan &span)
{
    const Entity *e = entity(id);
    if (isReadOnly() || !e || e->orphan || !span.isValid() || span.length() <= 0
        || span.page >= d->content.text.pageCount()
        || span.end > d->content.text.pages.at(span.page).size() || span == e->span)
        return false;
    const QDateTime now = Private::now();
    ReviewState before = stateOf(id);
    ReviewState after = before;
    after.span = span;
    after.text = d->content.text.textAt(span);
    if (before.status != EntityStatus::Added)
        after.status = EntityStatus::Corrected;
    after.by = d->reviewer;
    after.at = now;
    QList<EntityEditCommand::Change> changes{
        {id, before, after,
         historyEntry(u"edit"_s, id, d->reviewer, now, {{u"text"_s, before.text}},
                      {{u"text"_s, after.text}})}};
    d->undo->push(new EntityEditCommand(
        this, tr("Change the words of %1: “%2” → “%3”").arg(label(e->type), shortValue(before.text),
                                                           shortValue(after.text)),
        std::move(changes)));
    d->binding->commit();
    return true;
}

QStringList ReviewStore::addAll(const QList<SourceSpan> &spans, const QString &type)
{
    QStringList ids;
    if (isReadOnly() || !d->open || type.isEmpty())
        return ids;
    QList<SourceSpan> fresh;
    for (const SourceSpan &span : spans) {
        if (!span.isValid() || span.length() <= 0 || span.page >= d->content.text.pageCount())
            continue;
        if (!entity(Entity::makeId(type, span, d->content.text.pages.at(span.page))))
            fresh << span;
    }
    if (fresh.isEmpty())
        return ids;
    d->undo->beginMacro(tr("Add %n entities", nullptr, int(fresh.size())));
    for (const SourceSpan &span : std::as_const(fresh)) {
        const QString id = add(span, type);
        if (!id.isEmpty())
            ids << id;
    }
    d->undo->endMacro();
    d->binding->commit();
    return ids;
}

QString ReviewStore::add(const SourceSpan &span, const QString &type, const QString &value)
{
    if (isReadOnly() || !d->open || type.isEmpty() || span.length() <= 0)
        return {};
    const QString text = d->content.text.textAt(span);
    if (text.isEmpty())
        return {};
    const QString id = Entity::makeId(type, span, d->content.text.pages.at(span.page));
    if (entity(id))
        return id;
    const QDateTime now = Private::now();
    Entity e;
    e.id = id;
    e.type = type;
    e.value = value.isEmpty() ? text : value;
    e.text = text;
    e.span = span;
    e.confidence = 1.0;
    e.origin = u"manual"_s;
    e.status = EntityStatus::Added;
    e.by = d->reviewer;
    e.at = now;
    const QJsonObject entry = historyEntry(u"add"_s, id, d->reviewer, now, {},
                                           {{u"type"_s, type}, {u"value"_s, e.value},
                                            {u"status"_s, statusKey(EntityStatus::Added)}});
    d->confirmAs.insert(id, EntityStatus::Added);
    d->undo->push(new AddEntityCommand(this, tr("Add %1").arg(subject(e)), e, count(), entry));
    d->binding->commit();
    return id;
}

