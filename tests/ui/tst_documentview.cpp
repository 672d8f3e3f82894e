#include "documentview.h"
#include "document/filingdocument.h"
#include "findbar.h"
#include "pdfpageview.h"
#include "readingview.h"
#include "testutils.h"

#include <QtGui/QImage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QStackedWidget>

#include <memory>

using namespace Qt::StringLiterals;

// The view the main window uses, on real filings loaded by FilingDocument.
class TestDocumentView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pdfFirstPageRendered();
    void highlightFollowsSpanGeometry_data();
    void highlightFollowsSpanGeometry();
    void zoomKeys_data();
    void zoomKeys();
    void findBarCountsHits_data();
    void findBarCountsHits();
    void submissionListsEveryPart();
    void showSpanSwitchesPart();
    void selectionReportsSpan();
    void clearingDocument();

private:
    bool open(const QString &path);
    SourceSpan firstSpanOf(const QString &needle, int fromPage = 0) const;

    std::unique_ptr<DocumentView> m_view;
    std::unique_ptr<FilingDocument> m_doc;
};

void TestDocumentView::init()
{
    m_view = std::make_unique<DocumentView>();
    m_view->resize(1000, 760);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QApplication::setActiveWindow(m_view.get());
}

void TestDocumentView::cleanup()
{
    m_view->setDocument(nullptr);
    m_view.reset();
    m_doc.reset();
}

bool TestDocumentView::open(const QString &path)
{
    LoadError error;
    m_doc = FilingDocument::load(path, LoadOptions(), &error);
    if (!m_doc) {
        qWarning("%s", qPrintable(error.message));
        return false;
    }
    m_view->setDocument(m_doc.get());
    return true;
}

SourceSpan TestDocumentView::firstSpanOf(const QString &needle, int fromPage) const
{
    const QStringList &pages = m_doc->content().text.pages;
    for (int p = fromPage; p < pages.size(); ++p) {
        const int at = int(pages.at(p).indexOf(needle));
        if (at >= 0)
            return SourceSpan{p, at, at + int(needle.size())};
    }
    return SourceSpan();
}

void TestDocumentView::pdfFirstPageRendered()
{
    QVERIFY(open(TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s)));
    QCOMPARE(m_view->viewportWidget(), m_view->pdfView()->viewport());
    QVERIFY(m_view->partSelector()->isHidden());
    QTRY_VERIFY(m_view->pdfView()->isPageRendered(0));
    const QImage shot = m_view->viewportWidget()->grab().toImage();
    const QRect page = m_view->pdfView()->pageRectInViewport(0).toAlignedRect().intersected(shot.rect());
    int dark = 0;
    for (int y = page.top(); y <= page.bottom(); y += 2)
        for (int x = page.left(); x <= page.right(); x += 2)
            dark += qGray(shot.pixel(x, y)) < 100;
    QVERIFY2(dark > 500, qPrintable(u"only %1 dark pixels on page 1"_s.arg(dark)));
}

void TestDocumentView::highlightFollowsSpanGeometry_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("needle");
    QTest::newRow("pdf") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s) << u"ImmunoGen, Inc."_s;
    QTest::newRow("text") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s) << u"ImmunoGen, Inc."_s;
    const QString buckle = TestUtils::corpusPath(u"8k/BuckleInc.8-K.html"_s);
    if (!buckle.isEmpty())
        QTest::newRow("html") << buckle << u"Buckle, Inc."_s;
}

void TestDocumentView::highlightFollowsSpanGeometry()
{
    QFETCH(QString, path);
    QFETCH(QString, needle);
    QVERIFY(open(path));
    // The last mention, so showSpan has to scroll for it.
    SourceSpan span = firstSpanOf(needle);
    QVERIFY(span.isValid());
    for (SourceSpan next = span; next.isValid();) {
        span = next;
        const int at = int(m_doc->content().text.pages.at(span.page).indexOf(needle, span.end));
        next = at >= 0 ? SourceSpan{span.page, at, at + int(needle.size())} : firstSpanOf(needle, span.page + 1);
    }
    const QString id = u"registrant@%1:%2-%3"_s.arg(span.page + 1).arg(span.start).arg(span.end);
    m_view->setHighlights({Highlight{id, span, QColor(0x1f, 0x77, 0xb4), u"Registrant"_s},
                           Highlight{u"other"_s, firstSpanOf(u"8-K"_s), Qt::red, u"Form"_s}});
    m_view->showSpan(span, id);

    const QList<QRectF> rects = m_view->highlightRectsInViewport(id);
    QVERIFY(!rects.isEmpty());
    const QRectF viewport = m_view->viewportWidget()->rect();
    for (const QRectF &r : rects)
        QVERIFY2(viewport.contains(r), "the span is not scrolled into view");

    if (m_doc->format() == DocumentFormat::Pdf) {
        const QList<QRectF> points = m_doc->spanRects(span);
        QCOMPARE(rects.size(), points.size());
        const QRectF page = m_view->pdfView()->pageRectInViewport(span.page);
        const qreal scale = m_view->pdfView()->pixelsPerPoint();
        for (int i = 0; i < rects.size(); ++i) {
            const QRectF e(page.x() + points.at(i).x() * scale, page.y() + points.at(i).y() * scale,
                           points.at(i).width() * scale, points.at(i).height() * scale);
            QVERIFY(qAbs(rects.at(i).left() - e.left()) < 0.01 && qAbs(rects.at(i).top() - e.top()) < 0.01
                    && qAbs(rects.at(i).right() - e.right()) < 0.01
                    && qAbs(rects.at(i).bottom() - e.bottom()) < 0.01);
        }
    } else {
        // The reading view shows the part's sheets: the span's text is at those positions of
        // the sheet that holds it.
        const int partIndex = m_view->currentPart();
        const DocumentPart &part = m_doc->content().parts.at(partIndex);
        const int pos = part.pageOffsets.at(span.page - part.firstPage) + span.start;
        int sheet = m_doc->sheetCount(partIndex) - 1;
        while (sheet > 0 && m_doc->sheetStart(partIndex, sheet) > pos)
            --sheet;
        QTextDocument *doc = m_doc->sheetDocument(partIndex, sheet);
        QVERIFY(doc);
        QCOMPARE(doc->toPlainText().mid(pos - m_doc->sheetStart(partIndex, sheet), span.length()), needle);
    }

    QSignalSpy clicked(m_view.get(), &DocumentView::highlightClicked);
    QTest::mouseClick(m_view->viewportWidget(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toStringList(), QStringList{id});
}

void TestDocumentView::zoomKeys_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("pdf") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s);
    QTest::newRow("text") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s);
}

void TestDocumentView::zoomKeys()
{
    QFETCH(QString, path);
    QVERIFY(open(path));
    QWidget *view = m_view->viewportWidget()->parentWidget();
    view->setFocus();
    QSignalSpy zoomed(m_view.get(), &DocumentView::zoomChanged);
    const qreal before = m_view->zoom();
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(zoomed.size(), 1);
    QVERIFY(m_view->zoom() > before);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(zoomed.size(), 3);
    QVERIFY(m_view->zoom() < before);
}

void TestDocumentView::findBarCountsHits_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("pdf") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s);
    QTest::newRow("text") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s);
}

void TestDocumentView::findBarCountsHits()
{
    QFETCH(QString, path);
    QVERIFY(open(path));
    int expected = 0;
    for (const QString &page : m_doc->content().text.pages)
        expected += int(page.count(u"immunogen"_s, Qt::CaseInsensitive));
    QVERIFY(expected > 1);

    QWidget *view = m_view->viewportWidget()->parentWidget();
    view->setFocus();
    QVERIFY(m_view->findBar()->isHidden());
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(m_view->findBar()->isVisible());
    auto edit = m_view->findBar()->findChild<QLineEdit *>(u"findText"_s);
    QVERIFY(edit->hasFocus());
    QTest::keyClicks(edit, u"ImmunoGen"_s);
    QCOMPARE(m_view->findHitCount(), expected);
    auto count = m_view->findBar()->findChild<QLabel *>(u"findCount"_s);
    QVERIFY2(count->text().endsWith(QString::number(expected)), qPrintable(count->text()));
    const QString first = count->text();
    QTest::keyClick(edit, Qt::Key_F3);
    QVERIFY(count->text() != first);
    QTest::keyClick(edit, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(count->text(), first);
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(m_view->findBar()->isHidden());
    QCOMPARE(m_view->findHitCount(), 0);

    QCOMPARE(m_view->find(u"not in this filing at all"_s), 0);
}

void TestDocumentView::submissionListsEveryPart()
{
    FL_REQUIRE_CORPUS(path, "8k/0000943374-24-000509.txt");
    QVERIFY(open(path));
    QCOMPARE(m_doc->format(), DocumentFormat::Submission);
    QComboBox *parts = m_view->partSelector();
    QVERIFY(parts->isVisible());
    QCOMPARE(parts->count(), int(m_doc->content().parts.size()));
    for (int i = 0; i < parts->count(); ++i) {
        const DocumentPart &p = m_doc->content().parts.at(i);
        QVERIFY2(parts->itemText(i).contains(p.type), qPrintable(parts->itemText(i)));
        if (!p.fileName.isEmpty())
            QVERIFY(parts->itemText(i).contains(p.fileName));
    }
    // Opens on the main document, not the header.
    QCOMPARE(m_doc->content().parts.at(m_view->currentPart()).type, u"8-K"_s);
    QCOMPARE(m_view->viewportWidget(), m_view->readingView()->viewport());

    int binary = -1;
    for (int i = 0; i < m_doc->content().parts.size(); ++i) {
        if (!m_doc->content().parts.at(i).hasText()) {
            binary = i;
            break;
        }
    }
    QVERIFY(binary >= 0);
    QSignalSpy partChanged(m_view.get(), &DocumentView::currentPartChanged);
    m_view->setCurrentPart(binary);
    QCOMPARE(partChanged.size(), 1);
    auto notText = m_view->findChild<QLabel *>(u"notText"_s);
    QVERIFY(notText->isVisible());
    QCOMPARE(notText->text(), u"not text: %1"_s.arg(m_doc->content().parts.at(binary).type));
}

void TestDocumentView::showSpanSwitchesPart()
{
    FL_REQUIRE_CORPUS(path, "8k/0000943374-24-000509.txt");
    QVERIFY(open(path));
    const int mainPart = m_view->currentPart();
    // The header part's company name.
    int header = -1;
    for (int i = 0; i < m_doc->content().parts.size(); ++i) {
        if (m_doc->content().parts.at(i).kind == DocumentPart::Kind::Header)
            header = i;
    }
    QVERIFY(header >= 0 && header != mainPart);
    const DocumentPart &h = m_doc->content().parts.at(header);
    const QString headerText = m_doc->content().text.pages.at(h.firstPage);
    const int at = int(headerText.indexOf(u"CONFORMED PERIOD OF REPORT"_s));
    QVERIFY(at >= 0);
    const SourceSpan span{h.firstPage, at, at + 26};
    m_view->setHighlights({Highlight{u"period"_s, span, Qt::darkCyan, {}}});
    QSignalSpy pageChanged(m_view.get(), &DocumentView::currentPageChanged);
    m_view->showSpan(span, u"period"_s);
    QCOMPARE(m_view->currentPart(), header);
    QCOMPARE(m_view->partSelector()->currentIndex(), header);
    QVERIFY(!m_view->highlightRectsInViewport(u"period"_s).isEmpty());
    QCOMPARE(m_view->currentPage(), h.firstPage);
}

void TestDocumentView::selectionReportsSpan()
{
    QVERIFY(open(TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s)));
    const SourceSpan span = firstSpanOf(u"Massachusetts"_s);
    QVERIFY(span.isValid());
    m_view->showSpan(span);
    QRectF r;
    for (const QRectF &part : m_view->pdfView()->spanRectsInViewport(span))
        r = r.united(part);
    QVERIFY(!r.isEmpty());
    QSignalSpy selected(m_view.get(), &DocumentView::selectionChanged);
    QWidget *vp = m_view->viewportWidget();
    const QPoint from(qRound(r.left() + 2), qRound(r.center().y()));
    const QPoint to(qRound(r.right() - 2), qRound(r.center().y()));
    QTest::mousePress(vp, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), vp->mapToGlobal(QPointF(to)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(vp, &move);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_view->selectedText(), u"Massachusetts"_s);
    QCOMPARE(m_view->selectedSpan(), span);
}

void TestDocumentView::clearingDocument()
{
    QVERIFY(open(TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s)));
    m_view->setHighlights({Highlight{u"x"_s, firstSpanOf(u"8-K"_s), Qt::red, {}}});
    m_view->setDocument(nullptr);
    m_doc.reset();
    QCOMPARE(m_view->document(), nullptr);
    QCOMPARE(m_view->partCount(), 0);
    QVERIFY(m_view->highlightRectsInViewport(u"x"_s).isEmpty());
    QCOMPARE(m_view->currentPage(), -1);
    QVERIFY(!m_view->grab().isNull());
}

QTEST_MAIN(TestDocumentView)
#include "tst_documentview.moc"
