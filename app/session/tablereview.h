#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"
#include "review/sidecarfile.h"
#include "review/tableref.h"

#include <QtCore/QStringList>

// The analyst's decisions on tables (ReviewStore::tableDecisions, see TableRef for their
// shape) applied to the tables read: a pure function, as DecisionMerge is for entities.
// A decision is placed by its id where the quote it saved is still there, else by
// re-anchoring its quote (QuoteAnchor) in a changed filing; one that cannot be placed, or
// that this version cannot use, is left out of the tables and kept in the review file.
class TableReview final
{
public:
    struct Result
    {
        TableList tables; // every status, reviewId and correction filled in
        int placed = 0;
        int reanchored = 0;
        QStringList orphans;  // ids of decisions not placed
        QStringList unusable; // ids of decisions this version cannot use (kept as they are)
        QStringList messages; // what to tell the analyst, empty when all were placed
    };

    static Result apply(const DocumentContent &content, TableList tables, const QList<SidecarDecision> &decisions);

    // The filing's review file and its journal, read only (no lock, nothing written),
    // applied to `tables`: what `tables` and the window's export write.
    static TableList reviewed(const DocumentContent &content, const TableList &tables,
                              QStringList *messages = nullptr);
    // The tables an export writes: rejected ones only when asked for.
    static TableList forExport(const TableList &tables, bool includeRejected);

    // What the store needs to write a decision on the table, or on one of its cells
    // (a table as apply() returned it: reviewId set). `scaleAsRead` is the table's scale
    // before any fix (the table as the reader found it), so a fix can be taken back.
    static TableRef refOf(const DocumentContent &content, const FilingTable &table, const QString &scaleAsRead);
    static TableRef refOf(const DocumentContent &content, const FilingTable &table, const TableCell &cell);
    // Whether the analyst can correct the cell: it has source text to anchor to.
    static bool isEditable(const TableCell &cell);
    // What the field of a cell's correction is: "column_header", "row_header" or "value".
    static QString fieldOf(const TableCell &cell);
    // The scale words a table may be fixed to (the first, empty, is none).
    static QStringList scales();
    // The cells whose figure a scale applies to: amounts, not percentages, per-share
    // figures or share counts (as the reader applies a stated scale).
    static bool isAmount(const TableCell &cell);
};
