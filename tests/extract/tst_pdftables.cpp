#include "document/documentcache.h"
#include "document/filingdocument.h"
#include "document/pdfloader.h"
#include "extract/pdftablereader.h"
#include "extract/tablereader.h"
#include "session/filingsession.h"
#include "testutils.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// A page laid out as a PDF prints it: each line's words at given x positions (points),
// returned as the page text and its words with boxes, as PdfLoader::wordBoxes gives them.
struct Page
{
    QString text;
    QList<TextBox> words;

    // `cells`: (x, text) pairs of one line; a text's words are set 5 points a character.
    void line(const QList<std::pair<double, QString>> &cells, double y)
    {
        for (const auto &[x, cellText] : cells) {
            double left = x;
            for (const QString &word : cellText.split(u' ', Qt::SkipEmptyParts)) {
                if (!text.isEmpty() && !text.endsWith(u'\n'))
                    text += u' ';
                const int start = int(text.size());
                text += word;
                words.append(TextBox{start, int(text.size()), float(left), float(y), float(left + 5 * word.size()),
                                     float(y + 8)});
                left += 5 * word.size() + 3;
            }
        }
        text += u" \n"_s;
    }
};

QString describe(const FilingTable &table, const TableCell &cell)
{
    return u"%1|%2|%3|%4|%5"_s.arg(table.rowHeaders.value(cell.row), table.columnHeaders.value(cell.column),
                                   cell.value, cell.unit, cell.scale);
}

QStringList figures(const FilingTable &table)
{
    QStringList out;
    for (const TableCell &cell : table.cells) {
        if (cell.isNumber() && !cell.header && !cell.rowLabel)
            out.append(describe(table, cell));
    }
    return out;
}

} // namespace

class TestPdfTables : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wordsOfGlyphRects();
    void wordsOfPhraseRects();
    void unmatchedLinesGiveNoWords();
    void wordsOfJoinedHyphenLines();
    void wordsOfLinesOverTwoPrintedLines();
    void statement();
    void changesAndPerShare();
    void proseIsNoTable();
    void captionLineAndMarkedLabel();
    void longCaptionAndPeriodOverAllColumns();
    void figuresPrintedCloseAndWideBoxes();
    void corpusSpansAreThePageText_data();
    void corpusSpansAreThePageText();

private:
    QTemporaryDir m_cache;
};

void TestPdfTables::initTestCase()
{
    QVERIFY(m_cache.isValid());
    DocumentCache::setFolder(m_cache.path());
}

void TestPdfTables::wordsOfGlyphRects()
{
    // A rect per glyph (a browser's print): every word gets the union of its glyphs.
    const QString text = u"Net 1,234 \nab"_s;
    QList<QRectF> rects;
    for (int i = 0; i < 3; ++i)
        rects.append(QRectF(10 + 5 * i, 100, 4, 8));
    for (int i = 0; i < 5; ++i)
        rects.append(QRectF(200 + 5 * i, 100, 4, 8));
    rects.append(QRectF(10, 120, 4, 8));
    rects.append(QRectF(15, 120, 4, 8));
    const QList<TextBox> words = PdfLoader::wordBoxes(text, rects);
    QCOMPARE(words.size(), 3);
    QCOMPARE(text.mid(words[1].start, words[1].end - words[1].start), u"1,234"_s);
    QCOMPARE(words[1].left, 200.0f);
    QCOMPARE(words[1].right, 224.0f);
    QCOMPARE(words[2].top, 120.0f);
}

void TestPdfTables::wordsOfPhraseRects()
{
    // A rect per text object (Workiva, a printer's typesetting): a label of several words,
    // a figure with "$" apart, a raised footnote mark touching its word.
    const QString text = u"Total net revenue(b) $ 12,519 (46)%"_s;
    const QList<QRectF> rects = {QRectF(50, 100, 70, 8), QRectF(120, 98, 8, 5), QRectF(300, 100, 35, 8),
                                 QRectF(400, 100, 22, 8)};
    const QList<TextBox> words = PdfLoader::wordBoxes(text, rects);
    QStringList got;
    for (const TextBox &w : words)
        got.append(text.mid(w.start, w.end - w.start));
    QCOMPARE(got, (QStringList{u"Total"_s, u"net"_s, u"revenue(b)"_s, u"$"_s, u"12,519"_s, u"(46)%"_s}));
    // Each word inside the rects that hold it, left to right.
    QCOMPARE(words[0].left, 50.0f);
    QVERIFY(words[1].left > words[0].right && words[2].left > words[1].right);
    QCOMPARE(words[2].right, 128.0f); // the mark's rect too
    QVERIFY(words[3].left >= 300 && words[4].right <= 335.01f && words[3].right < words[4].left);
    QCOMPARE(words[5].left, 400.0f);
}

void TestPdfTables::unmatchedLinesGiveNoWords()
{
    // Rects that cannot be the text's lines give nothing rather than wrong places.
    QVERIFY(PdfLoader::wordBoxes(u"one \ntwo \nthree"_s, {QRectF(0, 0, 10, 8)}).isEmpty());
    QVERIFY(PdfLoader::wordBoxes(QString(), {}).isEmpty());
}

void TestPdfTables::wordsOfJoinedHyphenLines()
{
    // PDFium joins a word hyphenated at a line end into one text line and gives the hyphen
    // as a glyph without Unicode mapping, though its rects stay on two printed lines: the
    // words still get their boxes, each on its own printed line.
    const QString text = u"Prior amount for wholesale lending\uFFFDrelated commitments, revised. \n163"_s;
    const QList<QRectF> rects = {QRectF(50, 100, 170, 8), QRectF(50, 112, 145, 8), QRectF(300, 700, 15, 8)};
    const QList<TextBox> words = PdfLoader::wordBoxes(text, rects);
    QStringList got;
    for (const TextBox &w : words)
        got.append(text.mid(w.start, w.end - w.start));
    QCOMPARE(got, (QStringList{u"Prior"_s, u"amount"_s, u"for"_s, u"wholesale"_s, u"lending\uFFFD"_s, u"related"_s,
                               u"commitments,"_s, u"revised."_s, u"163"_s}));
    QCOMPARE(words[4].top, 100.0f);
    QVERIFY(words[4].right <= 220.01f);
    QCOMPARE(words[5].top, 112.0f);
    QCOMPARE(words[5].left, 50.0f);
    QCOMPARE(words[8].top, 700.0f);
    // An unmapped glyph inside a line that matches its rects splits nothing.
    const QString one = u"Net \uFFFD 12 \nab"_s;
    const QList<TextBox> same = PdfLoader::wordBoxes(one, {QRectF(10, 100, 60, 8), QRectF(10, 120, 10, 8)});
    QCOMPARE(same.size(), 4);
    QCOMPARE(same[2].top, 100.0f);
}

void TestPdfTables::wordsOfLinesOverTwoPrintedLines()
{
    // PDFium gives a wrapped sentence as one text line though its rects lie on two printed
    // lines, and a column heading together with the caption beside it: no grouping of the
    // rects gives the text's lines, yet each word gets the box it is printed in.
    const QString text = u"Revenue rose in the quarter as rates went up \n(MILLIONS) Total \nNet income 1,204 \nExpense 310 "_s;
    const QList<QRectF> rects = {
        QRectF(50, 100, 135, 8), // Revenue rose in the quarter
        QRectF(50, 112, 80, 8), // as rates went up (the next printed line)
        QRectF(50, 138, 50, 8), // (MILLIONS), level with the figures' heading row
        QRectF(296, 126, 25, 8), // Total, a line higher
        QRectF(50, 150, 50, 8), QRectF(296, 150, 25, 8), // Net income 1,204
        QRectF(50, 162, 35, 8), QRectF(306, 162, 15, 8), // Expense 310
    };
    const QList<TextBox> words = PdfLoader::wordBoxes(text, rects);
    QStringList got;
    for (const TextBox &w : words)
        got.append(text.mid(w.start, w.end - w.start));
    QCOMPARE(got, (QStringList{u"Revenue"_s, u"rose"_s, u"in"_s, u"the"_s, u"quarter"_s, u"as"_s, u"rates"_s,
                               u"went"_s, u"up"_s, u"(MILLIONS)"_s, u"Total"_s, u"Net"_s, u"income"_s, u"1,204"_s,
                               u"Expense"_s, u"310"_s}));
    QCOMPARE(words[4].top, 100.0f);
    QVERIFY(words[4].right <= 185.01f);
    QCOMPARE(words[5].top, 112.0f);
    QCOMPARE(words[5].left, 50.0f);
    QCOMPARE(words[9].top, 138.0f);
    QCOMPARE(words[10].top, 126.0f);
    QCOMPARE(words[10].left, 296.0f);
    QCOMPARE(words[13].left, 296.0f);
    QCOMPARE(words[13].top, 150.0f);
    QCOMPARE(words[15].left, 306.0f);
    // The table under them is read with its heading.
    const TableList tables = PdfTableReader::readPage(text, words, 0);
    QCOMPARE(tables.size(), 1);
    QCOMPARE(figures(tables.first()), (QStringList{u"Net income|Total|1204000000||millions"_s,
                                                   u"Expense|Total|310000000||millions"_s}));
}

void TestPdfTables::statement()
{
    Page p;
    p.line({{50, u"Consolidated Statements of Income"_s}}, 40);
    p.line({{300, u"Year Ended December 31,"_s}}, 70);
    p.line({{50, u"(MILLIONS, EXCEPT PER SHARE DATA)"_s}, {280, u"2022"_s}, {360, u"2021"_s}}, 82);
    p.line({{50, u"Revenues"_s}, {250, u"$"_s}, {275, u"100,330"_s}, {330, u"$"_s}, {360, u"81,288"_s}}, 90);
    p.line({{50, u"Weighted-average shares––basic"_s}, {285, u"5,608"_s}, {365, u"5,601"_s}}, 98);
    p.line({{50, u"Costs and expenses:"_s}}, 106 + 0);
    p.line({{60, u"Cost of sales(a)"_s}, {280, u"34,344"_s}, {360, u"30,821"_s}}, 118);
    p.line({{60, u"Other (income)/deductions––net"_s}, {290, u"217"_s}, {355, u"(4,878)"_s}}, 130);
    p.line({{50, u"Earnings per common share––basic:"_s}}, 154);
    p.line({{60, u"Discontinued operations––net of tax"_s}, {295, u"—"_s}, {360, u"(0.08)"_s}}, 166);
    p.line({{50, u"See Accompanying Notes."_s}}, 220);
    const TableList tables = PdfTableReader::readPage(p.text, p.words, 3);
    QCOMPARE(tables.size(), 1);
    const FilingTable &t = tables.first();
    QCOMPARE(t.title, u"Consolidated Statements of Income"_s);
    QCOMPARE(t.scale, u"millions"_s);
    QCOMPARE(t.headerRows, 2);
    QCOMPARE(figures(t), (QStringList{
        u"Revenues|Year Ended December 31, | 2022|100330000000|USD|millions"_s,
        u"Revenues|Year Ended December 31, | 2021|81288000000|USD|millions"_s,
        u"Weighted-average shares––basic|Year Ended December 31, | 2022|5608000000|shares|millions"_s,
        u"Weighted-average shares––basic|Year Ended December 31, | 2021|5601000000|shares|millions"_s,
        u"Costs and expenses > Cost of sales(a)|Year Ended December 31, | 2022|34344000000|USD|millions"_s,
        u"Costs and expenses > Cost of sales(a)|Year Ended December 31, | 2021|30821000000|USD|millions"_s,
        u"Costs and expenses > Other (income)/deductions––net|Year Ended December 31, | 2022|217000000|USD|millions"_s,
        u"Costs and expenses > Other (income)/deductions––net|Year Ended December 31, | 2021|-4878000000|USD|millions"_s,
        u"Earnings per common share––basic > Discontinued operations––net of tax|Year Ended December 31, | 2022|0|USD/shares|"_s,
        u"Earnings per common share––basic > Discontinued operations––net of tax|Year Ended December 31, | 2021|-0.08|USD/shares|"_s,
    }));
    for (const TableCell &cell : t.cells) {
        QCOMPARE(cell.span.page, 3);
        QCOMPARE(p.text.mid(cell.span.start, cell.span.end - cell.span.start), cell.text);
    }
    // "$" printed apart joins its figure.
    QVERIFY(std::any_of(t.cells.cbegin(), t.cells.cend(), [](const TableCell &c) { return c.text == u"$ 100,330"_s; }));
}

void TestPdfTables::changesAndPerShare()
{
    // An earnings release: "(54%)" is -54 %, a per-share row is not scaled, a change
    // column printing "%" on its first row only is a percentage throughout.
    Page p;
    p.line({{50, u"($ in millions)"_s}, {250, u"Second-Quarter"_s}}, 60); // over the three columns
    p.line({{230, u"2023"_s}, {290, u"2022"_s}, {340, u"Change"_s}}, 72);
    p.line({{50, u"Revenues"_s}, {220, u"$ 12,734"_s}, {280, u"$ 27,742"_s}, {340, u"(54%)"_s}}, 84);
    p.line({{50, u"Reported Diluted EPS(2)"_s}, {235, u"0.41"_s}, {295, u"1.73"_s}, {345, u"(77)"_s}}, 96);
    const TableList tables = PdfTableReader::readPage(p.text, p.words, 0);
    QCOMPARE(tables.size(), 1);
    QCOMPARE(figures(tables.first()), (QStringList{
        u"Revenues|Second-Quarter | 2023|12734000000|USD|millions"_s,
        u"Revenues|Second-Quarter | 2022|27742000000|USD|millions"_s,
        u"Revenues|Second-Quarter | Change|-54|%|"_s,
        u"Reported Diluted EPS(2)|Second-Quarter | 2023|0.41|USD/shares|"_s,
        u"Reported Diluted EPS(2)|Second-Quarter | 2022|1.73|USD/shares|"_s,
        u"Reported Diluted EPS(2)|Second-Quarter | Change|-77|%|"_s,
    }));
}

void TestPdfTables::proseIsNoTable()
{
    // Figures inside sentences, a page number, a running footer: no table.
    Page p;
    p.line({{50, u"Revenues were $100.3 billion in 2022, up 23% from 2021, and"_s}}, 60);
    p.line({{50, u"costs rose 11% to $34.3 billion."_s}}, 72);
    p.line({{50, u"Pfizer Inc."_s}, {200, u"2022 Form 10-K"_s}, {400, u"47"_s}}, 700);
    QVERIFY(PdfTableReader::readPage(p.text, p.words, 0).isEmpty());
}

void TestPdfTables::captionLineAndMarkedLabel()
{
    // As PDFium gives a note's table: "(MILLIONS)" a text line of its own between the
    // column headers (each header a line too, in reading order), and a label over two
    // lines whose second carries a raised footnote mark apart from its words.
    Page p;
    p.line({{50, u"The following summarizes costs and credits:"_s}}, 40);
    p.line({{285, u"Three Months Ended"_s}}, 60);
    p.line({{50, u"(MILLIONS)"_s}}, 80);
    p.line({{295, u"July 2,"_s}}, 70);
    p.line({{300, u"2023"_s}}, 80);
    p.line({{335, u"July 3,"_s}}, 70);
    p.line({{340, u"2022"_s}}, 80);
    p.line({{50, u"Employee terminations"_s}, {285, u"$"_s}, {300, u"96"_s}, {325, u"$"_s}, {340, u"110"_s}}, 92);
    p.line({{50, u"Implementation costs recorded in our statements of"_s}}, 104);
    p.line({{58, u"income as follows"_s}, {150, u"(e):"_s}}, 112);
    p.line({{66, u"Cost of sales"_s}, {300, u"13"_s}, {340, u"(15)"_s}}, 122);
    p.line({{66, u"Total implementation costs"_s}, {300, u"98"_s}, {340, u"149"_s}}, 134);
    p.line({{50, u"(a) Primarily represents cost reduction initiatives, of $4 million."_s}}, 170);
    const TableList tables = PdfTableReader::readPage(p.text, p.words, 0);
    QCOMPARE(tables.size(), 1);
    const FilingTable &t = tables.first();
    QCOMPARE(t.scale, u"millions"_s);
    QStringList got;
    for (const TableCell &cell : t.cells) {
        if (cell.isNumber() && !cell.header && !cell.rowLabel)
            got.append(t.rowHeaders.value(cell.row).split(u" > "_s).constLast() % u'|'
                       % t.columnHeaders.value(cell.column) % u'|' % cell.value);
    }
    QCOMPARE(got, (QStringList{
        u"Employee terminations|Three Months Ended | July 2, | 2023|96000000"_s,
        u"Employee terminations|Three Months Ended | July 3, | 2022|110000000"_s,
        u"Cost of sales|Three Months Ended | July 2, | 2023|13000000"_s,
        u"Cost of sales|Three Months Ended | July 3, | 2022|-15000000"_s,
        u"Total implementation costs|Three Months Ended | July 2, | 2023|98000000"_s,
        u"Total implementation costs|Three Months Ended | July 3, | 2022|149000000"_s,
    }));
    // The footnote below is prose, not a row.
    QVERIFY(t.span.end < p.text.indexOf(u"(a) Primarily"_s));
}

void TestPdfTables::longCaptionAndPeriodOverAllColumns()
{
    // A caption of the label column beside the column headings, longer than "(MILLIONS)",
    // and a lone period centred over columns of different measures (Pfizer's non-GAAP
    // reconciliations); a sentence above the headings is neither.
    Page p;
    p.line({{20, u"The following presents the calculation of the figures:"_s}}, 20);
    p.line({{330, u"Three Months Ended July 3, 2022"_s}}, 40);
    p.line({{20, u"Data presented will not aggregate to totals."_s}}, 52);
    p.line({{300, u"Cost of"_s}, {380, u"Selling"_s}, {460, u"Other"_s}}, 52);
    p.line({{20, u"(MILLIONS)"_s}, {300, u"sales"_s}, {380, u"expenses"_s}, {460, u"net"_s}}, 62);
    p.line({{20, u"Reported"_s}, {300, u"8,648"_s}, {380, u"3,048"_s}, {460, u"772"_s}}, 74);
    p.line({{20, u"Adjusted"_s}, {300, u"8,625"_s}, {380, u"2,900"_s}, {460, u"(377)"_s}}, 86);
    const TableList tables = PdfTableReader::readPage(p.text, p.words, 0);
    QCOMPARE(tables.size(), 1);
    const QStringList got = figures(tables.first());
    QCOMPARE(got.size(), 6);
    QCOMPARE(got.first(), u"Reported|Three Months Ended July 3, 2022 | Cost of | sales|8648000000||millions"_s);
    QCOMPARE(got.last(), u"Adjusted|Three Months Ended July 3, 2022 | Other | net|-377000000||millions"_s);
    for (const QString &header : tables.first().columnHeaders)
        QVERIFY2(!header.contains(u"following"_s), qPrintable(header));
}

void TestPdfTables::figuresPrintedCloseAndWideBoxes()
{
    // A column of "$" printed right after the figures before it joins them into one run
    // of words ("(1,506) $ 260"): two figures are still two cells. A figure whose box
    // came out too wide (over two columns) does not join those columns.
    Page p;
    p.line({{50, u"(in millions)"_s}, {205, u"Hedges"_s}, {255, u"Pension"_s}, {300, u"DVA"_s}, {340, u"Total"_s}}, 60);
    p.line({{50, u"Balance at April 1"_s}, {190, u"$"_s}, {208, u"(54)"_s}, {240, u"$"_s}, {258, u"(1,506) $ 260"_s},
            {320, u"$"_s}, {338, u"(1,300)"_s}},
           72);
    p.line({{50, u"Net change"_s}, {213, u"11"_s}, {268, u"(6)"_s}, {299, u"(207)"_s}, {343, u"128"_s}}, 84);
    p.line({{50, u"Other"_s}, {213, u"1"_s}, {268, u"2"_s}, {299, u"3"_s}, {343, u"4"_s}}, 96);
    p.words[p.words.size() - 2].right = 355; // "3" over DVA and Total
    const TableList tables = PdfTableReader::readPage(p.text, p.words, 0);
    QCOMPARE(tables.size(), 1);
    const FilingTable &t = tables.first();
    QStringList got;
    for (const TableCell &cell : t.cells) {
        if (cell.isNumber() && !cell.header && !cell.rowLabel)
            got.append(t.rowHeaders.value(cell.row) % u'|' % t.columnHeaders.value(cell.column) % u'|' % cell.text
                       % u'|' % cell.value);
    }
    QCOMPARE(got, (QStringList{
        u"Balance at April 1|Hedges|$ (54)|-54000000"_s,
        u"Balance at April 1|Pension|$ (1,506)|-1506000000"_s,
        u"Balance at April 1|DVA|$ 260|260000000"_s,
        u"Balance at April 1|Total|$ (1,300)|-1300000000"_s,
        u"Net change|Hedges|11|11000000"_s,
        u"Net change|Pension|(6)|-6000000"_s,
        u"Net change|DVA|(207)|-207000000"_s,
        u"Net change|Total|128|128000000"_s,
        u"Other|Hedges|1|1000000"_s,
        u"Other|Pension|2|2000000"_s,
        u"Other|DVA|3|3000000"_s,
        u"Other|Total|4|4000000"_s,
    }));
}

void TestPdfTables::corpusSpansAreThePageText_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minimumTables");
    QTest::newRow("Pfizer 10-K (EDGAR print)") << u"pdf/PFIZER_2022_10K.pdf"_s << 60;
    QTest::newRow("Pfizer earnings release (Workiva)") << u"pdf/PFIZER_2023Q2_EARNINGS.pdf"_s << 10;
    QTest::newRow("JPMorgan 10-Q (company print)") << u"pdf/JPMORGAN_2023Q2_10Q.pdf"_s << 100;
}

void TestPdfTables::corpusSpansAreThePageText()
{
    QFETCH(QString, file);
    QFETCH(int, minimumTables);
    const QString path = TestUtils::corpusPath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(u"the shared corpus is absent (%1)"_s.arg(file)));
    LoadError error;
    const auto document = FilingSession::load(path, {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent &content = document->content();
    QCOMPARE(content.pdfWords.size(), content.pageCount());
    const TableList tables = FilingSession::tables(content);
    QVERIFY2(tables.size() >= minimumTables, qPrintable(QString::number(tables.size())));
    int numbers = 0;
    for (const FilingTable &t : tables) {
        const QString &page = content.text.pages.at(t.span.page);
        QVERIFY(t.span.start >= 0 && t.span.end <= page.size());
        for (const TableCell &cell : t.cells) {
            QCOMPARE(cell.span.page, t.span.page);
            QCOMPARE(page.mid(cell.span.start, cell.span.end - cell.span.start), cell.text);
            QVERIFY(cell.span.start >= t.span.start && cell.span.end <= t.span.end);
            numbers += cell.isNumber() ? 1 : 0;
        }
    }
    QVERIFY(numbers > 10 * minimumTables);
    // Reopened, the tables come from the cache as they were.
    QCOMPARE(FilingSession::tables(content).size(), tables.size());
}

QTEST_MAIN(TestPdfTables)
#include "tst_pdftables.moc"
