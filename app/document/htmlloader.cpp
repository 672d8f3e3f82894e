#include "htmlloader.h"

#include "htmlcleaner.h"
#include "workerpool.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QThread>
#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>

#include <atomic>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// What one sheet yields, computed on the thread that builds it.
struct Sheet
{
    std::unique_ptr<QTextDocument> document;
    QString text;
    QList<std::pair<int, int>> anchors; // (fact index, position) of each fact anchor
    TableList tables;
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
    part.sheets = std::move(cleaned.sheets);
    part.droppedTags = cleaned.droppedTags;

    // setHtml is most of the cost: the sheets are parsed side by side. A QTextDocument
    // made on a pool thread belongs to it until moved; move it to the caller's thread
    // there, before the pool thread moves on.
    QThread *const caller = QThread::currentThread();
    const QStringList &sources = part.sheets;
    const qsizetype factCount = cleaned.facts.size();
    std::vector<Sheet> sheets(size_t(sources.size()));
    // Index -1, first so that it starts at once, is the task alongside.
    const auto build = [&](int i) {
        if (i < 0) {
            alongside();
            return;
        }
        Sheet &sheet = sheets[size_t(i)];
        sheet.document = makeDocument(sources.at(i));
        sheet.text = sheet.document->toPlainText();
        const QString prefix = u"fl-fact-"_s;
        for (QTextBlock b = sheet.document->begin(); b.isValid(); b = b.next()) {
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
                        sheet.anchors.append({index, frag.position()});
                }
            }
        }
        if (readTables)
            sheet.tables = readTables(sources.at(i), *sheet.document, sheet.text, i);
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
        for (int i = next++; i < last; i = next++)
            build(i);
    };
    std::vector<QFuture<void>> helpers;
    for (int k = 1; k < workerPool()->maxThreadCount() && k <= last; ++k)
        helpers.push_back(QtConcurrent::run(workerPool(), work));
    work();
    for (QFuture<void> &h : helpers)
        h.waitForFinished();

    part.documents.reserve(sheets.size());
    part.tablesRead = bool(readTables);
    for (Sheet &sheet : sheets) {
        part.tables += sheet.tables;
        part.pages.append(sheet.text);
        part.documents.push_back(std::move(sheet.document));
    }
    part.pageOffsets = joinedOffsets(part.pages);

    // A fact starts at the first character carrying its anchor (the first sheet
    // that has it, should a cut have split the fact).
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
