#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"

#include <atomic>

// The tables of a filing in the per-user cache (DocumentCache's folder, format and
// checks), keyed by the file's sha256, the program build and TableReader::kVersion, so
// reopening a filing brings its tables back without detecting them again. Thread-safe;
// off while the DocumentCache is off.
class TableCache final
{
public:
    static bool read(const QString &sha256, TableList *tables);
    static void write(const QString &sha256, const TableList &tables);

    // TableReader::read through the cache; a cancelled run is not stored.
    static TableList tables(const DocumentContent &content, const std::atomic_bool *cancel = nullptr);

    // The file that holds an entry (exists or not), for tests and diagnostics.
    static QString path(const QString &sha256);
};
