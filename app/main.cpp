// Chooses between the GUI and a headless subcommand. --version and --help, and the
// subcommands, need no display.
#include "cli/cli.h"
#include "gui.h"

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
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
    if (argc > 1 && Cli::isSubcommand(argv[1]))
        return Cli::run(argc, argv);
    return Gui::run(argc, argv);
}
