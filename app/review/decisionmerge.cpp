#include "decisionmerge.h"

#include "quoteanchor.h"

#include <QtCore/QSet>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
QString spanKey(const QString &type, const SourceSpan &span)
{
    return type + u'@' + QString::number(span.page) + u':' + QString::number(span.start) + u'-'
        + QString::number(span.end);
}
} // namespace

DecisionMerge::Result DecisionMerge::apply(const DocumentContent &content,
                                           const std::vector<CodePointIndex> &codePoints,
                                           EntityList extracted,
                                           QHash<QString, std::pair<QString, QString>> original,
                                           const SidecarData &data)
{
    Result merged;
    merged.entities = std::move(extracted);
    merged.original = std::move(original);

    const bool sameDocument = data.sha256.isEmpty() || data.sha256 == content.sha256;
    EntityList &entities = merged.entities;
    QHash<QString, int> rows;
    rows.reserve(entities.size());
    for (int i = 0; i < entities.size(); ++i)
        rows.insert(entities.at(i).id, i);
    const TextLayer &text = content.text;
    std::unique_ptr<QuoteAnchor> anchor;
    QHash<QString, int> bySpan;
    bySpan.reserve(entities.size());
    for (int i = 0; i < entities.size(); ++i)
        bySpan.insert(spanKey(entities.at(i).type, entities.at(i).span), i);
    QSet<QString> claimed;
    QList<int> dropped;

    auto quoteOf = [](const SidecarDecision &dec) {
        return QuoteAnchor::Quote{dec.anchor.exact, dec.anchor.prefix, dec.anchor.suffix, -1, -1};
    };
    auto locator = [&]() -> QuoteAnchor & {
        if (!anchor)
            anchor = std::make_unique<QuoteAnchor>(text);
        return *anchor;
    };
    for (const SidecarDecision &dec : data.decisions) {
        if (claimed.contains(dec.id))
            continue; // a duplicate entry; the first one wins
        int row = rows.value(dec.id, -1);
        // In a changed filing an id names offsets, which may now hold another
        // mention of the same words: trust it only where the quote's context holds.
        if (row >= 0 && !sameDocument && !dec.anchor.exact.isEmpty()
            && !locator().holds(quoteOf(dec), entities.at(row).span))
            row = -1;
        if (row >= 0 && claimed.contains(entities.at(row).id))
            row = -1;

        SourceSpan span;
        bool placed = row >= 0;
        if (!placed) {
            const int page = dec.anchor.page - 1;
            int hintStart = -1;
            if (page >= 0 && page < text.pageCount()) {
                const CodePointIndex &cp = codePoints[size_t(page)];
                const SourceSpan saved{page, cp.fromCodePoint(dec.anchor.start),
                                       cp.fromCodePoint(dec.anchor.end)};
                hintStart = saved.start;
                const bool there = dec.anchor.exact.isEmpty()
                    ? sameDocument
                    : (sameDocument ? text.textAt(saved) == dec.anchor.exact
                                    : locator().holds(quoteOf(dec), saved));
                if (saved.length() > 0 && saved.end <= text.pages.at(page).size() && there) {
                    span = saved;
                    placed = true;
                }
            }
            if (!placed && !dec.anchor.exact.isEmpty()) {
                const QuoteAnchor::Result r = locator().locate(
                    {dec.anchor.exact, dec.anchor.prefix, dec.anchor.suffix, page, hintStart});
                if (r.method != QuoteAnchor::Method::None) {
                    span = r.span;
                    placed = true;
                    ++merged.reanchored;
                }
            }
            if (placed) {
                const int same = bySpan.value(spanKey(dec.type, span), -1);
                if (same >= 0 && !claimed.contains(entities.at(same).id))
                    row = same;
            }
        }

        if (row >= 0) {
            Entity &e = entities[row];
            if (e.id != dec.id) {
                // The extracted entity now stands for the decision: it keeps the
                // decision's id so the history stays linked.
                rows.remove(e.id);
                if (merged.original.contains(e.id))
                    merged.original.insert(dec.id, merged.original.take(e.id));
                e.id = dec.id;
                rows.insert(e.id, row);
            }
        } else {
            Entity e;
            e.id = dec.id;
            e.type = dec.type;
            e.value = dec.value;
            e.origin = u"manual"_s;
            e.confidence = 1.0;
            merged.confirmAs.insert(dec.id, dec.status == u"added"_s       ? EntityStatus::Added
                                         : dec.status == u"corrected"_s ? EntityStatus::Corrected
                                                                        : EntityStatus::Confirmed);
            if (placed) {
                e.span = span;
                e.text = text.textAt(span);
            } else {
                e.text = dec.anchor.exact;
                e.orphan = true;
                merged.orphanAnchors.insert(dec.id, dec.anchor);
                ++merged.orphans;
            }
            const int existing = rows.value(e.id, -1);
            if (existing >= 0) {
                // An unrelated extraction sits at this id's old offsets in the changed
                // filing; the decision keeps the id and that extraction is left out.
                dropped.append(existing);
            }
            entities.append(e);
            row = int(entities.size()) - 1;
            rows.insert(e.id, row);
        }
        Entity &e = entities[row];
        // A decision that moved its entity's words (a span correction) keeps them.
        if (sameDocument && !e.orphan && dec.anchor.page >= 1 && dec.anchor.page <= text.pageCount()
            && !dec.anchor.exact.isEmpty()) {
            const int page = dec.anchor.page - 1;
            const CodePointIndex &cp = codePoints[size_t(page)];
            const SourceSpan saved{page, cp.fromCodePoint(dec.anchor.start),
                                   cp.fromCodePoint(dec.anchor.end)};
            if (saved != e.span && saved.length() > 0 && saved.end <= text.pages.at(page).size()
                && text.textAt(saved) == dec.anchor.exact) {
                e.span = saved;
                e.text = dec.anchor.exact;
            }
        }
        bool ok = false;
        e.status = statusFromKey(dec.status, &ok);
        e.type = dec.type.isEmpty() ? e.type : dec.type;
        e.value = dec.value;
        e.note = dec.note;
        e.by = dec.by;
        e.at = dec.at;
        if (!dec.attributes.isEmpty())
            e.attributes = dec.attributes;
        claimed.insert(dec.id);
    }

    if (!dropped.isEmpty()) {
        std::sort(dropped.begin(), dropped.end(), std::greater<int>());
        for (int row : std::as_const(dropped))
            entities.removeAt(row);
    }
    return merged;
}
