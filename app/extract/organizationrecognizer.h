#pragma once

#include "recognizer.h"

// Organizations: capitalised names before a legal suffix ("Genentech, Inc.",
// "Kenvue Inc."), names built on an institutional keyword ("American Society of
// Clinical Oncology"), the rule packs' lexicon of agencies and companies, and the
// firm named beside a contact person.
class OrganizationRecognizer final : public Recognizer
{
public:
    QString name() const override;
    void run(const ExtractionContext &context, EntityList &out) const override;
};
