#pragma once

// ReviewBinding's state, shared by reviewbinding.cpp (the file's place, lock,
// watching, saving) and reviewbindingjournal.cpp (the journal: lines, folding,
// replay, taking back). Not for use outside the binding.
#include "reviewbinding.h"
#include "reviewjournal.h"

#include <QtCore/QFileSystemWatcher>
#include <QtCore/QLockFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcReview)

struct ReviewBinding::Private
{
    BoundReview *review = nullptr;
    std::shared_ptr<const ReviewDisk> disk;
    ReviewBinding *q = nullptr;

    // The filing.
    QString filePath;
    QString fileName;
    QString sha256;

    Mode mode = Mode::Interactive;
    bool open = false;
    QString readOnlyReason; // non-empty: read-only
    QString sidecarPath;    // where decisions are saved
    QString readPath;       // where they were read from (may differ for the fallback)
    QString recoveredFrom;  // a copy in the data folder to remove once saved beside the filing
    bool savingBlocked = false;
    std::unique_ptr<QLockFile> lock;
    bool lockedOut = false; // read-only because another store holds the lock
    QByteArray knownBytes; // the file's content as last read or written by us
    bool dirty = false;

    // The journal (only the lock holder has one).
    std::unique_ptr<ReviewJournal> journal;
    QByteArray journalBase;       // the sidecar bytes the journal's changes apply to
    bool folding = false;          // a fold is under way on the journal's thread ...
    quint64 foldingSeq = 0;        // ... of every line up to this one
    QByteArray foldingPrevious;    // knownBytes before it, should it fail
    QDateTime foldingSavedAt;
    bool journalPaused = false;    // taking back refused changes: not journaled
    quint64 foldedSeq = 0;  // every line up to this one is in the sidecar
    quint64 durableSeq = 0; // every line up to this one is on disk
    QStringList replayedElsewhere; // journals replayed at open, removed once folded in

    QTimer saveTimer;
    QTimer watchTimer;
    QTimer lockRefresh;
    QFileSystemWatcher *watcher = nullptr;
    QStringList messages;

    void say(const QString &text)
    {
        qCInfo(lcReview).noquote() << text;
        messages.append(text);
        Q_EMIT q->message(text);
    }
    void sayAll(const QStringList &texts)
    {
        for (const QString &text : texts)
            say(text);
    }
    void watch();
    void onDiskChange();
    bool fileHolds(const QByteArray &bytes) const;
    bool journaling() const { return journal && !journalPaused; }
    void commitJournal();
    void onJournalDurable(quint64 seq);
    void onJournalFailed(quint64 seq, const QString &message);
    void foldInBackground();
    void onFolded(quint64 seq, bool ok, const QString &message);
    void finishFolding();
    void resetJournalAfterFold(const QByteArray &bytes);
    QStringList journalCandidates() const;
    int replayJournals(SidecarFile::LoadResult *loaded, bool owner, QStringList *applied);
    void startJournal(const QStringList &keep);
    QStringList reload(bool replay);
    void stopJournal();
    void flush();
};
