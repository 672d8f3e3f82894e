#include "document/documentcache.h"
#include "document/filingdocument.h"
#include "document/htmlcleaner.h"
#include "document/htmlloader.h"
#include "testutils.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDirIterator>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtGui/QGuiApplication>
#include <QtGui/QPageSize>
#include <QtGui/QPainter>
#include <QtGui/QPdfWriter>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(LoadError::Kind)
Q_DECLARE_METATYPE(DocumentFormat)

namespace {
// The filings in these corpus folders, as "folder/name"; a review file (or its lock)
// someone left beside a filing is not one.
QStringList corpusFiles(std::initializer_list<QString> folders)
{
    QStringList files;
    for (const QString &sub : folders) {
        const QDir d(TestUtils::corpusPath(sub));
        for (const QString &f : d.entryList(QDir::Files, QDir::Name)) {
            if (!f.contains(u".review.json"_s))
                files.append(sub + u'/' + f);
        }
    }
    return files;
}
} // namespace

// Opening filings of every format, and refusing bad files with a clear message.
class TestFilingDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badInput_data();
    void badInput();
    void unreadableFile();
    void tooLarge();
    void pdfWrittenByQt();
    void pdfLigaturesAndUnmappedGlyphs();
    void encryptedPdf_data();
    void encryptedPdf();
    void plainText();
    void plainTextEncodings_data();
    void plainTextEncodings();
    void htmlFile();
    void submissionCutMidHeader();
    void loadOnWorkerThread();
    void cancelled();
    void corpusOpens_data();
    void corpusOpens();
    void corpusPdfs_data();
    void corpusPdfs();
    void pdfIndicesAgreeWithSelections();
    void truncatedCorpusPdf();
    void inlineXbrlFacts_data();
    void inlineXbrlFacts();
    void inlineXbrlInSubmission();
    void bigFilingsLoad();
    void corpusSheets_data();
    void corpusSheets();
    void pageCounts_data();
    void pageCounts();
    void damagedHtmlCacheEntryIgnoredAndReplaced();
    void htmlCacheEntryOfOtherPageCountIgnored();
    void htmlLoadedWithoutFactsCachedApart();
    void reopenedSheetReadsAsItsText();
    void bundledSample_data();
    void bundledSample();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QString writePdf(const QString &name, const QStringList &pages);
    QTemporaryDir m_dir;
};

void TestFilingDocument::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestFilingDocument::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

QString TestFilingDocument::writePdf(const QString &name, const QStringList &pages)
{
    const QString path = m_dir.filePath(name);
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::Letter));
    writer.setResolution(72);
    QPainter painter(&writer);
    QFont font(u"DejaVu Sans"_s);
    font.setPixelSize(14);
    painter.setFont(font);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            writer.newPage();
        painter.drawText(QPointF(72, 100), pages.at(i));
    }
    painter.end();
    return path;
}

void TestFilingDocument::badInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // null: do not create
    QTest::addColumn<LoadError::Kind>("kind");
    QByteArray noise;
    for (int i = 0; i < 20000; ++i)
        noise.append(char((i * 7919 + 13) % 251));
    QTest::newRow("empty") << u"empty.txt"_s << QByteArray("") << LoadError::Kind::Empty;
    QTest::newRow("missing") << u"missing.pdf"_s << QByteArray() << LoadError::Kind::NotFound;
    QTest::newRow("random bytes named pdf") << u"random.pdf"_s << noise << LoadError::Kind::Corrupt;
    QTest::newRow("random bytes") << u"random.bin"_s << noise << LoadError::Kind::Unsupported;
    QTest::newRow("pdf header only") << u"header.pdf"_s << QByteArray("%PDF-1.4\n%%EOF\n") << LoadError::Kind::Corrupt;
    QTest::newRow("pdf garbage body") << u"garbage.pdf"_s << (QByteArray("%PDF-1.7\n") + noise) << LoadError::Kind::Corrupt;
    QTest::newRow("submission without content") << u"bare.txt"_s << QByteArray("<SEC-DOCUMENT>\n") << LoadError::Kind::Corrupt;
}

void TestFilingDocument::badInput()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(LoadError::Kind, kind);
    const QString path = bytes.isNull() ? m_dir.filePath(name) : write(name, bytes);
    QVERIFY(!path.isEmpty());
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(!doc);
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message.contains(name), qPrintable(error.message));
}

void TestFilingDocument::unreadableFile()
{
    const QString path = write(u"locked.txt"_s, "Item 8.01");
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    QFile probe(path);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("running with rights that read any file");
    LoadError error;
    QVERIFY(!FilingDocument::load(path, LoadOptions{}, &error));
    QCOMPARE(error.kind, LoadError::Kind::Unreadable);
    QVERIFY(error.message.contains(u"locked.txt"_s));
}

void TestFilingDocument::tooLarge()
{
    // A sparse file: large on paper, nothing on disk.
    const QString path = m_dir.filePath(u"huge.txt"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Item 8.01 Other Events\n");
    QVERIFY(f.resize(FilingDocument::kMaxTextBytes + 1));
    f.close();
    LoadError error;
    QVERIFY(!FilingDocument::load(path, LoadOptions{}, &error));
    QCOMPARE(error.kind, LoadError::Kind::TooLarge);
    QVERIFY(error.message.contains(u"huge.txt"_s));

    LoadError dirError;
    QVERIFY(!FilingDocument::load(m_dir.path(), LoadOptions{}, &dirError));
    QCOMPARE(dirError.kind, LoadError::Kind::NotAFile);
    QVERIFY(!FilingDocument::load(QString(), LoadOptions{}, &dirError));
    QCOMPARE(dirError.kind, LoadError::Kind::NotFound);
}

void TestFilingDocument::pdfWrittenByQt()
{
    const QString path = writePdf(u"two-pages.pdf"_s, {u"ImmunoGen, Inc. Item 8.01"_s, u"Exhibit 99.1 Press release"_s});
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QCOMPARE(doc->format(), DocumentFormat::Pdf);
    QCOMPARE(doc->pageCount(), 2);
    QVERIFY(doc->pdf());
    const DocumentContent &c = doc->content();
    QVERIFY2(c.text.pages.at(0).contains(u"ImmunoGen, Inc."_s), qPrintable(c.text.pages.at(0)));
    QVERIFY(c.text.pages.at(1).contains(u"Exhibit 99.1"_s));
    QCOMPARE(c.parts.size(), 1);
    QCOMPARE(c.parts.constFirst().kind, DocumentPart::Kind::Pdf);
    QCOMPARE(c.parts.constFirst().pageCount, 2);

    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(doc->sha256(), QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()));

    const QSizeF size = doc->pageSizePoints(0);
    QVERIFY(qAbs(size.width() - 612) < 1 && qAbs(size.height() - 792) < 1);
    QVERIFY(!doc->pageSizePoints(5).isValid());
    const QImage image = doc->pdf()->render(0, QSize(306, 396));
    QCOMPARE(image.size(), QSize(306, 396));

    const int start = int(c.text.pages.at(0).indexOf(u"Item"_s));
    const SourceSpan span{0, start, start + 9};
    const QList<QRectF> rects = doc->spanRects(span);
    QVERIFY(!rects.isEmpty());
    QCOMPARE(doc->spanRects(span), rects); // cached, same answer
    const QRectF r = rects.constFirst();
    QVERIFY2(r.left() > 72 && r.top() > 70 && r.bottom() < 120,
             qPrintable(u"%1,%2 %3x%4"_s.arg(r.left()).arg(r.top()).arg(r.width()).arg(r.height())));
    // The first character of the span is under its rectangle's left edge.
    const QList<QRectF> first = doc->spanRects(SourceSpan{0, start, start + 1});
    QVERIFY(!first.isEmpty());
    QCOMPARE(doc->charIndexAt(0, first.constFirst().center()), start);
    QCOMPARE(doc->charIndexAt(0, QPointF(500, 700)), -1);
    QVERIFY(doc->spanRects(SourceSpan{9, 0, 1}).isEmpty());
    QVERIFY(doc->spanRects(SourceSpan{0, 0, 99999}).isEmpty());
    QVERIFY(!doc->partDocument(0));
}

void TestFilingDocument::pdfLigaturesAndUnmappedGlyphs()
{
    // Qt shapes "ffi" in "office" into a ligature glyph and writes no Unicode
    // for a glyph outside the BMP: the text must still line up with QtPdf's indices.
    const QString path = writePdf(u"glyphs.pdf"_s, {u"x"_s + QString::fromUcs4(U"\U0001D400") + u"y office fine"_s});
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(doc);
    const QString page = doc->content().text.pages.constFirst();
    QVERIFY2(page.contains(u"office fine"_s), qPrintable(page));
    for (QChar c : page)
        QVERIFY(c.unicode() >= 0x20 || c == u'\n' || c == u'\t');
    const int at = int(page.indexOf(u"office"_s));
    for (int i = at; i < at + 6; ++i)
        QCOMPARE(doc->pdf()->getSelectionAtIndex(0, i, 1).text(), page.mid(i, 1));
    QVERIFY(!doc->spanRects(SourceSpan{0, at, at + 6}).isEmpty());
}

void TestFilingDocument::encryptedPdf_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<LoadError::Kind>("kind");
    QTest::newRow("none") << QString() << LoadError::Kind::PasswordRequired;
    QTest::newRow("wrong") << u"guess"_s << LoadError::Kind::WrongPassword;
    QTest::newRow("right") << u"s3cret"_s << LoadError::Kind::None;
}

void TestFilingDocument::encryptedPdf()
{
    QFETCH(QString, password);
    QFETCH(LoadError::Kind, kind);
    // AES-256, user password "s3cret" (made with qpdf --encrypt).
    const QString path = TestUtils::dataPath(u"document/encrypted.pdf"_s);
    LoadOptions options;
    options.password = password;
    LoadError error;
    const auto doc = FilingDocument::load(path, options, &error);
    QCOMPARE(error.kind, kind);
    if (kind == LoadError::Kind::None) {
        QVERIFY(doc);
        QCOMPARE(doc->pageCount(), 1);
        QVERIFY(doc->content().text.pages.constFirst().contains(u"Confidential 8-K draft"_s));
    } else {
        QVERIFY(!doc);
        QVERIFY(error.message.contains(u"encrypted.pdf"_s));
    }
}

void TestFilingDocument::plainText()
{
    const QByteArray bytes = "FORM 8-K\r\nImmunoGen, Inc.\r\n\fItem 8.01 Other Events\r\n\fSignature\r\n";
    const QString path = write(u"filing.txt"_s, bytes);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(doc);
    QCOMPARE(doc->format(), DocumentFormat::PlainText);
    const DocumentContent &c = doc->content();
    QCOMPARE(c.text.pages, (QStringList{u"FORM 8-K\nImmunoGen, Inc.\n"_s, u"Item 8.01 Other Events\n"_s, u"Signature\n"_s}));
    QCOMPARE(c.fileName, u"filing.txt"_s);
    QCOMPARE(c.sha256, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(c.parts.size(), 1);
    const DocumentPart &part = c.parts.constFirst();
    QCOMPARE(part.kind, DocumentPart::Kind::Text);
    QCOMPARE(part.pageCount, 3);
    QTextDocument *view = doc->partDocument(0);
    QVERIFY(view);
    QCOMPARE(doc->partDocument(0), view);
    for (int p = 0; p < 3; ++p) {
        QTextCursor cursor(view);
        cursor.setPosition(part.pageOffsets.at(p));
        cursor.setPosition(part.pageOffsets.at(p) + 9, QTextCursor::KeepAnchor);
        QCOMPARE(cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n'), c.text.pages.at(p).left(9));
    }
    QVERIFY(!doc->partDocument(1));
    QVERIFY(!doc->pdf());
    QVERIFY(doc->spanRects(SourceSpan{0, 0, 4}).isEmpty());
}

void TestFilingDocument::plainTextEncodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("utf8") << QByteArray("Herceptin\xC2\xAE (trastuzumab)") << u"Herceptin\u00AE (trastuzumab)"_s;
    QTest::newRow("invalid utf8 is 1252") << QByteArray("\x93" "Merger\x94 \x96 Soci\xE9t\xE9") << u"\u201CMerger\u201D \u2013 Soci\u00E9t\u00E9"_s;
    QTest::newRow("utf16 bom") << QByteArray("\xFF\xFE" "8\0-\0K\0 \0\xAE\0", 12) << u"8-K \u00AE"_s;
    QTest::newRow("nul bytes") << QByteArray("Item 8.01\0 Other Events: the Company announced a dividend.\0", 59)
                               << u"Item 8.01 Other Events: the Company announced a dividend."_s;
}

void TestFilingDocument::plainTextEncodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    const QString path = write(u"encoded.txt"_s, bytes);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QCOMPARE(doc->content().text.pages, QStringList{text});
}

void TestFilingDocument::htmlFile()
{
    const QByteArray html = "<html><head><title>t</title><script>alert(1)</script></head><body>"
                            "<div style=\"display:none\"><ix:header><ix:hidden>"
                            "<ix:nonNumeric name=\"dei:EntityCentralIndexKey\">0000855654</ix:nonNumeric>"
                            "</ix:hidden></ix:header></div>"
                            "<p>FORM <ix:nonNumeric name=\"dei:DocumentType\">8-K</ix:nonNumeric></p>"
                            "<p><ix:nonNumeric name=\"dei:EntityRegistrantName\">ImmunoGen,&#160;Inc.</ix:nonNumeric></p>"
                            "</body></html>";
    const QString path = write(u"page.htm"_s, html);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(doc);
    const DocumentContent &c = doc->content();
    QCOMPARE(c.format, DocumentFormat::Html);
    QCOMPARE(c.parts.size(), 1);
    QCOMPARE(c.parts.constFirst().kind, DocumentPart::Kind::Html);
    QCOMPARE(c.parts.constFirst().type, u"8-K"_s);
    QVERIFY(!c.parts.constFirst().sheets.join(QString()).contains(u"alert"_s));
    QVERIFY(!c.text.pages.constFirst().contains(u"0000855654"_s));
    QCOMPARE(c.deiFacts.size(), 3);
    QCOMPARE(c.deiFacts.at(0).value, u"0000855654"_s);
    QVERIFY(!c.deiFacts.at(0).span.isValid());
    const DeiFact &name = c.deiFacts.at(2);
    QCOMPARE(name.name, u"EntityRegistrantName"_s);
    QCOMPARE(name.value, u"ImmunoGen, Inc."_s);
    QCOMPARE(c.text.textAt(name.span), u"ImmunoGen, Inc."_s);
    // The page's sheet document places the fact at the same cursor positions.
    QVERIFY(!doc->partDocument(0)); // an Html part has one document per page
    QCOMPARE(doc->sheetCount(0), 1);
    QCOMPARE(doc->sheetStart(0, 0), 0);
    QTextDocument *view = doc->sheetDocument(0, name.span.page);
    QVERIFY(view);
    QTextCursor cursor(view);
    cursor.setPosition(name.span.start);
    cursor.setPosition(name.span.end, QTextCursor::KeepAnchor);
    QCOMPARE(cursor.selectedText(), u"ImmunoGen,\u00A0Inc."_s); // the view keeps the no-break space
}

void TestFilingDocument::submissionCutMidHeader()
{
    const QByteArray cut = "<SEC-DOCUMENT>0000912057-00-002128.txt : 20000203\n"
                           "<SEC-HEADER>0000912057-00-002128.hdr.sgml : 20000203\n"
                           "ACCESSION NUMBER:\t\t0000912057-00-002128\n"
                           "CONFORMED SUBMISSION TYPE:\t8-K\n"
                           "PUBLIC DOCUMENT COUNT:\t\t2\n"
                           "CONFORMED PERIOD OF REP";
    const QString path = write(u"cut.txt"_s, cut);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    const DocumentContent &c = doc->content();
    QCOMPARE(c.format, DocumentFormat::Submission);
    QCOMPARE(c.parts.size(), 1);
    QCOMPARE(c.header.value(u"accession_number"_s).value, u"0000912057-00-002128"_s);
    QCOMPARE(c.header.value(u"form_type"_s).value, u"8-K"_s);
    QVERIFY(!c.header.contains(u"period_of_report"_s));
}

void TestFilingDocument::loadOnWorkerThread()
{
    const QString pdfPath = writePdf(u"worker.pdf"_s, {u"Worker thread page"_s});
    const QString htmlPath = write(u"worker.html"_s, "<html><body><p>Worker <b>HTML</b></p>"
                                   + QByteArray("<hr style=\"page-break-after:always\"><p>Next page</p>").repeated(30)
                                   + "</body></html>");
    QThread *gui = QThread::currentThread();
    std::unique_ptr<FilingDocument> pdfDoc;
    std::unique_ptr<FilingDocument> htmlDoc;
    QScopedPointer<QThread> worker(QThread::create([&]() {
        LoadError e;
        pdfDoc = FilingDocument::load(pdfPath, LoadOptions{}, &e);
        htmlDoc = FilingDocument::load(htmlPath, LoadOptions{}, &e);
        if (pdfDoc)
            pdfDoc->moveToThread(gui);
        if (htmlDoc)
            htmlDoc->moveToThread(gui);
    }));
    worker->start();
    QVERIFY(worker->wait(60000));
    QVERIFY(pdfDoc && htmlDoc);
    QCOMPARE(pdfDoc->pdf()->thread(), gui);
    // Every sheet document made at load, on whichever pool thread, is handed over.
    QCOMPARE(htmlDoc->sheetCount(0), 31);
    for (int i = 0; i < htmlDoc->sheetCount(0); ++i) {
        QVERIFY(htmlDoc->hasSheetDocument(0, i));
        QTextDocument *view = htmlDoc->sheetDocument(0, i);
        QCOMPARE(view->thread(), gui);
        QCOMPARE(view->toPlainText(), htmlDoc->content().text.pages.at(i));
    }
    QVERIFY(!pdfDoc->pdf()->render(0, QSize(100, 130)).isNull());
    QVERIFY(pdfDoc->content().text.pages.constFirst().contains(u"Worker thread page"_s));
}

void TestFilingDocument::cancelled()
{
    const std::atomic_bool stop{true};
    LoadOptions options;
    options.cancel = &stop;
    for (const QString &path : {writePdf(u"cancel.pdf"_s, {u"a"_s, u"b"_s}),
                                write(u"cancel.htm"_s, "<html><body>x</body></html>"),
                                write(u"cancel.txt"_s, "plain text")}) {
        LoadError error;
        QVERIFY(!FilingDocument::load(path, options, &error));
        QCOMPARE(error.kind, LoadError::Kind::Cancelled);
        QVERIFY(error.message.contains(QFileInfo(path).fileName()));
    }
    const std::atomic_bool go{false};
    options.cancel = &go;
    LoadError error;
    QVERIFY(FilingDocument::load(write(u"go.txt"_s, "plain text"), options, &error));
}

void TestFilingDocument::corpusOpens_data()
{
    QTest::addColumn<QString>("file");
    const QString root = TestUtils::corpusPath(u"seed"_s);
    if (root.isEmpty()) {
        QTest::newRow("corpus absent") << QString();
        return;
    }
    for (const QString &f : corpusFiles({u"8k"_s, u"10k"_s, u"pdf"_s, u"seed"_s}))
        QTest::newRow(qPrintable(f)) << f;
}

void TestFilingDocument::corpusOpens()
{
    QFETCH(QString, file);
    if (file.isEmpty())
        QSKIP("shared corpus absent");
    const QString path = TestUtils::corpusPath(file);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    if (file == u"pdf/INTEL_2023_8K_dated-2023-02-10.pdf"_s) {
        QVERIFY(!doc);
        QCOMPARE(error.kind, LoadError::Kind::Corrupt);
        return;
    }
    QVERIFY2(doc, qPrintable(error.message));
    const DocumentContent &c = doc->content();
    QVERIFY(c.pageCount() > 0);
    QCOMPARE(c.sha256.size(), 64);
    qsizetype chars = 0;
    for (const QString &p : c.text.pages)
        chars += p.trimmed().size();
    QVERIFY(chars > 1000);
    // Parts tile the pages; every text part has a view document with the page texts.
    int next = 0;
    for (int i = 0; i < c.parts.size(); ++i) {
        const DocumentPart &p = c.parts.at(i);
        QCOMPARE(p.firstPage, next);
        next += p.pageCount;
        if (p.kind == DocumentPart::Kind::Pdf || p.kind == DocumentPart::Kind::Binary)
            continue;
        if (p.kind == DocumentPart::Kind::Html) {
            QCOMPARE(doc->sheetCount(i), p.pageCount);
            for (int k = 0; k < p.pageCount; ++k) {
                QCOMPARE(doc->sheetStart(i, k), p.pageOffsets.at(k));
                QCOMPARE(doc->sheetDocument(i, k)->toPlainText(), c.text.pages.at(p.firstPage + k));
            }
            continue;
        }
        QTextDocument *view = doc->partDocument(i);
        QVERIFY(view);
        const QString viewText = view->toPlainText();
        for (int k = 0; k < p.pageCount; ++k) {
            const QString &page = c.text.pages.at(p.firstPage + k);
            QCOMPARE(viewText.mid(p.pageOffsets.at(k), page.size()), page);
        }
    }
    QCOMPARE(next, c.pageCount());
    for (const QString &page : c.text.pages)
        QVERIFY(!page.contains(u"fl-fact-"_s));
}

void TestFilingDocument::corpusPdfs_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pages");
    QTest::addColumn<QString>("text");
    QTest::newRow("immunogen") << u"seed/immunogen-8k-2007-06-04.pdf"_s << 7 << u"ImmunoGen"_s;
    QTest::newRow("amcor") << u"pdf/AMCOR_2022_8K_dated-2022-04-26.pdf"_s << 248 << u"Amcor"_s;
    QTest::newRow("intel") << u"pdf/INTEL_2023_8K_dated-2022-11-22.pdf"_s << 103 << u"Intel"_s;
    QTest::newRow("jnj 10-k") << u"pdf/JOHNSON_JOHNSON_2022_10K.pdf"_s << 151 << u"Johnson & Johnson"_s;
    QTest::newRow("jnj 8-k") << u"pdf/JOHNSON_JOHNSON_2023_8K_dated-2023-08-23.pdf"_s << 3 << u"Kenvue"_s;
    QTest::newRow("jnj 8-k 2") << u"pdf/JOHNSON_JOHNSON_2023_8K_dated-2023-08-30.pdf"_s << 27 << u"Johnson & Johnson"_s;
    QTest::newRow("jpm") << u"pdf/JPMORGAN_2023Q2_10Q.pdf"_s << 217 << u"JPMorgan Chase"_s;
    QTest::newRow("pfizer 10-k") << u"pdf/PFIZER_2022_10K.pdf"_s << 159 << u"Pfizer"_s;
    QTest::newRow("pfizer earnings") << u"pdf/PFIZER_2023Q2_EARNINGS.pdf"_s << 33 << u"Pfizer"_s;
    QTest::newRow("pfizer 10-q") << u"pdf/Pfizer_2023Q2_10Q.pdf"_s << 72 << u"Pfizer"_s;
}

void TestFilingDocument::corpusPdfs()
{
    QFETCH(QString, file);
    QFETCH(int, pages);
    QFETCH(QString, text);
    const QString path = TestUtils::corpusPath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(u"shared corpus file absent: "_s + file));
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QCOMPARE(doc->pageCount(), pages);
    QVERIFY(doc->content().text.pages.join(u'\n').contains(text));
    for (int p = 0; p < pages; ++p)
        QVERIFY(!doc->content().text.pages.at(p).contains(u'\r'));
}

void TestFilingDocument::pdfIndicesAgreeWithSelections()
{
    // Offsets into our page text are the indices QtPdf's getSelectionAtIndex
    // takes: line breaks ("\r\n" from PDFium, " \n" here) and ligatures count alike.
    FL_REQUIRE_CORPUS(path, "pdf/PFIZER_2023Q2_EARNINGS.pdf");
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(doc);
    int checked = 0;
    for (int p = 0; p < doc->pageCount(); p += 4) {
        const QString &page = doc->content().text.pages.at(p);
        for (int s = 0; s + 16 < page.size(); s += 97) {
            const QString got = doc->pdf()->getSelectionAtIndex(p, s, 16).text().replace(u'\r', u' ');
            QCOMPARE(got, page.mid(s, 16));
            ++checked;
        }
    }
    QVERIFY(checked > 50);
}

void TestFilingDocument::truncatedCorpusPdf()
{
    FL_REQUIRE_CORPUS(path, "pdf/INTEL_2023_8K_dated-2023-02-10.pdf");
    LoadError error;
    QVERIFY(!FilingDocument::load(path, LoadOptions{}, &error));
    QCOMPARE(error.kind, LoadError::Kind::Corrupt);
    QVERIFY(error.message.contains(u"INTEL_2023_8K_dated-2023-02-10.pdf"_s));

    // A valid PDF cut in half is refused the same way.
    const QString whole = writePdf(u"whole.pdf"_s, {u"First"_s, u"Second"_s, u"Third"_s});
    QFile f(whole);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const QString half = write(u"half.pdf"_s, bytes.left(bytes.size() / 2));
    LoadError halfError;
    QVERIFY(!FilingDocument::load(half, LoadOptions{}, &halfError));
    QCOMPARE(halfError.kind, LoadError::Kind::Corrupt);
    QVERIFY(halfError.message.contains(u"half.pdf"_s));

    // Cut inside an appended update: PDFium still reads the first revision,
    // but the file is incomplete.
    const QString cutUpdate = write(u"cut-update.pdf"_s,
                                    bytes + "\n4 0 obj\n<< /Producer (update) >>\nendobj\nxref\n0 1\n");
    LoadError cutError;
    QVERIFY(!FilingDocument::load(cutUpdate, LoadOptions{}, &cutError));
    QCOMPARE(cutError.kind, LoadError::Kind::Corrupt);
    QVERIFY(cutError.message.contains(u"cut-update.pdf"_s));

    // Padding after %%EOF is not damage.
    const QString padded = write(u"padded.pdf"_s, bytes + QByteArray(8192, '\0') + "\n");
    LoadError paddedError;
    const auto doc = FilingDocument::load(padded, LoadOptions{}, &paddedError);
    QVERIFY2(doc, qPrintable(paddedError.message));
    QCOMPARE(doc->pageCount(), 3);
}

void TestFilingDocument::inlineXbrlFacts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("visible");
    QTest::newRow("buckle cik hidden") << u"8k/BuckleInc.8-K.html"_s << u"EntityCentralIndexKey"_s << u"0000885245"_s << false;
    QTest::newRow("buckle name") << u"8k/BuckleInc.8-K.html"_s << u"EntityRegistrantName"_s << u"BUCKLE, INC"_s << true;
    QTest::newRow("buckle date") << u"8k/BuckleInc.8-K.html"_s << u"DocumentPeriodEndDate"_s << u"November 22, 2024"_s << true;
    QTest::newRow("buckle file number") << u"8k/BuckleInc.8-K.html"_s << u"EntityFileNumber"_s << u"001-12951"_s << true;
    QTest::newRow("buckle symbol") << u"8k/BuckleInc.8-K.html"_s << u"TradingSymbol"_s << u"BKE"_s << true;
    QTest::newRow("oracle name hidden") << u"8k/Oracle.8-K.html"_s << u"EntityRegistrantName"_s << u"ORACLE CORP"_s << false;
    QTest::newRow("oracle street") << u"8k/Oracle.8-K.html"_s << u"EntityAddressAddressLine1"_s << u"2300 Oracle Way"_s << true;
    QTest::newRow("premier name") << u"8k/0000887919-21-000012.html"_s << u"EntityRegistrantName"_s << u"PREMIER FINANCIAL BANCORP, INC."_s << true;
    QTest::newRow("premier exchange") << u"8k/0000887919-21-000012.html"_s << u"SecurityExchangeName"_s << u"The Nasdaq Stock Market LLC"_s << true;
}

void TestFilingDocument::inlineXbrlFacts()
{
    QFETCH(QString, file);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, visible);
    const QString path = TestUtils::corpusPath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(u"shared corpus file absent: "_s + file));
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(doc);
    const DocumentContent &c = doc->content();
    QCOMPARE(c.format, DocumentFormat::Html);
    const auto it = std::find_if(c.deiFacts.cbegin(), c.deiFacts.cend(), [&](const DeiFact &f) { return f.name == name; });
    QVERIFY(it != c.deiFacts.cend());
    QCOMPARE(it->value, value);
    QCOMPARE(it->span.isValid(), visible);
    if (visible)
        QCOMPARE(c.text.textAt(it->span), value);
    // The hidden ix:header (contexts, units, hidden facts) is not in the text.
    const QString all = c.text.pages.join(u'\n');
    QVERIFY(!all.contains(u"iso4217"_s));
    QVERIFY(!all.contains(u"xbrli"_s));
}

void TestFilingDocument::inlineXbrlInSubmission()
{
    FL_REQUIRE_CORPUS(path, "8k/0001493152-25-001317.nc");
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(doc);
    const DocumentContent &c = doc->content();
    const auto find = [&](const QString &n) {
        return *std::find_if(c.deiFacts.cbegin(), c.deiFacts.cend(), [&](const DeiFact &f) { return f.name == n; });
    };
    const DeiFact registrant = find(u"EntityRegistrantName"_s);
    QCOMPARE(registrant.value, u"ACORN ENERGY, INC."_s);
    QCOMPARE(c.text.textAt(registrant.span), u"ACORN ENERGY, INC."_s);
    // Facts of the 8-K part sit on its page, after the header page.
    QCOMPARE(c.partOfPage(registrant.span.page), 1);
    QVERIFY(!find(u"EntityCentralIndexKey"_s).span.isValid());
    QCOMPARE(find(u"EntityCentralIndexKey"_s).value, u"0000880984"_s);
}

void TestFilingDocument::bigFilingsLoad()
{
    // Not a timing assertion: prints load times so regressions show in the log.
    for (const char *f : {"10k/ko-10-k-2025-02-20.html", "10k/bmy-10-k-fy2023-0000014272-24-000044.html"}) {
        const QString path = TestUtils::corpusPath(QString::fromLatin1(f));
        if (path.isEmpty())
            QSKIP("shared corpus absent");
        QElapsedTimer timer;
        timer.start();
        LoadError error;
        const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
        QVERIFY(doc);
        qInfo("%s: %d pages in %lld ms", f, doc->pageCount(), timer.elapsed());
        QVERIFY(doc->pageCount() > 50);
        QVERIFY(doc->content().deiFacts.size() > 20);
    }
}

namespace {

// Turns the document cache on in a folder of its own for one test function.
class CacheOn final
{
public:
    CacheOn()
    {
        DocumentCache::setFolder(m_dir.path());
        DocumentCache::setEnabled(true);
    }
    ~CacheOn() { DocumentCache::setEnabled(false); }
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

QList<int> htmlParts(const FilingDocument &doc)
{
    QList<int> parts;
    for (int i = 0; i < doc.content().parts.size(); ++i) {
        if (doc.content().parts.at(i).kind == DocumentPart::Kind::Html)
            parts.append(i);
    }
    return parts;
}

// Empty when every sheet document of every Html part has exactly its page's text
// and starts where its page does; otherwise the first difference.
QString sheetProblem(const FilingDocument &doc)
{
    const DocumentContent &c = doc.content();
    for (int part : htmlParts(doc)) {
        const DocumentPart &p = c.parts.at(part);
        if (doc.sheetCount(part) != p.pageCount || p.sheets.size() != p.pageCount)
            return u"part %1: %2 sheets for %3 pages"_s.arg(part).arg(doc.sheetCount(part)).arg(p.pageCount);
        int start = 0;
        for (int k = 0; k < p.pageCount; ++k) {
            const QString &page = c.text.pages.at(p.firstPage + k);
            if (doc.sheetStart(part, k) != start)
                return u"part %1 sheet %2 starts at %3, not %4"_s.arg(part).arg(k).arg(doc.sheetStart(part, k)).arg(start);
            const QString text = doc.sheetDocument(part, k)->toPlainText();
            if (text != page)
                return u"part %1 sheet %2: %3... differs from its page %4..."_s.arg(part).arg(k).arg(text.left(60), page.left(60));
            start += int(page.size()) + 1;
        }
    }
    return {};
}

QString factsProblem(const QList<DeiFact> &a, const QList<DeiFact> &b)
{
    if (a.size() != b.size())
        return u"%1 facts, then %2"_s.arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).name != b.at(i).name || a.at(i).value != b.at(i).value || a.at(i).span != b.at(i).span)
            return u"fact %1 (%2) differs"_s.arg(i).arg(a.at(i).name);
    }
    return {};
}

} // namespace

void TestFilingDocument::corpusSheets_data()
{
    QTest::addColumn<QString>("file");
    const QString root = TestUtils::corpusPath(u"8k"_s);
    if (root.isEmpty()) {
        QTest::newRow("corpus absent") << QString();
        return;
    }
    for (const QString &f : corpusFiles({u"8k"_s, u"10k"_s}))
        QTest::newRow(qPrintable(f)) << f;
}

void TestFilingDocument::corpusSheets()
{
    // Sheet documents hold exactly their page's text, whether made at load (first
    // open) or on demand (a reopen served from the cache), and the reopen gives the
    // same text layer and facts.
    QFETCH(QString, file);
    if (file.isEmpty())
        QSKIP("shared corpus absent");
    const QString path = TestUtils::corpusPath(file);
    LoadError error;
    const auto eager = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(eager, qPrintable(error.message));
    const QList<int> parts = htmlParts(*eager);
    if (parts.isEmpty())
        QSKIP("no HTML in this filing");
    for (int part : parts) {
        for (int k = 0; k < eager->sheetCount(part); ++k)
            QVERIFY(eager->hasSheetDocument(part, k)); // made at load, in parallel
    }
    qInfo("%d pages", eager->pageCount());
    QString problem = sheetProblem(*eager);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    for (const DeiFact &f : eager->content().deiFacts) {
        if (f.span.isValid())
            QCOMPARE(eager->content().text.textAt(f.span), f.value);
    }

    CacheOn cache;
    QVERIFY(cache.isValid());
    const auto first = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(first, qPrintable(error.message));
    const auto again = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(again, qPrintable(error.message));
    const bool single = again->format() == DocumentFormat::Html;
    QCOMPARE(QFileInfo::exists(DocumentCache::htmlTextPath(again->sha256())), single);
    for (int part : parts) {
        for (int k = 0; k < again->sheetCount(part); ++k)
            QCOMPARE(again->hasSheetDocument(part, k), !single); // submissions stay eager
    }
    QCOMPARE(again->content().text.pages, eager->content().text.pages);
    problem = factsProblem(eager->content().deiFacts, again->content().deiFacts);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(again->content().parts.size(), eager->content().parts.size());
    for (int part : parts) {
        QCOMPARE(again->content().parts.at(part).type, eager->content().parts.at(part).type);
        QCOMPARE(again->content().parts.at(part).pageOffsets, eager->content().parts.at(part).pageOffsets);
    }
    problem = sheetProblem(*again);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestFilingDocument::pageCounts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minPages");
    QTest::addColumn<int>("maxPages");
    QTest::newRow("abbv 10-k") << u"10k/abbv-10-k-2025-02-14.html"_s << 101 << 200;
    QTest::newRow("ko 10-k") << u"10k/ko-10-k-2025-02-20.html"_s << 101 << 200;
    QTest::newRow("bmy 10-k") << u"10k/bmy-10-k-fy2023-0000014272-24-000044.html"_s << 101 << 200;
    QTest::newRow("buckle 8-k") << u"8k/BuckleInc.8-K.html"_s << 2 << 10;
    QTest::newRow("oracle 8-k") << u"8k/Oracle.8-K.html"_s << 2 << 10;
}

void TestFilingDocument::pageCounts()
{
    QFETCH(QString, file);
    QFETCH(int, minPages);
    QFETCH(int, maxPages);
    const QString path = TestUtils::corpusPath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(u"shared corpus file absent: "_s + file));
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QVERIFY2(doc->pageCount() >= minPages && doc->pageCount() <= maxPages, qPrintable(QString::number(doc->pageCount())));
    for (const QString &page : doc->content().text.pages)
        QVERIFY(!page.trimmed().isEmpty()); // no blank pages
}

void TestFilingDocument::damagedHtmlCacheEntryIgnoredAndReplaced()
{
    FL_REQUIRE_CORPUS(path, "8k/BuckleInc.8-K.html");
    CacheOn cache;
    QVERIFY(cache.isValid());
    LoadError error;
    const auto first = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(first, qPrintable(error.message));
    const QString entry = DocumentCache::htmlTextPath(first->sha256());
    QFile f(entry);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    QVERIFY(bytes.size() > 200);
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x5a);
    QVERIFY(f.seek(0));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();

    const auto again = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(again, qPrintable(error.message));
    QVERIFY(again->hasSheetDocument(0, 0)); // built again, not read from the damaged entry
    QCOMPARE(again->content().text.pages, first->content().text.pages);
    const QString problem = factsProblem(first->content().deiFacts, again->content().deiFacts);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // ... and the entry is written anew.
    QStringList pages;
    QList<DeiFact> facts;
    QVERIFY(DocumentCache::readHtmlText(first->sha256(), &pages, &facts));
    QCOMPARE(pages, first->content().text.pages);
    const auto third = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY(third);
    QVERIFY(!third->hasSheetDocument(0, 0));
}

void TestFilingDocument::htmlCacheEntryOfOtherPageCountIgnored()
{
    FL_REQUIRE_CORPUS(path, "8k/BuckleInc.8-K.html");
    CacheOn cache;
    QVERIFY(cache.isValid());
    LoadError error;
    const auto eager = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(eager, qPrintable(error.message));
    QVERIFY(eager->pageCount() > 1);
    // A verified entry whose pages do not match the file's sheets is not used.
    DocumentCache::writeHtmlText(eager->sha256(), {u"one page only"_s}, {});
    const auto again = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(again, qPrintable(error.message));
    QCOMPARE(again->content().text.pages, eager->content().text.pages);
    QVERIFY(again->hasSheetDocument(0, 0));
    const QString problem = sheetProblem(*again);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// A load without the inline-XBRL facts (the reference for what they cost) keeps its
// text layer as the program did before it read them, in an entry of its own: a later
// load with the facts does not take the text layer without them, and the other way round.
void TestFilingDocument::htmlLoadedWithoutFactsCachedApart()
{
    const QString path = TestUtils::dataPath(u"document/ixbrl-facts.html"_s);
    CacheOn cache;
    QVERIFY(cache.isValid());
    LoadOptions without;
    without.xbrlFacts = false;
    LoadError error;
    const auto plain = FilingDocument::load(path, without, &error);
    QVERIFY2(plain, qPrintable(error.message));
    QVERIFY(plain->content().xbrlFacts.isEmpty());
    QStringList pages;
    QList<DeiFact> dei;
    QList<XbrlFact> xbrl;
    QVERIFY(DocumentCache::readHtmlText(plain->sha256(), &pages, &dei, &xbrl, false));
    QCOMPARE(pages, plain->content().text.pages);
    QVERIFY(!DocumentCache::readHtmlText(plain->sha256(), &pages, &dei, &xbrl));

    const auto full = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(full, qPrintable(error.message));
    QVERIFY(full->hasSheetDocument(0, 0)); // read, not taken from the entry without facts
    QVERIFY(full->content().xbrlFacts.size() > 10);
    const auto reopened = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    QVERIFY(!reopened->hasSheetDocument(0, 0));
    QCOMPARE(reopened->content().xbrlFacts.size(), full->content().xbrlFacts.size());
    const auto plainAgain = FilingDocument::load(path, without, &error);
    QVERIFY2(plainAgain, qPrintable(error.message));
    QVERIFY(!plainAgain->hasSheetDocument(0, 0));
    QVERIFY(plainAgain->content().xbrlFacts.isEmpty());
}

// A sheet whose facts could not be found by counting is laid out with anchors, which
// may break its lines otherwise (an inline div that starts with a fact) and even show
// other characters (text astray in a table). Its page text is read from that layout;
// reopened from the cache, the sheet shown is the same, so that every highlight and
// click still falls on the characters the entities name.
void TestFilingDocument::reopenedSheetReadsAsItsText()
{
    const QByteArray html = "<html><body><table><tr>stray "
        "<ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c\" unitRef=\"usd\">9</ix:nonFraction>"
        "<td><ix:nonNumeric name=\"dei:EntityRegistrantName\">Acme</ix:nonNumeric></td></tr></table>"
        "<div>Address: <div style=\"display:inline;\">"
        "<ix:nonNumeric name=\"dei:EntityAddressAddressLine1\">300 Crescent Court</ix:nonNumeric></div>, "
        "<div style=\"display:inline;\">"
        "<ix:nonNumeric name=\"dei:EntityAddressAddressLine2\">Suite 700</ix:nonNumeric></div></div>"
        "</body></html>";
    const QString path = write(u"anchored-sheet.html"_s, html);
    QVERIFY(!path.isEmpty());
    CacheOn cache;
    QVERIFY(cache.isValid());
    LoadError error;
    const auto first = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(first, qPrintable(error.message));
    QVERIFY(first->hasSheetDocument(0, 0));
    const QString text = first->content().text.pages.value(0);
    QCOMPARE(first->sheetDocument(0, 0)->toPlainText(), text);
    // Without anchors the sheet reads otherwise: the case this test is about.
    QVERIFY(HtmlLoader::makeDocument(HtmlCleaner::clean(QString::fromUtf8(html)).sheets.value(0))->toPlainText()
            != text);

    const auto reopened = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    QVERIFY(!reopened->hasSheetDocument(0, 0)); // from the cache
    QCOMPARE(reopened->content().text.pages, first->content().text.pages);
    QCOMPARE(reopened->sheetDocument(0, 0)->toPlainText(), text);
    const QList<XbrlFact> &facts = reopened->content().xbrlFacts;
    QCOMPARE(facts.size(), 4);
    for (const XbrlFact &fact : facts) {
        QVERIFY2(fact.span.isValid(), qPrintable(fact.concept));
        QCOMPARE(reopened->content().text.textAt(fact.span), fact.value);
    }
}

void TestFilingDocument::bundledSample_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<DocumentFormat>("format");
    QTest::newRow("pdf") << u":/sample/immunogen-8k-2007-06-04.pdf"_s << DocumentFormat::Pdf;
    QTest::newRow("text") << u":/sample/immunogen-8k-2007-06-04.txt"_s << DocumentFormat::PlainText;
}

void TestFilingDocument::bundledSample()
{
    // The sample ships inside the program, as a Qt resource.
    QFETCH(QString, path);
    QFETCH(DocumentFormat, format);
    LoadError error;
    const auto doc = FilingDocument::load(path, LoadOptions{}, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QCOMPARE(doc->format(), format);
    QVERIFY(doc->content().text.pages.join(u'\n').contains(u"ImmunoGen"_s));
    QCOMPARE(doc->content().fileName, u"immunogen-8k-2007-06-04."_s + path.section(u'.', -1));
}

QTEST_MAIN(TestFilingDocument)
#include "tst_filingdocument.moc"
