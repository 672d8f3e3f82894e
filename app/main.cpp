// Chooses between the GUI and a headless subcommand. --version and --help, and the
// subcommands, need no display. A PDF text worker (started by this program itself,
// see PdfTextWorker) is served before anything else.
#include "cli/cli.h"
#include "document/documentcache.h"
#include "gui.h"
#include "document/pdftextworker.h"

#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>
#include <QtCore/QString>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

// This program's own file, so that it can start itself as a PDF text worker;
// empty (no workers, text read in-process) when it cannot be found.
QString ownExecutable(const char *argv0)
{
    const QFileInfo self(u"/proc/self/exe"_s);
    if (self.exists())
        return self.canonicalFilePath();
    const QString arg = QString::fromLocal8Bit(argv0);
    if (arg.contains(u'/'))
        return QFileInfo(arg).absoluteFilePath();
    return QStandardPaths::findExecutable(arg);
}

} // namespace

int main(int argc, char **argv)
{
    if (PdfTextWorker::isWorkerCommandLine(argc, argv))
        return PdfTextWorker::serve(argc, argv);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("filing-lens %s\n", FILINGLENS_VERSION);
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(Cli::usage(), stdout);
            return 0;
        }
        if (std::strcmp(argv[i], "--") == 0)
            break;
    }
    PdfTextWorker::setProgram(ownExecutable(argc > 0 ? argv[0] : ""));
    DocumentCache::setEnabled(true);
    if (argc > 1 && Cli::isSubcommand(argv[1]))
        return Cli::run(argc, argv);
    return Gui::run(argc, argv);
}
