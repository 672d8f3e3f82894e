#include "model/entitytypes.h"
#include "exportfixtures.h"
#include "export/jsonwriter.h"

#include <QtCore/QBuffer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using namespace ExportFixtures;

class TestJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shape();
    void strings_data();
    void strings();
    void batchAndOptions();
    void orphan();
    void emptyIsValid();
    void deviceNotWritable();
    void manyRows();

private:
    static QJsonObject exportJson(const QList<std::pair<DocumentContent, EntityList>> &files,
                                  ExportOptions o = {})
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        JsonWriter w(&buffer, std::move(o));
        for (const auto &f : files)
            w.addFile(f.first, f.second);
        w.finish();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("invalid JSON: %s", qPrintable(error.errorString()));
        return doc.object();
    }
};

void TestJsonWriter::shape()
{
    const DocumentContent c = sampleContent();
    const EntityList l = sampleEntities(c);
    const QJsonObject o = exportJson({{c, l}});
    QCOMPARE(o.value(u"schema"_s).toString(), u"filing-lens/entities@1"_s);
    QCOMPARE(o.value(u"offsetUnit"_s).toString(), u"codepoint"_s);
    const QJsonArray rows = o.value(u"entities"_s).toArray();
    QCOMPARE(rows.size(), l.size() - 1); // the rejected one is left out
    const QJsonArray files = o.value(u"files"_s).toArray();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.at(0)[u"file"_s].toString(), u"immunogen-8k-2007-06-04.txt"_s);
    QCOMPARE(files.at(0)[u"sha256"_s].toString(), c.sha256);
    QCOMPARE(files.at(0)[u"pages"_s].toInt(), 5);
    QCOMPARE(files.at(0)[u"rows"_s].toInt(), rows.size());

    int r = 0;
    for (const Entity &e : l) {
        if (e.status == EntityStatus::Rejected)
            continue;
        const QJsonObject row = rows.at(r++).toObject();
        QCOMPARE(row.keys().size(), 14);
        QCOMPARE(row[u"file"_s].toString(), c.fileName);
        QCOMPARE(row[u"id"_s].toString(), e.id);
        QCOMPARE(row[u"type"_s].toString(), e.type);
        QCOMPARE(row[u"category"_s].toString(), EntityTypes::categoryOf(e.type));
        QCOMPARE(row[u"value"_s].toString(), e.value);
        QCOMPARE(row[u"text"_s].toString(), e.text);
        QCOMPARE(row[u"page"_s].toInt(), e.span.page + 1);
        const QString page = c.text.pages.at(e.span.page);
        QCOMPARE(codePointSlice(page, row[u"start"_s].toInt(), row[u"end"_s].toInt()), e.text);
        QCOMPARE(row[u"confidence"_s].toDouble(), e.confidence);
        QCOMPARE(row[u"status"_s].toString(), statusKey(e.status));
        QCOMPARE(row[u"origin"_s].toString(), e.origin);
        QJsonObject attributes;
        for (auto it = e.attributes.cbegin(); it != e.attributes.cend(); ++it)
            attributes.insert(it.key(), it.value());
        QCOMPARE(row[u"attributes"_s].toObject(), attributes);
        QCOMPARE(row[u"note"_s].toString(), e.note);
    }
}

void TestJsonWriter::strings_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("quotes and backslash") << u"the \"linkers\" C:\\x"_s;
    QTest::newRow("control characters") << (u"a\tb\nc\rd"_s + QChar(0x01) + QChar(0x1f))
                                        ;
    QTest::newRow("line separators") << u"a\u2028b\u2029c"_s;
    QTest::newRow("non-ascii") << u"Herceptin® 168 mg/m² — Zürich"_s;
    QTest::newRow("astral") << u"𝟭𝟮% 📈"_s;
    QTest::newRow("formula is kept") << u"=SUM(A1:A9)"_s;
}

void TestJsonWriter::strings()
{
    QFETCH(QString, value);
    QString out;
    JsonWriter::appendString(out, value);
    const QJsonDocument doc = QJsonDocument::fromJson((u"["_s + out + u"]"_s).toUtf8());
    QVERIFY(doc.isArray());
    QCOMPARE(doc.array().at(0).toString(), value);
    for (QChar c : out)
        QVERIFY2(c.unicode() >= 0x20 && c != QChar(0x2028) && c != QChar(0x2029), qPrintable(out));
}

void TestJsonWriter::batchAndOptions()
{
    const DocumentContent sample = sampleContent();
    const DocumentContent buckle = contentFromFile(TestUtils::dataPath(u"export/buckle-ex99-1.txt"_s), false);
    const DocumentContent astral = contentFromFile(TestUtils::dataPath(u"export/astral.txt"_s), false);
    const EntityList lb = {at(buckle, u"money"_s, u"$44.2 million"_s, u"USD 44200000"_s),
                           at(buckle, u"percent"_s, u"3.2 percent"_s, u"3.2"_s)};
    const EntityList la = {at(astral, u"percent"_s, u"𝟭𝟮%"_s, u"12"_s)};
    ExportOptions o;
    o.includeRejected = true;
    const QJsonObject all = exportJson({{sample, sampleEntities(sample)}, {buckle, lb}, {astral, la}}, o);
    QCOMPARE(all[u"files"_s].toArray().size(), 3);
    QCOMPARE(all[u"entities"_s].toArray().size(), sampleEntities(sample).size() + 3);
    const QJsonObject last = all[u"entities"_s].toArray().last().toObject();
    QCOMPARE(last[u"file"_s].toString(), u"astral.txt"_s);
    // "𝟭𝟮%" after "Revenue rose " on the second line: code points, not UTF-16 units.
    const QString page = astral.text.pages.at(0);
    QCOMPARE(codePointSlice(page, last[u"start"_s].toInt(), last[u"end"_s].toInt()), u"𝟭𝟮%"_s);
    QVERIFY(last[u"start"_s].toInt() < page.indexOf(u"𝟭𝟮%"_s));

    o.filter = [](const Entity &e) { return e.type == u"percent"_s; };
    const QJsonObject percents = exportJson({{sample, sampleEntities(sample)}, {buckle, lb}, {astral, la}}, o);
    QCOMPARE(percents[u"entities"_s].toArray().size(), 2);
    QCOMPARE(percents[u"files"_s].toArray().at(0)[u"rows"_s].toInt(), 0);
}

void TestJsonWriter::orphan()
{
    const DocumentContent c = sampleContent();
    Entity e = decided(at(c, u"ticker"_s, u"IMGN"_s), EntityStatus::Corrected);
    e.orphan = true;
    e.span = SourceSpan();
    e.confidence = std::nan("");
    const QJsonObject row = exportJson({{c, {e}}})[u"entities"_s].toArray().at(0).toObject();
    QVERIFY(row[u"page"_s].isNull());
    QVERIFY(row[u"start"_s].isNull());
    QVERIFY(row[u"end"_s].isNull());
    QVERIFY(row[u"confidence"_s].isNull());
    QCOMPARE(row[u"text"_s].toString(), u"IMGN"_s);
    QCOMPARE(row[u"status"_s].toString(), u"corrected"_s);
}

void TestJsonWriter::emptyIsValid()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonWriter w(&buffer);
    QVERIFY(w.finish());
    const QJsonObject o = QJsonDocument::fromJson(buffer.data()).object();
    QCOMPARE(o[u"offsetUnit"_s].toString(), u"codepoint"_s);
    QVERIFY(o[u"entities"_s].isArray());
    QCOMPARE(o[u"entities"_s].toArray().size(), 0);
    QCOMPARE(o[u"files"_s].toArray().size(), 0);
}

void TestJsonWriter::deviceNotWritable()
{
    QBuffer buffer;
    JsonWriter w(&buffer);
    const DocumentContent c = sampleContent();
    QVERIFY(!w.addFile(c, sampleEntities(c)));
    QVERIFY(!w.finish());
    QVERIFY(w.errorString().contains(u"not open for writing"_s));
}

void TestJsonWriter::manyRows()
{
    // 20,000 entities over a 10-K-sized text with astral characters: valid JSON, every row.
    DocumentContent c;
    c.fileName = u"big.txt"_s;
    const QString paragraph = u"Net sales decreased 3.2 percent to $293.6 million, \"Ops\"; 𝟭𝟮% 📈 margin.\n"_s;
    for (int p = 0; p < 100; ++p)
        c.text.pages << paragraph.repeated(200);
    EntityList l;
    const int len = int(paragraph.size());
    for (int i = 0; i < 20000; ++i) {
        Entity e;
        e.type = u"money"_s;
        const int start = (i / 100) * len + 35;
        e.span = {i % 100, start, start + 14};
        e.text = c.text.textAt(e.span);
        e.value = u"USD 293600000"_s;
        e.id = Entity::makeId(e.type, e.span, c.text.pages.at(e.span.page));
        e.attributes = {{u"unit"_s, u"USD"_s}};
        l << e;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonWriter w(&buffer);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(w.addFile(c, l));
    QVERIFY(w.finish());
    qInfo("20000 rows written in %lld ms (%lld bytes)", timer.elapsed(), qint64(buffer.size()));
    const QJsonArray rows = QJsonDocument::fromJson(buffer.data()).object().value(u"entities"_s).toArray();
    QCOMPARE(rows.size(), 20000);
    const QJsonObject last = rows.last().toObject();
    QCOMPARE(last[u"text"_s].toString(), u"$293.6 million"_s);
    QCOMPARE(last[u"id"_s].toString(), l.last().id);
    QCOMPARE(codePointSlice(c.text.pages.at(99), last[u"start"_s].toInt(), last[u"end"_s].toInt()), l.last().text);
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
