#pragma once

// The whole review state of a store as text, for GUI tests that compare it before and
// after a flow: an edit that lands on another entity shows at once.
#include "model/entity.h"
#include "review/reviewstore.h"

#include <QtCore/QMap>
#include <QtCore/QStringList>

namespace StoreDump {

// One line per entity with every field a review can change, keyed by id.
inline QMap<QString, QString> dump(const ReviewStore &store)
{
    QMap<QString, QString> out;
    for (const Entity &e : store.entities())
        out.insert(e.id, QStringList{e.type, e.value, e.text, QString::number(e.span.page),
                                     QString::number(e.span.start), QString::number(e.span.end),
                                     QString::number(int(e.status)), e.note, e.by,
                                     e.orphan ? QStringLiteral("orphan") : QString()}
                             .join(QLatin1Char('|')));
    return out;
}

// The ids whose entries differ between two dumps (changed, added or gone).
inline QStringList changedIds(const QMap<QString, QString> &before, const QMap<QString, QString> &after)
{
    QStringList ids;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (before.value(it.key()) != it.value())
            ids << it.key();
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (!after.contains(it.key()))
            ids << it.key();
    return ids;
}

} // namespace StoreDump
