#pragma once

#include "model/documentcontent.h"

#include <QtCore/QList>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

// Helpers the structure recognizers share: which pages to read, and bounded
// regular-expression scans over them.
//
// Pattern budget: recognizers never run a pattern over more than MaxScanChars
// characters at once (a window of a page, or one line), and their patterns have
// no nested unbounded quantifiers, so a hostile page cannot make a match run long.
namespace TextScan {

constexpr int MaxScanChars = 20000;
constexpr int MaxLineChars = 4000;

// A stretch of one page.
struct Window
{
    int page = -1;
    int start = 0;
    int end = 0;
};

// Pages with readable filing text: every page except those of the submission header.
QList<int> textPages(const DocumentContent &content);
// Pages of the primary document (the first text part that is not the header).
QList<int> mainPages(const DocumentContent &content);
// The header part's page, -1 when there is none.
int headerPage(const DocumentContent &content);

// Whole page split into windows of at most MaxScanChars, cut at line ends.
QList<Window> pageWindows(const DocumentContent &content, int page);

// Calls f(match) for each match of re inside the window; offsets are page offsets.
template<typename F>
void forEachMatch(const QString &page, const Window &w, const QRegularExpression &re, F &&f)
{
    const int end = qMin(w.end, int(page.size()));
    if (w.start >= end)
        return;
    // The subject ends with the window (so a scan never runs past it) and begins with
    // the page, so that offsets are page offsets and look-behinds see the text before.
    auto it = re.globalMatch(QStringView(page).left(end), w.start, QRegularExpression::NormalMatch,
                             QRegularExpression::NoMatchOption);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() >= end)
            break;
        f(m);
    }
}

// Lowercase letters and digits only, words separated by one space: for comparing
// "ABVC BIOPHARMA, INC." with "ABVC BioPharma, Inc.".
QString fold(const QString &text);
// The line (without its line break) that contains position pos.
Window lineAt(const QString &page, int page_index, int pos);
// The span inside [start, end) with surrounding white space and the given trailing characters removed.
void trim(const QString &page, int *start, int *end, const QString &trailing = QString());
// A regular expression that matches any of the terms as whole words (escaped, longest first).
QRegularExpression alternation(const QStringList &terms, bool caseSensitive);
}
