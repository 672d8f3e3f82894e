#include "export/csvwriter.h"
#include "exportfixtures.h"
#include "model/entitytypes.h"
#include "export/exportrow.h"
#include "model/textlayer.h"

#include <QtCore/QBuffer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using namespace ExportFixtures;

class TestCsvWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void header();
    void encodeCell_data();
    void encodeCell();
    void plainNumber_data();
    void plainNumber();
    void codePoints_data();
    void codePoints();
    void attributes();
    void confidence_data();
    void confidence();
    void roundTrip();
    void readByPython();
    void rejectedAndFilter();
    void bom();
    void batchOfThree();
    void orphanHasNoOffsets();
    void rowTakesTextFromPage();
    void emptyExportHasHeader();
    void deviceNotWritable();
    void manyRows();

private:
    static QByteArray exportOne(const DocumentContent &c, const EntityList &l, ExportOptions o = {})
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter w(&buffer, std::move(o));
        w.addFile(c, l);
        w.finish();
        return buffer.data();
    }
};

void TestCsvWriter::header()
{
    const QByteArray csv = exportOne(DocumentContent(), {});
    QCOMPARE(csv, QByteArray("file,id,type,category,value,text,page,start,end,confidence,status,"
                             "origin,attributes,note\r\n"));
}

void TestCsvWriter::encodeCell_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("plain") << u"ImmunoGen"_s << u"ImmunoGen"_s;
    QTest::newRow("comma") << u"Cambridge, MA 02139"_s << u"\"Cambridge, MA 02139\""_s;
    QTest::newRow("quotes") << u"the Company's \"linkers.\""_s << u"\"the Company's \"\"linkers.\"\"\""_s;
    QTest::newRow("newline") << u"Investors\nCarol Hausner"_s << u"\"Investors\nCarol Hausner\""_s;
    QTest::newRow("crlf") << u"a\r\nb"_s << u"\"a\r\nb\""_s;
    QTest::newRow("non-ascii") << u"Herceptin® 168 mg/m² — Zürich"_s << u"Herceptin® 168 mg/m² — Zürich"_s;
    QTest::newRow("astral") << u"𝟭𝟮% 📈"_s << u"𝟭𝟮% 📈"_s;
    QTest::newRow("equals") << u"=SUM(A1:A9)"_s << u"'=SUM(A1:A9)"_s;
    QTest::newRow("plus") << u"+cmd|' /C calc'!A0"_s << u"'+cmd|' /C calc'!A0"_s;
    QTest::newRow("minus formula") << u"-2+3+cmd|' /C calc'!A0"_s << u"'-2+3+cmd|' /C calc'!A0"_s;
    QTest::newRow("minus text") << u"- o Written communications"_s << u"'- o Written communications"_s;
    QTest::newRow("at") << u"@SUM(1+1)"_s << u"'@SUM(1+1)"_s;
    QTest::newRow("tab") << u"\t=1+1"_s << u"'\t=1+1"_s;
    QTest::newRow("cr") << u"\r=1+1"_s << u"\"'\r=1+1\""_s;
    QTest::newRow("space before equals") << u"  =1+1"_s << u"'  =1+1"_s;
    QTest::newRow("nbsp before at") << u"\u00a0@x"_s << u"'\u00a0@x"_s;
    QTest::newRow("full-width equals") << u"\uff1d1+1"_s << u"'\uff1d1+1"_s;
    QTest::newRow("full-width plus") << u"\uff0b1"_s << u"'\uff0b1"_s;
    QTest::newRow("full-width minus") << u"\uff0d1"_s << u"'\uff0d1"_s;
    QTest::newRow("full-width at") << u"\uff20x"_s << u"'\uff20x"_s;
    QTest::newRow("formula with comma") << u"=HYPERLINK(\"x\",\"y\")"_s << u"\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""_s;
    QTest::newRow("negative number") << u"-12.5"_s << u"-12.5"_s;
    QTest::newRow("positive number") << u"+3"_s << u"+3"_s;
    QTest::newRow("grouped number") << u"-1,300.25"_s << u"\"-1,300.25\""_s;
    QTest::newRow("phone") << u"+1 617 555 0100"_s << u"'+1 617 555 0100"_s;
    QTest::newRow("lone minus") << u"-"_s << u"'-"_s;
    QTest::newRow("date range") << u"2007-06-01/2007-06-05"_s << u"2007-06-01/2007-06-05"_s;
    QTest::newRow("apostrophe text") << u"'tis"_s << u"'tis"_s;
    QTest::newRow("apostrophe then formula") << u"'=1+1"_s << u"''=1+1"_s;
    QTest::newRow("equals later") << u"a=b"_s << u"a=b"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestCsvWriter::encodeCell()
{
    QFETCH(QString, cell);
    QFETCH(QString, encoded);
    QCOMPARE(CsvWriter::encodeCell(cell), encoded);
    // Neutralising is reversible.
    QCOMPARE(CsvWriter::restored(CsvWriter::neutralized(cell)), cell);
    // The writer encodes a value cell the same way.
    DocumentContent c;
    c.fileName = u"x.txt"_s;
    Entity e;
    e.id = u"organization@1:0-1"_s;
    e.type = u"organization"_s;
    e.value = cell;
    QString error;
    const QList<QStringList> rows = parseCsv(exportOne(c, {e}), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).value(4), CsvWriter::neutralized(cell));
}

void TestCsvWriter::plainNumber_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<bool>("plain");
    QTest::newRow("integer") << u"17999"_s << true;
    QTest::newRow("negative decimal") << u"-12.5"_s << true;
    QTest::newRow("plus") << u"+0.75"_s << true;
    QTest::newRow("fraction only") << u".5"_s << true;
    QTest::newRow("grouped") << u"21,260"_s << true;
    QTest::newRow("grouped negative") << u"-1,300,000.00"_s << true;
    QTest::newRow("bad grouping") << u"1,30"_s << false;
    QTest::newRow("bad first group") << u"1234,567"_s << false;
    QTest::newRow("sign only") << u"-"_s << false;
    QTest::newRow("trailing dot") << u"-12."_s << false;
    QTest::newRow("two signs") << u"--1"_s << false;
    QTest::newRow("expression") << u"-1+2"_s << false;
    QTest::newRow("phone") << u"+1 617 555 0100"_s << false;
    QTest::newRow("percent") << u"-3.2%"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestCsvWriter::plainNumber()
{
    QFETCH(QString, cell);
    QFETCH(bool, plain);
    QCOMPARE(CsvWriter::isPlainNumber(cell), plain);
}

void TestCsvWriter::codePoints_data()
{
    QTest::addColumn<QString>("page");
    QTest::newRow("ascii") << u"ImmunoGen, Inc. (Nasdaq: IMGN)"_s;
    QTest::newRow("bmp") << u"Herceptin® 168 mg/m² — ok"_s;
    QTest::newRow("astral") << u"𝐀𝐂𝐌𝐄 grew 𝟭𝟮% 📈 x"_s;
    QTest::newRow("lone surrogates") << (u"a"_s + QChar(0xD800) + u"b"_s + QChar(0xDC00) + u"😀"_s);
}

void TestCsvWriter::codePoints()
{
    QFETCH(QString, page);
    DocumentContent c;
    c.text.pages = {u"first page"_s, page};
    ExportRowBuilder builder(c);
    for (int i = 0; i <= page.size() + 2; ++i)
        QCOMPARE(builder.toCodePoint(1, i), TextLayer::toCodePoint(page, i));
}

void TestCsvWriter::attributes()
{
    QCOMPARE(ExportRowBuilder::formatAttributes({}), QString());
    QCOMPARE(ExportRowBuilder::formatAttributes({{u"role"_s, u"Chairman and CEO"_s}}), u"role=Chairman and CEO"_s);
    QCOMPARE(ExportRowBuilder::formatAttributes({{u"unit"_s, u"USD"_s}, {u"kind"_s, u"tel"_s}}),
             u"kind=tel; unit=USD"_s);
    QCOMPARE(ExportRowBuilder::formatAttributes({{u"title"_s, u"Items 1; 2 = a\\b"_s}}),
             u"title=Items 1\\; 2 = a\\\\b"_s);
}

void TestCsvWriter::confidence_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("one") << 1.0 << u"1.00"_s;
    QTest::newRow("two decimals") << 0.95 << u"0.95"_s;
    QTest::newRow("three decimals") << 0.875 << u"0.875"_s;
    QTest::newRow("rounded") << 0.66666 << u"0.667"_s;
    QTest::newRow("zero") << 0.0 << u"0.00"_s;
}

void TestCsvWriter::confidence()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(ExportRowBuilder::formatConfidence(value), text);
}

void TestCsvWriter::roundTrip()
{
    const DocumentContent c = sampleContent();
    QCOMPARE(c.text.pageCount(), 5);
    EntityList l = sampleEntities(c);
    // Astral text and formula-like values on a second filing's page.
    const DocumentContent astral = contentFromFile(TestUtils::dataPath(u"export/astral.txt"_s), false);
    EntityList la;
    la << at(astral, u"organization"_s, u"𝐀𝐂𝐌𝐄 Holdings"_s)
       << at(astral, u"percent"_s, u"𝟭𝟮%"_s, u"12"_s)
       << at(astral, u"money"_s, u"$1.3 billion"_s, u"USD 1300000000"_s)
       << at(astral, u"organization"_s, u"=SUM(A1:A9)"_s)
       << at(astral, u"phone"_s, u"+1 617 555 0100"_s, u"+1 617 555 0100"_s, {{u"kind"_s, u"tel"_s}})
       << at(astral, u"percent"_s, u"-12.5 percent"_s, u"-12.5"_s)
       << at(astral, u"organization"_s, u"\"Ops\", Zürich"_s);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions o;
    o.includeRejected = true;
    CsvWriter w(&buffer, o);
    QVERIFY(w.addFile(c, l));
    QVERIFY(w.addFile(astral, la));
    QVERIFY(w.finish());
    QCOMPARE(w.rowCount(), int(l.size() + la.size()));

    QString error;
    const QList<QStringList> rows = parseCsv(buffer.data(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 1 + l.size() + la.size());
    QCOMPARE(rows.first(), CsvWriter::columns());
    const EntityList all = l + la;
    for (int i = 0; i < all.size(); ++i) {
        const Entity &e = all.at(i);
        const QStringList &r = rows.at(i + 1);
        const DocumentContent &doc = i < l.size() ? c : astral;
        QCOMPARE(r.size(), 14);
        QCOMPARE(r.at(0), doc.fileName);
        QCOMPARE(CsvWriter::restored(r.at(1)), e.id);
        QCOMPARE(r.at(2), e.type);
        QCOMPARE(r.at(3), EntityTypes::categoryOf(e.type));
        QCOMPARE(CsvWriter::restored(r.at(4)), e.value);
        QCOMPARE(CsvWriter::restored(r.at(5)), e.text);
        QCOMPARE(r.at(6).toInt(), e.span.page + 1);
        const QString &page = doc.text.pages.at(e.span.page);
        QCOMPARE(codePointSlice(page, r.at(7).toInt(), r.at(8).toInt()), e.text);
        // The id carries the same code-point offsets.
        QCOMPARE(r.at(1).section(u'@', 1), u"%1:%2-%3"_s.arg(r.at(6), r.at(7), r.at(8)));
        QCOMPARE(r.at(9), ExportRowBuilder::formatConfidence(e.confidence));
        QCOMPARE(r.at(10), statusKey(e.status));
        QCOMPARE(r.at(11), e.origin);
        QCOMPARE(CsvWriter::restored(r.at(12)), ExportRowBuilder::formatAttributes(e.attributes));
        QCOMPARE(CsvWriter::restored(r.at(13)), e.note);
    }
    // Spot checks a reader relies on.
    QCOMPARE(rows.at(1 + l.size() + 3).at(4), u"'=SUM(A1:A9)"_s);
    QCOMPARE(rows.at(1 + l.size() + 4).at(4), u"'+1 617 555 0100"_s);
    QCOMPARE(rows.at(1 + l.size() + 5).at(4), u"-12.5"_s);
    QVERIFY(rows.at(1 + l.size()).at(7).toInt() < astral.text.pages.at(0).indexOf(u"𝐀𝐂𝐌𝐄"_s) + 1);
}

void TestCsvWriter::readByPython()
{
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const DocumentContent c = sampleContent();
    const DocumentContent astral = contentFromFile(TestUtils::dataPath(u"export/astral.txt"_s), false);
    EntityList la;
    la << at(astral, u"organization"_s, u"𝐀𝐂𝐌𝐄 Holdings"_s) << at(astral, u"percent"_s, u"𝟭𝟮%"_s, u"12"_s)
       << at(astral, u"organization"_s, u"\"Ops\", Zürich"_s) << at(astral, u"phone"_s, u"+1 617 555 0100"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile csv(dir.filePath(u"out.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    ExportOptions o;
    o.bom = true;
    CsvWriter w(&csv, o);
    QVERIFY(w.addFile(c, sampleEntities(c)));
    QVERIFY(w.addFile(astral, la));
    QVERIFY(w.finish());
    csv.close();
    // The pages, for Python to slice.
    QJsonObject pages;
    for (const DocumentContent *d : {&c, &astral})
        pages.insert(d->fileName, QJsonArray::fromStringList(d->text.pages));
    QFile json(dir.filePath(u"pages.json"_s));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(QJsonDocument(pages).toJson());
    json.close();
    const QString script = uR"(import csv, json, sys
pages = json.load(open(sys.argv[2], encoding='utf-8'))
n = 0
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    r = csv.DictReader(f)
    assert r.fieldnames == 'file,id,type,category,value,text,page,start,end,confidence,status,origin,attributes,note'.split(','), r.fieldnames
    for row in r:
        text = row['text']
        if text.startswith("'") and text[1:2] in '=+-@\t\r':
            text = text[1:]
        page = pages[row['file']][int(row['page']) - 1]
        assert page[int(row['start']):int(row['end'])] == text, (row, page[int(row['start']):int(row['end'])])
        n += 1
print(n)
)"_s;
    QProcess p;
    p.start(python, {u"-c"_s, script, csv.fileName(), json.fileName()});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(p.readAllStandardOutput().trimmed().toInt(), w.rowCount());
}

void TestCsvWriter::rejectedAndFilter()
{
    const DocumentContent c = sampleContent();
    const EntityList l = sampleEntities(c);
    const auto count = [](const QByteArray &csv) {
        QString error;
        return parseCsv(csv, &error).size() - 1;
    };
    const int rejected = int(std::count_if(l.cbegin(), l.cend(), [](const Entity &e) {
        return e.status == EntityStatus::Rejected;
    }));
    QCOMPARE(rejected, 1);
    QCOMPARE(count(exportOne(c, l)), l.size() - rejected);
    QVERIFY(!exportOne(c, l).contains(",rejected,"));
    ExportOptions withRejected;
    withRejected.includeRejected = true;
    QCOMPARE(count(exportOne(c, l, withRejected)), l.size());
    QVERIFY(exportOne(c, l, withRejected).contains(",rejected,"));
    ExportOptions onlyPeople;
    onlyPeople.filter = [](const Entity &e) { return e.type == u"person"_s; };
    const QByteArray people = exportOne(c, l, onlyPeople);
    QCOMPARE(count(people), 3);
    QVERIFY(people.contains("Mitchel Sayare"));
    QVERIFY(!people.contains("Genentech"));
}

void TestCsvWriter::bom()
{
    const DocumentContent c = sampleContent();
    ExportOptions o;
    o.bom = true;
    const QByteArray with = exportOne(c, sampleEntities(c), o);
    const QByteArray without = exportOne(c, sampleEntities(c));
    QVERIFY(with.startsWith("\xEF\xBB\xBF" "file,id,"));
    QVERIFY(without.startsWith("file,id,"));
    QCOMPARE(with.mid(3), without);
}

void TestCsvWriter::batchOfThree()
{
    const DocumentContent sample = sampleContent();
    const DocumentContent buckle = contentFromFile(TestUtils::dataPath(u"export/buckle-ex99-1.txt"_s), false);
    const DocumentContent astral = contentFromFile(TestUtils::dataPath(u"export/astral.txt"_s), false);
    const EntityList ls = sampleEntities(sample);
    const EntityList lb = {at(buckle, u"registrant"_s, u"The Buckle, Inc."_s),
                           at(buckle, u"ticker"_s, u"BKE"_s),
                           at(buckle, u"money"_s, u"$44.2 million"_s, u"USD 44200000"_s),
                           at(buckle, u"percent"_s, u"3.2 percent"_s, u"3.2"_s)};
    const EntityList la = {at(astral, u"percent"_s, u"𝟭𝟮%"_s, u"12"_s)};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter w(&buffer);
    QVERIFY(w.addFile(sample, ls));
    QVERIFY(w.addFile(buckle, lb));
    QVERIFY(w.addFile(astral, la));
    QVERIFY(w.finish());
    QString error;
    const QList<QStringList> rows = parseCsv(buffer.data(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(buffer.data().count("file,id,type"), 1);
    QMap<QString, int> perFile;
    for (int i = 1; i < rows.size(); ++i)
        ++perFile[rows.at(i).at(0)];
    QCOMPARE(perFile.value(u"immunogen-8k-2007-06-04.txt"_s), ls.size() - 1); // one rejected
    QCOMPARE(perFile.value(u"buckle-ex99-1.txt"_s), lb.size());
    QCOMPARE(perFile.value(u"astral.txt"_s), la.size());
    QCOMPARE(perFile.size(), 3);
    // File names only: no folder leaks into the CSV.
    QVERIFY(!buffer.data().contains(QFileInfo(sample.filePath).absolutePath().toUtf8()));
}

void TestCsvWriter::orphanHasNoOffsets()
{
    DocumentContent c = sampleContent();
    Entity e = decided(at(c, u"registrant"_s, u"ImmunoGen, Inc."_s), EntityStatus::Confirmed);
    e.orphan = true;
    e.span = SourceSpan();
    e.note = u"kept from the earlier version"_s;
    Entity outside = at(c, u"ticker"_s, u"IMGN"_s);
    outside.span = {9, 0, 4}; // a page the filing no longer has
    QString error;
    const QList<QStringList> rows = parseCsv(exportOne(c, {e, outside}), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(1).at(5), u"ImmunoGen, Inc."_s);
    QCOMPARE(rows.at(1).mid(6, 3), QStringList({QString(), QString(), QString()}));
    QCOMPARE(rows.at(1).at(13), e.note);
    QCOMPARE(rows.at(2).mid(6, 3), QStringList({QString(), QString(), QString()}));
}

void TestCsvWriter::rowTakesTextFromPage()
{
    // The contract is page_text[start:end] == text: the page wins over a stale entity text.
    const DocumentContent c = contentFromFile(TestUtils::dataPath(u"export/astral.txt"_s), false);
    Entity e = at(c, u"organization"_s, u"𝐀𝐂𝐌𝐄 Holdings"_s);
    e.text = u"ACME Holdings"_s;
    e.status = EntityStatus::Added;
    e.origin.clear();
    ExportRowBuilder builder(c);
    const ExportRow r = builder.row(e);
    QVERIFY(r.hasSpan);
    QCOMPARE(r.text, u"𝐀𝐂𝐌𝐄 Holdings"_s);
    QCOMPARE(r.file, u"astral.txt"_s);
    QCOMPARE(r.page, 1);
    QCOMPARE(r.end - r.start, 13); // code points, not the 17 UTF-16 units
    QCOMPARE(r.origin, u"manual"_s); // an added entity without a rule
    QCOMPARE(r.status, u"added"_s);
    QCOMPARE(r.category, u"Organizations"_s);
}

void TestCsvWriter::emptyExportHasHeader()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter w(&buffer);
    QVERIFY(w.finish());
    QCOMPARE(w.rowCount(), 0);
    QVERIFY(buffer.data().endsWith("note\r\n"));
}

void TestCsvWriter::deviceNotWritable()
{
    QBuffer buffer;
    buffer.open(QIODevice::ReadOnly);
    CsvWriter w(&buffer);
    const DocumentContent c = sampleContent();
    QVERIFY(!w.addFile(c, sampleEntities(c)));
    QVERIFY(!w.finish());
    QVERIFY(w.errorString().contains(u"not open for writing"_s));
}

void TestCsvWriter::manyRows()
{
    // 20,000 entities over a 10-K-sized text: every row present and well formed.
    DocumentContent c;
    c.fileName = u"big.txt"_s;
    const QString paragraph = u"Net sales decreased 3.2 percent to $293.6 million, \"Ops\"; 𝟭𝟮% 📈 margin.\n"_s;
    for (int p = 0; p < 100; ++p)
        c.text.pages << paragraph.repeated(200);
    EntityList l;
    l.reserve(20000);
    const int len = int(paragraph.size());
    for (int i = 0; i < 20000; ++i) {
        Entity e;
        e.type = i % 2 ? u"money"_s : u"percent"_s;
        const int p = i % 100;
        const int k = i / 100;
        const int start = k * len + (i % 2 ? 35 : 20);
        e.span = {p, start, start + (i % 2 ? 13 : 11)};
        e.text = c.text.textAt(e.span);
        e.value = i % 2 ? u"USD 293600000"_s : u"-3.2"_s;
        e.id = Entity::makeId(e.type, e.span, c.text.pages.at(p));
        e.confidence = 0.7;
        e.origin = u"core.figures"_s;
        e.attributes = {{u"unit"_s, u"USD"_s}};
        l << e;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter w(&buffer);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(w.addFile(c, l));
    QVERIFY(w.finish());
    const qint64 ms = timer.elapsed();
    qInfo("20000 rows written in %lld ms (%lld bytes)", ms, qint64(buffer.size()));
    QCOMPARE(w.rowCount(), 20000);
    QString error;
    const QList<QStringList> rows = parseCsv(buffer.data(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 20001);
    QCOMPARE(rows.at(20000).at(5), l.last().text);
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
