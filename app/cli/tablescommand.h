#pragma once

#include <QtCore/QStringList>

// filing-lens tables [--csv OUT|-] [--json OUT|-] [--xlsx OUT] [--bom] FILE...
namespace TablesCommand {
int run(const QStringList &arguments); // arguments after "tables"
}
