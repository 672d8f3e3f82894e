#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"

#include <QtCore/QString>

#include <memory>

// Writes tables as an Excel workbook (.xlsx, through libxlsxwriter): one sheet per table,
// its title in A1 and its id in A2, then the grid from row 4 as in the filing (header
// rows, row labels, figures as numbers after sign and scale, other cells as text), and a
// last sheet "Sources" giving each written cell's sheet, cell, file, table, page and
// code-point offsets. The file appears at `path` (replaced atomically) when finish()
// succeeds; nothing is written before. Text is never read as a formula.
class TableXlsxWriter final
{
public:
    explicit TableXlsxWriter(const QString &path);
    ~TableXlsxWriter();
    TableXlsxWriter(const TableXlsxWriter &) = delete;
    TableXlsxWriter &operator=(const TableXlsxWriter &) = delete;

    // False when this build has no libxlsxwriter.
    static bool isAvailable();

    bool addFile(const DocumentContent &content, const TableList &tables);
    bool finish();

    int sheetCount() const;
    QString errorString() const;

    // Rows of the grid begin at this 0-based sheet row.
    static constexpr int kFirstGridRow = 3;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
