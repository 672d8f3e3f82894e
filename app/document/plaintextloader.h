#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>

// Pages of plain text: form feeds (and, in EDGAR text bodies, <PAGE> marker
// lines) separate pages and belong to none of them.
class PlainTextLoader final
{
public:
    struct Pages
    {
        QStringList pages;
        // Where each page starts in the reading view's text, which joins the
        // pages with one '\n' (see joined()).
        QList<int> viewOffsets;
        QString joined() const { return pages.join(u'\n'); }
    };

    static Pages split(QStringView text, bool edgarPageMarkers);
};
