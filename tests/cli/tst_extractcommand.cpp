// Runs "filing-lens extract" as a user would and checks what it writes.
#include "export/csvwriter.h"
#include "extract/extractor.h"
#include "document/filingdocument.h"
#include "review/reviewstore.h"
#include "testutils.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run extract(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(FILINGLENS_BINARY), QStringList{u"extract"_s} + arguments);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// RFC 4180: quoted cells may hold commas, quotes and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(cell);
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row.append(cell);
        rows.append(row);
    }
    return rows;
}

struct Table
{
    QStringList header;
    QList<QMap<QString, QString>> rows;
};

Table readCsv(const QByteArray &data)
{
    Table t;
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    const QList<QStringList> rows = parseCsv(text);
    if (rows.isEmpty())
        return t;
    t.header = rows.first();
    for (int i = 1; i < rows.size(); ++i) {
        QMap<QString, QString> r;
        for (int c = 0; c < t.header.size() && c < rows.at(i).size(); ++c)
            r.insert(t.header.at(c), CsvWriter::restored(rows.at(i).at(c)));
        t.rows.append(r);
    }
    return t;
}

// Letters and digits only, without a leading article: "The Buckle, Inc." is "BUCKLE, INC".
QString fold(const QString &s)
{
    QString t = s.trimmed();
    if (t.startsWith(u"the "_s, Qt::CaseInsensitive))
        t = t.mid(4);
    QString out;
    for (const QChar c : std::as_const(t)) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

// The comparisons of the project's scorer, reduced to what the sample needs.
bool sameValue(const QString &type, const QString &got, const QString &want)
{
    if (type.endsWith(u"phone"_s) || type == u"irs_employer_id"_s || type == u"cik"_s) {
        static const QRegularExpression nonDigits(u"\\D"_s);
        return QString(got).remove(nonDigits) == QString(want).remove(nonDigits);
    }
    return fold(got) == fold(want);
}

QString copyInto(const QTemporaryDir &dir, const QString &source)
{
    const QString target = dir.filePath(QFileInfo(source).fileName());
    QFile::remove(target);
    return QFile::copy(source, target) ? target : QString();
}

} // namespace

class TestExtractCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sampleMatchesGold_data();
    void sampleMatchesGold();
    void jsonHasTheSameRows();
    void batchWithFailures();
    void usageErrors_data();
    void usageErrors();
    void sidecarApplied();
    void typesSelectsXbrlFacts();
    void xbrlDiffersWhenThePrintedAmountChanges();

private:
    QTemporaryDir m_dir;
};

void TestExtractCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(QStringLiteral(FILINGLENS_BINARY)));
}

void TestExtractCommand::sampleMatchesGold_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("corpus"); // folder in the shared corpus; empty for the bundled sample
    QTest::newRow("sample text") << u"immunogen-8k-2007-06-04.txt"_s << QString();
    QTest::newRow("sample pdf") << u"immunogen-8k-2007-06-04.pdf"_s << QString();
    QTest::newRow("submission") << u"0001213900-25-032135.txt"_s << u"8k"_s;
    QTest::newRow("inline xbrl html") << u"BuckleInc.8-K.html"_s << u"8k"_s;
    QTest::newRow("pdf print") << u"JOHNSON_JOHNSON_2023_8K_dated-2023-08-23.pdf"_s << u"pdf"_s;
}

void TestExtractCommand::sampleMatchesGold()
{
    QFETCH(QString, name);
    QFETCH(QString, corpus);
    const QString goldFile = TestUtils::goldPath(name + u".json"_s);
    if (goldFile.isEmpty())
        QSKIP("shared gold files absent");
    const QString source = corpus.isEmpty() ? TestUtils::samplePath(name)
                                            : TestUtils::corpusPath(corpus + u'/' + name);
    if (source.isEmpty())
        QSKIP("shared corpus file absent");
    const QString filing = copyInto(m_dir, source);
    QVERIFY(!filing.isEmpty());
    const QString out = m_dir.filePath(name + u".csv"_s);
    const Run r = extract({u"--csv"_s, out, filing});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile csvFile(out);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = csvFile.readAll();
    QVERIFY(bytes.contains("\r\n"));
    const Table csv = readCsv(bytes);
    QCOMPARE(csv.header, CsvWriter::columns());
    QVERIFY(csv.rows.size() > 10);

    QFile g(goldFile);
    QVERIFY(g.open(QIODevice::ReadOnly));
    const QJsonObject gold = QJsonDocument::fromJson(g.readAll()).object();
    auto valuesOf = [&](const QStringList &types) {
        QStringList v;
        for (const auto &row : csv.rows) {
            if (types.contains(row.value(u"type"_s)))
                v.append(row.value(u"value"_s));
        }
        return v;
    };

    // Every cover-page field of the gold file.
    const QJsonObject fields = gold.value(u"fields"_s).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QStringList got = valuesOf({it.key()});
        const QString want = it.value().toString();
        bool hit = false;
        for (const QString &v : got) {
            if (it.key() == u"registrant_address"_s)
                hit = hit || fold(v).startsWith(fold(want).left(12));
            else
                hit = hit || sameValue(it.key(), v, want);
        }
        QVERIFY2(hit, qPrintable(u"%1: want %2, got %3"_s.arg(it.key(), want, got.join(u" | "_s))));
    }
    // Items and exhibits exactly; every person.
    auto set = [](QStringList l) {
        l.removeDuplicates();
        l.sort();
        return l;
    };
    QStringList items, exhibits, people;
    for (const QJsonValue &v : gold.value(u"items"_s).toArray())
        items.append(v.toString());
    for (const QJsonValue &v : gold.value(u"exhibits"_s).toArray())
        exhibits.append(v.toString());
    QCOMPARE(set(valuesOf({u"item"_s})), set(items));
    QCOMPARE(set(valuesOf({u"exhibit"_s})), set(exhibits));
    const QStringList persons = valuesOf({u"person"_s, u"signatory"_s});
    for (const QJsonValue &v : gold.value(u"people"_s).toArray())
        QVERIFY2(persons.contains(v.toString()), qPrintable(v.toString()));

    // Every row's text is the page text between its start and end, in code points.
    LoadError error;
    const std::unique_ptr<FilingDocument> doc = FilingDocument::load(filing, {}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    for (const auto &row : csv.rows) {
        QCOMPARE(row.value(u"file"_s), name);
        if (row.value(u"page"_s).isEmpty()) {
            // Only what the filing keeps in its hidden XBRL header has no place.
            QVERIFY2(row.value(u"attributes"_s).contains(u"hidden=true"_s), qPrintable(row.value(u"id"_s)));
            QVERIFY(row.value(u"start"_s).isEmpty() && row.value(u"end"_s).isEmpty());
            continue;
        }
        const int page = row.value(u"page"_s).toInt() - 1;
        QVERIFY(page >= 0 && page < doc->pageCount());
        const QList<uint> codePoints = doc->content().text.pages.at(page).toUcs4();
        const int start = row.value(u"start"_s).toInt();
        const int end = row.value(u"end"_s).toInt();
        QVERIFY(start >= 0 && start <= end && end <= codePoints.size());
        const QString text = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()) + start,
                                               end - start);
        QCOMPARE(row.value(u"text"_s), text);
        QCOMPARE(row.value(u"status"_s), u"auto"_s);
    }
}

void TestExtractCommand::jsonHasTheSameRows()
{
    const QString filing = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    const QString json = m_dir.filePath(u"out.json"_s);
    const Run r = extract({u"--json"_s, json, u"--csv"_s, u"-"_s, filing});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Table csv = readCsv(r.out);
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll(), &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(o.value(u"offsetUnit"_s).toString(), u"codepoint"_s);
    const QJsonArray entities = o.value(u"entities"_s).toArray();
    QCOMPARE(entities.size(), csv.rows.size());
    QCOMPARE(entities.first().toObject().value(u"id"_s).toString(), csv.rows.first().value(u"id"_s));
}

void TestExtractCommand::batchWithFailures()
{
    const QString good = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    const QString pdf = copyInto(m_dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s));
    const QString missing = m_dir.filePath(u"no-such-filing.txt"_s);
    const QString broken = m_dir.filePath(u"broken.pdf"_s);
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF garbage");
    b.close();
    const QString out = m_dir.filePath(u"batch.csv"_s);
    const Run r = extract({u"--csv"_s, out, good, missing, broken, pdf});
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(u"no-such-filing.txt"_s), r.err.constData());
    QVERIFY2(err.contains(u"broken.pdf"_s), r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Table csv = readCsv(f.readAll());
    QSet<QString> files;
    for (const auto &row : csv.rows)
        files.insert(row.value(u"file"_s));
    // The other files are still exported, in one CSV.
    QCOMPARE(files, (QSet<QString>{u"immunogen-8k-2007-06-04.txt"_s, u"immunogen-8k-2007-06-04.pdf"_s}));
    QCOMPARE(csv.rows.first().value(u"file"_s), u"immunogen-8k-2007-06-04.txt"_s);
}

void TestExtractCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no file") << QStringList{};
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s, u"x.txt"_s};
    QTest::newRow("csv without target") << QStringList{u"x.txt"_s, u"--csv"_s};
    QTest::newRow("both to stdout") << QStringList{u"--csv"_s, u"-"_s, u"--json"_s, u"-"_s, u"x.txt"_s};
    QTest::newRow("types without list") << QStringList{u"x.txt"_s, u"--types"_s};
    QTest::newRow("unknown type") << QStringList{u"--types"_s, u"xbrl_facts"_s, u"x.txt"_s};
}

void TestExtractCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run r = extract(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("Usage"));
    QVERIFY(r.out.isEmpty());
}

void TestExtractCommand::sidecarApplied()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString filing = copyInto(dir, TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    LoadError error;
    const std::unique_ptr<FilingDocument> doc = FilingDocument::load(filing, {}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    const EntityList entities = Extractor(RuleSet::loadDefault()).extract(doc->content());
    QString rejected, corrected;
    for (const Entity &e : entities) {
        if (rejected.isEmpty() && e.type == u"organization"_s)
            rejected = e.id;
        if (corrected.isEmpty() && e.type == u"registrant"_s)
            corrected = e.id;
    }
    QVERIFY(!rejected.isEmpty() && !corrected.isEmpty());
    {
        ReviewStore store;
        store.open(doc->content(), entities);
        store.reject(rejected);
        store.setValue(corrected, u"ImmunoGen Incorporated"_s);
        QVERIFY(store.save());
        store.close();
    }

    const Run r = extract({u"--csv"_s, u"-"_s, filing});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Table csv = readCsv(r.out);
    bool sawCorrected = false;
    for (const auto &row : csv.rows) {
        QVERIFY(row.value(u"id"_s) != rejected);
        if (row.value(u"id"_s) == corrected) {
            QCOMPARE(row.value(u"status"_s), u"corrected"_s);
            QCOMPARE(row.value(u"value"_s), u"ImmunoGen Incorporated"_s);
            sawCorrected = true;
        }
    }
    QVERIFY(sawCorrected);

    const Run all = extract({u"--include-rejected"_s, u"--bom"_s, u"--csv"_s, u"-"_s, filing});
    QCOMPARE(all.exitCode, 0);
    QVERIFY(all.out.startsWith("\xEF\xBB\xBF"));
    bool sawRejected = false;
    for (const auto &row : readCsv(all.out).rows) {
        if (row.value(u"id"_s) == rejected) {
            QCOMPARE(row.value(u"status"_s), u"rejected"_s);
            sawRejected = true;
        }
    }
    QVERIFY(sawRejected);
}

void TestExtractCommand::typesSelectsXbrlFacts()
{
    const QString filing = TestUtils::dataPath(u"document/ixbrl-facts.html"_s);
    const Run r = extract({u"--types"_s, u"xbrl_fact,cik"_s, u"--csv"_s, u"-"_s, filing});
    QCOMPARE(r.exitCode, 0);
    const Table csv = readCsv(r.out);
    QMap<QString, int> types;
    for (const auto &row : csv.rows)
        ++types[row.value(u"type"_s)];
    QCOMPARE(types, (QMap<QString, int>{{u"xbrl_fact"_s, 21}, {u"cik"_s, 1}}));
    QStringList hidden;
    for (const auto &row : csv.rows) {
        const QString attributes = row.value(u"attributes"_s);
        if (row.value(u"type"_s) == u"cik"_s) {
            // From the hidden dei:EntityCentralIndexKey: no span.
            QCOMPARE(row.value(u"value"_s), u"0000012345"_s);
            QVERIFY(row.value(u"page"_s).isEmpty());
            continue;
        }
        QCOMPARE(row.value(u"category"_s), u"XBRL facts"_s);
        if (attributes.contains(u"hidden=true"_s)) {
            hidden.append(row.value(u"value"_s));
            QVERIFY(row.value(u"page"_s).isEmpty() && row.value(u"start"_s).isEmpty());
        }
        if (attributes.contains(u"concept=us-gaap:Revenues; context=c-1;"_s)) {
            QCOMPARE(row.value(u"value"_s), u"47061000000"_s);
            QCOMPARE(row.value(u"text"_s), u"47,061"_s);
            QCOMPARE(attributes, u"concept=us-gaap:Revenues; context=c-1; decimals=-6; "
                                 "period=2024-01-01/2024-12-31; scale=6; unit=USD"_s);
        }
    }
    QCOMPARE(hidden, (QStringList{u"0000012345"_s, u"false"_s, u"1000"_s}));

    // Money and percentages read from the text agree with the tags they overlap.
    const Run all = extract({u"--types"_s, u"money,percent"_s, u"--csv"_s, u"-"_s, filing});
    QCOMPARE(all.exitCode, 0);
    const Table figures = readCsv(all.out);
    int agreeing = 0;
    for (const auto &row : figures.rows) {
        QVERIFY(row.value(u"type"_s) == u"money"_s || row.value(u"type"_s) == u"percent"_s);
        if (row.value(u"attributes"_s).contains(u"xbrl=agrees"_s))
            ++agreeing;
        QVERIFY2(!row.value(u"attributes"_s).contains(u"xbrl=differs"_s), qPrintable(row.value(u"text"_s)));
    }
    QVERIFY2(agreeing >= 3, qPrintable(QString::fromUtf8(all.out)));
}

// A copy of a real 10-K with one printed amount changed ("$385 million" now reads
// "$385 billion" while its tag still says 385 million): that amount is flagged.
void TestExtractCommand::xbrlDiffersWhenThePrintedAmountChanges()
{
    FL_REQUIRE_CORPUS(original, "10k/ko-10-k-2025-02-20.html");
    QFile in(original);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    const QByteArray printed = ">385</ix:nonFraction> million";
    const qsizetype at = bytes.indexOf(printed);
    QVERIFY(at > 0);
    bytes.replace(at, printed.size(), ">385</ix:nonFraction> billion");
    const QString edited = m_dir.filePath(u"ko-edited.html"_s);
    QFile out(edited);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();

    const auto figures = [](const QString &path) {
        const Run r = extract({u"--types"_s, u"money"_s, u"--csv"_s, u"-"_s, path});
        return std::make_pair(r.exitCode, readCsv(r.out));
    };
    const auto [codeBefore, before] = figures(original);
    const auto [codeAfter, after] = figures(edited);
    QCOMPARE(codeBefore, 0);
    QCOMPARE(codeAfter, 0);
    const auto count = [](const Table &t, const QString &what) {
        return std::count_if(t.rows.cbegin(), t.rows.cend(), [&](const QMap<QString, QString> &row) {
            return row.value(u"attributes"_s).contains(what);
        });
    };
    const auto find = [](const Table &t, const QString &text) {
        for (const auto &row : t.rows) {
            if (row.value(u"text"_s) == text)
                return row;
        }
        return QMap<QString, QString>();
    };
    QVERIFY(count(before, u"xbrl=agrees"_s) > 100);
    QVERIFY(find(before, u"$385 million"_s).value(u"attributes"_s).contains(u"xbrl=agrees"_s));
    const QMap<QString, QString> changed = find(after, u"$385 billion"_s);
    QCOMPARE(changed.value(u"value"_s), u"USD 385000000000"_s);
    QVERIFY2(changed.value(u"attributes"_s).contains(u"xbrl=differs; xbrlValue=385000000"_s),
             qPrintable(changed.value(u"attributes"_s)));
    QCOMPARE(count(after, u"xbrl=differs"_s), count(before, u"xbrl=differs"_s) + 1);
    QCOMPARE(count(after, u"xbrl=agrees"_s), count(before, u"xbrl=agrees"_s) - 1);
}

QTEST_MAIN(TestExtractCommand)
#include "tst_extractcommand.moc"
