#pragma once

#include "model/documentcontent.h"
#include "reviewdisk.h"
#include "sidecarfile.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QStringList>

#include <memory>

// What a ReviewBinding asks of the review it keeps on disk: the review store today,
// a review of table cells or XBRL facts next. All calls come on the GUI thread.
class BoundReview
{
public:
    // The changes of one journal line: decisions as they now are, ids that no longer
    // have one, and the history from entry `historyKeep` on (-1: unchanged).
    struct Change
    {
        QStringList ids; // every id the line changes, in order
        QList<QByteArray> set;
        QStringList remove;
        int historyKeep = -1;
        QList<QByteArray> historyAppend;
    };

    virtual ~BoundReview();

    // The review file's content as it would be written now.
    virtual SidecarData snapshot() const = 0;
    // The changes since the last call, kept as number `seq` so they can be taken back;
    // false when there are none.
    virtual bool takeChange(quint64 seq, Change *change) = 0;
    // The changes since the last line will not be journaled: forget them.
    virtual void dropChanges() = 0;
    // Lines up to `seq` are on disk: their changes stay.
    virtual void settle(quint64 seq) = 0;
    // Lines from `seq` on never reached the disk: their changes are undone, newest
    // first, and the undo history is cleared. False if there was nothing to undo.
    virtual bool takeBack(quint64 seq) = 0;
    // Reloading: the extracted items alone, without decisions or undo history ...
    virtual void beginReset() = 0;
    // ... then a review file's decisions merged in (returns what the merge reports) ...
    virtual QStringList applyDecisions(const SidecarData &data) = 0;
    // ... and the reset announced.
    virtual void endReset() = 0;
    // Everything is in the review file: the undo history's clean point.
    virtual void markClean() = 0;
};

// Binds a review to its review file: where the file lives (beside the filing, or the
// per-user fallback when the filing's folder cannot be written), the lock that says
// who may write it, the journal every change is appended to before it is folded into
// the file (autosave), and watching the file for changes made by other programs
// (followed, or a conflict when there are unsaved local changes). A journal left by a
// crash is replayed on open; decisions that cannot be written where they belong are
// rescued to the fallback on close.
class ReviewBinding final : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Interactive, // takes the review file's lock, saves, follows changes on disk
        ReadOnly,    // only reads the review file (headless export): no lock, no saving
    };

    ReviewBinding(BoundReview *review, std::shared_ptr<const ReviewDisk> disk, QObject *parent = nullptr);
    ~ReviewBinding() override;

    // Finds, locks and reads the review file of `content`'s filing, replays a journal
    // left behind and merges the decisions into the review (applyDecisions). Without
    // a file path there is nothing to bind: false.
    bool open(const DocumentContent &content, Mode mode);
    // The last chance for unsaved decisions (close, another filing): saved, or rescued
    // to the per-user data folder.
    void flush();
    // Stops the journal, releases the lock and forgets the file.
    void reset();

    // The review changed (autosave follows at most autosaveDelay() later) ...
    void changed();
    // ... and the change is complete: it becomes one journal line.
    void commit();

    bool isReadOnly() const;
    QString readOnlyReason() const;
    QString path() const;
    bool hasUnsavedChanges() const;
    bool save();
    void setAutosaveDelay(int msec);
    int autosaveDelay() const;
    QString journalPath() const;
    bool isDurable() const;
    void waitForJournal();
    QStringList messages() const;
    void reloadFromDisk();
    void keepLocalChanges();

Q_SIGNALS:
    void saved(const QString &path, const QDateTime &when);
    void journaled(quint64 seq, const QStringList &ids);
    void durable(quint64 seq);
    void saveFailed(const QString &message);
    void message(const QString &text);
    void readOnlyChanged(bool readOnly);
    void externalChangeConflict(const QString &path);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
