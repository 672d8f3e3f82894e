#pragma once

#include "inlinexbrl.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>

// Removes from EDGAR HTML what a browser would not show (<head>, <script>,
// <style>, comments, ix:header, elements with display:none, visibility:hidden,
// a zero font size or the hidden attribute, images), drops inline-XBRL tags while keeping their content, caps
// element nesting so that QTextDocument never sees pathological depth, and
// records where the first visible character of every visible inline-XBRL fact is
// (nested facts starting there share it), so that where it starts can be found in
// the QTextDocument built from the result, also when it starts with a paragraph or
// a table: as the count of the characters before it on its sheet other than white
// space (which QTextDocument may collapse or turn into no-break spaces; a character
// reference counts as what it stands for) and as its place in the sheet's HTML,
// where nothing is added for it. Fact::text tells how far it runs. One linear pass.
// A fact whose first character shows as white space (&#160;) cannot be counted to:
// it gets a named anchor <a name="fl-fact-N"> instead. Only those: 2,500 named
// anchors (a character format each) made every sheet's QTextDocument slower to
// build, and even a bare <span> per fact costs a 10-K's pages some time to lay out;
// withAnchors() anchors a sheet's facts where counting fails.
//
// The result is cut into one small HTML document per printed page ("sheets") at
// the filing's own page breaks: an element styled page-break-before/after: always
// (or break-before/after: page), before its start tag or after its end tag, when
// it is outside tables and hidden content and visible text came since the last
// cut (no blank pages, no cut at the very end). Elements open at a cut are closed
// there and reopened with the same start tags on the next sheet (a fact is placed
// once, where it starts), so every sheet is a complete
// well-formed <html><body>...</body></html>.
class HtmlCleaner final
{
public:
    struct Fact
    {
        QString name;        // the concept as written: "dei:EntityRegistrantName"
        bool hidden = false; // inside ix:header or a hidden element: not placed
        QString text;        // its content as text, entities decoded, white space simplified
                             // (the first kMaxFactText characters of the source text)
        qsizetype source = 0; // offset of its start tag in the HTML (see InlineXbrl)
        // Where its first visible character is, for a visible fact that shows one: its
        // sheet (-1: none), the characters other than white space before it on that
        // sheet (see shownChars(); -1 when it shows as white space: it is anchored), where
        // it (or the anchors around it, one per fact starting there) starts in the
        // sheet's HTML and its `length` in UTF-16 units (a character, a surrogate pair
        // or a reference).
        int sheet = -1;
        qsizetype before = 0;
        qsizetype at = 0;
        int length = 0;
    };
    struct Result
    {
        QStringList sheets; // one per page, at least one
        QList<Fact> facts;  // index N is anchor "fl-fact-N" of withAnchors()
        QList<qsizetype> shownChars; // per sheet: its characters other than white space
        int droppedTags = 0; // start tags dropped because nesting was too deep
    };

    // Elements nested deeper than this are flattened (their tags dropped, text kept).
    static constexpr int kMaxDepth = 128;
    // Source text gathered per fact (enough to find where a fact ends on its page),
    // and how many nested facts gather it at once.
    static constexpr int kMaxFactText = 20000;
    static constexpr int kMaxGatheringFacts = 64;
    // Facts past this many are not placed (see InlineXbrl::kMaxFacts), nor facts
    // waiting for the same first character as this many others (nested facts).
    static constexpr int kMaxFacts = 100000;
    static constexpr int kMaxOpenAnchors = 8;

    // With allFacts false only the dei: cover facts are listed and anchored (what the
    // loader does when it is not to read the inline-XBRL facts).
    static Result clean(QStringView html, bool allFacts = true);
    static QString anchorName(int factIndex);
    // The sheet `sheet` of `result` with <a name="fl-fact-N"> around the first visible
    // character of each fact placed on it, as a QTextDocument can find them: for a
    // sheet whose characters could not be counted as QTextDocument reads them.
    static QString withAnchors(const Result &result, int sheet);
    // The characters of HTML text (no tags) other than white space as QTextDocument
    // reads it: a character reference counts as what it stands for.
    static qsizetype shownChars(QStringView text);
    // Decodes the character references of HTML text (&amp; &#160; &#x2019; ...).
    static QString decodeEntities(QStringView text);
};
