#include "entityfilterproxy.h"

#include "entitytreemodel.h"
#include "model/entitytypes.h"
#include "review/reviewstore.h"

#include <QtCore/QSet>

using namespace Qt::StringLiterals;

EntityFilterProxy::EntityFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(EntityTreeModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void EntityFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<EntityTreeModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void EntityFilterProxy::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_pinned.clear(); // a filter the reviewer sets applies to every row
    invalidateRowsFilter();
}

void EntityFilterProxy::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    m_pinned.clear(); // a filter the reviewer sets applies to every row
    invalidateRowsFilter();
}

void EntityFilterProxy::setStatuses(const QList<EntityStatus> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    m_pinned.clear(); // a filter the reviewer sets applies to every row
    invalidateRowsFilter();
}

void EntityFilterProxy::setMinimumConfidence(double confidence)
{
    if (qFuzzyCompare(1.0 + confidence, 1.0 + m_minimumConfidence))
        return;
    m_minimumConfidence = confidence;
    m_pinned.clear(); // a filter the reviewer sets applies to every row
    invalidateRowsFilter();
}

void EntityFilterProxy::setXbrlCheck(XbrlCheck check)
{
    if (check == m_xbrlCheck)
        return;
    m_xbrlCheck = check;
    m_pinned.clear(); // a filter the reviewer sets applies to every row
    invalidateRowsFilter();
}

void EntityFilterProxy::setPeriod(const QString &period)
{
    if (period == m_period)
        return;
    m_period = period;
    m_pinned.clear(); // a filter the reviewer sets applies to every row
    invalidateRowsFilter();
}

bool EntityFilterProxy::isCustomConcept(const QString &concept)
{
    // The prefixes of the taxonomies EDGAR publishes; anything else is the filer's own.
    static const QSet<QString> standard = {
        u"us-gaap"_s, u"dei"_s, u"srt"_s, u"ifrs-full"_s, u"ifrs"_s, u"country"_s, u"currency"_s,
        u"exch"_s, u"naics"_s, u"sic"_s, u"stpr"_s, u"ecd"_s, u"cyd"_s, u"invest"_s, u"utr"_s,
        u"iso4217"_s, u"xbrli"_s, u"xbrldt"_s, u"ref"_s, u"rr"_s, u"oef"_s, u"vip"_s, u"ffd"_s,
        u"spac"_s, u"sbs"_s, u"rxp"_s, u"cef"_s, u"fnd"_s,
    };
    const qsizetype colon = concept.indexOf(u':');
    return colon > 0 && !standard.contains(concept.left(colon).toLower());
}

void EntityFilterProxy::setPinnedEntity(const QString &id)
{
    if (id == m_pinned)
        return;
    const auto passes = [this](const QString &entityId) {
        const ReviewStore *store = m_model ? m_model->store() : nullptr;
        const Entity *e = store && !entityId.isEmpty() ? store->entity(entityId) : nullptr;
        return !e || acceptsEntity(*e);
    };
    // Only an entity that fails the filters is kept (or let go) by the pin.
    const bool changesRows = isFiltering() && (!passes(m_pinned) || !passes(id));
    m_pinned = id;
    if (changesRows)
        invalidateRowsFilter();
}

QVariant EntityFilterProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && isFiltering() && index.column() == EntityTreeModel::ValueColumn
        && index.data(EntityTreeModel::KindRole).toInt() == int(EntityTreeModel::Kind::Category)) {
        int shown = 0;
        const QModelIndex source = mapToSource(index);
        const int groups = rowCount(index);
        for (int g = 0; g < groups; ++g)
            shown += rowCount(this->index(g, 0, index));
        const int all = int(m_model->entityIds(source).size());
        return tr("%1 · %2 of %3").arg(index.data(EntityTreeModel::CategoryRole).toString()).arg(shown).arg(all);
    }
    return QSortFilterProxyModel::data(index, role);
}

bool EntityFilterProxy::hasChildren(const QModelIndex &parent) const
{
    // The tree asks this of every row it lays out; the base class answers by building
    // (filtering and sorting) the row's children, for each value row of a 10-K's thousands
    // when the entities arrive. A category or value row never is empty: the model drops
    // it with its last mention, and while filters are set it is shown only when one of its
    // mentions passes (recursive filtering).
    if (m_model && parent.isValid() && parent.model() == this) {
        const EntityTreeModel::Kind kind = m_model->kind(mapToSource(parent));
        if (kind == EntityTreeModel::Kind::Category || kind == EntityTreeModel::Kind::Group)
            return true;
    }
    return QSortFilterProxyModel::hasChildren(parent);
}

bool EntityFilterProxy::isFiltering() const
{
    return !m_text.trimmed().isEmpty() || !m_category.isEmpty() || !m_statuses.isEmpty()
        || m_minimumConfidence > 0.0 || m_xbrlCheck != XbrlCheck::Any || !m_period.isEmpty();
}

bool EntityFilterProxy::acceptsEntity(const Entity &e) const
{
    if (!m_category.isEmpty() && EntityTypes::categoryOf(e.type) != m_category)
        return false;
    if (!m_statuses.isEmpty() && !m_statuses.contains(e.status))
        return false;
    // A small tolerance so "0.90" shown in the tree passes a 0.90 minimum.
    if (e.confidence + 1e-9 < m_minimumConfidence)
        return false;
    const bool fact = EntityTreeModel::isXbrlFact(e);
    switch (m_xbrlCheck) {
    case XbrlCheck::Any:
        break;
    case XbrlCheck::Differs:
    case XbrlCheck::Untagged:
        if (e.attributes.value(u"xbrl"_s)
            != (m_xbrlCheck == XbrlCheck::Differs ? u"differs"_s : u"untagged"_s))
            return false;
        break;
    case XbrlCheck::HiddenFacts:
        if (!fact || e.attributes.value(u"hidden"_s) != u"true"_s)
            return false;
        break;
    case XbrlCheck::CustomConcepts:
        if (!fact || !isCustomConcept(e.attributes.value(u"concept"_s)))
            return false;
        break;
    }
    if (!m_period.isEmpty() && (!fact || e.attributes.value(u"period"_s) != m_period))
        return false;
    const QString needle = m_text.trimmed();
    if (needle.isEmpty())
        return true;
    return e.value.contains(needle, Qt::CaseInsensitive)
        || e.text.contains(needle, Qt::CaseInsensitive)
        || (fact && e.attributes.value(u"concept"_s).contains(needle, Qt::CaseInsensitive))
        || e.note.contains(needle, Qt::CaseInsensitive)
        || e.type.contains(needle, Qt::CaseInsensitive)
        || EntityTypes::type(e.type).label.contains(needle, Qt::CaseInsensitive);
}

bool EntityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || !isFiltering())
        return true;
    const QModelIndex index = m_model->index(sourceRow, 0, sourceParent);
    switch (m_model->kind(index)) {
    case EntityTreeModel::Kind::Category:
    case EntityTreeModel::Kind::Group:
        // Visible exactly when one of their mentions is (recursive filtering).
        return false;
    case EntityTreeModel::Kind::Mention:
        break;
    }
    const QString id = m_model->entityId(index);
    if (!m_pinned.isEmpty() && id == m_pinned)
        return true;
    const ReviewStore *store = m_model->store();
    const Entity *e = store ? store->entity(id) : nullptr;
    return e && acceptsEntity(*e);
}

bool EntityFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_model && m_model->kind(left) == EntityTreeModel::Kind::Category) {
        // Fixed category order in either sort direction.
        const bool less = left.row() < right.row();
        return sortOrder() == Qt::AscendingOrder ? less : !less;
    }
    if (sortColumn() == EntityTreeModel::PageColumn) {
        // The facts of one concept stand by period, the latest first (as the period
        // filter lists them and statements print them), each period's facts without
        // dimensions before those of a member.
        const QStringList pl = left.data(EntityTreeModel::PeriodRole).toStringList();
        const QStringList pr = right.data(EntityTreeModel::PeriodRole).toStringList();
        if (pl.size() == 3 && pr.size() == 3 && pl != pr) {
            const bool less = pl[0] != pr[0] ? pl[0] > pr[0] : pl[1] != pr[1] ? pl[1] > pr[1] : pl[2] < pr[2];
            return sortOrder() == Qt::AscendingOrder ? less : !less;
        }
    }
    const QVariant l = left.data(EntityTreeModel::SortRole);
    const QVariant r = right.data(EntityTreeModel::SortRole);
    const int c = QVariant::compare(l, r) == QPartialOrdering::Less ? -1
        : QVariant::compare(l, r) == QPartialOrdering::Greater      ? 1
                                                                   : 0;
    if (c != 0)
        return c < 0;
    // Ties by position in the filing, then by row, so the order is stable.
    const auto posL = left.sibling(left.row(), EntityTreeModel::PageColumn).data(EntityTreeModel::SortRole);
    const auto posR = right.sibling(right.row(), EntityTreeModel::PageColumn).data(EntityTreeModel::SortRole);
    if (posL != posR)
        return QVariant::compare(posL, posR) == QPartialOrdering::Less;
    return left.row() < right.row();
}
