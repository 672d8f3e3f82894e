#include "recognizer.h"

Entity ExtractionContext::makeEntity(const QString &type, const SourceSpan &span,
                                     const QString &value, double confidence,
                                     const QString &origin,
                                     const QMap<QString, QString> &attributes) const
{
    Entity e;
    e.type = type;
    e.span = span;
    const QString page = span.page >= 0 && span.page < content.text.pageCount()
        ? content.text.pages.at(span.page)
        : QString();
    e.id = Entity::makeId(type, span, page);
    e.text = content.text.textAt(span);
    e.value = value.isEmpty() ? e.text : value;
    e.confidence = qBound(0.0, confidence, 1.0);
    e.origin = origin;
    e.attributes = attributes;
    return e;
}
