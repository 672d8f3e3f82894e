#include "lifesciencesrules.h"

#include "compiledrules.h"
#include "figurescan.h"
#include "textscan.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonValue>
#include <QtCore/QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLifeSciences, "filinglens.extract.lifesciences")

namespace {

const auto Section = u"lifeSciences"_s;

QRegularExpression compile(const QString &pattern, bool caseInsensitive = false)
{
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (caseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(pattern, options);
    if (!re.isValid()) {
        qCWarning(lcLifeSciences).noquote() << "pattern ignored:" << re.errorString() << pattern;
        return QRegularExpression(u"(?!)"_s);
    }
    re.optimize();
    return re;
}


// Literal alternatives, longest first, escaped as they are.
QString literals(QStringList terms)
{
    terms.removeDuplicates();
    terms.removeAll(QString());
    std::sort(terms.begin(), terms.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList escaped;
    for (const QString &t : std::as_const(terms))
        escaped.append(QRegularExpression::escape(t));
    return escaped.isEmpty() ? u"(?!)"_s : u"(?:"_s + escaped.join(u'|') + u')';
}

bool hasLower(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isLower(); });
}

QSet<QString> setOf(const QStringList &list, bool lower)
{
    QSet<QString> out;
    for (const QString &s : list)
        out.insert(lower ? s.toLower() : s);
    return out;
}

QList<LifeSciencesRules::Pattern> patterns(const RuleSet &rules, const QString &key, double fallback)
{
    QList<LifeSciencesRules::Pattern> out;
    for (const QJsonValue &v : rules.array(Section, key)) {
        const QJsonObject o = v.toObject();
        const QString regex = o.value(u"regex"_s).toString();
        if (regex.isEmpty())
            continue;
        const QRegularExpression re = compile(regex, o.value(u"caseInsensitive"_s).toBool(false));
        out.append({o.value(u"id"_s).toString(key), re, o.value(u"confidence"_s).toDouble(fallback)});
    }
    return out;
}

QHash<QString, QString> stringMap(const QJsonObject &o, bool lowerKeys)
{
    QHash<QString, QString> out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.key().isEmpty() && it.value().isString())
            out.insert(lowerKeys ? it.key().toLower() : it.key(), it.value().toString());
    }
    return out;
}

} // namespace

LifeSciencesRules::LifeSciencesRules(const RuleSet &rules)
{
    for (const RulePack &p : rules.packs)
        enabled = enabled || (p.enabled && p.body.value(Section).isObject());
    confidence = rules.object(Section, u"confidence"_s);
    const auto strings = [&](const QString &key) { return rules.strings(Section, key); };
    // A single pattern: the last enabled pack that sets it wins.
    const auto lastString = [&](const QString &key) {
        QString out;
        for (const RulePack &p : rules.packs) {
            const QJsonValue v = p.body.value(Section).toObject().value(key);
            if (p.enabled && v.isString())
                out = v.toString();
        }
        return out.isEmpty() ? u"(?!)"_s : out;
    };
    const double c = FigureScan::confidence(confidence, u"drugCode"_s, 0.6);
    const QString wordStart = u"(?<![\\w-])"_s;
    const QString wordEnd = u"(?![\\w])"_s;

    // Drugs.
    drugLexicon = compile(wordStart + FigureScan::alternatives(strings(u"drugLexicon"_s)) + wordEnd, true);
    QStringList brands = strings(u"drugBrands"_s);
    for (const QString &b : strings(u"drugBrands"_s)) {
        brands.append(b.toUpper());
        brandSpelling.insert(b.toUpper(), b);
    }
    // A brand with its formulation or valency: "Janumet XR", "Gardasil 9", "Prevnar 20"; a
    // number after a brand is a valency only when no figure or unit follows it.
    drugBrands = compile(wordStart + u"(?<brand>"_s + FigureScan::alternatives(brands) + u")(?:[ ](?<suffix>"_s
                         + literals(strings(u"drugBrandSuffixes"_s))
                         + u"(?![\\w-])|\\d{1,2}(?![\\d.,%\\w/-]|[ ]?[\\d$(\\x{2013}\\x{2014}-]|[ ](?i:mg|mcg|ml|percent|million|billion|months?|weeks?|days?|years?|patients|to|and|or)\\b)))?"_s
                         + wordEnd);
    drugMarked = compile(u"(?<![\\w-])[A-Z][A-Za-z0-9]{3,30}(?=[ ]?(?:[\\x{00ae}\\x{2122}]|\\(R\\)|\\(TM\\)))"_s);
    drugMarkStopWords = setOf(strings(u"drugMarkStopWords"_s), false);
    if (const QString markContext = lastString(u"drugMarkContextRegex"_s); !markContext.isEmpty())
        drugMarkContext = compile(markContext);
    drugStem = compile(u"(?<![\\w-])[A-Za-z][a-z]{1,40}"_s + literals(strings(u"drugStems"_s))
                       + u"(?:[ ](?<suffix>"_s + literals(strings(u"conjugateSuffixes"_s)) + u"))?"_s + wordEnd);
    drugStemStopWords = setOf(strings(u"drugStemStopWords"_s), true);
    drugStemMinLength = qBound(4, int(rules.number(Section, u"drugStemMinLength"_s, 7)), 40);
    drugConjugate = compile(u"(?<![\\w-])(?<base>[A-Za-z][A-Za-z0-9]{0,30})-(?<payload>"_s
                            + literals(strings(u"conjugatePayloads"_s)) + u")"_s + wordEnd);
    drugCodes = patterns(rules, u"drugCodePatterns"_s, c);
    drugCodeStopPrefixes = setOf(strings(u"drugCodeStopPrefixes"_s), false);
    drugCodeNotBefore = compile(lastString(u"drugCodeNotBeforeRegex"_s));

    // Targets.
    QStringList caseSensitiveTargets;
    const QSet<QString> anyCase = setOf(strings(u"targetCaseInsensitive"_s), true);
    QStringList anyCaseTargets;
    for (const QString &t : strings(u"targetLexicon"_s))
        (anyCase.contains(t.toLower()) ? anyCaseTargets : caseSensitiveTargets).append(t);
    targetLexicon = compile(u"(?<![\\w])(?:"_s + FigureScan::alternatives(caseSensitiveTargets) + u"|(?i:"_s
                            + FigureScan::alternatives(anyCaseTargets) + u"))(?![\\w])"_s);
    targetPatterns = patterns(rules, u"targetPatterns"_s, FigureScan::confidence(confidence, u"targetPattern"_s, 0.7));
    targetAmbiguous = setOf(strings(u"targetAmbiguous"_s), false);
    targetContext = compile(lastString(u"targetContextRegex"_s));

    // Indications.
    QStringList anyCaseIndications;
    QStringList acronyms;
    for (const QString &t : strings(u"indicationLexicon"_s)) {
        (hasLower(t) ? anyCaseIndications : acronyms).append(t);
        indicationCanonical.insert(TextScan::fold(t), t);
    }
    indicationLexicon = compile(wordStart + FigureScan::alternatives(anyCaseIndications) + wordEnd, true);
    indicationAcronyms = compile(wordStart + FigureScan::alternatives(acronyms) + wordEnd);
    indicationAcronymTerms = QSet<QString>(acronyms.cbegin(), acronyms.cend());
    const QString modifiers = FigureScan::alternatives(strings(u"indicationModifiers"_s));
    indicationCompound = compile(u"(?<![\\w-])(?:"_s + modifiers + u"[\\s,]{1,2})?(?:"_s + modifiers
                                     + u"[\\s,]{1,2})?(?<core>"_s + FigureScan::alternatives(strings(u"indicationSites"_s))
                                     + u"(?:\\s\\([a-z]{3,15}\\))?[\\s-]{1,3}"_s + FigureScan::alternatives(strings(u"indicationHeads"_s))
                                     + u")"_s + wordEnd,
                                 true);
    indicationAmbiguous = setOf(strings(u"indicationAmbiguous"_s), true);
    indicationAbbreviations = stringMap(rules.object(Section, u"indicationAbbreviations"_s), false);
    const QString abbreviations = literals(indicationAbbreviations.keys());
    indicationAbbreviation = compile(u"(?<![\\w-])(?<abbr>"_s + abbreviations + u")(?![\\w]|-\\d)"_s);
    indicationAbbreviationDefinition = compile(u"\\((?<abbr>"_s + abbreviations + u")\\)"_s);
    indicationAbbreviationContext = compile(lastString(u"indicationAbbreviationContextRegex"_s));
    for (const QString &t : strings(u"indicationEvents"_s))
        indicationEvents.insert(TextScan::fold(t));
    indicationEventTherapy = compile(lastString(u"indicationEventTherapyRegex"_s));
    indicationEventBusiness = compile(lastString(u"indicationEventBusinessRegex"_s));

    // Doses.
    doseUnit = stringMap(rules.object(Section, u"doseUnits"_s), false);
    doseFrequency = stringMap(rules.object(Section, u"doseFrequencies"_s), true);
    const QString num = u"\\d{1,4}(?:,\\d{3})?(?:\\.\\d{1,3})?"_s;
    const QString freq = FigureScan::alternatives(doseFrequency.keys());
    dose = compile(u"(?<![\\w.,/-])(?:(?<freq1>"_s + freq + u")[ ])?(?<a>"_s + num
                   + u")(?:(?<joiner>[ ]?[-\\x{2013}][ ]?|\\s(?:or|and|to)\\s)(?<b>"_s + num + u"))?\\s?(?<unit>"_s
                   + literals(doseUnit.keys()) + u")(?![\\w/]|\\^|\\x{00b2})(?:[,]?[ ](?<freq2>"_s + freq + u")(?![\\w]))?"_s);

    // Trial phases.
    phase = compile(lastString(u"phaseRegex"_s));
    phaseCues = compile(u"\\b"_s + FigureScan::alternatives(strings(u"phaseCues"_s)) + u"\\b"_s, true);
    phaseNegativeCues = compile(u"\\b"_s + FigureScan::alternatives(strings(u"phaseNegativeCues"_s)) + u"\\b"_s, true);
    phaseCueWindow = qBound(10, int(rules.number(Section, u"phaseCueWindow"_s, 80)), 400);

    // Adverse events.
    adverseEvents = compile(wordStart + FigureScan::alternatives(strings(u"adverseEventLexicon"_s)) + wordEnd, true);
    adverseEventAmbiguous = setOf(strings(u"adverseEventAmbiguous"_s), true);
    gradeBefore = compile(lastString(u"gradeBeforeRegex"_s));
    gradeAfter = compile(lastString(u"gradeAfterRegex"_s));
    adverseEventContext = compile(lastString(u"adverseEventContextRegex"_s));
    adverseEventNotAfter = compile(lastString(u"adverseEventNotAfterRegex"_s));
    adverseEventNotBefore = compile(lastString(u"adverseEventNotBeforeRegex"_s));
    negation = compile(lastString(u"negationRegex"_s));
    medicalContext = compile(lastString(u"medicalContextRegex"_s));

    // Outcomes.
    QStringList terms;
    for (const QString &t : strings(u"outcomeTerms"_s))
        terms << t << t + u's';
    outcomeAbbreviations = stringMap(rules.object(Section, u"outcomeAbbreviations"_s), false);
    outcomeTerms = compile(wordStart + FigureScan::alternatives(terms) + wordEnd, true);
    const auto fill = [&](QString pattern) {
        pattern.replace(u"{terms}"_s, FigureScan::alternatives(terms));
        pattern.replace(u"{abbreviations}"_s, literals(outcomeAbbreviations.keys()));
        return compile(pattern);
    };
    outcomeCount = fill(lastString(u"outcomeCountRegex"_s));
    outcomePatients = fill(lastString(u"outcomePatientsRegex"_s));
    outcomeRate = fill(lastString(u"outcomeRateRegex"_s));
    const QJsonObject words = rules.object(Section, u"numberWords"_s);
    for (auto it = words.begin(); it != words.end(); ++it)
        numberWords.insert(it.key().toLower(), it.value().toInt());
}

std::shared_ptr<const LifeSciencesRules> LifeSciencesRules::forRules(const RuleSet &rules)
{
    return compiledRules<LifeSciencesRules>(rules);
}
