#include "document/formatsniffer.h"
#include "document/plaintextloader.h"
#include "document/textdecoder.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// Formats are told by content; text is decoded the way it was written.
class TestFormatSniffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sniff_data();
    void sniff();
    void decode_data();
    void decode();
    void pages_data();
    void pages();
};

Q_DECLARE_METATYPE(FormatSniffer::Kind)

void TestFormatSniffer::sniff_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<FormatSniffer::Kind>("kind");
    using K = FormatSniffer::Kind;
    QTest::newRow("pdf") << QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj") << K::Pdf;
    QTest::newRow("pdf after junk") << (QByteArray(300, ' ') + "%PDF-1.4\n") << K::Pdf;
    QTest::newRow("pdf too late") << (QByteArray(2000, 'x') + "%PDF-1.4\n") << K::PlainText;
    QTest::newRow("sec-document") << QByteArray("<SEC-DOCUMENT>0001213900-25-032135.txt : 20250415\n<SEC-HEADER>") << K::Submission;
    QTest::newRow("sec-header") << QByteArray("<SEC-HEADER>0000943374-24-000509.hdr.sgml : 20241227\n") << K::Submission;
    QTest::newRow("submission nc") << QByteArray("<SUBMISSION>\n<ACCESSION-NUMBER>0001493152-25-001317\r<TYPE>8-K\r") << K::Submission;
    QTest::newRow("pem wrapper")
        << QByteArray("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\nOriginator-Name: webmaster@www.sec.gov\n"
                      "Originator-Key-Asymmetric:\n MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen\n"
                      " TWSM7vrzLADbmYQaionwg5sDW3P6oaM5D3tdezXMm7z1T+B+twIDAQAB\nMIC-Info: RSA-MD5,RSA,\n"
                      " Qr8nxKWJutxQ/pyxrBydGb58sGbQPXAxqQB81yQVNFZ5B+Ce0hVk9ooBB8RXwYQX\n H7jJBtERXT4f5AKrMJ8xyQ==\n\n"
                      "<SEC-DOCUMENT>0000912057-00-002128.txt : 20000203\n")
        << K::Submission;
    QTest::newRow("ims") << QByteArray("<IMS-DOCUMENT>0000320193-94-000016.txt : 19941214\n<IMS-HEADER>") << K::Submission;
    QTest::newRow("lone document") << QByteArray("<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n<html>") << K::Submission;
    QTest::newRow("html") << QByteArray("<html><head><title>8-K</title></head>") << K::Html;
    QTest::newRow("doctype") << QByteArray("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">\n<HTML>") << K::Html;
    QTest::newRow("xhtml") << QByteArray("<?xml version='1.0' encoding='ASCII'?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">") << K::Html;
    QTest::newRow("tag soup") << QByteArray("<div style=\"x\"><p>Item 8.01</p></div>") << K::Html;
    QTest::newRow("utf8 bom html") << QByteArray("\xEF\xBB\xBF<html>") << K::Html;
    QTest::newRow("utf16 html") << QByteArray("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14) << K::Html;
    QTest::newRow("plain") << QByteArray("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n") << K::PlainText;
    QTest::newRow("angle text") << QByteArray("<PAGE> 1\nThe Company's revenue grew.") << K::PlainText;
    QTest::newRow("utf16 text") << QByteArray("\xFF\xFEI\0t\0e\0m\0", 10) << K::PlainText;
    QTest::newRow("zip") << QByteArray::fromHex("504b03041400060008000000210062ee9d685e010000900400001300080200000000") << K::Binary;
    QTest::newRow("mostly nul") << QByteArray(4000, '\0') << K::Binary;
    QByteArray noise;
    for (int i = 0; i < 4096; ++i)
        noise.append(char((i * 7919 + 13) % 256));
    QTest::newRow("noise") << noise << K::Binary;
    QTest::newRow("text with a nul") << QByteArray("Item 8.01 Other Events\0 The Company announced", 45) << K::PlainText;
}

void TestFormatSniffer::sniff()
{
    QFETCH(QByteArray, head);
    QFETCH(FormatSniffer::Kind, kind);
    QCOMPARE(FormatSniffer::sniff(head), kind);
}

void TestFormatSniffer::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("encoding");
    using E = TextDecoder::Encoding;
    QTest::newRow("ascii") << QByteArray("Item 8.01") << u"Item 8.01"_s << int(E::Utf8);
    QTest::newRow("utf8") << QByteArray("Herceptin\xC2\xAE \xE2\x80\x9C" "drug\xE2\x80\x9D") << u"Herceptin\u00AE \u201Cdrug\u201D"_s << int(E::Utf8);
    QTest::newRow("utf8 bom") << QByteArray("\xEF\xBB\xBFText") << u"Text"_s << int(E::Utf8);
    QTest::newRow("utf16le bom") << QByteArray("\xFF\xFEI\0t\0\xE9\0", 8) << u"It\u00E9"_s << int(E::Utf16);
    QTest::newRow("utf16be bom") << QByteArray("\xFE\xFF\0I\0t", 6) << u"It"_s << int(E::Utf16);
    QTest::newRow("cp1252 quotes") << QByteArray("\x93" "Company\x94 \x96 \x80" "5") << u"\u201CCompany\u201D \u2013 \u20AC5"_s << int(E::Windows1252);
    QTest::newRow("latin1") << QByteArray("Soci\xE9t\xE9 G\xE9n\xE9rale") << u"Soci\u00E9t\u00E9 G\u00E9n\u00E9rale"_s << int(E::Windows1252);
    QTest::newRow("crlf") << QByteArray("a\r\nb\rc\n") << u"a\nb\nc\n"_s << int(E::Utf8);
    QTest::newRow("nul dropped") << QByteArray("Item\0 8.01", 10) << u"Item 8.01"_s << int(E::Utf8);
    QTest::newRow("mixed utf8 and 1252") << QByteArray("caf\xC3\xA9 \x93" "quoted\x94") << u"caf\u00E9 \u201Cquoted\u201D"_s << int(E::Windows1252);
    QTest::newRow("astral utf8") << QByteArray("a\xF0\x9D\x90\x80" "b") << (u"a"_s + QString::fromUcs4(U"\U0001D400") + u"b"_s) << int(E::Utf8);
    QTest::newRow("overlong is not utf8") << QByteArray("\xC0\xAF") << u"\u00C0\u00AF"_s << int(E::Windows1252);
    QTest::newRow("surrogate is not utf8") << QByteArray("\xED\xA0\x80") << u"\u00ED\u00A0\u20AC"_s << int(E::Windows1252);
    QTest::newRow("truncated utf8") << QByteArray("price \xE2\x82") << u"price \u00E2\u201A"_s << int(E::Windows1252);
}

void TestFormatSniffer::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(int, encoding);
    TextDecoder::Encoding detected = TextDecoder::Encoding::Utf32;
    QCOMPARE(TextDecoder::decode(bytes, &detected), text);
    QCOMPARE(int(detected), encoding);
}

void TestFormatSniffer::pages_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("edgar");
    QTest::addColumn<QStringList>("pages");
    QTest::newRow("one") << u"just text\n"_s << false << QStringList{u"just text\n"_s};
    QTest::newRow("form feeds") << u"one\n\ftwo\fthree"_s << false << QStringList{u"one\n"_s, u"two"_s, u"three"_s};
    QTest::newRow("leading form feed") << u"\fbody"_s << false << QStringList{u"body"_s};
    QTest::newRow("page markers") << u"<PAGE>\nfirst\n <PAGE>   \nsecond\n"_s << true
                                  << QStringList{u"first\n"_s, u"second\n"_s};
    QTest::newRow("markers ignored in plain text") << u"a\n<PAGE>\nb"_s << false << QStringList{u"a\n<PAGE>\nb"_s};
    QTest::newRow("marker inside a line is text") << u"see <PAGE> tag\n"_s << true << QStringList{u"see <PAGE> tag\n"_s};
}

void TestFormatSniffer::pages()
{
    QFETCH(QString, text);
    QFETCH(bool, edgar);
    QFETCH(QStringList, pages);
    const PlainTextLoader::Pages got = PlainTextLoader::split(text, edgar);
    QCOMPARE(got.pages, pages);
    const QString view = got.joined();
    for (qsizetype i = 0; i < pages.size(); ++i)
        QCOMPARE(view.mid(got.viewOffsets.at(i), pages.at(i).size()), pages.at(i));
}

QTEST_GUILESS_MAIN(TestFormatSniffer)
#include "tst_formatsniffer.moc"
