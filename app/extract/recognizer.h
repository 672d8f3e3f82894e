#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"
#include "rulepack.h"

#include <QtCore/QHash>
#include <QtCore/QList>

#include <atomic>
#include <memory>
#include <vector>

// What every recognizer sees: the filing and the rule packs in force.
struct ExtractionContext
{
    const DocumentContent &content;
    const RuleSet &rules;
    const std::atomic_bool *cancel = nullptr;

    // Per page, the UTF-16 indices where surrogate pairs begin, filled on first use:
    // entity ids carry code points, and counting them from the page start for every
    // entity would be quadratic on long pages. One context serves one thread, unless
    // indexAllPages() filled it first: then it is only read, from any thread.
    mutable QHash<int, QList<int>> surrogatePairs = {};

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    // Fills the surrogate-pair cache for every page, so that threads may share the context.
    void indexAllPages() const;
    // TextLayer::toCodePoint(page text, utf16Index), in O(log n).
    int toCodePoint(int page, int utf16Index) const;
    // Builds an entity with its id and exact text taken from the text layer.
    Entity makeEntity(const QString &type, const SourceSpan &span, const QString &value,
                      double confidence, const QString &origin,
                      const QMap<QString, QString> &attributes = {}) const;
};

// One family of entities (cover page, figures, life sciences ...). Pure: run()
// only reads the context and appends to out.
class Recognizer
{
public:
    virtual ~Recognizer() = default;
    virtual QString name() const = 0;
    virtual void run(const ExtractionContext &context, EntityList &out) const = 0;
};

using RecognizerList = std::vector<std::unique_ptr<Recognizer>>;

// Cover page, items, exhibits, signatories, people, organizations, contacts.
RecognizerList createStructureRecognizers();
// Money, percentages, dates.
RecognizerList createFigureRecognizers();
// Drugs, targets, indications, doses, trial phases, adverse events, outcomes.
RecognizerList createLifeSciencesRecognizers();
