#pragma once

// The headless command line (contract in docs/ARCHITECTURE.md). No display needed.
namespace Cli {
// The --help text, for the whole program.
const char *usage();
bool isSubcommand(const char *arg); // "extract", "summary"
// Exit codes: 0 every file done, 1 at least one file failed, 2 usage.
int run(int argc, char **argv);
}
