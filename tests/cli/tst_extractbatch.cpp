// "filing-lens extract" over many filings at once, as a user exports a folder. Loading an
// HTML filing queues its pages on the worker pool and waits for them from a task of that
// same pool; with every pool thread on such a filing at once, the batch once stood still
// for good. There is no time limit in here: the test's ctest TIMEOUT is the guard.
#include "testutils.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

// A small HTML filing of three pages, each with an amount, so that every file gives rows.
QByteArray htmlFiling(int n)
{
    QByteArray html = "<html><body>";
    for (int page = 1; page <= 3; ++page) {
        html += "<p>Acme Widgets " + QByteArray::number(n) + ", Inc. reported revenue of $"
            + QByteArray::number(10 + page) + ".5 million for the quarter ended March 31, 2024.</p>";
        if (page < 3)
            html += "<hr style=\"page-break-after: always\">";
    }
    return html + "</body></html>";
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run extract(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(FILINGLENS_BINARY), QStringList{u"extract"_s} + arguments);
    Run r;
    p.waitForFinished(-1);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The files a JSON export lists, each with at least one row.
QSet<QString> filesWithRows(const QByteArray &json)
{
    QSet<QString> files;
    const QJsonArray list = QJsonDocument::fromJson(json).object().value(u"files"_s).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject file = v.toObject();
        if (file.value(u"rows"_s).toInt() > 0)
            files.insert(file.value(u"file"_s).toString());
    }
    return files;
}

} // namespace

class TestExtractBatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manyHtmlFilingsAtOnce();
    void corpusFilingsAtOnce();
};

void TestExtractBatch::manyHtmlFilingsAtOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // More HTML filings than the pool has threads, twice over: every thread gets one.
    const int count = 4 * qMax(2, QThread::idealThreadCount()) + 1;
    QStringList paths;
    QSet<QString> names;
    for (int n = 0; n < count; ++n) {
        const QString name = u"filing-%1.htm"_s.arg(n);
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(htmlFiling(n));
        paths.append(f.fileName());
        names.insert(name);
    }
    const Run r = extract(QStringList{u"--json"_s, u"-"_s} + paths);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(filesWithRows(r.out), names);
}

void TestExtractBatch::corpusFilingsAtOnce()
{
    // The 10-K and 10-Q filings of the corpus in one command, PDFs and HTML mixed.
    QStringList paths;
    QSet<QString> names;
    for (const QString &relative :
         {u"10k/abbv-10-k-2025-02-14.html"_s, u"10k/aeon-20230930x10q.htm"_s, u"10k/ko-10-k-2025-02-20.html"_s,
          u"10k/0000320193-94-000016.txt"_s, u"pdf/Pfizer_2023Q2_10Q.pdf"_s, u"pdf/JPMORGAN_2023Q2_10Q.pdf"_s,
          u"more/SJM-10-Q-0000091419-23-000113.html"_s, u"more/TMO-10-Q-0000097745-23-000059.html"_s,
          u"more/AI-10-Q-0001628280-23-031636.html"_s, u"more/MULN-10-Q-0001558370-23-014900.html"_s}) {
        const QString path = TestUtils::corpusPath(relative);
        if (path.isEmpty())
            QSKIP(qPrintable(u"shared corpus file absent: "_s + relative));
        paths.append(path);
        names.insert(QFileInfo(path).fileName());
    }
    const Run r = extract(QStringList{u"--json"_s, u"-"_s} + paths);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(filesWithRows(r.out), names);
}

QTEST_GUILESS_MAIN(TestExtractBatch)
#include "tst_extractbatch.moc"
