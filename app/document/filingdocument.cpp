#include "filingdocument.h"

#include "documentcache.h"
#include "formatsniffer.h"
#include "backgroundpriority.h"
#include "htmlcleaner.h"
#include "htmlloader.h"
#include "inlinexbrl.h"
#include "pdfloader.h"
#include "plaintextloader.h"
#include "submissionparser.h"
#include "textdecoder.h"
#include "workerpool.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QFuture>
#include <QtCore/QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>
#include <QtGui/QFontDatabase>
#include <QtGui/QTextDocument>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>

#include <map>
#include <tuple>

using namespace Qt::StringLiterals;

// Quiet by default: the caller shows LoadError itself; QT_LOGGING_RULES="filinglens.document.info=true" shows more.
Q_LOGGING_CATEGORY(lcDocument, "filinglens.document", QtWarningMsg)

namespace {

// The inline-XBRL facts of one HTML document, read on the worker pool while the
// caller cleans the same HTML and lays out its pages. The cleaner keeps one core busy
// and leaves the other idle (about 50 ms on a 10-K); a whole reading of the facts
// takes about half that, so on two cores it costs no time at all. take() waits for it
// (running it on the caller's thread if no pool thread has started it yet).
class FactReading
{
public:
    FactReading(const QString &html, bool wanted) { start(html, wanted); }
    ~FactReading()
    {
        if (m_future.isValid())
            m_future.waitForFinished(); // it reads the caller's HTML
    }
    FactReading(const FactReading &) = delete;
    FactReading &operator=(const FactReading &) = delete;

    // Starts reading `html` (which must outlive it) if wanted, none was started and it may
    // hold facts.
    void start(const QString &html, bool wanted)
    {
        if (wanted && !m_future.isValid() && InlineXbrl::mayHoldFacts(html))
            m_future = QtConcurrent::run(workerPool(), [&html] {
                BackgroundPriority::enter();
                return InlineXbrl::read(html);
            });
    }
    // The reading (none when none was started).
    InlineXbrl::Reading take()
    {
        if (!m_future.isValid())
            return {};
        InlineXbrl::Reading reading = m_future.takeResult();
        m_future = {};
        return reading;
    }

private:
    QFuture<InlineXbrl::Reading> m_future;
};

// Span geometry is cheap to keep but not free; past this many spans the cache starts over.
constexpr int kMaxCachedSpans = 8192;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

struct FilingDocument::Private
{
    std::unique_ptr<QPdfDocument> pdf;
    QList<QSizeF> pageSizes;
    // By (part, sheet).
    mutable std::map<std::pair<int, int>, std::unique_ptr<QTextDocument>> sheetDocuments;
    mutable std::map<std::tuple<int, int, int>, QList<QRectF>> spanRects;
};

// Builds a FilingDocument from a file; the one place that may touch its privates.
struct DocumentLoader
{
    static std::unique_ptr<FilingDocument> load(const QString &path, const LoadOptions &options,
                                                LoadError *error);
    static bool loadText(FilingDocument &doc, FormatSniffer::Kind kind, const QByteArray &bytes,
                         const LoadOptions &options, LoadError *error);
    static void addHtmlPart(FilingDocument &doc, DocumentPart part, HtmlLoader::Part html,
                            QList<XbrlFact> xbrl);
    static QList<XbrlFact> placeFacts(InlineXbrl::Reading reading, const HtmlLoader::Part &html);
    static HtmlLoader::Part loadHtmlPart(const QString &html, QList<XbrlFact> *xbrl,
                                         const LoadOptions &options);
    static HtmlLoader::Part loadCleanedPart(HtmlCleaner::Result cleaned, FactReading &reading,
                                            QList<XbrlFact> *xbrl, const LoadOptions &options);
    static void addTextPart(FilingDocument &doc, DocumentPart part, QStringView text, bool edgarPages);
};

FilingDocument::FilingDocument() : d(std::make_unique<Private>()) { }

FilingDocument::~FilingDocument() = default;

std::unique_ptr<FilingDocument> FilingDocument::load(const QString &path, const LoadOptions &options,
                                                     LoadError *error)
{
    LoadError ignored;
    LoadError *err = error ? error : &ignored;
    *err = LoadError{};
    std::unique_ptr<FilingDocument> doc = DocumentLoader::load(path, options, err);
    if (!doc && !err->isError())
        *err = LoadError{LoadError::Kind::Corrupt, u"%1 could not be opened."_s.arg(shown(path))};
    if (err->isError())
        qCInfo(lcDocument) << err->message;
    return err->isError() ? nullptr : std::move(doc);
}

std::unique_ptr<FilingDocument> DocumentLoader::load(const QString &path, const LoadOptions &options,
                                                     LoadError *error)
{
    const auto fail = [error](LoadError::Kind kind, const QString &message) {
        *error = LoadError{kind, message};
        return std::unique_ptr<FilingDocument>();
    };
    if (path.isEmpty())
        return fail(LoadError::Kind::NotFound, u"No file name was given."_s);
    const QFileInfo info(path);
    if (!info.exists())
        return fail(LoadError::Kind::NotFound, u"%1 does not exist."_s.arg(shown(path)));
    if (info.isDir())
        return fail(LoadError::Kind::NotAFile, u"%1 is a folder, not a filing."_s.arg(shown(path)));
    if (!info.isFile())
        return fail(LoadError::Kind::NotAFile, u"%1 is not a regular file."_s.arg(shown(path)));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(LoadError::Kind::Unreadable,
                    u"%1 cannot be read: %2."_s.arg(shown(path), file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return fail(LoadError::Kind::Empty, u"%1 is empty."_s.arg(shown(path)));

    const QByteArray head = file.read(FormatSniffer::kSampleSize);
    const FormatSniffer::Kind kind = FormatSniffer::sniff(head);

    std::unique_ptr<FilingDocument> doc(new FilingDocument);
    DocumentContent &c = doc->m_content;
    c.filePath = info.absoluteFilePath();
    c.fileName = info.fileName();

    if (kind == FormatSniffer::Kind::Pdf) {
        if (size > FilingDocument::kMaxPdfBytes)
            return fail(LoadError::Kind::TooLarge,
                        u"%1 is too large to open (%2 MB; the limit for PDF files is %3 MB)."_s.arg(
                            shown(path), QString::number(size >> 20),
                            QString::number(FilingDocument::kMaxPdfBytes >> 20)));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        file.seek(0);
        if (!hash.addData(&file))
            return fail(LoadError::Kind::Unreadable,
                        u"%1 cannot be read: %2."_s.arg(shown(path), file.errorString()));
        file.close();
        c.sha256 = QString::fromLatin1(hash.result().toHex());
        PdfLoader::Result pdf = PdfLoader::load(path, options.password, error, options.cancel, c.sha256);
        if (error->isError()) {
            error->message = error->message.replace(c.fileName, shown(path));
            return nullptr;
        }
        c.format = DocumentFormat::Pdf;
        c.text.pages = pdf.pages;
        c.pdfWords = pdf.words;
        DocumentPart part;
        part.kind = DocumentPart::Kind::Pdf;
        part.fileName = c.fileName;
        part.pageCount = int(pdf.pages.size());
        c.parts.append(part);
        doc->d->pdf = std::move(pdf.pdf);
        doc->d->pageSizes = pdf.pageSizes;
        return doc;
    }

    if (size > FilingDocument::kMaxTextBytes)
        return fail(LoadError::Kind::TooLarge,
                    u"%1 is too large to open (%2 MB; the limit is %3 MB)."_s.arg(
                        shown(path), QString::number(size >> 20),
                        QString::number(FilingDocument::kMaxTextBytes >> 20)));
    if (kind == FormatSniffer::Kind::Binary) {
        if (c.fileName.endsWith(u".pdf"_s, Qt::CaseInsensitive))
            return fail(LoadError::Kind::Corrupt,
                        u"%1 is not a valid PDF file (it does not start with %PDF) and cannot be opened."_s.arg(
                            shown(path)));
        return fail(LoadError::Kind::Unsupported,
                    u"%1 holds binary data, not a filing (PDF, HTML, EDGAR submission or text)."_s.arg(
                        shown(path)));
    }
    QByteArray bytes = head;
    bytes += file.readAll();
    if (bytes.size() != size)
        return fail(LoadError::Kind::Unreadable,
                    u"%1 cannot be read completely: %2."_s.arg(shown(path), file.errorString()));
    c.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (!loadText(*doc, kind, bytes, options, error)) {
        if (error->message.isEmpty())
            error->message = u"%1 could not be read as a filing."_s.arg(shown(path));
        return nullptr;
    }
    return doc;
}

// The facts of an inline-XBRL reading, each visible one placed where the cleaner
// anchored its start tag.
QList<XbrlFact> DocumentLoader::placeFacts(InlineXbrl::Reading reading, const HtmlLoader::Part &html)
{
    if (reading.truncated)
        qCWarning(lcDocument) << "more than" << InlineXbrl::kMaxFacts
                              << "inline-XBRL facts in one document; the rest are left out";
    for (qsizetype i = 0; i < reading.facts.size(); ++i) {
        XbrlFact &f = reading.facts[i];
        if (f.hidden)
            continue;
        const auto it = html.factSpans.constFind(reading.sources.at(i));
        if (it != html.factSpans.cend())
            f.span = it.value();
    }
    return std::move(reading.facts);
}

// An HTML part: its sheets and text layer, and its facts read from the same HTML on
// another core meanwhile.
HtmlLoader::Part DocumentLoader::loadHtmlPart(const QString &html, QList<XbrlFact> *xbrl,
                                              const LoadOptions &options)
{
    FactReading reading(html, options.xbrlFacts);
    return loadCleanedPart(HtmlCleaner::clean(html, options.xbrlFacts), reading, xbrl, options);
}

HtmlLoader::Part DocumentLoader::loadCleanedPart(HtmlCleaner::Result cleaned, FactReading &reading,
                                                 QList<XbrlFact> *xbrl, const LoadOptions &options)
{
    HtmlLoader::Part part = HtmlLoader::load(std::move(cleaned), {}, options.readTables);
    *xbrl = placeFacts(reading.take(), part);
    return part;
}

void DocumentLoader::addHtmlPart(FilingDocument &doc, DocumentPart part, HtmlLoader::Part html,
                                 QList<XbrlFact> xbrl)
{
    DocumentContent &c = doc.m_content;
    part.kind = DocumentPart::Kind::Html;
    part.firstPage = c.text.pageCount();
    part.pageCount = int(html.pages.size());
    part.pageOffsets = html.pageOffsets;
    part.sheets = std::move(html.sheets);
    part.tablesRead = html.tablesRead;
    part.tables = std::move(html.tables);
    for (FilingTable &table : part.tables) {
        if (table.span.isValid())
            table.span.page += part.firstPage;
        for (TableCell &cell : table.cells) {
            if (cell.span.isValid())
                cell.span.page += part.firstPage;
        }
    }
    for (DeiFact fact : std::as_const(html.facts)) {
        if (fact.span.isValid())
            fact.span.page += part.firstPage;
        c.deiFacts.append(fact);
    }
    c.xbrlFacts.reserve(c.xbrlFacts.size() + xbrl.size());
    for (XbrlFact &fact : xbrl) {
        if (fact.span.isValid())
            fact.span.page += part.firstPage;
        c.xbrlFacts.append(std::move(fact));
    }
    c.text.pages += html.pages;
    const int index = int(c.parts.size());
    for (size_t sheet = 0; sheet < html.documents.size(); ++sheet) {
        if (html.documents[sheet])
            doc.d->sheetDocuments[{index, int(sheet)}] = std::move(html.documents[sheet]);
    }
    c.parts.append(part);
}

void DocumentLoader::addTextPart(FilingDocument &doc, DocumentPart part, QStringView text, bool edgarPages)
{
    DocumentContent &c = doc.m_content;
    PlainTextLoader::Pages pages = PlainTextLoader::split(text, edgarPages);
    part.firstPage = c.text.pageCount();
    part.pageCount = int(pages.pages.size());
    part.pageOffsets = pages.viewOffsets;
    c.text.pages += pages.pages;
    c.parts.append(part);
}

bool DocumentLoader::loadText(FilingDocument &doc, FormatSniffer::Kind kind, const QByteArray &bytes,
                              const LoadOptions &options, LoadError *error)
{
    DocumentContent &c = doc.m_content;
    const auto cancelled = [&]() {
        if (!options.cancel || !options.cancel->load())
            return false;
        *error = LoadError{LoadError::Kind::Cancelled, u"Opening %1 was cancelled."_s.arg(shown(c.filePath))};
        return true;
    };
    const QString text = TextDecoder::decode(bytes);
    if (cancelled())
        return false;

    if (kind == FormatSniffer::Kind::Html) {
        c.format = DocumentFormat::Html;
        HtmlLoader::Part html;
        QStringList pages;
        QList<DeiFact> facts;
        QList<XbrlFact> xbrl;
        QList<int> anchored;
        // Reopening a file seen before: its text layer and facts come from the cache and
        // the reading view makes the sheet documents it shows on demand. Otherwise the
        // inline-XBRL facts are read on another core while the HTML is cleaned and its
        // pages are laid out.
        const bool cached = DocumentCache::readHtmlText(c.sha256, &pages, &facts, &xbrl, options.xbrlFacts,
                                                        &anchored);
        FactReading reading(text, options.xbrlFacts && !cached);
        HtmlCleaner::Result cleaned = HtmlCleaner::clean(text, options.xbrlFacts);
        if (cached && pages.size() == cleaned.sheets.size()) {
            // A sheet whose text was read with anchors is shown with them: its lines
            // break as they did when the text layer was made.
            for (int sheet : std::as_const(anchored))
                cleaned.sheets[sheet] = HtmlCleaner::withAnchors(cleaned, sheet);
            html.sheets = std::move(cleaned.sheets);
            html.droppedTags = cleaned.droppedTags;
            html.pageOffsets = HtmlLoader::joinedOffsets(pages);
            html.pages = std::move(pages);
            html.facts = std::move(facts);
        } else {
            // A cached text layer that no longer matches the sheets: its facts are read now.
            if (cached)
                reading.start(text, options.xbrlFacts);
            html = loadCleanedPart(std::move(cleaned), reading, &xbrl, options);
            DocumentCache::writeHtmlText(c.sha256, html.pages, html.facts, xbrl, options.xbrlFacts,
                                         html.anchoredSheets);
        }
        if (html.droppedTags > 0)
            qCInfo(lcDocument) << c.fileName << "nests elements too deeply;" << html.droppedTags
                               << "tags were flattened";
        DocumentPart part;
        part.fileName = c.fileName;
        for (const DeiFact &f : std::as_const(html.facts)) {
            if (f.name == u"DocumentType"_s) {
                part.type = f.value;
                break;
            }
        }
        addHtmlPart(doc, part, std::move(html), std::move(xbrl));
        return true;
    }

    if (kind == FormatSniffer::Kind::Submission) {
        c.format = DocumentFormat::Submission;
        SubmissionParser::Result sub = SubmissionParser::parse(text);
        if (!sub.hasHeader && sub.documents.isEmpty()) {
            *error = LoadError{LoadError::Kind::Corrupt,
                               u"%1 looks like an EDGAR submission but holds neither a header nor a document."_s.arg(
                                   shown(c.filePath))};
            return false;
        }
        if (sub.hasHeader) {
            DocumentPart header;
            header.kind = DocumentPart::Kind::Header;
            header.type = u"SEC-HEADER"_s;
            header.firstPage = 0;
            header.pageCount = 1;
            header.pageOffsets = {0};
            c.text.pages.append(sub.headerText);
            c.parts.append(header);
            c.header = sub.header;
        }
        for (SubmissionParser::Document &d : sub.documents) {
            if (cancelled())
                return false;
            DocumentPart part;
            part.type = d.type;
            part.sequence = d.sequence;
            part.fileName = d.fileName;
            part.description = d.description;
            part.kind = d.kind;
            switch (d.kind) {
            case DocumentPart::Kind::Html: {
                QList<XbrlFact> xbrl;
                HtmlLoader::Part html = loadHtmlPart(d.body, &xbrl, options);
                addHtmlPart(doc, part, std::move(html), std::move(xbrl));
                break;
            }
            case DocumentPart::Kind::Text:
                addTextPart(doc, part, d.body, true);
                break;
            default:
                part.kind = DocumentPart::Kind::Binary;
                part.firstPage = c.text.pageCount();
                part.pageCount = 0;
                c.parts.append(part);
                break;
            }
            d.body.clear();
        }
        return true;
    }

    c.format = DocumentFormat::PlainText;
    DocumentPart part;
    part.kind = DocumentPart::Kind::Text;
    part.fileName = c.fileName;
    addTextPart(doc, part, text, false);
    return true;
}

QPdfDocument *FilingDocument::pdf() const
{
    return d->pdf.get();
}

QSizeF FilingDocument::pageSizePoints(int page) const
{
    if (page < 0 || page >= d->pageSizes.size())
        return {};
    return d->pageSizes.at(page);
}

QList<QRectF> FilingDocument::spanRects(const SourceSpan &span) const
{
    if (!d->pdf || !span.isValid() || span.page >= m_content.text.pageCount() || span.length() == 0)
        return {};
    const auto key = std::make_tuple(span.page, span.start, span.end);
    if (const auto it = d->spanRects.find(key); it != d->spanRects.end())
        return it->second;
    const QString &text = m_content.text.pages.at(span.page);
    if (span.end > text.size())
        return {};
    const int from = PdfLoader::pdfIndex(text, span.start);
    const int to = PdfLoader::pdfIndex(text, span.end);
    const QPdfSelection sel = d->pdf->getSelectionAtIndex(span.page, from, to - from);
    QList<QRectF> rects;
    const QList<QPolygonF> bounds = sel.bounds();
    rects.reserve(bounds.size());
    for (const QPolygonF &poly : bounds)
        rects.append(poly.boundingRect());
    if (d->spanRects.size() >= kMaxCachedSpans)
        d->spanRects.clear();
    d->spanRects.emplace(key, rects);
    return rects;
}

int FilingDocument::charIndexAt(int page, QPointF point) const
{
    if (!d->pdf || page < 0 || page >= d->pageSizes.size())
        return -1;
    // QtPdf has no "character at point", but a selection between two points
    // starts at the character PDFium finds under the first one (with a few
    // points of tolerance). Pair the point with one a little to its right (or
    // left, at the end of a line) until the two hit different characters.
    int index = -1;
    for (const qreal dx : {4.0, 8.0, 14.0, 24.0}) {
        const QPdfSelection right = d->pdf->getSelection(page, point, point + QPointF(dx, 0));
        if (right.isValid()) {
            index = right.startIndex();
            break;
        }
        const QPdfSelection left = d->pdf->getSelection(page, point - QPointF(dx, 0), point);
        if (left.isValid()) {
            index = left.endIndex();
            break;
        }
    }
    if (index < 0)
        return -1;
    const QString &text = m_content.text.pages.at(page);
    return qMin(PdfLoader::utf16Offset(text, index), int(text.size()));
}

int FilingDocument::sheetCount(int part) const
{
    if (part < 0 || part >= m_content.parts.size())
        return 0;
    const DocumentPart &p = m_content.parts.at(part);
    switch (p.kind) {
    case DocumentPart::Kind::Html:
        return int(p.sheets.size());
    case DocumentPart::Kind::Text:
    case DocumentPart::Kind::Header:
        return 1;
    case DocumentPart::Kind::Pdf:
    case DocumentPart::Kind::Binary:
        break;
    }
    return 0;
}

int FilingDocument::sheetStart(int part, int sheet) const
{
    if (sheet < 0 || sheet >= sheetCount(part))
        return -1;
    const DocumentPart &p = m_content.parts.at(part);
    if (p.kind == DocumentPart::Kind::Html)
        return p.pageOffsets.value(sheet, -1);
    return 0;
}

bool FilingDocument::hasSheetDocument(int part, int sheet) const
{
    const auto it = d->sheetDocuments.find({part, sheet});
    return it != d->sheetDocuments.end() && it->second;
}

void FilingDocument::adoptSheetDocument(int part, int sheet, std::unique_ptr<QTextDocument> document) const
{
    if (!document || sheet < 0 || sheet >= sheetCount(part) || hasSheetDocument(part, sheet))
        return;
    d->sheetDocuments[{part, sheet}] = std::move(document);
}

std::unique_ptr<QTextDocument> FilingDocument::takeSheetDocument(int part, int sheet) const
{
    const auto it = d->sheetDocuments.find({part, sheet});
    if (it == d->sheetDocuments.end())
        return nullptr;
    std::unique_ptr<QTextDocument> taken = std::move(it->second);
    d->sheetDocuments.erase(it);
    return taken;
}

QTextDocument *FilingDocument::sheetDocument(int part, int sheet) const
{
    if (sheet < 0 || sheet >= sheetCount(part))
        return nullptr;
    if (const auto it = d->sheetDocuments.find({part, sheet}); it != d->sheetDocuments.end() && it->second)
        return it->second.get();
    const DocumentPart &p = m_content.parts.at(part);
    std::unique_ptr<QTextDocument> doc;
    if (p.kind == DocumentPart::Kind::Html) {
        doc = HtmlLoader::makeDocument(p.sheets.at(sheet));
    } else {
        doc = std::make_unique<QTextDocument>();
        doc->setUndoRedoEnabled(false);
        doc->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        const QStringList pages = m_content.text.pages.mid(p.firstPage, p.pageCount);
        doc->setPlainText(pages.join(u'\n'));
    }
    QTextDocument *raw = doc.get();
    d->sheetDocuments[{part, sheet}] = std::move(doc);
    return raw;
}

QTextDocument *FilingDocument::partDocument(int part) const
{
    if (part < 0 || part >= m_content.parts.size())
        return nullptr;
    const DocumentPart::Kind kind = m_content.parts.at(part).kind;
    if (kind != DocumentPart::Kind::Text && kind != DocumentPart::Kind::Header)
        return nullptr;
    return sheetDocument(part, 0);
}

void FilingDocument::moveToThread(QThread *thread)
{
    if (d->pdf)
        d->pdf->moveToThread(thread);
    for (auto &[key, doc] : d->sheetDocuments) {
        Q_UNUSED(key);
        if (doc)
            doc->moveToThread(thread);
    }
}
