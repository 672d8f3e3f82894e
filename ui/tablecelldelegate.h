#pragma once

#include "review/tableref.h"

#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtWidgets/QStyledItemDelegate>

class TableGridModel;

// Edits a grid cell in place (F2 or typing; Enter commits, Escape drops). The cell is
// named when the edit begins: what is typed goes to that cell of that table, even when
// the grid was refreshed or shows another table by the time the edit ends.
class TableCellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // `refOf` names the cell at an index as the edit begins.
    using RefOf = std::function<TableRef(const QModelIndex &)>;
    TableCellDelegate(RefOf refOf, QObject *parent);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    // A refresh of the grid does not overwrite what the analyst has typed.
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void destroyEditor(QWidget *editor, const QModelIndex &index) const override;

Q_SIGNALS:
    // The analyst committed `text` for the cell named when the edit began.
    void cellEdited(const TableRef &cell, const QString &text) const;

private:
    RefOf m_refOf;
    mutable QHash<const QWidget *, std::pair<TableRef, QString>> m_editing; // editor → cell, text shown
};
