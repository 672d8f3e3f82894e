#include "pdftablereader.h"

#include "tablereader.h"

#include <QtCore/QRegularExpression>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Words of a line printed close together: one cell's text.
struct Chunk
{
    int start = 0;
    int end = 0;
    double left = 0;
    double right = 0;
    double numberLeft = 0; // the figure itself, without a "$" printed apart before it
    double numberRight = 0;
    QString text;
    bool numeric = false; // a figure (not a bare year)
};

struct Line
{
    int start = 0;
    int end = 0;
    double top = 0;
    double bottom = 0;
    double height = 0;
    std::vector<Chunk> chunks;
    bool figures = false; // a row of figures: a label (or none) and figures after it
};

struct Column
{
    double left = 0;
    double right = 0;
    double centre() const { return (left + right) / 2; }
};

bool isYear(const QString &text)
{
    static const QRegularExpression re(u"^(?:19|20)\\d\\d$"_s);
    return re.match(text).hasMatch();
}

bool isFigure(const QString &text)
{
    return !isYear(text) && !TableReader::parseNumber(text).isEmpty();
}

bool opensFigure(const QString &text)
{
    return text == u"$"_s || text == u"US$"_s || text == u"("_s || text == u"$("_s || text == u"€"_s
        || text == u"£"_s;
}

bool closesFigure(const QString &text)
{
    static const QRegularExpression re(u"^(?:%|\\)|\\)%|%\\)|pts|bps|\\*+)$"_s);
    return re.match(text).hasMatch();
}

Chunk makeChunk(const QString &pageText, const TextBox &first, const TextBox &last, double left, double right)
{
    Chunk c;
    c.start = first.start;
    c.end = last.end;
    c.left = c.numberLeft = left;
    c.right = c.numberRight = right;
    c.text = pageText.mid(c.start, c.end - c.start);
    c.numeric = isFigure(c.text);
    return c;
}

// Lines of the page (PDFium's), each cut into chunks where the gap between two words
// is wider than a space.
std::vector<Line> linesOf(const QString &pageText, const QList<TextBox> &words)
{
    std::vector<Line> lines;
    const int count = qMin(int(words.size()), PdfTableReader::kMaxWords);
    int i = 0;
    while (i < count) {
        int j = i + 1;
        // Words of one text line: no line end between them, and not wrapped to the
        // next printed line (a hyphenated word PDFium joins over a line end).
        while (j < count && words.at(j).start >= words.at(j - 1).end
               && !QStringView(pageText).mid(words.at(j - 1).end, words.at(j).start - words.at(j - 1).end).contains(u'\n')
               && !(words.at(j).top >= words.at(j - 1).bottom && words.at(j).left < words.at(j - 1).left))
            ++j;
        Line line;
        line.start = words.at(i).start;
        line.end = words.at(j - 1).end;
        line.top = words.at(i).top;
        line.bottom = words.at(i).bottom;
        for (int k = i; k < j; ++k) {
            line.top = qMin<double>(line.top, words.at(k).top);
            line.bottom = qMax<double>(line.bottom, words.at(k).bottom);
            line.height = qMax<double>(line.height, words.at(k).bottom - words.at(k).top);
        }
        const double gap = qMax(3.0, 0.75 * line.height);
        int first = i;
        double left = words.at(i).left, right = words.at(i).right;
        const auto wordText = [&](int k) { return QStringView(pageText).mid(words.at(k).start, words.at(k).end - words.at(k).start); };
        for (int k = i + 1; k <= j; ++k) {
            // Two figures are never one cell, however close PDFium puts them ("(1,506) $ 260"
            // of a column of "$" printed beside the figures before it).
            const bool figureThenFigure = k < j && isFigure(wordText(k - 1).toString())
                && (opensFigure(wordText(k).toString()) || isFigure(wordText(k).toString()));
            if (k < j && !figureThenFigure && words.at(k).left >= right - 0.5 && words.at(k).left - right <= gap) {
                right = qMax<double>(right, words.at(k).right);
                continue;
            }
            line.chunks.push_back(makeChunk(pageText, words.at(first), words.at(k - 1), left, right));
            if (k < j) {
                first = k;
                left = words.at(k).left;
                right = words.at(k).right;
            }
        }
        // "$" before a figure and "%" or ")" after it belong to it, however far apart.
        std::vector<Chunk> joined;
        for (size_t k = 0; k < line.chunks.size(); ++k) {
            Chunk c = line.chunks[k];
            if (opensFigure(c.text) && k + 1 < line.chunks.size()) {
                const Chunk &next = line.chunks[k + 1];
                Chunk both = c;
                both.end = next.end;
                both.right = next.right;
                both.text = pageText.mid(both.start, both.end - both.start);
                if (isFigure(both.text)) {
                    both.numeric = true;
                    both.numberLeft = next.left;
                    both.numberRight = next.right;
                    joined.push_back(both);
                    ++k;
                    continue;
                }
            }
            if (closesFigure(c.text) && !joined.empty() && joined.back().numeric) {
                Chunk &previous = joined.back();
                const QString text = pageText.mid(previous.start, c.end - previous.start);
                if (isFigure(text)) {
                    previous.end = c.end;
                    previous.right = c.right;
                    previous.text = text;
                    continue;
                }
            }
            joined.push_back(c);
        }
        line.chunks = std::move(joined);
        // A row of figures: after an optional label, only figures and short marks
        // ("n/m", "NM", "*"), at least one figure.
        int figures = 0;
        bool other = false;
        for (size_t k = 0; k < line.chunks.size(); ++k) {
            const Chunk &c = line.chunks[k];
            if (c.numeric)
                ++figures;
            else if (k > 0 && c.text.size() > 12)
                other = true;
        }
        line.figures = figures > 0 && !other && (line.chunks.size() > 1 || !line.chunks.front().numeric);
        lines.push_back(std::move(line));
        i = j;
    }
    return lines;
}

// The figures' columns: their horizontal extents, overlapping ones merged.
std::vector<Column> columnsOf(const std::vector<Line> &lines, size_t first, size_t last)
{
    std::vector<Column> spans;
    for (size_t l = first; l < last; ++l) {
        const Line &line = lines[l];
        if (!line.figures)
            continue;
        for (size_t k = 0; k < line.chunks.size(); ++k) {
            const Chunk &c = line.chunks[k];
            if (c.numeric && (k > 0 || line.chunks.size() > 1))
                spans.push_back({c.numberLeft, c.numberRight});
        }
    }
    // A leading figure of a line without label is a figure only when it lines up
    // under other figures; a label column never holds figures.
    std::sort(spans.begin(), spans.end(), [](const Column &a, const Column &b) { return a.left < b.left; });
    // A figure whose box is far wider than figures are (a box PDFium's text object gave
    // too wide) would bridge two columns: the columns come from the others, and such a
    // figure widens a column only where it meets one or none.
    std::vector<double> widths;
    for (const Column &s : spans)
        widths.push_back(s.right - s.left);
    double typical = 0;
    if (!widths.empty()) {
        std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
        typical = widths[widths.size() / 2];
    }
    const auto wide = [&](const Column &s) { return s.right - s.left > 2.5 * typical + 2; };
    std::vector<Column> columns;
    for (const Column &s : spans) {
        if (wide(s))
            continue;
        if (!columns.empty() && s.left <= columns.back().right + 0.5)
            columns.back().right = qMax(columns.back().right, s.right);
        else
            columns.push_back(s);
    }
    for (const Column &s : spans) {
        if (!wide(s))
            continue;
        int met = 0;
        for (const Column &c : columns)
            met += (s.left <= c.right + 0.5 && c.left <= s.right + 0.5) ? 1 : 0;
        if (met >= 2)
            continue;
        columns.push_back(s);
        std::sort(columns.begin(), columns.end(), [](const Column &a, const Column &b) { return a.left < b.left; });
        std::vector<Column> merged;
        for (const Column &c : columns) {
            if (!merged.empty() && c.left <= merged.back().right + 0.5)
                merged.back().right = qMax(merged.back().right, c.right);
            else
                merged.push_back(c);
        }
        columns = std::move(merged);
    }
    return columns;
}

int columnOf(const std::vector<Column> &columns, double left, double right)
{
    int best = -1;
    double bestOverlap = 0;
    for (size_t c = 0; c < columns.size(); ++c) {
        const double overlap = qMin(right, columns[c].right) - qMax(left, columns[c].left);
        if (overlap > bestOverlap) {
            bestOverlap = overlap;
            best = int(c);
        }
    }
    if (best >= 0)
        return best;
    const double centre = (left + right) / 2;
    double bestDistance = 0;
    for (size_t c = 0; c < columns.size(); ++c) {
        const double d = qAbs(columns[c].centre() - centre);
        if (best < 0 || d < bestDistance) {
            best = int(c);
            bestDistance = d;
        }
    }
    return best;
}

// Cells of one grid row being filled: a chunk landing where another is widens it.
struct RowCells
{
    QList<TableReader::PlacedCell> cells;

    void add(int row, int column, int span, int start, int end, double indent)
    {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            TableReader::PlacedCell &c = cells[i];
            if (column < c.column + c.columnSpan && c.column < column + span) {
                const int from = qMin(c.column, column);
                const int to = qMax(c.column + c.columnSpan, column + span);
                const int s = qMin(c.span.start, start);
                const int e = qMax(c.span.end, end);
                const double ind = qMin(c.indent, indent);
                cells.removeAt(i);
                add(row, from, to - from, s, e, ind);
                return;
            }
        }
        TableReader::PlacedCell c;
        c.row = row;
        c.column = column;
        c.columnSpan = span;
        c.span = SourceSpan{0, start, end};
        c.indent = indent;
        cells.append(c);
    }
};

const Chunk *nearestChunk(const Line &line, const Column &column, double labelEdge)
{
    const Chunk *best = nullptr;
    double bestDistance = 0;
    for (const Chunk &c : line.chunks) {
        if (c.right <= labelEdge)
            continue;
        const double d = qMax(0.0, qMax(c.left - column.right, column.left - c.right));
        if (!best || d < bestDistance) {
            best = &c;
            bestDistance = d;
        }
    }
    return best;
}

// How many chunks of a header line stand over the figures' columns.
int groupHeaders(const Line &line, double labelEdge)
{
    int n = 0;
    for (const Chunk &c : line.chunks)
        n += c.right > labelEdge ? 1 : 0;
    return n;
}

// A line of text wholly on the label side of a row of figures, short as a label is (a
// label with a raised footnote mark: "income as follows(e):").
bool isLabelLine(const Line &line, const Line &figureRow)
{
    double figuresLeft = -1;
    for (size_t k = 1; k < figureRow.chunks.size(); ++k) {
        if (figureRow.chunks[k].numeric) {
            figuresLeft = figureRow.chunks[k].numberLeft;
            break;
        }
    }
    if (figuresLeft < 0 || line.chunks.empty() || line.end - line.start > 120)
        return false;
    for (const Chunk &c : line.chunks) {
        if (c.numeric || c.right >= figuresLeft)
            return false;
    }
    return true;
}

bool startsLower(const Line &line)
{
    return !line.chunks.empty() && !line.chunks.front().text.isEmpty() && line.chunks.front().text.at(0).isLower();
}

} // namespace

TableList PdfTableReader::readPage(const QString &pageText, const QList<TextBox> &words, int page)
{
    TableList tables;
    for (const TextBox &w : words) {
        if (w.start < 0 || w.end > pageText.size() || w.end < w.start)
            return tables;
    }
    const std::vector<Line> lines = linesOf(pageText, words);
    size_t l = 0;
    int previousEnd = 0;
    while (l < lines.size() && tables.size() < TableReader::kMaxTablesPerPage) {
        if (!lines[l].figures) {
            ++l;
            continue;
        }
        // The body: rows of figures, with label lines between them ("Costs and
        // expenses:", a label broken over two lines) when figures follow soon.
        size_t first = l;
        size_t last = l + 1;
        while (last < lines.size()) {
            const Line &previous = lines[last - 1];
            const Line &line = lines[last];
            if (line.top - previous.bottom > 2.5 * qMax(previous.height, line.height))
                break;
            if (line.figures) {
                ++last;
                continue;
            }
            size_t next = last;
            while (next < lines.size() && next < last + 3 && !lines[next].figures
                   && (lines[next].chunks.size() == 1 ? lines[next].chunks.front().text.size() <= 120
                                                      : isLabelLine(lines[next], lines[first])))
                ++next;
            if (next > last && next < lines.size() && lines[next].figures
                && lines[next].top - lines[next - 1].bottom <= 2.5 * qMax(lines[next].height, lines[next - 1].height))
                last = next + 1;
            else
                break;
        }
        l = last;
        const std::vector<Column> columns = columnsOf(lines, first, last);
        if (columns.empty() || columns.size() > size_t(kMaxColumns))
            continue;
        const double labelEdge = columns.front().left - 1;
        const double tableRight = columns.back().right;

        // A section label or two at the top of the body ("Revenue") under the headers.
        size_t bodyFirst = first;
        for (size_t up = first; up > 0 && first - up < 2; --up) {
            const Line &line = lines[up - 1];
            const bool label = !line.figures && line.chunks.size() == 1 && line.chunks.front().right <= labelEdge
                && line.chunks.front().text.size() <= 80 && line.start >= previousEnd
                && lines[up].top - line.bottom <= 2.5 * qMax(line.height, lines[up].height);
            if (!label)
                break;
            bodyFirst = up - 1;
        }
        if (bodyFirst < first && bodyFirst > 0) {
            // Only when header lines sit above them; else they are text above the table.
            const Line &above = lines[bodyFirst - 1];
            bool over = false;
            for (const Chunk &c : above.chunks)
                over = over || (c.right > labelEdge && c.left < tableRight + 20 && c.left > labelEdge - 20);
            if (over && !above.figures)
                first = bodyFirst;
        }

        // Header lines above the body: text over the figures' columns, up to a line
        // that runs from the label side across them (a title or prose).
        size_t headerFirst = first;
        while (headerFirst > 0 && first - headerFirst < 24) {
            const Line &line = lines[headerFirst - 1];
            const Line &below = lines[headerFirst];
            if (line.figures || below.top - line.bottom > 2.5 * qMax(line.height, below.height)
                || line.start < previousEnd)
                break;
            const auto place = [&](const Line &header, bool *overColumns, bool *across) {
                *overColumns = *across = false;
                for (const Chunk &c : header.chunks) {
                    if (c.right > labelEdge && c.left < tableRight + 20)
                        *overColumns = true;
                    if (c.left < labelEdge - 20 && c.right > labelEdge + 20)
                        *across = true;
                    if (c.right > tableRight + 40)
                        *across = true;
                }
            };
            bool overColumns = false;
            bool across = false;
            place(line, &overColumns, &across);
            // A longer caption only where it stands beside a header line over the columns.
            bool besideHeaders = line.chunks.size() == 1 && line.chunks.front().text.size() <= 40;
            for (size_t k = headerFirst; k < first && !besideHeaders && line.chunks.size() == 1
                 && line.chunks.front().text.size() <= 80;
                 ++k) {
                bool over = false, acrossToo = false;
                place(lines[k], &over, &acrossToo);
                besideHeaders = over && !acrossToo && lines[k].top < line.bottom && line.top < lines[k].bottom;
            }
            if (!overColumns && !across && besideHeaders && headerFirst >= 2 && first - headerFirst < 23) {
                // A caption of the label column ("(MILLIONS)", "Data presented will not (in
                // all cases) aggregate to totals.") that PDFium gives as a line of its own
                // between the column headers: a header line when header lines over the
                // columns sit above it and beside it.
                const Line &above = lines[headerFirst - 2];
                bool aboveOver = false, aboveAcross = false;
                place(above, &aboveOver, &aboveAcross);
                overColumns = aboveOver && !aboveAcross && !above.figures && above.start >= previousEnd
                    && line.top - above.bottom <= 2.5 * qMax(line.height, above.height) && above.top < below.bottom;
            }
            if (!overColumns || across)
                break;
            --headerFirst;
        }

        // The grid: header rows, then a row per body line (a label continued on the
        // next line joins it).
        QList<TableReader::PlacedCell> cells;
        int row = 0;
        // PDFium may give a header's lines column by column ("Total Number", "of Shares",
        // "Purchased", then the next column's): header lines printed at one height are
        // one header row.
        std::vector<size_t> byTop;
        for (size_t h = headerFirst; h < first; ++h)
            byTop.push_back(h);
        std::stable_sort(byTop.begin(), byTop.end(), [&](size_t a, size_t b) { return lines[a].top < lines[b].top; });
        std::vector<int> rowOf(lines.size(), 0);
        int headerRowCount = 0;
        double rowBottom = 0;
        for (size_t h : byTop) {
            const Line &line = lines[h];
            if (headerRowCount == 0 || line.top > rowBottom - 0.3 * line.height) {
                ++headerRowCount;
                rowBottom = line.bottom;
            } else {
                rowBottom = qMax(rowBottom, line.bottom);
            }
            rowOf[h] = headerRowCount - 1;
        }
        std::vector<RowCells> headerCells(static_cast<size_t>(headerRowCount));
        for (size_t h = headerFirst; h < first; ++h) {
            RowCells &rc = headerCells[size_t(rowOf[h])];
            const int row = rowOf[h];
            for (const Chunk &c : lines[h].chunks) {
                if (c.right <= labelEdge) {
                    rc.add(row, 0, 1, c.start, c.end, c.left);
                    continue;
                }
                int from = -1, to = -1;
                for (size_t k = 0; k < columns.size(); ++k) {
                    if (qMin(c.right, columns[k].right) - qMax(c.left, columns[k].left) > 0) {
                        if (from < 0)
                            from = int(k);
                        to = int(k);
                    }
                }
                if (from < 0)
                    from = to = columnOf(columns, c.left, c.right);
                // A lone period ending in its year, centred over all the columns ("Three
                // Months Ended July 3, 2022" over five columns of different measures), heads
                // them all.
                static const QRegularExpression period(u"\\b(?:19|20)\\d\\d\\W*$"_s);
                const double centre = (c.left + c.right) / 2;
                const double middle = (columns.front().left + columns.back().right) / 2;
                const bool overAll = columns.size() >= 3
                    && qAbs(centre - middle) <= 0.1 * (columns.back().right - columns.front().left)
                    && period.match(c.text).hasMatch();
                if (row == 0 && headerRowCount >= 2 && (to > from || groupHeaders(lines[h], labelEdge) > 1 || overAll)) {
                    // The top header line heads groups of columns ("Year Ended December 31,"
                    // over three years, "Six Months" over four): a column takes the
                    // group header nearest to it. A lone header over one column is the
                    // first line of that column's own header.
                    while (from > 0 && nearestChunk(lines[h], columns[size_t(from) - 1], labelEdge) == &c)
                        --from;
                    while (to + 1 < int(columns.size()) && nearestChunk(lines[h], columns[size_t(to) + 1], labelEdge) == &c)
                        ++to;
                }
                rc.add(row, from + 1, to - from + 1, c.start, c.end, c.left);
            }
        }
        for (const RowCells &rc : headerCells)
            cells += rc.cells;
        row = headerRowCount;
        int pendingLabel = -1; // start of a label begun on a line before
        double pendingIndent = 0;
        for (size_t b = first; b < last; ++b) {
            const Line &line = lines[b];
            int labelStart = -1, labelEnd = -1;
            double indent = 0;
            RowCells rc;
            for (size_t k = 0; k < line.chunks.size(); ++k) {
                const Chunk &c = line.chunks[k];
                const bool label = !c.numeric ? c.left < labelEdge : (k == 0 && c.right <= labelEdge);
                if (label) {
                    if (labelStart < 0) {
                        labelStart = c.start;
                        indent = c.left;
                    }
                    labelEnd = c.end;
                    continue;
                }
                rc.add(row, columnOf(columns, c.numberLeft, c.numberRight) + 1, 1, c.start, c.end, c.left);
            }
            // A label broken over two lines: the next starts in lower case, or follows
            // closer than rows follow each other (its figures sit on its last line).
            const bool closeBelow = b + 1 < last
                && lines[b + 1].top - line.bottom < 0.3 * qMin(line.height, lines[b + 1].height)
                && !lines[b + 1].chunks.empty() && lines[b + 1].chunks.front().left >= indent - 1;
            if (rc.cells.isEmpty() && labelStart >= 0 && b + 1 < last && lines[b + 1].figures
                && (startsLower(lines[b + 1]) || closeBelow)
                && !pageText.mid(labelStart, labelEnd - labelStart).trimmed().endsWith(u':')) {
                if (pendingLabel < 0) {
                    pendingLabel = labelStart;
                    pendingIndent = indent;
                }
                continue;
            }
            if (pendingLabel >= 0) {
                if (labelStart >= 0) {
                    labelStart = pendingLabel;
                    indent = pendingIndent;
                }
                pendingLabel = -1;
            }
            if (labelStart >= 0)
                rc.add(row, 0, 1, labelStart, labelEnd, indent);
            cells += rc.cells;
            ++row;
        }
        const int columnCount = int(columns.size()) + 1;
        if (row < 2 || qint64(row) * columnCount > TableReader::kMaxCells)
            continue;
        for (TableReader::PlacedCell &c : cells)
            c.span.page = page;
        std::sort(cells.begin(), cells.end(), [](const TableReader::PlacedCell &a, const TableReader::PlacedCell &b) {
            return a.row != b.row ? a.row < b.row : a.column < b.column;
        });
        const int start = lines[headerFirst].start;
        const int end = lines[last - 1].end;
        const int from = qMax(qMax(0, start - 600), previousEnd);
        const QString before = pageText.mid(from, start - from);
        FilingTable table;
        if (TableReader::readPlacedCells(cells, row, columnCount, SourceSpan{page, start, end}, pageText, before,
                                         &table)) {
            tables.append(std::move(table));
            previousEnd = end;
        }
    }
    return tables;
}
