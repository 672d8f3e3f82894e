#include "tablelistmodel.h"

using namespace Qt::StringLiterals;

void TableListModel::setTables(const TableList &tables)
{
    beginResetModel();
    m_tables = tables;
    endResetModel();
}

int TableListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int TableListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FilingTable &t = m_tables.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Title:
            return t.title.isEmpty() ? tr("Table %1").arg(index.row() + 1) : t.title;
        case Page:
            return t.span.page + 1;
        case Size:
            return tr("%1 × %2").arg(t.rowCount).arg(t.columnCount);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Title)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TableListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Table");
    case Page:
        return tr("Page");
    case Size:
        return tr("Rows × columns");
    default:
        return {};
    }
}
