#include "workerpool.h"

#include <QtCore/QThread>
#include <QtCore/QThreadPool>

QThreadPool *workerPool()
{
    // Never destroyed: worker tasks may still be finishing while the program exits.
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool;
        p->setObjectName(QStringLiteral("filing-lens workers"));
        return p;
    }();
    return pool;
}

WorkerPoolWait::WorkerPoolWait()
    : m_lent(workerPool()->contains(QThread::currentThread()))
{
    // releaseThread() without a reserveThread() first is Qt's documented way for a pool
    // thread going to sleep on more work: it starts queued tasks in its place.
    if (m_lent)
        workerPool()->releaseThread();
}

WorkerPoolWait::~WorkerPoolWait()
{
    if (m_lent)
        workerPool()->reserveThread();
}
