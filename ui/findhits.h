#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringView>

// The hits of a find and which one is current, shared by the PDF and the reading views:
// where the current hit starts and how next and previous wrap around the ends. Hit is what
// a view marks (a span on a page, a range of positions).
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

// Where needle starts in text, each occurrence after the end of the one before.
inline QList<qsizetype> occurrences(QStringView text, const QString &needle, Qt::CaseSensitivity cs)
{
    QList<qsizetype> at;
    if (needle.isEmpty())
        return at;
    for (qsizetype i = text.indexOf(needle, 0, cs); i >= 0; i = text.indexOf(needle, i + needle.size(), cs))
        at.append(i);
    return at;
}
