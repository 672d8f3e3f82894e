#include "document/filingdocument.h"
#include "extract/tablereader.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// Tables built to hurt the table reader: huge grids, deep nesting, span abuse. Each must
// load and be read without a crash, within the reader's bounds (the test's timeout is
// the time bound; no timing is asserted).
class TestHostileTables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hostile_data();
    void hostile();

private:
    QTemporaryDir m_dir;
};

static QString page(const QString &body)
{
    return u"<html><body><p>Results (in millions)</p>"_s + body + u"</body></html>"_s;
}

static QString grid(int rows, int columns)
{
    QString html = u"<table>"_s;
    for (int r = 0; r < rows; ++r) {
        html += u"<tr><td>Row %1</td>"_s.arg(r);
        for (int c = 1; c < columns; ++c)
            html += u"<td>%1</td>"_s.arg(r * columns + c);
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

void TestHostileTables::hostile_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<int>("minTables"); // tables the reader must still find
    QTest::addColumn<int>("maxTables");

    QTest::newRow("5,000 rows") << page(grid(5000, 3)) << 1 << 1;
    QTest::newRow("2,000 columns") << page(grid(3, 2000)) << 1 << 1;
    QTest::newRow("over the cell bound") << page(grid(400, 200)) << 0 << 0;
    QString nested;
    for (int i = 0; i < 300; ++i)
        nested += u"<table><tr><td>1,234</td><td>"_s;
    nested += u"deep"_s;
    for (int i = 0; i < 300; ++i)
        nested += u"</td></tr></table>"_s;
    QTest::newRow("300 nested tables") << page(nested) << 0 << TableReader::kMaxTablesPerPage;
    QTest::newRow("rowspan and colspan of a million")
        << page(u"<table><tr><td rowspan=\"1000000\" colspan=\"1000000\">x</td><td>1</td></tr>"
                "<tr><td>2</td><td colspan=\"99999999\">3</td></tr></table>"_s)
        << 0 << 1;
    QTest::newRow("negative and junk spans")
        << page(u"<table><tr><td rowspan=\"-5\" colspan=\"0\">A</td><td colspan=\"x\">1</td><td>2</td></tr>"
                "<tr><td rowspan=\"2147483647\">B</td><td>3</td><td>4</td></tr></table>"_s)
        << 0 << 1;
    QString many;
    for (int i = 0; i < 1000; ++i)
        many += u"<table><tr><td>a</td><td>1</td><td>2</td></tr><tr><td>b</td><td>3</td><td>4</td></tr></table>"_s;
    QTest::newRow("1,000 small tables on a page") << page(many) << TableReader::kMaxTablesPerPage
                                                  << TableReader::kMaxTablesPerPage;
    QTest::newRow("cells of only symbols") << page(u"<table><tr><td>$</td><td>(</td><td>)%</td></tr>"
                                                    "<tr><td>\u2014</td><td>--</td><td>(((</td></tr></table>"_s)
                                           << 0 << 1;
}

void TestHostileTables::hostile()
{
    QFETCH(QString, html);
    QFETCH(int, minTables);
    QFETCH(int, maxTables);
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"hostile.html"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(html.toUtf8());
    file.close();

    LoadError error;
    const auto document = FilingDocument::load(path, {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent content = document->content();
    const TableList tables = TableReader::read(content);
    QVERIFY2(tables.size() >= minTables && tables.size() <= maxTables, qPrintable(QString::number(tables.size())));
    for (const FilingTable &table : tables) {
        QVERIFY(qint64(table.rowCount) * table.columnCount <= TableReader::kMaxCells);
        const QString &text = content.text.pages.at(table.span.page);
        for (const TableCell &cell : table.cells) {
            QVERIFY(cell.span.start >= 0 && cell.span.end <= text.size());
            QCOMPARE(text.mid(cell.span.start, cell.span.length()), cell.text);
        }
    }
}

QTEST_MAIN(TestHostileTables)
#include "tst_hostiletables.moc"
