#pragma once

class QThreadPool;

// The thread pool for the program's own background work: loading filings, extracting
// entities, batches on the command line. Deliberately not QThreadPool::globalInstance():
// Qt 6.4's raster paint engine splits large fills and blends into tasks on the global pool
// and waits for them on the GUI thread, so a long task of ours there froze painting (the
// window stood still for as long as a filing took to load). As many threads as cores.
QThreadPool *workerPool();

// Held by a task of workerPool() while it waits for tasks it queued on the same pool
// (QtConcurrent::blockingMap and the like): the waiting thread lends its place in the
// pool for as long as it waits, so the tasks it waits for can start. Without it, a pool
// of n threads running n such tasks at once stood still for good: each held a place
// while the work it waited for queued behind all of them. On any other thread it does
// nothing. The lent place is taken back on destruction, even past the pool's limit for
// a moment, so no new task starts until the pool is under its limit again.
class WorkerPoolWait
{
public:
    WorkerPoolWait();
    ~WorkerPoolWait();
    WorkerPoolWait(const WorkerPoolWait &) = delete;
    WorkerPoolWait &operator=(const WorkerPoolWait &) = delete;

private:
    bool m_lent = false;
};
