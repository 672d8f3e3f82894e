#include "document/filingdocument.h"
#include "extract/tablereader.h"
#include "extract/texttablereader.h"
#include "session/filingsession.h"
#include "testutils.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// The tables of plain-text filings: EDGAR <TABLE> blocks with their <S>/<C> markers, and
// figures aligned in columns without markers.
class TestTextTableReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void markedStatement();
    void alignedWithoutMarkers();
    void notDataTables_data();
    void notDataTables();
    void appleTenK();
    void submissionTablesThroughTheSession();
};

// The data cell of `table` in the row labelled `label` (the whole chain) and column `column`.
static const TableCell *cellAt(const FilingTable &table, const QString &label, int column)
{
    for (const TableCell &cell : table.cells) {
        if (!cell.header && !cell.rowLabel && cell.column == column && table.rowHeaders.value(cell.row) == label)
            return &cell;
    }
    return nullptr;
}

// What the cell at (label, column) holds, "value unit", or what rows the table has when none.
static QString at(const FilingTable &table, const QString &label, int column)
{
    if (const TableCell *cell = cellAt(table, label, column))
        return cell->value + u' ' + cell->unit;
    return u"no cell; rows: "_s + table.rowHeaders.join(u" / "_s) + u"; columns: "_s + table.columnHeaders.join(u" / "_s);
}

static void checkSpans(const FilingTable &table, const QString &page)
{
    for (const TableCell &cell : table.cells) {
        QCOMPARE(page.mid(cell.span.start, cell.span.length()), cell.text);
        QVERIFY2(!cell.text.contains(u"<S>"_s) && !cell.text.contains(u"<C>"_s)
                     && !cell.text.contains(u"<TABLE>"_s, Qt::CaseInsensitive),
                 qPrintable(cell.text));
    }
}

void TestTextTableReader::markedStatement()
{
    const QString page = u"                       ACME CORPORATION\n"
                         "              CONSOLIDATED STATEMENTS OF OPERATIONS\n"
                         "          (In thousands, except per share amounts)\n"
                         "\n"
                         "<TABLE>\n"
                         "<CAPTION>\n"
                         "                                      Three Months Ended\n"
                         "                                    ----------------------\n"
                         "                                     July 1,     June 26,\n"
                         "                                      2000         1999\n"
                         "                                    ---------   ----------\n"
                         "<S>                                 <C>         <C>\n"
                         "Net sales                           $ 1,945      $ 1,530\n"
                         "Operating expenses:\n"
                         "  Research and development               92           76\n"
                         "  Selling, general and\n"
                         "   administrative                       287          239\n"
                         "  Restructuring costs                  (126)          --\n"
                         "                                    ---------   ----------\n"
                         "    Total operating expenses            253          315\n"
                         "Interest income (1)                    49 (a)       19\n"
                         "Gross margin                          28.2%        26.3%\n"
                         "Earnings per share                  $   1.44     $   0.99\n"
                         "Shares used in computing earnings\n"
                         " per share                          162,172      136,371\n"
                         "</TABLE>\n"
                         "See accompanying notes.\n"_s;
    const TableList tables = TextTableReader::readPage(page, 4);
    QCOMPARE(tables.size(), 1);
    const FilingTable &t = tables.first();
    checkSpans(t, page);
    QCOMPARE(t.span.page, 4);
    QCOMPARE(t.title, u"CONSOLIDATED STATEMENTS OF OPERATIONS"_s);
    QCOMPARE(t.scale, u"thousands"_s);
    QCOMPARE(t.columnCount, 3);
    QCOMPARE(t.headerRows, 3);
    QCOMPARE(t.columnHeaders.at(1), u"Three Months Ended | July 1, 2000"_s);
    QCOMPARE(t.columnHeaders.at(2), u"Three Months Ended | June 26, 1999"_s);

    const TableCell *sales = cellAt(t, u"Net sales"_s, 1);
    QVERIFY2(sales, qPrintable(at(t, u"Net sales"_s, 1)));
    QCOMPARE(sales->text, u"$ 1,945"_s);
    QCOMPARE(sales->value, u"1945000"_s);
    QCOMPARE(sales->unit, u"USD"_s);
    QCOMPARE(sales->scale, u"thousands"_s);
    // A wrapped label is one label, under its section line.
    const TableCell *sga = cellAt(t, u"Operating expenses > Selling, general and administrative"_s, 2);
    QVERIFY2(sga, qPrintable(at(t, u"Operating expenses > Selling, general and administrative"_s, 2)));
    QCOMPARE(sga->value, u"239000"_s);
    QCOMPARE(at(t, u"Operating expenses > Restructuring costs"_s, 1).section(u' ', 0, 0), u"-126000"_s);
    QCOMPARE(at(t, u"Operating expenses > Restructuring costs"_s, 2).section(u' ', 0, 0), u"0"_s);
    // A total closes its section.
    QVERIFY(cellAt(t, u"Operating expenses > Total operating expenses"_s, 1));
    QCOMPARE(at(t, u"Interest income (1)"_s, 1).section(u' ', 0, 0), u"49000"_s);
    const TableCell *margin = cellAt(t, u"Gross margin"_s, 1);
    QVERIFY2(margin, qPrintable(at(t, u"Gross margin"_s, 1)));
    QCOMPARE(margin->value, u"28.2"_s);
    QCOMPARE(margin->unit, u"%"_s);
    QCOMPARE(margin->scale, QString());
    const TableCell *eps = cellAt(t, u"Earnings per share"_s, 1);
    QVERIFY2(eps, qPrintable(at(t, u"Earnings per share"_s, 1)));
    QCOMPARE(eps->value, u"1.44"_s);
    QCOMPARE(eps->unit, u"USD/shares"_s);
    const TableCell *shares = cellAt(t, u"Shares used in computing earnings per share"_s, 2);
    QVERIFY2(shares, qPrintable(at(t, u"Shares used in computing earnings per share"_s, 2)));
    QCOMPARE(shares->unit, u"shares"_s);
    QCOMPARE(shares->value, u"136371000"_s);
}

void TestTextTableReader::alignedWithoutMarkers()
{
    const QString page = u"The following table sets forth revenue by region for the years\n"
                         "ended December 31, 1997 and 1996 (dollars in millions):\n"
                         "\n"
                         "                              1997       1996     Change\n"
                         "                            --------   --------   ------\n"
                         "Americas                    $  1,210   $  1,105     10%\n"
                         "Europe                           640        702     (9%)\n"
                         "Japan                            310        298      4%\n"
                         "                            --------   --------\n"
                         "    Total                   $  2,160   $  2,105      3%\n"
                         "\n"
                         "Revenue grew in 1997 by $55 million, or 3%, over 1996, and the Company\n"
                         "expects growth of 5% in 1998 from 12 new products.\n"_s;
    const TableList tables = TextTableReader::readPage(page, 0);
    QCOMPARE(tables.size(), 1);
    const FilingTable &t = tables.first();
    checkSpans(t, page);
    QCOMPARE(t.columnCount, 4);
    QCOMPARE(t.scale, u"millions"_s);
    QCOMPARE(t.columnHeaders.at(1), u"1997"_s);
    QCOMPARE(t.columnHeaders.at(3), u"Change"_s);
    QCOMPARE(at(t, u"Americas"_s, 1).section(u' ', 0, 0), u"1210000000"_s);
    QCOMPARE(at(t, u"Europe"_s, 3).section(u' ', 0, 0), u"-9"_s);
    QCOMPARE(at(t, u"Europe"_s, 3).section(u' ', 1), u"%"_s);
    QCOMPARE(at(t, u"Total"_s, 2).section(u' ', 0, 0), u"2105000000"_s);
    // The prose below is no part of the table.
    QVERIFY(t.span.end < page.indexOf(u"Revenue grew"_s));
}

void TestTextTableReader::notDataTables_data()
{
    QTest::addColumn<QString>("page");
    QTest::newRow("table of contents") << u"<TABLE>\n<CAPTION>\n"
                                          "INDEX TO CONSOLIDATED FINANCIAL STATEMENTS                     Page\n"
                                          "<S>                                                            <C>\n"
                                          "Report of Independent Auditors                                 22\n"
                                          "Consolidated Balance Sheets                                    23\n"
                                          "Consolidated Statements of Income                              24\n"
                                          "</TABLE>\n"_s;
    QTest::newRow("items with pages") << u"<TABLE>\n<S>                     <C>\n"
                                         "Item 1.  Business        3\n"
                                         "Item 2.  Properties     12\n"
                                         "Item 3.  Legal          13\n"
                                         "</TABLE>\n"_s;
    QTest::newRow("signature block") << u"<TABLE>\n<S>                                    <C>\n"
                                        "Date: December 13, 1994               By: /s/ Joseph A. Graziano\n"
                                        "                                      Joseph A. Graziano\n"
                                        "                                      Chief Financial Officer\n"
                                        "</TABLE>\n"_s;
    QTest::newRow("cover page layout") << u"           California                        0-10030            94-2404110\n"
                                          "          ------------                      ---------          ------------\n"
                                          "   (State or other jurisdiction          (Commission File    (I.R.S. Employer\n"
                                          " of incorporation or organization)            Number)       Identification No.)\n"_s;
    QTest::newRow("justified prose") << u"The  Company  leases  various facilities and equipment under  noncancelable\n"
                                        "operating lease arrangements.  Rent  expense under  all  operating  leases  was\n"
                                        "approximately $122 million, $170 million, and $160 million in  1994,  1993,\n"
                                        "and   1992,  respectively, and it expects about  115\n"
                                        "in  the  coming  year  and  a  further  amount  of   120\n"
                                        "after  that,  as  the  leases  in  the  table  show   130\n"_s;
    QTest::newRow("page numbers") << u"text\n\n                                       22\n\nmore text\n\n"
                                     "                                       23\n\n                                       24\n"_s;
}

void TestTextTableReader::notDataTables()
{
    QFETCH(QString, page);
    const TableList tables = TextTableReader::readPage(page, 0);
    QStringList found;
    for (const FilingTable &t : tables)
        found.append(t.title + u" " + t.columnHeaders.join(u", "_s));
    QVERIFY2(tables.isEmpty(), qPrintable(found.join(u"; "_s)));
}

void TestTextTableReader::appleTenK()
{
    FL_REQUIRE_CORPUS(path, "10k/0000320193-94-000016.txt");
    LoadError error;
    const auto document = FilingDocument::load(path, {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent content = document->content();
    const TableList tables = TextTableReader::read(content);
    QVERIFY2(tables.size() >= 20, qPrintable(QString::number(tables.size())));
    const FilingTable *income = nullptr;
    const FilingTable *balance = nullptr;
    for (const FilingTable &t : tables) {
        checkSpans(t, content.text.pages.at(t.span.page));
        if (t.title == u"Consolidated Statements of Income"_s && !income)
            income = &t;
        if (t.title == u"Consolidated Balance Sheets"_s && !balance)
            balance = &t;
        // The index of the financial statements is not a data table.
        QVERIFY(!t.title.contains(u"Item 8"_s));
    }
    QVERIFY(income);
    QVERIFY(balance);
    QCOMPARE(income->scale, u"thousands"_s);
    QCOMPARE(income->columnHeaders.value(1), u"1994"_s);
    QCOMPARE(at(*income, u"Net sales"_s, 1).section(u' ', 0, 0), u"9188748000"_s);
    QCOMPARE(at(*income, u"Costs and expenses > Restructuring costs"_s, 1).section(u' ', 0, 0), u"-126855000"_s);
    QCOMPARE(at(*income, u"Costs and expenses > Restructuring costs"_s, 3).section(u' ', 0, 0), u"0"_s);
    QCOMPARE(at(*income, u"Earnings per common and common equivalent share"_s, 2).section(u' ', 0, 0), u"0.73"_s);
    QCOMPARE(at(*income, u"Earnings per common and common equivalent share"_s, 2).section(u' ', 1), u"USD/shares"_s);
    QCOMPARE(balance->scale, u"thousands"_s);
    QCOMPARE(at(*balance, u"Assets > Current assets > Cash and cash equivalents"_s, 1).section(u' ', 0, 0), u"1203488000"_s);
    const TableCell *cash = cellAt(*balance, u"Assets > Current assets > Cash and cash equivalents"_s, 1);
    QVERIFY(cash);
    QCOMPARE(cash->text, u"$ 1,203,488"_s);
}

void TestTextTableReader::submissionTablesThroughTheSession()
{
    FL_REQUIRE_CORPUS(path, "more/0000912057-00-023442.txt");
    LoadError error;
    const auto document = FilingSession::load(path, {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent content = document->content();
    const TableList tables = FilingSession::tables(content);
    const FilingTable *operations = nullptr;
    for (const FilingTable &t : tables) {
        if (t.title.contains(u"STATEMENTS OF OPERATIONS"_s) && !operations)
            operations = &t;
    }
    QVERIFY(operations);
    QCOMPARE(operations->scale, u"millions"_s);
    QCOMPARE(operations->columnCount, 5);
    QCOMPARE(operations->columnHeaders.value(3), u"Six Months Ended | April 1, 2000"_s);
    QCOMPARE(at(*operations, u"Net sales"_s, 3).section(u' ', 0, 0), u"4288000000"_s);
    // Per-share figures are not scaled; share counts "(in thousands)" are.
    QCOMPARE(at(*operations, u"Earnings per common share > Diluted"_s, 1).section(u' ', 0, 0), u"1.28"_s);
    // Every figure of the table left the loose money rows.
    const EntityList entities = FilingSession::extract(content);
    for (const Entity &e : entities) {
        if (e.type != u"money"_s)
            continue;
        for (const TableCell &cell : operations->cells)
            QVERIFY2(!(cell.isNumber() && !cell.rowLabel && e.span.overlaps(cell.span)), qPrintable(e.text));
    }
}

QTEST_GUILESS_MAIN(TestTextTableReader)
#include "tst_texttablereader.moc"
