#pragma once

#include "sidecarfile.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

// The write-ahead journal of a review file: `<review file>.journal`, one JSON object
// per line. The first line names the filing and the review file the journal applies
// to; every other line is one change, stated as the resulting decisions (idempotent:
// "decision X is now {...}", "X has no decision") and the history as "keep the first
// n entries, then these". Replaying the lines in order onto the review file they
// name gives the store's state; the store folds them into the review file on every
// save and then empties the journal.
//
// Writing happens on a thread of its own, in order: append() returns at once and
// durable() reports when a line has reached the disk (written and fsync'd). The
// header is written by that thread whenever the file is empty. fold() writes the
// review file there too, then empties the journal, in order with the lines.
class ReviewJournal final : public QObject
{
    Q_OBJECT
public:
    static QString suffix(); // ".journal"
    static QString pathFor(const QString &reviewFilePath);
    static QString format(); // "filing-lens/review-journal@1"

    // One change, as written and as replayed.
    struct Change
    {
        quint64 seq = 0;
        QList<SidecarDecision> set; // decisions as they now are
        QStringList remove;         // ids that no longer have a decision
        int historyKeep = -1;       // -1: history unchanged
        QJsonArray historyAppend;   // entries after the first historyKeep
    };
    // The header line: the filing's sha256 and the sha256 of the review file's bytes
    // the changes apply to (empty: there was no review file).
    static QByteArray headerLine(const QString &filingSha256, const QString &baseSha256);
    static QByteArray changeLine(quint64 seq, const QList<QByteArray> &decisionsJson,
                                 const QStringList &remove, int historyKeep,
                                 const QList<QByteArray> &historyJson);
    static QString sha256Of(const QByteArray &bytes);

    struct Contents
    {
        bool exists = false;
        bool empty = true;        // no file, or nothing in it
        bool tornOnly = false;    // nothing but an incomplete first line
        bool headerValid = false; // the first line is a journal header
        QString filingSha256;
        QString baseSha256;
        QList<Change> changes;
        QStringList problems; // a torn last line, unreadable lines: each names the file
    };
    static Contents read(const QString &path);
    // Applies the changes in order to a review file's content.
    static void apply(const QList<Change> &changes, SidecarData *data);

    // Writes through `disk` (ReviewDisk::local() when null).
    explicit ReviewJournal(std::shared_ptr<const ReviewDisk> disk = {}, QObject *parent = nullptr);
    ~ReviewJournal() override; // writes what is queued, then stops

    // Starts writing to `path` (created at the first append) for the filing with
    // `filingSha256`, whose review file now holds `base`. A file already there is
    // appended to unless `truncate`.
    void start(const QString &path, bool truncate, const QString &filingSha256, const QByteArray &base);
    QString path() const;
    bool isStarted() const;
    // Queues `bytes` (whole lines) to be written and fsync'd; returns its sequence number.
    quint64 append(const QByteArray &bytes);
    // Queues emptying the file: what was appended before is in the review file, which
    // now holds `base`.
    void truncate(const QByteArray &base);
    // Queues writing `bytes` to the review file at `reviewFilePath` (atomically, see
    // SidecarFile::save) and, if that works, emptying the journal; folded() reports.
    void fold(const QString &reviewFilePath, const QByteArray &bytes);
    // After failed(): lines queued since the failure were dropped; write again from now.
    void resume();
    // Blocks until everything queued has been written (or has failed).
    void waitForIdle();
    // Writes what is queued, stops the thread, and removes the file if it is empty.
    void stop();
    quint64 lastSeq() const;

Q_SIGNALS:
    void durable(quint64 seq); // every line up to seq is on disk
    // The line `seq` could not be written; it and every line queued after it until
    // resume() are not in the journal (the file is cut back to its last whole line).
    void failed(quint64 seq, const QString &message);
    // The fold of every line up to `seq` into the review file: written, or not (message).
    void folded(quint64 seq, bool ok, const QString &message);

private:
    struct Writer;
    std::shared_ptr<const ReviewDisk> m_disk;
    std::unique_ptr<Writer> m_writer;
    QString m_path;
    quint64 m_seq = 0;
};
