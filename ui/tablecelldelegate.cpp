#include "tablecelldelegate.h"

#include <QtWidgets/QLineEdit>

TableCellDelegate::TableCellDelegate(RefOf refOf, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_refOf(std::move(refOf))
{
}

QWidget *TableCellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    const TableRef ref = m_refOf(index);
    if (ref.id.isEmpty())
        return nullptr;
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (editor) {
        editor->setObjectName(QStringLiteral("tableCellEditor"));
        m_editing.insert(editor, {ref, index.data(Qt::EditRole).toString()});
    }
    return editor;
}

void TableCellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *line = qobject_cast<QLineEdit *>(editor); line && line->isModified())
        return;
    QStyledItemDelegate::setEditorData(editor, index);
}

void TableCellDelegate::setModelData(QWidget *editor, QAbstractItemModel *, const QModelIndex &) const
{
    const auto it = m_editing.constFind(editor);
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (it == m_editing.cend() || !line)
        return;
    const QString text = line->text().trimmed();
    // Unchanged, or emptied: nothing to correct.
    if (text.isEmpty() || text == it->second)
        return;
    Q_EMIT cellEdited(it->first, text);
}

void TableCellDelegate::destroyEditor(QWidget *editor, const QModelIndex &index) const
{
    m_editing.remove(editor);
    QStyledItemDelegate::destroyEditor(editor, index);
}
