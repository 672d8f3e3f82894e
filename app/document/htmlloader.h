#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"
#include "htmlcleaner.h"

#include <QtCore/QHash>
#include <QtCore/QStringView>

#include <functional>
#include <memory>
#include <vector>

class QTextDocument;

// Turns one EDGAR HTML document into its reading-view QTextDocuments, one per page
// ("sheet", see HtmlCleaner), and its text layer: page i is exactly
// documents[i]->toPlainText(), so an offset into a page is a QTextCursor position
// in its sheet. Pages follow the filing's own CSS page breaks; one page otherwise.
class HtmlLoader final
{
public:
    struct Part
    {
        QStringList sheets;     // cleaned HTML of each page (see HtmlCleaner)
        QStringList pages;      // page texts
        QList<int> pageOffsets; // pages joined by '\n': offsets[i + 1] = offsets[i] + pages[i].size() + 1
        QList<DeiFact> facts;   // span.page counts from the part's first page
        // Where each visible inline-XBRL fact is shown, by the offset of its start tag
        // in the HTML (HtmlCleaner::Fact::source); span.page as for facts.
        QHash<qsizetype, SourceSpan> factSpans;
        // One per sheet, with no parent, living on the thread that called load().
        std::vector<std::unique_ptr<QTextDocument>> documents;
        int droppedTags = 0;    // tags dropped by the nesting cap
        // The sheets whose facts are found by anchors (counting failed there): their
        // entry of `sheets` is HtmlCleaner::withAnchors(), whose lines may break
        // otherwise than the sheet's without them, and the page text is read from it.
        QList<int> anchoredSheets;
        TableList tables;       // what readTables found, page by page; spans count from the part's first page
        bool tablesRead = false;
    };
    // Reads one sheet's tables while it is laid out (see LoadOptions::readTables).
    using TableReading = std::function<TableList(const QString &sheetHtml, const QTextDocument &sheet,
                                                 const QString &pageText, int page)>;

    // Any thread. The sheet documents are built side by side on workerPool() and
    // handed to the calling thread before load() returns.
    static Part load(QStringView html);
    // `alongside`, if given, runs as one more task beside the sheets (the inline-XBRL
    // reading of the same HTML), before load() returns.
    // `readTables`, if given, runs on each sheet on the thread that built it.
    static Part load(HtmlCleaner::Result cleaned, const std::function<void()> &alongside = {},
                     const TableReading &readTables = {});
    // A QTextDocument for one cleaned sheet with the settings every view uses.
    static std::unique_ptr<QTextDocument> makeDocument(const QString &cleanedHtml);
    // Where each page of `pages` starts when they are joined by '\n'.
    static QList<int> joinedOffsets(const QStringList &pages);
};
