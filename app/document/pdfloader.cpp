#include "pdfloader.h"

#include "documentcache.h"

#include "pdftextworker.h"
#include "model/textlayer.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>

using namespace Qt::StringLiterals;

namespace {

// A PDF ends with %%EOF. Without it the file was cut off in transfer, and
// PDFium would silently "repair" it into fewer or empty pages. Some writers
// append padding after %%EOF, so what follows the last marker only counts as
// a cut-off update when it holds PDF objects.
bool looksTruncated(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const qint64 tailSize = qMin<qint64>(f.size(), qint64(8) << 20);
    if (!f.seek(f.size() - tailSize))
        return false;
    const QByteArray tail = f.read(tailSize);
    const qsizetype eof = tail.lastIndexOf("%%EOF");
    if (eof < 0)
        return true;
    const QByteArray after = tail.mid(eof + 5);
    return after.contains("endobj") || after.contains("endstream") || after.contains("xref")
        || after.contains("trailer");
}

} // namespace

QString PdfLoader::pageText(QPdfDocument *pdf, int page)
{
    return normalizedText(pdf->getAllText(page).text());
}

QString PdfLoader::normalizedText(QString text)
{
    QChar *c = text.data();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = c[i].unicode();
        if (u == u'\r')
            c[i] = (i + 1 < n && c[i + 1] == u'\n') ? QChar(u' ') : QChar(u'\n');
        else if (u == 0x02) // PDFium's mark for a hyphen it found at a line end
            c[i] = QChar(u'-');
        else if ((u < 0x20 && u != u'\n' && u != u'\t' && u != u'\f') || u == 0xFFFE || u == 0xFFFF)
            c[i] = QChar(QChar::ReplacementCharacter); // a glyph without a Unicode mapping
    }
    return text;
}

int PdfLoader::pdfIndex(const QString &pageText, int utf16Offset)
{
    return TextLayer::toCodePoint(pageText, utf16Offset);
}

int PdfLoader::utf16Offset(const QString &pageText, int pdfIndex)
{
    return TextLayer::fromCodePoint(pageText, pdfIndex);
}

PdfLoader::Result PdfLoader::load(const QString &path, const QString &password, LoadError *error,
                                  const std::atomic_bool *cancel, const QString &sha256)
{
    Result r;
    const QString name = QFileInfo(path).fileName();
    auto pdf = std::make_unique<QPdfDocument>(nullptr);
    if (!password.isEmpty())
        pdf->setPassword(password);
    const QPdfDocument::Error e = pdf->load(path);
    const auto fail = [&](LoadError::Kind kind, const QString &message) {
        *error = LoadError{kind, message};
        return Result{};
    };
    switch (e) {
    case QPdfDocument::Error::None:
        break;
    case QPdfDocument::Error::IncorrectPassword:
        if (password.isEmpty())
            return fail(LoadError::Kind::PasswordRequired,
                        u"%1 is protected by a password."_s.arg(name));
        return fail(LoadError::Kind::WrongPassword,
                    u"The password for %1 is not correct."_s.arg(name));
    case QPdfDocument::Error::FileNotFound:
        return fail(LoadError::Kind::NotFound, u"%1 could not be found."_s.arg(path));
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return fail(LoadError::Kind::Unsupported,
                    u"%1 is encrypted with a scheme that cannot be opened."_s.arg(name));
    case QPdfDocument::Error::InvalidFileFormat:
    case QPdfDocument::Error::DataNotYetAvailable:
    case QPdfDocument::Error::Unknown:
        return fail(LoadError::Kind::Corrupt,
                    u"%1 is damaged or not a valid PDF file and cannot be opened."_s.arg(name));
    }
    if (looksTruncated(path))
        return fail(LoadError::Kind::Corrupt,
                    u"%1 is incomplete: the PDF file was cut off (no end-of-file marker)."_s.arg(name));
    const int pages = pdf->pageCount();
    if (pages <= 0)
        return fail(LoadError::Kind::Corrupt, u"%1 has no pages."_s.arg(name));
    const auto cancelled = [&]() { return cancel && cancel->load(); };
    const bool cached = DocumentCache::readPageTexts(sha256, &r.pages, &r.pageSizes) && r.pages.size() == pages
        && readCachedWords(sha256, pages, &r.words);
    if (!cached || r.pageSizes.size() != pages) {
        r.pageSizes.clear();
        r.pageSizes.reserve(pages);
        for (int p = 0; p < pages; ++p)
            r.pageSizes.append(pdf->pagePointSize(p));
    }
    if (!cached
        && (pages < kMinPagesForWorkers || !PdfTextWorker::readPages(path, password, pages, &r.pages, cancel, 2, &r.words))) {
        r.pages.clear();
        r.words.clear();
        r.pages.reserve(pages);
        r.words.reserve(pages);
        for (int p = 0; p < pages && !cancelled(); ++p) {
            QList<TextBox> words;
            r.pages.append(pageTextAndWords(pdf.get(), p, &words));
            r.words.append(std::move(words));
        }
    }
    if (cancelled())
        return fail(LoadError::Kind::Cancelled, u"Opening %1 was cancelled."_s.arg(name));
    if (!cached) {
        DocumentCache::writePageTexts(sha256, r.pages, r.pageSizes);
        writeCachedWords(sha256, r.words);
    }
    r.pdf = std::move(pdf);
    return r;
}
