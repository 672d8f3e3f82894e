#include "document/backgroundpriority.h"
#include "document/filingdocument.h"
#include "document/workerpool.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QMap>
#include <QtCore/QProcess>
#include <QtCore/QSemaphore>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtGui/QGuiApplication>
#include <QtTest/QTest>

#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;

// While a window is open, the program's own background work (loading, extracting, the PDF
// text workers it starts) runs at a lower priority than the GUI thread, so a core both want
// goes to the window first. The command line keeps the priority it was started with.
class TestBackgroundPriority : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void commandLineKeepsItsPriority();
    void windowWorkGivesWay();
    void childProcessesInheritIt();

private:
    // Nice value of every thread of this process, by thread id (from /proc).
    static QMap<int, int> threadNices();
    // Loads the test filing as the window does (on the pool); its page count, -1 if it failed.
    int loadOnPool() const;
    QTemporaryDir m_dir;
    QString m_html;
};

// The result of a pool task, waited for without QFuture::result(): a caller waiting there may
// run a task that has not started yet itself, on this (GUI) thread.
template <typename T>
T resultFromPool(QFuture<T> future)
{
    QDeadlineTimer deadline(30000);
    while (!future.isFinished() && !deadline.hasExpired())
        QThread::msleep(1);
    return future.isFinished() ? future.result() : T();
}

QMap<int, int> TestBackgroundPriority::threadNices()
{
    QMap<int, int> out;
    const QStringList tids = QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        QFile stat(u"/proc/self/task/%1/stat"_s.arg(tid));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        const QByteArray line = stat.readAll();
        // Fields after the command name (which may hold spaces): state is field 3, nice 19.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16)
            out.insert(tid.toInt(), fields.at(16).toInt());
    }
    return out;
}

int TestBackgroundPriority::loadOnPool() const
{
    return resultFromPool(QtConcurrent::run(workerPool(), [path = m_html] {
        BackgroundPriority::enter();
        LoadError error;
        const std::unique_ptr<FilingDocument> doc = FilingDocument::load(path, {}, &error);
        return doc ? doc->content().pageCount() : -1;
    }));
}

void TestBackgroundPriority::initTestCase()
{
#ifndef Q_OS_LINUX
    QSKIP("thread nice values are a Linux matter");
#endif
    QVERIFY(m_dir.isValid());
    // Eight pages: the loader builds them side by side on the worker pool.
    QString body;
    for (int p = 1; p <= 8; ++p)
        body += u"<p>Page %1 of the report. Revenue was $%2 million in 2024.</p>"
                "<hr style=\"page-break-after:always\">"_s.arg(p).arg(100 + p);
    m_html = m_dir.filePath(u"pages.html"_s);
    QFile f(m_html);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write((u"<html><body>"_s + body + u"</body></html>"_s).toUtf8());
}

void TestBackgroundPriority::commandLineKeepsItsPriority()
{
    QVERIFY(!BackgroundPriority::isEnabled()); // nothing but a window turns it on
    QCOMPARE(loadOnPool(), 8);
    const QMap<int, int> nices = threadNices();
    QVERIFY(nices.size() > 1);
    for (auto it = nices.cbegin(); it != nices.cend(); ++it)
        QCOMPARE(it.value(), 0);
}

void TestBackgroundPriority::windowWorkGivesWay()
{
    BackgroundPriority::setEnabled(true);
    // Called on the GUI thread it does nothing: that thread could never raise itself again.
    BackgroundPriority::enter();
    QCOMPARE(BackgroundPriority::currentNice(), 0);

    // Every pool thread takes part: one task per thread, each holding its thread until all run.
    const int threads = workerPool()->maxThreadCount();
    QSemaphore started;
    QList<QFuture<int>> tasks;
    for (int k = 0; k < threads; ++k)
        tasks << QtConcurrent::run(workerPool(), [&started, threads] {
            BackgroundPriority::enter();
            started.release();
            started.acquire(threads); // all threads busy at once: one task each
            started.release(threads);
            return BackgroundPriority::currentNice();
        });
    for (QFuture<int> &t : tasks)
        QCOMPARE(resultFromPool(t), BackgroundPriority::kNice);

    // A real load through the pool: the threads that built its pages stay lowered, the GUI
    // thread keeps its priority.
    QCOMPARE(loadOnPool(), 8);
    const QMap<int, int> nices = threadNices();
    QCOMPARE(nices.value(int(::getpid()), -1), 0);
    const QList<int> values = nices.values();
    QVERIFY(int(std::count(values.cbegin(), values.cend(), BackgroundPriority::kNice)) >= threads);
}

void TestBackgroundPriority::childProcessesInheritIt()
{
    // The PDF text workers are started from the loading thread; so is this process.
    BackgroundPriority::setEnabled(true);
    const QByteArray printed = resultFromPool(QtConcurrent::run(workerPool(), [] {
        BackgroundPriority::enter();
        QProcess nice;
        nice.start(u"nice"_s, {}); // prints its own nice value
        nice.waitForFinished(10000);
        return nice.readAllStandardOutput().trimmed();
    }));
    QCOMPARE(printed.toInt(), BackgroundPriority::kNice);
    // A process this (GUI) thread starts keeps the program's priority.
    QProcess nice;
    nice.start(u"nice"_s, {});
    QVERIFY(nice.waitForFinished(10000));
    QCOMPARE(nice.readAllStandardOutput().trimmed().toInt(), 0);
}

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
