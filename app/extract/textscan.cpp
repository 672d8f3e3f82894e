#include "textscan.h"

#include <algorithm>

using namespace Qt::StringLiterals;

QList<int> TextScan::textPages(const DocumentContent &content)
{
    QList<int> pages;
    const int header = headerPage(content);
    for (int p = 0; p < content.pageCount(); ++p) {
        if (p != header)
            pages.append(p);
    }
    return pages;
}

QList<int> TextScan::mainPages(const DocumentContent &content)
{
    for (const DocumentPart &part : content.parts) {
        if (part.kind == DocumentPart::Kind::Header || part.kind == DocumentPart::Kind::Binary
            || !part.hasText())
            continue;
        QList<int> pages;
        for (int p = part.firstPage; p < part.firstPage + part.pageCount && p < content.pageCount(); ++p)
            pages.append(p);
        return pages;
    }
    return textPages(content);
}

int TextScan::headerPage(const DocumentContent &content)
{
    for (const DocumentPart &part : content.parts) {
        if (part.kind == DocumentPart::Kind::Header && part.hasText())
            return part.firstPage;
    }
    return -1;
}

QList<TextScan::Window> TextScan::pageWindows(const DocumentContent &content, int page)
{
    QList<Window> out;
    if (page < 0 || page >= content.pageCount())
        return out;
    const QString &text = content.text.pages.at(page);
    int start = 0;
    while (start < text.size()) {
        int end = qMin(int(text.size()), start + MaxScanChars);
        if (end < text.size()) {
            const int nl = text.lastIndexOf(u'\n', end - 1);
            if (nl > start + MaxScanChars / 2)
                end = nl + 1;
        }
        out.append({page, start, end});
        start = end;
    }
    return out;
}

QString TextScan::fold(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += u' ';
            space = false;
            out += c.toLower();
        } else if (c != u'\'' && c != QChar(0x2019)) {
            space = true;
        }
    }
    return out;
}

TextScan::Window TextScan::lineAt(const QString &page, int pageIndex, int pos)
{
    pos = qBound(0, pos, int(page.size()));
    const int start = pos > 0 ? int(page.lastIndexOf(u'\n', pos - 1)) + 1 : 0;
    int end = int(page.indexOf(u'\n', pos));
    if (end < 0)
        end = int(page.size());
    return {pageIndex, start, end};
}

void TextScan::trim(const QString &page, int *start, int *end, const QString &trailing)
{
    auto blank = [](QChar c) {
        return c.isSpace() || c == QChar(0xa0) || c.category() == QChar::Other_Format;
    };
    while (*start < *end && blank(page.at(*start)))
        ++*start;
    while (*end > *start && (blank(page.at(*end - 1)) || trailing.contains(page.at(*end - 1))))
        --*end;
}

QRegularExpression TextScan::alternation(const QStringList &terms, bool caseSensitive)
{
    QStringList sorted = terms;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    sorted.removeDuplicates();
    QStringList escaped;
    for (const QString &t : std::as_const(sorted)) {
        if (!t.isEmpty())
            escaped.append(QRegularExpression::escape(t));
    }
    if (escaped.isEmpty())
        return QRegularExpression(u"(?!)"_s);
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(u"(?<![\\w-])(?:"_s + escaped.join(u'|') + u")(?![\\w-])"_s, options);
}
