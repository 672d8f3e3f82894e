#include "organizationrecognizer.h"

#include "normalizers.h"
#include "textscan.h"

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;

namespace {

const auto S = u"structure"_s;

// A capitalised word of an organization's name ("Johnson", "AT&T", "sanofi-aventis"
// is left to the lexicon), or a joining word.
const QString Word = uR"((?:[A-Z][\w&'’.\-]{0,30}+|&|and|of|for|the|de))"_s;
// Words of a name are separated by spaces, or one line break where a PDF wrapped it.
const QString Gap = uR"((?:\h{1,2}|\h?\n\h?))"_s;

QString joinSuffixes(const QStringList &suffixes)
{
    QStringList escaped;
    for (const QString &s : suffixes)
        escaped.append(QRegularExpression::escape(s));
    std::sort(escaped.begin(), escaped.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return escaped.join(u'|');
}

} // namespace

QString OrganizationRecognizer::name() const
{
    return u"organizations"_s;
}

void OrganizationRecognizer::run(const ExtractionContext &context, EntityList &out) const
{
    const DocumentContent &content = context.content;
    const RuleSet &rules = context.rules;
    const QJsonObject conf = rules.object(S, u"confidence"_s);
    const double cSuffix = conf.value(u"suffix"_s).toDouble(0.7);
    const double cLexicon = conf.value(u"lexicon"_s).toDouble(0.8);
    const double cKeyword = conf.value(u"keyword"_s).toDouble(0.65);

    QSet<QString> stop;
    for (const QString &w : rules.strings(S, u"notOrgStartWords"_s))
        stop.insert(w);
    const QStringList leading{u"The"_s, u"On"_s, u"In"_s, u"At"_s, u"By"_s, u"For"_s, u"From"_s,
                              u"With"_s, u"And"_s, u"Both"_s, u"Each"_s, u"Of"_s, u"To"_s, u"As"_s,
                              u"Under"_s, u"If"_s, u"When"_s, u"Between"_s, u"Among"_s, u"Our"_s,
                              u"Its"_s, u"This"_s, u"That"_s, u"These"_s, u"Such"_s, u"Any"_s,
                              u"All"_s, u"An"_s, u"A"_s, u"Certain"_s, u"Other"_s, u"Parent"_s,
                              u"Exhibit"_s, u"Item"_s, u"Form"_s, u"Section"_s, u"Dear"_s, u"We"_s};

    const QString suffixes = joinSuffixes(rules.strings(S, u"orgSuffixes"_s));
    const QString keywords = joinSuffixes(rules.strings(S, u"orgKeywords"_s));
    // Up to six words, then a legal suffix: "The Buckle, Inc.", "Premier Financial Bancorp, Inc.";
    // a suffix word may go on with "of" and a name of its own ("Laboratory Corporation of
    // America Holdings").
    const QRegularExpression suffixRe(
        u"(?<![\\w&'’.\\-])([A-Z][\\w&'’.\\-]{0,30}+(?:\\h{1,2}"_s + Word + u"){0,5}),?\\h{1,2}(?:"_s
            + suffixes + u")(?![\\w&])(?:\\h{1,2}of\\h{1,2}[A-Z][\\w&'’.\\-]{0,30}+(?:\\h{1,2}[A-Z][\\w&'’.\\-]{0,30}+){0,2}\\h{1,2}(?:"_s
            + suffixes + u")(?![\\w&]))?(?!\\h{1,2}(?:by|BY|herein|HEREIN|Law|LAW)\\b|(?<=Group|GROUP)\\h{1,2}\\d)(?:\\h{1,2}\\((?:the[ \\t]|“|\")[^)\\n]{1,40}\\))?"_s);
    // Institutions: "American Cancer Society", "Securities and Exchange Commission",
    // "American Society of Clinical Oncology", "U.S. Food and Drug Administration".
    const QRegularExpression keywordRe(
        u"(?<![\\w&'’.\\-])((?:U\\.S\\.\\h)?(?:[A-Z][a-z]{1,20}+"_s + Gap + u"(?:(?:and|&|of|for)"_s + Gap + u")?){0,4}(?:"_s + keywords
            + u")(?:"_s + Gap + u"(?:of|for)"_s + Gap + u"(?:the"_s + Gap + u")?[A-Z][a-z]{1,20}(?:"_s + Gap + u"[A-Z][a-z]{1,20}){0,3})?)(?![\\w])(?!\\h{1,2}(?:Act|Rule|Form|Report|Release|Filing|Agreement)s?\\b)"_s);
    const QRegularExpression lexiconCase = TextScan::alternation(rules.strings(S, u"organizations"_s), true);

    auto clean = [&](const QString &text, int *s, int e) {
        // Drop sentence words that precede a name: "On June 4, ImmunoGen, Inc." is
        // found as "ImmunoGen, Inc."; "The Buckle, Inc." keeps its article.
        for (;;) {
            const QString rest = text.mid(*s, e - *s);
            int space = int(rest.indexOf(u' '));
            const int newline = int(rest.indexOf(u'\n'));
            if (newline > 0 && (space < 0 || newline < space))
                space = newline;
            if (space <= 0)
                return;
            const QString first = rest.left(space);
            const bool article = first == u"The"_s && *s > 0 && text.at(*s - 1) != u'\n'
                && !(rest.at(space + 1).isUpper() && rest.mid(space + 1).contains(u','));
            // Never strip down to a suffix alone ("ImmunoGen, Inc." stays whole).
            if (rest.mid(space + 1).count(u' ') + rest.mid(space + 1).count(u'\n') == 0)
                return;
            // Initials are part of the name: "C.R. Bard, Inc.", "U.S. Bancorp".
            static const QRegularExpression initials(u"^(?:[A-Z]\\.){1,3}$"_s);
            const bool initial = initials.match(first).hasMatch();
            if ((leading.contains(first) && first != u"The"_s) || article || (first.endsWith(u'.') && !initial)
                || first.endsWith(u',') || stop.contains(first) || first.at(0).isLower()) {
                *s += space + 1;
                continue;
            }
            return;
        }
    };

    // "(A Kentucky Corporation)" says where a company is incorporated, not who it is.
    QSet<QString> places{u"and"_s, u"a"_s, u"an"_s};
    const QJsonObject stateCodes = rules.object(S, u"stateCodes"_s);
    for (auto it = stateCodes.begin(); it != stateCodes.end(); ++it)
        places.insert(TextScan::fold(it.value().toString()));
    for (const QString &j : rules.strings(S, u"jurisdictions"_s))
        places.insert(TextScan::fold(j));
    // Countries and regions, for lists that may name places ("businesses across India,
    // Vietnam, and Brazil"): never a company there.
    QSet<QString> placeNames;
    for (const QString &j : rules.strings(S, u"jurisdictions"_s) + rules.strings(S, u"placeNames"_s))
        placeNames.insert(TextScan::fold(j));
    auto onlyPlaces = [&](const QString &name) {
        QStringList words = TextScan::fold(name).split(u' ', Qt::SkipEmptyParts);
        if (!words.isEmpty())
            words.removeLast(); // the suffix
        QString rest = u' ' + words.join(u' ') + u' ';
        for (const QString &p : std::as_const(places)) {
            if (!p.isEmpty())
                rest.replace(u' ' + p + u' ', u" "_s);
        }
        return rest.trimmed().isEmpty();
    };

    // "AbbVie Inc. and Morgan Stanley & Co.": two names; "Board of Directors of AbbVie
    // Inc.", "Opinion of Latham & Watkins LLP": a name after common words.
    QSet<QString> suffixWords, generic, lexicon;
    for (const QString &w : rules.strings(S, u"orgSuffixes"_s))
        suffixWords.insert(w.toLower());
    for (const QString &w : rules.strings(S, u"notOrgStartWords"_s) + rules.strings(S, u"personTitleWords"_s))
        generic.insert(w.toLower());
    for (const QString &w : rules.strings(S, u"organizations"_s))
        lexicon.insert(w);
    auto split = [&](const QString &text, int *s, int e) {
        for (int guard = 0; guard < 4; ++guard) {
            const QString name = text.mid(*s, e - *s);
            const int andAt = int(name.lastIndexOf(u" and "_s, -1, Qt::CaseInsensitive));
            if (andAt > 0) {
                const QString left = name.left(andAt);
                const QString last = left.section(u' ', -1).toLower();
                // A known name the six-word match began inside: "New York Stock Exchange and
                // NYSE Texas, Inc." is matched from "York".
                const bool knownTail = std::any_of(lexicon.cbegin(), lexicon.cend(), [&](const QString &known) {
                    return known.size() > left.size() && known.endsWith(u' ' + left)
                        && QStringView(text).left(*s).endsWith(known.left(known.size() - left.size()));
                });
                if (suffixWords.contains(last) || lexicon.contains(left) || knownTail) {
                    *s += andAt + 5;
                    continue;
                }
            }
            // Cut after the last "of" that follows a common word: "Senior Vice President of
            // Laboratory Corporation of America Holdings" keeps the name's own "of".
            int cutAt = -1;
            int segment = 0;
            for (int ofAt = int(name.indexOf(u" of "_s, 0, Qt::CaseInsensitive)); ofAt > 0;
                 ofAt = int(name.indexOf(u" of "_s, ofAt + 1, Qt::CaseInsensitive))) {
                bool common = false;
                for (QString w : name.mid(segment, ofAt - segment).split(u' ', Qt::SkipEmptyParts)) {
                    w.remove(u"’s"_s).remove(u"'s"_s).remove(u',');
                    common = common || generic.contains(w.toLower());
                }
                if (common)
                    cutAt = ofAt;
                segment = ofAt + 4;
            }
            if (cutAt > 0) {
                *s += cutAt + 4;
                continue;
            }
            return;
        }
    };
    // "Co., Ltd." alone is the tail of a longer name ("... (Group) Co., Ltd.").
    auto onlySuffixes = [&](const QString &name) {
        static const QRegularExpression spaces(u"\\s+"_s);
        const QStringList words = QString(name).replace(u',', u' ').split(spaces, Qt::SkipEmptyParts);
        return std::all_of(words.begin(), words.end(), [&](const QString &w) {
            return suffixWords.contains(w.toLower()) || w == u"&"_s || w == u"and"_s;
        });
    };
    // A name that starts right after a closing parenthesis or a hyphen continues to the
    // left: "Shanghai Fosun Pharmaceutical (Group) Co., Ltd.".
    auto continuesLeft = [](const QString &text, int s) {
        int i = s - 1;
        while (i >= 0 && (text.at(i) == u' ' || text.at(i) == u'\t'))
            --i;
        return i >= 0 && i >= s - 2 && (text.at(i) == u')' || text.at(i) == u'-');
    };
    // A name wrapped over two lines ("Quest\nDiagnostics Incorporated"): the capitalised
    // words that end the line before belong to it.
    auto extendOverWrap = [&](const QString &text, int *s) {
        int i = *s - 1;
        while (i >= 0 && (text.at(i) == u' ' || text.at(i) == u'\t'))
            --i;
        if (i < 0 || text.at(i) != u'\n')
            return;
        // Up to two capitalised words at the end of the line before, when that line is
        // wrapped prose (a short line is a heading or a cell of its own).
        const int lineStart = int(QStringView(text).left(i).lastIndexOf(u'\n')) + 1;
        QStringList words = text.mid(lineStart, i - lineStart).split(u' ', Qt::SkipEmptyParts);
        const bool prose = std::any_of(words.begin(), words.end(), [](const QString &w) {
            return w.size() >= 4 && w.at(0).isLower();
        });
        if (i - lineStart < 40 || !prose)
            return;
        int taken = 0;
        int from = i;
        while (taken < 2 && !words.isEmpty()) {
            const QString word = words.takeLast();
            static const QRegularExpression nameWord(u"^[A-Z][A-Za-z&'’\\-]{1,30}$"_s);
            if (!nameWord.match(word).hasMatch() || leading.contains(word) || stop.contains(word)
                || generic.contains(word.toLower()) || suffixWords.contains(word.toLower()))
                break;
            from = int(text.lastIndexOf(word, from - 1));
            ++taken;
        }
        if (taken > 0 && from >= lineStart)
            *s = from;
    };
    // "One Apple Park Way": a street address, not the company.
    static const QRegularExpression street(u"^(?:[ ][A-Z][a-z]+){0,2}[ ](?:Way|Street|St\\.|Drive|Dr\\.|Avenue|Ave\\.|Road|Rd\\.|Boulevard|Blvd\\.|Parkway|Plaza|Lane|Court|Circle|Square|Place)\\b"_s);
    auto inAddress = [&](const QString &text, int e) {
        return street.match(QStringView(text).mid(e, 40)).hasMatch();
    };
    auto plausible = [](const QString &name) {
        return !name.isEmpty() && (name.at(0).isUpper() || name.at(0).isDigit()) && !name.contains(u'(')
            && !name.contains(u'“') && !name.contains(u'"');
    };

    // One to three capitalised words after a word of partnership; the next word must not
    // continue the name (a suffix there is the suffix rule's find).
    static const QRegularExpression partnerRe(
        uR"(\b(?:(?:collaborations?|partnerships?|alliances?|co-develop(?:ed|ment)?|co-commercializ(?:ed|ation)|partnered|joint venture) with|(?:licensed|in-licensed|acquired) from)\h{1,2}([A-Z][A-Za-z0-9\-]{2,30}(?:\h[A-Z][A-Za-z0-9\-]{1,30}){0,2})(?![\w&'’\-]|\h[A-Z&]))"_s);
    // A company named by the deal it is the object of: "the First Republic acquisition".
    static const QRegularExpression acquiredRe(
        uR"(\bthe\h([A-Z][A-Za-z0-9\-]{2,30}(?:\h[A-Z][A-Za-z0-9\-]{1,30}){0,2})\h(?:acquisition|merger)\b)"_s);
    static const QRegularExpression officeOfRe(
        uR"(\b(?:President|Officer|Secretary|Counsel|Chairman|Chairwoman|Director|Treasurer|Controller|Partner|Founder|CEO|CFO|COO)\h{1,2}(?:of|at)\h{1,2}([A-Z][a-z]+[A-Z][A-Za-z]+)(?![\w&'’\-]|\h[A-Z&]))"_s);
    static const QRegularExpression boardsRe(
        uR"(\b(?:(?:serve[sd]?|serving)\h{1,2}on\h{1,2}the\h{1,2}[Bb]oards?\h{1,2}of\h{1,2}(?:[Dd]irectors\h{1,2}of\h{1,2})?|(?:businesses|subsidiaries|operating\h{1,2}companies)\h{1,2}(?:across|including|such\h{1,2}as)\h{1,2})((?:(?!\bserv(?:e[sd]?|ing)\b)[^;\n]){3,400}))"_s);
    // A company the filing calls its subsidiary: "McNeil Consumer Health, a subsidiary of
    // the Company", "Janssen, a wholly owned subsidiary".
    static const QRegularExpression subsidiaryRe(
        uR"((?<![\w&'’\-])((?:[A-Z][\w&'’\-]*\h){0,3}[A-Z][\w&'’\-]*),\h{1,2}(?:a|an|our)\h{1,2}(?:wholly[\-\h]owned\h{1,2})?subsidiary\b)"_s);
    static const QRegularExpression monthName(
        uR"(^(?:January|February|March|April|May|June|July|August|September|October|November|December)$)"_s);
    QSet<QString> partners;
    const QList<int> pages = TextScan::textPages(content);
    for (int p : pages) {
        if (context.cancelled())
            return;
        const QString &text = content.text.pages.at(p);
        for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
            TextScan::forEachMatch(text, w, suffixRe, [&](const QRegularExpressionMatch &m) {
                int s = int(m.capturedStart()), e = int(m.capturedEnd());
                clean(text, &s, e);
                // Drop a trailing "(the ...)" definition.
                const int paren = int(text.mid(s, e - s).indexOf(u" ("_s));
                if (paren > 0)
                    e = s + paren;
                // A sentence ended inside the match: "Cash Payment. The Company".
                static const QRegularExpression sentenceEnd(uR"([a-z\d]{2}[.;:]\s+(?=[A-Z]))"_s);
                QRegularExpressionMatchIterator ends = sentenceEnd.globalMatch(text.mid(s, e - s));
                int cut = -1;
                while (ends.hasNext())
                    cut = int(ends.next().capturedEnd());
                if (cut > 0)
                    s += cut;
                // "the Company", "Chief Executive Officer of the Company": a reference, not a name.
                static const QRegularExpression reference(uR"((?:^|\s)(?:the|The|THE|our|Our|OUR|its|ITS|such)\s+(?:Company|Corporation|Trust|Group|COMPANY|CORPORATION|TRUST|GROUP)$)"_s);
                if (reference.match(text.mid(s, e - s)).hasMatch())
                    return;
                split(text, &s, e);
                clean(text, &s, e);
                extendOverWrap(text, &s);
                const QString name = text.mid(s, e - s);
                if (!plausible(name) || onlySuffixes(name) || continuesLeft(text, s) || inAddress(text, e))
                    return;
                const QString head = name.section(u' ', 0, 0).remove(u',');
                if (leading.contains(head) && head != u"The"_s)
                    return;
                if (name.count(u' ') == 0 || (head == u"The"_s && name.count(u' ') == 1) || onlyPlaces(name))
                    return; // a suffix alone, "The Company", "Kentucky Corporation"
                out.append(context.makeEntity(u"organization"_s, {p, s, e}, Normalize::spaces(name),
                                              cSuffix, u"core.org.suffix"_s));
            });
            TextScan::forEachMatch(text, w, keywordRe, [&](const QRegularExpressionMatch &m) {
                int s = int(m.capturedStart(1)), e = int(m.capturedEnd(1));
                clean(text, &s, e);
                split(text, &s, e);
                const QString name = text.mid(s, e - s);
                // A keyword alone ("Board", "Exchange") is a common noun, and so is one
                // after a common word ("Each Exchange"); after a possessive it is a unit
                // of the owner ("McKinsey & Company’s Global Pharmaceuticals practice").
                if (name.count(u' ') == 0 || !plausible(name) || generic.contains(name.section(u' ', 0, 0).toLower()))
                    return;
                static const QRegularExpression possessive(uR"([\w.]['’]s\h{1,2}$)"_s);
                if (possessive.match(QStringView(text).mid(qMax(0, s - 6), qMin(6, s))).hasMatch())
                    return;
                out.append(context.makeEntity(u"organization"_s, {p, s, e}, Normalize::spaces(name),
                                              cKeyword, u"core.org.keyword"_s));
            });
            // A partner named without a legal suffix, where the words before it say it is a
            // company: "developed in collaboration with Ridgeback", "licensed from Biohaven".
            const auto partner = [&](const QRegularExpressionMatch &m) {
                const QString name = m.captured(1);
                const QStringList words = name.split(u' ');
                const bool common = std::any_of(words.cbegin(), words.cend(), [&](const QString &word) {
                    return generic.contains(word.toLower()) || stop.contains(word) || leading.contains(word)
                        || suffixWords.contains(word.toLower()) || monthName.match(word).hasMatch();
                });
                if (common || !plausible(name))
                    return;
                partners.insert(name);
                out.append(context.makeEntity(u"organization"_s, {p, int(m.capturedStart(1)), int(m.capturedEnd(1))},
                                              name, cKeyword, u"core.org.partner"_s));
            };
            TextScan::forEachMatch(text, w, partnerRe, partner);
            TextScan::forEachMatch(text, w, acquiredRe, partner);
            // A company named in one word with a capital inside, after an office held there:
            // "Corporate Secretary of ConocoPhillips from 2007"; a department ("Vice President
            // of Finance") is never written so.
            TextScan::forEachMatch(text, w, officeOfRe, partner);
            TextScan::forEachMatch(text, w, subsidiaryRe, partner);
            // The boards a director serves on, listed: "served on the boards of EQT
            // Corporation and Whiting Petroleum." Names with a suffix are the suffix rule's;
            // the others are capitalised words, up to the end of the sentence.
            TextScan::forEachMatch(text, w, boardsRe, [&](const QRegularExpressionMatch &m) {
                static const QRegularExpression separator(uR"(,\h(?:and\h)?|\hand\h)"_s);
                // "the Human Resources Policy Association", "Save the Children".
                static const QRegularExpression element(uR"(^(?:the\h)?([A-Z][\w&'’\-]*(?:\h(?:(?:the|of|for|&)\h)?[A-Z][\w&'’\-]*){0,3})\.?$)"_s);
                static const QRegularExpression wordDot(uR"(([\w&'’\-]+)\.\h)"_s);
                const QString list = m.captured(1);
                const int base = int(m.capturedStart(1));
                int at = 0;
                while (at < list.size()) {
                    const QRegularExpressionMatch sep = separator.match(list, at);
                    int end = sep.hasMatch() ? int(sep.capturedStart()) : int(list.size());
                    // A sentence ends in this element: "Whiting Petroleum. Ms. Carrig received";
                    // "Corp. (NYSE: TY)" goes on.
                    bool sentenceEnd = false;
                    for (auto dots = wordDot.globalMatch(QStringView(list).mid(at, end - at)); dots.hasNext();) {
                        const QRegularExpressionMatch d = dots.next();
                        if (d.captured(1).size() > 1 && d.captured(1).back().isLower()
                            && !suffixWords.contains(d.captured(1).toLower() + u'.')
                            && !suffixWords.contains(d.captured(1).toLower())) {
                            end = at + int(d.capturedStart()) + int(d.captured(1).size()) + 1;
                            sentenceEnd = true;
                            break;
                        }
                    }
                    const QString item = list.mid(at, end - at).trimmed();
                    if (item.isEmpty() || (item.at(0).isLower() && !item.startsWith(u"the "_s)))
                        return; // prose: the list has ended
                    const QRegularExpressionMatch e = element.match(item);
                    if (e.hasMatch()) {
                        const QString name = e.captured(1);
                        const QStringList words = name.split(u' ');
                        const bool common = std::any_of(words.cbegin(), words.cend(), [&](const QString &word) {
                            return generic.contains(word.toLower()) || stop.contains(word) || leading.contains(word)
                                || suffixWords.contains(word.toLower()) || monthName.match(word).hasMatch();
                        });
                        // "the Human Resources Policy Association", not "the Audit Committee".
                        const bool article = item.startsWith(u"the "_s) && words.size() < 3;
                        if (!common && !article && plausible(name) && !placeNames.contains(TextScan::fold(name))) {
                            partners.insert(name); // and its further mentions
                            const int start = base + int(list.indexOf(name, at));
                            out.append(context.makeEntity(u"organization"_s, {p, start, start + int(name.size())}, name,
                                                          cKeyword - 0.05, u"core.org.board"_s));
                        }
                    }
                    if (sentenceEnd || !sep.hasMatch())
                        return;
                    at = int(sep.capturedEnd());
                }
            });
            TextScan::forEachMatch(text, w, lexiconCase, [&](const QRegularExpressionMatch &m) {
                if (inAddress(text, int(m.capturedEnd())))
                    return;
                out.append(context.makeEntity(u"organization"_s,
                                              {p, int(m.capturedStart()), int(m.capturedEnd())},
                                              m.captured(), cLexicon, u"core.org.lexicon"_s));
            });
        }
    }

    // An abbreviation the filing defines for an organization right after its name is that
    // organization too: "the European Commission (EC)", "the European Medicines Agency’s
    // (EMA)". Its letters are initials of the name's words, in order, so "(the “Company”)"
    // or "(Nasdaq: IMGN)" define nothing; its further mentions are found as a partner's are.
    // As for indications, each mention is valued as printed: the name keeps its value with
    // `abbreviation=EC`, the abbreviation is `EC` with `expansion=European Commission`.
    QHash<QString, QString> expansions; // abbreviation → the name it was defined for (first)
    {
        static const QRegularExpression defined(uR"(^(?:['’]s)?\h{1,2}\(([A-Z]{2,6})\))"_s);
        static const QRegularExpression word(uR"([A-Za-z][\w’'\-]*)"_s);
        const qsizetype found = out.size();
        for (qsizetype i = 0; i < found; ++i) {
            const Entity e = out.at(i);
            if (e.type != u"organization"_s)
                continue;
            const QString &text = content.text.pages.at(e.span.page);
            // The name without its legal form, where it stands again: "the Dynegy settlement"
            // after "Dynegy, Inc.". Only a bare legal form counts ("Southern Company" is no
            // "Southern"), and the rest must be a name, not common words or a place.
            static const QRegularExpression legalForm(
                uR"(^([A-Z][\w&’'\-]{3,}(?:\h[A-Z][\w&’'\-]*){0,2}),?\h(?:Inc\.?|Incorporated|Corp\.|Ltd\.?|LLC|L\.L\.C\.|plc|PLC|N\.V\.|S\.A\.|AG|GmbH|SE)$)"_s);
            if (e.origin == u"core.org.suffix"_s) {
                const QRegularExpressionMatch lm = legalForm.match(e.value);
                if (lm.hasMatch()) {
                    const QString stem = lm.captured(1);
                    const QStringList words = stem.split(u' ');
                    const bool common = std::any_of(words.cbegin(), words.cend(), [&](const QString &word) {
                        return generic.contains(word.toLower()) || stop.contains(word) || leading.contains(word)
                            || monthName.match(word).hasMatch();
                    });
                    if (!common && !placeNames.contains(TextScan::fold(stem)))
                        partners.insert(stem);
                }
            }
            // A short name defined the same way, the name's first words: "Bigfoot Biomedical,
            // Inc. (Bigfoot)", "Arbutus Biopharma Corporation (“Arbutus”)".
            static const QRegularExpression shortName(uR"(^\h{1,2}\((?:the\h)?[“"]?([A-Z][\w&’'\-]{2,}(?:\h[A-Z][\w&’'\-]+){0,2})[”"]?\))"_s);
            const QRegularExpressionMatch sm = shortName.match(QStringView(text).mid(e.span.end, 60));
            if (sm.hasMatch() && sm.captured(1) != e.text && e.text.startsWith(sm.captured(1) + u' ')) {
                const QString name = sm.captured(1);
                const int start = e.span.end + int(sm.capturedStart(1));
                partners.insert(name);
                out.append(context.makeEntity(u"organization"_s, {e.span.page, start, start + int(name.size())}, name,
                                              cKeyword, u"core.org.shortname"_s));
                continue;
            }
            const QRegularExpressionMatch m = defined.match(QStringView(text).mid(e.span.end, 20));
            if (!m.hasMatch())
                continue;
            const QString abbr = m.captured(1);
            QString initials;
            auto words = word.globalMatch(e.text);
            while (words.hasNext()) {
                const QString w = words.next().captured();
                if (w.at(0).isUpper())
                    initials += w.at(0);
            }
            int at = 0;
            for (const QChar c : initials) {
                if (at < abbr.size() && abbr.at(at) == c)
                    ++at;
            }
            if (at != abbr.size() || initials.isEmpty() || initials.at(0) != abbr.at(0))
                continue;
            const int start = e.span.end + int(m.capturedStart(1));
            partners.insert(abbr);
            if (!expansions.contains(abbr))
                expansions.insert(abbr, e.value);
            out[i].attributes.insert(u"abbreviation"_s, abbr);
            Entity a = context.makeEntity(u"organization"_s, {e.span.page, start, start + int(abbr.size())}, abbr,
                                          cKeyword, u"core.org.abbreviation"_s);
            a.attributes.insert(u"expansion"_s, expansions.value(abbr));
            out.append(a);
        }
    }

    // The partners' further mentions: "Merck and Ridgeback announced".
    if (!partners.isEmpty()) {
        const QRegularExpression mention = TextScan::alternation(QStringList(partners.cbegin(), partners.cend()), true);
        for (int p : pages) {
            const QString &text = content.text.pages.at(p);
            for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
                TextScan::forEachMatch(text, w, mention, [&](const QRegularExpressionMatch &m) {
                    // The first word of a longer name is not a mention: "DePuy" of "DePuy
                    // Synthes" where "DePuy Orthopaedics, Inc. (DePuy)" was defined.
                    static const QRegularExpression longer(uR"(^\h(?:&\h)?[A-Z][a-z])"_s);
                    if (longer.match(QStringView(text).mid(m.capturedEnd(), 4)).hasMatch())
                        return;
                    // A one-word name at the head of a line or sentence may be a common word
                    // there ("Impact of Specified Items" where "Impact" names a company).
                    if (!m.captured().contains(u' ')) {
                        int i = int(m.capturedStart()) - 1;
                        while (i >= 0 && (text.at(i) == u' ' || text.at(i) == u'\t'))
                            --i;
                        if (i < 0 || text.at(i) == u'\n' || text.at(i) == u'.' || text.at(i) == u'“' || text.at(i) == u'"')
                            return;
                    }
                    Entity e = context.makeEntity(u"organization"_s, {p, int(m.capturedStart()), int(m.capturedEnd())},
                                                  m.captured(), cKeyword - 0.05, u"core.org.partner"_s);
                    if (expansions.contains(m.captured()))
                        e.attributes.insert(u"expansion"_s, expansions.value(m.captured()));
                    out.append(e);
                });
            }
        }
    }

    // Overlapping finds of one organization: keep the longest, most confident.
    std::stable_sort(out.begin(), out.end(), [](const Entity &a, const Entity &b) {
        if (a.span.length() != b.span.length())
            return a.span.length() > b.span.length();
        return a.confidence > b.confidence;
    });
    // Kept organizations by page: a span overlaps only spans of its own page, so a
    // long filing's thousands of finds are not each compared with all the others.
    EntityList kept;
    QHash<int, QList<SourceSpan>> keptSpans;
    for (const Entity &e : std::as_const(out)) {
        if (e.type != u"organization"_s) {
            kept.append(e);
            continue;
        }
        QList<SourceSpan> &onPage = keptSpans[e.span.page];
        const bool inside = std::any_of(onPage.cbegin(), onPage.cend(),
                                        [&](const SourceSpan &k) { return k.overlaps(e.span); });
        if (!inside) {
            kept.append(e);
            onPage.append(e.span);
        }
    }
    out = kept;
}
