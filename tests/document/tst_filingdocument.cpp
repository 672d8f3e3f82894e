#include "filingdocument.h"
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
    const QImage image = doc->renderPage(0, QSize(306, 396));
    QCOMPARE(image.size(), QSize(306, 396));
    QVERIFY(doc->renderPage(7, QSize(10, 10)).isNull());

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
    QVERIFY(!c.parts.constFirst().html.contains(u"alert"_s));
    QVERIFY(!c.text.pages.constFirst().contains(u"0000855654"_s));
    QCOMPARE(c.deiFacts.size(), 3);
    QCOMPARE(c.deiFacts.at(0).value, u"0000855654"_s);
    QVERIFY(!c.deiFacts.at(0).span.isValid());
    const DeiFact &name = c.deiFacts.at(2);
    QCOMPARE(name.name, u"EntityRegistrantName"_s);
    QCOMPARE(name.value, u"ImmunoGen, Inc."_s);
    QCOMPARE(c.text.textAt(name.span), u"ImmunoGen, Inc."_s);
    // The view document places the fact at the same cursor positions.
    QTextDocument *view = doc->partDocument(0);
    QVERIFY(view);
    QTextCursor cursor(view);
    cursor.setPosition(c.parts.constFirst().pageOffsets.at(name.span.page) + name.span.start);
    cursor.setPosition(c.parts.constFirst().pageOffsets.at(name.span.page) + name.span.end, QTextCursor::KeepAnchor);
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
    const QString htmlPath = write(u"worker.html"_s, "<html><body><p>Worker <b>HTML</b></p></body></html>");
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
    QTextDocument *view = htmlDoc->partDocument(0);
    QVERIFY(view);
    QCOMPARE(view->thread(), gui);
    QCOMPARE(view->toPlainText(), htmlDoc->content().text.pages.constFirst());
    QVERIFY(!pdfDoc->renderPage(0, QSize(100, 130)).isNull());
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
    QDir corpus(root);
    corpus.cdUp();
    QStringList files;
    for (const QString &sub : {u"8k"_s, u"10k"_s, u"pdf"_s, u"seed"_s}) {
        const QDir d(corpus.filePath(sub));
        for (const QString &f : d.entryList(QDir::Files, QDir::Name))
            files.append(sub + u'/' + f);
    }
    for (const QString &f : std::as_const(files))
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
