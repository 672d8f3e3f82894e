#include "coverpagerecognizer.h"

#include "normalizers.h"
#include "textscan.h"

#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using TextScan::Window;

namespace {

const auto S = u"structure"_s;
constexpr int MaxRegistrantTableLines = 160;

const QRegularExpression &formPattern()
{
    static const QRegularExpression re(
        uR"(\bFORM\s{1,4}(\d{1,2}\s?-\s?[A-Z]{1,3}(?:\d{3})?(?:\s?/\s?A)?)(?![\w-]))"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &datePattern()
{
    static const QRegularExpression re(
        uR"((?<![\w])(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?\s{0,2},?\s{0,3}\d{4}|\d{1,2}/\d{1,2}/\d{4})(?![\w]))"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &fileNumberPattern()
{
    // "0-10030", "001-36743", "333-98553", "1-416". Two digits, a dash and six or seven
    // more is the shape of an IRS employer number ("13-3124057", or one printed a digit
    // short), never a file number: file numbers of two-digit series have five digits.
    static const QRegularExpression re(uR"((?<![\w\-./])(?<!\)\h)(?!\d{2}\s?[-‑–]\s?\d{6,7}(?!\d))\d{1,3}\s?[-‑–]\s?\d{3,6}(?:-\d{1,3})?(?![\w\-‑–/]))"_s);
    return re;
}

const QRegularExpression &irsPattern()
{
    static const QRegularExpression re(uR"((?<![\w\-./])\d{2}\s?[-‑–]\s?\d{7}(?![\w\-‑–/]))"_s);
    return re;
}

// The caption of a combined filing's registrant table.
const QRegularExpression &registrantTablePattern()
{
    static const QRegularExpression re(
        uR"(Registrants?,?\s+(?:State\s+of\s+Incorporation|Address)[\s\S]{0,120}?Telephone\s+Number)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &phonePattern()
{
    // North American numbers, and international ones written with their "+" code.
    static const QRegularExpression re(
        uR"((?<![\w\-])(?:(?:\+?1[\s.\-]{1,2})?(?:\(\d{3}\)\s{0,2}|\d{3}[\s.\-‑]{1,2})\d{3}[\s.\-‑]{1,2}\d{4}|\+[2-9]\d{0,2}(?:[\h.\-]{1,2}\(?\d{1,8}\)?){1,5})(?![\w\-]))"_s);
    return re;
}

struct Cover
{
    QList<Window> windows;
    bool hasHeading = false; // found by its "FORM 8-K" heading, not assumed
};

// The cover: from a little before the first "FORM 8-K" of the primary document,
// about two pages of text; the next page too when the cover continues there.
Cover findCover(const DocumentContent &content)
{
    Cover cover;
    const QList<int> pages = TextScan::mainPages(content);
    const int scanPages = qMin(int(pages.size()), 3);
    for (int i = 0; i < scanPages; ++i) {
        const QString &text = content.text.pages.at(pages.at(i));
        const QRegularExpressionMatch m = formPattern().match(
            text.left(TextScan::MaxScanChars));
        if (!m.hasMatch())
            continue;
        const int start = qMax(0, int(m.capturedStart()) - 1500);
        int end = qMin(int(text.size()), int(m.capturedStart()) + 12000);
        // The cover ends where the first item (or the table of contents) begins.
        static const QRegularExpression firstItem(uR"((?m)^\h{0,12}(?:ITEM|Item)\h{1,4}\d)"_s);
        const QRegularExpressionMatch im = firstItem.match(text.left(end), int(m.capturedEnd()) + 200);
        if (im.hasMatch())
            end = int(im.capturedStart());
        cover.windows.append({pages.at(i), start, end});
        cover.hasHeading = true;
        if (text.size() - m.capturedStart() < 4000 && i + 1 < pages.size()) {
            const int next = pages.at(i + 1);
            cover.windows.append({next, 0, qMin(int(content.text.pages.at(next).size()), 8000)});
        }
        return cover;
    }
    if (!pages.isEmpty()) {
        const int p = pages.first();
        cover.windows.append({p, 0, qMin(int(content.text.pages.at(p).size()), 12000)});
    }
    return cover;
}

struct Hit
{
    int page = -1;
    int start = 0;
    int end = 0;
};

// Distance from the label to a value; values after the label pay `afterPenalty`,
// values before it `beforePenalty` (layouts put values above or below their labels).
int distance(const Hit &label, const Hit &value, int beforePenalty, int afterPenalty)
{
    if (value.end <= label.start)
        return label.start - value.end + beforePenalty;
    if (value.start >= label.end)
        return value.start - label.end + afterPenalty;
    return 1 << 20;
}

class CoverScan
{
public:
    CoverScan(const ExtractionContext &context, const Cover &cover)
        : m_context(context), m_cover(cover)
    {
    }

    const QString &page(int p) const { return m_context.content.text.pages.at(p); }

    QList<Hit> labels(const QString &field) const
    {
        QList<Hit> out;
        const QString pattern = m_context.rules.object(S, u"coverLabels"_s).value(field).toString();
        if (pattern.isEmpty())
            return out;
        const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
        for (const Window &w : m_cover.windows) {
            TextScan::forEachMatch(page(w.page), w, re, [&](const QRegularExpressionMatch &m) {
                out.append({w.page, int(m.capturedStart()), int(m.capturedEnd())});
            });
        }
        return out;
    }

    // The value matching re nearest to any of the labels, within reach characters.
    bool nearest(const QList<Hit> &labelHits, const QRegularExpression &re, int reach,
                 int beforePenalty, int afterPenalty, Hit *best,
                 const std::function<bool(const Hit &)> &accept = {}) const
    {
        int bestDistance = 1 << 20;
        for (const Hit &l : labelHits) {
            const QString &text = page(l.page);
            const Window w{l.page, qMax(0, l.start - reach), qMin(int(text.size()), l.end + reach)};
            TextScan::forEachMatch(text, w, re, [&](const QRegularExpressionMatch &m) {
                const Hit v{l.page, int(m.capturedStart()), int(m.capturedEnd())};
                if (v.end > w.end)
                    return;
                const int d = distance(l, v, beforePenalty, afterPenalty);
                if (d < bestDistance && (!accept || accept(v))) {
                    bestDistance = d;
                    *best = v;
                }
            });
        }
        return bestDistance < (1 << 20);
    }

    // First match of re anywhere on the cover.
    bool first(const QRegularExpression &re, Hit *hit) const
    {
        for (const Window &w : m_cover.windows) {
            bool found = false;
            TextScan::forEachMatch(page(w.page), w, re, [&](const QRegularExpressionMatch &m) {
                if (!found) {
                    *hit = {w.page, int(m.capturedStart()), int(m.capturedEnd())};
                    found = true;
                }
            });
            if (found)
                return true;
        }
        return false;
    }

    const QList<Window> &windows() const { return m_cover.windows; }

private:
    const ExtractionContext &m_context;
    const Cover &m_cover;
};

// Blank, or only the rule drawn under a value ("-------", "_____").
bool isBlank(const QString &s)
{
    for (const QChar c : s) {
        if (!c.isSpace() && c != QChar(0xa0) && c != u'_' && c != u'-' && c != u'=' && c != QChar(0x2014))
            return false;
    }
    return true;
}

// Same value, written differently: "000-10030" and "0-10030", "APPLE COMPUTER INC"
// and "Apple Computer, Inc.".
bool sameValue(const QString &type, const QString &a, const QString &b)
{
    if (a == b)
        return true;
    if (type == u"commission_file_number"_s) {
        static const QRegularExpression zeros(uR"((^|-)0+(?=\d))"_s);
        return QString(a).replace(zeros, u"\\1"_s) == QString(b).replace(zeros, u"\\1"_s);
    }
    if (type == u"registrant_address"_s) {
        // "1 INFINITE LOOP, CUPERTINO, CA 95014" and "1 Infinite Loop, Cupertino, California 95014":
        // most words shared (a state's code and name both count).
        auto words = [](const QString &s) {
            QSet<QString> w;
            for (const QString &x : TextScan::fold(s).split(u' ', Qt::SkipEmptyParts))
                w.insert(x);
            return w;
        };
        const QSet<QString> wa = words(a), wb = words(b);
        const qsizetype common = QSet<QString>(wa).intersect(wb).size();
        return !wa.isEmpty() && !wb.isEmpty() && common * 10 >= qMin(wa.size(), wb.size()) * 7;
    }
    // Legal suffixes abbreviated or not: "AAMES CAPITAL CORP" is "Aames Capital Corporation";
    // EDGAR's state tag ("1895 Bancorp of Wisconsin, Inc. /MD/") is no part of the name.
    static const QList<std::pair<QString, QString>> abbreviations{
        {u" corporation"_s, u" corp"_s}, {u" incorporated"_s, u" inc"_s},
        {u" company"_s, u" co"_s}, {u" limited"_s, u" ltd"_s}};
    static const QRegularExpression stateTag(uR"(\s*/[A-Z]{2}/\s*$)"_s);
    QString fa = u' ' + TextScan::fold(QString(a).remove(stateTag)) + u' ';
    QString fb = u' ' + TextScan::fold(QString(b).remove(stateTag)) + u' ';
    for (const auto &[longForm, shortForm] : abbreviations) {
        fa.replace(longForm + u' ', shortForm + u' ');
        fb.replace(longForm + u' ', shortForm + u' ');
    }
    return fa == fb;
}

// A line holding a cover label (or only a label's tail), not a value.
bool looksLikeLabel(const QString &line)
{
    static const QRegularExpression re(
        uR"(^\s*\(|\)\s*$|Identification|File\s+N|incorporation|organization\)|Employer|jurisdiction|Date\s+of|specified\s+in|Zip\s+Code|telephone)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(line).hasMatch();
}

} // namespace

QString CoverPageRecognizer::name() const
{
    return u"cover page"_s;
}

void CoverPageRecognizer::run(const ExtractionContext &context, EntityList &out) const
{
    const DocumentContent &content = context.content;
    const RuleSet &rules = context.rules;
    if (content.pageCount() == 0)
        return;
    const QJsonObject conf = rules.object(S, u"confidence"_s);
    auto confidence = [&](const QString &key, double fallback) {
        return conf.value(key).toDouble(fallback);
    };
    const double cHeader = confidence(u"header"_s, 0.99);
    const QJsonObject stateCodes = rules.object(S, u"stateCodes"_s);

    EntityList found;
    auto add = [&](const QString &type, const Hit &h, const QString &value, double c,
                   const QString &origin, const QMap<QString, QString> &attrs = {}) {
        if (h.page < 0 || h.end <= h.start || value.isEmpty())
            return;
        found.append(context.makeEntity(type, {h.page, h.start, h.end}, value, c, origin, attrs));
    };

    // Header values, normalized, by entity type.
    QMap<QString, QString> headerValue;
    QMap<QString, SourceSpan> headerSpan;
    auto fromHeader = [&](const QString &key, const QString &type,
                          const std::function<QString(const QString &)> &norm) {
        const auto it = content.header.constFind(key);
        if (it == content.header.constEnd() || it->value.trimmed().isEmpty())
            return;
        const QString v = norm(it->value.trimmed());
        if (v.isEmpty())
            return;
        headerValue.insert(type, v);
        headerSpan.insert(type, it->span);
    };
    fromHeader(u"form_type"_s, u"form_type"_s, Normalize::formType);
    fromHeader(u"period_of_report"_s, u"report_date"_s, Normalize::date);
    fromHeader(u"company_name"_s, u"registrant"_s, Normalize::spaces);
    fromHeader(u"cik"_s, u"cik"_s, Normalize::cik);
    fromHeader(u"state_of_incorporation"_s, u"state_of_incorporation"_s,
               [&](const QString &s) { return Normalize::state(s, stateCodes); });
    fromHeader(u"file_number"_s, u"commission_file_number"_s, Normalize::fileNumber);
    fromHeader(u"irs_number"_s, u"irs_employer_id"_s, Normalize::irsNumber);
    fromHeader(u"business_address"_s, u"registrant_address"_s, Normalize::spaces);
    fromHeader(u"business_phone"_s, u"registrant_phone"_s, Normalize::phone);

    // Inline XBRL dei facts shown in the document.
    const double cDei = confidence(u"dei"_s, 0.97);
    QMap<QString, DeiFact> dei;
    for (const DeiFact &f : content.deiFacts) {
        if (f.span.isValid() && f.span.page < content.pageCount() && !dei.contains(f.name))
            dei.insert(f.name, f);
    }
    auto deiHit = [](const DeiFact &f) { return Hit{f.span.page, f.span.start, f.span.end}; };
    auto deiText = [&](const DeiFact &f) { return content.text.textAt(f.span); };
    const QList<std::pair<QString, QString>> deiSimple{
        {u"DocumentType"_s, u"form_type"_s},
        {u"DocumentPeriodEndDate"_s, u"report_date"_s},
        {u"EntityRegistrantName"_s, u"registrant"_s},
        {u"EntityCentralIndexKey"_s, u"cik"_s},
        {u"EntityIncorporationStateCountryCode"_s, u"state_of_incorporation"_s},
        {u"EntityFileNumber"_s, u"commission_file_number"_s},
        {u"EntityTaxIdentificationNumber"_s, u"irs_employer_id"_s},
    };
    auto normalizeField = [&](const QString &type, const QString &text) -> QString {
        if (type == u"form_type"_s)
            return Normalize::formType(text);
        if (type == u"report_date"_s)
            return Normalize::date(text);
        if (type == u"cik"_s)
            return Normalize::cik(text);
        if (type == u"state_of_incorporation"_s)
            return Normalize::state(text, stateCodes);
        if (type == u"commission_file_number"_s)
            return Normalize::fileNumber(text);
        if (type == u"irs_employer_id"_s)
            return Normalize::irsNumber(text);
        if (type == u"registrant_phone"_s)
            return Normalize::phone(text);
        if (type == u"ticker"_s)
            return Normalize::spaces(text).toUpper();
        return Normalize::spaces(text);
    };
    for (const auto &[fact, type] : deiSimple) {
        if (dei.contains(fact))
            add(type, deiHit(dei.value(fact)), normalizeField(type, deiText(dei.value(fact))), cDei,
                u"core.cover.dei"_s);
    }
    for (const DeiFact &f : content.deiFacts) {
        static const QRegularExpression symbol(uR"(^[A-Za-z][A-Za-z0-9. ]{0,11}$)"_s);
        if (f.name == u"TradingSymbol"_s && f.span.isValid() && f.span.page < content.pageCount()
            && symbol.match(Normalize::spaces(deiText(f))).hasMatch())
            add(u"ticker"_s, deiHit(f), normalizeField(u"ticker"_s, deiText(f)), cDei, u"core.cover.dei"_s);
    }
    // Address and phone are split over several facts; one entity when they sit together.
    auto spanOf = [&](const QStringList &first, const QStringList &last, Hit *h) {
        QString a;
        for (const QString &n : first) {
            if (dei.contains(n)) {
                a = n;
                break;
            }
        }
        QString b;
        for (const QString &n : last) {
            if (dei.contains(n)) {
                b = n;
                break;
            }
        }
        if (a.isEmpty() || b.isEmpty())
            return false;
        const SourceSpan sa = dei.value(a).span, sb = dei.value(b).span;
        if (sa.page != sb.page || sb.end <= sa.start || sb.end - sa.start > 400)
            return false;
        *h = {sa.page, sa.start, sb.end};
        return true;
    };
    {
        Hit h;
        const QStringList firsts{u"EntityAddressAddressLine1"_s, u"EntityAddressCityOrTown"_s};
        if (dei.contains(u"EntityAddressAddressLine1"_s)
            && spanOf(firsts,
                      {u"EntityAddressPostalZipCode"_s, u"EntityAddressStateOrProvince"_s,
                       u"EntityAddressCityOrTown"_s},
                      &h))
            add(u"registrant_address"_s, h,
                Normalize::spaces(context.content.text.textAt({h.page, h.start, h.end})), cDei,
                u"core.cover.dei"_s);
        if (dei.contains(u"CityAreaCode"_s)
            && spanOf({u"CityAreaCode"_s}, {u"LocalPhoneNumber"_s}, &h))
            add(u"registrant_phone"_s, h,
                Normalize::phone(context.content.text.textAt({h.page, h.start, h.end})), cDei,
                u"core.cover.dei"_s);
    }

    const Cover cover = findCover(content);
    const CoverScan scan(context, cover);
    const double cLabel = confidence(u"label"_s, 0.9);
    const double cCover = confidence(u"cover"_s, 0.85);

    // Form type: the cover's heading.
    {
        Hit h;
        for (const Window &w : scan.windows()) {
            const QString &text = scan.page(w.page);
            const QRegularExpressionMatch m = formPattern().match(text.mid(w.start, w.end - w.start));
            if (m.hasMatch()) {
                h = {w.page, w.start + int(m.capturedStart(1)), w.start + int(m.capturedEnd(1))};
                add(u"form_type"_s, h, Normalize::formType(m.captured(1)), cLabel, u"core.cover.form"_s);
                break;
            }
        }
    }

    // Date of report, or the period end of a periodic report.
    {
        Hit h;
        QList<Hit> labels = scan.labels(u"report_date"_s);
        labels += scan.labels(u"period_end"_s);
        // Only a date that reads as one ("March 21,2003" does; a date cut by a line does not).
        auto readable = [&](const Hit &v) {
            return !Normalize::date(scan.page(v.page).mid(v.start, v.end - v.start)).isEmpty();
        };
        if (scan.nearest(labels, datePattern(), 300, 25, 0, &h, readable))
            add(u"report_date"_s, h,
                Normalize::date(scan.page(h.page).mid(h.start, h.end - h.start)), cLabel,
                u"core.cover.report_date"_s);
    }

    QStringList stateTerms;
    for (auto it = stateCodes.begin(); it != stateCodes.end(); ++it)
        stateTerms.append(it.value().toString());
    stateTerms += rules.strings(S, u"jurisdictions"_s);
    const QRegularExpression statesRe = TextScan::alternation(stateTerms, false);
    // A line that is only a state or country ("Delaware", "DELAWARE").
    auto isJurisdiction = [&](const QString &line) {
        static const QRegularExpression trailing(uR"([.,;:]$)"_s);
        const QString t = Normalize::spaces(line).remove(trailing);
        const QRegularExpressionMatch m = statesRe.match(t);
        return m.hasMatch() && m.capturedStart() == 0 && m.capturedLength() == t.size();
    };

    // Registrant: the line above "(Exact name of registrant ...)", or below it.
    for (const Hit &l : scan.labels(u"registrant"_s)) {
        const QString &text = scan.page(l.page);
        int start = l.start;
        while (start > 0 && text.at(start - 1) != u'\n' && text.at(start - 1) != u'(' )
            --start;
        // The label may share its line with the name ("ImmunoGen, Inc. (Exact name ...").
        int s = start, e = l.start;
        TextScan::trim(text, &s, &e, u"(:"_s);
        if (e <= s) {
            // Previous non-empty line: table layouts leave many empty lines between a value and its caption.
            int pos = start - 1;
            for (int guard = 0; guard < 16 && pos > 0 && start - pos < 600; ++guard) {
                const Window line = TextScan::lineAt(text, l.page, pos);
                const QString lt = text.mid(line.start, line.end - line.start);
                if (!isBlank(lt)) {
                    s = line.start;
                    e = line.end;
                    if (looksLikeLabel(lt) || datePattern().match(lt).hasMatch())
                        e = s;
                    break;
                }
                pos = line.start - 1;
            }
            TextScan::trim(text, &s, &e, u"(:"_s);
        }
        if (e <= s) {
            // Label first, then the name on the next non-empty line.
            int pos = int(text.indexOf(u'\n', l.end));
            for (int guard = 0; guard < 4 && pos >= 0 && pos < text.size(); ++guard) {
                const Window line = TextScan::lineAt(text, l.page, pos + 1);
                const QString lt = text.mid(line.start, line.end - line.start);
                if (!isBlank(lt)) {
                    // Below the caption comes the state of incorporation in many layouts:
                    // a state is never the registrant's name.
                    if (!looksLikeLabel(lt) && !isJurisdiction(lt)) {
                        s = line.start;
                        e = line.end;
                    }
                    break;
                }
                pos = line.end;
            }
            TextScan::trim(text, &s, &e, u"(:"_s);
        }
        if (e > s && e - s < 200) {
            const QString value = Normalize::spaces(text.mid(s, e - s));
            double c = cLabel;
            if (headerValue.contains(u"registrant"_s)
                && TextScan::fold(headerValue.value(u"registrant"_s)) == TextScan::fold(value))
                c = cHeader;
            add(u"registrant"_s, {l.page, s, e}, value, c, u"core.cover.registrant"_s);
        }
    }

    auto foundType = [&](const QString &type) {
        return std::any_of(found.begin(), found.end(), [&](const Entity &e) { return e.type == type; });
    };
    // Where the cover's own heading starts: the Commission's address above it is no value.
    int headingAt = -1;
    if (cover.hasHeading && !scan.windows().isEmpty()) {
        const Window &w = scan.windows().first();
        const QRegularExpressionMatch m = formPattern().match(scan.page(w.page), w.start);
        if (m.hasMatch())
            headingAt = int(m.capturedEnd());
    }
    auto lineText = [&](const QString &text, const Window &line) {
        return text.mid(line.start, line.end - line.start);
    };

    // Covers without the "(Exact name of registrant ...)" caption (the 10-K of many large
    // filers): the name is the first line after the commission file number, or after
    // the period the report covers.
    Hit tableHit;
    const bool registrantTable = scan.first(registrantTablePattern(), &tableHit);
    if (!foundType(u"registrant"_s) && headingAt >= 0 && !registrantTable
        && scan.labels(u"registrant"_s).isEmpty()) {
        QList<Hit> anchors = scan.labels(u"commission_file_number"_s);
        if (anchors.isEmpty())
            anchors = scan.labels(u"period_end"_s);
        static const QRegularExpression notAName(
            uR"(\(|\bREPORT\b|Pursuant|Securities|Indicate|Title\s+of|For\s+the|Transition|^\s*OR\s*$|^\W*$)"_s,
            QRegularExpression::CaseInsensitiveOption);
        if (!anchors.isEmpty()) {
            const Hit &a = anchors.first();
            const QString &text = scan.page(a.page);
            int pos = int(text.indexOf(u'\n', a.end));
            for (int lines = 0; lines < 4 && pos >= 0 && pos + 1 < text.size();) {
                const Window line = TextScan::lineAt(text, a.page, pos + 1);
                pos = line.end;
                const QString lt = lineText(text, line);
                if (isBlank(lt))
                    continue;
                ++lines;
                const QString t = Normalize::spaces(lt);
                // The label's own value on the next line ("1-2189").
                if (fileNumberPattern().match(t).hasMatch() && t.size() < 20)
                    continue;
                const bool name = t.size() < 120 && !t.at(0).isDigit() && !looksLikeLabel(lt)
                    && !notAName.match(t).hasMatch() && !datePattern().match(t).hasMatch()
                    && !isJurisdiction(t) && !phonePattern().match(t).hasMatch();
                if (name) {
                    int s = line.start, e = line.end;
                    TextScan::trim(text, &s, &e);
                    add(u"registrant"_s, {a.page, s, e}, t, cCover, u"core.cover.registrant"_s);
                }
                break;
            }
        }
    }

    // Values recognized by their shape near their label.
    struct Shaped
    {
        QString type;
        QRegularExpression re;
        int reach, before, after;
        std::function<QString(const QString &)> norm;
    };
    const QList<Shaped> shaped{
        {u"state_of_incorporation"_s, statesRe, 400, 0, 30,
         [&](const QString &s) { return Normalize::state(s, stateCodes); }},
        {u"commission_file_number"_s, fileNumberPattern(), 300, 0, 10, Normalize::fileNumber},
        {u"irs_employer_id"_s, irsPattern(), 400, 0, 10, Normalize::irsNumber},
        {u"registrant_phone"_s, phonePattern(), 300, 20, 0, Normalize::phone},
    };
    for (const Shaped &f : shaped) {
        Hit h;
        const QList<Hit> labels = scan.labels(f.type);
        bool ok = scan.nearest(labels, f.re, f.reach, f.before, f.after, &h);
        double c = cLabel;
        if (!ok && labels.isEmpty() && cover.hasHeading && f.type != u"state_of_incorporation"_s
            && f.type != u"registrant_phone"_s) {
            ok = scan.first(f.re, &h);
            c = cCover;
        }
        if (!ok)
            continue;
        const QString value = f.norm(scan.page(h.page).mid(h.start, h.end - h.start));
        if (headerValue.value(f.type) == value)
            c = cHeader;
        add(f.type, h, value, c, u"core.cover."_s + f.type);
    }

    // No state label: "An Illinois Corporation", "(A Delaware corporation)" on the cover.
    if (!foundType(u"state_of_incorporation"_s) && headingAt >= 0) {
        static const QRegularExpression form(
            uR"(\b(?:an?|a)\h+([A-Z][A-Za-z. ]{2,30}?)\h+(?:corporation|company|limited\h+liability\h+company|limited\h+partnership|business\h+trust)\b)"_s,
            QRegularExpression::CaseInsensitiveOption);
        for (const Window &w : scan.windows()) {
            const QString &text = scan.page(w.page);
            bool done = false;
            const int from = w.page == scan.windows().first().page ? qMax(w.start, headingAt) : w.start;
            auto it = form.globalMatch(text.left(w.end), from);
            while (it.hasNext() && !done) {
                const QRegularExpressionMatch m = it.next();
                if (!isJurisdiction(m.captured(1)))
                    continue;
                add(u"state_of_incorporation"_s, {w.page, int(m.capturedStart(1)), int(m.capturedEnd(1))},
                    Normalize::state(m.captured(1), stateCodes), cCover, u"core.cover.state_of_incorporation"_s);
                done = true;
            }
            if (done)
                break;
        }
    }

    // Address: the lines above "(Address of principal executive offices)" back to the
    // previous label, or the line below it.
    for (const Hit &l : scan.labels(u"registrant_address"_s)) {
        // "Name of Registrant, Address of Principal Executive Offices and Telephone Number"
        // heads a combined filing's table: its values are read with the table below.
        if (registrantTable && l.page == tableHit.page && l.start < tableHit.end && l.end > tableHit.start)
            continue;
        const QString &text = scan.page(l.page);
        int s = l.start, e = l.start;
        int pos = l.start;
        // Up to six lines: HTML covers break an address at each of its cells
        // ("300 Crescent Court" / ", Suite 700" / "Dallas" / ", Texas" / "75201").
        for (int lines = 0; lines < 6 && pos > 0;) {
            const Window line = TextScan::lineAt(text, l.page, pos - 1);
            const int lineEnd = qMin(line.end, e);
            const QString lt = text.mid(line.start, lineEnd - line.start);
            if (line.start >= pos) {
                break;
            }
            if (!isBlank(lt)) {
                // Stop at the previous label; keep a value that shares its line ("04-... (IRS ...)").
                const int close = int(qMax(lt.lastIndexOf(u')'), lt.lastIndexOf(u']')));
                if (close >= 0 || looksLikeLabel(lt)) {
                    if (close >= 0)
                        s = line.start + close + 1;
                    break;
                }
                s = line.start;
                ++lines;
            }
            pos = line.start;
        }
        TextScan::trim(text, &s, &e, u",([:-_=\u2014"_s);
        if (e <= s) {
            const Window line = TextScan::lineAt(text, l.page, int(text.indexOf(u'\n', l.end)) + 1);
            if (text.indexOf(u'\n', l.end) >= 0) {
                s = line.start;
                e = line.end;
                const QString lt = text.mid(s, e - s);
                if (looksLikeLabel(lt))
                    e = s;
                TextScan::trim(text, &s, &e, u",(:"_s);
            }
        }
        if (e > s && e - s < 300) {
            QString value = Normalize::spaces(text.mid(s, e - s));
            value.remove(u"(Zip Code)"_s, Qt::CaseInsensitive);
            value.replace(u" ,"_s, u","_s); // a comma that began the next cell
            add(u"registrant_address"_s, {l.page, s, e}, Normalize::spaces(value), cLabel,
                u"core.cover.address"_s);
        }
    }

    // Combined filings list their registrants in one table ("Commission File Number |
    // Registrant, State of Incorporation, Address and Telephone Number | IRS Employer
    // Identification No."), then a block of lines per registrant.
    {
        const QRegularExpression &tableLabel = registrantTablePattern();
        static const QRegularExpression itemStart(uR"(^(?:ITEM|Item)\h{1,4}\d)"_s);
        const QRegularExpression &states = statesRe;
        auto whole = [](const QRegularExpression &re, const QString &t) {
            const QRegularExpressionMatch m = re.match(t);
            return m.hasMatch() && m.capturedStart() == 0 && m.capturedLength() == t.size();
        };
        Hit l;
        if (scan.first(tableLabel, &l)) {
            const QString &text = scan.page(l.page);
            int pos = int(text.indexOf(u'\n', l.end));
            const int idn = int(text.indexOf(u"Identification"_s, l.end, Qt::CaseInsensitive));
            if (idn >= 0 && idn - l.end < 200)
                pos = int(text.indexOf(u'\n', idn));
            enum class State { Outside, Name, Body } state = State::Outside;
            Hit address;
            auto flushAddress = [&] {
                if (address.page >= 0) {
                    add(u"registrant_address"_s, address,
                        Normalize::spaces(text.mid(address.start, address.end - address.start)), cLabel,
                        u"core.cover.address"_s);
                }
                address = Hit();
            };
            // Utility holding companies list six registrants and more, about eight lines each.
            for (int i = 0; i < MaxRegistrantTableLines && pos >= 0 && pos < text.size(); ++i) {
                const Window line = TextScan::lineAt(text, l.page, pos + 1);
                pos = line.end;
                int ls = line.start, le = line.end;
                TextScan::trim(text, &ls, &le);
                if (le <= ls)
                    continue;
                const QString row = text.mid(ls, le - ls);
                if (row.size() > 160 || itemStart.match(row).hasMatch())
                    break;
                // Plain-text tables put a registrant's file number, name and IRS number on
                // one line, in columns apart by runs of spaces or tabs: one cell at a time.
                static const QRegularExpression gap(uR"(\t|\h{3,})"_s);
                QList<std::pair<int, int>> cells;
                {
                    int from = ls;
                    auto it = gap.globalMatch(QStringView(text).mid(ls, le - ls));
                    while (it.hasNext()) {
                        const QRegularExpressionMatch gm = it.next();
                        cells.append({from, ls + int(gm.capturedStart())});
                        from = ls + int(gm.capturedEnd());
                    }
                    cells.append({from, le});
                }
                for (const auto &[cs, ce] : std::as_const(cells)) {
                    int s = cs, e = ce;
                    TextScan::trim(text, &s, &e);
                    if (e <= s)
                        continue;
                    const QString t = text.mid(s, e - s);
                    const Hit h{l.page, s, e};
                    if (whole(fileNumberPattern(), t)) {
                        flushAddress();
                        add(u"commission_file_number"_s, h, Normalize::fileNumber(t), cLabel, u"core.cover.table"_s);
                        state = State::Name;
                    } else if (whole(irsPattern(), t)) {
                        add(u"irs_employer_id"_s, h, Normalize::irsNumber(t), cLabel, u"core.cover.table"_s);
                    } else if (whole(phonePattern(), t)) {
                        flushAddress();
                        add(u"registrant_phone"_s, h, Normalize::phone(t), cLabel, u"core.cover.table"_s);
                        state = State::Outside;
                    } else if (state != State::Name && isJurisdiction(t)) {
                        // A column of its own: "Missouri" after the registrant's telephone number.
                        add(u"state_of_incorporation"_s, h, Normalize::state(t, stateCodes), cLabel,
                            u"core.cover.table"_s);
                    } else if (state == State::Name) {
                        add(u"registrant"_s, h, Normalize::spaces(t), cLabel, u"core.cover.table"_s);
                        state = State::Body;
                    } else if (state == State::Body) {
                        if (t.startsWith(u'(')) {
                            // "(A Kentucky Corporation)": the first state named is where it was incorporated.
                            const QRegularExpressionMatch sm = states.match(t);
                            if (sm.hasMatch())
                                add(u"state_of_incorporation"_s,
                                    {l.page, s + int(sm.capturedStart()), s + int(sm.capturedEnd())},
                                    Normalize::state(sm.captured(), stateCodes), cLabel, u"core.cover.table"_s);
                        } else if (address.page < 0) {
                            address = h;
                        } else {
                            address.end = e;
                        }
                    }
                }
            }
            flushAddress();
        }
    }

    // No address label: the "City, State ZIP" line after the heading, with the street
    // line above it ("100 Abbott Park Road" / "Abbott Park, Illinois 60064-6400").
    if (!foundType(u"registrant_address"_s) && headingAt >= 0 && !registrantTable
        && scan.labels(u"registrant_address"_s).isEmpty()) {
        const QString states = u"(?:"_s + statesRe.pattern() + u"|[A-Z]{2})"_s;
        const QRegularExpression cityLine(
            u"(?m)^\\h*[A-Za-z][^\\n()]{1,60}?,\\h*"_s + states + uR"(\.?,?\h+\d{5}(?:-\d{4})?\h*$)"_s);
        static const QRegularExpression street(
            uR"(^\s*\d|\b(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.?|Drive|Way|Lane|Plaza|Place|Parkway|Suite|Box|Center|Centre|Court|Square|Floor)\b)"_s,
            QRegularExpression::CaseInsensitiveOption);
        const Window &w = scan.windows().first();
        const QString &text = scan.page(w.page);
        const QRegularExpressionMatch m = cityLine.match(text.left(w.end), headingAt);
        if (m.hasMatch()) {
            int s = int(m.capturedStart()), e = int(m.capturedEnd());
            // The street line above, when there is one.
            int pos = s - 1;
            for (int guard = 0; guard < 4 && pos > 0; ++guard) {
                const Window line = TextScan::lineAt(text, w.page, pos);
                const QString lt = lineText(text, line);
                if (!isBlank(lt)) {
                    if (street.match(lt).hasMatch() && !looksLikeLabel(lt) && !lt.contains(u'(')
                        && line.start >= headingAt)
                        s = line.start;
                    break;
                }
                pos = line.start - 1;
            }
            TextScan::trim(text, &s, &e);
            add(u"registrant_address"_s, {w.page, s, e}, Normalize::spaces(text.mid(s, e - s)), cCover,
                u"core.cover.address"_s);
        }
    }

    // Tickers: the "Trading Symbol(s)" column of the securities table.
    {
        QSet<QString> stop;
        for (const QString &w : rules.strings(S, u"tickerStopWords"_s))
            stop.insert(w);
        static const QRegularExpression token(uR"((?<![\w.$\-/&'’])(?<!Series\h)(?<!SERIES\h)[A-Z][A-Z0-9]{0,6}(?:\.[A-Z]{1,2}|\h(?:WS|RT|WT|U|W|PR(?:\h[A-Z]{1,2})?)(?=\s))?(?![\w\-/&'’]|\.\w))"_s);
        static const QRegularExpression end(
            uR"(Indicate\s+by\s+check|Securities\s+registered\s+pursuant\s+to\s+Section\s+12\(g\)|\bItem\s+\d|\bITEM\s+\d|\n\s*\n\s*\n|\n[^\n\t]{100}|\nAs\s+of\s)"_s);
        for (const Hit &l : scan.labels(u"ticker"_s)) {
            const QString &text = scan.page(l.page);
            int stopAt = qMin(int(text.size()), l.end + 1200);
            const QRegularExpressionMatch em = end.match(text.mid(l.end, stopAt - l.end));
            if (em.hasMatch())
                stopAt = l.end + int(em.capturedStart());
            TextScan::forEachMatch(text, {l.page, l.end, stopAt}, token,
                                   [&](const QRegularExpressionMatch &m) {
                if (m.capturedEnd() > stopAt || stop.contains(m.captured()))
                    return;
                add(u"ticker"_s, {l.page, int(m.capturedStart()), int(m.capturedEnd())},
                    m.captured(), cLabel, u"core.cover.ticker"_s);
            });
        }
    }

    // "(Nasdaq: IMGN)" anywhere in the filing text, after the registrant's name: a
    // press release also quotes the symbols of partners and competitors.
    {
        QStringList names;
        for (const Entity &e : std::as_const(found)) {
            if (e.type == u"registrant"_s) {
                const QString first = TextScan::fold(e.value).section(u' ', 0, 0);
                if (first.size() >= 3 && first != u"the"_s)
                    names.append(first);
            }
        }
        auto byRegistrant = [&](const QString &text, int at) {
            if (names.isEmpty())
                return true;
            const QString before = TextScan::fold(text.mid(qMax(0, at - 80), qMin(at, 80)));
            return std::any_of(names.begin(), names.end(),
                               [&](const QString &n) { return before.contains(n); });
        };
        const QStringList exchanges = rules.strings(S, u"exchangeNames"_s);
        QStringList escaped;
        for (const QString &x : exchanges)
            escaped.append(QRegularExpression::escape(x));
        if (!escaped.isEmpty()) {
            const QRegularExpression re(
                u"\\((?:"_s + escaped.join(u'|')
                + uR"()(?:\s{1,3}(?:Global\s+Select\s+Market|Global\s+Market|Capital\s+Market|GS|GM|CM))?\s{0,2}:\s{0,2}([A-Z]{1,5}(?:\.[A-Z])?)\s{0,2}[;,)])"_s);
            for (int p : TextScan::textPages(content)) {
                for (const Window &w : TextScan::pageWindows(content, p)) {
                    TextScan::forEachMatch(content.text.pages.at(p), w, re,
                                           [&](const QRegularExpressionMatch &m) {
                        if (!byRegistrant(content.text.pages.at(p), int(m.capturedStart())))
                            return;
                        add(u"ticker"_s, {p, int(m.capturedStart(1)), int(m.capturedEnd(1))},
                            m.captured(1), cCover, u"core.cover.ticker.mention"_s);
                    });
                }
            }
        }
    }

    // Confidence from agreement with the header; header facts the cover does not
    // show (or shows differently) point at the header's own line.
    for (Entity &e : found) {
        if (headerValue.contains(e.type) && e.confidence < cHeader) {
            if (sameValue(e.type, headerValue.value(e.type), e.value))
                e.confidence = cHeader;
        }
    }
    for (auto it = headerValue.constBegin(); it != headerValue.constEnd(); ++it) {
        const bool shown = std::any_of(found.begin(), found.end(), [&](const Entity &e) {
            return e.type == it.key() && sameValue(e.type, e.value, it.value());
        });
        const SourceSpan span = headerSpan.value(it.key());
        if (shown || !span.isValid() || span.page >= content.pageCount())
            continue;
        // The header's "period of report" is no date of report where the cover states its
        // own ("Date of report (Date of earliest event reported)", "For the fiscal year ended").
        if (it.key() == u"report_date"_s && foundType(u"report_date"_s))
            continue;
        // The value part of the header line ("CENTRAL INDEX KEY:  0001173313").
        const QString &text = content.text.pages.at(span.page);
        int s = span.start, e = span.end;
        const int colon = int(text.mid(s, e - s).indexOf(u':'));
        if (colon >= 0)
            s += colon + 1;
        TextScan::trim(text, &s, &e);
        if (e <= s) {
            s = span.start;
            e = span.end;
        }
        add(it.key(), {span.page, s, e}, it.value(), cHeader, u"core.cover.header"_s);
    }

    // One entity per place: where two sources found the same field at overlapping
    // text, keep the more reliable one.
    std::stable_sort(found.begin(), found.end(),
                     [](const Entity &a, const Entity &b) { return a.confidence > b.confidence; });
    EntityList kept;
    for (const Entity &e : std::as_const(found)) {
        const bool dup = std::any_of(kept.begin(), kept.end(), [&](const Entity &k) {
            return k.type == e.type && k.span.overlaps(e.span);
        });
        if (!dup)
            kept.append(e);
    }
    out.append(kept);
}
