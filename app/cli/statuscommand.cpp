#include "statuscommand.h"

#include "output.h"

#include "document/workerpool.h"
#include "session/filingsession.h"
#include "session/workspace.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtCore/QThreadPool>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int usageError(const QString &message)
{
    printError(message);
    std::fputs("Usage: filing-lens status [--csv OUT|-] FOLDER...\n", stderr);
    return 2;
}

} // namespace

int StatusCommand::run(const QStringList &arguments)
{
    QString csv = u"-"_s;
    QStringList folders;
    bool onlyFolders = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (onlyFolders || !a.startsWith(u'-')) {
            folders.append(a);
        } else if (a == u"--"_s) {
            onlyFolders = true;
        } else if (a == u"--csv"_s) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty())
                return usageError(u"--csv needs an output file, or - for standard output"_s);
            csv = arguments.at(++i);
        } else if (a.startsWith(u"--csv="_s)) {
            csv = a.mid(6);
        } else {
            return usageError(u"unknown option %1"_s.arg(a));
        }
    }
    if (folders.isEmpty())
        return usageError(u"status needs at least one FOLDER"_s);

    for (const RulePackError &e : FilingSession::ruleErrors())
        printError(FilingSession::describe(e));

    QString error;
    Output out;
    if (!out.open(csv, &error)) {
        printError(error);
        return 1;
    }
    QStringList problems;
    const QList<Workspace::Filing> filings = Workspace::filings(folders, &problems);
    int failed = int(problems.size());
    for (const QString &p : std::as_const(problems))
        printError(p);

    bool writeFailed = !out.writeCsvRow(Workspace::statusColumns());
    // Both cores, a few filings at a time; rows in path order.
    const int chunk = qMax(2, 2 * workerPool()->maxThreadCount());
    for (int from = 0; from < filings.size(); from += chunk) {
        const QList<Workspace::Filing> batch = filings.mid(from, chunk);
        const QList<Workspace::FilingStatus> rows = QtConcurrent::blockingMapped(
            workerPool(), batch, [](const Workspace::Filing &f) { return Workspace::scan(f).status; });
        for (const Workspace::FilingStatus &row : rows) {
            // A filing that cannot be opened has no row (a state is one of three);
            // it is named on standard error and the exit code says so.
            if (!row.error.isEmpty()) {
                printError(row.error);
                ++failed;
                continue;
            }
            for (const QString &m : row.messages)
                printError(row.filing.display + u": "_s + m);
            if (!out.writeCsvRow(Workspace::statusCells(row)))
                writeFailed = true;
        }
    }
    if (writeFailed) {
        printError(u"%1: cannot be written: %2"_s.arg(csv == u"-"_s ? u"standard output"_s : csv,
                                                      out.device()->errorString()));
        return 1;
    }
    if (!out.commit(&error)) {
        printError(error);
        return 1;
    }
    return failed ? 1 : 0;
}
