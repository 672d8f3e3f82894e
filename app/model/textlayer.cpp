#include "textlayer.h"

QString TextLayer::textAt(const SourceSpan &span) const
{
    if (!span.isValid() || span.page >= pages.size())
        return {};
    const QString &p = pages.at(span.page);
    if (span.end > p.size())
        return {};
    return p.mid(span.start, span.length());
}

QString TextLayer::prefix(const SourceSpan &span, int chars) const
{
    if (!span.isValid() || span.page >= pages.size())
        return {};
    const QString &p = pages.at(span.page);
    const int from = qMax(0, span.start - chars);
    return p.mid(from, qMin(span.start, int(p.size())) - from);
}

QString TextLayer::suffix(const SourceSpan &span, int chars) const
{
    if (!span.isValid() || span.page >= pages.size())
        return {};
    return pages.at(span.page).mid(span.end, chars);
}

int TextLayer::toCodePoint(const QString &page, int utf16Index)
{
    int cp = 0;
    const int n = qMin(utf16Index, int(page.size()));
    for (int i = 0; i < n; ++i) {
        if (page.at(i).isHighSurrogate() && i + 1 < page.size() && page.at(i + 1).isLowSurrogate())
            ++i;
        ++cp;
    }
    return cp;
}

int TextLayer::fromCodePoint(const QString &page, int codePointIndex)
{
    int i = 0;
    for (int cp = 0; cp < codePointIndex && i < page.size(); ++cp) {
        if (page.at(i).isHighSurrogate() && i + 1 < page.size() && page.at(i + 1).isLowSurrogate())
            ++i;
        ++i;
    }
    return i;
}
