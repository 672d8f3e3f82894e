#include "pagefurniture.h"

#include "textscan.h"

#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Line
{
    int start = 0;
    int end = 0;
    QString key;
};

// "Pfizer Inc.  2022 Form 10-K   66" -> "pfizer inc. # form #-k #": case, spacing and
// numbers do not tell two running footers apart.
QString lineKey(QStringView line)
{
    QString key;
    key.reserve(line.size());
    bool space = false;
    bool digit = false;
    for (const QChar c : line) {
        if (c.isDigit()) {
            if (!digit)
                key += u'#';
            digit = true;
            space = false;
            continue;
        }
        digit = false;
        if (c.isSpace()) {
            space = !key.isEmpty();
            continue;
        }
        if (space)
            key += u' ';
        space = false;
        key += c.toLower();
    }
    return key;
}

// The first and last non-empty lines of a page (at most EdgeLines of each).
QList<Line> edgeLines(const QString &page)
{
    QList<Line> lines;
    int start = 0;
    while (start <= page.size()) {
        int end = int(page.indexOf(u'\n', start));
        if (end < 0)
            end = int(page.size());
        int s = start;
        int e = end;
        TextScan::trim(page, &s, &e);
        if (e > s) {
            // A long line is text; a line of numbers alone (a page number, or "104" in
            // a list of exhibits) gives no entity worth hiding and is never furniture.
            const QStringView line = QStringView(page).mid(s, e - s);
            const auto letters = std::count_if(line.begin(), line.end(), [](QChar c) { return c.isLetter(); });
            lines.append({s, e, e - s <= 200 && letters >= 3 ? lineKey(line) : QString()});
        }
        start = end + 1;
    }
    if (lines.size() <= 2 * PageFurniture::EdgeLines)
        return lines;
    QList<Line> edges = lines.mid(0, PageFurniture::EdgeLines);
    edges += lines.mid(lines.size() - PageFurniture::EdgeLines);
    return edges;
}

} // namespace

PageFurniture PageFurniture::find(const DocumentContent &content)
{
    PageFurniture furniture;
    const QList<int> pages = TextScan::textPages(content);
    if (pages.size() < MinPages)
        return furniture;
    QHash<int, QList<Line>> edges;
    QHash<QString, QSet<int>> pagesOf;
    for (int p : pages) {
        QList<Line> lines = edgeLines(content.text.pages.at(p));
        for (const Line &l : std::as_const(lines)) {
            if (!l.key.isEmpty())
                pagesOf[l.key].insert(p);
        }
        edges.insert(p, std::move(lines));
    }
    const int needed = qMax(MinPages, int(MinShare * pages.size() + 0.999));
    QSet<QString> seen;
    for (int p : pages) {
        QList<std::pair<int, int>> repeats;
        for (const Line &l : edges.value(p)) {
            if (l.key.isEmpty() || pagesOf.value(l.key).size() < needed)
                continue;
            if (seen.contains(l.key))
                repeats.append({l.start, l.end});
            else
                seen.insert(l.key);
        }
        if (!repeats.isEmpty())
            furniture.m_repeats.insert(p, repeats);
    }
    return furniture;
}

bool PageFurniture::isRepeat(const SourceSpan &span) const
{
    const auto it = m_repeats.constFind(span.page);
    if (it == m_repeats.constEnd())
        return false;
    return std::any_of(it->begin(), it->end(), [&](const std::pair<int, int> &r) {
        return span.start < r.second && r.first < span.end;
    });
}

int PageFurniture::repeatCount() const
{
    int n = 0;
    for (const auto &lines : m_repeats)
        n += int(lines.size());
    return n;
}
