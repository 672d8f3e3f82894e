#include "figurescan.h"

#include <QtCore/QJsonObject>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

void FigureScan::forEachMatch(
    const ExtractionContext &context, const QRegularExpression &re,
    const std::function<void(int, const QString &, const Match &)> &f)
{
    if (!re.isValid() || re.pattern().isEmpty())
        return;
    // Each window is matched as a slice of the page with a little context on both
    // sides (for look-behinds and for matches that run past the window's end), so a
    // pattern never reads more than a window plus that margin, however long the page.
    constexpr int Before = 64;
    constexpr int After = 512;
    const DocumentContent &content = context.content;
    for (int p : TextScan::textPages(content)) {
        if (context.cancelled())
            return;
        const QString &text = content.text.pages.at(p);
        for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
            const int from = qMax(0, w.start - Before);
            const int to = qMin(int(text.size()), w.end + After);
            const QStringView slice = QStringView(text).mid(from, to - from);
            auto it = re.globalMatch(slice);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                const int start = from + int(m.capturedStart());
                if (start >= w.end)
                    break;
                if (start < w.start || m.capturedLength() == 0)
                    continue;
                f(p, text, Match(m, from));
            }
        }
    }
}

QList<FigureScan::Candidate> FigureScan::resolve(QList<Candidate> candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.span.length() != b.span.length())
            return a.span.length() > b.span.length();
        if (a.confidence != b.confidence)
            return a.confidence > b.confidence;
        return a.span < b.span;
    });
    // Per type and page: accepted spans by start, to test overlaps in log time.
    std::map<std::pair<QString, int>, std::map<int, int>> taken;
    QList<Candidate> kept;
    for (const Candidate &c : std::as_const(candidates)) {
        if (!c.span.isValid() || c.span.length() == 0)
            continue;
        auto &spans = taken[{c.type, c.span.page}];
        auto next = spans.lower_bound(c.span.start);
        if (next != spans.end() && next->first < c.span.end)
            continue;
        if (next != spans.begin() && std::prev(next)->second > c.span.start)
            continue;
        spans.emplace(c.span.start, c.span.end);
        kept.append(c);
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const Candidate &a, const Candidate &b) { return a.span < b.span; });
    return kept;
}

void FigureScan::appendEntities(const ExtractionContext &context, const QList<Candidate> &candidates,
                      EntityList &out)
{
    for (const Candidate &c : candidates)
        out.append(context.makeEntity(c.type, c.span, c.value, c.confidence, c.origin, c.attributes));
}

double FigureScan::confidence(const QJsonObject &confidences, const QString &key, double fallback)
{
    return qBound(0.0, confidences.value(key).toDouble(fallback), 1.0);
}

QString FigureScan::alternatives(QStringList terms)
{
    terms.removeDuplicates();
    std::sort(terms.begin(), terms.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList parts;
    for (const QString &t : std::as_const(terms)) {
        const QString term = t.trimmed();
        if (term.isEmpty() || term.size() > 120)
            continue;
        QString part;
        for (const QChar c : term) {
            if (c == u' ' || c == u'-')
                part += u"[\\s-]{1,3}"_s;
            else
                part += QRegularExpression::escape(QString(c));
        }
        parts.append(part);
    }
    return parts.isEmpty() ? u"(?!)"_s : u"(?:"_s + parts.join(u'|') + u')';
}

QString FigureScan::termsPattern(const QStringList &terms, bool afterHyphen)
{
    const QString either = alternatives(terms);
    if (either == u"(?!)"_s)
        return either;
    return (afterHyphen ? u"(?<![\\w])"_s : u"(?<![\\w-])"_s) + either + u"(?![\\w])"_s;
}
