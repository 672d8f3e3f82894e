#include "plaintextloader.h"

using namespace Qt::StringLiterals;

namespace {

// A line holding only <PAGE> (EDGAR's page marker in text documents).
bool isPageMarkerLine(QStringView line)
{
    return line.trimmed().compare(u"<PAGE>"_s, Qt::CaseInsensitive) == 0;
}

} // namespace

PlainTextLoader::Pages PlainTextLoader::split(QStringView text, bool edgarPageMarkers)
{
    Pages result;
    qsizetype pageStart = 0;
    const auto finishPage = [&](qsizetype end, qsizetype nextStart) {
        result.pages.append(text.mid(pageStart, end - pageStart).toString());
        pageStart = nextStart;
    };
    qsizetype lineStart = 0;
    const qsizetype n = text.size();
    while (lineStart <= n) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = n;
        const QStringView line = text.mid(lineStart, lineEnd - lineStart);
        if (edgarPageMarkers && isPageMarkerLine(line)) {
            finishPage(lineStart, qMin(lineEnd + 1, n));
        } else {
            for (qsizetype ff = line.indexOf(u'\f'); ff >= 0; ff = line.indexOf(u'\f', ff + 1))
                finishPage(lineStart + ff, lineStart + ff + 1);
        }
        lineStart = lineEnd + 1;
    }
    result.pages.append(text.mid(pageStart).toString());
    // A marker at the very start leaves an empty first page: drop it.
    if (result.pages.size() > 1 && result.pages.constFirst().trimmed().isEmpty())
        result.pages.removeFirst();
    int offset = 0;
    for (const QString &page : std::as_const(result.pages)) {
        result.viewOffsets.append(offset);
        offset += int(page.size()) + 1;
    }
    return result;
}
