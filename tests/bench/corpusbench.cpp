// The corpus benchmark: for every filing of the shared corpus, how long it takes
// to open, to show the first page, to build the text layer, to extract, and how
// much memory it needs; with pdftotext on the same PDF as the reference measured
// in the same run. Not a pass/fail test: it prints a table.
//
//   filinglens_corpusbench [--corpus DIR] [--repeat N] [--no-workers] [--no-facts] [--program EXE] [FILE...]
//   filinglens_corpusbench --micro     (sidecar save/load of 5,000 decisions, CSV of 20,000 rows)
//
// Each file is measured in a child process of its own, so its peak memory
// (VmHWM) is its own and a crash in one file cannot stop the table. PDF page
// texts are read by PdfTextWorker helper processes as the program does (unless
// --no-workers), the cache starts empty (a temporary folder) and "reopen" is a
// second child process on the now warm cache. Loading goes through FilingSession, so an
// HTML page's tables are read as it is laid out; "tables ready" is when TableReader has
// finished them after the load. --no-facts loads without the inline-XBRL facts (only the
// dei: cover facts, as before they were read): the reference for what the facts cost.
//
// After the table, the batch figure: every PDF of the table that opened, in ONE
// `filing-lens extract` call (cold cache, its own worker processes), against
// pdftotext run on the same files one after another; CPU and wall of both, pairs
// alternating in the same run so that load on the machine hits both alike.
#include "export/csvwriter.h"
#include "document/documentcache.h"
#include "extract/extractor.h"
#include "session/entitycache.h"
#include "session/filingsession.h"
#include "session/tablecache.h"
#include "document/filingdocument.h"
#include "document/pdftextworker.h"
#include "review/reviewdisk.h"
#include "review/reviewstore.h"
#include "review/sidecarfile.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCryptographicHash>
#include <QtCore/QDirIterator>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QBuffer>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QGuiApplication>
#include <QtGui/QImage>
#include <QtPdf/QPdfDocument>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

// The local disk, made slow on request: every journal write waits first.
class SlowableDisk final : public ReviewDisk
{
public:
    std::atomic_int writeDelayMsec{0};
    void beforeJournalWrite() const override
    {
        if (const int delay = writeDelayMsec; delay > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }
};

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU time (user + system) of this process, or of its reaped children.
double cpuMs(int who)
{
    rusage u{};
    getrusage(who, &u);
    return (double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3)
        + (double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3);
}

qint64 peakRssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Measures one file in this process and prints one JSON object on stdout.
int measureOne(const QString &path, bool xbrlFacts)
{
    QJsonObject out;
    out[u"file"_s] = QFileInfo(path).fileName();

    QElapsedTimer total;
    total.start();
    QByteArray head;
    {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            head = f.read(1024);
    }
    if (head.contains("%PDF")) {
        // Opening alone (what a view needs to paint page 1): pdfium open + render.
        QElapsedTimer t;
        t.start();
        QPdfDocument pdf;
        pdf.load(path);
        if (pdf.status() == QPdfDocument::Status::Ready && pdf.pageCount() > 0) {
            const QSizeF pts = pdf.pagePointSize(0);
            const QImage img = pdf.render(0, (pts * 150.0 / 72.0).toSize());
            out[u"openRenderMs"_s] = img.isNull() ? -1.0 : ms(t);
        }
        total.restart();
    }

    QElapsedTimer t;
    t.start();
    LoadError error;
    LoadOptions options;
    options.xbrlFacts = xbrlFacts;
    std::unique_ptr<FilingDocument> doc = FilingSession::load(path, options, &error);
    const double loadMs = ms(t);
    if (!doc) {
        out[u"error"_s] = error.message;
        out[u"loadMs"_s] = loadMs;
        out[u"peakKiB"_s] = double(peakRssKiB());
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
        return 0;
    }
    out[u"format"_s] = formatKey(doc->format());
    out[u"pages"_s] = doc->pageCount();
    qint64 chars = 0;
    for (const QString &p : doc->content().text.pages)
        chars += p.size();
    out[u"chars"_s] = double(chars);
    out[u"loadMs"_s] = loadMs;
    // The program shows page 1 once the document is loaded.
    if (doc->format() == DocumentFormat::Pdf && doc->pageCount() > 0) {
        const QSizeF pts = doc->pageSizePoints(0);
        const QImage img = doc->pdf()->render(0, (pts * 150.0 / 72.0).toSize());
        out[u"firstPageMs"_s] = img.isNull() ? -1.0 : ms(total);
    } else {
        out[u"firstPageMs"_s] = loadMs;
    }

    const Extractor extractor(RuleSet::loadDefault());
    t.restart();
    const EntityList entities = EntityCache::extract(extractor, doc->content());
    out[u"extractMs"_s] = ms(t);
    out[u"entities"_s] = int(entities.size());
    out[u"entitiesReadyMs"_s] = ms(total);
    out[u"entitiesCpuMs"_s] = cpuMs(RUSAGE_SELF) + cpuMs(RUSAGE_CHILDREN); // children: PDF text workers
    // The tables, as the window asks for them once the filing is loaded.
    const double cpuBeforeTables = cpuMs(RUSAGE_SELF);
    t.restart();
    const TableList tables = TableCache::tables(doc->content());
    out[u"tablesMs"_s] = ms(t);
    out[u"tablesCpuMs"_s] = cpuMs(RUSAGE_SELF) - cpuBeforeTables;
    out[u"tables"_s] = int(tables.size());
    out[u"tablesReadyMs"_s] = loadMs + ms(t);
    out[u"readyMs"_s] = ms(total);
    out[u"cpuMs"_s] = cpuMs(RUSAGE_SELF) + cpuMs(RUSAGE_CHILDREN);
    out[u"peakKiB"_s] = double(peakRssKiB());
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    return 0;
}

// Wall time of pdftotext on the file; *cpu receives its CPU time.
double pdftotextMs(const QString &path, double *cpu)
{
    const QString tool = QStandardPaths::findExecutable(u"pdftotext"_s);
    *cpu = -1;
    if (tool.isEmpty())
        return -1;
    QProcess p;
    const double cpuBefore = cpuMs(RUSAGE_CHILDREN);
    QElapsedTimer t;
    t.start();
    p.start(tool, {u"-q"_s, path, u"-"_s});
    p.waitForFinished(120000);
    const double wall = ms(t);
    p.readAllStandardOutput();
    *cpu = cpuMs(RUSAGE_CHILDREN) - cpuBefore;
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 ? wall : -1;
}

QString cell(const QJsonObject &o, const QString &key, int precision = 0)
{
    if (!o.contains(key))
        return u"–"_s;
    const double v = o.value(key).toDouble();
    if (v < 0)
        return u"fail"_s;
    return QString::number(v, 'f', precision);
}


QJsonObject runChild(const QStringList &args, const QString &cacheDir)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FILINGLENS_BENCH_CACHE"_s, cacheDir);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), args);
    child.waitForFinished(600000);
    QJsonObject o = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
    if (o.isEmpty()) {
        o[u"file"_s] = QFileInfo(args.last()).fileName();
        o[u"error"_s] = u"measurement process failed (exit %1)"_s.arg(child.exitCode());
    }
    return o;
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

struct Timed
{
    double wall = -1;
    double cpu = -1;
};

// Wall and CPU time (user + system, its waited-for descendants included) of one
// program run; output discarded. wall is -1 when it fails.
Timed runTimed(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    const double cpuBefore = cpuMs(RUSAGE_CHILDREN);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    const bool finished = p.waitForFinished(600000);
    Timed r;
    r.wall = ms(t);
    r.cpu = cpuMs(RUSAGE_CHILDREN) - cpuBefore;
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        r.wall = -1;
    return r;
}

void printBatch(const QStringList &pdfs, int pages, const QString &program, int repeat)
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdfs.isEmpty() || !QFileInfo(program).isExecutable()) {
        std::printf("\nbatch: no PDF measured or no filing-lens program (--program)\n");
        return;
    }
    QList<double> wall, cpu, refWall, refCpu;
    bool ok = true;
    for (int i = 0; i < repeat && ok; ++i) {
        QTemporaryDir cache; // cold cache for every run
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CACHE_HOME"_s, cache.path());
        const Timed lens = runTimed(program, QStringList{u"extract"_s, u"--csv"_s, u"/dev/null"_s} + pdfs, env);
        ok = lens.wall >= 0;
        wall << lens.wall;
        cpu << lens.cpu;
        if (pdftotext.isEmpty())
            continue;
        Timed ref{0, 0};
        for (const QString &pdf : pdfs) {
            const Timed one = runTimed(pdftotext, {u"-q"_s, pdf, u"/dev/null"_s},
                                       QProcessEnvironment::systemEnvironment());
            if (one.wall < 0) {
                ref.wall = -1;
                break;
            }
            ref.wall += one.wall;
            ref.cpu += one.cpu;
        }
        refWall << ref.wall;
        refCpu << ref.cpu;
    }
    std::printf("\nBatch: %lld PDFs, %d pages, in one `filing-lens extract --csv /dev/null` (cold cache) "
                "and pdftotext on the same files one after another; medians of %d runs, ms\n\n",
                qlonglong(pdfs.size()), pages, int(wall.size()));
    std::printf("| work | filing-lens wall | filing-lens CPU | pdftotext wall | pdftotext CPU "
                "| wall ratio | CPU ratio |\n|---|---:|---:|---:|---:|---:|---:|\n");
    if (!ok) {
        std::printf("| batch | extract failed | | | | | |\n");
        return;
    }
    const double w = median(wall), c = median(cpu);
    const double rw = median(refWall), rc = median(refCpu);
    const auto num = [](double v, int precision) {
        return v < 0 ? QString(u"–"_s) : QString::number(v, 'f', precision);
    };
    std::printf("| batch | %s | %s | %s | %s | %s | %s |\n", qPrintable(num(w, 0)), qPrintable(num(c, 0)),
                qPrintable(num(rw, 0)), qPrintable(num(rc, 0)),
                qPrintable(rw > 0 ? num(w / rw, 2) + u"×"_s : u"–"_s),
                qPrintable(rc > 0 ? num(c / rc, 2) + u"×"_s : u"–"_s));
}

// Sidecar save/load with 5,000 decisions and CSV export of 20,000 entities.
int runMicro(int repeat)
{
    QTemporaryDir dir;
    SidecarData data;
    data.file = u"bench.pdf"_s;
    data.sha256 = QString(64, u'a');
    data.pages = 159;
    data.format = u"pdf"_s;
    data.savedAt = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 5000; ++i) {
        SidecarDecision d;
        d.id = u"money@%1:%2-%3"_s.arg(1 + i / 40).arg(i * 7 % 3000).arg(i * 7 % 3000 + 14);
        d.status = i % 3 == 0 ? u"rejected"_s : (i % 3 == 1 ? u"confirmed"_s : u"corrected"_s);
        d.type = u"money"_s;
        d.value = u"USD %1000000"_s.arg(i);
        d.anchor = SidecarAnchor{1 + i / 40, i * 7 % 3000, i * 7 % 3000 + 14, u"$%1 million"_s.arg(i),
                                 u"revenues increased to approximately "_s, u" compared with the prior year"_s};
        d.attributes.insert(u"statedIn"_s, u"millions"_s);
        d.note = i % 10 == 0 ? u"checked against the annual report"_s : QString();
        d.by = u"analyst"_s;
        d.at = data.savedAt;
        data.decisions.append(d);
        QJsonObject h{{u"at"_s, data.savedAt.toString(Qt::ISODate)}, {u"by"_s, u"analyst"_s},
                      {u"op"_s, u"confirm"_s}, {u"id"_s, d.id}};
        data.history.append(h);
    }
    const QString path = dir.filePath(u"bench.pdf.review.json"_s);
    QList<double> save, load;
    qint64 bytes = 0;
    for (int i = 0; i < qMax(repeat, 5); ++i) {
        QElapsedTimer t;
        t.start();
        const QByteArray json = SidecarFile::serialize(data);
        const SidecarFile::SaveResult r = SidecarFile::save(path, json);
        save << (r.ok ? ms(t) : -1.0);
        bytes = json.size();
        t.restart();
        const SidecarFile::LoadResult l = SidecarFile::load(path);
        load << (l.status == SidecarFile::LoadStatus::Loaded && l.data.decisions.size() == 5000 ? ms(t) : -1.0);
    }

    // What ReviewStore saves after the first time: every decision and history entry
    // already encoded, one changed decision re-encoded.
    SidecarData encoded = data;
    for (const SidecarDecision &d : std::as_const(data.decisions))
        encoded.decisionsJson << SidecarFile::serializeDecision(d);
    for (const QJsonValue &h : std::as_const(data.history))
        encoded.historyJson << SidecarFile::serializeObject(h.toObject());
    encoded.decisions.clear();
    encoded.history = QJsonArray();
    QList<double> incremental;
    for (int i = 0; i < qMax(repeat, 5); ++i) {
        QElapsedTimer t;
        t.start();
        encoded.decisionsJson[i] = SidecarFile::serializeDecision(data.decisions.at(i));
        const SidecarFile::SaveResult r = SidecarFile::save(path, SidecarFile::serialize(encoded));
        incremental << (r.ok ? ms(t) : -1.0);
    }

    DocumentContent content;
    content.fileName = u"bench.pdf"_s;
    content.format = DocumentFormat::Pdf;
    for (int p = 0; p < 200; ++p) {
        QString page;
        for (int k = 0; k < 100; ++k)
            page += u"Net revenues were $1,234.5 million, up 12% from 2021; see Note %1. "_s.arg(k);
        content.text.pages << page;
    }
    EntityList entities;
    entities.reserve(20000);
    for (int i = 0; i < 20000; ++i) {
        Entity e;
        e.type = i % 2 ? u"money"_s : u"percent"_s;
        const int page = i / 100, k = i % 100;
        const QString &text = content.text.pages.at(page);
        const int start = int(text.indexOf(u'$', k * 70));
        e.span = SourceSpan{page, start, start + 14};
        e.id = Entity::makeId(e.type, e.span, text);
        e.text = text.mid(start, 14);
        e.value = u"USD 1234500000"_s;
        e.confidence = 0.9;
        e.origin = u"figures.money"_s;
        e.attributes.insert(u"statedIn"_s, u"millions"_s);
        entities.append(e);
    }
    QList<double> csv;
    qint64 csvBytes = 0;
    for (int i = 0; i < qMax(repeat, 5); ++i) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QElapsedTimer t;
        t.start();
        CsvWriter writer(&buffer);
        const bool ok = writer.addFile(content, entities) && writer.finish();
        csv << (ok && writer.rowCount() == 20000 ? ms(t) : -1.0);
        csvBytes = buffer.size();
    }
    // A decision from the call to its journal line reported on disk (written and
    // fsync'd on the journal's thread, in the temporary folder's file system), in a
    // review of 5,000 decisions; and how long the GUI thread spends on it, also when
    // every journal write takes 200 ms (a slow disk).
    QList<double> durable;
    QList<double> guiThread;
    QList<double> guiThreadSlowDisk;
    {
        QTemporaryDir dir;
        DocumentContent review = content;
        review.filePath = dir.filePath(u"bench.txt"_s);
        review.fileName = u"bench.txt"_s;
        QFile file(review.filePath);
        file.open(QIODevice::WriteOnly);
        file.write(content.text.pages.join(u'\f').toUtf8());
        file.close();
        review.sha256 = QString::fromLatin1(
            QCryptographicHash::hash(content.text.pages.join(u'\f').toUtf8(), QCryptographicHash::Sha256).toHex());
        const auto disk = std::make_shared<SlowableDisk>();
        ReviewStore store(disk);
        store.setAutosaveDelay(3600 * 1000);
        store.open(review, entities);
        QStringList first;
        for (int i = 0; i < 5000; ++i)
            first << entities.at(i).id;
        store.confirmAll(first);
        store.save();
        const int samples = qMax(repeat, 200);
        for (int i = 0; i < samples; ++i) {
            QElapsedTimer t;
            t.start();
            store.reject(entities.at(5000 + i).id);
            guiThread << ms(t);
            while (!store.isDurable())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            durable << ms(t);
        }
        disk->writeDelayMsec = 200;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer t;
            t.start();
            store.reject(entities.at(6000 + i).id);
            guiThreadSlowDisk << ms(t);
        }
        store.waitForJournal();
    }
    auto percentile = [](QList<double> v, double p) {
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? -1.0 : v.at(qBound<qsizetype>(0, qsizetype(p * double(v.size() - 1) + 0.5), v.size() - 1));
    };

    std::printf("| operation | size | median ms | target ms |\n|---|---|---:|---:|\n");
    std::printf("| sidecar save (serialize + atomic write) | 5,000 decisions, %lld KB | %.1f | 30 |\n",
                bytes / 1024, median(save));
    std::printf("| sidecar load (read + parse) | 5,000 decisions | %.1f | – |\n", median(load));
    std::printf("| sidecar save as the review store does it (one decision re-encoded) | 5,000 decisions | %.1f | 30 |\n",
                median(incremental));
    std::printf("| CSV export | 20,000 entities, %lld KB | %.1f | 100 |\n", csvBytes / 1024, median(csv));
    std::printf("\n| decision (review of 5,000 decisions) | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|\n");
    std::printf("| key press to durable (journal line written and fsync'd) | %.2f | %.2f | %.2f |\n",
                percentile(durable, 0.5), percentile(durable, 0.95), percentile(durable, 1.0));
    std::printf("| GUI thread, per decision | %.2f | %.2f | %.2f |\n", percentile(guiThread, 0.5),
                percentile(guiThread, 0.95), percentile(guiThread, 1.0));
    std::printf("| GUI thread, per decision, every journal write 200 ms late | %.2f | %.2f | %.2f |\n",
                percentile(guiThreadSlowDisk, 0.5), percentile(guiThreadSlowDisk, 0.95),
                percentile(guiThreadSlowDisk, 1.0));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (PdfTextWorker::isWorkerCommandLine(argc, argv))
        return PdfTextWorker::serve(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption corpusOpt(u"corpus"_s, u"Corpus folder (default ../shared/corpus)"_s, u"dir"_s,
                                 u"../shared/corpus"_s);
    QCommandLineOption oneOpt(u"one"_s, u"Measure one file in this process (internal)"_s, u"file"_s);
    QCommandLineOption repeatOpt(u"repeat"_s, u"Runs per file; the median is shown"_s, u"n"_s, u"3"_s);
    QCommandLineOption noWorkersOpt(u"no-workers"_s, u"Read PDF text in-process"_s);
    QCommandLineOption microOpt(u"micro"_s, u"Sidecar and CSV export figures only"_s);
    QCommandLineOption noFactsOpt(u"no-facts"_s, u"Load without the inline-XBRL facts (the reference for their cost)"_s);
    QCommandLineOption programOpt(u"program"_s, u"The filing-lens program for the batch figure"_s, u"exe"_s,
                                  QString::fromUtf8(FILINGLENS_BINARY));
    parser.addOptions({corpusOpt, oneOpt, repeatOpt, noWorkersOpt, microOpt, noFactsOpt, programOpt});
    parser.addPositionalArgument(u"file"_s, u"Files to measure (default: the whole corpus)"_s);
    parser.process(app);
    const int repeat = qMax(1, parser.value(repeatOpt).toInt());
    if (parser.isSet(microOpt))
        return runMicro(repeat);

    if (parser.isSet(oneOpt)) {
        if (!parser.isSet(noWorkersOpt))
            PdfTextWorker::setProgram(QCoreApplication::applicationFilePath());
        const QString cache = qEnvironmentVariable("FILINGLENS_BENCH_CACHE");
        if (!cache.isEmpty()) {
            DocumentCache::setFolder(cache);
            DocumentCache::setEnabled(true);
        }
        return measureOne(parser.value(oneOpt), !parser.isSet(noFactsOpt));
    }

    QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        QDirIterator it(parser.value(corpusOpt), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            if (!f.endsWith(u".md"_s) && !f.contains(u".review.json"_s))
                files << f;
        }
        std::sort(files.begin(), files.end());
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "no corpus files found under %s\n", qPrintable(parser.value(corpusOpt)));
        return 1;
    }

    std::printf("PDF text: %s; times in ms, medians of %d runs; peak = VmHWM of the measuring process "
                "(workers not included); CPU = user + system time, workers included (on a busy "
                "machine wall times stretch, CPU times do not)\n\n",
                parser.isSet(noWorkersOpt) ? "in-process" : "2 worker processes", repeat);
    std::printf("| file | format | pages | open+render p.1 | text layer (load) | first page visible "
                "| extract | entities ready | CPU to entities ready | tables after load | tables CPU "
                "| entities | tables | peak MB | pdftotext | ready / pdftotext "
                "| CPU to ready (entities + tables) | pdftotext CPU | reopen ready (cache) | reopen CPU |\n");
    std::printf("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    std::fflush(stdout);
    QStringList childArgs;
    if (parser.isSet(noWorkersOpt))
        childArgs << u"--no-workers"_s;
    if (parser.isSet(noFactsOpt))
        childArgs << u"--no-facts"_s;
    QStringList batchPdfs;
    int batchPages = 0;
    for (const QString &file : std::as_const(files)) {
        QList<QJsonObject> runs;
        QList<double> reopen, reopenCpu;
        for (int i = 0; i < repeat; ++i) {
            QTemporaryDir cache; // cold for the first child, warm for the second
            runs << runChild(childArgs + QStringList{u"--one"_s, file}, cache.path());
            if (runs.last().contains(u"error"_s))
                break;
            const QJsonObject warm = runChild(childArgs + QStringList{u"--one"_s, file}, cache.path());
            reopen << (warm.contains(u"readyMs"_s) ? warm.value(u"readyMs"_s).toDouble() : -1.0);
            reopenCpu << (warm.contains(u"cpuMs"_s) ? warm.value(u"cpuMs"_s).toDouble() : -1.0);
        }
        std::sort(runs.begin(), runs.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(u"readyMs"_s).toDouble() < b.value(u"readyMs"_s).toDouble();
        });
        QJsonObject o = runs.at(runs.size() / 2);
        // Each figure its own median over the runs (CPU and wall need not peak together).
        for (const QString &key : {u"loadMs"_s, u"extractMs"_s, u"entitiesReadyMs"_s, u"entitiesCpuMs"_s,
                                   u"tablesMs"_s, u"tablesCpuMs"_s, u"readyMs"_s, u"cpuMs"_s}) {
            QList<double> values;
            for (const QJsonObject &run : std::as_const(runs)) {
                if (run.contains(key))
                    values << run.value(key).toDouble();
            }
            if (!values.isEmpty())
                o[key] = median(values);
        }
        QList<double> refs, refCpus;
        if (o.value(u"format"_s).toString() == u"pdf"_s) {
            for (int i = 0; i < repeat; ++i) {
                double cpu = -1;
                refs << pdftotextMs(file, &cpu);
                refCpus << cpu;
            }
        }
        const double ref = median(refs);
        const double refCpu = median(refCpus);
        if (o.contains(u"error"_s)) {
            std::printf("| %s | error: %s | | | %s | | | | | | | | | %s | %s | | | | | |\n",
                        qPrintable(o.value(u"file"_s).toString()),
                        qPrintable(o.value(u"error"_s).toString().replace(u'|', u'/')),
                        qPrintable(cell(o, u"loadMs"_s)),
                        qPrintable(QString::number(o.value(u"peakKiB"_s).toDouble() / 1024.0, 'f', 0)),
                        ref < 0 ? "–" : qPrintable(QString::number(ref, 'f', 0)));
        } else {
            if (o.value(u"format"_s).toString() == u"pdf"_s) {
                batchPdfs << file;
                batchPages += o.value(u"pages"_s).toInt();
            }
            const double ratio = ref > 0 ? o.value(u"readyMs"_s).toDouble() / ref : -1;
            const double warm = median(reopen);
            std::printf("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s |\n",
                        qPrintable(o.value(u"file"_s).toString()),
                        qPrintable(o.value(u"format"_s).toString()), o.value(u"pages"_s).toInt(),
                        qPrintable(cell(o, u"openRenderMs"_s)), qPrintable(cell(o, u"loadMs"_s)),
                        qPrintable(cell(o, u"firstPageMs"_s)), qPrintable(cell(o, u"extractMs"_s)),
                        qPrintable(cell(o, u"entitiesReadyMs"_s)), qPrintable(cell(o, u"entitiesCpuMs"_s)),
                        qPrintable(cell(o, u"tablesMs"_s)), qPrintable(cell(o, u"tablesCpuMs"_s)),
                        o.value(u"entities"_s).toInt(), o.value(u"tables"_s).toInt(),
                        qPrintable(QString::number(o.value(u"peakKiB"_s).toDouble() / 1024.0, 'f', 0)),
                        ref < 0 ? "–" : qPrintable(QString::number(ref, 'f', 0)),
                        ratio < 0 ? "–" : qPrintable(QString::number(ratio, 'f', 2) + u"×"_s),
                        qPrintable(cell(o, u"cpuMs"_s)),
                        refCpu < 0 ? "–" : qPrintable(QString::number(refCpu, 'f', 0)),
                        warm < 0 ? "fail" : qPrintable(QString::number(warm, 'f', 0)),
                        median(reopenCpu) < 0 ? "–" : qPrintable(QString::number(median(reopenCpu), 'f', 0)));
        }
        std::fflush(stdout);
    }
    printBatch(batchPdfs, batchPages, parser.value(programOpt), repeat);
    return 0;
}
