#pragma once

#include <QtCore/QStringList>

// filing-lens status [--csv OUT|-] FOLDER...
namespace StatusCommand {
int run(const QStringList &arguments); // arguments after "status"
}
