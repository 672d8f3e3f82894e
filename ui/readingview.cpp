#include "readingview.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtCore/QVariantAnimation>
#include <QtGui/QAbstractTextDocumentLayout>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtGui/QTextBlock>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtGui/QTextDocumentFragment>
#include <QtGui/QTextLayout>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal kMargin = 12; // around the paper, logical pixels
constexpr qreal kPad = 24;    // inside the paper, document units
constexpr qreal kMinZoom = 0.25;
constexpr qreal kMaxZoom = 5.0;
constexpr qreal kZoomStep = 1.2;
// Highlights a little before and after the visible positions are painted too: table cells
// and floats make positions only roughly follow the vertical order.
constexpr int kVisibleSlack = 4000;
// Layout work per event-loop turn. Qt lays a document out in chunks of at least 2000 units of
// height, so one slice may run a chunk past its budget.
constexpr qint64 kSliceMs = 15;
constexpr qint64 kFirstSliceMs = 30;
// Parts this short (an 8-K, an exhibit) are laid out completely inside setDocument(), however
// busy the machine: a few tens of milliseconds.
constexpr int kSynchronousLength = 50000;

quint64 rangeKey(int from, int to)
{
    return (quint64(quint32(from)) << 32) | quint32(to);
}
} // namespace

ReadingView::ReadingView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);

    m_flashAnimation = new QVariantAnimation(this);
    m_flashAnimation->setStartValue(1.0);
    m_flashAnimation->setEndValue(0.0);
    m_flashAnimation->setDuration(900);
    connect(m_flashAnimation, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        m_flash = v.toReal();
        viewport()->update();
    });

    m_layoutTimer = new QTimer(this);
    m_layoutTimer->setInterval(0);
    connect(m_layoutTimer, &QTimer::timeout, this, [this] { layoutSlice(kSliceMs); });
    // A reader who scrolls away meanwhile is not pulled back when the layout gets there.
    connect(verticalScrollBar(), &QScrollBar::sliderPressed, this, [this] { m_pendingScroll = Range{-1, -1}; });
}

ReadingView::~ReadingView() = default;

void ReadingView::setDocument(QTextDocument *document, int firstPage, const QList<int> &pageOffsets)
{
    ReadingSource source;
    if (document) {
        source.firstPage = firstPage;
        source.pageOffsets = pageOffsets;
        source.text = document->toPlainText();
        source.sheetStarts = {0};
        QPointer<QTextDocument> doc(document);
        source.document = [doc](int) { return doc.data(); };
    }
    setSource(source);
}

void ReadingView::setSource(const ReadingSource &source)
{
    for (const QMetaObject::Connection &c : std::as_const(m_layoutConnections))
        disconnect(c);
    m_layoutConnections.clear();
    m_layoutTimer->stop();
    m_layoutFrontier = QTextBlock();
    m_pendingScroll = Range{-1, -1};
    m_source = source.sheetStarts.isEmpty() ? ReadingSource() : source;
    m_sheets.clear();
    const int n = int(m_source.sheetStarts.size());
    for (int i = 0; i < n; ++i) {
        Sheet sheet;
        sheet.start = m_source.sheetStarts.at(i);
        const int end = i + 1 < n ? m_source.sheetStarts.at(i + 1) - 1 : int(m_source.text.size());
        sheet.length = std::max(0, end - sheet.start);
        m_sheets.append(sheet);
    }
    m_frontierSheet = 0;
    m_firstPage = m_source.firstPage;
    m_pageOffsets = m_source.pageOffsets;
    m_plainText = m_source.text;
    if (!m_sheets.isEmpty() && m_pageOffsets.isEmpty())
        m_pageOffsets.append(0);
    m_documentSize = QSizeF();
    m_highlights.clear();
    m_highlightOrder.clear();
    m_rects.clear();
    m_find.clear();
    m_anchor = m_position = -1;
    m_focusedId.clear();
    m_focusedSpan = SourceSpan();
    m_currentPage = -1;
    m_shownPage = -1;
    if (!m_sheets.isEmpty())
        startLayout();
    updateScrollBars();
    horizontalScrollBar()->setValue(0);
    verticalScrollBar()->setValue(0);
    updateCurrentPage();
    viewport()->update();
}

void ReadingView::prepareLayout(QTextDocument *document)
{
    if (!document)
        return;
    if (!qFuzzyCompare(document->textWidth(), pageWidth))
        document->setTextWidth(pageWidth);
    document->documentLayout()->documentSize(); // finishes the layout
}

void ReadingView::startLayout()
{
    m_laidOutBottom = 0;
    m_laidOutPosition = 0;
    m_frontierSheet = 0;
    openFrontierSheet();
    layOutFor(m_plainText.size() <= kSynchronousLength ? std::numeric_limits<qint64>::max() : kFirstSliceMs);
    if (!layoutComplete())
        m_layoutTimer->start();
}

// One step of opening the frontier sheet, so that parsing a sheet and laying out its first
// chunk (a few tens of milliseconds each on a long page) fall in different time slices: first
// its document is made (or found made already), then its layout starts at the page width, which
// lays out the first chunk. A sheet without a document is finished at once, empty.
void ReadingView::openFrontierSheet()
{
    Sheet &sheet = m_sheets[m_frontierSheet];
    if (!sheet.requested) {
        sheet.requested = true;
        if (!sheet.document && m_source.document) {
            sheet.document = m_source.document(m_frontierSheet);
            if (sheet.document)
                return;
        }
    }
    QTextDocument *doc = sheet.document;
    if (!doc) {
        finishFrontierSheet();
        return;
    }
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    // Qt's own lazy layout continues from a timer in chunks that double up to 200000
    // characters (a second or more); the slices below replace it.
    layout->installEventFilter(this);
    // A fixed width: zoom scales the painting and never reflows the document.
    if (!qFuzzyCompare(doc->textWidth(), pageWidth))
        doc->setTextWidth(pageWidth); // lays out the first chunk only
    m_layoutFrontier = doc->begin();
    const QTextBlock first = m_layoutFrontier;
    if (!first.isValid() || !first.layout() || first.layout()->lineCount() > 0)
        advanceLayoutFrontier(); // laid out before, or the first chunk already
}

bool ReadingView::layoutStarted(int sheet) const
{
    return sheet >= 0 && sheet < m_sheets.size()
        && (sheet < m_frontierSheet || (sheet == m_frontierSheet && m_layoutFrontier.isValid()));
}

void ReadingView::advanceLayoutFrontier()
{
    Sheet &sheet = m_sheets[m_frontierSheet];
    QTextBlock b = m_layoutFrontier;
    while (b.isValid() && (!b.isVisible() || (b.layout() && b.layout()->lineCount() > 0)))
        b = b.next();
    if (b == m_layoutFrontier && b.isValid())
        b = b.next(); // always progress, whatever the block's layout says
    m_layoutFrontier = b;
    if (!b.isValid()) {
        finishFrontierSheet();
        return;
    }
    m_laidOutPosition = sheet.start + b.position();
    const QTextBlock last = b.previous();
    if (last.isValid())
        sheet.height = std::max(sheet.height, sheet.document->documentLayout()->blockBoundingRect(last).bottom());
    m_laidOutBottom = sheet.top + sheet.height;
    // Until complete, the height laid out so far scaled by the share of text it holds.
    const qreal share = qreal(std::max(1, m_laidOutPosition)) / std::max(1, int(m_plainText.size()));
    m_documentSize = QSizeF(pageWidth, std::max(m_laidOutBottom, m_laidOutBottom / share));
}

void ReadingView::finishFrontierSheet()
{
    Sheet &sheet = m_sheets[m_frontierSheet];
    if (QTextDocument *doc = sheet.document) {
        sheet.height = doc->documentLayout()->documentSize().height(); // finished: cheap now
        // Should the layout change later (fonts, resources), the sheets and marks follow it.
        m_layoutConnections.append(connect(doc->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
                                           this, &ReadingView::sheetResized));
    } else {
        sheet.height = 0;
    }
    m_layoutFrontier = QTextBlock();
    const qreal next = sheet.top + sheet.height + kSheetGap;
    ++m_frontierSheet;
    if (layoutComplete()) {
        m_layoutTimer->stop();
        m_laidOutPosition = int(m_plainText.size()) + 1;
        m_laidOutBottom = std::numeric_limits<qreal>::max();
        m_documentSize = QSizeF(pageWidth, sheet.top + sheet.height);
        return;
    }
    Sheet &following = m_sheets[m_frontierSheet];
    following.top = next;
    following.height = 0;
    m_laidOutPosition = following.start;
    m_laidOutBottom = next;
    const qreal share = qreal(std::max(1, m_laidOutPosition)) / std::max(1, int(m_plainText.size()));
    m_documentSize = QSizeF(pageWidth, std::max(m_laidOutBottom, m_laidOutBottom / share));
}

void ReadingView::sheetResized()
{
    // Heights of the finished sheets again, and the tops below them.
    qreal top = 0;
    for (int i = 0; i < m_frontierSheet; ++i) {
        Sheet &sheet = m_sheets[i];
        sheet.top = top;
        if (sheet.document)
            sheet.height = sheet.document->documentLayout()->documentSize().height();
        top += sheet.height + kSheetGap;
    }
    if (layoutComplete()) {
        m_documentSize = QSizeF(pageWidth, m_sheets.isEmpty() ? 0 : top - kSheetGap);
    } else {
        Sheet &frontier = m_sheets[m_frontierSheet];
        frontier.top = top;
        m_laidOutBottom = top + frontier.height;
    }
    m_rects.clear();
    updateScrollBars();
    viewport()->update();
}

void ReadingView::layoutSlice(qint64 budgetMs)
{
    if (m_sheets.isEmpty() || layoutComplete()) {
        m_layoutTimer->stop();
        return;
    }
    // Repainted only while the layout is still short of the bottom of the view: painting the
    // screen after every slice would cost as much as the slices themselves.
    const bool wasShort = m_laidOutBottom < toDocument(QPointF(0, viewport()->height())).y();
    layOutFor(budgetMs);
    updateScrollBars();
    if (m_pendingScroll.from >= 0 && isLaidOut(m_pendingScroll)) {
        const Range r = m_pendingScroll;
        m_pendingScroll = Range{-1, -1};
        if (m_pendingScrollToTop)
            scrollToTop(r.from);
        else
            scrollToRange(r);
    }
    updateCurrentPage();
    if (wasShort)
        viewport()->update();
}

void ReadingView::layOutFor(qint64 budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    bool worked = false;
    while (!layoutComplete() && clock.elapsed() < budgetMs) {
        if (!m_layoutFrontier.isValid()) { // a sheet not opened yet
            // Opening a sheet (making its document, then laying out its first chunk, which
            // takes a whole table at once) cannot be cut short: unless it looks like it fits
            // in what is left of this slice, it waits for a slice of its own.
            const int length = std::max(1, m_sheets.at(m_frontierSheet).length);
            if (worked && clock.elapsed() + m_msPerChar * length > budgetMs)
                break;
            QElapsedTimer step;
            step.start();
            openFrontierSheet();
            m_msPerChar = 0.7 * m_msPerChar + 0.3 * (double(step.nsecsElapsed()) / 1e6 / length);
            worked = true;
            continue;
        }
        if (m_layoutFrontier.layout() && m_layoutFrontier.layout()->lineCount() == 0) {
            // lays out one chunk from the frontier
            m_sheets.at(m_frontierSheet).document->documentLayout()->blockBoundingRect(m_layoutFrontier);
        }
        advanceLayoutFrontier();
        worked = true;
    }
}

bool ReadingView::isLaidOut(Range r) const
{
    return r.to <= m_laidOutPosition;
}

QSizeF ReadingView::documentSize() const
{
    return m_sheets.isEmpty() ? QSizeF() : m_documentSize;
}

void ReadingView::scrollWhenLaidOut(Range r, bool toTop)
{
    m_pendingScroll = r;
    m_pendingScrollToTop = toTop;
    // Meanwhile, to where the estimate puts it.
    const qreal share = qreal(r.from) / std::max(1, int(m_plainText.size()));
    const QRectF v = toViewport(QRectF(0, documentSize().height() * share, 1, 1));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(v.top() - viewport()->height() / 2.0));
}

bool ReadingView::eventFilter(QObject *watched, QEvent *event)
{
    // Swallows the lazy-layout timer of the layouts this view lays out itself, and lets the
    // zero-interval size-changed timer through.
    if (event->type() == QEvent::Timer && qobject_cast<QAbstractTextDocumentLayout *>(watched)) {
        const int id = static_cast<QTimerEvent *>(event)->timerId();
        if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(watched->thread())) {
            const QList<QAbstractEventDispatcher::TimerInfo> timers = dispatcher->registeredTimers(watched);
            for (const QAbstractEventDispatcher::TimerInfo &t : timers) {
                if (t.timerId == id && t.interval > 0)
                    return true;
            }
        }
    }
    return QAbstractScrollArea::eventFilter(watched, event);
}

QTextDocument *ReadingView::sheetDocument(int sheet) const
{
    return sheet >= 0 && sheet < m_sheets.size() ? m_sheets.at(sheet).document.data() : nullptr;
}

int ReadingView::sheetAt(int position) const
{
    if (m_sheets.isEmpty())
        return -1;
    auto it = std::upper_bound(m_sheets.cbegin(), m_sheets.cend(), position,
                               [](int pos, const Sheet &s) { return pos < s.start; });
    return std::max(0, int(it - m_sheets.cbegin()) - 1);
}

int ReadingView::sheetAtY(qreal y) const
{
    // Sheets up to the frontier have their place; the frontier one once its layout began.
    int last = std::min(m_frontierSheet, int(m_sheets.size()) - 1);
    if (last >= 0 && !layoutStarted(last))
        --last;
    if (last < 0)
        return -1;
    auto end = m_sheets.cbegin() + last + 1;
    auto it = std::upper_bound(m_sheets.cbegin(), end, y, [](qreal v, const Sheet &s) { return v < s.top; });
    return std::max(0, int(it - m_sheets.cbegin()) - 1);
}

void ReadingView::clear()
{
    setSource(ReadingSource());
}

bool ReadingView::containsPage(int page) const
{
    return !m_sheets.isEmpty() && page >= m_firstPage && page < m_firstPage + pageCount();
}

int ReadingView::positionOf(int page, int offset) const
{
    if (!containsPage(page))
        return -1;
    return m_pageOffsets.at(page - m_firstPage) + offset;
}

SourceSpan ReadingView::spanOf(int from, int to) const
{
    if (m_sheets.isEmpty() || m_pageOffsets.isEmpty() || from < m_pageOffsets.first() || to < from)
        return SourceSpan();
    auto it = std::upper_bound(m_pageOffsets.cbegin(), m_pageOffsets.cend(), from);
    const int i = int(it - m_pageOffsets.cbegin()) - 1;
    const int pageStart = m_pageOffsets.at(i);
    const int pageEnd = i + 1 < m_pageOffsets.size() ? m_pageOffsets.at(i + 1) : int(m_plainText.size());
    return SourceSpan{m_firstPage + i, from - pageStart, std::min(to, pageEnd) - pageStart};
}

ReadingView::Range ReadingView::rangeOf(const SourceSpan &span) const
{
    const int from = positionOf(span.page, span.start);
    if (from < 0 || !span.isValid())
        return Range{-1, -1};
    return Range{from, std::min(from + span.length(), int(m_plainText.size()))};
}

void ReadingView::setHighlights(const QList<Highlight> &highlights)
{
    m_highlights.clear();
    for (const Highlight &h : highlights) {
        if (containsPage(h.span.page) && h.span.isValid())
            m_highlights.append(h);
    }
    m_highlightOrder.resize(m_highlights.size());
    for (int i = 0; i < m_highlights.size(); ++i)
        m_highlightOrder[i] = i;
    std::sort(m_highlightOrder.begin(), m_highlightOrder.end(), [this](int a, int b) {
        return rangeOf(m_highlights.at(a).span).from < rangeOf(m_highlights.at(b).span).from;
    });
    viewport()->update();
}

void ReadingView::showSpan(const SourceSpan &span, const QString &entityId)
{
    const Range r = rangeOf(span);
    if (r.from < 0)
        return;
    m_focusedId = entityId;
    m_focusedSpan = span;
    scrollToRange(r);
    m_flashAnimation->stop();
    m_flashAnimation->start();
    viewport()->update();
}

void ReadingView::scrollToRange(Range r)
{
    if (!isLaidOut(r)) {
        scrollWhenLaidOut(r, false);
        return;
    }
    m_pendingScroll = Range{-1, -1};
    QRectF bounds;
    for (const QRectF &rect : rangeRects(r))
        bounds = bounds.united(rect);
    if (bounds.isNull())
        return;
    const QRectF v = toViewport(bounds);
    const QRectF view = QRectF(viewport()->rect()).adjusted(8, 8, -8, -8);
    QScrollBar *vb = verticalScrollBar();
    if (!view.contains(v)) {
        QScrollBar *hb = horizontalScrollBar();
        if (v.top() < view.top() || v.bottom() > view.bottom())
            vb->setValue(vb->value() + qRound(v.center().y() - view.center().y()));
        if (v.left() < view.left() || v.right() > view.right())
            hb->setValue(hb->value() + qRound(v.center().x() - view.center().x()));
    }
    // The page box names the page of what was shown (a span high on its page is centred
    // under the end of the page before).
    m_shownPage = spanOf(r.from, r.from).page;
    m_shownScroll = vb->value();
    updateCurrentPage();
}

QPointF ReadingView::origin() const
{
    const QSizeF doc = documentSize();
    const qreal paperWidth = (doc.width() + 2 * kPad) * m_zoom;
    const qreal x = std::max(kMargin, (viewport()->width() - paperWidth) / 2);
    return QPointF(x - horizontalScrollBar()->value() + kPad * m_zoom,
                   kMargin - verticalScrollBar()->value() + kPad * m_zoom);
}

QPointF ReadingView::toDocument(QPointF viewportPos) const
{
    return (viewportPos - origin()) / m_zoom;
}

QRectF ReadingView::toViewport(const QRectF &r) const
{
    const QPointF o = origin();
    return QRectF(o + r.topLeft() * m_zoom, r.size() * m_zoom);
}

int ReadingView::positionAt(QPointF viewportPos) const
{
    QPointF p = toDocument(viewportPos);
    // Below the laid-out part, the last laid-out line: a hit test there would lay out.
    p.setY(std::min(p.y(), m_laidOutBottom - 1));
    const int i = sheetAtY(p.y());
    if (i < 0)
        return -1;
    const Sheet &sheet = m_sheets.at(i);
    if (!sheet.document)
        return sheet.start;
    // In the gap below a sheet, its last line.
    const QPointF local(p.x(), std::min(p.y() - sheet.top, std::max<qreal>(0, sheet.height - 1)));
    const int pos = sheet.document->documentLayout()->hitTest(local, Qt::FuzzyHit);
    return pos < 0 ? -1 : sheet.start + std::min(pos, sheet.length);
}

QString ReadingView::linkAt(QPointF viewportPos) const
{
    const QPointF p = toDocument(viewportPos);
    if (p.y() >= m_laidOutBottom)
        return {};
    const int i = sheetAtY(p.y());
    if (i < 0 || !m_sheets.at(i).document)
        return {};
    const Sheet &sheet = m_sheets.at(i);
    return sheet.document->documentLayout()->anchorAt(QPointF(p.x(), p.y() - sheet.top));
}

void ReadingView::updateScrollBars()
{
    const QSizeF doc = documentSize();
    const QSize vp = viewport()->size();
    const qreal w = m_sheets.isEmpty() ? 0 : (doc.width() + 2 * kPad) * m_zoom + 2 * kMargin;
    const qreal h = m_sheets.isEmpty() ? 0 : (doc.height() + 2 * kPad) * m_zoom + 2 * kMargin;
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(w)) - vp.width()));
    horizontalScrollBar()->setPageStep(vp.width());
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(h)) - vp.height()));
    verticalScrollBar()->setPageStep(std::max(1, vp.height() - 40));
}

void ReadingView::setZoom(qreal zoom)
{
    applyZoom(zoom, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void ReadingView::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void ReadingView::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

void ReadingView::fitWidth()
{
    if (m_sheets.isEmpty())
        return;
    const qreal w = documentSize().width() + 2 * kPad;
    setZoom((viewport()->width() - 2 * kMargin) / w);
}

void ReadingView::applyZoom(qreal zoom, QPointF anchor)
{
    zoom = qBound(kMinZoom, zoom, kMaxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    const QPointF docAnchor = toDocument(anchor);
    m_zoom = zoom;
    updateScrollBars();
    // Keep the document point under the anchor where it was.
    const QPointF now = toViewport(QRectF(docAnchor, QSizeF())).topLeft();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(now.x() - anchor.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(now.y() - anchor.y()));
    viewport()->update();
    updateCurrentPage();
    Q_EMIT zoomChanged(m_zoom);
}

const QList<QRectF> &ReadingView::rangeRects(Range r)
{
    const quint64 key = rangeKey(r.from, r.to);
    auto it = m_rects.constFind(key);
    if (it != m_rects.cend())
        return it.value();
    static const QList<QRectF> notLaidOut; // not cached: the layout reaches it later
    if (!isLaidOut(r))
        return notLaidOut;
    QList<QRectF> rects;
    for (int i = r.from >= 0 && r.to > r.from ? sheetAt(r.from) : int(m_sheets.size());
         i < m_sheets.size() && m_sheets.at(i).start < r.to; ++i) {
        const Sheet &sheet = m_sheets.at(i);
        if (!sheet.document)
            continue;
        const int localFrom = std::max(0, r.from - sheet.start);
        const int localTo = std::min(sheet.length, r.to - sheet.start);
        QAbstractTextDocumentLayout *layout = sheet.document->documentLayout();
        for (QTextBlock block = sheet.document->findBlock(localFrom); block.isValid() && block.position() < localTo;
             block = block.next()) {
            const QPointF blockOrigin = layout->blockBoundingRect(block).topLeft() + QPointF(0, sheet.top); // lays the block out
            const QTextLayout *tl = block.layout();
            const int bs = block.position();
            const int from = std::max(localFrom, bs) - bs;
            const int to = std::min(localTo, bs + block.length() - 1) - bs;
            if (!tl || to <= from)
                continue;
            for (int i = 0; i < tl->lineCount(); ++i) {
                const QTextLine line = tl->lineAt(i);
                const int ls = line.textStart();
                const int le = ls + line.textLength();
                const int s = std::max(from, ls);
                const int e = std::min(to, le);
                if (s >= e)
                    continue;
                const qreal x1 = line.cursorToX(s);
                const qreal x2 = line.cursorToX(e);
                rects.append(QRectF(blockOrigin.x() + std::min(x1, x2), blockOrigin.y() + line.y(),
                                    std::abs(x2 - x1), line.height()));
            }
        }
    }
    return m_rects.insert(key, rects).value();
}

QList<QRectF> ReadingView::spanRectsInViewport(const SourceSpan &span)
{
    QList<QRectF> out;
    const Range r = rangeOf(span);
    if (r.from < 0)
        return out;
    for (const QRectF &rect : rangeRects(r))
        out.append(toViewport(rect));
    return out;
}

QList<QRectF> ReadingView::highlightRectsInViewport(const QString &entityId)
{
    QList<QRectF> out;
    for (const Highlight &h : std::as_const(m_highlights)) {
        if (h.entityId == entityId)
            out += spanRectsInViewport(h.span);
    }
    return out;
}

QStringList ReadingView::highlightIdsAt(QPoint viewportPos)
{
    const int pos = positionAt(viewportPos);
    if (pos < 0)
        return {};
    const QPointF docPoint = toDocument(viewportPos);
    QList<const Highlight *> hits;
    for (const Highlight &h : std::as_const(m_highlights)) {
        const Range r = rangeOf(h.span);
        if (r.to < pos - 1 || r.from > pos + 1)
            continue;
        for (const QRectF &rect : rangeRects(r)) {
            if (rect.adjusted(-1, -1, 1, 1).contains(docPoint)) {
                hits.append(&h);
                break;
            }
        }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Highlight *a, const Highlight *b) {
        return a->span.length() < b->span.length();
    });
    QStringList ids;
    for (const Highlight *h : hits) {
        if (!ids.contains(h->entityId))
            ids.append(h->entityId);
    }
    return ids;
}

void ReadingView::paintRects(QPainter &p, const QList<QRectF> &rects, const QColor &fill, const QColor &outline,
                             qreal outlineWidth)
{
    if (rects.isEmpty())
        return;
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (const QRectF &r : rects)
        path.addRect(toViewport(r).adjusted(-1, 0, 1, 0));
    if (fill.isValid()) {
        p.setCompositionMode(QPainter::CompositionMode_Multiply);
        p.fillPath(path, fill);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    }
    if (outlineWidth > 0) {
        // Outside the band, so the outline never covers the glyphs.
        p.setPen(QPen(outline, outlineWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        const qreal grow = outlineWidth / 2;
        QPainterPath outer;
        outer.setFillRule(Qt::WindingFill);
        for (const QPolygonF &poly : path.toFillPolygons())
            outer.addRect(poly.boundingRect().adjusted(-grow, -grow, grow, grow));
        p.drawPath(outer.simplified());
    }
}

void ReadingView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), palette().color(QPalette::Window).darker(125));
    if (m_sheets.isEmpty())
        return;
    const QSizeF docSize = documentSize();
    const QPointF o = origin();
    const QRectF visibleDoc(toDocument(QPointF(0, 0)), toDocument(QPointF(viewport()->width(), viewport()->height())));
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = palette();
    ctx.palette.setColor(QPalette::Text, Qt::black);
    ctx.palette.setColor(QPalette::Base, Qt::white);
    ctx.palette.setColor(QPalette::Link, QColor(0, 0, 238));
    // Each sheet is a sheet of paper: black on white in any palette, as its authors formatted it.
    for (int i = std::max(0, sheetAtY(visibleDoc.top())); i < m_sheets.size() && i <= m_frontierSheet; ++i) {
        const Sheet &sheet = m_sheets.at(i);
        if (!layoutStarted(i) || sheet.top > visibleDoc.bottom())
            break;
        if (!sheet.document)
            continue;
        const qreal bottom = i < m_frontierSheet ? sheet.top + sheet.height : m_laidOutBottom;
        if (bottom + kPad < visibleDoc.top())
            continue;
        const QRectF paper = toViewport(QRectF(-kPad, sheet.top - kPad, docSize.width() + 2 * kPad,
                                               bottom - sheet.top + 2 * kPad));
        p.fillRect(paper.translated(1.5, 2), QColor(0, 0, 0, 60));
        p.fillRect(paper, Qt::white);
        p.save();
        p.setClipRect(paper); // some filings draw rules wider than the width they lay out at
        p.translate(o);
        p.scale(m_zoom, m_zoom);
        p.translate(0, sheet.top);
        ctx.clip = visibleDoc.translated(0, -sheet.top);
        ctx.clip.setBottom(std::min(ctx.clip.bottom(), bottom - sheet.top)); // never lays out while painting
        if (ctx.clip.height() > 0)
            sheet.document->documentLayout()->draw(&p, ctx);
        p.restore();
    }
    if (visibleDoc.bottom() > m_laidOutBottom) {
        p.setPen(QColor(0, 0, 0, 140));
        const QRectF blank = toViewport(QRectF(0, std::max(visibleDoc.top(), m_laidOutBottom), docSize.width(),
                                               visibleDoc.bottom() - std::max(visibleDoc.top(), m_laidOutBottom)));
        p.drawText(blank.intersected(QRectF(viewport()->rect())), Qt::AlignCenter, tr("Laying out the filing…"));
    }

    const int firstPos = std::max(0, positionAt(QPointF(0, 0)) - kVisibleSlack);
    const int lastPos = positionAt(QPointF(viewport()->width(), viewport()->height())) + kVisibleSlack;
    const auto visible = [&](Range r) { return r.to >= firstPos && r.from <= lastPos; };

    for (int i : std::as_const(m_highlightOrder)) {
        const Highlight &h = m_highlights.at(i);
        const Range r = rangeOf(h.span);
        if (r.from > lastPos)
            break;
        if (visible(r))
            paintRects(p, rangeRects(r), HighlightStyle::fill(h.color), QColor(), 0);
    }
    for (int i = 0; i < m_find.hits.size(); ++i) {
        const Range r = m_find.hits.at(i);
        if (!visible(r))
            continue;
        const bool current = i == m_find.current;
        paintRects(p, rangeRects(r), current ? HighlightStyle::currentFindHit() : HighlightStyle::findHit(),
                   HighlightStyle::currentFindHit().darker(130), current ? 1.5 : 0);
    }
    if (m_anchor >= 0 && m_position >= 0 && m_anchor != m_position)
        paintRects(p, rangeRects(Range{std::min(m_anchor, m_position), std::max(m_anchor, m_position)}),
                   HighlightStyle::selection(), QColor(), 0);
    const Range focused = rangeOf(m_focusedSpan);
    if (focused.from >= 0 && m_focusedSpan.isValid()) {
        QColor color = palette().color(QPalette::Highlight);
        for (const Highlight &h : std::as_const(m_highlights)) {
            if (h.entityId == m_focusedId && h.span == m_focusedSpan)
                color = h.color;
        }
        QColor fill = HighlightStyle::fill(color);
        fill.setAlpha(int(fill.alpha() * m_flash));
        paintRects(p, rangeRects(focused), m_flash > 0 ? fill : QColor(), HighlightStyle::outline(color),
                   2.0 + 2.0 * m_flash);
    }
}

void ReadingView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    updateCurrentPage();
}

void ReadingView::scrollContentsBy(int, int)
{
    viewport()->update();
    updateCurrentPage();
}

void ReadingView::updateCurrentPage()
{
    int page = -1;
    if (!m_sheets.isEmpty() && !m_pageOffsets.isEmpty()) {
        const int pos = positionAt(QPointF(viewport()->width() / 2.0, 16));
        page = spanOf(std::max(pos, m_pageOffsets.first()), std::max(pos, m_pageOffsets.first())).page;
        if (m_shownPage >= 0 && verticalScrollBar()->value() == m_shownScroll)
            page = m_shownPage;
        else
            m_shownPage = -1;
    }
    if (page != m_currentPage) {
        m_currentPage = page;
        Q_EMIT currentPageChanged(page);
    }
}

void ReadingView::goToPage(int page)
{
    const int pos = positionOf(page, 0);
    if (pos < 0)
        return;
    if (!isLaidOut(Range{pos, pos + 1})) {
        scrollWhenLaidOut(Range{pos, pos + 1}, true);
        return;
    }
    scrollToTop(pos);
}

void ReadingView::scrollToTop(int pos)
{
    m_pendingScroll = Range{-1, -1};
    const int i = sheetAt(pos);
    if (i < 0 || !m_sheets.at(i).document)
        return;
    const Sheet &sheet = m_sheets.at(i);
    const int local = std::clamp(pos - sheet.start, 0, sheet.length);
    const QTextBlock block = sheet.document->findBlock(local);
    const QRectF r = sheet.document->documentLayout()->blockBoundingRect(block);
    qreal y = sheet.top + r.top();
    if (const QTextLayout *tl = block.layout()) {
        const QTextLine line = tl->lineForTextPosition(local - block.position());
        if (line.isValid())
            y += line.y();
    }
    const QRectF v = toViewport(QRectF(r.left(), y, 1, 1));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(v.top() - 8));
    updateCurrentPage();
}

void ReadingView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0)
            applyZoom(m_zoom * std::pow(kZoomStep, delta / 120.0), event->position());
        event->accept();
        return;
    }
    m_pendingScroll = Range{-1, -1};
    QAbstractScrollArea::wheelEvent(event);
}

void ReadingView::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::ZoomIn) || (ctrl && event->key() == Qt::Key_Equal))
        zoomIn();
    else if (event->matches(QKeySequence::ZoomOut))
        zoomOut();
    else if (ctrl && event->key() == Qt::Key_0)
        setZoom(1.0);
    else if (event->matches(QKeySequence::Copy))
        copySelection();
    else if (event->key() == Qt::Key_Home)
        verticalScrollBar()->setValue(0);
    else if (event->key() == Qt::Key_End)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    else if (event->key() == Qt::Key_Space)
        verticalScrollBar()->triggerAction(event->modifiers() & Qt::ShiftModifier
                                               ? QAbstractSlider::SliderPageStepSub
                                               : QAbstractSlider::SliderPageStepAdd);
    else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ReadingView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_sheets.isEmpty()) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressPos = event->position().toPoint();
    m_selecting = true;
    const bool had = m_anchor >= 0 && m_anchor != m_position;
    m_anchor = m_position = positionAt(event->position());
    if (had)
        viewport()->update();
    event->accept();
}

void ReadingView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting || !(event->buttons() & Qt::LeftButton))
        return;
    if ((event->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    updateSelection(event->position());
    // Scroll while dragging past the edges.
    const qreal y = event->position().y();
    if (y < 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() + int(y));
    else if (y > viewport()->height())
        verticalScrollBar()->setValue(verticalScrollBar()->value() + int(y - viewport()->height()));
}

void ReadingView::updateSelection(QPointF viewportPos)
{
    const int pos = positionAt(viewportPos);
    if (pos >= 0 && pos != m_position) {
        m_position = pos;
        viewport()->update();
    }
}

void ReadingView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_selecting) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_selecting = false;
    const bool click = (event->position().toPoint() - m_pressPos).manhattanLength()
        < QApplication::startDragDistance();
    if (click) {
        m_position = m_anchor;
        // A link inside the filing (a table of contents) goes to its target's page.
        const QString href = linkAt(event->position());
        if (href.startsWith(u'#') && href.size() > 1 && m_source.pageOfAnchor) {
            const int page = m_source.pageOfAnchor(QUrl::fromPercentEncoding(href.mid(1).toUtf8()));
            if (page >= 0) {
                Q_EMIT selectionChanged(SourceSpan());
                Q_EMIT linkActivated(page);
                event->accept();
                return;
            }
        }
        const QStringList ids = highlightIdsAt(event->position().toPoint());
        Q_EMIT selectionChanged(SourceSpan());
        if (!ids.isEmpty())
            Q_EMIT highlightClicked(ids);
    } else {
        updateSelection(event->position());
        Q_EMIT selectionChanged(selectedSpan());
    }
    event->accept();
}

void ReadingView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_sheets.isEmpty())
        return;
    const int pos = positionAt(event->position());
    const int i = sheetAt(pos);
    if (pos < 0 || i < 0 || !m_sheets.at(i).document)
        return;
    const Sheet &sheet = m_sheets.at(i);
    QTextCursor c(sheet.document);
    c.setPosition(std::clamp(pos - sheet.start, 0, sheet.length));
    c.select(QTextCursor::WordUnderCursor);
    if (!c.hasSelection())
        return;
    m_anchor = sheet.start + c.selectionStart();
    m_position = sheet.start + c.selectionEnd();
    m_selecting = false;
    viewport()->update();
    Q_EMIT selectionChanged(selectedSpan());
}

bool ReadingView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto help = static_cast<QHelpEvent *>(event);
        const QStringList ids = highlightIdsAt(help->pos());
        QStringList tips;
        for (const QString &id : ids) {
            for (const Highlight &h : std::as_const(m_highlights)) {
                if (h.entityId == id && !h.tooltip.isEmpty() && !tips.contains(h.tooltip))
                    tips.append(h.tooltip);
            }
        }
        if (tips.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tips.join(u'\n'), viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

SourceSpan ReadingView::selectedSpan() const
{
    if (m_anchor < 0 || m_position < 0 || m_anchor == m_position)
        return SourceSpan();
    return spanOf(std::min(m_anchor, m_position), std::max(m_anchor, m_position));
}

QString ReadingView::selectedText() const
{
    const SourceSpan s = selectedSpan();
    if (!s.isValid())
        return QString();
    return m_plainText.mid(positionOf(s.page, s.start), s.length());
}

void ReadingView::clearSelection()
{
    if (m_anchor == m_position)
        return;
    m_anchor = m_position = -1;
    viewport()->update();
    Q_EMIT selectionChanged(SourceSpan());
}

void ReadingView::copySelection() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

int ReadingView::find(const QString &text, Qt::CaseSensitivity cs)
{
    m_find.clear();
    for (const qsizetype i : occurrences(m_plainText, text, cs))
        m_find.hits.append(Range{int(i), int(i + text.size())});
    if (!m_find.isEmpty()) {
        // The first hit at or below the top of the view.
        const int top = std::max(0, positionAt(QPointF(0, 0)));
        m_find.startAt([top](const Range &hit) { return hit.from >= top; });
        scrollToRange(m_find.currentHit());
    }
    viewport()->update();
    Q_EMIT findResultsChanged(findHitCount(), m_find.current);
    return findHitCount();
}

void ReadingView::findNext()
{
    stepFind(1);
}

void ReadingView::findPrevious()
{
    stepFind(-1);
}

void ReadingView::stepFind(int delta)
{
    if (m_find.isEmpty())
        return;
    m_find.step(delta);
    scrollToRange(m_find.currentHit());
    viewport()->update();
    Q_EMIT findResultsChanged(findHitCount(), m_find.current);
}

void ReadingView::clearFind()
{
    if (m_find.isEmpty() && m_find.current < 0)
        return;
    m_find.clear();
    viewport()->update();
    Q_EMIT findResultsChanged(0, -1);
}

QList<SourceSpan> ReadingView::findHits() const
{
    QList<SourceSpan> spans;
    for (const Range &r : m_find.hits)
        spans.append(spanOf(r.from, r.to));
    return spans;
}
