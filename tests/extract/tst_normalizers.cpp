#include "extract/normalizers.h"

#include <QtCore/QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class TestNormalizers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void date_data();
    void date();
    void phone_data();
    void phone();
    void state_data();
    void state();
    void item_data();
    void item();
    void exhibit_data();
    void exhibit();
    void formType_data();
    void formType();
    void numbers_data();
    void numbers();
    void personName_data();
    void personName();
};

void TestNormalizers::date_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("immunogen cover") << u"June 4, 2007"_s << u"2007-06-04"_s;
    QTest::newRow("buckle cover, trailing space") << u"November 22, 2024 "_s << u"2024-11-22"_s;
    QTest::newRow("all caps") << u"AUGUST 23, 2023"_s << u"2023-08-23"_s;
    QTest::newRow("abbreviated") << u"Jan. 24, 2000"_s << u"2000-01-24"_s;
    QTest::newRow("sept") << u"Sept. 30, 2023"_s << u"2023-09-30"_s;
    QTest::newRow("no comma") << u"December 31 1998"_s << u"1998-12-31"_s;
    QTest::newRow("wrapped") << u"March\n25, 2003"_s << u"2003-03-25"_s;
    QTest::newRow("day first") << u"4 June 2007"_s << u"2007-06-04"_s;
    QTest::newRow("ordinal") << u"June 4th, 2007"_s << u"2007-06-04"_s;
    QTest::newRow("numeric") << u"06/04/2007"_s << u"2007-06-04"_s;
    QTest::newRow("header") << u"20250415"_s << u"2025-04-15"_s;
    QTest::newRow("iso") << u"2024-11-22"_s << u"2024-11-22"_s;
    QTest::newRow("impossible day") << u"February 30, 2023"_s << QString();
    QTest::newRow("not a month") << u"Mayor 4, 2007"_s << QString();
    QTest::newRow("words") << u"the date of report"_s << QString();
}

void TestNormalizers::date()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QCOMPARE(Normalize::date(text), value);
}

void TestNormalizers::phone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("parens") << u"(617) 995-2500"_s << u"617-995-2500"_s;
    QTest::newRow("dashes") << u"732-524-0400"_s << u"732-524-0400"_s;
    QTest::newRow("dots") << u"617.995.2500"_s << u"617-995-2500"_s;
    QTest::newRow("country code") << u"+1 (510) 668-0881"_s << u"510-668-0881"_s;
    QTest::newRow("leading 1") << u"1-800-555-0199"_s << u"800-555-0199"_s;
    QTest::newRow("no space after paren") << u"(308)236-8491"_s << u"308-236-8491"_s;
    QTest::newRow("foreign") << u"+44 117 9753200"_s << u"+44 117 9753200"_s;
    QTest::newRow("too short") << u"12-34"_s << QString();
}

void TestNormalizers::phone()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QCOMPARE(Normalize::phone(text), value);
}

void TestNormalizers::state_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("header code") << u"NV"_s << u"Nevada"_s;
    QTest::newRow("name") << u"Massachusetts"_s << u"Massachusetts"_s;
    QTest::newRow("caps name") << u"NEBRASKA"_s << u"Nebraska"_s;
    QTest::newRow("two words caps") << u"NEW JERSEY"_s << u"New Jersey"_s;
    QTest::newRow("trailing comma") << u"Delaware,"_s << u"Delaware"_s;
    QTest::newRow("foreign code") << u"L2"_s << u"Ireland"_s;
    QTest::newRow("unlisted") << u"England and Wales"_s << u"England and Wales"_s;
}

void TestNormalizers::state()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    const QJsonObject codes{{u"NV"_s, u"Nevada"_s},
                            {u"MA"_s, u"Massachusetts"_s},
                            {u"NE"_s, u"Nebraska"_s},
                            {u"NJ"_s, u"New Jersey"_s},
                            {u"DE"_s, u"Delaware"_s},
                            {u"L2"_s, u"Ireland"_s}};
    QCOMPARE(Normalize::state(text, codes), value);
}

void TestNormalizers::item_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("8-K") << u"ITEM 8.01"_s << u"8.01"_s;
    QTest::newRow("with letter") << u"Item 9.01(d)."_s << u"9.01"_s;
    QTest::newRow("one digit minor") << u"Item 2.2"_s << u"2.02"_s;
    QTest::newRow("legacy") << u"Item 5."_s << u"5"_s;
    QTest::newRow("10-K letter") << u"Item 1A."_s << u"1A"_s;
    QTest::newRow("10-K 7A lower") << u"Item 7a"_s << u"7A"_s;
    QTest::newRow("none") << u"Item"_s << QString();
}

void TestNormalizers::item()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QCOMPARE(Normalize::item(text), value);
}

void TestNormalizers::exhibit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("document type") << u"EX-99.1"_s << u"99.1"_s;
    QTest::newRow("list") << u"Exhibit 104"_s << u"104"_s;
    QTest::newRow("leading zero minor") << u"99.01"_s << u"99.1"_s;
    QTest::newRow("plain") << u"10.1"_s << u"10.1"_s;
    QTest::newRow("old") << u"EX-27"_s << u"27"_s;
}

void TestNormalizers::exhibit()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QCOMPARE(Normalize::exhibit(text), value);
}

void TestNormalizers::formType_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("cover") << u"FORM 8-K"_s << u"8-K"_s;
    QTest::newRow("amendment") << u"Form 8-K/A"_s << u"8-K/A"_s;
    QTest::newRow("spaced") << u"10 - Q"_s << u"10-Q"_s;
    QTest::newRow("non-breaking hyphen") << u"8\u2011K"_s << u"8-K"_s;
    QTest::newRow("old") << u"10-K405"_s << u"10-K405"_s;
}

void TestNormalizers::formType()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QCOMPARE(Normalize::formType(text), value);
}

void TestNormalizers::numbers_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("cik padded") << u"cik"_s << u"1173313"_s << u"0001173313"_s;
    QTest::newRow("cik as is") << u"cik"_s << u"0001173313"_s << u"0001173313"_s;
    QTest::newRow("irs from header") << u"irs"_s << u"260014658"_s << u"26-0014658"_s;
    QTest::newRow("irs from cover") << u"irs"_s << u"04-2726691"_s << u"04-2726691"_s;
    QTest::newRow("irs too short") << u"irs"_s << u"04-272669"_s << QString();
    QTest::newRow("file number") << u"file"_s << u"001-12951"_s << u"001-12951"_s;
    QTest::newRow("file number dash") << u"file"_s << u"1\u20133215"_s << u"1-3215"_s;
}

void TestNormalizers::numbers()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(QString, value);
    if (kind == u"cik"_s)
        QCOMPARE(Normalize::cik(text), value);
    else if (kind == u"irs"_s)
        QCOMPARE(Normalize::irsNumber(text), value);
    else
        QCOMPARE(Normalize::fileNumber(text), value);
}

void TestNormalizers::personName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("conformed signature") << u"THOMAS B. HEACOCK"_s << u"Thomas B. Heacock"_s;
    QTest::newRow("mixed case kept") << u"Laura H. McFalls"_s << u"Laura H. McFalls"_s;
    QTest::newRow("apostrophe") << u"JOHN O'NEIL"_s << u"John O'Neil"_s;
    QTest::newRow("hyphen") << u"ANNE SMITH-JONES"_s << u"Anne Smith-Jones"_s;
    QTest::newRow("spaces") << u"Uttam  Patil\n"_s << u"Uttam Patil"_s;
}

void TestNormalizers::personName()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QCOMPARE(Normalize::personName(text), value);
}

QTEST_GUILESS_MAIN(TestNormalizers)
#include "tst_normalizers.moc"
