#include "readingview.h"

#include "model/textfind.h"

#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtCore/QVariantAnimation>
#include <QtGui/QAbstractTextDocumentLayout>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtGui/QTextBlock>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtGui/QTextLayout>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolTip>

#include <algorithm>
#include <cmath>

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
} // namespace

ReadingView::ReadingView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);

    m_flashAnimation = SpanLayer::flashAnimation(this, [this](qreal flash) {
        m_layer.setFlash(flash);
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
    ++m_sourceGeneration;
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
    m_layer.clearAll();
    m_rects.clear();
    m_anchor = m_position = -1;
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

void ReadingView::clear()
{
    setSource(ReadingSource());
}

void ReadingView::setHighlights(const QList<Highlight> &highlights)
{
    QList<Highlight> shown;
    for (const Highlight &h : highlights) {
        if (containsPage(h.span.page) && h.span.isValid())
            shown.append(h);
    }
    m_layer.setHighlights(shown);
    viewport()->update();
}

void ReadingView::setOutlineSpan(const SourceSpan &span)
{
    m_layer.setOutline(rangeOf(span).from >= 0 ? span : SourceSpan());
    viewport()->update();
}

void ReadingView::showSpan(const SourceSpan &span, const QString &entityId)
{
    const Range r = rangeOf(span);
    if (r.from < 0)
        return;
    m_layer.setCurrent(span, entityId);
    scrollToRange(r);
    m_flashAnimation->stop();
    m_flashAnimation->start();
    viewport()->update();
}

void ReadingView::clearShownSpan()
{
    m_layer.setCurrent({}, {});
    m_flashAnimation->stop();
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
    for (const Highlight &h : m_layer.highlights()) {
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
    const int page = pageAtPosition(pos);
    return m_layer.highlightIdsAt({page - 1, page, page + 1}, [this, pos, docPoint](const SourceSpan &span) {
        const Range r = rangeOf(span);
        if (r.to < pos - 1 || r.from > pos + 1)
            return false;
        const QList<QRectF> &rects = rangeRects(r);
        return std::any_of(rects.cbegin(), rects.cend(), [docPoint](const QRectF &rect) {
            return rect.adjusted(-1, -1, 1, 1).contains(docPoint);
        });
    });
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

    m_layer.setSelection(m_anchor >= 0 && m_position >= 0 && m_anchor != m_position
                             ? layerSpan(std::min(m_anchor, m_position), std::max(m_anchor, m_position))
                             : SourceSpan());
    QList<int> pages;
    for (int page = pageAtPosition(firstPos); page <= pageAtPosition(lastPos); ++page)
        pages.append(page);
    for (const SpanLayer::Mark &mark : m_layer.marks(pages, palette().color(QPalette::Highlight))) {
        const Range r = rangeOf(mark.span);
        const bool always = mark.kind == SpanLayer::Kind::Selection || mark.kind == SpanLayer::Kind::Current
            || mark.kind == SpanLayer::Kind::Outline;
        if (r.from < 0 || (!always && !visible(r)))
            continue;
        QList<QRectF> bands;
        for (const QRectF &rect : rangeRects(r))
            bands.append(toViewport(rect).adjusted(-1, 0, 1, 0));
        SpanLayer::paint(p, bands, mark);
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
        if (const SourceSpan at = spanOf(m_anchor, m_anchor); at.isValid())
            Q_EMIT textClicked(at);
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
        const QString tip = m_layer.tooltip(highlightIdsAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
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
    m_layer.setFindHits(TextFind::inText(m_plainText, m_pageOffsets, m_firstPage, text, cs));
    FindHits<SourceSpan> &find = m_layer.find();
    if (!find.isEmpty()) {
        // The first hit at or below the top of the view.
        const int top = std::max(0, positionAt(QPointF(0, 0)));
        find.startAt([this, top](const SourceSpan &hit) { return rangeOf(hit).from >= top; });
        scrollToRange(rangeOf(find.currentHit()));
    }
    viewport()->update();
    Q_EMIT findResultsChanged(findHitCount(), find.current);
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
    FindHits<SourceSpan> &find = m_layer.find();
    if (find.isEmpty())
        return;
    find.step(delta);
    scrollToRange(rangeOf(find.currentHit()));
    viewport()->update();
    Q_EMIT findResultsChanged(findHitCount(), find.current);
}

void ReadingView::clearFind()
{
    if (m_layer.find().isEmpty() && m_layer.find().current < 0)
        return;
    m_layer.setFindHits({});
    viewport()->update();
    Q_EMIT findResultsChanged(0, -1);
}

QList<SourceSpan> ReadingView::findHits() const
{
    QList<SourceSpan> spans;
    for (const SourceSpan &hit : m_layer.find().hits) {
        const Range r = rangeOf(hit);
        spans.append(spanOf(r.from, r.to));
    }
    return spans;
}
