#include "model/textfind.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// Find as the find bar runs it over a filing's text layer.
class TestTextFind : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void caseFolded();
    void caseSensitive();
    void hitsDoNotOverlap();
    void everyPageOfTheLayer();
    void emptyNeedleFindsNothing();
    void continuousTextGivesPagesAndKeepsLength();
};

void TestTextFind::caseFolded()
{
    const QString text = u"ImmunoGen, Inc. and IMMUNOGEN and immunogen"_s;
    QCOMPARE(TextFind::occurrences(text, u"immunogen", Qt::CaseInsensitive), (QList<qsizetype>{0, 20, 34}));
    // Letters beyond ASCII fold too.
    QCOMPARE(TextFind::occurrences(u"SOCIÉTÉ Générale"_s, u"société", Qt::CaseInsensitive),
             (QList<qsizetype>{0}));
}

void TestTextFind::caseSensitive()
{
    const QString text = u"ImmunoGen, Inc. and IMMUNOGEN"_s;
    QCOMPARE(TextFind::occurrences(text, u"ImmunoGen", Qt::CaseSensitive), (QList<qsizetype>{0}));
}

void TestTextFind::hitsDoNotOverlap()
{
    // Each hit starts after the end of the one before: "aaaa" holds "aa" twice, not three times.
    QCOMPARE(TextFind::occurrences(u"aaaa", u"aa", Qt::CaseInsensitive), (QList<qsizetype>{0, 2}));
}

void TestTextFind::everyPageOfTheLayer()
{
    const QStringList pages = {u"Item 1. Business"_s, u"no match here"_s, u"see Item 1 and item 1A"_s};
    const QList<SourceSpan> hits = TextFind::inPages(pages, u"item 1", Qt::CaseInsensitive);
    QCOMPARE(hits, (QList<SourceSpan>{{0, 0, 6}, {2, 4, 10}, {2, 15, 21}}));
    for (const SourceSpan &hit : hits)
        QCOMPARE(pages.at(hit.page).mid(hit.start, hit.length()).toLower(), u"item 1"_s);
    // Pages counted from where the run starts in the filing.
    QCOMPARE(TextFind::inPages(pages, u"business", Qt::CaseInsensitive, 7), (QList<SourceSpan>{{7, 8, 16}}));
}

void TestTextFind::emptyNeedleFindsNothing()
{
    QVERIFY(TextFind::occurrences(u"text", u"", Qt::CaseInsensitive).isEmpty());
    QVERIFY(TextFind::inPages({u"text"_s}, u"", Qt::CaseInsensitive).isEmpty());
    QVERIFY(TextFind::inText(u"text", {0}, 0, u"", Qt::CaseInsensitive).isEmpty());
    QVERIFY(TextFind::inText(u"text", {}, 0, u"text", Qt::CaseInsensitive).isEmpty());
}

void TestTextFind::continuousTextGivesPagesAndKeepsLength()
{
    // Three pages joined by a newline each, as the reading view holds an HTML part.
    const QString text = u"alpha net\nsales beta\ngamma sales"_s;
    const QList<int> offsets = {0, 10, 21};
    const QList<SourceSpan> hits = TextFind::inText(text, offsets, 4, u"sales", Qt::CaseInsensitive);
    QCOMPARE(hits, (QList<SourceSpan>{{5, 0, 5}, {6, 6, 11}}));
    // A hit over a page's end stays whole on the page it starts on.
    const QList<SourceSpan> across = TextFind::inText(text, offsets, 4, u"net\nsales", Qt::CaseInsensitive);
    QCOMPARE(across, (QList<SourceSpan>{{4, 6, 15}}));
    // Before the first page's offset there is no page to give a hit.
    QVERIFY(TextFind::inText(text, {10, 21}, 0, u"alpha", Qt::CaseInsensitive).isEmpty());
}

QTEST_GUILESS_MAIN(TestTextFind)
#include "tst_textfind.moc"
