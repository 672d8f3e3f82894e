#pragma once

#include <QtCore/QStringList>

// filing-lens extract [--csv OUT|-] [--json OUT|-] [--jsonl OUT|-] [--types TYPE,...]
//                     [--include-rejected] [--bom] [--files-from LIST|-] FILE...
namespace ExtractCommand {
int run(const QStringList &arguments); // arguments after "extract"
}
