// PdfPageView, continued: where the pages stand (layout at the zoom, hit tests), rendering
// them off the GUI thread into the cache, span geometry computed between renders, and the
// source straight from QtPdf. Painting, input, find and zoom are in pdfpageview.cpp.
#include "pdfpageview.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QTimer>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>
#include <QtWidgets/QScrollBar>

#include <algorithm>
#include <cmath>

namespace {
constexpr qreal kGap = 12;    // between pages, logical pixels
constexpr qint64 kMaxPagePixels = 48ll * 1000 * 1000; // device pixels of one rendered page
} // namespace

PdfPageSource PdfPageSource::fromPdf(QPdfDocument *pdf)
{
    PdfPageSource s;
    if (!pdf)
        return s;
    for (int i = 0; i < pdf->pageCount(); ++i) {
        s.pageSizes.append(pdf->pagePointSize(i));
        s.pageTexts.append(pdf->getAllText(i).text());
    }
    s.render = [pdf](int page, QSize size) {
        QPdfDocumentRenderOptions options;
        options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
        return pdf->render(page, size, options);
    };
    s.spanRects = [pdf](const SourceSpan &span) {
        QList<QRectF> rects;
        const QPdfSelection sel = pdf->getSelectionAtIndex(span.page, span.start, span.length());
        for (const QPolygonF &poly : sel.bounds())
            rects.append(poly.boundingRect());
        return rects;
    };
    // QtPdf hit-tests only as the two ends of a selection, and a selection whose ends hit the
    // same character is empty: select towards a point beside it (past wide glyphs) instead.
    s.charIndexAt = [pdf](int page, QPointF point) {
        for (qreal dx : {4.0, 8.0, 16.0}) {
            const QPdfSelection sel = pdf->getSelection(page, point, point + QPointF(dx, 0));
            if (sel.isValid() && sel.startIndex() >= 0)
                return sel.startIndex();
        }
        for (qreal dx : {4.0, 8.0, 16.0}) {
            const QPdfSelection sel = pdf->getSelection(page, point - QPointF(dx, 0), point);
            if (sel.isValid() && sel.endIndex() > 0)
                return sel.endIndex() - 1;
        }
        return -1;
    };
    return s;
}

void PdfPageView::relayout()
{
    const qreal ppp = pixelsPerPoint();
    m_pageTops.clear();
    qreal y = kMargin;
    qreal widest = 0;
    for (const QSizeF &s : m_source.pageSizes) {
        m_pageTops.append(y);
        y += s.height() * ppp + kGap;
        widest = std::max(widest, s.width() * ppp);
    }
    m_contentSize = m_pageTops.isEmpty() ? QSizeF() : QSizeF(widest + 2 * kMargin, y - kGap + kMargin);
    const QSize vp = viewport()->size();
    QScrollBar *h = horizontalScrollBar();
    QScrollBar *v = verticalScrollBar();
    h->setRange(0, std::max(0, int(std::ceil(m_contentSize.width())) - vp.width()));
    h->setPageStep(vp.width());
    v->setRange(0, std::max(0, int(std::ceil(m_contentSize.height())) - vp.height()));
    v->setPageStep(vp.height());
}

QRectF PdfPageView::pageRectInContent(int page) const
{
    if (page < 0 || page >= m_pageTops.size())
        return QRectF();
    const qreal ppp = pixelsPerPoint();
    const QSizeF s = m_source.pageSizes.at(page) * ppp;
    const qreal width = std::max(m_contentSize.width(), qreal(viewport()->width()));
    const qreal x = std::max(kMargin, (width - s.width()) / 2);
    return QRectF(QPointF(x, m_pageTops.at(page)), s);
}

QPointF PdfPageView::contentOffset() const
{
    return QPointF(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
}

QRectF PdfPageView::pageRectInViewport(int page) const
{
    return pageRectInContent(page).translated(contentOffset());
}

PdfPageView::PagePoint PdfPageView::pageAt(QPointF viewportPos, bool nearest) const
{
    PagePoint result;
    if (m_pageTops.isEmpty())
        return result;
    const QPointF c = viewportPos - contentOffset();
    auto it = std::upper_bound(m_pageTops.cbegin(), m_pageTops.cend(), c.y());
    int page = int(it - m_pageTops.cbegin()) - 1;
    if (page < 0) {
        if (!nearest)
            return result;
        page = 0;
    }
    const QRectF r = pageRectInContent(page);
    if (!nearest && !r.contains(c))
        return result;
    result.page = page;
    result.point = (c - r.topLeft()) / pixelsPerPoint();
    return result;
}

QList<int> PdfPageView::visiblePages(int margin) const
{
    QList<int> pages;
    if (m_pageTops.isEmpty())
        return pages;
    const qreal top = verticalScrollBar()->value();
    const qreal bottom = top + viewport()->height();
    auto it = std::upper_bound(m_pageTops.cbegin(), m_pageTops.cend(), top);
    const int first = std::max(0, int(it - m_pageTops.cbegin()) - 1);
    int last = first;
    while (last + 1 < m_pageTops.size() && m_pageTops.at(last + 1) < bottom)
        ++last;
    for (int p = std::max(0, first - margin); p <= std::min(int(m_pageTops.size()) - 1, last + margin); ++p)
        pages.append(p);
    return pages;
}

bool PdfPageView::isPageRendered(int page) const
{
    const CachedPage *c = m_cache.object(page);
    return c && !c->image.isNull()
        && qFuzzyCompare(c->scale, pixelsPerPoint() * devicePixelRatioF());
}

void PdfPageView::scheduleRenders()
{
    startNextRender();
}

void PdfPageView::startNextRender()
{
    if (m_renderWatcher.isRunning() || !m_source.render || m_pageTops.isEmpty() || !isVisible())
        return;
    const qreal dpr = devicePixelRatioF();
    qreal scale = pixelsPerPoint() * dpr;
    // Visible pages first, nearest the current page; then one page either side.
    QList<int> wanted = visiblePages(0);
    std::stable_sort(wanted.begin(), wanted.end(), [this](int a, int b) {
        return std::abs(a - m_currentPage) < std::abs(b - m_currentPage);
    });
    for (int p : visiblePages(1)) {
        if (!wanted.contains(p))
            wanted.append(p);
    }
    const QList<int> visible = visiblePages(0);
    for (int page : wanted) {
        const CachedPage *c = m_cache.object(page);
        if (c && qFuzzyCompare(c->scale, scale))
            continue;
        // The marks on what is shown come before pages that are not shown yet.
        if (!visible.contains(page) && nextMissingGeometry().isValid())
            return;
        const QSizeF points = m_source.pageSizes.at(page);
        QSize pixels(int(std::ceil(points.width() * scale)), int(std::ceil(points.height() * scale)));
        if (pixels.isEmpty())
            continue;
        if (qint64(pixels.width()) * pixels.height() > kMaxPagePixels)
            pixels.scale(QSize(8000, int(kMaxPagePixels / 8000)), Qt::KeepAspectRatio);
        m_renderingPage = page;
        m_renderingScale = scale;
        m_renderingGeneration = m_generation;
        const auto render = m_source.render;
        m_renderWatcher.setFuture(QtConcurrent::run(&m_renderPool, [render, page, pixels, dpr]() {
            QImage image = render(page, pixels);
            image.setDevicePixelRatio(dpr);
            return image;
        }));
        return;
    }
}

void PdfPageView::renderFinished()
{
    if (m_renderingGeneration == m_generation && m_renderWatcher.future().isValid()
        && m_renderWatcher.future().resultCount() > 0) {
        auto entry = new CachedPage{m_renderWatcher.result(), m_renderingScale};
        const int cost = std::max<qint64>(1, entry->image.sizeInBytes() / 1024);
        const int page = m_renderingPage;
        m_cache.insert(page, entry, cost); // takes ownership, even when refused
        viewport()->update();
        Q_EMIT pageRendered(page);
    }
    m_renderingPage = -1;
    QTimer::singleShot(0, this, &PdfPageView::startNextRender);
    m_geometryTimer->start();
}

void PdfPageView::waitForRender()
{
    m_renderWatcher.waitForFinished();
}

const QList<QRectF> *PdfPageView::geometry(const SourceSpan &span, bool mayCompute)
{
    auto it = m_geometry.constFind(span);
    if (it != m_geometry.cend())
        return &it.value();
    if (!mayCompute)
        return nullptr;
    // A span that has no geometry is remembered as such, so it is not asked for again.
    const bool computable = m_source.spanRects && span.isValid() && span.page < pageCount();
    return &m_geometry.insert(span, computable ? m_source.spanRects(span) : QList<QRectF>()).value();
}

SourceSpan PdfPageView::nextMissingGeometry() const
{
    for (int page : visiblePages(0)) {
        for (const SpanLayer::Mark &m : m_layer.marks({page}, QColor())) {
            const bool waits = m.kind == SpanLayer::Kind::Highlight || m.kind == SpanLayer::Kind::FindHit
                || m.kind == SpanLayer::Kind::CurrentFindHit;
            if (waits && !m_geometry.contains(m.span))
                return m.span;
        }
    }
    return SourceSpan();
}

void PdfPageView::computeNextGeometry()
{
    if (m_renderWatcher.isRunning())
        return; // renderFinished() comes back here
    const SourceSpan next = nextMissingGeometry();
    if (!next.isValid()) {
        startNextRender(); // pages beside the visible ones waited for this
        return;
    }
    geometry(next, true);
    viewport()->update();
    m_geometryTimer->start();
}
