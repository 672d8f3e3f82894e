#pragma once

#include <QtCore/QStringList>

// filing-lens find [--type TYPE,...] [--csv OUT|-] QUERY FOLDER...
namespace FindCommand {
int run(const QStringList &arguments); // arguments after "find"
}
