#include "quoteanchor.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

// Non-space characters that agree going backwards from the end of `a` and of `b`;
// whitespace is skipped on both sides, so a reflowed line still counts as context.
int commonTail(QStringView a, QStringView b)
{
    qsizetype i = a.size() - 1;
    qsizetype j = b.size() - 1;
    int n = 0;
    while (true) {
        while (i >= 0 && a.at(i).isSpace())
            --i;
        while (j >= 0 && b.at(j).isSpace())
            --j;
        if (i < 0 || j < 0 || a.at(i) != b.at(j))
            return n;
        ++n;
        --i;
        --j;
    }
}

int commonHead(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    int n = 0;
    while (true) {
        while (i < a.size() && a.at(i).isSpace())
            ++i;
        while (j < b.size() && b.at(j).isSpace())
            ++j;
        if (i >= a.size() || j >= b.size() || a.at(i) != b.at(j))
            return n;
        ++n;
        ++i;
        ++j;
    }
}

int nonSpace(QStringView s)
{
    int n = 0;
    for (QChar c : s)
        n += c.isSpace() ? 0 : 1;
    return n;
}

// Higher is better: context agreement first, then closeness to the old position.
double score(const QString &page, int pageIndex, int start, int end, const QuoteAnchor::Quote &q)
{
    const QStringView text(page);
    const int reach = 2 * int(std::max(q.prefix.size(), q.suffix.size()));
    const int before = std::max(0, start - reach);
    const int ctx = commonTail(q.prefix, text.mid(before, start - before))
        + commonHead(q.suffix, text.mid(end, reach));
    double distance = 1.0; // unknown or other page: the largest penalty
    if (q.page == pageIndex && q.start >= 0)
        distance = std::min(1.0, std::abs(start - q.start) / 10000.0);
    return ctx - 8.0 * distance;
}

QString collapseWhitespace(const QString &s)
{
    return s.simplified();
}

constexpr int kMaxCandidates = 256;

} // namespace

struct QuoteAnchor::Normalized
{
    QString text;        // whitespace runs collapsed to one space
    std::vector<int> map; // index in text -> index in the page
};

QuoteAnchor::QuoteAnchor(const TextLayer &text)
    : m_text(text)
{
    m_normalized.resize(text.pageCount());
}

QuoteAnchor::~QuoteAnchor() = default;

const QuoteAnchor::Normalized &QuoteAnchor::normalized(int page) const
{
    auto &slot = m_normalized[page];
    if (!slot) {
        slot = std::make_shared<Normalized>();
        const QString &p = m_text.pages.at(page);
        slot->text.reserve(p.size());
        slot->map.reserve(size_t(p.size()));
        bool inSpace = false;
        for (int i = 0; i < p.size(); ++i) {
            if (p.at(i).isSpace()) {
                if (!inSpace) {
                    slot->text.append(u' ');
                    slot->map.push_back(i);
                }
                inSpace = true;
            } else {
                slot->text.append(p.at(i));
                slot->map.push_back(i);
                inSpace = false;
            }
        }
    }
    return *slot;
}

QList<int> QuoteAnchor::pageOrder(int hintPage) const
{
    QList<int> order;
    const int n = m_text.pageCount();
    order.reserve(n);
    if (hintPage < 0 || hintPage >= n) {
        for (int i = 0; i < n; ++i)
            order.append(i);
        return order;
    }
    order.append(hintPage);
    for (int d = 1; d < n; ++d) {
        if (hintPage - d >= 0)
            order.append(hintPage - d);
        if (hintPage + d < n)
            order.append(hintPage + d);
    }
    return order;
}

QuoteAnchor::Result QuoteAnchor::locate(const Quote &quote) const
{
    if (quote.exact.isEmpty() || m_text.pageCount() == 0)
        return {};
    for (auto step : {&QuoteAnchor::exact, &QuoteAnchor::whitespace, &QuoteAnchor::context,
                      &QuoteAnchor::fuzzy}) {
        Result r = (this->*step)(quote);
        if (r.method != Method::None)
            return r;
    }
    return {};
}

bool QuoteAnchor::holds(const Quote &q, const SourceSpan &span) const
{
    if (m_text.textAt(span) != q.exact || q.exact.isEmpty())
        return false;
    const QString &text = m_text.pages.at(span.page);
    Quote here = q;
    here.page = span.page;
    here.start = span.start; // no distance penalty
    return score(text, span.page, span.start, span.end, here)
        >= double(nonSpace(q.prefix) + nonSpace(q.suffix));
}

QuoteAnchor::Result QuoteAnchor::exact(const Quote &q) const
{
    // Most quotes moved only a little: a match near the old place whose whole
    // context agrees is the answer, without scanning the filing.
    if (q.page >= 0 && q.page < m_text.pageCount() && q.start >= 0) {
        const QString &text = m_text.pages.at(q.page);
        const int from = std::max(0, q.start - fuzzyReach);
        const int to = std::min(int(text.size()), q.start + int(q.exact.size()) + fuzzyReach);
        const QStringView window = QStringView(text).mid(from, to - from);
        const double perfect = double(nonSpace(q.prefix) + nonSpace(q.suffix));
        Result near;
        double nearScore = -1e9;
        for (qsizetype at = window.indexOf(q.exact); at >= 0; at = window.indexOf(q.exact, at + 1)) {
            const int start = from + int(at);
            const int end = start + int(q.exact.size());
            const double s = score(text, q.page, start, end, q);
            if (s > nearScore) {
                nearScore = s;
                near = {SourceSpan{q.page, start, end}, Method::Exact};
            }
        }
        if (near.method != Method::None && nearScore >= perfect - 8.0)
            return near;
    }

    Result best;
    double bestScore = -1e9;
    int candidates = 0;
    for (int page : pageOrder(q.page)) {
        const QString &text = m_text.pages.at(page);
        for (qsizetype at = text.indexOf(q.exact); at >= 0 && candidates < kMaxCandidates;
             at = text.indexOf(q.exact, at + 1)) {
            ++candidates;
            const int start = int(at);
            const int end = start + int(q.exact.size());
            const double s = score(text, page, start, end, q);
            if (s > bestScore) {
                bestScore = s;
                best = {SourceSpan{page, start, end}, Method::Exact};
            }
        }
    }
    return best;
}

QuoteAnchor::Result QuoteAnchor::whitespace(const Quote &q) const
{
    const QString needle = collapseWhitespace(q.exact);
    if (needle.isEmpty())
        return {};
    Result best;
    double bestScore = -1e9;
    int candidates = 0;
    for (int page : pageOrder(q.page)) {
        const Normalized &n = normalized(page);
        const QString &text = m_text.pages.at(page);
        for (qsizetype at = n.text.indexOf(needle); at >= 0 && candidates < kMaxCandidates;
             at = n.text.indexOf(needle, at + 1)) {
            ++candidates;
            const int start = n.map[size_t(at)];
            const int end = n.map[size_t(at + needle.size() - 1)] + 1;
            const double s = score(text, page, start, end, q);
            if (s > bestScore) {
                bestScore = s;
                best = {SourceSpan{page, start, end}, Method::Whitespace};
            }
        }
    }
    return best;
}

QuoteAnchor::Result QuoteAnchor::context(const Quote &q) const
{
    // Short or empty context says too little to place anything by.
    if (q.prefix.trimmed().size() < 8 || q.suffix.trimmed().size() < 8)
        return {};
    const int maxGap = 2 * int(q.exact.size()) + 64;
    Result best;
    double bestScore = -1e9;
    int candidates = 0;
    for (int page : pageOrder(q.page)) {
        const QString &text = m_text.pages.at(page);
        for (qsizetype at = text.indexOf(q.prefix); at >= 0 && candidates < kMaxCandidates;
             at = text.indexOf(q.prefix, at + 1)) {
            ++candidates;
            const int start = int(at + q.prefix.size());
            const qsizetype s = text.indexOf(q.suffix, start);
            if (s < 0 || s - start > maxGap || s == start)
                continue;
            const int end = int(s);
            double dist = 1.0;
            if (page == q.page && q.start >= 0)
                dist = std::min(1.0, std::abs(start - q.start) / 10000.0);
            if (-dist > bestScore) {
                bestScore = -dist;
                best = {SourceSpan{page, start, end}, Method::Context};
            }
        }
    }
    return best;
}

QuoteAnchor::Result QuoteAnchor::fuzzy(const Quote &q) const
{
    const int m = int(q.exact.size());
    if (m < 4 || m > maxFuzzyLength || q.page < 0 || q.page >= m_text.pageCount() || q.start < 0)
        return {};
    const QString &text = m_text.pages.at(q.page);
    const int from = std::max(0, q.start - fuzzyReach);
    const int to = std::min(int(text.size()), q.start + m + fuzzyReach);
    if (to - from < 1)
        return {};
    const int allowed = std::max(1, m / 5);

    // Sellers' approximate substring match: cost[i] is the edit distance of the
    // first i quote characters to the best text substring ending here; origin[i]
    // is where that substring starts.
    std::vector<int> cost(size_t(m + 1)), prevCost(size_t(m + 1));
    std::vector<int> origin(size_t(m + 1)), prevOrigin(size_t(m + 1));
    for (int i = 0; i <= m; ++i) {
        prevCost[size_t(i)] = i;
        prevOrigin[size_t(i)] = from;
    }
    int bestCost = allowed + 1;
    int bestStart = -1;
    int bestEnd = -1;
    int bestDistance = 0;
    for (int j = from; j < to; ++j) {
        cost[0] = 0;
        origin[0] = j + 1;
        const QChar c = text.at(j);
        for (int i = 1; i <= m; ++i) {
            const size_t k = size_t(i);
            int c0 = prevCost[k - 1] + (q.exact.at(i - 1) == c ? 0 : 1);
            int o0 = prevOrigin[k - 1];
            if (prevCost[k] + 1 < c0) {
                c0 = prevCost[k] + 1;
                o0 = prevOrigin[k];
            }
            if (cost[k - 1] + 1 < c0) {
                c0 = cost[k - 1] + 1;
                o0 = origin[k - 1];
            }
            cost[k] = c0;
            origin[k] = o0;
        }
        const int c1 = cost[size_t(m)];
        const int start = origin[size_t(m)];
        const int distance = std::abs(start - q.start);
        if (c1 < bestCost || (c1 == bestCost && bestStart >= 0 && distance < bestDistance)) {
            bestCost = c1;
            bestStart = start;
            bestEnd = j + 1;
            bestDistance = distance;
        }
        std::swap(cost, prevCost);
        std::swap(origin, prevOrigin);
    }
    if (bestStart < 0 || bestCost > allowed || bestEnd <= bestStart)
        return {};
    return {SourceSpan{q.page, bestStart, bestEnd}, Method::Fuzzy};
}
