#pragma once

// A disk that fails where the tests say: a filing's folder that cannot be written,
// saves that write everything and then fail instead of committing (a full disk, a
// crash before the rename), and journal writes that take a while (a slow disk).
// Handed to ReviewStore (and SidecarFile::save) at construction; its faults can
// change while a store uses it. The journal's thread reads it too.
#include "review/reviewdisk.h"

#include <QtCore/QMutex>
#include <QtCore/QMutexLocker>
#include <QtCore/QString>

#include <atomic>
#include <chrono>
#include <thread>

class FaultyDisk final : public ReviewDisk
{
public:
    void setFolderWritable(bool writable) { m_folderWritable = writable; }
    // Saves to `path` ("*": every save; empty: none) fail before their commit.
    void setFailBeforeCommit(const QString &path)
    {
        const QMutexLocker lock(&m_mutex);
        m_failPath = path;
    }
    // Every journal write waits this long first.
    void setWriteDelay(int msec) { m_writeDelayMsec = msec; }

    bool mayWriteIn(const QString &) const override { return m_folderWritable; }
    bool mayCommit(const QString &path) const override
    {
        const QMutexLocker lock(&m_mutex);
        return m_failPath.isEmpty() || (m_failPath != QLatin1String("*") && m_failPath != path);
    }
    void beforeJournalWrite() const override
    {
        if (const int delay = m_writeDelayMsec; delay > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }

private:
    std::atomic_bool m_folderWritable{true};
    std::atomic_int m_writeDelayMsec{0};
    mutable QMutex m_mutex;
    QString m_failPath;
};
