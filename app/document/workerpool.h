#pragma once

class QThreadPool;

// The thread pool for the program's own background work: loading filings, extracting
// entities, batches on the command line. Deliberately not QThreadPool::globalInstance():
// Qt 6.4's raster paint engine splits large fills and blends into tasks on the global pool
// and waits for them on the GUI thread, so a long task of ours there froze painting (the
// window stood still for as long as a filing took to load). As many threads as cores.
QThreadPool *workerPool();
