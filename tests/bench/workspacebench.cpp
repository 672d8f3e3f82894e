// The workspace in the window on a folder of many filings: does the window stay
// responsive while the folder is indexed, how fast is the index built, how long do
// searches take. Makes a folder of N filings by copying small ones (the bundled
// sample's text version, a statement with tables, and the small EDGAR .txt 8-Ks of the
// corpus when present), each copy given a line of its own so that every copy is a new
// filing to the caches; the per-user cache is a fresh temporary folder (cold).
//
// Measures, with wall and CPU (user + system of the whole process, every thread):
//   1. the GUI thread's longest stall (gap between two ticks of a 5 ms timer) while idle
//      (the reference: what the busy machine alone costs), while the workspace panel
//      lists and indexes the folder, and while searches run; gaps over 50 and 100 ms;
//   2. the index build rate, filings per second, wall and per CPU-second;
//   3. opening the folder again with nothing changed (the incremental check);
//   4. searches from the search panel (index brought up to date, then queried, off the
//      GUI thread; from search() to the results shown) and WorkspaceIndex::find alone:
//      median and p95; the reference is a find of a word that is in no filing.
// Not a pass/fail test: it prints a table. FILINGLENS_BENCH_TRACE=1 prints every stall
// over 50 ms with its time.
//
//   filinglens_workspacebench [--count 1000] [--shared ../shared] [--repeat 5]
#include "document/documentcache.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "searchpanel.h"
#include "workspacepanel.h"

#include "session/workspaceindex.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype i = qBound<qsizetype>(0, qsizetype(std::ceil(p * double(values.size()))) - 1, values.size() - 1);
    return values.at(i);
}

// The GUI thread's stalls: the gaps between ticks of a 5 ms timer.
class StallMeter final : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = double(m_clock.nsecsElapsed()) / 1e6;
            const double gap = now - m_last;
            longest = qMax(longest, gap);
            // What the GUI thread itself ran in that gap: a long gap with little of it
            // was a wait for a CPU (the machine busy), not work of ours.
            const double cpu = threadCpuMs();
            const double ran = cpu - m_lastCpu;
            longestCpu = qMax(longestCpu, ran);
            m_lastCpu = cpu;
            if (gap > 50)
                ++over50;
            if (gap > 50 && qEnvironmentVariableIsSet("FILINGLENS_BENCH_TRACE"))
                std::fprintf(stderr, "stall %.0f ms (GUI thread ran %.1f ms of it) ending at %.0f ms\n", gap, ran, now);
            if (gap > 100)
                ++over100;
            m_last = now;
        });
    }
    static double threadCpuMs()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
    }
    void start()
    {
        longest = 0;
        longestCpu = 0;
        m_lastCpu = threadCpuMs();
        over50 = over100 = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longest = 0;
    double longestCpu = 0; // the most GUI-thread CPU time between two ticks
    int over50 = 0;
    int over100 = 0;

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_lastCpu = 0;
};

template <typename Sender, typename Signal>
void waitFor(Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

// CPU time of the calling thread, in milliseconds.
static double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home; // settings, caches and the index of this run stay out of the user's
    qputenv("XDG_CONFIG_HOME", home.filePath(u"config"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(u"data"_s).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", home.filePath(u"cache"_s).toLocal8Bit());
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption countOpt(u"count"_s, u"Filings in the folder (default 1000)"_s, u"n"_s, u"1000"_s);
    QCommandLineOption sharedOpt(u"shared"_s, u"The shared folder with corpus/"_s, u"dir"_s, u"../shared"_s);
    QCommandLineOption repeatOpt(u"repeat"_s, u"Times each query runs (default 5)"_s, u"n"_s, u"5"_s);
    parser.addOptions({countOpt, sharedOpt, repeatOpt});
    parser.process(app);
    const int count = qMax(1, parser.value(countOpt).toInt());
    const int repeat = qMax(1, parser.value(repeatOpt).toInt());
    DocumentCache::setFolder(home.filePath(u"cache/documents"_s));
    DocumentCache::setEnabled(true);
    MessageBox::setNextAnswer(QMessageBox::Ok);

    QStringList sources = {QStringLiteral(FILINGLENS_SOURCE_ROOT "/resources/sample/immunogen-8k-2007-06-04.txt"),
                           QStringLiteral(FILINGLENS_SOURCE_ROOT "/tests/data/tables/statements.html")};
    const QDir corpus8k(parser.value(sharedOpt) + u"/corpus/8k"_s);
    for (const QFileInfo &f : corpus8k.entryInfoList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
        if (f.size() < 100000)
            sources.append(f.absoluteFilePath());
    }
    QList<QByteArray> bytes;
    for (const QString &s : std::as_const(sources)) {
        QFile f(s);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "error: cannot read %s\n", qPrintable(s));
            return 1;
        }
        bytes.append(f.readAll());
    }
    const QString folder = home.filePath(u"ws"_s);
    for (int i = 0; i < count; ++i) {
        const QString sub = folder % u'/' % QString::number(i / 100).rightJustified(3, u'0');
        QDir().mkpath(sub);
        const int k = i % int(sources.size());
        QFile out(sub % u'/' % QString::number(i).rightJustified(5, u'0') % u'-' % QFileInfo(sources.at(k)).fileName());
        if (!out.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "error: cannot write %s\n", qPrintable(out.fileName()));
            return 1;
        }
        // A line of its own at the end (an HTML comment for HTML), so each copy is a new filing.
        const QByteArray number = QByteArray::number(i);
        const QByteArray tail = sources.at(k).endsWith(u".html"_s) ? QByteArray("\n<!-- copy " + number + " -->\n")
                                                                  : QByteArray("\ncopy " + number + "\n");
        out.write(bytes.at(k) + tail);
    }
    std::printf("%d filings copied from %d sources; %d cores\n", count, int(sources.size()),
                QThread::idealThreadCount());

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();
    WorkspacePanel *workspace = WorkspacePanel::of(&window);
    SearchPanel *search = SearchPanel::of(&window);
    StallMeter meter;

    // 1. The reference: the GUI thread idle for two seconds.
    meter.start();
    {
        QEventLoop idle;
        QTimer::singleShot(2000, &idle, &QEventLoop::quit);
        idle.exec();
    }
    meter.stop();
    std::printf("| what | wall | CPU | longest GUI stall | its most GUI-thread CPU between ticks | stalls > 50 ms | > 100 ms |\n"
                "|---|---:|---:|---:|---:|---:|---:|\n");
    std::printf("| idle 2 s (reference) | 2.0 s | | %.0f ms | %.1f ms | %d | %d |\n", meter.longest, meter.longestCpu,
                meter.over50, meter.over100);

    // 2. and 3. The folder indexed cold, then opened again with nothing changed.
    for (const char *pass : {"index the folder (cold caches)", "open it again (nothing changed)"}) {
        QElapsedTimer wall;
        const double cpu0 = cpuSeconds();
        meter.start();
        wall.start();
        workspace->openFolder(folder);
        waitFor(workspace, &WorkspacePanel::indexingFinished, 4 * 3600 * 1000);
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        const double cpu = cpuSeconds() - cpu0;
        meter.stop();
        std::printf("| %s | %.1f s (%.1f filings/s) | %.1f s (%.1f filings per CPU-s) | %.0f ms | %.1f ms | %d | %d |\n",
                    pass, seconds, count / seconds, cpu, cpu > 0 ? count / cpu : 0.0, meter.longest,
                    meter.longestCpu, meter.over50, meter.over100);
        std::fflush(stdout);
    }

    // 4. Searches.
    const QStringList queries = {u"sayare"_s, u"immunogen"_s, u"revenues"_s, u"june 2007"_s, u"1234000000"_s,
                                 u"inc"_s, u"president"_s, u"chief executive"_s, u"cambridge"_s, u"exhibit"_s};
    QList<double> panelMs, panelCpu, findMs, findCpu, limitedMs, limitedCpu, noneMs;
    int results = 0;
    meter.start();
    for (int r = 0; r < repeat; ++r) {
        for (const QString &q : queries) {
            search->searchField()->setText(q);
            QElapsedTimer t;
            const double cpu0 = cpuSeconds();
            t.start();
            search->search();
            if (search->isSearching())
                waitFor(search, &SearchPanel::searchFinished, 600000);
            panelMs.append(double(t.nsecsElapsed()) / 1e6);
            panelCpu.append((cpuSeconds() - cpu0) * 1000);
            results += search->model()->rowCount();
        }
    }
    meter.stop();
    const double searchStall = meter.longest;
    const double searchStallCpu = meter.longestCpu;
    const int searchOver100 = meter.over100;
    QList<Workspace::Filing> filings;
    for (const Workspace::FilingStatus &s : workspace->model()->rows())
        filings.append(s.filing);
    {
        WorkspaceIndex index;
        for (int r = 0; r < repeat; ++r) {
            for (const QString &q : queries) {
                WorkspaceIndex::Query query;
                query.text = q;
                QElapsedTimer t;
                t.start();
                double c0 = threadCpuMs();
                index.find(query, filings);
                findMs.append(double(t.nsecsElapsed()) / 1e6);
                findCpu.append(threadCpuMs() - c0);
                query.limit = SearchPanel::kResultLimit;
                t.start();
                c0 = threadCpuMs();
                index.find(query, filings);
                limitedMs.append(double(t.nsecsElapsed()) / 1e6);
                limitedCpu.append(threadCpuMs() - c0);
                query.limit = 0;
                query.text = u"zzqxjv"_s;
                t.start();
                index.find(query, filings);
                noneMs.append(double(t.nsecsElapsed()) / 1e6);
            }
        }
    }
    std::printf("\n| searches over %d filings (%d queries × %d) | median | p95 | max |\n|---|---:|---:|---:|\n",
                count, int(queries.size()), repeat);
    std::printf("| search panel, search() to results shown (wall) | %.1f ms | %.1f ms | %.1f ms |\n",
                percentile(panelMs, 0.5), percentile(panelMs, 0.95), percentile(panelMs, 1));
    std::printf("| search panel, CPU of the process meanwhile | %.1f ms | %.1f ms | %.1f ms |\n",
                percentile(panelCpu, 0.5), percentile(panelCpu, 0.95), percentile(panelCpu, 1));
    std::printf("| WorkspaceIndex::find alone, every match (as `find`; wall) | %.1f ms | %.1f ms | %.1f ms |\n",
                percentile(findMs, 0.5), percentile(findMs, 0.95), percentile(findMs, 1));
    std::printf("| WorkspaceIndex::find alone, the panel's first %d (wall) | %.1f ms | %.1f ms | %.1f ms |\n",
                SearchPanel::kResultLimit, percentile(limitedMs, 0.5), percentile(limitedMs, 0.95),
                percentile(limitedMs, 1));
    std::printf("| the same, every match: CPU of the thread | %.1f ms | %.1f ms | %.1f ms |\n",
                percentile(findCpu, 0.5), percentile(findCpu, 0.95), percentile(findCpu, 1));
    std::printf("| the same, the panel's first %d: CPU of the thread | %.1f ms | %.1f ms | %.1f ms |\n",
                SearchPanel::kResultLimit, percentile(limitedCpu, 0.5), percentile(limitedCpu, 0.95),
                percentile(limitedCpu, 1));
    std::printf("| reference: find of a word in no filing | %.1f ms | %.1f ms | %.1f ms |\n",
                percentile(noneMs, 0.5), percentile(noneMs, 0.95), percentile(noneMs, 1));
    std::printf("\nlongest GUI stall during the searches: %.0f ms (%d over 100 ms; the most GUI-thread CPU between "
                "two ticks %.1f ms); %d results listed in all\n",
                searchStall, searchOver100, searchStallCpu, results);
    return 0;
}
