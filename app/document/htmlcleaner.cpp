#include "htmlcleaner.h"

#include "htmltag.h"

#include <QtCore/QHash>
#include <QtGui/QTextDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// End tags are matched against at most this many open elements, so that
// mismatched markup cannot make the pass quadratic.
constexpr int kMatchWindow = 256;
// Tables nested deeper than this are flattened: QTextDocument lays out nested
// tables recursively and EDGAR filings never nest more than a few.
constexpr int kMaxTableDepth = 12;
// Every sheet repeats the start tags open at its cut, so crafted input (long tags
// open around many breaks) could multiply its size; past these limits the page
// simply goes on. Real filings reopen a few hundred characters on a few hundred pages.
constexpr qsizetype kMaxReopening = 4096;
constexpr qsizetype kMaxSheets = 10000;

struct Tag
{
    QString name; // lower case
    bool end = false;
    bool selfClosing = false;
    bool hiddenAttr = false;
    QStringView style;
    QStringView nameAttr;
    bool breakBefore = false;
    bool breakAfter = false;
    qsizetype begin = 0;
    qsizetype finish = 0; // one past '>'
};

struct Open
{
    QString name;
    QStringView startTag; // raw, to reopen the element on the next sheet
    bool breakAfter = false;
    bool emitted = false;
    bool hidden = false;
    bool collects = false; // a fact gathering its text
    bool table = false;
    bool droppedTable = false;
    int fact = -1;
};

bool isVoid(const QString &n)
{
    static const QStringList names = {u"area"_s, u"base"_s, u"br"_s, u"col"_s, u"embed"_s, u"hr"_s,
                                      u"img"_s, u"input"_s, u"link"_s, u"meta"_s, u"param"_s,
                                      u"source"_s, u"track"_s, u"wbr"_s, u"basefont"_s, u"frame"_s,
                                      u"keygen"_s, u"isindex"_s};
    return names.contains(n);
}

// Elements whose content a browser does not show as text.
bool isInvisibleElement(const QString &n)
{
    static const QStringList names = {u"head"_s, u"ix:header"_s, u"svg"_s, u"template"_s,
                                      u"object"_s, u"iframe"_s, u"noembed"_s, u"noframes"_s,
                                      u"datalist"_s};
    return names.contains(n);
}

// Raw-text elements: skipped up to their end tag without looking inside.
bool isRawText(const QString &n)
{
    return n == u"script"_s || n == u"style"_s || n == u"title"_s || n == u"xmp"_s;
}

bool isTableElement(const QString &n)
{
    return n == u"table"_s || n == u"tr"_s || n == u"td"_s || n == u"th"_s || n == u"tbody"_s
        || n == u"thead"_s || n == u"tfoot"_s || n == u"caption"_s || n == u"colgroup"_s;
}

bool isBlockStart(const QString &n)
{
    static const QStringList names = {u"p"_s, u"div"_s, u"table"_s, u"ul"_s, u"ol"_s, u"dl"_s,
                                      u"h1"_s, u"h2"_s, u"h3"_s, u"h4"_s, u"h5"_s, u"h6"_s,
                                      u"pre"_s, u"blockquote"_s, u"center"_s, u"hr"_s};
    return names.contains(n);
}

// A style attribute in lower case without white space, so that "DISPLAY: none"
// and "display:none" read alike.
QString compactStyle(QStringView style)
{
    QString compact;
    compact.reserve(style.size());
    for (QChar c : style) {
        if (HtmlTag::isSpace(c))
            continue;
        const char16_t u = c.unicode();
        compact.append(u < 128 ? QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u) : c.toLower());
    }
    return compact;
}

bool styleHides(const QString &compact)
{
    if (compact.isEmpty())
        return false;
    if (compact.contains(u"display:none"_s) || compact.contains(u"visibility:hidden"_s))
        return true;
    // Text set in a zero-size font shows nothing (EDGAR tools use it for
    // invisible zero-width spaces); QFont also refuses the size.
    for (qsizetype at = compact.indexOf(u"font-size:"_s); at >= 0; at = compact.indexOf(u"font-size:"_s, at + 1)) {
        qsizetype end = at + 10;
        while (end < compact.size() && (compact.at(end).isDigit() || compact.at(end) == u'.'))
            ++end;
        bool ok = false;
        const double size = QStringView(compact).mid(at + 10, end - at - 10).toDouble(&ok);
        if (ok && size == 0)
            return true;
    }
    return false;
}

// Whether a style asks a printer to start a new page before or after the element.
void pageBreaks(const QString &compact, bool *before, bool *after)
{
    if (!compact.contains(u"break-"_s))
        return;
    *before = compact.contains(u"page-break-before:always"_s) || compact.contains(u"break-before:page"_s);
    *after = compact.contains(u"page-break-after:always"_s) || compact.contains(u"break-after:page"_s);
}

// Whether HTML text shows anything but white space (&nbsp; and &#160; count as white space).
bool hasVisibleText(QStringView text)
{
    static const QString spaces[] = {u"&nbsp;"_s, u"&#160;"_s, u"&#xa0;"_s};
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace())
            continue;
        if (c != u'&')
            return true;
        bool space = false;
        for (const QString &entity : spaces) {
            if (text.mid(i).startsWith(entity, Qt::CaseInsensitive)) {
                i += entity.size() - 1;
                space = true;
                break;
            }
        }
        if (!space)
            return true;
    }
    return false;
}

// Reads the tag starting at s[i] == '<' and the few attributes the cleaner acts on.
// Returns false when it is not a tag (e.g. "a < b"), in which case the '<' is text.
bool parseTag(QStringView s, qsizetype i, HtmlTag &read, Tag &tag)
{
    tag = Tag{};
    if (!HtmlTag::parse(s, i, &read))
        return false;
    tag.name = read.name.toString().toLower();
    tag.end = read.end;
    tag.selfClosing = read.selfClosing;
    tag.begin = read.begin;
    tag.finish = read.finish;
    for (const auto &[attr, value] : read.attributes) {
        if (attr.compare(u"style"_s, Qt::CaseInsensitive) == 0)
            tag.style = value;
        else if (attr.compare(u"name"_s, Qt::CaseInsensitive) == 0)
            tag.nameAttr = value;
        else if (attr.compare(u"hidden"_s, Qt::CaseInsensitive) == 0)
            tag.hiddenAttr = true;
    }
    return true;
}

// A character reference ends within this many characters of its '&' (QTextDocument
// reads a shorter one, or takes the '&' as text).
constexpr qsizetype kReferenceWindow = 12;
// Distinct references asked of QTextDocument per thread (a filing has a few dozen).
constexpr qsizetype kMaxAskedReferences = 1024;
// Whether a character of HTML text stays one of QTextDocument's whatever surrounds
// it: white space may be collapsed, or turned into no-break spaces ("nowrap").
bool kept(QChar c)
{
    return !c.isSpace();
}

// The characters QTextDocument keeps (see kept()) for one character reference as
// written ("&amp;", "&#160;", "&frac12;", or text that only looks like one): asked
// of QTextDocument's own HTML reader once per reference and thread, so that the
// count is what it reads, unknown names included.
qsizetype referenceChars(QStringView reference)
{
    thread_local QHash<QString, qsizetype> known;
    const QString key = reference.toString();
    if (const auto it = known.constFind(key); it != known.cend())
        return it.value();
    if (known.size() >= kMaxAskedReferences) {
        // Crafted input with endless distinct references: read them ourselves. Should
        // that count differ from QTextDocument's, the sheet is built again with anchors.
        qsizetype count = 0;
        for (QChar c : HtmlCleaner::decodeEntities(reference))
            count += kept(c) ? 1 : 0;
        return count;
    }
    QTextDocument probe;
    probe.setHtml(u"x"_s + key + u"x"_s);
    const QString shown = probe.toRawText();
    qsizetype count = 0;
    for (QChar c : shown)
        count += kept(c) ? 1 : 0;
    count = qMax<qsizetype>(0, count - 2);
    known.insert(key, count);
    return count;
}

} // namespace

qsizetype HtmlCleaner::shownChars(QStringView text)
{
    qsizetype count = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c == u'&') {
            const qsizetype semi = text.mid(i + 1, kReferenceWindow).indexOf(u';');
            if (semi >= 0) {
                count += referenceChars(text.mid(i, semi + 2));
                i += semi + 1;
                continue;
            }
        }
        if (kept(c))
            ++count;
    }
    return count;
}

QString HtmlCleaner::withAnchors(const Result &result, int sheet)
{
    const QString &html = result.sheets.at(sheet);
    // Facts by place; those sharing a character nest, in the order they were opened.
    QList<int> placed;
    for (qsizetype f = 0; f < result.facts.size(); ++f) {
        if (result.facts.at(f).sheet == sheet)
            placed.append(int(f));
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [&](int a, int b) { return result.facts.at(a).at < result.facts.at(b).at; });
    QString out;
    out.reserve(html.size() + placed.size() * 32);
    qsizetype from = 0;
    for (qsizetype k = 0; k < placed.size();) {
        const Fact &first = result.facts.at(placed.at(k));
        qsizetype group = k;
        while (group < placed.size() && result.facts.at(placed.at(group)).at == first.at)
            ++group;
        // Their character, with anchors around it.
        const qsizetype character = first.at;
        const qsizetype after = character + first.length;
        if (first.before < 0 || first.at < from || after > html.size()) { // anchored already
            k = group;
            continue;
        }
        out += QStringView(html).mid(from, first.at - from);
        for (qsizetype a = k; a < group; ++a)
            out += u"<a name=\""_s + anchorName(placed.at(a)) + u"\">"_s;
        out += QStringView(html).mid(character, first.length);
        for (qsizetype a = k; a < group; ++a)
            out += u"</a>"_s;
        from = after;
        k = group;
    }
    out += QStringView(html).mid(from);
    return out;
}

QString HtmlCleaner::anchorName(int factIndex)
{
    return u"fl-fact-"_s + QString::number(factIndex);
}

QString HtmlCleaner::decodeEntities(QStringView text)
{
    static constexpr std::pair<QStringView, char16_t> named[] = {
        {u"amp", u'&'}, {u"lt", u'<'}, {u"gt", u'>'}, {u"quot", u'"'}, {u"apos", u'\''},
        {u"nbsp", 0x00A0}, {u"mdash", 0x2014}, {u"ndash", 0x2013}, {u"rsquo", 0x2019},
        {u"lsquo", 0x2018}, {u"ldquo", 0x201C}, {u"rdquo", 0x201D}, {u"copy", 0x00A9},
        {u"reg", 0x00AE}, {u"trade", 0x2122}, {u"hellip", 0x2026}, {u"bull", 0x2022},
        {u"sect", 0x00A7}, {u"para", 0x00B6}, {u"middot", 0x00B7}};
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    // The text between references is copied a run at a time.
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype amp = text.indexOf(u'&', i);
        if (amp < 0) {
            out.append(text.mid(i));
            break;
        }
        out.append(text.mid(i, amp - i));
        i = amp;
        const QChar c = text[i];
        // A reference ends at the first ';' within 12 characters of its '&'.
        const qsizetype found = text.mid(i + 1, 12).indexOf(u';');
        if (found < 0) {
            out.append(c);
            continue;
        }
        const qsizetype semi = i + 1 + found;
        const QStringView ref = text.mid(i + 1, semi - i - 1);
        bool ok = false;
        if (ref.startsWith(u'#')) {
            const bool hex = ref.size() > 1 && (ref[1] == u'x' || ref[1] == u'X');
            const uint code = ref.mid(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
            if (ok && code > 0 && code <= 0x10FFFF) {
                const char32_t cp = code;
                out.append(QString::fromUcs4(&cp, 1));
            } else {
                ok = false;
            }
        } else {
            for (const auto &[name, decoded] : named) {
                if (ref == name) {
                    out.append(QChar(decoded));
                    ok = true;
                    break;
                }
            }
        }
        if (ok)
            i = semi;
        else
            out.append(c);
    }
    return out;
}

HtmlCleaner::Result HtmlCleaner::clean(QStringView s, bool allFacts)
{
    Result result;
    QString out; // the sheet being written
    QList<Open> stack;
    QList<QString> collected; // raw text of hidden facts, by fact index
    QList<int> collecting;    // fact indices gathering text now
    int emittedDepth = 0;
    int hiddenDepth = 0;
    int tableDepth = 0;
    int droppedTableDepth = 0;
    // Visible facts whose first character has not come yet: they are anchored on it,
    // so a fact that starts with a paragraph or a table is found too.
    QList<int> pendingAnchors;
    qsizetype shown = 0; // kept characters (see shownChars()) of the sheet being written

    // Page cuts (see the class comment).
    QList<bool> sheetHasBody;
    bool outHasBody = false;
    bool visibleSinceCut = false;
    bool pendingCut = false; // after an element that breaks after it, before what follows
    qsizetype lastClosing = 0; // lengths of the closing and reopening tags of the last cut
    qsizetype lastReopening = 0;
    const auto mayCut = [&]() {
        return visibleSinceCut && hiddenDepth == 0 && tableDepth == 0 && droppedTableDepth == 0;
    };
    const auto cut = [&]() {
        pendingCut = false;
        if (!mayCut())
            return;
        QString reopening;
        bool reopensBody = false;
        for (const Open &e : std::as_const(stack)) {
            if (!e.emitted)
                continue;
            reopening += e.startTag;
            reopensBody = reopensBody || e.name == u"body"_s;
        }
        if (reopening.size() > kMaxReopening || result.sheets.size() + 1 >= kMaxSheets)
            return;
        QString closing;
        for (qsizetype k = stack.size() - 1; k >= 0; --k) {
            const Open &e = stack.at(k);
            if (e.emitted)
                closing += u"</"_s + e.name + u'>';
        }
        out += closing;
        result.sheets.append(std::move(out));
        result.shownChars.append(shown);
        shown = 0;
        sheetHasBody.append(outHasBody);
        out = reopening;
        outHasBody = reopensBody;
        lastClosing = closing.size();
        lastReopening = reopening.size();
        visibleSinceCut = false;
    };

    const auto popTop = [&]() {
        const Open e = stack.takeLast();
        if (e.emitted) {
            out += u"</"_s + e.name + u'>';
            --emittedDepth;
        }
        if (e.fact >= 0)
            pendingAnchors.removeOne(e.fact);
        if (e.hidden)
            --hiddenDepth;
        if (e.collects)
            collecting.removeLast();
        if (e.table)
            --tableDepth;
        if (e.droppedTable)
            --droppedTableDepth;
        if (e.breakAfter && mayCut())
            pendingCut = true;
    };
    // Pops up to and including the nearest open element named one of `names`,
    // unless one of `stops` is nearer. Returns whether it popped.
    const auto popTo = [&](std::initializer_list<QStringView> names,
                           std::initializer_list<QStringView> stops) {
        const qsizetype floor = qMax<qsizetype>(0, stack.size() - kMatchWindow);
        for (qsizetype k = stack.size() - 1; k >= floor; --k) {
            const QString &name = stack.at(k).name;
            if (std::find(stops.begin(), stops.end(), name) != stops.end())
                return false;
            if (std::find(names.begin(), names.end(), name) != names.end()) {
                while (stack.size() > k)
                    popTop();
                return true;
            }
        }
        return false;
    };
    const auto appendText = [&](QStringView text) {
        if (hiddenDepth == 0 && (pendingCut || !visibleSinceCut) && hasVisibleText(text)) {
            if (pendingCut)
                cut();
            visibleSinceCut = true;
        }
        QStringView visible = text;
        if (hiddenDepth == 0 && !pendingAnchors.isEmpty()) {
            // The first visible character (or character reference) carries the anchors.
            qsizetype first = 0;
            while (first < text.size() && text.at(first).isSpace())
                ++first;
            if (first < text.size()) {
                qsizetype last = first + 1;
                if (text.at(first) == u'&') {
                    const qsizetype semi = text.indexOf(u';', first);
                    if (semi > first && semi - first <= 12)
                        last = semi + 1;
                } else if (text.at(first).isHighSurrogate() && last < text.size()) {
                    ++last;
                }
                out += text.left(first);
                const QStringView anchored = text.mid(first, last - first);
                const qsizetype count = shownChars(anchored);
                // A character shown as white space (&#160;) cannot be counted to: those
                // facts get a named anchor. The others are found by counting, with
                // nothing added to the HTML.
                const bool anchor = count == 0;
                for (int f : std::as_const(pendingAnchors)) {
                    Fact &fact = result.facts[f];
                    fact.sheet = int(result.sheets.size());
                    fact.before = anchor ? -1 : shown;
                    fact.at = out.size();
                    fact.length = int(last - first);
                }
                if (anchor) {
                    for (int f : std::as_const(pendingAnchors))
                        out += u"<a name=\""_s + anchorName(f) + u"\">"_s;
                }
                out += anchored;
                if (anchor)
                    out += u"</a>"_s.repeated(pendingAnchors.size());
                pendingAnchors.clear();
                shown += count;
                visible = text.mid(last);
            }
        }
        if (hiddenDepth == 0) {
            out += visible;
            shown += shownChars(visible);
        }
        for (int f : std::as_const(collecting)) {
            QString &into = collected[f];
            if (into.size() < kMaxFactText)
                into += text.left(kMaxFactText - into.size());
        }
    };

    const qsizetype n = s.size();
    qsizetype i = 0;
    Tag tag;
    HtmlTag read;
    while (i < n) {
        const qsizetype lt = s.indexOf(u'<', i);
        if (lt < 0) {
            appendText(s.mid(i));
            break;
        }
        if (lt > i)
            appendText(s.mid(i, lt - i));
        i = lt;
        const QStringView rest = s.mid(i);
        if (rest.startsWith(u"<!--"_s)) {
            const qsizetype close = s.indexOf(u"-->"_s, i + 4);
            i = close < 0 ? n : close + 3;
            continue;
        }
        if (rest.startsWith(u"<![CDATA["_s)) {
            const qsizetype close = s.indexOf(u"]]>"_s, i + 9);
            i = close < 0 ? n : close + 3;
            continue;
        }
        if (rest.startsWith(u"<!"_s) || rest.startsWith(u"<?"_s)) {
            const qsizetype close = s.indexOf(u'>', i + 2);
            i = close < 0 ? n : close + 1;
            continue;
        }
        if (!parseTag(s, i, read, tag)) {
            appendText(u"&lt;"_s);
            ++i;
            continue;
        }
        i = tag.finish;
        const QString &name = tag.name;

        if (tag.end) {
            if (isVoid(name))
                continue;
            if (name == u"p"_s || name == u"li"_s)
                popTo({name}, {u"div"_s, u"td"_s, u"th"_s, u"table"_s, u"ul"_s, u"ol"_s, u"body"_s});
            else
                popTo({name}, {});
            continue;
        }

        if (isRawText(name) && !tag.selfClosing) {
            const qsizetype close = s.indexOf(QString(u"</"_s + name), i, Qt::CaseInsensitive);
            if (close < 0) {
                i = n;
            } else {
                const qsizetype gt = s.indexOf(u'>', close);
                i = gt < 0 ? n : gt + 1;
            }
            continue;
        }
        if (name == u"body"_s)
            popTo({u"head"_s}, {});
        if (name == u"img"_s || name == u"xbrl"_s)
            continue;

        // Implied end tags, as a browser closes an open <p> or table cell.
        if (isBlockStart(name) && !stack.isEmpty() && stack.constLast().name == u"p"_s)
            popTop();
        if (name == u"li"_s)
            popTo({u"li"_s}, {u"ul"_s, u"ol"_s, u"table"_s});
        else if (name == u"dt"_s || name == u"dd"_s)
            popTo({u"dt"_s, u"dd"_s}, {u"dl"_s, u"table"_s});
        else if (name == u"td"_s || name == u"th"_s)
            popTo({u"td"_s, u"th"_s}, {u"tr"_s, u"table"_s});
        else if (name == u"tr"_s)
            popTo({u"tr"_s}, {u"table"_s});

        const QString style = compactStyle(tag.style);
        const bool hidesSelf = styleHides(style) || tag.hiddenAttr || isInvisibleElement(name);
        pageBreaks(style, &tag.breakBefore, &tag.breakAfter);
        if (pendingCut || (tag.breakBefore && !hidesSelf))
            cut();
        const bool isIx = name.startsWith(u"ix:"_s);
        const bool isFact = isIx && (name == u"ix:nonnumeric"_s || name == u"ix:nonfraction"_s)
            && result.facts.size() < kMaxFacts
            && (allFacts || tag.nameAttr.trimmed().startsWith(u"dei:"_s, Qt::CaseInsensitive));

        if (isVoid(name) || tag.selfClosing) {
            if (hiddenDepth == 0 && !hidesSelf && !isIx)
                out += s.mid(tag.begin, tag.finish - tag.begin);
            if (tag.breakAfter && !hidesSelf && mayCut())
                pendingCut = true;
            if (isFact) {
                Fact fact;
                fact.name = tag.nameAttr.trimmed().toString();
                fact.source = tag.begin;
                fact.hidden = true; // an empty fact shows nothing
                result.facts.append(fact);
                collected.append(QString());
            }
            continue;
        }

        Open e;
        e.name = name;
        e.breakAfter = tag.breakAfter && !hidesSelf;
        if (isFact) {
            Fact fact;
            fact.name = tag.nameAttr.trimmed().toString();
            fact.source = tag.begin;
            fact.hidden = hiddenDepth > 0 || hidesSelf;
            const int index = int(result.facts.size());
            result.facts.append(fact);
            collected.append(QString());
            e.fact = index;
            if (collecting.size() < kMaxGatheringFacts) {
                e.collects = true;
                collecting.append(index);
            }
            if (!fact.hidden && pendingAnchors.size() < kMaxOpenAnchors)
                pendingAnchors.append(index);
        }
        if (hidesSelf) {
            e.hidden = true;
            ++hiddenDepth;
        } else if (hiddenDepth == 0 && !isIx) {
            const bool tableTag = isTableElement(name);
            const bool tooDeepTable = tableTag
                && (droppedTableDepth > 0 || (name == u"table"_s && tableDepth >= kMaxTableDepth));
            if (emittedDepth >= kMaxDepth || tooDeepTable) {
                ++result.droppedTags;
                if (name == u"table"_s) {
                    e.droppedTable = true;
                    ++droppedTableDepth;
                }
            } else {
                e.emitted = true;
                ++emittedDepth;
                e.startTag = s.mid(tag.begin, tag.finish - tag.begin);
                out += e.startTag;
                outHasBody = outHasBody || name == u"body"_s;
                if (name == u"table"_s) {
                    e.table = true;
                    ++tableDepth;
                }
            }
        }
        stack.append(std::move(e));
    }
    while (!stack.isEmpty())
        popTop();
    if (!visibleSinceCut && !result.sheets.isEmpty()) {
        // Nothing visible after the last cut: that page goes back onto the one before.
        QString last = result.sheets.takeLast();
        last.chop(lastClosing);
        const qsizetype moved = last.size() - lastReopening; // where out's text goes
        const int sheet = int(result.sheets.size());
        const qsizetype before = result.shownChars.takeLast();
        for (Fact &fact : result.facts) {
            if (fact.sheet == sheet + 1) {
                fact.sheet = sheet;
                if (fact.before >= 0)
                    fact.before += before;
                fact.at += moved;
            }
        }
        shown += before;
        last += QStringView(out).mid(lastReopening);
        out = std::move(last);
        const bool hadBody = sheetHasBody.takeLast();
        outHasBody = outHasBody || hadBody;
    }
    result.sheets.append(std::move(out));
    result.shownChars.append(shown);
    sheetHasBody.append(outHasBody);
    const QString wrapStart = u"<html><body>"_s;
    for (qsizetype k = 0; k < result.sheets.size(); ++k) {
        if (!sheetHasBody.at(k))
            result.sheets[k] = wrapStart + result.sheets.at(k) + u"</body></html>"_s;
    }
    for (Fact &fact : result.facts) {
        if (fact.sheet >= 0 && !sheetHasBody.at(fact.sheet))
            fact.at += wrapStart.size();
    }

    for (qsizetype f = 0; f < result.facts.size(); ++f)
        result.facts[f].text = decodeEntities(collected.at(f)).simplified();
    return result;
}
