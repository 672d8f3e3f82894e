#include "entitycache.h"

#include "document/documentcache.h"
#include "extract/extractor.h"

#include <QtCore/QDataStream>
#include <QtCore/QIODevice>

using namespace Qt::StringLiterals;

namespace {

QString entitiesKey(const QString &sha256, const Extractor &extractor)
{
    return u"entities|"_s % sha256 % u'|' % DocumentCache::programBuild() % u'|'
        % Extractor::version() % u'|' % extractor.rules().fingerprint();
}

QDataStream &operator<<(QDataStream &out, const Entity &e)
{
    out << e.id << e.type << e.value << e.text << qint32(e.span.page) << qint32(e.span.start)
        << qint32(e.span.end) << e.confidence << e.origin << e.attributes << qint32(e.status)
        << e.note << e.by << e.at << e.orphan;
    return out;
}

QDataStream &operator>>(QDataStream &in, Entity &e)
{
    qint32 page = 0, start = 0, end = 0, status = 0;
    in >> e.id >> e.type >> e.value >> e.text >> page >> start >> end >> e.confidence >> e.origin
        >> e.attributes >> status >> e.note >> e.by >> e.at >> e.orphan;
    e.span = SourceSpan{page, start, end};
    if (status < int(EntityStatus::Auto) || status > int(EntityStatus::Rejected))
        in.setStatus(QDataStream::ReadCorruptData);
    e.status = EntityStatus(status);
    return in;
}

} // namespace

QString EntityCache::path(const QString &sha256, const Extractor &extractor)
{
    return DocumentCache::entryPath(entitiesKey(sha256, extractor));
}

bool EntityCache::read(const QString &sha256, const Extractor &extractor, EntityList *entities)
{
    if (!DocumentCache::isEnabled() || !DocumentCache::isValidSha(sha256))
        return false;
    QByteArray payload;
    if (!DocumentCache::readEntry(entitiesKey(sha256, extractor), &payload))
        return false;
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_4);
    in.setByteOrder(QDataStream::LittleEndian); // as written
    quint32 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || count > quint32(payload.size()))
        return false;
    EntityList read;
    read.reserve(qsizetype(count));
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        Entity e;
        in >> e;
        read.append(std::move(e));
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    *entities = std::move(read);
    return true;
}

void EntityCache::write(const QString &sha256, const Extractor &extractor, const EntityList &entities)
{
    if (!DocumentCache::isEnabled() || !DocumentCache::isValidSha(sha256))
        return;
    QByteArray payload;
    payload.reserve(512 * entities.size() + 64);
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    // Strings copied as they are, not swapped a character at a time (a 10-K's 4,000
    // to 5,000 entities, half of them inline-XBRL facts with their attributes).
    out.setByteOrder(QDataStream::LittleEndian);
    out << quint32(entities.size());
    for (const Entity &e : entities)
        out << e;
    DocumentCache::writeEntry(entitiesKey(sha256, extractor), payload);
}

EntityList EntityCache::extract(const Extractor &extractor, const DocumentContent &content,
                                const std::function<void(int, int)> &progress,
                                const std::atomic_bool *cancel)
{
    EntityList entities;
    if (read(content.sha256, extractor, &entities)) {
        if (progress)
            progress(1, 1);
        return entities;
    }
    entities = extractor.extract(content, progress, cancel);
    if (!cancel || !cancel->load())
        write(content.sha256, extractor, entities);
    return entities;
}
