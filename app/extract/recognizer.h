#pragma once

#include "documentcontent.h"
#include "entity.h"
#include "rulepack.h"

#include <atomic>
#include <memory>
#include <vector>

// What every recognizer sees: the filing and the rule packs in force.
struct ExtractionContext
{
    const DocumentContent &content;
    const RuleSet &rules;
    const std::atomic_bool *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
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
