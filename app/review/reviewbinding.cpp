#include "reviewbinding.h"

#include "reviewbinding_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReview, "filinglens.review")

namespace {

constexpr int kLockStaleMsec = 30 * 60 * 1000;

} // namespace

BoundReview::~BoundReview() = default;

ReviewBinding::ReviewBinding(BoundReview *review, std::shared_ptr<const ReviewDisk> disk, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->review = review;
    d->disk = disk ? std::move(disk) : ReviewDisk::local();
    d->q = this;
    d->saveTimer.setSingleShot(true);
    d->saveTimer.setInterval(500);
    connect(&d->saveTimer, &QTimer::timeout, this, [this] { d->foldInBackground(); });
    // Several change events arrive for one atomic replace; look once they settle.
    d->watchTimer.setSingleShot(true);
    d->watchTimer.setInterval(100);
    d->lockRefresh.setInterval(kLockStaleMsec / 6);
    connect(&d->lockRefresh, &QTimer::timeout, this, [this] {
        if (!d->lock)
            return;
        QFile file(d->lock->fileName());
        if (file.open(QIODevice::ReadOnly))
            file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    });
    connect(&d->watchTimer, &QTimer::timeout, this, [this] { d->onDiskChange(); });
}

ReviewBinding::~ReviewBinding() = default;

bool ReviewBinding::isReadOnly() const
{
    return !d->readOnlyReason.isEmpty();
}

QString ReviewBinding::readOnlyReason() const
{
    return d->readOnlyReason;
}

QString ReviewBinding::path() const
{
    return d->sidecarPath;
}

bool ReviewBinding::hasUnsavedChanges() const
{
    return d->dirty;
}

void ReviewBinding::setAutosaveDelay(int msec)
{
    d->saveTimer.setInterval(qMax(0, msec));
}

int ReviewBinding::autosaveDelay() const
{
    return d->saveTimer.interval();
}

QString ReviewBinding::journalPath() const
{
    return d->journal ? d->journal->path() : QString();
}

bool ReviewBinding::isDurable() const
{
    if (!d->journal)
        return !d->dirty;
    return d->durableSeq >= d->journal->lastSeq();
}

void ReviewBinding::waitForJournal()
{
    if (!d->journal)
        return;
    d->journal->waitForIdle();
    QCoreApplication::sendPostedEvents(d->journal.get());
}

QStringList ReviewBinding::messages() const
{
    return d->messages;
}

// Saves at most one autosave delay after the first unsaved change: continuous
// typing does not postpone the write.
void ReviewBinding::changed()
{
    d->dirty = true;
    if (!d->saveTimer.isActive())
        d->saveTimer.start();
}

void ReviewBinding::commit()
{
    d->commitJournal();
}

void ReviewBinding::reset()
{
    d->stopJournal();
    d->saveTimer.stop();
    d->watchTimer.stop();
    delete d->watcher;
    d->watcher = nullptr;
    d->lockRefresh.stop();
    d->lock.reset();
    d->filePath.clear();
    d->fileName.clear();
    d->sha256.clear();
    d->readOnlyReason.clear();
    d->sidecarPath.clear();
    d->readPath.clear();
    d->recoveredFrom.clear();
    d->savingBlocked = false;
    d->lockedOut = false;
    d->knownBytes.clear();
    d->dirty = false;
    d->messages.clear();
    d->open = false;
}

namespace {
// Two serialized review files alike but for the time they were written.
bool sameButSavedAt(const QByteArray &a, const QByteArray &b)
{
    const auto cut = [](const QByteArray &bytes) {
        const qsizetype at = bytes.indexOf("\"savedAt\"");
        const qsizetype end = at < 0 ? -1 : bytes.indexOf('\n', at);
        return end < 0 ? std::pair<QByteArrayView, QByteArrayView>{QByteArrayView(bytes), {}}
                       : std::pair<QByteArrayView, QByteArrayView>{QByteArrayView(bytes).first(at),
                                                                   QByteArrayView(bytes).sliced(end)};
    };
    if (a.isEmpty() || b.isEmpty())
        return false;
    return cut(a) == cut(b);
}
} // namespace

// Whether the review file holds exactly these bytes (a save with nothing changed then
// leaves it, and its time, as they are).
bool ReviewBinding::Private::fileHolds(const QByteArray &bytes) const
{
    QFile file(sidecarPath);
    if (file.size() != bytes.size() || !file.open(QIODevice::ReadOnly))
        return false;
    return file.readAll() == bytes;
}

// The sidecar's folder changed: follow the file when nothing local is unsaved, ask
// otherwise; and when the window that held the lock let go, take it over.
void ReviewBinding::Private::onDiskChange()
{
    if (!open || sidecarPath.isEmpty())
        return;
    if (watcher && QFileInfo::exists(sidecarPath) && !watcher->files().contains(sidecarPath))
        watcher->addPath(sidecarPath);
    QFile file(sidecarPath);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = file.readAll();
        file.close();
        if (bytes != knownBytes) {
            if (dirty) {
                qCInfo(lcReview) << "sidecar changed on disk with unsaved local changes" << sidecarPath;
                Q_EMIT q->externalChangeConflict(sidecarPath);
            } else {
                q->reloadFromDisk();
            }
        }
    }
    if (lockedOut && !QFileInfo::exists(sidecarPath + u".lock"_s)) {
        auto candidate = std::make_unique<QLockFile>(sidecarPath + u".lock"_s);
        candidate->setStaleLockTime(kLockStaleMsec);
        if (candidate->tryLock(0)) {
            lock = std::move(candidate);
            lockRefresh.start();
            lockedOut = false;
            readOnlyReason.clear();
            // A journal the previous holder could not fold in is replayed first.
            QStringList keep;
            for (const QString &path : journalCandidates()) {
                if (QFileInfo(path).size() > 0) {
                    keep = reload(true);
                    break;
                }
            }
            startJournal(keep);
            say(ReviewBinding::tr("%1 is no longer open elsewhere; it can be reviewed here now.")
                    .arg(fileName));
            Q_EMIT q->readOnlyChanged(false);
        }
    }
}

void ReviewBinding::Private::watch()
{
    if (mode != Mode::Interactive || sidecarPath.isEmpty())
        return;
    if (!watcher) {
        watcher = new QFileSystemWatcher(q);
        QObject::connect(watcher, &QFileSystemWatcher::fileChanged, q, [this] { watchTimer.start(); });
        QObject::connect(watcher, &QFileSystemWatcher::directoryChanged, q,
                         [this] { watchTimer.start(); });
    }
    const QString dir = QFileInfo(sidecarPath).absolutePath();
    if (QFileInfo::exists(dir) && !watcher->directories().contains(dir))
        watcher->addPath(dir);
    if (QFileInfo::exists(sidecarPath) && !watcher->files().contains(sidecarPath))
        watcher->addPath(sidecarPath);
}

bool ReviewBinding::open(const DocumentContent &content, Mode mode)
{
    d->open = true;
    d->mode = mode;
    d->filePath = content.filePath;
    d->fileName = content.fileName;
    d->sha256 = content.sha256;
    const QString name = content.fileName.isEmpty() ? QFileInfo(content.filePath).fileName()
                                                     : content.fileName;
    if (content.filePath.isEmpty()) {
        if (mode == Mode::ReadOnly)
            d->readOnlyReason = tr("Opened read-only.");
        return false;
    }
    const QString beside = SidecarFile::pathBeside(content.filePath);
    const QString fallback = content.sha256.isEmpty() ? QString()
                                                      : SidecarFile::fallbackPath(content.sha256);

    // Decisions in the data folder (saved there when the filing's folder could not
    // be written) count unless the file beside the filing is newer. File times are
    // coarse (a few milliseconds), so a rescue written right after a save can carry
    // the same time as the save: a tie goes to the rescue, which exists only then.
    const QFileInfo inDataFolder(fallback);
    const bool dataFolderIsNewer = !fallback.isEmpty() && inDataFolder.exists()
        && (!QFileInfo::exists(beside) || inDataFolder.lastModified() >= QFileInfo(beside).lastModified());

    if (mode == Mode::ReadOnly) {
        d->readOnlyReason = tr("Opened read-only.");
        d->readPath = dataFolderIsNewer ? fallback : beside;
        d->sidecarPath = d->readPath;
    } else {
        auto tryLock = [](const QString &path) {
            auto lock = std::make_unique<QLockFile>(path + u".lock"_s);
            // A lock whose process is gone (same machine) is stale at once; one from
            // another machine (a shared folder) once it has not been refreshed for
            // kLockStaleTime. Open stores refresh theirs well within that.
            lock->setStaleLockTime(kLockStaleMsec);
            lock->tryLock(0);
            return lock;
        };
        bool besideWritable = d->disk->mayWriteIn(QFileInfo(beside).absolutePath());
        std::unique_ptr<QLockFile> lock;
        if (besideWritable) {
            lock = tryLock(beside);
            besideWritable = lock->error() != QLockFile::PermissionError;
        }
        if (besideWritable) {
            d->sidecarPath = beside;
        } else if (!fallback.isEmpty() && QDir().mkpath(QFileInfo(fallback).absolutePath())) {
            d->sidecarPath = fallback;
            lock = tryLock(fallback);
            d->say(tr("The folder of %1 cannot be written; decisions are saved in %2.")
                       .arg(name, QDir::toNativeSeparators(fallback)));
        } else {
            d->sidecarPath = beside;
            d->readOnlyReason = tr("Neither the folder of %1 nor the data folder can be written; "
                                   "decisions cannot be saved.").arg(name);
        }
        if (lock && lock->isLocked()) {
            d->lock = std::move(lock);
            d->lockRefresh.start();
        } else if (d->readOnlyReason.isEmpty()) {
            qint64 pid = 0;
            QString host;
            QString app;
            QString who;
            if (lock && lock->getLockInfo(&pid, &host, &app))
                who = tr(" (%1, process %2 on %3)").arg(app).arg(pid).arg(host);
            d->readOnlyReason = tr("%1 is open for review in another window or program%2; "
                                   "it is shown read-only.").arg(name, who);
            d->lockedOut = true;
        }
        d->readPath = d->sidecarPath;
        if (d->sidecarPath == fallback && !QFileInfo::exists(fallback) && QFileInfo::exists(beside))
            d->readPath = beside;
        // Newer decisions in the data folder move back beside the filing.
        if (d->lock && d->sidecarPath == beside && dataFolderIsNewer) {
            d->readPath = fallback;
            d->recoveredFrom = fallback;
            d->say(tr("Decisions for %1 were recovered from %2.")
                       .arg(name, QDir::toNativeSeparators(fallback)));
        }
    }
    if (!d->readOnlyReason.isEmpty() && mode == Mode::Interactive)
        d->say(d->readOnlyReason);

    SidecarFile::LoadResult loaded = SidecarFile::load(d->readPath);
    if (loaded.status != SidecarFile::LoadStatus::Loaded)
        d->recoveredFrom.clear(); // never remove a file that could not be read
    // The journal belongs to the lock holder: a window shown read-only replays nothing;
    // a headless reader applies it without touching it.
    const bool owner = mode == Mode::Interactive && d->lock && d->readOnlyReason.isEmpty();
    QStringList replayedJournals;
    int replayed = 0;
    if (mode == Mode::ReadOnly || owner)
        replayed = d->replayJournals(&loaded, owner, &replayedJournals);
    switch (loaded.status) {
    case SidecarFile::LoadStatus::Loaded:
        d->sayAll(d->review->applyDecisions(loaded.data));
        if (d->readPath == d->sidecarPath)
            d->knownBytes = loaded.bytes;
        else
            d->dirty = true; // copy the decisions into the fallback
        break;
    case SidecarFile::LoadStatus::Missing:
        break;
    case SidecarFile::LoadStatus::Unreadable:
        d->say(loaded.message);
        d->savingBlocked = d->readPath == d->sidecarPath;
        break;
    case SidecarFile::LoadStatus::NewerSchema:
        d->say(loaded.message);
        d->savingBlocked = true;
        if (d->readOnlyReason.isEmpty())
            d->readOnlyReason = loaded.message;
        break;
    case SidecarFile::LoadStatus::Corrupt:
        if (mode == Mode::Interactive && d->lock && d->readPath == d->sidecarPath) {
            // Moved aside untouched, so new decisions have a place and nothing is lost.
            const QString aside = d->readPath + u".unreadable-"_s
                + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
            if (QFile::rename(d->readPath, aside)) {
                d->say(loaded.message + u' '
                       + tr("It was kept unchanged as %1; the filing opens without its decisions.")
                             .arg(QDir::toNativeSeparators(aside)));
                break;
            }
        }
        d->say(loaded.message + u' ' + tr("The filing opens without its decisions; the file is left as it is."));
        d->savingBlocked = d->readPath == d->sidecarPath;
        break;
    }
    if (d->savingBlocked && d->readOnlyReason.isEmpty() && d->readPath == d->sidecarPath)
        d->readOnlyReason = tr("Decisions cannot be saved while %1 cannot be read.")
                                .arg(QDir::toNativeSeparators(d->sidecarPath));
    d->journalBase = QFileInfo::exists(d->readPath) ? loaded.bytes : QByteArray();
    if (owner && !d->savingBlocked)
        d->startJournal(replayedJournals);
    if (replayed > 0 && owner) {
        d->say(tr("%n change(s) to the review of %1 that had not reached its review file were "
                  "recovered from the journal.", nullptr, replayed).arg(name));
        d->dirty = true;
    }
    d->watch();
    if (d->dirty && !isReadOnly()) {
        if (replayed > 0)
            save(); // fold the replayed changes in at once
        else
            d->saveTimer.start();
    }
    return true;
}

bool ReviewBinding::save()
{
    d->saveTimer.stop();
    d->finishFolding();
    if (!d->open || isReadOnly() || d->savingBlocked || d->sidecarPath.isEmpty())
        return false;
    const SidecarData data = d->review->snapshot();
    if (data.decisionsJson.isEmpty() && data.historyJson.isEmpty() && !QFileInfo::exists(d->sidecarPath)) {
        d->dirty = false;
        d->resetJournalAfterFold(d->journalBase);
        return true; // nothing to keep; no file for an unreviewed filing
    }
    const QByteArray bytes = SidecarFile::serialize(data);
    if (d->recoveredFrom.isEmpty() && sameButSavedAt(bytes, d->knownBytes) && d->fileHolds(d->knownBytes)) {
        // Nothing to write: the file already holds every decision. It keeps its bytes and
        // its time, so saving an unchanged review never touches the file.
        d->dirty = false;
        const quint64 durableBefore = d->durableSeq;
        d->resetJournalAfterFold(d->knownBytes);
        if (d->durableSeq > durableBefore)
            Q_EMIT durable(d->durableSeq);
        d->review->markClean();
        return true;
    }
    const SidecarFile::SaveResult result = SidecarFile::save(d->sidecarPath, bytes, *d->disk);
    if (!result.ok) {
        qCWarning(lcReview).noquote() << result.message;
        Q_EMIT saveFailed(result.message);
        return false;
    }
    d->knownBytes = bytes;
    d->dirty = false;
    const quint64 durableBefore = d->durableSeq;
    d->resetJournalAfterFold(bytes);
    if (d->durableSeq > durableBefore)
        Q_EMIT durable(d->durableSeq); // folded in: on disk in the review file
    d->review->markClean();
    d->watch();
    if (!d->recoveredFrom.isEmpty()) {
        QFile::remove(d->recoveredFrom);
        QFile::remove(d->recoveredFrom + u".bak"_s);
        d->recoveredFrom.clear();
    }
    Q_EMIT saved(d->sidecarPath, data.savedAt);
    return true;
}

// The last chance to keep unsaved decisions (close, destruction, another filing):
// if they cannot be written where they belong, they go to the per-user data
// folder, from where the next open of the filing recovers them.
void ReviewBinding::flush()
{
    d->flush();
}

void ReviewBinding::Private::flush()
{
    if (!open || !dirty || q->isReadOnly())
        return;
    if (q->save())
        return;
    if (savingBlocked || sha256.isEmpty())
        return;
    const QString rescue = SidecarFile::fallbackPath(sha256);
    if (rescue == sidecarPath)
        return;
    const SidecarFile::SaveResult r = SidecarFile::save(rescue, SidecarFile::serialize(review->snapshot()), *disk);
    if (r.ok) {
        // The rescue holds every journaled change: the journal would only disagree with it.
        const QString journalFile = journal ? journal->path() : QString();
        stopJournal();
        if (!journalFile.isEmpty())
            QFile::remove(journalFile);
        say(ReviewBinding::tr("%1 could not be written; the decisions were saved in %2 and come back "
                            "when the filing is opened again.")
                .arg(QDir::toNativeSeparators(sidecarPath), QDir::toNativeSeparators(rescue)));
    } else {
        qCWarning(lcReview).noquote() << r.message;
        Q_EMIT q->saveFailed(r.message);
    }
}

void ReviewBinding::reloadFromDisk()
{
    d->reload(false);
}

// Shows the sidecar's decisions; with `replay`, a journal that the previous lock
// holder left is applied and folded in (taking over its review).
QStringList ReviewBinding::Private::reload(bool replay)
{
    if (!open || sidecarPath.isEmpty())
        return {};
    finishFolding();
    SidecarFile::LoadResult loaded = SidecarFile::load(sidecarPath);
    QStringList replayedJournals;
    const int replayed = replay ? replayJournals(&loaded, true, &replayedJournals) : 0;
    if (loaded.status != SidecarFile::LoadStatus::Loaded) {
        if (!loaded.message.isEmpty())
            say(loaded.message + u' ' + ReviewBinding::tr("The decisions shown are kept."));
        return {};
    }
    ReviewBinding *const self = q;
    Private *const d = this;
    d->saveTimer.stop();
    d->review->beginReset();
    d->sayAll(d->review->applyDecisions(loaded.data));
    d->knownBytes = loaded.bytes;
    d->dirty = false;
    // The local changes are dropped: so are their journal lines.
    d->resetJournalAfterFold(QFileInfo::exists(sidecarPath) ? loaded.bytes : QByteArray());
    d->watch();
    d->review->endReset();
    if (replayed > 0) {
        d->say(ReviewBinding::tr("%n change(s) to the review of %1 that had not reached its review "
                               "file were recovered from the journal.", nullptr, replayed)
                   .arg(fileName));
        d->dirty = true;
        if (self->save())
            replayedJournals.clear();
    } else {
        d->say(ReviewBinding::tr("Decisions reloaded from %1, which was changed on disk.")
                   .arg(QDir::toNativeSeparators(d->sidecarPath)));
    }
    return replayedJournals;
}

void ReviewBinding::keepLocalChanges()
{
    if (!d->open)
        return;
    d->dirty = true;
    save();
}