#include "codepointindex.h"

#include <algorithm>

CodePointIndex::CodePointIndex(const QString &page)
    : m_size(int(page.size()))
{
    for (int i = 0; i + 1 < m_size; ++i) {
        if (page.at(i).isHighSurrogate() && page.at(i + 1).isLowSurrogate()) {
            m_pairs.append(i);
            ++i;
        }
    }
}

int CodePointIndex::toCodePoint(int utf16Index) const
{
    const int n = std::clamp(utf16Index, 0, m_size);
    // Every pair that starts before n and ends at or before n counts one code point less.
    // A pair split by n (n == pair + 1) counts as a whole code point, as TextLayer does.
    const auto it = std::lower_bound(m_pairs.cbegin(), m_pairs.cend(), n - 1);
    const int before = int(it - m_pairs.cbegin());
    return n - before;
}

int CodePointIndex::fromCodePoint(int codePointIndex) const
{
    if (codePointIndex <= 0)
        return 0;
    // The k-th pair (0-based) at UTF-16 index p sits at code point p - k.
    int lo = 0;
    int hi = int(m_pairs.size());
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (m_pairs.at(mid) - mid < codePointIndex)
            lo = mid + 1;
        else
            hi = mid;
    }
    return std::min(codePointIndex + lo, m_size);
}
