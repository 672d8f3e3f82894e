#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>

// Removes from EDGAR HTML what a browser would not show (<head>, <script>,
// <style>, comments, ix:header, elements with display:none, visibility:hidden,
// a zero font size or the hidden attribute, images), drops inline-XBRL tags while keeping their content, caps
// element nesting so that QTextDocument never sees pathological depth, and
// wraps the first visible character of every visible inline-XBRL fact in
// <a name="fl-fact-N"> (nested facts starting there in nested anchors) so that where it
// starts can be found in the QTextDocument built from the result, also when it starts
// with a paragraph or a table; Fact::text tells how far it runs. One linear pass.
//
// The result is cut into one small HTML document per printed page ("sheets") at
// the filing's own page breaks: an element styled page-break-before/after: always
// (or break-before/after: page), before its start tag or after its end tag, when
// it is outside tables and hidden content and visible text came since the last
// cut (no blank pages, no cut at the very end). Elements open at a cut are closed
// there and reopened with the same start tags on the next sheet (fact anchors are
// not reopened: an anchor marks where a fact starts), so every sheet is a complete
// well-formed <html><body>...</body></html>.
class HtmlCleaner final
{
public:
    struct Fact
    {
        QString name;        // the concept as written: "dei:EntityRegistrantName"
        bool hidden = false; // inside ix:header or a hidden element: no anchor
        QString text;        // its content as text, entities decoded, white space simplified
                             // (the first kMaxFactText characters of the source text)
        qsizetype source = 0; // offset of its start tag in the HTML (see InlineXbrl)
    };
    struct Result
    {
        QStringList sheets; // one per page, at least one
        QList<Fact> facts;  // index N is anchor "fl-fact-N", on the first sheet that has it
        int droppedTags = 0; // start tags dropped because nesting was too deep
    };

    // Elements nested deeper than this are flattened (their tags dropped, text kept).
    static constexpr int kMaxDepth = 128;
    // Source text gathered per fact (enough to find where a fact ends on its page),
    // and how many nested facts gather it at once.
    static constexpr int kMaxFactText = 20000;
    static constexpr int kMaxGatheringFacts = 64;
    // Facts past this many are not anchored (see InlineXbrl::kMaxFacts), nor facts
    // waiting for the same first character as this many others (nested facts).
    static constexpr int kMaxFacts = 100000;
    static constexpr int kMaxOpenAnchors = 8;

    // With allFacts false only the dei: cover facts are listed and anchored (what the
    // loader does when it is not to read the inline-XBRL facts).
    static Result clean(QStringView html, bool allFacts = true);
    static QString anchorName(int factIndex);
    // Decodes the character references of HTML text (&amp; &#160; &#x2019; ...).
    static QString decodeEntities(QStringView text);
};
