#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"

#include <QtCore/QRectF>
#include <QtCore/QString>
#include <QtGui/QImage>

#include <atomic>
#include <functional>
#include <memory>

class QPdfDocument;
class QTextDocument;
class QThread;

// Why a file could not be opened, as a value; the GUI shows message, the CLI prints it.
struct LoadError
{
    enum class Kind { None, NotFound, NotAFile, Unreadable, Empty, TooLarge, PasswordRequired,
                      WrongPassword, Corrupt, Unsupported, Cancelled };
    Kind kind = Kind::None;
    QString message; // names the file and the problem, ready to show a user
    bool isError() const { return kind != Kind::None; }
};

struct LoadOptions
{
    QString password; // for encrypted PDFs
    // Raised by another thread to stop a load in progress (LoadError::Cancelled).
    // Checked between pages and documents; must outlive the load.
    const std::atomic_bool *cancel = nullptr;
    // Off, the inline-XBRL facts are not read (only the dei: cover facts are placed) and
    // the cache is neither read nor written: the benchmark's reference for what facts cost.
    bool xbrlFacts = true;
    // Reads the data tables of one HTML page from the sheet the loader has just built
    // (any thread; `page` counts from the part's first page): the tables then need no
    // second layout (DocumentPart::tables). Not called for pages taken from the cache.
    std::function<TableList(const QString &sheetHtml, const QTextDocument &sheet, const QString &pageText,
                            int page)>
        readTables;
};

// A loaded filing of any format: its content (text layer, parts, header) and,
// for PDFs, rendering and span geometry. Not thread-safe; lives on one thread.
// load() may run on a worker thread: the QObjects it creates (the QPdfDocument,
// the QTextDocuments of HTML parts) then belong to that thread, so hand the
// result over with moveToThread(guiThread) before the worker finishes, e.g.
//   QtConcurrent::run([=] { auto d = FilingDocument::load(p, o, &e);
//                           if (d) d->moveToThread(gui); return d; })
class FilingDocument final
{
public:
    ~FilingDocument();
    FilingDocument(const FilingDocument &) = delete;
    FilingDocument &operator=(const FilingDocument &) = delete;

    // Sniffs the content (not the name) and loads it. Never throws, never crashes
    // on bad input: on failure returns nullptr and fills *error.
    static std::unique_ptr<FilingDocument> load(const QString &path, const LoadOptions &options,
                                                LoadError *error);

    const DocumentContent &content() const { return m_content; }
    DocumentFormat format() const { return m_content.format; }
    QString filePath() const { return m_content.filePath; }
    QString sha256() const { return m_content.sha256; }
    int pageCount() const { return m_content.pageCount(); }

    // PDF only (nullptr otherwise): the QtPdf document, for rendering.
    QPdfDocument *pdf() const;
    QSizeF pageSizePoints(int page) const;

    // Rectangles, in page points, covering the span's text. PDF: via QtPdf,
    // cached per span. Other formats: empty (their views map spans through
    // QTextCursor positions, see DocumentPart::pageOffsets).
    QList<QRectF> spanRects(const SourceSpan &span) const;
    // The inverse: the character index on the page at a point (page points), -1 if none.
    int charIndexAt(int page, QPointF point) const;

    // The QTextDocuments the reading view shows for a part, in order ("sheets"): an
    // Html part has one per page (sheet i holds page firstPage + i, its text exactly
    // that page's text); a Text or Header part has one for all its pages; Pdf and
    // Binary parts have none. Sheet i starts at position sheetStart(part, i) of the
    // part's view text (DocumentPart::pageOffsets coordinates). A sheet's document is
    // created on first use on the calling thread (which must own this object), and
    // owned by this object; hasSheetDocument() says whether that is done already.
    int sheetCount(int part) const;
    int sheetStart(int part, int sheet) const;
    QTextDocument *sheetDocument(int part, int sheet) const;
    bool hasSheetDocument(int part, int sheet) const;
    // Takes a sheet's document made elsewhere (HtmlLoader::makeDocument of the part's
    // sheet on a worker thread, then moved to this object's thread), so that the thread
    // that shows it need not parse it; ignored when the sheet has its document already.
    void adoptSheetDocument(int part, int sheet, std::unique_ptr<QTextDocument> document) const;
    // Hands a sheet's document over (nullptr when it has none yet), e.g. to lay it out on
    // a worker thread and adopt it back; asked for meanwhile, the sheet gets a new one.
    std::unique_ptr<QTextDocument> takeSheetDocument(int part, int sheet) const;
    // Text and Header parts: their one sheet; nullptr for other kinds.
    QTextDocument *partDocument(int part) const;

    // Moves every QObject this document owns to `thread`; call on the thread that
    // currently owns them (the one that ran load()).
    void moveToThread(QThread *thread);

    // Filings larger than these are refused (LoadError::TooLarge) rather than
    // read into memory.
    static constexpr qint64 kMaxTextBytes = qint64(256) << 20;
    static constexpr qint64 kMaxPdfBytes = qint64(1) << 30;

private:
    FilingDocument();
    struct Private;
    std::unique_ptr<Private> d;
    DocumentContent m_content;
    friend struct DocumentLoader;
};
