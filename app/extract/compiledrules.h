#pragma once

#include "rulepack.h"

#include <QtCore/QHash>
#include <QtCore/QMutex>
#include <QtCore/QMutexLocker>
#include <QtCore/QString>

#include <memory>

// What T (a family's patterns, built by T(const RuleSet &)) compiles from a rule set, shared
// by every caller with the same rules (by RuleSet::fingerprint()) and built once per set.
// Thread-safe. A program uses one or two rule sets, so a small cache is enough.
template <typename T>
std::shared_ptr<const T> compiledRules(const RuleSet &rules)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<const T>> cache;
    const QString key = rules.fingerprint();
    QMutexLocker lock(&mutex);
    if (auto found = cache.value(key))
        return found;
    if (cache.size() >= 8)
        cache.clear();
    auto compiled = std::make_shared<const T>(rules);
    cache.insert(key, compiled);
    return compiled;
}
