#pragma once

#include "model/sourcespan.h"

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
// PDF text comes back as a tight rectangle per glyph or run, with gaps at spaces and commas
// hanging below the line: join the rectangles of each line into one, so a mark reads as one
// band and its outline as one box.
inline QList<QRectF> mergeLines(QList<QRectF> rects)
{
    const auto sameLine = [](const QRectF &a, const QRectF &b) {
        const qreal overlap = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
        const qreal gap = std::max(b.left() - a.right(), a.left() - b.right());
        return overlap > 0.3 * std::min(a.height(), b.height()) && gap < 1.5 * std::max(a.height(), b.height());
    };
    // Left to right, so each glyph meets the line it continues; then join what still touches.
    std::sort(rects.begin(), rects.end(), [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
    QList<QRectF> lines;
    for (const QRectF &r : std::as_const(rects)) {
        auto it = std::find_if(lines.begin(), lines.end(), [&](const QRectF &line) { return sameLine(line, r); });
        if (it != lines.end())
            *it = it->united(r);
        else
            lines.append(r);
    }
    for (bool joined = true; joined;) {
        joined = false;
        for (int i = 0; i < lines.size() && !joined; ++i) {
            for (int j = i + 1; j < lines.size() && !joined; ++j) {
                if (sameLine(lines.at(i), lines.at(j))) {
                    lines[i] = lines.at(i).united(lines.at(j));
                    lines.removeAt(j);
                    joined = true;
                }
            }
        }
    }
    return lines;
}

inline QColor findHit() { return QColor(255, 214, 0, 140); }
inline QColor currentFindHit() { return QColor(255, 120, 0, 190); }
inline QColor selection() { return QColor(51, 128, 255, 90); }
// The rectangle around a whole span (a table): dark slate, unlike any entity colour.
inline QColor spanOutline() { return QColor(0x26, 0x32, 0x38, 230); }
} // namespace HighlightStyle
