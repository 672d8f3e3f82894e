#include "faultydisk.h"
#include "reviewfixture.h"
#include "review/sidecarfile.h"

#include <QtCore/QDir>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using ReviewFixture::readBytes;
using ReviewFixture::writeBytes;

class TestSidecarFile final : public QObject
{
    Q_OBJECT
private:
    static SidecarData sample()
    {
        SidecarData data;
        data.file = u"immunogen-8k.txt"_s;
        data.sha256 = u"ab12"_s;
        data.pages = 2;
        data.format = u"text"_s;
        data.savedAt = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
        SidecarDecision d;
        d.id = u"registrant@1:256-271"_s;
        d.status = u"corrected"_s;
        d.type = u"registrant"_s;
        d.value = u"ImmunoGen, Inc."_s;
        d.anchor = {1, 256, 271, u"ImmunoGen, Inc."_s, u"June 4, 2007\n\n"_s, u"\n\n(Exact name"_s};
        d.attributes = {{u"role"_s, u"issuer"_s}};
        d.note = u"name as in the charter"_s;
        d.by = u"ana"_s;
        d.at = QDateTime(QDate(2026, 11, 25), QTime(11, 59, 30), Qt::UTC);
        data.decisions.append(d);
        data.history.append(QJsonObject{{u"at"_s, u"2026-11-25T11:59:30Z"_s}, {u"by"_s, u"ana"_s},
                                        {u"op"_s, u"edit"_s}, {u"id"_s, d.id},
                                        {u"from"_s, QJsonObject{{u"value"_s, u"ImmunoGen Inc"_s}}},
                                        {u"to"_s, QJsonObject{{u"value"_s, d.value}}}});
        return data;
    }

private Q_SLOTS:

    void pathsFollowTheContract()
    {
        QCOMPARE(SidecarFile::pathBeside(u"/data/filings/x.pdf"_s), u"/data/filings/x.pdf.review.json"_s);
        QVERIFY(SidecarFile::fallbackPath(u"ab12"_s).endsWith(u"/reviews/ab12.review.json"_s));
    }

    void jsonMatchesTheContract()
    {
        const QJsonObject root = QJsonDocument::fromJson(SidecarFile::serialize(sample())).object();
        QCOMPARE(root.value(u"schema"_s).toString(), u"filing-lens/review@1"_s);
        QCOMPARE(root.value(u"offsetUnit"_s).toString(), u"codepoint"_s);
        const QJsonObject doc = root.value(u"document"_s).toObject();
        QCOMPARE(doc.value(u"file"_s).toString(), u"immunogen-8k.txt"_s);
        QCOMPARE(doc.value(u"sha256"_s).toString(), u"ab12"_s);
        QCOMPARE(doc.value(u"pages"_s).toInt(), 2);
        QCOMPARE(doc.value(u"format"_s).toString(), u"text"_s);
        QCOMPARE(root.value(u"savedAt"_s).toString(), u"2026-11-25T12:00:00Z"_s);
        const QJsonObject d = root.value(u"decisions"_s).toArray().at(0).toObject();
        QCOMPARE(d.keys(), (QStringList{u"anchor"_s, u"at"_s, u"attributes"_s, u"by"_s, u"id"_s,
                                        u"note"_s, u"status"_s, u"type"_s, u"value"_s}));
        QCOMPARE(d.value(u"id"_s).toString(), u"registrant@1:256-271"_s);
        QCOMPARE(d.value(u"status"_s).toString(), u"corrected"_s);
        QCOMPARE(d.value(u"at"_s).toString(), u"2026-11-25T11:59:30Z"_s);
        QCOMPARE(d.value(u"attributes"_s).toObject().value(u"role"_s).toString(), u"issuer"_s);
        const QJsonObject a = d.value(u"anchor"_s).toObject();
        QCOMPARE(a.keys(), (QStringList{u"end"_s, u"exact"_s, u"page"_s, u"prefix"_s, u"start"_s, u"suffix"_s}));
        QCOMPARE(a.value(u"page"_s).toInt(), 1);
        QCOMPARE(a.value(u"start"_s).toInt(), 256);
        QCOMPARE(a.value(u"end"_s).toInt(), 271);
        const QJsonObject h = root.value(u"history"_s).toArray().at(0).toObject();
        QCOMPARE(h.keys(), (QStringList{u"at"_s, u"by"_s, u"from"_s, u"id"_s, u"op"_s, u"to"_s}));
    }

    void roundTrip()
    {
        const SidecarData in = sample();
        const SidecarFile::LoadResult r = SidecarFile::parse(SidecarFile::serialize(in), u"x.review.json"_s);
        QCOMPARE(int(r.status), int(SidecarFile::LoadStatus::Loaded));
        QCOMPARE(r.data.file, in.file);
        QCOMPARE(r.data.sha256, in.sha256);
        QCOMPARE(r.data.pages, in.pages);
        QCOMPARE(r.data.format, in.format);
        QCOMPARE(r.data.savedAt, in.savedAt);
        QCOMPARE(r.data.decisions.size(), 1);
        const SidecarDecision &a = r.data.decisions.at(0);
        const SidecarDecision &b = in.decisions.at(0);
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.status, b.status);
        QCOMPARE(a.type, b.type);
        QCOMPARE(a.value, b.value);
        QCOMPARE(a.anchor.page, b.anchor.page);
        QCOMPARE(a.anchor.start, b.anchor.start);
        QCOMPARE(a.anchor.end, b.anchor.end);
        QCOMPARE(a.anchor.exact, b.anchor.exact);
        QCOMPARE(a.anchor.prefix, b.anchor.prefix);
        QCOMPARE(a.anchor.suffix, b.anchor.suffix);
        QCOMPARE(a.attributes, b.attributes);
        QCOMPARE(a.note, b.note);
        QCOMPARE(a.by, b.by);
        QCOMPARE(a.at, b.at);
        QCOMPARE(r.data.history, in.history);
    }

    void textSurvivesTheWriter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quotes and backslash") << u"He said \"8-K\" at C:\\filings"_s;
        QTest::newRow("controls") << (u"line\nnext\ttab\rret"_s + QChar(0x01) + QChar(0x1f) + u"\b\f"_s);
        QTest::newRow("latin and symbols") << u"Herceptin® — São Paulo ¥100 €5"_s;
        QTest::newRow("outside the BMP") << u"growth \U0001F4C8 \U0001D400"_s;
        QTest::newRow("slash and delete") << (u"a/b "_s + QChar(0x7f))
            ;
    }
    void textSurvivesTheWriter()
    {
        QFETCH(QString, text);
        SidecarData data = sample();
        data.decisions[0].value = text;
        data.decisions[0].note = text;
        data.decisions[0].attributes.insert(text, text);
        data.history.append(QJsonObject{{u"note"_s, text}, {u"n"_s, 2.5}, {u"ok"_s, true},
                                        {u"list"_s, QJsonArray{1, text, QJsonValue()}}});
        const QByteArray bytes = SidecarFile::serialize(data);
        QCOMPARE(QJsonDocument::fromJson(bytes), QJsonDocument(SidecarFile::toJson(data)));
        const SidecarFile::LoadResult r = SidecarFile::parse(bytes, u"x.review.json"_s);
        QCOMPARE(r.data.decisions.at(0).value, text);
        QCOMPARE(r.data.decisions.at(0).attributes.value(text), text);
        QCOMPARE(r.data.history, data.history);
    }

    void rejectsWhatItDoesNotUnderstand_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mentions");
        const QByteArray valid = SidecarFile::serialize(sample());
        const int corrupt = int(SidecarFile::LoadStatus::Corrupt);
        QTest::newRow("not json") << QByteArray("{ this is not json") << corrupt << u"x.review.json"_s;
        QTest::newRow("truncated") << valid.left(valid.size() / 2) << corrupt << u"x.review.json"_s;
        QTest::newRow("empty") << QByteArray() << corrupt << u"x.review.json"_s;
        QTest::newRow("array") << QByteArray("[]") << corrupt << u"not a JSON object"_s;
        QTest::newRow("no schema") << QByteArray(R"({"decisions": []})") << corrupt << u"schema"_s;
        QTest::newRow("other schema") << QByteArray(R"({"schema": "other/thing@1"})") << corrupt << u"other/thing@1"_s;
        QTest::newRow("newer schema") << QByteArray(R"({"schema": "filing-lens/review@2", "decisions": 7})")
                                      << int(SidecarFile::LoadStatus::NewerSchema) << u"newer version"_s;
        QTest::newRow("utf16 offsets") << QByteArray(R"({"schema": "filing-lens/review@1", "offsetUnit": "utf16"})")
                                       << corrupt << u"utf16"_s;
        QTest::newRow("decisions not a list") << QByteArray(R"({"schema": "filing-lens/review@1", "decisions": {}})")
                                              << corrupt << u"decisions"_s;
        QTest::newRow("decision without id")
            << QByteArray(R"({"schema": "filing-lens/review@1", "decisions": [{"status": "confirmed"}]})")
            << corrupt << u"no id"_s;
        QTest::newRow("unknown status")
            << QByteArray(R"({"schema": "filing-lens/review@1", "decisions": [{"id": "cik@1:0-3", "status": "maybe"}]})")
            << corrupt << u"maybe"_s;
        QTest::newRow("impossible anchor")
            << QByteArray(R"({"schema": "filing-lens/review@1", "decisions": [{"id": "cik@1:0-3", "status": "confirmed", "anchor": {"page": 1, "start": 9, "end": 3}}]})")
            << corrupt << u"anchor"_s;
    }
    void rejectsWhatItDoesNotUnderstand()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, mentions);
        const SidecarFile::LoadResult r = SidecarFile::parse(bytes, u"x.review.json"_s);
        QCOMPARE(int(r.status), status);
        QVERIFY2(r.message.contains(mentions), qPrintable(r.message));
        QVERIFY(r.message.contains(u"x.review.json"_s));
    }

    void missingFileIsNotAnError()
    {
        QTemporaryDir dir;
        const SidecarFile::LoadResult r = SidecarFile::load(dir.filePath(u"none.review.json"_s));
        QCOMPARE(int(r.status), int(SidecarFile::LoadStatus::Missing));
        QVERIFY(r.message.isEmpty());
    }

    void saveKeepsThePreviousVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"x.txt.review.json"_s);
        QVERIFY(SidecarFile::save(path, "first").ok);
        QVERIFY(!QFileInfo::exists(path + u".bak"_s));
        QVERIFY(SidecarFile::save(path, "second").ok);
        QCOMPARE(readBytes(path), QByteArray("second"));
        QCOMPARE(readBytes(path + u".bak"_s), QByteArray("first"));
    }

    void interruptedSaveLeavesTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"x.txt.review.json"_s);
        QVERIFY(SidecarFile::save(path, "kept").ok);
        FaultyDisk disk;
        disk.setFailBeforeCommit(u"*"_s);
        const SidecarFile::SaveResult r = SidecarFile::save(path, "lost", disk);
        QVERIFY(!r.ok);
        QVERIFY(r.message.contains(QDir::toNativeSeparators(path)));
        QCOMPARE(readBytes(path), QByteArray("kept"));
        // No half-written temporary file is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"x.txt.review.json"_s});
    }

    void saveIntoAFolderThatCannotExist()
    {
        QTemporaryDir dir;
        QVERIFY(writeBytes(dir.filePath(u"plain-file"_s), "x"));
        const QString path = dir.filePath(u"plain-file/x.review.json"_s);
        const SidecarFile::SaveResult r = SidecarFile::save(path, "data");
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QDir::toNativeSeparators(path)), qPrintable(r.message));
    }
};

QTEST_GUILESS_MAIN(TestSidecarFile)
#include "tst_sidecarfile.moc"
