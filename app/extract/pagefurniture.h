#pragma once

#include "model/documentcontent.h"
#include "model/sourcespan.h"

#include <QtCore/QHash>
#include <QtCore/QList>

#include <utility>

// Page furniture: lines that stand at the top or bottom of many pages of one filing
// (running headers and footers such as "Acme Inc. 2022 Form 10-K 66", page numbers).
// Lines are compared with their numbers masked, so "... 10-K 66" and "... 10-K 67"
// are the same line. The first page a line appears on keeps it; its repeats on later
// pages are furniture, and the extractor drops the entities found inside them.
class PageFurniture final
{
public:
    // Lines looked at, from the top and from the bottom of each page.
    static constexpr int EdgeLines = 3;
    // A line is furniture when it stands at an edge of at least this many pages and of
    // at least MinShare of the filing's text pages.
    static constexpr int MinPages = 3;
    static constexpr double MinShare = 0.3;

    static PageFurniture find(const DocumentContent &content);

    // True when span overlaps a repeated furniture line.
    bool isRepeat(const SourceSpan &span) const;
    // Repeated furniture lines of a page, as [start, end) offsets, in order.
    QList<std::pair<int, int>> repeatsOn(int page) const { return m_repeats.value(page); }
    int repeatCount() const;

private:
    QHash<int, QList<std::pair<int, int>>> m_repeats;
};
