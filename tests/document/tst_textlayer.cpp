#include "model/entity.h"
#include "model/textlayer.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class TestTextLayer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void codePoints_data();
    void codePoints();
    void spanText();
    void entityIdUsesCodePoints();
};

void TestTextLayer::codePoints_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<int>("utf16");
    QTest::addColumn<int>("codePoint");
    QTest::newRow("ascii") << u"Item 8.01"_s << 5 << 5;
    QTest::newRow("bmp") << u"Herceptin® x"_s << 11 << 11;
    // U+1D400 (mathematical bold A) is two UTF-16 units, one code point.
    QTest::newRow("astral") << (u"a"_s + QString::fromUcs4(U"\U0001D400") + u"bc"_s) << 4 << 3;
}

void TestTextLayer::codePoints()
{
    QFETCH(QString, page);
    QFETCH(int, utf16);
    QFETCH(int, codePoint);
    QCOMPARE(TextLayer::toCodePoint(page, utf16), codePoint);
    QCOMPARE(TextLayer::fromCodePoint(page, codePoint), utf16);
}

void TestTextLayer::spanText()
{
    TextLayer layer;
    layer.pages = {u"first page"_s, u"ImmunoGen, Inc. (Nasdaq: IMGN)"_s};
    const SourceSpan span{1, 0, 15};
    QCOMPARE(layer.textAt(span), u"ImmunoGen, Inc."_s);
    QCOMPARE(layer.suffix(span, 9), u" (Nasdaq:"_s);
    QCOMPARE(layer.prefix(SourceSpan{1, 17, 23}, 5), u"Inc. ("_s.right(5));
    QVERIFY(layer.textAt(SourceSpan{5, 0, 1}).isEmpty());
    QVERIFY(layer.textAt(SourceSpan{1, 0, 999}).isEmpty());
}

void TestTextLayer::entityIdUsesCodePoints()
{
    const QString page = QString::fromUcs4(U"\U0001D400") + u" ImmunoGen"_s;
    QCOMPARE(Entity::makeId(u"registrant"_s, SourceSpan{0, 3, 12}, page), u"registrant@1:2-11"_s);
}

QTEST_GUILESS_MAIN(TestTextLayer)
#include "tst_textlayer.moc"
