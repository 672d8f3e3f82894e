#include "document/filingdocument.h"
#include "document/submissionparser.h"
#include "testutils.h"

#include <QtGui/QTextDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// EDGAR full submissions of the shared corpus: header fields (checked by hand
// against each file's header) and the list of documents.
class TestSubmission : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headerField_data();
    void headerField();
    void parts_data();
    void parts();
    void everyFieldSpanShowsItsValue_data();
    void everyFieldSpanShowsItsValue();
    void textPagesSplitAtPageMarkers();
    void cutMidHeader();
    void cutMidDocument();
    void manyUnclosedDocuments();
    void classify_data();
    void classify();

private:
    static std::unique_ptr<FilingDocument> open(const QString &path);
};

std::unique_ptr<FilingDocument> TestSubmission::open(const QString &path)
{
    LoadError error;
    auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    if (!doc)
        qWarning("%s", qPrintable(error.message));
    return doc;
}

void TestSubmission::headerField_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    const auto row = [](const char *file, const char *key, const QString &value) {
        QTest::addRow("%s %s", file, key) << QString::fromLatin1(file) << QString::fromLatin1(key) << value;
    };
    // <SEC-HEADER> "KEY: value" form
    row("8k/0001213900-25-032135.txt", "accession_number", u"0001213900-25-032135"_s);
    row("8k/0001213900-25-032135.txt", "form_type", u"8-K"_s);
    row("8k/0001213900-25-032135.txt", "period_of_report", u"20250415"_s);
    row("8k/0001213900-25-032135.txt", "filing_date", u"20250415"_s);
    row("8k/0001213900-25-032135.txt", "company_name", u"ABVC BIOPHARMA, INC."_s);
    row("8k/0001213900-25-032135.txt", "cik", u"0001173313"_s);
    row("8k/0001213900-25-032135.txt", "sic", u"2834"_s);
    row("8k/0001213900-25-032135.txt", "irs_number", u"260014658"_s);
    row("8k/0001213900-25-032135.txt", "state_of_incorporation", u"NV"_s);
    row("8k/0001213900-25-032135.txt", "file_number", u"001-40700"_s);
    row("8k/0001213900-25-032135.txt", "business_phone", u"510-668-0881"_s);
    row("8k/0001213900-25-032135.txt", "business_address", u"44370 OLD WARM SPRINGS BLVD., FREMONT, CA 94538"_s);
    row("8k/0001213900-25-032135.txt", "former_names",
        u"American BriVision (Holding) Corp;METU BRANDS, INC.;ECOLOGY COATINGS, INC."_s);
    row("8k/0001213900-25-032135.txt", "items",
        u"Results of Operations and Financial Condition;Non-Reliance on Previously Issued Financial "
        "Statements or a Related Audit Report or Completed Interim Review;Regulation FD Disclosure;"
        "Financial Statements and Exhibits"_s);
    row("8k/0000943374-24-000509.txt", "company_name", u"1895 Bancorp of Wisconsin, Inc. /MD/"_s);
    row("8k/0000943374-24-000509.txt", "period_of_report", u"20241220"_s);
    row("8k/0000943374-24-000509.txt", "filing_date", u"20241227"_s);
    row("8k/0000943374-24-000509.txt", "cik", u"0001847360"_s);
    row("8k/0000943374-24-000509.txt", "file_number", u"001-40609"_s);
    row("8k/0000943374-24-000509.txt", "state_of_incorporation", u"MD"_s);
    row("8k/0000943374-24-000509.txt", "sic", u"6036"_s);
    row("8k/aapl-8k-20191115.txt", "accession_number", u"0001193125-19-292676"_s);
    row("8k/aapl-8k-20191115.txt", "company_name", u"Apple Inc."_s);
    row("8k/aapl-8k-20191115.txt", "period_of_report", u"20191107"_s);
    row("8k/aapl-8k-20191115.txt", "items", u"Other Events;Financial Statements and Exhibits"_s);
    row("8k/aapl-8k-20191115.txt", "former_names", u"APPLE INC;APPLE COMPUTER INC"_s);
    row("8k/aapl-8k-20191115.txt", "business_phone", u"(408) 996-1010"_s);
    row("8k/aapl-8k-20191115.txt", "business_address", u"ONE APPLE PARK WAY, CUPERTINO, CA 95014"_s);
    // PEM-wrapped, plain-text era
    row("8k/0000912057-00-002128.txt", "accession_number", u"0000912057-00-002128"_s);
    row("8k/0000912057-00-002128.txt", "company_name", u"APPLE COMPUTER INC"_s);
    row("8k/0000912057-00-002128.txt", "period_of_report", u"20000119"_s);
    row("8k/0000912057-00-002128.txt", "filing_date", u"20000124"_s);
    row("8k/0000912057-00-002128.txt", "file_number", u"000-10030"_s);
    row("8k/0000912057-00-002128.txt", "business_address", u"1 INFINITE LOOP, CUPERTINO, CA 95014"_s);
    row("8k/0001011438-98-000429.txt", "company_name", u"AAMES CAPITAL CORP"_s);
    row("8k/0001011438-98-000429.txt", "cik", u"0000913951"_s);
    row("8k/0001011438-98-000429.txt", "period_of_report", u"19981215"_s);
    row("8k/0001011438-98-000429.txt", "business_address",
        u"350 SOUTH GRAND AVE 52ND FLOOR, C/O GARY K JUDIS, LOS ANGELES, CA 90071"_s);
    // <IMS-HEADER> inside a PEM wrapper
    row("10k/0000320193-94-000016.txt", "accession_number", u"0000320193-94-000016"_s);
    row("10k/0000320193-94-000016.txt", "form_type", u"10-K"_s);
    row("10k/0000320193-94-000016.txt", "period_of_report", u"19940930"_s);
    row("10k/0000320193-94-000016.txt", "filing_date", u"19941213"_s);
    row("10k/0000320193-94-000016.txt", "irs_number", u"942404110"_s);
    row("10k/0000320193-94-000016.txt", "sic", u"3571"_s);
    // <SUBMISSION> SGML form (.nc, CR line ends)
    row("8k/0001493152-25-001317.nc", "accession_number", u"0001493152-25-001317"_s);
    row("8k/0001493152-25-001317.nc", "form_type", u"8-K"_s);
    row("8k/0001493152-25-001317.nc", "period_of_report", u"20250106"_s);
    row("8k/0001493152-25-001317.nc", "filing_date", u"20250108"_s);
    row("8k/0001493152-25-001317.nc", "items", u"5.02;9.01"_s);
    row("8k/0001493152-25-001317.nc", "company_name", u"ACORN ENERGY, INC."_s);
    row("8k/0001493152-25-001317.nc", "cik", u"0000880984"_s);
    row("8k/0001493152-25-001317.nc", "sic", u"8711"_s);
    row("8k/0001493152-25-001317.nc", "irs_number", u"222786081"_s);
    row("8k/0001493152-25-001317.nc", "state_of_incorporation", u"DE"_s);
    row("8k/0001493152-25-001317.nc", "file_number", u"001-33886"_s);
    row("8k/0001493152-25-001317.nc", "business_phone", u"302-656-1708"_s);
    row("8k/0001493152-25-001317.nc", "business_address", u"1000 N WEST STREET, SUITE 1200, WILMINGTON, DE 19801"_s);
    row("8k/0001493152-25-001317.nc", "former_names",
        u"ACORN FACTOR, INC.;DATA SYSTEMS & SOFTWARE INC;DEFENSE SOFTWARE & SYSTEMS INC"_s);
}

void TestSubmission::headerField()
{
    QFETCH(QString, file);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString path = TestUtils::corpusPath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(u"shared corpus file absent: "_s + file));
    const auto doc = open(path);
    QVERIFY(doc);
    const DocumentContent &c = doc->content();
    QCOMPARE(c.format, DocumentFormat::Submission);
    QVERIFY2(c.header.contains(key), qPrintable(c.header.keys().join(u", "_s)));
    const HeaderField field = c.header.value(key);
    QCOMPARE(field.value, value);
    QCOMPARE(field.span.page, 0);
    QCOMPARE(c.parts.constFirst().kind, DocumentPart::Kind::Header);
    QCOMPARE(c.parts.constFirst().type, u"SEC-HEADER"_s);
    // The span starts at the (first) value as it stands in the header text.
    QVERIFY(c.text.textAt(field.span).startsWith(value.section(u';', 0, 0).section(u',', 0, 0)));
}

void TestSubmission::parts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("types");   // every <DOCUMENT> in order
    QTest::addColumn<QString>("kinds");       // H header, h HTML, t text, b binary
    QTest::addColumn<QStringList>("mustRead"); // text that must appear in the text layer
    QTest::newRow("SEC-HEADER html + xbrl")
        << u"8k/0001213900-25-032135.txt"_s
        << QStringList{u"8-K"_s, u"EX-99.1"_s, u"GRAPHIC"_s, u"EX-101.SCH"_s, u"EX-101.PRE"_s,
                       u"EX-101.LAB"_s, u"XML"_s, u"EXCEL"_s, u"XML"_s, u"XML"_s, u"XML"_s,
                       u"JSON"_s, u"ZIP"_s, u"XML"_s}
        << u"Hhhbbbbbbbbbbbb"_s << QStringList{u"ABVC BioPharma"_s, u"Item 2.02"_s};
    QTest::newRow("SUBMISSION .nc")
        << u"8k/0001493152-25-001317.nc"_s
        << QStringList{u"8-K"_s, u"EX-10.1"_s, u"EX-101.SCH"_s, u"EX-101.LAB"_s, u"EX-101.PRE"_s,
                       u"XML"_s, u"EXCEL"_s, u"XML"_s, u"XML"_s, u"XML"_s, u"JSON"_s, u"ZIP"_s, u"XML"_s}
        << u"Hhhbbbbbbbbbbb"_s << QStringList{u"ACORN ENERGY, INC."_s, u"Item 5.02"_s};
    QTest::newRow("PEM 2000 text")
        << u"8k/0000912057-00-002128.txt"_s << QStringList{u"8-K"_s, u"EX-99.1"_s} << u"Htt"_s
        << QStringList{u"APPLE COMPUTER, INC."_s, u"Apple Board of Directors Announces CEO Compensation"_s};
    QTest::newRow("1998 text")
        << u"8k/0001011438-98-000429.txt"_s << QStringList{u"8-K"_s, u"EX-20.1"_s} << u"Htt"_s
        << QStringList{u"AAMES CAPITAL CORPORATION"_s};
    QTest::newRow("html + xbrl, no exhibit")
        << u"8k/0000943374-24-000509.txt"_s
        << QStringList{u"8-K"_s, u"EX-101.SCH"_s, u"EX-101.LAB"_s, u"EX-101.PRE"_s, u"XML"_s,
                       u"EXCEL"_s, u"XML"_s, u"XML"_s, u"XML"_s, u"JSON"_s, u"ZIP"_s, u"XML"_s}
        << u"Hhbbbbbbbbbbb"_s << QStringList{u"1895 Bancorp of Wisconsin"_s, u"Item 5.02"_s};
    QTest::newRow("uuencoded graphics")
        << u"8k/aapl-8k-20191115.txt"_s
        << QStringList{u"8-K"_s, u"EX-1.1"_s, u"EX-4.1"_s, u"EX-5.1"_s, u"EX-101.SCH"_s,
                       u"EX-101.DEF"_s, u"EX-101.LAB"_s, u"EX-101.PRE"_s, u"GRAPHIC"_s, u"GRAPHIC"_s,
                       u"GRAPHIC"_s, u"XML"_s, u"ZIP"_s, u"XML"_s, u"XML"_s, u"JSON"_s, u"EXCEL"_s,
                       u"XML"_s, u"XML"_s}
        << u"Hhhhhbbbbbbbbbbbbbbb"_s << QStringList{u"Apple Inc."_s, u"Underwriting Agreement"_s};
    QTest::newRow("IMS-HEADER 1994 10-K")
        << u"10k/0000320193-94-000016.txt"_s
        << QStringList{u"10-K"_s, u"EX-10"_s, u"EX-11"_s, u"EX-21"_s, u"EX-27"_s} << u"Httttt"_s
        << QStringList{u"APPLE COMPUTER, INC."_s, u"Macintosh"_s};
    QTest::newRow("lone DOCUMENT")
        << u"8k/BuckleInc.8-K.EX99.1.html"_s << QStringList{u"EX-99.1"_s} << u"h"_s
        << QStringList{u"Exhibit 99.1"_s, u"BUCKLE"_s};
}

void TestSubmission::parts()
{
    QFETCH(QString, file);
    QFETCH(QStringList, types);
    QFETCH(QString, kinds);
    QFETCH(QStringList, mustRead);
    const QString path = TestUtils::corpusPath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(u"shared corpus file absent: "_s + file));
    const auto doc = open(path);
    QVERIFY(doc);
    const DocumentContent &c = doc->content();
    QString gotKinds;
    QStringList gotTypes;
    int nextPage = 0;
    for (const DocumentPart &p : c.parts) {
        switch (p.kind) {
        case DocumentPart::Kind::Header: gotKinds += u'H'; break;
        case DocumentPart::Kind::Html: gotKinds += u'h'; break;
        case DocumentPart::Kind::Text: gotKinds += u't'; break;
        case DocumentPart::Kind::Binary: gotKinds += u'b'; break;
        case DocumentPart::Kind::Pdf: gotKinds += u'p'; break;
        }
        if (p.kind != DocumentPart::Kind::Header)
            gotTypes.append(p.type);
        // Parts tile the pages in order; binary parts have none.
        QCOMPARE(p.firstPage, nextPage);
        QCOMPARE(p.pageCount == 0, p.kind == DocumentPart::Kind::Binary);
        QCOMPARE(p.pageOffsets.size(), qsizetype(p.pageCount));
        nextPage += p.pageCount;
    }
    QCOMPARE(gotTypes, types);
    QCOMPARE(gotKinds, kinds);
    QCOMPARE(nextPage, c.pageCount());
    const QString all = c.text.pages.join(u'\n');
    for (const QString &s : mustRead)
        QVERIFY2(all.contains(s), qPrintable(s));
    // Nothing of the machine parts leaks into the text.
    QVERIFY(!all.contains(u"begin 644"_s));
    QVERIFY(!all.contains(u"<xbrli:context"_s));
}

void TestSubmission::everyFieldSpanShowsItsValue_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : {"8k/0000912057-00-002128.txt", "8k/0000943374-24-000509.txt",
                          "8k/0001011438-98-000429.txt", "8k/0001213900-25-032135.txt",
                          "8k/0001493152-25-001317.nc", "8k/aapl-8k-20191115.txt",
                          "10k/0000320193-94-000016.txt"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestSubmission::everyFieldSpanShowsItsValue()
{
    QFETCH(QString, file);
    const QString path = TestUtils::corpusPath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(u"shared corpus file absent: "_s + file));
    const auto doc = open(path);
    QVERIFY(doc);
    const DocumentContent &c = doc->content();
    for (const QString &key : {u"accession_number"_s, u"form_type"_s, u"period_of_report"_s,
                               u"filing_date"_s, u"company_name"_s, u"cik"_s, u"sic"_s,
                               u"state_of_incorporation"_s, u"file_number"_s, u"business_address"_s,
                               u"business_phone"_s})
        QVERIFY2(c.header.contains(key), qPrintable(key));
    for (auto it = c.header.cbegin(); it != c.header.cend(); ++it) {
        const QString shown = c.text.textAt(it->span);
        QVERIFY2(!shown.isEmpty(), qPrintable(it.key()));
        if (it.key() == u"business_address"_s)
            QVERIFY(shown.startsWith(it->value.section(u',', 0, 0)));
        else if (it.key() == u"items"_s || it.key() == u"former_names"_s)
            QVERIFY(it->value.startsWith(shown)); // the first of the ';'-joined values
        else
            QCOMPARE(shown, it->value);
    }
    // The header part's view text is its page.
    QTextDocument *view = doc->partDocument(0);
    QVERIFY(view);
    QCOMPARE(view->toPlainText(), c.text.pages.at(0));
}

void TestSubmission::textPagesSplitAtPageMarkers()
{
    FL_REQUIRE_CORPUS(path, "8k/0000912057-00-002128.txt");
    const auto doc = open(path);
    QVERIFY(doc);
    const DocumentContent &c = doc->content();
    const DocumentPart &form = c.parts.at(1);
    QCOMPARE(form.type, u"8-K"_s);
    // Four <PAGE> lines in the 8-K body, the first right after <TEXT>.
    QCOMPARE(form.pageCount, 4);
    for (int p = form.firstPage; p < form.firstPage + form.pageCount; ++p)
        QVERIFY(!c.text.pages.at(p).contains(u"<PAGE>"_s));
    QVERIFY(c.text.pages.at(form.firstPage).contains(u"FORM 8-K"_s));
    // The view joins the pages so that pageOffsets are cursor positions.
    QTextDocument *view = doc->partDocument(1);
    QVERIFY(view);
    const QString viewText = view->toPlainText();
    for (int i = 0; i < form.pageCount; ++i) {
        const QString page = c.text.pages.at(form.firstPage + i);
        QCOMPARE(viewText.mid(form.pageOffsets.at(i), page.size()), page);
    }
}

void TestSubmission::cutMidHeader()
{
    FL_REQUIRE_CORPUS(path, "8k/0001213900-25-032135.txt");
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray whole = in.readAll();
    const qsizetype cut = whole.indexOf("CENTRAL INDEX KEY:") + 5;
    QVERIFY(cut > 5);
    const SubmissionParser::Result r = SubmissionParser::parse(QString::fromLatin1(whole.left(cut)));
    QVERIFY(r.hasHeader);
    QCOMPARE(r.header.value(u"company_name"_s).value, u"ABVC BIOPHARMA, INC."_s);
    QVERIFY(!r.header.contains(u"cik"_s));
    QVERIFY(r.documents.isEmpty());
}

void TestSubmission::cutMidDocument()
{
    FL_REQUIRE_CORPUS(path, "8k/0001493152-25-001317.nc");
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray whole = in.readAll();
    const qsizetype cut = whole.indexOf("<TYPE>EX-10.1") + 40;
    const SubmissionParser::Result r = SubmissionParser::parse(QString::fromLatin1(whole.left(cut)).replace(u'\r', u'\n'));
    QCOMPARE(r.documents.size(), 2);
    QCOMPARE(r.documents.at(1).type, u"EX-10.1"_s);
    QCOMPARE(r.header.value(u"cik"_s).value, u"0000880984"_s);
}

void TestSubmission::manyUnclosedDocuments()
{
    // Every document lacks </TEXT> and </DOCUMENT>: each must end at the next one.
    QString text = u"<SEC-HEADER>\nACCESSION NUMBER:\t0000000000-00-000001\n</SEC-HEADER>\n"_s;
    const int count = 20000;
    for (int i = 0; i < count; ++i)
        text += u"<DOCUMENT>\n<TYPE>EX-99.%1\n<TEXT>\nexhibit %1\n"_s.arg(i);
    const SubmissionParser::Result r = SubmissionParser::parse(text);
    QCOMPARE(r.documents.size(), count);
    QCOMPARE(r.documents.at(7).type, u"EX-99.7"_s);
    QCOMPARE(r.documents.at(7).body, u"exhibit 7\n"_s);
    QCOMPARE(r.header.value(u"accession_number"_s).value, u"0000000000-00-000001"_s);
}

void TestSubmission::classify_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("kind");
    const int html = int(DocumentPart::Kind::Html);
    const int text = int(DocumentPart::Kind::Text);
    const int binary = int(DocumentPart::Kind::Binary);
    QTest::newRow("inline xbrl") << u"8-K"_s << u"<XBRL>\n<?xml version='1.0'?>\n<html xmlns=\"x\">"_s << html;
    QTest::newRow("html exhibit") << u"EX-99.1"_s << u"<HTML>\n<HEAD>"_s << html;
    QTest::newRow("text with page") << u"8-K"_s << u"<PAGE>\n   SECURITIES AND EXCHANGE COMMISSION"_s << text;
    QTest::newRow("graphic") << u"GRAPHIC"_s << u"begin 644 logo.jpg\nM_]C_X``0"_s << binary;
    QTest::newRow("uuencoded pdf") << u"EX-99.2"_s << u"begin 644 deck.pdf\nM)5!$1BTQ+C0*"_s << binary;
    QTest::newRow("pdf tag") << u"EX-99.3"_s << u"<PDF>\nbegin 644 x.pdf"_s << binary;
    QTest::newRow("xbrl schema") << u"EX-101.SCH"_s << u"<XBRL>\n<?xml version=\"1.0\"?>"_s << binary;
    QTest::newRow("xml R file") << u"XML"_s << u"<html>\n<head>"_s << binary;
    QTest::newRow("json") << u"JSON"_s << u"{\n \"version\": \"2.2\""_s << binary;
    QTest::newRow("excel") << u"EXCEL"_s << u"begin 644 Financial_Report.xlsx"_s << binary;
    QTest::newRow("zip") << u"ZIP"_s << u"begin 644 x.zip"_s << binary;
    QTest::newRow("financial data schedule") << u"EX-27"_s << u"<TABLE> <S> <C>\n<ARTICLE> 5"_s << text;
}

void TestSubmission::classify()
{
    QFETCH(QString, type);
    QFETCH(QString, body);
    QFETCH(int, kind);
    QCOMPARE(int(SubmissionParser::classify(type, body)), kind);
}

QTEST_MAIN(TestSubmission)
#include "tst_submission.moc"
