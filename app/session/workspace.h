#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"

#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QStringList>

// A workspace: the filings of one or more folders and how far their review is. Read
// only: the filings, their review files and journals are never written here (except by
// markDone, which writes the review file's "done" field). Thread-safe.
namespace Workspace {

// One filing found in a folder.
struct Filing
{
    QString path;    // absolute
    QString display; // the folder as given joined with the path below it: "corpus/8k/a.htm"
};

// The filings under the folders, recursively, in path order: every file the loader
// can open by its content (FormatSniffer: PDF, submission, HTML, text), without review
// files (`*.review.json*`), hidden files and binaries. A FOLDER that is a file is taken
// as it is. Folders that cannot be read are reported in *errors.
QList<Filing> filings(const QStringList &folders, QStringList *errors = nullptr);

// One row of `filing-lens status`.
struct FilingStatus
{
    Filing filing;
    QString error; // why the filing could not be opened; the rest is empty then
    bool pending = false; // not in the workspace index yet (error says so)
    QStringList messages; // review file or journal problems (the counts stand without them)
    QString form;
    QString registrant;
    QString reportDate;
    int pages = 0;
    int entities = 0;
    int reviewed = 0; // entities with a decision (any status but auto)
    int confirmed = 0;
    int corrected = 0;
    int added = 0;
    int rejected = 0;
    int orphans = 0;
    bool done = false;
    QString reviewer; // who made the last decision
    QDateTime changed; // when (UTC)

    QString state() const; // "not started", "in progress", "done"
};

// file,form,registrant,report_date,pages,entities,reviewed,confirmed,corrected,added,rejected,orphans,state,reviewer,changed
QStringList statusColumns();
QStringList statusCells(const FilingStatus &status);

// The counts of reviewed entities and the review file's "done" field. `content` and
// `entities` (review applied) are those of FilingSession.
FilingStatus statusOf(const Filing &filing, const DocumentContent &content, const EntityList &entities);

// Loads (through the document cache), extracts (through the entity cache) and
// applies the review read-only. Runs on any thread.
struct Scanned
{
    FilingStatus status;
    DocumentContent content;
    EntityList entities; // review applied
};
Scanned scan(const Filing &filing);

// Writes (or clears, with by empty) the "done" field of the filing's review file,
// creating the file if the filing has none. False and why when it cannot be written.
bool markDone(const QString &filingPath, const DocumentContent &content, const QString &by,
              QString *error);

} // namespace Workspace
