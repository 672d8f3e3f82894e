#pragma once

#include <QtCore/QByteArray>

// Decides a filing's format from its first bytes, never from its name.
class FormatSniffer final
{
public:
    enum class Kind { Pdf, Submission, Html, PlainText, Binary };

    // How many leading bytes sniff() wants to see (it works with fewer).
    static constexpr int kSampleSize = 8192;

    // %PDF in the first 1 KiB; an EDGAR submission (<SEC-DOCUMENT>, <SEC-HEADER>,
    // <SUBMISSION>, <IMS-DOCUMENT>, <IMS-HEADER>, possibly inside a
    // PRIVACY-ENHANCED MESSAGE wrapper); HTML (<html, <!DOCTYPE html, <?xml with
    // XHTML, or text made of tags); binary (NULs, control bytes); else plain text.
    static Kind sniff(const QByteArray &head);
};
