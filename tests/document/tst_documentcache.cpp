#include "document/documentcache.h"
#include "extract/extractor.h"
#include "session/entitycache.h"
#include "document/filingdocument.h"
#include "testutils.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtGui/QGuiApplication>
#include <QtGui/QTextDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// Reopening a filing reads its page texts and entities from the per-user cache:
// only an entry written for the same file (sha256), extractor and rules is used,
// and a damaged entry is ignored and replaced, never trusted.
class TestDocumentCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void entitiesRoundTrip();
    void missOnOtherFile();
    void missOnChangedRules();
    void entryOfAnotherKeyIgnored();
    void damagedEntryIgnoredAndReplaced_data();
    void damagedEntryIgnoredAndReplaced();
    void cancelledExtractionNotKept();
    void disabledWritesNothing();
    void oldestEvictedOverLimit();
    void writesDoNotListTheFolderEachTime();
    void pdfLoadUsesCachedPageTexts();
    void pdfLoadIgnoresPageTextsOfWrongCount();
    void htmlTextRoundTrip();
    void damagedHtmlTextIgnored_data();
    void damagedHtmlTextIgnored();
    void htmlTextWithSpanOutsideItsPagesRefused();
    void htmlLoadUsesCachedText();
    void xbrlFactsCachedWithTheText();

private:
    static DocumentContent sampleContent();
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

const QString shaA = QString(64, u'a');
const QString shaB = QString(64, u'b');

QStringList describe(const EntityList &entities)
{
    QStringList out;
    for (const Entity &e : entities) {
        QStringList attrs;
        for (auto it = e.attributes.cbegin(); it != e.attributes.cend(); ++it)
            attrs << it.key() % u'=' % it.value();
        out << u"%1|%2|%3|%4|%5:%6-%7|%8|%9|%10"_s.arg(e.id, e.type, e.value, e.text)
                   .arg(e.span.page).arg(e.span.start).arg(e.span.end)
                   .arg(e.confidence).arg(e.origin, attrs.join(u';'));
    }
    return out;
}

// Damages a cache entry the way a crash, a full disk or another program might.
bool damageFile(const QString &path, const QString &damage)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray bytes = f.readAll();
    f.close();
    if (damage == u"empty"_s)
        bytes.clear();
    else if (damage == u"truncate"_s)
        bytes.chop(bytes.size() / 3);
    else if (damage == u"flip"_s)
        bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x5a);
    else if (damage == u"append"_s)
        bytes += "garbage";
    else
        bytes = "{\"schema\": \"something else\"}";
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

DocumentContent TestDocumentCache::sampleContent()
{
    DocumentContent c;
    c.format = DocumentFormat::PlainText;
    c.fileName = u"8k.txt"_s;
    c.sha256 = shaA;
    c.text.pages << u"ImmunoGen, Inc. (Exact name of registrant as specified in its charter)\n"
                    u"Item 8.01 Other Events. On June 4, 2007 the company received $1.3 million; "
                    u"revenue rose 12%. Contact: ir@immunogen.com, (781) 895-0600."_s;
    return c;
}

void TestDocumentCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    DocumentCache::setFolder(m_dir->path());
    DocumentCache::setMaxBytes(qint64(512) << 20);
    DocumentCache::setEnabled(true);
}

void TestDocumentCache::cleanup()
{
    DocumentCache::setEnabled(false);
}

void TestDocumentCache::entitiesRoundTrip()
{
    const Extractor extractor(RuleSet::loadDefault());
    const DocumentContent content = sampleContent();
    EntityList fresh = extractor.extract(content);
    QVERIFY(!fresh.isEmpty());
    fresh.first().attributes.insert(u"title"_s, u"Other Events; with \u00e9"_s);

    EntityList read;
    QVERIFY(!EntityCache::read(shaA, extractor, &read));
    EntityCache::write(shaA, extractor, fresh);
    QVERIFY(QFile::exists(EntityCache::path(shaA, extractor)));
    QVERIFY(EntityCache::read(shaA, extractor, &read));
    QCOMPARE(describe(read), describe(fresh));

    // extract() through the cache gives the stored list, not a new extraction.
    const EntityList viaCache = EntityCache::extract(extractor, content);
    QCOMPARE(describe(viaCache), describe(fresh));
}

void TestDocumentCache::missOnOtherFile()
{
    const Extractor extractor(RuleSet::loadDefault());
    EntityCache::write(shaA, extractor, extractor.extract(sampleContent()));
    EntityList read;
    QVERIFY(!EntityCache::read(shaB, extractor, &read));
    QVERIFY(read.isEmpty());
    QVERIFY(EntityCache::path(shaA, extractor) != EntityCache::path(shaB, extractor));
}

void TestDocumentCache::missOnChangedRules()
{
    RuleSet rules = RuleSet::loadDefault();
    QVERIFY(rules.packs.size() >= 2);
    const Extractor extractor(rules);
    EntityCache::write(shaA, extractor, extractor.extract(sampleContent()));

    rules.packs.last().enabled = false;
    const Extractor changed(rules);
    QVERIFY(changed.rules().fingerprint() != extractor.rules().fingerprint());
    EntityList read;
    QVERIFY(!EntityCache::read(shaA, changed, &read));
    QVERIFY(EntityCache::read(shaA, extractor, &read));
}

// Every entry repeats its full key (sha256, program build, extractor version, rules
// fingerprint); a file holding another key is not used, whatever its name.
void TestDocumentCache::entryOfAnotherKeyIgnored()
{
    const Extractor extractor(RuleSet::loadDefault());
    EntityCache::write(shaA, extractor, extractor.extract(sampleContent()));
    const QString target = EntityCache::path(shaB, extractor);
    QVERIFY(QFile::copy(EntityCache::path(shaA, extractor), target));
    EntityList read;
    QVERIFY(!EntityCache::read(shaB, extractor, &read));
    QVERIFY(!QFile::exists(target));
}

void TestDocumentCache::damagedEntryIgnoredAndReplaced_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("empty") << u"empty"_s;
    QTest::newRow("truncated") << u"truncate"_s;
    QTest::newRow("byte flipped in the payload") << u"flip"_s;
    QTest::newRow("trailing garbage") << u"append"_s;
    QTest::newRow("not ours") << u"text"_s;
}

void TestDocumentCache::damagedEntryIgnoredAndReplaced()
{
    QFETCH(QString, damage);
    const Extractor extractor(RuleSet::loadDefault());
    const DocumentContent content = sampleContent();
    const EntityList fresh = extractor.extract(content);
    EntityCache::write(shaA, extractor, fresh);
    const QString path = EntityCache::path(shaA, extractor);
    QVERIFY(damageFile(path, damage));

    EntityList read;
    QVERIFY(!EntityCache::read(shaA, extractor, &read));
    QVERIFY(read.isEmpty());
    QVERIFY(!QFile::exists(path));

    // The next open extracts again and writes a good entry.
    QCOMPARE(describe(EntityCache::extract(extractor, content)), describe(fresh));
    QVERIFY(EntityCache::read(shaA, extractor, &read));
    QCOMPARE(describe(read), describe(fresh));
}

void TestDocumentCache::cancelledExtractionNotKept()
{
    const Extractor extractor(RuleSet::loadDefault());
    const std::atomic_bool cancel{true};
    EntityCache::extract(extractor, sampleContent(), {}, &cancel);
    QVERIFY(!QFile::exists(EntityCache::path(shaA, extractor)));
}

void TestDocumentCache::disabledWritesNothing()
{
    DocumentCache::setEnabled(false);
    const Extractor extractor(RuleSet::loadDefault());
    EntityCache::extract(extractor, sampleContent());
    DocumentCache::writePageTexts(shaA, {u"page"_s});
    QVERIFY(QDir(m_dir->path()).isEmpty());
    QStringList pages;
    QVERIFY(!DocumentCache::readPageTexts(shaA, &pages));
}

void TestDocumentCache::oldestEvictedOverLimit()
{
    const QString page(20000, u'x'); // about 40 KB an entry
    const QString shas[] = {QString(64, u'1'), QString(64, u'2'), QString(64, u'3')};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 3; ++i) {
        DocumentCache::writePageTexts(shas[i], {page});
        QFile f(DocumentCache::pageTextsPath(shas[i]));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(now.addSecs(-300 + 100 * i), QFileDevice::FileModificationTime));
    }
    // Reading the oldest makes it the most recently used.
    QStringList pages;
    QVERIFY(DocumentCache::readPageTexts(shas[0], &pages));
    QCOMPARE(pages, QStringList{page});

    DocumentCache::setMaxBytes(3 * 40000 + 20000); // room for three, not four
    DocumentCache::writePageTexts(QString(64, u'4'), {page});
    QVERIFY(QFile::exists(DocumentCache::pageTextsPath(shas[0])));
    QVERIFY(!QFile::exists(DocumentCache::pageTextsPath(shas[1])));
    QVERIFY(QFile::exists(DocumentCache::pageTextsPath(shas[2])));
    QVERIFY(QFile::exists(DocumentCache::pageTextsPath(QString(64, u'4'))));
}

void TestDocumentCache::writesDoNotListTheFolderEachTime()
{
    const QString page(2000, u'y'); // about 4 KB an entry
    auto sha = [](int i) { return QString::number(i).rightJustified(64, u'a'); };
    auto folderBytes = [this] {
        qint64 total = 0;
        for (const QFileInfo &f : QDir(m_dir->path()).entryInfoList({u"*.bin"_s}, QDir::Files))
            total += f.size();
        return total;
    };
    // Far under the limit: a hundred writes list the folder once (to learn its size).
    const int scansBefore = DocumentCache::folderScans();
    for (int i = 0; i < 100; ++i)
        DocumentCache::writePageTexts(sha(i), {page});
    QCOMPARE(DocumentCache::folderScans() - scansBefore, 1);
    QCOMPARE(QDir(m_dir->path()).entryList({u"*.bin"_s}, QDir::Files).size(), 100);

    // At the limit the folder still never holds more than maxBytes, and it is not listed
    // on every write: eviction leaves room for the next ones.
    const qint64 entry = QFileInfo(DocumentCache::pageTextsPath(sha(0))).size();
    QVERIFY(entry > 4000);
    DocumentCache::setMaxBytes(50 * entry);
    const int scansAtLimit = DocumentCache::folderScans();
    for (int i = 100; i < 300; ++i) {
        DocumentCache::writePageTexts(sha(i), {page});
        QVERIFY2(folderBytes() <= 50 * entry, qPrintable(QString::number(folderBytes())));
    }
    QVERIFY(QFile::exists(DocumentCache::pageTextsPath(sha(299)))); // the newest kept
    const int scans = DocumentCache::folderScans() - scansAtLimit;
    QVERIFY2(scans > 0 && scans <= 200 / 4, qPrintable(QString::number(scans)));
}

void TestDocumentCache::pdfLoadUsesCachedPageTexts()
{
    const QString path = TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s);
    LoadError error;
    const auto first = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(first, qPrintable(error.message));
    const QString sha = first->sha256();
    QStringList stored;
    QList<QSizeF> sizes;
    QVERIFY(DocumentCache::readPageTexts(sha, &stored, &sizes));
    QCOMPARE(stored, first->content().text.pages);
    QCOMPARE(sizes.size(), first->pageCount());
    for (int i = 0; i < first->pageCount(); ++i)
        QCOMPARE(sizes.at(i), first->pageSizePoints(i));

    // A second load takes the page texts and sizes from the cache (here: marked ones).
    QStringList marked = stored;
    marked[0] = u"from the cache"_s;
    QList<QSizeF> markedSizes = sizes;
    markedSizes[0] = QSizeF(100, 200);
    DocumentCache::writePageTexts(sha, marked, markedSizes);
    const auto second = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(second, qPrintable(error.message));
    QCOMPARE(second->content().text.pages, marked);
    QCOMPARE(second->pageCount(), first->pageCount());
    QCOMPARE(second->pageSizePoints(0), QSizeF(100, 200));
    QCOMPARE(second->pageSizePoints(1), first->pageSizePoints(1));

    // Sizes that do not match the pages are ignored; pdfium is asked again.
    DocumentCache::writePageTexts(sha, marked);
    const auto third = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(third, qPrintable(error.message));
    QCOMPARE(third->pageSizePoints(0), first->pageSizePoints(0));
}

void TestDocumentCache::pdfLoadIgnoresPageTextsOfWrongCount()
{
    const QString path = TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s);
    DocumentCache::setEnabled(false);
    LoadError error;
    const auto reference = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(reference, qPrintable(error.message));
    DocumentCache::setEnabled(true);
    DocumentCache::writePageTexts(reference->sha256(), {u"one page too few"_s});
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QCOMPARE(doc->content().text.pages, reference->content().text.pages);
}

namespace {

QList<DeiFact> sampleFacts()
{
    DeiFact name{u"EntityRegistrantName"_s, u"BUCKLE, INC"_s, SourceSpan{1, 6, 17}};
    DeiFact cik{u"EntityCentralIndexKey"_s, u"0000885245"_s, SourceSpan{}};
    DeiFact street{u"EntityAddressAddressLine1"_s, u"2407 West\n24th Street \u00e9"_s, SourceSpan{0, 0, 21}};
    return {name, cik, street};
}

const QStringList samplePages = {u"2407 West\n24th Street \u00e9 Kearney"_s, u"Name: BUCKLE, INC (Exact name)"_s};

QString describeFacts(const QList<DeiFact> &facts)
{
    QStringList out;
    for (const DeiFact &f : facts)
        out.append(u"%1=%2@%3:%4-%5"_s.arg(f.name, f.value).arg(f.span.page).arg(f.span.start).arg(f.span.end));
    return out.join(u'|');
}

} // namespace

void TestDocumentCache::htmlTextRoundTrip()
{
    QStringList pages;
    QList<DeiFact> facts;
    QVERIFY(!DocumentCache::readHtmlText(shaA, &pages, &facts));
    DocumentCache::writeHtmlText(shaA, samplePages, sampleFacts());
    QVERIFY(QFile::exists(DocumentCache::htmlTextPath(shaA)));
    QVERIFY(DocumentCache::readHtmlText(shaA, &pages, &facts));
    QCOMPARE(pages, samplePages);
    QCOMPARE(describeFacts(facts), describeFacts(sampleFacts()));
    // Other files and other kinds of entry do not answer for it.
    QVERIFY(!DocumentCache::readHtmlText(QString(64, u'b'), &pages, &facts));
    QVERIFY(!DocumentCache::readPageTexts(shaA, &pages));
    DocumentCache::setEnabled(false);
    QVERIFY(!DocumentCache::readHtmlText(shaA, &pages, &facts));
}

void TestDocumentCache::damagedHtmlTextIgnored_data()
{
    damagedEntryIgnoredAndReplaced_data();
}

void TestDocumentCache::damagedHtmlTextIgnored()
{
    QFETCH(QString, damage);
    DocumentCache::writeHtmlText(shaA, samplePages, sampleFacts());
    const QString path = DocumentCache::htmlTextPath(shaA);
    QVERIFY(damageFile(path, damage));
    QStringList pages;
    QList<DeiFact> facts;
    QVERIFY(!DocumentCache::readHtmlText(shaA, &pages, &facts));
    QVERIFY(pages.isEmpty() && facts.isEmpty());
    QVERIFY(!QFile::exists(path));
}

void TestDocumentCache::htmlTextWithSpanOutsideItsPagesRefused()
{
    QList<DeiFact> facts = sampleFacts();
    facts[0].span = SourceSpan{2, 0, 3}; // there is no third page
    DocumentCache::writeHtmlText(shaA, samplePages, facts);
    QStringList pages;
    QList<DeiFact> read;
    QVERIFY(!DocumentCache::readHtmlText(shaA, &pages, &read));
    facts[0].span = SourceSpan{1, 6, 999};
    DocumentCache::writeHtmlText(shaA, samplePages, facts);
    QVERIFY(!DocumentCache::readHtmlText(shaA, &pages, &read));
}

void TestDocumentCache::htmlLoadUsesCachedText()
{
    const QString path = m_dir->filePath(u"two-pages.html"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<html><body><p>FORM <ix:nonNumeric name=\"dei:DocumentType\">8-K</ix:nonNumeric></p>"
            "<hr style=\"page-break-after:always\"><p>Item 8.01 Other Events</p></body></html>");
    f.close();
    LoadError error;
    const auto first = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(first, qPrintable(error.message));
    QCOMPARE(first->pageCount(), 2);
    QVERIFY(first->hasSheetDocument(0, 1)); // a miss builds the sheets at once
    QStringList pages;
    QList<DeiFact> facts;
    QVERIFY(DocumentCache::readHtmlText(first->sha256(), &pages, &facts));
    QCOMPARE(pages, first->content().text.pages);

    // A second load takes the text layer from the cache (here: a marked one) and
    // builds no sheet document until one is asked for.
    QStringList marked = pages;
    marked[1] = u"from the cache"_s;
    DocumentCache::writeHtmlText(first->sha256(), marked, facts);
    const auto second = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(second, qPrintable(error.message));
    QCOMPARE(second->content().text.pages, marked);
    QCOMPARE(second->content().parts.constFirst().type, u"8-K"_s);
    QCOMPARE(second->content().parts.constFirst().pageOffsets, (QList<int>{0, int(marked.at(0).size()) + 1}));
    QVERIFY(!second->hasSheetDocument(0, 0));
    QVERIFY(!second->hasSheetDocument(0, 1));
    QCOMPARE(second->sheetDocument(0, 0)->toPlainText(), first->content().text.pages.at(0));
    QVERIFY(second->hasSheetDocument(0, 0));
    QVERIFY(!second->hasSheetDocument(0, 1));
}

void TestDocumentCache::xbrlFactsCachedWithTheText()
{
    XbrlFact revenue;
    revenue.concept = u"us-gaap:Revenues"_s;
    revenue.value = u"47061000000"_s;
    revenue.context = u"c-1"_s;
    revenue.period = u"2024-01-01/2024-12-31"_s;
    revenue.unit = u"USD"_s;
    revenue.decimals = u"-6"_s;
    revenue.scale = u"6"_s;
    revenue.dimensions = u"a:Axis=a:Member"_s;
    revenue.numeric = true;
    revenue.span = SourceSpan{1, 6, 10};
    XbrlFact block;
    block.concept = u"a:PolicyTextBlock"_s;
    block.value = u"Long text\u2026"_s;
    block.length = 4000;
    block.hidden = true;
    block.error = u"unknown format ixt:x"_s;
    XbrlFact nil;
    nil.concept = u"a:Nothing"_s;
    nil.nil = true;
    nil.numeric = true;
    const QList<XbrlFact> facts{revenue, block, nil};
    const auto describe = [](const QList<XbrlFact> &list) {
        QStringList out;
        for (const XbrlFact &f : list)
            out.append(QStringList{f.concept, f.value, f.context, f.period, f.unit, f.decimals, f.scale,
                                   f.dimensions, f.error, QString::number(f.length), QString::number(f.numeric),
                                   QString::number(f.hidden), QString::number(f.nil),
                                   u"%1:%2-%3"_s.arg(f.span.page).arg(f.span.start).arg(f.span.end)}
                           .join(u'|'));
        return out;
    };
    DocumentCache::writeHtmlText(shaA, samplePages, sampleFacts(), facts);
    QStringList pages;
    QList<DeiFact> dei;
    QList<XbrlFact> read;
    QVERIFY(DocumentCache::readHtmlText(shaA, &pages, &dei, &read));
    QCOMPARE(describe(read), describe(facts));

    // A fact placed outside the pages makes the entry untrustworthy.
    QList<XbrlFact> wrong = facts;
    wrong[0].span = SourceSpan{1, 6, 999};
    DocumentCache::writeHtmlText(shaA, samplePages, sampleFacts(), wrong);
    QVERIFY(!DocumentCache::readHtmlText(shaA, &pages, &dei, &read));

    // Reopening an inline-XBRL filing takes its facts from the cache, as read the first time.
    LoadError error;
    const QString path = TestUtils::dataPath(u"document/ixbrl-facts.html"_s);
    const auto first = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(first, qPrintable(error.message));
    QCOMPARE(first->content().xbrlFacts.size(), 21);
    QVERIFY(DocumentCache::readHtmlText(first->sha256(), &pages, &dei, &read));
    QCOMPARE(describe(read), describe(first->content().xbrlFacts));
    read[5].value = u"from the cache"_s;
    DocumentCache::writeHtmlText(first->sha256(), pages, dei, read);
    const auto second = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(second, qPrintable(error.message));
    QCOMPARE(describe(second->content().xbrlFacts), describe(read));
}

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestDocumentCache test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_documentcache.moc"
