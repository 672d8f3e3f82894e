#include "tablefigures.h"

#include <QtCore/QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Removes the entities of `types` that overlap a cell `wanted` picks.
template<typename Wanted>
int removeInCells(EntityList &entities, const TableList &tables, const QStringList &types, Wanted wanted)
{
    if (tables.isEmpty())
        return 0;
    // The spans of the cells by page, sorted by start, for a binary search per entity.
    QHash<int, QList<SourceSpan>> cells;
    for (const FilingTable &t : tables) {
        for (const TableCell &c : t.cells) {
            if (wanted(c) && c.span.length() > 0)
                cells[c.span.page].append(c.span);
        }
    }
    for (QList<SourceSpan> &onPage : cells)
        std::sort(onPage.begin(), onPage.end());
    // Cells do not overlap, so their ends rise with their starts: the first cell ending
    // after the figure's start is the only one that can overlap it from the left.
    const auto inCell = [&](const SourceSpan &s) {
        const auto it = cells.constFind(s.page);
        if (it == cells.cend())
            return false;
        const QList<SourceSpan> &onPage = it.value();
        auto c = std::upper_bound(onPage.cbegin(), onPage.cend(), s.start,
                                  [](int start, const SourceSpan &cell) { return start < cell.end; });
        return c != onPage.cend() && c->overlaps(s);
    };
    const auto before = entities.size();
    entities.erase(std::remove_if(entities.begin(), entities.end(),
                                  [&](const Entity &e) {
                                      return types.contains(e.type) && inCell(e.span);
                                  }),
                   entities.end());
    return int(before - entities.size());
}

} // namespace

int TableFigures::removeCellFigures(EntityList &entities, const TableList &tables)
{
    return removeInCells(entities, tables, {u"money"_s, u"percent"_s},
                         [](const TableCell &c) { return c.isNumber() && !c.header && !c.rowLabel; });
}

int TableFigures::removeHeaderDates(EntityList &entities, const TableList &tables)
{
    return removeInCells(entities, tables, {u"date"_s}, [](const TableCell &c) { return c.header; });
}
