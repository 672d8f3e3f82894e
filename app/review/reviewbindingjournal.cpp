// ReviewBinding's journal: every change becomes a line written off the GUI thread;
// the autosave folds the lines into the review file; a journal left by a crash is
// replayed on open; a line the disk refused is taken back from the review.
#include "reviewbinding_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

// Journal files this filing's review may have, beside the filing or in the data folder.
QStringList ReviewBinding::Private::journalCandidates() const
{
    QStringList paths;
    auto add = [&paths](const QString &reviewPath) {
        if (reviewPath.isEmpty())
            return;
        const QString path = ReviewJournal::pathFor(reviewPath);
        if (!paths.contains(path) && QFileInfo(path).isFile())
            paths.append(path);
    };
    add(sidecarPath);
    add(readPath);
    if (!filePath.isEmpty())
        add(SidecarFile::pathBeside(filePath));
    if (!sha256.isEmpty())
        add(SidecarFile::fallbackPath(sha256));
    return paths;
}

// Applies the journals that belong to the review file just read; returns how many
// changes they held and lists in `applied` the journals used. A journal for another
// filing or another version of the review file is not applied: the owner moves it
// aside, untouched; one whose changes the review file already holds (the program
// stopped between writing the review file and emptying the journal) is dropped.
int ReviewBinding::Private::replayJournals(SidecarFile::LoadResult *loaded, bool owner, QStringList *applied)
{
    const bool baseKnown = loaded->status == SidecarFile::LoadStatus::Loaded
        || loaded->status == SidecarFile::LoadStatus::Missing;
    const QString base = loaded->status == SidecarFile::LoadStatus::Loaded
        ? ReviewJournal::sha256Of(loaded->bytes) : QString();
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
    QList<ReviewJournal::Change> changes;
    int count = 0;
    for (const QString &path : journalCandidates()) {
        const ReviewJournal::Contents c = ReviewJournal::read(path);
        if (!c.exists)
            continue;
        for (const QString &problem : c.problems)
            say(problem);
        if (c.empty || c.tornOnly) {
            if (owner)
                QFile::remove(path); // nothing in it ever reached the disk whole
            continue;
        }
        QString aside;
        QString why;
        if (!c.headerValid) {
            aside = u".unreadable-"_s;
        } else if (!sha256.isEmpty() && c.filingSha256 != sha256) {
            aside = u".other-"_s;
            why = ReviewBinding::tr("it belongs to another version of the filing");
        } else if (baseKnown && c.baseSha256 == base) {
            changes.append(c.changes);
            count += int(c.changes.size());
            applied->append(path);
            continue;
        } else if (baseKnown) {
            QFile bak(readPath + u".bak"_s);
            const QString bakSha = bak.open(QIODevice::ReadOnly) ? ReviewJournal::sha256Of(bak.readAll()) : QString();
            if (c.baseSha256 == bakSha && loaded->status == SidecarFile::LoadStatus::Loaded) {
                if (owner)
                    QFile::remove(path);
                continue;
            }
            aside = u".unapplied-"_s;
            why = ReviewBinding::tr("the review file was changed after it was written");
        } else {
            aside = u".unapplied-"_s;
            why = ReviewBinding::tr("the review file cannot be read");
        }
        const QString where = QDir::toNativeSeparators(path);
        if (!owner) {
            if (!why.isEmpty())
                say(ReviewBinding::tr("The journal %1 is not applied: %2.").arg(where, why));
            continue;
        }
        const QString target = path + aside + stamp;
        if (QFile::rename(path, target)) {
            say(ReviewBinding::tr("The journal %1 was not applied%2; it was kept unchanged as %3.")
                    .arg(where, why.isEmpty() ? QString() : u": "_s + why, QDir::toNativeSeparators(target)));
        } else {
            say(ReviewBinding::tr("The journal %1 was not applied%2.")
                    .arg(where, why.isEmpty() ? QString() : u": "_s + why));
        }
    }
    if (changes.isEmpty())
        return 0;
    if (loaded->status == SidecarFile::LoadStatus::Missing) {
        loaded->status = SidecarFile::LoadStatus::Loaded;
        loaded->data.sha256 = sha256;
    }
    ReviewJournal::apply(changes, &loaded->data);
    return count;
}

// The lock holder journals every change beside the review file it saves to; where
// that journal cannot be a file, in the data folder.
void ReviewBinding::Private::startJournal(const QStringList &keep)
{
    stopJournal();
    QString path = ReviewJournal::pathFor(sidecarPath);
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        const QString fallback = sha256.isEmpty()
            ? QString() : ReviewJournal::pathFor(SidecarFile::fallbackPath(sha256));
        if (fallback.isEmpty() || fallback == path
            || !QDir().mkpath(QFileInfo(fallback).absolutePath())) {
            say(ReviewBinding::tr("The journal %1 cannot be written; changes are saved only with the "
                                "review file.").arg(QDir::toNativeSeparators(path)));
            return;
        }
        say(ReviewBinding::tr("The journal %1 cannot be written; changes are journaled in %2.")
                .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(fallback)));
        path = fallback;
    }
    journal = std::make_unique<ReviewJournal>(disk);
    QObject::connect(journal.get(), &ReviewJournal::durable, q, [this](quint64 seq) { onJournalDurable(seq); });
    QObject::connect(journal.get(), &ReviewJournal::failed, q,
                     [this](quint64 seq, const QString &message) { onJournalFailed(seq, message); });
    const bool append = keep.contains(path) && QFileInfo(path).size() > 0;
    journal->start(path, !append, sha256, journalBase);
    QObject::connect(journal.get(), &ReviewJournal::folded, q,
                     [this](quint64 seq, bool ok, const QString &message) { onFolded(seq, ok, message); });
    folding = false;
    foldedSeq = 0;
    durableSeq = 0;
    replayedElsewhere = keep;
    replayedElsewhere.removeAll(path);
}

void ReviewBinding::Private::stopJournal()
{
    if (journal)
        journal->stop();
    journal.reset();
    folding = false;
    journalPaused = false;
    review->dropChanges();
    review->settle(std::numeric_limits<quint64>::max());
    replayedElsewhere.clear();
}

// What the fold wrote holds every line so far: the journal starts again from it.
void ReviewBinding::Private::resetJournalAfterFold(const QByteArray &bytes)
{
    journalBase = bytes;
    if (!journal)
        return;
    commitJournal();
    foldedSeq = journal->lastSeq();
    durableSeq = std::max(durableSeq, foldedSeq);
    review->settle(std::numeric_limits<quint64>::max());
    journal->truncate(bytes);
    for (const QString &path : std::as_const(replayedElsewhere))
        QFile::remove(path);
    replayedElsewhere.clear();
}

void ReviewBinding::Private::commitJournal()
{
    if (!journaling()) {
        review->dropChanges();
        return;
    }
    const quint64 seq = journal->lastSeq() + 1;
    BoundReview::Change change;
    if (!review->takeChange(seq, &change))
        return;
    const QByteArray line = ReviewJournal::changeLine(seq, change.set, change.remove, change.historyKeep,
                                                      change.historyAppend);
    // Announced before it is queued: whoever follows durable() knows the line first.
    Q_EMIT q->journaled(seq, change.ids);
    journal->append(line);
}

void ReviewBinding::Private::onJournalDurable(quint64 seq)
{
    if (!journal || seq <= durableSeq)
        return;
    durableSeq = seq;
    review->settle(seq);
    Q_EMIT q->durable(seq);
}

// A line that could not be written (a full disk): the change it held, and every one
// queued after it, is taken back, so what is shown is what is on disk.
void ReviewBinding::Private::onJournalFailed(quint64 seq, const QString &message)
{
    if (!journal)
        return;
    const quint64 from = std::max(seq, foldedSeq + 1);
    journalPaused = true;
    // Its undo commands describe changes that are no longer there: the store clears them.
    const bool tookBack = review->takeBack(from);
    journalPaused = false;
    journal->resume();
    durableSeq = journal->lastSeq(); // the rest was written, or taken back
    if (tookBack) {
        const QString text = message + u' '
            + ReviewBinding::tr("The last change was not saved and has been taken back; the undo "
                              "history was cleared.");
        qCWarning(lcReview).noquote() << text;
        messages.append(text);
        Q_EMIT q->saveFailed(text);
    }
}

// The autosave: the review file is encoded here (milliseconds) and written, fsync'd
// and committed on the journal's thread, in order with the journal's lines; the GUI
// thread never waits for the disk. save() stays synchronous for close and quit.
void ReviewBinding::Private::foldInBackground()
{
    if (folding)
        return; // onFolded() starts the next one
    if (!journal || !open || q->isReadOnly() || savingBlocked || sidecarPath.isEmpty()
        || !recoveredFrom.isEmpty()) {
        q->save();
        return;
    }
    const SidecarData data = review->snapshot();
    if (data.decisionsJson.isEmpty() && data.historyJson.isEmpty() && !QFileInfo::exists(sidecarPath)) {
        q->save(); // nothing to write
        return;
    }
    commitJournal();
    folding = true;
    foldingSeq = journal->lastSeq();
    foldingPrevious = knownBytes;
    foldingSavedAt = data.savedAt;
    // Our own write must not look like a change made by another program.
    knownBytes = SidecarFile::serialize(data);
    dirty = false;
    journal->fold(sidecarPath, knownBytes);
}

void ReviewBinding::Private::onFolded(quint64 seq, bool ok, const QString &message)
{
    if (!journal || !folding || seq != foldingSeq)
        return;
    folding = false;
    if (!ok) {
        knownBytes = foldingPrevious;
        dirty = true;
        qCWarning(lcReview).noquote() << message;
        Q_EMIT q->saveFailed(message);
        return;
    }
    journalBase = knownBytes;
    if (seq > foldedSeq)
        foldedSeq = seq;
    review->settle(foldedSeq);
    if (journal->lastSeq() == seq && !dirty)
        review->markClean();
    watch();
    Q_EMIT q->saved(sidecarPath, foldingSavedAt);
    if (foldedSeq > durableSeq) {
        durableSeq = foldedSeq;
        Q_EMIT q->durable(durableSeq);
    }
    if (dirty && !saveTimer.isActive())
        saveTimer.start(); // changes made while it was written
}

// Waits for a fold under way on the journal's thread (a synchronous save must not
// race it) and takes its result.
void ReviewBinding::Private::finishFolding()
{
    if (!journal || !folding)
        return;
    journal->waitForIdle();
    QCoreApplication::sendPostedEvents(journal.get());
    if (folding) { // the report was not delivered: treat as failed, keep the changes
        folding = false;
        knownBytes = foldingPrevious;
        dirty = true;
    }
}
