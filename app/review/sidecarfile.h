#pragma once

#include "reviewdisk.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>

// Where a decision sits in the filing, as the sidecar stores it: 1-based page,
// code-point offsets, and the quote (W3C TextQuoteSelector) used to re-anchor it.
struct SidecarAnchor
{
    int page = 0; // 1-based; 0 when unknown
    int start = 0;
    int end = 0;
    QString exact;
    QString prefix;
    QString suffix;
};

// One analyst decision: an entity whose status is not auto, or that has a note.
struct SidecarDecision
{
    QString id;
    QString status; // confirmed, corrected, added, rejected (auto for a note alone)
    QString type;
    QString value;
    SidecarAnchor anchor;
    QMap<QString, QString> attributes;
    QString note;
    QString by;
    QDateTime at; // UTC
};

// The whole content of a sidecar file (schema filing-lens/review@1).
struct SidecarData
{
    QString file;   // the filing's file name
    QString sha256; // of the filing the offsets refer to
    int pages = 0;
    QString format; // formatKey()
    QDateTime savedAt;
    // "Mark filing done": who said the review of the filing is finished, and when
    // (top-level "done": {"by", "at"}; absent while the filing is not done).
    bool done = false;
    QString doneBy;
    QDateTime doneAt; // UTC
    QList<SidecarDecision> decisions;
    // When not empty, the decisions already encoded (serializeDecision), written
    // instead of `decisions`: the store re-encodes only what changed.
    QList<QByteArray> decisionsJson;
    // Entries {at, by, op, id, from, to}; kept as JSON so entries written by
    // other tools survive a round trip untouched.
    QJsonArray history;
    // When not empty, the history already encoded (one JSON object each), written
    // instead of `history`: the store encodes each entry once, not on every save.
    QList<QByteArray> historyJson;
};

// Reads and writes `<filing file name>.review.json`. Stateless; every function
// returns its errors as values with a message naming the file. Beside it live
// `.review.json.bak` (the previous version), `.review.json.lock` (while a window
// reviews the filing) and, for a file that could not be read, the untouched
// original renamed to `.review.json.unreadable-<UTC time>`.
class SidecarFile final
{
public:
    static QString schema();          // "filing-lens/review@1"
    static QString suffix();          // ".review.json"
    // The sidecar next to the filing.
    static QString pathBeside(const QString &filingPath);
    // The per-user fallback for filings in folders that cannot be written.
    static QString fallbackPath(const QString &sha256);

    enum class LoadStatus {
        Loaded,
        Missing,     // no file: a filing nobody has reviewed yet
        Unreadable,  // exists but cannot be opened (permissions, I/O error)
        Corrupt,     // not JSON, truncated, or not our schema's shape
        NewerSchema, // written by a newer version; must not be overwritten
    };
    struct LoadResult
    {
        LoadStatus status = LoadStatus::Missing;
        QString message; // empty when Loaded or Missing
        SidecarData data;
        QByteArray bytes; // the file as read
    };
    static LoadResult load(const QString &path);
    static LoadResult parse(const QByteArray &bytes, const QString &path);

    // One decision and one history entry per line: small diffs, clean git merges.
    static QByteArray serialize(const SidecarData &data);
    static QByteArray serializeDecision(const SidecarDecision &decision);
    // A JSON object on one line, as serialize() writes history entries.
    static QByteArray serializeObject(const QJsonObject &object);
    static QJsonObject toJson(const SidecarData &data);
    // One decision as serializeDecision() writes it; false (and why) if it is not one.
    static bool parseDecision(const QJsonValue &value, SidecarDecision *decision, QString *why);

    struct SaveResult
    {
        bool ok = false;
        QString message; // names the file and the cause when !ok
    };
    // Atomic (QSaveFile): either the new bytes are in place or the old file is
    // untouched. The file being replaced is kept as `<path>.bak`. `disk` may refuse
    // the commit (ReviewDisk::mayCommit), as a full disk or a crash would.
    static SaveResult save(const QString &path, const QByteArray &bytes,
                           const ReviewDisk &disk = *ReviewDisk::local());
};
