#include "testutils.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

// filing-lens summary FILE --pdf OUT [--page-size A4|Letter], run as a user would.
class TestSummaryCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void missingFile();
    void unwritableOutput();
    void sample_data();
    void sample();
    void appliesSidecar();

private:
    struct Run
    {
        int exitCode = -1;
        QString out, err;
    };
    Run run(const QStringList &arguments) const;
    QTemporaryDir m_dir;
    QString m_sample;
};

void TestSummaryCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(QStringLiteral(FILINGLENS_BINARY)), FILINGLENS_BINARY);
    // A copy, so a sidecar next to it never touches the source tree.
    m_sample = m_dir.filePath(u"immunogen-8k-2007-06-04.txt"_s);
    QVERIFY(QFile::copy(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), m_sample));
}

TestSummaryCommand::Run TestSummaryCommand::run(const QStringList &arguments) const
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(FILINGLENS_BINARY), QStringList{u"summary"_s} + arguments);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestSummaryCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QStringList() << u"needs a FILE"_s;
    QTest::newRow("no --pdf") << QStringList{u"x.txt"_s} << u"needs --pdf OUT"_s;
    QTest::newRow("--pdf without value") << QStringList{u"x.txt"_s, u"--pdf"_s} << u"--pdf needs a value"_s;
    QTest::newRow("empty --pdf=") << QStringList{u"x.txt"_s, u"--pdf="_s} << u"--pdf needs a value"_s;
    QTest::newRow("page size") << QStringList{u"x.txt"_s, u"--pdf"_s, u"o.pdf"_s, u"--page-size"_s, u"B5"_s}
                               << u"unknown page size \"B5\""_s;
    QTest::newRow("unknown option") << QStringList{u"x.txt"_s, u"--pdf"_s, u"o.pdf"_s, u"--colour"_s}
                                    << u"unknown option --colour"_s;
    QTest::newRow("two files") << QStringList{u"x.txt"_s, u"y.txt"_s, u"--pdf"_s, u"o.pdf"_s}
                               << u"\"y.txt\" is one too many"_s;
}

void TestSummaryCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.err.contains(u"Usage: filing-lens summary FILE --pdf OUT"_s));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"o.pdf"_s)));
}

void TestSummaryCommand::missingFile()
{
    const QString missing = m_dir.filePath(u"no-such-filing.htm"_s);
    const Run r = run({missing, u"--pdf"_s, m_dir.filePath(u"missing.pdf"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"no-such-filing.htm"_s), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"missing.pdf"_s)));
}

void TestSummaryCommand::unwritableOutput()
{
    const QString out = m_dir.filePath(u"no-such-folder/summary.pdf"_s);
    const Run r = run({m_sample, u"--pdf"_s, out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"immunogen-8k-2007-06-04.txt"_s) && r.err.contains(u"summary.pdf"_s), qPrintable(r.err));
}

void TestSummaryCommand::sample_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QSizeF>("points");
    QTest::newRow("default Letter") << QStringList() << QSizeF(612, 792);
    QTest::newRow("A4") << QStringList{u"--page-size"_s, u"A4"_s} << QSizeF(595, 842);
    QTest::newRow("letter=") << QStringList{u"--page-size=letter"_s} << QSizeF(612, 792);
    QTest::newRow("PDF sample") << QStringList{u"--page-size"_s, u"a4"_s} << QSizeF(595, 842);
}

void TestSummaryCommand::sample()
{
    QFETCH(QStringList, options);
    QFETCH(QSizeF, points);
    const QString out = m_dir.filePath(u"summary-%1.pdf"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    const QString filing = QTest::currentDataTag() == QByteArray("PDF sample")
        ? TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s)
        : m_sample;
    const Run r = run(QStringList{filing, u"--pdf"_s, out} + options);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QPdfDocument pdf;
    QCOMPARE(pdf.load(out), QPdfDocument::Error::None);
    QVERIFY(pdf.pageCount() == 1 || pdf.pageCount() == 2);
    QVERIFY(qAbs(pdf.pagePointSize(0).width() - points.width()) < 1);
    QVERIFY(qAbs(pdf.pagePointSize(0).height() - points.height()) < 1);
    const QString text = pdf.getAllText(0).text().simplified();
    QVERIFY2(text.contains(u"ImmunoGen, Inc."_s), qPrintable(text));
    QVERIFY(text.contains(u"0-17999"_s));
    QVERIFY(text.contains(u"Page 1 of %1"_s.arg(pdf.pageCount())));
    // A headless summary reads the sidecar but never writes one.
    QVERIFY(!QFileInfo::exists(m_sample + u".review.json"_s));
}

void TestSummaryCommand::appliesSidecar()
{
    // An analyst's decision in the sidecar (contract schema) shows in the review line.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString filing = dir.filePath(u"immunogen-8k-2007-06-04.txt"_s);
    QVERIFY(QFile::copy(m_sample, filing));
    QFile f(filing);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const QString text = QString::fromUtf8(bytes);
    const QString exact = u"Tumor-Activated Prodrug"_s;
    const int start = int(text.indexOf(exact)); // no astral characters before it
    QVERIFY(start > 0);
    const QString id = u"organization@1:%1-%2"_s.arg(start).arg(start + exact.size());
    const QJsonObject decision{
        {u"id"_s, id}, {u"status"_s, u"added"_s}, {u"type"_s, u"organization"_s}, {u"value"_s, exact},
        {u"anchor"_s, QJsonObject{{u"page"_s, 1}, {u"start"_s, start}, {u"end"_s, start + int(exact.size())},
                                  {u"exact"_s, exact}, {u"prefix"_s, text.mid(start - 32, 32)},
                                  {u"suffix"_s, text.mid(start + exact.size(), 32)}}},
        {u"attributes"_s, QJsonObject()}, {u"note"_s, QString()}, {u"by"_s, u"Test Reviewer"_s},
        {u"at"_s, u"2026-11-20T09:00:00Z"_s}};
    const QJsonObject sidecar{
        {u"schema"_s, u"filing-lens/review@1"_s}, {u"offsetUnit"_s, u"codepoint"_s},
        {u"document"_s, QJsonObject{{u"file"_s, u"immunogen-8k-2007-06-04.txt"_s},
                                    {u"sha256"_s, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())},
                                    {u"pages"_s, 1}, {u"format"_s, u"text"_s}}},
        {u"savedAt"_s, u"2026-11-20T09:00:00Z"_s}, {u"decisions"_s, QJsonArray{decision}}, {u"history"_s, QJsonArray()}};
    QFile side(filing + u".review.json"_s);
    QVERIFY(side.open(QIODevice::WriteOnly));
    side.write(QJsonDocument(sidecar).toJson());
    side.close();
    const QByteArray before = QFileInfo(side.fileName()).lastModified().toString(Qt::ISODateWithMs).toUtf8();

    const QString out = dir.filePath(u"reviewed.pdf"_s);
    const Run r = run({filing, u"--pdf"_s, out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QPdfDocument pdf;
    QCOMPARE(pdf.load(out), QPdfDocument::Error::None);
    QString all;
    for (int i = 0; i < pdf.pageCount(); ++i)
        all += pdf.getAllText(i).text().simplified() + u' ';
    QVERIFY2(all.contains(u"1 added"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Last decision by Test Reviewer on 2026-11-20."_s), qPrintable(all));
    // Read only: the sidecar is left as it was.
    QCOMPARE(QFileInfo(side.fileName()).lastModified().toString(Qt::ISODateWithMs).toUtf8(), before);
}

QTEST_MAIN(TestSummaryCommand)
#include "tst_summarycommand.moc"
