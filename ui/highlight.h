#pragma once

#include "sourcespan.h"

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtGui/QColor>

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
inline QColor findHit() { return QColor(255, 214, 0, 140); }
inline QColor currentFindHit() { return QColor(255, 120, 0, 190); }
inline QColor selection() { return QColor(51, 128, 255, 90); }
} // namespace HighlightStyle
