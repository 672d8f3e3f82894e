#include "document/htmlcleaner.h"
#include "document/htmlloader.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QRegularExpression>
#include <QtCore/QThread>
#include <QtGui/QFont>
#include <QtGui/QTextBlock>
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
    void sheetCuts_data();
    void sheetCuts();
    void nestedBreakReopensElements();
    void factAcrossPages();
    void factsPlacedAsAnchorsWould_data();
    void factsPlacedAsAnchorsWould();
    void sheetsBuiltOnOtherThreadsBelongToCaller();
    void craftedBreaksStayBounded();
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
    QVERIFY(!part.sheets.join(QString()).contains(hidden) || hidden.startsWith(u'&') || hidden == u"<p>"_s);
}

void TestHtmlLoader::textIsTheViewDocumentsText()
{
    const QString html = u"<html><body><p>Dated &#160;<b>June 4, 2007</b></p><table><tr><td>A</td><td>B &amp; C</td></tr></table>"
                         "<p>End</p></body></html>"_s;
    const HtmlLoader::Part part = HtmlLoader::load(html);
    QCOMPARE(part.pages.size(), 1);
    QCOMPARE(part.sheets.size(), 1);
    QCOMPARE(part.documents.size(), size_t(1));
    QCOMPARE(part.pages.constFirst(), part.documents.front()->toPlainText());
    // A document rebuilt from the cleaned HTML (as sheetDocument does) gives the same text.
    const auto again = HtmlLoader::makeDocument(part.sheets.constFirst());
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
    QCOMPARE(part.sheets.size(), 4);
    QCOMPARE(part.documents.size(), size_t(4));
    int offset = 0;
    for (qsizetype i = 0; i < part.pages.size(); ++i) {
        QCOMPARE(part.documents.at(size_t(i))->toPlainText(), part.pages.at(i));
        QCOMPARE(part.pageOffsets.at(i), offset);
        offset += int(part.pages.at(i).size()) + 1;
    }
}

// Where the cleaner cuts a filing into pages, and where it must not.
void TestHtmlLoader::sheetCuts_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("pages"); // each page's text, white space simplified
    const QString hr = u"<hr style=\"page-break-after:always\"/>"_s;
    QTest::newRow("no breaks") << u"<html><body><p>One</p><p>Two</p></body></html>"_s << QStringList{u"One Two"_s};
    QTest::newRow("hr after") << u"<html><body><p>One</p>"_s + hr + u"<p>Two</p></body></html>"_s
                              << QStringList{u"One"_s, u"Two"_s};
    QTest::newRow("edgar 2016 hr") << u"<BODY><P>One</P><HR style=\"HEIGHT: 2px; WIDTH: 100%; PAGE-BREAK-AFTER: always; COLOR: #000000\" noShade><P>Two</P></BODY>"_s
                                   << QStringList{u"One"_s, u"Two"_s};
    QTest::newRow("css3 break-before") << u"<body><p>One</p><div style=\"break-before: page\">Two</div></body>"_s
                                       << QStringList{u"One"_s, u"Two"_s};
    QTest::newRow("css3 break-after") << u"<body><div style=\"break-after:page\">One</div><p>Two</p></body>"_s
                                      << QStringList{u"One"_s, u"Two"_s};
    QTest::newRow("break after end tag") << u"<body><div style=\"page-break-after:always\"><p>One</p></div><p>Two</p></body>"_s
                                         << QStringList{u"One"_s, u"Two"_s};
    QTest::newRow("inside a table") << u"<body><p>One</p><table><tr style=\"page-break-before:always\"><td>Cell</td></tr></table><p>Two</p></body>"_s
                                    << QStringList{u"One Cell Two"_s};
    QTest::newRow("inside hidden content") << u"<body><p>One</p><div style=\"display:none\">"_s + hr + u"x</div><p>Two</p></body>"_s
                                           << QStringList{u"One Two"_s};
    QTest::newRow("hidden element itself") << u"<body><p>One</p><hr style=\"display:none;page-break-after:always\"><p>Two</p></body>"_s
                                           << QStringList{u"One Two"_s};
    QTest::newRow("no blank first page") << u"<body><p>&#160;&nbsp; </p>"_s + hr + u"<p>One</p></body>"_s
                                         << QStringList{u"One"_s};
    QTest::newRow("no blank page between") << u"<body><p>One</p>"_s + hr + u"<p>&#160;</p>"_s + hr + u"<p>Two</p></body>"_s
                                           << QStringList{u"One"_s, u"Two"_s};
    QTest::newRow("none at the end") << u"<body><p>One</p>"_s + hr + u"\n<p>&nbsp;</p>\n</body></html>"_s
                                     << QStringList{u"One"_s};
    QTest::newRow("break before at the end") << u"<body><p>One</p><div style=\"page-break-before:always\"></div></body>"_s
                                             << QStringList{u"One"_s};
    QTest::newRow("fragment without body") << u"<p>One</p>"_s + hr + u"<p>Two</p>"_s << QStringList{u"One"_s, u"Two"_s};
}

void TestHtmlLoader::sheetCuts()
{
    QFETCH(QString, html);
    QFETCH(QStringList, pages);
    const HtmlLoader::Part part = HtmlLoader::load(html);
    QStringList simplified;
    for (const QString &p : part.pages)
        simplified.append(p.simplified());
    QCOMPARE(simplified, pages);
    QCOMPARE(part.sheets.size(), part.pages.size());
    for (qsizetype i = 0; i < part.sheets.size(); ++i) {
        const QString &sheet = part.sheets.at(i);
        QVERIFY2(sheet.startsWith(u"<html"_s, Qt::CaseInsensitive) || sheet.startsWith(u"<body"_s, Qt::CaseInsensitive),
                 qPrintable(sheet));
        QVERIFY2(sheet.contains(u"<body"_s, Qt::CaseInsensitive), qPrintable(sheet));
        QVERIFY2(sheet.endsWith(u"</body></html>"_s) || sheet.endsWith(u"</body>"_s), qPrintable(sheet));
        QCOMPARE(HtmlLoader::makeDocument(sheet)->toPlainText(), part.pages.at(i));
    }
}

namespace {

// Empty when every element a sheet opens is closed in order; otherwise what is wrong.
QString nestingProblem(const QString &html)
{
    static const QStringList voids = {u"br"_s, u"hr"_s, u"img"_s, u"meta"_s, u"link"_s, u"input"_s, u"col"_s, u"wbr"_s};
    QStringList open;
    const qsizetype n = html.size();
    for (qsizetype i = html.indexOf(u'<'); i >= 0; i = html.indexOf(u'<', i)) {
        qsizetype j = i + 1;
        const bool end = j < n && html.at(j) == u'/';
        if (end)
            ++j;
        qsizetype k = j;
        while (k < n && (html.at(k).isLetterOrNumber() || html.at(k) == u':'))
            ++k;
        const QString name = html.mid(j, k - j).toLower();
        const qsizetype gt = html.indexOf(u'>', k);
        if (name.isEmpty() || gt < 0)
            return u"not a tag at %1"_s.arg(i);
        i = gt + 1;
        if (voids.contains(name) || html.at(gt - 1) == u'/')
            continue;
        if (!end) {
            open.append(name);
        } else if (open.isEmpty() || open.constLast() != name) {
            return u"</%1> while %2 is open"_s.arg(name, open.join(u'>'));
        } else {
            open.removeLast();
        }
    }
    return open.isEmpty() ? QString() : u"left open: "_s + open.join(u'>');
}

} // namespace

void TestHtmlLoader::nestedBreakReopensElements()
{
    const QString html = u"<html lang=\"en\"><body style=\"margin:0\"><div class=\"outer\"><div style=\"font-weight:bold\">"
                         "<p>Page one text</p><hr style=\"page-break-after:always\">"
                         "<p>Page two <i>italic</i></p>"
                         "<div style=\"page-break-before:always\"><span>Page three</span></div>"
                         "</div></div><p>Still page three</p></body></html>"_s;
    const HtmlLoader::Part part = HtmlLoader::load(html);
    QCOMPARE(part.pages.size(), 3);
    QCOMPARE(part.pages.at(0).trimmed(), u"Page one text"_s);
    QCOMPARE(part.pages.at(1).trimmed(), u"Page two italic"_s);
    QCOMPARE(part.pages.at(2).trimmed(), u"Page three\nStill page three"_s);
    for (qsizetype i = 0; i < part.sheets.size(); ++i) {
        const QString &sheet = part.sheets.at(i);
        QVERIFY2(nestingProblem(sheet).isEmpty(), qPrintable(nestingProblem(sheet) + u": "_s + sheet));
        // The open elements are reopened with their own start tags, attributes and all.
        QVERIFY2(sheet.startsWith(u"<html lang=\"en\"><body style=\"margin:0\"><div class=\"outer\">"_s), qPrintable(sheet));
        QCOMPARE(part.documents.at(size_t(i))->toPlainText(), part.pages.at(i));
    }
    // The bold of the outer div carries over to the next page.
    QTextCursor cursor(part.documents.at(1).get());
    cursor.setPosition(int(part.pages.at(1).indexOf(u"two"_s)) + 1);
    QCOMPARE(cursor.charFormat().fontWeight(), int(QFont::Bold));
}

void TestHtmlLoader::factAcrossPages()
{
    // Facts on later pages keep their spans on their own page; a fact element left
    // open at a cut gets no second anchor on the next page.
    const QString html = u"<body><p>Cover</p><hr style=\"page-break-after:always\">"
                         "<p>Name: <ix:nonNumeric name=\"dei:EntityRegistrantName\">BUCKLE, INC</ix:nonNumeric></p>"
                         "<div><ix:nonNumeric name=\"dei:EntityFileNumber\">001-12951<div style=\"page-break-before:always\">"
                         "more</div></ix:nonNumeric></div><p>Symbol <ix:nonNumeric name=\"dei:TradingSymbol\">BKE</ix:nonNumeric></p></body>"_s;
    const HtmlLoader::Part part = HtmlLoader::load(html);
    QCOMPARE(part.pages.size(), 3);
    QCOMPARE(part.facts.size(), 3);
    const DeiFact &name = part.facts.at(0);
    QCOMPARE(name.span.page, 1);
    QCOMPARE(part.pages.at(1).mid(name.span.start, name.span.length()), u"BUCKLE, INC"_s);
    const DeiFact &number = part.facts.at(1);
    QCOMPARE(number.span.page, 1);
    QCOMPARE(number.value, u"001-12951"_s);
    const DeiFact &symbol = part.facts.at(2);
    QCOMPARE(symbol.span.page, 2);
    QCOMPARE(part.pages.at(2).mid(symbol.span.start, symbol.span.length()), u"BKE"_s);
    // Each fact is placed once, where it starts: not again where its element is reopened.
    const HtmlCleaner::Result cleaned = HtmlCleaner::clean(html);
    QCOMPARE(cleaned.facts.at(1).sheet, 1);
    QCOMPARE(HtmlCleaner::withAnchors(cleaned, 2).count(u"fl-fact-"_s), 1);
    QVERIFY(!part.sheets.join(QString()).contains(u"fl-fact-"_s));
    for (const QString &sheet : part.sheets)
        QVERIFY2(nestingProblem(sheet).isEmpty(), qPrintable(nestingProblem(sheet) + u": "_s + sheet));
}

void TestHtmlLoader::factsPlacedAsAnchorsWould_data()
{
    // Facts are placed by counting characters, not by anchors in the sheets; wherever
    // that count and QTextDocument could part (references, spaces, elements laid out
    // differently around a fact's first character), they start on the character an
    // anchor would mark.
    QTest::addColumn<QString>("html");
    const QString nb = u"<ix:nonNumeric name=\"dei:EntityRegistrantName\">"_s;
    const QString nf = u"<ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c\" unitRef=\"usd\">"_s;
    QTest::newRow("references") << u"<p>A &amp; B &frac12; &#8220;x&#8221; &#128512; &unknownname; & more "_s + nb
            + u"&#8220;Name&#8221;</ix:nonNumeric> "_s + nf + u"1,234</ix:nonFraction></p>"_s;
    QTest::newRow("starts with a space reference") << u"<p>Name: "_s + nb + u"&#160;BUCKLE</ix:nonNumeric> and "_s
            + nf + u"16,200</ix:nonFraction></p>"_s;
    QTest::newRow("inline divs") << u"<div style=\"display:inline;\">"_s + nb
            + u"300 Crescent Court</ix:nonNumeric></div>, <div style=\"display:inline;\">"_s + nf
            + u"700</ix:nonFraction></div>"_s;
    QTest::newRow("nested, in a table") << u"<table><tr><td>Revenue</td><td>$</td><td>"_s + nb + nf
            + u"47,061</ix:nonFraction></ix:nonNumeric></td></tr><tr><td>(</td><td>"_s + nf
            + u"3</ix:nonFraction>)</td></tr></table>"_s;
    QTest::newRow("starts with a table") << u"<p>x</p>"_s + nb + u"<table><tr><td>Cell one</td></tr></table></ix:nonNumeric>"_s;
    QTest::newRow("across a page break") << u"<body><p>Cover "_s + nf + u"12</ix:nonFraction></p><hr style=\"page-break-after:always\">"
            "<p>Next &lt; "_s + nb + u"BKE</ix:nonNumeric></p><p style=\"page-break-before:always\"> </p></body>"_s;
    QString many = u"<p>"_s;
    for (int code = 0x4E00; code < 0x4E00 + 1500; ++code)
        many += u"&#%1;"_s.arg(code) + (code % 100 == 0 ? nf + u"7</ix:nonFraction> "_s : QString());
    QTest::newRow("thousands of distinct references") << many + u" "_s + nb + u"Name</ix:nonNumeric></p>"_s;
    QTest::newRow("stray text in a table") << u"<table><tr>stray "_s + nf + u"9</ix:nonFraction><td>"_s + nb
            + u"cell</ix:nonNumeric></td></tr></table>"_s;
}

void TestHtmlLoader::factsPlacedAsAnchorsWould()
{
    QFETCH(QString, html);
    const HtmlCleaner::Result cleaned = HtmlCleaner::clean(html);
    const HtmlLoader::Part part = HtmlLoader::load(html);
    QCOMPARE(part.pages.size(), cleaned.sheets.size());
    // The characters other than white space, and how many of them stand before `at`.
    const auto shown = [](const QString &text) { return QString(text).remove(QRegularExpression(u"\\s"_s)); };
    const auto before = [&](const QString &text, int at) { return shown(text.left(at)).size(); };
    int placed = 0;
    for (int sheet = 0; sheet < cleaned.sheets.size(); ++sheet) {
        const std::unique_ptr<QTextDocument> doc = HtmlLoader::makeDocument(HtmlCleaner::withAnchors(cleaned, sheet));
        // An anchor is an element: QTextDocument may break lines otherwise around it
        // (an inline div that starts with one), never show other characters.
        const QString anchored = doc->toPlainText();
        const QString &page = part.pages.at(sheet);
        QCOMPARE(shown(anchored), shown(page));
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QStringList names = it.fragment().charFormat().anchorNames();
                for (const QString &name : names) {
                    const int fact = name.mid(8).toInt();
                    QVERIFY2(part.factSpans.contains(cleaned.facts.at(fact).source), qPrintable(name));
                    const SourceSpan span = part.factSpans.value(cleaned.facts.at(fact).source);
                    QCOMPARE(span.page, sheet);
                    QCOMPARE(before(page, span.start), before(anchored, it.fragment().position()));
                    QCOMPARE(page.at(span.start), anchored.at(it.fragment().position()));
                    ++placed;
                }
            }
        }
    }
    QCOMPARE(part.factSpans.size(), placed);
    QVERIFY(placed > 0);
}

void TestHtmlLoader::sheetsBuiltOnOtherThreadsBelongToCaller()
{
    QString html = u"<html><body>"_s;
    for (int i = 0; i < 40; ++i)
        html += u"<p>Page %1</p><hr style=\"page-break-after:always\">"_s.arg(i);
    html += u"</body></html>"_s;
    HtmlLoader::Part part;
    QThread *const worker = QThread::create([&] { part = HtmlLoader::load(html); });
    worker->start();
    QVERIFY(worker->wait(60000));
    QCOMPARE(part.documents.size(), size_t(40));
    for (size_t i = 0; i < part.documents.size(); ++i) {
        QCOMPARE(part.documents.at(i)->thread(), worker);
        QCOMPARE(part.pages.at(qsizetype(i)).trimmed(), u"Page %1"_s.arg(i));
    }
    delete worker;
    part = HtmlLoader::load(html);
    for (const auto &doc : part.documents)
        QCOMPARE(doc->thread(), QThread::currentThread());
}

void TestHtmlLoader::craftedBreaksStayBounded()
{
    // Long start tags open around many breaks would be repeated on every page.
    const QString hr = u"x<hr style=\"page-break-after:always\">"_s;
    const QString longTags = u"<div title=\""_s + QString(200, u'a') + u"\">"_s;
    const QString html = u"<html><body>"_s + longTags.repeated(100) + hr.repeated(5000) + u"</body></html>"_s;
    const HtmlCleaner::Result cleaned = HtmlCleaner::clean(html);
    QCOMPARE(cleaned.sheets.size(), 1);
    QVERIFY(cleaned.sheets.constFirst().size() < 2 * html.size());
    // Many breaks: the page count is capped, the text all kept.
    const QString many = u"<html><body>"_s + hr.repeated(30000) + u"end</body></html>"_s;
    const HtmlCleaner::Result capped = HtmlCleaner::clean(many);
    QVERIFY(capped.sheets.size() > 1000);
    QVERIFY(capped.sheets.size() <= 10000);
    QCOMPARE(capped.sheets.join(QString()).count(u'x'), 30000);
    QVERIFY(capped.sheets.constLast().contains(u"end"_s));
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
    // A reference ends at the first ';' within 12 characters of its '&'.
    QTest::newRow("semicolon 12 after") << u"&#0000000038;x"_s << u"&x"_s;
    QTest::newRow("semicolon 13 after") << u"&#00000000038;x"_s << u"&#00000000038;x"_s;
    QTest::newRow("no semicolon") << u"a &amp b &#38"_s << u"a &amp b &#38"_s;
    QTest::newRow("at the end") << u"a&"_s << u"a&"_s;
    QTest::newRow("adjacent") << u"&lt;&gt;&amp;amp;"_s << u"<>&amp;"_s;
    QTest::newRow("case") << u"&AMP; &Amp; &#X41;"_s << u"&AMP; &Amp; A"_s;
    QTest::newRow("astral") << u"&#x1F600;!"_s << u"\U0001F600!"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestHtmlLoader::decodeEntities()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(HtmlCleaner::decodeEntities(in), out);
}

QTEST_MAIN(TestHtmlLoader)
#include "tst_htmlloader.moc"
