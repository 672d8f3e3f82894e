#include "document/filingdocument.h"
#include "documentview.h"
#include "readingview.h"
#include "testutils.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QFile>
#include <QtCore/QElapsedTimer>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtGui/QAbstractTextDocumentLayout>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolTip>

#include <memory>

using namespace Qt::StringLiterals;

// The reading view on QTextDocuments built the way a filing's text parts are: plain text of
// the sample's .txt and the HTML of a real 8-K, with page offsets as cursor positions.
class TestReadingView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsText();
    void highlightGeometry_data();
    void highlightGeometry();
    void clickingHighlightEmitsIds();
    void zoomScalesWithoutReflow();
    void findCountsEveryHit_data();
    void findCountsEveryHit();
    void dragSelectsSpan();
    void pagesMapToPositions();
    void ignoresSpansOfOtherParts();
    void layoutPreparedOnAnotherThread();
    void largeHtmlLaysOutInSlices();

private:
    void open(const QString &path, bool html);
    SourceSpan spanOf(const QString &needle, int from = 0) const;

    std::unique_ptr<QTextDocument> m_doc;
    std::unique_ptr<ReadingView> m_view;
    QString m_text;
};

static QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readAll());
}

void TestReadingView::init()
{
    m_view = std::make_unique<ReadingView>();
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestReadingView::cleanup()
{
    m_view.reset();
    m_doc.reset();
}

void TestReadingView::open(const QString &path, bool html)
{
    const QString content = readFile(path);
    QVERIFY2(!content.isEmpty(), qPrintable(path));
    m_doc = std::make_unique<QTextDocument>();
    if (html)
        m_doc->setHtml(content);
    else
        m_doc->setPlainText(content);
    m_text = m_doc->toPlainText();
    m_view->setDocument(m_doc.get(), 0, {0});
}

SourceSpan TestReadingView::spanOf(const QString &needle, int from) const
{
    const int at = int(m_text.indexOf(needle, from));
    return at < 0 ? SourceSpan() : SourceSpan{0, at, at + int(needle.size())};
}

void TestReadingView::showsText()
{
    open(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), false);
    QVERIFY(m_view->layoutComplete()); // a short part is laid out before setDocument() returns
    QCOMPARE(m_view->currentPage(), 0);
    const QImage shot = m_view->viewport()->grab().toImage();
    int dark = 0;
    for (int y = 0; y < shot.height(); y += 2)
        for (int x = 0; x < shot.width(); x += 2)
            dark += qGray(shot.pixel(x, y)) < 100;
    QVERIFY2(dark > 300, qPrintable(u"only %1 dark pixels"_s.arg(dark)));
}

void TestReadingView::highlightGeometry_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("html");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("occurrence");
    QTest::newRow("text registrant") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s) << false
                                     << u"ImmunoGen, Inc."_s << 0;
    QTest::newRow("text late phone") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s) << false
                                     << u"(617) 995-2500"_s << 0;
    const QString buckle = TestUtils::corpusPath(u"8k/BuckleInc.8-K.html"_s);
    if (!buckle.isEmpty()) {
        QTest::newRow("html registrant") << buckle << true << u"Buckle, Inc."_s << 0;
        QTest::newRow("html second mention") << buckle << true << u"Buckle, Inc."_s << 1;
    }
}

void TestReadingView::highlightGeometry()
{
    QFETCH(QString, path);
    QFETCH(bool, html);
    QFETCH(QString, needle);
    QFETCH(int, occurrence);
    open(path, html);
    SourceSpan span = spanOf(needle);
    for (int i = 0; i < occurrence && span.isValid(); ++i)
        span = spanOf(needle, span.end);
    QVERIFY(span.isValid());

    m_view->setHighlights({Highlight{u"e1"_s, span, QColor(0x2c, 0xa0, 0x2c), u"tip"_s}});
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
    m_view->setZoom(1.5);
    m_view->showSpan(span, u"e1"_s);
    const QList<QRectF> rects = m_view->highlightRectsInViewport(u"e1"_s);
    QVERIFY(!rects.isEmpty());
    const QRectF view = m_view->viewport()->rect();
    qreal width = 0;
    for (const QRectF &r : rects) {
        QVERIFY(view.contains(r));
        width += r.width();
    }
    QSignalSpy clicked(m_view.get(), &ReadingView::highlightClicked);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toStringList(), QStringList{u"e1"_s});
    // Zoom scales the painting: twice the zoom, twice the width.
    m_view->setZoom(3.0);
    qreal wider = 0;
    for (const QRectF &r : m_view->highlightRectsInViewport(u"e1"_s))
        wider += r.width();
    QVERIFY2(qAbs(wider - 2 * width) < 1.0, qPrintable(u"%1 vs %2"_s.arg(wider).arg(width)));
}

void TestReadingView::clickingHighlightEmitsIds()
{
    open(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), false);
    const QString line = u"128 Sidney Street, Cambridge, MA 02139"_s;
    const SourceSpan address = spanOf(line);
    QVERIFY(address.isValid());
    const int c = int(line.indexOf(u"Cambridge"_s));
    const SourceSpan city{0, address.start + c, address.start + c + 9};
    m_view->setHighlights({Highlight{u"address"_s, address, Qt::magenta, u"Address"_s},
                           Highlight{u"city"_s, city, Qt::blue, u"City"_s}});
    m_view->showSpan(city, u"city"_s);
    const QList<QRectF> rects = m_view->highlightRectsInViewport(u"city"_s);
    QCOMPARE(rects.size(), 1);

    QSignalSpy clicked(m_view.get(), &ReadingView::highlightClicked);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toStringList(), (QStringList{u"city"_s, u"address"_s}));

    // Resting on it shows both tooltips, the smaller span's first.
    QHelpEvent help(QEvent::ToolTip, rects.first().center().toPoint(),
                    m_view->viewport()->mapToGlobal(rects.first().center().toPoint()));
    QApplication::sendEvent(m_view->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), u"City\nAddress"_s);
    QToolTip::hideText();

    const QRectF street = m_view->highlightRectsInViewport(u"address"_s).first();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, (street.topLeft() + QPointF(4, 4)).toPoint());
    QCOMPARE(clicked.size(), 2);
    QCOMPARE(clicked.last().first().toStringList(), QStringList{u"address"_s});

    // Far below the text: nothing.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(clicked.size(), 2);
}

void TestReadingView::zoomScalesWithoutReflow()
{
    const QString buckle = TestUtils::corpusPath(u"8k/BuckleInc.8-K.html"_s);
    open(buckle.isEmpty() ? TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s) : buckle, !buckle.isEmpty());
    const QSizeF docSize = m_doc->documentLayout()->documentSize();
    const int range = m_view->verticalScrollBar()->maximum();
    m_view->setFocus();
    QSignalSpy zoomed(m_view.get(), &ReadingView::zoomChanged);
    QTest::keyClick(m_view.get(), Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(m_view->zoom() > 1.0);
    QCOMPARE(m_doc->documentLayout()->documentSize(), docSize);
    QVERIFY(m_view->verticalScrollBar()->maximum() > range);
    QTest::keyClick(m_view.get(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(m_view.get(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(m_view->zoom() < 1.0);
    QCOMPARE(zoomed.size(), 3);
    QTest::keyClick(m_view.get(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(m_view->zoom(), 1.0);

    QWheelEvent wheel(QPointF(200, 200), m_view->viewport()->mapToGlobal(QPointF(200, 200)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QVERIFY(m_view->zoom() > 1.0);
}

void TestReadingView::findCountsEveryHit_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("html");
    QTest::addColumn<QString>("needle");
    QTest::newRow("text") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s) << false << u"immunogen"_s;
    const QString buckle = TestUtils::corpusPath(u"8k/BuckleInc.8-K.html"_s);
    if (!buckle.isEmpty())
        QTest::newRow("html") << buckle << true << u"buckle"_s;
}

void TestReadingView::findCountsEveryHit()
{
    QFETCH(QString, path);
    QFETCH(bool, html);
    QFETCH(QString, needle);
    open(path, html);
    const int expected = int(m_text.count(needle, Qt::CaseInsensitive));
    QVERIFY(expected > 1);
    QSignalSpy results(m_view.get(), &ReadingView::findResultsChanged);
    QCOMPARE(m_view->find(needle), expected);
    QCOMPARE(results.last().at(0).toInt(), expected);
    const QList<SourceSpan> hits = m_view->findHits();
    QCOMPARE(hits.size(), expected);
    for (const SourceSpan &hit : hits)
        QCOMPARE(m_text.mid(hit.start, hit.length()).toLower(), needle);
    m_view->findPrevious();
    QCOMPARE(m_view->currentFindHit(), expected - 1);
    for (const QRectF &r : m_view->spanRectsInViewport(hits.last()))
        QVERIFY(QRectF(m_view->viewport()->rect()).intersects(r));
    m_view->findNext();
    QCOMPARE(m_view->currentFindHit(), 0);
    m_view->clearFind();
    QCOMPARE(m_view->findHitCount(), 0);
}

void TestReadingView::dragSelectsSpan()
{
    open(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), false);
    const SourceSpan span = spanOf(u"Massachusetts"_s);
    m_view->showSpan(span);
    const QList<QRectF> rects = m_view->spanRectsInViewport(span);
    QCOMPARE(rects.size(), 1);
    const QPoint from(qRound(rects.first().left() + 1), qRound(rects.first().center().y()));
    const QPoint to(qRound(rects.first().right() - 1), qRound(rects.first().center().y()));

    QSignalSpy selected(m_view.get(), &ReadingView::selectionChanged);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), m_view->viewport()->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_view->selectedText(), u"Massachusetts"_s);
    QCOMPARE(m_view->selectedSpan(), span);
    QCOMPARE(selected.first().first().value<SourceSpan>(), span);

    m_view->setFocus();
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Massachusetts"_s);
}

void TestReadingView::pagesMapToPositions()
{
    // Two pages in one part starting at text-layer page 3: offsets restart on each page.
    const QString page3 = u"FORM 8-K\nImmunoGen, Inc.\n"_s + QString(u"filler line\n"_s).repeated(80);
    const QString page4 = u"EXHIBIT 99.1\nImmunoGen reports data.\n"_s + QString(u"more filler\n"_s).repeated(80);
    m_doc = std::make_unique<QTextDocument>();
    m_doc->setPlainText(page3 + page4);
    m_view->setDocument(m_doc.get(), 3, {0, int(page3.size())});
    QCOMPARE(m_view->pageCount(), 2);
    QVERIFY(m_view->containsPage(4));
    QVERIFY(!m_view->containsPage(2));
    QCOMPARE(m_view->currentPage(), 3);

    const SourceSpan onFour{4, 13, 22}; // "ImmunoGen" on the second page
    QCOMPARE(m_doc->toPlainText().mid(m_view->positionOf(4, 13), 9), u"ImmunoGen"_s);
    QCOMPARE(m_view->spanOf(m_view->positionOf(4, 13), m_view->positionOf(4, 22)), onFour);

    QSignalSpy pages(m_view.get(), &ReadingView::currentPageChanged);
    m_view->goToPage(4);
    QCOMPARE(m_view->currentPage(), 4);
    QCOMPARE(pages.last().first().toInt(), 4);
    m_view->find(u"immunogen"_s);
    const QList<SourceSpan> hits = m_view->findHits();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.at(0), (SourceSpan{3, 9, 18}));
    QCOMPARE(hits.at(1), onFour);

    // A span high on its page, shown centred under the end of the page before: the page
    // box names the span's page; scrolling on names the page at the top again.
    m_view->goToPage(3);
    QCOMPARE(m_view->currentPage(), 3);
    m_view->showSpan(onFour);
    QVERIFY(m_view->verticalScrollBar()->value() > 0);
    QCOMPARE(m_view->currentPage(), 4);
    m_view->verticalScrollBar()->setValue(0);
    QCOMPARE(m_view->currentPage(), 3);
}

void TestReadingView::ignoresSpansOfOtherParts()
{
    open(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), false);
    const SourceSpan here = spanOf(u"Massachusetts"_s);
    m_view->setHighlights({Highlight{u"here"_s, here, Qt::red, {}},
                           Highlight{u"elsewhere"_s, SourceSpan{1, here.start, here.end}, Qt::red, {}}});
    QCOMPARE(m_view->highlights().size(), 1);
    QVERIFY(m_view->highlightRectsInViewport(u"elsewhere"_s).isEmpty());
    const int before = m_view->verticalScrollBar()->value();
    m_view->showSpan(SourceSpan{1, 0, 5});
    QCOMPARE(m_view->verticalScrollBar()->value(), before);
}

void TestReadingView::layoutPreparedOnAnotherThread()
{
    const QString buckle = TestUtils::corpusPath(u"8k/BuckleInc.8-K.html"_s);
    const QString path = buckle.isEmpty() ? TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s) : buckle;
    const QString content = readFile(path);
    QThread *gui = QThread::currentThread();
    // As the loader does it: build and lay out on a worker, hand the result to the GUI thread.
    QFuture<QTextDocument *> future = QtConcurrent::run([content, gui, html = !buckle.isEmpty()] {
        auto doc = new QTextDocument;
        if (html)
            doc->setHtml(content);
        else
            doc->setPlainText(content);
        ReadingView::prepareLayout(doc);
        doc->moveToThread(gui);
        return doc;
    });
    future.waitForFinished();
    m_doc.reset(future.result());
    QCOMPARE(m_doc->thread(), gui);
    QCOMPARE(m_doc->textWidth(), ReadingView::pageWidth);
    const QSizeF laidOut = m_doc->documentLayout()->documentSize();
    m_text = m_doc->toPlainText();
    m_view->setDocument(m_doc.get(), 0, {0});
    QCOMPARE(m_doc->documentLayout()->documentSize(), laidOut);

    const SourceSpan span = spanOf(buckle.isEmpty() ? u"Massachusetts"_s : u"Buckle, Inc."_s);
    QVERIFY(span.isValid());
    m_view->setHighlights({Highlight{u"e"_s, span, Qt::blue, {}}});
    m_view->showSpan(span, u"e"_s);
    const QList<QRectF> rects = m_view->highlightRectsInViewport(u"e"_s);
    QVERIFY(!rects.isEmpty());
    QSignalSpy clicked(m_view.get(), &ReadingView::highlightClicked);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QCOMPARE(clicked.size(), 1);
}

// A 10-K part of about 440k characters in 116 pages, each page its own document ("sheet"):
// setSource() returns with the first screen laid out and readable, the later sheets are made
// and laid out while the event loop runs, and a span near the end is scrolled to, highlighted
// and clickable once the layout reaches it.
void TestReadingView::largeHtmlLaysOutInSlices()
{
    FL_REQUIRE_CORPUS(path, "10k/abbv-10-k-2025-02-14.html");
    LoadError error;
    const std::unique_ptr<FilingDocument> filing = FilingDocument::load(path, {}, &error);
    QVERIFY2(filing, qPrintable(error.message));
    const QList<DocumentPart> &parts = filing->content().parts;
    const auto largest = std::max_element(parts.cbegin(), parts.cend(), [](const auto &a, const auto &b) {
        return a.pageOffsets.size() < b.pageOffsets.size();
    });
    QVERIFY(largest != parts.cend() && largest->pageOffsets.size() > 50);
    const int part = int(largest - parts.cbegin());
    QCOMPARE(filing->sheetCount(part), largest->pageCount);
    const ReadingSource source = DocumentView::readingSource(filing.get(), part);
    QCOMPARE(source.text, filing->content().text.pages.mid(largest->firstPage, largest->pageCount).join(u'\n'));
    m_text = source.text;
    QVERIFY(m_text.size() > 400000);
    const QList<int> offsets = largest->pageOffsets;
    // For the record, not asserted: how long setSource() and then each event-loop turn took.
    QElapsedTimer clock;
    clock.start();
    m_view->setSource(source);
    const qint64 setDocumentMs = clock.restart();
    QVERIFY(!m_view->layoutComplete());
    QVERIFY(m_view->sheetDocument(0));
    QVERIFY(!m_view->sheetDocument(m_view->sheetCount() - 1)); // not reached yet
    QCOMPARE(m_view->currentPage(), largest->firstPage);

    qint64 last = 0;
    qint64 longest = 0;
    QTimer watchdog;
    watchdog.setInterval(5);
    connect(&watchdog, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    watchdog.start();

    const QImage shot = m_view->viewport()->grab().toImage();
    int dark = 0;
    for (int y = 0; y < shot.height(); y += 2)
        for (int x = 0; x < shot.width(); x += 2)
            dark += qGray(shot.pixel(x, y)) < 100;
    QVERIFY2(dark > 300, qPrintable(u"only %1 dark pixels on the first screen"_s.arg(dark)));

    const QString needle = u"AbbVie Inc."_s;
    const int at = int(m_text.lastIndexOf(needle));
    QVERIFY(at > m_text.size() * 9 / 10);
    const int page = int(std::upper_bound(offsets.cbegin(), offsets.cend(), at) - offsets.cbegin()) - 1;
    const SourceSpan late{largest->firstPage + page, at - offsets.at(page), at - offsets.at(page) + int(needle.size())};
    QCOMPARE(m_view->positionOf(late.page, late.start), at);
    m_view->setHighlights({Highlight{u"late"_s, late, Qt::red, {}}});
    m_view->showSpan(late, u"late"_s);
    QVERIFY(!m_view->layoutComplete());
    QVERIFY(m_view->verticalScrollBar()->value() > m_view->verticalScrollBar()->maximum() / 2);

    QTRY_VERIFY_WITH_TIMEOUT(m_view->layoutComplete(), 120000);
    watchdog.stop();
    qInfo("setSource %lld ms, then longest event-loop gap %lld ms, layout done after %lld ms more", setDocumentMs,
          longest, clock.elapsed());

    for (int i = 0; i < m_view->sheetCount(); ++i) {
        QVERIFY2(m_view->sheetDocument(i), qPrintable(u"sheet %1 was never made"_s.arg(i)));
        QCOMPARE(m_view->sheetDocument(i)->toPlainText(), filing->content().text.pages.at(largest->firstPage + i));
    }

    const QList<QRectF> rects = m_view->highlightRectsInViewport(u"late"_s);
    QVERIFY(!rects.isEmpty());
    const QRectF viewport(m_view->viewport()->rect());
    for (const QRectF &r : rects)
        QVERIFY2(viewport.contains(r), qPrintable(u"highlight outside the view at y %1"_s.arg(r.top())));
    QSignalSpy clicked(m_view.get(), &ReadingView::highlightClicked);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toStringList(), QStringList{u"late"_s});

    // Drag-select across the highlight: the selected text is the document's.
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, rects.first().topLeft().toPoint() + QPoint(1, 3));
    QTest::mouseMove(m_view->viewport(), rects.last().bottomRight().toPoint() - QPoint(1, 3));
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, rects.last().bottomRight().toPoint() - QPoint(1, 3));
    QVERIFY(m_view->selectedText().contains(u"AbbVie"_s));

    QCOMPARE(m_view->find(needle), int(m_text.count(needle, Qt::CaseInsensitive)));
    m_view->setZoom(2.0);
    const QList<QRectF> zoomed = m_view->spanRectsInViewport(late);
    QVERIFY(!zoomed.isEmpty());
    QCOMPARE(qRound(zoomed.first().height()), qRound(rects.first().height() * 2));

    // Pages are sheets one below the other: going to one shows it at the top.
    for (const int page : {largest->firstPage + largest->pageCount / 2, largest->firstPage + 1}) {
        m_view->goToPage(page);
        QCOMPARE(m_view->currentPage(), page);
    }
    m_view->clear();
}

QTEST_MAIN(TestReadingView)
#include "tst_readingview.moc"
