#include "exportfixtures.h"
#include "export/summarysheet.h"

#include <QtCore/QTemporaryDir>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>
#include <QtPrintSupport/QPrinter>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using namespace ExportFixtures;

// The GUI prints through a QPrinter, which keeps minimum margins and its own
// resolution: the sheet must land on the page exactly as in a PDF it writes itself.
class TestSummaryPrint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printer_data();
    void printer();
};

void TestSummaryPrint::printer_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<bool>("fullPage");
    QTest::newRow("Letter, printable area") << int(QPageSize::Letter) << false;
    QTest::newRow("A4, printable area") << int(QPageSize::A4) << false;
    QTest::newRow("A4, full page") << int(QPageSize::A4) << true;
}

void TestSummaryPrint::printer()
{
    QFETCH(int, pageSize);
    QFETCH(bool, fullPage);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const DocumentContent c = sampleContent();
    SummaryOptions o;
    o.pageSize = QPageSize::PageSizeId(pageSize);
    const SummarySheet sheet(c, sampleEntities(c), o);

    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(u"printed.pdf"_s));
    printer.setFullPage(fullPage);
    printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    QString error;
    QVERIFY2(sheet.print(&printer, &error), qPrintable(error));

    QBuffer own;
    own.open(QIODevice::WriteOnly);
    QVERIFY(sheet.writePdf(&own, &error));
    QFile ownFile(dir.filePath(u"own.pdf"_s));
    QVERIFY(ownFile.open(QIODevice::WriteOnly));
    ownFile.write(own.data());
    ownFile.close();

    QPdfDocument printed;
    QPdfDocument written;
    QCOMPARE(printed.load(dir.filePath(u"printed.pdf"_s)), QPdfDocument::Error::None);
    QCOMPARE(written.load(ownFile.fileName()), QPdfDocument::Error::None);
    QCOMPARE(printed.pageCount(), written.pageCount());
    QCOMPARE(printed.pagePointSize(0).toSize(), written.pagePointSize(0).toSize());
    QCOMPARE(printed.getAllText(0).text().simplified(), written.getAllText(0).text().simplified());
    // Same place on the page: the bounding box of the title's text.
    const QPdfSelection a = printed.getSelectionAtIndex(0, 0, 9);
    const QPdfSelection b = written.getSelectionAtIndex(0, 0, 9);
    QCOMPARE(a.text(), u"ImmunoGen"_s);
    QVERIFY2(qAbs(a.boundingRectangle().left() - b.boundingRectangle().left()) < 1.5
                 && qAbs(a.boundingRectangle().top() - b.boundingRectangle().top()) < 1.5,
             qPrintable(u"%1,%2 vs %3,%4"_s.arg(a.boundingRectangle().left()).arg(a.boundingRectangle().top())
                            .arg(b.boundingRectangle().left()).arg(b.boundingRectangle().top())));
}

QTEST_MAIN(TestSummaryPrint)
#include "tst_summaryprint.moc"
