#include "document/filingdocument.h"
#include "document/pdfloader.h"
#include "document/pdftextworker.h"
#include "testutils.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QGuiApplication>
#include <QtGui/QPageSize>
#include <QtGui/QPainter>
#include <QtGui/QPdfWriter>
#include <QtPdf/QPdfDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// Long PDFs read their page texts in helper processes; the result must be the
// very text an in-process load gives.
class TestPdfTextWorker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void workersGiveTheSameText();
    void realFilingsGiveTheSameText_data();
    void realFilingsGiveTheSameText();
    void encryptedThroughWorkers();
    void brokenProgramFallsBack();

private:
    QTemporaryDir m_dir;
    QString m_pdf;
};

void TestPdfTextWorker::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pdf = m_dir.filePath(u"long.pdf"_s);
    QPdfWriter writer(m_pdf);
    writer.setPageSize(QPageSize(QPageSize::Letter));
    writer.setResolution(72);
    QPainter painter(&writer);
    for (int i = 0; i < PdfLoader::kMinPagesForWorkers + 6; ++i) {
        if (i > 0)
            writer.newPage();
        painter.drawText(QPointF(72, 100), u"Page %1 of the exhibit, Item 9.01"_s.arg(i + 1));
        painter.drawText(QPointF(72, 130), u"Second line on page %1"_s.arg(i + 1));
    }
}

void TestPdfTextWorker::cleanup()
{
    PdfTextWorker::setProgram(QString());
}

void TestPdfTextWorker::workersGiveTheSameText()
{
    LoadError error;
    const auto inProcess = FilingDocument::load(m_pdf, LoadOptions{}, &error);
    QVERIFY(inProcess);

    QStringList pages;
    PdfTextWorker::setProgram(QCoreApplication::applicationFilePath());
    QVERIFY(PdfTextWorker::readPages(m_pdf, QString(), inProcess->pageCount(), &pages, nullptr, 3));
    QCOMPARE(pages, inProcess->content().text.pages);

    const auto viaWorkers = FilingDocument::load(m_pdf, LoadOptions{}, &error);
    QVERIFY(viaWorkers);
    QCOMPARE(viaWorkers->content().text.pages, inProcess->content().text.pages);
    QVERIFY(viaWorkers->content().text.pages.at(7).contains(u"Page 8 of the exhibit"_s));
}

void TestPdfTextWorker::realFilingsGiveTheSameText_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("bundled sample 8-K")
        << TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s);
    QTest::newRow("Pfizer 10-K, 159 pages") << TestUtils::corpusPath(u"pdf/PFIZER_2022_10K.pdf"_s);
}

void TestPdfTextWorker::realFilingsGiveTheSameText()
{
    QFETCH(QString, path);
    if (path.isEmpty())
        QSKIP("shared corpus file absent: pdf/PFIZER_2022_10K.pdf");
    QPdfDocument pdf;
    QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
    QStringList inProcess;
    for (int p = 0; p < pdf.pageCount(); ++p)
        inProcess << PdfLoader::pageText(&pdf, p);

    PdfTextWorker::setProgram(QCoreApplication::applicationFilePath());
    QStringList pages;
    QVERIFY(PdfTextWorker::readPages(path, QString(), pdf.pageCount(), &pages));
    QCOMPARE(pages.size(), inProcess.size());
    for (int p = 0; p < pages.size(); ++p)
        QCOMPARE(pages.at(p), inProcess.at(p));
}

void TestPdfTextWorker::encryptedThroughWorkers()
{
    PdfTextWorker::setProgram(QCoreApplication::applicationFilePath());
    QStringList pages;
    const QString path = TestUtils::dataPath(u"document/encrypted.pdf"_s);
    QVERIFY(PdfTextWorker::readPages(path, u"s3cret"_s, 1, &pages));
    QCOMPARE(pages.size(), 1);
    QVERIFY(pages.constFirst().contains(u"Confidential 8-K draft"_s));
    QVERIFY(!PdfTextWorker::readPages(path, u"wrong"_s, 1, &pages));
    QVERIFY(pages.isEmpty());
}

void TestPdfTextWorker::brokenProgramFallsBack()
{
    PdfTextWorker::setProgram(m_dir.filePath(u"no-such-program"_s));
    LoadError error;
    const auto doc = FilingDocument::load(m_pdf, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QCOMPARE(doc->pageCount(), PdfLoader::kMinPagesForWorkers + 6);
    QVERIFY(doc->content().text.pages.constLast().contains(u"Second line on page"_s));
}

int main(int argc, char **argv)
{
    // The test executable doubles as the worker program.
    if (PdfTextWorker::isWorkerCommandLine(argc, argv))
        return PdfTextWorker::serve(argc, argv);
    QGuiApplication app(argc, argv);
    TestPdfTextWorker test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pdftextworker.moc"
