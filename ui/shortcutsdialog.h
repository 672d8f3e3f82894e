#pragma once

#include <QtWidgets/QDialog>

class QMenu;
class QTreeWidget;

// Help ▸ Keyboard Shortcuts: every action of the given menus that has a shortcut,
// grouped by menu, read from the actions themselves so the list never goes stale.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QMenu *> &menus, QWidget *parent = nullptr);
    // "Menu\tAction\tShortcut" lines, for tests.
    QStringList lines() const;

private:
    QTreeWidget *m_tree;
};
