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
};
