#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"

#include <atomic>
#include <functional>

class Extractor;

// The extracted entities of a filing in the per-user cache (DocumentCache's folder,
// format and checks), keyed by the file's sha256, the program build,
// Extractor::version() and RuleSet::fingerprint(). Thread-safe; off while the
// DocumentCache is off.
class EntityCache final
{
public:
    static bool read(const QString &sha256, const Extractor &extractor, EntityList *entities);
    static void write(const QString &sha256, const Extractor &extractor, const EntityList &entities);

    // Extractor::extract through the cache: a hit returns at once; a miss extracts
    // and stores the result unless cancel was raised (a partial result is never kept).
    static EntityList extract(const Extractor &extractor, const DocumentContent &content,
                              const std::function<void(int done, int total)> &progress = {},
                              const std::atomic_bool *cancel = nullptr);

    // The file that holds an entry (exists or not), for tests and diagnostics.
    static QString path(const QString &sha256, const Extractor &extractor);
};
