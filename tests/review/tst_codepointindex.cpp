#include "model/codepointindex.h"
#include "model/textlayer.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// CodePointIndex must agree with TextLayer's linear conversion at every offset.
class TestCodePointIndex final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithTextLayer_data()
    {
        QTest::addColumn<QString>("page");
        QTest::newRow("empty") << QString();
        QTest::newRow("ascii") << u"ImmunoGen, Inc. (Nasdaq: IMGN)"_s;
        QTest::newRow("bmp only") << u"Herceptin® is a registered trademark of Genentech."_s;
        QTest::newRow("one pair") << u"Revenue \U0001D400 up 12%"_s;
        QTest::newRow("pairs adjacent") << u"\U0001F4C8\U0001F4C9 chart"_s;
        QTest::newRow("pair at end") << u"net loss \U0001F4C9"_s;
        QTest::newRow("lone surrogate") << (u"broken "_s + QChar(0xD835) + u" text"_s);
    }
    void agreesWithTextLayer()
    {
        QFETCH(QString, page);
        const CodePointIndex index(page);
        for (int i = 0; i <= page.size() + 1; ++i)
            QCOMPARE(index.toCodePoint(i), TextLayer::toCodePoint(page, i));
        const int cps = TextLayer::toCodePoint(page, int(page.size()));
        for (int cp = 0; cp <= cps + 1; ++cp)
            QCOMPARE(index.fromCodePoint(cp), TextLayer::fromCodePoint(page, cp));
    }
};

QTEST_GUILESS_MAIN(TestCodePointIndex)
#include "tst_codepointindex.moc"
