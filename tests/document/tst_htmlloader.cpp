#include "htmlcleaner.h"
#include "htmlloader.h"

#include <QtCore/QElapsedTimer>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// HTML as a browser shows it: hidden parts gone, entities decoded, the text
// exactly that of the QTextDocument the reading view shows.
class TestHtmlLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void visibleText_data();
    void visibleText();
    void textIsTheViewDocumentsText();
    void deiFacts_data();
    void deiFacts();
    void pageBreaks();
    void deepNesting_data();
    void deepNesting();
    void decodeEntities_data();
    void decodeEntities();
};

void TestHtmlLoader::visibleText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("shown");  // must appear
    QTest::addColumn<QString>("hidden"); // must not appear
    QTest::newRow("script") << u"<p>Item 8.01<script>var x = 'secret';</script> Other Events</p>"_s
                            << u"Item 8.01 Other Events"_s << u"secret"_s;
    QTest::newRow("style") << u"<html><head><style>p { color: red }</style></head><body><p>Visible</p></body></html>"_s
                           << u"Visible"_s << u"color"_s;
    QTest::newRow("comment") << u"<p>Before<!-- Field: Rule-Page --> after</p>"_s << u"Before after"_s << u"Field"_s;
    QTest::newRow("head title") << u"<html><head><title>Document title</title><meta charset=\"utf-8\"></head><body>Body text</body></html>"_s
                                << u"Body text"_s << u"Document title"_s;
    QTest::newRow("head without end tag") << u"<html><head><title>Gone</title><body>Kept</body></html>"_s
                                          << u"Kept"_s << u"Gone"_s;
    QTest::newRow("display none") << u"<div style=\"display: none\"><span>hidden <b>bold</b> text</span></div><p>Shown</p>"_s
                                  << u"Shown"_s << u"hidden"_s;
    QTest::newRow("display none uppercase") << u"<DIV STYLE=\"DISPLAY:NONE\">Hidden</DIV>Shown"_s << u"Shown"_s << u"Hidden"_s;
    QTest::newRow("visibility hidden") << u"<p>Shown<span style=\"visibility: hidden\">Invisible</span></p>"_s
                                       << u"Shown"_s << u"Invisible"_s;
    QTest::newRow("zero font size") << u"<p>Shown<span style=\"font-size:0pt;\">&#8203;Tiny</span> text</p>"_s
                                    << u"Shown text"_s << u"Tiny"_s;
    QTest::newRow("small font kept") << u"<p><span style=\"font-size:0.5pt\">Small</span></p>"_s << u"Small"_s << u"Hidden"_s;
    QTest::newRow("hidden attribute") << u"<p hidden>Hidden</p><p>Shown</p>"_s << u"Shown"_s << u"Hidden"_s;
    QTest::newRow("nested hidden divs") << u"<div style=\"display:none\"><div>a</div><div>b HIDDEN</div></div><div>after</div>"_s
                                        << u"after"_s << u"HIDDEN"_s;
    QTest::newRow("ix header")
        << u"<body><div style=\"display:none\"><ix:header><ix:hidden><ix:nonNumeric name=\"dei:AmendmentFlag\">false</ix:nonNumeric></ix:hidden>"
           "<ix:resources><xbrli:context id=\"c\"><xbrli:identifier>0000885245</xbrli:identifier></xbrli:context></ix:resources></ix:header></div>"
           "<p>FORM <ix:nonNumeric name=\"dei:DocumentType\">8-K</ix:nonNumeric></p></body>"_s
        << u"FORM 8-K"_s << u"0000885245"_s;
    QTest::newRow("ix header not in hidden div") << u"<ix:header><ix:references>ref.xsd</ix:references></ix:header><p>Text</p>"_s
                                                  << u"Text"_s << u"ref.xsd"_s;
    QTest::newRow("nbsp entity") << u"<p>Item&#160;2.02&nbsp;Results</p>"_s << u"Item 2.02 Results"_s << u"&#160;"_s;
    QTest::newRow("amp entity") << u"<p>Johnson &amp; Johnson</p>"_s << u"Johnson & Johnson"_s << u"&amp;"_s;
    QTest::newRow("numeric quotes") << u"<p>&#8220;Company&#8221; &#x2014; Inc.</p>"_s
                                    << u"\u201CCompany\u201D \u2014 Inc."_s << u"&#"_s;
    QTest::newRow("stray less-than") << u"<p>a < b and 5<6</p>"_s << u"a < b and 5<6"_s << u"&lt;"_s;
    QTest::newRow("unclosed comment") << u"<p>Text</p><!-- never closed <p>Lost"_s << u"Text"_s << u"Lost"_s;
    QTest::newRow("images dropped") << u"<p>Logo<img src=\"logo.jpg\" alt=\"ALT\"> here</p>"_s << u"Logo here"_s << u"\uFFFC"_s;
    QTest::newRow("unclosed p") << u"<body><p>One<p>Two<p>Three</body>"_s << u"One\nTwo\nThree"_s << u"<p>"_s;
}

void TestHtmlLoader::visibleText()
{
    QFETCH(QString, html);
    QFETCH(QString, shown);
    QFETCH(QString, hidden);
    const HtmlLoader::Part part = HtmlLoader::load(html);
    const QString text = part.pages.join(u'\n');
    QVERIFY2(text.contains(shown), qPrintable(text));
    QVERIFY2(!text.contains(hidden), qPrintable(text));
    QVERIFY(!part.html.contains(hidden) || hidden.startsWith(u'&') || hidden == u"<p>"_s);
}

void TestHtmlLoader::textIsTheViewDocumentsText()
{
    const QString html = u"<html><body><p>Dated &#160;<b>June 4, 2007</b></p><table><tr><td>A</td><td>B &amp; C</td></tr></table>"
                         "<p>End</p></body></html>"_s;
    const HtmlLoader::Part part = HtmlLoader::load(html);
    QCOMPARE(part.pages.size(), 1);
    QCOMPARE(part.pages.constFirst(), part.document->toPlainText());
    // A document rebuilt from the cleaned HTML (as partDocument does) gives the same text.
    const auto again = HtmlLoader::makeDocument(part.html);
    QCOMPARE(again->toPlainText(), part.pages.constFirst());
    // Offsets are cursor positions.
    const int at = int(part.pages.constFirst().indexOf(u"June"_s));
    QTextCursor cursor(again.get());
    cursor.setPosition(at);
    cursor.setPosition(at + 12, QTextCursor::KeepAnchor);
    QCOMPARE(cursor.selectedText(), u"June 4, 2007"_s);
}

void TestHtmlLoader::deiFacts_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("visible");
    const QString header = u"<div style=\"display:none\"><ix:header><ix:hidden>"
                           "<ix:nonNumeric contextRef=\"c-1\" name=\"dei:EntityCentralIndexKey\">0000885245</ix:nonNumeric>"
                           "</ix:hidden></ix:header></div>"_s;
    QTest::newRow("hidden cik") << header + u"<p>x</p>"_s << u"EntityCentralIndexKey"_s << u"0000885245"_s << false;
    QTest::newRow("simple") << header + u"<p>FORM <ix:nonNumeric name=\"dei:DocumentType\" id=\"f-1\">8-K</ix:nonNumeric></p>"_s
                            << u"DocumentType"_s << u"8-K"_s << true;
    QTest::newRow("nested markup")
        << u"<p><span>Dated <ix:nonNumeric name=\"dei:DocumentPeriodEndDate\" format=\"ixt:date-monthname-day-year-en\">"
           "<b>November</b> 22,&#160;2024</ix:nonNumeric></span> (date)</p>"_s
        << u"DocumentPeriodEndDate"_s << u"November 22, 2024"_s << true;
    QTest::newRow("in table cell")
        << u"<table><tr><td><ix:nonNumeric name=\"dei:EntityIncorporationStateCountryCode\">Nebraska</ix:nonNumeric></td>"
           "<td><ix:nonNumeric name=\"dei:EntityFileNumber\">001-12951</ix:nonNumeric></td></tr></table>"_s
        << u"EntityFileNumber"_s << u"001-12951"_s << true;
    QTest::newRow("line break inside")
        << u"<p><ix:nonNumeric name=\"dei:EntityAddressAddressLine1\">2407 West<br>24th Street</ix:nonNumeric></p>"_s
        << u"EntityAddressAddressLine1"_s << u"2407 West\n24th Street"_s << true;
    QTest::newRow("entity in value")
        << u"<p><ix:nonNumeric name=\"dei:EntityRegistrantName\">Johnson &amp; Johnson</ix:nonNumeric></p>"_s
        << u"EntityRegistrantName"_s << u"Johnson & Johnson"_s << true;
    QTest::newRow("nonFraction")
        << u"<p>Shares: <ix:nonFraction name=\"dei:EntityCommonStockSharesOutstanding\" unitRef=\"shares\" decimals=\"INF\">50,123,456</ix:nonFraction></p>"_s
        << u"EntityCommonStockSharesOutstanding"_s << u"50,123,456"_s << true;
    QTest::newRow("inside display none")
        << u"<div style=\"display:none\"><ix:nonNumeric name=\"dei:TradingSymbol\">BKE</ix:nonNumeric></div><p>x</p>"_s
        << u"TradingSymbol"_s << u"BKE"_s << false;
}

void TestHtmlLoader::deiFacts()
{
    QFETCH(QString, html);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, visible);
    const HtmlLoader::Part part = HtmlLoader::load(html);
    const auto it = std::find_if(part.facts.cbegin(), part.facts.cend(),
                                 [&](const DeiFact &f) { return f.name == name; });
    QVERIFY(it != part.facts.cend());
    QCOMPARE(it->span.isValid(), visible);
    QCOMPARE(it->value, value);
    if (visible)
        QCOMPARE(part.pages.at(it->span.page).mid(it->span.start, it->span.length()), value);
    // Anchors never show: they are named anchors, not links.
    QVERIFY(!part.pages.join(u'\n').contains(u"fl-fact"_s));
}

void TestHtmlLoader::pageBreaks()
{
    const QString html = u"<body><p>Page one</p><hr style=\"page-break-after:always\"><p>Page two</p>"
                         "<div style=\"page-break-before: always\"><p>Page three</p></div>"
                         "<div style=\"page-break-before:always\"></div><div style=\"page-break-before:always\">Four</div></body>"_s;
    const HtmlLoader::Part part = HtmlLoader::load(html);
    QCOMPARE(part.pages.size(), 4);
    QVERIFY(part.pages.at(0).contains(u"Page one"_s));
    QVERIFY(part.pages.at(1).contains(u"Page two"_s));
    QVERIFY(part.pages.at(2).contains(u"Page three"_s));
    QVERIFY(part.pages.at(3).contains(u"Four"_s));
    const QString all = part.document->toPlainText();
    for (qsizetype i = 0; i < part.pages.size(); ++i)
        QCOMPARE(all.mid(part.pageOffsets.at(i), part.pages.at(i).size()), part.pages.at(i));
}

void TestHtmlLoader::deepNesting_data()
{
    QTest::addColumn<QString>("open");
    QTest::addColumn<QString>("close");
    QTest::newRow("div") << u"<div>"_s << u"</div>"_s;
    QTest::newRow("unclosed spans") << u"<span><b>"_s << QString();
    QTest::newRow("tables") << u"<table><tr><td>"_s << u"</td></tr></table>"_s;
    QTest::newRow("lists") << u"<ul><li>"_s << u"</li></ul>"_s;
}

void TestHtmlLoader::deepNesting()
{
    QFETCH(QString, open);
    QFETCH(QString, close);
    const int levels = open.startsWith(u"<table"_s) ? 20000 : 200000;
    const QString html = u"<html><body>"_s + open.repeated(levels) + u"deep text"_s + close.repeated(levels)
        + u"<p>after</p></body></html>"_s;
    const HtmlLoader::Part part = HtmlLoader::load(html);
    QVERIFY(part.droppedTags > 0);
    const QString text = part.pages.join(u'\n');
    QVERIFY(text.contains(u"deep text"_s));
    QVERIFY(text.contains(u"after"_s));
}

void TestHtmlLoader::decodeEntities_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("named") << u"A &amp; B &lt;C&gt;"_s << u"A & B <C>"_s;
    QTest::newRow("nbsp") << u"1&#160;2&nbsp;3"_s << u"1\u00A02\u00A03"_s;
    QTest::newRow("hex") << u"&#x2019;s"_s << u"\u2019s"_s;
    QTest::newRow("unknown kept") << u"&bogus; & alone"_s << u"&bogus; & alone"_s;
    QTest::newRow("out of range") << u"&#99999999;"_s << u"&#99999999;"_s;
}

void TestHtmlLoader::decodeEntities()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(HtmlCleaner::decodeEntities(in), out);
}

QTEST_MAIN(TestHtmlLoader)
#include "tst_htmlloader.moc"
