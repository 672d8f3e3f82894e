#include "cli.h"

#include <cstdio>
#include <cstring>

const char *Cli::usage()
{
    return "Usage:\n"
           "  filing-lens [FILE]                      open FILE (PDF, EDGAR HTML, EDGAR .txt/.nc, text)\n"
           "  filing-lens --sample                    open the bundled sample filing\n"
           "  filing-lens extract [--csv OUT|-] [--json OUT] [--include-rejected] [--bom] FILE...\n"
           "  filing-lens summary FILE --pdf OUT\n"
           "  filing-lens --version | --help\n";
}

bool Cli::isSubcommand(const char *arg)
{
    return std::strcmp(arg, "extract") == 0 || std::strcmp(arg, "summary") == 0;
}

int Cli::run(int, char **)
{
    std::fputs("filing-lens: subcommands are not available in this build\n", stderr);
    return 2;
}
