#include "textfind.h"

#include <algorithm>

namespace TextFind {

QList<qsizetype> occurrences(QStringView text, QStringView needle, Qt::CaseSensitivity cs)
{
    QList<qsizetype> at;
    if (needle.isEmpty())
        return at;
    for (qsizetype i = text.indexOf(needle, 0, cs); i >= 0; i = text.indexOf(needle, i + needle.size(), cs))
        at.append(i);
    return at;
}

QList<SourceSpan> inPages(const QStringList &pages, QStringView needle, Qt::CaseSensitivity cs, int firstPage)
{
    QList<SourceSpan> hits;
    for (int page = 0; page < pages.size(); ++page) {
        for (const qsizetype i : occurrences(pages.at(page), needle, cs))
            hits.append(SourceSpan{firstPage + page, int(i), int(i + needle.size())});
    }
    return hits;
}

QList<SourceSpan> inText(QStringView text, const QList<int> &pageOffsets, int firstPage, QStringView needle,
                         Qt::CaseSensitivity cs)
{
    QList<SourceSpan> hits;
    if (pageOffsets.isEmpty())
        return hits;
    for (const qsizetype i : occurrences(text, needle, cs)) {
        const auto it = std::upper_bound(pageOffsets.cbegin(), pageOffsets.cend(), int(i));
        const int page = int(it - pageOffsets.cbegin()) - 1;
        if (page < 0)
            continue;
        const int start = int(i) - pageOffsets.at(page);
        hits.append(SourceSpan{firstPage + page, start, start + int(needle.size())});
    }
    return hits;
}

} // namespace TextFind
