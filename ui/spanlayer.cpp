#include "spanlayer.h"

#include <QtCore/QVariantAnimation>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

#include <algorithm>

void SpanLayer::setHighlights(const QList<Highlight> &highlights)
{
    m_highlights = highlights;
    m_highlightsByPage.clear();
    for (int i = 0; i < m_highlights.size(); ++i) {
        const SourceSpan &s = m_highlights.at(i).span;
        if (s.isValid())
            m_highlightsByPage[s.page].append(i);
    }
}

void SpanLayer::setCurrent(const SourceSpan &span, const QString &entityId)
{
    m_current = span;
    m_currentId = entityId;
}

void SpanLayer::setFindHits(const QList<SourceSpan> &hits)
{
    m_find.clear();
    m_find.hits = hits;
    m_findByPage.clear();
    for (int i = 0; i < hits.size(); ++i)
        m_findByPage[hits.at(i).page].append(i);
}

void SpanLayer::clear()
{
    setHighlights({});
    setFindHits({});
    m_selection = SourceSpan();
    setCurrent(SourceSpan(), QString());
}

void SpanLayer::clearAll()
{
    clear();
    m_outline = SourceSpan();
}

QList<SpanLayer::Mark> SpanLayer::marks(const QList<int> &pages, const QColor &currentFallback) const
{
    QList<Mark> out;
    for (int page : pages) {
        for (int i : m_highlightsByPage.value(page))
            out.append(Mark{Kind::Highlight, m_highlights.at(i).span, HighlightStyle::fill(m_highlights.at(i).color)});
    }
    for (int page : pages) {
        for (int i : m_findByPage.value(page)) {
            const bool current = i == m_find.current;
            out.append(Mark{current ? Kind::CurrentFindHit : Kind::FindHit, m_find.hits.at(i),
                            current ? HighlightStyle::currentFindHit() : HighlightStyle::findHit(),
                            HighlightStyle::currentFindHit().darker(130), current ? 1.5 : 0});
        }
    }
    if (m_selection.isValid())
        out.append(Mark{Kind::Selection, m_selection, HighlightStyle::selection()});
    if (m_current.isValid()) {
        QColor color = currentFallback;
        for (const Highlight &h : std::as_const(m_highlights)) {
            if (h.entityId == m_currentId && h.span == m_current) {
                color = h.color;
                break;
            }
        }
        QColor fill = HighlightStyle::fill(color);
        fill.setAlpha(int(fill.alpha() * m_flash));
        out.append(Mark{Kind::Current, m_current, m_flash > 0 ? fill : QColor(), HighlightStyle::outline(color),
                        2.0 + 2.0 * m_flash});
    }
    if (m_outline.isValid())
        out.append(Mark{Kind::Outline, m_outline, QColor(), HighlightStyle::spanOutline(), 2.0});
    return out;
}

QStringList SpanLayer::highlightIdsAt(const QList<int> &pages,
                                      const std::function<bool(const SourceSpan &)> &under) const
{
    QList<const Highlight *> hits;
    for (int page : pages) {
        for (int i : m_highlightsByPage.value(page)) {
            if (under(m_highlights.at(i).span))
                hits.append(&m_highlights.at(i));
        }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Highlight *a, const Highlight *b) {
        return a->span.length() < b->span.length();
    });
    QStringList ids;
    for (const Highlight *h : std::as_const(hits)) {
        if (!ids.contains(h->entityId))
            ids.append(h->entityId);
    }
    return ids;
}

QString SpanLayer::tooltip(const QStringList &ids) const
{
    QStringList tips;
    for (const QString &id : ids) {
        for (const Highlight &h : std::as_const(m_highlights)) {
            if (h.entityId == id && !h.tooltip.isEmpty() && !tips.contains(h.tooltip))
                tips.append(h.tooltip);
        }
    }
    return tips.join(u'\n');
}

void SpanLayer::paint(QPainter &p, const QList<QRectF> &bands, const Mark &mark)
{
    if (bands.isEmpty())
        return;
    if (mark.kind == Kind::Outline) {
        // One rectangle around all of the span's text, clear of it.
        QRectF box;
        for (const QRectF &r : bands)
            box = box.united(r);
        const qreal grow = 3 + mark.outlineWidth / 2;
        p.setPen(QPen(mark.outline, mark.outlineWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        p.drawRect(box.adjusted(-grow, -grow, grow, grow));
        return;
    }
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (const QRectF &r : bands)
        path.addRect(r);
    if (mark.fill.isValid()) {
        p.setCompositionMode(QPainter::CompositionMode_Multiply);
        p.fillPath(path, mark.fill);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    }
    if (mark.outlineWidth > 0) {
        // Outside the band, so the outline never covers the glyphs.
        p.setPen(QPen(mark.outline, mark.outlineWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        const qreal grow = mark.outlineWidth / 2;
        QPainterPath outer;
        outer.setFillRule(Qt::WindingFill);
        for (const QPolygonF &poly : path.toFillPolygons())
            outer.addRect(poly.boundingRect().adjusted(-grow, -grow, grow, grow));
        p.drawPath(outer.simplified());
    }
}

QVariantAnimation *SpanLayer::flashAnimation(QObject *parent, const std::function<void(qreal)> &frame)
{
    auto *animation = new QVariantAnimation(parent);
    animation->setStartValue(1.0);
    animation->setEndValue(0.0);
    animation->setDuration(900);
    QObject::connect(animation, &QVariantAnimation::valueChanged, parent,
                     [frame](const QVariant &v) { frame(v.toReal()); });
    return animation;
}
