#pragma once

#include "findhits.h"
#include "highlight.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QStringList>

#include <functional>

class QObject;
class QPainter;
class QVariantAnimation;

// What both document views draw over a page's text, kept as spans of the text layer: the
// entity highlights, the find hits and the current one, the selection, the current span
// (showSpan: outlined in its entity's colour, filled while it flashes) and an outline
// (a rectangle around a whole span, such as a table's). It decides the kinds' paint order
// and colours; a view only turns a span into bands on its screen (one rectangle per line)
// and hands them to paint(). Spans are on the pages the view shows; in a view whose pages
// are one continuous text (the reading view) a span may run on past its page's end.
class SpanLayer
{
public:
    // In paint order: each kind is drawn over the ones before it.
    enum class Kind { Highlight, FindHit, CurrentFindHit, Selection, Current, Outline };
    struct Mark
    {
        Kind kind = Kind::Highlight;
        SourceSpan span;
        QColor fill;            // invalid: not filled; filled with multiply composition
        QColor outline;         // drawn outside the bands, never over the glyphs
        qreal outlineWidth = 0; // 0: no outline
    };

    // Every highlight given is kept (highlights()); those with valid spans are marked.
    void setHighlights(const QList<Highlight> &highlights);
    const QList<Highlight> &highlights() const { return m_highlights; }

    // The span shown last (showSpan) and the entity it belongs to; flash() is 1 at the
    // start of its flash and falls to 0.
    void setCurrent(const SourceSpan &span, const QString &entityId);
    SourceSpan currentSpan() const { return m_current; }
    QString currentId() const { return m_currentId; }
    void setFlash(qreal flash) { m_flash = flash; }
    qreal flash() const { return m_flash; }

    // Find hits in reading order; none current until the view chooses one (find()).
    void setFindHits(const QList<SourceSpan> &hits);
    FindHits<SourceSpan> &find() { return m_find; }
    const FindHits<SourceSpan> &find() const { return m_find; }

    void setSelection(const SourceSpan &span) { m_selection = span; }
    SourceSpan selection() const { return m_selection; }

    void setOutline(const SourceSpan &span) { m_outline = span; }
    SourceSpan outline() const { return m_outline; }

    // Forgets everything but the outline (a new source of pages); clearAll() too.
    void clear();
    void clearAll();

    // What to paint, in paint order: the highlights and find hits on the given pages, and the
    // selection, the current span and the outline wherever they are (a view paints them
    // where it shows their page). currentFallback colours the current span when no
    // highlight of its entity stands at it.
    QList<Mark> marks(const QList<int> &pages, const QColor &currentFallback) const;

    // The entity ids of the highlights on the pages for which under(span) holds, the smallest
    // span first, each id once.
    QStringList highlightIdsAt(const QList<int> &pages, const std::function<bool(const SourceSpan &)> &under) const;
    // The tooltips of those entities, one per line; empty when none has one.
    QString tooltip(const QStringList &ids) const;

    // Paints a mark over its bands (device coordinates of the painter, one per line).
    static void paint(QPainter &p, const QList<QRectF> &bands, const Mark &mark);
    // The flash of the current span: counts from 1 down to 0 in under a second, calling
    // frame(value) on every step.
    static QVariantAnimation *flashAnimation(QObject *parent, const std::function<void(qreal)> &frame);

private:
    QList<Highlight> m_highlights;
    QHash<int, QList<int>> m_highlightsByPage;
    FindHits<SourceSpan> m_find;
    QHash<int, QList<int>> m_findByPage;
    SourceSpan m_selection;
    SourceSpan m_current;
    QString m_currentId;
    qreal m_flash = 0;
    SourceSpan m_outline;
};
