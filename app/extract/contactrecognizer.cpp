#include "contactrecognizer.h"

#include "normalizers.h"
#include "textscan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

QString ContactRecognizer::name() const
{
    return u"contacts"_s;
}

void ContactRecognizer::run(const ExtractionContext &context, EntityList &out) const
{
    const DocumentContent &content = context.content;
    const QJsonObject conf = context.rules.object(u"structure"_s, u"confidence"_s);
    const double c = conf.value(u"pattern"_s).toDouble(0.9);

    static const QRegularExpression email(
        uR"((?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\.[A-Za-z0-9\-]{1,63}){0,6}\.[A-Za-z]{2,24}(?![\w]))"_s);
    static const QRegularExpression url(
        uR"((?<![\w@.\-/])(?:https?://|www\.)[^\s<>"'“”]{2,300})"_s, QRegularExpression::CaseInsensitiveOption);
    // North American numbers, with or without +1, and international ones written with +.
    static const QRegularExpression phone(
        uR"((?<![\w\-.$/])(?:(?:\+?1[\s.\-]{1,2})?(?:\(\d{3}\)\h{0,2}|\d{3}[\h.\-‑]{1,2})\d{3}[\h.\-‑]{1,2}\d{4}|\+(?:[2-9]\d{0,2})(?:[ \t\x{a0}.\-]{1,2}\(?\d{1,4}\)?){2,5})(?![\w\-]|\.\d|,\d))"_s);
    static const QRegularExpression faxCue(uR"((?:fax|facsimile|telecopier|telecopy|\bF)\s{0,3}(?:no\.?|number)?\s{0,2}[:.]?\s{0,3}$)"_s,
                                           QRegularExpression::CaseInsensitiveOption);

    for (int p : TextScan::textPages(content)) {
        if (context.cancelled())
            return;
        const QString &text = content.text.pages.at(p);
        for (const TextScan::Window &w : TextScan::pageWindows(content, p)) {
            TextScan::forEachMatch(text, w, email, [&](const QRegularExpressionMatch &m) {
                out.append(context.makeEntity(u"email"_s, {p, int(m.capturedStart()), int(m.capturedEnd())},
                                              m.captured().toLower(), c, u"core.contact.email"_s));
            });
            TextScan::forEachMatch(text, w, url, [&](const QRegularExpressionMatch &m) {
                int s = int(m.capturedStart()), e = int(m.capturedEnd());
                TextScan::trim(text, &s, &e, u".,;:)]}"_s);
                if (e - s < 8)
                    return;
                out.append(context.makeEntity(u"url"_s, {p, s, e}, text.mid(s, e - s), c,
                                              u"core.contact.url"_s));
            });
            TextScan::forEachMatch(text, w, phone, [&](const QRegularExpressionMatch &m) {
                int s = int(m.capturedStart()), e = int(m.capturedEnd());
                TextScan::trim(text, &s, &e);
                const QString value = Normalize::phone(text.mid(s, e - s));
                if (value.isEmpty())
                    return;
                const int from = qMax(0, s - 24);
                const QString before = text.mid(from, s - from);
                const bool fax = faxCue.match(before).hasMatch();
                out.append(context.makeEntity(u"phone"_s, {p, s, e}, value, c - 0.05,
                                              u"core.contact.phone"_s,
                                              {{u"kind"_s, fax ? u"fax"_s : u"tel"_s}}));
            });
        }
    }
}
