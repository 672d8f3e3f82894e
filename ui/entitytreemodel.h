#pragma once

#include "model/entity.h"

#include <QtCore/QAbstractItemModel>
#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtGui/QColor>
#include <QtGui/QIcon>

#include <memory>
#include <vector>

#include "review/reviewstore.h"

// The entities of a ReviewStore as a tree: category ▸ value (one row per type and
// value, with the count of its mentions) ▸ each mention (page and context). XBRL
// facts are grouped by concept instead, each mention showing period, value and unit.
// Follows the store with targeted signals; resets only when the store does.
class EntityTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { ValueColumn, TypeColumn, PageColumn, ConfidenceColumn, StatusColumn, ColumnCount };
    enum class Kind { Category, Group, Mention };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(Kind)
        EntityIdRole,   // mention: its id; group: its first mention's id; category: empty
        EntityIdsRole,  // QStringList of every mention below (or the mention itself)
        SpanRole,       // SourceSpan of the mention (first mention for a group)
        StatusRole,     // int(EntityStatus); -1 for a group of mixed statuses and categories
        ConfidenceRole, // double
        TypeRole,       // type key (groups and mentions)
        CategoryRole,   // category name
        SortRole,       // a comparable value for the column
        PeriodRole,     // an XBRL fact's mention: {period end, period start, dimensions}, to order by
    };

    explicit EntityTreeModel(QObject *parent = nullptr);
    ~EntityTreeModel() override;

    // The store is not owned; nullptr shows nothing.
    void setStore(ReviewStore *store);
    ReviewStore *store() const { return m_store; }

    QModelIndex indexOfEntity(const QString &id, int column = 0) const;
    QModelIndex indexOfCategory(const QString &category) const;
    Kind kind(const QModelIndex &index) const;
    QString entityId(const QModelIndex &index) const;
    QStringList entityIds(const QModelIndex &index) const;

    static QString statusLabel(EntityStatus status);
    static QColor statusColor(EntityStatus status);
    static QIcon statusIcon(EntityStatus status);
    static QIcon mixedIcon(); // a value whose mentions differ in status
    // A printed amount that disagrees with the filing's own XBRL tag (xbrl=differs).
    static QIcon warningIcon();
    static QColor warningColor();
    static bool differsFromXbrl(const Entity &entity);
    static bool isXbrlFact(const Entity &entity);
    // An XBRL fact's mention row: "47061000000 USD · 2024-01-01/2024-12-31 · [Axis=Member]".
    static QString factSummary(const Entity &entity);
    // The colour a category is shown in, in the tree and in the legend alike.
    static QColor categoryColor(const QString &category);
    // "…of ImmunoGen, Inc. (the Company)…": the mention with a little context.
    static QString snippet(const ReviewStore &store, const Entity &entity, int context = 24);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // A mention leaves its row for another group (its value or type changed): the
    // row is removed and inserted again between these two signals, so a view can
    // keep following the entity instead of the neighbour that takes its place.
    void mentionAboutToMove(const QString &id);
    void mentionMoved(const QString &id);

private:
    struct Node;
    void rebuild();
    void insertMention(const Entity &entity);
    void removeMention(const QString &id);
    void onEntityChanged(int row);
    void onEntityInserted(int row);
    void onEntityAboutToBeRemoved(int row);
    QModelIndex indexOf(const Node *node, int column = 0) const;
    Node *nodeOf(const QModelIndex &index) const;
    int categoryPosition(const QString &category) const;
    void emitRowChanged(const Node *node);
    static QString groupKey(const Entity &entity);
    static QString groupValue(const Entity &entity);
    static void renumber(Node *parent, int from);
    QVariant categoryData(const Node *node, int column, int role) const;
    QVariant groupData(const Node *node, int column, int role) const;
    QVariant mentionData(const Node *node, int column, int role) const;

    QPointer<ReviewStore> m_store;
    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_mentions; // entity id -> node
    QHash<QString, Node *> m_groups;   // group key -> node
    QList<QMetaObject::Connection> m_connections;
};
