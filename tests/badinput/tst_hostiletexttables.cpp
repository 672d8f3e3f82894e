#include "extract/tablereader.h"
#include "extract/texttablereader.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// Text built to hurt the plain-text table reader: 100,000-line tables with and without
// markers, a page of scattered numbers, ragged and endless lines, markers out of order.
// Each must be read without a crash, within the reader's bounds (the test's timeout is the
// time bound; no timing is asserted), and every cell must still be the text at its span.
class TestHostileTextTables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hostile_data();
    void hostile();
};

static QString rows(int count, bool markers)
{
    QString text = markers ? u"<TABLE>\n<S>                  <C>          <C>\n"_s : u"Results (in thousands)\n\n"_s;
    for (int r = 0; r < count; ++r)
        text += u"Row %1               %2       %3\n"_s.arg(r % 1000, 4, 10, QChar(u'0'))
                    .arg(r % 90000 + 10000, 6).arg((r * 7) % 90000 + 10000, 6);
    return text + (markers ? u"</TABLE>\n"_s : QString());
}

void TestHostileTextTables::hostile_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<int>("minTables"); // tables the reader must still find
    QTest::addColumn<int>("maxTables");

    QTest::newRow("a <TABLE> of 500 rows") << rows(500, true) << 1 << 1;
    QTest::newRow("a <TABLE> of 100,000 rows") << rows(100000, true) << 0 << 0;
    QTest::newRow("100,000 aligned rows without markers")
        << rows(100000, false) << 1 << 100000 / TextTableReader::kMaxRows + 1;
    QRandomGenerator random(16);
    QString scattered;
    for (int line = 0; line < 20000; ++line) {
        QString l(int(random.bounded(120)), u' ');
        for (int k = 0, n = int(random.bounded(6)); k < n; ++k)
            l += QString(int(random.bounded(1, 12)), u' ') + QString::number(random.bounded(100000));
        scattered += l + u'\n';
    }
    QTest::newRow("a page of scattered numbers") << scattered << 0 << TableReader::kMaxTablesPerPage;
    QString ragged;
    for (int line = 0; line < 5000; ++line)
        ragged += u"Label %1"_s.arg(line) + QString(line % 97, u' ') + u"1,234"_s + QString(line % 13, u'\t')
            + u"(5)"_s + u"\n"_s;
    QTest::newRow("ragged lines and tabs") << ragged << 0 << TableReader::kMaxTablesPerPage;
    QTest::newRow("one endless line") << QString(u"Total  "_s + QString(3000000, u'9') + u"   1   2\n"_s).repeated(2) << 0 << 0;
    QTest::newRow("a line of 100,000 figures") << QString(u"Total "_s + u"   1,234"_s.repeated(100000) + u"\n"_s).repeated(3)
                                               << 0 << 1;
    QTest::newRow("markers only") << (u"<TABLE>\n<S> <C> <C> <C>\n</TABLE>\n"_s.repeated(20000)) << 0 << 0;
    QTest::newRow("closes without opens") << (u"</TABLE>\n"_s.repeated(100000)) << 0 << 0;
    QTest::newRow("opens without closes") << (u"<TABLE>\nA    1    2\nB    3    4\n"_s.repeated(20000)) << 0
                                          << TableReader::kMaxTablesPerPage;
    QTest::newRow("cells of only symbols") << u"<TABLE>\n<S>   <C>   <C>\n$     (     )%\n--    $     (((\n</TABLE>\n"_s
                                           << 0 << 1;
}

void TestHostileTextTables::hostile()
{
    QFETCH(QString, page);
    QFETCH(int, minTables);
    QFETCH(int, maxTables);
    const TableList tables = TextTableReader::readPage(page, 0);
    QVERIFY2(tables.size() >= minTables && tables.size() <= maxTables, qPrintable(QString::number(tables.size())));
    for (const FilingTable &table : tables) {
        QVERIFY(qint64(table.rowCount) * table.columnCount <= TableReader::kMaxCells);
        QCOMPARE(table.rowHeaders.size(), table.rowCount);
        QCOMPARE(table.columnHeaders.size(), table.columnCount);
        for (const TableCell &cell : table.cells) {
            QVERIFY(cell.span.start >= 0 && cell.span.end <= page.size());
            QVERIFY(cell.row < table.rowCount && cell.column + cell.columnSpan <= table.columnCount);
            QCOMPARE(page.mid(cell.span.start, cell.span.length()), cell.text);
        }
    }
}

QTEST_GUILESS_MAIN(TestHostileTextTables)
#include "tst_hostiletexttables.moc"
