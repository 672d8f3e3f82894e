#pragma once

#include "reviewstore.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtGui/QUndoCommand>

#include <optional>

// The undo commands of ReviewStore. They refer to entities by id, never by
// pointer, and add their history entries on redo and take them back on undo.

// Changes the review state of one or more entities (confirm, reject, edit value,
// change type, note, and the group actions).
class EntityEditCommand final : public QUndoCommand
{
public:
    // Consecutive commands with the same merge id on the same single entity become
    // one undo step (typing in a field); -1 never merges.
    enum MergeId { NoMerge = -1, EditValue = 1, EditNote = 2 };

    struct Change
    {
        QString id;
        ReviewStore::ReviewState before;
        ReviewStore::ReviewState after;
        QJsonObject history; // the history entry for this change
    };

    EntityEditCommand(ReviewStore *store, const QString &text, QList<Change> changes,
                      MergeId mergeId = NoMerge);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ReviewStore *m_store;
    QList<Change> m_changes;
    QList<quint64> m_historyKeys;
    MergeId m_mergeId;
    bool m_done = false; // redone once: a later redo is a redo, not the action
};

// Adds an entity the analyst marked in the text (status added, origin manual).
class AddEntityCommand final : public QUndoCommand
{
public:
    AddEntityCommand(ReviewStore *store, const QString &text, Entity entity, int row,
                     QJsonObject history);

    void redo() override;
    void undo() override;

private:
    ReviewStore *m_store;
    Entity m_entity;
    int m_row;
    QJsonObject m_history;
    quint64 m_historyKey = 0;
};

// Sets (or takes away) the decision on one table or table cell.
class TableDecisionCommand final : public QUndoCommand
{
public:
    TableDecisionCommand(ReviewStore *store, const QString &text, QString id,
                         std::optional<SidecarDecision> before, std::optional<SidecarDecision> after,
                         QJsonObject history);

    void redo() override;
    void undo() override;

private:
    ReviewStore *m_store;
    QString m_id;
    std::optional<SidecarDecision> m_before;
    std::optional<SidecarDecision> m_after;
    QJsonObject m_history;
    quint64 m_historyKey = 0;
};
