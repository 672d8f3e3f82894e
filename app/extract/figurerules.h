#pragma once

#include "rulepack.h"

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

#include <memory>

// The money, percent and date patterns, built once from the "figures" section of
// the rule packs (currency symbols and words, scale words, month names, percent
// words, confidences). Immutable after construction, so one instance is shared by
// every thread extracting with the same rule set.
class FigureRules final
{
public:
    explicit FigureRules(const RuleSet &rules);

    // The compiled rules for this rule set, cached by RuleSet::fingerprint(); thread-safe.
    static std::shared_ptr<const FigureRules> forRules(const RuleSet &rules);

    // Amounts with a currency symbol or code before them: "$1.3 billion", "€3.2 million",
    // "$(1.2) million", "USD 5 million". Groups: open, minus, cur, open2, minus2, num,
    // close, word, letter.
    QRegularExpression money;
    // What follows the first amount of a range whose scale is stated once: the " to
    // $70 billion" of "$67 to $70 billion". Anchored; groups word, letter.
    QRegularExpression moneyRangeTail;
    // Table headings that state the unit of the amounts below them: "(Dollars in Millions)",
    // "($ in millions)", "(MILLIONS, except per share data)". Group word ("millions").
    QRegularExpression tableScale;
    // Per-share figures under such a heading: the text of the row before the amount
    // ("Diluted EPS", "Dividends declared per share") and the words after it ("per share").
    QRegularExpression perShareRow;
    QRegularExpression perShareAfter;
    // Amounts with a currency word after them: "5 million dollars". Groups: num, word, curword.
    QRegularExpression moneyWords;
    // A hundredth of a currency written out: "27 cents a share" is USD 0.27. Groups: num, subword.
    QRegularExpression moneySubunits;
    // "12.5%", "12.5 percent", "(3.2)%". Groups: open, minus, num, close.
    QRegularExpression percent;
    // The first number of a percentage range whose sign is stated once: the "10" of
    // "10-12%" or "10 to 12 percent". Group num.
    QRegularExpression percentRangeStart;
    // Dates; month groups m1/m2, day groups d1/d2, year y (see figurerecognizers.cpp).
    QRegularExpression dateCrossRange; // "May 30-June 2, 2007"
    QRegularExpression dateRange;      // "June 1-5, 2007"
    QRegularExpression monthRange;     // "June/July 2007"
    QRegularExpression dateFull;       // "June 4, 2007", "Jun. 4 2007"
    QRegularExpression dateDayFirst;   // "4 June 2007"
    QRegularExpression monthYear;      // "June 2007"
    QRegularExpression dateNumeric;    // "06/04/2007" (month first)
    QRegularExpression dateIso;        // "2007-06-04"
    // Fiscal periods: "second quarter of 2020", "Q2 2020", "second quarter of fiscal 2022"
    // (groups q, fiscal, y) and "fiscal 2022", "fiscal year 2022", "FY2022", "FY 22" (group y).
    QRegularExpression quarter;
    QRegularExpression fiscalYear;
    QHash<QString, int> quarterByWord; // lower case: "second" -> 2

    QHash<QString, QString> currencyBySymbol; // "$" -> "USD", as written in the pack
    QHash<QString, QString> currencyByWord;   // lower case: "dollars" -> "USD"
    QHash<QString, QString> currencyBySubunit; // lower case: "cents" -> "USD"
    QHash<QString, int> scaleByWord;          // lower case words, upper case letters: "million" -> 6, "M" -> 6
    QHash<QString, int> monthByName;          // lower case: "jun" -> 6
    QJsonObject confidence;
    int minYear = 1900;
    int maxYear = 2099;

    int month(const QString &name) const;
    int scale(const QString &word) const;
};
