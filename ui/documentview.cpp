#include "documentview.h"

#include <QtCore/QRegularExpression>
#include <QtWidgets/QScrollBar>

#include "document/filingdocument.h"
#include "findbar.h"
#include "pdfpageview.h"
#include "readingview.h"
#include "sheetpreparer.h"

#include <QtGui/QAction>
#include <QtPdf/QPdfDocument>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
PdfPageSource sourceFor(FilingDocument *doc)
{
    PdfPageSource s;
    for (int i = 0; i < doc->pageCount(); ++i) {
        s.pageSizes.append(doc->pageSizePoints(i));
        s.pageTexts.append(doc->content().text.pages.at(i));
    }
    if (QPdfDocument *pdf = doc->pdf()) {
        // QtPdf guards pdfium with its own lock, so its pages render on the view's thread.
        s.render = [pdf](int page, QSize size) {
            QPdfDocumentRenderOptions options;
            options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
            return pdf->render(page, size, options);
        };
    }
    s.spanRects = [doc](const SourceSpan &span) { return doc->spanRects(span); };
    s.charIndexAt = [doc](int page, QPointF point) { return doc->charIndexAt(page, point); };
    return s;
}
} // namespace

DocumentView::DocumentView(QWidget *parent)
    : QWidget(parent)
{
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_parts = new QComboBox(this);
    m_parts->setObjectName(u"partSelector"_s);
    m_parts->setToolTip(tr("Documents in this submission"));
    m_parts->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_parts->setMinimumContentsLength(40);
    m_parts->hide();

    m_stack = new QStackedWidget(this);
    m_pdf = new PdfPageView(m_stack);
    m_reading = new ReadingView(m_stack);
    m_notText = new QLabel(m_stack);
    m_notText->setAlignment(Qt::AlignCenter);
    m_notText->setObjectName(u"notText"_s);
    m_empty = new QLabel(tr("No filing open"), m_stack);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_pdf);
    m_stack->addWidget(m_reading);
    m_stack->addWidget(m_notText);

    m_findBar = new FindBar(this);
    m_findBar->hide();

    layout->addWidget(m_parts);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_findBar);

    connect(m_parts, &QComboBox::activated, this, &DocumentView::setCurrentPart);

    connect(m_pdf, &PdfPageView::highlightClicked, this, &DocumentView::highlightClicked);
    connect(m_pdf, &PdfPageView::selectionChanged, this, &DocumentView::selectionChanged);
    connect(m_pdf, &PdfPageView::textClicked, this, &DocumentView::textClicked);
    connect(m_pdf, &PdfPageView::currentPageChanged, this, [this](int page) {
        if (m_shown == Shown::Pdf)
            Q_EMIT currentPageChanged(page);
    });
    connect(m_pdf, &PdfPageView::zoomChanged, this, &DocumentView::zoomChanged);
    connect(m_pdf, &PdfPageView::findResultsChanged, this, &DocumentView::updateFindResult);
    connect(m_reading, &ReadingView::highlightClicked, this, &DocumentView::highlightClicked);
    connect(m_reading, &ReadingView::textClicked, this, &DocumentView::textClicked);
    connect(m_reading, &ReadingView::linkActivated, this, &DocumentView::goToPage);
    connect(m_reading, &ReadingView::selectionChanged, this, &DocumentView::selectionChanged);
    connect(m_reading, &ReadingView::currentPageChanged, this, [this](int page) {
        if (m_shown == Shown::Reading)
            Q_EMIT currentPageChanged(page);
    });
    connect(m_reading, &ReadingView::zoomChanged, this, &DocumentView::zoomChanged);
    connect(m_reading, &ReadingView::findResultsChanged, this, &DocumentView::updateFindResult);

    connect(m_findBar, &FindBar::findRequested, this, &DocumentView::runFind);
    connect(m_findBar, &FindBar::nextRequested, this, &DocumentView::findNext);
    connect(m_findBar, &FindBar::previousRequested, this, &DocumentView::findPrevious);
    connect(m_findBar, &FindBar::closed, this, &DocumentView::closeFind);

    const auto addShortcut = [this](const QList<QKeySequence> &keys, auto slot) {
        auto action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    // F3 and Shift+F3 everywhere, plus what the platform binds to find next and previous.
    const auto withKey = [](QKeySequence::StandardKey standard, const QKeySequence &key) {
        QList<QKeySequence> keys = QKeySequence::keyBindings(standard);
        if (!keys.contains(key))
            keys.prepend(key);
        return keys;
    };
    addShortcut(QKeySequence::keyBindings(QKeySequence::Find), [this] { openFind(); });
    addShortcut(withKey(QKeySequence::FindNext, QKeySequence(Qt::Key_F3)), [this] {
        if (m_findBar->isHidden())
            openFind();
        else
            findNext();
    });
    addShortcut(withKey(QKeySequence::FindPrevious, QKeySequence(Qt::SHIFT | Qt::Key_F3)),
                [this] { findPrevious(); });
    // Esc belongs to the find bar only while it is open.
    m_closeFindAction = addShortcut({QKeySequence(Qt::Key_Escape)}, [this] { closeFind(); });
    m_closeFindAction->setEnabled(false);
}

DocumentView::~DocumentView()
{
    m_pdf->clear();
}

void DocumentView::setDocument(FilingDocument *document)
{
    const bool fromPreview = m_previewing && document && document->format() == DocumentFormat::Pdf;
    m_previewing = false;
    if (!fromPreview)
        m_pdf->clear();
    m_reading->clear();
    m_document = document;
    m_highlights.clear();
    m_outline = SourceSpan();
    m_back.clear();
    m_forward.clear();
    Q_EMIT historyChanged();
    m_currentPart = -1;
    m_shown = Shown::Nothing;
    m_parts->clear();
    m_stack->setCurrentWidget(m_empty);
    if (!document) {
        m_parts->hide();
        return;
    }
    const QList<DocumentPart> &parts = document->content().parts;
    for (int i = 0; i < parts.size(); ++i)
        m_parts->addItem(partLabel(i));
    m_parts->setVisible(parts.size() > 1);
    if (document->format() == DocumentFormat::Pdf) {
        if (fromPreview)
            m_pdf->refreshSource(sourceFor(document));
        else
            m_pdf->setSource(sourceFor(document));
    }
    // The first part with text: a submission opens on its main document, not its header.
    int first = 0;
    for (int i = 0; i < parts.size(); ++i) {
        if (parts.at(i).hasText() && parts.at(i).kind != DocumentPart::Kind::Header) {
            first = i;
            break;
        }
    }
    showPart(parts.isEmpty() ? -1 : first);
}

void DocumentView::showPdfPreview(const std::shared_ptr<QPdfDocument> &pdf, const QList<QSizeF> &pageSizes)
{
    setDocument(nullptr);
    if (!pdf || pageSizes.isEmpty())
        return;
    PdfPageSource s;
    s.pageSizes = pageSizes;
    for (qsizetype i = 0; i < pageSizes.size(); ++i)
        s.pageTexts.append(QString());
    // Shared: a page of the preview may still be rendering when the filing replaces it.
    s.render = [pdf](int page, QSize size) {
        QPdfDocumentRenderOptions options;
        options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
        return pdf->render(page, size, options);
    };
    s.spanRects = [](const SourceSpan &) { return QList<QRectF>(); };
    s.charIndexAt = [](int, QPointF) { return -1; };
    m_pdf->setSource(s);
    m_previewing = true;
    m_shown = Shown::Pdf;
    m_stack->setCurrentWidget(m_pdf);
}

ReadingSource DocumentView::readingSource(FilingDocument *document, int part)
{
    const DocumentPart &p = document->content().parts.at(part);
    ReadingSource source;
    source.firstPage = p.firstPage;
    source.pageOffsets = p.pageOffsets;
    for (int i = 0; i < document->sheetCount(part); ++i)
        source.sheetStarts.append(document->sheetStart(part, i));
    if (p.kind == DocumentPart::Kind::Html) {
        source.text = document->content().text.pages.mid(p.firstPage, p.pageCount).join(u'\n');
    } else if (QTextDocument *doc = document->partDocument(part)) {
        source.text = doc->toPlainText();
    }
    // Sheets are made as the view reaches them.
    source.document = [document, part](int sheet) { return document->sheetDocument(part, sheet); };
    if (p.kind == DocumentPart::Kind::Html)
        source.prepare = SheetPreparer::forPart(document, part);
    if (p.kind == DocumentPart::Kind::Html) {
        // A table of contents links to ids and <a name>s on later pages: the page whose
        // cleaned HTML holds the name is the target.
        source.pageOfAnchor = [document, part](const QString &name) {
            const DocumentPart &html = document->content().parts.at(part);
            const QString escaped = name.toHtmlEscaped();
            for (qsizetype i = 0; i < html.sheets.size(); ++i) {
                const QString &sheet = html.sheets.at(i);
                for (const QString &attribute : {u"id"_s, u"name"_s})
                    for (QChar quote : {u'"', u'\''}) {
                        const QString needle = attribute + u'=' + quote + escaped + quote;
                        for (qsizetype at = sheet.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
                             at = sheet.indexOf(needle, at + 1, Qt::CaseInsensitive)) {
                            const QChar before = at > 0 ? sheet.at(at - 1) : QChar();
                            if (!before.isSpace())
                                continue;
                            // Filings often put the target just before the page break
                            // that starts the section: then the section is on the next page.
                            static const QRegularExpression tags(u"<[^>]*>|&nbsp;|&#160;"_s);
                            const bool lastOnPage = QString(sheet.mid(at)).remove(tags).trimmed().isEmpty();
                            const int page = int(i) + (lastOnPage && i + 1 < html.sheets.size() ? 1 : 0);
                            return html.firstPage + page;
                        }
                    }
            }
            return -1;
        };
    }
    return source;
}

QString DocumentView::partLabel(int part) const
{
    const DocumentPart &p = m_document->content().parts.at(part);
    QStringList bits;
    if (p.sequence > 0)
        bits.append(QString::number(p.sequence));
    bits.append(p.type.isEmpty() ? tr("Document") : p.type);
    if (!p.fileName.isEmpty())
        bits.append(p.fileName);
    QString label = bits.join(u" · "_s);
    if (!p.description.isEmpty())
        label += u" — "_s + p.description;
    if (!p.hasText())
        label += u"  "_s + tr("(not text)");
    return label;
}

int DocumentView::partCount() const
{
    return m_document ? int(m_document->content().parts.size()) : 0;
}

void DocumentView::setCurrentPart(int part)
{
    if (!m_document || part < 0 || part >= partCount() || part == m_currentPart)
        return;
    showPart(part);
}

void DocumentView::showPart(int part)
{
    m_currentPart = part;
    if (part < 0) {
        m_shown = Shown::Nothing;
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_parts->setCurrentIndex(part);
    const DocumentPart &p = m_document->content().parts.at(part);
    if (m_document->format() == DocumentFormat::Pdf) { // scanned pages without text still show
        m_shown = Shown::Pdf;
        m_pdf->setHighlights(m_highlights);
        m_pdf->setOutlineSpan(m_outline);
        m_stack->setCurrentWidget(m_pdf);
    } else if (p.hasText() && m_document->sheetCount(part) > 0) {
        m_shown = Shown::Reading;
        m_reading->setSource(readingSource(m_document, part));
        m_reading->setHighlights(m_highlights);
        m_reading->setOutlineSpan(m_outline);
        m_stack->setCurrentWidget(m_reading);
    } else {
        m_shown = Shown::NotText;
        m_notText->setText(p.hasText() ? tr("This part cannot be shown.")
                                       : tr("not text: %1").arg(p.type.isEmpty() ? tr("binary") : p.type));
        m_stack->setCurrentWidget(m_notText);
    }
    if (m_findBar->isVisible() && !m_findBar->text().isEmpty())
        runFind(m_findBar->text());
    else
        updateFindResult(0, -1);
    Q_EMIT currentPartChanged(part);
    Q_EMIT currentPageChanged(currentPage());
}

void DocumentView::setHighlights(const QList<Highlight> &highlights)
{
    m_highlights = highlights;
    if (m_shown == Shown::Pdf)
        m_pdf->setHighlights(highlights);
    else if (m_shown == Shown::Reading)
        m_reading->setHighlights(highlights);
}

void DocumentView::setOutlineSpan(const SourceSpan &span)
{
    m_outline = m_document && span.isValid() ? span : SourceSpan();
    if (m_shown == Shown::Pdf)
        m_pdf->setOutlineSpan(m_outline);
    else if (m_shown == Shown::Reading)
        m_reading->setOutlineSpan(m_outline);
}

void DocumentView::clearOutline()
{
    setOutlineSpan(SourceSpan());
}

void DocumentView::showSpan(const SourceSpan &span, const QString &entityId)
{
    if (!m_document || !span.isValid())
        return;
    recordJump(span.page);
    const int part = m_document->content().partOfPage(span.page);
    if (part >= 0 && part != m_currentPart)
        showPart(part);
    if (m_shown == Shown::Pdf)
        m_pdf->showSpan(span, entityId);
    else if (m_shown == Shown::Reading)
        m_reading->showSpan(span, entityId);
}

void DocumentView::clearShownSpan()
{
    m_pdf->clearShownSpan();
    m_reading->clearShownSpan();
}

SourceSpan DocumentView::selectedSpan() const
{
    if (m_shown == Shown::Pdf)
        return m_pdf->selectedSpan();
    if (m_shown == Shown::Reading)
        return m_reading->selectedSpan();
    return SourceSpan();
}

QString DocumentView::selectedText() const
{
    if (m_shown == Shown::Pdf)
        return m_pdf->selectedText();
    if (m_shown == Shown::Reading)
        return m_reading->selectedText();
    return QString();
}

int DocumentView::currentPage() const
{
    if (m_shown == Shown::Pdf)
        return m_pdf->currentPage();
    if (m_shown == Shown::Reading)
        return m_reading->currentPage();
    if (m_shown == Shown::NotText && m_document)
        return m_document->content().parts.at(m_currentPart).firstPage;
    return -1;
}

void DocumentView::goToPage(int page)
{
    if (!m_document)
        return;
    recordJump(page);
    const int part = m_document->content().partOfPage(page);
    if (part >= 0 && part != m_currentPart)
        showPart(part);
    if (m_shown == Shown::Pdf)
        m_pdf->goToPage(page);
    else if (m_shown == Shown::Reading)
        m_reading->goToPage(page);
}

qreal DocumentView::zoom() const
{
    return m_shown == Shown::Reading ? m_reading->zoom() : m_pdf->zoom();
}

void DocumentView::setZoom(qreal zoom)
{
    if (m_shown == Shown::Pdf)
        m_pdf->setZoom(zoom);
    else if (m_shown == Shown::Reading)
        m_reading->setZoom(zoom);
}

DocumentView::Place DocumentView::place() const
{
    Place p;
    if (!m_document || m_shown == Shown::Nothing)
        return p;
    p.part = m_currentPart;
    p.page = currentPage();
    p.zoom = zoom();
    if (m_shown == Shown::Pdf)
        p.scroll = m_pdf->verticalScrollBar()->value();
    else if (m_shown == Shown::Reading)
        p.scroll = m_reading->verticalScrollBar()->value();
    return p;
}

void DocumentView::restorePlace(const Place &place)
{
    if (!m_document || !place.isValid() || place.part >= partCount())
        return;
    if (place.part != m_currentPart)
        showPart(place.part);
    QAbstractScrollArea *area = m_shown == Shown::Pdf ? static_cast<QAbstractScrollArea *>(m_pdf)
        : m_shown == Shown::Reading                  ? static_cast<QAbstractScrollArea *>(m_reading)
                                                     : nullptr;
    if (!area)
        return;
    // At another zoom the scroll position means another place: go by the page then.
    if (qFuzzyCompare(zoom(), place.zoom) && area->verticalScrollBar()->maximum() >= place.scroll)
        area->verticalScrollBar()->setValue(place.scroll);
    else if (place.page >= 0)
        m_shown == Shown::Pdf ? m_pdf->goToPage(place.page) : m_reading->goToPage(place.page);
}

void DocumentView::recordJump(int page)
{
    if (!m_document || m_shown == Shown::Nothing)
        return;
    const int part = m_document->content().partOfPage(page);
    if (page == currentPage() && part == m_currentPart)
        return; // scrolling within the page is no jump
    const Place here = place();
    if (!here.isValid())
        return;
    m_back.append(here);
    while (m_back.size() > 100)
        m_back.removeFirst();
    m_forward.clear();
    Q_EMIT historyChanged();
}

void DocumentView::goBack()
{
    if (m_back.isEmpty())
        return;
    m_forward.append(place());
    restorePlace(m_back.takeLast());
    Q_EMIT historyChanged();
}

void DocumentView::goForward()
{
    if (m_forward.isEmpty())
        return;
    m_back.append(place());
    restorePlace(m_forward.takeLast());
    Q_EMIT historyChanged();
}

void DocumentView::clearHistory()
{
    m_back.clear();
    m_forward.clear();
    Q_EMIT historyChanged();
}

void DocumentView::zoomIn()
{
    if (m_shown == Shown::Pdf)
        m_pdf->zoomIn();
    else if (m_shown == Shown::Reading)
        m_reading->zoomIn();
}

void DocumentView::zoomOut()
{
    if (m_shown == Shown::Pdf)
        m_pdf->zoomOut();
    else if (m_shown == Shown::Reading)
        m_reading->zoomOut();
}

int DocumentView::find(const QString &text)
{
    m_findBar->show();
    m_closeFindAction->setEnabled(true);
    m_findBar->setText(text);
    return findHitCount();
}

void DocumentView::runFind(const QString &text)
{
    if (m_shown == Shown::Pdf)
        m_pdf->find(text);
    else if (m_shown == Shown::Reading)
        m_reading->find(text);
    else
        updateFindResult(0, -1);
}

void DocumentView::findNext()
{
    if (m_shown == Shown::Pdf)
        m_pdf->findNext();
    else if (m_shown == Shown::Reading)
        m_reading->findNext();
}

void DocumentView::findPrevious()
{
    if (m_shown == Shown::Pdf)
        m_pdf->findPrevious();
    else if (m_shown == Shown::Reading)
        m_reading->findPrevious();
}

int DocumentView::findHitCount() const
{
    if (m_shown == Shown::Pdf)
        return m_pdf->findHitCount();
    if (m_shown == Shown::Reading)
        return m_reading->findHitCount();
    return 0;
}

void DocumentView::openFind()
{
    m_closeFindAction->setEnabled(true);
    m_findBar->activate();
}

void DocumentView::closeFind()
{
    m_closeFindAction->setEnabled(false);
    m_findBar->hide();
    m_pdf->clearFind();
    m_reading->clearFind();
    if (QWidget *w = m_stack->currentWidget())
        w->setFocus(Qt::OtherFocusReason);
}

void DocumentView::updateFindResult(int hitCount, int current)
{
    m_findBar->setResult(hitCount, current);
}

QList<QRectF> DocumentView::highlightRectsInViewport(const QString &entityId)
{
    if (m_shown == Shown::Pdf)
        return m_pdf->highlightRectsInViewport(entityId);
    if (m_shown == Shown::Reading)
        return m_reading->highlightRectsInViewport(entityId);
    return {};
}

QWidget *DocumentView::viewportWidget() const
{
    if (m_shown == Shown::Pdf)
        return m_pdf->viewport();
    if (m_shown == Shown::Reading)
        return m_reading->viewport();
    return m_stack->currentWidget();
}
