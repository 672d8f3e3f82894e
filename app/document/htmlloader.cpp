#include "htmlloader.h"

#include "htmlcleaner.h"

#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Range
{
    int start = -1;
    int end = -1;
};

// Pages start where the filing asks a printer to break; breaks that would
// leave a page with nothing but white space are ignored.
QList<int> pageStarts(const QTextDocument &doc, const QString &text)
{
    QList<int> breaks;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const auto policy = b.blockFormat().pageBreakPolicy();
        if (policy & QTextFormat::PageBreak_AlwaysBefore)
            breaks.append(b.position());
        if ((policy & QTextFormat::PageBreak_AlwaysAfter) && b.next().isValid())
            breaks.append(b.next().position());
    }
    std::sort(breaks.begin(), breaks.end());
    QList<int> starts{0};
    for (int pos : std::as_const(breaks)) {
        if (pos <= starts.constLast() || pos >= text.size())
            continue;
        const QStringView page = QStringView(text).mid(starts.constLast(), pos - starts.constLast());
        if (!page.trimmed().isEmpty())
            starts.append(pos);
    }
    if (starts.size() > 1 && QStringView(text).mid(starts.constLast()).trimmed().isEmpty())
        starts.removeLast();
    return starts;
}

// Where `fact` (white space simplified) ends when read from `start` in the
// document's text. Layout may put line breaks or cell breaks where the source
// had none, so white space in the document is skipped freely; the match stops
// at the first differing character.
int matchEnd(const QString &text, int start, const QString &fact)
{
    int i = start;
    int end = start;
    const int n = int(text.size());
    for (qsizetype j = 0; j < fact.size(); ++j) {
        const QChar want = fact.at(j);
        if (want.isSpace()) {
            while (i < n && text.at(i).isSpace())
                ++i;
            continue;
        }
        while (i < n && text.at(i).isSpace() && text.at(i) != want)
            ++i;
        if (i >= n || text.at(i) != want)
            break;
        end = ++i;
    }
    return end;
}

} // namespace

std::unique_ptr<QTextDocument> HtmlLoader::makeDocument(const QString &cleanedHtml)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setUndoRedoEnabled(false);
    doc->setHtml(cleanedHtml);
    return doc;
}

HtmlLoader::Part HtmlLoader::load(QStringView html)
{
    Part part;
    HtmlCleaner::Result cleaned = HtmlCleaner::clean(html);
    part.html = std::move(cleaned.html);
    part.droppedTags = cleaned.droppedTags;
    part.document = makeDocument(part.html);
    const QString text = part.document->toPlainText();

    part.pageOffsets = pageStarts(*part.document, text);
    for (qsizetype i = 0; i < part.pageOffsets.size(); ++i) {
        const int from = part.pageOffsets.at(i);
        const int to = i + 1 < part.pageOffsets.size() ? part.pageOffsets.at(i + 1) : int(text.size());
        QString page = text.mid(from, to - from);
        if (i + 1 < part.pageOffsets.size() && page.endsWith(u'\n'))
            page.chop(1);
        part.pages.append(page);
    }

    // Where each visible fact starts: the character carrying its anchor.
    QList<Range> ranges(cleaned.facts.size());
    const QString prefix = u"fl-fact-"_s;
    for (QTextBlock b = part.document->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment frag = it.fragment();
            const QTextCharFormat fmt = frag.charFormat();
            if (!fmt.isAnchor())
                continue;
            const QStringList names = fmt.anchorNames();
            for (const QString &name : names) {
                if (!name.startsWith(prefix))
                    continue;
                bool ok = false;
                const int index = QStringView(name).mid(prefix.size()).toInt(&ok);
                if (ok && index >= 0 && index < ranges.size() && ranges.at(index).start < 0)
                    ranges[index].start = frag.position();
            }
        }
    }
    for (qsizetype f = 0; f < ranges.size(); ++f) {
        Range &r = ranges[f];
        if (r.start >= 0)
            r.end = matchEnd(text, r.start, cleaned.facts.at(f).text);
        if (r.end <= r.start)
            r.start = -1;
    }

    for (qsizetype f = 0; f < cleaned.facts.size(); ++f) {
        const HtmlCleaner::Fact &fact = cleaned.facts.at(f);
        DeiFact dei;
        dei.name = fact.name;
        const Range r = ranges.at(f);
        if (fact.hidden || r.start < 0) {
            dei.value = fact.text;
            part.facts.append(dei);
            continue;
        }
        const auto pageIt = std::upper_bound(part.pageOffsets.cbegin(), part.pageOffsets.cend(), r.start);
        const int page = int(pageIt - part.pageOffsets.cbegin()) - 1;
        const int offset = part.pageOffsets.at(page);
        const int pageLength = int(part.pages.at(page).size());
        dei.span = SourceSpan{page, r.start - offset, qMin(r.end - offset, pageLength)};
        dei.value = part.pages.at(page).mid(dei.span.start, dei.span.length());
        part.facts.append(dei);
    }
    return part;
}
