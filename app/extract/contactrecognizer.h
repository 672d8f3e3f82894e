#pragma once

#include "recognizer.h"

// E-mail addresses, web addresses and phone numbers (attribute kind: tel or fax).
class ContactRecognizer final : public Recognizer
{
public:
    QString name() const override;
    void run(const ExtractionContext &context, EntityList &out) const override;
};
