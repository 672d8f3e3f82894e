#include "tablereader.h"

#include "pdftablereader.h"

#include "document/htmlloader.h"
#include "document/backgroundpriority.h"
#include "document/workerpool.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtGui/QTextBlock>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtGui/QTextFrame>
#include <QtGui/QTextTable>

#include <algorithm>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTables, "filinglens.tables")

namespace {

// One cell of the grid as laid out, before it is known to be data.
struct RawCell
{
    int row = 0;
    int column = 0;
    int rowSpan = 1;
    int columnSpan = 1;
    SourceSpan span;
    QString text;
    QString number; // parseNumber(text), before scale
    bool percent = false;
    bool currency = false;
    bool nested = false; // holds a table of its own
    bool year = false;   // a bare year ("2023"): a header, not a figure
    double indent = 0;
};

bool isDash(QChar c)
{
    return c == u'-' || c == QChar(0x2014) || c == QChar(0x2013) || c == QChar(0x2012) || c == QChar(0x2212);
}

QString keyScale(const QString &word)
{
    return word.toLower();
}

bool isPerShareLabel(const QString &label)
{
    // "Cash dividends declared, $1.06 per share": the row's figures are totals.
    static const QRegularExpression rate(u"\\$\\s*[0-9.]+\\s+per\\b"_s, QRegularExpression::CaseInsensitiveOption);
    if (rate.match(label).hasMatch())
        return false;
    // "Weighted-average shares used in computing net loss per share": a count.
    static const QRegularExpression count(
        u"^(?:weighted[- ]average\\s+)?(?:number\\s+of\\s+)?(?:basic\\s+|diluted\\s+)?(?:common\\s+|ordinary\\s+)?shares\\b|\\bshares\\s+used\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (count.match(label.section(u" > "_s, -1)).hasMatch())
        return false;
    // "Preferred stock ($25.00 par value per share; 10.0 million shares authorized ...)".
    static const QRegularExpression capital(u"par value.*\\b(?:authorized|issued|outstanding)\\b"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    if (capital.match(label.section(u" > "_s, -1)).hasMatch())
        return false;
    static const QRegularExpression re(
        u"per\\s+(?:common\\s+|ordinary\\s+|basic\\s+|diluted\\s+|weighted[- ]average\\s+|limited\\s+partner\\s+)*(?:share|unit|ads|stock)|\\bEPS\\b|earnings per|price per|dividends? (?:declared|paid) per|book value per"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(label).hasMatch();
}

// A count of shares (or units, options) rather than an amount of money: "Weighted-average
// shares outstanding", "Number of shares", a column headed "Shares". A label merely naming
// shares ("Purchase of treasury shares", "Common shares") is a money amount.
bool isShareCountLabel(const QString &label, bool header = false)
{
    static const QRegularExpression re(
        u"number of (?:\\w+\\s+){0,3}(?:shares|options|units|rsus|warrants)"
        "|weighted[- ]average\\b(?!.*\\b(?:price|rate|cost|interest|exercise|fair|grant|remaining|life|term|discount|yield|maturity)\\b)"
        "|\\bshares\\s+(?:of common stock\\s+)?(?:outstanding|used|issued|authorized|repurchased|purchased|granted|vested|forfeited)\\b"
        "|\\(in shares\\)"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (header) {
        // A column headed "Shares", "Number", "Class A Common Stock Shares".
        static const QRegularExpression column(
            u"(?:^|\\| )number(?: of shares)?$|(?<!per )\\bshares(?: \\(in (?:thousands|millions)\\))?$"_s,
            QRegularExpression::CaseInsensitiveOption);
        if (column.match(label).hasMatch())
            return true;
    }
    // "Common stock, $0.0001 par value; 200,000,000 shares authorized": a money line.
    static const QRegularExpression money(u"par value|\\$"_s, QRegularExpression::CaseInsensitiveOption);
    const QString last = label.section(u" > "_s, -1);
    return re.match(label).hasMatch() && !isPerShareLabel(label) && !money.match(last).hasMatch();
}

// A table's cells laid out, and what the reader found in them.
class Grid
{
public:
    Grid(QTextTable *table, const QString &pageText, int page)
        : m_table(table)
        , m_text(pageText)
        , m_page(page)
    {
    }

    // A grid laid out elsewhere (a PDF page): cells placed by position, spans in the page text.
    Grid(const QList<TableReader::PlacedCell> &cells, int rows, int columns, const SourceSpan &span,
         const QString &pageText);

    bool read(FilingTable *out, const QString &before);

private:
    void collectCells();
    bool isData() const;
    int headerRowCount() const;
    const RawCell *at(int row, int column) const
    {
        const int index = m_index.value(row * m_columns + column, -1);
        return index < 0 ? nullptr : &m_cells.at(index);
    }

    QTextTable *m_table = nullptr;
    SourceSpan m_span; // without a QTextTable: the table's span
    const QString &m_text;
    int m_page;
    int m_rows = 0;
    int m_columns = 0;
    QList<RawCell> m_cells;
    QHash<int, int> m_index; // row * columns + column → the cell covering it
};

RawCell rawCell(const QString &pageText, int page, int first, int last)
{
    RawCell raw;
    while (first < last && pageText.at(first).isSpace())
        ++first;
    while (last > first && pageText.at(last - 1).isSpace())
        --last;
    raw.span = SourceSpan{page, first, last};
    raw.text = pageText.mid(first, last - first);
    raw.number = TableReader::parseNumber(raw.text, &raw.percent, &raw.currency);
    static const QRegularExpression yearRe(u"^(?:19|20)\\d\\d$"_s);
    raw.year = yearRe.match(raw.text).hasMatch();
    return raw;
}

Grid::Grid(const QList<TableReader::PlacedCell> &cells, int rows, int columns, const SourceSpan &span,
           const QString &pageText)
    : m_span(span)
    , m_text(pageText)
    , m_page(span.page)
    , m_rows(rows)
    , m_columns(columns)
{
    for (const TableReader::PlacedCell &placed : cells) {
        const int first = qBound(0, placed.span.start, int(m_text.size()));
        const int last = qBound(first, placed.span.end, int(m_text.size()));
        RawCell raw = rawCell(m_text, m_page, first, last);
        raw.row = placed.row;
        raw.column = placed.column;
        raw.rowSpan = placed.rowSpan;
        raw.columnSpan = placed.columnSpan;
        raw.indent = placed.indent;
        const int index = int(m_cells.size());
        for (int r = raw.row; r < raw.row + raw.rowSpan; ++r) {
            for (int c = raw.column; c < raw.column + raw.columnSpan; ++c)
                m_index.insert(r * m_columns + c, index);
        }
        m_cells.append(raw);
    }
}

void Grid::collectCells()
{
    m_rows = m_table->rows();
    m_columns = m_table->columns();
    QList<std::pair<int, int>> nestedRanges;
    for (QTextFrame *child : m_table->childFrames())
        nestedRanges.append({child->firstPosition(), child->lastPosition()});
    for (int r = 0; r < m_rows; ++r) {
        for (int c = 0; c < m_columns; ++c) {
            const QTextTableCell cell = m_table->cellAt(r, c);
            if (!cell.isValid())
                continue;
            if (cell.row() != r || cell.column() != c) {
                const int corner = m_index.value(cell.row() * m_columns + cell.column(), -1);
                if (corner >= 0)
                    m_index.insert(r * m_columns + c, corner);
                continue;
            }
            RawCell raw;
            raw.row = r;
            raw.column = c;
            raw.rowSpan = cell.rowSpan();
            raw.columnSpan = cell.columnSpan();
            int first = qBound(0, cell.firstPosition(), int(m_text.size()));
            int last = qBound(first, cell.lastPosition(), int(m_text.size()));
            for (const auto &[from, to] : std::as_const(nestedRanges)) {
                if (from >= first && to <= last)
                    raw.nested = true;
            }
            while (first < last && m_text.at(first).isSpace())
                ++first;
            while (last > first && m_text.at(last - 1).isSpace())
                --last;
            raw.span = SourceSpan{m_page, first, last};
            raw.text = m_text.mid(first, last - first);
            if (!raw.nested) {
                raw.number = TableReader::parseNumber(raw.text, &raw.percent, &raw.currency);
                static const QRegularExpression yearRe(u"^(?:19|20)\\d\\d$"_s);
                raw.year = yearRe.match(raw.text).hasMatch();
            }
            const QTextTableCellFormat format = cell.format().toTableCellFormat();
            const QTextBlock block = m_table->document()->findBlock(cell.firstPosition());
            const QTextBlockFormat bf = block.blockFormat();
            raw.indent = format.leftPadding() + bf.leftMargin() + bf.textIndent() + bf.indent() * 20;
            m_index.insert(r * m_columns + c, int(m_cells.size()));
            m_cells.append(raw);
        }
    }
}

bool Grid::isData() const
{
    // A data table has figures in at least two cells beyond its first column, and
    // at least two rows and columns with text.
    int figures = 0;
    int textCells = 0;
    QSet<int> rowsWithText, columnsWithText;
    int itemLabels = 0;
    int labels = 0;
    for (const RawCell &cell : m_cells) {
        if (cell.nested)
            return false;
        if (cell.text.isEmpty())
            continue;
        ++textCells;
        rowsWithText.insert(cell.row);
        columnsWithText.insert(cell.column);
        if (!cell.number.isEmpty() && !cell.year && cell.column > 0)
            ++figures;
        if (cell.column == 0) {
            ++labels;
            static const QRegularExpression itemRe(u"^(?:Item|Part|ITEM|PART)\\s+[0-9IVX]"_s);
            if (itemRe.match(cell.text).hasMatch())
                ++itemLabels;
        }
    }
    if (figures < 2 || rowsWithText.size() < 2 || columnsWithText.size() < 2)
        return false;
    // A table of contents: items and parts with page numbers.
    if (labels > 0 && itemLabels * 2 >= labels)
        return false;
    return true;
}

int Grid::headerRowCount() const
{
    // Header rows run from the top to the last row before the first figure that has
    // text beyond the label column (bare years over columns are headers); a line with
    // only a label there ("Revenues:") already belongs to the body.
    int headers = 0;
    for (int r = 0; r < m_rows; ++r) {
        bool figure = false;
        bool label = false;
        bool beyondLabel = false;
        for (int c = 0; c < m_columns; ++c) {
            const RawCell *cell = at(r, c);
            if (!cell || cell->row != r || cell->column != c || cell->text.isEmpty())
                continue;
            if (!cell->number.isEmpty() && !cell->year)
                figure = true;
            if (cell->year && c == 0)
                label = true;
            if (c > 0)
                beyondLabel = true;
        }
        if (figure || label)
            return headers;
        if (beyondLabel)
            headers = r + 1;
    }
    return m_rows;
}

bool Grid::read(FilingTable *out, const QString &before)
{
    if (m_table) {
        if (qint64(m_table->rows()) * m_table->columns() > TableReader::kMaxCells)
            return false;
        collectCells();
    } else if (qint64(m_rows) * m_columns > TableReader::kMaxCells) {
        return false;
    }
    if (!isData())
        return false;

    out->span = m_table ? SourceSpan{m_page, m_table->firstPosition(), m_table->lastPosition()} : m_span;
    out->rowCount = m_rows;
    out->columnCount = m_columns;
    out->headerRows = headerRowCount();
    if (out->headerRows >= m_rows)
        return false;

    // Title: the last line of text before the table that is not a scale note alone.
    QString scaleSource;
    {
        const QStringList lines = before.split(u'\n', Qt::SkipEmptyParts);
        int taken = 0;
        for (qsizetype i = lines.size() - 1; i >= 0 && taken < 3; --i) {
            const QString line = lines.at(i).simplified();
            if (line.isEmpty())
                continue;
            ++taken;
            scaleSource.prepend(line + u'\n');
            // "(in millions)", "(Unaudited)": notes, not titles.
            const bool scaleOnly = line.startsWith(u'(') && line.endsWith(u')') && line.size() < 80;
            if (out->title.isEmpty() && !scaleOnly && line.size() <= 200)
                out->title = line;
        }
    }
    for (int r = 0; r < out->headerRows; ++r) {
        for (int c = 0; c < m_columns; ++c) {
            if (const RawCell *cell = at(r, c); cell && cell->row == r && cell->column == c)
                scaleSource += cell->text + u'\n';
        }
    }
    // The top-left cell often states the scale ("(In millions)") above the labels.
    for (int r = out->headerRows; r < qMin(m_rows, out->headerRows + 2); ++r) {
        if (const RawCell *cell = at(r, 0); cell && cell->number.isEmpty())
            scaleSource += cell->text + u'\n';
    }
    out->scale = TableReader::statedScale(scaleSource);
    const QString shareScale = TableReader::shareScale(scaleSource, out->scale);
    bool dollars = scaleSource.contains(u'$') || scaleSource.contains(u"dollar"_s, Qt::CaseInsensitive);
    for (const RawCell &cell : std::as_const(m_cells)) {
        if (cell.currency || cell.text == u"$"_s)
            dollars = true;
    }

    // Column headers: the header texts above each column, top to bottom.
    out->columnHeaders.resize(m_columns);
    for (int c = 0; c < m_columns; ++c) {
        QStringList parts;
        for (int r = 0; r < out->headerRows; ++r) {
            const RawCell *cell = at(r, c);
            if (!cell)
                continue;
            const QString t = cell->text.simplified();
            if (!t.isEmpty() && (parts.isEmpty() || parts.last() != t))
                parts.append(t);
        }
        out->columnHeaders[c] = parts.join(u" | "_s);
    }
    // A figure whose own column has no header (a "$" column took the header's place)
    // takes the header of the nearest column to its left that has one, within its span.
    for (int c = 1; c < m_columns; ++c) {
        if (out->columnHeaders.at(c).isEmpty() && out->headerRows > 0) {
            for (int k = c - 1; k > 0 && k >= c - 2; --k) {
                if (!out->columnHeaders.at(k).isEmpty()) {
                    out->columnHeaders[c] = out->columnHeaders.at(k);
                    break;
                }
            }
        }
    }

    // Row labels with their parents, from indentation and section lines ("Revenues:").
    struct Parent
    {
        double indent;
        QString label;
        bool section;
    };
    QList<Parent> parents;
    out->rowHeaders.resize(m_rows);
    QList<int> labelColumn(m_rows, -1);
    for (int r = out->headerRows; r < m_rows; ++r) {
        const RawCell *label = nullptr;
        bool figures = false;
        for (int c = 0; c < m_columns; ++c) {
            const RawCell *cell = at(r, c);
            // A label merged over several rows labels each of them.
            if (!cell || cell->column != c || cell->text.isEmpty() || (cell->row != r && !cell->number.isEmpty()))
                continue;
            if (!cell->number.isEmpty() && !cell->year) {
                figures = true;
                break;
            }
            if (!label && cell->text != u"$"_s && !isDash(cell->text.at(0)))
                label = cell;
        }
        if (!label)
            continue;
        labelColumn[r] = label->column;
        const QString text = TableReader::simplifiedLabel(label->text);
        const bool section = !figures;
        const bool total = text.startsWith(u"total"_s, Qt::CaseInsensitive);
        while (!parents.isEmpty()) {
            const Parent &top = parents.last();
            if (top.indent > label->indent + 0.5)
                parents.removeLast();
            else if (qAbs(top.indent - label->indent) <= 0.5 && (!top.section || section || total))
                parents.removeLast();
            else
                break;
        }
        QStringList chain;
        for (const Parent &p : std::as_const(parents))
            chain.append(p.label);
        chain.append(text);
        out->rowHeaders[r] = chain.join(u" > "_s);
        if (!total)
            parents.append({label->indent, text, section});
    }

    // The cells, with "$", "%" and ")" in cells of their own joined to their figure.
    const auto neighbour = [&](const RawCell &cell, int step) -> const RawCell * {
        for (int c = cell.column + (step > 0 ? cell.columnSpan : -1); c >= 0 && c < m_columns; c += step) {
            const RawCell *n = at(cell.row, c);
            if (!n || n->row != cell.row)
                return nullptr;
            if (!n->text.isEmpty())
                return n;
        }
        return nullptr;
    };
    QSet<int> dollarColumns;
    QSet<int> percentColumns; // a column whose figures carry "%" (on some rows only, as printed)
    {
        // A column takes "%" for all its figures when most of them carry it.
        QHash<int, int> figures, percents;
        for (const RawCell &cell : std::as_const(m_cells)) {
            if (cell.row < out->headerRows || cell.number.isEmpty() || cell.year)
                continue;
            ++figures[cell.column];
            const RawCell *next = neighbour(cell, 1);
            if (cell.percent || (next && next->number.isEmpty() && next->text.startsWith(u'%')))
                ++percents[cell.column];
        }
        // A "Change" column prints "%" on its first and last rows only.
        static const QRegularExpression changeHeader(u"\\b(?:change|variance)\\b"_s,
                                                     QRegularExpression::CaseInsensitiveOption);
        for (auto it = percents.cbegin(); it != percents.cend(); ++it) {
            if (2 * it.value() > figures.value(it.key())
                || (out->columnHeaders.value(it.key()).contains(changeHeader) && !out->columnHeaders.value(it.key()).contains(u'$')))
                percentColumns.insert(it.key());
        }
    }
    for (const RawCell &cell : std::as_const(m_cells)) {
        if (cell.row >= out->headerRows && (cell.currency || cell.text == u"$"_s))
            percentColumns.remove(cell.column + (cell.text == u"$"_s ? 1 : 0));
    }
    for (const RawCell &cell : std::as_const(m_cells)) {
        if (cell.row < out->headerRows)
            continue;
        if (cell.currency && !cell.number.isEmpty())
            dollarColumns.insert(cell.column);
        if (cell.text == u"$"_s || cell.text == u"$("_s) {
            if (const RawCell *n = neighbour(cell, 1))
                dollarColumns.insert(n->column);
        }
    }
    for (const RawCell &raw : std::as_const(m_cells)) {
        TableCell cell;
        cell.row = raw.row;
        cell.column = raw.column;
        cell.rowSpan = raw.rowSpan;
        cell.columnSpan = raw.columnSpan;
        cell.header = raw.row < out->headerRows;
        cell.rowLabel = !cell.header && labelColumn.value(raw.row, -1) == raw.column;
        cell.text = raw.text;
        cell.span = raw.span;
        if (!cell.header && !cell.rowLabel && !raw.number.isEmpty() && !raw.year) {
            QString number = raw.number;
            bool percent = raw.percent;
            bool ownCurrency = raw.currency; // a "$" on this figure, not only above it
            bool currency = raw.currency || dollarColumns.contains(raw.column);
            const RawCell *next = neighbour(raw, 1);
            const RawCell *previous = neighbour(raw, -1);
            if (next && next->number.isEmpty()) {
                if (next->text.startsWith(u'%') || next->text.startsWith(u")%"_s) || next->text == u"pts"_s)
                    percent = percent || next->text.contains(u'%');
                if (next->text.startsWith(u')') && raw.text.startsWith(u'(') && !number.startsWith(u'-')
                    && number != u"0"_s)
                    number.prepend(u'-');
            }
            if (previous && previous->number.isEmpty()) {
                if (previous->text == u"$"_s || previous->text == u"$("_s)
                    currency = ownCurrency = true;
                if (previous->text.endsWith(u'(') && !number.startsWith(u'-') && number != u"0"_s
                    && next && next->text.startsWith(u')'))
                    number.prepend(u'-');
            }
            const QString &label = out->rowHeaders.at(raw.row);
            const QString &column = out->columnHeaders.at(raw.column);
            // A header wrapped over lines ("Total Number | of Shares | Purchased") read as one.
            const QString joined = QString(column).replace(u" | "_s, u" "_s);
            static const QRegularExpression percentHeader(u"%|\\bpercent|\\bpct\\b|\\brate$"_s, QRegularExpression::CaseInsensitiveOption);
            // "Weighted-Average Exercise Price", "Grant Date Fair Value": per-share money.
            static const QRegularExpression priceHeader(u"\\bprice\\b|grant[- ]date fair value|fair value per|per (?:share|unit)"_s,
                                                        QRegularExpression::CaseInsensitiveOption);
            // "Overhead ratio", "Compensation expense as percentage of total net revenue"
            // under "(in millions, except ratios)": a percentage printed without "%".
            static const QRegularExpression ratioLabel(
                u"\\bratio$|\\bas (?:a )?percent(?:age)? of\\b"_s, QRegularExpression::CaseInsensitiveOption);
            const bool ratio = !ownCurrency && ratioLabel.match(label.section(u" > "_s, -1)).hasMatch()
                && scaleSource.contains(u"ratio"_s, Qt::CaseInsensitive);
            if (percent || ratio || (percentColumns.contains(raw.column) && !ownCurrency) || percentHeader.match(column).hasMatch()) {
                cell.unit = u"%"_s;
                cell.value = number;
            } else if (isPerShareLabel(label) || isPerShareLabel(column) || isPerShareLabel(joined)
                       || priceHeader.match(joined).hasMatch()) {
                cell.unit = u"USD/shares"_s;
                cell.value = number;
            } else if ((isShareCountLabel(label) || isShareCountLabel(column, true) || isShareCountLabel(joined, true))
                       && !ownCurrency) {
                cell.unit = u"shares"_s;
                cell.scale = shareScale;
                cell.value = TableReader::scaled(number, TableReader::exponentOf(shareScale));
            } else {
                cell.unit = (currency || dollars) ? u"USD"_s : QString();
                cell.scale = out->scale;
                cell.value = TableReader::scaled(number, TableReader::exponentOf(out->scale));
            }
        }
        out->cells.append(cell);
    }
    return true;
}

// Tables of a frame and the frames within it, outermost first, in document order.
void collectTables(QTextFrame *frame, QList<QTextTable *> *tables)
{
    for (QTextFrame *child : frame->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(child))
            tables->append(table);
        collectTables(child, tables);
    }
}

QString normalizedDecimal(QString d)
{
    bool negative = d.startsWith(u'-');
    if (negative || d.startsWith(u'+'))
        d.remove(0, 1);
    qsizetype dot = d.indexOf(u'.');
    QString whole = dot < 0 ? d : d.left(dot);
    QString fraction = dot < 0 ? QString() : d.mid(dot + 1);
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    if (whole.isEmpty())
        whole = u"0"_s;
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    QString result = fraction.isEmpty() ? whole : whole + u'.' + fraction;
    if (negative && result != u"0"_s)
        result.prepend(u'-');
    return result;
}

} // namespace

QString TableReader::parseNumber(const QString &input, bool *percent, bool *currency)
{
    if (percent)
        *percent = false;
    if (currency)
        *currency = false;
    QString text = input.simplified();
    text.replace(QChar(0x2212), u'-');
    if (text.isEmpty() || text.size() > 40)
        return {};
    // Footnote marks after the figure: "1,234 (a)", "1,234(1)", "12.5%*".
    static const QRegularExpression footnote(
        u"(?<=[0-9)%\u2014\u2013-])\\s*(?:\\((?:[a-zA-Z]|[0-9]{1,2}|[ivx]{1,4})\\)|\\*{1,3}|[\u2020\u2021\u00a7\u00b9\u00b2\u00b3\u2074-\u2079]+)$"_s);
    for (int i = 0; i < 3; ++i) {
        const QRegularExpressionMatch m = footnote.match(text);
        if (!m.hasMatch())
            break;
        // "(1)" right after a figure is a mark; "(1,234)" alone is a figure.
        const QString rest = text.left(m.capturedStart()).trimmed();
        if (rest.isEmpty())
            break;
        text = rest;
    }
    static const QRegularExpression dash(u"^(?:\\$|US\\$)?\\s*\\(?\\s*[-\u2014\u2013\u2012]+\\s*\\)?\\s*(%)?$"_s);
    if (const QRegularExpressionMatch m = dash.match(text); m.hasMatch()) {
        if (percent)
            *percent = m.hasCaptured(1);
        if (currency)
            *currency = text.contains(u'$');
        return u"0"_s;
    }
    static const QRegularExpression number(
        u"^(\\$|US\\$)?\\s*(\\()?\\s*(\\$)?\\s*([-+])?\\s*(\\$)?\\s*((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?|\\.[0-9]+)\\s*(%)?\\s*(\\))?\\s*(%)?$"_s);
    const QRegularExpressionMatch m = number.match(text);
    if (!m.hasMatch())
        return {};
    const bool open = m.hasCaptured(2);
    const bool close = m.hasCaptured(8);
    if (close && !open)
        return {};
    QString digits = m.captured(6);
    digits.remove(u',');
    if (digits.startsWith(u'.'))
        digits.prepend(u'0');
    const bool negative = open || m.captured(4) == u"-"_s;
    if (percent)
        *percent = m.hasCaptured(7) || m.hasCaptured(9);
    if (currency)
        *currency = m.hasCaptured(1) || m.hasCaptured(3) || m.hasCaptured(5);
    return normalizedDecimal(negative ? u"-"_s + digits : digits);
}

QString TableReader::scaled(const QString &decimal, int exponent)
{
    if (decimal.isEmpty() || exponent == 0)
        return decimal;
    QString d = decimal;
    const bool negative = d.startsWith(u'-');
    if (negative)
        d.remove(0, 1);
    const qsizetype dot = d.indexOf(u'.');
    QString whole = dot < 0 ? d : d.left(dot);
    QString fraction = dot < 0 ? QString() : d.mid(dot + 1);
    if (exponent > 0) {
        while (fraction.size() < exponent)
            fraction.append(u'0');
        whole += fraction.left(exponent);
        fraction = fraction.mid(exponent);
    } else {
        while (whole.size() < -exponent)
            whole.prepend(u'0');
        fraction.prepend(whole.right(-exponent));
        whole.chop(-exponent);
    }
    const QString result = fraction.isEmpty() ? whole : whole + u'.' + fraction;
    return normalizedDecimal(negative ? u"-"_s + result : result);
}

bool TableReader::sameNumber(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    return normalizedDecimal(a) == normalizedDecimal(b);
}

bool TableReader::agreesWithFact(const TableCell &cell, const QString &factValue, const QString &factUnit)
{
    if (!cell.isNumber() || factValue.isEmpty())
        return false;
    const auto magnitude = [](const QString &v) {
        return v.startsWith(u'-') ? normalizedDecimal(v.mid(1)) : normalizedDecimal(v);
    };
    const QString fact = magnitude(factValue);
    if (magnitude(cell.value) == fact)
        return true;
    const bool percent = cell.unit == u"%"_s || (cell.unit.isEmpty() && factUnit == u"pure"_s);
    return percent && magnitude(scaled(cell.value, -2)) == fact;
}

QString TableReader::shareScale(const QString &scaleSource, const QString &scale)
{
    static const QRegularExpression shareException(
        u"except\\s+(?:for\\s+)?(?:the\\s+)?(?:number\\s+of\\s+)?shares?\\b(?!\\s+data)|except\\s+share\\b|shares?\\s+(?:and\\s+[a-z ]+)?in\\s+(?:thousands|millions|billions)"_s,
        QRegularExpression::CaseInsensitiveOption);
    // "(Dollars in millions)", "($ in thousands)": share counts are not scaled.
    static const QRegularExpression dollarScale(
        u"(?:\\$|dollars)\\s+in\\s+(?:thousands|millions|billions)|\\(\\s*\\$\\s*(?:in\\s+)?(?:thousands|millions|billions)|(?:thousands|millions|billions)\\s+of\\s+(?:u\\.s\\.\\s+)?dollars"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = shareException.match(scaleSource); m.hasMatch())
        return statedScale(m.captured(0));
    if (dollarScale.match(scaleSource).hasMatch())
        return {};
    return scale;
}

QString TableReader::statedScale(const QString &text)
{
    static const QRegularExpression re(
        u"\\bin\\s+(?:(?:u\\.s\\.\\s+)?(?:\\$|dollars|us\\$|usd|euros?|amounts)\\s+)?(?:\\$\\s*)?(thousands|millions|billions)\\b"
        "|\\(\\s*(?:\\$|us\\$|dollars|amounts)?\\s*(thousands|millions|billions)\\b"
        "|\\b(thousands|millions|billions)\\s+of\\s+(?:u\\.s\\.\\s+)?dollars\\b"
        "|\\(\\s*\\$\\s*(?:in\\s+)?(000s?|mm|m)\\s*\\)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    for (int i = 1; i <= 3; ++i) {
        if (m.hasCaptured(i))
            return keyScale(m.captured(i));
    }
    const QString abbreviation = m.captured(4).toLower();
    return abbreviation.startsWith(u'0') ? u"thousands"_s : u"millions"_s;
}

namespace {

// Applies a scale stated elsewhere to a table that states none: amounts (and share
// counts when `shares`), not percentages or per-share figures.
void applyScale(FilingTable *table, const QString &scale, bool shares)
{
    table->scale = scale;
    for (TableCell &cell : table->cells) {
        if (!cell.isNumber() || cell.header || cell.rowLabel || cell.unit == u"%"_s
            || cell.unit == u"USD/shares"_s || (cell.unit == u"shares"_s && !shares))
            continue;
        cell.scale = scale;
        cell.value = TableReader::scaled(cell.value, TableReader::exponentOf(scale));
    }
}

// Only a table of dollar amounts takes the scale of the statement above it.
void inheritScale(FilingTable *table, const QString &scale)
{
    const bool dollars = std::any_of(table->cells.cbegin(), table->cells.cend(),
                                     [](const TableCell &c) { return c.unit == u"USD"_s; });
    if (dollars)
        applyScale(table, scale, false);
}

} // namespace

bool TableReader::readPlacedCells(const QList<PlacedCell> &cells, int rows, int columns, const SourceSpan &span,
                                  const QString &pageText, const QString &before, FilingTable *out)
{
    if (rows <= 0 || columns <= 0 || qint64(rows) * columns > kMaxCells)
        return false;
    Grid grid(cells, rows, columns, span, pageText);
    return grid.read(out, before);
}

TableList TableReader::readPage(const QString &sheetHtml, const QString &pageText, int page)
{
    if (!sheetHtml.contains(u"<table"_s, Qt::CaseInsensitive))
        return {};
    std::unique_ptr<QTextDocument> document = HtmlLoader::makeDocument(sheetHtml);
    if (document->toPlainText() != pageText) {
        qCWarning(lcTables) << "page" << page + 1 << "lays out differently from its text; its tables are not read";
        return {};
    }
    return readDocument(sheetHtml, *document, pageText, page);
}

TableList TableReader::readDocument(const QString &sheetHtml, const QTextDocument &sheet, const QString &pageText,
                                    int page)
{
    if (!sheetHtml.contains(u"<table"_s, Qt::CaseInsensitive))
        return {};
    QList<QTextTable *> tables;
    collectTables(sheet.rootFrame(), &tables);
    TableList result;
    int previousEnd = 0;
    for (QTextTable *table : std::as_const(tables)) {
        if (result.size() >= kMaxTablesPerPage)
            break;
        // The text between the previous data table (or 600 characters back) and this
        // one holds its title and stated scale.
        const int first = table->firstPosition();
        const int from = qMax(qMax(0, first - 600), previousEnd);
        const QString before = pageText.mid(from, qMax(0, first - from));
        FilingTable out;
        Grid grid(table, pageText, page);
        if (grid.read(&out, before)) {
            // The second statement of a page ("For the Six Months Ended") under the
            // same heading as the first states its scale only once, above the first.
            if (out.scale.isEmpty() && !result.isEmpty() && !result.last().scale.isEmpty())
                inheritScale(&out, result.last().scale);
            result.append(std::move(out));
            previousEnd = table->lastPosition();
        }
    }
    return result;
}

TableList TableReader::read(const DocumentContent &content, const std::atomic_bool *cancel)
{
    struct Job
    {
        int part;
        int sheet;
        int page;
    };
    // found[i] holds what job i reads; a part whose tables the loader read has one
    // slot (no job) with them, in its place among the pages.
    std::vector<Job> jobs;
    std::vector<TableList> found;
    std::vector<size_t> slotOfJob;
    for (int p = 0; p < content.parts.size(); ++p) {
        const DocumentPart &part = content.parts.at(p);
        if (part.kind == DocumentPart::Kind::Pdf) {
            // A PDF's tables from where its words are printed (PdfTableReader), a job a page.
            for (int page = part.firstPage; page < part.firstPage + part.pageCount && page < content.pdfWords.size();
                 ++page) {
                if (!content.pdfWords.at(page).isEmpty()) {
                    jobs.push_back({p, -1, page});
                    slotOfJob.push_back(found.size());
                    found.emplace_back();
                }
            }
            continue;
        }
        if (part.kind != DocumentPart::Kind::Html)
            continue;
        if (part.tablesRead) {
            found.push_back(part.tables);
            continue;
        }
        for (int s = 0; s < part.sheets.size() && s < part.pageCount; ++s) {
            if (part.sheets.at(s).contains(u"<table"_s, Qt::CaseInsensitive)) {
                jobs.push_back({p, s, part.firstPage + s});
                slotOfJob.push_back(found.size());
                found.emplace_back();
            }
        }
    }
    // As HtmlLoader::load: the caller and helpers on the pool take the next page until
    // none is left, so a caller that is itself a pool thread never waits for a queue.
    std::atomic_int next{0};
    const int last = int(jobs.size());
    const auto work = [&] {
        BackgroundPriority::enter();
        for (int i = next++; i < last; i = next++) {
            if (cancel && cancel->load())
                return;
            const Job &job = jobs[size_t(i)];
            const QString &page = content.text.pages.at(job.page);
            found[slotOfJob[size_t(i)]] = job.sheet < 0
                ? PdfTableReader::readPage(page, content.pdfWords.at(job.page), job.page)
                : readPage(content.parts.at(job.part).sheets.at(job.sheet), page, job.page);
        }
    };
    std::vector<QFuture<void>> helpers;
    for (int k = 1; k < workerPool()->maxThreadCount() && k < last; ++k)
        helpers.push_back(QtConcurrent::run(workerPool(), work));
    work();
    for (QFuture<void> &h : helpers)
        h.waitForFinished();

    // A note stated once for what follows ("(Dollars and shares in millions, unless
    // otherwise noted, except per share data)" above a filing's notes) scales the
    // later tables that state no scale of their own.
    static const QRegularExpression standing(
        u"\\((?:dollars|amounts|\\$)[^)]{0,60}?\\bin\\s+(thousands|millions|billions)[^)]{0,60}?unless\\s+otherwise\\s+(?:noted|indicated|stated)"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString standingScale;
    bool standingShares = false;
    int scannedPage = -1;
    const FilingTable *previous = nullptr;
    static const QRegularExpression continued(u"\\bcontinued\\b"_s, QRegularExpression::CaseInsensitiveOption);
    for (TableList &list : found) {
        for (FilingTable &table : list) {
            // A statement continued on the next page states its scale on the first.
            if (table.scale.isEmpty() && previous && !previous->scale.isEmpty()
                && previous->span.page + 1 >= table.span.page
                && (continued.match(table.title).hasMatch()
                    || (!table.title.isEmpty() && table.title == previous->title)))
                inheritScale(&table, previous->scale);
            previous = &table;
            for (int p = scannedPage + 1; p <= table.span.page && p < content.text.pages.size(); ++p) {
                const QString &text = content.text.pages.at(p);
                QRegularExpressionMatchIterator it = standing.globalMatch(text);
                while (it.hasNext()) {
                    const QRegularExpressionMatch m = it.next();
                    if (p == table.span.page && m.capturedStart() > table.span.start)
                        break;
                    standingScale = m.captured(1).toLower();
                    standingShares = m.captured(0).contains(u"shares"_s, Qt::CaseInsensitive);
                }
            }
            scannedPage = table.span.page - 1;
            if (standingScale.isEmpty() || !table.scale.isEmpty())
                continue;
            applyScale(&table, standingScale, standingShares);
        }
    }

    // Filers often state the scale once for the statements and notes ("Dollars in
    // millions" at the top of the notes) and not again above each table: a table of
    // dollar amounts that states none takes the scale most of the filing's tables state,
    // unless it prints full amounts (a figure of eight or more digits).
    QMap<QString, int> stated;
    for (const TableList &list : found) {
        for (const FilingTable &table : list) {
            if (!table.scale.isEmpty())
                ++stated[table.scale];
        }
    }
    QString usual;
    for (auto it = stated.cbegin(); it != stated.cend(); ++it) {
        if (usual.isEmpty() || it.value() > stated.value(usual))
            usual = it.key();
    }
    if (!usual.isEmpty()) {
        for (TableList &list : found) {
            for (FilingTable &table : list) {
                if (!table.scale.isEmpty())
                    continue;
                bool dollars = false;
                bool fullAmounts = false;
                for (const TableCell &cell : std::as_const(table.cells)) {
                    if (!cell.isNumber() || cell.header || cell.rowLabel)
                        continue;
                    dollars = dollars || cell.unit == u"USD"_s;
                    const QString digits = cell.value.section(u'.', 0, 0).remove(u'-');
                    fullAmounts = fullAmounts || digits.size() >= 8;
                }
                if (dollars && !fullAmounts)
                    applyScale(&table, usual, false);
            }
        }
    }

    // Facts by page, to reconcile numeric cells.
    std::map<int, QList<const XbrlFact *>> factsByPage;
    for (const XbrlFact &fact : content.xbrlFacts) {
        if (fact.numeric && fact.span.isValid() && !fact.hidden)
            factsByPage[fact.span.page].append(&fact);
    }
    const bool inlineXbrl = !content.xbrlFacts.isEmpty();
    TableList tables;
    for (TableList &list : found) {
        for (FilingTable &table : list) {
            const auto pageFacts = factsByPage.find(table.span.page);
            for (TableCell &cell : table.cells) {
                if (!cell.isNumber() || !inlineXbrl)
                    continue;
                cell.xbrl = pageFacts == factsByPage.end() ? u"untagged"_s : xbrlCheck(cell, pageFacts->second);
            }
            tables.append(std::move(table));
        }
    }
    return tables;
}

bool TableReader::isPerShare(const QString &label)
{
    return isPerShareLabel(label);
}

bool TableReader::isShareCount(const QString &label, bool columnHeader)
{
    return isShareCountLabel(label, columnHeader);
}

int TableReader::exponentOf(const QString &scale)
{
    if (scale == u"thousands"_s)
        return 3;
    if (scale == u"millions"_s)
        return 6;
    if (scale == u"billions"_s)
        return 9;
    return 0;
}

QString TableReader::simplifiedLabel(QString label)
{
    label = label.simplified();
    while (label.endsWith(u':'))
        label.chop(1);
    return label.trimmed();
}

QString TableReader::xbrlCheck(const TableCell &cell, const QList<const XbrlFact *> &facts)
{
    bool overlapped = false;
    for (const XbrlFact *fact : facts) {
        if (!fact->span.overlaps(cell.span))
            continue;
        overlapped = true;
        if (agreesWithFact(cell, fact->value, fact->unit))
            return u"agrees"_s;
    }
    return overlapped ? u"differs"_s : u"untagged"_s;
}
