#pragma once

#include <QtCore/QStringList>

// filing-lens extract [--csv OUT|-] [--json OUT] [--types TYPE,...] [--include-rejected] [--bom] FILE...
namespace ExtractCommand {
int run(const QStringList &arguments); // arguments after "extract"
}
