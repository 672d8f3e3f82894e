#include "reviewstore.h"

#include "model/codepointindex.h"
#include "model/entitytypes.h"
#include "decisionmerge.h"
#include "reviewcommands.h"
#include "reviewjournal.h"
#include "sidecarfile.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QFileSystemWatcher>
#include <QtCore/QHash>
#include <QtCore/QLockFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <algorithm>
#include <atomic>
#include <deque>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReview, "filinglens.review")

namespace {

std::atomic_bool s_folderWritable{true};

constexpr int kLockStaleMsec = 30 * 60 * 1000;

// Decisions carry whole seconds: what the file can hold is what undo restores.
QDateTime nowUtc()
{
    const qint64 secs = QDateTime::currentSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

QString defaultReviewer()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString v = qEnvironmentVariable(name);
        if (!v.isEmpty())
            return v;
    }
    return u"unknown"_s;
}

bool isDecision(const Entity &e)
{
    return e.status != EntityStatus::Auto || !e.note.isEmpty() || e.orphan;
}

QString label(const QString &type)
{
    return EntityTypes::type(type).label;
}

// "Registrant: ImmunoGen, Inc." — an entity as the undo history names it.
QString subject(const Entity &e)
{
    const QString value = e.value.size() > 48 ? e.value.left(47) + u'…' : e.value;
    return ReviewStore::tr("%1: %2").arg(label(e.type), value);
}

QString shortValue(const QString &value)
{
    return value.size() > 40 ? value.left(39) + u'…' : value;
}

} // namespace

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

    OpenMode mode = OpenMode::Interactive;
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

    // The journal (only the lock holder has one) and the change being collected for
    // it: the ids changed and the history from historyLow on, since the last line.
    std::unique_ptr<ReviewJournal> journal;
    QByteArray journalBase;       // the sidecar bytes the journal's changes apply to
    bool folding = false;          // a fold is under way on the journal's thread ...
    quint64 foldingSeq = 0;        // ... of every line up to this one
    QByteArray foldingPrevious;    // knownBytes before it, should it fail
    QDateTime foldingSavedAt;
    bool journalPaused = false;    // taking back refused changes: not journaled
    QStringList changedIds;
    QSet<QString> changedSet;
    qsizetype historyLow = -1;
    quint64 foldedSeq = 0;  // every line up to this one is in the sidecar
    quint64 durableSeq = 0; // every line up to this one is on disk
    // How to take back a journal line that could not be written.
    struct Revert
    {
        enum Kind { State, Inserted, Removed, HistoryAppended, HistoryRemoved, HistoryReplaced };
        Kind kind;
        QString id;
        int row = 0;
        Entity before;
        size_t pos = 0;
        quint64 key = 0;
        QJsonObject entry;
    };
    std::vector<Revert> opLog;
    struct InFlight
    {
        quint64 seq;
        std::vector<Revert> log;
    };
    std::deque<InFlight> inFlight;
    QStringList replayedElsewhere; // journals replayed at open, removed once folded in

    QTimer saveTimer;
    QTimer watchTimer;
    QTimer lockRefresh;
    QFileSystemWatcher *watcher = nullptr;
    QStringList messages;
    ReviewStore *q = nullptr;

    void say(const QString &text)
    {
        qCInfo(lcReview).noquote() << text;
        messages.append(text);
        Q_EMIT q->message(text);
    }
    void resetData();
    void applyDecisions(const SidecarData &data);
    SidecarAnchor anchorOf(const Entity &e) const;
    SidecarData snapshot() const;
    void watch();
    void flush();
    void onDiskChange();
    QByteArray decisionJson(const Entity &e) const;
    bool journaling() const { return journal && !journalPaused; }
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

    // Saves at most one autosave delay after the first unsaved change: continuous
    // typing does not postpone the write.
    void markDirty()
    {
        dirty = true;
        if (!saveTimer.isActive())
            saveTimer.start();
    }

    void rebuildRows()
    {
        rows.clear();
        rows.reserve(entities.size());
        for (int i = 0; i < entities.size(); ++i)
            rows.insert(entities.at(i).id, i);
    }
};

ReviewStore::ReviewStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->undo = new QUndoStack(this);
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
    // Undo, redo and the undo view's jumps: each becomes one journal line.
    connect(d->undo, &QUndoStack::indexChanged, this, [this] { d->commitJournal(); });
}

ReviewStore::~ReviewStore()
{
    d->flush();
}

void ReviewStore::setFolderWritableForTesting(bool writable)
{
    s_folderWritable.store(writable);
}

const DocumentContent &ReviewStore::content() const
{
    return d->content;
}

const EntityList &ReviewStore::entities() const
{
    return d->entities;
}

int ReviewStore::count() const
{
    return int(d->entities.size());
}

int ReviewStore::indexOf(const QString &id) const
{
    return d->rows.value(id, -1);
}

const Entity *ReviewStore::entity(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? nullptr : &d->entities.at(row);
}

QUndoStack *ReviewStore::undoStack() const
{
    return d->undo;
}

QString ReviewStore::reviewer() const
{
    return d->reviewer;
}

void ReviewStore::setReviewer(const QString &name)
{
    const QString n = name.trimmed();
    d->reviewer = n.isEmpty() ? defaultReviewer() : n;
}

bool ReviewStore::isReadOnly() const
{
    return !d->readOnlyReason.isEmpty();
}

QString ReviewStore::readOnlyReason() const
{
    return d->readOnlyReason;
}

QString ReviewStore::sidecarPath() const
{
    return d->sidecarPath;
}

bool ReviewStore::hasUnsavedChanges() const
{
    return d->dirty;
}

void ReviewStore::setAutosaveDelay(int msec)
{
    d->saveTimer.setInterval(qMax(0, msec));
}

int ReviewStore::autosaveDelay() const
{
    return d->saveTimer.interval();
}

QString ReviewStore::journalPath() const
{
    return d->journal ? d->journal->path() : QString();
}

bool ReviewStore::isDurable() const
{
    if (!d->journal)
        return !d->dirty;
    return d->durableSeq >= d->journal->lastSeq();
}

void ReviewStore::waitForJournal()
{
    if (!d->journal)
        return;
    d->journal->waitForIdle();
    QCoreApplication::sendPostedEvents(d->journal.get());
}

QStringList ReviewStore::messages() const
{
    return d->messages;
}

QJsonArray ReviewStore::history() const
{
    QJsonArray out;
    for (const auto &h : d->history)
        out.append(h.entry);
    return out;
}

void ReviewStore::Private::resetData()
{
    done = false;
    doneBy.clear();
    doneAt = {};
    stopJournal();
    saveTimer.stop();
    watchTimer.stop();
    undo->clear();
    delete watcher;
    watcher = nullptr;
    lockRefresh.stop();
    lock.reset();
    content = {};
    extracted.clear();
    entities.clear();
    rows.clear();
    original.clear();
    confirmAs.clear();
    orphanAnchors.clear();
    encoded.clear();
    codePoints.clear();
    history.clear();
    readOnlyReason.clear();
    sidecarPath.clear();
    readPath.clear();
    recoveredFrom.clear();
    savingBlocked = false;
    lockedOut = false;
    knownBytes.clear();
    dirty = false;
    messages.clear();
    open = false;
}

SidecarAnchor ReviewStore::Private::anchorOf(const Entity &e) const
{
    if (e.orphan) {
        const auto it = orphanAnchors.constFind(e.id);
        if (it != orphanAnchors.cend())
            return *it;
        return SidecarAnchor{0, 0, 0, e.text, {}, {}};
    }
    SidecarAnchor a;
    const SourceSpan &s = e.span;
    if (s.page < 0 || s.page >= int(codePoints.size()))
        return SidecarAnchor{0, 0, 0, e.text, {}, {}};
    const CodePointIndex &cp = codePoints[size_t(s.page)];
    a.page = s.page + 1;
    a.start = cp.toCodePoint(s.start);
    a.end = cp.toCodePoint(s.end);
    a.exact = content.text.textAt(s);
    if (a.exact.isEmpty())
        a.exact = e.text;
    a.prefix = content.text.prefix(s, 32);
    a.suffix = content.text.suffix(s, 32);
    return a;
}

SidecarData ReviewStore::Private::snapshot() const
{
    SidecarData data;
    data.file = content.fileName.isEmpty() ? QFileInfo(content.filePath).fileName() : content.fileName;
    data.sha256 = content.sha256;
    data.pages = content.pageCount();
    data.format = formatKey(content.format);
    data.savedAt = nowUtc();
    data.done = done;
    data.doneBy = doneBy;
    data.doneAt = doneAt;
    data.decisions.reserve(entities.size());
    data.decisionsJson.reserve(entities.size());
    for (const Entity &e : entities) {
        if (!isDecision(e))
            continue;
        data.decisionsJson.append(decisionJson(e));
    }
    data.historyJson.reserve(qsizetype(history.size()));
    for (const HistoryEntry &h : history) {
        if (h.json.isEmpty())
            h.json = SidecarFile::serializeObject(h.entry);
        data.historyJson.append(h.json);
    }
    return data;
}

QByteArray ReviewStore::Private::decisionJson(const Entity &e) const
{
    const auto cached = encoded.constFind(e.id);
    if (cached != encoded.cend())
        return *cached;
    SidecarDecision dec;
    dec.id = e.id;
    dec.status = statusKey(e.status);
    dec.type = e.type;
    dec.value = e.value;
    dec.anchor = anchorOf(e);
    dec.attributes = e.attributes;
    dec.note = e.note;
    dec.by = e.by;
    dec.at = e.at;
    const QByteArray json = SidecarFile::serializeDecision(dec);
    encoded.insert(e.id, json);
    return json;
}

// Matches decisions to entities: by id; then by the saved anchor if it still holds
// the quoted text; then by re-anchoring the quote. What cannot be placed becomes an
// orphan. Linear in the number of decisions plus entities, except for re-anchoring,
// which only decisions whose place changed need.
void ReviewStore::Private::applyDecisions(const SidecarData &data)
{
    DecisionMerge::Result merged =
        DecisionMerge::apply(content, codePoints, std::move(entities), std::move(original), data);
    entities = std::move(merged.entities);
    original = std::move(merged.original);
    for (auto it = merged.confirmAs.cbegin(); it != merged.confirmAs.cend(); ++it)
        confirmAs.insert(it.key(), it.value());
    for (auto it = merged.orphanAnchors.cbegin(); it != merged.orphanAnchors.cend(); ++it)
        orphanAnchors.insert(it.key(), it.value());
    rebuildRows();
    for (const auto &v : data.history)
        history.push_back({nextHistoryKey++, v.toObject(), {}});
    done = data.done;
    doneBy = data.doneBy;
    doneAt = data.doneAt;

    const bool sameDocument = data.sha256.isEmpty() || data.sha256 == content.sha256;
    const int reanchored = merged.reanchored;
    const int orphans = merged.orphans;
    if (!sameDocument && (reanchored > 0 || orphans > 0)) {
        say(ReviewStore::tr("%1 changed since it was reviewed: %2 decision(s) found again in the new text, "
                            "%3 could not be placed and are kept as orphans.")
                .arg(content.fileName).arg(reanchored).arg(orphans));
    } else if (orphans > 0) {
        say(ReviewStore::tr("%1 decision(s) of %2 could not be placed in the text and are kept as orphans.")
                .arg(orphans).arg(content.fileName));
    }
}

// The sidecar's folder changed: follow the file when nothing local is unsaved, ask
// otherwise; and when the window that held the lock let go, take it over.
void ReviewStore::Private::onDiskChange()
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
            say(ReviewStore::tr("%1 is no longer open elsewhere; it can be reviewed here now.")
                    .arg(content.fileName));
            Q_EMIT q->readOnlyChanged(false);
        }
    }
}

// Journal files this filing's review may have, beside the filing or in the data folder.
QStringList ReviewStore::Private::journalCandidates() const
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
    if (!content.filePath.isEmpty())
        add(SidecarFile::pathBeside(content.filePath));
    if (!content.sha256.isEmpty())
        add(SidecarFile::fallbackPath(content.sha256));
    return paths;
}

// Applies the journals that belong to the review file just read; returns how many
// changes they held and lists in `applied` the journals used. A journal for another
// filing or another version of the review file is not applied: the owner moves it
// aside, untouched; one whose changes the review file already holds (the program
// stopped between writing the review file and emptying the journal) is dropped.
int ReviewStore::Private::replayJournals(SidecarFile::LoadResult *loaded, bool owner, QStringList *applied)
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
        } else if (!content.sha256.isEmpty() && c.filingSha256 != content.sha256) {
            aside = u".other-"_s;
            why = ReviewStore::tr("it belongs to another version of the filing");
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
            why = ReviewStore::tr("the review file was changed after it was written");
        } else {
            aside = u".unapplied-"_s;
            why = ReviewStore::tr("the review file cannot be read");
        }
        const QString where = QDir::toNativeSeparators(path);
        if (!owner) {
            if (!why.isEmpty())
                say(ReviewStore::tr("The journal %1 is not applied: %2.").arg(where, why));
            continue;
        }
        const QString target = path + aside + stamp;
        if (QFile::rename(path, target)) {
            say(ReviewStore::tr("The journal %1 was not applied%2; it was kept unchanged as %3.")
                    .arg(where, why.isEmpty() ? QString() : u": "_s + why, QDir::toNativeSeparators(target)));
        } else {
            say(ReviewStore::tr("The journal %1 was not applied%2.")
                    .arg(where, why.isEmpty() ? QString() : u": "_s + why));
        }
    }
    if (changes.isEmpty())
        return 0;
    if (loaded->status == SidecarFile::LoadStatus::Missing) {
        loaded->status = SidecarFile::LoadStatus::Loaded;
        loaded->data.sha256 = content.sha256;
    }
    ReviewJournal::apply(changes, &loaded->data);
    return count;
}

// The lock holder journals every change beside the review file it saves to; where
// that journal cannot be a file, in the data folder.
void ReviewStore::Private::startJournal(const QStringList &keep)
{
    stopJournal();
    QString path = ReviewJournal::pathFor(sidecarPath);
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        const QString fallback = content.sha256.isEmpty()
            ? QString() : ReviewJournal::pathFor(SidecarFile::fallbackPath(content.sha256));
        if (fallback.isEmpty() || fallback == path
            || !QDir().mkpath(QFileInfo(fallback).absolutePath())) {
            say(ReviewStore::tr("The journal %1 cannot be written; changes are saved only with the "
                                "review file.").arg(QDir::toNativeSeparators(path)));
            return;
        }
        say(ReviewStore::tr("The journal %1 cannot be written; changes are journaled in %2.")
                .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(fallback)));
        path = fallback;
    }
    journal = std::make_unique<ReviewJournal>();
    QObject::connect(journal.get(), &ReviewJournal::durable, q, [this](quint64 seq) { onJournalDurable(seq); });
    QObject::connect(journal.get(), &ReviewJournal::failed, q,
                     [this](quint64 seq, const QString &message) { onJournalFailed(seq, message); });
    const bool append = keep.contains(path) && QFileInfo(path).size() > 0;
    journal->start(path, !append, content.sha256, journalBase);
    QObject::connect(journal.get(), &ReviewJournal::folded, q,
                     [this](quint64 seq, bool ok, const QString &message) { onFolded(seq, ok, message); });
    folding = false;
    foldedSeq = 0;
    durableSeq = 0;
    replayedElsewhere = keep;
    replayedElsewhere.removeAll(path);
}

void ReviewStore::Private::stopJournal()
{
    if (journal)
        journal->stop();
    journal.reset();
    folding = false;
    journalPaused = false;
    changedIds.clear();
    changedSet.clear();
    historyLow = -1;
    opLog.clear();
    inFlight.clear();
    replayedElsewhere.clear();
}

// What the fold wrote holds every line so far: the journal starts again from it.
void ReviewStore::Private::resetJournalAfterFold(const QByteArray &bytes)
{
    journalBase = bytes;
    if (!journal)
        return;
    commitJournal();
    foldedSeq = journal->lastSeq();
    durableSeq = std::max(durableSeq, foldedSeq);
    inFlight.clear();
    journal->truncate(bytes);
    for (const QString &path : std::as_const(replayedElsewhere))
        QFile::remove(path);
    replayedElsewhere.clear();
}

void ReviewStore::Private::commitJournal()
{
    if (!journaling()) {
        changedIds.clear();
        changedSet.clear();
        historyLow = -1;
        opLog.clear();
        return;
    }
    if (changedIds.isEmpty() && historyLow < 0)
        return;
    QList<QByteArray> set;
    QStringList remove;
    for (const QString &id : std::as_const(changedIds)) {
        const Entity *e = q->entity(id);
        if (e && isDecision(*e))
            set.append(decisionJson(*e));
        else
            remove.append(id);
    }
    int keep = -1;
    QList<QByteArray> appended;
    if (historyLow >= 0) {
        keep = int(std::min(historyLow, qsizetype(history.size())));
        for (size_t i = size_t(keep); i < history.size(); ++i) {
            const HistoryEntry &h = history[i];
            if (h.json.isEmpty())
                h.json = SidecarFile::serializeObject(h.entry);
            appended.append(h.json);
        }
    }
    const quint64 seq = journal->lastSeq() + 1;
    const QByteArray line = ReviewJournal::changeLine(seq, set, remove, keep, appended);
    const QStringList ids = changedIds;
    inFlight.push_back({seq, std::move(opLog)});
    opLog.clear();
    changedIds.clear();
    changedSet.clear();
    historyLow = -1;
    // Announced before it is queued: whoever follows durable() knows the line first.
    Q_EMIT q->journaled(seq, ids);
    journal->append(line);
}

void ReviewStore::Private::onJournalDurable(quint64 seq)
{
    if (!journal || seq <= durableSeq)
        return;
    durableSeq = seq;
    while (!inFlight.empty() && inFlight.front().seq <= seq)
        inFlight.pop_front();
    Q_EMIT q->durable(seq);
}

// A line that could not be written (a full disk): the change it held, and every one
// queued after it, is taken back, so what is shown is what is on disk.
void ReviewStore::Private::onJournalFailed(quint64 seq, const QString &message)
{
    if (!journal)
        return;
    const quint64 from = std::max(seq, foldedSeq + 1);
    bool tookBack = false;
    journalPaused = true;
    while (!inFlight.empty() && inFlight.back().seq >= from) {
        const std::vector<Revert> &log = inFlight.back().log;
        for (auto it = log.crbegin(); it != log.crend(); ++it) {
            switch (it->kind) {
            case Revert::State:
                q->applyState(it->id, {it->before.status, it->before.value, it->before.type,
                                       it->before.note, it->before.by, it->before.at});
                break;
            case Revert::Inserted:
                q->removeEntity(it->id);
                break;
            case Revert::Removed:
                q->insertEntity(it->row, it->before);
                break;
            case Revert::HistoryAppended:
                q->removeHistory(it->key);
                break;
            case Revert::HistoryRemoved:
                history.insert(history.begin() + qBound<qsizetype>(0, qsizetype(it->pos), qsizetype(history.size())),
                               HistoryEntry{it->key, it->entry, {}});
                break;
            case Revert::HistoryReplaced:
                q->replaceHistory(it->key, it->entry);
                break;
            }
        }
        inFlight.pop_back();
        tookBack = true;
    }
    if (tookBack)
        undo->clear(); // its commands describe changes that are no longer there
    journalPaused = false;
    journal->resume();
    durableSeq = journal->lastSeq(); // the rest was written, or taken back
    if (tookBack) {
        const QString text = message + u' '
            + ReviewStore::tr("The last change was not saved and has been taken back; the undo "
                              "history was cleared.");
        qCWarning(lcReview).noquote() << text;
        messages.append(text);
        Q_EMIT q->saveFailed(text);
    }
}

// The autosave: the review file is encoded here (milliseconds) and written, fsync'd
// and committed on the journal's thread, in order with the journal's lines; the GUI
// thread never waits for the disk. save() stays synchronous for close and quit.
void ReviewStore::Private::foldInBackground()
{
    if (folding)
        return; // onFolded() starts the next one
    if (!journal || !open || q->isReadOnly() || savingBlocked || sidecarPath.isEmpty()
        || !recoveredFrom.isEmpty()) {
        q->save();
        return;
    }
    const SidecarData data = snapshot();
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

void ReviewStore::Private::onFolded(quint64 seq, bool ok, const QString &message)
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
    while (!inFlight.empty() && inFlight.front().seq <= foldedSeq)
        inFlight.pop_front();
    if (journal->lastSeq() == seq && !dirty)
        undo->setClean();
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
void ReviewStore::Private::finishFolding()
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

void ReviewStore::Private::watch()
{
    if (mode != OpenMode::Interactive || sidecarPath.isEmpty())
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

void ReviewStore::open(const DocumentContent &content, const EntityList &extracted, OpenMode mode)
{
    Q_EMIT modelAboutToReset();
    d->flush();
    d->resetData();
    d->open = true;
    d->mode = mode;
    d->content = content;
    d->extracted = extracted;
    d->entities = extracted;
    d->rebuildRows();
    for (const Entity &e : extracted)
        d->original.insert(e.id, {e.type, e.value});
    d->codePoints.reserve(size_t(content.pageCount()));
    for (const QString &page : content.text.pages)
        d->codePoints.emplace_back(page);

    const QString name = content.fileName.isEmpty() ? QFileInfo(content.filePath).fileName()
                                                     : content.fileName;
    if (content.filePath.isEmpty()) {
        if (mode == OpenMode::ReadOnly)
            d->readOnlyReason = tr("Opened read-only.");
        Q_EMIT modelReset();
        return;
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

    if (mode == OpenMode::ReadOnly) {
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
        bool besideWritable = s_folderWritable.load();
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
    if (!d->readOnlyReason.isEmpty() && mode == OpenMode::Interactive)
        d->say(d->readOnlyReason);

    SidecarFile::LoadResult loaded = SidecarFile::load(d->readPath);
    if (loaded.status != SidecarFile::LoadStatus::Loaded)
        d->recoveredFrom.clear(); // never remove a file that could not be read
    // The journal belongs to the lock holder: a window shown read-only replays nothing;
    // a headless reader applies it without touching it.
    const bool owner = mode == OpenMode::Interactive && d->lock && d->readOnlyReason.isEmpty();
    QStringList replayedJournals;
    int replayed = 0;
    if (mode == OpenMode::ReadOnly || owner)
        replayed = d->replayJournals(&loaded, owner, &replayedJournals);
    switch (loaded.status) {
    case SidecarFile::LoadStatus::Loaded:
        d->applyDecisions(loaded.data);
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
        if (mode == OpenMode::Interactive && d->lock && d->readPath == d->sidecarPath) {
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
    Q_EMIT modelReset();
    Q_EMIT readOnlyChanged(isReadOnly());
}

void ReviewStore::close()
{
    if (!d->open)
        return;
    Q_EMIT modelAboutToReset();
    d->flush();
    d->resetData();
    Q_EMIT modelReset();
}

bool ReviewStore::save()
{
    d->saveTimer.stop();
    d->finishFolding();
    if (!d->open || isReadOnly() || d->savingBlocked || d->sidecarPath.isEmpty())
        return false;
    const SidecarData data = d->snapshot();
    if (data.decisionsJson.isEmpty() && data.historyJson.isEmpty() && !QFileInfo::exists(d->sidecarPath)) {
        d->dirty = false;
        d->resetJournalAfterFold(d->journalBase);
        return true; // nothing to keep; no file for an unreviewed filing
    }
    const QByteArray bytes = SidecarFile::serialize(data);
    const SidecarFile::SaveResult result = SidecarFile::save(d->sidecarPath, bytes);
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
    d->undo->setClean();
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
void ReviewStore::Private::flush()
{
    if (!open || !dirty || q->isReadOnly())
        return;
    if (q->save())
        return;
    if (savingBlocked || content.sha256.isEmpty())
        return;
    const QString rescue = SidecarFile::fallbackPath(content.sha256);
    if (rescue == sidecarPath)
        return;
    const SidecarFile::SaveResult r = SidecarFile::save(rescue, SidecarFile::serialize(snapshot()));
    if (r.ok) {
        // The rescue holds every journaled change: the journal would only disagree with it.
        const QString journalFile = journal ? journal->path() : QString();
        stopJournal();
        if (!journalFile.isEmpty())
            QFile::remove(journalFile);
        say(ReviewStore::tr("%1 could not be written; the decisions were saved in %2 and come back "
                            "when the filing is opened again.")
                .arg(QDir::toNativeSeparators(sidecarPath), QDir::toNativeSeparators(rescue)));
    } else {
        qCWarning(lcReview).noquote() << r.message;
        Q_EMIT q->saveFailed(r.message);
    }
}

void ReviewStore::reloadFromDisk()
{
    d->reload(false);
}

// Shows the sidecar's decisions; with `replay`, a journal that the previous lock
// holder left is applied and folded in (taking over its review).
QStringList ReviewStore::Private::reload(bool replay)
{
    if (!open || sidecarPath.isEmpty())
        return {};
    finishFolding();
    SidecarFile::LoadResult loaded = SidecarFile::load(sidecarPath);
    QStringList replayedJournals;
    const int replayed = replay ? replayJournals(&loaded, true, &replayedJournals) : 0;
    if (loaded.status != SidecarFile::LoadStatus::Loaded) {
        if (!loaded.message.isEmpty())
            say(loaded.message + u' ' + ReviewStore::tr("The decisions shown are kept."));
        return {};
    }
    ReviewStore *const self = q;
    Private *const d = this;
    Q_EMIT self->modelAboutToReset();
    d->saveTimer.stop();
    d->undo->clear();
    d->entities = d->extracted;
    d->rebuildRows();
    d->original.clear();
    d->confirmAs.clear();
    d->encoded.clear();
    for (const Entity &e : std::as_const(d->extracted))
        d->original.insert(e.id, {e.type, e.value});
    d->orphanAnchors.clear();
    d->history.clear();
    d->applyDecisions(loaded.data);
    d->knownBytes = loaded.bytes;
    d->dirty = false;
    // The local changes are dropped: so are their journal lines.
    d->resetJournalAfterFold(QFileInfo::exists(sidecarPath) ? loaded.bytes : QByteArray());
    d->watch();
    Q_EMIT self->modelReset();
    if (replayed > 0) {
        d->say(ReviewStore::tr("%n change(s) to the review of %1 that had not reached its review "
                               "file were recovered from the journal.", nullptr, replayed)
                   .arg(content.fileName));
        d->dirty = true;
        if (self->save())
            replayedJournals.clear();
    } else {
        d->say(ReviewStore::tr("Decisions reloaded from %1, which was changed on disk.")
                   .arg(QDir::toNativeSeparators(d->sidecarPath)));
    }
    return replayedJournals;
}

void ReviewStore::keepLocalChanges()
{
    if (!d->open)
        return;
    d->dirty = true;
    save();
}

EntityList ReviewStore::applySidecar(const DocumentContent &content, const EntityList &extracted,
                                     QStringList *messages)
{
    ReviewStore store;
    store.open(content, extracted, OpenMode::ReadOnly);
    if (messages)
        *messages = store.messages();
    return store.entities();
}

// Mutators and what the commands call.

ReviewStore::ReviewState ReviewStore::stateOf(const QString &id) const
{
    const Entity *e = entity(id);
    if (!e)
        return {};
    return {e->status, e->value, e->type, e->note, e->by, e->at, e->span, e->text};
}

void ReviewStore::applyState(const QString &id, const ReviewState &state)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    Entity &e = d->entities[row];
    if (d->journaling()) {
        d->opLog.push_back({Private::Revert::State, id, row, e});
        d->noteChanged(id);
    }
    d->encoded.remove(id);
    e.status = state.status;
    e.value = state.value;
    e.type = state.type;
    e.note = state.note;
    e.by = state.by;
    e.at = state.at;
    if (!e.orphan && state.span.isValid()) {
        e.span = state.span;
        e.text = state.text;
    }
    d->markDirty();
    Q_EMIT entityChanged(row);
}

void ReviewStore::insertEntity(int row, const Entity &entity)
{
    row = qBound(0, row, count());
    if (d->journaling()) {
        d->opLog.push_back({Private::Revert::Inserted, entity.id});
        d->noteChanged(entity.id);
    }
    Q_EMIT entityAboutToBeInserted(row);
    d->encoded.remove(entity.id);
    d->entities.insert(row, entity);
    if (row == count() - 1)
        d->rows.insert(entity.id, row);
    else
        d->rebuildRows();
    d->markDirty();
    Q_EMIT entityInserted(row);
}

void ReviewStore::removeEntity(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    if (d->journaling()) {
        d->opLog.push_back({Private::Revert::Removed, id, row, d->entities.at(row)});
        d->noteChanged(id);
    }
    Q_EMIT entityAboutToBeRemoved(row);
    d->encoded.remove(id);
    d->entities.removeAt(row);
    if (row == count())
        d->rows.remove(id);
    else
        d->rebuildRows();
    d->markDirty();
    Q_EMIT entityRemoved(row);
}

quint64 ReviewStore::appendHistory(const QJsonObject &entry)
{
    const quint64 key = d->nextHistoryKey++;
    d->history.push_back({key, entry, {}});
    if (d->journaling()) {
        Private::Revert r{Private::Revert::HistoryAppended};
        r.key = key;
        d->opLog.push_back(std::move(r));
        d->noteHistory(d->history.size() - 1);
    }
    return key;
}

void ReviewStore::replaceHistory(quint64 key, const QJsonObject &entry)
{
    for (auto it = d->history.rbegin(); it != d->history.rend(); ++it) {
        if (it->key == key) {
            if (d->journaling()) {
                Private::Revert r{Private::Revert::HistoryReplaced};
                r.key = key;
                r.pos = size_t(std::distance(it, d->history.rend()) - 1);
                r.entry = it->entry;
                d->opLog.push_back(std::move(r));
                d->noteHistory(r.pos);
            }
            it->entry = entry;
            it->json.clear();
            return;
        }
    }
}

void ReviewStore::removeHistory(quint64 key)
{
    for (auto it = d->history.rbegin(); it != d->history.rend(); ++it) {
        if (it->key == key) {
            if (d->journaling()) {
                Private::Revert r{Private::Revert::HistoryRemoved};
                r.key = key;
                r.pos = size_t(std::distance(it, d->history.rend()) - 1);
                r.entry = it->entry;
                d->noteHistory(r.pos);
                d->opLog.push_back(std::move(r));
            }
            d->history.erase(std::next(it).base());
            return;
        }
    }
}

namespace {

QJsonObject historyEntry(const QString &op, const QString &id, const QString &by, const QDateTime &at,
                         const QJsonObject &from, const QJsonObject &to)
{
    return QJsonObject{{u"at"_s, at.toString(Qt::ISODate)}, {u"by"_s, by}, {u"op"_s, op},
                       {u"id"_s, id}, {u"from"_s, from}, {u"to"_s, to}};
}

} // namespace

void ReviewStore::confirm(const QString &id)
{
    confirmAll({id});
}

void ReviewStore::reject(const QString &id)
{
    rejectAll({id});
}

void ReviewStore::confirmAll(const QStringList &ids)
{
    if (isReadOnly() || !d->open)
        return;
    const QDateTime now = nowUtc();
    QList<EntityEditCommand::Change> changes;
    QSet<QString> seen;
    for (const QString &id : ids) {
        const Entity *e = entity(id);
        if (!e || seen.contains(id))
            continue;
        seen.insert(id);
        // Confirming keeps what the analyst already did to the entity.
        EntityStatus target = EntityStatus::Confirmed;
        const auto orig = d->original.constFind(id);
        if (orig == d->original.cend())
            target = d->confirmAs.value(id, EntityStatus::Confirmed);
        else if (orig->first != e->type || orig->second != e->value)
            target = EntityStatus::Corrected;
        if (e->status == target)
            continue;
        ReviewState before = stateOf(id);
        ReviewState after = before;
        after.status = target;
        after.by = d->reviewer;
        after.at = now;
        changes.append({id, before, after,
                        historyEntry(u"confirm"_s, id, d->reviewer, now,
                                     {{u"status"_s, statusKey(before.status)}},
                                     {{u"status"_s, statusKey(target)}})});
    }
    if (changes.isEmpty())
        return;
    const QString text = changes.size() == 1
        ? tr("Confirm %1").arg(subject(*entity(changes.constFirst().id)))
        : tr("Confirm %n entities", nullptr, int(changes.size()));
    d->undo->push(new EntityEditCommand(this, text, std::move(changes)));
    d->commitJournal();
}

void ReviewStore::rejectAll(const QStringList &ids)
{
    if (isReadOnly() || !d->open)
        return;
    const QDateTime now = nowUtc();
    QList<EntityEditCommand::Change> changes;
    QSet<QString> seen;
    for (const QString &id : ids) {
        const Entity *e = entity(id);
        if (!e || seen.contains(id) || e->status == EntityStatus::Rejected)
            continue;
        seen.insert(id);
        ReviewState before = stateOf(id);
        ReviewState after = before;
        after.status = EntityStatus::Rejected;
        after.by = d->reviewer;
        after.at = now;
        changes.append({id, before, after,
                        historyEntry(u"reject"_s, id, d->reviewer, now,
                                     {{u"status"_s, statusKey(before.status)}},
                                     {{u"status"_s, statusKey(EntityStatus::Rejected)}})});
    }
    if (changes.isEmpty())
        return;
    const QString text = changes.size() == 1
        ? tr("Reject %1").arg(subject(*entity(changes.constFirst().id)))
        : tr("Reject %n entities", nullptr, int(changes.size()));
    d->undo->push(new EntityEditCommand(this, text, std::move(changes)));
    d->commitJournal();
}

QString ReviewStore::editValueText(const QString &type, const QString &from, const QString &to)
{
    return tr("Edit value of %1: %2 → %3").arg(label(type), shortValue(from), shortValue(to));
}

void ReviewStore::setValue(const QString &id, const QString &value, bool separateStep)
{
    const Entity *e = entity(id);
    if (isReadOnly() || !e || e->value == value)
        return;
    const QDateTime now = nowUtc();
    ReviewState before = stateOf(id);
    ReviewState after = before;
    after.value = value;
    if (before.status != EntityStatus::Added)
        after.status = EntityStatus::Corrected;
    after.by = d->reviewer;
    after.at = now;
    QList<EntityEditCommand::Change> changes{
        {id, before, after,
         historyEntry(u"edit"_s, id, d->reviewer, now, {{u"value"_s, before.value}},
                      {{u"value"_s, value}})}};
    d->undo->push(new EntityEditCommand(this, editValueText(e->type, before.value, value),
                                        std::move(changes),
                                        separateStep ? EntityEditCommand::NoMerge
                                                     : EntityEditCommand::EditValue));
    d->commitJournal();
}

void ReviewStore::setType(const QString &id, const QString &type)
{
    setTypeAll({id}, type);
}

void ReviewStore::setTypeAll(const QStringList &ids, const QString &type)
{
    if (isReadOnly() || type.isEmpty())
        return;
    const QDateTime now = nowUtc();
    QList<EntityEditCommand::Change> changes;
    QSet<QString> seen;
    for (const QString &id : ids) {
        const Entity *e = entity(id);
        if (!e || e->type == type || seen.contains(id))
            continue;
        seen.insert(id);
        ReviewState before = stateOf(id);
        ReviewState after = before;
        after.type = type;
        if (before.status != EntityStatus::Added)
            after.status = EntityStatus::Corrected;
        after.by = d->reviewer;
        after.at = now;
        changes.append({id, before, after,
                        historyEntry(u"retype"_s, id, d->reviewer, now, {{u"type"_s, before.type}},
                                     {{u"type"_s, type}})});
    }
    if (changes.isEmpty())
        return;
    const QString text = changes.size() == 1
        ? tr("Change type of %1 to %2").arg(subject(*entity(changes.constFirst().id)), label(type))
        : tr("Change type of %n entities to %1", nullptr, int(changes.size())).arg(label(type));
    d->undo->push(new EntityEditCommand(this, text, std::move(changes)));
    d->commitJournal();
}

void ReviewStore::setNote(const QString &id, const QString &note)
{
    const Entity *e = entity(id);
    if (isReadOnly() || !e || e->note == note)
        return;
    const QDateTime now = nowUtc();
    ReviewState before = stateOf(id);
    ReviewState after = before;
    after.note = note;
    after.by = d->reviewer;
    after.at = now;
    QList<EntityEditCommand::Change> changes{
        {id, before, after,
         historyEntry(u"note"_s, id, d->reviewer, now, {{u"note"_s, before.note}},
                      {{u"note"_s, note}})}};
    d->undo->push(new EntityEditCommand(this, tr("Edit note of %1").arg(subject(*e)),
                                        std::move(changes), EntityEditCommand::EditNote));
    d->commitJournal();
}

bool ReviewStore::setSpan(const QString &id, const SourceSpan &span)
{
    const Entity *e = entity(id);
    if (isReadOnly() || !e || e->orphan || !span.isValid() || span.length() <= 0
        || span.page >= d->content.text.pageCount()
        || span.end > d->content.text.pages.at(span.page).size() || span == e->span)
        return false;
    const QDateTime now = nowUtc();
    ReviewState before = stateOf(id);
    ReviewState after = before;
    after.span = span;
    after.text = d->content.text.textAt(span);
    if (before.status != EntityStatus::Added)
        after.status = EntityStatus::Corrected;
    after.by = d->reviewer;
    after.at = now;
    QList<EntityEditCommand::Change> changes{
        {id, before, after,
         historyEntry(u"edit"_s, id, d->reviewer, now, {{u"text"_s, before.text}},
                      {{u"text"_s, after.text}})}};
    d->undo->push(new EntityEditCommand(
        this, tr("Change the words of %1: “%2” → “%3”").arg(label(e->type), shortValue(before.text),
                                                           shortValue(after.text)),
        std::move(changes)));
    d->commitJournal();
    return true;
}

QStringList ReviewStore::addAll(const QList<SourceSpan> &spans, const QString &type)
{
    QStringList ids;
    if (isReadOnly() || !d->open || type.isEmpty())
        return ids;
    QList<SourceSpan> fresh;
    for (const SourceSpan &span : spans) {
        if (!span.isValid() || span.length() <= 0 || span.page >= d->content.text.pageCount())
            continue;
        if (!entity(Entity::makeId(type, span, d->content.text.pages.at(span.page))))
            fresh << span;
    }
    if (fresh.isEmpty())
        return ids;
    d->undo->beginMacro(tr("Add %n entities", nullptr, int(fresh.size())));
    for (const SourceSpan &span : std::as_const(fresh)) {
        const QString id = add(span, type);
        if (!id.isEmpty())
            ids << id;
    }
    d->undo->endMacro();
    d->commitJournal();
    return ids;
}

QString ReviewStore::add(const SourceSpan &span, const QString &type, const QString &value)
{
    if (isReadOnly() || !d->open || type.isEmpty() || span.length() <= 0)
        return {};
    const QString text = d->content.text.textAt(span);
    if (text.isEmpty())
        return {};
    const QString id = Entity::makeId(type, span, d->content.text.pages.at(span.page));
    if (entity(id))
        return id;
    const QDateTime now = nowUtc();
    Entity e;
    e.id = id;
    e.type = type;
    e.value = value.isEmpty() ? text : value;
    e.text = text;
    e.span = span;
    e.confidence = 1.0;
    e.origin = u"manual"_s;
    e.status = EntityStatus::Added;
    e.by = d->reviewer;
    e.at = now;
    const QJsonObject entry = historyEntry(u"add"_s, id, d->reviewer, now, {},
                                           {{u"type"_s, type}, {u"value"_s, e.value},
                                            {u"status"_s, statusKey(EntityStatus::Added)}});
    d->confirmAs.insert(id, EntityStatus::Added);
    d->undo->push(new AddEntityCommand(this, tr("Add %1").arg(subject(e)), e, count(), entry));
    d->commitJournal();
    return id;
}
