#include "extract/extractor.h"
#include "extract/pagefurniture.h"
#include "extract/recognizer.h"

#include "model/textlayer.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class TestExtractor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sortedAndUnique();
    void makeEntityCountsCodePoints_data();
    void makeEntityCountsCodePoints();
    void sharedContextIsOnlyRead();
    void progressAndCancel();
    void emptyAndBrokenContent();
    void versionAndFingerprint();
    void pageFurnitureOnce();
    void furnitureNeedsManyPages();

private:
    RuleSet m_rules;
    DocumentContent m_sample;
};

void TestExtractor::initTestCase()
{
    QList<RulePackError> errors;
    m_rules = RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s}, &errors);
    QVERIFY(errors.isEmpty());
    QFile f(u":/sample/immunogen-8k-2007-06-04.txt"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_sample.text.pages = {QString::fromUtf8(f.readAll())};
    m_sample.fileName = u"immunogen-8k-2007-06-04.txt"_s;
}

void TestExtractor::sortedAndUnique()
{
    const EntityList entities = Extractor(m_rules).extract(m_sample);
    QVERIFY(entities.size() > 20);
    QSet<QString> ids;
    for (int i = 0; i < entities.size(); ++i) {
        const Entity &e = entities.at(i);
        // One entity per type and span; ids are unique and say where the entity is.
        QVERIFY2(!ids.contains(e.id), qPrintable(e.id));
        ids.insert(e.id);
        QCOMPARE(e.id, Entity::makeId(e.type, e.span, m_sample.text.pages.at(e.span.page)));
        QCOMPARE(e.text, m_sample.text.textAt(e.span));
        QVERIFY(!e.value.isEmpty());
        QVERIFY(e.confidence > 0.0 && e.confidence <= 1.0);
        QVERIFY(!e.origin.isEmpty());
        QCOMPARE(e.status, EntityStatus::Auto);
        if (i > 0)
            QVERIFY(!(e.span < entities.at(i - 1).span));
    }
    // The cover page of the sample, as the gold file has it.
    QMap<QString, QString> cover;
    for (const Entity &e : entities) {
        if (!cover.contains(e.type))
            cover.insert(e.type, e.value);
    }
    QCOMPARE(cover.value(u"registrant"_s), u"ImmunoGen, Inc."_s);
    QCOMPARE(cover.value(u"report_date"_s), u"2007-06-04"_s);
    QCOMPARE(cover.value(u"commission_file_number"_s), u"0-17999"_s);
}

void TestExtractor::makeEntityCountsCodePoints_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("needle");
    QTest::newRow("ascii") << u"Call (617) 995-2500 now"_s << u"(617) 995-2500"_s;
    QTest::newRow("after an emoji") << u"\U0001F4DE (617) 995-2500"_s << u"(617) 995-2500"_s;
    QTest::newRow("two astral characters before") << u"\U0001D400\U0001D401 x (617) 995-2500 \U0001D402"_s << u"(617) 995-2500"_s;
    QTest::newRow("span holds one") << u"a \U0001D400b c"_s << u"\U0001D400b"_s;
}

void TestExtractor::makeEntityCountsCodePoints()
{
    QFETCH(QString, page);
    QFETCH(QString, needle);
    DocumentContent content;
    content.text.pages = {u"first page"_s, page};
    const ExtractionContext context{content, m_rules};
    const int at = int(page.indexOf(needle));
    const SourceSpan span{1, at, at + int(needle.size())};
    const Entity e = context.makeEntity(u"phone"_s, span, QString(), 1.5, u"test"_s, {{u"kind"_s, u"tel"_s}});
    QCOMPARE(e.id, Entity::makeId(u"phone"_s, span, page));
    QCOMPARE(e.text, needle);
    QCOMPARE(e.value, needle); // no normalized value: the text
    QCOMPARE(e.confidence, 1.0);
    QCOMPARE(e.attributes.value(u"kind"_s), u"tel"_s);
}

// The recognizers share one context from several threads. Its code-point cache, filled
// lazily, was written by two of them at once and corrupted the heap about once in a hundred
// extractions of a 10-K. Indexed first, the context is only read: ids are the same from every
// thread and the cache does not change.
void TestExtractor::sharedContextIsOnlyRead()
{
    DocumentContent content;
    for (int p = 0; p < 40; ++p)
        content.text.pages.append(u"Page %1 \U0001D400 of Acme Inc. \U0001F600 on June 4, 2007, $1.2 million"_s.arg(p).repeated(20));
    const ExtractionContext context{content, m_rules};
    context.indexAllPages();
    QCOMPARE(context.surrogatePairs.size(), content.text.pageCount());
    const auto before = context.surrogatePairs;
    QList<QFuture<bool>> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QtConcurrent::run([&context, &content] {
            for (int p = content.text.pageCount() - 1; p >= 0; --p) {
                const QString &page = content.text.pages.at(p);
                for (int i = 0; i <= page.size(); i += 7) {
                    if (context.toCodePoint(p, i) != TextLayer::toCodePoint(page, i))
                        return false;
                }
            }
            return true;
        }));
    }
    for (QFuture<bool> &f : threads)
        QVERIFY(f.result());
    QCOMPARE(context.surrogatePairs, before);
}

void TestExtractor::progressAndCancel()
{
    QList<int> done;
    int total = -1;
    Extractor(m_rules).extract(m_sample, [&](int d, int t) {
        done.append(d);
        total = t;
    });
    QVERIFY(total > 0);
    QCOMPARE(done.first(), 0);
    QCOMPARE(done.last(), total);

    // Cancelled before it starts: nothing is found and it returns at once.
    std::atomic_bool cancel{true};
    QVERIFY(Extractor(m_rules).extract(m_sample, {}, &cancel).isEmpty());
}

void TestExtractor::emptyAndBrokenContent()
{
    DocumentContent empty;
    QVERIFY(Extractor(m_rules).extract(empty).isEmpty());
    DocumentContent odd;
    odd.text.pages = {QString(), u"\0\0\0"_s, QString(100000, u'\n')};
    DocumentPart part;
    part.firstPage = 5; // beyond the text layer
    part.pageCount = 3;
    odd.parts = {part};
    odd.header.insert(u"cik"_s, {u"123"_s, {9, 0, 5}}); // span on a page that does not exist
    odd.deiFacts.append({u"EntityRegistrantName"_s, u"X"_s, {0, 10, 20}});
    const EntityList entities = Extractor(m_rules).extract(odd);
    for (const Entity &e : entities)
        QVERIFY(e.span.page < odd.pageCount() && e.span.end <= odd.text.pages.at(e.span.page).size());
}

void TestExtractor::versionAndFingerprint()
{
    QVERIFY(!Extractor::version().isEmpty());
    const QString fp = m_rules.fingerprint();
    QCOMPARE(fp.size(), 16);
    QCOMPARE(RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s}).fingerprint(), fp);
    QVERIFY(RuleSet::loadFrom({u":/rules/core.json"_s}).fingerprint() != fp);
}

QTEST_GUILESS_MAIN(TestExtractor)
// Running headers and footers as a 10-K printed to PDF has them (corpus
// pdf/PFIZER_2022_10K.pdf: "Pfizer Inc. 2022 Form 10-K 66" at the foot of each page,
// "Notes to Consolidated Financial Statements / Pfizer Inc. and Subsidiary Companies"
// at the head): their organizations come once, from the first page, and the text
// between them is untouched.
void TestExtractor::pageFurnitureOnce()
{
    DocumentContent content;
    content.fileName = u"furniture.txt"_s;
    for (int p = 0; p < 6; ++p) {
        content.text.pages.append(u"Notes to Consolidated Financial Statements\nPfizer Inc. and Subsidiary Companies\n"
                                  "Page %3 begins the text.\nIn 2022 we paid Acme Widgets, Inc. $%1 million.\n"
                                  "The page goes on, page %3.\nIt ends here, page %3.\n"
                                  "Pfizer Inc. 2022 Form 10-K %2\n"_s.arg(10 + p).arg(60 + p).arg(QChar(u'a' + p)));
    }
    const EntityList entities = Extractor(m_rules).extract(content);
    QStringList heading;
    QStringList prose;
    for (const Entity &e : entities) {
        if (e.type != u"organization"_s)
            continue;
        (e.value == u"Acme Widgets, Inc."_s ? prose : heading).append(u"%1:%2"_s.arg(e.span.page).arg(e.value));
    }
    QCOMPARE(prose.size(), 6);
    QVERIFY2(!heading.isEmpty(), "the first page keeps its furniture");
    for (const QString &h : std::as_const(heading))
        QVERIFY2(h.startsWith(u"0:"_s), qPrintable(heading.join(u", "_s)));
    int money = 0;
    for (const Entity &e : entities)
        money += e.type == u"money"_s ? 1 : 0;
    QCOMPARE(money, 6);

    const PageFurniture furniture = PageFurniture::find(content);
    QCOMPARE(furniture.repeatsOn(0).size(), 0);
    QCOMPARE(furniture.repeatsOn(5).size(), 3);
}

// A line at the top of two pages of a five-page filing is not furniture, nor is a line
// of numbers only ("104" in an exhibit list looks like a page number).
void TestExtractor::furnitureNeedsManyPages()
{
    DocumentContent content;
    content.text.pages = {u"Acme Widgets, Inc.\nfirst body\n1\n"_s, u"Acme Widgets, Inc.\nsecond body\n2\n"_s,
                          u"Other heading\nthird body\n3\n"_s, u"Third heading\nfourth body\n104\n"_s,
                          u"Last heading\nfifth body\n5\n"_s};
    const PageFurniture furniture = PageFurniture::find(content);
    QCOMPARE(furniture.repeatCount(), 0);
}

#include "tst_extractor.moc"
