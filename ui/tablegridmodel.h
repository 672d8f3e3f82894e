#pragma once

#include "model/filingtable.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>

// One table of a filing as its grid: header rows and row labels as the filing sets them,
// a merged cell at its top-left corner (the view spans it, see cellSpan()). Each cell
// knows its source span (SpanRole), so the window can show it in the document.
class TableGridModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int SpanRole = Qt::UserRole + 1;  // SourceSpan of the cell
    static constexpr int ValueRole = Qt::UserRole + 2; // the plain value, empty if not a number

    using QAbstractTableModel::QAbstractTableModel;

    void setTable(const FilingTable &table);
    // The same table with other review decisions (same cells, same grid): changed in
    // place, so an editor open on a cell stays on it.
    void updateTable(const FilingTable &table);
    void clear();
    const FilingTable &table() const { return m_table; }
    bool isEmpty() const { return m_table.rowCount == 0 || m_table.columnCount == 0; }

    // The cell covering the grid position (a merged one at its corner); nullptr if none.
    const TableCell *cellAt(int row, int column) const;
    const TableCell *cellAt(const QModelIndex &index) const { return cellAt(index.row(), index.column()); }
    // The index of the cell whose source span holds the text position `at` (a span on
    // a page, usually empty): the figure an analyst clicked in the document. Invalid if none.
    QModelIndex indexAt(const SourceSpan &at) const;
    // Rows and columns a merged cell covers, from its corner; 1 × 1 for others.
    QSize cellSpan(const QModelIndex &index) const;

    // The table as tab-separated lines for a spreadsheet: figures as numbers after sign
    // and scale (as the .xlsx export), labels and headers as written, a currency sign
    // or parenthesis standing alone left out.
    QString toTabSeparated() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // A cell with source text can be corrected (TableCellDelegate writes the correction).
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    static quint64 key(int row, int column) { return (quint64(quint32(row)) << 32) | quint32(column); }

    FilingTable m_table;
    QHash<quint64, int> m_cellAt; // every covered grid position → index into m_table.cells
};
