#pragma once

#include "model/sourcespan.h"
#include "model/textlayer.h"

#include <QtCore/QList>
#include <QtCore/QString>

#include <memory>

// Finds a saved quote again in a changed filing, the way a W3C Web Annotation
// TextQuoteSelector is re-anchored: the exact text (ranked by its prefix/suffix
// context and the distance to the old position), then the same text with its
// whitespace changed, then the text between the old prefix and suffix, then a
// bounded approximate match near the old position. Keeps a reference to the
// text layer, which must outlive it; caches per-page work between calls.
class QuoteAnchor final
{
public:
    explicit QuoteAnchor(const TextLayer &text);
    ~QuoteAnchor();

    struct Quote
    {
        QString exact;
        QString prefix;
        QString suffix;
        int page = -1;  // 0-based page of the old position; -1 when unknown
        int start = -1; // UTF-16 offset of the old position on that page; -1 when unknown
    };
    enum class Method { None, Exact, Whitespace, Context, Fuzzy };
    struct Result
    {
        SourceSpan span; // invalid when Method::None
        Method method = Method::None;
    };

    Result locate(const Quote &quote) const;
    // True when `span` holds the exact text and all of its context (whitespace
    // aside): the quote is certainly still there, with no need to search.
    bool holds(const Quote &quote, const SourceSpan &span) const;

    // Longest quote the approximate match accepts, and the reach around the old
    // position it searches; both bound its cost.
    static constexpr int maxFuzzyLength = 256;
    static constexpr int fuzzyReach = 2000;

private:
    Result exact(const Quote &q) const;
    Result whitespace(const Quote &q) const;
    Result context(const Quote &q) const;
    Result fuzzy(const Quote &q) const;
    QList<int> pageOrder(int hintPage) const;

    struct Normalized;
    const Normalized &normalized(int page) const;

    const TextLayer &m_text;
    mutable QList<std::shared_ptr<Normalized>> m_normalized;
};
