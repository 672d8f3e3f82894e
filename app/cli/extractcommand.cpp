#include "extractcommand.h"

#include <cstdio>

int ExtractCommand::run(const QStringList &)
{
    std::fputs("filing-lens: extract is not available in this build\n", stderr);
    return 2;
}
