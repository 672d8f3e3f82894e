#include "recognizer.h"

#include "figurescan.h"
#include "lifesciencesrules.h"
#include "normalizers.h"
#include "textscan.h"

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

using FigureScan::Candidate;

namespace {

const QString Drug = u"drug"_s;
const QString Target = u"target"_s;
const QString Indication = u"indication"_s;
const QString Dose = u"dose"_s;
const QString Phase = u"trial_phase"_s;
const QString AdverseEvent = u"adverse_event"_s;
const QString Outcome = u"trial_outcome"_s;

bool captured(const FigureScan::Match &m, const QString &name)
{
    return m.capturedStart(name) >= 0;
}

bool allUpper(const QString &s)
{
    bool letters = false;
    for (const QChar c : s) {
        if (c.isLower())
            return false;
        letters = letters || c.isLetter();
    }
    return letters;
}

// "Metastatic Breast Cancer" -> "metastatic breast cancer"; words with capitals or
// digits inside ("HER2-positive", "KRAS") keep their spelling.
QString lowerWords(const QString &text)
{
    QString out = Normalize::spaces(text);
    int wordStart = 0;
    for (int i = 0; i <= out.size(); ++i) {
        if (i < out.size() && out.at(i) != u' ' && out.at(i) != u'-' && out.at(i) != u'/')
            continue;
        const QStringView word = QStringView(out).mid(wordStart, i - wordStart);
        const bool keep = word.size() > 1
            && std::any_of(word.begin() + 1, word.end(), [](QChar c) { return c.isUpper() || c.isDigit(); });
        if (!keep)
            out.replace(wordStart, i - wordStart, word.toString().toLower());
        wordStart = i + 1;
    }
    return out;
}

// A name capitalised at the start of a sentence: "Trastuzumab-DM1" -> "trastuzumab-DM1",
// "HuC242-DM4" -> "huC242-DM4". Names in capitals ("TRASTUZUMAB") become lower case.
QString drugName(const QString &text)
{
    QString n = Normalize::spaces(text);
    if (allUpper(n) && n.size() > 5 && !std::any_of(n.begin(), n.end(), [](QChar c) { return c.isDigit(); }))
        return n.toLower();
    if (n.size() > 2 && n.at(0).isUpper() && n.at(1).isLower())
        n[0] = n.at(0).toLower();
    return n;
}

// Text of the page around [start, end): at most `before` and `after` characters,
// not crossing a blank line (a paragraph boundary). Reads no more than that.
QString around(const QString &page, int start, int end, int before, int after)
{
    int from = qMax(0, start - before);
    const int blank = int(QStringView(page).mid(from, start - from).lastIndexOf(u"\n\n"_s));
    if (blank >= 0)
        from += blank + 2;
    int to = qMin(int(page.size()), end + after);
    const int nextBlank = int(QStringView(page).mid(end, qMax(0, to - end)).indexOf(u"\n\n"_s));
    if (nextBlank >= 0)
        to = end + nextBlank;
    return page.mid(from, qMax(0, to - from));
}

// The text from the start of the sentence (at most `limit` characters back) up to pos.
QString sentenceBefore(const QString &page, int pos, int limit)
{
    int from = qMax(0, pos - limit);
    for (int i = pos - 1; i >= from; --i) {
        const QChar c = page.at(i);
        if (c == u'\n' || c == u';' || (c == u'.' && (i + 1 >= page.size() || page.at(i + 1).isSpace()))) {
            from = i + 1;
            break;
        }
    }
    return page.mid(from, pos - from);
}

int number(const LifeSciencesRules &r, const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    return ok ? n : r.numberWords.value(text.toLower(), -1);
}

QString romanToArabic(const QString &p)
{
    static const QHash<QString, QString> roman{{u"I"_s, u"1"_s}, {u"II"_s, u"2"_s}, {u"III"_s, u"3"_s}, {u"IV"_s, u"4"_s}};
    return roman.value(p, p);
}

class LifeSciencesRecognizer final : public Recognizer
{
public:
    QString name() const override { return u"life sciences"_s; }
    void run(const ExtractionContext &context, EntityList &out) const override
    {
        const auto compiled = LifeSciencesRules::forRules(context.rules);
        const LifeSciencesRules &r = *compiled;
        if (!r.enabled)
            return;
        QList<Candidate> found;
        drugs(context, r, found);
        targets(context, r, found);
        indications(context, r, found);
        doses(context, r, found);
        phases(context, r, found);
        adverseEvents(context, r, found);
        outcomes(context, r, found);
        if (context.cancelled())
            return;
        QList<Candidate> kept = crossCheck(FigureScan::resolve(found));
        linkDrugs(context, kept);
        FigureScan::appendEntities(context, kept, out);
    }

private:
    double conf(const LifeSciencesRules &r, const QString &key, double fallback) const
    {
        return FigureScan::confidence(r.confidence, key, fallback);
    }

    static SourceSpan spanOf(int page, const FigureScan::Match &m, int group = 0)
    {
        return {page, int(m.capturedStart(group)), int(m.capturedEnd(group))};
    }

    void drugs(const ExtractionContext &context, const LifeSciencesRules &r, QList<Candidate> &found) const
    {
        FigureScan::forEachMatch(context, r.drugLexicon, [&](int p, const QString &, const FigureScan::Match &m) {
            found.append({Drug, spanOf(p, m), drugName(m.captured()), conf(r, u"drugLexicon"_s, 0.9),
                          u"ls.drug.lexicon"_s, {{u"kind"_s, u"generic"_s}}});
        });
        FigureScan::forEachMatch(context, r.drugBrands, [&](int p, const QString &, const FigureScan::Match &m) {
            const QString brand = Normalize::spaces(m.captured(u"brand"_s));
            QString value = r.brandSpelling.value(brand, brand);
            if (captured(m, u"suffix"_s))
                value += u' ' + m.captured(u"suffix"_s);
            found.append({Drug, spanOf(p, m), value, conf(r, u"drugBrand"_s, 0.93),
                          u"ls.drug.brand"_s, {{u"kind"_s, u"brand"_s}}});
        });
        FigureScan::forEachMatch(context, r.drugMarked, [&](int p, const QString &page, const FigureScan::Match &m) {
            if (r.drugMarkStopWords.contains(m.captured()))
                return;
            if (!r.drugMarkContext.pattern().isEmpty()
                && !r.drugMarkContext.match(around(page, int(m.capturedStart()), int(m.capturedEnd()), 160, 160)).hasMatch())
                return;
            found.append({Drug, spanOf(p, m), m.captured(), conf(r, u"drugMarkedName"_s, 0.6),
                          u"ls.drug.trademark"_s, {{u"kind"_s, u"brand"_s}}});
        });
        FigureScan::forEachMatch(context, r.drugStem, [&](int p, const QString &, const FigureScan::Match &m) {
            const QString word = captured(m, u"suffix"_s)
                ? m.captured().left(m.capturedStart(u"suffix"_s) - m.capturedStart() - 1)
                : m.captured();
            if (word.size() < r.drugStemMinLength || r.drugStemStopWords.contains(word.toLower()))
                return;
            found.append({Drug, spanOf(p, m), drugName(m.captured()), conf(r, u"drugStem"_s, 0.72),
                          u"ls.drug.inn-stem"_s, {{u"kind"_s, u"generic"_s}}});
        });
        FigureScan::forEachMatch(context, r.drugConjugate, [&](int p, const QString &, const FigureScan::Match &m) {
            found.append({Drug, spanOf(p, m), drugName(m.captured()), conf(r, u"drugConjugate"_s, 0.82), u"ls.drug.conjugate"_s,
                          {{u"kind"_s, u"conjugate"_s}, {u"payload"_s, m.captured(u"payload"_s)}}});
        });
        static const QRegularExpression prefix(u"^[A-Za-z]+"_s);
        for (const LifeSciencesRules::Pattern &pattern : r.drugCodes) {
            FigureScan::forEachMatch(context, pattern.re, [&](int p, const QString &page, const FigureScan::Match &m) {
                if (r.drugCodeStopPrefixes.contains(prefix.match(m.captured()).captured().toUpper()))
                    return;
                if (r.drugCodeNotBefore.match(QStringView(page).mid(m.capturedEnd(), 60)).hasMatch())
                    return;
                found.append({Drug, spanOf(p, m), m.captured(), pattern.confidence, pattern.id,
                              {{u"kind"_s, u"code"_s}}});
            });
        }
    }

    void targets(const ExtractionContext &context, const LifeSciencesRules &r, QList<Candidate> &found) const
    {
        FigureScan::forEachMatch(context, r.targetLexicon, [&](int p, const QString &page, const FigureScan::Match &m) {
            if (r.targetAmbiguous.contains(m.captured())
                && !r.targetContext.match(around(page, int(m.capturedStart()), int(m.capturedEnd()), 40, 40)).hasMatch())
                return;
            found.append({Target, spanOf(p, m), Normalize::spaces(m.captured()), conf(r, u"targetLexicon"_s, 0.9),
                          u"ls.target.lexicon"_s, {}});
        });
        for (const LifeSciencesRules::Pattern &pattern : r.targetPatterns) {
            FigureScan::forEachMatch(context, pattern.re, [&](int p, const QString &, const FigureScan::Match &m) {
                found.append({Target, spanOf(p, m), m.captured(), pattern.confidence, pattern.id, {}});
            });
        }
    }

    void indications(const ExtractionContext &context, const LifeSciencesRules &r, QList<Candidate> &found) const
    {
        // The lexicon's spelling, else the words in lower case without a parenthetical
        // ("gastric (stomach) cancer") and with the head in the singular.
        static const QRegularExpression parenthetical(u"\\s\\([^)]*\\)"_s);
        static const QRegularExpression plural(u"(cancer|carcinoma|adenocarcinoma|tumou?r|neoplasm)s$"_s);
        const auto value = [&](const QString &text) {
            const QString canonical = r.indicationCanonical.value(TextScan::fold(text));
            if (!canonical.isEmpty())
                return canonical;
            QString v = lowerWords(text).remove(parenthetical);
            return v.replace(plural, u"\\1"_s);
        };
        static const QRegularExpression trailingSeparators(u"[\\s,]+$"_s);
        const auto add = [&](const QRegularExpression &re, const QString &origin, const QString &key, double fallback) {
            FigureScan::forEachMatch(context, re, [&](int p, const QString &page, const FigureScan::Match &m) {
                if (r.indicationAmbiguous.contains(m.captured().toLower())
                    && !r.medicalContext.match(around(page, int(m.capturedStart()), int(m.capturedEnd()), 120, 120)).hasMatch())
                    return;
                if (r.indicationEvents.contains(TextScan::fold(m.captured()))
                    && !isTherapeutic(r, page, int(m.capturedStart()), int(m.capturedEnd())))
                    return;
                // The value is the disease; "relapsed", "HER2-positive metastatic" are kept as qualifiers.
                QMap<QString, QString> attributes;
                QString core = m.captured();
                if (captured(m, u"core"_s) && m.capturedStart(u"core"_s) > m.capturedStart()) {
                    core = m.captured(u"core"_s);
                    attributes.insert(u"qualifiers"_s,
                                      lowerWords(m.captured().left(m.capturedStart(u"core"_s) - m.capturedStart()))
                                          .remove(trailingSeparators));
                }
                found.append({Indication, spanOf(p, m), value(core), conf(r, key, fallback), origin, attributes});
            });
        };
        add(r.indicationLexicon, u"ls.indication.lexicon"_s, u"indicationLexicon"_s, 0.9);
        add(r.indicationAcronyms, u"ls.indication.acronym"_s, u"indicationLexicon"_s, 0.9);
        add(r.indicationCompound, u"ls.indication.compound"_s, u"indicationCompound"_s, 0.85);

        // One convention for abbreviations: a mention is valued as printed at its place. A
        // standalone "HS" is `HS` with `expansion=hidradenitis suppurativa`; the full name
        // followed by its definition, "hidradenitis suppurativa (HS)", is valued by the name
        // with `abbreviation=HS`, and the "(HS)" is a mention of the abbreviation. The same holds
        // for the lexicon's abbreviations (RA, UC), its acronyms (DLBCL, NSCLC) and abbreviations
        // only the filing defines ("mantle cell lymphoma (MCL)"); the filing's definition gives
        // the expansion before the lexicon's.
        const QStringList &pages = context.content.text.pages;
        const auto initialsOf = [](const QString &name) {
            static const QRegularExpression wordRe(uR"([A-Za-z][A-Za-z’']*)"_s);
            QString initials;
            auto words = wordRe.globalMatch(name);
            while (words.hasNext())
                initials += words.next().captured().at(0).toUpper();
            return initials;
        };
        // Letters of `abbr` are the initials of `name`'s words, in order, starting with the first.
        const auto abbreviates = [&](const QString &abbr, const QString &name) {
            const QString initials = initialsOf(name);
            int at = 0;
            for (const QChar ch : initials) {
                if (at < abbr.size() && abbr.at(at).toUpper() == ch)
                    ++at;
            }
            const auto capitals = std::count_if(abbr.cbegin(), abbr.cend(), [](QChar ch) { return ch.isUpper(); });
            return initials.size() >= 2 && at == abbr.size() && abbr.at(0).toUpper() == initials.at(0) && capitals >= 2;
        };
        const auto isAcronym = [&](const Candidate &c) { return c.origin == u"ls.indication.acronym"_s; };

        // Definitions right after a full name: "mantle cell lymphoma (MCL)".
        static const QRegularExpression definedAfter(uR"(^\h?\(([A-Za-z][A-Za-z-]{1,7})\))"_s);
        QHash<QString, QString> definitions; // abbreviation → the full name's value (first definition)
        QHash<QString, QString> own;         // of those, the ones no lexicon holds
        for (Candidate &c : found) {
            if (c.type != Indication || isAcronym(c) || c.span.page < 0 || c.span.page >= pages.size())
                continue;
            const QString &page = pages.at(c.span.page);
            const QRegularExpressionMatch m = definedAfter.match(QStringView(page).mid(c.span.end, 12));
            if (!m.hasMatch())
                continue;
            const QString abbr = m.captured(1);
            const QString name = page.mid(c.span.start, c.span.length());
            const QString lexicon = TextScan::fold(r.indicationAbbreviations.value(abbr));
            const bool known = !lexicon.isEmpty()
                && (TextScan::fold(name).endsWith(lexicon) || TextScan::fold(c.value).endsWith(lexicon));
            // Letters the filing alone defines must cover the printed words from the first
            // ("HER2+ metastatic breast cancer (BC)" defines nothing); a lexicon acronym may
            // stand for the disease without its qualifiers ("relapsed small-cell lung cancer (SCLC)").
            const bool acronym = r.indicationAcronymTerms.contains(abbr) && abbreviates(abbr, c.value);
            if (!known && !acronym && !abbreviates(abbr, name))
                continue;
            c.attributes.insert(u"abbreviation"_s, abbr);
            // The expansion is what the letters stand for: all the printed words where they
            // cover them ("metastatic castration-resistant prostate cancer (mCRPC)"), else the
            // longer of the disease without its qualifiers ("relapsed small-cell lung cancer
            // (SCLC)", "moderate plaque psoriasis (PsO)") and the lexicon's expansion the name
            // ends with ("metastatic triple-negative breast cancer (TNBC)").
            QString expanded = c.value;
            if (abbreviates(abbr, name))
                expanded = value(name);
            else if (known && TextScan::fold(name).endsWith(lexicon) && lexicon.size() > TextScan::fold(c.value).size())
                expanded = r.indicationAbbreviations.value(abbr);
            if (!definitions.contains(abbr))
                definitions.insert(abbr, expanded);
            // Defined by the filing, the letters count wherever they stand again, also a
            // lexicon acronym that elsewhere needs a medical word near it ("influenza A & B,
            // RSV and strep A" after "respiratory syncytial virus (RSV)").
            if (lexicon.isEmpty() && !own.contains(abbr))
                own.insert(abbr, definitions.value(abbr));
        }
        const auto expansion = [&](const QString &abbr) {
            const QString defined = definitions.value(abbr);
            return defined.isEmpty() ? r.indicationAbbreviations.value(abbr) : defined;
        };
        for (Candidate &c : found) {
            if (c.type == Indication && isAcronym(c) && !expansion(c.value).isEmpty())
                c.attributes.insert(u"expansion"_s, expansion(c.value));
        }

        // The lexicon's abbreviations count where the filing defines them ("rheumatoid
        // arthritis (RA)") and elsewhere only with a medical word near them.
        QSet<QString> defined;
        FigureScan::forEachMatch(context, r.indicationAbbreviationDefinition, [&](int, const QString &page, const FigureScan::Match &m) {
            const QString abbr = m.captured(u"abbr"_s);
            const QString full = TextScan::fold(r.indicationAbbreviations.value(abbr));
            const int at = int(m.capturedStart());
            const QString before = TextScan::fold(page.mid(qMax(0, at - 80), qMin(80, at)));
            const QString head = full.section(u' ', -1);
            if (!full.isEmpty() && (before.endsWith(full) || before.contains(head)))
                defined.insert(abbr);
        });
        FigureScan::forEachMatch(context, r.indicationAbbreviation, [&](int p, const QString &page, const FigureScan::Match &m) {
            const QString abbr = m.captured(u"abbr"_s);
            const int start = int(m.capturedStart());
            const int end = int(m.capturedEnd());
            if (!defined.contains(abbr) && !definitions.contains(abbr)
                && !r.indicationAbbreviationContext.match(around(page, start, end, 60, 60)).hasMatch())
                return;
            // A word before it that makes a longer indication of the lexicon is part of the
            // name: "obstructive HCM" (obstructive hypertrophic cardiomyopathy).
            static const QRegularExpression wordBefore(uR"(([A-Za-z][a-z]{2,20})\h$)"_s);
            const QRegularExpressionMatch w = wordBefore.match(QStringView(page).mid(qMax(0, start - 22), qMin(22, start)));
            const QString longer = w.hasMatch()
                ? r.indicationCanonical.value(TextScan::fold(w.captured(1) + u' ' + expansion(abbr))) : QString();
            if (!longer.isEmpty()) {
                found.append({Indication, {p, start - int(w.capturedLength()), end}, w.captured(1).toLower() + u' ' + abbr,
                              conf(r, u"indicationAbbreviation"_s, 0.8), u"ls.indication.abbreviation"_s,
                              {{u"expansion"_s, longer}}});
                return;
            }
            found.append({Indication, {p, start, end}, abbr, conf(r, u"indicationAbbreviation"_s, 0.8),
                          u"ls.indication.abbreviation"_s, {{u"expansion"_s, expansion(abbr)}}});
        });
        // Abbreviations only the filing defines, there and where they stand again.
        if (!own.isEmpty()) {
            const QRegularExpression mention = TextScan::alternation(own.keys(), true);
            FigureScan::forEachMatch(context, mention, [&](int p, const QString &, const FigureScan::Match &m) {
                found.append({Indication, spanOf(p, m), m.captured(), conf(r, u"indicationAbbreviation"_s, 0.8),
                              u"ls.indication.abbreviation"_s, {{u"expansion"_s, own.value(m.captured())}}});
            });
        }
    }

    // "COVID-19 vaccine", "patients with COVID-19": a disease; "the impact of the COVID-19
    // pandemic on our business": an event. Business words right around the term decide
    // first, then the sentence must speak of vaccines, treatment or patients.
    static bool isTherapeutic(const LifeSciencesRules &r, const QString &page, int start, int end)
    {
        static const QRegularExpression therapyAfter(u"^[ -]?(?i:vaccines?|antivirals?|treatments?|therap(?:y|ies)|infections?|patients|oral[ ]antiviral|booster)\\b"_s);
        static const QRegularExpression therapyBefore(u"(?i:\\b(?:treat(?:s|ing|ment[ ]of|ment[ ]for)?|prevent(?:s|ing|ion[ ]of)?|against|patients[ ]with|infected[ ]with|protection[ ]from|vaccine[ ]for))[ ](?:mild[ ]|severe[ ]|the[ ])?$"_s);
        if (therapyAfter.match(QStringView(page).mid(end, 30)).hasMatch()
            || therapyBefore.match(QStringView(page).mid(qMax(0, start - 40), qMin(40, start))).hasMatch())
            return true;
        const QString near = page.mid(qMax(0, start - 30), qMin(30, start)) + u' ' + page.mid(end, 30);
        if (r.indicationEventBusiness.match(near).hasMatch())
            return false;
        const auto [from, to] = sentenceAround(page, start, end);
        return r.indicationEventTherapy.match(page.mid(from, to - from)).hasMatch();
    }

    void doses(const ExtractionContext &context, const LifeSciencesRules &r, QList<Candidate> &found) const
    {
        const double confidence = conf(r, u"dose"_s, 0.85);
        static const QRegularExpression exhibit(u"(?i)\\b(?:exhibits?|item|no\\.)\\s*$"_s);
        FigureScan::forEachMatch(context, r.dose, [&](int p, const QString &page, const FigureScan::Match &m) {
            const QString unit = r.doseUnit.value(m.captured(u"unit"_s), m.captured(u"unit"_s));
            // "10g" is too often "Exhibit 10g"; a one-letter unit needs a space before it.
            const qsizetype numberEnd = captured(m, u"b"_s) ? m.capturedEnd(u"b"_s) : m.capturedEnd(u"a"_s);
            if (m.capturedLength(u"unit"_s) == 1 && m.capturedStart(u"unit"_s) == numberEnd)
                return;
            if (exhibit.match(page.mid(qMax(0, int(m.capturedStart()) - 12), qMin(12, int(m.capturedStart())))).hasMatch())
                return;
            const QString a = QString(m.captured(u"a"_s)).remove(u',');
            const QString b = QString(m.captured(u"b"_s)).remove(u',');
            QMap<QString, QString> attributes{{u"unit"_s, unit}};
            const QString freq = captured(m, u"freq1"_s) ? m.captured(u"freq1"_s) : m.captured(u"freq2"_s);
            if (!freq.isEmpty())
                attributes.insert(u"frequency"_s, r.doseFrequency.value(Normalize::spaces(freq).toLower(), freq));
            const int start = int(m.capturedStart());
            const int end = int(m.capturedEnd());
            const QString joiner = m.captured(u"joiner"_s).trimmed();
            if (b.isEmpty()) {
                found.append({Dose, {p, start, end}, a + u' ' + unit, confidence, u"ls.dose"_s, attributes});
            } else if (joiner == u"or"_s || joiner == u"and"_s) {
                // "2.4 or 3.6 mg/kg": two doses, the first spanning its number only.
                found.append({Dose, {p, start, int(m.capturedEnd(u"a"_s))}, a + u' ' + unit, confidence,
                              u"ls.dose.alternative"_s, attributes});
                found.append({Dose, {p, int(m.capturedStart(u"b"_s)), end}, b + u' ' + unit, confidence,
                              u"ls.dose.alternative"_s, attributes});
            } else {
                attributes.insert(u"low"_s, a);
                attributes.insert(u"high"_s, b);
                found.append({Dose, {p, start, end}, a + u'-' + b + u' ' + unit, confidence, u"ls.dose.range"_s,
                              attributes});
            }
        });
    }

    void phases(const ExtractionContext &context, const LifeSciencesRules &r, QList<Candidate> &found) const
    {
        FigureScan::forEachMatch(context, r.phase, [&](int p, const QString &page, const FigureScan::Match &m) {
            const int start = int(m.capturedStart());
            const int end = int(m.capturedEnd());
            // "Phase 2 of the construction", "Phase 3 Contingent Consideration Shares" are not trials.
            if (r.phaseNegativeCues.match(around(page, start, end, 20, 40)).hasMatch())
                return;
            if (!r.phaseCues.match(around(page, start, end, r.phaseCueWindow, r.phaseCueWindow)).hasMatch())
                return;
            const auto part = [&](const QString &n, const QString &s) {
                const QString numeral = m.captured(n);
                const QString letter = m.captured(s).toLower();
                return std::make_pair(QString(numeral + letter), QString(romanToArabic(numeral) + letter));
            };
            auto [written, arabic] = part(u"p1"_s, u"s1"_s);
            if (captured(m, u"p2"_s)) {
                const auto [written2, arabic2] = part(u"p2"_s, u"s2"_s);
                written += u'/' + written2;
                arabic += u'/' + arabic2;
            }
            if (captured(m, u"p3"_s)) {
                const auto [written3, arabic3] = part(u"p3"_s, u"s3"_s);
                written += u'/' + written3;
                arabic += u'/' + arabic3;
            }
            found.append({Phase, {p, start, end}, u"Phase "_s + written, conf(r, u"phase"_s, 0.9), u"ls.phase"_s,
                          {{u"phase"_s, arabic}}});
        });
    }

    void adverseEvents(const ExtractionContext &context, const LifeSciencesRules &r, QList<Candidate> &found) const
    {
        static const QRegularExpression joiners(u"(?i)\\s*(?:/|-|\\x{2013}|\\bor\\b|\\band\\b|\\bto\\b)\\s*(?:grade\\s*)?"_s);
        FigureScan::forEachMatch(context, r.adverseEvents, [&](int p, const QString &page, const FigureScan::Match &m) {
            const int start = int(m.capturedStart());
            const int end = int(m.capturedEnd());
            const QString term = Normalize::spaces(m.captured()).toLower();
            if (r.adverseEventAmbiguous.contains(term)
                && !r.medicalContext.match(around(page, start, end, 120, 120)).hasMatch())
                return;
            // An adverse event is one reported, observed or graded in its sentence; not a
            // disease a product treats or prevents ("for the prevention of herpes zoster"),
            // not a word of a trial's name ("COUGH-1") or of a longer name ("postural
            // orthostatic tachycardia syndrome"), not a heading in capitals.
            if (allUpper(m.captured()) && m.capturedLength() > 3)
                return;
            if (r.adverseEventNotBefore.match(QStringView(page).mid(end, 20)).hasMatch())
                return;
            const auto [from, to] = sentenceAround(page, start, end);
            const QString sentence = page.mid(from, to - from);
            if (!r.adverseEventContext.match(sentence).hasMatch())
                return;
            const QRegularExpressionMatch indicated = r.adverseEventNotAfter.match(page.mid(qMax(from, start - 80), start - qMax(from, start - 80)));
            if (indicated.hasMatch() && !r.adverseEventContext.match(indicated.captured()).hasMatch())
                return;
            QMap<QString, QString> attributes;
            QRegularExpressionMatch g = r.gradeAfter.match(page.mid(end, 40));
            if (!g.hasMatch())
                g = r.gradeBefore.match(page.mid(qMax(0, start - 40), qMin(40, start)));
            if (g.hasMatch()) {
                QString grade = g.captured(u"grade"_s);
                grade.replace(joiners, u"/"_s);
                attributes.insert(u"grade"_s, grade.remove(u' '));
            }
            if (r.negation.match(sentenceBefore(page, start, 80)).hasMatch())
                attributes.insert(u"negated"_s, u"true"_s);
            found.append({AdverseEvent, {p, start, end}, term, conf(r, u"adverseEvent"_s, 0.88), u"ls.adverse-event"_s,
                          attributes});
        });
    }

    void outcomes(const ExtractionContext &context, const LifeSciencesRules &r, QList<Candidate> &found) const
    {
        const auto canonical = [&](const QString &text) {
            QString t = Normalize::spaces(text);
            const QString expanded = r.outcomeAbbreviations.value(t);
            if (!expanded.isEmpty())
                return expanded;
            t = t.toLower();
            if (t.endsWith(u's') && !t.endsWith(u"ss"_s) && !t.endsWith(u"us"_s))
                t.chop(1);
            return t;
        };
        FigureScan::forEachMatch(context, r.outcomeCount, [&](int p, const QString &, const FigureScan::Match &m) {
            const int n = number(r, m.captured(u"n"_s));
            const int total = number(r, m.captured(u"total"_s));
            if (n < 0 || total <= 0 || n > total)
                return;
            const QString term = canonical(m.captured(u"term"_s));
            found.append({Outcome, spanOf(p, m), u"%1: %2/%3"_s.arg(term).arg(n).arg(total),
                          conf(r, u"outcomeCount"_s, 0.82), u"ls.outcome.count"_s,
                          {{u"outcome"_s, term}, {u"responders"_s, QString::number(n)}, {u"patients"_s, QString::number(total)}}});
        });
        FigureScan::forEachMatch(context, r.outcomePatients, [&](int p, const QString &, const FigureScan::Match &m) {
            const int n = number(r, m.captured(u"n"_s));
            if (n < 0)
                return;
            const QString term = canonical(m.captured(u"term"_s));
            found.append({Outcome, spanOf(p, m), u"%1: %2 patients"_s.arg(term).arg(n),
                          conf(r, u"outcomeCount"_s, 0.82), u"ls.outcome.patients"_s,
                          {{u"outcome"_s, term}, {u"responders"_s, QString::number(n)}}});
        });
        FigureScan::forEachMatch(context, r.outcomeRate, [&](int p, const QString &, const FigureScan::Match &m) {
            const QString term = canonical(m.captured(u"term"_s));
            const QString pct = QString(m.captured(u"pct"_s)).remove(u' ');
            found.append({Outcome, spanOf(p, m), term + u": "_s + pct, conf(r, u"outcomeRate"_s, 0.85),
                          u"ls.outcome.rate"_s, {{u"outcome"_s, term}, {u"rate"_s, pct}}});
        });
        FigureScan::forEachMatch(context, r.outcomeTerms, [&](int p, const QString &, const FigureScan::Match &m) {
            found.append({Outcome, spanOf(p, m), canonical(m.captured()), conf(r, u"outcomeTerm"_s, 0.75),
                          u"ls.outcome.term"_s, {}});
        });
    }

    // A phase, dose, indication, adverse event or outcome names in attribute "drug" the
    // drug of its sentence it most likely belongs to, so the summary sheet and the CSV
    // can group them; none when its sentence names no drug.
    static void linkDrugs(const ExtractionContext &context, QList<Candidate> &candidates)
    {
        QHash<int, QList<const Candidate *>> drugsByPage; // in document order (resolve sorts)
        for (const Candidate &c : std::as_const(candidates)) {
            if (c.type == Drug)
                drugsByPage[c.span.page].append(&c);
        }
        QList<std::pair<int, QString>> links;
        for (int i = 0; i < candidates.size(); ++i) {
            const Candidate &c = candidates.at(i);
            if (c.type == Drug || c.type == Target)
                continue;
            const QList<const Candidate *> &drugs = drugsByPage[c.span.page];
            if (drugs.isEmpty())
                continue;
            const QString &page = context.content.text.pages.at(c.span.page);
            const auto [from, to] = sentenceAround(page, c.span.start, c.span.end);
            // A disease follows its drug ("trastuzumab-DM1 into Phase II testing for the
            // treatment of ... breast cancer"); one before any drug is more often history
            // ("breast cancer that had progressed on ... Herceptin"). So an indication takes
            // the nearest drug before it; doses, phases and events the nearest drug.
            const bool onlyBefore = c.type == Indication;
            const Candidate *best = nullptr;
            int bestDistance = 0;
            // Drugs are in document order and short: look only at those near the sentence.
            auto first = std::lower_bound(drugs.begin(), drugs.end(), from - 200,
                                          [](const Candidate *d, int at) { return d->span.start < at; });
            for (auto it = first; it != drugs.end() && (*it)->span.start < to; ++it) {
                const Candidate *d = *it;
                if (d->span.end <= from)
                    continue;
                const bool before = d->span.end <= c.span.start;
                if (onlyBefore && !before)
                    continue;
                const int distance = before ? c.span.start - d->span.end : qMax(0, d->span.start - c.span.end);
                if (!best || distance < bestDistance) {
                    best = d;
                    bestDistance = distance;
                }
            }
            if (best)
                links.append({i, best->value});
        }
        for (const auto &[i, drug] : std::as_const(links))
            candidates[i].attributes.insert(u"drug"_s, drug);
    }

    // The sentence around [start, end): from after the previous ". ", "? ", "! " or blank
    // line to the next one, at most 300 characters each way.
    static std::pair<int, int> sentenceAround(const QString &page, int start, int end)
    {
        constexpr int Reach = 300;
        const auto boundary = [&](int i) {
            const QChar c = page.at(i);
            const bool next = i + 1 < page.size();
            return ((c == u'.' || c == u'?' || c == u'!') && next && page.at(i + 1).isSpace())
                || (c == u'\n' && next && page.at(i + 1) == u'\n');
        };
        int from = qMax(0, start - Reach);
        for (int i = start - 1; i >= from; --i) {
            if (boundary(i)) {
                from = i + 1;
                break;
            }
        }
        int to = qMin(int(page.size()), end + Reach);
        for (int i = end; i < to; ++i) {
            if (boundary(i)) {
                to = i;
                break;
            }
        }
        return {from, to};
    }

    // A symptom inside a disease name ("post-traumatic headache") is not an adverse
    // event, and a target inside a drug name is part of that name.
    static QList<Candidate> crossCheck(const QList<Candidate> &candidates)
    {
        QList<SourceSpan> indications;
        QList<SourceSpan> drugs;
        for (const Candidate &c : candidates) {
            if (c.type == Indication)
                indications.append(c.span);
            else if (c.type == Drug)
                drugs.append(c.span);
        }
        const auto inside = [](const QList<SourceSpan> &spans, const SourceSpan &s) {
            return std::any_of(spans.begin(), spans.end(), [&](const SourceSpan &o) { return o.contains(s) && o != s; });
        };
        QList<Candidate> out;
        for (const Candidate &c : candidates) {
            if (c.type == AdverseEvent && inside(indications, c.span))
                continue;
            if (c.type == Target && inside(drugs, c.span))
                continue;
            out.append(c);
        }
        return out;
    }
};

} // namespace

RecognizerList createLifeSciencesRecognizers()
{
    RecognizerList list;
    list.push_back(std::make_unique<LifeSciencesRecognizer>());
    return list;
}
