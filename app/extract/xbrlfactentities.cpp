#include "xbrlfactentities.h"

#include "document/inlinexbrl.h"
#include "normalizers.h"
#include "model/textlayer.h"

#include <QtCore/QHash>
#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString kType = u"xbrl_fact"_s;

// The magnitude of a plain decimal times 10^power, canonical; empty if not a number.
QString magnitude(QString number, int power)
{
    number = number.trimmed();
    if (number.startsWith(u'-') || number.startsWith(u'+'))
        number = number.mid(1);
    QString error;
    const QString value = InlineXbrl::numericValue(number, {}, QString::number(power), false, &error);
    return error.isEmpty() ? value : QString();
}

int statedPower(const QString &statedIn)
{
    const QString s = statedIn.toLower();
    if (s.startsWith(u"thousand"_s))
        return 3;
    if (s.startsWith(u"million"_s))
        return 6;
    if (s.startsWith(u"billion"_s))
        return 9;
    if (s.startsWith(u"trillion"_s))
        return 12;
    return 0;
}

// The magnitudes a money or percent entity may be tagged as, given the fact's scale.
// An amount with its own scale word ("$385 million") is that amount. One under a
// heading "(in millions)" is scaled by it, or not (per-share columns). A bare table
// number ("$234,412" whose heading was not recognised) is read with the scale the
// filer gave its tag, as a reader of the printed table would.
QStringList candidates(const Entity &e, const QString &factScale)
{
    QStringList out;
    if (e.type == u"money"_s) {
        const qsizetype space = e.value.lastIndexOf(u' ');
        const QString number = space >= 0 ? e.value.mid(space + 1) : e.value;
        QList<int> powers{0};
        if (e.attributes.contains(u"statedIn"_s)) {
            powers.prepend(statedPower(e.attributes.value(u"statedIn"_s)));
        } else if (!e.attributes.contains(u"scale"_s)) {
            bool ok = false;
            const int power = factScale.toInt(&ok);
            if (ok && power != 0 && qAbs(power) <= InlineXbrl::kMaxScale)
                powers.append(power);
        }
        for (int power : std::as_const(powers)) {
            const QString m = magnitude(number, power);
            if (!m.isEmpty())
                out.append(m);
        }
    } else {
        QString number = e.value;
        number.remove(u'%');
        // Filers tag a percentage as a ratio (scale -2), a few as the number shown.
        for (int power : {-2, 0}) {
            const QString m = magnitude(number, power);
            if (!m.isEmpty())
                out.append(m);
        }
    }
    return out;
}

} // namespace

EntityList XbrlFactEntities::facts(const DocumentContent &content)
{
    EntityList out;
    out.reserve(content.xbrlFacts.size());
    // Code points of span offsets, per page (the pages of a long filing are long).
    QHash<int, QList<int>> pairs;
    const auto codePoint = [&](int page, int index) {
        auto it = pairs.find(page);
        if (it == pairs.end()) {
            QList<int> lows;
            const QString &text = content.text.pages.at(page);
            for (int i = 0; i + 1 < text.size(); ++i) {
                if (text.at(i).isHighSurrogate() && text.at(i + 1).isLowSurrogate())
                    lows.append(++i);
            }
            it = pairs.insert(page, lows);
        }
        return index - int(std::lower_bound(it->cbegin(), it->cend(), index) - it->cbegin());
    };
    QSet<QString> ids;
    for (qsizetype i = 0; i < content.xbrlFacts.size(); ++i) {
        const XbrlFact &f = content.xbrlFacts.at(i);
        Entity e;
        e.type = kType;
        e.value = f.value;
        // The filer's own tag, but below the cover-page entities read from the same dei:
        // tags (0.97), so that a click on the registrant's name selects the registrant.
        e.confidence = 0.95;
        e.origin = u"xbrl.fact"_s;
        const SourceSpan &s = f.span;
        const bool placed = s.isValid() && s.length() > 0 && s.page < content.pageCount()
            && s.end <= content.text.pages.at(s.page).size();
        if (placed) {
            e.span = s;
            e.text = content.text.textAt(s);
            e.id = kType + u'@' + QString::number(s.page + 1) + u':'
                + QString::number(codePoint(s.page, s.start)) + u'-' + QString::number(codePoint(s.page, s.end));
        }
        // Nested facts may show the same words: the second gets an id of its own.
        if (!placed || ids.contains(e.id))
            e.id = kType + u"@0:"_s + QString::number(i) + u'-' + QString::number(i);
        ids.insert(e.id);
        QMap<QString, QString> &a = e.attributes;
        a.insert(u"concept"_s, f.concept);
        a.insert(u"context"_s, f.context);
        a.insert(u"period"_s, f.period);
        const auto optional = [&a](const QString &key, const QString &value) {
            if (!value.isEmpty())
                a.insert(key, value);
        };
        optional(u"unit"_s, f.unit);
        optional(u"decimals"_s, f.decimals);
        optional(u"scale"_s, f.scale);
        optional(u"dimensions"_s, f.dimensions);
        optional(u"error"_s, f.error);
        if (f.hidden)
            a.insert(u"hidden"_s, u"true"_s);
        if (f.nil)
            a.insert(u"nil"_s, u"true"_s);
        if (f.length >= 0)
            a.insert(u"length"_s, QString::number(f.length));
        out.append(std::move(e));
    }
    return out;
}

void XbrlFactEntities::reconcile(EntityList &entities, const DocumentContent &content)
{
    // Readable numeric facts shown in the text, per page, by start.
    QHash<int, QList<const XbrlFact *>> byPage;
    for (const XbrlFact &f : content.xbrlFacts) {
        if (f.numeric && !f.nil && f.error.isEmpty() && !f.value.isEmpty() && f.span.isValid()
            && f.span.length() > 0)
            byPage[f.span.page].append(&f);
    }
    if (byPage.isEmpty())
        return;
    int widest = 0;
    for (auto &list : byPage) {
        std::sort(list.begin(), list.end(), [](const XbrlFact *a, const XbrlFact *b) {
            return a->span.start < b->span.start;
        });
        for (const XbrlFact *f : std::as_const(list))
            widest = qMax(widest, f->span.length());
    }
    for (Entity &e : entities) {
        if ((e.type != u"money"_s && e.type != u"percent"_s) || !e.span.isValid())
            continue;
        const auto page = byPage.constFind(e.span.page);
        if (page == byPage.cend())
            continue;
        const QList<const XbrlFact *> &list = page.value();
        // Facts starting before the entity's end and ending after its start.
        auto it = std::lower_bound(list.cbegin(), list.cend(), e.span.start - widest,
                                   [](const XbrlFact *f, int start) { return f->span.start < start; });
        QList<const XbrlFact *> tagged;
        for (; it != list.cend() && (*it)->span.start < e.span.end; ++it) {
            if ((*it)->span.overlaps(e.span))
                tagged.append(*it);
        }
        if (tagged.isEmpty())
            continue;
        bool agrees = false;
        for (const XbrlFact *f : std::as_const(tagged)) {
            if (candidates(e, f->scale).contains(magnitude(f->value, 0)))
                agrees = true;
        }
        e.attributes.insert(u"xbrl"_s, agrees ? u"agrees"_s : u"differs"_s);
        if (!agrees)
            e.attributes.insert(u"xbrlValue"_s, tagged.first()->value);
    }
}

void XbrlFactEntities::addTo(EntityList &entities, const DocumentContent &content, EntityList tagged)
{
    const bool hasCik = std::any_of(entities.cbegin(), entities.cend(),
                                    [](const Entity &e) { return e.type == u"cik"_s; });
    if (!hasCik) {
        for (const DeiFact &f : content.deiFacts) {
            if (f.name != u"EntityCentralIndexKey"_s)
                continue;
            const QString value = Normalize::cik(f.value.trimmed());
            if (value.isEmpty())
                break;
            Entity e;
            e.type = u"cik"_s;
            e.value = value;
            e.confidence = 0.97;
            e.origin = u"core.cover.dei"_s;
            e.attributes.insert(u"hidden"_s, u"true"_s);
            if (f.span.isValid() && f.span.length() > 0 && f.span.page < content.pageCount()
                && f.span.end <= content.text.pages.at(f.span.page).size()) {
                e.span = f.span;
                e.text = content.text.textAt(f.span);
                e.id = Entity::makeId(e.type, e.span, content.text.pages.at(f.span.page));
                e.attributes.remove(u"hidden"_s);
            } else {
                e.id = u"cik@0:0-0"_s;
            }
            entities.append(e);
            break;
        }
    }
    if (content.xbrlFacts.isEmpty())
        return;
    reconcile(entities, content);
    // Document order, as the extractor gives it; entities without a span last. The
    // entities are in that order already (but for a cik added above) and so are most
    // facts: each list is sorted on its own, then the facts are merged in (the result is
    // that of one stable sort of both, entities first among equals).
    const auto before = [](const Entity &a, const Entity &b) {
        const bool pa = a.span.isValid(), pb = b.span.isValid();
        if (pa != pb)
            return pa;
        return pa && a.span < b.span;
    };
    if (!std::is_sorted(entities.cbegin(), entities.cend(), before))
        std::stable_sort(entities.begin(), entities.end(), before);
    if (!std::is_sorted(tagged.cbegin(), tagged.cend(), before))
        std::stable_sort(tagged.begin(), tagged.end(), before);
    const qsizetype middle = entities.size();
    entities.append(std::move(tagged));
    std::inplace_merge(entities.begin(), entities.begin() + middle, entities.end(), before);
}
