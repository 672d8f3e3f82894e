#pragma once

#include "model/entity.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class EntityFilterProxy;
class EntityTreeModel;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTreeView;
#include "review/reviewstore.h"

// The entity side of the window: a filter row (text, category, status, minimum
// confidence; XBRL check and period for an inline-XBRL filing), the tree of entities and a legend of the highlight colours.
// Selecting a row announces its entity; selectEntity() does the reverse.
class EntityPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit EntityPanel(QWidget *parent = nullptr);

    void setStore(ReviewStore *store);
    EntityTreeModel *model() const { return m_model; }
    EntityFilterProxy *filter() const { return m_proxy; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    // The XBRL check and fact period choices, shown when the filing has XBRL facts
    // or amounts checked against them.
    QComboBox *xbrlBox() const { return m_xbrlBox; }
    QComboBox *periodBox() const { return m_periodBox; }

    // The entity of the current row (the first mention for a value row).
    QString currentEntityId() const;
    // Every mention under the selected rows, without duplicates, in tree order.
    QStringList selectedEntityIds() const;
    // Every mention of the value row the current row belongs to.
    QStringList currentGroupIds() const;
    // True when the current row is a value row (all mentions of one value).
    bool currentRowIsGroup() const;
    // Every mention the tree shows now (the filters applied), in tree order.
    QStringList shownEntityIds() const;
    // The category of the current row; empty when none.
    QString currentCategory() const;
    // Every mention of a category, shown or not.
    QStringList categoryEntityIds(const QString &category) const;
    // Makes the entity's mention current: clears filters hiding it, expands and scrolls.
    bool selectEntity(const QString &id);
    // Moves to the next (or previous) unreviewed mention in tree order; false if none.
    bool selectNextUnreviewed(bool forward);

Q_SIGNALS:
    // The current row changed; id is empty when no entity is current.
    void currentEntityChanged(const QString &id);
    // Enter or double click on a row.
    void entityActivated(const QString &id);
    // Escape in the filter row: the reviewer goes back to the entities.
    void leaveRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentChanged();
    void pinCurrent();
    void rebuildLegend();
    void spanCategories();
    void updateEmptyLabel();
    void updateXbrlFilters();
    void expandCategories();
    void expandFacts();
    static QString factsCategory();
    QModelIndex proxyIndexOf(const QString &id);
    QList<QModelIndex> shownMentions() const;

    QPointer<ReviewStore> m_store;
    EntityTreeModel *m_model;
    EntityFilterProxy *m_proxy;
    QLineEdit *m_filterEdit;
    QComboBox *m_categoryBox;
    QComboBox *m_statusBox;
    QDoubleSpinBox *m_confidenceBox;
    QComboBox *m_xbrlBox;
    QComboBox *m_periodBox;
    QWidget *m_xbrlRow;
    QTreeView *m_tree;
    QLabel *m_legend;
    QLabel *m_emptyLabel;
    QString m_lastId;
    // Set while the current entity's row is taken out and put back in its new
    // place; the transient current rows of that move are not announced.
    QString m_following;
};
