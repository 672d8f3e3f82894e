#pragma once

#include "sourcespan.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

// The text of a filing, page by page: the one layer the extractor, the views
// and the sidecar share. Plain value type.
struct TextLayer
{
    QStringList pages;

    int pageCount() const { return int(pages.size()); }
    QString textAt(const SourceSpan &span) const;
    // Up to `chars` characters on each side of the span, on the same page.
    QString prefix(const SourceSpan &span, int chars = 32) const;
    QString suffix(const SourceSpan &span, int chars = 32) const;

    // Offsets inside one page: UTF-16 index <-> Unicode code point index.
    static int toCodePoint(const QString &page, int utf16Index);
    static int fromCodePoint(const QString &page, int codePointIndex);
};
