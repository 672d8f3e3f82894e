#pragma once

#include "spanlayer.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtGui/QTextBlock>
#include <QtWidgets/QAbstractScrollArea>

#include <functional>

class QTextDocument;
class QTimer;
class QVariantAnimation;

// What a ReadingView shows: one text part of a filing as a column of "sheets", each its own
// QTextDocument (an HTML part has one per page, a plain-text part one for all its pages).
// Positions in the part's view text: sheet i covers [sheetStarts[i], sheetStarts[i] + its
// length), the positions between sheets being separators; page firstPage + j begins at
// pageOffsets[j].
struct ReadingSource
{
    int firstPage = 0;
    QList<int> pageOffsets;
    QString text;            // the part's view text: sheet texts joined by one separator each
    QList<int> sheetStarts;  // ascending, the first 0
    // The document of a sheet, made on demand on the GUI thread and owned by the caller
    // (who keeps it alive while shown); nullptr shows the sheet empty.
    std::function<QTextDocument *(int sheet)> document;
    // Optional: lays a sheet's document out at pageWidth off the GUI thread, then calls
    // done(adopt) on the GUI thread, where adopt() makes document() return it laid out.
    // The view of a long part asks for its sheets after the first a little ahead of its layout,
    // so that the GUI thread only finds them done; without it the view lays them out itself.
    std::function<void(int sheet, std::function<void(const std::function<void()> &adopt)> done)> prepare;
    // The filing page (0-based, as spans count) holding the named anchor (an id or
    // <a name>), -1 if none; empty: links inside the part are not followed.
    std::function<int(const QString &name)> pageOfAnchor;
};

// A read-only view of one text part of a filing (HTML, plain text, a submission's header or
// document): its sheets are laid out as pages of paper of fixed width, one below the other, and
// scaled for zoom, so zooming never reflows a long filing. Spans map to view-text positions
// through the part's page offsets; entity highlights, the selection and find hits are painted
// over the text. A click on a link within the filing goes to the page holding its target. The sheets are made and laid out on the GUI thread in
// short time slices after setSource() returns (text layouts must be made on the thread that
// paints them), from the top down; until layoutComplete(), the height is estimated, what is not
// laid out yet shows blank, and a scroll to a span there (showSpan, find, goToPage) happens as
// soon as the layout reaches it.
class ReadingView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit ReadingView(QWidget *parent = nullptr);
    ~ReadingView() override;

    // Shows a part. Highlights and find are reset. Returns after one time slice of layout: a
    // short part is then complete, a long one continues later. A source without sheets clears.
    void setSource(const ReadingSource &source);
    // A part in one document: text-layer page firstPage + i begins at cursor position
    // pageOffsets[i]. The document is not owned; nullptr clears.
    void setDocument(QTextDocument *document, int firstPage, const QList<int> &pageOffsets);
    // True once every sheet is laid out (also when there is nothing shown).
    bool layoutComplete() const { return m_frontierSheet >= m_sheets.size(); }
    void clear();
    bool isEmpty() const { return m_sheets.isEmpty(); }
    int sheetCount() const { return int(m_sheets.size()); }
    // The sheet's document once the layout has made it (nullptr before).
    QTextDocument *sheetDocument(int sheet) const;
    int firstPage() const { return m_firstPage; }
    int pageCount() const { return int(m_pageOffsets.size()); }
    bool containsPage(int page) const;

    // Highlights on pages outside the part are ignored.
    void setHighlights(const QList<Highlight> &highlights);
    const QList<Highlight> &highlights() const { return m_layer.highlights(); }
    void showSpan(const SourceSpan &span, const QString &entityId = QString());
    SourceSpan focusedSpan() const { return m_layer.currentSpan(); } // the span showSpan() last showed
    void clearShownSpan(); // nothing outlined as current until the next showSpan()
    // Draws a rectangle around the span's text (a whole table) until another or an
    // invalid span is set; does not scroll. Spans outside the part are ignored.
    void setOutlineSpan(const SourceSpan &span);
    SourceSpan outlineSpan() const { return m_layer.outline(); }

    // 1.0 shows the document at its own size; the text is scaled, never reflowed.
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fitWidth();

    int currentPage() const { return m_currentPage; }
    void goToPage(int page);

    SourceSpan selectedSpan() const;
    QString selectedText() const;
    void clearSelection();
    void copySelection() const;

    int find(const QString &text, Qt::CaseSensitivity cs = Qt::CaseInsensitive);
    void findNext();
    void findPrevious();
    void clearFind();
    int findHitCount() const { return m_layer.find().count(); }
    int currentFindHit() const { return m_layer.find().current; }
    QList<SourceSpan> findHits() const;

    // Cursor positions <-> spans of the text layer (invalid span / -1 outside the part).
    int positionOf(int page, int offset) const;
    SourceSpan spanOf(int from, int to) const;

    // Geometry in viewport coordinates (logical pixels), for tests and the main window.
    QList<QRectF> spanRectsInViewport(const SourceSpan &span);
    QList<QRectF> highlightRectsInViewport(const QString &entityId);
    QStringList highlightIdsAt(QPoint viewportPos);

    static constexpr qreal pageWidth = 800; // document units, the width the text is laid out at

    // Lays a document out completely at pageWidth, synchronously, on the calling thread. Not
    // needed before setDocument(), which lays out in slices; a layout made on a thread that
    // then ends keeps font engines of that thread, so prefer the GUI thread.
    static void prepareLayout(QTextDocument *document);

Q_SIGNALS:
    void highlightClicked(const QStringList &entityIdsAtPoint);
    // A click (not a drag) on the text: where, as an empty span.
    void textClicked(const SourceSpan &at);
    // A link inside the filing was clicked: go to that page (0-based).
    void linkActivated(int page);
    void selectionChanged(const SourceSpan &span);
    void currentPageChanged(int page);
    void zoomChanged(qreal zoom);
    void findResultsChanged(int hitCount, int currentHit);

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
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Range
    {
        int from = 0;
        int to = 0;
    };

    void updateScrollBars();
    void applyZoom(qreal zoom, QPointF anchorViewport);
    QPointF origin() const; // viewport position of document point (0,0), before scaling
    QPointF toDocument(QPointF viewportPos) const;
    QRectF toViewport(const QRectF &documentRect) const;
    int positionAt(QPointF viewportPos) const;
    // The href of a link at the point, empty if none.
    QString linkAt(QPointF viewportPos) const;
    Range rangeOf(const SourceSpan &span) const;
    const QList<QRectF> &rangeRects(Range r); // document coordinates, cached
    // The span as the layer keeps it: on the page its first position is on, with its whole
    // length (it may run on over the page's end); invalid outside the part.
    SourceSpan layerSpan(int from, int to) const;
    int pageAtPosition(int position) const; // clamped to the part's pages
    void scrollToRange(Range r);
    void stepFind(int delta); // findNext (1), findPrevious (-1)
    void updateCurrentPage();
    void updateSelection(QPointF viewportPos);
    struct Sheet
    {
        QPointer<QTextDocument> document; // null until the layout reaches the sheet
        int start = 0;    // view-text position of its first character
        int length = 0;   // its characters
        qreal top = 0;    // document y of its text; known for sheets up to the frontier
        qreal height = 0; // laid out so far (all of it behind the frontier)
        bool requested = false; // its document was asked for
        bool preparing = false; // handed to ReadingSource::prepare, not back yet
        bool prepared = false;  // back from it, laid out
    };
    static constexpr int kPrepareAhead = 3; // sheets prepared ahead of the layout frontier
    void prepareAhead();
    void sheetPrepared(int sheet);
    static constexpr qreal kSheetGap = 64; // document units from one sheet's text to the next's
    static constexpr qint64 kSliceMs = 15;  // layout work per event-loop turn

    int sheetAt(int position) const;        // the sheet holding (or ending at) a position
    int sheetAtY(qreal documentY) const;    // the laid-out sheet at a height, -1 if none
    void startLayout();
    void layoutSlice(qint64 budgetMs); // then repaints and scrolls to a pending span
    void layOutFor(qint64 budgetMs);
    void openFrontierSheet();          // one step: makes the frontier sheet's document, or starts its layout
    bool layoutStarted(int sheet) const; // its layout began: it has a place and a laid-out top
    void advanceLayoutFrontier();
    void finishFrontierSheet();
    void sheetResized();
    QSizeF documentSize() const; // estimated until the layout is complete
    bool isLaidOut(Range r) const;
    void scrollWhenLaidOut(Range r, bool toTop);
    void scrollToTop(int position);

    ReadingSource m_source;
    quint64 m_sourceGeneration = 0; // which setSource() a prepared sheet belongs to
    QList<Sheet> m_sheets;
    QList<QMetaObject::Connection> m_layoutConnections;
    QTimer *m_layoutTimer = nullptr;
    int m_frontierSheet = 0;     // the first sheet not completely laid out; sheetCount() when done
    double m_msPerChar = 0.002;  // what opening a sheet has cost lately, per character
    QTextBlock m_layoutFrontier; // in the frontier sheet: the first block not laid out yet
    int m_laidOutPosition = 0;   // cursor positions before this are laid out
    qreal m_laidOutBottom = 0;   // document y above which layout, drawing and hit tests are free
    QSizeF m_documentSize;
    Range m_pendingScroll{-1, -1};
    bool m_pendingScrollToTop = false;
    int m_firstPage = 0;
    QList<int> m_pageOffsets;
    QString m_plainText; // the view text, one character per position
    qreal m_zoom = 1.0;
    int m_currentPage = -1;
    // The page of the range last scrolled to, and the scroll position it was shown at:
    // the current page while the view stays there, though the page before may top it.
    int m_shownPage = -1;
    int m_shownScroll = -1;

    SpanLayer m_layer;
    QHash<quint64, QList<QRectF>> m_rects;
    QVariantAnimation *m_flashAnimation = nullptr;

    int m_anchor = -1; // selection, cursor positions
    int m_position = -1;
    QPoint m_pressPos;
    bool m_selecting = false;
};
