#pragma once

#include "recognizer.h"

// What any rule pack may add without code: "lexicons" (terms of a type, matched as
// whole words) and "patterns" (regular expressions of a type), at the top level of
// a pack:
//
//   {"types": [{"key": "competitor", "label": "Competitor", "category": "Organizations"}],
//    "lexicons": [{"type": "competitor", "terms": ["Pfizer", "Merck"], "caseSensitive": true}],
//    "patterns": [{"type": "competitor", "regex": "\\bACME\\b", "confidence": 0.6}]}
//
// Patterns run one line at a time (lines longer than TextScan::MaxLineChars are cut
// into pieces); packs with nested quantifiers are refused when they load.
class RulePackRecognizer final : public Recognizer
{
public:
    QString name() const override;
    void run(const ExtractionContext &context, EntityList &out) const override;
};
