// Rule packs are data written by users: a pattern cannot hang the extractor and
// no field of a pack makes the program read or write a file.
#include "extract/extractor.h"
#include "extract/rulepack.h"
#include "testutils.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFuture>
#include <QtCore/QJsonDocument>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

namespace {

// The ImmunoGen 8-K cover, then the line that makes backtracking patterns explode.
DocumentContent hostileText()
{
    DocumentContent c;
    c.fileName = u"hostile.txt"_s;
    c.filePath = u"hostile.txt"_s;
    QString page = u"FORM 8-K\nImmunoGen, Inc.\n128 Sidney Street, Cambridge, MA 02139\nItem 8.01 Other Events\n"_s;
    for (int i = 0; i < 20; ++i)
        page += QString(5000, u'a') + u"b\n"_s + QString(3000, u' ') + u"x\n"_s;
    c.text.pages = {page, QString(50000, u'a') + u'!'};
    return c;
}

QString writePack(const QTemporaryDir &dir, const QString &name, const QJsonObject &body)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(body).toJson());
    return path;
}

QJsonObject patternPack(const QString &regex)
{
    return QJsonObject{
        {u"schema"_s, u"filing-lens/rules@1"_s},
        {u"types"_s, QJsonArray{QJsonObject{{u"key"_s, u"hostile"_s}, {u"label"_s, u"Hostile"_s}}}},
        {u"patterns"_s, QJsonArray{QJsonObject{{u"type"_s, u"hostile"_s}, {u"regex"_s, regex}}}},
    };
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    out.sort();
    return out;
}

} // namespace

class TestRulePackLimits final : public QObject
{
    Q_OBJECT

private slots:
    void nestedQuantifiersAreRefused_data();
    void nestedQuantifiersAreRefused();
    void acceptedPatternsCannotHang_data();
    void acceptedPatternsCannotHang();
    void noFieldIsAPath();
};

void TestRulePackLimits::nestedQuantifiersAreRefused_data()
{
    QTest::addColumn<QString>("regex");
    QTest::newRow("(a+)+$") << u"(a+)+$"_s;
    QTest::newRow("(a*)*b") << u"(a*)*b"_s;
    QTest::newRow("(\\w+\\s?)*$") << u"(\\w+\\s?)*$"_s;
    QTest::newRow("(?:a+){2,}") << u"(?:a+){2,}"_s;
    QTest::newRow("nested groups") << u"((ab)+c?)+d"_s;
    QTest::newRow("(x+x+)+y") << u"(x+x+)+y"_s;
}

void TestRulePackLimits::nestedQuantifiersAreRefused()
{
    QFETCH(QString, regex);
    QTemporaryDir dir;
    const QString path = writePack(dir, u"evil.json"_s, patternPack(regex));
    QList<RulePackError> errors;
    const RuleSet set = RuleSet::loadFrom({path}, &errors);
    QVERIFY(set.packs.isEmpty());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().file, path);
    QVERIFY(errors.constFirst().line > 0);
    QVERIFY2(errors.constFirst().message.contains(regex), qPrintable(errors.constFirst().message));
    QVERIFY2(errors.constFirst().message.contains(u"nests quantifiers"_s), qPrintable(errors.constFirst().message));
}

void TestRulePackLimits::acceptedPatternsCannotHang_data()
{
    // Patterns the load-time check lets through, each slow in its own way on the
    // long lines of hostileText(): only the per-line window and PCRE's match limit bound them.
    QTest::addColumn<QString>("regex");
    QTest::newRow("overlapping alternation") << u"(a|aa)+$"_s;
    QTest::newRow("alternation with empty") << u"(a|a?)+b$"_s;
    QTest::newRow("counted repeat of .*") << u"(.*a){12}x"_s;
    QTest::newRow("quadratic scan") << u"a*a*a*a*a*c"_s;
    QTest::newRow("backreference") << u"^(a+?)\\1*$"_s;
    QTest::newRow("lazy dot") << u".*?.*?.*?x$"_s;
}

void TestRulePackLimits::acceptedPatternsCannotHang()
{
    QFETCH(QString, regex);
    QTemporaryDir dir;
    const QString path = writePack(dir, u"slow.json"_s, patternPack(regex));
    QList<RulePackError> errors;
    RuleSet set = RuleSet::loadFrom({path}, &errors);
    if (set.packs.isEmpty())
        QSKIP(qPrintable(u"refused at load: "_s + errors.value(0).message));
    // With the built-in packs, as a user's pack is used.
    RuleSet all = RuleSet::loadFrom({u":/rules/core.json"_s});
    all.packs += set.packs;
    const DocumentContent content = hostileText();
    QFuture<EntityList> run = QtConcurrent::run([all, content] { return Extractor(all).extract(content); });
    // A guard against a hang, not a speed measurement (see tests/bench): far longer
    // than any extraction of a real filing.
    QTRY_VERIFY_WITH_TIMEOUT(run.isFinished(), 240000);
    for (const Entity &e : run.result())
        QVERIFY(e.span.isValid() && e.span.end <= content.text.pages.at(e.span.page).size());
}

void TestRulePackLimits::noFieldIsAPath()
{
    QTemporaryDir dir;
    const QString secret = dir.filePath(u"secret.txt"_s);
    {
        QFile f(secret);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("TOKEN-7741-FROM-A-PRIVATE-FILE\n");
    }
    const QString out = dir.filePath(u"written"_s);
    // Every name a loader might take for a file to read or write, and values that look like one.
    const QJsonObject pack{
        {u"schema"_s, u"filing-lens/rules@1"_s},
        {u"name"_s, u"../../etc/passwd"_s},
        {u"include"_s, secret},
        {u"import"_s, QJsonArray{secret, QString(u"file://"_s + secret)}},
        {u"$ref"_s, secret},
        {u"file"_s, secret},
        {u"path"_s, secret},
        {u"output"_s, QString(out + u"-output.txt"_s)},
        {u"log"_s, QString(out + u"-log.txt"_s)},
        {u"csv"_s, QString(out + u"-csv.csv"_s)},
        {u"types"_s, QJsonArray{QJsonObject{{u"key"_s, u"probe"_s}, {u"label"_s, secret},
                                            {u"icon"_s, secret}, {u"color"_s, secret}}}},
        {u"lexicons"_s, QJsonArray{QJsonObject{{u"type"_s, u"probe"_s}, {u"file"_s, secret},
                                               {u"terms"_s, QJsonArray{QString(u"@"_s + secret), u"ImmunoGen"_s}}}}},
        {u"patterns"_s, QJsonArray{QJsonObject{{u"type"_s, u"probe"_s}, {u"regex"_s, u"TOKEN-\\d+[-A-Z]*"_s},
                                               {u"file"_s, secret}}}},
    };
    const QString path = writePack(dir, u"paths.json"_s, pack);
    const QStringList before = filesUnder(dir.path());
    QList<RulePackError> errors;
    RuleSet set = RuleSet::loadFrom({path}, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
    QCOMPARE(set.packs.size(), 1);
    const QByteArray held = QJsonDocument(set.packs.constFirst().body).toJson();
    QVERIFY2(!held.contains("TOKEN-7741"), "a rule pack field pulled in the content of another file");

    DocumentContent c;
    c.fileName = u"probe.txt"_s;
    c.text.pages = {u"FORM 8-K\nImmunoGen, Inc.\nItem 8.01 Other Events\n"_s};
    const EntityList entities = Extractor(set).extract(c);
    bool sawLexicon = false;
    for (const Entity &e : entities) {
        QVERIFY2(!e.value.contains(u"TOKEN-7741"_s) && !e.text.contains(u"TOKEN-7741"_s), qPrintable(e.id));
        sawLexicon |= e.type == u"probe"_s && e.text == u"ImmunoGen"_s;
    }
    QVERIFY2(sawLexicon, "the pack was not used at all, so the test proves nothing");
    QCOMPARE(filesUnder(dir.path()), before);
}

QTEST_GUILESS_MAIN(TestRulePackLimits)
#include "tst_rulepacklimits.moc"
