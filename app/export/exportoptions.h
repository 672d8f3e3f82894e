#pragma once

#include "model/entity.h"

#include <functional>

// What an export (CSV or JSON) includes. Shared by CsvWriter and JsonWriter.
struct ExportOptions
{
    bool includeRejected = false; // rejected entities are left out unless asked for
    bool bom = false;             // CSV only: a UTF-8 byte order mark, for Excel
    // Optional row filter (the GUI exports "only what the current filter shows"):
    // an entity is written only when this returns true. Empty: every entity.
    std::function<bool(const Entity &)> filter;

    bool accepts(const Entity &entity) const
    {
        if (entity.status == EntityStatus::Rejected && !includeRejected)
            return false;
        return !filter || filter(entity);
    }
};
