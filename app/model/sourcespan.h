#pragma once

#include <QtCore/QMetaType>

// Where an entity came from: page is 0-based inside the program, start/end are
// UTF-16 offsets into that page's text (end exclusive). Files on disk carry
// 1-based pages and code-point offsets; see TextLayer for the conversion.
struct SourceSpan
{
    int page = -1;
    int start = 0;
    int end = 0;

    bool isValid() const { return page >= 0 && start >= 0 && end >= start; }
    int length() const { return end - start; }
    bool contains(const SourceSpan &o) const
    {
        return page == o.page && start <= o.start && o.end <= end;
    }
    bool overlaps(const SourceSpan &o) const
    {
        return page == o.page && start < o.end && o.start < end;
    }
    friend bool operator==(const SourceSpan &a, const SourceSpan &b)
    {
        return a.page == b.page && a.start == b.start && a.end == b.end;
    }
    friend bool operator!=(const SourceSpan &a, const SourceSpan &b) { return !(a == b); }
    friend bool operator<(const SourceSpan &a, const SourceSpan &b)
    {
        if (a.page != b.page)
            return a.page < b.page;
        if (a.start != b.start)
            return a.start < b.start;
        return a.end < b.end;
    }
};
Q_DECLARE_METATYPE(SourceSpan)
