#pragma once

#include "workspace.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <atomic>
#include <functional>

// The search index of a workspace: every entity of every filing (review applied), the
// data cells of its tables, and each filing's status row, in an embedded SQLite database (Qt SQL, QSQLITE) with an
// FTS5 full-text table, in the per-user cache. Kept up to date incrementally: a filing
// is indexed again only when its size or time, or those of its review file or journal,
// changed. Everything in it is derived from the filings and their review files, so
// deleting it loses nothing (it is rebuilt on the next use).
//
// One object per thread: a Qt SQL connection belongs to the thread that opened it.
class WorkspaceIndex final
{
public:
    // "<per-user cache>/workspace.sqlite"
    static QString defaultPath();

    explicit WorkspaceIndex(const QString &databasePath = defaultPath());
    ~WorkspaceIndex();
    WorkspaceIndex(const WorkspaceIndex &) = delete;
    WorkspaceIndex &operator=(const WorkspaceIndex &) = delete;

    // Opens (creating, or rebuilding a damaged or outdated database). False and why.
    bool open(QString *error);
    // True when the SQLite library has FTS5; otherwise find() matches with LIKE.
    bool hasFullText() const { return m_fullText; }

    using Progress = std::function<void(int done, int total)>;
    struct Update
    {
        int indexed = 0;   // filings read again
        int unchanged = 0; // filings whose index entries were still current
        int removed = 0;   // entries of files no longer on disk
        QString error;     // the database failed (the index is then incomplete)
    };
    // Indexes the filings that changed (loading and extracting through the caches on
    // the worker pool, a few at a time); removes entries of files that are gone.
    Update update(const QList<Workspace::Filing> &filings, const Progress &progress = {},
                  const std::atomic_bool *cancel = nullptr);

    // One row of `filing-lens find`.
    struct Match
    {
        QString path; // absolute
        QString file; // as Workspace::Filing::display
        QString id;
        QString type;
        QString value;
        QString text;
        int page = 0; // 1-based; 0 when the entity has no span
        int start = 0;
        int end = 0;
        QString status;
        QString context; // the words around the span; for a table cell its title and headers
    };
    // Entities and table cells of the filings whose value or text holds every word of
    // `query` (each word also as the start of a longer word, case and accents ignored), of
    // the given types (all when empty); in file, page, offset order.
    QList<Match> find(const QString &query, const QStringList &types,
                      const QList<Workspace::Filing> &within, QString *error = nullptr);

    struct Query
    {
        QString text;
        QStringList types;    // entity type keys or tableCellType(); all when empty
        QStringList statuses; // auto, confirmed, corrected, added, rejected; all when empty
        int limit = 0;        // at most this many matches (the first found); 0: all
    };
    // As above; *truncated tells that the limit cut the matches short.
    QList<Match> find(const Query &query, const QList<Workspace::Filing> &within,
                      QString *error = nullptr, bool *truncated = nullptr);

    // The type of a table's data cell in the index: "table_cell". Its id is the table's
    // id with the cell's 0-based grid row and column: "table@3:10-200#r4c2".
    static QString tableCellType();

    // The status rows of the filings as indexed (update() first); a filing that could not
    // be opened has its error set.
    QList<Workspace::FilingStatus> statuses(const QList<Workspace::Filing> &filings);

    static QStringList findColumns(); // file,id,type,value,text,page,start,end,status
    static QStringList findCells(const Match &match);

private:
    bool createSchema(QString *error);
    bool setCurrent(const QList<Workspace::Filing> &within, QString *error);

    QString m_path;
    QString m_connection;
    bool m_fullText = false;
    bool m_open = false;
    QStringList m_current; // the filings in temp.current, so that repeated searches skip refilling it
    bool m_currentValid = false;
};
