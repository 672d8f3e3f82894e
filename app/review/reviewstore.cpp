#include "reviewstore.h"

#include "decisionmerge.h"
#include "reviewstore_p.h"

#include <QtCore/QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

QDateTime ReviewStore::Private::now()
{
    const qint64 secs = QDateTime::currentSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

QString ReviewStore::Private::defaultReviewer()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString v = qEnvironmentVariable(name);
        if (!v.isEmpty())
            return v;
    }
    return u"unknown"_s;
}

bool ReviewStore::Private::isTableDecision(const SidecarDecision &decision)
{
    return decision.type == u"table"_s || decision.type == u"table_cell"_s;
}

QByteArray ReviewStore::Private::tableDecisionJson(const QString &id) const
{
    const auto cached = encoded.constFind(id);
    if (cached != encoded.cend())
        return *cached;
    const QByteArray json = SidecarFile::serializeDecision(tableDecisions.value(id));
    encoded.insert(id, json);
    return json;
}

bool ReviewStore::Private::isDecision(const Entity &e)
{
    return e.status != EntityStatus::Auto || !e.note.isEmpty() || e.orphan;
}

ReviewStore::ReviewStore(QObject *parent)
    : ReviewStore(nullptr, parent)
{
}

ReviewStore::ReviewStore(std::shared_ptr<const ReviewDisk> disk, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->undo = new QUndoStack(this);
    d->binding = std::make_unique<ReviewBinding>(static_cast<BoundReview *>(this), std::move(disk));
    ReviewBinding *b = d->binding.get();
    connect(b, &ReviewBinding::saved, this, &ReviewStore::saved);
    connect(b, &ReviewBinding::journaled, this, &ReviewStore::journaled);
    connect(b, &ReviewBinding::durable, this, &ReviewStore::durable);
    connect(b, &ReviewBinding::saveFailed, this, &ReviewStore::saveFailed);
    connect(b, &ReviewBinding::message, this, &ReviewStore::message);
    connect(b, &ReviewBinding::readOnlyChanged, this, &ReviewStore::readOnlyChanged);
    connect(b, &ReviewBinding::externalChangeConflict, this, &ReviewStore::externalChangeConflict);
    // Undo, redo and the undo view's jumps: each becomes one journal line.
    connect(d->undo, &QUndoStack::indexChanged, this, [this] { d->binding->commit(); });
}

ReviewStore::~ReviewStore()
{
    d->binding->flush();
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
    d->reviewer = n.isEmpty() ? Private::defaultReviewer() : n;
}

// Where the decisions live: the binding's.

bool ReviewStore::isReadOnly() const
{
    return d->binding->isReadOnly();
}

QString ReviewStore::readOnlyReason() const
{
    return d->binding->readOnlyReason();
}

QString ReviewStore::sidecarPath() const
{
    return d->binding->path();
}

bool ReviewStore::hasUnsavedChanges() const
{
    return d->binding->hasUnsavedChanges();
}

bool ReviewStore::save()
{
    return d->binding->save();
}

void ReviewStore::setAutosaveDelay(int msec)
{
    d->binding->setAutosaveDelay(msec);
}

int ReviewStore::autosaveDelay() const
{
    return d->binding->autosaveDelay();
}

QString ReviewStore::journalPath() const
{
    return d->binding->journalPath();
}

bool ReviewStore::isDurable() const
{
    return d->binding->isDurable();
}

void ReviewStore::waitForJournal()
{
    d->binding->waitForJournal();
}

QStringList ReviewStore::messages() const
{
    return d->binding->messages();
}

void ReviewStore::reloadFromDisk()
{
    d->binding->reloadFromDisk();
}

void ReviewStore::keepLocalChanges()
{
    if (!d->open)
        return;
    d->binding->keepLocalChanges();
}

QJsonArray ReviewStore::history() const
{
    QJsonArray out;
    for (const auto &h : d->history)
        out.append(h.entry);
    return out;
}

void ReviewStore::open(const DocumentContent &content, const EntityList &extracted, OpenMode mode)
{
    Q_EMIT modelAboutToReset();
    d->binding->flush();
    d->resetData();
    d->open = true;
    d->content = content;
    d->extracted = extracted;
    d->entities = extracted;
    d->rebuildRows();
    for (const Entity &e : extracted)
        d->original.insert(e.id, {e.type, e.value});
    d->codePoints.reserve(size_t(content.pageCount()));
    for (const QString &page : content.text.pages)
        d->codePoints.emplace_back(page);
    if (!d->binding->open(content, mode)) {
        Q_EMIT modelReset();
        return;
    }
    Q_EMIT modelReset();
    Q_EMIT tableDecisionsChanged(d->tableOrder);
    Q_EMIT readOnlyChanged(isReadOnly());
}

void ReviewStore::close()
{
    if (!d->open)
        return;
    Q_EMIT modelAboutToReset();
    d->binding->flush();
    d->resetData();
    Q_EMIT modelReset();
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

void ReviewStore::Private::resetData()
{
    done = false;
    doneBy.clear();
    doneAt = {};
    binding->reset(); // the journal stops before the undo history goes
    undo->clear();
    content = {};
    extracted.clear();
    entities.clear();
    rows.clear();
    original.clear();
    confirmAs.clear();
    orphanAnchors.clear();
    tableOrder.clear();
    tableDecisions.clear();
    encoded.clear();
    codePoints.clear();
    history.clear();
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

SidecarData ReviewStore::snapshot() const
{
    const DocumentContent &content = d->content;
    SidecarData data;
    data.file = content.fileName.isEmpty() ? QFileInfo(content.filePath).fileName() : content.fileName;
    data.sha256 = content.sha256;
    data.pages = content.pageCount();
    data.format = formatKey(content.format);
    data.savedAt = Private::now();
    data.done = d->done;
    data.doneBy = d->doneBy;
    data.doneAt = d->doneAt;
    data.decisions.reserve(d->entities.size());
    data.decisionsJson.reserve(d->entities.size());
    for (const Entity &e : std::as_const(d->entities)) {
        if (!Private::isDecision(e))
            continue;
        data.decisionsJson.append(d->decisionJson(e));
    }
    for (const QString &id : std::as_const(d->tableOrder))
        data.decisionsJson.append(d->tableDecisionJson(id));
    data.historyJson.reserve(qsizetype(d->history.size()));
    for (const Private::HistoryEntry &h : d->history) {
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
QStringList ReviewStore::applyDecisions(const SidecarData &data)
{
    const DocumentContent &content = d->content;
    // Decisions on tables are kept as they are, for TableReview to place in the tables
    // read; the others are merged into the entities.
    SidecarData entityData;
    const SidecarData *forEntities = &data;
    if (std::any_of(data.decisions.cbegin(), data.decisions.cend(), Private::isTableDecision)) {
        entityData = data;
        entityData.decisions.clear();
        for (const SidecarDecision &dec : data.decisions) {
            if (!Private::isTableDecision(dec)) {
                entityData.decisions.append(dec);
            } else if (!d->tableDecisions.contains(dec.id)) {
                d->tableOrder.append(dec.id);
                d->tableDecisions.insert(dec.id, dec);
            }
        }
        forEntities = &entityData;
    }
    DecisionMerge::Result merged = DecisionMerge::apply(content, d->codePoints, std::move(d->entities),
                                                        std::move(d->original), *forEntities);
    d->entities = std::move(merged.entities);
    d->original = std::move(merged.original);
    for (auto it = merged.confirmAs.cbegin(); it != merged.confirmAs.cend(); ++it)
        d->confirmAs.insert(it.key(), it.value());
    for (auto it = merged.orphanAnchors.cbegin(); it != merged.orphanAnchors.cend(); ++it)
        d->orphanAnchors.insert(it.key(), it.value());
    d->rebuildRows();
    for (const auto &v : data.history)
        d->history.push_back({d->nextHistoryKey++, v.toObject(), {}});
    d->done = data.done;
    d->doneBy = data.doneBy;
    d->doneAt = data.doneAt;

    const bool sameDocument = data.sha256.isEmpty() || data.sha256 == content.sha256;
    const int reanchored = merged.reanchored;
    const int orphans = merged.orphans;
    if (!sameDocument && (reanchored > 0 || orphans > 0)) {
        return {tr("%1 changed since it was reviewed: %2 decision(s) found again in the new text, "
                   "%3 could not be placed and are kept as orphans.")
                    .arg(content.fileName).arg(reanchored).arg(orphans)};
    } else if (orphans > 0) {
        return {tr("%1 decision(s) of %2 could not be placed in the text and are kept as orphans.")
                    .arg(orphans).arg(content.fileName)};
    }
    return {};
}

void ReviewStore::beginReset()
{
    Q_EMIT modelAboutToReset();
    d->undo->clear();
    d->entities = d->extracted;
    d->rebuildRows();
    d->original.clear();
    d->confirmAs.clear();
    d->encoded.clear();
    for (const Entity &e : std::as_const(d->extracted))
        d->original.insert(e.id, {e.type, e.value});
    d->orphanAnchors.clear();
    d->tableOrder.clear();
    d->tableDecisions.clear();
    d->history.clear();
}

void ReviewStore::endReset()
{
    Q_EMIT modelReset();
    Q_EMIT tableDecisionsChanged(d->tableOrder);
}

void ReviewStore::markClean()
{
    d->undo->setClean();
}

// The journal's side: what changed since the last line, and taking it back.

bool ReviewStore::takeChange(quint64 seq, Change *change)
{
    if (d->changedIds.isEmpty() && d->historyLow < 0)
        return false;
    for (const QString &id : std::as_const(d->changedIds)) {
        const Entity *e = entity(id);
        if (e && Private::isDecision(*e))
            change->set.append(d->decisionJson(*e));
        else if (!e && d->tableDecisions.contains(id))
            change->set.append(d->tableDecisionJson(id));
        else
            change->remove.append(id);
    }
    if (d->historyLow >= 0) {
        change->historyKeep = int(std::min(d->historyLow, qsizetype(d->history.size())));
        for (size_t i = size_t(change->historyKeep); i < d->history.size(); ++i) {
            const Private::HistoryEntry &h = d->history[i];
            if (h.json.isEmpty())
                h.json = SidecarFile::serializeObject(h.entry);
            change->historyAppend.append(h.json);
        }
    }
    change->ids = d->changedIds;
    d->inFlight.push_back({seq, std::move(d->opLog)});
    d->opLog.clear();
    d->changedIds.clear();
    d->changedSet.clear();
    d->historyLow = -1;
    return true;
}

void ReviewStore::dropChanges()
{
    d->changedIds.clear();
    d->changedSet.clear();
    d->historyLow = -1;
    d->opLog.clear();
}

void ReviewStore::settle(quint64 seq)
{
    while (!d->inFlight.empty() && d->inFlight.front().seq <= seq)
        d->inFlight.pop_front();
}

bool ReviewStore::takeBack(quint64 seq)
{
    using Revert = Private::Revert;
    bool tookBack = false;
    d->recording = false;
    while (!d->inFlight.empty() && d->inFlight.back().seq >= seq) {
        const std::vector<Revert> &log = d->inFlight.back().log;
        for (auto it = log.crbegin(); it != log.crend(); ++it) {
            switch (it->kind) {
            case Revert::State:
                applyState(it->id, {it->before.status, it->before.value, it->before.type,
                                    it->before.note, it->before.by, it->before.at});
                break;
            case Revert::Inserted:
                removeEntity(it->id);
                break;
            case Revert::Removed:
                insertEntity(it->row, it->before);
                break;
            case Revert::HistoryAppended:
                removeHistory(it->key);
                break;
            case Revert::HistoryRemoved:
                d->history.insert(d->history.begin()
                                      + qBound<qsizetype>(0, qsizetype(it->pos), qsizetype(d->history.size())),
                                  Private::HistoryEntry{it->key, it->entry, {}});
                break;
            case Revert::HistoryReplaced:
                replaceHistory(it->key, it->entry);
                break;
            case Revert::Table:
                applyTableDecision(it->id, it->table);
                break;
            }
        }
        d->inFlight.pop_back();
        tookBack = true;
    }
    if (tookBack)
        d->undo->clear(); // its commands describe changes that are no longer there
    d->recording = true;
    return tookBack;
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
    if (d->recording) {
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
    d->binding->changed();
    Q_EMIT entityChanged(row);
}

void ReviewStore::insertEntity(int row, const Entity &entity)
{
    row = qBound(0, row, count());
    if (d->recording) {
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
    d->binding->changed();
    Q_EMIT entityInserted(row);
}

void ReviewStore::removeEntity(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    if (d->recording) {
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
    d->binding->changed();
    Q_EMIT entityRemoved(row);
}

quint64 ReviewStore::appendHistory(const QJsonObject &entry)
{
    const quint64 key = d->nextHistoryKey++;
    d->history.push_back({key, entry, {}});
    if (d->recording) {
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
            if (d->recording) {
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
            if (d->recording) {
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

