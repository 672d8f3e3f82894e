#include "document/filingdocument.h"
#include "documentview.h"
#include "pdfpageview.h"
#include "readingview.h"
#include "spanlayer.h"
#include "testutils.h"

#include <QtGui/QImage>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

#include <memory>

using namespace Qt::StringLiterals;

// What both document views draw over spans: the kinds, their order and colours (SpanLayer),
// and the outline around a whole span (a table) as the user sees it on either view.
class TestSpanLayer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void marksInPaintOrder();
    void currentTakesItsEntityColour();
    void highlightIdsSmallestFirst();
    void outlineDrawnAroundSpan_data();
    void outlineDrawnAroundSpan();
    void outlineFollowsPartsAndDocuments();

private:
    bool open(const QString &path);
    // Dark pixels on the line x = column (or y = row) between from and to, of those looked at.
    static double darkShare(const QImage &shot, QLineF line);

    std::unique_ptr<DocumentView> m_view;
    std::unique_ptr<FilingDocument> m_doc;
};

void TestSpanLayer::cleanup()
{
    if (m_view)
        m_view->setDocument(nullptr);
    m_view.reset();
    m_doc.reset();
}

bool TestSpanLayer::open(const QString &path)
{
    m_view = std::make_unique<DocumentView>();
    m_view->resize(1000, 760);
    m_view->show();
    if (!QTest::qWaitForWindowExposed(m_view.get()))
        return false;
    LoadError error;
    m_doc = FilingDocument::load(path, LoadOptions(), &error);
    if (!m_doc) {
        qWarning("%s", qPrintable(error.message));
        return false;
    }
    m_view->setDocument(m_doc.get());
    return true;
}

double TestSpanLayer::darkShare(const QImage &shot, QLineF line)
{
    int dark = 0;
    int seen = 0;
    const int steps = int(line.length());
    for (int i = 0; i <= steps; ++i) {
        const QPoint p = line.pointAt(steps > 0 ? double(i) / steps : 0).toPoint();
        if (!shot.rect().contains(p))
            continue;
        ++seen;
        dark += qGray(shot.pixel(p)) < 110;
    }
    return seen > 0 ? double(dark) / seen : 0;
}

void TestSpanLayer::marksInPaintOrder()
{
    SpanLayer layer;
    layer.setHighlights({Highlight{u"a"_s, SourceSpan{0, 0, 5}, Qt::red, {}},
                         Highlight{u"b"_s, SourceSpan{1, 0, 5}, Qt::blue, {}},
                         Highlight{u"c"_s, SourceSpan{0, 10, 20}, Qt::green, {}}});
    layer.setFindHits({SourceSpan{0, 30, 33}, SourceSpan{0, 40, 43}, SourceSpan{1, 1, 4}});
    layer.find().current = 1;
    layer.setSelection(SourceSpan{0, 50, 60});
    layer.setCurrent(SourceSpan{0, 10, 20}, u"c"_s);
    layer.setOutline(SourceSpan{0, 0, 200});

    using Kind = SpanLayer::Kind;
    const QList<SpanLayer::Mark> marks = layer.marks({0}, Qt::magenta);
    QList<Kind> kinds;
    QList<SourceSpan> spans;
    for (const SpanLayer::Mark &m : marks) {
        kinds.append(m.kind);
        spans.append(m.span);
    }
    // Page 1's highlight and hit are not asked for; each kind over the ones before it.
    QCOMPARE(kinds, (QList<Kind>{Kind::Highlight, Kind::Highlight, Kind::FindHit, Kind::CurrentFindHit,
                                 Kind::Selection, Kind::Current, Kind::Outline}));
    QCOMPARE(spans, (QList<SourceSpan>{{0, 0, 5}, {0, 10, 20}, {0, 30, 33}, {0, 40, 43}, {0, 50, 60},
                                       {0, 10, 20}, {0, 0, 200}}));
    // Highlights fill translucent in their type's colour; only the current hit is outlined.
    QCOMPARE(marks.at(0).fill, HighlightStyle::fill(Qt::red));
    QCOMPARE(marks.at(2).outlineWidth, 0.0);
    QVERIFY(marks.at(3).outlineWidth > 0);
    QCOMPARE(marks.at(4).fill, HighlightStyle::selection());
    // The outline frames the span and fills nothing.
    QVERIFY(!marks.at(6).fill.isValid());
    QCOMPARE(marks.at(6).outline, HighlightStyle::spanOutline());
    QVERIFY(marks.at(6).outlineWidth > 0);

    layer.clear();
    QCOMPARE(layer.marks({0, 1}, Qt::magenta).size(), 1); // a new source keeps the outline
    layer.clearAll();
    QVERIFY(layer.marks({0, 1}, Qt::magenta).isEmpty());
}

void TestSpanLayer::currentTakesItsEntityColour()
{
    SpanLayer layer;
    layer.setHighlights({Highlight{u"org"_s, SourceSpan{2, 4, 9}, QColor(0xff, 0x7f, 0x0e), {}}});
    layer.setCurrent(SourceSpan{2, 4, 9}, u"org"_s);
    layer.setFlash(1.0);
    SpanLayer::Mark current = layer.marks({2}, Qt::magenta).last();
    QCOMPARE(current.kind, SpanLayer::Kind::Current);
    QCOMPARE(current.outline, HighlightStyle::outline(QColor(0xff, 0x7f, 0x0e)));
    QVERIFY(current.fill.isValid()); // flashing
    // After the flash only the outline stays; a span no highlight stands at takes the fallback.
    layer.setFlash(0);
    layer.setCurrent(SourceSpan{2, 20, 30}, u"gone"_s);
    current = layer.marks({2}, Qt::magenta).last();
    QVERIFY(!current.fill.isValid());
    QCOMPARE(current.outline, HighlightStyle::outline(Qt::magenta));
}

void TestSpanLayer::highlightIdsSmallestFirst()
{
    SpanLayer layer;
    layer.setHighlights({Highlight{u"wide"_s, SourceSpan{0, 0, 40}, Qt::red, u"Address"_s},
                         Highlight{u"narrow"_s, SourceSpan{0, 5, 10}, Qt::blue, u"City"_s},
                         Highlight{u"narrow"_s, SourceSpan{0, 5, 10}, Qt::blue, u"City"_s},
                         Highlight{u"elsewhere"_s, SourceSpan{0, 50, 60}, Qt::blue, u"Far"_s},
                         Highlight{u"other page"_s, SourceSpan{1, 5, 10}, Qt::blue, u"Other"_s}});
    const auto at7 = [](const SourceSpan &s) { return s.start <= 7 && 7 < s.end; };
    const QStringList ids = layer.highlightIdsAt({0}, at7);
    QCOMPARE(ids, (QStringList{u"narrow"_s, u"wide"_s}));
    QCOMPARE(layer.tooltip(ids), u"City\nAddress"_s);
    QVERIFY(layer.highlightIdsAt({2}, at7).isEmpty());
}

void TestSpanLayer::outlineDrawnAroundSpan_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("needle");
    QTest::newRow("pdf") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.pdf"_s) << u"ImmunoGen"_s;
    QTest::newRow("text") << TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s) << u"ImmunoGen"_s;
    const QString html = TestUtils::corpusPath(u"8k/BuckleInc.8-K.html"_s);
    if (!html.isEmpty())
        QTest::newRow("html") << html << u"Buckle"_s;
}

void TestSpanLayer::outlineDrawnAroundSpan()
{
    QFETCH(QString, path);
    QFETCH(QString, needle);
    QVERIFY(open(path));
    // A few lines of the first page, as a table's span would be.
    const QString page = m_doc->content().text.pages.value(0);
    const int start = int(page.indexOf(needle, 0, Qt::CaseInsensitive));
    QVERIFY(start >= 0);
    int end = start;
    for (int lines = 0; lines < 3 && end >= 0; ++lines)
        end = int(page.indexOf(u'\n', end + 1));
    QVERIFY(end > start);
    const SourceSpan span{0, start, end};
    m_view->showSpan(span); // brings it into view; the outline itself never scrolls
    m_view->showSpan(SourceSpan{0, 0, 0});
    QTest::qWait(1000); // the flash of the current span is over

    QWidget *viewport = m_view->viewportWidget();
    const auto textBox = [this, &span] {
        QRectF box;
        const QList<QRectF> rects = m_view->pdfView()->isVisible()
            ? m_view->pdfView()->spanRectsInViewport(span)
            : m_view->readingView()->spanRectsInViewport(span);
        for (const QRectF &r : rects)
            box = box.united(r);
        return box;
    };
    if (m_view->pdfView()->isVisible())
        QTRY_VERIFY(m_view->pdfView()->isPageRendered(0));
    const QRectF box = textBox();
    QVERIFY(!box.isEmpty());
    QVERIFY(QRectF(viewport->rect()).contains(box));
    // Just outside the text's box on its left and right: blank paper before, a line after.
    const QRectF frame = box.adjusted(-5, -5, 5, 5);
    const QLineF left(frame.left(), frame.top() + 6, frame.left(), frame.bottom() - 6);
    const QLineF right(frame.right(), frame.top() + 6, frame.right(), frame.bottom() - 6);
    const QLineF top(frame.left() + 6, frame.top(), frame.right() - 6, frame.top());
    const auto darkOnFrame = [&](const QImage &shot) {
        double least = 1;
        for (const QLineF &line : {left, right, top}) {
            double best = 0; // the pen is two pixels wide: look a pixel either side too
            for (const QPointF d : {QPointF(-1, 0), QPointF(0, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1)})
                best = std::max(best, darkShare(shot, line.translated(d)));
            least = std::min(least, best);
        }
        return least;
    };
    const double before = darkOnFrame(viewport->grab().toImage());
    QVERIFY2(before < 0.5, qPrintable(u"the frame's place is already dark (%1)"_s.arg(before)));

    m_view->setOutlineSpan(span);
    QCOMPARE(m_view->outlineSpan(), span);
    QCOMPARE(textBox(), box); // nothing scrolled
    const double outlined = darkOnFrame(viewport->grab().toImage());
    QVERIFY2(outlined > 0.9, qPrintable(u"the outline covers %1 of its frame"_s.arg(outlined)));

    m_view->clearOutline();
    QVERIFY(!m_view->outlineSpan().isValid());
    QCOMPARE(darkOnFrame(viewport->grab().toImage()), before);
}

void TestSpanLayer::outlineFollowsPartsAndDocuments()
{
    FL_REQUIRE_CORPUS(submission, "8k/0000943374-24-000509.txt");
    QVERIFY(open(submission));
    QVERIFY(m_view->partCount() > 1);
    const int part = m_view->currentPart();
    const DocumentPart &p = m_doc->content().parts.at(part);
    const SourceSpan span{p.firstPage, 0, int(m_doc->content().text.pages.at(p.firstPage).size())};
    m_view->setOutlineSpan(span);
    QCOMPARE(m_view->readingView()->outlineSpan(), span);
    // Another part does not show it; coming back does.
    m_view->setCurrentPart(part == 0 ? 1 : 0);
    QVERIFY(!m_view->readingView()->outlineSpan().isValid());
    m_view->setCurrentPart(part);
    QCOMPARE(m_view->readingView()->outlineSpan(), span);
    // Another document forgets it.
    m_view->setDocument(m_doc.get());
    QVERIFY(!m_view->outlineSpan().isValid());
    QVERIFY(!m_view->readingView()->outlineSpan().isValid());
}

QTEST_MAIN(TestSpanLayer)
#include "tst_spanlayer.moc"
