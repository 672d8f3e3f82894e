#include "workspace.h"

#include "filingsession.h"
#include "document/formatsniffer.h"
#include "review/reviewjournal.h"
#include "review/sidecarfile.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Workspace {

namespace {

bool isReviewFile(const QString &name)
{
    return name.contains(SidecarFile::suffix());
}

// What the program writes beside the filings it exports from: entity and table CSVs,
// JSON (Lines), and summary sheets, which name it as their creator. The loader would
// open a CSV or JSON file as plain text, but it is nobody's filing.
bool isExport(const QString &name, const QByteArray &head)
{
    static const QStringList dataSuffixes{u".csv"_s, u".tsv"_s, u".json"_s, u".jsonl"_s};
    for (const QString &suffix : dataSuffixes) {
        if (name.endsWith(suffix, Qt::CaseInsensitive))
            return true;
    }
    // A summary sheet's document information, near the start of the PDF: its creator
    // in UTF-16 (big-endian, with its byte-order mark), as Qt writes it.
    static const QByteArray creator = [] {
        QByteArray bytes("/Creator (\xfe\xff", 12);
        for (const QChar c : u"Filing Lens"_s) {
            bytes.append(char(c.unicode() >> 8));
            bytes.append(char(c.unicode() & 0xff));
        }
        bytes.append(')');
        return bytes;
    }();
    return head.startsWith("%PDF") && head.left(1024).contains(creator);
}

// A file the loader opens: decided by its first bytes, as the loader decides.
bool isFiling(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // listed, so that the error is reported with the file's name
    const QByteArray head = file.read(FormatSniffer::kSampleSize);
    if (head.isEmpty() || isExport(QFileInfo(path).fileName(), head))
        return false;
    return FormatSniffer::sniff(head) != FormatSniffer::Kind::Binary;
}

// Where the filing's review file is: beside it, or in the per-user fallback folder.
QString reviewFileOf(const QString &filingPath, const QString &sha256)
{
    const QString beside = SidecarFile::pathBeside(filingPath);
    if (QFileInfo::exists(beside) || sha256.isEmpty())
        return beside;
    const QString fallback = SidecarFile::fallbackPath(sha256);
    return QFileInfo::exists(fallback) ? fallback : beside;
}

QString isoUtc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QList<Filing> filings(const QStringList &folders, QStringList *errors)
{
    QList<Filing> found;
    for (const QString &folder : folders) {
        const QFileInfo info(folder);
        if (info.isFile()) {
            found.append({info.absoluteFilePath(), folder});
            continue;
        }
        if (!info.isDir()) {
            if (errors)
                errors->append(u"%1: no such folder"_s.arg(folder));
            continue;
        }
        if (!info.isReadable()) {
            if (errors)
                errors->append(u"%1: the folder cannot be read"_s.arg(folder));
            continue;
        }
        const QDir root(info.absoluteFilePath());
        QList<Filing> here;
        QDirIterator it(root.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo f = it.fileInfo();
            if (f.fileName().startsWith(u'.') || isReviewFile(f.fileName()) || !isFiling(path))
                continue;
            QString shown = folder;
            if (!shown.endsWith(u'/'))
                shown += u'/';
            here.append({f.absoluteFilePath(), shown + root.relativeFilePath(path)});
        }
        std::sort(here.begin(), here.end(),
                  [](const Filing &a, const Filing &b) { return a.display < b.display; });
        found += here;
    }
    return found;
}

QString FilingStatus::state() const
{
    if (done)
        return u"done"_s;
    return reviewed > 0 ? u"in progress"_s : u"not started"_s;
}

QStringList statusColumns()
{
    return {u"file"_s,      u"form"_s,    u"registrant"_s, u"report_date"_s, u"pages"_s,
            u"entities"_s,  u"reviewed"_s, u"confirmed"_s, u"corrected"_s,   u"added"_s,
            u"rejected"_s,  u"orphans"_s, u"state"_s,      u"reviewer"_s,    u"changed"_s};
}

QStringList statusCells(const FilingStatus &s)
{
    return {s.filing.display,
            s.form,
            s.registrant,
            s.reportDate,
            QString::number(s.pages),
            QString::number(s.entities),
            QString::number(s.reviewed),
            QString::number(s.confirmed),
            QString::number(s.corrected),
            QString::number(s.added),
            QString::number(s.rejected),
            QString::number(s.orphans),
            s.state(),
            s.reviewer,
            isoUtc(s.changed)};
}

FilingStatus statusOf(const Filing &filing, const DocumentContent &content, const EntityList &entities)
{
    FilingStatus s;
    s.filing = filing;
    s.pages = content.pageCount();
    s.entities = int(entities.size());
    // The cover-page facts: the first of each type that is not rejected (entities come
    // best first within a type).
    auto firstValue = [&](const QString &type) {
        for (const Entity &e : entities) {
            if (e.type == type && e.status != EntityStatus::Rejected && !e.orphan)
                return e.value;
        }
        return QString();
    };
    s.form = firstValue(u"form_type"_s);
    s.registrant = firstValue(u"registrant"_s);
    s.reportDate = firstValue(u"report_date"_s);
    for (const Entity &e : entities) {
        if (e.orphan)
            ++s.orphans;
        switch (e.status) {
        case EntityStatus::Auto:
            continue;
        case EntityStatus::Confirmed:
            ++s.confirmed;
            break;
        case EntityStatus::Corrected:
            ++s.corrected;
            break;
        case EntityStatus::Added:
            ++s.added;
            break;
        case EntityStatus::Rejected:
            ++s.rejected;
            break;
        }
        ++s.reviewed;
        if (e.at.isValid() && (!s.changed.isValid() || e.at >= s.changed)) {
            s.changed = e.at;
            s.reviewer = e.by;
        }
    }
    const QString reviewPath = reviewFileOf(filing.path, content.sha256);
    if (QFileInfo::exists(reviewPath)) {
        const SidecarFile::LoadResult review = SidecarFile::load(reviewPath);
        if (review.status == SidecarFile::LoadStatus::Loaded && review.data.done) {
            s.done = true;
            if (review.data.doneAt.isValid() && (!s.changed.isValid() || review.data.doneAt >= s.changed)) {
                s.changed = review.data.doneAt;
                s.reviewer = review.data.doneBy;
            }
        }
    }
    return s;
}

Scanned scan(const Filing &filing)
{
    Scanned scanned;
    scanned.status.filing = filing;
    LoadError error;
    std::unique_ptr<FilingDocument> document = FilingSession::load(filing.path, LoadOptions(), &error);
    if (!document) {
        scanned.status.error = error.message.isEmpty() ? u"%1: cannot be opened"_s.arg(filing.display)
                                                       : error.message;
        return scanned;
    }
    scanned.content = document->content();
    document.reset();
    const EntityList extracted = FilingSession::extract(scanned.content);
    QStringList messages;
    scanned.entities = FilingSession::applyReview(scanned.content, extracted, &messages);
    scanned.status = statusOf(filing, scanned.content, scanned.entities);
    scanned.status.messages = messages;
    return scanned;
}

bool markDone(const QString &filingPath, const DocumentContent &content, const QString &by, QString *error)
{
    const QString path = reviewFileOf(filingPath, content.sha256);
    // A window reviewing the filing (its lock) or changes not yet folded into the review
    // file (its journal, which applies to the file's present bytes) would be lost.
    if (QFileInfo::exists(path + u".lock"_s) || QFileInfo(ReviewJournal::pathFor(path)).size() > 0) {
        if (error)
            *error = u"%1: the filing is being reviewed in a window; mark it done there"_s.arg(
                QDir::toNativeSeparators(filingPath));
        return false;
    }
    SidecarData data;
    if (QFileInfo::exists(path)) {
        const SidecarFile::LoadResult loaded = SidecarFile::load(path);
        if (loaded.status != SidecarFile::LoadStatus::Loaded) {
            if (error)
                *error = loaded.message;
            return false;
        }
        data = loaded.data;
    } else {
        data.file = QFileInfo(filingPath).fileName();
        data.sha256 = content.sha256;
        data.pages = content.pageCount();
        data.format = formatKey(content.format);
        data.savedAt = QDateTime::currentDateTimeUtc();
    }
    data.done = !by.isEmpty();
    data.doneBy = by;
    data.doneAt = data.done ? QDateTime::currentDateTimeUtc() : QDateTime();
    const SidecarFile::SaveResult saved = SidecarFile::save(path, SidecarFile::serialize(data));
    if (!saved.ok && error)
        *error = saved.message;
    return saved.ok;
}

} // namespace Workspace
