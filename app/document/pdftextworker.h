#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

#include "model/documentcontent.h"

#include <atomic>

// Reads a PDF's page texts in helper processes. QtPdf serialises every pdfium call
// of a process behind one global lock, so threads cannot share the work; processes
// can, and they leave the calling process's pdfium free for rendering pages.
// Worker k of n reads pages k, k+n, k+2n ... (interleaved, so the load is even).
class PdfTextWorker final
{
public:
    // The program started as a worker with "--pdf-text-worker FILE N K"; it must
    // hand such a command line to serve(). Empty (the default): no workers.
    static void setProgram(const QString &program);
    static QString program();

    // Fills *pages with the text of every page (and *words with its words, PdfLoader::wordBoxes), using `processes` workers. Returns
    // false (and leaves *pages empty) if no program is set, a worker fails, or
    // cancel is raised; the caller then reads the text in-process.
    static bool readPages(const QString &path, const QString &password, int pageCount,
                          QStringList *pages, const std::atomic_bool *cancel = nullptr,
                          int processes = 2, QList<QList<TextBox>> *words = nullptr);

    static bool isWorkerCommandLine(int argc, char **argv);
    // The worker side: reads the password from stdin, writes the pages to stdout.
    static int serve(int argc, char **argv);
};
