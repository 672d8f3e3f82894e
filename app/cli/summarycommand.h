#pragma once

#include <QtCore/QStringList>

// filing-lens summary FILE --pdf OUT
namespace SummaryCommand {
int run(const QStringList &arguments); // arguments after "summary"
}
