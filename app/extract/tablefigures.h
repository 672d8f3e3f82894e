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
    // Removes every date entity that overlaps a heading of `tables`: a column header cell
    // ("December 31, 2023" over a column of a statement) or a row label ("Balance at December
    // 31, 2023", "October 1, 2024 — October 31, 2024" of a share-repurchase table). The table
    // shows it as the heading of its figures. Dates of captions, prose and layout tables
    // stay. Returns how many were removed.
    static int removeHeaderDates(EntityList &entities, const TableList &tables);
};
