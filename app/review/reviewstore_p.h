#pragma once

// ReviewStore's state, shared by its two source files: reviewstore.cpp (the list,
// the decisions, what the binding asks for) and reviewactions.cpp (the analyst's
// actions as undo commands). Not for use outside the store.
#include "model/codepointindex.h"
#include "reviewstore.h"

#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtGui/QUndoStack>

#include <deque>
#include <optional>
#include <vector>

struct ReviewStore::Private
{
    DocumentContent content;
    EntityList extracted; // as the extractor produced them, for reloads
    EntityList entities;
    QHash<QString, int> rows;
    QHash<QString, std::pair<QString, QString>> original; // id -> extracted (type, value)
    // What confirming makes of an entity the extractor did not report (added by
    // hand, or kept from the sidecar): added stays added, corrected stays corrected.
    QHash<QString, EntityStatus> confirmAs;
    QHash<QString, SidecarAnchor> orphanAnchors;           // as saved, written back unchanged
    // The review file's "done" mark, kept as it was read: the store never sets it.
    bool done = false;
    QString doneBy;
    QDateTime doneAt;
    // Decisions on tables and cells (TableRef), in file order.
    QStringList tableOrder;
    QHash<QString, SidecarDecision> tableDecisions;
    mutable QHash<QString, QByteArray> encoded;            // id -> decision as last written
    std::vector<CodePointIndex> codePoints;                 // per page

    struct HistoryEntry
    {
        quint64 key;
        QJsonObject entry;
        mutable QByteArray json; // encoded on the first save
    };
    std::vector<HistoryEntry> history;
    quint64 nextHistoryKey = 1;

    QUndoStack *undo = nullptr;
    QString reviewer = defaultReviewer();

    // Decisions carry whole seconds: what the file can hold is what undo restores.
    static QDateTime now();
    static QString defaultReviewer();
    static bool isDecision(const Entity &e);
    static bool isTableDecision(const SidecarDecision &decision);
    QByteArray tableDecisionJson(const QString &id) const;
    bool open = false;

    // The change being collected for the next journal line: the ids changed and the
    // history from historyLow on. Not while changes are being taken back.
    bool recording = true;
    QStringList changedIds;
    QSet<QString> changedSet;
    qsizetype historyLow = -1;
    // How to take back a journal line that could not be written.
    struct Revert
    {
        enum Kind { State, Inserted, Removed, HistoryAppended, HistoryRemoved, HistoryReplaced, Table };
        Kind kind;
        QString id;
        int row = 0;
        Entity before;
        size_t pos = 0;
        quint64 key = 0;
        QJsonObject entry;
        std::optional<SidecarDecision> table; // Table: the decision before
    };
    std::vector<Revert> opLog;
    struct InFlight
    {
        quint64 seq;
        std::vector<Revert> log;
    };
    std::deque<InFlight> inFlight; // lines not yet on disk

    // Declared last: destroyed first, while the entities it may save still exist.
    std::unique_ptr<ReviewBinding> binding;

    void resetData();
    SidecarAnchor anchorOf(const Entity &e) const;
    QByteArray decisionJson(const Entity &e) const;
    void noteChanged(const QString &id)
    {
        if (!changedSet.contains(id)) {
            changedSet.insert(id);
            changedIds.append(id);
        }
    }
    void noteHistory(size_t pos)
    {
        if (historyLow < 0 || qsizetype(pos) < historyLow)
            historyLow = qsizetype(pos);
    }

    void rebuildRows()
    {
        rows.clear();
        rows.reserve(entities.size());
        for (int i = 0; i < entities.size(); ++i)
            rows.insert(entities.at(i).id, i);
    }
};
