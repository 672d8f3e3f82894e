#include "tablescommand.h"

#include "output.h"

#include "document/workerpool.h"
#include "export/tablecsvwriter.h"
#include "export/tablejsonwriter.h"
#include "export/tablexlsxwriter.h"
#include "session/filingsession.h"
#include "session/tablereview.h"

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
    QString xlsx; // a file
    bool bom = false;
    bool includeRejected = false;
    QStringList files;
};

struct FileResult
{
    QString error; // empty when the file was loaded and its tables read
    DocumentContent content;
    TableList tables;
};

int usageError(const QString &message)
{
    printError(message);
    std::fputs("Usage: filing-lens tables [--csv OUT|-] [--json OUT|-] [--xlsx OUT] [--include-rejected] [--bom] FILE...\n", stderr);
    return 2;
}

int parse(const QStringList &arguments, Options *options)
{
    bool onlyFiles = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (onlyFiles || !a.startsWith(u'-') || a == u"-"_s) {
            if (a == u"-"_s)
                return usageError(u"tables reads files, not standard input"_s);
            options->files.append(a);
            continue;
        }
        if (a == u"--"_s) {
            onlyFiles = true;
        } else if (a == u"--csv"_s || a == u"--json"_s) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty())
                return usageError(u"%1 needs an output file, or - for standard output"_s.arg(a));
            (a == u"--csv"_s ? options->csv : options->json) = arguments.at(++i);
        } else if (a == u"--xlsx"_s) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty() || arguments.at(i + 1) == u"-"_s)
                return usageError(u"--xlsx needs an output file"_s);
            options->xlsx = arguments.at(++i);
        } else if (a.startsWith(u"--xlsx="_s)) {
            options->xlsx = a.mid(7);
        } else if (a.startsWith(u"--csv="_s)) {
            options->csv = a.mid(6);
        } else if (a.startsWith(u"--json="_s)) {
            options->json = a.mid(7);
        } else if (a == u"--include-rejected"_s) {
            options->includeRejected = true;
        } else if (a == u"--bom"_s) {
            options->bom = true;
        } else {
            return usageError(u"unknown option %1"_s.arg(a));
        }
    }
    if (options->files.isEmpty())
        return usageError(u"tables needs at least one FILE"_s);
    if (options->csv.isEmpty() && options->json.isEmpty() && options->xlsx.isEmpty())
        options->csv = u"-"_s;
    if (options->csv == u"-"_s && options->json == u"-"_s)
        return usageError(u"only one of --csv and --json can write to standard output"_s);
    return 0;
}

// Runs on a pool thread: the FilingDocument lives and dies here; only plain values leave.
FileResult readFile(const QString &path)
{
    FileResult result;
    LoadError error;
    std::unique_ptr<FilingDocument> document = FilingSession::load(path, LoadOptions(), &error);
    if (!document) {
        result.error = error.message.isEmpty() ? u"%1: cannot be opened"_s.arg(path) : error.message;
        return result;
    }
    result.content = document->content();
    document.reset();
    result.tables = FilingSession::tables(result.content);
    return result;
}


} // namespace

int TablesCommand::run(const QStringList &arguments)
{
    Options options;
    if (const int code = parse(arguments, &options))
        return code;

    QString error;
    Output csvOut, jsonOut;
    std::unique_ptr<TableCsvWriter> csv;
    std::unique_ptr<TableJsonWriter> json;
    if (!options.csv.isEmpty()) {
        if (!csvOut.open(options.csv, &error)) {
            printError(error);
            return 1;
        }
        csv = std::make_unique<TableCsvWriter>(csvOut.device(), options.bom);
    }
    if (!options.json.isEmpty()) {
        if (!jsonOut.open(options.json, &error)) {
            printError(error);
            return 1;
        }
        json = std::make_unique<TableJsonWriter>(jsonOut.device());
    }

    std::unique_ptr<TableXlsxWriter> xlsx;
    if (!options.xlsx.isEmpty()) {
        if (!TableXlsxWriter::isAvailable()) {
            printError(u"%1: this build of filing-lens cannot write .xlsx (built without libxlsxwriter)"_s.arg(options.xlsx));
            return 1;
        }
        xlsx = std::make_unique<TableXlsxWriter>(options.xlsx);
        if (!xlsx->errorString().isEmpty()) {
            printError(u"%1: cannot be written: %2"_s.arg(options.xlsx, xlsx->errorString()));
            return 1;
        }
    }

    const int chunk = qMax(2, 2 * workerPool()->maxThreadCount());
    int failed = 0;
    bool writeFailed = false;
    for (int from = 0; from < options.files.size(); from += chunk) {
        const QStringList batch = options.files.mid(from, chunk);
        const QList<FileResult> results = QtConcurrent::blockingMapped(
            workerPool(), batch, [](const QString &path) { return readFile(path); });
        for (const FileResult &r : results) {
            if (!r.error.isEmpty()) {
                printError(r.error);
                ++failed;
                continue;
            }
            // The analyst's decisions, read only, as extract applies them.
            QStringList messages;
            const TableList tables = TableReview::forExport(TableReview::reviewed(r.content, r.tables, &messages),
                                                            options.includeRejected);
            for (const QString &m : std::as_const(messages))
                printError(r.content.fileName + u": "_s + m);
            if (csv && !csv->addFile(r.content, tables))
                writeFailed = true;
            if (json && !json->addFile(r.content, tables))
                writeFailed = true;
            if (xlsx && !xlsx->addFile(r.content, tables))
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
    if (xlsx && (!xlsx->finish() || writeFailed)) {
        printError(u"%1: cannot be written: %2"_s.arg(options.xlsx, xlsx->errorString()));
        return 1;
    }
    if ((csv && !csvOut.commit(&error)) || (json && !jsonOut.commit(&error))) {
        printError(error);
        return 1;
    }
    return failed ? 1 : 0;
}
