#include "workspaceindex.h"

#include "filingsession.h"
#include "document/documentcache.h"
#include "document/backgroundpriority.h"
#include "document/workerpool.h"
#include "extract/extractor.h"
#include "extract/tablereader.h"
#include "extract/texttablereader.h"
#include "export/tablecsvwriter.h"
#include "model/codepointindex.h"
#include "export/exportrow.h"
#include "review/reviewjournal.h"
#include "review/sidecarfile.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtCore/QAtomicInteger>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtCore/QJsonDocument>
#include <QtCore/QStandardPaths>
#include <QtCore/QThreadPool>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// Bumped when the tables change: an older database is dropped and rebuilt.
constexpr int kSchemaVersion = 4; // 4: prefix indexes (short words search without merging every term)

QAtomicInteger<quint64> connectionCounter;

// Size and time of a file; "-" when it does not exist.
QString fileStamp(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return u"-"_s;
    return QString::number(info.size()) + u':' + QString::number(info.lastModified().toMSecsSinceEpoch());
}

// What tells that a filing must be indexed again: the filing, its review file and its
// journal, beside it and (once its sha256 is known) in the per-user fallback folder.
QString stampOf(const QString &path, const QString &sha256)
{
    const QString review = SidecarFile::pathBeside(path);
    QString stamp = fileStamp(path) % u'|' % fileStamp(review) % u'|' % fileStamp(ReviewJournal::pathFor(review));
    if (!sha256.isEmpty()) {
        const QString fallback = SidecarFile::fallbackPath(sha256);
        stamp += u'|' % fileStamp(fallback) % u'|' % fileStamp(ReviewJournal::pathFor(fallback));
    }
    return stamp;
}

// What made the entries: the program, the extractor and the rule packs (as the entity
// cache keys them). Entries of another generation are made again.
QString generation()
{
    return DocumentCache::programBuild() % u'|' % Extractor::version() % u'|'
        % FilingSession::extractor()->rules().fingerprint() % u"|tables"_s % QString::number(TableReader::kVersion)
        % u'.' % QString::number(TextTableReader::kVersion);
}

QString statusJson(const Workspace::FilingStatus &s)
{
    const QJsonObject o{{u"form"_s, s.form},
                        {u"registrant"_s, s.registrant},
                        {u"reportDate"_s, s.reportDate},
                        {u"pages"_s, s.pages},
                        {u"entities"_s, s.entities},
                        {u"reviewed"_s, s.reviewed},
                        {u"confirmed"_s, s.confirmed},
                        {u"corrected"_s, s.corrected},
                        {u"added"_s, s.added},
                        {u"rejected"_s, s.rejected},
                        {u"orphans"_s, s.orphans},
                        {u"done"_s, s.done},
                        {u"reviewer"_s, s.reviewer},
                        {u"changed"_s, s.changed.isValid() ? s.changed.toUTC().toString(Qt::ISODateWithMs) : QString()},
                        {u"messages"_s, QJsonArray::fromStringList(s.messages)}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void statusFromJson(const QString &json, Workspace::FilingStatus *s)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    s->form = o.value(u"form"_s).toString();
    s->registrant = o.value(u"registrant"_s).toString();
    s->reportDate = o.value(u"reportDate"_s).toString();
    s->pages = o.value(u"pages"_s).toInt();
    s->entities = o.value(u"entities"_s).toInt();
    s->reviewed = o.value(u"reviewed"_s).toInt();
    s->confirmed = o.value(u"confirmed"_s).toInt();
    s->corrected = o.value(u"corrected"_s).toInt();
    s->added = o.value(u"added"_s).toInt();
    s->rejected = o.value(u"rejected"_s).toInt();
    s->orphans = o.value(u"orphans"_s).toInt();
    s->done = o.value(u"done"_s).toBool();
    s->reviewer = o.value(u"reviewer"_s).toString();
    s->changed = QDateTime::fromString(o.value(u"changed"_s).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &m : o.value(u"messages"_s).toArray())
        s->messages.append(m.toString());
}

// The words of a query as an FTS5 expression: each a quoted string (so that no word is
// read as an operator) and a prefix, all required.
QString ftsQuery(const QStringList &words)
{
    QStringList parts;
    for (QString w : words)
        parts.append(u'"' + w.replace(u'"', u"\"\""_s) + u"\"*"_s);
    return parts.join(u' ');
}

QString likePattern(QString word)
{
    word.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + word + u'%';
}

struct Indexed
{
    Workspace::FilingStatus status;
    QString sha256;
    QList<WorkspaceIndex::Match> rows;
};

// A few words either side of a span, white space collapsed: what a result list shows.
QString contextOf(const QString &page, int start, int end)
{
    constexpr int around = 40;
    const int from = qMax(0, start - around);
    const int to = qMin(int(page.size()), end + around);
    QString context = page.mid(from, to - from).simplified();
    // Cut at a word boundary where there is one (outside the span), so no half word shows.
    if (to < page.size()) {
        const int space = int(context.lastIndexOf(u' '));
        if (space > 0 && page.mid(end, to - end).simplified().contains(u' '))
            context = context.left(space) + u"…"_s;
    }
    if (from > 0) {
        const int space = int(context.indexOf(u' '));
        if (space > 0 && page.mid(from, start - from).simplified().contains(u' '))
            context = u"…"_s + context.mid(space + 1);
    }
    return context;
}

// The data cells of the filing's tables as rows of type table_cell, with ids
// "table@page:start-end#rRcC" (the table's id, the cell's 0-based grid row and column).
void appendTableCells(const DocumentContent &content, const TableList &tables, QList<WorkspaceIndex::Match> *rows)
{
    int page = -1;
    CodePointIndex index;
    for (const FilingTable &table : tables) {
        if (table.span.page < 0 || table.span.page >= content.pageCount())
            continue;
        if (table.span.page != page) {
            page = table.span.page;
            index = CodePointIndex(content.text.pages.at(page));
        }
        const QString id = u"table@%1:%2-%3"_s.arg(page + 1)
                               .arg(index.toCodePoint(table.span.start))
                               .arg(index.toCodePoint(table.span.end));
        for (const TableCell &cell : table.cells) {
            if (!TableCsvWriter::isDataCell(cell) || cell.span.page != page)
                continue;
            WorkspaceIndex::Match m;
            m.id = id % u"#r"_s % QString::number(cell.row) % u'c' % QString::number(cell.column);
            m.type = WorkspaceIndex::tableCellType();
            m.value = cell.value;
            m.text = cell.text;
            m.page = page + 1;
            m.start = index.toCodePoint(cell.span.start);
            m.end = index.toCodePoint(cell.span.end);
            m.status = u"auto"_s;
            QStringList where;
            for (const QString &part : {table.title, table.rowHeaders.value(cell.row),
                                        table.columnHeaders.value(cell.column)}) {
                if (!part.trimmed().isEmpty())
                    where.append(part.simplified());
            }
            m.context = where.join(u" · "_s);
            rows->append(std::move(m));
        }
    }
}

Indexed indexFiling(const Workspace::Filing &filing)
{
    BackgroundPriority::enter();
    Indexed result;
    const Workspace::Scanned scanned = Workspace::scan(filing);
    result.status = scanned.status;
    if (!scanned.status.error.isEmpty())
        return result;
    result.sha256 = scanned.content.sha256;
    ExportRowBuilder builder(scanned.content);
    result.rows.reserve(scanned.entities.size());
    const QStringList &pages = scanned.content.text.pages;
    for (const Entity &e : scanned.entities) {
        const ExportRow r = builder.row(e);
        WorkspaceIndex::Match m;
        m.id = r.id;
        m.type = r.type;
        m.value = r.value;
        m.text = r.text;
        if (r.hasSpan) {
            m.page = r.page;
            m.start = r.start;
            m.end = r.end;
            m.context = contextOf(pages.at(e.span.page), e.span.start, e.span.end);
        } else if (r.attributes.contains(u"concept"_s)) {
            m.context = r.attributes.value(u"concept"_s); // a hidden XBRL fact: its concept
        }
        m.status = r.status;
        result.rows.append(std::move(m));
    }
    appendTableCells(scanned.content, FilingSession::tables(scanned.content), &result.rows);
    return result;
}

} // namespace

QString WorkspaceIndex::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/workspace.sqlite"_s;
}

WorkspaceIndex::WorkspaceIndex(const QString &databasePath)
    : m_path(databasePath)
    , m_connection(u"filinglens-workspace-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

WorkspaceIndex::~WorkspaceIndex()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool WorkspaceIndex::open(QString *error)
{
    if (m_open)
        return true;
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        *error = u"the search index needs the Qt SQLite driver (QSQLITE), which is not installed"_s;
        return false;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = QSqlDatabase::contains(m_connection)
                ? QSqlDatabase::database(m_connection, false)
                : QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
            db.setDatabaseName(m_path);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
            if (db.open() && createSchema(error)) {
                m_open = true;
                return true;
            }
            if (error->isEmpty())
                *error = u"%1: %2"_s.arg(QDir::toNativeSeparators(m_path), db.lastError().text());
            db.close();
        }
        // A damaged database holds nothing that cannot be made again.
        QFile::remove(m_path);
        QFile::remove(m_path + u"-wal"_s);
        QFile::remove(m_path + u"-shm"_s);
    }
    return false;
}

bool WorkspaceIndex::createSchema(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    auto fail = [&](const QString &what) {
        *error = u"%1: %2: %3"_s.arg(QDir::toNativeSeparators(m_path), what, q.lastError().text());
        return false;
    };
    if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.exec(u"PRAGMA synchronous=NORMAL"_s))
        return fail(u"cannot be set up"_s);
    m_fullText = q.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.probe USING fts5(x)"_s);
    if (m_fullText)
        q.exec(u"DROP TABLE temp.probe"_s);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return fail(u"cannot be read"_s);
    const int version = q.value(0).toInt();
    q.finish();
    // The kind of entity table (full text or plain) is part of the version.
    const int wanted = kSchemaVersion * 2 + (m_fullText ? 1 : 0);
    if (version == wanted)
        return true;
    const QStringList statements = {
        u"DROP TABLE IF EXISTS filings"_s,
        u"DROP TABLE IF EXISTS entities"_s,
        u"DROP TABLE IF EXISTS meta"_s,
        u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)"_s,
        u"CREATE TABLE filings (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, sha256 TEXT, "
        "error TEXT, status TEXT)"_s,
        m_fullText ? u"CREATE VIRTUAL TABLE entities USING fts5(value, text, path UNINDEXED, "
                     "id UNINDEXED, type UNINDEXED, page UNINDEXED, start UNINDEXED, "
                     "finish UNINDEXED, status UNINDEXED, context UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"_s
                   : u"CREATE TABLE entities (value TEXT, text TEXT, path TEXT, id TEXT, type TEXT, "
                     "page INTEGER, start INTEGER, finish INTEGER, status TEXT, context TEXT)"_s,
        m_fullText ? QString() : u"CREATE INDEX entities_path ON entities(path)"_s,
        u"PRAGMA user_version = %1"_s.arg(wanted),
    };
    for (const QString &s : statements) {
        if (!s.isEmpty() && !q.exec(s))
            return fail(u"cannot be created"_s);
    }
    return true;
}

WorkspaceIndex::Update WorkspaceIndex::update(const QList<Workspace::Filing> &filings,
                                              const Progress &progress, const std::atomic_bool *cancel)
{
    Update result;
    if (!open(&result.error))
        return result;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QHash<QString, std::pair<QString, QString>> known; // path → (stamp, sha256)
    const QString madeBy = generation();
    {
        QSqlQuery q(db);
        // A new program or changed rule packs: every entry is made again.
        q.prepare(u"SELECT value FROM meta WHERE key = 'generation'"_s);
        const bool same = q.exec() && q.next() && q.value(0).toString() == madeBy;
        q.finish();
        if (!same) {
            db.transaction();
            q.exec(u"DELETE FROM entities"_s);
            q.exec(u"DELETE FROM filings"_s);
            q.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('generation', ?)"_s);
            q.addBindValue(madeBy);
            q.exec();
            db.commit();
        }
        if (!q.exec(u"SELECT path, stamp, sha256 FROM filings"_s)) {
            result.error = q.lastError().text();
            return result;
        }
        while (q.next())
            known.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toString()});
    }
    QList<Workspace::Filing> changed;
    for (const Workspace::Filing &f : filings) {
        const auto it = known.constFind(f.path);
        if (it != known.cend() && it->first == stampOf(f.path, it->second))
            ++result.unchanged;
        else
            changed.append(f);
    }

    const int total = int(filings.size());
    int done = result.unchanged;
    if (progress)
        progress(done, total);
    QSqlQuery removeEntities(db), insertEntity(db), upsertFiling(db);
    removeEntities.prepare(u"DELETE FROM entities WHERE path = ?"_s);
    insertEntity.prepare(u"INSERT INTO entities (value, text, path, id, type, page, start, finish, status, context) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    upsertFiling.prepare(u"INSERT OR REPLACE INTO filings (path, stamp, sha256, error, status) "
                         "VALUES (?, ?, ?, ?, ?)"_s);
    // Only the entity rows of a chunk are held (not the documents), so chunks can be
    // larger than extract's: fewer waits for the slowest filing of a chunk.
    const int chunk = qMax(8, 8 * workerPool()->maxThreadCount());
    for (int from = 0; from < changed.size(); from += chunk) {
        if (cancel && cancel->load())
            break;
        const QList<Workspace::Filing> batch = changed.mid(from, chunk);
        const QList<Indexed> indexed = QtConcurrent::blockingMapped(
            workerPool(), batch, [](const Workspace::Filing &f) { return indexFiling(f); });
        db.transaction();
        for (const Indexed &x : indexed) {
            const QString path = x.status.filing.path;
            removeEntities.addBindValue(path);
            removeEntities.exec();
            for (const Match &m : x.rows) {
                insertEntity.addBindValue(m.value);
                insertEntity.addBindValue(m.text);
                insertEntity.addBindValue(path);
                insertEntity.addBindValue(m.id);
                insertEntity.addBindValue(m.type);
                insertEntity.addBindValue(m.page);
                insertEntity.addBindValue(m.start);
                insertEntity.addBindValue(m.end);
                insertEntity.addBindValue(m.status);
                insertEntity.addBindValue(m.context);
                if (!insertEntity.exec() && result.error.isEmpty())
                    result.error = insertEntity.lastError().text();
            }
            upsertFiling.addBindValue(path);
            upsertFiling.addBindValue(stampOf(path, x.sha256));
            upsertFiling.addBindValue(x.sha256);
            upsertFiling.addBindValue(x.status.error);
            upsertFiling.addBindValue(x.status.error.isEmpty() ? statusJson(x.status) : QString());
            if (!upsertFiling.exec() && result.error.isEmpty())
                result.error = upsertFiling.lastError().text();
            ++result.indexed;
        }
        if (!db.commit() && result.error.isEmpty())
            result.error = db.lastError().text();
        done += int(indexed.size());
        if (progress)
            progress(done, total);
    }

    // Entries of files that are gone (those just listed are there).
    QSet<QString> listed;
    listed.reserve(filings.size());
    for (const Workspace::Filing &f : filings)
        listed.insert(f.path);
    QStringList gone;
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        if (!listed.contains(it.key()) && !QFileInfo::exists(it.key()))
            gone.append(it.key());
    }
    if (!gone.isEmpty()) {
        db.transaction();
        QSqlQuery removeFiling(db);
        removeFiling.prepare(u"DELETE FROM filings WHERE path = ?"_s);
        for (const QString &path : std::as_const(gone)) {
            removeEntities.addBindValue(path);
            removeEntities.exec();
            removeFiling.addBindValue(path);
            removeFiling.exec();
        }
        db.commit();
        result.removed = int(gone.size());
    }
    if (!result.error.isEmpty())
        result.error = u"%1: %2"_s.arg(QDir::toNativeSeparators(m_path), result.error);
    return result;
}

bool WorkspaceIndex::setCurrent(const QList<Workspace::Filing> &within, QString *error)
{
    // The same filings as the last search of this connection: the table holds them.
    QStringList paths;
    paths.reserve(within.size());
    for (const Workspace::Filing &f : within)
        paths.append(f.path);
    if (m_currentValid && paths == m_current)
        return true;
    m_currentValid = false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(u"CREATE TEMP TABLE IF NOT EXISTS current (path TEXT PRIMARY KEY)"_s)
        || !q.exec(u"DELETE FROM temp.current"_s)) {
        *error = q.lastError().text();
        return false;
    }
    db.transaction();
    q.prepare(u"INSERT OR IGNORE INTO temp.current (path) VALUES (?)"_s);
    for (const Workspace::Filing &f : within) {
        q.addBindValue(f.path);
        q.exec();
    }
    if (db.commit()) {
        m_current = paths;
        m_currentValid = true;
    }
    return true;
}

QList<WorkspaceIndex::Match> WorkspaceIndex::find(const QString &query, const QStringList &types,
                                                  const QList<Workspace::Filing> &within, QString *error)
{
    Query q;
    q.text = query;
    q.types = types;
    return find(q, within, error);
}

namespace {

// "?, ?, ?" for the values, appended to binds.
QString placeholders(const QStringList &values, QVariantList *binds)
{
    QStringList marks;
    for (const QString &v : values) {
        marks.append(u"?"_s);
        binds->append(v);
    }
    return marks.join(u", "_s);
}

} // namespace

QList<WorkspaceIndex::Match> WorkspaceIndex::find(const Query &query, const QList<Workspace::Filing> &within,
                                                  QString *error, bool *truncated)
{
    QList<Match> matches;
    if (truncated)
        *truncated = false;
    QString why;
    if (!open(&why) || !setCurrent(within, &why)) {
        if (error)
            *error = why;
        return matches;
    }
    const QStringList words = query.text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return matches;
    QString sql = u"SELECT path, id, type, value, text, page, start, finish, status, context FROM entities "
                  "WHERE path IN (SELECT path FROM temp.current)"_s;
    QVariantList binds;
    if (m_fullText) {
        sql += u" AND entities MATCH ?"_s;
        binds.append(ftsQuery(words));
    } else {
        for (const QString &w : words) {
            sql += u" AND (value LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')"_s;
            binds.append(likePattern(w));
            binds.append(likePattern(w));
        }
    }
    if (!query.types.isEmpty())
        sql += u" AND type IN (%1)"_s.arg(placeholders(query.types, &binds));
    if (!query.statuses.isEmpty())
        sql += u" AND status IN (%1)"_s.arg(placeholders(query.statuses, &binds));
    if (query.limit > 0)
        sql += u" LIMIT %1"_s.arg(query.limit + 1);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        if (error)
            *error = u"%1: %2"_s.arg(QDir::toNativeSeparators(m_path), q.lastError().text());
        return matches;
    }
    QHash<QString, QString> display;
    for (const Workspace::Filing &f : within)
        display.insert(f.path, f.display);
    while (q.next()) {
        if (query.limit > 0 && matches.size() == query.limit) {
            if (truncated)
                *truncated = true;
            break;
        }
        Match m;
        m.path = q.value(0).toString();
        m.file = display.value(m.path, m.path);
        m.id = q.value(1).toString();
        m.type = q.value(2).toString();
        m.value = q.value(3).toString();
        m.text = q.value(4).toString();
        m.page = q.value(5).toInt();
        m.start = q.value(6).toInt();
        m.end = q.value(7).toInt();
        m.status = q.value(8).toString();
        m.context = q.value(9).toString();
        matches.append(std::move(m));
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) {
        if (a.file != b.file)
            return a.file < b.file;
        if (a.page != b.page)
            return a.page < b.page;
        if (a.start != b.start)
            return a.start < b.start;
        return a.id < b.id;
    });
    return matches;
}

QList<Workspace::FilingStatus> WorkspaceIndex::statuses(const QList<Workspace::Filing> &filings)
{
    QList<Workspace::FilingStatus> rows;
    QString why;
    if (!open(&why))
        return rows;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT error, status FROM filings WHERE path = ?"_s);
    for (const Workspace::Filing &f : filings) {
        Workspace::FilingStatus s;
        s.filing = f;
        q.addBindValue(f.path);
        if (q.exec() && q.next()) {
            s.error = q.value(0).toString();
            if (s.error.isEmpty())
                statusFromJson(q.value(1).toString(), &s);
        } else {
            s.error = u"%1: not indexed yet"_s.arg(f.display);
            s.pending = true;
        }
        q.finish();
        rows.append(std::move(s));
    }
    return rows;
}

QString WorkspaceIndex::tableCellType()
{
    return u"table_cell"_s;
}

QStringList WorkspaceIndex::findColumns()
{
    return {u"file"_s, u"id"_s, u"type"_s, u"value"_s, u"text"_s,
            u"page"_s, u"start"_s, u"end"_s, u"status"_s};
}

QStringList WorkspaceIndex::findCells(const Match &m)
{
    const bool span = m.page > 0;
    return {m.file,
            m.id,
            m.type,
            m.value,
            m.text,
            span ? QString::number(m.page) : QString(),
            span ? QString::number(m.start) : QString(),
            span ? QString::number(m.end) : QString(),
            m.status};
}
