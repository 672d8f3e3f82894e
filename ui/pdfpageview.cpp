#include "pdfpageview.h"

#include "model/textfind.h"

#include <QtCore/QTimer>
#include <QtCore/QVariantAnimation>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 6.0;
constexpr qreal kZoomStep = 1.2;
} // namespace

PdfPageView::PdfPageView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // fit-width must not oscillate
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(false);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
    m_cache.setMaxCost(int(cacheBytes / 1024));
    // pdfium runs behind one global lock anyway: one render thread keeps the order ours.
    m_renderPool.setMaxThreadCount(1);
    connect(&m_renderWatcher, &QFutureWatcher<QImage>::finished, this, &PdfPageView::renderFinished);

    m_geometryTimer = new QTimer(this);
    m_geometryTimer->setSingleShot(true);
    m_geometryTimer->setInterval(0);
    connect(m_geometryTimer, &QTimer::timeout, this, &PdfPageView::computeNextGeometry);

    m_flashAnimation = SpanLayer::flashAnimation(this, [this](qreal flash) {
        m_layer.setFlash(flash);
        viewport()->update();
    });
}

PdfPageView::~PdfPageView()
{
    waitForRender();
}

void PdfPageView::setSource(const PdfPageSource &source)
{
    clear();
    m_source = source;
    m_currentPage = -1;
    relayout();
    if (m_zoomMode != ZoomMode::Custom)
        applyZoom(fitZoom(m_zoomMode), m_zoomMode, QPointF());
    horizontalScrollBar()->setValue(0);
    verticalScrollBar()->setValue(0);
    updateCurrentPage();
    scheduleRenders();
    viewport()->update();
}

void PdfPageView::refreshSource(const PdfPageSource &source)
{
    if (source.pageSizes != m_source.pageSizes) {
        setSource(source);
        return;
    }
    // No wait for a render in flight: its render keeps what it reaches alive, and the page it
    // gives is the same page, kept like those already rendered. Waiting held the window still
    // for as long as that page took to render.
    m_source = source;
    m_geometry.clear();
    m_layer.setFindHits({});
    m_layer.setSelection(SourceSpan());
    scheduleRenders();
    viewport()->update();
}

void PdfPageView::clear()
{
    waitForRender();
    ++m_generation; // a finished() already queued for the old source is dropped
    m_source = PdfPageSource();
    m_cache.clear();
    m_geometry.clear();
    m_layer.clearAll();
    m_pageTops.clear();
    m_contentSize = QSizeF();
    relayout();
    viewport()->update();
}

void PdfPageView::setHighlights(const QList<Highlight> &highlights)
{
    m_layer.setHighlights(highlights);
    viewport()->update();
}

void PdfPageView::setOutlineSpan(const SourceSpan &span)
{
    m_layer.setOutline(span.isValid() && span.page < pageCount() ? span : SourceSpan());
    viewport()->update();
}

void PdfPageView::showSpan(const SourceSpan &span, const QString &entityId)
{
    if (!span.isValid() || span.page >= pageCount())
        return;
    m_layer.setCurrent(span, entityId);
    scrollToSpan(span);
    m_flashAnimation->stop();
    m_flashAnimation->start();
    viewport()->update();
}

void PdfPageView::clearShownSpan()
{
    m_layer.setCurrent({}, {});
    m_flashAnimation->stop();
    viewport()->update();
}

void PdfPageView::scrollToSpan(const SourceSpan &span)
{
    const QList<QRectF> rects = spanRectsInViewport(span);
    if (rects.isEmpty()) {
        goToPage(span.page);
        return;
    }
    QRectF bounds;
    for (const QRectF &r : rects)
        bounds = bounds.united(r);
    const QRectF view = QRectF(viewport()->rect()).adjusted(8, 8, -8, -8);
    if (!view.contains(bounds)) {
        QScrollBar *v = verticalScrollBar();
        QScrollBar *h = horizontalScrollBar();
        if (bounds.top() < view.top() || bounds.bottom() > view.bottom())
            v->setValue(v->value() + qRound(bounds.center().y() - view.center().y()));
        if (bounds.left() < view.left() || bounds.right() > view.right())
            h->setValue(h->value() + qRound(bounds.center().x() - view.center().x()));
    }
}

qreal PdfPageView::pixelsPerPoint() const
{
    return m_zoom * logicalDpiY() / 72.0;
}

void PdfPageView::setZoom(qreal zoom)
{
    applyZoom(zoom, ZoomMode::Custom, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void PdfPageView::setZoomMode(ZoomMode mode)
{
    if (mode == ZoomMode::Custom) {
        m_zoomMode = mode;
        return;
    }
    applyZoom(fitZoom(mode), mode, QPointF(viewport()->width() / 2.0, 0));
    if (mode == ZoomMode::FitPage && m_currentPage >= 0)
        goToPage(m_currentPage);
}

void PdfPageView::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void PdfPageView::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

qreal PdfPageView::fitZoom(ZoomMode mode) const
{
    if (pageCount() == 0)
        return m_zoom;
    const qreal base = logicalDpiY() / 72.0;
    const int page = qBound(0, m_currentPage, pageCount() - 1);
    qreal widest = 0;
    for (const QSizeF &s : m_source.pageSizes)
        widest = std::max(widest, s.width());
    const QSizeF size = m_source.pageSizes.at(page);
    const qreal availW = viewport()->width() - 2 * kMargin;
    const qreal availH = viewport()->height() - 2 * kMargin;
    if (widest <= 0 || size.height() <= 0 || availW <= 0 || availH <= 0)
        return m_zoom;
    const qreal byWidth = availW / (widest * base);
    if (mode == ZoomMode::FitWidth)
        return byWidth;
    return std::min(availW / (size.width() * base), availH / (size.height() * base));
}

void PdfPageView::applyZoom(qreal zoom, ZoomMode mode, QPointF anchor)
{
    zoom = qBound(kMinZoom, zoom, kMaxZoom);
    const PagePoint a = pageAt(anchor, true);
    const bool changed = !qFuzzyCompare(zoom, m_zoom);
    m_zoom = zoom;
    m_zoomMode = mode;
    relayout();
    if (a.page >= 0) {
        const QPointF c = pageRectInContent(a.page).topLeft() + a.point * pixelsPerPoint();
        horizontalScrollBar()->setValue(qRound(c.x() - anchor.x()));
        verticalScrollBar()->setValue(qRound(c.y() - anchor.y()));
    }
    viewport()->update();
    updateCurrentPage();
    scheduleRenders();
    if (changed)
        Q_EMIT zoomChanged(m_zoom);
}

void PdfPageView::updateCurrentPage()
{
    int page = -1;
    if (!m_pageTops.isEmpty())
        page = pageAt(QPointF(viewport()->width() / 2.0, viewport()->height() * 0.4), true).page;
    if (page != m_currentPage) {
        m_currentPage = page;
        Q_EMIT currentPageChanged(page);
    }
}

void PdfPageView::goToPage(int page)
{
    if (m_pageTops.isEmpty())
        return;
    page = qBound(0, page, int(m_pageTops.size()) - 1);
    verticalScrollBar()->setValue(qRound(m_pageTops.at(page) - kMargin));
    updateCurrentPage();
}

QList<QRectF> PdfPageView::spanRectsInViewport(const SourceSpan &span)
{
    QList<QRectF> out;
    const QList<QRectF> *rects = geometry(span, true);
    if (!rects)
        return out;
    const QRectF page = pageRectInViewport(span.page);
    const qreal ppp = pixelsPerPoint();
    for (const QRectF &r : *rects)
        out.append(QRectF(page.x() + r.x() * ppp, page.y() + r.y() * ppp, r.width() * ppp, r.height() * ppp));
    return out;
}

QList<QRectF> PdfPageView::highlightRectsInViewport(const QString &entityId)
{
    QList<QRectF> out;
    for (const Highlight &h : m_layer.highlights()) {
        if (h.entityId == entityId)
            out += spanRectsInViewport(h.span);
    }
    return out;
}

QStringList PdfPageView::highlightIdsAt(QPoint viewportPos)
{
    const PagePoint pp = pageAt(viewportPos, false);
    if (pp.page < 0)
        return {};
    return m_layer.highlightIdsAt({pp.page}, [this, &pp](const SourceSpan &span) {
        // Only what is painted can be clicked: highlights whose geometry is known.
        const QList<QRectF> *rects = geometry(span, false);
        return rects && std::any_of(rects->cbegin(), rects->cend(), [&pp](const QRectF &r) {
                   return r.adjusted(-1, -1, 1, 1).contains(pp.point);
               });
    });
}

QList<QRectF> PdfPageView::bands(int page, const QList<QRectF> &rects) const
{
    const QRectF pr = pageRectInViewport(page);
    const qreal ppp = pixelsPerPoint();
    // Text drawn outside the page box is not on the paper: nothing of it is painted
    // (it would show in the gap between pages).
    const QRectF paper(0, 0, pr.width() / ppp, pr.height() / ppp);
    QList<QRectF> out;
    for (const QRectF &line : HighlightStyle::mergeLines(rects)) {
        const QRectF r = line.intersected(paper);
        if (r.isEmpty())
            continue;
        const QRectF v(pr.x() + r.x() * ppp, pr.y() + r.y() * ppp, r.width() * ppp, r.height() * ppp);
        out.append(v.adjusted(-1, -1, 1, 1));
    }
    return out;
}

void PdfPageView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QColor background = palette().color(QPalette::Window).darker(125);
    p.fillRect(viewport()->rect(), background);
    if (m_pageTops.isEmpty())
        return;
    bool pending = false;
    const QColor currentFallback = palette().color(QPalette::Highlight);

    for (int page : visiblePages(0)) {
        const QRectF pr = pageRectInViewport(page);
        p.fillRect(pr.translated(1.5, 2), QColor(0, 0, 0, 60));
        const CachedPage *c = m_cache.object(page);
        if (c && !c->image.isNull()) {
            p.fillRect(pr, Qt::white); // pdfium leaves the paper transparent
            // A page rendered at another scale (just zoomed; its new rendering follows in
            // moments) is stretched unsmoothed: smoothing a whole page here held the GUI
            // thread for over 100 ms.
            p.setRenderHint(QPainter::SmoothPixmapTransform, false);
            p.drawImage(pr, c->image);
        } else {
            p.fillRect(pr, Qt::white);
            p.setPen(QColor(0x99, 0x99, 0x99));
            // In the middle of what is visible of the page, which may be taller than the view.
            p.drawText(pr.intersected(QRectF(viewport()->rect())), Qt::AlignCenter,
                       c ? tr("Page %1 could not be rendered").arg(page + 1)
                         : tr("Rendering page %1…").arg(page + 1));
        }

        for (const SpanLayer::Mark &mark : m_layer.marks({page}, currentFallback)) {
            if (mark.span.page != page)
                continue;
            // Highlights and find hits wait for their geometry; what the reader just chose
            // is drawn at once.
            const bool now = mark.kind == SpanLayer::Kind::Selection || mark.kind == SpanLayer::Kind::Current
                || mark.kind == SpanLayer::Kind::Outline;
            const QList<QRectF> *rects = geometry(mark.span, now);
            if (!rects) {
                pending = true;
                continue;
            }
            SpanLayer::paint(p, bands(page, *rects), mark);
        }
    }
    startNextRender();
    if (pending)
        m_geometryTimer->start();
}

void PdfPageView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_zoomMode != ZoomMode::Custom && pageCount() > 0) {
        const int page = m_currentPage;
        applyZoom(fitZoom(m_zoomMode), m_zoomMode, QPointF(viewport()->width() / 2.0, 0));
        if (m_zoomMode == ZoomMode::FitPage && page >= 0)
            goToPage(page);
    } else {
        relayout();
    }
    scheduleRenders();
}

void PdfPageView::scrollContentsBy(int, int)
{
    viewport()->update();
    updateCurrentPage();
    scheduleRenders();
}

void PdfPageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0) {
            const qreal factor = std::pow(kZoomStep, delta / 120.0);
            applyZoom(m_zoom * factor, ZoomMode::Custom, event->position());
        }
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void PdfPageView::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::ZoomIn) || (ctrl && event->key() == Qt::Key_Equal)) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
    } else if (ctrl && event->key() == Qt::Key_0) {
        setZoomMode(ZoomMode::FitWidth);
    } else if (event->matches(QKeySequence::Copy)) {
        copySelection();
    } else if (event->key() == Qt::Key_PageDown && !ctrl) {
        // Through a page taller than the view a screen at a time, then to the next page's top.
        const qreal below = pageRectInViewport(m_currentPage).bottom() - viewport()->height();
        if (below > 1)
            verticalScrollBar()->setValue(verticalScrollBar()->value()
                                          + qRound(std::min(below + kMargin, viewport()->height() * 0.9)));
        else
            goToPage(m_currentPage + 1);
    } else if (event->key() == Qt::Key_PageUp && !ctrl) {
        const qreal above = -pageRectInViewport(m_currentPage).top();
        if (above > 1)
            verticalScrollBar()->setValue(verticalScrollBar()->value()
                                          - qRound(std::min(above + kMargin, viewport()->height() * 0.9)));
        else
            goToPage(m_currentPage - 1);
    } else if (event->key() == Qt::Key_Home) {
        goToPage(0);
    } else if (event->key() == Qt::Key_End) {
        goToPage(pageCount() - 1);
    } else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PdfPageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressPos = event->position().toPoint();
    m_pressPoint = pageAt(event->position(), false);
    if (m_doubleClicked.isValid() && m_doubleClicked.elapsed() < QApplication::doubleClickInterval()
        && (m_pressPos - m_doubleClickPos).manhattanLength() < QApplication::startDragDistance()
        && m_source.charIndexAt && m_pressPoint.page >= 0) {
        // A third click selects the whole line.
        m_doubleClicked.invalidate();
        const QString &text = m_source.pageTexts.at(m_pressPoint.page);
        const int at = m_source.charIndexAt(m_pressPoint.page, m_pressPoint.point);
        if (at >= 0 && at < text.size()) {
            int start = int(text.lastIndexOf(u'\n', at > 0 && text.at(at) == u'\n' ? at - 1 : at)) + 1;
            int end = int(text.indexOf(u'\n', at));
            if (end < 0)
                end = int(text.size());
            while (end > start && text.at(end - 1).isSpace())
                --end;
            while (start < end && text.at(start).isSpace())
                ++start;
            if (end > start) {
                m_selecting = false;
                m_layer.setSelection(SourceSpan{m_pressPoint.page, start, end});
                viewport()->update();
                Q_EMIT selectionChanged(m_layer.selection());
                event->accept();
                return;
            }
        }
    }
    m_selecting = true;
    if (m_layer.selection().isValid()) {
        m_layer.setSelection(SourceSpan());
        viewport()->update();
    }
    event->accept();
}

void PdfPageView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting || !(event->buttons() & Qt::LeftButton))
        return;
    if ((event->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    updateSelection(event->position());
}

void PdfPageView::updateSelection(QPointF viewportPos)
{
    if (m_pressPoint.page < 0 || !m_source.charIndexAt)
        return;
    const int page = m_pressPoint.page;
    const int length = int(m_source.pageTexts.value(page).size());
    if (length == 0)
        return;
    // Hit-test a little to the sides too, so a drag begun in the gutter still finds the line.
    const auto indexNear = [this, page](QPointF point) {
        for (qreal dx : {0.0, 3.0, -3.0, 12.0, -12.0, 36.0, -36.0}) {
            const int i = m_source.charIndexAt(page, point + QPointF(dx, 0));
            if (i >= 0)
                return i;
        }
        return -1;
    };
    int a = indexNear(m_pressPoint.point);
    const PagePoint cur = pageAt(viewportPos, true);
    int b = -1;
    if (cur.page > page)
        b = length - 1;
    else if (cur.page < page)
        b = 0;
    else
        b = indexNear(cur.point);
    if (a < 0 && b < 0)
        return;
    if (a < 0)
        a = b;
    if (b < 0)
        b = a;
    a = std::min(a, length - 1);
    b = std::min(b, length - 1);
    SourceSpan s{page, std::min(a, b), std::min(length, std::max(a, b) + 1)};
    // A drag that starts or ends between words should not take the spaces along.
    const QString &text = m_source.pageTexts.at(page);
    while (s.length() > 1 && text.at(s.start).isSpace())
        ++s.start;
    while (s.length() > 1 && text.at(s.end - 1).isSpace())
        --s.end;
    if (s != m_layer.selection()) {
        m_layer.setSelection(s);
        viewport()->update();
    }
}

void PdfPageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_selecting) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_selecting = false;
    const bool click = (event->position().toPoint() - m_pressPos).manhattanLength()
        < QApplication::startDragDistance();
    if (click) {
        const QStringList ids = highlightIdsAt(event->position().toPoint());
        Q_EMIT selectionChanged(m_layer.selection());
        if (!ids.isEmpty())
            Q_EMIT highlightClicked(ids);
        // The character under the pointer, for what follows the text (a table's cell).
        if (m_source.charIndexAt && m_pressPoint.page >= 0) {
            const int at = m_source.charIndexAt(m_pressPoint.page, m_pressPoint.point);
            if (at >= 0)
                Q_EMIT textClicked(SourceSpan{m_pressPoint.page, at, at});
        }
    } else {
        updateSelection(event->position());
        Q_EMIT selectionChanged(m_layer.selection());
    }
    event->accept();
}

void PdfPageView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_source.charIndexAt) {
        QAbstractScrollArea::mouseDoubleClickEvent(event);
        return;
    }
    // The word under the pointer: letters, digits and the punctuation inside names and figures.
    const PagePoint pp = pageAt(event->position(), false);
    const QString text = m_source.pageTexts.value(pp.page);
    const int at = pp.page >= 0 ? m_source.charIndexAt(pp.page, pp.point) : -1;
    if (at < 0 || at >= text.size() || text.at(at).isSpace())
        return;
    const auto inWord = [&text](int i) {
        const QChar c = text.at(i);
        return c.isLetterOrNumber() || c == u'-' || c == u'\'' || c == u'\u2019' || c == u'.' || c == u',';
    };
    int start = at;
    int end = at + 1;
    while (start > 0 && inWord(start - 1))
        --start;
    while (end < text.size() && inWord(end))
        ++end;
    while (end - 1 > start && (text.at(end - 1) == u'.' || text.at(end - 1) == u','))
        --end; // a sentence's full stop is not part of its last word
    m_selecting = false;
    m_layer.setSelection(SourceSpan{pp.page, start, end});
    m_doubleClicked.start();
    m_doubleClickPos = event->position().toPoint();
    viewport()->update();
    Q_EMIT selectionChanged(m_layer.selection());
    event->accept();
}

bool PdfPageView::viewportEvent(QEvent *event)
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

QString PdfPageView::selectedText() const
{
    const SourceSpan s = m_layer.selection();
    if (!s.isValid())
        return QString();
    return m_source.pageTexts.value(s.page).mid(s.start, s.length());
}

void PdfPageView::clearSelection()
{
    if (!m_layer.selection().isValid())
        return;
    m_layer.setSelection(SourceSpan());
    viewport()->update();
    Q_EMIT selectionChanged(SourceSpan());
}

void PdfPageView::copySelection() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

int PdfPageView::find(const QString &text, Qt::CaseSensitivity cs)
{
    m_layer.setFindHits(TextFind::inPages(m_source.pageTexts, text, cs));
    FindHits<SourceSpan> &find = m_layer.find();
    find.startAt([this](const SourceSpan &hit) { return hit.page >= std::max(0, m_currentPage); });
    if (!find.isEmpty())
        scrollToSpan(find.currentHit());
    viewport()->update();
    Q_EMIT findResultsChanged(findHitCount(), find.current);
    return findHitCount();
}

void PdfPageView::findNext()
{
    stepFind(1);
}

void PdfPageView::findPrevious()
{
    stepFind(-1);
}

void PdfPageView::stepFind(int delta)
{
    FindHits<SourceSpan> &find = m_layer.find();
    if (find.isEmpty())
        return;
    find.step(delta);
    scrollToSpan(find.currentHit());
    viewport()->update();
    Q_EMIT findResultsChanged(findHitCount(), find.current);
}

void PdfPageView::clearFind()
{
    if (m_layer.find().isEmpty() && m_layer.find().current < 0)
        return;
    m_layer.setFindHits({});
    viewport()->update();
    Q_EMIT findResultsChanged(0, -1);
}
