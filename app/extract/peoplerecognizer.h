#pragma once

#include "recognizer.h"

// People: signatories of the signature block ("/s/", "By:", "Name:", "Title:") with
// their titles, and people with roles: quoted speakers of press releases, contacts,
// officers named with their office. Every further mention of a person found that
// way is a person entity too.
class PeopleRecognizer final : public Recognizer
{
public:
    QString name() const override;
    void run(const ExtractionContext &context, EntityList &out) const override;
};
