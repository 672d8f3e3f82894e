#include "figurerules.h"

#include "compiledrules.h"
#include "figurescan.h"

#include <QtCore/QJsonValue>
#include <QtCore/QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto Section = u"figures"_s;

// Literal alternatives, longest first (so "US$" wins over "$").
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

QRegularExpression compile(const QString &pattern)
{
    QRegularExpression re(pattern, QRegularExpression::UseUnicodePropertiesOption);
    re.optimize();
    return re;
}

QStringList quarterWords(const QJsonObject &quarters)
{
    QStringList words;
    for (auto it = quarters.begin(); it != quarters.end(); ++it)
        words.append(it.key());
    return words;
}

} // namespace

FigureRules::FigureRules(const RuleSet &rules)
{
    confidence = rules.object(Section, u"confidence"_s);
    minYear = int(rules.number(Section, u"minYear"_s, 1900));
    maxYear = int(rules.number(Section, u"maxYear"_s, 2099));

    const QJsonObject symbols = rules.object(Section, u"currencySymbols"_s);
    for (auto it = symbols.begin(); it != symbols.end(); ++it) {
        if (!it.key().isEmpty() && it.value().isString())
            currencyBySymbol.insert(it.key(), it.value().toString());
    }
    const QJsonObject words = rules.object(Section, u"currencyWords"_s);
    for (auto it = words.begin(); it != words.end(); ++it) {
        if (!it.key().isEmpty() && it.value().isString())
            currencyByWord.insert(it.key().toLower(), it.value().toString());
    }
    const QJsonObject subunits = rules.object(Section, u"subunitWords"_s);
    for (auto it = subunits.begin(); it != subunits.end(); ++it) {
        if (!it.key().isEmpty() && it.value().isString())
            currencyBySubunit.insert(it.key().toLower(), it.value().toString());
    }
    QStringList scaleWords;
    QStringList scaleLetters;
    const QJsonObject scales = rules.object(Section, u"scales"_s);
    for (auto it = scales.begin(); it != scales.end(); ++it) {
        const int exponent = it.value().toInt(-1);
        if (exponent < 0 || exponent > 15 || it.key().isEmpty())
            continue;
        // One-letter scales ("M") only count in upper case and right after the number.
        if (it.key().size() == 1) {
            scaleLetters.append(it.key().toUpper());
            scaleByWord.insert(it.key().toUpper(), exponent);
        } else {
            scaleWords.append(it.key());
            scaleByWord.insert(it.key().toLower(), exponent);
        }
    }
    QStringList monthNames;
    const QJsonObject months = rules.object(Section, u"months"_s);
    for (auto it = months.begin(); it != months.end(); ++it) {
        const int n = it.value().toInt(0);
        if (n < 1 || n > 12 || it.key().isEmpty())
            continue;
        monthByName.insert(it.key().toLower(), n);
        // Months are capitalised ("May", "MAY"), so the verb "may" is never a month.
        const QString lower = it.key().toLower();
        monthNames << lower.left(1).toUpper() + lower.mid(1) << lower.toUpper();
    }
    QStringList percentWords = rules.strings(Section, u"percentWords"_s);

    const QString sp = u"[ \\t\\x{00a0}]"_s;
    // A number is read whole or not at all: "$12345678901234567890" is not "$123456789012345".
    const QString num = u"(?<num>\\d{1,3}(?:,\\d{3}){1,5}(?:\\.\\d{1,6})?|\\d{1,15}(?:\\.\\d{1,6})?|\\.\\d{1,6})(?!,?\\d|\\.\\d)"_s;
    const QString scaleWord = u"(?i:"_s + literals(scaleWords) + u")"_s;

    // The scale word may wrap to the next line of a column: "$742\nmillion" (in lower case,
    // as prose writes it; a capitalised word on the next line starts something else).
    money = compile(u"(?<![\\w.])(?<open>\\()?(?<minus>[-\\x{2212}])?(?<cur>"_s
                    + literals(currencyBySymbol.keys()) + u")"_s + sp + u"{0,8}(?<open2>\\()?(?<minus2>[-\\x{2212}])?"_s
                    + num + u"(?<close>\\))?(?:(?:"_s + sp + u"{0,3}\\n(?="_s + sp + u"{0,4}[a-z]))?"_s + sp + u"{0,4}(?<word>"_s + scaleWord + u")(?![\\w])|(?<letter>"_s
                    + literals(scaleLetters) + u")(?![\\w]))?"_s);
    moneyRangeTail = compile(u"^[ \\t\\x{00a0}]?(?:to|-|\\x{2013}|\\x{2014}|and|or)[ \\t\\x{00a0}]?(?:"_s
                             + literals(currencyBySymbol.keys()) + u")?"_s + sp + u"{0,2}\\d[\\d,.]{0,20}(?:"_s + sp
                             + u"?(?<word>"_s + scaleWord + u")(?![\\w])|(?<letter>"_s + literals(scaleLetters)
                             + u")(?![\\w]))"_s);
    QStringList plurals;
    for (const QString &w : std::as_const(scaleWords)) {
        if (w.size() > 3)
            plurals.append(w + u's');
    }
    tableScale = compile(u"(?i:(?:\\(\\s{0,3}(?:(?:dollars|\\$|amounts)\\s{1,3})?(?:in\\s{1,3})?|(?<![\\w])(?:dollars|\\$)\\s{1,3}in\\s{1,3})(?<word>"_s
                         + literals(plurals) + u")(?![\\w]))"_s);
    perShareRow = compile(u"(?i:\\bper[ \\t\\x{00a0}](?:common[ \\t\\x{00a0}]|ordinary[ \\t\\x{00a0}])?(?:share|ADS|unit)|\\bEPS\\b|\\bearnings[ \\t\\x{00a0}]per\\b|\\$[ \\t\\x{00a0}]per\\b)"_s);
    // A par value is a per-share amount too ("Common stock, $0.25 par value").
    perShareAfter = compile(u"^[ \\t\\x{00a0}]?(?i:per[ \\t\\x{00a0}](?:common[ \\t\\x{00a0}]|ordinary[ \\t\\x{00a0}]|diluted[ \\t\\x{00a0}]|basic[ \\t\\x{00a0}])?(?:share|ADS|unit)|par[ \\t\\x{00a0}]value\\b)"_s);
    moneyWords = compile(u"(?<![\\w.$\\x{20ac}\\x{00a3}\\x{00a5}])"_s + num + sp + u"?(?:(?<word>"_s + scaleWord
                         + u")"_s + sp + u")?(?<curword>(?i:"_s + literals(currencyByWord.keys()) + u"))(?![\\w])"_s);
    // A whole number of cents, never a fraction of a cent or a figure with its own currency sign.
    moneySubunits = currencyBySubunit.isEmpty()
        ? QRegularExpression(u"(?!)"_s)
        : compile(u"(?<![\\w.,$\\x{20ac}\\x{00a3}\\x{00a5}])(?<num>\\d{1,3})(?![\\d.,])(?:"_s + sp + u"{1,2}|"_s + sp
                  + u"{0,2}\\n"_s + sp + u"{0,4})(?<subword>(?i:"_s + literals(currencyBySubunit.keys()) + u"))(?![\\w])"_s);
    percent = compile(u"(?<![\\w.,])(?<open>\\()?(?<minus>[-\\x{2212}](?=\\d))?"_s + num + u"(?<close>\\))?"_s + sp
                      + u"?(?:%|(?i:"_s + literals(percentWords) + u")(?![\\w]))"_s);

    percentRangeStart = compile(u"(?<![\\w.,\\-\\x{2013}])(?<num>\\d{1,3}(?:\\.\\d{1,4})?)(?=[ ]?(?:-|\\x{2013}|to|and)[ ]?\\d{1,3}(?:\\.\\d{1,4})?"_s
                                + sp + u"?(?:%|(?i:"_s + literals(percentWords) + u")(?![\\w])))"_s);

    const QString month = literals(monthNames);
    const QString m1 = u"(?<![\\w])(?<m1>"_s + month + u")\\.?"_s;
    const QString m2 = u"(?<m2>"_s + month + u")\\.?"_s;
    const QString d1 = u"(?<d1>\\d{1,2})(?:st|nd|rd|th)?(?!\\d)"_s;
    const QString d2 = u"(?<d2>\\d{1,2})(?:st|nd|rd|th)?(?!\\d)"_s;
    const QString year = u",?\\s{1,3}(?<y>\\d{4})(?![\\w])"_s;
    const QString dash = u"\\s?[-\\x{2013}\\x{2014}]\\s?"_s;

    // "October 3 through October 30, 2022": the year stated once, at the end.
    dateCrossRange = compile(m1 + u"\\s{1,3}"_s + d1 + u"(?:"_s + dash + u"|\\s{1,3}(?:to|through|until)\\s{1,3})"_s + m2
                             + u"\\s{1,3}"_s + d2 + year);
    dateRange = compile(m1 + u"\\s{1,3}"_s + d1 + u"(?:"_s + dash + u"|\\s(?:to|through)\\s)"_s + d2 + year);
    monthRange = compile(m1 + u"\\s?[/\\x{2013}-]\\s?"_s + m2 + year);
    dateFull = compile(m1 + u"\\s{1,3}"_s + d1 + year);
    dateDayFirst = compile(u"(?<![\\w.,])"_s + d1 + u"\\s{1,3}(?<m1>"_s + month + u")\\.?"_s + year);
    monthYear = compile(m1 + year);
    dateNumeric = compile(u"(?<![\\w/.-])(?<m1>\\d{1,2})/(?<d1>\\d{1,2})/(?<y>\\d{4}|\\d{2})(?![\\w/]|\\.\\d)"_s);
    const QJsonObject quarters = rules.object(Section, u"quarterWords"_s);
    for (auto it = quarters.begin(); it != quarters.end(); ++it) {
        const int n = it.value().toInt(0);
        if (n >= 1 && n <= 4 && !it.key().isEmpty())
            quarterByWord.insert(it.key().toLower(), n);
    }
    const QString fy = u"(?:(?<fiscal>[Ff]iscal(?:[ ][Yy]ear)?|FISCAL(?:[ ]YEAR)?|FY)[ ]?)"_s;
    quarter = compile(u"(?<![\\w])(?:(?<q>(?i:"_s + literals(quarterWords(quarters)) + u"))[ \\t\\x{00a0}\\n](?<fiscal2>(?i:fiscal[ ]))?(?i:quarter)(?:[ ](?:of|in|ended)|,)?[ \\t\\x{00a0}\\n]|Q(?<qn>[1-4])[ \\t\\x{00a0}'’]{1,2})"_s
                      + fy + u"?(?<y>(?:19|20)\\d\\d)(?![\\w-])"_s);
    fiscalYear = compile(u"(?<![\\w])(?:[Ff]iscal(?:[ ][Yy]ear)?|FISCAL(?:[ ]YEAR)?)[ \\t\\x{00a0}](?<y>(?:19|20)\\d\\d)(?![\\w-])|(?<![\\w])FY[ ]?(?<y2>(?:19|20)?\\d\\d)(?![\\w-])"_s);
    dateIso = compile(u"(?<![\\w-])(?<y>\\d{4})-(?<m1>\\d{2})-(?<d1>\\d{2})(?![\\w-]|:\\d)"_s);
}

int FigureRules::month(const QString &name) const
{
    bool ok = false;
    const int n = name.toInt(&ok);
    if (ok)
        return n;
    QString key = name.toLower();
    if (key.endsWith(u'.'))
        key.chop(1);
    return monthByName.value(key, 0);
}

int FigureRules::scale(const QString &word) const
{
    if (word.isEmpty())
        return 0;
    if (word.size() == 1)
        return scaleByWord.value(word.toUpper(), 0);
    return scaleByWord.value(word.toLower(), 0);
}

std::shared_ptr<const FigureRules> FigureRules::forRules(const RuleSet &rules)
{
    return compiledRules<FigureRules>(rules);
}
