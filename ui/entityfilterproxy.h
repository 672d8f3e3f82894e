#pragma once

#include "model/entity.h"

#include <QtCore/QSortFilterProxyModel>

class EntityTreeModel;

// Filters and sorts the entity tree: a text filter (value, exact text, type,
// note), one category, a set of statuses, a minimum confidence and, for inline-XBRL
// filings, an XBRL check and a fact period. A category or
// value row stays visible while one of its mentions passes. Categories keep
// their fixed order whatever the sort column.
class EntityFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EntityFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    QString text() const { return m_text; }
    void setText(const QString &text);
    QString category() const { return m_category; } // empty: every category
    void setCategory(const QString &category);
    QList<EntityStatus> statuses() const { return m_statuses; } // empty: any status
    void setStatuses(const QList<EntityStatus> &statuses);
    double minimumConfidence() const { return m_minimumConfidence; }
    void setMinimumConfidence(double confidence);
    // The inline-XBRL checks: only the amounts that disagree with the filing's tags
    // (xbrl=differs) or no tag covers (xbrl=untagged), or only the facts hidden in
    // the XBRL or of the filer's own concepts.
    enum class XbrlCheck { Any, Differs, Untagged, HiddenFacts, CustomConcepts };
    XbrlCheck xbrlCheck() const { return m_xbrlCheck; }
    void setXbrlCheck(XbrlCheck check);
    // Only the XBRL facts of one period ("2024-12-31", "2024-01-01/2024-12-31"); empty: any.
    QString period() const { return m_period; }
    void setPeriod(const QString &period);
    // True for a concept outside the standard taxonomies (us-gaap:, dei:, srt:, ifrs-full:…).
    static bool isCustomConcept(const QString &concept);
    bool isFiltering() const;
    // The entity the reviewer is on stays visible whatever the filters say, so a
    // decision or an edit that makes it fail them does not pull it from under them.
    QString pinnedEntity() const { return m_pinned; }
    void setPinnedEntity(const QString &id);

    // The same test filterAcceptsRow applies to a mention: exports "only what the
    // filter shows" with it.
    bool acceptsEntity(const Entity &entity) const;

    // A category row counts the mentions the filters let through.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // A category or value row has rows, without sorting and filtering them to say so.
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    EntityTreeModel *m_model = nullptr;
    QString m_text;
    QString m_category;
    QList<EntityStatus> m_statuses;
    double m_minimumConfidence = 0.0;
    XbrlCheck m_xbrlCheck = XbrlCheck::Any;
    QString m_period;
    QString m_pinned;
};
