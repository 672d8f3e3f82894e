#include "registrantmentions.h"

#include "textscan.h"

#include <QtCore/QHash>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// "Bristol-Myers Squibb Company (“BMS”)" → "Bristol-Myers Squibb Company"; "AbbVie’s" →
// "AbbVie"; then a leading "The" and trailing legal suffixes go ("Merck & Co., Inc." →
// "Merck"). What is left is folded. Empty when nothing but suffixes is left.
QString nameKey(QString name, const QStringList &suffixes, QStringList *removed = nullptr)
{
    name = name.simplified();
    static const QRegularExpression paren(uR"(\s*\([^()]*\)\s*$)"_s);
    name.remove(paren);
    static const QRegularExpression possessive(uR"(['’]s$)"_s);
    name.remove(possessive);
    static const QRegularExpression article(uR"(^the\s+)"_s, QRegularExpression::CaseInsensitiveOption);
    name.remove(article);
    for (bool cut = true; cut;) {
        cut = false;
        // Separators a suffix leaves behind: "Merck & Co., Inc." → "Merck & Co.," → "Merck &".
        while (!name.isEmpty() && (name.back() == u',' || name.back() == u'&' || name.back().isSpace()))
            name.chop(1);
        if (name.endsWith(u" and"_s, Qt::CaseInsensitive)) {
            name.chop(4);
            cut = true;
            continue;
        }
        for (QString s : suffixes) {
            // Submission headers print suffixes without their dots: "COCA COLA CO", "APPLE INC".
            if (!name.endsWith(s, Qt::CaseInsensitive) && s.endsWith(u'.'))
                s.chop(1);
            if (s.isEmpty() || name.size() <= s.size() || !name.endsWith(s, Qt::CaseInsensitive))
                continue;
            const QChar before = name.at(name.size() - s.size() - 1);
            if (!before.isSpace() && before != u',')
                continue;
            if (removed && !removed->contains(s, Qt::CaseInsensitive))
                removed->append(s);
            name.chop(s.size());
            cut = true;
            break;
        }
    }
    const QString key = TextScan::fold(name);
    // A suffix alone ("Inc.") names nobody.
    const bool suffixOnly = std::any_of(suffixes.cbegin(), suffixes.cend(),
                                        [&](const QString &s) { return TextScan::fold(s) == key; });
    return key.size() >= 2 && !suffixOnly ? key : QString();
}

// "Bristol-Myers Squibb" → "BMS", "Johnson & Johnson" → "J&J": the capitals that begin the
// words of a name of several words. Two letters only when joined by "&"; a name of one word
// has none.
QString initials(const QString &shortName)
{
    static const QRegularExpression word(uR"([\p{L}\p{N}]+|&)"_s);
    QString out;
    int letters = 0;
    bool ampersand = false;
    auto it = word.globalMatch(shortName);
    while (it.hasNext()) {
        const QString w = it.next().captured();
        if (w == u"&"_s) {
            out += u'&';
            ampersand = true;
            continue;
        }
        if (!w.at(0).isUpper())
            continue; // "of", "and", "the"
        out += w.at(0);
        ++letters;
    }
    if (letters >= 3 || (letters == 2 && ampersand))
        return out;
    return {};
}

// The name without a trailing parenthetical and legal suffixes, as printed (for initials).
QString shortName(QString name, const QStringList &suffixes)
{
    const QString key = nameKey(name, suffixes);
    if (key.isEmpty())
        return {};
    // The printed words whose fold is the key: take words from the front until they fold to it.
    static const QRegularExpression article(uR"(^the\s+)"_s, QRegularExpression::CaseInsensitiveOption);
    name = name.simplified().remove(article);
    for (int end = 1; end <= name.size(); ++end) {
        if (TextScan::fold(name.left(end)) == key)
            return name.left(end);
    }
    return name;
}

// Takes out the rows marked in `drop`, keeping the order of the others; returns how many.
int removeMarked(EntityList &entities, const QList<bool> &drop)
{
    EntityList out;
    out.reserve(entities.size());
    for (qsizetype i = 0; i < entities.size(); ++i) {
        if (!drop.at(i))
            out.append(std::move(entities[i]));
    }
    const int removed = int(entities.size() - out.size());
    entities = std::move(out);
    return removed;
}

} // namespace

QStringList RegistrantMentions::nameKeys(const QString &registrant, const QStringList &suffixes)
{
    QStringList keys;
    const QString key = nameKey(registrant, suffixes);
    if (key.isEmpty())
        return keys;
    keys.append(key);
    const QString full = TextScan::fold(registrant);
    if (!full.isEmpty() && !keys.contains(full))
        keys.append(full);
    const QString letters = TextScan::fold(initials(shortName(registrant, suffixes)));
    if (!letters.isEmpty() && !keys.contains(letters))
        keys.append(letters);
    return keys;
}

int RegistrantMentions::collapse(EntityList &entities, const QStringList &pages, const QStringList &suffixes)
{
    // The registrant's names, printed, and their keys.
    QStringList names;
    for (const Entity &e : std::as_const(entities)) {
        if (e.type == u"registrant"_s && !e.value.trimmed().isEmpty() && !names.contains(e.value.simplified()))
            names.append(e.value.simplified());
    }
    if (names.isEmpty())
        return 0;
    // Each key and printed name says which registrant it names (a combined filing has
    // several: Spire Inc., Spire Missouri Inc., Spire Alabama Inc.); the names of one
    // registrant ("COCA COLA CO" of the header, "The Coca-Cola Company" of the cover) are one.
    QHash<QString, int> keys;
    QList<std::pair<QString, int>> printed; // to tell "JPMorgan Chase’s" from "JPMorgan Chase Bank"
    QList<int> who(names.size());
    // A mention drops only the registrant's own suffixes: "Pfizer, Inc." is Pfizer Inc., but
    // "Pfizer Limited" and "Pfizer B.V." are subsidiaries of their own.
    QStringList ownSuffixes;
    for (const QString &n : std::as_const(names))
        nameKey(n, suffixes, &ownSuffixes);
    for (int i = 0; i < names.size(); ++i) {
        const QStringList own = nameKeys(names.at(i), suffixes);
        who[i] = own.isEmpty() ? i : keys.value(own.first(), i);
        for (const QString &k : own) {
            if (!keys.contains(k))
                keys.insert(k, who.at(i));
        }
        printed.append({names.at(i), who.at(i)});
        const QString s = shortName(names.at(i), suffixes);
        if (s.size() >= 2)
            printed.append({s, who.at(i)});
    }
    // A term the filing defines for it right after its name, when the term is the name's
    // first words: "Abbott Laboratories (Abbott)", "AbbVie Inc. (AbbVie or the company)". A
    // parenthetical that begins with a small word ("(see Note 3)", "(collectively, Janssen)")
    // defines nothing, and "Pension & Benefits Committee of Johnson & Johnson (Committee)"
    // names another body.
    static const QRegularExpression defined(uR"(^,?\s{0,3}\(([^()\n]{1,80})\))"_s);
    static const QRegularExpression parts(uR"(\s*(?:,|\bor\b|\band\b)\s*)"_s);
    static const QRegularExpression article(uR"(^the\s+)"_s, QRegularExpression::CaseInsensitiveOption);
    for (const QString &page : pages) {
        for (int i = 0; i < names.size(); ++i) {
            const QString &n = names.at(i);
            if (n.size() < 3)
                continue; // a name that short would be looked at everywhere
            const QString nameWords = nameKey(n, suffixes) + u' ';
            for (qsizetype at = page.indexOf(n, 0, Qt::CaseInsensitive); at >= 0;
                 at = page.indexOf(n, at + n.size(), Qt::CaseInsensitive)) {
                const QRegularExpressionMatch m = defined.match(QStringView(page).mid(at + n.size(), 90));
                if (!m.hasMatch())
                    continue;
                const QString inside = m.captured(1).trimmed();
                if (inside.isEmpty() || (inside.at(0).isLower() && !inside.startsWith(u"the "_s)))
                    continue;
                for (QString part : inside.split(parts, Qt::SkipEmptyParts)) {
                    part.remove(article);
                    part.remove(u'“').remove(u'”').remove(u'"');
                    part.remove(article);
                    part = part.trimmed();
                    if (part.size() < 2 || part.size() > 40 || !part.at(0).isUpper()
                        || std::any_of(part.cbegin(), part.cend(), [](QChar c) { return c.isDigit(); }))
                        continue;
                    const QString k = nameKey(part, suffixes);
                    if (!k.isEmpty() && nameWords.startsWith(k + u' ') && !keys.contains(k)) {
                        keys.insert(k, who.at(i));
                        printed.append({part, who.at(i)});
                    }
                }
            }
        }
    }

    std::stable_sort(printed.begin(), printed.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    // A shorter name found where the page prints the registrant's name ("JPMorgan" of a
    // lexicon in "JPMorgan Chase’s 2022 Form 10-K") names the registrant too, unless a further
    // word of a name follows ("JPMorgan Chase Bank, N.A." is a subsidiary).
    // Which registrant an organization row names, -1 for none.
    const auto registrantOf = [&](const Entity &e) {
        const auto k = keys.constFind(nameKey(e.value, ownSuffixes));
        if (k != keys.cend())
            return k.value();
        if (e.span.page < 0 || e.span.page >= pages.size())
            return -1;
        const QStringView at = QStringView(pages.at(e.span.page)).mid(e.span.start);
        for (const auto &[n, index] : std::as_const(printed)) {
            if (n.size() <= e.span.length() || !at.startsWith(n, Qt::CaseInsensitive))
                continue;
            QStringView rest = at.mid(n.size());
            if (!rest.isEmpty() && rest.front().isLetterOrNumber())
                return -1;
            while (!rest.isEmpty() && (rest.front() == u' ' || rest.front() == u'\u00a0'))
                rest = rest.mid(1);
            return rest.isEmpty() || !rest.front().isUpper() ? index : -1;
        }
        return -1;
    };

    // The registrant's name is never a person ("Spire Missouri" of "Spire Missouri Inc.",
    // found as a name by the people rules): such a row is the organization.
    for (Entity &e : entities) {
        if (e.type == u"person"_s && keys.contains(nameKey(e.value, ownSuffixes)) && e.span.page >= 0
            && e.span.page < pages.size()) {
            e.type = u"organization"_s;
            e.attributes.remove(u"role"_s);
            e.id = Entity::makeId(e.type, e.span, pages.at(e.span.page));
        }
    }

    // Per page and registrant, the first mention (in document order) stays and counts the
    // page's mentions.
    QHash<std::pair<int, int>, qsizetype> kept; // (page, registrant) → index of the row kept
    QHash<std::pair<int, int>, int> count;      // (page, registrant) → mentions
    QList<bool> drop(entities.size(), false);
    QList<qsizetype> order(entities.size());
    for (qsizetype i = 0; i < entities.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return entities.at(a).span < entities.at(b).span; });
    for (const qsizetype i : std::as_const(order)) {
        const Entity &e = entities.at(i);
        if (e.type != u"organization"_s)
            continue;
        const int index = registrantOf(e);
        if (index < 0)
            continue;
        const std::pair<int, int> page{e.span.page, index};
        ++count[page];
        if (kept.contains(page))
            drop[i] = true;
        else
            kept.insert(page, i);
    }
    for (auto it = kept.cbegin(); it != kept.cend(); ++it) {
        Entity &e = entities[it.value()];
        e.attributes.insert(u"registrant"_s, u"true"_s);
        if (count.value(it.key()) > 1)
            e.attributes.insert(u"mentions"_s, QString::number(count.value(it.key())));
    }
    return removeMarked(entities, drop);
}

int RegistrantMentions::collapseRepeats(EntityList &entities)
{
    static const QStringList names{u"organization"_s, u"drug"_s, u"target"_s, u"indication"_s, u"date"_s};
    QHash<QString, qsizetype> first; // page|type|value|attributes → index of the row kept
    QHash<qsizetype, int> count;
    QList<qsizetype> order(entities.size());
    for (qsizetype i = 0; i < entities.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return entities.at(a).span < entities.at(b).span; });
    QList<bool> drop(entities.size(), false);
    for (const qsizetype i : std::as_const(order)) {
        const Entity &e = entities.at(i);
        if (!names.contains(e.type))
            continue;
        QString key = QString::number(e.span.page) % u'|' % e.type % u'|' % e.value;
        // An abbreviation's definition ("mantle cell lymphoma (MCL)") describes the name, it
        // does not make another: the row kept takes it from whichever mention has it.
        static const QStringList described{u"mentions"_s, u"abbreviation"_s, u"expansion"_s};
        for (auto a = e.attributes.cbegin(); a != e.attributes.cend(); ++a) {
            if (!described.contains(a.key()))
                key += u'|' % a.key() % u'=' % a.value();
        }
        const auto it = first.constFind(key);
        if (it == first.cend()) {
            first.insert(key, i);
            count.insert(i, e.attributes.value(u"mentions"_s, u"1"_s).toInt());
        } else {
            drop[i] = true;
            count[it.value()] += e.attributes.value(u"mentions"_s, u"1"_s).toInt();
            const QMap<QString, QString> attributes = e.attributes; // e may move when entities detaches
            QMap<QString, QString> &kept = entities[it.value()].attributes;
            for (const QString &k : {u"abbreviation"_s, u"expansion"_s}) {
                if (!kept.contains(k) && attributes.contains(k))
                    kept.insert(k, attributes.value(k));
            }
        }
    }
    for (auto it = count.cbegin(); it != count.cend(); ++it) {
        if (it.value() > 1)
            entities[it.key()].attributes.insert(u"mentions"_s, QString::number(it.value()));
    }
    return removeMarked(entities, drop);
}
