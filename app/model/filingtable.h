#pragma once

#include "sourcespan.h"

#include <QtCore/QList>
#include <QtCore/QString>

// One cell of a data table. Spans are in the program's coordinates (0-based page,
// UTF-16 offsets into the page text, like SourceSpan everywhere); files carry 1-based
// pages and code points.
struct TableCell
{
    int row = 0;          // 0-based grid row of the cell's top-left corner
    int column = 0;       // 0-based grid column of the cell's top-left corner
    int rowSpan = 1;
    int columnSpan = 1;
    bool header = false;  // a header row (column header), not data
    bool rowLabel = false; // the label of its row
    QString text;         // the exact text at span (white space at either end left out)
    QString value;        // plain decimal after sign and scale; empty when not a number
    QString unit;         // "USD", "%", "shares", "USD/shares" or empty
    QString scale;        // the scale word applied ("millions"), empty when none
    SourceSpan span;      // empty span (start == end) for an empty cell
    // Against the filing's inline-XBRL facts: "agrees" (a numeric fact overlapping the
    // cell has the cell's value, compared as TableReader::agreesWithFact), "differs" (it has another), "untagged" (a number in an
    // inline-XBRL filing without a fact), empty otherwise.
    QString xbrl;
    // The review (filled by TableReview from the review file; the reader leaves them
    // empty): "auto", "confirmed", "corrected" or "rejected"; the text the analyst
    // typed for the cell (empty when not corrected); the id its decisions are saved under.
    QString status;
    QString corrected;
    QString reviewId;

    bool isNumber() const { return !value.isEmpty(); }
};

// A table of a filing that holds data (not one used for layout), as a grid of cells.
struct FilingTable
{
    SourceSpan span;        // the whole table on its page
    QString title;          // caption or the heading above the table; may be empty
    QString scale;          // the stated scale word ("millions"), empty when none stated
    int rowCount = 0;
    int columnCount = 0;
    int headerRows = 0;     // rows [0, headerRows) are column headers
    QList<TableCell> cells; // row by row, left to right; a merged cell once, at its corner
    QList<QString> rowHeaders;    // per row: the label with its parents joined by " > "
    QList<QString> columnHeaders; // per column: header texts top to bottom joined by " | "
    // The review, as for cells (TableReview): the table's own status, whether its
    // scale was fixed by the analyst, and the id its decisions are saved under.
    QString status;
    bool scaleCorrected = false;
    QString reviewId;

    // "table@page:start-end": 1-based page, code points (given the page's text), as entity ids.
    QString id(const QString &pageText) const;
};

using TableList = QList<FilingTable>;
