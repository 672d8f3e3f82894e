#include "htmltag.h"

namespace {
constexpr qsizetype kMaxAttributes = 64;

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u':' || c == u'-' || c == u'_' || c == u'.';
}
} // namespace

bool HtmlTag::parse(QStringView s, qsizetype i, HtmlTag *tag)
{
    const qsizetype n = s.size();
    qsizetype j = i + 1;
    tag->name = {};
    tag->end = false;
    tag->selfClosing = false;
    tag->attributes.clear();
    tag->begin = i;
    tag->finish = 0;
    if (j < n && s[j] == u'/') {
        tag->end = true;
        ++j;
    }
    const qsizetype nameStart = j;
    if (j >= n || !s[j].isLetter())
        return false;
    while (j < n && isNameChar(s[j]))
        ++j;
    tag->name = s.mid(nameStart, j - nameStart);
    while (j < n) {
        while (j < n && isSpace(s[j]))
            ++j;
        if (j >= n)
            break;
        if (s[j] == u'>') {
            tag->finish = j + 1;
            return true;
        }
        if (s[j] == u'/') {
            if (j + 1 < n && s[j + 1] == u'>')
                tag->selfClosing = true;
            ++j;
            continue;
        }
        const qsizetype attrStart = j;
        while (j < n && !isSpace(s[j]) && s[j] != u'=' && s[j] != u'>' && s[j] != u'/')
            ++j;
        if (j == attrStart) {
            ++j; // a stray character such as '"'
            continue;
        }
        const QStringView attr = s.mid(attrStart, j - attrStart);
        while (j < n && isSpace(s[j]))
            ++j;
        QStringView value;
        if (j < n && s[j] == u'=') {
            ++j;
            while (j < n && isSpace(s[j]))
                ++j;
            if (j < n && (s[j] == u'"' || s[j] == u'\'')) {
                const QChar quote = s[j];
                const qsizetype valueStart = ++j;
                // Style values run to hundreds of characters: a vectorised search.
                const qsizetype close = s.indexOf(quote, j);
                j = close < 0 ? n : close;
                value = s.mid(valueStart, j - valueStart);
                if (j < n)
                    ++j;
            } else {
                const qsizetype valueStart = j;
                while (j < n && !isSpace(s[j]) && s[j] != u'>')
                    ++j;
                value = s.mid(valueStart, j - valueStart);
            }
        }
        if (tag->attributes.size() < kMaxAttributes)
            tag->attributes.append({attr, value});
    }
    tag->finish = n; // unterminated tag: the rest of the file is inside it
    return true;
}
