#include "extractor.h"

#include "pagefurniture.h"
#include "recognizer.h"
#include "document/backgroundpriority.h"
#include "document/workerpool.h"
#include "xbrlfactentities.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

Extractor::Extractor(RuleSet rules)
    : m_rules(std::move(rules))
{
}

QString Extractor::version()
{
    return u"1.2"_s;
}

EntityList Extractor::extract(const DocumentContent &content,
                              const std::function<void(int, int)> &progress,
                              const std::atomic_bool *cancel) const
{
    RecognizerList recognizers = createStructureRecognizers();
    for (auto &r : createFigureRecognizers())
        recognizers.push_back(std::move(r));
    for (auto &r : createLifeSciencesRecognizers())
        recognizers.push_back(std::move(r));

    // A lone surrogate makes the regular expression engine reject the whole page;
    // recognizers read a copy where each is U+FFFD (same length, so spans hold).
    DocumentContent repaired;
    bool needsRepair = false;
    for (const QString &page : content.text.pages) {
        for (int i = 0; i < page.size() && !needsRepair; ++i) {
            const QChar c = page.at(i);
            if (c.isHighSurrogate() && i + 1 < page.size() && page.at(i + 1).isLowSurrogate())
                ++i;
            else if (c.isSurrogate())
                needsRepair = true;
        }
        if (needsRepair)
            break;
    }
    if (needsRepair) {
        repaired = content;
        for (QString &page : repaired.text.pages) {
            for (int i = 0; i < page.size(); ++i) {
                const QChar c = page.at(i);
                if (c.isHighSurrogate() && i + 1 < page.size() && page.at(i + 1).isLowSurrogate())
                    ++i;
                else if (c.isSurrogate())
                    page[i] = QChar::ReplacementCharacter;
            }
        }
    }
    const ExtractionContext context{needsRepair ? repaired : content, m_rules, cancel};
    // Its one cache is filled here, before the threads share it: filled lazily, two
    // recognizers inserting pages at once corrupted the heap (1 run in about 100).
    context.indexAllPages();
    // Recognizers only read the context, so they run side by side on the thread pool
    // (a long filing's extraction then takes both cores); the costly families at the
    // end of the list start first. Results are joined in list order, so the output
    // never depends on timing. A waiter runs a task that has not started itself, so
    // this is safe from inside a pool thread too.
    const int total = int(recognizers.size());
    std::vector<EntityList> found(static_cast<size_t>(total));
    std::vector<QFuture<void>> running(static_cast<size_t>(total));
    for (int i = total - 1; i >= 0; --i) {
        running[size_t(i)] = QtConcurrent::run(workerPool(), [&context, &recognizers, &found, i] {
            BackgroundPriority::enter();
            if (!context.cancelled())
                recognizers.at(size_t(i))->run(context, found[size_t(i)]);
        });
    }
    // The filer's inline-XBRL facts become entities meanwhile: they need only the
    // content, and a thread that runs out of recognizers takes them.
    QFuture<EntityList> tagged;
    if (!content.xbrlFacts.isEmpty()) {
        tagged = QtConcurrent::run(workerPool(), [&content] {
            BackgroundPriority::enter();
            return XbrlFactEntities::facts(content);
        });
    }
    if (progress)
        progress(0, total);
    EntityList out;
    for (int i = 0; i < total; ++i) {
        running[size_t(i)].waitForFinished();
        out.append(found[size_t(i)]);
        if (progress && !context.cancelled())
            progress(i + 1, total);
    }

    if (needsRepair) {
        for (Entity &e : out)
            e.text = content.text.textAt(e.span);
    }
    // A valid span on an existing page only; the text must be what the span covers.
    // Running headers and footers give their entities once, on the first page they
    // stand on, not on every page.
    const PageFurniture furniture = PageFurniture::find(content);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Entity &e) {
                                 return !e.span.isValid() || e.span.page >= content.pageCount()
                                     || e.span.end > content.text.pages.at(e.span.page).size()
                                     || e.span.length() == 0 || furniture.isRepeat(e.span);
                             }),
              out.end());
    // Document order; for one span and type, the most confident first, then one kept.
    std::stable_sort(out.begin(), out.end(), [](const Entity &a, const Entity &b) {
        if (a.span != b.span)
            return a.span < b.span;
        if (a.type != b.type)
            return a.type < b.type;
        return a.confidence > b.confidence;
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Entity &a, const Entity &b) {
                              return a.type == b.type && a.span == b.span;
                          }),
              out.end());
    XbrlFactEntities::addTo(out, content, tagged.isValid() ? tagged.takeResult() : EntityList());
    return out;
}

