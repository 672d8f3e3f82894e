#include "extract/extractor.h"
#include "document/filingdocument.h"
#include "document/inlinexbrl.h"
#include "review/reviewstore.h"
#include "testutils.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// The filer's inline-XBRL facts as a reader of the filing's XBRL sees them:
// contexts, units, formats, scale, sign, continuations, exclusions, and what
// cannot be read still listed with the reason.
class TestInlineXbrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numericValue_data();
    void numericValue();
    void textValue_data();
    void textValue();
    void readsEveryFact();
    void namesInAnyCase();
    void loadReadsTrickyHtmlAsReadAlone_data();
    void loadReadsTrickyHtmlAsReadAlone();
    void visibleFactsHaveTheirWordsAsSpan();
    void factsOfASubmissionPart();
    void factsAreReviewedAndSaved();
};

namespace {

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

QString describe(const XbrlFact &f)
{
    QString line = f.concept + u" | "_s + f.period + u" | "_s + f.value + u" | "_s + f.unit;
    if (!f.dimensions.isEmpty())
        line += u" | "_s + f.dimensions;
    if (f.hidden)
        line += u" | hidden"_s;
    if (f.nil)
        line += u" | nil"_s;
    if (f.length >= 0)
        line += u" | length "_s + QString::number(f.length);
    if (!f.error.isEmpty())
        line += u" | error: "_s + f.error;
    return line;
}

// `text` written to `name` in `dir` and opened as a filing; nullptr, with *error
// set, when that fails.
std::unique_ptr<FilingDocument> openWritten(const QTemporaryDir &dir, const QString &name,
                                            const QString &text, LoadError *error)
{
    QFile out(dir.filePath(name));
    if (!dir.isValid() || !out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0) {
        error->message = u"cannot write "_s + out.fileName();
        return nullptr;
    }
    out.close();
    return FilingDocument::load(out.fileName(), {}, error);
}

// Every field of every fact.
QStringList everything(const QList<XbrlFact> &facts)
{
    QStringList lines;
    for (const XbrlFact &f : facts)
        lines.append(QStringList{f.concept, f.value, f.context, f.period, f.unit, f.decimals, f.scale,
                                 f.dimensions, f.error, QString::number(f.length),
                                 QString::number(int(f.numeric)), QString::number(int(f.hidden)),
                                 QString::number(int(f.nil))}
                         .join(u" | "_s));
    return lines;
}

} // namespace

void TestInlineXbrl::numericValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("scale");
    QTest::addColumn<bool>("negative");
    QTest::addColumn<QString>("value"); // empty: unreadable
    QTest::newRow("millions") << u"47,061"_s << u"ixt:num-dot-decimal"_s << u"6"_s << false << u"47061000000"_s;
    QTest::newRow("old name") << u"1,234.50"_s << u"ixt:numdotdecimal"_s << u"3"_s << false << u"1234500"_s;
    QTest::newRow("negative small") << u"0.04"_s << u"ixt:num-dot-decimal"_s << QString() << true << u"-0.04"_s;
    QTest::newRow("percent scale") << u"21.5"_s << u"ixt:num-dot-decimal"_s << u"-2"_s << false << u"0.215"_s;
    QTest::newRow("comma decimal") << u"1.234,56"_s << u"ixt:num-comma-decimal"_s << QString() << false << u"1234.56"_s;
    QTest::newRow("comma decimal old") << u"12,5"_s << u"ixt:numcommadecimal"_s << u"-2"_s << false << u"0.125"_s;
    QTest::newRow("fixed zero dash") << u"\u2014"_s << u"ixt:fixed-zero"_s << u"6"_s << true << u"0"_s;
    QTest::newRow("zerodash") << u"-"_s << u"ixt:zerodash"_s << QString() << false << u"0"_s;
    QTest::newRow("words three") << u"three"_s << u"ixt-sec:numwordsen"_s << QString() << false << u"3"_s;
    QTest::newRow("words no") << u"No"_s << u"ixt-sec:numwordsen"_s << QString() << false << u"0"_s;
    QTest::newRow("words none") << u"none"_s << u"ixt-sec:numwordsen"_s << QString() << false << u"0"_s;
    QTest::newRow("words compound") << u"twenty-one"_s << u"ixt-sec:numwordsen"_s << QString() << false << u"21"_s;
    QTest::newRow("words hundreds") << u"one hundred and five"_s << u"ixt-sec:numwordsen"_s << QString() << false << u"105"_s;
    QTest::newRow("no format") << u"1500.00"_s << QString() << u"3"_s << false << u"1500000"_s;
    QTest::newRow("leading zeros") << u"007"_s << QString() << QString() << false << u"7"_s;
    QTest::newRow("zero not negative") << u"0"_s << u"ixt:num-dot-decimal"_s << QString() << true << u"0"_s;
    QTest::newRow("unknown format") << u"XII"_s << u"ixt:num-roman"_s << QString() << false << QString();
    QTest::newRow("not a number") << u"n/a"_s << u"ixt:num-dot-decimal"_s << QString() << false << QString();
    QTest::newRow("absurd scale") << u"7"_s << u"ixt:num-dot-decimal"_s << u"999999999"_s << false << QString();
    QTest::newRow("scale not a number") << u"7"_s << QString() << u"six"_s << false << QString();
    QTest::newRow("separators without format") << u"1,234"_s << QString() << QString() << false << QString();
    QTest::newRow("two points") << u"1.2.3"_s << u"ixt:num-dot-decimal"_s << QString() << false << QString();
    QTest::newRow("empty") << QString() << u"ixt:num-dot-decimal"_s << QString() << false << QString();
}

void TestInlineXbrl::numericValue()
{
    QFETCH(QString, text);
    QFETCH(QString, format);
    QFETCH(QString, scale);
    QFETCH(bool, negative);
    QFETCH(QString, value);
    QString error;
    const QString got = InlineXbrl::numericValue(text, format, scale, negative, &error);
    QCOMPARE(got, value);
    QCOMPARE(error.isEmpty(), !value.isEmpty());
}

void TestInlineXbrl::textValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("readable");
    QTest::newRow("plain") << u"Acme Corp"_s << QString() << u"Acme Corp"_s << true;
    QTest::newRow("month name") << u"December 31, 2024"_s << u"ixt:date-monthname-day-year-en"_s << u"2024-12-31"_s << true;
    QTest::newRow("old month name") << u"Feb. 1, 2025"_s << u"ixt:datemonthdayyearen"_s << u"2025-02-01"_s << true;
    QTest::newRow("slash us") << u"12/31/24"_s << u"ixt:dateslashus"_s << u"2024-12-31"_s << true;
    QTest::newRow("month day year") << u"3/4/2024"_s << u"ixt:date-month-day-year"_s << u"2024-03-04"_s << true;
    QTest::newRow("day month year") << u"4 March 2024"_s << u"ixt:date-day-monthname-year-en"_s << u"2024-03-04"_s << true;
    QTest::newRow("month day") << u"December 31"_s << u"ixt:date-monthname-day-en"_s << u"--12-31"_s << true;
    QTest::newRow("impossible date") << u"February 30, 2023"_s << u"ixt:date-monthname-day-year-en"_s << u"February 30, 2023"_s << false;
    QTest::newRow("fixed false") << u"No"_s << u"ixt:fixed-false"_s << u"false"_s << true;
    QTest::newRow("fixed true") << u"Yes"_s << u"ixt:fixed-true"_s << u"true"_s << true;
    QTest::newRow("ballot box checked") << u"\u2612"_s << u"ixt-sec:boolballotbox"_s << u"true"_s << true;
    QTest::newRow("ballot box empty") << u"\u2610"_s << u"ixt-sec:boolballotbox"_s << u"false"_s << true;
    QTest::newRow("words") << u"three"_s << u"ixt-sec:numwordsen"_s << u"3"_s << true;
    QTest::newRow("years") << u"5"_s << u"ixt-sec:duryear"_s << u"P5Y"_s << true;
    QTest::newRow("years and a half") << u"2.5"_s << u"ixt-sec:duryear"_s << u"P2Y6M"_s << true;
    QTest::newRow("months") << u"18"_s << u"ixt-sec:durmonth"_s << u"P18M"_s << true;
    QTest::newRow("duration words") << u"three years and six months"_s << u"ixt-sec:durwordsen"_s << u"P3Y6M"_s << true;
    QTest::newRow("exchange as shown") << u"New York Stock Exchange"_s << u"ixt-sec:exchnameen"_s
                                       << u"New York Stock Exchange"_s << true;
    QTest::newRow("unknown") << u"whatever"_s << u"ixt:made-up"_s << u"whatever"_s << false;
}

void TestInlineXbrl::textValue()
{
    QFETCH(QString, text);
    QFETCH(QString, format);
    QFETCH(QString, value);
    QFETCH(bool, readable);
    QString error;
    QCOMPARE(InlineXbrl::textValue(text, format, &error), value);
    QCOMPARE(error.isEmpty(), readable);
}

void TestInlineXbrl::readsEveryFact()
{
    const QString html = readFile(TestUtils::dataPath(u"document/ixbrl-facts.html"_s));
    QVERIFY(!html.isEmpty());
    const InlineXbrl::Reading r = InlineXbrl::read(html);
    QStringList got;
    for (const XbrlFact &f : r.facts)
        got.append(describe(f));
    const QString year = u"2024-01-01/2024-12-31"_s;
    const QStringList want = {
        u"dei:EntityCentralIndexKey | %1 | 0000012345 |  | hidden"_s.arg(year),
        u"dei:AmendmentFlag | %1 | false |  | hidden"_s.arg(year),
        u"us-gaap:SharesOutstanding | 2024-12-31 | 1000 | shares | hidden"_s,
        u"dei:EntityRegistrantName | %1 | Acme Corp | "_s.arg(year),
        u"dei:DocumentPeriodEndDate | %1 | 2024-12-31 | "_s.arg(year),
        u"us-gaap:Revenues | %1 | 47061000000 | USD"_s.arg(year),
        u"us-gaap:Revenues | %1 | 1234500000 | USD | acme:RegionAxis=North East, "
        "us-gaap:StatementBusinessSegmentsAxis=acme:WidgetsMember"_s.arg(year),
        u"us-gaap:EarningsPerShareBasic | %1 | -0.04 | USD/shares"_s.arg(year),
        u"us-gaap:EffectiveIncomeTaxRateContinuingOperations | %1 | 0.215 | pure"_s.arg(year),
        u"acme:EuropeanSales | %1 | 1234.56 | USD"_s.arg(year),
        u"acme:Impairment | %1 | 0 | USD"_s.arg(year),
        u"acme:NumberOfPlants | 2024-12-31 | 3 | pure"_s,
        u"acme:NumberOfMines | 2024-12-31 | 0 | pure"_s,
        u"acme:Nothing | 2024-12-31 |  | USD | nil"_s,
        u"us-gaap:RevenueRecognitionPolicyTextBlock | %1 | Revenue is recognised when control passes. "
        "Sales of 12 units. Continued on the next page. | "_s.arg(year),
        u"acme:Units | %1 | 12 | shares"_s.arg(year),
        u"acme:Weird | %1 |  | USD | error: unknown format ixt:num-roman"_s.arg(year),
        u"acme:Lost |  | 5 | USD | error: no context c-404"_s,
        u"acme:NoUnit | %1 | 6 |  | error: no unit u-404"_s.arg(year),
        u"acme:Huge | %1 |  | USD | error: scale 999999999 is out of range"_s.arg(year),
        u"acme:Loop | %1 | loop a b |  | error: continuation loop-a comes round again"_s.arg(year),
    };
    QCOMPARE(got, want);
    QCOMPARE(r.sources.size(), r.facts.size());
    for (qsizetype i = 0; i < r.sources.size(); ++i)
        QVERIFY(QStringView(html).mid(r.sources.at(i)).startsWith(u"<ix:non"_s));
}

// Tag and attribute names read without case, as HTML reads them, whatever prefix the
// document binds to the inline-XBRL namespace; block elements in any case part words.
void TestInlineXbrl::namesInAnyCase()
{
    const QString html = uR"(<HTML xmlns:Inl="http://www.xbrl.org/2013/inlineXBRL"><BODY>
<DIV STYLE="display:none"><INL:HEADER><INL:RESOURCES>
<XBRLI:CONTEXT ID="c1"><xbrli:ENTITY>x</xbrli:ENTITY><XBRLI:PERIOD><XBRLI:INSTANT>2024-12-31</XBRLI:INSTANT></XBRLI:PERIOD></XBRLI:CONTEXT>
<XBRLI:UNIT ID="usd"><XBRLI:MEASURE>iso4217:USD</XBRLI:MEASURE></XBRLI:UNIT>
</INL:RESOURCES></INL:HEADER></DIV>
<P>Cash <inl:NONFRACTION NAME="us-gaap:Cash" CONTEXTREF="c1" UNITREF="usd" DECIMALS="-3" SCALE="3" SIGN="-" FORMAT="ixt:num-dot-decimal">1,250</inl:NONFRACTION></P>
<Inl:NonNumeric Name="acme:Note" ContextRef="c1"><DIV>first</DIV><Div>second</Div></Inl:NonNumeric>
<ix:nonFraction name="acme:NotInline" contextRef="c1" unitRef="usd">7</ix:nonFraction>
</BODY></HTML>)"_s;
    const InlineXbrl::Reading r = InlineXbrl::read(html);
    QStringList got;
    for (const XbrlFact &f : r.facts)
        got.append(describe(f));
    const QStringList want = {
        u"us-gaap:Cash | 2024-12-31 | -1250000 | USD"_s,
        u"acme:Note | 2024-12-31 | first second | "_s,
    };
    QCOMPARE(got, want);
    QCOMPARE(r.facts.at(0).decimals, u"-3"_s);
    QCOMPARE(r.facts.at(0).scale, u"3"_s);
}

// The facts read from the tags the cleaner parses are those read alone, also where the
// two read the HTML differently: raw text the cleaner skips (<title>, <xmp>) or that
// both skip (<script>, <style>), CDATA (text to the facts, nothing to the cleaner),
// comments, a stray '<', quoted '>' and '<' in attributes, unterminated constructs,
// and the facts' own nesting, continuations, exclusions and hidden sections.
void TestInlineXbrl::loadReadsTrickyHtmlAsReadAlone_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("facts");
    QTest::newRow("plain") << uR"(<p>Sales <ix:nonFraction name="a:S" contextRef="c" unitRef="u" scale="6">1,250</ix:nonFraction> and <ix:nonNumeric name="a:T" contextRef="c">some <b>bold</b> text</ix:nonNumeric></p>)"_s << 2;
    QTest::newRow("title") << uR"(<head><title>T <ix:nonFraction name="a:InTitle" contextRef="c" unitRef="u">5</ix:nonFraction></title></head><p><ix:nonFraction name="a:After" contextRef="c" unitRef="u">6</ix:nonFraction></p>)"_s << 2;
    QTest::newRow("xmp") << uR"(<xmp><ix:nonNumeric name="a:InXmp" contextRef="c">x <p>y</p></ix:nonNumeric></xmp><ix:nonFraction name="a:After" contextRef="c" unitRef="u">7</ix:nonFraction>)"_s << 2;
    QTest::newRow("title unterminated") << uR"(<p><ix:nonFraction name="a:Before" contextRef="c" unitRef="u">1</ix:nonFraction><title>t <ix:nonFraction name="a:In" contextRef="c" unitRef="u">2</ix:nonFraction> <ix:nonNumeric name="a:Open" contextRef="c">open)"_s << 3;
    QTest::newRow("title ends in an attribute") << uR"(<title a="</title>"><ix:nonFraction name="a:X" contextRef="c" unitRef="u">3</ix:nonFraction>"></title><ix:nonFraction name="a:Y" contextRef="c" unitRef="u">4</ix:nonFraction>)"_s << 2;
    QTest::newRow("script") << uR"(<script>var s = "<ix:nonFraction name='a:No' contextRef='c' unitRef='u'>9</ix:nonFraction>";</script><ix:nonFraction name="a:Yes" contextRef="c" unitRef="u">8</ix:nonFraction><style>p{}</style>)"_s << 1;
    QTest::newRow("cdata") << uR"(<ix:nonNumeric name="a:C" contextRef="c">a<![CDATA[<b>b</b> <ix:nonFraction name="a:No" contextRef="c" unitRef="u">9</ix:nonFraction>]]>c</ix:nonNumeric>)"_s << 1;
    QTest::newRow("cdata unterminated") << uR"(<ix:nonNumeric name="a:C" contextRef="c">a<![CDATA[<b>b</b> <ix:nonFraction name="a:No" contextRef="c" unitRef="u">9</ix:nonFraction>)"_s << 1;
    QTest::newRow("comments") << uR"(<!-- <ix:nonFraction name="a:No" contextRef="c" unitRef="u">9</ix:nonFraction> --><ix:nonNumeric name="a:N" contextRef="c">x<!-- y -->z</ix:nonNumeric><!-- open <ix:nonFraction name="a:No2" contextRef="c" unitRef="u">9</ix:nonFraction>)"_s << 1;
    QTest::newRow("declarations") << uR"(<!DOCTYPE html><?xml version="1.0"?><ix:nonFraction name="a:D" contextRef="c" unitRef="u">1<?pi ></ix:nonFraction>2</ix:nonFraction>)"_s << 1;
    QTest::newRow("stray <") << uR"(<ix:nonNumeric name="a:L" contextRef="c">a < b <3 <</ix:nonNumeric><ix:nonFraction name="a:M" contextRef="c" unitRef="u">1<</ix:nonFraction>)"_s << 2;
    QTest::newRow("quoted > and <") << uR"(<div title="a<ix:nonFraction name='a:No' contextRef='c' unitRef='u'>9</ix:nonFraction>"><ix:nonFraction name="a:Q" contextRef="c" unitRef="u" format='ixt:num-dot-decimal' data-x="1>2">1,000</ix:nonFraction></div>)"_s << 1;
    QTest::newRow("unterminated tag") << uR"(<ix:nonFraction name="a:U" contextRef="c" unitRef="u">5</ix:nonFraction><ix:nonNumeric name="a:Open" contextRef="c" title="never closed)"_s << 2;
    QTest::newRow("nested, continued, excluded") << uR"(<ix:nonNumeric name="a:Outer" contextRef="c" continuedAt="k1">Outer <ix:nonFraction name="a:Inner" contextRef="c" unitRef="u">12</ix:nonFraction> text <ix:exclude>page 3</ix:exclude></ix:nonNumeric><p>between</p><ix:continuation id="k1" continuedAt="k2">more</ix:continuation><ix:continuation id="k2" continuedAt="k1">again</ix:continuation>)"_s << 2;
    QTest::newRow("hidden") << uR"(<div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c">0000012345</ix:nonNumeric><ix:nonFraction name="a:H" contextRef="c" unitRef="u" xsi:nil="true"/></ix:hidden></ix:header></div><p style="display:none"><ix:nonFraction name="a:Hid" contextRef="c" unitRef="u">4</ix:nonFraction></p>)"_s << 3;
    QTest::newRow("mismatched") << uR"(<table><tr><td><ix:nonFraction name="a:T" contextRef="c" unitRef="u">1</td><td>2</ix:nonFraction></b></table></ix:nonNumeric><p><ix:nonNumeric name="a:P" contextRef="c">x</p></ix:nonNumeric>)"_s << 2;
}

void TestInlineXbrl::loadReadsTrickyHtmlAsReadAlone()
{
    QFETCH(QString, body);
    QFETCH(int, facts);
    const QString html = uR"(<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body><div style="display:none"><ix:header><ix:resources>
<xbrli:context id="c"><xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:unit id="u"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit></ix:resources></ix:header></div>
)"_s + body;
    const InlineXbrl::Reading alone = InlineXbrl::read(html);
    QCOMPARE(alone.facts.size(), facts);
    // Opened as a filing, the facts are read on another core while the HTML is
    // cleaned and laid out: the same facts, each visible one placed on its words.
    QTemporaryDir dir;
    LoadError error;
    const auto doc = openWritten(dir, u"tricky.htm"_s, html, &error);
    QVERIFY2(doc, qPrintable(error.message));
    const DocumentContent &c = doc->content();
    QCOMPARE(everything(c.xbrlFacts), everything(alone.facts));
    for (const XbrlFact &f : c.xbrlFacts) {
        if (f.span.isValid())
            QVERIFY2(!c.text.textAt(f.span).trimmed().isEmpty(), qPrintable(f.concept));
    }
}

void TestInlineXbrl::visibleFactsHaveTheirWordsAsSpan()
{
    LoadError error;
    const auto doc = FilingDocument::load(TestUtils::dataPath(u"document/ixbrl-facts.html"_s), {}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    const DocumentContent &c = doc->content();
    QCOMPARE(c.xbrlFacts.size(), 21);
    QCOMPARE(c.pageCount(), 2);
    const auto shown = [&](int i) { return c.text.textAt(c.xbrlFacts.at(i).span); };
    for (int i : {0, 1, 2})
        QVERIFY2(!c.xbrlFacts.at(i).span.isValid(), "a hidden fact has no span");
    QCOMPARE(shown(3), u"Acme Corp"_s);
    QCOMPARE(shown(4), u"December 31, 2024"_s);
    QCOMPARE(shown(5), u"47,061"_s);
    QCOMPARE(shown(7), u"0.04"_s);
    QCOMPARE(shown(10), u"\u2014"_s);
    QCOMPARE(shown(11), u"three"_s);
    QVERIFY(!c.xbrlFacts.at(13).span.isValid()); // nil: nothing shown
    QVERIFY2(shown(14).startsWith(u"Revenue is recognised"_s), qPrintable(shown(14) + u" at "_s + QString::number(c.xbrlFacts.at(14).span.start)));
    QCOMPARE(c.xbrlFacts.at(14).span.page, 0);
    QCOMPARE(shown(15), u"12"_s);
    QCOMPARE(c.xbrlFacts.at(16).span.page, 1);
    QCOMPARE(shown(16), u"XII"_s);
    // The cover page still gets its dei facts, with the same spans.
    QCOMPARE(c.deiFacts.size(), 4);
}

void TestInlineXbrl::factsOfASubmissionPart()
{
    const QString html = readFile(TestUtils::dataPath(u"document/ixbrl-facts.html"_s));
    const QString submission = u"<SEC-DOCUMENT>0000012345-25-000001.txt : 20250220\n<SEC-HEADER>0000012345-25-000001.hdr.sgml : 20250220\n"
                               "ACCESSION NUMBER:\t\t0000012345-25-000001\nCONFORMED SUBMISSION TYPE:\t10-K\n</SEC-HEADER>\n"
                               "<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<FILENAME>acme-10k.htm\n<TEXT>\n"_s
        + html + u"\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"_s;
    QTemporaryDir dir;
    LoadError error;
    const auto doc = openWritten(dir, u"acme.txt"_s, submission, &error);
    QVERIFY2(doc, qPrintable(error.message));
    const DocumentContent &c = doc->content();
    QCOMPARE(c.format, DocumentFormat::Submission);
    QCOMPARE(c.xbrlFacts.size(), 21);
    const XbrlFact &revenue = c.xbrlFacts.at(5);
    QCOMPARE(revenue.value, u"47061000000"_s);
    // Pages count from the filing's first page: the header is page 0.
    QVERIFY(revenue.span.page >= 1);
    QCOMPARE(c.text.textAt(revenue.span), u"47,061"_s);
}

// Facts are entities like any other: a hidden one (no span) and a shown one are
// confirmed, rejected and corrected, with undo, and come back from the review file.
void TestInlineXbrl::factsAreReviewedAndSaved()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"acme.html"_s);
    QVERIFY(QFile::copy(TestUtils::dataPath(u"document/ixbrl-facts.html"_s), path));
    LoadError error;
    const auto doc = FilingDocument::load(path, {}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    const Extractor extractor(RuleSet::loadFrom({u":/rules/core.json"_s}));
    const EntityList entities = extractor.extract(doc->content());
    QStringList ids;
    QString hiddenId, revenueId;
    for (const Entity &e : entities) {
        ids.append(e.id);
        if (e.type != u"xbrl_fact"_s)
            continue;
        if (e.attributes.value(u"concept"_s) == u"us-gaap:SharesOutstanding"_s)
            hiddenId = e.id;
        if (e.attributes.value(u"concept"_s) == u"us-gaap:Revenues"_s && revenueId.isEmpty())
            revenueId = e.id;
    }
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size()); // ids are unique
    QCOMPARE(hiddenId, u"xbrl_fact@0:2-2"_s);
    QVERIFY2(revenueId.startsWith(u"xbrl_fact@1:"_s), qPrintable(revenueId));

    {
        ReviewStore store;
        store.open(doc->content(), entities);
        store.setValue(revenueId, u"47062000000"_s);
        QCOMPARE(store.entity(revenueId)->status, EntityStatus::Corrected);
        store.reject(hiddenId);
        QCOMPARE(store.entity(hiddenId)->status, EntityStatus::Rejected);
        store.undoStack()->undo();
        QCOMPARE(store.entity(hiddenId)->status, EntityStatus::Auto);
        store.undoStack()->redo();
        QCOMPARE(store.entity(hiddenId)->status, EntityStatus::Rejected);
        QVERIFY(store.save());
        store.close();
    }
    ReviewStore again;
    again.open(doc->content(), entities);
    QCOMPARE(again.entity(hiddenId)->status, EntityStatus::Rejected);
    QVERIFY(!again.entity(hiddenId)->orphan);
    QCOMPARE(again.entity(revenueId)->status, EntityStatus::Corrected);
    QCOMPARE(again.entity(revenueId)->value, u"47062000000"_s);
    QCOMPARE(again.entity(revenueId)->attributes.value(u"unit"_s), u"USD"_s);
    again.close();
}

QTEST_MAIN(TestInlineXbrl)
#include "tst_inlinexbrl.moc"
