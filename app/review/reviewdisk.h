#pragma once

#include <QtCore/QString>

#include <memory>

// Where the review files meet the disk at the points a disk can fail in ways that
// cannot be arranged with real files: a filing's folder that cannot be written, a
// write that is interrupted after its bytes are out but before they replace the
// file (a full disk, a crash), and a slow disk. ReviewStore hands its disk to the
// binding, the journal and SidecarFile::save; everything else goes to the file
// system directly. local() is the real disk; another disk is passed at construction.
// Called from the GUI thread and from the journal's thread.
class ReviewDisk
{
public:
    virtual ~ReviewDisk();

    // Whether review files may be created in `folder` at all; the real disk lets the
    // attempt (taking the lock) decide.
    virtual bool mayWriteIn(const QString &folder) const;
    // After the new bytes of `path` are written and flushed: whether they may replace
    // the file. False makes the save fail and leave the old file as it was.
    virtual bool mayCommit(const QString &path) const;
    // Before each batch of journal lines is written.
    virtual void beforeJournalWrite() const;

    static std::shared_ptr<const ReviewDisk> local();
};
