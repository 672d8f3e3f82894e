#pragma once

#include "model/entity.h"
#include "model/filingtable.h"

// Money amounts and percentages printed as the figures of a data table are reviewed as
// the table's cells (FilingSession::tables), not one loose row each: this takes them out
// of a filing's entity list. A figure in a row label, a caption or prose, or in a table
// that was not read as data, stays. Any thread; plain values only.
class TableFigures final
{
public:
    // Removes from `entities` every money and percent entity that overlaps a number cell
    // (not a header or row label) of `tables`. Returns how many were removed.
    static int removeCellFigures(EntityList &entities, const TableList &tables);
    // Removes every date entity that overlaps a column header cell of `tables` ("December 31,
    // 2023" or "Three Months Ended June 30" over a column of a statement): the table shows
    // it as its column's heading. Dates of row labels, captions and prose stay. Returns how
    // many were removed.
    static int removeHeaderDates(EntityList &entities, const TableList &tables);
};
