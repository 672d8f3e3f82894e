#pragma once

#include "spanlayer.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QCache>
#include <QtCore/QFutureWatcher>
#include <QtCore/QMap>
#include <QtCore/QPointer>
#include <QtCore/QThreadPool>
#include <QtGui/QImage>
#include <QtWidgets/QAbstractScrollArea>

#include <functional>

class QPdfDocument;
class QTimer;
class QVariantAnimation;

// What the page view needs of a PDF. The document view fills it from a FilingDocument;
// fromPdf() builds one straight from QtPdf. render is called on the view's render thread
// (one at a time), everything else on the GUI thread. The objects the functions reach must
// outlive the view's use of the source: call PdfPageView::clear() before destroying them.
// refreshSource() does not wait for a render in flight, so a source that will be refreshed
// away must have its render keep what it reaches alive (capture shared ownership).
struct PdfPageSource
{
    QList<QSizeF> pageSizes; // points
    QStringList pageTexts;   // the text layer the spans index into
    std::function<QImage(int page, QSize pixelSize)> render;
    std::function<QList<QRectF>(const SourceSpan &span)> spanRects; // page points
    std::function<int(int page, QPointF point)> charIndexAt;       // -1 when none

    int pageCount() const { return int(pageSizes.size()); }
    // Text, geometry and rendering taken directly from QtPdf (its own text extraction).
    static PdfPageSource fromPdf(QPdfDocument *pdf);
};

// Continuous vertical pages of a PDF with entity highlights, text selection, find and zoom.
// Pages render off the GUI thread at the screen's device pixel ratio; only the visible ones
// (plus a margin) are rendered, the newest request first, into a bounded LRU cache.
class PdfPageView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class ZoomMode { Custom, FitWidth, FitPage };

    explicit PdfPageView(QWidget *parent = nullptr);
    ~PdfPageView() override;

    void setSource(const PdfPageSource &source);
    // The same pages with more known of them (text, geometry): keeps the rendered
    // pages, the zoom and the place. A source with other pages is set as by setSource.
    void refreshSource(const PdfPageSource &source);
    // Drops the source, waiting for a render in flight; afterwards the source's objects may go.
    void clear();
    int pageCount() const { return m_source.pageCount(); }

    void setHighlights(const QList<Highlight> &highlights);
    const QList<Highlight> &highlights() const { return m_layer.highlights(); }
    // Scrolls the span into view, outlines it and flashes it briefly.
    void showSpan(const SourceSpan &span, const QString &entityId = QString());
    // Forgets the span shown last: nothing is outlined as the current entity.
    void clearShownSpan();
    // Draws a rectangle around the span's text (a whole table) until another or an
    // invalid span is set; does not scroll.
    void setOutlineSpan(const SourceSpan &span);
    SourceSpan outlineSpan() const { return m_layer.outline(); }

    // 1.0 is actual size (72 points per logical inch).
    qreal zoom() const { return m_zoom; }
    ZoomMode zoomMode() const { return m_zoomMode; }
    void setZoom(qreal zoom);
    void setZoomMode(ZoomMode mode);
    void zoomIn();
    void zoomOut();

    int currentPage() const { return m_currentPage; }
    void goToPage(int page);

    SourceSpan selectedSpan() const { return m_layer.selection(); }
    QString selectedText() const;
    void clearSelection();
    void copySelection() const;

    // Find over the text layer; returns the hit count and makes the first hit at or after
    // the current page current.
    int find(const QString &text, Qt::CaseSensitivity cs = Qt::CaseInsensitive);
    void findNext();
    void findPrevious();
    void clearFind();
    int findHitCount() const { return m_layer.find().count(); }
    int currentFindHit() const { return m_layer.find().current; }
    QList<SourceSpan> findHits() const { return m_layer.find().hits; }

    // Geometry, for tests and the main window: viewport coordinates (logical pixels).
    qreal pixelsPerPoint() const;
    QRectF pageRectInViewport(int page) const;
    QList<QRectF> spanRectsInViewport(const SourceSpan &span);
    QList<QRectF> highlightRectsInViewport(const QString &entityId);
    // Entity ids of the highlights under a viewport point, smallest span first.
    QStringList highlightIdsAt(QPoint viewportPos);
    // True when the page's image at the current zoom is in the cache.
    bool isPageRendered(int page) const;

    static constexpr qint64 cacheBytes = 150ll * 1024 * 1024;

Q_SIGNALS:
    void highlightClicked(const QStringList &entityIdsAtPoint);
    void selectionChanged(const SourceSpan &span);
    void textClicked(const SourceSpan &at); // a plain click on text: where (start == end)
    void currentPageChanged(int page);
    void zoomChanged(qreal zoom);
    void findResultsChanged(int hitCount, int currentHit);
    void pageRendered(int page);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct CachedPage
    {
        QImage image;
        qreal scale = 0; // device pixels per point it was rendered at
    };
    struct PagePoint
    {
        int page = -1;
        QPointF point; // page points
    };

    void relayout();
    void applyZoom(qreal zoom, ZoomMode mode, QPointF anchorViewport);
    qreal fitZoom(ZoomMode mode) const;
    QRectF pageRectInContent(int page) const;
    PagePoint pageAt(QPointF viewportPos, bool nearest) const;
    QPointF contentOffset() const;
    QList<int> visiblePages(int margin) const;
    void updateCurrentPage();
    void scheduleRenders();
    void startNextRender();
    void renderFinished();
    void waitForRender();
    // Geometry in page points, cached; nullptr on a miss when it may not compute. One
    // uncached span costs tens of milliseconds on a dense page and waits for pdfium's
    // lock, so painting never computes: computeNextGeometry() does, one span per turn of
    // the event loop, while no page is rendering.
    const QList<QRectF> *geometry(const SourceSpan &span, bool mayCompute);
    void computeNextGeometry();
    SourceSpan nextMissingGeometry() const; // on a visible page; invalid when none
    // A span's rectangles (page points) as bands in the viewport, one per line, on the paper.
    QList<QRectF> bands(int page, const QList<QRectF> &rects) const;
    void scrollToSpan(const SourceSpan &span);
    void stepFind(int delta); // findNext (1), findPrevious (-1)
    void updateSelection(QPointF viewportPos);

    static constexpr qreal kMargin = 12; // around the pages, logical pixels

    PdfPageSource m_source;
    QList<qreal> m_pageTops; // content coordinates (logical pixels)
    QSizeF m_contentSize;
    qreal m_zoom = 1.0;
    ZoomMode m_zoomMode = ZoomMode::FitWidth;
    int m_currentPage = -1;

    SpanLayer m_layer;
    QMap<SourceSpan, QList<QRectF>> m_geometry;
    QVariantAnimation *m_flashAnimation = nullptr;
    QTimer *m_geometryTimer = nullptr;

    PagePoint m_pressPoint;
    QPoint m_pressPos;
    QElapsedTimer m_doubleClicked; // a press soon after a double click selects the line
    QPoint m_doubleClickPos;
    bool m_selecting = false;

    QCache<int, CachedPage> m_cache;
    QThreadPool m_renderPool;
    QFutureWatcher<QImage> m_renderWatcher;
    int m_renderingPage = -1;
    qreal m_renderingScale = 0;
    quint64 m_generation = 0; // bumped when the source changes; stale results are dropped
    quint64 m_renderingGeneration = 0;
};
