#include "filingtable.h"

#include "entity.h"

QString FilingTable::id(const QString &pageText) const
{
    return Entity::makeId(QStringLiteral("table"), span, pageText);
}
