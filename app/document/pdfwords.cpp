// PdfLoader: the words of a PDF page with their boxes, and their cache entry.

#include "pdfloader.h"

#include "documentcache.h"

#include <QtCore/QDataStream>
#include <QtCore/QIODevice>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>

#include <cmath>
#include <algorithm>
#include <limits>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

bool isBlank(QChar c)
{
    return c.isSpace();
}

struct Line
{
    int start = 0; // text offsets of the line
    int end = 0;
    std::vector<int> chars; // offsets of its non-blank characters
};

struct RectRun
{
    int first = 0; // rects [first, last)
    int last = 0;
};

// Places the characters of `line` in rects [run.first, run.last): which rect holds
// which characters, as x positions of each non-blank character's left and right edge.
void placeLine(const QString &text, const Line &line, const QList<QRectF> &rects, const RectRun &run,
               std::vector<QRectF> *charBoxes)
{
    const int n = int(line.chars.size());
    const int m = run.last - run.first;
    if (n == 0 || m == 0)
        return;
    // How many of the rects' characters each rect holds: breaks[k] is the index (into
    // line.chars) of the first character of rect k; breaks[m] == n.
    std::vector<int> breaks(size_t(m) + 1, 0);
    breaks[size_t(m)] = n;
    if (m >= n) {
        // A rect per character (the usual print of a browser or a word processor);
        // surplus rects hold nothing.
        for (int k = 0; k <= m; ++k)
            breaks[size_t(k)] = qMin(k, n);
    } else {
        double widths = 0;
        for (int k = run.first; k < run.last; ++k)
            widths += rects.at(k).width();
        int spaces = 0;
        for (int i = line.chars.front(); i < line.chars.back(); ++i)
            spaces += isBlank(text.at(i)) ? 1 : 0;
        const double inner = qMax(0, spaces - (m - 1));
        const double unit = widths / qMax(1.0, n + inner);
        const auto wordStart = [&](int index) {
            return index == 0 || line.chars[size_t(index)] != line.chars[size_t(index) - 1] + 1;
        };
        // Of each character: whether its word is a figure ("$", "12,734", "(4%)", "—") or
        // words; a text object holds one or the other, and a lone "$" starts a figure.
        std::vector<int> figureChars(size_t(n) + 1, 0), wordChars(size_t(n) + 1, 0);
        std::vector<bool> dollarEnd(size_t(n) + 1, false); // a lone "$" word ends before index
        std::vector<bool> closerStart(size_t(n) + 1, false); // a word of "%" or ")" starts at index
        {
            int i = 0;
            while (i < n) {
                int j = i + 1;
                while (j < n && line.chars[size_t(j)] == line.chars[size_t(j) - 1] + 1)
                    ++j;
                // "30," of "June 30," is part of a date, not a figure.
                bool letters = text.at(line.chars[size_t(j) - 1]) == u',';
                for (int c = i; c < j; ++c)
                    letters = letters || text.at(line.chars[size_t(c)]).isLetter();
                const QChar head = text.at(line.chars[size_t(i)]);
                if (i > 0 && (head == u'%' || head == u')'))
                    closerStart[size_t(i)] = true;
                for (int c = i; c < j; ++c) {
                    figureChars[size_t(c) + 1] = figureChars[size_t(c)] + (letters ? 0 : 1);
                    wordChars[size_t(c) + 1] = wordChars[size_t(c)] + (letters ? 1 : 0);
                }
                if (j == i + 1 && text.at(line.chars[size_t(i)]) == u'$')
                    dollarEnd[size_t(j)] = true;
                i = j;
            }
        }
        const auto mixed = [&](int a, int b) {
            return figureChars[size_t(b)] > figureChars[size_t(a)] && wordChars[size_t(b)] > wordChars[size_t(a)];
        };
        if (qint64(m) * n * n <= 3000000) {
            // Cost of rect k holding characters [a, b): how far its width is from what
            // they would take (as a ratio: objects carry padding, fonts differ), and a
            // penalty where a cut between words falls between touching rects or a cut
            // in a word between rects printed apart.
            const double inf = std::numeric_limits<double>::infinity();
            std::vector<double> cost(size_t(m + 1) * size_t(n + 1), inf);
            std::vector<int> from(size_t(m + 1) * size_t(n + 1), -1);
            const auto at = [n](int k, int b) { return size_t(k) * size_t(n + 1) + size_t(b); };
            cost[at(0, 0)] = 0;
            for (int k = 1; k <= m; ++k) {
                const double w = rects.at(run.first + k - 1).width();
                // Rects printed apart have a space between them; touching ones cut a word
                // (a footnote mark, a glyph of its own).
                bool apart = true;
                if (k > 1) {
                    const QRectF &previous = rects.at(run.first + k - 2);
                    const QRectF &r = rects.at(run.first + k - 1);
                    apart = r.left() - previous.right() > 0.15 * qMin(previous.height(), r.height());
                }
                for (int b = k; b <= n - (m - k); ++b) {
                    for (int a = k - 1; a < b; ++a) {
                        const double before = cost[at(k - 1, a)];
                        if (before == inf)
                            continue;
                        const int span = line.chars[size_t(b) - 1] - line.chars[size_t(a)] + 1;
                        double c = 4 * std::abs(std::log(qMax(span * unit, 0.01) / qMax(w, 0.01)));
                        if (a > 0 && !wordStart(a) && apart)
                            c += 3;
                        if (mixed(a, b) || (dollarEnd[size_t(b)] && b < n) || closerStart[size_t(a)])
                            c += 3;
                        if (before + c < cost[at(k, b)]) {
                            cost[at(k, b)] = before + c;
                            from[at(k, b)] = a;
                        }
                    }
                }
            }
            int b = n;
            for (int k = m; k > 0; --k) {
                breaks[size_t(k)] = b;
                b = qMax(0, from[at(k, b)]);
            }
            breaks[0] = 0;
        } else {
            // Too long to weigh every cut: spread by width.
            double done = 0;
            for (int k = 1; k < m; ++k) {
                done += rects.at(run.first + k - 1).width();
                breaks[size_t(k)] = qBound(breaks[size_t(k) - 1] + 1, int(std::lround(done / widths * n)), n - (m - k));
            }
        }
    }
    for (int k = 0; k < m; ++k) {
        const int a = breaks[size_t(k)];
        const int b = breaks[size_t(k) + 1];
        if (b <= a)
            continue;
        const QRectF &r = rects.at(run.first + k);
        const int first = line.chars[size_t(a)];
        const int span = line.chars[size_t(b) - 1] - first + 1;
        for (int i = a; i < b; ++i) {
            const int t = line.chars[size_t(i)] - first;
            (*charBoxes)[size_t(line.chars[size_t(i)])] =
                QRectF(QPointF(r.left() + r.width() * t / span, r.top()),
                       QPointF(r.left() + r.width() * (t + 1) / span, r.bottom()));
        }
    }
}

// When no grouping of the rects gives the text's lines (a text line PDFium runs over two
// printed lines, column headings given one column at a time, a wrapped phrase), the rects
// are cut into the lines by weighing every cut: rects come in text order, so line u holds
// a run of them after line u - 1's. A run costs how far its width is from what its
// characters take at its height, each break to another printed line inside it, and a cut
// between rects that continue one printed line (more where they touch, inside a word). A
// rect may hold only white space (cost of its own). Units are the text's lines cut again
// after a hyphen mark PDFium joined; consecutive units of one text line may share a run.
// Forward over the units, keeping the cheapest states of each (a beam), so a dense page
// costs a few milliseconds; gives false when no cut of the rects fits well enough.
// Bounds of the cut on hostile pages (a dense printed page has some 10,000 characters):
// the work is about kBeam states times the page's characters.
constexpr int kMaxCutRects = 100000;
constexpr qint64 kMaxCutChars = 100000;

bool cutRectsIntoLines(const QString &text, const std::vector<Line> &units, const std::vector<bool> &joined,
                       const QList<QRectF> &rects, std::vector<Line> *lines, std::vector<RectRun> *runs)
{
    const int m = int(rects.size());
    const int unitCount = int(units.size());
    if (m == 0 || unitCount == 0 || m > kMaxCutRects)
        return false;
    // Prefix sums over the rects: widths, heights, breaks to another printed line, and
    // the kind of each boundary between rect k - 1 and k.
    std::vector<double> width(size_t(m) + 1, 0), height(size_t(m) + 1, 0);
    std::vector<int> breaks(size_t(m) + 1, 0);
    std::vector<double> cutCost(size_t(m) + 1, 0); // cutting a line before rect k
    std::vector<double> spacing(size_t(m) + 1, 0);
    std::vector<double> heights;
    heights.reserve(size_t(m));
    double bandTop = 0, bandBottom = 0;
    for (int k = 0; k < m; ++k) {
        const QRectF &r = rects.at(k);
        width[size_t(k) + 1] = width[size_t(k)] + qMax(0.0, r.width());
        height[size_t(k) + 1] = height[size_t(k)] + qMax(0.0, r.height());
        heights.push_back(r.height());
        // A rect continues the printed line when it lies to the right of the one before
        // and overlaps the line's band so far (glyph rects are tight: a period and the
        // quote after it need not overlap each other).
        bool continues = false;
        double gap = 0;
        double lineHeight = r.height();
        if (k > 0) {
            const QRectF &p = rects.at(k - 1);
            const double overlap = qMin(bandBottom, r.bottom()) - qMax(bandTop, r.top());
            continues = overlap > 0.05 * qMin(r.height(), bandBottom - bandTop) && r.left() >= p.right() - 2;
            gap = r.left() - p.right();
            lineHeight = qMax(r.height(), bandBottom - bandTop);
        }
        if (continues) {
            bandTop = qMin(bandTop, r.top());
            bandBottom = qMax(bandBottom, r.bottom());
        } else {
            bandTop = r.top();
            bandBottom = r.bottom();
        }
        const bool touching = continues && gap <= 0.15 * lineHeight;
        breaks[size_t(k) + 1] = breaks[size_t(k)] + (k > 0 && !continues ? 1 : 0);
        // Text lines on one printed line are set apart (columns); a cut where the rects
        // run on closely is less likely, and inside a word least.
        cutCost[size_t(k)] = !continues ? 0.0 : touching ? 3.0 : gap < 2 * qMax(1.0, lineHeight) ? 1.5 : 0.3;
        // The printed length of a run: its rects and the spaces between them on a line
        // (not the gap between two columns).
        spacing[size_t(k) + 1] = spacing[size_t(k)] + (continues && gap > 0 && gap <= 1.5 * lineHeight ? gap : 0.0);
    }
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const double typicalHeight = qMax(0.5, heights[heights.size() / 2]);
    // Each unit: its characters and the white space between them.
    std::vector<int> chars(static_cast<size_t>(unitCount)), spaces(chars), reach(chars);
    qint64 allChars = 0, allSpaces = 0;
    for (int u = 0; u < unitCount; ++u) {
        const Line &line = units[size_t(u)];
        chars[size_t(u)] = int(line.chars.size());
        int blanks = 0;
        for (int i = line.chars.front(); i < line.chars.back(); ++i)
            blanks += isBlank(text.at(i)) ? 1 : 0;
        spaces[size_t(u)] = blanks;
        reach[size_t(u)] = line.chars.back() - line.chars.front() + 2; // most rects a unit may take
        allChars += line.chars.size();
        allSpaces += blanks;
    }
    if (allChars + allSpaces > kMaxCutChars)
        return false;
    // Width per character at the typical height, from the whole page.
    const double perChar = (width[size_t(m)] + spacing[size_t(m)]) / qMax<qint64>(1, allChars + allSpaces) / typicalHeight;
    const auto runCost = [&](int u0, int u1, int a, int b) {
        int n = 0, blanks = 0;
        for (int u = u0; u < u1; ++u) {
            n += chars[size_t(u)];
            blanks += spaces[size_t(u)];
        }
        const int count = b - a;
        const double w = width[size_t(b)] - width[size_t(a)] + spacing[size_t(b)] - spacing[size_t(a) + 1];
        const double h = (height[size_t(b)] - height[size_t(a)]) / count;
        const double expected = (n + blanks) * perChar * qMax(0.5, h);
        double c = 3 * std::abs(std::log(qMax(w, 0.01) / qMax(expected, 0.01)));
        c += 2.0 * (breaks[size_t(b)] - breaks[size_t(a) + 1]);
        // A run of glyph rects holds one per character (and one per space where spaces
        // are glyphs too); a run of phrase rects far fewer.
        if (n >= 4 && 2 * count >= n)
            c += qMin(10.0, 0.5 * (qMax(0, n - count) + qMax(0, count - n - blanks)));
        if (a > 0)
            c += cutCost[size_t(a)];
        return c;
    };
    constexpr double kSkip = 4.0; // a rect of white space only
    constexpr int kBeam = 48;
    constexpr double kBeamWidth = 30.0;
    struct State
    {
        double cost = 0;
        int fromUnit = -1; // -1: start; == unit: a skipped rect
        int fromRect = -1;
    };
    // states[u]: rect index b -> cheapest way to place units [0, u) in rects [0, b).
    std::vector<std::vector<std::pair<int, State>>> states(size_t(unitCount) + 1);
    std::vector<std::unordered_map<int, State>> pending(size_t(unitCount) + 1);
    pending[0][0] = State{0, -1, -1};
    const auto offer = [&](int u, int b, const State &s) {
        auto it = pending[size_t(u)].find(b);
        if (it == pending[size_t(u)].end() || s.cost < it->second.cost)
            pending[size_t(u)][b] = s;
    };
    for (int u = 0; u <= unitCount; ++u) {
        std::vector<std::pair<int, State>> &here = states[size_t(u)];
        here.assign(pending[size_t(u)].begin(), pending[size_t(u)].end());
        pending[size_t(u)].clear();
        if (here.empty())
            return false;
        std::sort(here.begin(), here.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
        // Skipped rects (white space only): one or two in a row.
        {
            const size_t count = here.size();
            for (size_t i = 0; i < count; ++i) {
                for (int skipped = 1; skipped <= 2; ++skipped) {
                    const int b = here[i].first + skipped;
                    if (b <= m)
                        offer(u, b, State{here[i].second.cost + kSkip * skipped, u, here[i].first});
                }
            }
            for (auto &x : here) {
                auto it = pending[size_t(u)].find(x.first);
                if (it != pending[size_t(u)].end() && it->second.cost < x.second.cost)
                    x.second = it->second;
                if (it != pending[size_t(u)].end())
                    pending[size_t(u)].erase(it);
            }
            here.insert(here.end(), pending[size_t(u)].begin(), pending[size_t(u)].end());
            pending[size_t(u)].clear();
            std::sort(here.begin(), here.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
        }
        // The beam: the cheapest states, not far from the best.
        double best = std::numeric_limits<double>::infinity();
        for (const auto &x : here)
            best = qMin(best, x.second.cost);
        {
            std::vector<std::pair<int, State>> kept;
            for (const auto &x : here) {
                if (x.second.cost <= best + kBeamWidth)
                    kept.push_back(x);
            }
            if (kept.size() > size_t(kBeam)) {
                std::nth_element(kept.begin(), kept.begin() + kBeam, kept.end(),
                                 [](const auto &x, const auto &y) { return x.second.cost < y.second.cost; });
                kept.resize(size_t(kBeam));
                std::sort(kept.begin(), kept.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
            }
            here = std::move(kept);
        }
        if (u == unitCount)
            break;
        for (const auto &[a, s] : here) {
            // Units [u, u1) in one run: u1 - 1 joined to each before it.
            int most = 0;
            for (int u1 = u + 1; u1 <= unitCount; ++u1) {
                most += reach[size_t(u1) - 1];
                for (int b = a + 1; b <= qMin(m, a + most); ++b)
                    offer(u1, b, State{s.cost + runCost(u, u1, a, b), u, a});
                if (!joined[size_t(u1) - 1])
                    break;
            }
        }
    }
    const std::vector<std::pair<int, State>> &last = states[size_t(unitCount)];
    if (last.empty() || last.back().first != m)
        return false;
    // Accept a cut only where it fits about as well as lines that match their rects do.
    if (last.back().second.cost > 2.5 * unitCount + 4)
        return false;
    // Back through the states: the runs of each unit group.
    const auto stateAt = [&](int u, int b) -> const State & {
        const auto &list = states[size_t(u)];
        return std::lower_bound(list.begin(), list.end(), b, [](const auto &x, int key) { return x.first < key; })
            ->second;
    };
    std::vector<std::pair<std::pair<int, int>, RectRun>> found; // (units [u0, u1)), rects
    int u = unitCount, b = m;
    while (u > 0 || b > 0) {
        const State &s = stateAt(u, b);
        if (s.fromUnit < 0)
            break;
        if (s.fromUnit == u) { // a skipped rect
            b = s.fromRect;
            continue;
        }
        found.push_back({{s.fromUnit, u}, RectRun{s.fromRect, b}});
        u = s.fromUnit;
        b = s.fromRect;
    }
    std::reverse(found.begin(), found.end());
    lines->clear();
    runs->clear();
    for (const auto &[span, run] : found) {
        Line line = units[size_t(span.first)];
        for (int v = span.first + 1; v < span.second; ++v) {
            line.chars.insert(line.chars.end(), units[size_t(v)].chars.begin(), units[size_t(v)].chars.end());
            line.end = units[size_t(v)].end;
        }
        lines->push_back(std::move(line));
        runs->push_back(run);
    }
    return true;
}

QString wordsKey(const QString &sha256)
{
    return u"pdfwords|"_s % sha256 % u'|' % DocumentCache::programBuild();
}

} // namespace

QList<TextBox> PdfLoader::wordBoxes(const QString &text, const QList<QRectF> &rects)
{
    // The text's lines with characters, and the rects' lines: consecutive rects that
    // share height (a raised footnote mark overlaps its line) are one line. PDFium joins
    // a word hyphenated at a line end into one text line and prints the hyphen as a
    // glyph without Unicode mapping ("lending\uFFFDrelated" over two printed lines): when
    // the lines do not match the rects as they are, such a mark between letters ends a
    // line too.
    std::vector<Line> lines;
    std::vector<bool> joined; // line l runs on into line l + 1 (cut at a joined hyphen)
    const auto splitLines = [&](bool atJoinedHyphens) {
        lines.clear();
        joined.clear();
        Line line;
        for (int i = 0; i <= text.size(); ++i) {
            if (i == text.size() || text.at(i) == u'\n') {
                if (line.chars.empty() && !joined.empty())
                    joined.back() = false;
                line.end = i;
                if (!line.chars.empty()) {
                    lines.push_back(line);
                    joined.push_back(false);
                }
                line = Line{};
                line.start = i + 1;
            } else if (!isBlank(text.at(i))) {
                if (line.chars.size() >= size_t(kMaxLineChars))
                    return false;
                line.chars.push_back(i);
                if (atJoinedHyphens && text.at(i) == QChar::ReplacementCharacter && i > 0 && i + 1 < text.size()
                    && text.at(i - 1).isLetter() && text.at(i + 1).isLetter()) {
                    line.end = i + 1;
                    lines.push_back(line);
                    joined.push_back(true);
                    line = Line{};
                    line.start = i + 1;
                }
            }
        }
        return true;
    };
    // PDFium cuts lines by its own measure; of a few ways to group the rects, the first
    // that gives as many lines as the text has is taken: a rect continuing the one
    // before it to the right at its height; or overlapping the line so far, which keeps
    // raised marks; each a little stricter or looser.
    std::vector<RectRun> runs;
    const auto group = [&](bool afterPrevious, double share) {
        runs.clear();
        double top = 0, bottom = 0;
        for (int k = 0; k < rects.size(); ++k) {
            const QRectF &r = rects.at(k);
            bool same = false;
            if (!runs.empty()) {
                const QRectF &p = rects.at(k - 1);
                if (afterPrevious) {
                    const double overlap = qMin(p.bottom(), r.bottom()) - qMax(p.top(), r.top());
                    same = overlap > share * qMin(r.height(), p.height()) && r.left() >= p.right() - 2;
                } else {
                    const double overlap = qMin(bottom, r.bottom()) - qMax(top, r.top());
                    same = overlap > share * qMin(r.height(), bottom - top)
                        && r.left() >= p.left() - 2 * qMax(1.0, r.height());
                }
            }
            if (same) {
                runs.back().last = k + 1;
                top = qMin(top, r.top());
                bottom = qMax(bottom, r.bottom());
            } else {
                runs.push_back({k, k + 1});
                top = r.top();
                bottom = r.bottom();
            }
        }
        return runs.size() == lines.size();
    };
    const auto grouped = [&] {
        return !lines.empty()
            && (group(true, 0.3) || group(false, 0.3) || group(true, 0.6) || group(false, 0.6) || group(true, 0.05)
                || group(false, 0.05));
    };
    if (!splitLines(false))
        return {};
    if (!grouped() && (!text.contains(QChar::ReplacementCharacter) || !splitLines(true) || !grouped())) {
        // No grouping matches: cut the rects into the lines by weighing every cut.
        if (!splitLines(true))
            return {};
        const std::vector<Line> units = lines;
        if (!cutRectsIntoLines(text, units, joined, rects, &lines, &runs))
            return {};
    }
    std::vector<QRectF> charBoxes(size_t(text.size()));
    for (size_t l = 0; l < lines.size(); ++l)
        placeLine(text, lines[l], rects, runs[l], &charBoxes);
    QList<TextBox> words;
    for (const Line &line : lines) {
        size_t i = 0;
        while (i < line.chars.size()) {
            size_t j = i + 1;
            while (j < line.chars.size() && line.chars[j] == line.chars[j - 1] + 1)
                ++j;
            QRectF box;
            for (size_t c = i; c < j; ++c) {
                const QRectF &r = charBoxes[size_t(line.chars[c])];
                if (!r.isNull())
                    box = box.isNull() ? r : box.united(r);
            }
            if (!box.isNull())
                words.append(TextBox{line.chars[i], line.chars[j - 1] + 1, float(box.left()), float(box.top()),
                                     float(box.right()), float(box.bottom())});
            i = j;
        }
    }
    return words;
}

QString PdfLoader::pageTextAndWords(QPdfDocument *pdf, int page, QList<TextBox> *words)
{
    const QPdfSelection all = pdf->getAllText(page);
    const QString text = normalizedText(all.text());
    QList<QRectF> rects;
    rects.reserve(all.bounds().size());
    for (const QPolygonF &p : all.bounds())
        rects.append(p.boundingRect());
    *words = wordBoxes(text, rects);
    return text;
}

bool PdfLoader::readCachedWords(const QString &sha256, int pages, QList<QList<TextBox>> *words)
{
    if (!DocumentCache::isEnabled() || !DocumentCache::isValidSha(sha256))
        return false;
    QByteArray payload;
    if (!DocumentCache::readEntry(wordsKey(sha256), &payload))
        return false;
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_4);
    qint32 count = 0;
    in >> count;
    if (count != pages)
        return false;
    QList<QList<TextBox>> read;
    for (int p = 0; p < count && in.status() == QDataStream::Ok; ++p) {
        QList<TextBox> list;
        readWords(in, &list);
        read.append(std::move(list));
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    *words = std::move(read);
    return true;
}

void PdfLoader::writeCachedWords(const QString &sha256, const QList<QList<TextBox>> &words)
{
    if (!DocumentCache::isEnabled() || !DocumentCache::isValidSha(sha256))
        return;
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << qint32(words.size());
    for (const QList<TextBox> &list : words)
        writeWords(out, list);
    DocumentCache::writeEntry(wordsKey(sha256), payload);
}

void PdfLoader::writeWords(QDataStream &out, const QList<TextBox> &words)
{
    out << quint32(words.size());
    for (const TextBox &w : words)
        out << qint32(w.start) << qint32(w.end) << w.left << w.top << w.right << w.bottom;
}

bool PdfLoader::readWords(QDataStream &in, QList<TextBox> *words)
{
    quint32 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || count > (quint32(1) << 24))
        return false;
    words->clear();
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        TextBox w;
        qint32 start = 0, end = 0;
        in >> start >> end >> w.left >> w.top >> w.right >> w.bottom;
        w.start = start;
        w.end = end;
        words->append(w);
    }
    return in.status() == QDataStream::Ok;
}
