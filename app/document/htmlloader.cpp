#include "htmlloader.h"

#include "htmlcleaner.h"
#include "backgroundpriority.h"
#include "workerpool.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QThread>
#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>

#include <algorithm>
#include <atomic>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// What one sheet yields, computed on the thread that builds it.
struct Sheet
{
    std::unique_ptr<QTextDocument> document;
    QString text;
    QList<std::pair<int, int>> anchors; // (fact index, position) of each fact placed on it
    TableList tables;
    QString anchoredHtml; // the sheet with fact anchors, when counting could not place them
};

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

// Places the facts of one sheet by the cleaner's count of the characters other than
// white space before each (see HtmlCleaner): the position of the next such character
// after that many; facts the cleaner anchored are left to the anchors. False, with
// nothing placed, unless the sheet shows as many such characters as the cleaner
// counted and every fact's text starts where it is placed — then the sheet is built
// again with anchors.
bool placeByCount(const HtmlCleaner::Result &cleaned, const QList<int> &facts, qsizetype shownChars,
                  const QString &text, QList<std::pair<int, int>> *anchors)
{
    QList<int> order;
    order.reserve(facts.size());
    for (int f : facts) {
        if (cleaned.facts.at(f).before >= 0)
            order.append(f);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return cleaned.facts.at(a).before < cleaned.facts.at(b).before;
    });
    QList<std::pair<int, int>> placed;
    placed.reserve(order.size());
    const int n = int(text.size());
    int at = 0;          // position in text
    qsizetype seen = 0;  // characters other than white space before `at`
    for (int f : std::as_const(order)) {
        const HtmlCleaner::Fact &fact = cleaned.facts.at(f);
        for (; at < n; ++at) {
            if (text.at(at).isSpace())
                continue;
            if (seen == fact.before)
                break;
            ++seen;
        }
        if (at >= n || matchEnd(text, at, fact.text) <= at)
            return false;
        placed.append({f, at});
    }
    for (; at < n; ++at)
        seen += text.at(at).isSpace() ? 0 : 1;
    if (seen != shownChars)
        return false;
    *anchors = std::move(placed);
    return true;
}

void findAnchors(const QTextDocument &document, qsizetype factCount, QList<std::pair<int, int>> *anchors)
{
    const QString prefix = u"fl-fact-"_s;
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
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
                if (ok && index >= 0 && index < factCount)
                    anchors->append({index, frag.position()});
            }
        }
    }
}

} // namespace

std::unique_ptr<QTextDocument> HtmlLoader::makeDocument(const QString &cleanedHtml)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setUndoRedoEnabled(false);
    doc->setHtml(cleanedHtml);
    return doc;
}

QList<int> HtmlLoader::joinedOffsets(const QStringList &pages)
{
    QList<int> offsets;
    offsets.reserve(pages.size());
    int at = 0;
    for (const QString &page : pages) {
        offsets.append(at);
        at += int(page.size()) + 1;
    }
    return offsets;
}

HtmlLoader::Part HtmlLoader::load(QStringView html)
{
    return load(HtmlCleaner::clean(html));
}

HtmlLoader::Part HtmlLoader::load(HtmlCleaner::Result cleaned, const std::function<void()> &alongside,
                                  const TableReading &readTables)
{
    Part part;
    part.droppedTags = cleaned.droppedTags;

    // setHtml is most of the cost: the sheets are parsed side by side. A QTextDocument
    // made on a pool thread belongs to it until moved; move it to the caller's thread
    // there, before the pool thread moves on.
    QThread *const caller = QThread::currentThread();
    const QStringList &sources = cleaned.sheets;
    const qsizetype factCount = cleaned.facts.size();
    std::vector<Sheet> sheets(size_t(sources.size()));
    QList<QList<int>> factsBySheet(sources.size());
    for (qsizetype f = 0; f < factCount; ++f) {
        const HtmlCleaner::Fact &fact = cleaned.facts.at(f);
        if (!fact.hidden && fact.sheet >= 0 && fact.sheet < sources.size())
            factsBySheet[fact.sheet].append(int(f));
    }
    // Index -1, first so that it starts at once, is the task alongside.
    const auto build = [&](int i) {
        if (i < 0) {
            alongside();
            return;
        }
        Sheet &sheet = sheets[size_t(i)];
        sheet.document = makeDocument(sources.at(i));
        sheet.text = sheet.document->toPlainText();
        const QList<int> &placed = factsBySheet.at(i);
        if (!placed.isEmpty()
            && !placeByCount(cleaned, placed, cleaned.shownChars.value(i, -1), sheet.text, &sheet.anchors)) {
            // Rare: characters QTextDocument reads otherwise than counted. Anchors find them.
            sheet.anchoredHtml = HtmlCleaner::withAnchors(cleaned, i);
            sheet.document = makeDocument(sheet.anchoredHtml);
            sheet.text = sheet.document->toPlainText();
            findAnchors(*sheet.document, factCount, &sheet.anchors);
        } else if (std::any_of(placed.cbegin(), placed.cend(),
                               [&](int f) { return cleaned.facts.at(f).before < 0; })) {
            findAnchors(*sheet.document, factCount, &sheet.anchors);
        }
        if (readTables)
            sheet.tables = readTables(sheet.anchoredHtml.isEmpty() ? sources.at(i) : sheet.anchoredHtml,
                                      *sheet.document, sheet.text, i);
        if (sheet.document->thread() != caller)
            sheet.document->moveToThread(caller);
    };
    // The calling thread and helpers on the pool take the next task until none is
    // left. Not QtConcurrent::blockingMap: its waiter cannot run the map itself, so
    // loads that run on every pool thread at once (extract with several files)
    // would wait for each other for ever; a helper that has not started when the
    // caller is done is run by the waiting caller (and finds nothing left to do).
    std::atomic_int next{alongside ? -1 : 0};
    const int last = int(sheets.size());
    const auto work = [&] {
        BackgroundPriority::enter();
        for (int i = next++; i < last; i = next++)
            build(i);
    };
    std::vector<QFuture<void>> helpers;
    for (int k = 1; k < workerPool()->maxThreadCount() && k <= last; ++k)
        helpers.push_back(QtConcurrent::run(workerPool(), work));
    work();
    for (QFuture<void> &h : helpers)
        h.waitForFinished();

    part.sheets = std::move(cleaned.sheets);
    part.documents.reserve(sheets.size());
    part.tablesRead = bool(readTables);
    for (size_t i = 0; i < sheets.size(); ++i) {
        Sheet &sheet = sheets[i];
        if (!sheet.anchoredHtml.isEmpty()) {
            part.sheets[qsizetype(i)] = std::move(sheet.anchoredHtml);
            part.anchoredSheets.append(int(i));
        }
        part.tables += sheet.tables;
        part.pages.append(sheet.text);
        part.documents.push_back(std::move(sheet.document));
    }
    part.pageOffsets = joinedOffsets(part.pages);

    // A fact starts where it was placed (a fact is placed on one sheet only).
    QList<std::pair<int, int>> starts(factCount, {-1, -1}); // (page, position)
    for (size_t i = 0; i < sheets.size(); ++i) {
        for (const auto &[fact, position] : std::as_const(sheets[i].anchors)) {
            if (starts.at(fact).first < 0)
                starts[fact] = {int(i), position};
        }
    }

    const QString deiPrefix = u"dei:"_s;
    for (qsizetype f = 0; f < factCount; ++f) {
        const HtmlCleaner::Fact &fact = cleaned.facts.at(f);
        const auto [page, start] = starts.at(f);
        const int end = page >= 0 && !fact.hidden ? matchEnd(part.pages.at(page), start, fact.text) : -1;
        const bool shown = !fact.hidden && page >= 0 && end > start;
        if (shown)
            part.factSpans.insert(fact.source, SourceSpan{page, start, end});
        if (!fact.name.startsWith(deiPrefix, Qt::CaseInsensitive))
            continue;
        DeiFact dei;
        dei.name = fact.name.mid(deiPrefix.size());
        if (!shown) {
            dei.value = fact.text;
            part.facts.append(dei);
            continue;
        }
        dei.span = SourceSpan{page, start, end};
        dei.value = part.pages.at(page).mid(start, end - start);
        part.facts.append(dei);
    }
    return part;
}
