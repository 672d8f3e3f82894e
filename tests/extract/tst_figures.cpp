// Money, percentages and dates on real snippets of the filings in the shared corpus,
// one form per row, and the normalizers behind their values.
#include "model/documentcontent.h"
#include "model/entity.h"
#include "extract/figurenormalizers.h"
#include "extract/recognizer.h"
#include "extract/rulepack.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QFile>
#include <QtCore/QFuture>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class TestFigures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scaledNumber_data();
    void scaledNumber();
    void isoDate_data();
    void isoDate();
    void money_data();
    void money();
    void percent_data();
    void percent();
    void date_data();
    void date();
    void spansCoverTheirText();
    void longPageFindsEachFigureOnce();
    void fiscalPeriod_data();
    void fiscalPeriod();
    void statedScaleApplied_data();
    void statedScaleApplied();
    void tableHeadingStatesUnit_data();
    void tableHeadingStatesUnit();
    void userPackAddsCurrency();
    void sameResultsFromSeveralThreads();

private:
    // "value | text" of every entity of the type found in text (one page per form feed).
    QStringList found(const QString &type, const QString &text, const RuleSet *rules = nullptr) const;
    RuleSet m_rules;
    QTemporaryDir m_dir;
};

void TestFigures::initTestCase()
{
    QList<RulePackError> errors;
    m_rules = RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s}, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).file + u": "_s + errors.value(0).message));
    QVERIFY(!m_rules.object(u"figures"_s, u"currencySymbols"_s).isEmpty());
}

QStringList TestFigures::found(const QString &type, const QString &text, const RuleSet *rules) const
{
    DocumentContent content;
    content.fileName = u"snippet.txt"_s;
    content.text.pages = text.split(u'\f');
    const ExtractionContext context{content, rules ? *rules : m_rules};
    EntityList entities;
    for (const auto &r : createFigureRecognizers())
        r->run(context, entities);
    QStringList out;
    for (const Entity &e : std::as_const(entities)) {
        if (e.type == type)
            out.append(e.value + u" | "_s + e.text);
    }
    return out;
}

void TestFigures::scaledNumber_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<QString>("value");
    QTest::newRow("billion") << u"1.3"_s << 9 << u"1300000000"_s;
    QTest::newRow("thousands separators") << u"12,345"_s << 0 << u"12345"_s;
    QTest::newRow("cents kept") << u"0.25"_s << 0 << u"0.25"_s;
    QTest::newRow("trailing zeros dropped") << u"10.00"_s << 0 << u"10"_s;
    QTest::newRow("more decimals than the scale") << u"1.2345678"_s << 6 << u"1234567.8"_s;
    QTest::newRow("leading point") << u".5"_s << 6 << u"500000"_s;
    QTest::newRow("leading zeros") << u"007"_s << 3 << u"7000"_s;
    QTest::newRow("two points") << u"1.2.3"_s << 0 << QString();
    QTest::newRow("letters") << u"12a"_s << 0 << QString();
    QTest::newRow("empty") << QString() << 6 << QString();
}

void TestFigures::scaledNumber()
{
    QFETCH(QString, number);
    QFETCH(int, exponent);
    QFETCH(QString, value);
    QCOMPARE(FigureNormalize::scaledNumber(number, exponent), value);
}

void TestFigures::isoDate_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("day");
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << 2007 << 6 << 4 << u"2007-06-04"_s;
    QTest::newRow("leap day") << 2024 << 2 << 29 << u"2024-02-29"_s;
    QTest::newRow("no leap day") << 2023 << 2 << 29 << QString();
    QTest::newRow("february 30") << 2023 << 2 << 30 << QString();
    QTest::newRow("month 13") << 2023 << 13 << 1 << QString();
    QTest::newRow("day 0") << 2023 << 1 << 0 << QString();
    QTest::newRow("year out of range") << 1066 << 10 << 14 << QString();
}

void TestFigures::isoDate()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, day);
    QFETCH(QString, value);
    QCOMPARE(FigureNormalize::isoDate(year, month, day), value);
}

void TestFigures::money_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("aeon: million") << u"we recorded $5.2 million of expense"_s
                                   << QStringList{u"USD 5200000 | $5.2 million"_s};
    QTest::newRow("bmy: billion") << u"a charge of $4.3 billion in 2023"_s
                                  << QStringList{u"USD 4300000000 | $4.3 billion"_s};
    QTest::newRow("aeon: negative in parentheses") << u"fair value of derivatives (Successor), $(69.7) million related to change"_s
                                                   << QStringList{u"USD -69700000 | $(69.7) million"_s};
    QTest::newRow("pfizer: table with space") << u"Revenues $ 12,734 $ 27,742"_s
                                              << QStringList{u"USD 12734 | $ 12,734"_s, u"USD 27742 | $ 27,742"_s};
    QTest::newRow("pfizer: table negative") << u"  $ (316) $     (30)"_s
                                            << QStringList{u"USD -316 | $ (316)"_s, u"USD -30 | $     (30)"_s};
    QTest::newRow("pfizer: per share") << u"Reported diluted EPS of $0.41"_s << QStringList{u"USD 0.41 | $0.41"_s};
    QTest::newRow("buckle: par value") << u"Common Stock, $0.01 par value"_s << QStringList{u"USD 0.01 | $0.01"_s};
    QTest::newRow("pfizer: scale stated once for a range") << u"revenues of $67.0 to $70.0 billion"_s
                                                           << QStringList{u"USD 67000000000 | $67.0"_s, u"USD 70000000000 | $70.0 billion"_s};
    // corpus pdf/JPMORGAN_2023Q2_10Q.pdf, p. 11: a column wraps between the figure and its scale.
    QTest::newRow("jpmorgan: scale on the next line") << u"assets were $3.3  \ntrillion, down $42 billion"_s
        << QStringList{u"USD 3300000000000 | $3.3  \ntrillion"_s, u"USD 42000000000 | $42 billion"_s};
    QTest::newRow("a figure before a new line stays unscaled") << u"Revenues $ 742\nMillion-dollar club"_s
        << QStringList{u"USD 742 | $ 742"_s};
    QTest::newRow("two amounts are not a range") << u"$5 and 6 other items, then $7 million"_s
                                                 << QStringList{u"USD 5 | $5"_s, u"USD 7000000 | $7 million"_s};
    QTest::newRow("currency code") << u"a facility of USD 5 million"_s
                                   << QStringList{u"USD 5000000 | USD 5 million"_s};
    QTest::newRow("euro sign") << u"an upfront payment of €3.2 million"_s
                               << QStringList{u"EUR 3200000 | €3.2 million"_s};
    QTest::newRow("US dollar sign") << u"proceeds of US$1.5 billion"_s
                                    << QStringList{u"USD 1500000000 | US$1.5 billion"_s};
    QTest::newRow("letter scale") << u"a $1.3B deal"_s << QStringList{u"USD 1300000000 | $1.3B"_s};
    QTest::newRow("currency word") << u"paid 5 million dollars in cash"_s
                                   << QStringList{u"USD 5000000 | 5 million dollars"_s};
    QTest::newRow("parenthetical in prose is not negative") << u"up 5% ($1.2 million)"_s
                                                            << QStringList{u"USD 1200000 | $1.2 million"_s};
    QTest::newRow("closing parenthesis of the sentence") << u"(including $250)"_s
                                                         << QStringList{u"USD 250 | $250"_s};
    QTest::newRow("immunogen: phone is not money") << u"Registrant's telephone number, including area code: (617) 995-2500"_s
                                                   << QStringList{};
    QTest::newRow("immunogen: typeset dollar signs") << u"- $\\cdot\\,$ Four ongoing partial responses have been observed"_s
                                                     << QStringList{};
    QTest::newRow("form and item numbers") << u"Annual Report on Form 10-K ... Item 2.02 ... 21,260 new cases"_s
                                           << QStringList{};
    QTest::newRow("too many digits") << u"a checksum $12345678901234567890 here"_s << QStringList{};
    QTest::newRow("may verb with number") << u"the scale word alone: 12 million shares"_s << QStringList{};
    // corpus more/0000092122-05-000042.txt, EX-99.01 (pp. 5-6): per-share earnings in cents,
    // the word "cents" wrapped to the next line.
    QTest::newRow("southern: cents a share")
        << u"fourth quarter earnings of $204.5\nmillion, or 27 cents a share, compared with $125.0 million, or 17 cents a share,"_s
        << QStringList{u"USD 204500000 | $204.5\nmillion"_s, u"USD 0.27 | 27 cents"_s, u"USD 125000000 | $125.0 million"_s,
                       u"USD 0.17 | 17 cents"_s};
    QTest::newRow("southern: cents on the next line")
        << u"earnings for the fourth quarter a year ago were $162.3 million, or 22\ncents a share."_s
        << QStringList{u"USD 162300000 | $162.3 million"_s, u"USD 0.22 | 22\ncents"_s};
    QTest::newRow("a fraction of a cent or a grouped figure is no cents amount")
        << u"a fee of 1.5 cents per unit, 1,250 cents and centsless words"_s << QStringList{};
}

void TestFigures::money()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"money"_s, text), expected);
}

void TestFigures::percent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("pfizer: sign") << u"an increase of 34.9% operationally"_s << QStringList{u"34.9% | 34.9%"_s};
    QTest::newRow("pfizer: negative in parentheses") << u"from continuing operations were (3.1)% and 7.5% in the"_s
                                                     << QStringList{u"-3.1% | (3.1)%"_s, u"7.5% | 7.5%"_s};
    QTest::newRow("aeon: word") << u"more than 50 percent likely to be realized"_s << QStringList{u"50% | 50 percent"_s};
    QTest::newRow("bmy: decimals kept as written") << u"4.500% Notes due 2025"_s << QStringList{u"4.5% | 4.500%"_s};
    QTest::newRow("per cent") << u"a 12.5 per cent stake"_s << QStringList{u"12.5% | 12.5 per cent"_s};
    QTest::newRow("minus") << u"margin of -2.0% this year"_s << QStringList{u"-2% | -2.0%"_s};
    QTest::newRow("parenthetical is not negative") << u"grew 5% (3.2% excluding currency)"_s
                                                   << QStringList{u"5% | 5%"_s, u"3.2% | 3.2%"_s};
    // A change column of an earnings release (corpus pdf/PFIZER_2023Q2_EARNINGS.pdf, p. 2).
    QTest::newRow("pfizer: change column") << u"Revenues $ 12,734 $ 27,742 (54%) $ 31,015 $ 53,402 (42%)"_s
                                           << QStringList{u"-54% | (54%)"_s, u"-42% | (42%)"_s};
    QTest::newRow("pfizer: two change columns") << u"Oncology(6) 2,956 3,088 (4%) (3%)\n(85%)  (85%)"_s
                                                << QStringList{u"-4% | (4%)"_s, u"-3% | (3%)"_s, u"-85% | (85%)"_s,
                                                               u"-85% | (85%)"_s};
    // corpus 10k/abbv-10-k-2025-02-14.html, "Income Tax Expense".
    QTest::newRow("abbv: tax rate was negative") << u"The effective income tax rate was (15%) in 2024, 22% in 2023"_s
                                                 << QStringList{u"-15% | (15%)"_s, u"22% | 22%"_s};
    QTest::newRow("parenthetical after a word stays positive") << u"an increase of $5.2 billion (45%) over"_s
                                                               << QStringList{u"45% | 45%"_s};
    QTest::newRow("parenthetical after shares") << u"held 1,200 shares (3%) of the class"_s
                                                << QStringList{u"3% | 3%"_s};
    QTest::newRow("range with the sign stated once") << u"between 10-12% of revenue"_s
                                                     << QStringList{u"10% | 10"_s, u"12% | 12%"_s};
    QTest::newRow("range in words") << u"from 10 to 12.5 percent"_s
                                    << QStringList{u"10% | 10"_s, u"12.5% | 12.5 percent"_s};
    QTest::newRow("years are not a range") << u"in 2022-2023, 5% growth"_s << QStringList{u"5% | 5%"_s};
    QTest::newRow("percentage points are not percentages") << u"down 2.5 percentage points"_s << QStringList{};
    QTest::newRow("no number") << u"the percent of shares"_s << QStringList{};
    QTest::newRow("too many decimals") << u"ratio 1.234567891% here"_s << QStringList{};
}

void TestFigures::percent()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"percent"_s, text), expected);
}

void TestFigures::date_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("immunogen: full") << u"On June 4, 2007, ImmunoGen, Inc. (Nasdaq: IMGN) issued"_s
                                     << QStringList{u"2007-06-04 | June 4, 2007"_s};
    // corpus more/ABT-10-K-0001628280-24-005348.html, p. 26: the same day of two years.
    QTest::newRow("abt: a day of two years")
        << u"Abbott’s long-term debt totals $14.7 billion and $16.8 billion at December 31, 2023 and 2022, respectively."_s
        << QStringList{u"2023-12-31 | December 31, 2023"_s, u"2022-12-31 | 2022"_s};
    QTest::newRow("a year and an amount after a date are no second date")
        << u"On March 1, 2023 and 2,024 shares, and on May 2, 2023 and 20245 more."_s
        << QStringList{u"2023-03-01 | March 1, 2023"_s, u"2023-05-02 | May 2, 2023"_s};
    QTest::newRow("immunogen: range in a month") << u"taking place in Chicago, Illinois, June 1-5, 2007. The"_s
                                                 << QStringList{u"2007-06-01/2007-06-05 | June 1-5, 2007"_s};
    QTest::newRow("immunogen: month range") << u"expected to begin in June/July 2007. Many"_s
                                            << QStringList{u"2007-06/2007-07 | June/July 2007"_s};
    QTest::newRow("immunogen: fiscal year end") << u"for the fiscal year ended June 30, 2006 and other reports"_s
                                                << QStringList{u"2006-06-30 | June 30, 2006"_s};
    QTest::newRow("immunogen: bare years are not dates") << u"Securities Exchange Act of 1934 ... in 2007 alone, 21,260"_s
                                                         << QStringList{};
    QTest::newRow("bmy: range across days") << u"held on October 18-19, 2023"_s
                                            << QStringList{u"2023-10-18/2023-10-19 | October 18-19, 2023"_s};
    // PFIZER_2022_10K.pdf, Item 5 share repurchases: the periods of a month, year stated once.
    QTest::newRow("pfizer: range through another month") << u"October 3 through October 30, 2022"_s
        << QStringList{u"2022-10-03/2022-10-30 | October 3 through October 30, 2022"_s};
    QTest::newRow("pfizer: range wrapped over lines") << u"October 31 through\nNovember 30, 2022"_s
        << QStringList{u"2022-10-31/2022-11-30 | October 31 through\nNovember 30, 2022"_s};
    QTest::newRow("a backwards pair is no range") << u"October 30 through October 3, 2022"_s
        << QStringList{u"2022-10-03 | October 3, 2022"_s};
    QTest::newRow("aeon: month and year") << u"In December 2021, the Company"_s
                                          << QStringList{u"2021-12 | December 2021"_s};
    QTest::newRow("abbreviated") << u"dated Jun. 4, 2007"_s << QStringList{u"2007-06-04 | Jun. 4, 2007"_s};
    QTest::newRow("sept") << u"as of Sept. 30, 2023"_s << QStringList{u"2023-09-30 | Sept. 30, 2023"_s};
    QTest::newRow("day first") << u"signed on 4 June 2007 in London"_s << QStringList{u"2007-06-04 | 4 June 2007"_s};
    QTest::newRow("capitals") << u"DECEMBER 15, 1998"_s << QStringList{u"1998-12-15 | DECEMBER 15, 1998"_s};
    QTest::newRow("wrapped") << u"on March\n25, 2003"_s << QStringList{u"2003-03-25 | March\n25, 2003"_s};
    QTest::newRow("numeric") << u"Date: 06/04/2007"_s << QStringList{u"2007-06-04 | 06/04/2007"_s};
    QTest::newRow("numeric two-digit year") << u"on 6/4/07 at noon"_s << QStringList{u"2007-06-04 | 6/4/07"_s};
    QTest::newRow("iso") << u"period 2007-06-04 end"_s << QStringList{u"2007-06-04 | 2007-06-04"_s};
    QTest::newRow("across months") << u"from May 30-June 2, 2007 in Chicago"_s
                                   << QStringList{u"2007-05-30/2007-06-02 | May 30-June 2, 2007"_s};
    QTest::newRow("impossible date") << u"on February 30, 2023 nothing"_s << QStringList{};
    QTest::newRow("impossible numeric") << u"code 13/45/2020"_s << QStringList{};
    QTest::newRow("verb may") << u"we may 2023 results"_s << QStringList{};
    QTest::newRow("fractions and grades") << u"Grade 3/4 events in CDK4/6"_s << QStringList{};
    QTest::newRow("accession number") << u"0001193125-07-123456"_s << QStringList{};
    QTest::newRow("phone") << u"(617) 995-2500"_s << QStringList{};
}

void TestFigures::date()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"date"_s, text), expected);
}

void TestFigures::spansCoverTheirText()
{
    const QString page0 = u"Revenue of $1.3 billion."_s;
    const QString page1 = u"Margin 12.5% on June 4, 2007."_s;
    DocumentContent content;
    content.text.pages = {page0, page1};
    const ExtractionContext context{content, m_rules};
    EntityList entities;
    for (const auto &r : createFigureRecognizers())
        r->run(context, entities);
    QCOMPARE(entities.size(), 3);
    for (const Entity &e : std::as_const(entities)) {
        QCOMPARE(content.text.textAt(e.span), e.text);
        QVERIFY(e.confidence > 0.5 && e.confidence <= 1.0);
        QVERIFY2(e.origin.startsWith(u"figures."_s), qPrintable(e.origin));
        QCOMPARE(e.id, Entity::makeId(e.type, e.span, content.text.pages.at(e.span.page)));
    }
    QCOMPARE(entities.at(0).span.page, 0);
    QCOMPARE(entities.at(1).span.page, 1);
}

void TestFigures::longPageFindsEachFigureOnce()
{
    // Several scan windows on one page: a figure on a window's edge is found once.
    const QString line = u"On June 4, 2007 revenue rose 12.5% to $1.3 billion.\n"_s;
    const QString page = line.repeated(3000);
    QVERIFY(page.size() > 3 * 20000);
    const QStringList dates = found(u"date"_s, page);
    QCOMPARE(dates.size(), 3000);
    QCOMPARE(QSet<QString>(dates.begin(), dates.end()).size(), 1);
    QCOMPARE(found(u"money"_s, page).size(), 3000);
    QCOMPARE(found(u"percent"_s, page).size(), 3000);
}

void TestFigures::fiscalPeriod_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    // corpus more/MRK-10-Q-0001628280-23-027770.htm, note on collaborations.
    QTest::newRow("mrk: quarter of a year") << u"In the second quarter of 2023, Lynparza received a regulatory approval"_s
                                            << QStringList{u"2023-Q2 | second quarter of 2023"_s};
    QTest::newRow("quarter without of") << u"results for the fourth quarter 2022 were"_s
                                        << QStringList{u"2022-Q4 | fourth quarter 2022"_s};
    QTest::newRow("Q and year") << u"PFIZER REPORTS Q2 2023 RESULTS"_s << QStringList{u"2023-Q2 | Q2 2023"_s};
    QTest::newRow("fiscal quarter") << u"in the second quarter of fiscal 2022, sales"_s
                                    << QStringList{u"FY2022-Q2 | second quarter of fiscal 2022"_s};
    QTest::newRow("fiscal year") << u"net sales for fiscal 2022 rose"_s << QStringList{u"FY2022 | fiscal 2022"_s};
    QTest::newRow("fiscal year words") << u"during fiscal year 2023 we"_s << QStringList{u"FY2023 | fiscal year 2023"_s};
    QTest::newRow("FY") << u"FY2024 guidance"_s << QStringList{u"FY2024 | FY2024"_s};
    QTest::newRow("fiscal year ended is a day") << u"the fiscal year ended June 30, 2006"_s
                                                << QStringList{u"2006-06-30 | June 30, 2006"_s};
    QTest::newRow("no year") << u"in the second quarter, sales fell"_s << QStringList{};
    QTest::newRow("form number") << u"Form 10-Q for Q2 filing, FY 10-K"_s << QStringList{};
}

void TestFigures::fiscalPeriod()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"date"_s, text), expected);
}

void TestFigures::statedScaleApplied_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // value | statedIn | printed
    // corpus pdf/JOHNSON_JOHNSON_2022_10K.pdf, balance sheet.
    QTest::newRow("jnj: balance sheet") << u"(Dollars in Millions)\nCash and cash equivalents $ 14,127 $ (1.5)\n"_s
                                        << QStringList{u"USD 14127000000 | millions | USD 14127"_s,
                                                       u"USD -1500000 | millions | USD -1.5"_s};
    // corpus pdf/PFIZER_2022_10K.pdf, income statement headed "(MILLIONS, EXCEPT PER COMMON SHARE DATA)".
    QTest::newRow("pfizer: per-share row") << u"(MILLIONS, EXCEPT PER COMMON SHARE DATA)\nRevenues $ 100,330\nEarnings per common share––diluted $ 5.47\n"_s
                                           << QStringList{u"USD 100330000000 | millions | USD 100330"_s, u"USD 5.47 |  | "_s};
    QTest::newRow("pfizer: per-share column in cents") << u"(MILLIONS, EXCEPT PER SHARE DATA)\nReported $ 31,372 $ 1.35\n"_s
                                                       << QStringList{u"USD 31372000000 | millions | USD 31372"_s, u"USD 1.35 |  | "_s};
    QTest::newRow("price per share after the amount") << u"($ in millions)\ndividend of $0.41 per share\n"_s
                                                      << QStringList{u"USD 0.41 |  | "_s};
    // corpus 10k/ko-10-k-2025-02-20.html, balance sheet headed "(In millions except par value)".
    QTest::newRow("ko: par value is not scaled") << u"(In millions except par value)\nCommon stock, $ 0.25 par value; authorized — 11,200 shares\nTotal equity $ 26,980\n"_s
                                                 << QStringList{u"USD 0.25 |  | "_s, u"USD 26980000000 | millions | USD 26980"_s};
    QTest::newRow("dollar per share column") << u"($ in millions)\nAverage price, $ per share $ 48.20\n"_s
                                             << QStringList{u"USD 48.2 |  | "_s};
    // corpus 10k/bmy-10-k-fy2023-0000014272-24-000044.html, p. 114: a stock price in the
    // sentence under a table of options whose columns are "(in millions)" (tagged 51.31).
    QTest::newRow("bmy: a stock price below a table in millions")
        << u"Aggregate Intrinsic Value (in millions)\nOutstanding 16.2 2.3 57.34 $ 26\nThe aggregate intrinsic value "
           u"in the preceding table represents the total pretax intrinsic value, based on the closing stock price of $ 51.31 "
           u"on December 29, 2023.\n"_s
        << QStringList{u"USD 26000000 | millions | USD 26"_s, u"USD 51.31 |  | "_s};
    // corpus 10k/abbv-10-k-2025-02-14.html, pp. 91 and 94: fair values per option and a par
    // value under statements "(in millions)" (tagged 31.53 and 0.01).
    QTest::newRow("abbv: prices per option and par value")
        << u"(in millions)\nTotal post-closing cash settled expense $ 510\nThe weighted-average grant-date fair values "
           u"of stock options granted were $ 31.53 in 2024.\nCommon stock, $ 0.01 par value, 4,000,000,000 shares authorized\n"_s
        << QStringList{u"USD 510000000 | millions | USD 510"_s, u"USD 31.53 |  | "_s, u"USD 0.01 |  | "_s};
    // corpus pdf/PFIZER_2022_10K.pdf, p. 95: exercise prices per share in a table "(THOUSANDS)".
    QTest::newRow("pfizer: exercise prices in a table in thousands")
        << u"(THOUSANDS OF SHARES)\nOutstanding, December 31, 2021 $ 34.12\n"_s
        << QStringList{u"USD 34.12 |  | "_s};
    QTest::newRow("cents without except per share are millions") << u"(in millions)\nTotal $ 1,234.56\n"_s
                                                                 << QStringList{u"USD 1234560000 | millions | USD 1234.56"_s};
    // corpus 10k/ko-10-k-2025-02-20.html, page 95: the heading states the count of units; the
    // grant-date fair value in the sentence below is dollars per unit (tagged 57.16).
    QTest::newRow("ko: a count column's heading") << u"(In millions)\nTotal $ 12\nPerformance Share Units\n(In thousands)\n"
                                                     u"Weighted-Average Grant Date Fair Value\nGranted 1,348 57.16\n"
                                                     u"The weighted-average grant date fair value was $ 57.16 , $ 56.63 , respectively.\n"_s
                                                  << QStringList{u"USD 12000000 | millions | USD 12"_s, u"USD 57.16 |  | "_s,
                                                                 u"USD 56.63 |  | "_s};
}

void TestFigures::statedScaleApplied()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    DocumentContent content;
    content.text.pages = {text};
    const ExtractionContext context{content, m_rules};
    EntityList entities;
    createFigureRecognizers().front()->run(context, entities);
    QStringList got;
    for (const Entity &e : std::as_const(entities))
        got.append(e.value + u" | "_s + e.attributes.value(u"statedIn"_s) + u" | "_s + e.attributes.value(u"printed"_s));
    QCOMPARE(got, expected);
}

void TestFigures::tableHeadingStatesUnit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("statedIn");
    QTest::newRow("jnj: parentheses") << u"Consolidated Balance Sheets\n(Dollars in Millions)\nCash $ 12,889 $ 14,487\n"_s
                                      << QStringList{u"millions"_s, u"millions"_s};
    QTest::newRow("pfizer: capitals") << u"PFIZER INC.\n(MILLIONS, EXCEPT PER COMMON SHARE DATA)\nRevenues $ 12,734\n"_s
                                      << QStringList{u"millions"_s};
    QTest::newRow("bmy: heading without parentheses") << u"Dollars in millions 2023 2022\nEliquis $ 12,206\n"_s
                                                      << QStringList{u"millions"_s};
    QTest::newRow("scaled amount keeps its own scale") << u"($ in millions)\nup $1.2 billion\n"_s << QStringList{QString()};
    QTest::newRow("shares are not dollars") << u"(Shares in Thousands)\nPrice $ 155\n"_s << QStringList{QString()};
    QTest::newRow("prose") << u"in millions of homes; a $5 fee"_s << QStringList{QString()};
    QTest::newRow("heading too far above") << u"(Dollars in Millions)\n"_s + QString(5000, u'x') + u"\n$ 12"_s
                                           << QStringList{QString()};
}

void TestFigures::tableHeadingStatesUnit()
{
    QFETCH(QString, text);
    QFETCH(QStringList, statedIn);
    DocumentContent content;
    content.text.pages = {text};
    const ExtractionContext context{content, m_rules};
    EntityList entities;
    createFigureRecognizers().front()->run(context, entities);
    QStringList got;
    for (const Entity &e : std::as_const(entities))
        got.append(e.attributes.value(u"statedIn"_s));
    QCOMPARE(got, statedIn);
    // The value is scaled by the heading's scale, and only then.
    for (const Entity &e : std::as_const(entities))
        QCOMPARE(e.value.endsWith(u"000000"_s), e.attributes.contains(u"scale"_s) || e.attributes.contains(u"statedIn"_s));
}

void TestFigures::userPackAddsCurrency()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"rand.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "rand", "figures": {"currencySymbols": {"R": "ZAR"}, "scales": {"lakh": 5}}})");
    f.close();
    QList<RulePackError> errors;
    const RuleSet rules = RuleSet::loadFrom({u":/rules/core.json"_s, path}, &errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(found(u"money"_s, u"a fee of R 2 lakh and $5"_s, &rules),
             (QStringList{u"ZAR 200000 | R 2 lakh"_s, u"USD 5 | $5"_s}));
    // The built-in rules alone do not know the rand.
    QCOMPARE(found(u"money"_s, u"a fee of R 2 lakh and $5"_s), QStringList{u"USD 5 | $5"_s});
}

void TestFigures::sameResultsFromSeveralThreads()
{
    const QString text = u"On June 4, 2007 revenue rose 12.5% to $1.3 billion; (3.1)% and $(1.2) million.\n"_s.repeated(50);
    const QStringList expected = found(u"money"_s, text) + found(u"date"_s, text) + found(u"percent"_s, text);
    QCOMPARE(expected.size(), 50 * 5);
    QList<QFuture<QStringList>> runs;
    for (int i = 0; i < 4; ++i) {
        runs.append(QtConcurrent::run([this, text] {
            return found(u"money"_s, text) + found(u"date"_s, text) + found(u"percent"_s, text);
        }));
    }
    for (auto &run : runs)
        QCOMPARE(run.result(), expected);
}

QTEST_GUILESS_MAIN(TestFigures)
#include "tst_figures.moc"
