#include "backgroundpriority.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QThread>

#include <atomic>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

std::atomic_bool enabledFlag{false};
thread_local bool lowered = false;

#ifdef Q_OS_LINUX
pid_t threadId()
{
    return pid_t(::syscall(SYS_gettid));
}
#endif

} // namespace

void BackgroundPriority::setEnabled(bool enabled)
{
    enabledFlag.store(enabled, std::memory_order_relaxed);
}

bool BackgroundPriority::isEnabled()
{
    return enabledFlag.load(std::memory_order_relaxed);
}

void BackgroundPriority::enter()
{
    if (lowered || !isEnabled())
        return;
    // The GUI thread must never lower itself: it could not raise itself again.
    if (QCoreApplication *app = QCoreApplication::instance(); app && app->thread() == QThread::currentThread())
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    // Only ever raise the nice value: a thread started at a higher one keeps it.
    if (currentNice() < kNice)
        ::setpriority(PRIO_PROCESS, id_t(threadId()), kNice);
#else
    if (QThread *thread = QThread::currentThread(); thread && thread->priority() != QThread::IdlePriority)
        thread->setPriority(QThread::LowPriority);
#endif
}

int BackgroundPriority::currentNice()
{
#ifdef Q_OS_LINUX
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, id_t(threadId()));
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}
