#include "extractor.h"

#include "recognizer.h"

#include <algorithm>

using namespace Qt::StringLiterals;

Extractor::Extractor(RuleSet rules)
    : m_rules(std::move(rules))
{
}

QString Extractor::version()
{
    return u"1.0"_s;
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

    const ExtractionContext context{content, m_rules, cancel};
    EntityList out;
    const int total = int(recognizers.size());
    for (int i = 0; i < total; ++i) {
        if (context.cancelled())
            break;
        if (progress)
            progress(i, total);
        EntityList found;
        recognizers.at(size_t(i))->run(context, found);
        out.append(found);
    }
    if (progress && !context.cancelled())
        progress(total, total);

    // A valid span on an existing page only; the text must be what the span covers.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Entity &e) {
                                 return !e.span.isValid() || e.span.page >= content.pageCount()
                                     || e.span.end > content.text.pages.at(e.span.page).size()
                                     || e.span.length() == 0;
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
    return out;
}

#ifdef FILINGLENS_NO_FIGURE_RECOGNIZERS
RecognizerList createFigureRecognizers()
{
    return {};
}
#endif
#ifdef FILINGLENS_NO_LIFESCIENCES_RECOGNIZERS
RecognizerList createLifeSciencesRecognizers()
{
    return {};
}
#endif
