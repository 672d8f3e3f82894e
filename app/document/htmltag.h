#pragma once

#include <QtCore/QStringView>
#include <QtCore/QVarLengthArray>

#include <utility>

// One HTML (or inline-XBRL) start or end tag, read in place from the markup: its name as
// written, its attributes (at most 64, names and values as written, quotes removed) and
// where it ends. The HTML cleaner and the inline-XBRL reader both read tags with it.
struct HtmlTag
{
    QStringView name;
    bool end = false;
    bool selfClosing = false;
    qsizetype begin = 0;  // the '<'
    qsizetype finish = 0; // one past '>'; the end of the input for an unterminated tag
    QVarLengthArray<std::pair<QStringView, QStringView>, 12> attributes;

    // Reads the tag starting at s[i] == '<'. False when it is not a tag ("a < b"), in
    // which case the '<' is text.
    static bool parse(QStringView s, qsizetype i, HtmlTag *tag);
    static bool isSpace(QChar c)
    {
        return c == u' ' || c == u'\n' || c == u'\t' || c == u'\r' || c == u'\f';
    }
};
