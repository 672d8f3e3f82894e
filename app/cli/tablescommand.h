#pragma once

#include <QtCore/QStringList>

// filing-lens tables [--csv OUT|-] [--json OUT|-] [--xlsx OUT] [--include-rejected] [--bom] FILE...
namespace TablesCommand {
int run(const QStringList &arguments); // arguments after "tables"
}
