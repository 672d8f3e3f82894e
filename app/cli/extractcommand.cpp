#include "extractcommand.h"

#include "output.h"

#include "document/workerpool.h"
#include "export/csvwriter.h"
#include "export/jsonlineswriter.h"
#include "export/jsonwriter.h"
#include "session/filingsession.h"
#include "model/entitytypes.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QThreadPool>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Options
{
    QString csv;  // "-" for standard output
    QString json; // "-" for standard output
    QString jsonl; // "-" for standard output
    QString filesFrom; // a list of paths, one a line; "-" for standard input
    bool includeRejected = false;
    bool bom = false;
    QStringList types; // empty: every type
    QStringList files;
};

struct FileResult
{
    QString path;
    QString error; // empty when the file was loaded and extracted
    DocumentContent content;
    EntityList entities;
};

int usageError(const QString &message)
{
    printError(message);
    std::fputs("Usage: filing-lens extract [--csv OUT|-] [--json OUT|-] [--jsonl OUT|-] [--types TYPE,...]\n"
               "                           [--include-rejected] [--bom] [--files-from LIST|-] FILE...\n",
               stderr);
    return 2;
}

// Returns 0 and fills *options, or the exit code of a usage error.
int parse(const QStringList &arguments, Options *options)
{
    bool onlyFiles = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (onlyFiles || !a.startsWith(u'-') || a == u"-"_s) {
            if (a == u"-"_s)
                return usageError(u"extract reads files, not standard input"_s);
            options->files.append(a);
            continue;
        }
        if (a == u"--"_s) {
            onlyFiles = true;
        } else if (a == u"--csv"_s || a == u"--json"_s || a == u"--jsonl"_s) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty())
                return usageError(u"%1 needs an output file, or - for standard output"_s.arg(a));
            (a == u"--csv"_s ? options->csv : a == u"--json"_s ? options->json : options->jsonl) = arguments.at(++i);
        } else if (a.startsWith(u"--jsonl="_s)) {
            options->jsonl = a.mid(8);
        } else if (a == u"--files-from"_s) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty())
                return usageError(u"--files-from needs a file listing the filings, or - for standard input"_s);
            options->filesFrom = arguments.at(++i);
        } else if (a.startsWith(u"--files-from="_s)) {
            options->filesFrom = a.mid(13);
        } else if (a.startsWith(u"--csv="_s)) {
            options->csv = a.mid(6);
        } else if (a.startsWith(u"--json="_s)) {
            options->json = a.mid(7);
        } else if (a == u"--types"_s || a.startsWith(u"--types="_s)) {
            QString list;
            if (a == u"--types"_s) {
                if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(u'-'))
                    return usageError(u"--types needs a list of entity types, e.g. --types xbrl_fact,money"_s);
                list = arguments.at(++i);
            } else {
                list = a.mid(8);
            }
            for (const QString &t : list.split(u',', Qt::SkipEmptyParts)) {
                if (!t.trimmed().isEmpty())
                    options->types.append(t.trimmed());
            }
            if (options->types.isEmpty())
                return usageError(u"--types needs a list of entity types, e.g. --types xbrl_fact,money"_s);
        } else if (a == u"--include-rejected"_s) {
            options->includeRejected = true;
        } else if (a == u"--bom"_s) {
            options->bom = true;
        } else {
            return usageError(u"unknown option %1"_s.arg(a));
        }
    }
    if (options->files.isEmpty() && options->filesFrom.isEmpty())
        return usageError(u"extract needs at least one FILE"_s);
    if (options->csv.isEmpty() && options->json.isEmpty() && options->jsonl.isEmpty())
        options->csv = u"-"_s;
    if (int(options->csv == u"-"_s) + int(options->json == u"-"_s) + int(options->jsonl == u"-"_s) > 1)
        return usageError(u"only one of --csv, --json and --jsonl can write to standard output"_s);
    return 0;
}

// Appends the paths of a --files-from list (one a line; empty lines skipped; CRLF
// accepted). False and why when the list cannot be read.
bool readFileList(const QString &list, QStringList *files, QString *error)
{
    QFile in;
    const bool ok = list == u"-"_s ? in.open(stdin, QIODevice::ReadOnly)
                                   : (in.setFileName(list), in.open(QIODevice::ReadOnly));
    if (!ok) {
        *error = u"%1: cannot be read: %2"_s.arg(list == u"-"_s ? u"standard input"_s : list, in.errorString());
        return false;
    }
    const QByteArray bytes = in.readAll();
    for (QByteArray line : bytes.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty())
            files->append(QString::fromUtf8(line));
    }
    return true;
}

// Loads and extracts one filing. Runs on a pool thread: the FilingDocument is
// created and destroyed on this thread; only its plain content leaves it.
FileResult extractFile(const QString &path)
{
    FileResult result;
    result.path = path;
    LoadError error;
    std::unique_ptr<FilingDocument> document = FilingSession::load(path, LoadOptions(), &error);
    if (!document) {
        result.error = error.message.isEmpty() ? u"%1: cannot be opened"_s.arg(path) : error.message;
        return result;
    }
    result.content = document->content();
    result.entities = FilingSession::extract(result.content);
    return result;
}

} // namespace

int ExtractCommand::run(const QStringList &arguments)
{
    Options options;
    if (const int code = parse(arguments, &options))
        return code;

    if (!options.filesFrom.isEmpty()) {
        QString listError;
        if (!readFileList(options.filesFrom, &options.files, &listError)) {
            printError(listError);
            return 1;
        }
    }

    for (const RulePackError &e : FilingSession::ruleErrors())
        printError(FilingSession::describe(e));

    // Types are known once the rule packs (which may add some) are loaded.
    if (!options.types.isEmpty()) {
        QStringList known;
        for (const EntityType &t : EntityTypes::all())
            known.append(t.key);
        for (const QString &t : std::as_const(options.types)) {
            if (!known.contains(t))
                return usageError(u"unknown entity type %1 (known types: %2)"_s.arg(t, known.join(u", "_s)));
        }
    }

    ExportOptions exportOptions;
    exportOptions.includeRejected = options.includeRejected;
    exportOptions.bom = options.bom;
    if (!options.types.isEmpty()) {
        const QStringList types = options.types;
        exportOptions.filter = [types](const Entity &e) { return types.contains(e.type); };
    }

    // Open the outputs first: a wrong output path is reported before minutes of work.
    QString error;
    Output csvOut, jsonOut, jsonlOut;
    std::unique_ptr<CsvWriter> csv;
    std::unique_ptr<JsonWriter> json;
    std::unique_ptr<JsonLinesWriter> jsonl;
    if (!options.csv.isEmpty()) {
        if (!csvOut.open(options.csv, &error)) {
            printError(error);
            return 1;
        }
        csv = std::make_unique<CsvWriter>(csvOut.device(), exportOptions);
    }
    if (!options.json.isEmpty()) {
        if (!jsonOut.open(options.json, &error)) {
            printError(error);
            return 1;
        }
        json = std::make_unique<JsonWriter>(jsonOut.device(), exportOptions);
    }
    if (!options.jsonl.isEmpty()) {
        if (!jsonlOut.open(options.jsonl, &error)) {
            printError(error);
            return 1;
        }
        jsonl = std::make_unique<JsonLinesWriter>(jsonlOut.device(), exportOptions);
    }

    // Both cores for a batch, a few files at a time so that a folder of large filings
    // never sits in memory at once; rows keep the order of the command line.
    const int chunk = qMax(2, 2 * workerPool()->maxThreadCount());
    int failed = 0;
    bool writeFailed = false;
    for (int from = 0; from < options.files.size(); from += chunk) {
        const QStringList batch = options.files.mid(from, chunk);
        const QList<FileResult> results = QtConcurrent::blockingMapped(
            workerPool(), batch, [](const QString &path) { return extractFile(path); });
        for (const FileResult &r : results) {
            if (!r.error.isEmpty()) {
                printError(r.error);
                ++failed;
                continue;
            }
            // The analyst's decisions, read only: a headless export never changes a sidecar.
            QStringList messages;
            const EntityList entities = FilingSession::applyReview(r.content, r.entities, &messages);
            for (const QString &m : std::as_const(messages))
                printError(r.content.fileName + u": "_s + m);
            if (csv && !csv->addFile(r.content, entities))
                writeFailed = true;
            if (json && !json->addFile(r.content, entities))
                writeFailed = true;
            if (jsonl && !jsonl->addFile(r.content, entities))
                writeFailed = true;
        }
    }
    if (csv && (!csv->finish() || writeFailed)) {
        printError(u"%1: cannot be written: %2"_s.arg(options.csv, csv->errorString()));
        return 1;
    }
    if (json && (!json->finish() || writeFailed)) {
        printError(u"%1: cannot be written: %2"_s.arg(options.json, json->errorString()));
        return 1;
    }
    if (jsonl && writeFailed) {
        printError(u"%1: cannot be written: %2"_s.arg(options.jsonl, jsonl->errorString()));
        return 1;
    }
    if ((csv && !csvOut.commit(&error)) || (json && !jsonOut.commit(&error))
        || (jsonl && !jsonlOut.commit(&error))) {
        printError(error);
        return 1;
    }
    return failed ? 1 : 0;
}
