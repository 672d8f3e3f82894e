#include "exhibitrecognizer.h"

#include "normalizers.h"
#include "textscan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const auto S = u"structure"_s;
// Exhibit numbers of Regulation S-K Item 601 stay below this.
constexpr int MaxExhibitNumber = 110;
constexpr int MaxListChars = 60000;

int letterCount(const QString &text)
{
    int n = 0;
    for (const QChar c : text)
        n += c.isLetter() ? 1 : 0;
    return n;
}

bool plausibleNumber(const QString &number)
{
    const int major = number.section(u'.', 0, 0).toInt();
    return major >= 1 && major <= MaxExhibitNumber;
}

} // namespace

QString ExhibitRecognizer::name() const
{
    return u"exhibits"_s;
}

void ExhibitRecognizer::run(const ExtractionContext &context, EntityList &out) const
{
    const DocumentContent &content = context.content;
    const RuleSet &rules = context.rules;
    const QJsonObject conf = rules.object(S, u"confidence"_s);
    const double cList = conf.value(u"list"_s).toDouble(0.9);
    const double cHeader = conf.value(u"header"_s).toDouble(0.99);
    QString listStart, listEnd;
    for (const RulePack &p : rules.packs) {
        const QJsonObject s = p.body.value(S).toObject();
        if (!p.enabled)
            continue;
        if (s.value(u"exhibitListStart"_s).isString())
            listStart = s.value(u"exhibitListStart"_s).toString();
        if (s.value(u"exhibitListEnd"_s).isString())
            listEnd = s.value(u"exhibitListEnd"_s).toString();
    }
    if (!listStart.isEmpty()) {
        const QRegularExpression begin(listStart, QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression finish(listEnd.isEmpty() ? u"(?!)"_s : listEnd);
        static const QRegularExpression entry(
            uR"((?m)^\h{0,12}(?:(?:Exhibit|EXHIBIT|Ex\.|EX-)\h{0,3})?(\d{1,3}(?:\.\d{1,3})?)(\([a-z]{1,4}\)|[a-z](?![a-z]))?\.?[*†#+‡]{0,2}(?![\d.,%])\h{0,8}(?:[-–—:]\h{0,4})?([^\n]{0,800})$)"_s);
        static const QRegularExpression inlineEntry(
            uR"((?<=[.;])\h{1,4}(?:Exhibit|EXHIBIT)\h{1,3}(\d{1,3}(?:\.\d{1,3})?)(?![\d,%]|\.\d)\h{0,8}(?:[-–—:]\h{0,4})?(?=\S))"_s);
        // A list that runs to the end of its page goes on at the top of the next
        // (PDF and paged HTML exhibit indexes span pages); -1 marks that start.
        int continuedPages = 0;
        for (int p : TextScan::textPages(content)) {
            if (context.cancelled())
                return;
            const QString &text = content.text.pages.at(p);
            QList<int> starts;
            if (continuedPages > 0)
                starts.append(-1);
            --continuedPages;
            for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
                TextScan::forEachMatch(text, w, begin, [&](const QRegularExpressionMatch &m) {
                    starts.append(int(m.capturedEnd()));
                });
            }
            int coveredTo = 0;
            static const QRegularExpression itemHeading(uR"(\bItem\h{1,4}\d)"_s, QRegularExpression::CaseInsensitiveOption);
            for (int s : std::as_const(starts)) {
                const bool continued = s < 0;
                bool runsOn = false;
                // "Item 15. Exhibits" in a table of contents is followed by more items, not exhibits.
                int items = 0;
                if (continued)
                    s = 0;
                auto it = itemHeading.globalMatch(QStringView(text).mid(s, 800));
                while (it.hasNext() && items < 3) {
                    it.next();
                    ++items;
                }
                if (items >= 3 && !continued)
                    continue;
                // The list starts on the line after its heading.
                int from = continued ? 0 : int(text.indexOf(u'\n', s));
                if (from < 0 || from < coveredTo)
                    continue;
                int to = qMin(int(text.size()), from + MaxListChars);
                const QRegularExpressionMatch f = finish.match(text.mid(from, to - from));
                if (f.hasMatch())
                    to = from + int(f.capturedStart());
                else if (to == text.size())
                    runsOn = true;

                coveredTo = to;
                EntityList found;
                int firstEntry = -1, lastEntryEnd = -1;
                TextScan::forEachMatch(text, {p, from, to}, entry, [&](const QRegularExpressionMatch &m) {
                    if (m.capturedStart() >= to)
                        return;
                    const QString number = m.captured(1);
                    if (!plausibleNumber(number))
                        return;
                    int ds = int(m.capturedStart(3)), de = int(m.capturedEnd(3));
                    // A list written as a paragraph: "Exhibit 99.01 Press Release. Exhibit
                    // 99.02 Financial Highlights." Each sentence's "Exhibit" begins an entry.
                    QList<QRegularExpressionMatch> inlineEntries;
                    {
                        auto it = inlineEntry.globalMatch(QStringView(text).mid(ds, de - ds));
                        while (it.hasNext())
                            inlineEntries.append(it.next());
                    }
                    if (!inlineEntries.isEmpty())
                        de = ds + int(inlineEntries.first().capturedStart());
                    TextScan::trim(text, &ds, &de);
                    QString description = text.mid(ds, de - ds);
                    if (description.isEmpty()) {
                        // Number and description in separate cells: the next non-empty line.
                        int q = int(m.capturedEnd());
                        for (int guard = 0; guard < 3 && q + 1 < to; ++guard) {
                            const TextScan::Window line = TextScan::lineAt(text, p, q + 1);
                            if (line.end > to)
                                break;
                            const QString lt = text.mid(line.start, line.end - line.start).trimmed();
                            if (!lt.isEmpty()) {
                                if (!lt.at(0).isDigit())
                                    description = lt;
                                break;
                            }
                            q = line.end;
                        }
                    }
                    if (letterCount(description) < 3
                        || description.startsWith(u"Table of Contents"_s, Qt::CaseInsensitive))
                        return;
                    if (firstEntry < 0)
                        firstEntry = int(m.capturedStart());
                    lastEntryEnd = int(m.capturedEnd());
                    // "10(a)", "3(ii)": Regulation S-K numbers with the filer's sub-designation.
                    const int numberEnd = m.capturedLength(2) > 0 ? int(m.capturedEnd(2)) : int(m.capturedEnd(1));
                    const QString designation = m.captured(2).startsWith(u'(') ? m.captured(2)
                        : m.captured(2).isEmpty()                                ? QString()
                                                                                 : u'(' + m.captured(2) + u')';
                    found.append(context.makeEntity(
                        u"exhibit"_s, {p, int(m.capturedStart(1)), numberEnd},
                        Normalize::exhibit(number) + designation, cList, u"core.exhibit.list"_s,
                        {{u"description"_s, Normalize::spaces(description)}}));
                    const int lineStart = int(m.capturedStart(3));
                    for (int i = 0; i < inlineEntries.size(); ++i) {
                        const QRegularExpressionMatch &im = inlineEntries.at(i);
                        int is = lineStart + int(im.capturedEnd());
                        int ie = i + 1 < inlineEntries.size()
                            ? lineStart + int(inlineEntries.at(i + 1).capturedStart())
                            : int(m.capturedEnd(3));
                        TextScan::trim(text, &is, &ie);
                        const QString d = text.mid(is, qMax(0, ie - is));
                        if (!plausibleNumber(im.captured(1)) || letterCount(d) < 3)
                            continue;
                        found.append(context.makeEntity(
                            u"exhibit"_s,
                            {p, lineStart + int(im.capturedStart(1)), lineStart + int(im.capturedEnd(1))},
                            Normalize::exhibit(im.captured(1)), cList, u"core.exhibit.list"_s,
                            {{u"description"_s, Normalize::spaces(d)}}));
                        lastEntryEnd = ie;
                    }
                });
                // Exhibit lists number like "99.1", "10", "3a", "104"; a run of "1", "2", "3"
                // after an "Exhibits" heading is a numbered list of something else.
                const bool looksLikeExhibits = std::any_of(found.begin(), found.end(), [](const Entity &e) {
                    return e.value.contains(u'.') || e.value.contains(u'(')
                        || e.value.section(u'(', 0, 0).toInt() >= 10
                        || e.attributes.value(u"description"_s).contains(u"incorporated"_s, Qt::CaseInsensitive);
                });
                // A list goes on over the page break only where it reached the page's end,
                // and the next page goes on with it from its top.
                const bool keeps = !continued || (firstEntry >= 0 && firstEntry < 800);
                if (runsOn && keeps && lastEntryEnd >= 0 && text.size() - lastEntryEnd < 800)
                    continuedPages = 1;
                if (looksLikeExhibits && keeps)
                    out.append(found);
            }
        }
    }

    // Exhibit documents of a full submission.
    static const QRegularExpression typeRe(uR"(^EX-(\d{1,3}(?:\.\d{1,3})?))"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    for (const DocumentPart &part : content.parts) {
        const QRegularExpressionMatch tm = typeRe.match(part.type);
        if (!tm.hasMatch() || !part.hasText() || part.firstPage >= content.pageCount())
            continue;
        const QString value = Normalize::exhibit(tm.captured(1));
        const int p = part.firstPage;
        const QString &text = content.text.pages.at(p);
        const QRegularExpression heading(
            u"(?<![\\w.])(?:Exhibit|EX)[\\s.\\-]{0,3}("_s + QRegularExpression::escape(tm.captured(1))
                + u")(?![\\d])"_s,
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch hm = heading.match(text.left(1500));
        SourceSpan span;
        if (hm.hasMatch()) {
            span = {p, int(hm.capturedStart(1)), int(hm.capturedEnd(1))};
        } else {
            int s = 0;
            while (s < text.size() && text.at(s).isSpace())
                ++s;
            const TextScan::Window line = TextScan::lineAt(text, p, s);
            int a = line.start, b = line.end;
            TextScan::trim(text, &a, &b);
            span = {p, a, b};
        }
        if (span.length() <= 0)
            continue;
        QMap<QString, QString> attrs;
        if (!part.description.isEmpty())
            attrs.insert(u"description"_s, Normalize::spaces(part.description));
        attrs.insert(u"document"_s, part.type);
        out.append(context.makeEntity(u"exhibit"_s, span, value, cHeader, u"core.exhibit.document"_s,
                                      attrs));
    }
}
