#include "peoplerecognizer.h"

#include "normalizers.h"
#include "textscan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QHash>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto S = u"structure"_s;

// A personal name: optional initial, given name, middle initials, one or two family
// names ("McFalls", "O'Neil", "Smith-Jones"), optional suffix. Bounded repetitions only.
const QString NamePart = uR"((?:[A-Z][a-z'’\-]{1,20}(?:[A-Z][a-z'’\-]{1,20})?))"_s;
const QString Name = u"(?:[A-Z]\\.\\h?)?"_s + NamePart
    + u"(?:\\h{1,2}[A-Z]\\.){0,2}(?:\\h{1,2}"_s + NamePart
    + u"){1,2}(?:,?\\h(?:Jr\\.|Sr\\.|III|II|IV))?"_s;

class Names
{
public:
    explicit Names(const RuleSet &rules)
    {
        for (const QString &w : rules.strings(S, u"notNameWords"_s))
            m_stop.insert(w.toLower());
        for (const QString &w : rules.strings(S, u"personTitleWords"_s))
            m_titleWords.insert(w.toLower());
        for (const QString &w : rules.strings(S, u"orgSuffixes"_s)) {
            m_stop.insert(w.toLower());
            m_suffixes.insert(w.toLower());
        }
    }

    // A signature typed again under the signature line is a person's name even where a
    // word of it is a common word or all but the family name are initials ("/s/ Jonathan
    // New" / "Jonathan New", "/s/ J. J. Wolk" / "J. J. Wolk, Executive Vice President"),
    // but never a firm's.
    bool isSignedName(const QString &text) const
    {
        static const QRegularExpression split(uR"([\s,]+)"_s);
        const QStringList words = text.split(split, Qt::SkipEmptyParts);
        if (text.contains(u'&') || text.contains(u'@') || words.size() < 2 || words.size() > 6)
            return false;
        return std::all_of(words.cbegin(), words.cend(), [&](const QString &w) {
            return w.at(0).isUpper() && !m_suffixes.contains(w.toLower()) && !m_titleWords.contains(w.toLower());
        });
    }

    bool isName(const QString &text) const
    {
        static const QRegularExpression split(uR"([\s,]+)"_s);
        const QStringList words = text.split(split, Qt::SkipEmptyParts);
        if (text.contains(u'&') || text.contains(u'@'))
            return false;
        int full = 0;
        for (const QString &w : words) {
            QString bare = w;
            bare.remove(u'.');
            if (m_stop.contains(bare.toLower()) || m_stop.contains(w.toLower()))
                return false;
            if (bare.size() > 1)
                ++full;
        }
        return full >= 2;
    }

    bool isTitle(const QString &text) const
    {
        static const QRegularExpression split(uR"([^\w]+)"_s);
        const QStringList words = text.split(split, Qt::SkipEmptyParts);
        if (words.isEmpty() || words.size() > 16)
            return false;
        for (const QString &w : words) {
            if (m_titleWords.contains(w.toLower()))
                return true;
        }
        return false;
    }

private:
    QSet<QString> m_stop;
    QSet<QString> m_titleWords;
    QSet<QString> m_suffixes;
};

QString lineText(const QString &text, const TextScan::Window &w)
{
    return text.mid(w.start, w.end - w.start);
}

// The next line after position pos (skipping blank lines), or an invalid window.
TextScan::Window nextLine(const QString &text, int page, int pos, int maxBlank = 2)
{
    int nl = int(text.indexOf(u'\n', pos));
    for (int blanks = 0; nl >= 0 && blanks <= maxBlank; ++blanks) {
        const TextScan::Window line = TextScan::lineAt(text, page, nl + 1);
        if (!lineText(text, line).trimmed().isEmpty())
            return line;
        nl = line.end < text.size() ? line.end : -1;
    }
    return {-1, 0, 0};
}

// A title wrapped over several lines: "Executive Vice President," / "General Counsel and" / "Corporate Secretary".
QString wrappedTitle(const QString &text, int page, TextScan::Window line, QString title)
{
    for (int i = 0; i < 3; ++i) {
        const TextScan::Window more = nextLine(text, page, line.end, 4);
        if (more.page < 0)
            break;
        const QString t = Normalize::spaces(lineText(text, more));
        // A title that cannot end here: "Executive Vice President and Chief" / "Financial Officer".
        static const QRegularExpression dangling(
            uR"((?:,|\band|&|\bof|\bChief|\bVice|\bSenior|\bExecutive|\bGeneral|\bPrincipal|\bAssistant)$)"_s);
        const bool open = dangling.match(title).hasMatch();
        if (!open && !t.startsWith(u"and "_s) && !t.startsWith(u"& "_s))
            break;
        if (t.isEmpty() || t.contains(u':') || t.size() > 80)
            break;
        title += u' ' + t;
        line = more;
    }
    while (title.endsWith(u',') || title.endsWith(u';'))
        title.chop(1);
    return title;
}

} // namespace

QString PeopleRecognizer::name() const
{
    return u"people"_s;
}

void PeopleRecognizer::run(const ExtractionContext &context, EntityList &out) const
{
    const DocumentContent &content = context.content;
    const RuleSet &rules = context.rules;
    const QJsonObject conf = rules.object(S, u"confidence"_s);
    const double cSignature = conf.value(u"signature"_s).toDouble(0.9);
    const double cQuote = conf.value(u"quote"_s).toDouble(0.8);
    const double cContact = conf.value(u"contact"_s).toDouble(0.75);
    const double cOfficer = conf.value(u"officer"_s).toDouble(0.7);
    const Names names(rules);

    QStringList verbs = rules.strings(S, u"quoteVerbs"_s);
    if (verbs.isEmpty())
        verbs = {u"said"_s};
    const QString verb = u"(?:"_s + verbs.join(u'|') + u")"_s;
    const QString office = uR"(((?:(?:Senior|Executive|Vice|Chief|Interim|Acting|Co-|Deputy|Group|Global)[ \t\-]{1,2}){0,4}(?:President|Chief[ \t]\w{1,20}(?:[ \t]\w{1,20})?[ \t]Officer|Chairman|Chairwoman|Chairperson|Secretary|Treasurer|Controller|General[ \t]Counsel|Founder|CEO|CFO|COO)(?:[ \t](?:and|&)[ \t](?:Chief[ \t]\w{1,20}[ \t]Officer|CEO|CFO|President|Chairman|Secretary|Treasurer))?))"_s;

    static const QRegularExpression signedRe(uR"(/s/\h{0,4}([^\n/]{2,60}))"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression byRe(u"(?m)^\\h{0,40}By:?\\h{1,4}("_s + Name + u")\\h*$"_s);
    static const QRegularExpression nameLabel(uR"(^\h*Name:\h*(.+)$)"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression titleLabel(uR"(^\h*Title:\h*(.+)$)"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpression quoteAfter(u"("_s + Name + u"),\\h{1,2}([^,\\n\"“”]{3,100}?),\\h{1,2}"_s + verb + u"\\b"_s);
    const QRegularExpression quoteBefore(u"\\b"_s + verb + u"\\h{1,2}("_s + Name + u"),\\h{1,2}([^\\n\"“”]{3,120}?)(?:[.;]|,[ \\t][a-z]|$)"_s);
    const QRegularExpression quoteTitleBefore(u"\\b"_s + verb + u"\\h{1,2}((?:[A-Z][\\w&’'\\-]*,?\\s{1,2}(?:and\\s{1,2}|&\\s{1,2})?){1,8}?)("_s
                                              + Name + u")(?=[.,;:]|\\h*\\n)"_s);
    const QRegularExpression quoteBare(u"("_s + Name + u")\\h{1,2}"_s + verb + u"\\b"_s);
    const QRegularExpression officerRe(u"("_s + Name + u"),\\h{1,2}(?:the[ \\t]Company['’]s[ \\t]|our[ \\t]|its[ \\t]|the[ \\t])?"_s + office);
    QString cue;
    for (const RulePack &p : rules.packs) {
        const QJsonValue v = p.body.value(S).toObject().value(u"contactCues"_s);
        if (p.enabled && v.isString())
            cue = v.toString();
    }
    const QRegularExpression cueRe(cue.isEmpty() ? u"(?!)"_s : u"(?m)"_s + cue);
    const QRegularExpression inlineContact(u"(?:Contacts?|CONTACTS?)[ \\t]{0,2}:\\h{1,4}("_s + Name + u")"_s);
    const QRegularExpression lineName(u"^\\h*("_s + Name + u")(?=\\h*$|,|\\t|\\h{2}|\\h[^a-z\\s])"_s);
    static const QRegularExpression contactish(uR"(\d{3}[\s.\-)]{1,2}\d{3}[\s.\-]\d{4}|@)"_s);

    // Executive-officer lists of a 10-K: name, age and position, on one line of a printed
    // table ("Mikael Dolsten 64 Chief Scientific Officer ...") or in three cells.
    // Degrees after the name stay out of it: "Roopal Thakkar, M.D.", "Peter M. Fasolo, Ph.D.".
    const QString degrees = uR"((?:,\h?(?:M\.\h?D\.|Ph\.\h?D\.|J\.\h?D\.|Pharm\.\h?D\.|MBA|CPA|Esq\.)){0,3})"_s;
    const QRegularExpression officerRow(u"(?m)^\\h*("_s + Name + u")"_s + degrees + u"\\h{1,40}([2-9]\\d)\\h{1,40}(\\S[^\\n]{2,})$"_s);
    const QRegularExpression officerCells(u"(?m)^\\h*("_s + Name + u")"_s + degrees + u"\\h*\\n(?:\\h*\\n){0,4}\\h*([2-9]\\d)\\h*\\n(?:\\h*\\n){0,4}\\h*(\\S[^\\n]{2,})$"_s);
    // A board committee's roster: a name with its chair in parentheses, and the names
    // standing alone on the lines around it.
    static const QRegularExpression chairRe(u"(?m)^\\h*("_s + Name + u")\\h{0,4}\\((Chair|Chairperson|Chairman|Chairwoman|Lead Independent Director|Lead Director)\\)\\h*$"_s);
    static const QRegularExpression aloneRe(u"(?m)^\\h*("_s + Name + u")\\h*$"_s);
    // The office of a position cell: up to "since", "from" or a full stop.
    const auto officeOf = [](const QString &position) {
        static const QRegularExpression end(uR"(\s+(?:since|from|until|effective)\b|[.(])"_s);
        static const QRegularExpression trailingComma(u",$"_s);
        const QRegularExpressionMatch m = end.match(position);
        return Normalize::spaces(m.hasMatch() ? position.left(m.capturedStart()) : position).remove(trailingComma);
    };
    // An office, not only a word of one: a table row of figures may hold "Financial" or "General".
    const QRegularExpression officeWord(office + u"|\\b(?:Director|Head)\\b"_s);

    // The subject of a personnel change (an 8-K's Item 5.02): "appointed Janet Carrig to
    // serve", "the resignation of John Smith,", "John Smith, age 54,", "John Smith notified",
    // and the one a new officer or director takes over from, in a seat or an office: "will
    // replace Michael Sulton on the Audit Committee", "succeeded Robert Stein as".
    const QRegularExpression eventReplaced(
        u"\\b(?:replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?)\\h{1,2}("_s + Name + u")(?=\\h{1,2}(?:as|on)\\b)"_s);
    const QRegularExpression eventBefore(
        u"\\b(?:appointed|elected|named|promoted|nominated|hired|(?:[Aa]ppointment|[Ee]lection|[Rr]esignation|[Rr]etirement|[Dd]eparture|[Dd]eath|[Nn]omination)[ \\t]of)\\h{1,2}("_s
        + Name + u")(?=\\h{1,2}(?:to|as|and|has|was|will|from|effective|on)\\b|[,.;])"_s);
    const QRegularExpression eventAfter(
        u"("_s + Name + u")(?=,\\h{1,2}(?:age|aged)\\h{1,2}\\d{2}\\b|\\h{1,2}(?:notified|informed|advised|tendered|resigned|retired|(?:was|has[ \\t]been|will[ \\t]be)[ \\t](?:appointed|elected|named|promoted|nominated))\\b)"_s);

    QMap<QString, QString> roles; // person name -> role, for the further mentions
    auto addPerson = [&](int page, int start, int end, const QString &role, double c,
                         const QString &origin) {
        const QString text = content.text.pages.at(page).mid(start, end - start);
        const QString value = Normalize::personName(text);
        QMap<QString, QString> attrs;
        if (!role.isEmpty())
            attrs.insert(u"role"_s, Normalize::spaces(role));
        out.append(context.makeEntity(u"person"_s, {page, start, end}, value, c, origin, attrs));
        if (!roles.contains(text) || roles.value(text).isEmpty())
            roles.insert(text, Normalize::spaces(role));
    };

    const QList<int> pages = TextScan::textPages(content);
    for (int p : pages) {
        if (context.cancelled())
            return;
        const QString &text = content.text.pages.at(p);
        for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
            // Signatures.
            TextScan::forEachMatch(text, w, signedRe, [&](const QRegularExpressionMatch &m) {
                int s = int(m.capturedStart(1)), e = int(m.capturedEnd(1));
                TextScan::trim(text, &s, &e, u",_"_s);
                const QString signedName = text.mid(s, e - s);
                if (signedName.isEmpty() || !signedName.at(0).isLetter())
                    return;
                // Cut at a tab or wide gap ("/s/ Jane Doe    Date: ...").
                static const QRegularExpression gap(uR"(\t|\s{3,})"_s);
                const int g = int(signedName.indexOf(gap));
                if (g > 0)
                    e = s + g;
                const QString raw = text.mid(s, e - s);
                QString value = Normalize::personName(raw);
                QString title;
                bool repeated = false; // the name typed again under the signature
                int pos = int(m.capturedEnd());
                for (int i = 0; i < 4; ++i) {
                    // HTML table cells come out with blank lines between them.
                    const TextScan::Window line = nextLine(text, p, pos, 6);
                    if (line.page < 0)
                        break;
                    QString lt = lineText(text, line);
                    TextScan::Window last = line; // the last line read for this entry
                    // "Name:" and "Title:" in one cell, their values in the next.
                    static const QRegularExpression bareLabel(uR"(^\h*(?:Name|Title|NAME|TITLE):\h*$)"_s);
                    if (bareLabel.match(lt).hasMatch()) {
                        const TextScan::Window value = nextLine(text, p, line.end, 3);
                        if (value.page >= 0) {
                            lt = lt.trimmed() + u' ' + lineText(text, value).trimmed();
                            last = value;
                        }
                    }
                    // The rule a typed signature stands on.
                    if (lt.trimmed().count(u'-') + lt.trimmed().count(u'_') == lt.trimmed().size()) {
                        pos = line.end;
                        continue;
                    }
                    const QRegularExpressionMatch nm = nameLabel.match(lt);
                    const QRegularExpressionMatch tm = titleLabel.match(lt);
                    if (nm.hasMatch()) {
                        const QString n = Normalize::spaces(nm.captured(1));
                        if (TextScan::fold(n) == TextScan::fold(raw)) {
                            value = n;
                            repeated = true;
                        }
                    } else if (tm.hasMatch()) {
                        title = wrappedTitle(text, p, last, Normalize::spaces(tm.captured(1)));
                        break;
                    } else if (TextScan::fold(lt) == TextScan::fold(raw)) {
                        value = Normalize::personName(lt);
                        repeated = true;
                    } else if (const int at = int(lt.indexOf(raw.trimmed() + u',', 0, Qt::CaseInsensitive)); at >= 0) {
                        // "Date: March 30, 2021    Brien M. Chase, Senior Vice President"
                        repeated = true;
                        const QString t = Normalize::spaces(lt.mid(at + raw.trimmed().size() + 1));
                        if (names.isTitle(t))
                            title = wrappedTitle(text, p, line, t);
                        break;
                    } else {
                        QString t = Normalize::spaces(lt);
                        // "(David V. Elkins) (Principal Financial Officer)": the name again, then the title.
                        if (t.startsWith(u'(')) {
                            const int close = int(t.indexOf(u')'));
                            if (close > 0 && TextScan::fold(t.mid(1, close - 1)) == TextScan::fold(raw))
                                t = t.mid(close + 1).trimmed();
                            if (t.startsWith(u'(') && t.endsWith(u')'))
                                t = t.mid(1, t.size() - 2);
                        }
                        // A date in the next cell of the row: "Chief Executive Officer  February 13, 2024".
                        static const QRegularExpression trailingDate(
                            uR"(\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}$)"_s);
                        t.remove(trailingDate);
                        if (names.isTitle(t) && !t.contains(u':'))
                            title = wrappedTitle(text, p, line, t);
                        break;
                    }
                    pos = last.end;
                }
                if (!names.isName(value) && !names.isName(raw) && !(repeated && names.isSignedName(raw)))
                    return;
                QMap<QString, QString> attrs;
                if (!title.isEmpty())
                    attrs.insert(u"title"_s, title);
                out.append(context.makeEntity(u"signatory"_s, {p, s, e}, value, cSignature,
                                              u"core.people.signature"_s, attrs));
            });
            TextScan::forEachMatch(text, w, byRe, [&](const QRegularExpressionMatch &m) {
                if (!names.isName(m.captured(1)))
                    return;
                QString title;
                const TextScan::Window line = nextLine(text, p, int(m.capturedEnd(1)), 1);
                if (line.page >= 0) {
                    QString t = Normalize::spaces(lineText(text, line));
                    const QRegularExpressionMatch tm = titleLabel.match(t);
                    if (tm.hasMatch())
                        t = tm.captured(1);
                    if (names.isTitle(t))
                        title = t;
                }
                QMap<QString, QString> attrs;
                if (!title.isEmpty())
                    attrs.insert(u"title"_s, title);
                out.append(context.makeEntity(u"signatory"_s,
                                              {p, int(m.capturedStart(1)), int(m.capturedEnd(1))},
                                              Normalize::personName(m.captured(1)),
                                              cSignature - 0.1, u"core.people.signature"_s, attrs));
            });

            // Quoted speakers.
            TextScan::forEachMatch(text, w, quoteAfter, [&](const QRegularExpressionMatch &m) {
                if (names.isName(m.captured(1)) && names.isTitle(m.captured(2)))
                    addPerson(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), m.captured(2),
                              cQuote, u"core.people.quote"_s);
            });
            TextScan::forEachMatch(text, w, quoteBefore, [&](const QRegularExpressionMatch &m) {
                if (names.isName(m.captured(1)) && names.isTitle(m.captured(2)))
                    addPerson(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), m.captured(2),
                              cQuote, u"core.people.quote"_s);
            });
            // The title before the name: "said Chairman, President and CEO David M. Ratcliffe."
            TextScan::forEachMatch(text, w, quoteTitleBefore, [&](const QRegularExpressionMatch &m) {
                const QString title = m.captured(1).trimmed();
                if (names.isName(m.captured(2)) && names.isTitle(title))
                    addPerson(p, int(m.capturedStart(2)), int(m.capturedEnd(2)), title, cQuote,
                              u"core.people.quote"_s);
            });
            TextScan::forEachMatch(text, w, quoteBare, [&](const QRegularExpressionMatch &m) {
                if (names.isName(m.captured(1)))
                    addPerson(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), QString(),
                              cQuote - 0.1, u"core.people.quote"_s);
            });
            // Officers named with their office.
            TextScan::forEachMatch(text, w, officerRe, [&](const QRegularExpressionMatch &m) {
                if (names.isName(m.captured(1)))
                    addPerson(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), m.captured(2),
                              cOfficer, u"core.people.officer"_s);
            });

            for (const QRegularExpression *re : {&eventBefore, &eventAfter, &eventReplaced}) {
                TextScan::forEachMatch(text, w, *re, [&](const QRegularExpressionMatch &m) {
                    // "Appointment of Certain Officers" is the item's title, not a person.
                    static const QRegularExpression plural(u"s\\b"_s);
                    const QString name = m.captured(1);
                    if (names.isName(name) && !names.isTitle(name) && !names.isTitle(QString(name).remove(plural)))
                        addPerson(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), QString(), cOfficer - 0.05,
                                  u"core.people.subject"_s);
                });
            }

            // Officer lists and committee rosters.
            for (const QRegularExpression *re : {&officerRow, &officerCells}) {
                TextScan::forEachMatch(text, w, *re, [&](const QRegularExpressionMatch &m) {
                    const QString role = officeOf(m.captured(3));
                    if (names.isName(m.captured(1)) && names.isTitle(role) && officeWord.match(role).hasMatch())
                        addPerson(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), role, cOfficer,
                                  u"core.people.officerlist"_s);
                });
            }
            QList<std::pair<int, int>> rosters; // the chairs' lines
            TextScan::forEachMatch(text, w, chairRe, [&](const QRegularExpressionMatch &m) {
                if (!names.isName(m.captured(1)))
                    return;
                addPerson(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), m.captured(2), cOfficer,
                          u"core.people.roster"_s);
                rosters.append({int(m.capturedStart()), int(m.capturedEnd())});
            });
            if (!rosters.isEmpty()) {
                // Within a few table lines of a chair: 600 characters hold a three-column
                // roster of four rows with the blank lines of its cells.
                constexpr int reach = 600;
                TextScan::forEachMatch(text, w, aloneRe, [&](const QRegularExpressionMatch &m) {
                    const int s = int(m.capturedStart(1)), e = int(m.capturedEnd(1));
                    const bool near = std::any_of(rosters.cbegin(), rosters.cend(), [&](const auto &r) {
                        return s < r.second + reach && e > r.first - reach;
                    });
                    if (near && names.isName(m.captured(1)))
                        addPerson(p, s, e, QString(), cOfficer - 0.1, u"core.people.roster"_s);
                });
            }

            // Contact blocks: names at the start of the lines after a "Contacts:" cue.
            TextScan::forEachMatch(text, w, inlineContact, [&](const QRegularExpressionMatch &m) {
                if (names.isName(m.captured(1)))
                    addPerson(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), u"Contact"_s,
                              cContact, u"core.people.contact"_s);
            });
            TextScan::forEachMatch(text, w, cueRe, [&](const QRegularExpressionMatch &m) {
                QString section = Normalize::spaces(m.captured()).remove(u':');
                int pos = int(m.capturedEnd());
                for (int i = 0; i < 14; ++i) {
                    const TextScan::Window line = nextLine(text, p, pos, 2);
                    if (line.page < 0)
                        break;
                    pos = line.end;
                    const QString lt = lineText(text, line);
                    if (lt.size() > 160)
                        break; // prose: the block has ended
                    if (cueRe.match(lt + u'\n').hasMatch()) {
                        section = Normalize::spaces(lt).remove(u':');
                        continue;
                    }
                    const QRegularExpressionMatch nm = lineName.match(lt);
                    if (!nm.hasMatch() || !names.isName(nm.captured(1)))
                        continue;
                    QString role = section;
                    const TextScan::Window next = nextLine(text, p, line.end - 1, 0);
                    if (next.page >= 0) {
                        const QString t = Normalize::spaces(lineText(text, next));
                        if (names.isTitle(t) && !contactish.match(t).hasMatch() && t.size() < 120)
                            role = t;
                    }
                    addPerson(p, line.start + int(nm.capturedStart(1)), line.start + int(nm.capturedEnd(1)),
                              role, cContact, u"core.people.contact"_s);
                    // The firm beside the contact: "Kathryn Morris  KMorrisPR  (845) 635-9828".
                    const int after = line.start + int(nm.capturedEnd(1));
                    const QRegularExpressionMatch cm = contactish.match(text.mid(after, line.end - after));
                    if (cm.hasMatch()) {
                        int fs = after, fe = after + int(cm.capturedStart());
                        // Back off to the start of the phone number or e-mail address.
                        while (fe > fs && !text.at(fe - 1).isSpace())
                            --fe;
                        TextScan::trim(text, &fs, &fe, u",;(-–|"_s);
                        while (fs < fe && (text.at(fs) == u',' || text.at(fs) == u'|'))
                            ++fs;
                        TextScan::trim(text, &fs, &fe, u",;(-–|"_s);
                        const QString firm = text.mid(fs, fe - fs);
                        if (!firm.isEmpty() && firm.size() <= 40 && firm.at(0).isUpper()
                            && !names.isTitle(firm) && !firm.contains(u':'))
                            out.append(context.makeEntity(u"organization"_s, {p, fs, fe}, Normalize::spaces(firm),
                                                          cContact - 0.1, u"core.org.contact"_s));
                    }
                }
            });
        }
    }

    // Further mentions of the people found, also by title and family name ("Ms. Carrig"),
    // valued as the full name when one person found has that family name.
    QStringList found = roles.keys();
    QHash<QString, QString> byFamily; // family name -> full name; empty when two share it
    for (const QString &full : std::as_const(found)) {
        static const QRegularExpression family(uR"(([A-Z][A-Za-z'’\-]{1,40})(?:,?\h(?:Jr\.|Sr\.|III|II|IV))?$)"_s);
        const QRegularExpressionMatch fm = family.match(full);
        if (!fm.hasMatch())
            continue;
        const QString key = fm.captured(1);
        byFamily.insert(key, byFamily.contains(key) && byFamily.value(key) != full ? QString() : full);
    }
    QStringList titled;
    for (auto it = byFamily.cbegin(); it != byFamily.cend(); ++it) {
        if (!it.value().isEmpty()) {
            for (const QString &t : {u"Mr. "_s, u"Ms. "_s, u"Mrs. "_s, u"Dr. "_s})
                titled.append(t + it.key());
        }
    }
    found += titled;
    const QRegularExpression mention = TextScan::alternation(found, true);
    QSet<QString> seen;
    for (const Entity &e : std::as_const(out))
        seen.insert(QString::number(e.span.page) + u':' + QString::number(e.span.start));
    // A further mention of a person found: valued `name`, with the role found for `full`.
    const auto addMention = [&](int p, int start, int end, const QString &name, const QString &full,
                                const QString &origin) {
        QMap<QString, QString> attrs;
        if (const QString role = roles.value(full); !role.isEmpty())
            attrs.insert(u"role"_s, role);
        out.append(context.makeEntity(u"person"_s, {p, start, end}, Normalize::personName(name), cOfficer,
                                      origin, attrs));
    };
    for (int p : pages) {
        const QString &text = content.text.pages.at(p);
        for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
            TextScan::forEachMatch(text, w, mention, [&](const QRegularExpressionMatch &m) {
                const QString key = QString::number(p) + u':' + QString::number(m.capturedStart());
                if (seen.contains(key))
                    return;
                seen.insert(key);
                QString full = m.captured();
                if (!roles.contains(full))
                    full = byFamily.value(full.section(u' ', 1), full);
                addMention(p, int(m.capturedStart()), int(m.capturedEnd()), full, full, u"core.people.mention"_s);
            });
        }
    }

    // A title before initials and a family name is a person wherever it stands ("Ms. K. E.
    // Wengel joined the Company", "Dr. P. M. Fasolo"), also with the title at a line's end
    // ("Mr. \nMongon" of a person found): valued as the full name found with the same family
    // name and first initial, else as printed without the title.
    static const QRegularExpression titledInitials(
        uR"((?<![\w.])(?:Mr|Ms|Mrs|Dr)\.\s{1,3}((?:[A-Z]\.\h?){1,3}([A-Z][a-z'’\-]{1,20}(?:[A-Z][a-z'’\-]{1,20})?))(?![\w’'\-]))"_s);
    static const QRegularExpression titledBroken(
        uR"((?<![\w.])(?:Mr|Ms|Mrs|Dr)\.\h*\n\s{0,3}([A-Z][a-z'’\-]{1,20}(?:[A-Z][a-z'’\-]{1,20})?)(?![\w’'\-]))"_s);
    // A person quoted again by family name alone: "Ratcliffe said" (one person found has it).
    QStringList families;
    for (auto it = byFamily.cbegin(); it != byFamily.cend(); ++it) {
        if (!it.value().isEmpty())
            families.append(QRegularExpression::escape(it.key()));
    }
    const QRegularExpression familySaid(families.isEmpty()
                                            ? u"(?!)"_s
                                            : u"(?<![\\w.’'\\-])("_s + families.join(u'|') + u")(?=\\h{1,2}"_s + verb + u"\\b)"_s);
    for (int p : pages) {
        const QString &text = content.text.pages.at(p);
        for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
            TextScan::forEachMatch(text, w, familySaid, [&](const QRegularExpressionMatch &m) {
                const QString key = QString::number(p) + u':' + QString::number(m.capturedStart());
                if (seen.contains(key))
                    return;
                seen.insert(key);
                const QString full = byFamily.value(m.captured(1));
                addMention(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), full, full, u"core.people.mention"_s);
            });
            for (const QRegularExpression *re : {&titledInitials, &titledBroken}) {
                const bool broken = re == &titledBroken;
                TextScan::forEachMatch(text, w, *re, [&](const QRegularExpressionMatch &m) {
                    const QString key = QString::number(p) + u':' + QString::number(m.capturedStart());
                    if (seen.contains(key))
                        return;
                    const QString family = m.captured(broken ? 1 : 2);
                    QString full = byFamily.value(family);
                    if (!full.isEmpty() && !broken && full.at(0) != m.captured(1).at(0))
                        full.clear(); // another person of that family name
                    if (full.isEmpty() && (broken || names.isTitle(m.captured(1))))
                        return;
                    seen.insert(key);
                    addMention(p, int(m.capturedStart(1)), int(m.capturedEnd(1)), full.isEmpty() ? m.captured(1) : full,
                               full, u"core.people.titled"_s);
                });
            }
        }
    }
}
