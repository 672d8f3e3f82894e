#include "workerpool.h"

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
