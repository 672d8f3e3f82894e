#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"
#include "rulepack.h"

#include <atomic>
#include <functional>

// Turns a filing's text layer and header into entities. A pure function of its
// inputs: safe to run on any thread; one Extractor may serve several threads.
class Extractor final
{
public:
    explicit Extractor(RuleSet rules);

    // Version of the extractor's code; with RuleSet::fingerprint() it keys caches.
    static QString version();

    // progress(done, total) may be called from the calling thread; cancel is polled
    // between steps and makes extract() return what it has so far, quickly.
    EntityList extract(const DocumentContent &content,
                       const std::function<void(int done, int total)> &progress = {},
                       const std::atomic_bool *cancel = nullptr) const;

    const RuleSet &rules() const { return m_rules; }

private:
    RuleSet m_rules;
};
