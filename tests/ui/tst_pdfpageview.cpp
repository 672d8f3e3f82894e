#include "pdfpageview.h"
#include "testutils.h"

#include <QtCore/QSemaphore>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QImage>
#include <QtPdf/QPdfDocument>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

// The page view driven through a source taken straight from QtPdf, so it is tested on its own.
class TestPdfPageView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rendersFirstPage();
    void highlightMatchesSpanGeometry();
    void clickingHighlightEmitsIds();
    void overlappingHighlightsSmallestFirst();
    void zoomKeysChangeZoom();
    void ctrlWheelKeepsPointUnderCursor();
    void fitWidthFillsViewport();
    void findCountsEveryHit();
    void dragSelectsText();
    void doubleClickSelectsWord_data();
    void doubleClickSelectsWord();
    void pageKeysNavigate();
    void clearWhileRendering();
    void refreshDoesNotWaitForRender();

private:
    SourceSpan spanOf(const QString &needle, int page = 0) const;
    QRectF expectedRect(const QRectF &points, int page) const;

    std::unique_ptr<QPdfDocument> m_pdf;
    PdfPageSource m_source;
    std::unique_ptr<PdfPageView> m_view;
};

void TestPdfPageView::init()
{
    m_pdf = std::make_unique<QPdfDocument>();
    QCOMPARE(m_pdf->load(TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s)), QPdfDocument::Error::None);
    m_source = PdfPageSource::fromPdf(m_pdf.get());
    QCOMPARE(m_source.pageCount(), m_pdf->pageCount());
    m_view = std::make_unique<PdfPageView>();
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setSource(m_source);
}

void TestPdfPageView::cleanup()
{
    m_view.reset(); // waits for a render in flight before the document goes
    m_pdf.reset();
}

SourceSpan TestPdfPageView::spanOf(const QString &needle, int page) const
{
    const int at = int(m_source.pageTexts.value(page).indexOf(needle));
    return at < 0 ? SourceSpan() : SourceSpan{page, at, at + int(needle.size())};
}

QRectF TestPdfPageView::expectedRect(const QRectF &r, int page) const
{
    const QRectF pr = m_view->pageRectInViewport(page);
    const qreal s = m_view->pixelsPerPoint();
    return QRectF(pr.x() + r.x() * s, pr.y() + r.y() * s, r.width() * s, r.height() * s);
}

void TestPdfPageView::rendersFirstPage()
{
    QTRY_VERIFY(m_view->isPageRendered(0));
    const QImage shot = m_view->viewport()->grab().toImage();
    const QRect page = m_view->pageRectInViewport(0).toAlignedRect().intersected(shot.rect());
    QVERIFY(!page.isEmpty());
    int dark = 0;
    int white = 0;
    for (int y = page.top(); y <= page.bottom(); y += 2) {
        for (int x = page.left(); x <= page.right(); x += 2) {
            const int g = qGray(shot.pixel(x, y));
            if (g < 100)
                ++dark;
            else if (g > 245)
                ++white;
        }
    }
    // Text on paper: mostly white, with a real amount of ink.
    QVERIFY2(dark > 500, qPrintable(u"only %1 dark pixels"_s.arg(dark)));
    QVERIFY(white > dark);
}

void TestPdfPageView::highlightMatchesSpanGeometry()
{
    const SourceSpan span = spanOf(u"ImmunoGen, Inc."_s);
    QVERIFY(span.isValid());
    m_view->setHighlights({Highlight{u"registrant@1:0-15"_s, span, QColor(0x1f, 0x77, 0xb4), u"Registrant"_s}});
    m_view->setZoom(1.7);
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
    m_view->showSpan(span, u"registrant@1:0-15"_s);

    const QList<QRectF> points = m_source.spanRects(span);
    QVERIFY(!points.isEmpty());
    const QList<QRectF> rects = m_view->highlightRectsInViewport(u"registrant@1:0-15"_s);
    QCOMPARE(rects.size(), points.size());
    for (int i = 0; i < rects.size(); ++i) {
        const QRectF e = expectedRect(points.at(i), 0);
        QVERIFY2(qAbs(rects.at(i).x() - e.x()) < 0.01 && qAbs(rects.at(i).y() - e.y()) < 0.01
                     && qAbs(rects.at(i).width() - e.width()) < 0.01
                     && qAbs(rects.at(i).height() - e.height()) < 0.01,
                 "highlight is not the span's geometry scaled by the zoom");
        QVERIFY(QRectF(m_view->viewport()->rect()).contains(rects.at(i)));
    }
    QCOMPARE(m_view->currentPage(), 0);
}

void TestPdfPageView::clickingHighlightEmitsIds()
{
    const SourceSpan span = spanOf(u"(617) 995-2500"_s);
    QVERIFY(span.isValid());
    m_view->setHighlights({Highlight{u"registrant_phone@1:1-2"_s, span, Qt::darkGreen, u"Phone"_s}});
    m_view->showSpan(span, u"registrant_phone@1:1-2"_s);
    const QList<QRectF> rects = m_view->highlightRectsInViewport(u"registrant_phone@1:1-2"_s);
    QVERIFY(!rects.isEmpty());

    QSignalSpy clicked(m_view.get(), &PdfPageView::highlightClicked);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toStringList(), QStringList{u"registrant_phone@1:1-2"_s});

    // A click on bare paper names nothing.
    const QPointF paper = m_view->pageRectInViewport(0).topLeft() + QPointF(5, 5);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, paper.toPoint());
    QCOMPARE(clicked.size(), 1);
}

void TestPdfPageView::overlappingHighlightsSmallestFirst()
{
    const QString line = u"128 Sidney Street, Cambridge, MA 02139"_s;
    const SourceSpan address = spanOf(line);
    QVERIFY(address.isValid());
    const SourceSpan city{0, address.start + int(line.indexOf(u"Cambridge"_s)),
                          address.start + int(line.indexOf(u"Cambridge"_s)) + 9};
    m_view->setHighlights({Highlight{u"address"_s, address, Qt::magenta, {}},
                           Highlight{u"city"_s, city, Qt::blue, {}}});
    m_view->showSpan(city, u"city"_s);
    const QList<QRectF> rects = m_view->highlightRectsInViewport(u"city"_s);
    QVERIFY(!rects.isEmpty());
    const QPoint centre = rects.first().center().toPoint();
    // The shown span's geometry comes first; the others on the page follow while idle.
    QCOMPARE(m_view->highlightIdsAt(centre), QStringList{u"city"_s});
    QTRY_COMPARE(m_view->highlightIdsAt(centre), (QStringList{u"city"_s, u"address"_s}));
    QSignalSpy clicked(m_view.get(), &PdfPageView::highlightClicked);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toStringList(), (QStringList{u"city"_s, u"address"_s}));
}

void TestPdfPageView::zoomKeysChangeZoom()
{
    m_view->setFocus();
    QSignalSpy zoomed(m_view.get(), &PdfPageView::zoomChanged);
    const qreal before = m_view->zoom();
    QTest::keyClick(m_view.get(), Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(m_view->zoom() > before);
    QCOMPARE(m_view->zoomMode(), PdfPageView::ZoomMode::Custom);
    const qreal larger = m_view->zoom();
    QTest::keyClick(m_view.get(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(m_view.get(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(m_view->zoom() < larger);
    QVERIFY(m_view->zoom() < before);
    QCOMPARE(zoomed.size(), 3);
    QCOMPARE(zoomed.last().first().toReal(), m_view->zoom());
    // The page image follows the zoom.
    QTRY_VERIFY(m_view->isPageRendered(0));
}

void TestPdfPageView::ctrlWheelKeepsPointUnderCursor()
{
    m_view->setZoom(1.0);
    m_view->goToPage(1);
    const QPointF cursor(300, 250);
    const QRectF before = m_view->pageRectInViewport(1);
    const QPointF pagePoint = (cursor - before.topLeft()) / m_view->pixelsPerPoint();

    QWheelEvent wheel(cursor, m_view->viewport()->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QVERIFY(m_view->zoom() > 1.0);

    const QPointF after = m_view->pageRectInViewport(1).topLeft() + pagePoint * m_view->pixelsPerPoint();
    QVERIFY2((after - cursor).manhattanLength() <= 2.0, "the point under the cursor moved");
}

void TestPdfPageView::fitWidthFillsViewport()
{
    m_view->setZoom(0.5);
    m_view->setZoomMode(PdfPageView::ZoomMode::FitWidth);
    const QRectF page = m_view->pageRectInViewport(0);
    QVERIFY(qAbs(page.width() - (m_view->viewport()->width() - 24)) < 1.0);
    m_view->resize(700, 700);
    QTRY_VERIFY(qAbs(m_view->pageRectInViewport(0).width() - (m_view->viewport()->width() - 24)) < 1.0);
    m_view->setZoomMode(PdfPageView::ZoomMode::FitPage);
    QVERIFY(m_view->pageRectInViewport(0).height() <= m_view->viewport()->height());
}

void TestPdfPageView::findCountsEveryHit()
{
    int expected = 0;
    for (const QString &page : std::as_const(m_source.pageTexts))
        expected += int(page.count(u"immunogen"_s, Qt::CaseInsensitive));
    QVERIFY(expected > 1);

    QSignalSpy results(m_view.get(), &PdfPageView::findResultsChanged);
    QCOMPARE(m_view->find(u"immunogen"_s), expected);
    QCOMPARE(results.last().at(0).toInt(), expected);
    QCOMPARE(m_view->currentFindHit(), 0);
    for (const SourceSpan &hit : m_view->findHits())
        QCOMPARE(m_source.pageTexts.at(hit.page).mid(hit.start, hit.length()).toLower(), u"immunogen"_s);

    m_view->findNext();
    QCOMPARE(m_view->currentFindHit(), 1);
    m_view->findPrevious();
    m_view->findPrevious();
    QCOMPARE(m_view->currentFindHit(), expected - 1);
    // The last hit is scrolled into view.
    const SourceSpan last = m_view->findHits().last();
    for (const QRectF &r : m_view->spanRectsInViewport(last))
        QVERIFY(QRectF(m_view->viewport()->rect()).intersects(r));

    QCOMPARE(m_view->find(u"no such words in this filing"_s), 0);
    QCOMPARE(m_view->currentFindHit(), -1);
}

void TestPdfPageView::dragSelectsText()
{
    const SourceSpan span = spanOf(u"Massachusetts"_s);
    QVERIFY(span.isValid());
    m_view->showSpan(span);
    const QList<QRectF> rects = m_view->spanRectsInViewport(span);
    QVERIFY(!rects.isEmpty());
    QRectF r; // QtPdf may return a rectangle per text run: take the word's bounds
    for (const QRectF &part : rects)
        r = r.united(part);
    const QPoint from(qRound(r.left() + 2), qRound(r.center().y()));
    const QPoint to(qRound(r.right() - 2), qRound(r.center().y()));

    QSignalSpy selected(m_view.get(), &PdfPageView::selectionChanged);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), m_view->viewport()->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);

    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_view->selectedText(), u"Massachusetts"_s);
    QCOMPARE(m_view->selectedSpan(), span);
    QCOMPARE(selected.first().first().value<SourceSpan>(), span);
    QCOMPARE(m_view->selectedText(), u"Massachusetts"_s);

    m_view->setFocus();
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Massachusetts"_s);
}

void TestPdfPageView::doubleClickSelectsWord_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("word");
    QTest::newRow("state") << u"Massachusetts (State"_s << u"Massachusetts"_s;
    QTest::newRow("name before comma") << u"ImmunoGen, Inc."_s << u"ImmunoGen"_s;
    QTest::newRow("file number") << u"0-17999 (Commission"_s << u"0-17999"_s;
}

void TestPdfPageView::doubleClickSelectsWord()
{
    QFETCH(QString, context);
    QFETCH(QString, word);
    const SourceSpan around = spanOf(context);
    QVERIFY(around.isValid());
    const SourceSpan span{0, around.start, around.start + int(word.size())};
    m_view->showSpan(span);
    QRectF r;
    for (const QRectF &part : m_view->spanRectsInViewport(span))
        r = r.united(part);
    QSignalSpy selected(m_view.get(), &PdfPageView::selectionChanged);
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, r.center().toPoint());
    QCOMPARE(m_view->selectedText(), word);
    QCOMPARE(m_view->selectedSpan(), span);
    QCOMPARE(selected.last().first().value<SourceSpan>(), span);
}

void TestPdfPageView::pageKeysNavigate()
{
    m_view->setZoomMode(PdfPageView::ZoomMode::FitPage);
    m_view->setFocus();
    QSignalSpy pages(m_view.get(), &PdfPageView::currentPageChanged);
    QCOMPARE(m_view->currentPage(), 0);
    QTest::keyClick(m_view.get(), Qt::Key_PageDown);
    QCOMPARE(m_view->currentPage(), 1);
    QCOMPARE(pages.last().first().toInt(), 1);
    QTest::keyClick(m_view.get(), Qt::Key_End);
    QCOMPARE(m_view->currentPage(), m_view->pageCount() - 1);
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QCOMPARE(m_view->currentPage(), m_view->pageCount() - 2);
    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QCOMPARE(m_view->currentPage(), 0);
    m_view->goToPage(3);
    QCOMPARE(m_view->currentPage(), 3);
    QTRY_VERIFY(m_view->isPageRendered(3));

    // Zoomed in, PgDn goes through a page a screen at a time before it moves on.
    m_view->setZoom(3.0);
    m_view->goToPage(0);
    const qreal pageHeight = m_view->pageRectInViewport(0).height();
    QVERIFY(pageHeight > 2 * m_view->viewport()->height());
    QTest::keyClick(m_view.get(), Qt::Key_PageDown);
    QCOMPARE(m_view->currentPage(), 0);
    const qreal moved = 12.0 - m_view->pageRectInViewport(0).top();
    QVERIFY(moved > m_view->viewport()->height() * 0.8 && moved < m_view->viewport()->height());
    int presses = 1;
    while (m_view->currentPage() == 0 && presses < 20) {
        QTest::keyClick(m_view.get(), Qt::Key_PageDown);
        ++presses;
    }
    QCOMPARE(m_view->currentPage(), 1);
    QVERIFY(presses >= int(pageHeight / m_view->viewport()->height()));
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QCOMPARE(m_view->currentPage(), 0);
}

void TestPdfPageView::clearWhileRendering()
{
    m_view->setZoom(3.0); // larger pages take longer to render
    m_view->clear();
    m_pdf.reset(); // must be safe once clear() returned
    QCOMPARE(m_view->pageCount(), 0);
    QTest::qWait(50);
    const QImage shot = m_view->viewport()->grab().toImage();
    QVERIFY(!shot.isNull());
}

// A filing replacing its preview: the page of the preview still rendering must not hold the
// window until it is done. Its render waits for the test's go-ahead, given only after
// refreshSource() returned; had refreshSource() waited, the render would run out of patience
// first and say so.
void TestPdfPageView::refreshDoesNotWaitForRender()
{
    m_view->clear();
    auto started = std::make_shared<QSemaphore>();
    auto go = std::make_shared<QSemaphore>();
    auto waitedOut = std::make_shared<QAtomicInt>(0);
    PdfPageSource preview = m_source;
    preview.render = [render = m_source.render, started, go, waitedOut](int page, QSize size) {
        started->release();
        if (!go->tryAcquire(1, 10000))
            waitedOut->storeRelaxed(1);
        return render(page, size);
    };
    m_view->setSource(preview);
    QVERIFY(started->tryAcquire(1, 10000));

    QSignalSpy rendered(m_view.get(), &PdfPageView::pageRendered);
    PdfPageSource filing = m_source;
    auto renderedAgain = std::make_shared<QAtomicInt>(0);
    filing.render = [render = m_source.render, renderedAgain](int page, QSize size) {
        if (page == 0)
            renderedAgain->storeRelaxed(1);
        return render(page, size);
    };
    m_view->refreshSource(filing);
    go->release(100);
    QVERIFY(rendered.wait(10000));
    QCOMPARE(waitedOut->loadRelaxed(), 0);
    // The page that was rendering is the same page: it is kept, not rendered again.
    QCOMPARE(rendered.first().first().toInt(), 0);
    QCOMPARE(renderedAgain->loadRelaxed(), 0);
    const QImage shot = m_view->viewport()->grab().toImage();
    QVERIFY(!shot.isNull());
}

QTEST_MAIN(TestPdfPageView)
#include "tst_pdfpageview.moc"
