#pragma once

#include "filingdocument.h"

#include <QtCore/QRectF>
#include <QtCore/QSizeF>
#include <QtCore/QStringList>

#include <memory>

class QDataStream;
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
        QList<QList<TextBox>> words; // per page, wordBoxes() of its text
    };

    // Page texts come from the DocumentCache when it holds them for sha256 (the
    // file's hash; empty: no cache), else from PdfTextWorker helper processes when
    // a worker program is set and the PDF is long enough to gain from them, else
    // in-process.
    static Result load(const QString &path, const QString &password, LoadError *error,
                       const std::atomic_bool *cancel = nullptr, const QString &sha256 = QString());
    static constexpr int kMinPagesForWorkers = 24;
    static QString pageText(QPdfDocument *pdf, int page);
    // The page's text as pageText() and its words with their boxes, from one pdfium call.
    static QString pageTextAndWords(QPdfDocument *pdf, int page, QList<TextBox> *words);
    // The words of a page's text (runs without white space) placed in the rectangles
    // getAllText() gives: one per text object or glyph, in text order, leaving out the
    // white space PDFium adds. Rectangles are matched to the text line by line (by how
    // wide they are against how many characters they can hold). Where no grouping of the
    // rectangles into printed lines gives the text's lines, the run of rectangles each
    // line holds is found by weighing every cut; a page whose rectangles fit no cut well
    // gives no words. Bounded: a line of more than kMaxLineChars characters is spread
    // evenly.
    static QList<TextBox> wordBoxes(const QString &pageText, const QList<QRectF> &rects);
    static constexpr int kMaxLineChars = 2000;
    // The words of every page in the cache beside the page texts.
    static bool readCachedWords(const QString &sha256, int pages, QList<QList<TextBox>> *words);
    static void writeCachedWords(const QString &sha256, const QList<QList<TextBox>> &words);
    static void writeWords(QDataStream &out, const QList<TextBox> &words);
    static bool readWords(QDataStream &in, QList<TextBox> *words);
    // getAllText()'s text as pageText() gives it (line ends, unmapped glyphs).
    static QString normalizedText(QString text);
    // UTF-16 offset in the page text -> PDFium character index.
    static int pdfIndex(const QString &pageText, int utf16Offset);
    static int utf16Offset(const QString &pageText, int pdfIndex);
};
