// Every kind of bad file a user can point the program at, through FilingDocument::load
// and through `filing-lens extract`: each is refused with a message that names the
// file and the problem, nothing crashes, memory stays bounded, a batch goes on.
#include "document/filingdocument.h"
#include "document/inlinexbrl.h"
#include "document/pdfloader.h"
#include "extract/pdftablereader.h"
#include "extract/tablereader.h"
#include "session/filingsession.h"
#include "testutils.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QFont>
#include <QtGui/QPageSize>
#include <QtGui/QPainter>
#include <QtGui/QPdfWriter>
#include <QtGui/QTextDocument>
#include <QtTest/QtTest>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(LoadError::Kind)

namespace {

QByteArray noise(int size, quint32 seed)
{
    QByteArray b(size, Qt::Uninitialized);
    quint32 x = seed;
    for (int i = 0; i < size; ++i) {
        x = x * 1664525u + 1013904223u;
        b[i] = char(x >> 24);
    }
    return b;
}

// Peak resident memory of this process so far, in MB (Linux VmHWM).
qint64 peakMemoryMb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong() / 1024;
    }
    return -1;
}

QString sampleText()
{
    return TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s);
}

} // namespace

class TestBadInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void load_data();
    void load();
    void encryptedPdf_data();
    void encryptedPdf();
    void deepHtmlIsFlattened();
    void hugeTextFileIsRefusedWithoutReadingIt();
    void textQuirksStillLoad_data();
    void textQuirksStillLoad();
    void unreadableFileThroughTheCli();
    void cliBatchGoesOnPastBadFiles();
    void cliHugeFileKeepsMemoryLow();
    void hostileInlineXbrl();
    void hostileInlineXbrlThroughTheCli();
    void pdfPageOfScatteredNumbers();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QByteArray smallPdf();
    QString runCli(const QStringList &args, int *exitCode, QString *stdErr, qint64 *childPeakMb = nullptr);

    QTemporaryDir m_dir;
    QByteArray m_pdf;
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pdf = smallPdf();
    QVERIFY(m_pdf.startsWith("%PDF"));
}

QString TestBadInput::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray TestBadInput::smallPdf()
{
    const QString path = m_dir.filePath(u"written-by-qt.pdf"_s);
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::Letter));
        writer.setResolution(72);
        QPainter painter(&writer);
        QFont font(u"DejaVu Sans"_s);
        font.setPixelSize(14);
        painter.setFont(font);
        painter.drawText(QPointF(72, 100), u"ImmunoGen, Inc. Item 8.01 Other Events"_s);
        writer.newPage();
        painter.drawText(QPointF(72, 100), u"Exhibit 99.1 Press release"_s);
    }
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestBadInput::load_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // null: create nothing (or a folder, see below)
    QTest::addColumn<LoadError::Kind>("kind");
    QTest::addColumn<QString>("problem"); // part of the message besides the file name

    const QByteArray random = noise(64 * 1024, 7);
    const QByteArray pdf = smallPdf();
    QTest::newRow("empty pdf") << u"empty.pdf"_s << QByteArray("") << LoadError::Kind::Empty << u"is empty"_s;
    QTest::newRow("empty htm") << u"empty.htm"_s << QByteArray("") << LoadError::Kind::Empty << u"is empty"_s;
    QTest::newRow("empty nc") << u"empty.nc"_s << QByteArray("") << LoadError::Kind::Empty << u"is empty"_s;
    QTest::newRow("pdf cut in half") << u"half.pdf"_s << pdf.left(pdf.size() / 2) << LoadError::Kind::Corrupt
                                     << u"PDF"_s;
    QTest::newRow("pdf cut before its end marker") << u"cut.pdf"_s << pdf.left(pdf.lastIndexOf("%%EOF"))
                                                   << LoadError::Kind::Corrupt << u"cut off"_s;
    QTest::newRow("pdf with a corrupt body") << u"corrupt.pdf"_s << (pdf.left(400) + random.left(4000))
                                             << LoadError::Kind::Corrupt << u"PDF"_s;
    QTest::newRow("pdf header only") << u"header.pdf"_s << QByteArray("%PDF-1.7\n%%EOF\n")
                                     << LoadError::Kind::Corrupt << u"not a valid PDF"_s;
    QTest::newRow("random bytes .pdf") << u"random.pdf"_s << random << LoadError::Kind::Corrupt
                                       << u"not a valid PDF"_s;
    QTest::newRow("random bytes .htm") << u"random.htm"_s << random << LoadError::Kind::Unsupported
                                       << u"binary data"_s;
    QTest::newRow("random bytes .html") << u"random.html"_s << random << LoadError::Kind::Unsupported
                                        << u"binary data"_s;
    QTest::newRow("random bytes .txt") << u"random.txt"_s << random << LoadError::Kind::Unsupported
                                       << u"binary data"_s;
    QTest::newRow("random bytes .nc") << u"random.nc"_s << random << LoadError::Kind::Unsupported
                                      << u"binary data"_s;
    QTest::newRow("NUL bytes only") << u"zeros.txt"_s << QByteArray(4096, '\0') << LoadError::Kind::Unsupported
                                    << u"binary data"_s;
    QTest::newRow("submission cut after its first tag") << u"cut.nc"_s << QByteArray("<SEC-DOCUMENT>\n")
                                                        << LoadError::Kind::Corrupt << u"neither a header nor a document"_s;
    QTest::newRow("folder") << u"a-folder.txt"_s << QByteArray() << LoadError::Kind::NotAFile << u"is a folder"_s;
    QTest::newRow("missing") << u"missing.pdf"_s << QByteArray() << LoadError::Kind::NotFound << u"does not exist"_s;
}

void TestBadInput::load()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(LoadError::Kind, kind);
    QFETCH(QString, problem);
    QString path = m_dir.filePath(name);
    if (kind == LoadError::Kind::NotAFile)
        QVERIFY(QDir(m_dir.path()).mkpath(name));
    else if (!bytes.isNull())
        QVERIFY(!write(name, bytes).isEmpty());
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(!doc);
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message.contains(name), qPrintable(error.message));
    QVERIFY2(error.message.contains(problem, Qt::CaseInsensitive), qPrintable(error.message));
}

void TestBadInput::encryptedPdf_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<LoadError::Kind>("kind");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no password") << QString() << LoadError::Kind::PasswordRequired << u"password"_s;
    QTest::newRow("wrong password") << u"letmein"_s << LoadError::Kind::WrongPassword << u"not correct"_s;
    QTest::newRow("right password") << u"open sesame"_s << LoadError::Kind::None << QString();
}

void TestBadInput::encryptedPdf()
{
    QFETCH(QString, password);
    QFETCH(LoadError::Kind, kind);
    QFETCH(QString, problem);
    const QString qpdf = QStandardPaths::findExecutable(u"qpdf"_s);
    if (qpdf.isEmpty())
        QSKIP("qpdf is not installed; the committed fixture in tests/data/document covers one encrypted PDF");
    const QString plain = write(u"plain.pdf"_s, m_pdf);
    const QString locked = m_dir.filePath(u"locked-aes256.pdf"_s);
    if (!QFileInfo::exists(locked)) {
        QProcess p;
        p.start(qpdf, {u"--encrypt"_s, u"open sesame"_s, u"owner pw"_s, u"256"_s, u"--"_s, plain, locked});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }
    LoadOptions options;
    options.password = password;
    LoadError error;
    const auto doc = FilingDocument::load(locked, options, &error);
    QCOMPARE(error.kind, kind);
    if (kind == LoadError::Kind::None) {
        QVERIFY(doc);
        QCOMPARE(doc->pageCount(), 2);
        QVERIFY(doc->content().text.pages.constFirst().contains(u"Item 8.01"_s));
    } else {
        QVERIFY(!doc);
        QVERIFY2(error.message.contains(u"locked-aes256.pdf"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(problem), qPrintable(error.message));
    }
}

void TestBadInput::deepHtmlIsFlattened()
{
    // 200,000 nested elements: QTextDocument would recurse that deep without the cap.
    const int depth = 200000;
    QByteArray html = "<html><body>";
    html += QByteArray("<div>").repeated(depth);
    html += "Item 8.01 Other Events";
    html += QByteArray("</div>").repeated(depth);
    html += "<p>after the nest</p></body></html>";
    const QString path = write(u"deep.html"_s, html);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QCOMPARE(doc->format(), DocumentFormat::Html);
    const QString text = doc->content().text.pages.join(u'\n');
    QVERIFY2(text.contains(u"Item 8.01 Other Events"_s), qPrintable(text.left(200)));
    QVERIFY(text.contains(u"after the nest"_s));
    QVERIFY(doc->sheetDocument(0, 0));

    // Unclosed nesting, and the same through <span>s inside a table cell.
    QByteArray open = "<html><body><table><tr><td>" + QByteArray("<span><b>").repeated(depth / 2) + "Exhibit 99.1";
    const QString openPath = write(u"deep-unclosed.htm"_s, open);
    const auto doc2 = FilingDocument::load(openPath, LoadOptions{}, &error);
    QVERIFY2(doc2, qPrintable(error.message));
    QVERIFY(doc2->content().text.pages.join(u'\n').contains(u"Exhibit 99.1"_s));
}

void TestBadInput::hugeTextFileIsRefusedWithoutReadingIt()
{
    // 500 MB on paper, a few blocks on disk.
    const QString path = m_dir.filePath(u"huge-500mb.txt"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("FORM 8-K\nItem 8.01 Other Events\n");
        QVERIFY(f.resize(qint64(500) << 20));
    }
    const qint64 before = peakMemoryMb();
    LoadError error;
    QVERIFY(!FilingDocument::load(path, LoadOptions{}, &error));
    const qint64 after = peakMemoryMb();
    QCOMPARE(error.kind, LoadError::Kind::TooLarge);
    QVERIFY2(error.message.contains(u"huge-500mb.txt"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"too large"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"500 MB"_s), qPrintable(error.message));
    if (before > 0)
        QVERIFY2(after - before < 50, qPrintable(u"peak memory grew by %1 MB"_s.arg(after - before)));
}

void TestBadInput::textQuirksStillLoad_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // text the loaded filing must show
    QTest::newRow("NUL bytes inside text")
        << u"nuls.txt"_s << QByteArray("FORM 8-K\nImmuno\0Gen, Inc.\nItem 8.01\0 Other Events\n", 49)
        << u"ImmunoGen, Inc."_s;
    QTest::newRow("invalid UTF-8") << u"latin.txt"_s
                                   << QByteArray("FORM 8-K\nSoci\xe9t\xe9 G\xe9n\xe9rale \xc3\x28 \xff\xfe\nItem 8.01\n")
                                   << u"Soci\u00e9t\u00e9 G\u00e9n\u00e9rale"_s;
    QTest::newRow("CR only line ends") << u"mac.txt"_s << QByteArray("FORM 8-K\rItem 8.01 Other Events\r")
                                       << u"FORM 8-K\nItem 8.01"_s;
    QTest::newRow("HTML without closing tags") << u"open.htm"_s << QByteArray("<html><body><p>Item 8.01<table><tr><td>99.1")
                                               << u"Item 8.01"_s;
}

void TestBadInput::textQuirksStillLoad()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = write(name, bytes);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    const QString text = doc->content().text.pages.join(u'\n');
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY(!text.contains(QChar(0)));
}

QString TestBadInput::runCli(const QStringList &args, int *exitCode, QString *stdErr, qint64 *childPeakMb)
{
    QProcess p;
    p.setProgram(QStringLiteral(FILINGLENS_BINARY));
    p.setArguments(QStringList{u"extract"_s} + args);
    p.start();
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished();
        *exitCode = -1;
        return {};
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    *stdErr = QString::fromUtf8(p.readAllStandardError());
    if (childPeakMb) {
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        *childPeakMb = usage.ru_maxrss / 1024;
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

void TestBadInput::unreadableFileThroughTheCli()
{
    const QString path = write(u"locked.txt"_s, "FORM 8-K\nItem 8.01 Other Events\n");
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    QDir().mkpath(m_dir.path());
    QFile::setPermissions(m_dir.path(), QFileDevice::Permissions(0x7777));
    QProcess p;
    p.setProgram(QStringLiteral(FILINGLENS_BINARY));
    p.setArguments({u"extract"_s, u"--csv"_s, u"-"_s, path});
    if (geteuid() == 0) {
        // Root reads any file: run the program as nobody instead.
        p.setChildProcessModifier([] {
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(99);
        });
    }
    p.start();
    QVERIFY(p.waitForFinished(60000));
    if (p.exitCode() == 99)
        QSKIP("cannot drop root rights to make a file unreadable");
    const QString err = QString::fromUtf8(p.readAllStandardError());
    if (err.contains(u"Permission denied"_s) && !err.contains(u"locked.txt"_s))
        QSKIP(qPrintable(u"the program cannot run as nobody here: "_s + err));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains(u"locked.txt"_s) && err.contains(u"cannot be read"_s), qPrintable(err));
}

void TestBadInput::cliBatchGoesOnPastBadFiles()
{
    const QString sample = sampleText();
    QVERIFY(QFileInfo::exists(sample));
    const QString good1 = m_dir.filePath(u"good-8k.txt"_s);
    QFile::remove(good1);
    QVERIFY(QFile::copy(sample, good1));
    const QString good2 = write(u"good-8k.htm"_s,
                                "<html><body><p>ImmunoGen, Inc.</p><p>Item 8.01 Other Events</p>"
                                "<p>Exhibit 99.1 Press release dated June 4, 2007</p></body></html>");
    const QStringList bad = {
        write(u"bad-empty.pdf"_s, ""),
        write(u"bad-random.nc"_s, noise(8192, 3)),
        write(u"bad-cut.pdf"_s, m_pdf.left(m_pdf.size() / 2)),
        m_dir.filePath(u"bad-missing.txt"_s),
    };
    QVERIFY(QDir(m_dir.path()).mkpath(u"bad-folder.htm"_s));
    const QString folder = m_dir.filePath(u"bad-folder.htm"_s);
    const QString csvPath = m_dir.filePath(u"batch.csv"_s);
    int exitCode = 0;
    QString err;
    runCli({u"--csv"_s, csvPath, bad.at(0), good1, bad.at(1), bad.at(2), folder, good2, bad.at(3)}, &exitCode, &err);
    QCOMPARE(exitCode, 1);
    for (const QString &b : bad + QStringList{folder})
        QVERIFY2(err.contains(QFileInfo(b).fileName()), qPrintable(u"not named: "_s + b + u"\n"_s + err));
    QVERIFY2(!err.contains(u"good-8k"_s), qPrintable(err));
    QFile csv(csvPath);
    QVERIFY2(csv.open(QIODevice::ReadOnly), "the good files were not exported");
    const QString rows = QString::fromUtf8(csv.readAll());
    QVERIFY(rows.startsWith(u"file,id,type"_s));
    QVERIFY2(rows.contains(u"\r\ngood-8k.txt,"_s), qPrintable(rows.left(400)));
    QVERIFY2(rows.contains(u"\r\ngood-8k.htm,"_s), qPrintable(rows.left(400)));
    QVERIFY(!rows.contains(u"bad-"_s));
}

void TestBadInput::cliHugeFileKeepsMemoryLow()
{
    const QString path = m_dir.filePath(u"huge-cli.txt"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("FORM 8-K\n");
        QVERIFY(f.resize(qint64(500) << 20));
    }
    int exitCode = 0;
    QString err;
    qint64 peak = 0;
    runCli({u"--csv"_s, u"-"_s, path, sampleText()}, &exitCode, &err, &peak);
    QCOMPARE(exitCode, 1);
    QVERIFY2(err.contains(u"huge-cli.txt"_s) && err.contains(u"too large"_s), qPrintable(err));
    // Far below the 500 MB of the file: it was never read.
    QVERIFY2(peak < 250, qPrintable(u"peak memory of the program: %1 MB"_s.arg(peak)));
}

QTEST_MAIN(TestBadInput)
#include "tst_badinput.moc"

namespace {

// Inline-XBRL facts no reader can make sense of: no context, no unit, unknown formats,
// absurd scales, a continuation that comes round again, one long chain that thousands of
// facts enter, and facts nested thousands deep.
QByteArray hostileFacts(int chain, int depth)
{
    QByteArray html = "<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><body>"
                      "<div style=\"display:none\"><ix:header><ix:resources>"
                      "<xbrli:context id=\"c\"><xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>"
                      "<xbrli:unit id=\"u\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>"
                      "</ix:resources></ix:header></div><p>";
    html += "<ix:nonFraction name=\"a:NoContext\" contextRef=\"gone\" unitRef=\"u\">1</ix:nonFraction> "
            "<ix:nonFraction name=\"a:NoUnit\" contextRef=\"c\" unitRef=\"gone\">2</ix:nonFraction> "
            "<ix:nonFraction name=\"a:Format\" contextRef=\"c\" unitRef=\"u\" format=\"ixt:no-such-format\">3</ix:nonFraction> "
            "<ix:nonFraction name=\"a:Scale\" contextRef=\"c\" unitRef=\"u\" scale=\"2147483648\">4</ix:nonFraction> "
            "<ix:nonFraction name=\"a:Scale\" contextRef=\"c\" unitRef=\"u\" scale=\"-100000\">5</ix:nonFraction> "
            "<ix:nonNumeric name=\"a:Loop\" contextRef=\"c\" continuedAt=\"x\">loop</ix:nonNumeric>"
            "<ix:continuation id=\"x\" continuedAt=\"x\">again</ix:continuation></p><p>";
    for (int i = 0; i < chain; ++i)
        html += "<ix:nonNumeric name=\"a:Chain\" contextRef=\"c\" continuedAt=\"k0\">f</ix:nonNumeric>";
    for (int i = 0; i < chain; ++i) {
        html += "<ix:continuation id=\"k" + QByteArray::number(i) + "\"";
        if (i + 1 < chain)
            html += " continuedAt=\"k" + QByteArray::number(i + 1) + "\"";
        html += ">k</ix:continuation>";
    }
    html += "</p><p>" + QByteArray("<ix:nonNumeric name=\"a:Nest\" contextRef=\"c\">").repeated(depth) + "deep"
        + QByteArray("</ix:nonNumeric>").repeated(depth) + "</p></body></html>";
    return html;
}

} // namespace

void TestBadInput::hostileInlineXbrl()
{
    const int chain = 3000;
    const int depth = 20000;
    QByteArray html = hostileFacts(chain, depth);
    // And more facts than any filing has, in the hidden header.
    const int many = InlineXbrl::kMaxFacts + 1000;
    const QByteArray flood = "</ix:resources><ix:hidden>"
        + QByteArray("<ix:nonFraction name=\"a:Many\" contextRef=\"c\" unitRef=\"u\">1</ix:nonFraction>").repeated(many)
        + "</ix:hidden>";
    html.replace(QByteArray("</ix:resources>"), flood);
    const QString path = write(u"hostile-facts.html"_s, html);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    const QList<XbrlFact> &facts = doc->content().xbrlFacts;
    QCOMPARE(facts.size(), InlineXbrl::kMaxFacts);
    QCOMPARE(facts.first().concept, u"a:Many"_s);
    QCOMPARE(facts.first().value, u"1"_s);

    // The same without the flood: every hostile fact listed, the unreadable with the reason.
    const QString smaller = write(u"hostile-facts-small.html"_s, hostileFacts(chain, depth));
    const auto doc2 = FilingDocument::load(smaller, LoadOptions{}, &error);
    QVERIFY2(doc2, qPrintable(error.message));
    const QList<XbrlFact> &f2 = doc2->content().xbrlFacts;
    QCOMPARE(f2.size(), 6 + chain + depth);
    QVERIFY2(f2.at(0).error.contains(u"no context gone"_s), qPrintable(f2.at(0).error));
    QVERIFY2(f2.at(1).error.contains(u"no unit gone"_s), qPrintable(f2.at(1).error));
    QVERIFY2(f2.at(2).error.contains(u"unknown format"_s), qPrintable(f2.at(2).error));
    QVERIFY2(f2.at(3).error.contains(u"scale"_s) && f2.at(3).value.isEmpty(), qPrintable(f2.at(3).error));
    QVERIFY2(f2.at(4).error.contains(u"out of range"_s), qPrintable(f2.at(4).error));
    QVERIFY2(f2.at(5).error.contains(u"comes round again"_s), qPrintable(f2.at(5).error));
    QCOMPARE(f2.at(5).value, u"loopagain"_s); // followed once, then cut
    QVERIFY(f2.at(6).error.isEmpty()); // the first fact to enter the chain follows it to its end
    QCOMPARE(f2.at(6).length, 1 + chain); // "fkk...k", cut with its full length kept
    QVERIFY(f2.at(6 + chain - 1).error.contains(u"too long"_s)); // the work is bounded
    // The outermost nested fact has its text and its words on the page.
    QCOMPARE(f2.at(6 + chain).value, u"deep"_s);
    QVERIFY(f2.at(6 + chain).span.isValid());
    QCOMPARE(f2.last().concept, u"a:Nest"_s);
}

void TestBadInput::hostileInlineXbrlThroughTheCli()
{
    const QString path = write(u"hostile-facts-cli.html"_s, hostileFacts(200, 500));
    int code = -1;
    QString err;
    const QString out = runCli({u"--types"_s, u"xbrl_fact"_s, u"--csv"_s, u"-"_s, path}, &code, &err);
    QCOMPARE(code, 0);
    const QStringList lines = out.split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 6 + 200 + 500);
    QVERIFY(lines.at(1).contains(u"error=no context gone"_s));
    QVERIFY(lines.at(3).contains(u"error=unknown format ixt:no-such-format"_s));
}

// A PDF page of thousands of figures strewn at random, and a page of words beyond the
// reader's bound: tables are read in bounded time and memory, each cell is the page's
// text at its span, and nothing crashes.
void TestBadInput::pdfPageOfScatteredNumbers()
{
    const QString path = m_dir.filePath(u"scattered-numbers.pdf"_s);
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::Letter));
        writer.setResolution(72);
        QPainter painter(&writer);
        QFont font(u"DejaVu Sans"_s);
        font.setPixelSize(5);
        painter.setFont(font);
        quint32 seed = 12345;
        const auto next = [&seed](int bound) {
            seed = seed * 1103515245u + 12345u;
            return int((seed >> 8) % quint32(bound));
        };
        for (int i = 0; i < 4000; ++i)
            painter.drawText(QPointF(20 + next(560), 20 + next(740)), QString::number(next(100000)));
        writer.newPage();
        for (int row = 0; row < 120; ++row) // a grid of figures, row after row
            for (int column = 0; column < 12; ++column)
                painter.drawText(QPointF(20 + 48 * column, 20 + 6 * row), u"(%1)"_s.arg(row * column));
    }
    LoadError error;
    const auto document = FilingSession::load(path, {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent &content = document->content();
    const TableList tables = FilingSession::tables(content);
    for (const FilingTable &t : tables) {
        QVERIFY(t.rowCount * t.columnCount <= TableReader::kMaxCells);
        QVERIFY(t.columnCount <= PdfTableReader::kMaxColumns + 1);
        for (const TableCell &cell : t.cells)
            QCOMPARE(content.text.pages.at(cell.span.page).mid(cell.span.start, cell.span.end - cell.span.start),
                     cell.text);
    }

    // Rects that no grouping matches to the text's lines are cut into them by weighing every
    // cut: bounded on a page of 8,000 lines and 24,000 rects strewn at random, and nothing
    // for a page past the bound.
    quint32 seed = 777;
    const auto next = [&seed](int bound) {
        seed = seed * 1103515245u + 12345u;
        return int((seed >> 8) % quint32(bound));
    };
    for (const int lineCount : {8000, 40000}) {
        QString strewn;
        for (int l = 0; l < lineCount; ++l)
            strewn += QString::number(next(1000)) + u' ' + QString::number(next(100000)) + u" \n"_s;
        QList<QRectF> rects;
        for (int r = 0; r < 3 * lineCount; ++r)
            rects.append(QRectF(next(600), next(780), 1 + next(60), 1 + next(12)));
        const QList<TextBox> placed = PdfLoader::wordBoxes(strewn, rects);
        for (const TextBox &w : placed)
            QVERIFY(w.start >= 0 && w.end <= strewn.size() && w.start < w.end);
        if (lineCount > 10000)
            QVERIFY(placed.isEmpty());
    }

    // Words beyond the bound, and words whose spans leave the text, are not read.
    QString text;
    QList<TextBox> words;
    for (int i = 0; i < 3 * PdfTableReader::kMaxWords; ++i) {
        const int start = int(text.size());
        text += QString::number(i % 977) + (i % 7 == 6 ? u" \n"_s : u" "_s);
        words.append(TextBox{start, start + int(QString::number(i % 977).size()), float(10 * (i % 7)),
                             float(8 * (i / 7)), float(10 * (i % 7) + 8), float(8 * (i / 7) + 6)});
    }
    const TableList bounded = PdfTableReader::readPage(text, words, 0);
    QVERIFY(bounded.size() <= TableReader::kMaxTablesPerPage);
    words.append(TextBox{int(text.size()) - 2, int(text.size()) + 40, 0, 0, 1, 1});
    QVERIFY(PdfTableReader::readPage(text, words, 0).isEmpty());
}
