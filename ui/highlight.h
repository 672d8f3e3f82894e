#pragma once

#include "sourcespan.h"

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QRectF>
#include <QtCore/QString>
#include <QtGui/QColor>

#include <algorithm>

// One entity as the document views mark it: its span in the text layer, the colour of its
// type (the views draw it translucent) and the text shown when the pointer rests on it.
struct Highlight
{
    QString entityId;
    SourceSpan span;
    QColor color;
    QString tooltip;
};
Q_DECLARE_METATYPE(Highlight)

// How the views paint marks over a page: translucent fills in the type colour, drawn with
// multiply composition so black text stays black on the white page in any palette.
namespace HighlightStyle {
inline QColor fill(const QColor &typeColor)
{
    QColor c = typeColor.isValid() ? typeColor : QColor(0x80, 0x80, 0x80);
    c.setAlpha(110);
    return c;
}
inline QColor outline(const QColor &typeColor)
{
    QColor c = typeColor.isValid() ? typeColor.darker(150) : QColor(0x40, 0x40, 0x40);
    c.setAlpha(230);
    return c;
}
// PDF text comes back as a rectangle per glyph run, with gaps at spaces: join the rectangles
// of each line into one so a mark reads as one band and its outline as one box.
inline QList<QRectF> mergeLines(QList<QRectF> rects)
{
    std::sort(rects.begin(), rects.end(), [](const QRectF &a, const QRectF &b) {
        return a.top() != b.top() ? a.top() < b.top() : a.left() < b.left();
    });
    QList<QRectF> lines;
    for (const QRectF &r : std::as_const(rects)) {
        bool merged = false;
        for (QRectF &line : lines) {
            const qreal overlap = std::min(line.bottom(), r.bottom()) - std::max(line.top(), r.top());
            const qreal gap = std::max(r.left() - line.right(), line.left() - r.right());
            if (overlap > 0.5 * std::min(line.height(), r.height()) && gap < 1.5 * std::max(line.height(), r.height())) {
                line = line.united(r);
                merged = true;
                break;
            }
        }
        if (!merged)
            lines.append(r);
    }
    return lines;
}

inline QColor findHit() { return QColor(255, 214, 0, 140); }
inline QColor currentFindHit() { return QColor(255, 120, 0, 190); }
inline QColor selection() { return QColor(51, 128, 255, 90); }
} // namespace HighlightStyle
