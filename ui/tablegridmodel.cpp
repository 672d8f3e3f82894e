#include "tablegridmodel.h"

#include "entitytreemodel.h"

#include "export/tablecsvwriter.h"
#include "session/tablereview.h"

#include <QtGui/QBrush>
#include <QtGui/QFont>
#include <QtGui/QPalette>

using namespace Qt::StringLiterals;

namespace {
// A grid larger than this is shown cut (a hostile filing): the view stays usable.
constexpr int kMaxCovered = 200000;
}

void TableGridModel::setTable(const FilingTable &table)
{
    beginResetModel();
    m_table = table;
    m_cellAt.clear();
    for (int i = 0; i < m_table.cells.size(); ++i) {
        const TableCell &c = m_table.cells.at(i);
        for (int r = c.row; r < c.row + std::max(1, c.rowSpan) && r < m_table.rowCount; ++r) {
            for (int col = c.column; col < c.column + std::max(1, c.columnSpan) && col < m_table.columnCount; ++col) {
                if (m_cellAt.size() >= kMaxCovered)
                    break;
                m_cellAt.insert(key(r, col), i);
            }
        }
    }
    endResetModel();
}

void TableGridModel::updateTable(const FilingTable &table)
{
    if (table.rowCount != m_table.rowCount || table.columnCount != m_table.columnCount
        || table.cells.size() != m_table.cells.size()) {
        setTable(table);
        return;
    }
    m_table = table;
    if (m_table.rowCount > 0 && m_table.columnCount > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_table.rowCount - 1, m_table.columnCount - 1));
}

Qt::ItemFlags TableGridModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    const TableCell *cell = cellAt(index);
    if (cell && cell->row == index.row() && cell->column == index.column() && TableReview::isEditable(*cell))
        f |= Qt::ItemIsEditable;
    return f;
}

void TableGridModel::clear()
{
    setTable(FilingTable());
}

const TableCell *TableGridModel::cellAt(int row, int column) const
{
    const auto it = m_cellAt.constFind(key(row, column));
    return it == m_cellAt.cend() ? nullptr : &m_table.cells.at(it.value());
}

QModelIndex TableGridModel::indexAt(const SourceSpan &at) const
{
    if (!at.isValid() || !m_table.span.isValid() || at.page != m_table.span.page)
        return {};
    for (const TableCell &c : m_table.cells) {
        if (c.span.page == at.page && c.span.start < c.span.end && c.span.start <= at.start
            && at.end <= c.span.end && at.start < c.span.end)
            return index(c.row, c.column);
    }
    return {};
}

QSize TableGridModel::cellSpan(const QModelIndex &index) const
{
    const TableCell *c = cellAt(index);
    if (!c || c->row != index.row() || c->column != index.column())
        return QSize(1, 1);
    return QSize(std::max(1, std::min(c->columnSpan, m_table.columnCount - c->column)),
                 std::max(1, std::min(c->rowSpan, m_table.rowCount - c->row)));
}

QString TableGridModel::toTabSeparated() const
{
    // A tab or line break inside a cell would split it: a spreadsheet reads them as separators.
    const auto clean = [](QString s) {
        s.replace(u'\t', u' ').replace(u'\r', u' ').replace(u'\n', u' ');
        return s;
    };
    QString out;
    for (int r = 0; r < m_table.rowCount; ++r) {
        QStringList line;
        for (int c = 0; c < m_table.columnCount; ++c) {
            const TableCell *cell = cellAt(r, c);
            QString text;
            if (cell && cell->row == r && cell->column == c) {
                const bool data = TableCsvWriter::isDataCell(*cell);
                if (data && cell->isNumber())
                    text = cell->unit == u"%"_s ? cell->value + u'%' : cell->value;
                else if (data || cell->header || cell->rowLabel)
                    text = clean(cell->corrected.isEmpty() ? cell->text : cell->corrected);
            }
            line.append(text);
        }
        while (!line.isEmpty() && line.constLast().isEmpty())
            line.removeLast();
        out += line.join(u'\t') + u'\n';
    }
    return out;
}

int TableGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_table.rowCount;
}

int TableGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_table.columnCount;
}

QVariant TableGridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TableCell *cell = cellAt(index);
    const bool corner = cell && cell->row == index.row() && cell->column == index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return corner ? (cell->corrected.isEmpty() ? cell->text : cell->corrected) : QString();
    case Qt::DecorationRole:
        if (corner && cell->status == u"corrected"_s)
            return EntityTreeModel::statusIcon(EntityStatus::Corrected);
        return {};
    case Qt::ForegroundRole:
        if (m_table.status == u"rejected"_s)
            return QBrush(EntityTreeModel::statusColor(EntityStatus::Rejected));
        return {};
    case Qt::ToolTipRole: {
        if (!corner || cell->text.isEmpty())
            return {};
        QStringList lines;
        if (m_table.status == u"rejected"_s)
            lines << tr("Table rejected: not a data table (left out of exports)");
        if (!cell->corrected.isEmpty())
            lines << tr("Corrected from “%1”").arg(cell->text);
        else if (cell->status == u"corrected"_s)
            lines << tr("Corrected: the table's scale, row label or column header");
        else if (cell->status == u"confirmed"_s)
            lines << tr("Confirmed with its table");
        if (cell->isNumber())
            lines << tr("Value: %1 %2").arg(cell->value, cell->unit).trimmed();
        if (!cell->scale.isEmpty())
            lines << tr("Stated in %1").arg(cell->scale);
        if (!cell->header && index.row() < m_table.rowHeaders.size() && !m_table.rowHeaders.at(index.row()).isEmpty())
            lines << tr("Row: %1").arg(m_table.rowHeaders.at(index.row()));
        if (!cell->header && index.column() < m_table.columnHeaders.size()
            && !m_table.columnHeaders.at(index.column()).isEmpty())
            lines << tr("Column: %1").arg(m_table.columnHeaders.at(index.column()));
        if (!cell->xbrl.isEmpty())
            lines << tr("XBRL: %1").arg(cell->xbrl);
        return lines.join(u'\n');
    }
    case Qt::FontRole:
        if (cell && (cell->header || cell->rowLabel || m_table.status == u"rejected"_s)) {
            QFont f;
            f.setBold(cell->header);
            f.setStrikeOut(m_table.status == u"rejected"_s);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        if (corner && !cell->corrected.isEmpty()) {
            QColor tint = EntityTreeModel::statusColor(EntityStatus::Corrected);
            tint.setAlpha(40);
            return QBrush(tint);
        }
        if (index.row() < m_table.headerRows)
            return QBrush(QPalette().color(QPalette::AlternateBase));
        return {};
    case Qt::TextAlignmentRole:
        if (cell && cell->isNumber())
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SpanRole:
        return cell ? QVariant::fromValue(cell->span) : QVariant();
    case ValueRole:
        return corner ? cell->value : QString();
    default:
        return {};
    }
}

QVariant TableGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Vertical)
        return section < m_table.rowCount ? QVariant(section + 1) : QVariant();
    if (section >= m_table.columnCount)
        return {};
    // Spreadsheet letters: A … Z, AA …, as the copied or exported table will have them.
    QString name;
    for (int n = section + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}
