// The GUI benchmark: opens filings in the real MainWindow (offscreen) and measures
// what an analyst feels: how long the GUI thread is blocked while a filing loads, its
// entities are extracted and a long reading part is laid out (a 5 ms watchdog timer
// records the longest gap; FILINGLENS_BENCH_TRACE=1 prints every gap over 30 ms), when
// the document and the entities are ready, and the latency from selecting an
// entity in the tree to the document view having painted its highlight (p50/p95
// over 200 random entities). Not a pass/fail test: it prints a table. Beside each gap's
// length, the GUI thread's own CPU time in it: on a machine busy with other work a gap is
// mostly waiting for a core, which the program's own work does not explain.
//
//   filinglens_guibench [--clicks N] [--no-workers] [FILE...]
//       (default: ../shared/corpus/pdf/PFIZER_2022_10K.pdf)
//
// The per-user cache is a fresh temporary folder: each file is opened once cold,
// then reopened (warm cache).
#include "document/documentcache.h"
#include "documentview.h"
#include "entitypanel.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "pdfpageview.h"
#include "document/pdftextworker.h"
#include "readingview.h"
#include "tablespanel.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFileInfo>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTreeView>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

// CPU time of the calling thread.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Records the time of the last Paint event any widget inside `root` received.
class PaintWatcher final : public QObject
{
public:
    explicit PaintWatcher(QWidget *root, const QElapsedTimer *clock)
        : m_root(root), m_clock(clock)
    {
    }
    qint64 lastPaintNs = -1;
    QEventLoop *waiting = nullptr; // quit on the next paint

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType()) {
            auto *w = static_cast<QWidget *>(watched);
            if (w == m_root || m_root->isAncestorOf(w)) {
                lastPaintNs = m_clock->nsecsElapsed();
                if (waiting)
                    waiting->quit();
                if (qEnvironmentVariableIsSet("FILINGLENS_BENCH_TRACE"))
                    std::fprintf(stderr, "paint %s %.1f\n", w->metaObject()->className(),
                                 double(lastPaintNs) / 1e6);
            }
        }
        return false;
    }

private:
    QWidget *m_root;
    const QElapsedTimer *m_clock;
};

struct OpenFigures
{
    double firstPageMs = -1; // PDF: page 1 rendered and shown (from the preview)
    double loadedMs = -1;   // documentLoaded (the page is shown)
    double readyMs = -1;    // extractionFinished
    double maxBlockedMs = 0; // longest gap between two 5 ms watchdog ticks, until laid out
    double maxBlockedCpuMs = 0; // the GUI thread's CPU time in that gap
    double maxCpuInGapMs = 0;   // the most CPU time the GUI thread spent in any one gap
    int gapsOver100 = 0;        // gaps over 100 ms wall
    int cpuOver50 = 0;          // gaps in which the GUI thread itself ran over 50 ms
    double laidOutMs = -1;   // the reading view has laid out the whole part (PDF: = ready)
    int entities = 0;
    double tablesMs = -1;    // TablesPanel::tablesReady
    int tables = 0;
    QString error;
};

OpenFigures openAndWait(MainWindow &window, const QString &path)
{
    OpenFigures f;
    QElapsedTimer clock;
    qint64 lastTick = 0;
    double lastCpu = threadCpuMs();
    QTimer watchdog;
    watchdog.setInterval(5);
    watchdog.setTimerType(Qt::PreciseTimer);
    QObject::connect(&watchdog, &QTimer::timeout, &window, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double cpu = threadCpuMs();
        if (ms(now - lastTick) > f.maxBlockedMs) {
            f.maxBlockedMs = ms(now - lastTick);
            f.maxBlockedCpuMs = cpu - lastCpu;
        }
        f.maxCpuInGapMs = qMax(f.maxCpuInGapMs, cpu - lastCpu);
        f.gapsOver100 += ms(now - lastTick) > 100 ? 1 : 0;
        f.cpuOver50 += cpu - lastCpu > 50 ? 1 : 0;
        if (ms(now - lastTick) > 30 && qEnvironmentVariableIsSet("FILINGLENS_BENCH_TRACE"))
            std::fprintf(stderr, "blocked %.1f ms (GUI thread CPU %.1f ms) until %.1f\n", ms(now - lastTick),
                         cpu - lastCpu, ms(now));
        lastTick = now;
        lastCpu = cpu;
    });
    // Wait in an event loop (not by polling), so the benchmark itself takes no CPU
    // from the loading and extracting threads.
    QEventLoop loop;
    const auto c0 = QObject::connect(window.documentView()->pdfView(), &PdfPageView::pageRendered, &window,
                                     [&](int page) {
                                         if (page == 0 && f.firstPageMs < 0)
                                             f.firstPageMs = ms(clock.nsecsElapsed());
                                     });
    const bool trace = qEnvironmentVariableIsSet("FILINGLENS_BENCH_TRACE");
    const auto c1 = QObject::connect(&window, &MainWindow::documentLoaded, &window, [&] {
        f.loadedMs = ms(clock.nsecsElapsed());
        if (trace)
            std::fprintf(stderr, "document shown at %.1f\n", f.loadedMs);
    });
    const auto c2 = QObject::connect(&window, &MainWindow::documentFailed, &window,
                                     [&](const QString &, const QString &message) {
                                         f.error = message;
                                         loop.quit();
                                     });
    const auto c3 = QObject::connect(&window, &MainWindow::extractionFinished, &window, [&](int count) {
        f.readyMs = ms(clock.nsecsElapsed());
        f.entities = count;
        if (trace)
            std::fprintf(stderr, "entities shown at %.1f\n", f.readyMs);
        loop.quit();
    });
    const auto c4 = QObject::connect(TablesPanel::of(&window), &TablesPanel::tablesReady, &window, [&](int count) {
        f.tablesMs = ms(clock.nsecsElapsed());
        f.tables = count;
        if (trace)
            std::fprintf(stderr, "tables shown at %.1f\n", f.tablesMs);
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    clock.start();
    watchdog.start();
    // A file that cannot be opened is reported in the table, not in a dialog waiting for a click.
    MessageBox::setNextAnswer(QMessageBox::Ok);
    window.openFile(path); // the call itself counts as blocking time
    f.gapsOver100 += ms(clock.nsecsElapsed()) > 100 ? 1 : 0;
    f.cpuOver50 += threadCpuMs() - lastCpu > 50 ? 1 : 0;
    if (ms(clock.nsecsElapsed()) > f.maxBlockedMs) {
        f.maxBlockedMs = ms(clock.nsecsElapsed());
        f.maxBlockedCpuMs = threadCpuMs() - lastCpu;
    }
    f.maxCpuInGapMs = qMax(f.maxCpuInGapMs, threadCpuMs() - lastCpu);
    lastTick = clock.nsecsElapsed();
    lastCpu = threadCpuMs();
    loop.exec();
    // The tables come after the entities, read on the worker pool.
    if (f.error.isEmpty() && f.tablesMs < 0 && f.readyMs >= 0) {
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    // Let what the window does after the entities arrive run too: the highlights, and the
    // reading view laying out the rest of a long part.
    ReadingView *reading = window.documentView()->readingView();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &window, [&] {
        if (reading->layoutComplete() || !reading->isVisible())
            loop.quit();
    });
    poll.start(20);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    poll.stop();
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    f.laidOutMs = ms(clock.nsecsElapsed());
    QTimer::singleShot(300, &loop, &QEventLoop::quit);
    loop.exec();
    watchdog.stop();
    QObject::disconnect(c0);
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    QObject::disconnect(c3);
    QObject::disconnect(c4);
    return f;
}

void collectLeaves(const QAbstractItemModel *model, const QModelIndex &parent, QModelIndexList *out)
{
    const int rows = model->rowCount(parent);
    for (int r = 0; r < rows; ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (model->hasChildren(i))
            collectLeaves(model, i, out);
        else
            out->append(i);
    }
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(qMin(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

// Selects `count` random mentions in the tree; per click, the time until the
// document view first paints after the selection. The view draws the focused
// span's outline in that paint (its geometry is computed synchronously); a page
// image not rendered yet follows from the render thread, and the highlight then
// flashes for 900 ms (those later frames are not counted).
QList<double> clickLatencies(MainWindow &window, int count)
{
    QTreeView *tree = window.entityPanel()->tree();
    QModelIndexList leaves;
    collectLeaves(tree->model(), QModelIndex(), &leaves);
    QList<double> out;
    if (leaves.isEmpty())
        return out;
    QElapsedTimer clock;
    clock.start();
    PaintWatcher watcher(window.documentView(), &clock);
    qApp->installEventFilter(&watcher);
    QRandomGenerator random(20261125);
    for (int i = 0; i < count; ++i) {
        const QModelIndex index = leaves.at(qsizetype(random.bounded(quint32(leaves.size()))));
        // Let the previous click's page renders land first.
        QEventLoop loop;
        QTimer::singleShot(60, &loop, &QEventLoop::quit);
        loop.exec();
        watcher.lastPaintNs = -1;
        const qint64 start = clock.nsecsElapsed();
        if (qEnvironmentVariableIsSet("FILINGLENS_BENCH_TRACE"))
            std::fprintf(stderr, "click %.1f\n", double(start) / 1e6);
        tree->setCurrentIndex(index);
        if (watcher.lastPaintNs < 0) {
            QTimer timeout;
            timeout.setSingleShot(true);
            QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
            timeout.start(5000);
            watcher.waiting = &loop;
            loop.exec();
            watcher.waiting = nullptr;
        }
        out << (watcher.lastPaintNs < 0 ? 5000.0 : ms(watcher.lastPaintNs - start));
    }
    qApp->removeEventFilter(&watcher);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    if (PdfTextWorker::isWorkerCommandLine(argc, argv))
        return PdfTextWorker::serve(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir home; // settings, recent files and sidecars of this run stay out of the user's
    qputenv("XDG_CONFIG_HOME", home.filePath(u"config"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(u"data"_s).toLocal8Bit());
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption clicksOpt(u"clicks"_s, u"Entities to select (default 200)"_s, u"n"_s, u"200"_s);
    QCommandLineOption noWorkersOpt(u"no-workers"_s, u"Read PDF text in-process"_s);
    parser.addOptions({clicksOpt, noWorkersOpt});
    parser.addPositionalArgument(u"file"_s, u"Files to open"_s);
    parser.process(app);
    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        files << u"../shared/corpus/pdf/PFIZER_2022_10K.pdf"_s;
    if (!parser.isSet(noWorkersOpt))
        PdfTextWorker::setProgram(QCoreApplication::applicationFilePath());
    QTemporaryDir cache;
    DocumentCache::setFolder(cache.path());
    DocumentCache::setEnabled(true);

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();

    std::printf("PDF text: %s; times in ms from MainWindow::openFile\n\n",
                parser.isSet(noWorkersOpt) ? "in-process" : "2 worker processes");
    std::printf("| file | open | first page | document shown | entities ready | laid out | entities "
                "| GUI thread blocked (max) | its GUI CPU | most GUI CPU in one gap | gaps > 100 ms | gaps with > 50 ms GUI CPU "
                "| click→highlight p50 | p95 | max | tables ready | tables |\n");
    std::printf("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    std::fflush(stdout);
    const int clicks = qMax(0, parser.value(clicksOpt).toInt());
    for (const QString &file : std::as_const(files)) {
        // Opened from a copy, so the review file and its lock are written beside the copy,
        // never beside the original (a shared corpus stays untouched).
        const QString copy = home.filePath(QFileInfo(file).fileName());
        QFile::remove(copy);
        if (!QFile::copy(file, copy)) {
            std::printf("| %s | | error: cannot copy it | | | | | | | | | | |\n", qPrintable(QFileInfo(file).fileName()));
            continue;
        }
        for (const char *pass : {"cold", "reopen"}) {
            const OpenFigures f = openAndWait(window, copy);
            const QString name = QFileInfo(file).fileName();
            if (!f.error.isEmpty()) {
                std::printf("| %s | %s | error: %s | | | | | | | | | | |\n", qPrintable(name), pass,
                            qPrintable(f.error));
                break;
            }
            QList<double> lat;
            if (std::strcmp(pass, "cold") == 0)
                lat = clickLatencies(window, clicks);
            std::printf("| %s | %s | %s | %.0f | %.0f | %.0f | %d | %.0f | %.0f | %.0f | %d | %d | %s | %s | %s | %.0f | %d |\n",
                        qPrintable(name), pass,
                        f.firstPageMs < 0 ? "–" : qPrintable(QString::number(f.firstPageMs, 'f', 0)),
                        f.loadedMs, f.readyMs, f.laidOutMs, f.entities, f.maxBlockedMs, f.maxBlockedCpuMs,
                        f.maxCpuInGapMs, f.gapsOver100, f.cpuOver50,
                        lat.isEmpty() ? "–" : qPrintable(QString::number(percentile(lat, 0.5), 'f', 1)),
                        lat.isEmpty() ? "–" : qPrintable(QString::number(percentile(lat, 0.95), 'f', 1)),
                        lat.isEmpty() ? "–" : qPrintable(QString::number(percentile(lat, 1.0), 'f', 1)),
                        f.tablesMs, f.tables);
            std::fflush(stdout);
        }
    }
    window.closeDocument();
    return 0;
}
