#pragma once

#include "sidecarfile.h"

#include <QtCore/QString>

// A data table, or one cell of it, as the review file names it: what the store needs to
// write a decision about it. Built from a table read (TableReview::refOf); the store
// knows nothing of tables otherwise.
//
// In the review file a table's decision has type "table" and the table's id
// ("table@page:start-end"); status confirmed, rejected or corrected (its scale fixed:
// attribute "scale", empty for none). A cell's decision has type "table_cell", the id of
// the cell's own span ("table_cell@page:start-end"), status corrected, value the text the
// analyst typed, and attributes "table" (the table's id) and "field" (value, row_header
// or column_header: what the text corrects).
struct TableRef
{
    QString id;       // the decision's id: a saved decision's when one was placed here
    QString tableId;  // for a cell: its table's decision id; empty for a table
    QString field;    // for a cell: "value", "row_header" or "column_header"
    SidecarAnchor anchor;
    QString name;     // how the undo history names it: "Revenues | 2023", a table's title
    QString text;     // as read: a cell's source text; a table's stated scale word

    bool isTable() const { return tableId.isEmpty(); }
};
