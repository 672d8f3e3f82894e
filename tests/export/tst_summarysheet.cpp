#include "exportfixtures.h"
#include "export/summarysheet.h"

#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtGui/QGuiApplication>
#include <QtGui/QPdfWriter>
#include <QtGui/QTextDocument>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using namespace ExportFixtures;

// Writes the sheet as a PDF and reads it back with QtPdf. When FILINGLENS_TEST_OUTPUT
// names a folder, the PDFs are also left there for a person to look at.
class TestSummarySheet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sampleSheet_data();
    void sampleSheet();
    void statusLine();
    void xbrlCounts();
    void lifeSciencesGrouped();
    void keyFigures();
    void longFilingStaysOnTwoPages_data();
    void longFilingStaysOnTwoPages();
    void emptyFiling();
    void itemOrder();
    void coverFactChoice();
    void hostileEntities();
    void grayscaleOnly();
    void deviceErrors();

private:
    struct Pdf
    {
        int pages = 0;
        QSizeF pageSize;
        QStringList text; // per page, white space simplified
        QString all() const { return text.join(u' '); }
    };
    Pdf render(const SummarySheet &sheet, const QString &keepAs);
    QTemporaryDir m_dir;
};

static QString simplifiedText(QString s)
{
    // PDF text extraction breaks lines where the layout wrapped them.
    s.replace(QChar(0x00a0), u' ');
    return s.simplified();
}

void TestSummarySheet::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

TestSummarySheet::Pdf TestSummarySheet::render(const SummarySheet &sheet, const QString &keepAs)
{
    Pdf out;
    const QString path = m_dir.filePath(keepAs);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return out;
    QString error;
    if (!sheet.writePdf(&file, &error)) {
        qWarning("%s", qPrintable(error));
        return out;
    }
    file.close();
    const QString keep = qEnvironmentVariable("FILINGLENS_TEST_OUTPUT");
    if (!keep.isEmpty()) {
        QFile::remove(QDir(keep).filePath(keepAs));
        QFile::copy(path, QDir(keep).filePath(keepAs));
    }
    QPdfDocument pdf;
    if (pdf.load(path) != QPdfDocument::Error::None)
        return out;
    out.pages = pdf.pageCount();
    out.pageSize = pdf.pagePointSize(0);
    for (int i = 0; i < pdf.pageCount(); ++i)
        out.text << simplifiedText(pdf.getAllText(i).text());
    return out;
}

void TestSummarySheet::sampleSheet_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QSizeF>("points");
    QTest::newRow("Letter") << int(QPageSize::Letter) << QSizeF(612, 792);
    QTest::newRow("A4") << int(QPageSize::A4) << QSizeF(595, 842);
}

void TestSummarySheet::sampleSheet()
{
    QFETCH(int, pageSize);
    QFETCH(QSizeF, points);
    const DocumentContent c = sampleContent();
    EntityList l = sampleEntities(c);
    // The registrant named as an organization is not listed twice.
    l << at(c, u"organization"_s, u"ImmunoGen, Inc."_s, {}, {}, 4);
    SummaryOptions o;
    o.pageSize = QPageSize::PageSizeId(pageSize);
    o.printedAt = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    const SummarySheet sheet(c, l, o);
    QCOMPARE(sheet.pageCount(), 1);
    const Pdf pdf = render(sheet, u"sample-%1.pdf"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    QCOMPARE(pdf.pages, sheet.pageCount());
    QVERIFY(qAbs(pdf.pageSize.width() - points.width()) < 1);
    QVERIFY(qAbs(pdf.pageSize.height() - points.height()) < 1);
    const QString text = pdf.all();

    // Each fact with its page: cover facts, items, exhibits, people, drugs.
    const QStringList facts = {
        u"ImmunoGen, Inc. (p. 1, 2)"_s,
        u"Form 8-K (p. 1)"_s,
        u"Date of report 2007-06-04 (p. 1)"_s,
        u"Registrant ImmunoGen, Inc. p. 1, 2"_s,
        u"Commission file number 0-17999 p. 1"_s,
        u"IRS employer id 04-2726691 p. 1"_s,
        u"Ticker IMGN p. 1"_s,
        u"State of incorporation Massachusetts p. 1"_s,
        u"Address 128 Sidney Street, Cambridge, MA 02139 p. 1"_s,
        u"Registrant phone 617-995-2500 p. 1"_s,
        u"8.01 Other Events p. 1"_s,
        u"9.01 Financial Statements and Exhibits p. 1"_s,
        u"99.1 Press Release of ImmunoGen, Inc. dated June 4, 2007 p. 1"_s,
        u"Carol Hausner Executive Director, Investor Relations and Corporate Communications p. 2"_s,
        u"Mitchel Sayare Chairman and CEO p. 2"_s,
        // People in reading order: the contacts come before the quoted CEO.
        u"Carol Hausner Executive Director, Investor Relations and Corporate Communications p. 2 "
        "Kathryn Morris Media contact p. 2 Mitchel Sayare"_s,
        u"Organizations: Genentech (p. 1) Life sciences"_s,
        u"trastuzumab-DM1"_s,
        u"3.6 mg/kg"_s,
        u"huC242-DM4"_s,
        u"168 mg/m²"_s,
        u"hyperesthesia"_s,
    };
    for (const QString &f : facts)
        QVERIFY2(text.contains(f), qPrintable(u"missing \""_s + f + u"\" in: "_s + text));
    // The rejected organization is not shown as a fact.
    QVERIFY(!text.contains(u"American Society of Clinical Oncology"_s));
    // Footer: file name, the start of its sha256, page x of y, the date printed.
    QVERIFY(text.contains(u"immunogen-8k-2007-06-04.txt"_s));
    QVERIFY(text.contains(u"sha256 "_s + c.sha256.left(12)));
    QVERIFY(!text.contains(c.sha256.left(13)));
    QVERIFY(text.contains(u"Page 1 of 1"_s));
    QVERIFY(text.contains(u"Printed 2026-11-25"_s));
}

void TestSummarySheet::statusLine()
{
    const DocumentContent c = sampleContent();
    const EntityList l = sampleEntities(c);
    SummaryOptions o;
    const Pdf pdf = render(SummarySheet(c, l, o), u"status.pdf"_s);
    const int open = int(std::count_if(l.cbegin(), l.cend(), [](const Entity &e) { return e.status == EntityStatus::Auto; }));
    QVERIFY2(pdf.all().contains(u"Review: 2 confirmed · 1 corrected · 1 added · 1 rejected · %1 open."_s.arg(open)),
             qPrintable(pdf.all()));
    QVERIFY(pdf.all().contains(u"Last decision by A. Analyst on 2026-11-20."_s) ||
            pdf.all().contains(u"Last decision by B. Reviewer on 2026-11-20."_s));

    EntityList fresh = l;
    for (Entity &e : fresh) {
        e.status = EntityStatus::Auto;
        e.by.clear();
        e.at = QDateTime();
    }
    o.reviewer = u"C. Checker"_s;
    const Pdf unreviewed = render(SummarySheet(c, fresh, o), u"status-fresh.pdf"_s);
    QVERIFY2(unreviewed.all().contains(u"0 confirmed · 0 corrected · 0 added · 0 rejected · %1 open. Not reviewed yet (reviewer: C. Checker)."_s
                                           .arg(fresh.size())),
             qPrintable(unreviewed.all()));
}

// An inline-XBRL filing: the facts, and how the printed amounts compare with their tags,
// are counted (rejected entities left out); a filing without XBRL has no such line.
void TestSummarySheet::xbrlCounts()
{
    const DocumentContent c = sampleContent();
    EntityList l = sampleEntities(c);
    QVERIFY(!render(SummarySheet(c, l), u"xbrl-none.pdf"_s).all().contains(u"Inline XBRL"_s));
    const auto add = [&](const QString &type, const QMap<QString, QString> &attributes, EntityStatus status) {
        Entity e;
        e.type = type;
        e.id = u"%1@0:%2-%2"_s.arg(type).arg(l.size());
        e.value = u"USD 385000000000"_s;
        e.text = u"$385 billion"_s;
        e.attributes = attributes;
        e.status = status;
        l.append(e);
    };
    for (int i = 0; i < 4; ++i)
        add(u"xbrl_fact"_s, {{u"concept"_s, u"us-gaap:Revenues"_s}, {u"hidden"_s, i == 0 ? u"true"_s : u"false"_s}},
            EntityStatus::Auto);
    add(u"xbrl_fact"_s, {{u"concept"_s, u"us-gaap:Revenues"_s}}, EntityStatus::Rejected);
    add(u"money"_s, {{u"xbrl"_s, u"agrees"_s}}, EntityStatus::Auto);
    add(u"money"_s, {{u"xbrl"_s, u"agrees"_s}}, EntityStatus::Confirmed);
    add(u"money"_s, {{u"xbrl"_s, u"differs"_s}, {u"xbrlValue"_s, u"385000000"_s}}, EntityStatus::Auto);
    add(u"percent"_s, {{u"xbrl"_s, u"untagged"_s}}, EntityStatus::Auto);
    const Pdf pdf = render(SummarySheet(c, l), u"xbrl.pdf"_s);
    QVERIFY2(pdf.all().contains(u"Inline XBRL: 4 facts (1 hidden) · 2 amounts agree with their tags · 1 differ · 1 untagged: "
                                "“$385 billion” tagged 385000000."_s),
             qPrintable(pdf.all()));
}

void TestSummarySheet::lifeSciencesGrouped()
{
    const DocumentContent c = sampleContent();
    const SummarySheet sheet(c, sampleEntities(c));
    const QString text = render(sheet, u"life-sciences.pdf"_s).all();
    // One row per drug: phase, dose and indication by the nearest mention, the adverse
    // event by the drug its entity names.
    QVERIFY2(text.contains(u"trastuzumab-DM1 2 3.6 mg/kg HER2-expressing metastatic breast cancer thrombocytopenia p. 1, 2, 3, 4"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"huN901-DM1 relapsed small-cell lung cancer hyperesthesia p. 1, 2, 3, 4"_s), qPrintable(text));
    QVERIFY2(text.contains(u"huC242-DM4 168 mg/m² gastric cancer p. 1, 2, 3, 4"_s), qPrintable(text));
    // Differently capitalised mentions are one drug, and nothing is left unlinked.
    QCOMPARE(text.count(u"trastuzumab-DM1"_s, Qt::CaseInsensitive), 1);
    QVERIFY(!text.contains(u"not linked to a drug"_s));
    // Rows in the order the filing first mentions the drugs ("huC242-DM4 and huN901-DM1,
    // ... and trastuzumab-DM1"), whatever order the entities come in.
    EntityList reversed = sampleEntities(c);
    std::reverse(reversed.begin(), reversed.end());
    const QString again = render(SummarySheet(c, reversed), u"life-sciences-reversed.pdf"_s).all();
    const qsizetype table = again.indexOf(u"Adverse events"_s);
    QVERIFY(table > 0);
    QVERIFY(again.indexOf(u"huC242-DM4"_s, table) < again.indexOf(u"huN901-DM1"_s, table));
    QVERIFY(again.indexOf(u"huN901-DM1"_s, table) < again.indexOf(u"trastuzumab-DM1"_s, table));
    QCOMPARE(again.mid(table), text.mid(text.indexOf(u"Adverse events"_s)));
}

void TestSummarySheet::keyFigures()
{
    const DocumentContent b = contentFromFile(TestUtils::dataPath(u"export/buckle-ex99-1.txt"_s), false);
    EntityList l;
    l << at(b, u"registrant"_s, u"The Buckle, Inc."_s) << at(b, u"ticker"_s, u"BKE"_s);
    const QStringList amounts = {u"$44.2 million"_s, u"$293.6 million"_s, u"$303.5 million"_s,
                                 u"$46.6 million"_s, u"$46.1 million"_s, u"$0.89"_s, u"$0.88"_s,
                                 u"$51.8 million"_s, u"$1.05"_s, u"$1.04"_s, u"$0.89"_s};
    for (int i = 0; i < amounts.size(); ++i) {
        QString a = amounts.at(i);
        const double scale = a.endsWith(u" million"_s) ? 1e6 : 1;
        a.remove(u" million"_s).remove(u'$');
        l << at(b, u"money"_s, amounts.at(i),
                u"USD "_s + QString::number(a.toDouble() * scale, 'f', scale > 1 ? 0 : 2), {},
                amounts.at(i) == u"$0.89"_s && i > 5 ? 1 : 0);
    }
    for (const QString &p : {u"3.2 percent"_s, u"0.7 percent"_s, u"1.1 percent"_s})
        l << at(b, u"percent"_s, p, p.section(u' ', 0, 0));
    const QString text = render(SummarySheet(b, l), u"figures.pdf"_s).all();
    // Largest first, with the text as written and its context.
    const qsizetype big = text.indexOf(u"USD 303,500,000 $303.5 million"_s);
    const qsizetype next = text.indexOf(u"USD 293,600,000 $293.6 million"_s);
    QVERIFY2(big >= 0 && next > big, qPrintable(text));
    QVERIFY(text.contains(u"USD 1.05 $1.05"_s));
    QVERIFY2(text.contains(u"($1.04 per share"_s), qPrintable(text));
    // Percentages with the sentence around them.
    QVERIFY2(text.contains(u"3.2% …Net sales for the 13-week fiscal quarter ended November 2, 2024 decreased 3.2 percent to $293.6 million"_s),
             qPrintable(text));
    QVERIFY(text.contains(u"0.7% …net sales for the 13-week fiscal quarter ended November 2, 2024 decreased 0.7 percent from"_s));
    // Eleven amounts, one of them twice: ten rows, nothing left out.
    QCOMPARE(text.count(u"USD 0.89 $0.89"_s), 1);
    QVERIFY(!text.contains(u"more distinct amounts"_s));
}

void TestSummarySheet::longFilingStaysOnTwoPages_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("Letter") << int(QPageSize::Letter);
    QTest::newRow("A4") << int(QPageSize::A4);
}

void TestSummarySheet::longFilingStaysOnTwoPages()
{
    QFETCH(int, pageSize);
    // A 10-K's worth: many items, exhibits, people, amounts, drugs.
    DocumentContent c = sampleContent();
    const EntityList base = sampleEntities(c);
    EntityList l = base;
    const QString page0 = c.text.pages.at(0);
    auto add = [&](const QString &type, const QString &value, const QMap<QString, QString> &attributes) {
        Entity e;
        e.type = type;
        e.value = value;
        e.text = page0.mid(0, 6);
        e.span = {int(l.size() % 5), 0, 6};
        e.id = type + u'@' + QString::number(l.size());
        e.attributes = attributes;
        l << e;
    };
    for (int i = 0; i < 60; ++i) {
        add(u"item"_s, u"%1.%2"_s.arg(1 + i / 9).arg(i % 9, 2, 10, QChar(u'0')),
            {{u"title"_s, u"A long item title that goes on about risk factors and properties %1"_s.arg(i)}});
        add(u"exhibit"_s, u"10.%1"_s.arg(i + 1),
            {{u"description"_s, u"Amended and Restated Credit Agreement among the Company and the lenders party thereto, number %1"_s.arg(i)}});
        add(u"person"_s, u"Person Number %1"_s.arg(i), {{u"role"_s, u"Executive Vice President and Chief Officer of Division %1"_s.arg(i)}});
        add(u"money"_s, u"USD %1"_s.arg(1000000 + i * 12345), {});
        add(u"percent"_s, QString::number(i), {});
        add(u"drug"_s, u"Compound-%1"_s.arg(i), {});
        add(u"indication"_s, u"indication %1"_s.arg(i), {{u"drug"_s, u"Compound-%1"_s.arg(i)}});
        add(u"organization"_s, u"Organization %1 Holdings"_s.arg(i), {});
    }
    SummaryOptions o;
    o.pageSize = QPageSize::PageSizeId(pageSize);
    const SummarySheet sheet(c, l, o);
    QCOMPARE(sheet.pageCount(), 2);
    const Pdf pdf = render(sheet, u"long-%1.pdf"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    QCOMPARE(pdf.pages, 2);
    QVERIFY(pdf.text.at(1).contains(u"Page 2 of 2"_s));
    const QString text = pdf.all();
    const QRegularExpression more(u"and (\\d+) more items"_s);
    const QRegularExpressionMatch m = more.match(text);
    QVERIFY2(m.hasMatch(), qPrintable(text));
    // Shown plus "more" accounts for every distinct item.
    const int shownItems = int(text.count(QRegularExpression(u"A long item title"_s)));
    QCOMPARE(shownItems + m.captured(1).toInt(), 62);
    QVERIFY(text.contains(QRegularExpression(u"and \\d+ more exhibits"_s)));
    QVERIFY(text.contains(QRegularExpression(u"and \\d+ more people"_s)));
    QVERIFY(text.contains(QRegularExpression(u"and \\d+ more drugs"_s)));
    // The cover facts survive the cuts.
    QVERIFY(text.contains(u"Commission file number 0-17999"_s));
    // No row is cut by the page break: each two-line exhibit row ends on the page it starts.
    for (const QString &page : pdf.text)
        QCOMPARE(page.count(u"Amended and Restated Credit Agreement"_s), page.count(u"party thereto"_s));
    // A table that goes on past the page break says so.
    const qsizetype exhibitsOnSecond = pdf.text.at(1).count(u"Amended and Restated Credit Agreement"_s);
    QCOMPARE(pdf.text.at(1).contains(u"Exhibits (continued)"_s), exhibitsOnSecond > 0);
}

void TestSummarySheet::emptyFiling()
{
    DocumentContent c;
    c.fileName = u"empty.txt"_s;
    c.text.pages = {QString()};
    const SummarySheet sheet(c, {});
    QCOMPARE(sheet.pageCount(), 1);
    const Pdf pdf = render(sheet, u"empty.pdf"_s);
    QCOMPARE(pdf.pages, 1);
    QVERIFY(pdf.all().contains(u"No cover page facts found."_s));
    QVERIFY(pdf.all().contains(u"Not reviewed yet."_s));
    QVERIFY(pdf.all().contains(u"Page 1 of 1"_s));

    // Header fields stand in for cover facts the text did not yield.
    c.header.insert(u"company_name"_s, {u"ACORN ENERGY, INC."_s, {0, 0, 0}});
    c.header.insert(u"cik"_s, {u"0000880984"_s, {}});
    const QString text = render(SummarySheet(c, {}), u"header.pdf"_s).all();
    QVERIFY2(text.contains(u"ACORN ENERGY, INC. (p. 1)"_s), qPrintable(text));
    QVERIFY(text.contains(u"CIK 0000880984 header"_s));
}

void TestSummarySheet::itemOrder()
{
    // 10-K items in the order of the form, whatever order they were found in.
    DocumentContent c;
    c.fileName = u"10k.htm"_s;
    c.text.pages = {u"Item 1. Item 1A. Item 7A. Item 9C. Item 10. Item 2. Item 16."_s};
    EntityList l;
    for (const QString &n : {u"16"_s, u"9C"_s, u"1A"_s, u"10"_s, u"2"_s, u"7A"_s, u"1"_s}) {
        Entity e = at(c, u"item"_s, u"Item "_s + n + u'.', n, {{u"title"_s, u"Title "_s + n}});
        l << e;
    }
    const QString text = render(SummarySheet(c, l), u"items.pdf"_s).all();
    QVERIFY2(text.contains(u"1 Title 1 p. 1 1A Title 1A p. 1 2 Title 2 p. 1 7A Title 7A p. 1 9C Title 9C p. 1 "
                           "10 Title 10 p. 1 16 Title 16 p. 1"_s),
             qPrintable(text));
}

void TestSummarySheet::coverFactChoice()
{
    // A reviewed value wins; among unreviewed ones the most confident; a rejected one never.
    const DocumentContent c = sampleContent();
    Entity upper = at(c, u"registrant"_s, u"IMMUNOGEN, INC."_s);
    upper.confidence = 0.4;
    Entity proper = at(c, u"registrant"_s, u"ImmunoGen, Inc."_s, {}, {}, 2);
    proper.confidence = 0.9;
    Entity wrong = at(c, u"registrant"_s, u"Genentech"_s);
    wrong.confidence = 0.99;
    const QString byConfidence = render(SummarySheet(c, {upper, proper, decided(wrong, EntityStatus::Rejected)}),
                                        u"cover-1.pdf"_s).all();
    // One value written two ways: one fact, in the more confident spelling, both pages.
    QVERIFY2(byConfidence.startsWith(u"ImmunoGen, Inc. (p. 1, 2)"_s), qPrintable(byConfidence));
    QVERIFY(byConfidence.contains(u"Registrant ImmunoGen, Inc. p. 1, 2 "_s));
    const QString reviewed = render(SummarySheet(c, {upper, proper, decided(wrong, EntityStatus::Confirmed)}),
                                    u"cover-2.pdf"_s).all();
    QVERIFY2(reviewed.startsWith(u"Genentech (p. 1)"_s), qPrintable(reviewed));
}

void TestSummarySheet::hostileEntities()
{
    // Spans off the page or the filing, empty and enormous values, markup, NaN: the
    // sheet still fits, escapes markup and shows what it can.
    const DocumentContent c = sampleContent();
    EntityList l;
    Entity e;
    e.type = u"registrant"_s;
    e.value = u"<b>Evil</b> & Co. "_s + QString(5000, u'x');
    e.span = {0, 0, 5};
    e.confidence = std::nan("");
    l << e;
    e.type = u"money"_s;
    e.value = u"USD not-a-number"_s;
    e.span = {99, 10, 20};
    l << e;
    e.value = u"USD -2500000"_s;
    e.text = u"($2.5 million)"_s;
    e.span = {1, 0, 100000};
    l << e;
    e.type = u"percent"_s;
    e.value = QString();
    e.text = QString();
    e.span = {-1, 5, 2};
    l << e;
    e.type = u"item"_s;
    e.value = u"8.01"_s;
    e.orphan = true;
    e.span = SourceSpan();
    l << e;
    e.type = u"adverse_event"_s;
    e.value = u"nausea"_s;
    e.attributes = {{u"drug"_s, u"no such drug"_s}};
    l << e;
    e.type = u"no_such_type"_s;
    l << e;
    const SummarySheet sheet(c, l);
    QCOMPARE(sheet.pageCount(), 1);
    QVERIFY(sheet.html().contains(u"&lt;b&gt;Evil&lt;/b&gt; &amp; Co."_s));
    const QString text = render(sheet, u"hostile.pdf"_s).all();
    QVERIFY2(text.startsWith(u"<b>Evil</b> & Co. "_s), qPrintable(text));
    QVERIFY(text.contains(u"USD -2,500,000 ($2.5 million)"_s));
    QVERIFY(!text.contains(u"not-a-number"_s));
    QVERIFY(text.contains(u"8.01"_s));
    QVERIFY(text.contains(u"not linked to a drug nausea"_s));
}

void TestSummarySheet::grayscaleOnly()
{
    // Nothing is told by colour: every colour the sheet uses is a gray.
    const DocumentContent c = sampleContent();
    const QString html = SummarySheet(c, sampleEntities(c)).html();
    const QRegularExpression colour(u"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})"_s);
    int seen = 0;
    for (auto it = colour.globalMatch(html); it.hasNext(); ++seen) {
        const QRegularExpressionMatch m = it.next();
        QVERIFY2(m.captured(1) == m.captured(2) && m.captured(2) == m.captured(3), qPrintable(m.captured()));
        // Backgrounds light enough for black text.
        QVERIFY(m.captured(1).toInt(nullptr, 16) >= 0xd0 || m.captured(1) == u"00"_s);
    }
    QVERIFY(seen > 0);
    QVERIFY(!html.contains(u"color:"_s) || html.contains(u"color: #000000"_s));
}

void TestSummarySheet::deviceErrors()
{
    const DocumentContent c = sampleContent();
    const SummarySheet sheet(c, sampleEntities(c));
    QBuffer closed;
    QString error;
    QVERIFY(!sheet.writePdf(&closed, &error));
    QVERIFY(error.contains(u"not open for writing"_s));
    QVERIFY(!sheet.print(nullptr, &error));
    QVERIFY(!error.isEmpty());
    // A PDF into memory works the same as into a file.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(sheet.writePdf(&buffer, &error));
    QVERIFY(buffer.data().startsWith("%PDF-"));
}

QTEST_MAIN(TestSummarySheet)
#include "tst_summarysheet.moc"
