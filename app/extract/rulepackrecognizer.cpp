#include "rulepackrecognizer.h"

#include "textscan.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

QString RulePackRecognizer::name() const
{
    return u"rule pack lexicons and patterns"_s;
}

void RulePackRecognizer::run(const ExtractionContext &context, EntityList &out) const
{
    const DocumentContent &content = context.content;
    struct Rule
    {
        QString type;
        QRegularExpression re;
        double confidence;
        QString origin;
        int group;
        bool perLine;
    };
    QList<Rule> rules;
    for (const RulePack &pack : context.rules.packs) {
        if (!pack.enabled)
            continue;
        const QJsonArray lexicons = pack.body.value(u"lexicons"_s).toArray();
        for (int i = 0; i < lexicons.size(); ++i) {
            const QJsonObject l = lexicons.at(i).toObject();
            QStringList terms;
            for (const QJsonValue &t : l.value(u"terms"_s).toArray())
                terms.append(t.toString());
            const QString type = l.value(u"type"_s).toString();
            if (type.isEmpty() || terms.isEmpty())
                continue;
            rules.append({type, TextScan::alternation(terms, l.value(u"caseSensitive"_s).toBool(false)),
                          l.value(u"confidence"_s).toDouble(0.8),
                          pack.name + u".lexicon."_s + type, 0, false});
        }
        const QJsonArray patterns = pack.body.value(u"patterns"_s).toArray();
        for (int i = 0; i < patterns.size(); ++i) {
            const QJsonObject o = patterns.at(i).toObject();
            const QString type = o.value(u"type"_s).toString();
            QRegularExpression re(o.value(u"regex"_s).toString(),
                                  o.value(u"caseSensitive"_s).toBool(true)
                                      ? QRegularExpression::NoPatternOption
                                      : QRegularExpression::CaseInsensitiveOption);
            if (type.isEmpty() || !re.isValid() || re.pattern().isEmpty())
                continue;
            rules.append({type, re, o.value(u"confidence"_s).toDouble(0.6),
                          pack.name + u".pattern."_s + o.value(u"id"_s).toString(type),
                          o.value(u"group"_s).toInt(0), true});
        }
    }
    if (rules.isEmpty())
        return;

    for (int p : TextScan::textPages(content)) {
        if (context.cancelled())
            return;
        const QString &text = content.text.pages.at(p);
        // Windows of one line (or a piece of a long line) bound every pattern's input.
        QList<TextScan::Window> lines;
        int start = 0;
        while (start < text.size()) {
            int end = int(text.indexOf(u'\n', start));
            if (end < 0)
                end = int(text.size());
            for (int s = start; s < end; s += TextScan::MaxLineChars)
                lines.append({p, s, qMin(end, s + TextScan::MaxLineChars)});
            start = end + 1;
        }
        for (const Rule &r : std::as_const(rules)) {
            const QList<TextScan::Window> windows = r.perLine ? lines : TextScan::pageWindows(content, p);
            for (const TextScan::Window &w : windows) {
                // Match the window's own text so a pattern never sees more than it.
                const QString piece = text.mid(w.start, w.end - w.start);
                auto it = r.re.globalMatch(piece);
                while (it.hasNext()) {
                    const QRegularExpressionMatch m = it.next();
                    const int g = m.lastCapturedIndex() >= r.group ? r.group : 0;
                    if (m.capturedLength(g) == 0)
                        continue;
                    const SourceSpan span{p, w.start + int(m.capturedStart(g)), w.start + int(m.capturedEnd(g))};
                    out.append(context.makeEntity(r.type, span, m.captured(g), r.confidence, r.origin));
                }
            }
        }
    }
}
