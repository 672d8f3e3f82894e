#pragma once

#include <QtCore/QList>
#include <QtCore/QString>

// Converts UTF-16 offsets of one page to Unicode code points and back in
// O(log n), by remembering where the page's surrogate pairs are. Pages without
// any (almost all filings) convert in O(1). Holds no reference to the text.
class CodePointIndex final
{
public:
    CodePointIndex() = default;
    explicit CodePointIndex(const QString &page);

    int toCodePoint(int utf16Index) const;
    int fromCodePoint(int codePointIndex) const;

private:
    QList<int> m_pairs; // UTF-16 index of each high surrogate that starts a pair, ascending
    int m_size = 0;     // UTF-16 length of the page
};
