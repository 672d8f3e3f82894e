#include "cli.h"

#include "extractcommand.h"
#include "findcommand.h"
#include "statuscommand.h"
#include "summarycommand.h"
#include "tablescommand.h"

#include <QtCore/QByteArray>
#include <QtGui/QGuiApplication>

#include <cstdio>
#include <cstring>

const char *Cli::usage()
{
    return "Usage:\n"
           "  filing-lens [FILE]                      open FILE (PDF, EDGAR HTML, EDGAR .txt/.nc, text)\n"
           "  filing-lens --sample                    open the bundled sample filing\n"
           "  filing-lens extract [--csv OUT|-] [--json OUT] [--jsonl OUT|-] [--types TYPE,...] [--include-rejected] [--bom]\n"
           "                      [--files-from LIST|-] FILE...\n"
           "  filing-lens tables [--csv OUT|-] [--json OUT|-] [--xlsx OUT] [--include-rejected] [--bom] FILE...\n"
           "  filing-lens summary FILE --pdf OUT [--page-size A4|Letter]\n"
           "  filing-lens status [--csv OUT|-] FOLDER...\n"
           "  filing-lens find [--type TYPE,...] [--csv OUT|-] QUERY FOLDER...\n"
           "  filing-lens --version | --help\n";
}

bool Cli::isSubcommand(const char *arg)
{
    return std::strcmp(arg, "extract") == 0 || std::strcmp(arg, "summary") == 0
        || std::strcmp(arg, "tables") == 0 || std::strcmp(arg, "status") == 0
        || std::strcmp(arg, "find") == 0;
}

int Cli::run(int argc, char **argv)
{
    // Subcommands need fonts and QtPdf but never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("filing-lens"));
    QGuiApplication::setOrganizationName(QStringLiteral("filing-lens"));
    QGuiApplication::setApplicationVersion(QStringLiteral(FILINGLENS_VERSION));
    QStringList args = QGuiApplication::arguments();
    args.removeFirst();
    const QString command = args.takeFirst();
    if (command == QStringLiteral("extract"))
        return ExtractCommand::run(args);
    if (command == QStringLiteral("tables"))
        return TablesCommand::run(args);
    if (command == QStringLiteral("status"))
        return StatusCommand::run(args);
    if (command == QStringLiteral("find"))
        return FindCommand::run(args);
    return SummaryCommand::run(args);
}
