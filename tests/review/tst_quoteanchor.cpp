#include "review/quoteanchor.h"
#include "reviewfixture.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// Re-anchoring a quote saved against the fixture filing in an edited copy of it.
class TestQuoteAnchor final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void locate_data()
    {
        QTest::addColumn<QString>("exact");   // the quote on page 1 of the original
        QTest::addColumn<QString>("from");    // an edit: replace this ...
        QTest::addColumn<QString>("to");      // ... by this on page 1
        QTest::addColumn<QString>("expected"); // text at the found span; empty: not found
        QTest::addColumn<int>("method");

        using M = QuoteAnchor::Method;
        QTest::newRow("unchanged") << u"0-17999"_s << QString() << QString() << u"0-17999"_s << int(M::Exact);
        QTest::newRow("text inserted before")
            << u"ImmunoGen, Inc."_s << u"FORM 8-K"_s << u"FORM 8-K/A\n\nAMENDMENT NO. 1"_s
            << u"ImmunoGen, Inc."_s << int(M::Exact);
        QTest::newRow("whitespace changed")
            << u"128 Sidney Street, Cambridge, MA 02139"_s << u"128 Sidney Street, Cambridge"_s
            << u"128 Sidney  Street,\nCambridge"_s << u"128 Sidney  Street,\nCambridge, MA 02139"_s
            << int(M::Whitespace);
        QTest::newRow("quote edited, context kept")
            << u"04-2726691"_s << u"04-2726691"_s << u"04 2726691"_s << u"04 2726691"_s << int(M::Context);
        QTest::newRow("quote and context edited")
            << u"Massachusetts (State or other jurisdiction"_s
            << u"Massachusetts (State or other jurisdiction of incorporation)"_s
            << u"Massachusets (State or othr jurisdiction of incorporation):"_s << u"Massachusets (State or othr jurisdiction"_s
            << int(M::Fuzzy);
        QTest::newRow("deleted") << u"0-17999 (Commission File Number)"_s
                                 << u"0-17999 (Commission File Number)"_s << QString() << QString()
                                 << int(M::None);
    }
    void locate()
    {
        QFETCH(QString, exact);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        QFETCH(int, method);

        const DocumentContent original = ReviewFixture::contentOf(
            TestUtils::dataPath(u"review/immunogen-8k.txt"_s));
        const QString &page = original.text.pages.at(0);
        const int at = int(page.indexOf(exact));
        QVERIFY(at >= 0);
        const SourceSpan old{0, at, at + int(exact.size())};

        TextLayer changed = original.text;
        if (!from.isEmpty()) {
            QVERIFY(changed.pages[0].contains(from));
            changed.pages[0].replace(from, to);
        }
        QuoteAnchor anchor(changed);
        const QuoteAnchor::Result r = anchor.locate(
            {exact, original.text.prefix(old), original.text.suffix(old), 0, old.start});
        QCOMPARE(int(r.method), method);
        QCOMPARE(changed.textAt(r.span), expected);
    }

    void holds_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<bool>("holds");
        const QString quote = u"was promoted to President, Apple Europe in August 1988."_s;
        QTest::newRow("unchanged") << quote << true;
        QTest::newRow("context reflowed") << u"was promoted to\n   President,  Apple Europe in\nAugust 1988."_s << true;
        QTest::newRow("another mention") << u"Senior Vice President, Apple Europe Division in April 1988"_s << false;
        QTest::newRow("text changed") << u"was promoted to President, Apples Europe in August 1988."_s << false;
    }
    void holds()
    {
        QFETCH(QString, page);
        QFETCH(bool, holds);
        TextLayer text;
        text.pages = {page};
        const QuoteAnchor anchor(text);
        const int at = int(page.indexOf(u"Apple"_s));
        QCOMPARE(anchor.holds({u"Apple"_s, u"was promoted to President, "_s, u" Europe in August 1988."_s, 0, at},
                              SourceSpan{0, at, at + 5}),
                 holds);
    }

    void prefersTheOccurrenceWithMatchingContext()
    {
        // "ImmunoGen, Inc." occurs three times; the quote's context picks the third.
        TextLayer text;
        text.pages = {u"ImmunoGen, Inc. (Nasdaq: IMGN) issued a press release. "
                      u"Press Release of ImmunoGen, Inc. dated June 4, 2007. "
                      u"Contact ImmunoGen, Inc. investor relations."_s};
        const QuoteAnchor anchor(text);
        const QuoteAnchor::Result r
            = anchor.locate({u"ImmunoGen, Inc."_s, u"ed June 4, 2007. Contact "_s, u" investor"_s, 0, 0});
        QCOMPARE(int(r.method), int(QuoteAnchor::Method::Exact));
        QCOMPARE(r.span.start, int(text.pages[0].lastIndexOf(u"ImmunoGen, Inc."_s)));
    }

    void fuzzyStaysNearTheOldPosition()
    {
        // A near miss far beyond the reach is not taken.
        TextLayer text;
        text.pages = {QString(5000, u'x') + u" Massachusets corporation"_s};
        const QuoteAnchor anchor(text);
        const QuoteAnchor::Result r = anchor.locate({u"Massachusetts"_s, {}, {}, 0, 10});
        QCOMPARE(int(r.method), int(QuoteAnchor::Method::None));
        const QuoteAnchor::Result near = anchor.locate({u"Massachusetts"_s, {}, {}, 0, 4990});
        QCOMPARE(int(near.method), int(QuoteAnchor::Method::Fuzzy));
        QCOMPARE(text.textAt(near.span), u"Massachusets"_s);
    }
};

QTEST_GUILESS_MAIN(TestQuoteAnchor)
#include "tst_quoteanchor.moc"
