#include "recognizer.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
QList<int> surrogatePairsOf(const QString &text)
{
    QList<int> pairs;
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && text.at(i + 1).isLowSurrogate()) {
            pairs.append(i);
            ++i;
        }
    }
    return pairs;
}
} // namespace

void ExtractionContext::indexAllPages() const
{
    for (int page = 0; page < content.text.pageCount(); ++page) {
        if (!surrogatePairs.contains(page))
            surrogatePairs.insert(page, surrogatePairsOf(content.text.pages.at(page)));
    }
}

int ExtractionContext::toCodePoint(int page, int utf16Index) const
{
    if (page < 0 || page >= content.text.pageCount())
        return utf16Index;
    // Only read once filled (constFind never detaches): threads may share a filled cache.
    auto it = std::as_const(surrogatePairs).constFind(page);
    if (it == surrogatePairs.cend())
        it = surrogatePairs.insert(page, surrogatePairsOf(content.text.pages.at(page)));
    const QList<int> &pairs = it.value();
    utf16Index = qMin(utf16Index, int(content.text.pages.at(page).size()));
    // A pair that ends before the index counts once for its two UTF-16 units.
    const auto whole = std::lower_bound(pairs.begin(), pairs.end(), utf16Index - 1);
    return utf16Index - int(whole - pairs.begin());
}

Entity ExtractionContext::makeEntity(const QString &type, const SourceSpan &span,
                                     const QString &value, double confidence,
                                     const QString &origin,
                                     const QMap<QString, QString> &attributes) const
{
    Entity e;
    e.type = type;
    e.span = span;
    // The id of Entity::makeId, without its linear code-point count.
    e.id = type + u'@' + QString::number(span.page + 1) + u':'
        + QString::number(toCodePoint(span.page, span.start)) + u'-'
        + QString::number(toCodePoint(span.page, span.end));
    e.text = content.text.textAt(span);
    e.value = value.isEmpty() ? e.text : value;
    e.confidence = qBound(0.0, confidence, 1.0);
    e.origin = origin;
    e.attributes = attributes;
    return e;
}
