#pragma once

#include "recognizer.h"

// Exhibits: each entry of an exhibit list (after "Item 9.01", "Exhibit Index" ...)
// with its description, and each exhibit document of a full submission (EX-99.1 ...).
class ExhibitRecognizer final : public Recognizer
{
public:
    QString name() const override;
    void run(const ExtractionContext &context, EntityList &out) const override;
};
