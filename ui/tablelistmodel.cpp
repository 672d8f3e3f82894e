#include "tablelistmodel.h"

#include "entitytreemodel.h"

#include <QtGui/QBrush>
#include <QtGui/QFont>

using namespace Qt::StringLiterals;

void TableListModel::updateTables(const TableList &tables)
{
    if (tables.size() != m_tables.size()) {
        setTables(tables);
        return;
    }
    m_tables = tables;
    if (!m_tables.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_tables.size()) - 1, ColumnCount - 1));
}

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
    const bool decided = !t.status.isEmpty() && t.status != u"auto"_s;
    const EntityStatus status = statusFromKey(t.status);
    if (role == Qt::ToolTipRole && index.column() == Title && decided) {
        const QString title = t.title.isEmpty() ? tr("Table %1").arg(index.row() + 1) : t.title;
        return t.status == u"rejected"_s ? tr("%1\nRejected: not a data table (left out of exports)").arg(title)
                                         : tr("%1\n%2").arg(title, EntityTreeModel::statusLabel(status));
    }
    if (role == Qt::DecorationRole && index.column() == Title && decided)
        return EntityTreeModel::statusIcon(status);
    if (role == Qt::ForegroundRole && t.status == u"rejected"_s)
        return QBrush(EntityTreeModel::statusColor(EntityStatus::Rejected));
    if (role == Qt::FontRole && t.status == u"rejected"_s) {
        QFont f;
        f.setStrikeOut(true);
        return f;
    }
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
