#include "summarycommand.h"

#include "output.h"

#include "export/summarysheet.h"
#include "session/filingsession.h"

#include <QtCore/QFile>
#include <QtCore/QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int usageError(const QString &message)
{
    printError(message);
    std::fputs("Usage: filing-lens summary FILE --pdf OUT [--page-size A4|Letter]\n", stderr);
    return 2;
}

} // namespace

int SummaryCommand::run(const QStringList &arguments)
{
    QString file;
    QString out;
    QPageSize::PageSizeId pageSize = QPageSize::Letter;
    bool optionsEnded = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        QString name = arg;
        QString value;
        bool hasValue = false;
        if (!optionsEnded && arg.startsWith(u"--"_s) && arg.contains(u'=')) {
            name = arg.section(u'=', 0, 0);
            value = arg.section(u'=', 1);
            hasValue = true;
        }
        if (!optionsEnded && (name == u"--pdf"_s || name == u"--page-size"_s)) {
            if (!hasValue) {
                if (i + 1 >= arguments.size())
                    return usageError(name + u" needs a value"_s);
                value = arguments.at(++i);
            }
            if (value.isEmpty())
                return usageError(name + u" needs a value"_s);
            if (name == u"--pdf"_s) {
                out = value;
            } else if (value.compare(u"A4"_s, Qt::CaseInsensitive) == 0) {
                pageSize = QPageSize::A4;
            } else if (value.compare(u"Letter"_s, Qt::CaseInsensitive) == 0) {
                pageSize = QPageSize::Letter;
            } else {
                return usageError(u"unknown page size \""_s + value + u"\" (use A4 or Letter)"_s);
            }
        } else if (!optionsEnded && arg == u"--"_s) {
            optionsEnded = true;
        } else if (!optionsEnded && arg.startsWith(u'-') && arg != u"-"_s) {
            return usageError(u"unknown option "_s + arg);
        } else if (file.isEmpty()) {
            file = arg;
        } else {
            return usageError(u"summary takes one FILE; \""_s + arg + u"\" is one too many"_s);
        }
    }
    if (file.isEmpty())
        return usageError(u"summary needs a FILE"_s);
    if (out.isEmpty())
        return usageError(u"summary needs --pdf OUT"_s);

    for (const RulePackError &e : FilingSession::ruleErrors())
        printError(FilingSession::describe(e));
    // Read only: a headless summary must not take the sidecar's lock or write it.
    const FilingSession::Opened filing = FilingSession::open(file);
    if (!filing.document) {
        printError(filing.error.message.isEmpty() ? file + u": cannot be opened"_s : filing.error.message);
        return 1;
    }
    for (const QString &m : filing.messages)
        printError(file + u": "_s + m);
    SummaryOptions options;
    options.pageSize = pageSize;
    const FilingDocument *doc = filing.document.get();
    const SummarySheet sheet(doc->content(), filing.entities, options);

    QString error;
    if (out == u"-"_s) {
        QFile stdOut;
        if (!stdOut.open(stdout, QIODevice::WriteOnly) || !sheet.writePdf(&stdOut, &error)
            || !stdOut.flush() || stdOut.error() != QFileDevice::NoError) {
            printError(file + u": "_s + (error.isEmpty() ? u"cannot write the PDF to standard output"_s : error));
            return 1;
        }
        return 0;
    }
    QSaveFile pdf(out);
    if (!pdf.open(QIODevice::WriteOnly)) {
        printError(file + u": cannot write "_s + out + u": "_s + pdf.errorString());
        return 1;
    }
    if (!sheet.writePdf(&pdf, &error)) {
        pdf.cancelWriting();
        printError(file + u": "_s + error);
        return 1;
    }
    if (!pdf.commit()) {
        printError(file + u": cannot write "_s + out + u": "_s + pdf.errorString());
        return 1;
    }
    return 0;
}
