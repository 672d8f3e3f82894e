#include "entitytreemodel.h"

#include "model/entitytypes.h"
#include "review/reviewstore.h"

#include <QtGui/QFont>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtGui/QPixmap>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

struct EntityTreeModel::Node
{
    Kind kind = Kind::Category;
    Node *parent = nullptr;
    int row = 0;
    QString key;   // category name, group key or entity id
    QString type;  // groups: type key
    QString value; // groups: the value shown
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child, int at)
    {
        child->parent = this;
        Node *raw = child.get();
        children.insert(children.begin() + at, std::move(child));
        renumber(this, at);
        return raw;
    }
};

EntityTreeModel::EntityTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

EntityTreeModel::~EntityTreeModel() = default;

void EntityTreeModel::setStore(ReviewStore *store)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    beginResetModel();
    m_store = store;
    rebuild();
    endResetModel();
    if (!store)
        return;
    m_connections << connect(store, &ReviewStore::modelAboutToReset, this,
                             [this] { beginResetModel(); });
    m_connections << connect(store, &ReviewStore::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    m_connections << connect(store, &ReviewStore::entityChanged, this, &EntityTreeModel::onEntityChanged);
    m_connections << connect(store, &ReviewStore::entityInserted, this, &EntityTreeModel::onEntityInserted);
    m_connections << connect(store, &ReviewStore::entityAboutToBeRemoved, this,
                             &EntityTreeModel::onEntityAboutToBeRemoved);
    m_connections << connect(store, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_store = nullptr;
        rebuild();
        endResetModel();
    });
}

QString EntityTreeModel::groupKey(const Entity &entity)
{
    // A filing tags thousands of facts, most of them with a value of their own: they
    // are grouped by concept, each mention row saying its period, value and unit.
    if (isXbrlFact(entity))
        return entity.type + QChar(0x1f) + entity.attributes.value(u"concept"_s);
    return entity.type + QChar(0x1f) + entity.value;
}

QString EntityTreeModel::groupValue(const Entity &entity)
{
    return isXbrlFact(entity) ? entity.attributes.value(u"concept"_s) : entity.value;
}

bool EntityTreeModel::isXbrlFact(const Entity &entity)
{
    return entity.type == u"xbrl_fact"_s;
}

bool EntityTreeModel::differsFromXbrl(const Entity &entity)
{
    return entity.attributes.value(u"xbrl"_s) == u"differs"_s;
}

QString EntityTreeModel::factSummary(const Entity &entity)
{
    const auto &a = entity.attributes;
    QString value;
    if (a.contains(u"error"_s))
        value = tr("unreadable");
    else if (a.value(u"nil"_s) == u"true"_s)
        value = tr("nil");
    else
        value = entity.value.simplified();
    // The value first: it is what a reviewer checks, and what a narrow column keeps.
    QStringList parts;
    QString shown = value;
    if (!a.value(u"unit"_s).isEmpty() && a.value(u"unit"_s) != u"pure"_s)
        shown += u' ' + a.value(u"unit"_s);
    parts << shown;
    if (!a.value(u"period"_s).isEmpty())
        parts << a.value(u"period"_s);
    if (!a.value(u"dimensions"_s).isEmpty())
        parts << u'[' + a.value(u"dimensions"_s) + u']';
    if (a.value(u"hidden"_s) == u"true"_s)
        parts << tr("hidden");
    return parts.join(u" · "_s);
}

QIcon EntityTreeModel::warningIcon()
{
    static const QIcon icon = [] {
        QIcon result;
        for (const int scale : {1, 2}) {
            QPixmap px(16 * scale, 16 * scale);
            px.fill(Qt::transparent);
            px.setDevicePixelRatio(scale);
            QPainter p(&px);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(warningColor().darker(130), 1.0));
            p.setBrush(warningColor());
            p.drawPolygon(QPolygonF({QPointF(8, 1.5), QPointF(15, 14.5), QPointF(1, 14.5)}));
            const QPen mark(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap);
            p.setPen(mark);
            p.drawLine(QPointF(8, 6), QPointF(8, 9.8));
            p.drawPoint(QPointF(8, 12.3));
            p.end();
            result.addPixmap(px);
        }
        return result;
    }();
    return icon;
}

QColor EntityTreeModel::warningColor()
{
    return QColor(0xc2, 0x5e, 0x00);
}

void EntityTreeModel::renumber(Node *parent, int from)
{
    for (int i = from; i < int(parent->children.size()); ++i)
        parent->children[size_t(i)]->row = i;
}

int EntityTreeModel::categoryPosition(const QString &category) const
{
    static const QStringList order = EntityTypes::categories();
    const auto rank = [](const QString &c) {
        const int i = int(order.indexOf(c));
        return i < 0 ? int(order.size()) : i;
    };
    const int r = rank(category);
    int pos = 0;
    for (const auto &c : m_root->children) {
        const int cr = rank(c->key);
        if (cr > r || (cr == r && c->key > category))
            break;
        ++pos;
    }
    return pos;
}

// Build the whole tree without signals; callers wrap it in a reset.
void EntityTreeModel::rebuild()
{
    m_root = std::make_unique<Node>();
    m_mentions.clear();
    m_groups.clear();
    if (!m_store)
        return;
    QHash<QString, Node *> categories;
    // A 10-K brings thousands of entities of a few dozen types: the category is looked up
    // once per type (EntityTypes takes a lock and scans its list for it).
    QHash<QString, Node *> categoryOfType;
    m_mentions.reserve(m_store->count());
    for (const Entity &e : m_store->entities()) {
        Node *cat = categoryOfType.value(e.type);
        if (!cat) {
            const QString category = EntityTypes::categoryOf(e.type);
            cat = categories.value(category);
            if (!cat) {
                auto node = std::make_unique<Node>();
                node->kind = Kind::Category;
                node->key = category;
                cat = m_root->add(std::move(node), categoryPosition(category));
                categories.insert(category, cat);
            }
            categoryOfType.insert(e.type, cat);
        }
        const QString gk = groupKey(e);
        Node *group = m_groups.value(gk);
        if (!group) {
            auto node = std::make_unique<Node>();
            node->kind = Kind::Group;
            node->key = gk;
            node->type = e.type;
            node->value = groupValue(e);
            group = cat->add(std::move(node), int(cat->children.size()));
            m_groups.insert(gk, group);
        }
        auto mention = std::make_unique<Node>();
        mention->kind = Kind::Mention;
        mention->key = e.id;
        m_mentions.insert(e.id, group->add(std::move(mention), int(group->children.size())));
    }
}

void EntityTreeModel::insertMention(const Entity &e)
{
    if (m_mentions.contains(e.id))
        return;
    auto mention = std::make_unique<Node>();
    mention->kind = Kind::Mention;
    mention->key = e.id;

    const QString gk = groupKey(e);
    if (Node *group = m_groups.value(gk)) {
        const int at = int(group->children.size());
        beginInsertRows(indexOf(group), at, at);
        m_mentions.insert(e.id, group->add(std::move(mention), at));
        endInsertRows();
        emitRowChanged(group);
        emitRowChanged(group->parent);
        return;
    }

    auto group = std::make_unique<Node>();
    group->kind = Kind::Group;
    group->key = gk;
    group->type = e.type;
    group->value = groupValue(e);
    Node *mentionNode = group->add(std::move(mention), 0);

    const QString category = EntityTypes::categoryOf(e.type);
    const QModelIndex catIndex = indexOfCategory(category);
    if (catIndex.isValid()) {
        Node *cat = nodeOf(catIndex);
        const int at = int(cat->children.size());
        beginInsertRows(catIndex, at, at);
        m_groups.insert(gk, cat->add(std::move(group), at));
        m_mentions.insert(e.id, mentionNode);
        endInsertRows();
        emitRowChanged(cat);
        return;
    }
    auto cat = std::make_unique<Node>();
    cat->kind = Kind::Category;
    cat->key = category;
    m_groups.insert(gk, cat->add(std::move(group), 0));
    m_mentions.insert(e.id, mentionNode);
    const int at = categoryPosition(category);
    beginInsertRows({}, at, at);
    m_root->add(std::move(cat), at);
    endInsertRows();
}

void EntityTreeModel::removeMention(const QString &id)
{
    Node *mention = m_mentions.value(id);
    if (!mention)
        return;
    // Remove the highest node that would be left empty.
    Node *victim = mention;
    while (victim->parent != m_root.get() && victim->parent->children.size() == 1)
        victim = victim->parent;
    Node *parent = victim->parent;
    const int row = victim->row;
    beginRemoveRows(indexOf(parent), row, row);
    m_mentions.remove(id);
    if (victim->kind != Kind::Mention) {
        // Forget the groups under the node going away.
        std::vector<const Node *> stack{victim};
        while (!stack.empty()) {
            const Node *n = stack.back();
            stack.pop_back();
            if (n->kind == Kind::Group)
                m_groups.remove(n->key);
            for (const auto &c : n->children)
                stack.push_back(c.get());
        }
    }
    parent->children.erase(parent->children.begin() + row);
    renumber(parent, row);
    endRemoveRows();
    for (Node *n = parent; n && n != m_root.get(); n = n->parent)
        emitRowChanged(n);
}

void EntityTreeModel::onEntityChanged(int row)
{
    if (!m_store || row < 0 || row >= m_store->count())
        return;
    const Entity &e = m_store->entities().at(row);
    Node *mention = m_mentions.value(e.id);
    if (!mention) {
        insertMention(e);
        return;
    }
    if (mention->parent->key != groupKey(e)) {
        Q_EMIT mentionAboutToMove(e.id);
        removeMention(e.id);
        insertMention(e);
        Q_EMIT mentionMoved(e.id);
        return;
    }
    emitRowChanged(mention);
    emitRowChanged(mention->parent);
    emitRowChanged(mention->parent->parent);
}

void EntityTreeModel::onEntityInserted(int row)
{
    if (m_store && row >= 0 && row < m_store->count())
        insertMention(m_store->entities().at(row));
}

void EntityTreeModel::onEntityAboutToBeRemoved(int row)
{
    if (m_store && row >= 0 && row < m_store->count())
        removeMention(m_store->entities().at(row).id);
}

void EntityTreeModel::emitRowChanged(const Node *node)
{
    if (!node || node == m_root.get())
        return;
    Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
}

QModelIndex EntityTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

EntityTreeModel::Node *EntityTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    Q_ASSERT(index.model() == this);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex EntityTreeModel::indexOfEntity(const QString &id, int column) const
{
    return indexOf(m_mentions.value(id), column);
}

QModelIndex EntityTreeModel::indexOfCategory(const QString &category) const
{
    for (const auto &c : m_root->children)
        if (c->key == category)
            return indexOf(c.get());
    return {};
}

EntityTreeModel::Kind EntityTreeModel::kind(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->kind : Kind::Category;
}

QString EntityTreeModel::entityId(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    switch (n->kind) {
    case Kind::Mention:
        return n->key;
    case Kind::Group:
        return n->children.empty() ? QString() : n->children.front()->key;
    case Kind::Category:
        break;
    }
    return {};
}

QStringList EntityTreeModel::entityIds(const QModelIndex &index) const
{
    QStringList ids;
    if (!index.isValid())
        return ids;
    std::vector<const Node *> stack{nodeOf(index)};
    while (!stack.empty()) {
        const Node *n = stack.back();
        stack.pop_back();
        if (n->kind == Kind::Mention)
            ids << n->key;
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return ids;
}

QModelIndex EntityTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node *p = nodeOf(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex EntityTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int EntityTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int EntityTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags EntityTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant EntityTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ValueColumn: return tr("Value");
    case TypeColumn: return tr("Type");
    case PageColumn: return tr("Page");
    case ConfidenceColumn: return tr("Confidence");
    case StatusColumn: return tr("Status");
    }
    return {};
}

QVariant EntityTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_store)
        return {};
    const Node *n = nodeOf(index);
    switch (n->kind) {
    case Kind::Category: return categoryData(n, index.column(), role);
    case Kind::Group: return groupData(n, index.column(), role);
    case Kind::Mention: return mentionData(n, index.column(), role);
    }
    return {};
}

QColor EntityTreeModel::categoryColor(const QString &category)
{
    for (const EntityType &t : EntityTypes::all())
        if (t.category == category)
            return t.color;
    return QColor(Qt::gray);
}

QVariant EntityTreeModel::categoryData(const Node *node, int column, int role) const
{
    int mentions = 0;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        for (const auto &g : node->children)
            mentions += int(g->children.size());
    switch (role) {
    case Qt::DisplayRole:
        // The row spans every column in the view (EntityPanel).
        if (column == ValueColumn)
            return tr("%1 · %2").arg(node->key).arg(mentions);
        return {};
    case Qt::ToolTipRole:
        return tr("%1: %2").arg(node->key, mentions == 1 ? tr("1 mention") : tr("%1 mentions").arg(mentions));
    case Qt::FontRole: {
        QFont f;
        f.setBold(true);
        return f;
    }
    case Qt::DecorationRole:
        if (column == ValueColumn && !node->children.empty()) {
            QPixmap px(12, 12);
            px.fill(Qt::transparent);
            QPainter p(&px);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(categoryColor(node->key));
            p.drawRoundedRect(QRectF(1, 1, 10, 10), 2, 2);
            return QIcon(px);
        }
        return {};
    case KindRole: return int(Kind::Category);
    case CategoryRole: return node->key;
    case StatusRole: return -1;
    case EntityIdsRole: return entityIds(indexOf(node));
    case SortRole: return node->row;
    }
    return {};
}

QVariant EntityTreeModel::groupData(const Node *node, int column, int role) const
{
    if (role == SortRole && column == PageColumn) {
        // Asked for every comparison of a sort: only the first place, without the rest.
        SourceSpan first;
        for (const auto &c : node->children) {
            const Entity *e = m_store->entity(c->key);
            if (e && e->span.isValid() && (!first.isValid() || e->span < first))
                first = e->span;
        }
        return first.isValid() ? qint64(first.page) * 100000000 + first.start
                               : std::numeric_limits<qint64>::max();
    }
    std::vector<const Entity *> mentions;
    mentions.reserve(node->children.size());
    for (const auto &c : node->children)
        if (const Entity *e = m_store->entity(c->key))
            mentions.push_back(e);
    if (mentions.empty())
        return {};
    const Entity *first = mentions.front();
    double confidence = 0;
    int status = int(first->status);
    SourceSpan firstSpan = first->span;
    int differs = 0;
    for (const Entity *e : mentions) {
        confidence = std::max(confidence, e->confidence);
        if (differsFromXbrl(*e))
            ++differs;
        if (int(e->status) != status)
            status = -1;
        if (e->span.isValid() && (!firstSpan.isValid() || e->span < firstSpan))
            firstSpan = e->span;
    }
    const int count = int(mentions.size());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ValueColumn:
            return count > 1 ? tr("%1 (%2)").arg(node->value).arg(count) : node->value;
        case TypeColumn: return EntityTypes::type(node->type).label;
        case PageColumn: return firstSpan.isValid() ? QVariant(firstSpan.page + 1) : QVariant();
        case ConfidenceColumn: return QString::number(confidence, 'f', 2);
        case StatusColumn:
            return {}; // an icon; the label is the tooltip
        }
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return status >= 0 ? statusIcon(EntityStatus(status)) : mixedIcon();
        if (column == ValueColumn && differs > 0)
            return warningIcon();
        return {};
    case Qt::ForegroundRole:
        if (status == int(EntityStatus::Rejected))
            return QColor(0x80, 0x80, 0x80);
        if (differs > 0 && column == ValueColumn)
            return warningColor();
        return {};
    case Qt::FontRole:
        if (status == int(EntityStatus::Rejected) && column == ValueColumn) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == PageColumn || column == ConfidenceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == StatusColumn)
            return status < 0 ? tr("Mixed") : statusLabel(EntityStatus(status));
        if (differs > 0)
            return tr("%1 · %2 · %3 disagree with the filing's XBRL tags")
                .arg(EntityTypes::type(node->type).label, node->value)
                .arg(differs);
        return tr("%1 · %2 · %3")
            .arg(EntityTypes::type(node->type).label, node->value,
                 count == 1 ? tr("1 mention") : tr("%1 mentions").arg(count));
    case KindRole: return int(Kind::Group);
    case EntityIdRole: return first->id;
    case EntityIdsRole: return entityIds(indexOf(node));
    case SpanRole: return QVariant::fromValue(firstSpan);
    case StatusRole: return status;
    case ConfidenceRole: return confidence;
    case TypeRole: return node->type;
    case CategoryRole: return node->parent->key;
    case SortRole:
        switch (column) {
        case ValueColumn: return node->value.toLower();
        case TypeColumn: return EntityTypes::type(node->type).label;
        case PageColumn:
            return firstSpan.isValid() ? qint64(firstSpan.page) * 100000000 + firstSpan.start
                                       : std::numeric_limits<qint64>::max();
        case ConfidenceColumn: return confidence;
        case StatusColumn: return status;
        }
        return {};
    }
    return {};
}

QVariant EntityTreeModel::mentionData(const Node *node, int column, int role) const
{
    const Entity *e = m_store->entity(node->key);
    if (!e)
        return {};
    const bool rejected = e->status == EntityStatus::Rejected;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ValueColumn:
            if (e->orphan)
                return tr("Not found: “%1”").arg(e->text.simplified());
            if (isXbrlFact(*e))
                return factSummary(*e);
            return snippet(*m_store, *e, 14);
        case TypeColumn: return EntityTypes::type(e->type).label;
        case PageColumn: return e->span.isValid() && !e->orphan ? QVariant(e->span.page + 1) : QVariant();
        case ConfidenceColumn: return QString::number(e->confidence, 'f', 2);
        case StatusColumn: return {}; // an icon; the label is the tooltip
        }
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return statusIcon(e->status);
        if (column == ValueColumn && differsFromXbrl(*e))
            return warningIcon();
        return {};
    case Qt::ForegroundRole:
        if (rejected || e->orphan)
            return QColor(0x80, 0x80, 0x80);
        if (column == ValueColumn && differsFromXbrl(*e))
            return warningColor();
        return {};
    case Qt::FontRole:
        if ((rejected && column == ValueColumn) || e->orphan) {
            QFont f;
            f.setStrikeOut(rejected);
            f.setItalic(e->orphan);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == PageColumn || column == ConfidenceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == StatusColumn)
            return statusLabel(e->status);
        if (column == ValueColumn && differsFromXbrl(*e))
            return tr("%1\nDisagrees with the filing's XBRL: printed %2, tagged %3")
                .arg(snippet(*m_store, *e, 80), e->value, e->attributes.value(u"xbrlValue"_s));
        if (column == ValueColumn && isXbrlFact(*e)) {
            const QString concept = e->attributes.value(u"concept"_s);
            if (e->span.isValid())
                return u"%1\n%2"_s.arg(concept, snippet(*m_store, *e, 80));
            if (e->attributes.value(u"hidden"_s) == u"true"_s)
                return tr("%1\nHidden in the filing's XBRL (no place in the text)").arg(concept);
            return tr("%1\nNot shown in the filing (nil, no text, or hidden by its styling)").arg(concept);
        }
        if (column == ValueColumn)
            return snippet(*m_store, *e, 80);
        return tr("%1 · %2 · %3 · %4")
            .arg(EntityTypes::type(e->type).label, e->value, QString::number(e->confidence, 'f', 2),
                 statusLabel(e->status));
    case KindRole: return int(Kind::Mention);
    case EntityIdRole: return e->id;
    case EntityIdsRole: return QStringList{e->id};
    case SpanRole: return QVariant::fromValue(e->span);
    case StatusRole: return int(e->status);
    case ConfidenceRole: return e->confidence;
    case TypeRole: return e->type;
    case CategoryRole: return node->parent->parent->key;
    case PeriodRole: {
        if (!isXbrlFact(*e))
            return {};
        // "2024-01-01/2024-12-31" and "2024-12-31" as their end, their start and their
        // dimensions (none: "0").
        const QString period = e->attributes.value(u"period"_s);
        const qsizetype slash = period.indexOf(u'/');
        const QString end = slash < 0 ? period : period.mid(slash + 1);
        const QString start = slash < 0 ? period : period.left(slash);
        const QString dims = e->attributes.value(u"dimensions"_s);
        return QStringList{end, start, dims.isEmpty() ? u"0"_s : u"1 "_s + dims};
    }
    case SortRole:
        switch (column) {
        case ValueColumn: return isXbrlFact(*e) ? factSummary(*e) : e->text.toLower();
        case TypeColumn: return EntityTypes::type(e->type).label;
        case PageColumn: return qint64(e->span.page) * 100000000 + e->span.start;
        case ConfidenceColumn: return e->confidence;
        case StatusColumn: return int(e->status);
        }
        return {};
    }
    return {};
}

QString EntityTreeModel::snippet(const ReviewStore &store, const Entity &entity, int context)
{
    const TextLayer &text = store.content().text;
    if (!entity.span.isValid() || entity.span.page >= text.pageCount())
        return entity.text.simplified();
    const QString before = text.prefix(entity.span, context).simplified();
    const QString after = text.suffix(entity.span, context).simplified();
    QString s;
    if (!before.isEmpty())
        s += u"…"_s + before + u' ';
    s += text.textAt(entity.span).simplified();
    if (!after.isEmpty())
        s += u' ' + after + u"…"_s;
    return s;
}

QString EntityTreeModel::statusLabel(EntityStatus status)
{
    switch (status) {
    case EntityStatus::Auto: return tr("Unreviewed");
    case EntityStatus::Confirmed: return tr("Confirmed");
    case EntityStatus::Corrected: return tr("Corrected");
    case EntityStatus::Added: return tr("Added");
    case EntityStatus::Rejected: return tr("Rejected");
    }
    return {};
}

QColor EntityTreeModel::statusColor(EntityStatus status)
{
    switch (status) {
    case EntityStatus::Auto: return QColor(0x6b, 0x6b, 0x6b);
    case EntityStatus::Confirmed: return QColor(0x1e, 0x7b, 0x34);
    case EntityStatus::Corrected: return QColor(0x1f, 0x5f, 0xb4);
    case EntityStatus::Added: return QColor(0x6f, 0x42, 0xc1);
    case EntityStatus::Rejected: return QColor(0xb0, 0x2a, 0x2a);
    }
    return {};
}

QIcon EntityTreeModel::statusIcon(EntityStatus status)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(status));
    if (it != cache.cend())
        return *it;
    QIcon icon;
    for (const int scale : {1, 2}) {
        QPixmap px(16 * scale, 16 * scale);
        px.fill(Qt::transparent);
        px.setDevicePixelRatio(scale);
        QPainter p(&px);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor c = statusColor(status);
        const QRectF disc(2, 2, 12, 12);
        const QPen line(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        // Every decided status is a filled disc with a white mark; open ones a ring.
        if (status != EntityStatus::Auto) {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(disc);
            p.setPen(line);
        }
        switch (status) {
        case EntityStatus::Auto:
            p.setPen(QPen(c, 1.4));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(disc.adjusted(0.7, 0.7, -0.7, -0.7));
            break;
        case EntityStatus::Confirmed:
            p.drawPolyline(QPolygonF({QPointF(5, 8.2), QPointF(7.2, 10.4), QPointF(11, 5.8)}));
            break;
        case EntityStatus::Corrected:
            p.drawLine(QPointF(5.5, 10.5), QPointF(10.5, 5.5));
            p.drawLine(QPointF(5.5, 10.5), QPointF(5.3, 10.7));
            break;
        case EntityStatus::Added:
            p.drawLine(QPointF(8, 5), QPointF(8, 11));
            p.drawLine(QPointF(5, 8), QPointF(11, 8));
            break;
        case EntityStatus::Rejected:
            p.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
            p.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5));
            break;
        }
        p.end();
        icon.addPixmap(px);
    }
    cache.insert(int(status), icon);
    return icon;
}

QIcon EntityTreeModel::mixedIcon()
{
    static const QIcon icon = [] {
        QIcon result;
        for (const int scale : {1, 2}) {
            QPixmap px(16 * scale, 16 * scale);
            px.fill(Qt::transparent);
            px.setDevicePixelRatio(scale);
            QPainter p(&px);
            p.setRenderHint(QPainter::Antialiasing);
            const QColor c = statusColor(EntityStatus::Auto);
            p.setPen(QPen(c, 1.4));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(QRectF(2.7, 2.7, 10.6, 10.6));
            // Half filled: some mentions decided, some not.
            QPainterPath half;
            half.moveTo(8, 2.7);
            half.arcTo(QRectF(2.7, 2.7, 10.6, 10.6), 90, -180);
            half.closeSubpath();
            p.fillPath(half, c);
            p.end();
            result.addPixmap(px);
        }
        return result;
    }();
    return icon;
}
