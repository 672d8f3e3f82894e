// The analyst's decisions on data tables and their cells (see TableRef): each action is
// one undo step and one journal line, as for entities.
#include "reviewstore.h"

#include "reviewcommands.h"
#include "reviewstore_p.h"

using namespace Qt::StringLiterals;

namespace {

QString shortText(const QString &text)
{
    return text.size() > 40 ? text.left(39) + u'…' : text;
}

QString scaleName(const QString &scale)
{
    return scale.isEmpty() ? ReviewStore::tr("no scale") : scale;
}

QJsonObject historyEntry(const QString &op, const QString &id, const QString &by, const QDateTime &at,
                         const QJsonObject &from, const QJsonObject &to)
{
    return QJsonObject{{u"at"_s, at.toString(Qt::ISODate)}, {u"by"_s, by}, {u"op"_s, op},
                       {u"id"_s, id}, {u"from"_s, from}, {u"to"_s, to}};
}

} // namespace

QList<SidecarDecision> ReviewStore::tableDecisions() const
{
    QList<SidecarDecision> out;
    out.reserve(d->tableOrder.size());
    for (const QString &id : std::as_const(d->tableOrder))
        out.append(d->tableDecisions.value(id));
    return out;
}

const SidecarDecision *ReviewStore::tableDecision(const QString &id) const
{
    const auto it = d->tableDecisions.constFind(id);
    return it == d->tableDecisions.cend() ? nullptr : &*it;
}

void ReviewStore::applyTableDecision(const QString &id, const std::optional<SidecarDecision> &decision)
{
    if (d->recording) {
        Private::Revert r{Private::Revert::Table, id};
        if (const SidecarDecision *before = tableDecision(id))
            r.table = *before;
        d->opLog.push_back(std::move(r));
        d->noteChanged(id);
    }
    d->encoded.remove(id);
    if (decision) {
        if (!d->tableDecisions.contains(id))
            d->tableOrder.append(id);
        d->tableDecisions.insert(id, *decision);
    } else if (d->tableDecisions.remove(id)) {
        d->tableOrder.removeOne(id);
    }
    d->binding->changed();
    Q_EMIT tableDecisionsChanged({id});
}

void ReviewStore::pushTableDecision(const QString &text, const QString &id,
                                    std::optional<SidecarDecision> after, const QJsonObject &history)
{
    std::optional<SidecarDecision> before;
    if (const SidecarDecision *saved = tableDecision(id))
        before = *saved;
    d->undo->push(new TableDecisionCommand(this, text, id, std::move(before), std::move(after), history));
    d->binding->commit();
}

void ReviewStore::confirmTable(const TableRef &table)
{
    if (isReadOnly() || !d->open || !table.isTable() || table.id.isEmpty())
        return;
    const SidecarDecision *saved = tableDecision(table.id);
    // Confirming keeps a fixed scale: the table stays corrected.
    const QString target = saved && saved->attributes.contains(u"scale"_s) ? u"corrected"_s : u"confirmed"_s;
    const QString from = saved ? saved->status : u"auto"_s;
    if (from == target)
        return;
    const QDateTime now = Private::now();
    SidecarDecision after = saved ? *saved : SidecarDecision();
    after.id = table.id;
    after.type = u"table"_s;
    after.status = target;
    after.anchor = table.anchor;
    after.by = d->reviewer;
    after.at = now;
    pushTableDecision(tr("Confirm table %1").arg(shortText(table.name)), table.id, after,
                      historyEntry(u"confirm"_s, table.id, d->reviewer, now, {{u"status"_s, from}},
                                   {{u"status"_s, target}}));
}

void ReviewStore::rejectTable(const TableRef &table)
{
    if (isReadOnly() || !d->open || !table.isTable() || table.id.isEmpty())
        return;
    const SidecarDecision *saved = tableDecision(table.id);
    const QString from = saved ? saved->status : u"auto"_s;
    if (from == u"rejected"_s)
        return;
    const QDateTime now = Private::now();
    SidecarDecision after = saved ? *saved : SidecarDecision();
    after.id = table.id;
    after.type = u"table"_s;
    after.status = u"rejected"_s;
    after.anchor = table.anchor;
    after.by = d->reviewer;
    after.at = now;
    pushTableDecision(tr("Reject table %1 (not a data table)").arg(shortText(table.name)), table.id, after,
                      historyEntry(u"reject"_s, table.id, d->reviewer, now, {{u"status"_s, from}},
                                   {{u"status"_s, u"rejected"_s}}));
}

void ReviewStore::setTableScale(const TableRef &table, const QString &scale)
{
    if (isReadOnly() || !d->open || !table.isTable() || table.id.isEmpty())
        return;
    const SidecarDecision *saved = tableDecision(table.id);
    const bool fixed = saved && saved->attributes.contains(u"scale"_s);
    const QString current = fixed ? saved->attributes.value(u"scale"_s) : table.text;
    if (current == scale)
        return;
    const QDateTime now = Private::now();
    std::optional<SidecarDecision> after = saved ? *saved : SidecarDecision();
    after->id = table.id;
    after->type = u"table"_s;
    after->anchor = table.anchor;
    after->by = d->reviewer;
    after->at = now;
    if (scale == table.text) {
        // Back to the scale the table states: the fix is taken away.
        after->attributes.remove(u"scale"_s);
        if (after->status == u"corrected"_s)
            after->status = u"confirmed"_s;
    } else {
        after->attributes.insert(u"scale"_s, scale);
        if (after->status != u"rejected"_s)
            after->status = u"corrected"_s;
    }
    if (!saved && after->attributes.isEmpty())
        after.reset();
    pushTableDecision(tr("Set scale of table %1: %2 → %3")
                          .arg(shortText(table.name), scaleName(current), scaleName(scale)),
                      table.id, after,
                      historyEntry(u"edit"_s, table.id, d->reviewer, now, {{u"scale"_s, current}},
                                   {{u"scale"_s, scale}}));
}

void ReviewStore::setCellText(const TableRef &cell, const QString &text)
{
    if (isReadOnly() || !d->open || cell.isTable() || cell.id.isEmpty())
        return;
    const SidecarDecision *saved = tableDecision(cell.id);
    const QString current = saved ? saved->value : cell.text;
    if (current == text)
        return;
    const QDateTime now = Private::now();
    std::optional<SidecarDecision> after;
    if (text != cell.text) {
        after = SidecarDecision();
        after->id = cell.id;
        after->type = u"table_cell"_s;
        after->status = u"corrected"_s;
        after->value = text;
        after->anchor = cell.anchor;
        after->attributes = {{u"table"_s, cell.tableId}, {u"field"_s, cell.field}};
        after->by = d->reviewer;
        after->at = now;
    }
    const QString what = cell.field == u"row_header"_s    ? tr("Fix row label")
                       : cell.field == u"column_header"_s ? tr("Fix column header")
                                                          : tr("Edit cell %1").arg(cell.name);
    pushTableDecision(tr("%1: %2 → %3").arg(what, shortText(current), shortText(text)), cell.id, after,
                      historyEntry(u"edit"_s, cell.id, d->reviewer, now, {{cell.field, current}},
                                   {{cell.field, text}}));
}
