#pragma once

#include "recognizer.h"

// The cover page facts of 8-K, 10-K and 10-Q filings (and their amendments):
// form type, date of report, registrant, CIK, state, file number, IRS number,
// address, phone, ticker. Sources in order of reliability: the submission header,
// inline-XBRL dei facts, the cover page's labels; every entity points at visible text.
class CoverPageRecognizer final : public Recognizer
{
public:
    QString name() const override;
    void run(const ExtractionContext &context, EntityList &out) const override;
};
