#include "summarycommand.h"

#include <cstdio>

int SummaryCommand::run(const QStringList &)
{
    std::fputs("filing-lens: summary is not available in this build\n", stderr);
    return 2;
}
