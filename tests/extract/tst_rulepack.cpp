#include "model/entitytypes.h"
#include "extract/extractor.h"
#include "extract/rulepack.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QGuiApplication>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class TestRulePack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void builtInPacksLoad();
    void brokenPackReportedWithLine_data();
    void brokenPackReportedWithLine();
    void userFolderPackAddsType();
    void fingerprintFollowsContent();
    void lookupsMergeInLoadOrder();
    void disabledPackIgnored();
    void packPatternsFindTheirType_data();
    void packPatternsFindTheirType();
    void regulatorDecisions_data();
    void regulatorDecisions();

private:
    QString write(const QString &name, const QByteArray &data);
    QTemporaryDir m_dir;
};

QString TestRulePack::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(data);
    return path;
}

void TestRulePack::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
}

void TestRulePack::builtInPacksLoad()
{
    QList<RulePackError> errors;
    const RuleSet set = RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s}, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).file + u": "_s + errors.value(0).message));
    QCOMPARE(set.packs.size(), 2);
    QCOMPARE(set.packs.at(0).name, u"core"_s);
    QCOMPARE(set.packs.at(1).name, u"life-sciences"_s);
    // The cover page cues and the 8-K item titles are data, not code.
    QCOMPARE(set.object(u"structure"_s, u"items8k"_s).value(u"8.01"_s).toString(), u"Other Events"_s);
    QVERIFY(!set.object(u"structure"_s, u"coverLabels"_s).value(u"registrant"_s).toString().isEmpty());
}

void TestRulePack::brokenPackReportedWithLine_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing comma") << QByteArray("{\n  \"name\": \"x\"\n  \"version\": \"1\"\n}\n") << 3
                                   << QString();
    QTest::newRow("unterminated") << QByteArray("{\n\"name\": \"x\",\n\"lexicons\": [\n") << 4 << QString();
    QTest::newRow("not an object") << QByteArray("[1, 2]") << 1 << u"object"_s;
    QTest::newRow("bad regex") << QByteArray("{\n\"name\": \"x\",\n\"patterns\": [\n {\"type\": \"t\", \"regex\": \"(ab\"}\n]}\n")
                               << 4 << u"invalid regular expression"_s;
    QTest::newRow("nested quantifier") << QByteArray("{\n\"name\": \"x\",\n\n\"patterns\": [{\"type\": \"t\",\n \"regex\": \"(a+)+b\"}]}\n")
                                       << 5 << u"nests quantifiers"_s;
}

void TestRulePack::brokenPackReportedWithLine()
{
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    QFETCH(QString, problem);
    const QString broken = write(u"broken.json"_s, data);
    const QString good = write(u"good.json"_s, R"({"name": "good", "lexicons": [{"type": "organization", "terms": ["Acme"]}]})");
    QList<RulePackError> errors;
    const RuleSet set = RuleSet::loadFrom({u":/rules/core.json"_s, broken, good}, &errors);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().file, broken);
    QCOMPARE(errors.first().line, line);
    QVERIFY(!errors.first().message.isEmpty());
    if (!problem.isEmpty())
        QVERIFY2(errors.first().message.contains(problem), qPrintable(errors.first().message));
    // The others still load.
    QCOMPARE(set.packs.size(), 2);
    QCOMPARE(set.packs.at(0).name, u"core"_s);
    QCOMPARE(set.packs.at(1).name, u"good"_s);
}

void TestRulePack::userFolderPackAddsType()
{
    const QString dir = RuleSet::userRulesDir();
    QVERIFY(dir.endsWith(u"/rules"_s));
    QVERIFY(QDir().mkpath(dir));
    QFile f(dir + u"/competitors.json"_s);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"schema": "filing-lens/rules@1", "name": "competitors", "version": "1",
  "types": [{"key": "competitor", "label": "Competitor", "category": "Organizations", "color": "#aa3300"}],
  "lexicons": [{"type": "competitor", "terms": ["Genentech", "sanofi-aventis"], "confidence": 0.7}]})");
    f.close();
    QFile broken(dir + u"/zz-broken.json"_s);
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("{\"name\": \"zz\",\n,}");
    broken.close();

    QList<RulePackError> errors;
    const RuleSet set = RuleSet::loadDefault(&errors);
    QFile::remove(dir + u"/competitors.json"_s);
    QFile::remove(dir + u"/zz-broken.json"_s);

    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().file.endsWith(u"zz-broken.json"_s));
    QCOMPARE(errors.first().line, 2);
    QCOMPARE(set.packs.last().name, u"competitors"_s);
    const EntityType t = EntityTypes::type(u"competitor"_s);
    QCOMPARE(t.label, u"Competitor"_s);
    QCOMPARE(t.category, u"Organizations"_s);

    // The new type is extracted without rebuilding anything.
    DocumentContent content;
    content.text.pages = {u"trastuzumab-DM1, in development by the Company's collaborator, Genentech, and AVE9633, by sanofi-aventis."_s};
    const EntityList entities = Extractor(set).extract(content);
    QStringList found;
    for (const Entity &e : entities) {
        if (e.type == u"competitor"_s)
            found.append(e.text);
    }
    QCOMPARE(found, (QStringList{u"Genentech"_s, u"sanofi-aventis"_s}));
}

void TestRulePack::fingerprintFollowsContent()
{
    const QString a = write(u"a.json"_s, R"({"name": "a", "lexicons": [{"type": "organization", "terms": ["Acme"]}]})");
    const QString fp1 = RuleSet::loadFrom({a}).fingerprint();
    QCOMPARE(RuleSet::loadFrom({a}).fingerprint(), fp1);
    write(u"a.json"_s, R"({"name": "a", "lexicons": [{"type": "organization", "terms": ["Acme", "Initech"]}]})");
    QVERIFY(RuleSet::loadFrom({a}).fingerprint() != fp1);
}

void TestRulePack::lookupsMergeInLoadOrder()
{
    const QString a = write(u"m1.json"_s, R"({"name": "m1", "structure": {"organizations": ["Acme"], "confidence": {"lexicon": 0.8, "suffix": 0.7}}})");
    const QString b = write(u"m2.json"_s, R"({"name": "m2", "structure": {"organizations": ["Initech"], "confidence": {"lexicon": 0.6}}})");
    const RuleSet set = RuleSet::loadFrom({a, b});
    QCOMPARE(set.strings(u"structure"_s, u"organizations"_s), (QStringList{u"Acme"_s, u"Initech"_s}));
    const QJsonObject conf = set.object(u"structure"_s, u"confidence"_s);
    QCOMPARE(conf.value(u"lexicon"_s).toDouble(), 0.6);
    QCOMPARE(conf.value(u"suffix"_s).toDouble(), 0.7);
}

void TestRulePack::disabledPackIgnored()
{
    const QString a = write(u"off.json"_s, R"({"name": "off", "enabled": false, "structure": {"organizations": ["Acme"]}})");
    const RuleSet set = RuleSet::loadFrom({a});
    QCOMPARE(set.packs.size(), 1);
    QVERIFY(!set.packs.first().enabled);
    QVERIFY(set.strings(u"structure"_s, u"organizations"_s).isEmpty());
}

void TestRulePack::packPatternsFindTheirType_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QStringList>("found");
    QTest::newRow("whole match")
        << QByteArray(R"j({"type": "nct", "regex": "NCT\\d{8}", "confidence": 0.7})j")
        << QStringList{u"NCT00829166"_s, u"NCT01120184"_s};
    QTest::newRow("group")
        << QByteArray(R"j({"type": "nct", "regex": "trial (NCT\\d{8})", "group": 1})j")
        << QStringList{u"NCT00829166"_s};
    QTest::newRow("case-insensitive")
        << QByteArray(R"j({"type": "nct", "regex": "nct\\d{8}", "caseSensitive": false})j")
        << QStringList{u"NCT00829166"_s, u"NCT01120184"_s};
    // Patterns see one line at a time: nothing spans the line break.
    QTest::newRow("one line at a time")
        << QByteArray(R"j({"type": "nct", "regex": "NCT\\d{8}\\s+and"})j") << QStringList{};
}

void TestRulePack::packPatternsFindTheirType()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QStringList, found);
    const QString pack = write(u"nct.json"_s, R"({"name": "trials", "types": [{"key": "nct", "label": "Trial id"}], "patterns": [)"
                                                  + pattern + "]}");
    QList<RulePackError> errors;
    const RuleSet set = RuleSet::loadFrom({pack}, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
    DocumentContent content;
    content.text.pages = {u"Results of trial NCT00829166\nand of NCT01120184 were presented."_s};
    QStringList got;
    for (const Entity &e : Extractor(set).extract(content)) {
        if (e.type == u"nct"_s) {
            got.append(e.text);
            QCOMPARE(e.origin.left(7), u"trials."_s);
        }
    }
    QCOMPARE(got, found);
}

// The life-sciences pack's pattern: a regulator named by its initials where it decides.
void TestRulePack::regulatorDecisions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("found");
    // corpus 10k/bmy-10-k-fy2023-0000014272-24-000044.html, p. 70.
    QTest::newRow("bmy: EC approval")
        << u"March 2023 Announced EC approval of Sotyktu for the treatment of adults with moderate-to-severe plaque psoriasis."_s
        << QStringList{u"EC"_s};
    QTest::newRow("a decision of the PMDA")
        << u"the PMDA approved the supplemental application and the MHRA granted a licence"_s
        << QStringList{u"PMDA"_s, u"MHRA"_s};
    QTest::newRow("initials without a decision")
        << u"EC number 2.7.11.1; the TGA building; EC-approved labels"_s << QStringList{};
    QTest::newRow("initials inside a word")
        << u"SPEC approval and TEC granted"_s << QStringList{};
}

void TestRulePack::regulatorDecisions()
{
    QFETCH(QString, text);
    QFETCH(QStringList, found);
    QList<RulePackError> errors;
    const RuleSet set = RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s}, &errors);
    QVERIFY(errors.isEmpty());
    DocumentContent content;
    content.text.pages = {text};
    QStringList got;
    for (const Entity &e : Extractor(set).extract(content)) {
        if (e.type == u"organization"_s)
            got.append(e.value);
    }
    QCOMPARE(got, found);
}

QTEST_MAIN(TestRulePack)
#include "tst_rulepack.moc"
