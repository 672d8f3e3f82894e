#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"

#include <QtCore/QString>

#include <atomic>

// Finds the data tables of a filing's plain-text pages (the TEXT documents of a .txt/.nc
// submission, a plain-text filing) and reads them into cells linked to their source, as
// TableReader does for HTML. Two kinds: EDGAR's <TABLE> … </TABLE> blocks (with <CAPTION>
// and the <S>/<C> column markers, which stay out of every cell), and, elsewhere, figures
// aligned in columns under their header lines. Columns are the union of where the figures
// of the rows stand; header phrases belong to the columns they (or the dashed line under
// them) reach over; a row's label carries its parents from indentation, section lines and
// subtotal lines. Layout blocks (no figures), signature blocks and tables of contents are
// not data tables. Any thread; plain values only.
class TextTableReader final
{
public:
    // Hostile input bounds: a line longer than this is prose, not a row; a table with
    // more cells than TableReader::kMaxCells, or more rows than kMaxRows, is not read; at
    // most TableReader::kMaxTablesPerPage tables of one page are.
    static constexpr int kMaxLineLength = 2000;
    static constexpr int kMaxRows = 20000;
    // Raised whenever what read() finds changes, so that cached tables are read again.
    static constexpr int kVersion = 1;

    // Every data table of the filing's text pages (not the submission header), in page
    // order. A cancelled run returns what it found.
    static TableList read(const DocumentContent &content, const std::atomic_bool *cancel = nullptr);
    // The data tables of one page of text; `page` is the 0-based page the spans get.
    static TableList readPage(const QString &pageText, int page);
};
