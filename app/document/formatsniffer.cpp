#include "formatsniffer.h"

#include "textdecoder.h"


namespace {

qsizetype indexOfCi(const QByteArray &hay, const char *needle, qsizetype limit)
{
    const QByteArray n = QByteArray(needle).toLower();
    const QByteArray h = hay.left(limit).toLower();
    return h.indexOf(n);
}

bool isUtf16(const QByteArray &head)
{
    return head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF");
}

// The first bytes as 8-bit text, whatever the encoding (UTF-16 is narrowed).
QByteArray asciiView(const QByteArray &head)
{
    if (!isUtf16(head))
        return head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
    const QString s = TextDecoder::decode(head);
    return s.toLatin1();
}

} // namespace

FormatSniffer::Kind FormatSniffer::sniff(const QByteArray &head)
{
    if (head.left(1024).contains("%PDF"))
        return Kind::Pdf;
    if (TextDecoder::looksBinary(head.left(kSampleSize)))
        return Kind::Binary;

    const QByteArray text = asciiView(head);
    const QByteArray trimmed = text.trimmed();
    static const char *const submissionTags[] = {"<SEC-DOCUMENT>", "<SEC-HEADER>", "<SUBMISSION>",
                                                 "<IMS-DOCUMENT>", "<IMS-HEADER>"};
    // A PEM wrapper puts a few hundred bytes of keys before the first tag.
    const qsizetype limit = trimmed.startsWith("-----BEGIN PRIVACY-ENHANCED MESSAGE-----") ? 4096 : 1024;
    for (const char *tag : submissionTags) {
        if (indexOfCi(trimmed, tag, limit) >= 0)
            return Kind::Submission;
    }
    if (trimmed.startsWith("<DOCUMENT>") && indexOfCi(trimmed, "<TYPE>", 256) >= 0)
        return Kind::Submission;

    if (indexOfCi(text, "<html", 1024) >= 0 || indexOfCi(text, "<!doctype html", 1024) >= 0)
        return Kind::Html;
    if (trimmed.startsWith("<?xml") && (indexOfCi(text, "xhtml", 4096) >= 0 || indexOfCi(text, "<html", 4096) >= 0))
        return Kind::Html;
    if (trimmed.startsWith('<')) {
        static const char *const tags[] = {"<body", "<div", "<p>", "<p ", "<table", "<font", "<br",
                                           "<span", "<center", "<head", "<title"};
        for (const char *tag : tags) {
            if (indexOfCi(trimmed, tag, 1024) >= 0)
                return Kind::Html;
        }
    }
    return Kind::PlainText;
}
