#include "entityhighlights.h"

#include "entitytreemodel.h"
#include "model/entitytypes.h"
#include "review/reviewstore.h"

using namespace Qt::StringLiterals;

QList<Highlight> entityHighlights(const ReviewStore &store, bool showRejected, const QSet<QString> &hiddenCategories)
{
    QList<Highlight> highlights;
    highlights.reserve(store.count());
    for (const Entity &e : store.entities()) {
        if (e.orphan || !e.span.isValid())
            continue;
        const bool rejected = e.status == EntityStatus::Rejected;
        if (rejected && !showRejected)
            continue;
        const EntityType type = EntityTypes::type(e.type);
        if (hiddenCategories.contains(type.category))
            continue;
        Highlight h;
        h.entityId = e.id;
        h.span = e.span;
        h.color = rejected ? QColor(0x9e, 0x9e, 0x9e) : type.color;
        h.tooltip = u"%1 · %2 · %3 · %4"_s.arg(type.label, e.value, QString::number(e.confidence, 'f', 2),
                                               EntityTreeModel::statusLabel(e.status));
        highlights << h;
    }
    return highlights;
}
