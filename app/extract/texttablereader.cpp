#include "texttablereader.h"

#include "tablereader.h"

#include <QtCore/QHash>
#include <QtCore/QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// A word of a line, or a figure with its "$", "(", ")" and "%" joined.
struct Token
{
    int start = 0; // offsets into the page text
    int end = 0;
    int col = 0; // visual columns (tabs to the next multiple of 8)
    int colEnd = 0;
    QString number; // TableReader::parseNumber of the text; empty when not a figure
    bool percent = false;
    bool currency = false;
    bool year = false;
    bool rule = false;   // "-----", "=====", "_____": an underline, not a dash for zero
    bool dashes = false; // only dashes, "=" or "_" ("--" may stand for zero)
};

struct Line
{
    int start = 0; // offsets of the line (without its '\n')
    int end = 0;
    QList<Token> tokens; // without the SGML markers
    QList<int> cColumns; // visual columns of <C> markers
    int sColumn = -1;    // of the <S> marker
    bool tableOpen = false, tableClose = false, caption = false, footnotes = false;
    bool tooLong = false;
    bool isBlank() const { return tokens.isEmpty() && !tooLong; }
    bool isRule() const
    {
        // "- -------" too: EDGAR escapes a line that starts with a dash.
        return std::all_of(tokens.cbegin(), tokens.cend(), [](const Token &t) { return t.dashes; })
            && std::any_of(tokens.cbegin(), tokens.cend(), [](const Token &t) { return t.rule; });
    }
    bool isMarkers() const { return sColumn >= 0 || !cColumns.isEmpty(); }
};

// A phrase of a header line: tokens one space apart.
struct Phrase
{
    int start = 0, end = 0; // offsets
    int col = 0, colEnd = 0; // the phrase, widened by a dashed line under it
};

bool isRuleText(QStringView word)
{
    if (word.size() < 2)
        return false;
    for (QChar c : word) {
        if (c != u'-' && c != u'=' && c != u'_')
            return false;
    }
    return true;
}

// The SGML markers of EDGAR text tables.
enum class Marker { None, TableOpen, TableClose, Caption, CaptionClose, S, C, Fn, FnClose, Page };

Marker markerOf(QStringView word)
{
    if (word.size() < 3 || word.front() != u'<' || word.back() != u'>')
        return Marker::None;
    const QStringView name = word.mid(1, word.size() - 2);
    const auto is = [&](QStringView n) { return name.compare(n, Qt::CaseInsensitive) == 0; };
    if (is(u"TABLE"))
        return Marker::TableOpen;
    if (is(u"/TABLE"))
        return Marker::TableClose;
    if (is(u"CAPTION"))
        return Marker::Caption;
    if (is(u"/CAPTION"))
        return Marker::CaptionClose;
    if (is(u"S"))
        return Marker::S;
    if (is(u"C"))
        return Marker::C;
    if (is(u"FN"))
        return Marker::Fn;
    if (is(u"/FN"))
        return Marker::FnClose;
    if (is(u"PAGE"))
        return Marker::Page;
    return Marker::None;
}

void classify(const QString &text, Token *t)
{
    const QStringView s = QStringView(text).mid(t->start, t->end - t->start);
    t->dashes = isRuleText(s) || s == u"-";
    t->rule = t->dashes && s.size() >= 4;
    if (t->rule)
        return;
    // Only a word with a digit or a dash can be a figure (most words of prose have neither).
    if (!std::any_of(s.cbegin(), s.cend(), [](QChar c) {
            return c.isDigit() || c == u'-' || c == QChar(0x2014) || c == QChar(0x2013);
        }))
        return;
    static const QRegularExpression yearRe(u"^(?:19|20)\\d\\d(?:\\*{1,3}|\\([a-z0-9]\\))?$"_s);
    if (yearRe.match(s).hasMatch()) {
        t->year = true;
        return;
    }
    t->number = TableReader::parseNumber(s.toString(), &t->percent, &t->currency);
}

Line tokenize(const QString &text, int start, int end)
{
    Line line;
    line.start = start;
    line.end = end;
    if (end - start > TextTableReader::kMaxLineLength) {
        line.tooLong = true;
        return line;
    }
    struct Word
    {
        int start, end, col, colEnd;
    };
    QList<Word> words;
    int col = 0;
    for (int i = start; i < end;) {
        const QChar c = text.at(i);
        if (c == u'\t') {
            col = (col / 8 + 1) * 8;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++col;
            ++i;
            continue;
        }
        Word w{i, i, col, col};
        while (i < end && !text.at(i).isSpace()) {
            ++i;
            ++col;
        }
        w.end = i;
        w.colEnd = col;
        words.append(w);
    }
    // Markers out; the rest joined into tokens.
    QList<Word> kept;
    // Markers glued to each other or to a word ("<C><C>", "<S>Net") are markers all the same.
    static const QRegularExpression leading(u"^</?(?:TABLE|CAPTION|S|C|FN|PAGE)>"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression trailing(u"</?(?:TABLE|CAPTION|S|C|FN|PAGE)>$"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    QList<Word> split;
    for (Word w : std::as_const(words)) {
        if (QStringView(text).mid(w.start, w.end - w.start).indexOf(u'<') < 0) {
            split.append(w);
            continue;
        }
        for (;;) {
            const QStringView s = QStringView(text).mid(w.start, w.end - w.start);
            const QRegularExpressionMatch m = leading.match(s);
            if (!m.hasMatch() || m.capturedLength() == s.size())
                break;
            const int length = int(m.capturedLength());
            split.append({w.start, w.start + length, w.col, w.col + length});
            w.start += length;
            w.col += length;
        }
        QList<Word> tail;
        for (;;) {
            const QStringView s = QStringView(text).mid(w.start, w.end - w.start);
            const QRegularExpressionMatch m = trailing.match(s);
            if (!m.hasMatch() || m.capturedLength() == s.size())
                break;
            const int length = int(m.capturedLength());
            tail.prepend({w.end - length, w.end, w.colEnd - length, w.colEnd});
            w.end -= length;
            w.colEnd -= length;
        }
        split.append(w);
        split += tail;
    }
    for (const Word &w : std::as_const(split)) {
        switch (markerOf(QStringView(text).mid(w.start, w.end - w.start))) {
        case Marker::None:
            kept.append(w);
            break;
        case Marker::TableOpen:
            line.tableOpen = true;
            break;
        case Marker::TableClose:
            line.tableClose = true;
            break;
        case Marker::Caption:
            line.caption = true;
            break;
        case Marker::S:
            line.sColumn = w.col;
            break;
        case Marker::C:
            line.cColumns.append(w.col);
            break;
        case Marker::Fn:
            line.footnotes = true;
            break;
        default:
            break;
        }
    }
    const auto wordText = [&](const Word &w) { return QStringView(text).mid(w.start, w.end - w.start); };
    for (qsizetype i = 0; i < kept.size(); ++i) {
        Word w = kept.at(i);
        const QStringView s = wordText(w);
        // "$" / "(" / "$(" before the figure it belongs to.
        if ((s == u"$" || s == u"US$" || s == u"(" || s == u"$(" || s == u"($") && i + 1 < kept.size()
            && kept.at(i + 1).col - w.colEnd <= 12) {
            const Word &n = kept.at(i + 1);
            if (!TableReader::parseNumber(text.mid(w.start, n.end - w.start)).isEmpty()) {
                w.end = n.end;
                w.colEnd = n.colEnd;
                ++i;
            }
        }
        // ")" / "%" after the figure, and footnote marks right after it.
        while (i + 1 < kept.size()) {
            const Word &n = kept.at(i + 1);
            const QStringView ns = wordText(n);
            const bool closing = ns == u")" || ns == u"%" || ns == u")%" || ns == u"%)";
            static const QRegularExpression mark(u"^(?:\\((?:[a-zA-Z]|[0-9]{1,2})\\)|\\*{1,3})$"_s);
            const bool footnote = n.col - w.colEnd <= 1 && (ns.startsWith(u'(') || ns.startsWith(u'*'))
                && mark.match(ns).hasMatch()
                && !TableReader::parseNumber(text.mid(w.start, w.end - w.start)).isEmpty();
            if (!((closing && n.col - w.colEnd <= 1) || footnote))
                break;
            w.end = n.end;
            w.colEnd = n.colEnd;
            ++i;
        }
        Token t;
        t.start = w.start;
        t.end = w.end;
        t.col = w.col;
        t.colEnd = w.colEnd;
        classify(text, &t);
        // "$ 7.50- $ 68.00": the end of a range, not a figure.
        if (!line.tokens.isEmpty() && t.col - line.tokens.last().colEnd <= 1) {
            const QChar before = text.at(line.tokens.last().end - 1);
            if (before == u'-' || before == QChar(0x2013))
                t.number.clear();
        }
        line.tokens.append(t);
    }
    return line;
}

// A note above or beside a table, not a header: "(In thousands, except per share amounts)".
bool isNote(const QString &text)
{
    const QString t = text.simplified();
    if (t.isEmpty())
        return false;
    if (t.startsWith(u'(') && t.endsWith(u')'))
        return true;
    return !TableReader::statedScale(t).isEmpty();
}

class BlockReader
{
public:
    BlockReader(const QString &text, const QList<Line> &lines, int page)
        : m_text(text)
        , m_lines(lines)
        , m_page(page)
    {
    }

    // header: header lines (text and rule lines), body: body lines; notes: scale notes
    // beside the table; before: the text above it; span: the whole table.
    bool read(const QList<int> &header, const QList<int> &body, const QString &notes, const QString &before,
              SourceSpan span, int labelLimit, FilingTable *out);

private:
    QString textOf(int start, int end) const { return m_text.mid(start, end - start); }
    int figureStart(const Line &line, int labelLimit) const;

    const QString &m_text;
    const QList<Line> &m_lines;
    int m_page;
};

int BlockReader::figureStart(const Line &line, int labelLimit) const
{
    // The figures are the numbers at the end of the line, each two spaces or more from
    // the words before them ("… 150,000 shares authorized; 162,679,893" ends a label) and
    // not left of where the labels end.
    int k = int(line.tokens.size());
    while (k > 0) {
        const Token &t = line.tokens.at(k - 1);
        if (t.number.isEmpty() || t.col < labelLimit - 3)
            break;
        if (k >= 2) {
            const Token &before = line.tokens.at(k - 2);
            if (before.number.isEmpty() && t.col - before.colEnd < 2)
                break;
        }
        --k;
    }
    // The first word of a line is its label, unless it stands where the figures do.
    if (k == 0 && !line.tokens.isEmpty() && line.tokens.first().col < labelLimit - 2)
        k = 1;
    return k;
}

bool isPercentHeader(const QString &column)
{
    static const QRegularExpression re(u"%|\\bpercent|\\bpct\\b|\\brate$"_s, QRegularExpression::CaseInsensitiveOption);
    return re.match(column).hasMatch();
}

bool BlockReader::read(const QList<int> &header, const QList<int> &body, const QString &notes, const QString &before,
                       SourceSpan span, int labelLimit, FilingTable *out)
{
    if (body.size() > TextTableReader::kMaxRows)
        return false;
    // Where the labels end: the given limit (the first <C> marker), else the leftmost
    // figure that follows a label.
    if (labelLimit < 0) {
        labelLimit = INT_MAX;
        for (int li : body) {
            const Line &line = m_lines.at(li);
            const int k = figureStart(line, 0);
            if (k > 0 && k < line.tokens.size())
                labelLimit = qMin(labelLimit, line.tokens.at(k).col);
        }
        if (labelLimit == INT_MAX)
            labelLimit = 0;
    }

    // Columns: the union of where the figures stand.
    struct Interval
    {
        int col, colEnd;
    };
    QList<Interval> figures;
    for (int li : body) {
        const Line &line = m_lines.at(li);
        for (qsizetype k = figureStart(line, labelLimit); k < line.tokens.size(); ++k)
            figures.append({line.tokens.at(k).col, line.tokens.at(k).colEnd});
    }
    if (figures.size() < 2)
        return false;
    std::sort(figures.begin(), figures.end(), [](const Interval &a, const Interval &b) { return a.col < b.col; });
    QList<Interval> columns;
    for (const Interval &f : std::as_const(figures)) {
        if (!columns.isEmpty() && f.col < columns.last().colEnd)
            columns.last().colEnd = qMax(columns.last().colEnd, f.colEnd);
        else
            columns.append(f);
    }
    const int columnCount = int(columns.size()) + 1;
    if (qint64(columnCount) * (header.size() + body.size()) > TableReader::kMaxCells)
        return false;
    const auto columnOf = [&](int col, int colEnd) {
        for (int c = 0; c < columns.size(); ++c) {
            if (col < columns.at(c).colEnd && columns.at(c).col < colEnd)
                return c + 1;
        }
        return -1;
    };

    // Header lines: phrases, widened by the dashed lines under them, over the columns they reach.
    struct HeaderCell
    {
        int row;
        int line;
        int first, last; // columns
        int start, end;  // offsets
    };
    QList<HeaderCell> headerCells;
    int headerRows = 0;
    int labelIndent = INT_MAX;
    for (int li : body) {
        const Line &line = m_lines.at(li);
        if (!line.isRule() && figureStart(line, labelLimit) > 0)
            labelIndent = qMin(labelIndent, line.tokens.first().col);
    }
    if (labelIndent == INT_MAX)
        labelIndent = 0;
    {
        QList<QList<Phrase>> phrasesOfLine;
        QList<int> textLines;
        for (int li : header) {
            const Line &line = m_lines.at(li);
            if (line.isRule()) {
                if (phrasesOfLine.isEmpty())
                    continue;
                for (const Token &d : line.tokens) {
                    for (Phrase &p : phrasesOfLine.last()) {
                        if (p.col < d.colEnd && d.col < p.colEnd) {
                            p.col = qMin(p.col, d.col);
                            p.colEnd = qMax(p.colEnd, d.colEnd);
                        }
                    }
                }
                continue;
            }
            if (line.tokens.isEmpty())
                continue;
            QList<Phrase> phrases;
            for (const Token &t : line.tokens) {
                // An underline beside words ("COMMON STOCK" over "------------" and "AMOUNT")
                // widens the phrase above it and is no word of this line.
                if (t.rule) {
                    for (Phrase &p : phrasesOfLine.isEmpty() ? phrases : phrasesOfLine.last()) {
                        if (p.col < t.colEnd && t.col < p.colEnd) {
                            p.col = qMin(p.col, t.col);
                            p.colEnd = qMax(p.colEnd, t.colEnd);
                        }
                    }
                    continue;
                }
                if (!phrases.isEmpty() && t.col - phrases.last().colEnd <= 1) {
                    phrases.last().end = t.end;
                    phrases.last().colEnd = t.colEnd;
                } else {
                    phrases.append({t.start, t.end, t.col, t.colEnd});
                }
            }
            phrasesOfLine.append(phrases);
            textLines.append(li);
        }
        for (qsizetype i = 0; i < phrasesOfLine.size(); ++i) {
            QList<HeaderCell> row;
            for (const Phrase &p : std::as_const(phrasesOfLine.at(i))) {
                int first = -1, last = -1;
                // A phrase where the labels begin, or left of every figure, heads the labels.
                if (p.col <= labelIndent + 1 || columns.isEmpty() || p.colEnd <= columns.first().col) {
                    first = last = 0;
                } else {
                    for (int c = 0; c < columns.size(); ++c) {
                        if (p.col < columns.at(c).colEnd && columns.at(c).col < p.colEnd) {
                            if (first < 0)
                                first = c + 1;
                            last = c + 1;
                        }
                    }
                    if (first < 0) {
                        // Over no figure: the nearest column by its middle.
                        const double middle = (p.col + p.colEnd) / 2.0;
                        double best = 1e9;
                        for (int c = 0; c < columns.size(); ++c) {
                            const double d = qAbs((columns.at(c).col + columns.at(c).colEnd) / 2.0 - middle);
                            if (d < best) {
                                best = d;
                                first = last = c + 1;
                            }
                        }
                    }
                }
                if (!row.isEmpty() && first <= row.last().last) {
                    row.last().last = qMax(row.last().last, last);
                    row.last().end = p.end;
                } else {
                    row.append({headerRows, textLines.at(i), first, last, p.start, p.end});
                }
            }
            if (!row.isEmpty()) {
                headerCells += row;
                ++headerRows;
            }
        }
    }

    // Body rows: a label wrapped over lines is one label; a line under a dashed line is a subtotal.
    struct Row
    {
        int labelStart = -1, labelEnd = -1;
        int indent = 0;
        int lastLine = -1;
        bool subtotal = false;
        QList<Token> figures;
    };
    QList<Row> rows;
    bool afterRule = false;
    int previousLine = -2;
    for (int li : body) {
        const Line &line = m_lines.at(li);
        if (line.isRule()) {
            afterRule = true;
            previousLine = -2;
            continue;
        }
        if (line.tokens.isEmpty()) {
            previousLine = -2;
            continue;
        }
        const int k = figureStart(line, labelLimit);
        Row row;
        row.subtotal = afterRule && k < line.tokens.size();
        afterRule = false;
        if (k > 0) {
            row.labelStart = line.tokens.first().start;
            row.labelEnd = line.tokens.at(k - 1).end;
            row.indent = line.tokens.first().col;
        }
        row.figures = line.tokens.mid(k);
        row.lastLine = li;
        if (!rows.isEmpty() && previousLine == li - 1 && k > 0) {
            Row &p = rows.last();
            if (p.figures.isEmpty() && p.labelStart >= 0) {
                const QString previous = textOf(p.labelStart, p.labelEnd).simplified();
                const QChar first = m_text.at(row.labelStart);
                static const QRegularExpression dangling(
                    u"(?:[,;\\-]|\\b(?:and|or|of|for|the|in|to|from|on|by|with|less|net|including|excluding|per))$"_s,
                    QRegularExpression::CaseInsensitiveOption);
                if (!previous.endsWith(u':')
                    && (first.isLower() || first.isDigit() || first == u'(' || dangling.match(previous).hasMatch())) {
                    p.labelEnd = row.labelEnd;
                    p.figures = row.figures;
                    p.lastLine = li;
                    previousLine = li;
                    continue;
                }
            }
        }
        rows.append(row);
        previousLine = li;
    }
    if (rows.size() < 2)
        return false;

    const int rowCount = headerRows + int(rows.size());
    out->span = span;
    out->rowCount = rowCount;
    out->columnCount = columnCount;
    out->headerRows = headerRows;

    // Title: the last line of text above the table that is not a note or a page number.
    QString scaleSource = notes + u'\n';
    {
        const QStringList lines = before.split(u'\n', Qt::SkipEmptyParts);
        int taken = 0;
        bool prose = false; // the text right above is a sentence, not a heading
        static const QRegularExpression pageNumber(u"^(?:-\\s*)?\\d{1,3}(?:\\s*-)?$"_s);
        for (qsizetype i = lines.size() - 1; i >= 0 && taken < 3; --i) {
            const QString line = lines.at(i).simplified();
            if (line.isEmpty() || pageNumber.match(line).hasMatch() || line.startsWith(u'<')
                || isRuleText(QString(line).remove(u' ')))
                continue;
            ++taken;
            scaleSource.prepend(line + u'\n');
            if (!out->title.isEmpty() || prose || isNote(line))
                continue;
            // A heading starts with a capital or a figure and is no sentence's end.
            if (line.size() > 100 || !(line.at(0).isUpper() || line.at(0).isDigit()) || line.endsWith(u'.')
                || line.endsWith(u',') || line.endsWith(u';'))
                prose = true;
            else
                out->title = line;
        }
    }
    for (const HeaderCell &h : std::as_const(headerCells))
        scaleSource += textOf(h.start, h.end) + u'\n';
    for (qsizetype r = 0; r < qMin<qsizetype>(2, rows.size()); ++r) {
        if (rows.at(r).figures.isEmpty() && rows.at(r).labelStart >= 0)
            scaleSource += textOf(rows.at(r).labelStart, rows.at(r).labelEnd) + u'\n';
    }
    out->scale = TableReader::statedScale(scaleSource);
    const QString shareScale = TableReader::shareScale(scaleSource, out->scale);
    bool dollars = scaleSource.contains(u'$') || scaleSource.contains(u"dollar"_s, Qt::CaseInsensitive);

    // Column headers, top to bottom: a phrase wrapped over lines above one column is one
    // text ("Accu-" "mulated" → "Accumulated"); levels are joined by " | ".
    out->columnHeaders.resize(columnCount);
    out->rowHeaders.resize(rowCount);
    for (int c = 0; c < columnCount; ++c) {
        QStringList parts;
        int previousLine = -1;
        std::pair<int, int> previousRange{-1, -1};
        for (const HeaderCell &h : std::as_const(headerCells)) {
            if (c < h.first || c > h.last)
                continue;
            const QString t = textOf(h.start, h.end).simplified();
            bool ruleBetween = false;
            for (int li = previousLine + 1; previousLine >= 0 && li < h.line; ++li)
                ruleBetween = ruleBetween || m_lines.at(li).isRule()
                    || (c > 0 && std::any_of(m_lines.at(li).tokens.cbegin(), m_lines.at(li).tokens.cend(),
                                             [&](const Token &t) {
                                                 return t.rule && t.col < columns.at(c - 1).colEnd
                                                     && columns.at(c - 1).col < t.colEnd;
                                             }));
            // Lines over the same columns with no underline between them are one phrase.
            const bool sameRange = previousRange == std::pair{h.first, h.last};
            if (!parts.isEmpty() && sameRange && !ruleBetween) {
                QString &last = parts.last();
                if (last.endsWith(u'-') && last.size() > 1 && last.at(last.size() - 2).isLetter())
                    last = last.chopped(1) + t;
                else
                    last += u' ' + t;
            } else if (parts.isEmpty() || parts.last() != t) {
                parts.append(t);
            }
            previousLine = h.line;
            previousRange = {h.first, h.last};
        }
        out->columnHeaders[c] = parts.join(u" | "_s);
    }

    // Without a heading above, the text over the labels names the table ("RESULTS OF OPERATIONS").
    if (out->title.isEmpty() && !out->columnHeaders.isEmpty() && out->columnHeaders.first().size() <= 100
        && !isNote(out->columnHeaders.first()))
        out->title = out->columnHeaders.first();

    // Row labels with their parents, from indentation, section lines and subtotals.
    struct Parent
    {
        int indent;
        QString label;
        bool section;
        bool colon; // "Assets:"
    };
    QList<Parent> parents;
    bool previousSection = false;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const Row &row = rows.at(r);
        if (row.labelStart < 0) {
            previousSection = false;
            continue;
        }
        const QString text = TableReader::simplifiedLabel(textOf(row.labelStart, row.labelEnd));
        const bool section = row.figures.isEmpty();
        const bool named = text.startsWith(u"total"_s, Qt::CaseInsensitive);
        const bool total = named || row.subtotal;
        // A line at the indent of the one above is its sibling; one less indented closes it.
        // A section line right under another at its indent ("Assets:" over "Current
        // assets:") is nested in it.
        const bool nested = section && previousSection && !parents.isEmpty() && parents.last().section
            && parents.last().colon && parents.last().indent == row.indent;
        while (!nested && !parents.isEmpty() && parents.last().indent >= row.indent)
            parents.removeLast();
        previousSection = section;
        if (total) {
            // A total closes the rows it adds up and stays in their section; "Total X"
            // belongs to the section named X, or to none.
            while (!parents.isEmpty() && !parents.last().section)
                parents.removeLast();
            if (named) {
                const QString what = text.mid(5).trimmed();
                qsizetype keep = parents.size();
                while (keep > 0 && parents.at(keep - 1).label.compare(what, Qt::CaseInsensitive) != 0)
                    --keep;
                parents.resize(keep);
            }
        }
        QStringList chain;
        for (const Parent &p : std::as_const(parents))
            chain.append(p.label);
        chain.append(text);
        out->rowHeaders[headerRows + r] = chain.join(u" > "_s);
        if (!total)
            parents.append({row.indent, text, section, textOf(row.labelStart, row.labelEnd).trimmed().endsWith(u':')});
    }

    // Columns of dollars or of percentages.
    QSet<int> dollarColumns;
    QHash<int, int> figureCount, percentCount;
    for (const Row &row : std::as_const(rows)) {
        for (const Token &t : row.figures) {
            const int c = columnOf(t.col, t.colEnd);
            ++figureCount[c];
            if (t.percent)
                ++percentCount[c];
            if (t.currency) {
                dollarColumns.insert(c);
                dollars = true;
            }
        }
    }

    for (const HeaderCell &h : std::as_const(headerCells)) {
        TableCell cell;
        cell.row = h.row;
        cell.column = h.first;
        cell.columnSpan = h.last - h.first + 1;
        cell.header = true;
        cell.text = textOf(h.start, h.end);
        cell.span = SourceSpan{m_page, h.start, h.end};
        out->cells.append(cell);
    }
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const Row &row = rows.at(r);
        const int gridRow = headerRows + int(r);
        if (row.labelStart >= 0) {
            TableCell cell;
            cell.row = gridRow;
            cell.column = 0;
            cell.rowLabel = true;
            cell.text = textOf(row.labelStart, row.labelEnd);
            cell.span = SourceSpan{m_page, row.labelStart, row.labelEnd};
            out->cells.append(cell);
        }
        // A dash in a row of percentages ("Percentage of net sales  25.5%  --") is 0 %.
        const qsizetype rowPercents = std::count_if(row.figures.cbegin(), row.figures.cend(),
                                                    [](const Token &t) { return t.percent; });
        const bool percentRow = 2 * rowPercents > row.figures.size();
        int lastColumn = 0;
        for (const Token &t : row.figures) {
            const int c = columnOf(t.col, t.colEnd);
            if (c <= lastColumn) {
                // Two figures under one column: the cell holds both, as text.
                TableCell &previous = out->cells.last();
                if (previous.row == gridRow && previous.column == c) {
                    previous.span.end = t.end;
                    previous.text = textOf(previous.span.start, t.end);
                    previous.value.clear();
                    previous.unit.clear();
                    previous.scale.clear();
                }
                continue;
            }
            lastColumn = c;
            TableCell cell;
            cell.row = gridRow;
            cell.column = c;
            cell.text = textOf(t.start, t.end);
            cell.span = SourceSpan{m_page, t.start, t.end};
            const QString &label = out->rowHeaders.at(gridRow);
            const QString &column = out->columnHeaders.at(c);
            static const QRegularExpression priceHeader(
                u"\\bprice\\b|grant[- ]date fair value|fair value per|per (?:share|unit)"_s,
                QRegularExpression::CaseInsensitiveOption);
            const bool percentColumn = 2 * percentCount.value(c) > figureCount.value(c);
            // "Shares used in computing earnings per share (in thousands) > Basic": a count,
            // in the scale its label states.
            bool shareCount = false;
            for (const QString &part : label.split(u" > "_s))
                shareCount = shareCount || TableReader::isShareCount(part);
            const QString labelScale = TableReader::statedScale(label);
            const bool dash = t.number == u"0"_s && t.dashes;
            if (t.percent || (percentColumn && !t.currency) || isPercentHeader(column) || (percentRow && dash)) {
                cell.unit = u"%"_s;
                cell.value = t.number;
            } else if (!(shareCount && !t.currency)
                       && (TableReader::isPerShare(label) || TableReader::isPerShare(column)
                           || priceHeader.match(column).hasMatch())) {
                cell.unit = u"USD/shares"_s;
                cell.value = t.number;
            } else if ((shareCount || TableReader::isShareCount(column, true)) && !t.currency) {
                cell.unit = u"shares"_s;
                cell.scale = labelScale.isEmpty() ? shareScale : labelScale;
                cell.value = TableReader::scaled(t.number, TableReader::exponentOf(cell.scale));
            } else {
                cell.unit = (t.currency || dollarColumns.contains(c) || dollars) ? u"USD"_s : QString();
                cell.scale = labelScale.isEmpty() ? out->scale : labelScale;
                cell.value = TableReader::scaled(t.number, TableReader::exponentOf(cell.scale));
            }
            out->cells.append(cell);
        }
    }
    // Not a data table: fewer than two figures, or a table of contents (items and
    // parts, or one column of page numbers).
    int numbers = 0, labels = 0, itemLabels = 0;
    bool pageColumn = columnCount == 2;
    static const QRegularExpression noteMark(u"^\\((?:[0-9]{1,2}|[a-zA-Z])\\)$"_s);
    for (const TableCell &cell : std::as_const(out->cells)) {
        // "(1)" beside an exhibit's name marks a note more often than it is minus one.
        if (cell.isNumber() && !noteMark.match(cell.text).hasMatch()) {
            ++numbers;
            if (cell.value.contains(u'.') || cell.value.startsWith(u'-') || cell.value.size() > 3
                || cell.text.contains(u'$'))
                pageColumn = false;
        }
        if (cell.rowLabel) {
            ++labels;
            static const QRegularExpression itemRe(u"^(?:Item|Part|ITEM|PART)\\s+[0-9IVX]"_s);
            if (itemRe.match(cell.text).hasMatch())
                ++itemLabels;
        }
    }
    static const QRegularExpression pageWord(u"\\bpages?\\b|contents|\\bindex\\b"_s, QRegularExpression::CaseInsensitiveOption);
    if (numbers < 2 || (labels > 0 && itemLabels * 2 >= labels)
        || (pageColumn && pageWord.match(scaleSource + out->columnHeaders.join(u' ')).hasMatch()))
        return false;
    return true;
}

} // namespace

TableList TextTableReader::readPage(const QString &text, int page)
{
    TableList result;
    if (text.isEmpty())
        return result;
    QList<Line> lines;
    for (int start = 0; start <= text.size();) {
        int end = int(text.indexOf(u'\n', start));
        if (end < 0)
            end = int(text.size());
        int trimmedEnd = end;
        if (trimmedEnd > start && text.at(trimmedEnd - 1) == u'\r')
            --trimmedEnd;
        lines.append(tokenize(text, start, trimmedEnd));
        start = end + 1;
    }
    const int n = int(lines.size());
    BlockReader reader(text, lines, page);
    QList<bool> used(n, false);
    int previousEnd = 0; // offset where the previous table ended

    const auto beforeText = [&](int lineIndex) {
        const int from = qMax(previousEnd, lines.at(qMax(0, lineIndex - 12)).start);
        const int to = lines.at(lineIndex).start;
        return text.mid(from, qMax(0, to - from));
    };
    const auto lastTextEnd = [&](int lineIndex) {
        int e = lines.at(lineIndex).end;
        while (e > lines.at(lineIndex).start && text.at(e - 1).isSpace())
            --e;
        return e;
    };
    const auto firstTextStart = [&](int lineIndex) {
        int s = lines.at(lineIndex).start;
        while (s < lines.at(lineIndex).end && text.at(s).isSpace())
            ++s;
        return s;
    };

    // <TABLE> blocks, and a table's end carried over from the previous page.
    QList<std::pair<int, int>> blocks; // [first, last] line indexes
    bool opened = false;
    for (int i = 0; i < n; ++i) {
        if (lines.at(i).tableClose && !lines.at(i).tableOpen && !opened) {
            opened = true;
            blocks.append({0, i});
            continue;
        }
        opened = opened || lines.at(i).tableOpen;
        if (!lines.at(i).tableOpen)
            continue;
        int j = i;
        while (j + 1 < n && !lines.at(j).tableClose)
            ++j;
        blocks.append({i, j});
        i = j;
    }
    struct Found
    {
        int first, last;
        FilingTable table;
    };
    QList<Found> found;
    for (const auto &[first, last] : std::as_const(blocks)) {
        for (int i = first; i <= last; ++i)
            used[i] = true;
        if (found.size() >= TableReader::kMaxTablesPerPage)
            break;
        int sLine = -1;
        int labelLimit = -1;
        for (int i = first; i <= last; ++i) {
            if (lines.at(i).isMarkers()) {
                sLine = i;
                const Line &m = lines.at(i);
                if (!m.cColumns.isEmpty())
                    labelLimit = *std::min_element(m.cColumns.cbegin(), m.cColumns.cend());
                break;
            }
        }
        QString notes;
        QList<int> header, body;
        int fn = last + 1;
        for (int i = first; i <= last; ++i) {
            if (lines.at(i).footnotes) {
                fn = i;
                break;
            }
        }
        for (int i = first; i <= qMin(last, fn - 1); ++i) {
            const Line &line = lines.at(i);
            if (line.isMarkers() && i == sLine)
                continue;
            const bool beforeBody = sLine >= 0 && i < sLine;
            if ((line.tableOpen || line.caption) && !line.tokens.isEmpty()) {
                const QString rest = text.mid(line.tokens.first().start, line.end - line.tokens.first().start);
                if (isNote(rest) || (line.tableOpen && !beforeBody)) {
                    notes += rest + u'\n';
                    continue;
                }
            }
            (beforeBody ? header : body).append(i);
        }
        if (sLine < 0) {
            // No markers: the lines above the first figure are the header.
            qsizetype k = 0;
            while (k < body.size()) {
                const Line &line = lines.at(body.at(k));
                const bool figure = std::any_of(line.tokens.cbegin(), line.tokens.cend(),
                                                [](const Token &t) { return !t.number.isEmpty(); });
                if (figure)
                    break;
                ++k;
            }
            header = body.mid(0, k);
            body = body.mid(k);
        }
        FilingTable table;
        const SourceSpan span{page, firstTextStart(first), lastTextEnd(last)};
        if (reader.read(header, body, notes, beforeText(first), span, labelLimit, &table)) {
            previousEnd = lines.at(last).end;
            found.append({first, last, std::move(table)});
        }
    }

    // Figures aligned in columns outside <TABLE> blocks.
    const auto figureRun = [&](const Line &line, int *firstFigure) {
        // As BlockReader::figureStart: numbers at the end, two spaces or more from the words.
        int k = int(line.tokens.size());
        while (k > 1 && !line.tokens.at(k - 1).number.isEmpty()) {
            const Token &before = line.tokens.at(k - 2);
            if (before.number.isEmpty() && line.tokens.at(k - 1).col - before.colEnd < 2)
                break;
            --k;
        }
        *firstFigure = k;
        return int(line.tokens.size()) - k;
    };
    const auto isCandidate = [&](int i) {
        const Line &line = lines.at(i);
        if (used.at(i) || line.tokens.size() < 2)
            return false;
        int k = 0;
        const int count = figureRun(line, &k);
        if (count == 0)
            return false;
        const Token &f = line.tokens.at(k);
        const Token &p = line.tokens.at(k - 1);
        return f.col >= 16 && f.col - p.colEnd >= 2;
    };
    for (int i = 0; i < n && found.size() < TableReader::kMaxTablesPerPage; ++i) {
        if (!isCandidate(i))
            continue;
        QList<int> body{i};
        int candidates = 1, labelled = 0;
        {
            int k = 0;
            figureRun(lines.at(i), &k);
            labelled += k > 0 ? 1 : 0;
        }
        int j = i + 1, gap = 0, blanks = 0;
        int leftmost = INT_MAX; // the leftmost figure so far
        const auto noteFigures = [&](int li) {
            int k = 0;
            figureRun(lines.at(li), &k);
            leftmost = qMin(leftmost, lines.at(li).tokens.at(k).col);
        };
        noteFigures(i);
        // A line of labels only, left of the figures: a section line or a wrapped label.
        const auto labelOnly = [&](const Line &line) {
            return !line.tokens.isEmpty() && !line.isRule()
                && (line.tokens.last().colEnd < leftmost + 8
                    || text.mid(line.start, line.end - line.start).trimmed().endsWith(u':'));
        };
        QList<int> pending;
        for (; j < n && body.size() < kMaxRows; ++j) {
            const Line &line = lines.at(j);
            if (isCandidate(j)) {
                body += pending;
                pending.clear();
                body.append(j);
                noteFigures(j);
                ++candidates;
                ++labelled;
                gap = blanks = 0;
                continue;
            }
            blanks = line.isBlank() ? blanks + 1 : 0;
            if (used.at(j) || line.tooLong || ++gap > 6 || blanks > 2)
                break;
            // Between rows: blank and dashed lines, section labels ("Current assets:").
            if (!line.isBlank() && !line.isRule() && !labelOnly(line))
                break;
            pending.append(j);
        }
        if (candidates < 3 || labelled < 2) {
            continue;
        }
        // Aligned: nearly every figure shares its column with another.
        QList<std::pair<int, int>> spans;
        for (int li : std::as_const(body)) {
            int k = 0;
            figureRun(lines.at(li), &k);
            for (qsizetype t = k; t < lines.at(li).tokens.size(); ++t)
                spans.append({lines.at(li).tokens.at(t).col, lines.at(li).tokens.at(t).colEnd});
        }
        std::sort(spans.begin(), spans.end());
        int aligned = 0, clusterSize = 0, clusterEnd = -1;
        for (const auto &[c, e] : std::as_const(spans)) {
            if (c < clusterEnd) {
                ++clusterSize;
                clusterEnd = qMax(clusterEnd, e);
            } else {
                aligned += clusterSize >= 2 ? clusterSize : 0;
                clusterSize = 1;
                clusterEnd = e;
            }
        }
        aligned += clusterSize >= 2 ? clusterSize : 0;
        if (spans.size() < 4 || aligned * 10 < spans.size() * 9) {
            i = body.last();
            continue;
        }
        // Header: the lines right above with text over the figures.
        int minFigure = INT_MAX;
        for (const auto &[c, e] : std::as_const(spans))
            minFigure = qMin(minFigure, c);
        // Section lines right above the first row ("REVENUES") belong to the body.
        int top = i;
        for (int h = i - 1, blank = 0; h >= 0 && h >= i - 4 && !used.at(h); --h) {
            const Line &line = lines.at(h);
            if (line.isBlank() && ++blank <= 1)
                continue;
            if (line.isBlank() || line.tooLong || !labelOnly(line) || line.tokens.first().col > leftmost / 2)
                break;
            top = h;
            blank = 0;
        }
        for (int h = top; h < i; ++h) {
            if (!lines.at(h).isBlank())
                body.prepend(h);
        }
        std::sort(body.begin(), body.end());
        // Header: the lines above with text over the figures, and stub lines between them.
        const auto over = [&](const Line &line) {
            return std::any_of(line.tokens.cbegin(), line.tokens.cend(),
                               [&](const Token &t) { return t.colEnd > minFigure - 2; });
        };
        QList<int> header;
        {
            int h = top - 1;
            if (h >= 0 && lines.at(h).isBlank())
                --h; // one blank line between the header and the body
            for (; h >= 0 && h >= top - 10 && !used.at(h); --h) {
                const Line &line = lines.at(h);
                // A blank line between two header lines ("Domestic   Sears Canada" over the years).
                if (line.isBlank() && !header.isEmpty() && h > 0 && !used.at(h - 1) && over(lines.at(h - 1))
                    && !isCandidate(h - 1) && !lines.at(h - 1).tooLong)
                    continue;
                if (line.isBlank() || line.tooLong || isCandidate(h))
                    break;
                if (!over(line) && !(h > 0 && over(lines.at(h - 1)) && !lines.at(h - 1).isBlank()))
                    break;
                header.prepend(h);
            }
        }
        const int first = header.isEmpty() ? body.first() : header.first();
        const int last = body.last();
        FilingTable table;
        const SourceSpan span{page, firstTextStart(first), lastTextEnd(last)};
        if (reader.read(header, body, QString(), beforeText(first), span, -1, &table)) {
            for (int k = first; k <= last; ++k)
                used[k] = true;
            found.append({first, last, std::move(table)});
        }
        i = last;
    }
    std::sort(found.begin(), found.end(), [](const Found &a, const Found &b) { return a.first < b.first; });
    for (Found &f : found)
        result.append(std::move(f.table));
    return result;
}

TableList TextTableReader::read(const DocumentContent &content, const std::atomic_bool *cancel)
{
    TableList tables;
    for (const DocumentPart &part : content.parts) {
        if (part.kind != DocumentPart::Kind::Text)
            continue;
        for (int p = part.firstPage; p < part.firstPage + part.pageCount && p < content.text.pages.size(); ++p) {
            if (cancel && cancel->load())
                return tables;
            tables += readPage(content.text.pages.at(p), p);
        }
    }
    // A statement continued on the next page states its scale on the first.
    static const QRegularExpression continued(u"\\bcontinued\\b"_s, QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 1; i < tables.size(); ++i) {
        FilingTable &table = tables[i];
        const FilingTable &previous = tables.at(i - 1);
        if (!table.scale.isEmpty() || previous.scale.isEmpty() || previous.span.page + 1 < table.span.page
            || !continued.match(table.title).hasMatch())
            continue;
        table.scale = previous.scale;
        for (TableCell &cell : table.cells) {
            if (cell.unit != u"USD"_s)
                continue;
            cell.scale = previous.scale;
            cell.value = TableReader::scaled(cell.value, TableReader::exponentOf(previous.scale));
        }
    }
    return tables;
}
