#pragma once

#include "filingdocument.h"

#include <QtCore/QSizeF>
#include <QtCore/QStringList>

#include <memory>

class QPdfDocument;

// Opens a PDF with QtPdf and reads its text layer. The text of a page is
// QPdfDocument::getAllText(page).text() with every character kept in place, so
// an offset into it is the character index getSelectionAtIndex() expects:
// - PDFium ends lines with "\r\n" (two indices); we keep both as " \n", and a
//   lone "\r" as "\n";
// - a ligature glyph (fi, ff) is reported as its letters, each one index with
//   the same rectangle, in both calls alike;
// - glyphs without a Unicode mapping come as control characters and become
//   U+FFFD; PDFium's end-of-line hyphen mark (U+0002) becomes '-';
// - PDFium counts a character outside the BMP as one index but QString holds two
//   UTF-16 units: pdfIndex()/utf16Offset() convert (no corpus file has one).
class PdfLoader final
{
public:
    struct Result
    {
        std::unique_ptr<QPdfDocument> pdf;
        QStringList pages;
        QList<QSizeF> pageSizes; // points
    };

    // Page texts come from the DocumentCache when it holds them for sha256 (the
    // file's hash; empty: no cache), else from PdfTextWorker helper processes when
    // a worker program is set and the PDF is long enough to gain from them, else
    // in-process.
    static Result load(const QString &path, const QString &password, LoadError *error,
                       const std::atomic_bool *cancel = nullptr, const QString &sha256 = QString());
    static constexpr int kMinPagesForWorkers = 24;
    static QString pageText(QPdfDocument *pdf, int page);
    // UTF-16 offset in the page text -> PDFium character index.
    static int pdfIndex(const QString &pageText, int utf16Offset);
    static int utf16Offset(const QString &pageText, int pdfIndex);
};
