#include "inlinexbrl.h"

#include "htmltag.h"

#include "htmlcleaner.h"

#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtCore/QVarLengthArray>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// End tags are matched against at most this many open elements, as in HtmlCleaner.
constexpr int kMatchWindow = 256;
// Facts and continuations nested deeper than this gather no text, so that crafted
// nesting cannot make the pass quadratic (real filings nest three or four).
constexpr int kMaxGathering = 64;
// Characters of collapsed text kept per fact or continuation: enough for any number
// and for a text value cut at kMaxTextValue; the full length is still counted.
constexpr int kKeptText = 1024;
// Continuation steps followed in all, over every fact of a document.
constexpr qsizetype kMaxContinuationSteps = 1000000;

// A name or prefix compared as HTML compares them: letters without case (the
// names asked for are lower case ASCII). Called a few times for every tag: inline.
inline bool sameName(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype k = 0; k < a.size(); ++k) {
        const char16_t x = a[k].unicode();
        const char16_t y = b[k].unicode();
        if (x == y)
            continue;
        if (x < 128 && y < 128) {
            const char16_t lx = x >= u'A' && x <= u'Z' ? char16_t(x + 32) : x;
            const char16_t ly = y >= u'A' && y <= u'Z' ? char16_t(y + 32) : y;
            if (lx != ly)
                return false;
        } else if (QChar::toLower(char32_t(x)) != QChar::toLower(char32_t(y))) {
            return false;
        }
    }
    return true;
}

// A tag read in place (HtmlTag): its prefix and local name as written, compared without case.
struct Tag
{
    const HtmlTag *raw = nullptr;
    QStringView prefix; // empty when none
    QStringView local;

    bool is(QStringView name) const { return sameName(local, name); }
    // The attribute's value; names compare without case, and "*:nil" style
    // lookups match any prefix when `anyPrefix` is set.
    QStringView attribute(QStringView name, bool anyPrefix = false) const
    {
        for (const auto &[attrName, value] : raw->attributes) {
            QStringView n = attrName;
            if (anyPrefix) {
                const qsizetype colon = n.indexOf(u':');
                if (colon >= 0)
                    n = n.mid(colon + 1);
            }
            if (sameName(n, name))
                return value;
        }
        return {};
    }
};

bool parseTag(QStringView s, qsizetype i, HtmlTag &raw, Tag &tag)
{
    if (!HtmlTag::parse(s, i, &raw))
        return false;
    tag.raw = &raw;
    const qsizetype colon = raw.name.lastIndexOf(u':');
    tag.prefix = colon >= 0 ? raw.name.left(colon) : QStringView();
    tag.local = raw.name.mid(colon + 1);
    return true;
}

// Collapsed text (runs of white space as one space, none at either end), the first
// kKeptText characters kept and the whole length counted.
struct TextSink
{
    QString kept;
    qint64 length = 0;
    bool any = false;          // some non-space character seen
    bool leadingSpace = false; // white space before the first character
    bool pendingSpace = false; // white space after the last character

    void add(QStringView text)
    {
        const qsizetype n = text.size();
        for (qsizetype k = 0; k < n;) {
            if (text[k].isSpace()) {
                if (any)
                    pendingSpace = true;
                else
                    leadingSpace = true;
                ++k;
                continue;
            }
            qsizetype run = k + 1;
            while (run < n && !text[run].isSpace())
                ++run;
            if (pendingSpace) {
                if (kept.size() < kKeptText)
                    kept += u' ';
                ++length;
                pendingSpace = false;
            }
            if (kept.size() < kKeptText)
                kept += text.mid(k, qMin<qsizetype>(run - k, kKeptText - kept.size()));
            length += run - k;
            any = true;
            k = run;
        }
    }
    void space() { add(u" "); }
    void append(const TextSink &o)
    {
        if (!o.any) {
            if (any && (o.leadingSpace || o.pendingSpace))
                pendingSpace = true;
            else if (!any && o.leadingSpace)
                leadingSpace = true;
            return;
        }
        if (any && (pendingSpace || o.leadingSpace)) {
            if (kept.size() < kKeptText)
                kept += u' ';
            ++length;
        } else if (!any) {
            leadingSpace = leadingSpace || o.leadingSpace;
        }
        if (kept.size() < kKeptText)
            kept += QStringView(o.kept).left(kKeptText - kept.size());
        length += o.length;
        any = true;
        pendingSpace = o.pendingSpace;
    }
};

struct RawFact
{
    QString concept;
    QString contextRef;
    QString unitRef;
    QString decimals;
    QString scale;
    QString format;
    QString continuedAt;
    bool negative = false;
    bool nil = false;
    bool numeric = false;
    bool hidden = false;
    int sink = -1;
    qsizetype source = 0;
};

struct Continuation
{
    int sink = -1;
    QString continuedAt;
};

struct Context
{
    QString start, end, instant;
    bool isForever = false;
    QStringList dimensions;
};

struct Unit
{
    QStringList measures, numerator, denominator;
};

struct Open
{
    QStringView prefix; // as written (in the source, which outlives the reading)
    QStringView local;
    int sink = -1;            // a fact or continuation gathering text
    bool gathering = false;   // its sink is on the gathering list
    bool exclude = false;
    bool hiddenSection = false;
    bool resources = false;
    bool capture = false;     // a resource value ends here
    bool context = false;
    bool unit = false;
    int unitPart = 0;         // 1 numerator, 2 denominator
    bool block = false;       // isBlock(local)
};

// Whether `name` is one of `names` (lower case), compared without case.
template<size_t N>
bool oneOf(QStringView name, const QStringView (&names)[N])
{
    for (const QStringView &n : names) {
        if (n.size() == name.size() && sameName(name, n))
            return true;
    }
    return false;
}

bool isBlock(QStringView local)
{
    static constexpr QStringView names[] = {u"p", u"div", u"br", u"td", u"th", u"tr", u"li", u"h1",
                                            u"h2", u"h3", u"h4", u"h5", u"h6", u"table", u"ul", u"ol",
                                            u"hr", u"dt", u"dd", u"blockquote", u"pre"};
    return local.size() <= 10 && oneOf(local, names);
}

bool isVoid(QStringView local)
{
    static constexpr QStringView names[] = {u"area", u"base", u"br", u"col", u"embed", u"hr",
                                            u"img", u"input", u"link", u"meta", u"param",
                                            u"source", u"track", u"wbr"};
    return local.size() <= 6 && oneOf(local, names);
}

QString withoutPrefix(QStringView qname)
{
    const qsizetype colon = qname.indexOf(u':');
    return (colon >= 0 ? qname.mid(colon + 1) : qname).trimmed().toString();
}

} // namespace

bool InlineXbrl::mayHoldFacts(QStringView html)
{
    return html.contains(u"nonfraction"_s, Qt::CaseInsensitive)
        || html.contains(u"nonnumeric"_s, Qt::CaseInsensitive);
}

// What a reading holds as it goes through the HTML.
struct InlineXbrl::ReadState
{
    explicit ReadState(QStringView html) : s(html), n(html.size()) {}

    QStringView s;
    qsizetype n;
    qsizetype i = 0; // everything before it has been read
    Reading reading;
    QList<RawFact> facts;
    QList<TextSink> sinks;
    QHash<QString, Continuation> continuations;
    QHash<QString, Context> contexts;
    QHash<QString, Unit> units;
    QList<Open> stack;
    QList<int> gathering; // sinks gathering text, outermost first
    QList<int> gatheringExclude; // the exclusion depth each was opened at
    int excludeDepth = 0;
    int hiddenDepth = 0;
    int resourcesDepth = 0;
    QString ixPrefix = u"ix"_s;
    // A 10-K's 2,500 facts name a few hundred concepts and contexts and a handful of
    // units, decimals and scales: each distinct value is one string, shared by the
    // facts (and their entities) that give it. Keys are views of the source.
    QHash<QStringView, QString> strings;

    Context *context = nullptr;
    QString contextId;
    Context currentContext;
    bool inUnit = false;
    QString unitId;
    Unit currentUnit;
    QString *capture = nullptr;
    QString captured;
    enum class Target { None, Start, End, Instant, Explicit, Typed, Measure };
    Target target = Target::None;
    QString dimension;
    int unitPart = 0;
    HtmlTag own; // the tag being read, reused from tag to tag

    QString intern(QStringView value)
    {
        value = value.trimmed();
        if (value.isEmpty())
            return QString();
        auto it = strings.constFind(value);
        if (it == strings.cend())
            it = strings.insert(value, value.toString());
        return it.value();
    }
    void addText(QStringView raw, bool decode)
    {
        if (capture)
            capture->append(decode ? HtmlCleaner::decodeEntities(raw) : raw.toString());
        if (gathering.isEmpty())
            return;
        QString decoded;
        QStringView text = raw;
        if (decode && raw.contains(u'&')) {
            decoded = HtmlCleaner::decodeEntities(raw);
            text = decoded;
        }
        for (qsizetype k = 0; k < gathering.size(); ++k) {
            if (gatheringExclude.at(k) == excludeDepth)
                sinks[gathering.at(k)].add(text);
        }
    }
    void addSpace()
    {
        for (qsizetype k = 0; k < gathering.size(); ++k) {
            if (gatheringExclude.at(k) == excludeDepth)
                sinks[gathering.at(k)].space();
        }
    }
    void finishCapture()
    {
        const QString value = captured.simplified();
        switch (target) {
        case Target::Start:
            currentContext.start = value;
            break;
        case Target::End:
            currentContext.end = value;
            break;
        case Target::Instant:
            currentContext.instant = value;
            break;
        case Target::Explicit:
        case Target::Typed:
            currentContext.dimensions.append(dimension + u'=' + value);
            break;
        case Target::Measure:
            (unitPart == 1 ? currentUnit.numerator : unitPart == 2 ? currentUnit.denominator
                                                                   : currentUnit.measures)
                .append(withoutPrefix(value));
            break;
        case Target::None:
            break;
        }
        capture = nullptr;
        captured.clear();
        target = Target::None;
    }
    void popTop()
    {
        const Open e = stack.takeLast();
        if (e.gathering) {
            gathering.removeLast();
            gatheringExclude.removeLast();
        }
        if (e.exclude)
            --excludeDepth;
        if (e.hiddenSection)
            --hiddenDepth;
        if (e.resources)
            --resourcesDepth;
        if (e.capture)
            finishCapture();
        if (e.context) {
            if (!contextId.isEmpty() && !contexts.contains(contextId))
                contexts.insert(contextId, currentContext);
            currentContext = Context();
            contextId.clear();
            context = nullptr;
        }
        if (e.unit) {
            if (!unitId.isEmpty() && !units.contains(unitId))
                units.insert(unitId, currentUnit);
            currentUnit = Unit();
            unitId.clear();
            inUnit = false;
        }
        if (e.unitPart)
            unitPart = 0;
        if (e.block)
            addSpace();
    }

    // Reads what stands at i: the text up to the next '<', or one comment, CDATA
    // section, declaration or tag.
    void step()
    {
        if (s[i] != u'<') {
            const qsizetype lt = s.indexOf(u'<', i);
            const qsizetype end = lt < 0 ? n : lt;
            addText(s.mid(i, end - i), true);
            i = end;
            return;
        }
        const QStringView rest = s.mid(i);
        if (rest.startsWith(u"<!--"_s)) {
            const qsizetype close = s.indexOf(u"-->"_s, i + 4);
            i = close < 0 ? n : close + 3;
            return;
        }
        if (rest.startsWith(u"<![CDATA["_s)) {
            const qsizetype close = s.indexOf(u"]]>"_s, i + 9);
            addText(s.mid(i + 9, (close < 0 ? n : close) - i - 9), false);
            i = close < 0 ? n : close + 3;
            return;
        }
        if (rest.startsWith(u"<!"_s) || rest.startsWith(u"<?"_s)) {
            const qsizetype close = s.indexOf(u'>', i + 2);
            i = close < 0 ? n : close + 1;
            return;
        }
        Tag tag;
        if (!parseTag(s, i, own, tag)) {
            addText(u"<", false);
            ++i;
            return;
        }
        onTag(tag);
    }

    // The tag starting at i.
    void onTag(const Tag &tag)
    {
        const qsizetype tagBegin = tag.raw->begin;
        i = tag.raw->finish;

        if (tag.raw->end) {
            const qsizetype floor = qMax<qsizetype>(0, stack.size() - kMatchWindow);
            for (qsizetype k = stack.size() - 1; k >= floor; --k) {
                if (sameName(stack.at(k).local, tag.local) && sameName(stack.at(k).prefix, tag.prefix)) {
                    while (stack.size() > k)
                        popTop();
                    break;
                }
            }
            return;
        }
        if (tag.prefix.isEmpty() && (sameName(tag.local, u"script") || sameName(tag.local, u"style"))
            && !tag.raw->selfClosing) {
            const qsizetype close = s.indexOf(QString(u"</"_s + tag.local), i, Qt::CaseInsensitive);
            if (close < 0) {
                i = n;
            } else {
                const qsizetype gt = s.indexOf(u'>', close);
                i = gt < 0 ? n : gt + 1;
            }
            return;
        }
        for (const auto &[name, value] : std::as_const(tag.raw->attributes)) {
            if (name.size() < 6 || (name[0] != u'x' && name[0] != u'X')
                || !name.startsWith(u"xmlns:"_s, Qt::CaseInsensitive))
                continue;
            const QStringView ns = value.trimmed();
            if (ns == u"http://www.xbrl.org/2013/inlineXBRL"_s || ns == u"http://www.xbrl.org/2008/inlineXBRL"_s)
                ixPrefix = name.mid(6).toString().toLower();
        }
        const bool ix = sameName(tag.prefix, ixPrefix);
        const bool block = isBlock(tag.local);
        if (block)
            addSpace();

        Open e;
        e.prefix = tag.prefix;
        e.local = tag.local;
        e.block = block;
        if (ix && (tag.is(u"nonfraction") || tag.is(u"nonnumeric"))) {
            if (facts.size() >= kMaxFacts) {
                reading.truncated = true;
            } else {
                RawFact f;
                f.concept = intern(tag.attribute(u"name"));
                f.contextRef = intern(tag.attribute(u"contextRef"));
                f.unitRef = intern(tag.attribute(u"unitRef"));
                f.decimals = intern(tag.attribute(u"decimals"));
                f.scale = intern(tag.attribute(u"scale"));
                f.format = intern(tag.attribute(u"format"));
                f.continuedAt = tag.attribute(u"continuedAt").trimmed().toString();
                f.negative = tag.attribute(u"sign").trimmed() == u"-"_s;
                const QStringView nil = tag.attribute(u"nil", true).trimmed();
                f.nil = nil == u"true"_s || nil == u"1"_s;
                f.numeric = tag.is(u"nonfraction");
                f.hidden = hiddenDepth > 0;
                f.source = tagBegin;
                f.sink = int(sinks.size());
                sinks.append(TextSink());
                facts.append(f);
                e.sink = f.sink;
            }
        } else if (ix && tag.is(u"continuation")) {
            const QString id = tag.attribute(u"id").trimmed().toString();
            Continuation c;
            c.sink = int(sinks.size());
            c.continuedAt = tag.attribute(u"continuedAt").trimmed().toString();
            sinks.append(TextSink());
            if (!id.isEmpty() && !continuations.contains(id))
                continuations.insert(id, c);
            e.sink = c.sink;
        } else if (ix && tag.is(u"exclude")) {
            e.exclude = true;
        } else if (ix && tag.is(u"hidden")) {
            e.hiddenSection = true;
        } else if (ix && tag.is(u"resources")) {
            e.resources = true;
        } else if (resourcesDepth > 0) {
            const auto l = [&tag](QStringView name) { return tag.is(name); };
            if (l(u"context") && !context && !inUnit) {
                e.context = true;
                context = &currentContext;
                contextId = tag.attribute(u"id").trimmed().toString();
            } else if (l(u"unit") && !context && !inUnit) {
                e.unit = true;
                inUnit = true;
                unitId = tag.attribute(u"id").trimmed().toString();
            } else if (!capture && context && (l(u"startdate") || l(u"enddate") || l(u"instant")
                                               || l(u"explicitmember") || l(u"typedmember"))) {
                e.capture = true;
                capture = &captured;
                target = l(u"startdate")        ? Target::Start
                    : l(u"enddate")            ? Target::End
                    : l(u"instant")            ? Target::Instant
                    : l(u"explicitmember")     ? Target::Explicit
                                               : Target::Typed;
                dimension = tag.attribute(u"dimension").trimmed().toString();
            } else if (context && l(u"forever")) {
                currentContext.isForever = true;
            } else if (inUnit && (l(u"unitnumerator") || l(u"unitdenominator"))) {
                e.unitPart = l(u"unitnumerator") ? 1 : 2;
                unitPart = e.unitPart;
            } else if (!capture && inUnit && l(u"measure")) {
                e.capture = true;
                capture = &captured;
                target = Target::Measure;
            }
        }

        if (tag.raw->selfClosing || (!ix && tag.prefix.isEmpty() && isVoid(tag.local))) {
            // Nothing inside: undo what opening it started.
            if (e.capture)
                finishCapture();
            if (e.context) {
                if (!contextId.isEmpty() && !contexts.contains(contextId))
                    contexts.insert(contextId, currentContext);
                currentContext = Context();
                contextId.clear();
                context = nullptr;
            }
            if (e.unit) {
                if (!unitId.isEmpty() && !units.contains(unitId))
                    units.insert(unitId, currentUnit);
                currentUnit = Unit();
                unitId.clear();
                inUnit = false;
            }
            return;
        }
        if (e.sink >= 0 && gathering.size() < kMaxGathering) {
            e.gathering = true;
            gathering.append(e.sink);
            gatheringExclude.append(excludeDepth);
        }
        if (e.exclude)
            ++excludeDepth;
        if (e.hiddenSection)
            ++hiddenDepth;
        if (e.resources)
            ++resourcesDepth;
        stack.append(std::move(e));
    }

    Reading finish()
    {
        while (i < n)
            step();
        while (!stack.isEmpty())
            popTop();

    // Resolve references now that every context, unit and continuation is known.
    QHash<QString, std::pair<QString, QString>> contextText; // id -> (period, dimensions)
    for (auto it = contexts.cbegin(); it != contexts.cend(); ++it) {
        const Context &c = it.value();
        QString period;
        if (!c.instant.isEmpty())
            period = c.instant;
        else if (c.isForever)
            period = u"forever"_s;
        else if (!c.start.isEmpty() || !c.end.isEmpty())
            period = c.start + u'/' + c.end;
        QStringList dims = c.dimensions;
        std::sort(dims.begin(), dims.end());
        contextText.insert(it.key(), {period, dims.join(u", "_s)});
    }
    QHash<QString, QString> unitText;
    for (auto it = units.cbegin(); it != units.cend(); ++it) {
        const Unit &u = it.value();
        if (u.numerator.isEmpty() && u.denominator.isEmpty())
            unitText.insert(it.key(), u.measures.join(u'*'));
        else
            unitText.insert(it.key(), u.numerator.join(u'*') + u'/' + u.denominator.join(u'*'));
    }

    qsizetype steps = 0;
    reading.facts.reserve(facts.size());
    reading.sources.reserve(facts.size());
    for (const RawFact &f : std::as_const(facts)) {
        XbrlFact x;
        QStringList errors;
        x.concept = f.concept;
        x.context = f.contextRef;
        x.decimals = f.decimals;
        x.scale = f.scale;
        x.numeric = f.numeric;
        x.hidden = f.hidden;
        x.nil = f.nil;
        if (x.concept.isEmpty())
            errors.append(u"no name"_s);

        TextSink text = sinks.at(f.sink);
        if (!f.continuedAt.isEmpty()) {
            QSet<QString> seen;
            QString next = f.continuedAt;
            while (!next.isEmpty()) {
                if (seen.contains(next)) {
                    errors.append(u"continuation %1 comes round again"_s.arg(next.left(60)));
                    break;
                }
                if (++steps > kMaxContinuationSteps) {
                    errors.append(u"continuations too long to follow"_s);
                    break;
                }
                const auto it = continuations.constFind(next);
                if (it == continuations.cend()) {
                    errors.append(u"no continuation %1"_s.arg(next.left(60)));
                    break;
                }
                seen.insert(next);
                text.append(sinks.at(it->sink));
                next = it->continuedAt;
            }
        }

        if (x.context.isEmpty()) {
            errors.append(u"no contextRef"_s);
        } else if (const auto it = contextText.constFind(x.context); it == contextText.cend()) {
            errors.append(u"no context %1"_s.arg(x.context.left(60)));
        } else {
            x.period = it->first;
            x.dimensions = it->second;
        }

        if (f.numeric) {
            if (f.unitRef.isEmpty()) {
                errors.append(u"no unitRef"_s);
            } else if (const auto it = unitText.constFind(f.unitRef); it == unitText.cend()) {
                errors.append(u"no unit %1"_s.arg(f.unitRef.left(60)));
            } else {
                x.unit = it.value();
            }
            if (!f.nil) {
                if (text.length > kKeptText) {
                    errors.append(u"the number is too long"_s);
                } else {
                    QString e;
                    x.value = numericValue(text.kept, f.format, f.scale, f.negative, &e);
                    if (!e.isEmpty())
                        errors.append(e);
                }
            }
        } else if (!f.nil) {
            QString e;
            QString value = textValue(text.kept, f.format, &e);
            if (!e.isEmpty())
                errors.append(e);
            const qint64 fullLength = value == text.kept ? text.length : value.size();
            if (fullLength > kMaxTextValue) {
                qsizetype cut = kMaxTextValue - 1;
                if (cut > 0 && value.at(cut - 1).isHighSurrogate())
                    --cut;
                value = value.left(cut).trimmed() + u"\u2026"_s;
                x.length = int(qMin<qint64>(fullLength, std::numeric_limits<int>::max()));
            }
            x.value = value;
        }
        x.error = errors.join(u"; "_s);
        reading.facts.append(std::move(x));
        reading.sources.append(f.source);
    }
    return std::move(reading);
    }
};

InlineXbrl::Reading InlineXbrl::read(QStringView s)
{
    ReadState state(s);
    return state.finish();
}
