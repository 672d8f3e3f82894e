#pragma once

#include "highlight.h"

#include <QtCore/QList>
#include <QtCore/QSizeF>
#include <QtWidgets/QWidget>

#include <memory>

class FilingDocument;
class QPdfDocument;
class FindBar;
class QAction;
class PdfPageView;
class QAbstractScrollArea;
class QComboBox;
class QLabel;
class QStackedWidget;
class ReadingView;
struct ReadingSource;

// The filing as the main window shows it: a part selector for submissions, the PDF page view
// or the reading view for the current part, entity highlights on either, and a find bar
// (Ctrl+F, F3, Shift+F3, Esc). Spans are in text-layer pages; the view switches parts itself.
class DocumentView final : public QWidget
{
    Q_OBJECT
public:
    // Where the reader is: the part, the page at the top, the scroll position and zoom.
    struct Place
    {
        int part = -1;
        int page = -1;
        int scroll = 0;
        qreal zoom = 0;
        bool isValid() const { return part >= 0; }
    };

    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    // nullptr clears. The document is not owned: set another one (or nullptr) before
    // destroying it, which also waits for a page render in flight.
    void setDocument(FilingDocument *document);
    // A PDF's pages before its FilingDocument has loaded (no text yet, so no highlights,
    // selection or find). A following setDocument() of that PDF keeps the place and the
    // rendered pages, without waiting for a preview page still rendering: the view shares
    // the ownership of pdf until that render is done. Its page sizes, in points, come with
    // it: this never asks pdfium (whose one lock the loading filing may hold).
    void showPdfPreview(const std::shared_ptr<QPdfDocument> &pdf, const QList<QSizeF> &pageSizes);
    FilingDocument *document() const { return m_document; }

    int partCount() const;
    int currentPart() const { return m_currentPart; }
    void setCurrentPart(int part);

    // All highlights of the document; each view shows those on its pages.
    void setHighlights(const QList<Highlight> &highlights);
    const QList<Highlight> &highlights() const { return m_highlights; }
    // Switches part if needed, scrolls the span into view, outlines and flashes it.
    void showSpan(const SourceSpan &span, const QString &entityId = QString());
    // The entity selected has no place in the text (a fact hidden in the XBRL): the span
    // shown before is no longer outlined as if it were that entity's.
    void clearShownSpan();
    // Draws a rectangle around the span's text (a whole table) wherever its page is shown,
    // until clearOutline() or another document; neither switches part nor scrolls (showSpan
    // does). An invalid span clears.
    void setOutlineSpan(const SourceSpan &span);
    void clearOutline();
    SourceSpan outlineSpan() const { return m_outline; }

    SourceSpan selectedSpan() const;
    QString selectedText() const;
    int currentPage() const;
    void goToPage(int page);

    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();

    Place place() const;
    void restorePlace(const Place &place);
    // Back and forward over jumps (showSpan and goToPage to another page or part), as a
    // browser or a PDF reader does; a new jump forgets the places ahead.
    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }
    void goBack();
    void goForward();
    void clearHistory();

    // Runs a find in the current part as if typed into the find bar; returns the hit count.
    int find(const QString &text);
    void findNext();
    void findPrevious();
    int findHitCount() const;
    void openFind();
    void closeFind();

    // Viewport coordinates of the current view's viewport (see viewportWidget()).
    QList<QRectF> highlightRectsInViewport(const QString &entityId);
    QWidget *viewportWidget() const;
    PdfPageView *pdfView() const { return m_pdf; }
    ReadingView *readingView() const { return m_reading; }
    FindBar *findBar() const { return m_findBar; }
    QComboBox *partSelector() const { return m_parts; }

    // What the reading view shows of a text part of the document: its sheets, made on
    // demand; the document must outlive the view's use of it.
    static ReadingSource readingSource(FilingDocument *document, int part);

Q_SIGNALS:
    void highlightClicked(const QStringList &entityIdsAtPoint);
    void textClicked(const SourceSpan &at); // a click on the text of the reading view or a PDF page
    void selectionChanged(const SourceSpan &span);
    void currentPageChanged(int page);
    void zoomChanged(qreal zoom);
    void currentPartChanged(int part);
    void historyChanged();

private:
    enum class Shown { Nothing, Pdf, Reading, NotText };

    void showPart(int part);
    // Remembers the current place before a jump to page (of part) elsewhere.
    void recordJump(int page);
    void runFind(const QString &text);
    void updateFindResult(int hitCount, int current);
    QString partLabel(int part) const;

    FilingDocument *m_document = nullptr;
    QList<Highlight> m_highlights;
    SourceSpan m_outline;
    QList<Place> m_back;
    QList<Place> m_forward;
    int m_currentPart = -1;
    Shown m_shown = Shown::Nothing;
    bool m_previewing = false;

    QComboBox *m_parts = nullptr;
    QStackedWidget *m_stack = nullptr;
    PdfPageView *m_pdf = nullptr;
    ReadingView *m_reading = nullptr;
    QLabel *m_notText = nullptr;
    QLabel *m_empty = nullptr;
    FindBar *m_findBar = nullptr;
    QAction *m_closeFindAction = nullptr;
};
