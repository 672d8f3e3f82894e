#include "entity.h"

#include "textlayer.h"

using namespace Qt::StringLiterals;

QString statusKey(EntityStatus status)
{
    switch (status) {
    case EntityStatus::Auto:
        return u"auto"_s;
    case EntityStatus::Confirmed:
        return u"confirmed"_s;
    case EntityStatus::Corrected:
        return u"corrected"_s;
    case EntityStatus::Added:
        return u"added"_s;
    case EntityStatus::Rejected:
        return u"rejected"_s;
    }
    return u"auto"_s;
}

EntityStatus statusFromKey(const QString &key, bool *ok)
{
    static const EntityStatus all[] = {EntityStatus::Auto, EntityStatus::Confirmed,
                                       EntityStatus::Corrected, EntityStatus::Added,
                                       EntityStatus::Rejected};
    for (EntityStatus s : all) {
        if (statusKey(s) == key) {
            if (ok)
                *ok = true;
            return s;
        }
    }
    if (ok)
        *ok = false;
    return EntityStatus::Auto;
}

QString Entity::makeId(const QString &type, const SourceSpan &span, const QString &pageText)
{
    return type + u'@' + QString::number(span.page + 1) + u':'
        + QString::number(TextLayer::toCodePoint(pageText, span.start)) + u'-'
        + QString::number(TextLayer::toCodePoint(pageText, span.end));
}
