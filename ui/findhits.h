#pragma once

#include <QtCore/QList>
#include <QtCore/QString>

// The hits of a find and which one is current, shared by the PDF and the reading views
// (through SpanLayer): where the current hit starts and how next and previous wrap around
// the ends. The search itself is TextFind's (model/textfind.h).
template <typename Hit>
struct FindHits
{
    QList<Hit> hits;
    int current = -1; // -1 while there are no hits

    int count() const { return int(hits.size()); }
    bool isEmpty() const { return hits.isEmpty(); }
    const Hit &currentHit() const { return hits.at(current); }
    void clear()
    {
        hits.clear();
        current = -1;
    }
    // Makes current the first hit at or after where the reader is (ahead(hit) holds),
    // or the first hit when none is.
    template <typename Ahead>
    void startAt(Ahead ahead)
    {
        current = hits.isEmpty() ? -1 : 0;
        for (int i = 0; i < count(); ++i) {
            if (ahead(hits.at(i))) {
                current = i;
                break;
            }
        }
    }
    // The next (delta 1) or previous (-1) hit becomes current, around the ends. Not empty.
    void step(int delta) { current = (current + delta + count()) % count(); }
};
