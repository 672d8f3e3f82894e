#pragma once

#include "model/filingtable.h"

#include <QtCore/QAbstractTableModel>

// The data tables of a filing, one row each: title (or caption), page, rows × columns;
// a decided table shows its status as the entity tree does (icon; rejected struck out).
class TableListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Page, Size, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setTables(const TableList &tables);
    // The same tables with other review decisions: changed in place (the selection stays).
    void updateTables(const TableList &tables);
    const TableList &tables() const { return m_tables; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    TableList m_tables;
};
