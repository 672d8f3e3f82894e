#include "document/documentcache.h"
#include "document/filingdocument.h"
#include "session/filingsession.h"
#include "session/tablecache.h"
#include "extract/tablefigures.h"
#include "extract/tablereader.h"
#include "extract/extractor.h"
#include "testutils.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// What a cell of a table says, for readable comparisons: "row|column|label|header|value|unit|scale".
static QString describe(const FilingTable &table, const TableCell &cell)
{
    return u"%1|%2|%3|%4|%5|%6|%7"_s.arg(cell.row)
        .arg(cell.column)
        .arg(table.rowHeaders.value(cell.row), table.columnHeaders.value(cell.column), cell.value, cell.unit,
             cell.scale);
}

static const TableCell *cellWithText(const FilingTable &table, const QString &text)
{
    for (const TableCell &cell : table.cells) {
        if (cell.text == text && !cell.header && !cell.rowLabel)
            return &cell;
    }
    return nullptr;
}

// Every table and cell, for comparing whole results.
static QStringList dump(const TableList &tables)
{
    QStringList out;
    for (const FilingTable &t : tables) {
        out.append(u"table %1:%2-%3 %4x%5 h%6 %7 %8"_s.arg(t.span.page).arg(t.span.start).arg(t.span.end)
                       .arg(t.rowCount).arg(t.columnCount).arg(t.headerRows).arg(t.title, t.scale));
        for (const TableCell &c : t.cells)
            out.append(describe(t, c) + u"|%1|%2-%3|%4|%5%6"_s.arg(c.text).arg(c.span.start).arg(c.span.end).arg(c.xbrl)
                           .arg(int(c.header)).arg(int(c.rowLabel)));
    }
    return out;
}

class TestTableReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parseNumber_data();
    void parseNumber();
    void scaled_data();
    void scaled();
    void statedScale_data();
    void statedScale();
    void onlyDataTables();
    void spansAreThePageText();
    void incomeStatement_data();
    void incomeStatement();
    void headersAndHierarchy();
    void rowspanAndNested();
    void reconciledWithFacts_data();
    void reconciledWithFacts();
    void ratesWithoutPercentSignReconciled_data();
    void ratesWithoutPercentSignReconciled();
    void cachedTablesComeBack();
    void tableFiguresAreCells();
    void headerDatesAreTheTables();
    void headerDatesOfACorpusFiling();
    void readWhileLoading_data();
    void readWhileLoading();

private:
    void checkReconciledCell(const QString &file);

    DocumentContent m_content;
    TableList m_tables;
};

void TestTableReader::initTestCase()
{
    LoadError error;
    const auto document = FilingDocument::load(TestUtils::dataPath(u"tables/statements.html"_s), {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    m_content = document->content();
    m_tables = TableReader::read(m_content);
}

void TestTableReader::parseNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("percent");
    QTest::addColumn<bool>("currency");
    QTest::newRow("plain") << u"1,234"_s << u"1234"_s << false << false;
    QTest::newRow("parentheses") << u"(1,234)"_s << u"-1234"_s << false << false;
    QTest::newRow("open parenthesis only") << u"(45"_s << u"-45"_s << false << false;
    QTest::newRow("dollar inside") << u"$ (0.04)"_s << u"-0.04"_s << false << true;
    QTest::newRow("percent") << u"(45%)"_s << u"-45"_s << true << false;
    QTest::newRow("percent after") << u"12.50 %"_s << u"12.5"_s << true << false;
    QTest::newRow("em dash") << u"\u2014"_s << u"0"_s << false << false;
    QTest::newRow("dollar dash") << u"$ \u2014"_s << u"0"_s << false << true;
    QTest::newRow("hyphen") << u"-"_s << u"0"_s << false << false;
    QTest::newRow("minus") << u"\u2212 3.5"_s << u"-3.5"_s << false << false;
    QTest::newRow("footnote letter") << u"3,000 (a)"_s << u"3000"_s << false << false;
    QTest::newRow("footnote number") << u"3,000(1)"_s << u"3000"_s << false << false;
    QTest::newRow("footnote star") << u"12*"_s << u"12"_s << false << false;
    QTest::newRow("footnote dagger") << u"7.1%\u2020"_s << u"7.1"_s << true << false;
    QTest::newRow("alone in parentheses") << u"(1)"_s << u"-1"_s << false << false;
    QTest::newRow("text") << u"Revenues"_s << QString() << false << false;
    QTest::newRow("date") << u"July 2, 2023"_s << QString() << false << false;
    QTest::newRow("bad grouping") << u"12,34"_s << QString() << false << false;
    QTest::newRow("close only") << u"45)"_s << QString() << false << false;
    QTest::newRow("empty") << QString() << QString() << false << false;
}

void TestTableReader::parseNumber()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QFETCH(bool, percent);
    QFETCH(bool, currency);
    bool isPercent = !percent;
    bool isCurrency = !currency;
    QCOMPARE(TableReader::parseNumber(text, &isPercent, &isCurrency), value);
    if (!value.isEmpty()) {
        QCOMPARE(isPercent, percent);
        QCOMPARE(isCurrency, currency);
    }
}

void TestTableReader::scaled_data()
{
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<QString>("result");
    QTest::newRow("millions") << u"-1234"_s << 6 << u"-1234000000"_s;
    QTest::newRow("fraction") << u"1.5"_s << 6 << u"1500000"_s;
    QTest::newRow("long fraction") << u"0.1234567"_s << 3 << u"123.4567"_s;
    QTest::newRow("zero") << u"0"_s << 9 << u"0"_s;
    QTest::newRow("none") << u"12.5"_s << 0 << u"12.5"_s;
    QTest::newRow("percent to ratio") << u"12.5"_s << -2 << u"0.125"_s;
    QTest::newRow("small ratio") << u"-3"_s << -3 << u"-0.003"_s;
}

void TestTableReader::scaled()
{
    QFETCH(QString, decimal);
    QFETCH(int, exponent);
    QFETCH(QString, result);
    QCOMPARE(TableReader::scaled(decimal, exponent), result);
    QVERIFY(TableReader::sameNumber(result, result + u".000"_s) || result.contains(u'.'));
}

void TestTableReader::statedScale_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("scale");
    QTest::newRow("except per share") << u"(in millions, except per share data)"_s << u"millions"_s;
    QTest::newRow("dollars in thousands") << u"(Dollars in thousands)"_s << u"thousands"_s;
    QTest::newRow("dollar sign") << u"($ in millions)"_s << u"millions"_s;
    QTest::newRow("capitals") << u"(MILLIONS)"_s << u"millions"_s;
    QTest::newRow("in billions of dollars") << u"In billions of dollars"_s << u"billions"_s;
    QTest::newRow("$000") << u"($000)"_s << u"thousands"_s;
    QTest::newRow("narrative") << u"Revenue grew by $5 million in the quarter."_s << QString();
}

void TestTableReader::statedScale()
{
    QFETCH(QString, text);
    QFETCH(QString, scale);
    QCOMPARE(TableReader::statedScale(text), scale);
}

void TestTableReader::onlyDataTables()
{
    // The statement, the segment table and the inner table of the nested pair; not the
    // one-cell layout table, the signature block, the checkbox list or the outer table.
    QStringList titles;
    for (const FilingTable &t : std::as_const(m_tables))
        titles.append(t.title);
    QCOMPARE(m_tables.size(), 3);
    QCOMPARE(titles.at(0), u"CONDENSED CONSOLIDATED STATEMENTS OF INCOME"_s);
    QCOMPARE(m_tables.at(1).title, u"Segment results (Dollars in thousands)"_s);
    QVERIFY(cellWithText(m_tables.at(2), u"7"_s));
}

void TestTableReader::spansAreThePageText()
{
    QVERIFY(!m_tables.isEmpty());
    for (const FilingTable &table : std::as_const(m_tables)) {
        const QString &page = m_content.text.pages.at(table.span.page);
        QVERIFY(table.span.end <= page.size());
        QCOMPARE(table.id(page).left(8), u"table@1:"_s);
        for (const TableCell &cell : table.cells) {
            QVERIFY(table.span.start <= cell.span.start && cell.span.end <= table.span.end);
            QCOMPARE(page.mid(cell.span.start, cell.span.length()), cell.text);
        }
    }
}

void TestTableReader::incomeStatement_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");
    // Amounts in millions; per-share figures and percentages unscaled; shares in millions
    // as the caption excepts only per-share data.
    QTest::newRow("$ in its own cell") << u"1,100"_s
        << u"3|5|Revenues > Biopharma|Three Months Ended | July 3, 2022|1100000000|USD|millions"_s;
    QTest::newRow("dash") << u"\u2014"_s << u"4|2|Revenues > Alliance|Three Months Ended | July 2, 2023|0|USD|millions"_s;
    QTest::newRow("total") << u"1,156"_s << u"5|5|Total revenues|Three Months Ended | July 3, 2022|1156000000|USD|millions"_s;
    QTest::newRow("parenthesis in next cell") << u"(45"_s
        << u"6|2|Net loss|Three Months Ended | July 2, 2023|-45000000|USD|millions"_s;
    QTest::newRow("parentheses") << u"(1,234)"_s << u"6|5|Net loss|Three Months Ended | July 3, 2022|-1234000000|USD|millions"_s;
    QTest::newRow("footnote") << u"3,000 (1)"_s << u"7|2|Other income|Three Months Ended | July 2, 2023|3000000000|USD|millions"_s;
    QTest::newRow("footnote star") << u"12*"_s << u"7|5|Other income|Three Months Ended | July 3, 2022|12000000|USD|millions"_s;
    QTest::newRow("per share") << u"1.25"_s
        << u"8|2|Earnings per share \u2014 diluted|Three Months Ended | July 2, 2023|1.25|USD/shares|"_s;
    QTest::newRow("per share negative") << u"(0.04)"_s
        << u"8|5|Earnings per share \u2014 diluted|Three Months Ended | July 3, 2022|-0.04|USD/shares|"_s;
    QTest::newRow("shares") << u"2,000"_s
        << u"9|2|Weighted-average shares outstanding|Three Months Ended | July 2, 2023|2000000000|shares|millions"_s;
    QTest::newRow("percent in own cell") << u"45.5"_s << u"10|2|Gross margin|Three Months Ended | July 2, 2023|45.5|%|"_s;
    QTest::newRow("negative percent split") << u"(12.5"_s << u"10|5|Gross margin|Three Months Ended | July 3, 2022|-12.5|%|"_s;
}

void TestTableReader::incomeStatement()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QVERIFY(!m_tables.isEmpty());
    const FilingTable &table = m_tables.first();
    QCOMPARE(table.scale, u"millions"_s);
    QCOMPARE(table.headerRows, 2);
    const TableCell *found = cellWithText(table, text);
    QVERIFY2(found, qPrintable(text));
    QCOMPARE(describe(table, *found), cell);
    QCOMPARE(found->xbrl, QString()); // not an inline-XBRL filing
}

void TestTableReader::headersAndHierarchy()
{
    QVERIFY(!m_tables.isEmpty());
    const FilingTable &table = m_tables.first();
    QCOMPARE(table.columnHeaders.value(1), u"Three Months Ended | July 2, 2023"_s);
    QCOMPARE(table.rowHeaders.value(2), u"Revenues"_s);
    QCOMPARE(table.rowHeaders.value(4), u"Revenues > Alliance"_s);
    // "$", "%" and ")" standing alone are not cells of their own in the export's sense,
    // and labels are row labels.
    for (const TableCell &cell : table.cells) {
        if (cell.text == u"$"_s || cell.text == u"%"_s || cell.text == u")"_s)
            QVERIFY(cell.value.isEmpty());
        if (cell.column == 0 && cell.row >= table.headerRows && !cell.text.isEmpty())
            QVERIFY2(cell.rowLabel, qPrintable(cell.text));
    }
}

void TestTableReader::rowspanAndNested()
{
    QCOMPARE(m_tables.size(), 3);
    const FilingTable &segments = m_tables.at(1);
    QCOMPARE(segments.scale, u"thousands"_s); // "(Dollars in thousands)": amounts in USD
    QCOMPARE(segments.headerRows, 1);
    const TableCell *second = cellWithText(segments, u"510"_s);
    QVERIFY(second);
    // The merged label covers the row below it.
    QCOMPARE(describe(segments, *second), u"2|1|Americas|2023|510000|USD|thousands"_s);
    const TableCell *merged = nullptr;
    for (const TableCell &cell : segments.cells) {
        if (cell.text == u"Americas"_s)
            merged = &cell;
    }
    QVERIFY(merged);
    QCOMPARE(merged->rowSpan, 2);

    const FilingTable &inner = m_tables.at(2);
    QCOMPARE(inner.rowCount, 3);
    QCOMPARE(inner.columnCount, 3);
    const TableCell *gadgets = cellWithText(inner, u"10"_s);
    QVERIFY(gadgets);
    QCOMPARE(describe(inner, *gadgets), u"2|2|Gadgets|2022|10||"_s);
}

void TestTableReader::reconciledWithFacts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("xbrl");
    QTest::newRow("amount") << u"47,061"_s << u"47061000000"_s << u"agrees"_s;
    QTest::newRow("dimension") << u"1,235"_s << u"1235000000"_s << u"agrees"_s;
    // Tagged 802 and printed in parentheses: the same magnitude, as filers tag outflows.
    QTest::newRow("parentheses around the tag") << u"(802)"_s << u"-802000000"_s << u"agrees"_s;
    QTest::newRow("per share, sign=-") << u"(0.04)"_s << u"-0.04"_s << u"agrees"_s;
    QTest::newRow("percent and ratio") << u"21.5%"_s << u"21.5"_s << u"agrees"_s;
    // Tagged with scale 3 in a table stated in millions.
    QTest::newRow("scale differs") << u"5"_s << u"5000000"_s << u"differs"_s;
    QTest::newRow("untagged") << u"17"_s << u"17000000"_s << u"untagged"_s;
}

void TestTableReader::reconciledWithFacts()
{
    checkReconciledCell(u"tables/ixbrl-table.html"_s);
}

void TestTableReader::ratesWithoutPercentSignReconciled_data()
{
    // A rate reconciliation prints its % once, in a cell of its own: the figures below
    // have no unit, and the tags are ratios (scale -2). The check reads them as percents.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("xbrl");
    QTest::newRow("beside its % cell") << u"21.0"_s << u"21"_s << u"agrees"_s;
    QTest::newRow("no % in its row") << u"7.6"_s << u"7.6"_s << u"agrees"_s;
    QTest::newRow("in parentheses, sign=-") << u"(5.4)"_s << u"-5.4"_s << u"agrees"_s;
    // Tagged with scale -3: still another value.
    QTest::newRow("scale differs") << u"1.1"_s << u"1.1"_s << u"differs"_s;
    QTest::newRow("untagged") << u"8.0"_s << u"8"_s << u"untagged"_s;
}

void TestTableReader::ratesWithoutPercentSignReconciled()
{
    checkReconciledCell(u"tables/ixbrl-rates.html"_s);
}

// The one table of the test file `file`: the cell printed as the row's text has the
// row's value and xbrl check.
void TestTableReader::checkReconciledCell(const QString &file)
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QFETCH(QString, xbrl);
    LoadError error;
    const auto document = FilingDocument::load(TestUtils::dataPath(file), {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const TableList tables = TableReader::read(document->content());
    QCOMPARE(tables.size(), 1);
    const TableCell *cell = cellWithText(tables.first(), text);
    QVERIFY2(cell, qPrintable(text));
    QCOMPARE(cell->value, value);
    QCOMPARE(cell->xbrl, xbrl);
}

void TestTableReader::cachedTablesComeBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString before = DocumentCache::folder();
    const bool enabled = DocumentCache::isEnabled();
    DocumentCache::setFolder(dir.path());
    DocumentCache::setEnabled(true);
    const TableList first = FilingSession::tables(m_content);
    QCOMPARE(dump(first), dump(m_tables));
    const QString path = TableCache::path(m_content.sha256);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    TableList cached;
    QVERIFY(TableCache::read(m_content.sha256, &cached));
    QCOMPARE(dump(cached), dump(m_tables));
    // A damaged entry is not used: the tables are read again.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(file.size() / 2);
    file.write("garbage");
    file.close();
    QVERIFY(!TableCache::read(m_content.sha256, &cached));
    QCOMPARE(dump(FilingSession::tables(m_content)), dump(m_tables));
    DocumentCache::setFolder(before);
    DocumentCache::setEnabled(enabled);
}

// Money and percent figures in a table's number cells are reviewed as cells: FilingSession's
// entities leave them out, and keep the same figures printed in prose, in a row label, and
// every entity of another type. (The figure formats of the jnj 10-Q of 2025, where the
// currency sign stands in the figure's cell.)
void TestTableReader::tableFiguresAreCells()
{
    LoadError error;
    const auto document = FilingDocument::load(TestUtils::dataPath(u"tables/figures.html"_s), {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent &content = document->content();
    const TableList tables = TableReader::read(content);
    QCOMPARE(tables.size(), 1);
    const EntityList all = FilingSession::extractor()->extract(content);
    EntityList loose = all;
    const int removed = TableFigures::removeCellFigures(loose, tables);

    const auto figures = [](const EntityList &list) {
        QStringList out;
        for (const Entity &e : list) {
            if (e.type == u"money"_s || e.type == u"percent"_s)
                out.append(e.text);
        }
        return out;
    };
    QCOMPARE(figures(all), (QStringList{u"5.8%"_s, u"$23.7 billion"_s, u"$500 million"_s, u"$15,202"_s, u"$14,490"_s,
                                        u"4.9%"_s, u"$8,541"_s, u"$7,957"_s, u"7.3%"_s, u"5.8%"_s, u"$1.3 billion"_s,
                                        u"$23,743"_s, u"$22,447"_s, u"5.8%"_s, u"$3.6 billion"_s, u"15.2%"_s}));
    QCOMPARE(figures(loose), (QStringList{u"5.8%"_s, u"$23.7 billion"_s, u"$500 million"_s, u"5.8%"_s,
                                          u"$1.3 billion"_s, u"$3.6 billion"_s, u"15.2%"_s}));
    QCOMPARE(removed, 9);
    // Each figure left out is a number cell of the table, with the figure's text.
    QStringList cellTexts;
    for (const TableCell &c : tables.first().cells) {
        if (c.isNumber() && !c.header && !c.rowLabel)
            cellTexts.append(c.text);
    }
    for (const Entity &e : all) {
        const bool kept = std::any_of(loose.cbegin(), loose.cend(), [&](const Entity &k) {
            return k.type == e.type && k.span == e.span;
        });
        if ((e.type == u"money"_s || e.type == u"percent"_s) && !kept)
            QVERIFY2(cellTexts.contains(e.text), qPrintable(e.text));
    }
    // Nothing else is touched.
    const auto others = [](const EntityList &list) {
        QStringList out;
        for (const Entity &e : list) {
            if (e.type != u"money"_s && e.type != u"percent"_s)
                out.append(e.type + u'|' + e.text);
        }
        return out;
    };
    QCOMPARE(others(loose), others(all));
    QVERIFY(!others(all).isEmpty());
    // FilingSession::extract gives the loose list.
    QCOMPARE(figures(FilingSession::extract(content)), figures(loose));
}

// The dates over a statement's columns ("Three Months Ended" / "July 2, 2023") are the
// table's column headings, not loose date rows; the date of a layout table (a signature
// block's "Date: March 1, 2024") stays a row.
void TestTableReader::headerDatesAreTheTables()
{
    LoadError error;
    const auto document = FilingDocument::load(TestUtils::dataPath(u"tables/statements.html"_s), {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent &content = document->content();
    const TableList tables = TableReader::read(content);
    const auto dates = [](const EntityList &list) {
        QStringList out;
        for (const Entity &e : list) {
            if (e.type == u"date"_s)
                out.append(e.value);
        }
        return out;
    };
    const EntityList all = FilingSession::extractor()->extract(content);
    QVERIFY2(dates(all).contains(u"2023-07-02"_s) && dates(all).contains(u"2022-07-03"_s), qPrintable(dates(all).join(u' ')));
    EntityList loose = all;
    const int removed = TableFigures::removeHeaderDates(loose, tables);
    QCOMPARE(removed, 2);
    QCOMPARE(dates(loose), QStringList{u"2024-03-01"_s});
    // Nothing but dates is touched.
    QCOMPARE(loose.size(), all.size() - 2);
    QCOMPARE(dates(FilingSession::extract(content)), dates(loose));
}

// A 10-Q's statements (more/ABBV-10-Q-0001551152-23-000033.html): every date left out stood
// in a column header cell, and the dates of its prose stay ("In March 2023, AbbVie
// announced ...", page 27).
void TestTableReader::headerDatesOfACorpusFiling()
{
    FL_REQUIRE_CORPUS(path, "more/ABBV-10-Q-0001551152-23-000033.html");
    LoadError error;
    const auto document = FilingSession::load(path, {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent &content = document->content();
    const TableList tables = FilingSession::tables(content);
    QList<SourceSpan> headers;
    for (const FilingTable &t : tables) {
        for (const TableCell &c : t.cells) {
            if (c.header && c.span.length() > 0)
                headers.append(c.span);
        }
    }
    const auto inHeader = [&](const SourceSpan &s) {
        return std::any_of(headers.cbegin(), headers.cend(), [&](const SourceSpan &h) { return h.overlaps(s); });
    };
    const EntityList all = FilingSession::extractor()->extract(content);
    EntityList loose = all;
    TableFigures::removeHeaderDates(loose, tables);
    int removed = 0;
    for (const Entity &e : all) {
        if (e.type != u"date"_s)
            continue;
        const bool kept = std::any_of(loose.cbegin(), loose.cend(), [&](const Entity &k) {
            return k.type == e.type && k.span == e.span;
        });
        QCOMPARE(kept, !inHeader(e.span));
        removed += kept ? 0 : 1;
    }
    qInfo("%d dates of column headings", removed);
    QVERIFY2(removed > 0, "a 10-Q heads its statements' columns with dates");
    QStringList prose;
    for (const Entity &e : loose) {
        if (e.type == u"date"_s && e.span.page == 26)
            prose.append(e.value);
    }
    for (const QString &d : {u"2023-03"_s, u"2023-04"_s, u"2023-05"_s, u"2023-06"_s, u"2023-07"_s})
        QVERIFY2(prose.contains(d), qPrintable(d));
}

void TestTableReader::readWhileLoading_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("statements") << TestUtils::dataPath(u"tables/statements.html"_s);
    QTest::newRow("inline XBRL") << TestUtils::dataPath(u"tables/ixbrl-table.html"_s);
    // A submission: its HTML documents are parts after the header and a text part, so
    // the tables read while loading must be moved to the filing's pages.
    QTest::newRow("submission") << TestUtils::corpusPath(u"8k/0001213900-25-032135.txt"_s);
    QTest::newRow("10-K") << TestUtils::corpusPath(u"10k/ko-10-k-2025-02-20.html"_s);
}

// The tables read from the loader's own sheets (FilingSession::load) are exactly those
// read by laying every page out again.
void TestTableReader::readWhileLoading()
{
    QFETCH(QString, path);
    if (!QFile::exists(path))
        QSKIP(qPrintable(u"shared corpus file absent: "_s + path));
    const bool enabled = DocumentCache::isEnabled();
    DocumentCache::setEnabled(false); // every page laid out by the loader
    LoadError error;
    const auto loaded = FilingSession::load(path, {}, &error);
    QVERIFY2(loaded, qPrintable(error.message));
    const auto plain = FilingDocument::load(path, {}, &error);
    QVERIFY2(plain, qPrintable(error.message));
    DocumentCache::setEnabled(enabled);
    int htmlParts = 0;
    for (const DocumentPart &part : loaded->content().parts) {
        if (part.kind != DocumentPart::Kind::Html)
            continue;
        ++htmlParts;
        QVERIFY(part.tablesRead);
    }
    QVERIFY(htmlParts > 0);
    for (const DocumentPart &part : plain->content().parts)
        QVERIFY(!part.tablesRead);
    const TableList whileLoading = TableReader::read(loaded->content());
    QVERIFY(!whileLoading.isEmpty());
    QCOMPARE(dump(whileLoading), dump(TableReader::read(plain->content())));
    for (const FilingTable &table : whileLoading) {
        for (const TableCell &cell : table.cells)
            QCOMPARE(cell.span.page, table.span.page);
    }
}

QTEST_MAIN(TestTableReader)
#include "tst_tablereader.moc"

