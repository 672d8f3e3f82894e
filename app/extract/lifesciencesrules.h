#pragma once

#include "rulepack.h"

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QString>

#include <memory>

// The life-sciences lexicons and patterns, compiled once from the "lifeSciences"
// section of the enabled rule packs (the built-in "life-sciences" pack and any
// user pack that extends its lists). Immutable after construction: one instance
// serves every thread extracting with the same rule set.
class LifeSciencesRules final
{
public:
    explicit LifeSciencesRules(const RuleSet &rules);

    // The compiled rules for this rule set, cached by RuleSet::fingerprint(); thread-safe.
    static std::shared_ptr<const LifeSciencesRules> forRules(const RuleSet &rules);

    struct Pattern
    {
        QString id;
        QRegularExpression re;
        double confidence = 0.0;
    };

    bool enabled = false; // some enabled pack has a "lifeSciences" section
    QJsonObject confidence;

    QRegularExpression drugLexicon;  // generic names, any case
    QRegularExpression drugBrands;   // brand names, as written or in capitals; groups brand, suffix
    QHash<QString, QString> brandSpelling; // "KRAZATI" -> "Krazati"
    QRegularExpression drugMarked;   // a capitalised word followed by ® or ™
    QRegularExpression drugStem;     // INN stems; group "suffix" for "enfortumab vedotin"
    QRegularExpression drugConjugate; // "trastuzumab-DM1", "huC242-DM4"
    QList<Pattern> drugCodes;        // "AVE9633", "ABP-450", "BMS-986165"
    QSet<QString> drugMarkStopWords;
    // Words near a marked name that make it a medicine ("patients", "tablets", "FDA"): a
    // nutrition product or a device ("Ensure®", "Alinity®") is marked too. Unset: any.
    QRegularExpression drugMarkContext;
    QSet<QString> drugStemStopWords; // lower case
    QSet<QString> drugCodeStopPrefixes;
    QRegularExpression drugCodeNotBefore; // "WH4110 Development Company": a name, not a drug
    int drugStemMinLength = 7;

    QRegularExpression targetLexicon;
    QList<Pattern> targetPatterns;
    QSet<QString> targetAmbiguous;   // need a cue such as "targets", "inhibitor", "-positive" nearby
    QRegularExpression targetContext;

    QRegularExpression indicationLexicon;   // lower-case terms, any case
    QRegularExpression indicationAcronyms;  // "NSCLC", "AML": as written
    QSet<QString> indicationAcronymTerms;   // the same, as a set
    QRegularExpression indicationCompound;  // [modifiers] site [(word)] head; group core without the modifiers
    QSet<QString> indicationAmbiguous;      // need medical context nearby
    QHash<QString, QString> indicationCanonical; // folded -> lexicon spelling
    // Abbreviations ("RA", "PsA", "UC"): an indication where the filing defines them
    // ("rheumatoid arthritis (RA)") or a medical word is near. Group abbr.
    QRegularExpression indicationAbbreviation;
    QRegularExpression indicationAbbreviationDefinition; // "(RA)"; group abbr
    QRegularExpression indicationAbbreviationContext;
    QHash<QString, QString> indicationAbbreviations; // "RA" -> "rheumatoid arthritis"
    // Diseases that are also business events ("the impact of COVID-19 on our business"):
    // an indication only in a sentence about vaccines, treatment or patients.
    QSet<QString> indicationEvents; // folded
    QRegularExpression indicationEventTherapy;
    QRegularExpression indicationEventBusiness;

    QRegularExpression dose; // groups freq1, a, joiner, b, unit, freq2
    QHash<QString, QString> doseUnit;      // as written -> normalized ("mg/m²" -> "mg/m2")
    QHash<QString, QString> doseFrequency; // lower case -> normalized

    QRegularExpression phase; // groups p1, s1, p2, s2, p3, s3 ("Phase 1/2/3")
    QRegularExpression phaseCues;
    QRegularExpression phaseNegativeCues;
    int phaseCueWindow = 80;

    QRegularExpression adverseEvents;
    QSet<QString> adverseEventAmbiguous; // lower case
    QRegularExpression gradeBefore; // applied to the text just before a term; group grade
    QRegularExpression gradeAfter;  // applied to the text just after it; group grade
    QRegularExpression adverseEventContext;  // reported, observed, grade, most common ... near the term
    QRegularExpression adverseEventNotAfter;  // "prevention of", "treatment of" just before: an indication
    QRegularExpression adverseEventNotBefore; // "-1" of a trial name, "syndrome" of a longer name, after the term
    QRegularExpression negation;
    QRegularExpression medicalContext;

    QRegularExpression outcomeTerms; // plain mentions: "partial response"
    QRegularExpression outcomeCount; // groups n, total, term
    QRegularExpression outcomePatients; // groups n, term
    QRegularExpression outcomeRate;  // groups term, pct
    QHash<QString, QString> outcomeAbbreviations; // "ORR" -> "objective response rate"
    QHash<QString, int> numberWords; // "four" -> 4
};
