#pragma once

#include "documentcontent.h"

#include <QtCore/QStringView>

#include <memory>

class QTextDocument;

// Turns one EDGAR HTML document into a reading-view QTextDocument and its text
// layer. The text is exactly document->toPlainText(), so an offset into it is a
// QTextCursor position. Pages follow the filing's own CSS page breaks
// (page-break-before/after: always) when it has them; one page otherwise.
class HtmlLoader final
{
public:
    struct Part
    {
        QString html;           // cleaned HTML (see HtmlCleaner)
        QStringList pages;      // page texts; the newline ending a page belongs to none
        QList<int> pageOffsets; // where each page starts in the document's text
        QList<DeiFact> facts;   // span.page counts from the part's first page
        std::unique_ptr<QTextDocument> document;
        int droppedTags = 0;    // tags dropped by the nesting cap
    };

    // Any thread; the QTextDocument has no parent and lives on the calling thread.
    static Part load(QStringView html);
    // A QTextDocument for cleaned HTML with the settings every view uses.
    static std::unique_ptr<QTextDocument> makeDocument(const QString &cleanedHtml);
};
