#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"

#include <QtCore/QString>

#include <atomic>

class QTextDocument;

// Finds the data tables of a filing's HTML parts (EDGAR HTML, and the HTML documents of
// a submission) and reads them into cells linked to their source. Works from what the
// loader keeps: each page's cleaned HTML (DocumentPart::sheets) is laid out again in a
// QTextDocument, whose plain text is that page's text, so a table cell's cursor positions
// are offsets into the page text. Layout tables (one text cell, signature blocks,
// checkbox lists, tables of contents) are left out. Any thread; plain values only.
class TableReader final
{
public:
    // Hostile input bounds: a table with more cells than this is not read, and at most
    // kMaxTablesPerPage tables of one page are.
    static constexpr int kMaxCells = 60000;
    static constexpr int kMaxTablesPerPage = 400;
    // Raised whenever what read() finds changes, so that cached tables are read again.
    static constexpr int kVersion = 2;

    // Every data table of the filing's HTML pages and PDF pages (PdfTableReader), in page order, with each cell
    // reconciled against the filing's inline-XBRL facts (TableCell::xbrl). The pages
    // are read side by side on workerPool(); a cancelled run returns what it found.
    // Parts whose tables the loader read (DocumentPart::tablesRead) are not laid out again.
    static TableList read(const DocumentContent &content, const std::atomic_bool *cancel = nullptr);

    // The data tables of one page: its cleaned HTML and its text (the plain text of
    // the HTML laid out by HtmlLoader::makeDocument). `page` is the 0-based page the
    // spans get. Empty when the text does not match the layout.
    static TableList readPage(const QString &sheetHtml, const QString &pageText, int page);
    // The same from the sheet's document as the loader built it (its plain text is
    // pageText), so that the page is not laid out a second time: what
    // LoadOptions::readTables calls. Any thread that may use `sheet`.
    static TableList readDocument(const QString &sheetHtml, const QTextDocument &sheet, const QString &pageText,
                                  int page);

    // A cell of a table laid out by position (PdfTableReader): its place in the grid, its
    // span in the page text and, for a row label, how far it is indented (any unit).
    struct PlacedCell
    {
        int row = 0;
        int column = 0;
        int rowSpan = 1;
        int columnSpan = 1;
        SourceSpan span;
        double indent = 0;
    };
    // Reads such a grid as an HTML table is read (data or not, header rows, row labels and
    // their parents, "$" and "%" joined, units, the scale stated in `before` — the text
    // above the table — or in its headers). Cells must not overlap; false when not data.
    static bool readPlacedCells(const QList<PlacedCell> &cells, int rows, int columns, const SourceSpan &span,
                                const QString &pageText, const QString &before, FilingTable *out);

    // The number a cell's text stands for, as a plain decimal with sign, before any
    // scale: "(1,234)" → "-1234", "—" → "0", "12.5 %" → "12.5"; footnote marks dropped.
    // Empty when the text is not a number. *percent/*currency tell whether the text
    // itself carries "%" or "$".
    static QString parseNumber(const QString &text, bool *percent = nullptr, bool *currency = nullptr);
    // `decimal` multiplied by 10^exponent, as a plain decimal ("1.5", 6 → "1500000";
    // "12.5", -2 → "0.125").
    static QString scaled(const QString &decimal, int exponent);
    // Whether two plain decimals are the same number ("1500000" and "1500000.00").
    static bool sameNumber(const QString &a, const QString &b);
    // Whether a numeric fact's value (a plain decimal after its scale and sign) is the
    // cell's figure: the same magnitude, as the entity reconciliation compares (filers tag
    // "(1,234)" as 1234 and print the parentheses), or for a percent cell the ratio
    // ("21.5" % and 0.215). A cell without a unit is a percent to a `pure` fact
    // ("7.6" in a rate column whose % stands apart, tagged 0.076).
    static bool agreesWithFact(const TableCell &cell, const QString &factValue,
                               const QString &factUnit = {});
    // The scale a caption or heading states: "thousands", "millions", "billions" or empty.
    static QString statedScale(const QString &text);
    // The scale of a table's share counts, given the text that states the table's scale
    // and that scale: none under "(Dollars in millions)", the one an exception states
    // ("except share data", "shares in thousands"), else the table's.
    static QString shareScale(const QString &scaleSource, const QString &scale);
    // The power of ten a scale word stands for: "thousands" 3, "millions" 6, "billions" 9,
    // anything else 0.
    static int exponentOf(const QString &scale);
    // A row label as the grid shows it: white space collapsed, trailing colons dropped.
    static QString simplifiedLabel(QString label);
    // A number cell's check against the filing's numeric, visible facts that may overlap
    // it: "agrees" if one that overlaps has the cell's figure, "differs" if one overlaps
    // but none agrees, "untagged" if none overlaps.
    static QString xbrlCheck(const TableCell &cell, const QList<const XbrlFact *> &facts);
    // Whether a row label or column header speaks of a per-share figure ("Earnings per
    // share") or of a count of shares ("Weighted-average shares"): the unit rules read()
    // applies, for the other readers of tables.
    static bool isPerShare(const QString &label);
    static bool isShareCount(const QString &label, bool columnHeader = false);
};
