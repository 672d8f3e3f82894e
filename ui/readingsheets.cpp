// ReadingView, continued: its sheets (made and laid out on the GUI thread in time slices,
// from the top down) and the mapping between view-text positions, text-layer spans and
// where they stand on the sheets. Painting, input, find and zoom are in readingview.cpp.
#include "readingview.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtGui/QAbstractTextDocumentLayout>
#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>
#include <QtGui/QTextLayout>
#include <QtWidgets/QScrollBar>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {
// Layout work of the first slice; later ones take kSliceMs. Qt lays a document out in chunks
// of at least 2000 units of height, so one slice may run a chunk past its budget.
constexpr qint64 kFirstSliceMs = 30;
// Parts this short (an 8-K, an exhibit) are laid out completely inside setDocument(), however
// busy the machine: a few tens of milliseconds.
constexpr int kSynchronousLength = 50000;

quint64 rangeKey(int from, int to)
{
    return (quint64(quint32(from)) << 32) | quint32(to);
}
} // namespace

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
    prepareAhead();
    if (sheet.preparing)
        return; // the layout goes on when it is back (sheetPrepared)
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
    // A fixed width: zoom scales the painting and never reflows the document. Set before
    // the layout is made, which lays out the first chunk (at no width, if it were not).
    if (!qFuzzyCompare(doc->textWidth(), pageWidth))
        doc->setTextWidth(pageWidth); // lays out the first chunk only, with a layout already
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    // Qt's own lazy layout continues from a timer in chunks that double up to 200000
    // characters (a second or more); the slices below replace it.
    layout->installEventFilter(this);
    m_layoutFrontier = doc->begin();
    const QTextBlock first = m_layoutFrontier;
    if (!first.isValid() || !first.layout() || first.layout()->lineCount() > 0)
        advanceLayoutFrontier(); // laid out before, or the first chunk already
}

// A long part's sheets after the first are handed to ReadingSource::prepare a few ahead of the
// frontier: a page that is one large table takes tens of milliseconds to parse and lay out,
// which the GUI thread need not spend. The first is laid out here, so that it is on screen at
// once, and so is a short part.
void ReadingView::prepareAhead()
{
    if (!m_source.prepare || m_plainText.size() <= kSynchronousLength)
        return;
    const int last = std::min(int(m_sheets.size()) - 1, m_frontierSheet + kPrepareAhead);
    for (int i = std::max(1, m_frontierSheet); i <= last; ++i) {
        Sheet &sheet = m_sheets[i];
        if (sheet.requested || sheet.preparing || sheet.prepared)
            continue;
        sheet.preparing = true;
        QPointer<ReadingView> self(this);
        const quint64 generation = m_sourceGeneration;
        m_source.prepare(i, [self, generation, i](const std::function<void()> &adopt) {
            if (!self || self->m_sourceGeneration != generation || i >= self->m_sheets.size())
                return;
            adopt();
            self->sheetPrepared(i);
        });
    }
}

void ReadingView::sheetPrepared(int sheet)
{
    Sheet &s = m_sheets[sheet];
    s.preparing = false;
    s.prepared = true;
    if (!layoutComplete() && !m_layoutTimer->isActive())
        m_layoutTimer->start();
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
    if (!m_layoutFrontier.isValid() && m_sheets.at(m_frontierSheet).preparing) {
        m_layoutTimer->stop(); // sheetPrepared() starts it again
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
        if (!m_layoutFrontier.isValid() && m_sheets.at(m_frontierSheet).preparing)
            break; // being laid out elsewhere
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

SourceSpan ReadingView::layerSpan(int from, int to) const
{
    SourceSpan s = spanOf(from, from);
    if (s.isValid())
        s.end = s.start + (to - from);
    return s;
}

int ReadingView::pageAtPosition(int position) const
{
    if (m_pageOffsets.isEmpty())
        return m_firstPage;
    auto it = std::upper_bound(m_pageOffsets.cbegin(), m_pageOffsets.cend(), position);
    return m_firstPage + std::max(0, int(it - m_pageOffsets.cbegin()) - 1);
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
