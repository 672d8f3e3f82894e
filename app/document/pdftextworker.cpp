#include "pdftextworker.h"

#include "pdfloader.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDataStream>
#include <QtCore/QFile>
#include <QtCore/QMutex>
#include <QtCore/QProcess>
#include <QtPdf/QPdfDocument>

#include <cstring>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const char workerFlag[] = "--pdf-text-worker";
constexpr quint32 streamMagic = 0x464c5032; // "FLP2": page texts, each followed by its words

QMutex &programMutex()
{
    static QMutex m;
    return m;
}

QString &programPath()
{
    static QString p;
    return p;
}

} // namespace

void PdfTextWorker::setProgram(const QString &program)
{
    QMutexLocker lock(&programMutex());
    programPath() = program;
}

QString PdfTextWorker::program()
{
    QMutexLocker lock(&programMutex());
    return programPath();
}

bool PdfTextWorker::readPages(const QString &path, const QString &password, int pageCount,
                              QStringList *pages, const std::atomic_bool *cancel, int processes,
                              QList<QList<TextBox>> *words)
{
    pages->clear();
    if (words)
        words->clear();
    const QString exe = program();
    if (exe.isEmpty() || pageCount <= 0)
        return false;
    processes = qBound(1, processes, pageCount);

    std::vector<std::unique_ptr<QProcess>> workers;
    for (int k = 0; k < processes; ++k) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->start(exe, {QString::fromLatin1(workerFlag), path, QString::number(processes),
                       QString::number(k)});
        workers.push_back(std::move(p));
    }
    const auto stopAll = [&workers] {
        for (auto &w : workers) {
            if (w->state() != QProcess::NotRunning) {
                w->kill();
                w->waitForFinished(1000);
            }
        }
    };
    for (auto &p : workers) {
        if (!p->waitForStarted(10000)) {
            stopAll();
            return false;
        }
        // Without an event loop in this thread, written data leaves only inside a
        // waitFor call on that process: flush now, or every worker after the first
        // would wait for its password until the ones before it had finished.
        p->write(password.toUtf8() + '\n');
        p->waitForBytesWritten(10000);
        p->closeWriteChannel();
    }

    QList<QString> result(pageCount);
    QList<QList<TextBox>> boxes(pageCount);
    bool ok = true;
    for (int k = 0; k < processes && ok; ++k) {
        QProcess &p = *workers[size_t(k)];
        QByteArray bytes;
        // Poll so that cancel is honoured while a worker is busy.
        while (p.state() != QProcess::NotRunning) {
            if (cancel && cancel->load()) {
                stopAll();
                return false;
            }
            p.waitForReadyRead(50);
            bytes += p.readAllStandardOutput();
        }
        bytes += p.readAllStandardOutput();
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            ok = false;
            break;
        }
        QDataStream in(bytes);
        in.setVersion(QDataStream::Qt_6_4);
        quint32 magic = 0;
        qint32 count = 0;
        in >> magic >> count;
        if (magic != streamMagic || count != pageCount) {
            ok = false;
            break;
        }
        for (int page = k; page < pageCount; page += processes) {
            QString text;
            in >> text;
            result[page] = text;
            PdfLoader::readWords(in, &boxes[page]);
        }
        if (in.status() != QDataStream::Ok)
            ok = false;
    }
    stopAll();
    if (!ok)
        return false;
    *pages = result;
    if (words)
        *words = boxes;
    return true;
}

bool PdfTextWorker::isWorkerCommandLine(int argc, char **argv)
{
    return argc == 5 && std::strcmp(argv[1], workerFlag) == 0;
}

int PdfTextWorker::serve(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString path = args.value(2);
    const int n = args.value(3).toInt();
    const int k = args.value(4).toInt();
    if (n < 1 || k < 0 || k >= n)
        return 2;

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 2;
    QString password = QString::fromUtf8(in.readLine());
    if (password.endsWith(u'\n'))
        password.chop(1);

    QPdfDocument pdf;
    if (!password.isEmpty())
        pdf.setPassword(password);
    if (pdf.load(path) != QPdfDocument::Error::None)
        return 1;

    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    const int count = pdf.pageCount();
    out << streamMagic << qint32(count);
    for (int page = k; page < count; page += n) {
        QList<TextBox> words;
        out << PdfLoader::pageTextAndWords(&pdf, page, &words);
        PdfLoader::writeWords(out, words);
    }

    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return 1;
    return stdoutFile.write(bytes) == bytes.size() ? 0 : 1;
}
