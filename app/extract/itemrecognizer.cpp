#include "itemrecognizer.h"

#include "normalizers.h"
#include "textscan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const auto S = u"structure"_s;

enum class Kind { Current, Annual, Quarterly };

// Deeper than this, an "Item" line is a centred heading, not the start of a paragraph.
constexpr int MaxParagraphIndent = 12;

Kind filingKind(const DocumentContent &content)
{
    QString form = content.header.value(u"form_type"_s).value;
    if (form.isEmpty()) {
        for (const DeiFact &f : content.deiFacts) {
            if (f.name == u"DocumentType"_s)
                form = f.value;
        }
    }
    if (form.isEmpty()) {
        static const QRegularExpression re(uR"(\bFORM\s{1,4}(\d{1,2}\s?-\s?[A-Z]{1,3}))"_s,
                                           QRegularExpression::CaseInsensitiveOption);
        const QList<int> pages = TextScan::mainPages(content);
        for (int i = 0; i < qMin(3, int(pages.size())) && form.isEmpty(); ++i)
            form = re.match(content.text.pages.at(pages.at(i)).left(TextScan::MaxScanChars)).captured(1);
    }
    form = Normalize::formType(form);
    if (form.startsWith(u"10-K"_s) || form.startsWith(u"20-F"_s) || form.startsWith(u"10-KT"_s))
        return Kind::Annual;
    if (form.startsWith(u"10-Q"_s))
        return Kind::Quarterly;
    return Kind::Current;
}

// The first words of a title, folded, to check a heading against it.
bool titleFollows(const QString &after, const QString &title)
{
    const QString a = TextScan::fold(after);
    const QStringList words = TextScan::fold(title).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return false;
    const QString head = words.mid(0, qMin(2, int(words.size()))).join(u' ');
    return a.startsWith(head) || (words.size() == 1 && a.startsWith(words.first()));
}

} // namespace

QString ItemRecognizer::name() const
{
    return u"items"_s;
}

void ItemRecognizer::run(const ExtractionContext &context, EntityList &out) const
{
    const DocumentContent &content = context.content;
    const RuleSet &rules = context.rules;
    const Kind kind = filingKind(content);
    const QJsonObject conf = rules.object(S, u"confidence"_s);
    const double cHeading = conf.value(u"heading"_s).toDouble(0.9);
    const double cPart = conf.value(u"part"_s).toDouble(0.95);
    const QJsonObject current = rules.object(S, u"items8k"_s);
    const QJsonObject legacy = rules.object(S, u"items8kLegacy"_s);
    const QJsonObject annual = rules.object(S, u"itemsPeriodic"_s);
    const QJsonObject quarterly = rules.object(S, u"itemsQuarterly"_s);

    // "ITEM 8.01", "Item 9.01(d).", "Item 1A.", "PART II" at the start of a line.
    static const QRegularExpression itemRe(
        uR"((?m)^\h{0,40}(?:\*\*)?(ITEM|Item|item)\h{1,4}(\d{1,2}(?:\s?\.\s?\d{1,2})?[A-Ca-c]?)(?![\d])(?:\s?\([a-z]\))?\h{0,4}[.:\-–—]?)"_s);
    static const QRegularExpression partRe(
        uR"((?m)^\h{0,12}(PART|Part)\h{1,4}(IV|III|II|I)(?![\w])\h{0,4}[.:\-–—]?)"_s);
    // PDF text layers run paragraphs together: "... of Genentech. ITEM 9.01. FINANCIAL
    // STATEMENTS AND EXHIBITS". After a sentence, a heading counts only with its title.
    static const QRegularExpression midLineRe(
        uR"((?<=[.:;!?”"]\h|[.:;!?”"]\h\h)(ITEM|Item)\h{1,4}(\d{1,2}\.\d{2})(?![\d])(?:\s?\([a-z]\))?\h{0,4}[.:\-–—]?)"_s);
    static const QRegularExpression pageNumberAtEnd(uR"([\t .]{1,}\d{1,3}\s*$)"_s);

    QString part;
    for (int p : TextScan::textPages(content)) {
        if (context.cancelled())
            return;
        const QString &text = content.text.pages.at(p);
        for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
            // Parts and items interleave in document order.
            struct Heading
            {
                int start, end, matchEnd;
                bool isPart;
                QString number;
                bool midLine = false;
                bool centred = false; // indented past a paragraph's first line
            };
            QList<Heading> headings;
            if (kind != Kind::Current) {
                TextScan::forEachMatch(text, w, partRe, [&](const QRegularExpressionMatch &m) {
                    headings.append({int(m.capturedStart(1)), int(m.capturedEnd(2)), int(m.capturedEnd()), true, m.captured(2)});
                });
            }
            TextScan::forEachMatch(text, w, itemRe, [&](const QRegularExpressionMatch &m) {
                // Plain-text filings centre their headings ("             ITEM 4. CHANGES IN ...").
                const bool centred = m.capturedStart(1) - m.capturedStart() > MaxParagraphIndent;
                headings.append({int(m.capturedStart(1)), int(m.capturedEnd(2)), int(m.capturedEnd()), false,
                                 m.captured(2), false, centred});
            });
            if (kind == Kind::Current) {
                TextScan::forEachMatch(text, w, midLineRe, [&](const QRegularExpressionMatch &m) {
                    headings.append({int(m.capturedStart(1)), int(m.capturedEnd(2)), int(m.capturedEnd()), false,
                                     m.captured(2), true});
                });
            }
            std::sort(headings.begin(), headings.end(),
                      [](const Heading &a, const Heading &b) { return a.start < b.start; });
            // A table of contents lists many items close together; a report's own
            // headings are pages apart (even "Item 6. [Reserved]" has neighbours farther off).
            auto inContents = [&](const Heading &h) {
                if (kind == Kind::Current)
                    return false;
                int near = 0;
                for (const Heading &o : std::as_const(headings)) {
                    if (!o.isPart && o.start != h.start && qAbs(o.start - h.start) < 600)
                        ++near;
                }
                return near >= 3;
            };
            for (const Heading &h : std::as_const(headings)) {
                if (!h.isPart && inContents(h))
                    continue;
                const TextScan::Window line = TextScan::lineAt(text, p, h.start);
                const QString rest = text.mid(h.matchEnd, qMax(0, line.end - h.matchEnd));
                // A table of contents line ends with its page number.
                if (pageNumberAtEnd.match(rest).hasMatch() && rest.trimmed().size() > 3)
                    continue;
                // What follows the number: the rest of the line, or the next lines.
                const QString after = text.mid(h.matchEnd, 200);
                if (h.isPart) {
                    part = h.number;
                    continue;
                }
                const QString value = Normalize::item(h.number);
                if (value.isEmpty())
                    continue;
                QString title;
                QMap<QString, QString> attrs;
                if (kind == Kind::Current) {
                    title = current.value(value).toString();
                    if (title.isEmpty())
                        title = legacy.value(value).toString();
                } else if (kind == Kind::Annual) {
                    title = annual.value(value).toString();
                } else {
                    title = quarterly.value(part + u'/' + value).toString();
                }
                if (title.isEmpty())
                    continue;
                // An item begins where its heading is: the title (or some capitalised
                // heading text) follows; a sentence that mentions "Item 8.01" does not.
                const QString restTrim = Normalize::spaces(rest);
                bool heading = titleFollows(after, title);
                // A centred heading counts only with its own title after the number.
                if (!heading && !h.midLine && !h.centred) {
                    const QString next = Normalize::spaces(after);
                    const QChar first = next.isEmpty() ? QChar() : next.at(0);
                    int q = line.start - 1;
                    while (q >= 0 && text.at(q).isSpace())
                        --q;
                    const QChar before = q >= 0 ? text.at(q) : QChar(u'.');
                    const bool blankLineBefore = q < 0 || text.mid(q + 1, line.start - q - 1).count(u'\n') >= 2;
                    const bool prevEndsSentence = before == u'.' || before == u':' || before == u')'
                        || before.isDigit() || before == u'"' || before == QChar(0x201d) || blankLineBefore;
                    heading = prevEndsSentence && (first.isUpper() || first.isDigit())
                        && !next.startsWith(u"of "_s) && !next.startsWith(u"and "_s);
                }
                if (!heading)
                    continue;
                attrs.insert(u"title"_s, title);
                if (kind != Kind::Current && !part.isEmpty())
                    attrs.insert(u"part"_s, part);
                const SourceSpan span{p, h.start, h.end};
                out.append(context.makeEntity(u"item"_s, span, value,
                                              kind == Kind::Current ? cHeading : cPart - 0.05,
                                              u"core.item.heading"_s, attrs));
            }
        }
    }
}
