#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"
#include "reviewbinding.h"
#include "tableref.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtGui/QUndoStack>

#include <memory>
#include <optional>

// The extracted entities of one filing with the analyst's decisions applied.
// Owns the undo stack: every mutator is one undoable command named for the user's
// intent; widgets never build commands. Every change (undo and redo too) is recorded
// and becomes one line of the review file's journal.
//
// Where the decisions live on disk is the ReviewBinding's business (the review file
// and its fallback, the lock, the journal, autosave, watching the file); the store
// owns one and forwards its API: every change is appended at once to the journal
// (see ReviewJournal), written and fsync'd off the GUI thread; saved() follows once it
// is on disk. The journal is folded into the sidecar (see SidecarFile) at most
// autosaveDelay() after every change, and on close and destruction. A change the
// journal cannot take (a full disk) is taken back.
//
// Decisions that could not be placed in a changed filing are kept as entities with
// `orphan` set, an invalid span and their saved text; they are written back as saved.
class ReviewStore final : public QObject, private BoundReview
{
    Q_OBJECT
public:
    using OpenMode = ReviewBinding::Mode;

    explicit ReviewStore(QObject *parent = nullptr);
    // Review files are written through `disk` (a test's disk that fails on purpose).
    explicit ReviewStore(std::shared_ptr<const ReviewDisk> disk, QObject *parent = nullptr);
    ~ReviewStore() override;

    // Replaces everything: the filing's content, freshly extracted entities, and the
    // decisions of the filing's sidecar (if any). Emits modelReset().
    void open(const DocumentContent &content, const EntityList &extracted,
              OpenMode mode = OpenMode::Interactive);
    // Saves pending decisions, releases the lock and empties the store.
    void close();

    const DocumentContent &content() const;
    const EntityList &entities() const;
    int count() const;
    int indexOf(const QString &id) const; // -1 if none
    const Entity *entity(const QString &id) const;
    QUndoStack *undoStack() const;

    void confirm(const QString &id);
    void reject(const QString &id);
    // Status becomes corrected. Calls in a row on one entity merge into one undo step
    // (typing) unless separateStep is set (an edit that was ended and written at once).
    void setValue(const QString &id, const QString &value, bool separateStep = false);
    void setType(const QString &id, const QString &type);   // status becomes corrected
    // Every one of ids to the type, one undo step (a value row's mentions).
    void setTypeAll(const QStringList &ids, const QString &type);
    void setNote(const QString &id, const QString &note);
    // Moves the entity's span (a word more or less, or new words on the same page); its id
    // stays and the new anchor is saved as a correction. False if the span is not valid.
    bool setSpan(const QString &id, const SourceSpan &span);
    void confirmAll(const QStringList &ids); // one undo step
    void rejectAll(const QStringList &ids);  // one undo step
    // A new entity from a text selection; returns its id (the existing one if an
    // entity of that type already has exactly this span; empty if the span is invalid).
    QString add(const SourceSpan &span, const QString &type, const QString &value = {});
    // Every span as a new entity of the type, in one undo step; returns the new ids.
    QStringList addAll(const QList<SourceSpan> &spans, const QString &type);

    // Decisions on data tables and their cells (see TableRef), as the review file holds
    // them, in file order; TableReview applies them to the tables read. Kept whether or
    // not a table they name is found: never dropped.
    QList<SidecarDecision> tableDecisions() const;
    const SidecarDecision *tableDecision(const QString &id) const;
    // The analyst's actions on tables, each one undo step and one journal line.
    void confirmTable(const TableRef &table);
    void rejectTable(const TableRef &table);
    // The table's scale word ("thousands", "millions", "billions"; empty for none).
    void setTableScale(const TableRef &table, const QString &scale);
    // A cell's text as the analyst corrects it (its value, row label or column header,
    // as ref.field says); the text as read takes the correction back.
    void setCellText(const TableRef &cell, const QString &text);

    QString reviewer() const;
    void setReviewer(const QString &name);
    // True when decisions cannot be changed: opened ReadOnly, another window or
    // program holds the lock, or the sidecar was written by a newer version.
    bool isReadOnly() const;
    QString readOnlyReason() const;

    // Where decisions are saved (beside the filing, or the per-user fallback);
    // empty before open().
    QString sidecarPath() const;
    bool hasUnsavedChanges() const;
    // Writes now instead of waiting for the debounce; false (and saveFailed) on error.
    bool save();
    void setAutosaveDelay(int msec); // default 500
    int autosaveDelay() const;
    // Where changes are journaled until the next save; empty when nothing is.
    QString journalPath() const;
    // True when every change is on disk (in the journal or the sidecar).
    bool isDurable() const;
    // Blocks until every journaled change has been written (close, headless callers).
    void waitForJournal();

    // The sidecar's history: entries {at, by, op, id, from, to}, oldest first.
    // Undoing a command removes the entries it added.
    QJsonArray history() const;
    // Every message() since open(), for callers without an event loop (the CLI).
    QStringList messages() const;

    // Answers to externalChangeConflict(): reloadFromDisk() drops the unsaved local
    // changes and the undo history and shows the file's decisions; keepLocalChanges()
    // writes the local state over the file now.
    void reloadFromDisk();
    void keepLocalChanges();

    // The extracted entities with the filing's sidecar applied, for headless use.
    static EntityList applySidecar(const DocumentContent &content, const EntityList &extracted,
                                   QStringList *messages = nullptr);

Q_SIGNALS:
    void modelAboutToReset();
    void modelReset();
    void entityChanged(int row);
    void entityAboutToBeInserted(int row);
    void entityInserted(int row);
    void entityAboutToBeRemoved(int row);
    void entityRemoved(int row);
    // These table decisions changed (an action, its undo or redo, a reload).
    void tableDecisionsChanged(const QStringList &ids);
    // An undo or redo changed these entities (not a new action): a view can show them.
    void revisited(const QStringList &ids);
    // The sidecar at `path` was written: every change so far is folded into it.
    void saved(const QString &path, const QDateTime &when);
    // A change was queued for the journal as line `seq`; it is on disk once
    // durable(seq') with seq' >= seq follows (within milliseconds; isDurable() then
    // tells whether every change is). `ids` are the entities it changed.
    void journaled(quint64 seq, const QStringList &ids);
    void durable(quint64 seq);
    void saveFailed(const QString &message);
    void message(const QString &text); // read-only, fallback folder, reloaded from disk ...
    void readOnlyChanged(bool readOnly);
    // The sidecar changed on disk while this store has unsaved changes; answer with
    // reloadFromDisk() or keepLocalChanges(). Without changes it reloads by itself.
    void externalChangeConflict(const QString &path);

private:
    friend class EntityEditCommand;
    friend class AddEntityCommand;
    friend class TableDecisionCommand;

    // The review fields a command changes and restores.
    struct ReviewState
    {
        EntityStatus status = EntityStatus::Auto;
        QString value;
        QString type;
        QString note;
        QString by;
        QDateTime at;
        SourceSpan span;
        QString text;
    };
    ReviewState stateOf(const QString &id) const;
    // "Edit value of Commission file number: 0-17999 → 000-17999", for the undo history.
    static QString editValueText(const QString &type, const QString &from, const QString &to);
    void applyState(const QString &id, const ReviewState &state);
    void insertEntity(int row, const Entity &entity);
    void applyTableDecision(const QString &id, const std::optional<SidecarDecision> &decision);
    void pushTableDecision(const QString &text, const QString &id, std::optional<SidecarDecision> after,
                           const QJsonObject &history);
    void removeEntity(const QString &id);
    quint64 appendHistory(const QJsonObject &entry);
    void replaceHistory(quint64 key, const QJsonObject &entry);
    void removeHistory(quint64 key);

    // BoundReview: what the binding asks of the store.
    SidecarData snapshot() const override;
    bool takeChange(quint64 seq, Change *change) override;
    void dropChanges() override;
    void settle(quint64 seq) override;
    bool takeBack(quint64 seq) override;
    void beginReset() override;
    QStringList applyDecisions(const SidecarData &data) override;
    void endReset() override;
    void markClean() override;

    struct Private;
    std::unique_ptr<Private> d;
};
