#include "entitypanel.h"

#include "entityfilterproxy.h"
#include "entitytreemodel.h"
#include "model/entitytypes.h"
#include "review/reviewstore.h"

#include <QtGui/QKeyEvent>
#include <QtGui/QResizeEvent>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

#include <QtCore/QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace {
// Status filter choices: label and the statuses they pass (empty: any).
struct StatusChoice
{
    const char *label;
    QList<EntityStatus> statuses;
};

QList<StatusChoice> statusChoices()
{
    return {
        {QT_TRANSLATE_NOOP("EntityPanel", "Any status"), {}},
        {QT_TRANSLATE_NOOP("EntityPanel", "Unreviewed"), {EntityStatus::Auto}},
        {QT_TRANSLATE_NOOP("EntityPanel", "Reviewed"),
         {EntityStatus::Confirmed, EntityStatus::Corrected, EntityStatus::Added}},
        {QT_TRANSLATE_NOOP("EntityPanel", "Not rejected"),
         {EntityStatus::Auto, EntityStatus::Confirmed, EntityStatus::Corrected, EntityStatus::Added}},
        {QT_TRANSLATE_NOOP("EntityPanel", "Confirmed"), {EntityStatus::Confirmed}},
        {QT_TRANSLATE_NOOP("EntityPanel", "Corrected"), {EntityStatus::Corrected}},
        {QT_TRANSLATE_NOOP("EntityPanel", "Added"), {EntityStatus::Added}},
        {QT_TRANSLATE_NOOP("EntityPanel", "Rejected"), {EntityStatus::Rejected}},
    };
}
}

EntityPanel::EntityPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new EntityTreeModel(this))
    , m_proxy(new EntityFilterProxy(this))
    , m_filterEdit(new QLineEdit(this))
    , m_categoryBox(new QComboBox(this))
    , m_statusBox(new QComboBox(this))
    , m_confidenceBox(new QDoubleSpinBox(this))
    , m_xbrlBox(new QComboBox(this))
    , m_periodBox(new QComboBox(this))
    , m_xbrlRow(new QWidget(this))
    , m_tree(new QTreeView(this))
    , m_legend(new QLabel(this))
    , m_emptyLabel(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    // An edit that regroups the current entity (a new value or type) moves its row:
    // the selection follows the entity, never the row that takes its place.
    connect(m_model, &EntityTreeModel::mentionAboutToMove, this, [this](const QString &id) {
        if (id == m_lastId)
            m_following = id;
    });
    connect(m_model, &EntityTreeModel::mentionMoved, this, [this](const QString &id) {
        if (id != m_following)
            return;
        selectEntity(id);
        m_following.clear();
    });

    m_filterEdit->setPlaceholderText(tr("Filter entities"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter entities"));
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        pinCurrent();
        expandFacts();
    });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, [this] { m_tree->setFocus(); });
    m_filterEdit->setToolTip(tr("Filter by value, text, type or note; Escape clears it"));
    m_filterEdit->installEventFilter(this);

    m_categoryBox->addItem(tr("All categories"), QString());
    for (const QString &c : EntityTypes::categories())
        m_categoryBox->addItem(c, c);
    m_categoryBox->setAccessibleName(tr("Category"));
    connect(m_categoryBox, &QComboBox::currentIndexChanged, this,
            [this] {
                m_proxy->setCategory(m_categoryBox->currentData().toString());
                pinCurrent();
                expandFacts();
            });

    for (const auto &choice : statusChoices())
        m_statusBox->addItem(tr(choice.label));
    m_statusBox->setAccessibleName(tr("Status"));
    connect(m_statusBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto choices = statusChoices();
        m_proxy->setStatuses(i >= 0 && i < choices.size() ? choices.at(i).statuses : QList<EntityStatus>{});
        pinCurrent();
    });

    using Check = EntityFilterProxy::XbrlCheck;
    m_xbrlBox->addItem(tr("Any XBRL check"), int(Check::Any));
    m_xbrlBox->addItem(tr("Disagrees with XBRL"), int(Check::Differs));
    m_xbrlBox->addItem(tr("Untagged amounts"), int(Check::Untagged));
    m_xbrlBox->addItem(tr("Hidden facts"), int(Check::HiddenFacts));
    m_xbrlBox->addItem(tr("Custom concepts"), int(Check::CustomConcepts));
    m_xbrlBox->setAccessibleName(tr("XBRL check"));
    m_xbrlBox->setToolTip(tr("Amounts that disagree with the filing's XBRL tags or have none; "
                             "facts hidden in the XBRL or of the filer's own concepts"));
    connect(m_xbrlBox, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setXbrlCheck(EntityFilterProxy::XbrlCheck(m_xbrlBox->currentData().toInt()));
        pinCurrent();
        expandFacts();
    });
    m_periodBox->addItem(tr("Any period"), QString());
    m_periodBox->setAccessibleName(tr("Period"));
    m_periodBox->setToolTip(tr("Only the XBRL facts of one period"));
    connect(m_periodBox, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setPeriod(m_periodBox->currentData().toString());
        pinCurrent();
        expandFacts();
    });

    // The filter row shrinks with the panel; the panel gives way before the filing does.
    for (QComboBox *box : {m_categoryBox, m_statusBox, m_xbrlBox, m_periodBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(4);
    }
    m_tree->setMinimumWidth(160);
    m_confidenceBox->setRange(0.0, 1.0);
    m_confidenceBox->setSingleStep(0.05);
    m_confidenceBox->setDecimals(2);
    m_confidenceBox->setPrefix(tr("≥ "));
    m_confidenceBox->setToolTip(tr("Minimum confidence"));
    m_confidenceBox->setAccessibleName(tr("Minimum confidence"));
    connect(m_confidenceBox, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_proxy->setMinimumConfidence(value);
        pinCurrent();
    });

    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(EntityTreeModel::PageColumn, Qt::AscendingOrder);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setAccessibleName(tr("Entities"));
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(EntityTreeModel::ValueColumn, QHeaderView::Stretch);
    for (int c = EntityTreeModel::TypeColumn; c < EntityTreeModel::ColumnCount; ++c)
        header->setSectionResizeMode(c, QHeaderView::Interactive);
    header->resizeSection(EntityTreeModel::TypeColumn, 112);
    header->resizeSection(EntityTreeModel::PageColumn, 44);
    header->resizeSection(EntityTreeModel::ConfidenceColumn, 76);
    header->resizeSection(EntityTreeModel::StatusColumn, 50);
    header->setMinimumSectionSize(24);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &EntityPanel::onCurrentChanged);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(EntityTreeModel::EntityIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT entityActivated(id);
    });
    // Rows appear at the top level once extraction ends: show the categories open.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        expandCategories();
        spanCategories();
        rebuildLegend();
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EntityPanel::spanCategories);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &EntityPanel::spanCategories);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid()) {
                    for (int r = first; r <= last; ++r)
                        m_tree->expand(m_proxy->index(r, 0));
                    spanCategories();
                }
                updateEmptyLabel();
            });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &EntityPanel::updateEmptyLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EntityPanel::updateEmptyLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EntityPanel::updateXbrlFilters);
    // The category chosen for the last filing stays while this one has entities of it;
    // else the tree would open empty ("XBRL facts" on a PDF): back to every category.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        const QString category = m_categoryBox->currentData().toString();
        if (m_store && m_store->count() > 0 && !category.isEmpty()
            && !m_model->indexOfCategory(category).isValid())
            m_categoryBox->setCurrentIndex(0);
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EntityPanel::updateEmptyLabel);

    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setContentsMargins(4, 2, 4, 2);
    m_legend->setToolTip(tr("Highlight colours by category"));

    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->hide();

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_categoryBox, 2);
    filters->addWidget(m_statusBox, 2);
    filters->addWidget(m_confidenceBox, 1);

    auto *xbrlFilters = new QHBoxLayout(m_xbrlRow);
    xbrlFilters->setContentsMargins(0, 0, 0, 0);
    xbrlFilters->addWidget(m_xbrlBox, 1);
    xbrlFilters->addWidget(m_periodBox, 1);
    m_xbrlRow->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->setSpacing(4);
    layout->addWidget(m_filterEdit);
    layout->addLayout(filters);
    layout->addWidget(m_xbrlRow);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_legend);
    rebuildLegend();
    m_tree->viewport()->installEventFilter(this);
    for (QWidget *w : {static_cast<QWidget *>(m_categoryBox), static_cast<QWidget *>(m_statusBox),
                       static_cast<QWidget *>(m_confidenceBox), static_cast<QWidget *>(m_xbrlBox),
                       static_cast<QWidget *>(m_periodBox)})
        w->installEventFilter(this);
}

bool EntityPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize) {
        // A panel that appears below the tree (the Tables panel, once the tables are read)
        // or a smaller window shortens it: the current row stays in view if it was, also
        // the one a reopened filing selected.
        const auto *resize = static_cast<QResizeEvent *>(event);
        const QPersistentModelIndex current = m_tree->currentIndex();
        const QRect row = m_tree->visualRect(current);
        if (current.isValid() && resize->oldSize().isValid()
            && QRect(QPoint(), resize->oldSize()).intersects(row)
            && !QRect(QPoint(), resize->size()).contains(row))
            // After the view has fitted its scroll bars to the new height.
            QMetaObject::invokeMethod(this, [this, current] {
                if (current.isValid() && current == m_tree->currentIndex())
                    m_tree->scrollTo(current, QAbstractItemView::EnsureVisible);
            }, Qt::QueuedConnection);
        return false;
    }
    if (event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        // Escape clears the text filter and hands the keyboard back to the tree.
        if (watched == m_filterEdit && !m_filterEdit->text().isEmpty()) {
            m_filterEdit->clear();
            // The tree opens its categories again and keeps the current entity in view.
            expandCategories();
            const QModelIndex current = m_tree->currentIndex();
            for (QModelIndex p = current.parent(); p.isValid(); p = p.parent())
                m_tree->expand(p);
            if (current.isValid())
                m_tree->scrollTo(current, QAbstractItemView::PositionAtCenter);
        }
        Q_EMIT leaveRequested();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void EntityPanel::setStore(ReviewStore *store)
{
    m_store = store;
    m_model->setStore(store);
    expandCategories();
    spanCategories();
    rebuildLegend();
    updateXbrlFilters();
}

// The XBRL row appears for a filing with facts (or amounts checked against them);
// its periods are those of the facts, latest first. Choices stay as set while the
// filing keeps the chosen period.
void EntityPanel::updateXbrlFilters()
{
    QSet<QString> periods;
    bool xbrl = false;
    if (m_store) {
        for (const Entity &e : m_store->entities()) {
            if (EntityTreeModel::isXbrlFact(e)) {
                xbrl = true;
                const QString period = e.attributes.value(u"period"_s);
                if (!period.isEmpty())
                    periods.insert(period);
            } else if (!xbrl && e.attributes.contains(u"xbrl"_s)) {
                xbrl = true;
            }
        }
    }
    QStringList sorted(periods.cbegin(), periods.cend());
    // By end date, latest first; an instant before the duration ending on it.
    const auto end = [](const QString &p) { return p.section(u'/', -1); };
    std::sort(sorted.begin(), sorted.end(), [&](const QString &a, const QString &b) {
        if (end(a) != end(b))
            return end(a) > end(b);
        return a.size() != b.size() ? a.size() < b.size() : a > b;
    });
    const QString current = m_periodBox->currentData().toString();
    const QSignalBlocker blocker(m_periodBox);
    m_periodBox->clear();
    m_periodBox->addItem(tr("Any period"), QString());
    for (const QString &p : std::as_const(sorted))
        m_periodBox->addItem(p.contains(u'/') ? tr("%1 to %2").arg(p.section(u'/', 0, 0), p.section(u'/', 1)) : p,
                             p);
    const int at = current.isEmpty() ? 0 : m_periodBox->findData(current);
    m_periodBox->setCurrentIndex(qMax(0, at));
    if (at < 0)
        m_proxy->setPeriod({});
    m_periodBox->setEnabled(!sorted.isEmpty());
    m_xbrlRow->setVisible(xbrl);
    // The check stays as chosen from filing to filing (a queue of 10-Ks checked for
    // disagreements); a filing without XBRL lets it go, not the empty store of one loading.
    if (!xbrl && m_store && m_store->count() > 0 && m_xbrlBox->currentIndex() != 0)
        m_xbrlBox->setCurrentIndex(0);
}

// Every category starts open but the XBRL facts: a 10-K's 2,500 facts (hundreds of
// concepts) would make the tree long and its first layout slow. They open when a filter
// narrows them, or when the reviewer opens them.
void EntityPanel::expandCategories()
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex category = m_proxy->index(r, 0);
        if (category.data(EntityTreeModel::CategoryRole).toString() != factsCategory())
            m_tree->expand(category);
    }
    expandFacts();
}

void EntityPanel::expandFacts()
{
    if (!m_proxy->isFiltering())
        return;
    const QModelIndex facts = m_proxy->mapFromSource(m_model->indexOfCategory(factsCategory()));
    if (facts.isValid())
        m_tree->expand(facts);
}

QString EntityPanel::factsCategory()
{
    return EntityTypes::type(u"xbrl_fact"_s).category;
}

void EntityPanel::spanCategories()
{
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        m_tree->setFirstColumnSpanned(r, {}, true);
}

void EntityPanel::rebuildLegend()
{
    QString html;
    const QStringList categories = EntityTypes::categories();
    for (const QString &c : categories) {
        const QColor color = EntityTreeModel::categoryColor(c);
        if (!html.isEmpty())
            html += u"&nbsp;&nbsp; "_s;
        html += u"<span style=\"color:%1\">■</span>&nbsp;%2"_s.arg(
            color.name(), c.toHtmlEscaped().replace(u' ', u"&nbsp;"_s));
    }
    m_legend->setText(u"<small>"_s + html + u"</small>"_s);
    updateEmptyLabel();
}

void EntityPanel::updateEmptyLabel()
{
    if (!m_store || m_proxy->rowCount() > 0) {
        m_emptyLabel->hide();
        return;
    }
    m_emptyLabel->setText(m_store->count() == 0 ? tr("No entities were found in this filing.")
                                                : tr("No entity matches the filters."));
    m_emptyLabel->show();
}

void EntityPanel::onCurrentChanged()
{
    if (!m_following.isEmpty())
        return;
    const QString id = currentEntityId();
    pinCurrent();
    m_lastId = id;
    Q_EMIT currentEntityChanged(id);
}

void EntityPanel::pinCurrent()
{
    m_proxy->setPinnedEntity(currentEntityId());
}

QString EntityPanel::currentEntityId() const
{
    return m_tree->currentIndex().data(EntityTreeModel::EntityIdRole).toString();
}

QStringList EntityPanel::selectedEntityIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows(0);
    for (const QModelIndex &row : std::as_const(rows)) {
        if (m_model->kind(m_proxy->mapToSource(row)) == EntityTreeModel::Kind::Category)
            continue; // a whole category is too much to act on by accident
        for (const QString &id : row.data(EntityTreeModel::EntityIdsRole).toStringList())
            if (!ids.contains(id))
                ids << id;
    }
    if (ids.isEmpty()) {
        const QString id = currentEntityId();
        if (!id.isEmpty() && m_model->kind(m_proxy->mapToSource(m_tree->currentIndex()))
                != EntityTreeModel::Kind::Category)
            ids << id;
    }
    return ids;
}

bool EntityPanel::currentRowIsGroup() const
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->currentIndex().siblingAtColumn(0));
    return index.isValid() && m_model->kind(index) == EntityTreeModel::Kind::Group;
}

QStringList EntityPanel::currentGroupIds() const
{
    QModelIndex index = m_proxy->mapToSource(m_tree->currentIndex().siblingAtColumn(0));
    if (!index.isValid())
        return {};
    if (m_model->kind(index) == EntityTreeModel::Kind::Mention)
        index = index.parent();
    if (m_model->kind(index) != EntityTreeModel::Kind::Group)
        return {};
    return m_model->entityIds(index);
}

QList<QModelIndex> EntityPanel::shownMentions() const
{
    QList<QModelIndex> mentions;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        const int rows = m_proxy->rowCount(parent);
        for (int r = 0; r < rows; ++r) {
            const QModelIndex i = m_proxy->index(r, 0, parent);
            if (i.data(EntityTreeModel::KindRole).toInt() == int(EntityTreeModel::Kind::Mention))
                mentions << i;
            else
                walk(i);
        }
    };
    walk({});
    return mentions;
}

QStringList EntityPanel::shownEntityIds() const
{
    QStringList ids;
    for (const QModelIndex &i : shownMentions())
        ids << i.data(EntityTreeModel::EntityIdRole).toString();
    return ids;
}

QString EntityPanel::currentCategory() const
{
    return m_tree->currentIndex().data(EntityTreeModel::CategoryRole).toString();
}

QStringList EntityPanel::categoryEntityIds(const QString &category) const
{
    return category.isEmpty() ? QStringList() : m_model->entityIds(m_model->indexOfCategory(category));
}

QModelIndex EntityPanel::proxyIndexOf(const QString &id)
{
    const QModelIndex source = m_model->indexOfEntity(id);
    if (!source.isValid())
        return {};
    QModelIndex proxy = m_proxy->mapFromSource(source);
    if (!proxy.isValid()) {
        // Hidden by the filters: shown while it is current, the filters stay as set.
        m_proxy->setPinnedEntity(id);
        proxy = m_proxy->mapFromSource(source);
    }
    if (!proxy.isValid()) {
        m_filterEdit->clear();
        m_categoryBox->setCurrentIndex(0);
        m_statusBox->setCurrentIndex(0);
        m_confidenceBox->setValue(0.0);
        m_xbrlBox->setCurrentIndex(0);
        m_periodBox->setCurrentIndex(0);
        proxy = m_proxy->mapFromSource(source);
    }
    return proxy;
}

bool EntityPanel::selectEntity(const QString &id)
{
    const QModelIndex index = proxyIndexOf(id);
    if (!index.isValid())
        return false;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(index, QAbstractItemView::EnsureVisible);
    return true;
}

bool EntityPanel::selectNextUnreviewed(bool forward)
{
    // Walk the visible tree (in proxy order) as a flat list of mentions.
    const QList<QModelIndex> mentions = shownMentions();
    if (mentions.isEmpty())
        return false;
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    int start = int(mentions.indexOf(current));
    if (start < 0) {
        // On a value or category row: start just before its first mention.
        const QString id = currentEntityId();
        for (int i = 0; i < mentions.size(); ++i)
            if (mentions.at(i).data(EntityTreeModel::EntityIdRole).toString() == id) {
                start = forward ? i - 1 : i;
                break;
            }
        if (start < 0)
            start = forward ? -1 : int(mentions.size());
    }
    const int n = int(mentions.size());
    for (int step = 1; step <= n; ++step) {
        const int i = ((forward ? start + step : start - step) % n + n) % n;
        if (mentions.at(i).data(EntityTreeModel::StatusRole).toInt() == int(EntityStatus::Auto)) {
            return selectEntity(mentions.at(i).data(EntityTreeModel::EntityIdRole).toString());
        }
    }
    return false;
}
