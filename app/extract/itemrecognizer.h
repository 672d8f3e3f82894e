#pragma once

#include "recognizer.h"

// Items where they begin: 8-K "Item 8.01" headings (title from the official list in
// the rule pack, as attribute "title"), pre-2004 "Item 5", and the parts and items
// of 10-K and 10-Q reports (attribute "part"). Mentions inside sentences and
// table-of-contents lines are not items.
class ItemRecognizer final : public Recognizer
{
public:
    QString name() const override;
    void run(const ExtractionContext &context, EntityList &out) const override;
};
