#include "recognizer.h"

#include "figurenormalizers.h"
#include "figurerules.h"
#include "figurescan.h"

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

using FigureScan::Candidate;

namespace {

// How far below a table heading ("(Dollars in Millions)") its unit still applies.
constexpr int TableScaleReach = 4000;

bool captured(const FigureScan::Match &m, const QString &name)
{
    return m.capturedStart(name) >= 0;
}

// A per-share figure in a table whose heading states a scale: its row or the words after
// it say so ("Diluted EPS 0.41", "$0.41 per share"), or it is a price printed with its cents
// below $1,000 ("closing stock price of $51.31", "$0.01 par value", "grant-date fair values of
// $31.53", "1.38" under "except per share data"), as dollar amounts in millions never are.
bool perShare(const FigureRules &rules, const QString &text, const Candidate &c)
{
    const int lineStart = int(QStringView(text).left(c.span.start).lastIndexOf(u'\n')) + 1;
    if (rules.perShareRow.match(QStringView(text).mid(lineStart, c.span.start - lineStart)).hasMatch())
        return true;
    if (rules.perShareAfter.match(QStringView(text).mid(c.span.end, 40)).hasMatch())
        return true;
    static const QRegularExpression cents(u"\\d\\.\\d\\d\\)?$"_s);
    const QString amount = c.value.section(u' ', 1).remove(u'-');
    return cents.match(text.mid(c.span.start, c.span.length())).hasMatch() && amount.toDouble() < 1000;
}

// Money: a currency symbol or code before the amount, or a currency word after it;
// value "USD 1300000000". Amounts in tables headed "in millions" are scaled (statedIn).
class MoneyRecognizer final : public Recognizer
{
public:
    QString name() const override { return u"money"_s; }
    void run(const ExtractionContext &context, EntityList &out) const override
    {
        const auto rules = FigureRules::forRules(context.rules);
        QList<Candidate> found;
        FigureScan::forEachMatch(context, rules->money, [&](int page, const QString &text, const FigureScan::Match &m) {
            const bool open = captured(m, u"open"_s);
            const bool open2 = captured(m, u"open2"_s);
            const bool close = captured(m, u"close"_s);
            const bool scaled = captured(m, u"word"_s) || captured(m, u"letter"_s);
            // "$(1.2) million" and "($1.2)" are negative, as in financial tables; "($1.2 million)"
            // is a parenthetical in prose, and an unbalanced parenthesis belongs to the sentence.
            const bool innerNegative = open2 && close;
            const bool outerNegative = open && !open2 && close && !scaled;
            const bool negative = innerNegative || outerNegative || captured(m, u"minus"_s)
                || captured(m, u"minus2"_s);
            int start = int(m.capturedStart());
            if (open && !outerNegative)
                start = int(m.capturedStart(captured(m, u"minus"_s) ? u"minus"_s : u"cur"_s));
            int end = int(m.capturedEnd());
            if (open2 && !close)
                return; // "$(1.2" without its parenthesis is not an amount we can read
            if (close && !innerNegative && !outerNegative)
                end = int(m.capturedStart(u"close"_s));
            QString scaleText = captured(m, u"word"_s) ? m.captured(u"word"_s) : m.captured(u"letter"_s);
            if (scaleText.isEmpty()) {
                // "$67 to $70 billion": the scale stated once applies to both ends.
                const QRegularExpressionMatch tail = rules->moneyRangeTail.match(QStringView(text).mid(end, 60));
                if (tail.hasMatch())
                    scaleText = tail.hasCaptured(u"word"_s) ? tail.captured(u"word"_s) : tail.captured(u"letter"_s);
            }
            const QString currency = rules->currencyBySymbol.value(m.captured(u"cur"_s));
            const QString value = FigureNormalize::money(currency, m.captured(u"num"_s),
                                                         rules->scale(scaleText), negative);
            if (value.isEmpty())
                return;
            QMap<QString, QString> attributes{{u"currency"_s, currency}};
            if (!scaleText.isEmpty())
                attributes.insert(u"scale"_s, scaleText.toLower());
            found.append({u"money"_s, {page, start, end}, value,
                          FigureScan::confidence(rules->confidence, u"money"_s, 0.9), u"figures.money"_s,
                          attributes});
        });
        // Amounts in a table headed "(Dollars in Millions)" are worth the heading's scale:
        // the value is scaled, attribute statedIn names the scale and printed keeps the
        // amount as printed. Per-share figures under such a heading are not scaled.
        struct Heading
        {
            int at = 0;
            QString word;
            bool counts = false; // "Performance Share Units (In thousands)": a count, not dollars
        };
        // A bare "(In thousands)" under a column of units, shares, options or awards (on its
        // line or the one above) states the count; the dollars beside it are per unit.
        static const QRegularExpression countHeading(
            u"(?i:\\b(?:shares|units|options|awards|RSUs|PSUs)[ \\t\\x{00a0}]*\\n?[ \\t\\x{00a0}]*\\(?[ \\t\\x{00a0}]*$)"_s);
        QHash<int, QList<Heading>> headings;
        FigureScan::forEachMatch(context, rules->tableScale, [&](int page, const QString &text, const FigureScan::Match &m) {
            const int at = int(m.capturedStart());
            const bool counts = countHeading.match(QStringView(text).mid(qMax(0, at - 40), qMin(at, 40))).hasMatch();
            headings[page].append({at, m.captured(u"word"_s).toLower(), counts});
        });
        for (Candidate &c : found) {
            if (c.attributes.contains(u"scale"_s))
                continue;
            const auto &onPage = headings.value(c.span.page);
            auto it = std::lower_bound(onPage.begin(), onPage.end(), c.span.start,
                                       [](const Heading &h, int at) { return h.at < at; });
            if (it == onPage.begin())
                continue;
            --it;
            if (c.span.start - it->at > TableScaleReach || it->counts)
                continue;
            const QString &text = context.content.text.pages.at(c.span.page);
            if (perShare(*rules, text, c))
                continue;
            QString singular = it->word;
            if (singular.endsWith(u's'))
                singular.chop(1); // "millions"
            const QString scaled = FigureNormalize::rescaled(c.value, rules->scale(singular));
            if (scaled.isEmpty())
                continue;
            c.attributes.insert(u"statedIn"_s, it->word);
            c.attributes.insert(u"printed"_s, c.value);
            c.value = scaled;
        }
        FigureScan::forEachMatch(context, rules->moneyWords, [&](int page, const QString &, const FigureScan::Match &m) {
            const QString currency = rules->currencyByWord.value(m.captured(u"curword"_s).toLower());
            const QString value = FigureNormalize::money(currency, m.captured(u"num"_s),
                                                         rules->scale(m.captured(u"word"_s)), false);
            if (value.isEmpty())
                return;
            found.append({u"money"_s, {page, int(m.capturedStart()), int(m.capturedEnd())}, value,
                          FigureScan::confidence(rules->confidence, u"moneyWords"_s, 0.8),
                          u"figures.money.words"_s, {{u"currency"_s, currency}}});
        });
        FigureScan::forEachMatch(context, rules->moneySubunits, [&](int page, const QString &, const FigureScan::Match &m) {
            const QString currency = rules->currencyBySubunit.value(m.captured(u"subword"_s).toLower());
            const QString value = FigureNormalize::money(currency, m.captured(u"num"_s), -2, false);
            if (value.isEmpty())
                return;
            found.append({u"money"_s, {page, int(m.capturedStart()), int(m.capturedEnd())}, value,
                          FigureScan::confidence(rules->confidence, u"moneyWords"_s, 0.8),
                          u"figures.money.subunit"_s, {{u"currency"_s, currency}}});
        });
        FigureScan::appendEntities(context, FigureScan::resolve(found), out);
    }
};

// "(45%)" stands alone where a number is negative: in a table cell (at the start of a
// line or cell, or after another figure of the row: "27,742 (54%) (53%)") or after a
// verb ("the effective tax rate was (15%)"). After a word it is a parenthetical
// ("$5.2 billion (45%)", "shares (3%)"). `before` is the page text before the "(".
bool negativeCell(QStringView before)
{
    int i = int(before.size());
    int spaces = 0;
    while (i > 0 && (before.at(i - 1) == u' ' || before.at(i - 1) == QChar(0xa0))) {
        --i;
        ++spaces;
    }
    if (i == 0 || before.at(i - 1) == u'\n' || before.at(i - 1) == u'\t' || spaces >= 2)
        return true;
    const QChar c = before.at(i - 1);
    if (c.isDigit() || c == u'%' || c == u')' || c == u'*' || c == QChar(0x2014) || c == QChar(0x2013)
        || c == u'-' || c == u'$')
        return true;
    static const QRegularExpression verb(u"(?<![\\w])(?:was|were|is|are|of|at|to)$"_s);
    return verb.match(before.mid(qMax(0, i - 6), i - qMax(0, i - 6))).hasMatch();
}

// Percentages; value "12.5%", "-3.2%" for "(3.2)%", and for "(3.2%)" where it stands
// as a figure (see negativeCell); a parenthetical "(3.2% excluding currency)" is not negative.
class PercentRecognizer final : public Recognizer
{
public:
    QString name() const override { return u"percentages"_s; }
    void run(const ExtractionContext &context, EntityList &out) const override
    {
        const auto rules = FigureRules::forRules(context.rules);
        QList<Candidate> found;
        FigureScan::forEachMatch(context, rules->percent, [&](int page, const QString &text, const FigureScan::Match &m) {
            const bool parens = captured(m, u"open"_s) && captured(m, u"close"_s);
            const int end = int(m.capturedEnd());
            // "(45%)": the parenthesis closes right after the sign.
            const bool cell = captured(m, u"open"_s) && !captured(m, u"close"_s) && !captured(m, u"minus"_s)
                && end < text.size() && text.at(end) == u')' && text.at(end - 1) == u'%'
                && negativeCell(QStringView(text).mid(qMax(0, int(m.capturedStart()) - 40),
                                                      qMin(40, int(m.capturedStart()))));
            const bool negative = parens || cell || captured(m, u"minus"_s);
            const int start = captured(m, u"open"_s) && !parens && !cell ? int(m.capturedStart(u"num"_s))
                                                                        : int(m.capturedStart());
            if (captured(m, u"close"_s) && !parens)
                return; // "3.2) percent": the parenthesis closes something else
            const QString value = FigureNormalize::percent(m.captured(u"num"_s), negative);
            if (value.isEmpty())
                return;
            found.append({u"percent"_s, {page, start, cell ? end + 1 : end}, value,
                          FigureScan::confidence(rules->confidence, u"percent"_s, 0.9),
                          cell ? u"figures.percent.negative"_s : u"figures.percent"_s, {}});
        });
        FigureScan::forEachMatch(context, rules->percentRangeStart, [&](int page, const QString &, const FigureScan::Match &m) {
            const QString value = FigureNormalize::percent(m.captured(u"num"_s), false);
            if (!value.isEmpty())
                found.append({u"percent"_s, {page, int(m.capturedStart()), int(m.capturedEnd())}, value,
                              FigureScan::confidence(rules->confidence, u"percentRange"_s, 0.8),
                              u"figures.percent.range"_s, {}});
        });
        FigureScan::appendEntities(context, FigureScan::resolve(found), out);
    }
};

// Dates in prose and tables; value ISO 8601: "2007-06-04", "2007-06" for a month,
// "a/b" for a range. Impossible dates ("February 30, 2023") are not dates. A bare
// year ("Act of 1934") is not taken.
class DateRecognizer final : public Recognizer
{
public:
    QString name() const override { return u"dates"_s; }
    void run(const ExtractionContext &context, EntityList &out) const override
    {
        const auto rules = FigureRules::forRules(context.rules);
        const FigureRules &r = *rules;
        QList<Candidate> found;
        auto add = [&](int page, const FigureScan::Match &m, const QString &value, const QString &kind,
                       const QString &confidenceKey, double fallback) {
            if (value.isEmpty())
                return;
            found.append({u"date"_s, {page, int(m.capturedStart()), int(m.capturedEnd())}, value,
                          FigureScan::confidence(r.confidence, confidenceKey, fallback),
                          u"figures.date."_s + kind, {}});
        };
        auto year = [](const FigureScan::Match &m) { return m.captured(u"y"_s).toInt(); };
        auto day = [&](const FigureScan::Match &m, int mi, const QString &d) {
            return FigureNormalize::isoDate(year(m), r.month(m.captured(mi == 1 ? u"m1"_s : u"m2"_s)),
                                            m.captured(d).toInt(), r.minYear, r.maxYear);
        };

        FigureScan::forEachMatch(context, r.dateCrossRange, [&](int page, const QString &, const FigureScan::Match &m) {
            const QString a = day(m, 1, u"d1"_s);
            const QString b = day(m, 2, u"d2"_s);
            if (!a.isEmpty() && !b.isEmpty() && a < b)
                add(page, m, a + u'/' + b, u"range"_s, u"dateRange"_s, 0.88);
        });
        FigureScan::forEachMatch(context, r.dateRange, [&](int page, const QString &, const FigureScan::Match &m) {
            const QString a = day(m, 1, u"d1"_s);
            const int monthNumber = r.month(m.captured(u"m1"_s));
            const QString b = FigureNormalize::isoDate(year(m), monthNumber, m.captured(u"d2"_s).toInt(),
                                                       r.minYear, r.maxYear);
            if (!a.isEmpty() && !b.isEmpty() && a < b)
                add(page, m, a + u'/' + b, u"range"_s, u"dateRange"_s, 0.88);
        });
        FigureScan::forEachMatch(context, r.monthRange, [&](int page, const QString &, const FigureScan::Match &m) {
            const QString a = FigureNormalize::isoMonth(year(m), r.month(m.captured(u"m1"_s)), r.minYear, r.maxYear);
            const QString b = FigureNormalize::isoMonth(year(m), r.month(m.captured(u"m2"_s)), r.minYear, r.maxYear);
            if (!a.isEmpty() && !b.isEmpty() && a < b)
                add(page, m, a + u'/' + b, u"month-range"_s, u"dateRange"_s, 0.88);
        });
        FigureScan::forEachMatch(context, r.dateFull, [&](int page, const QString &text, const FigureScan::Match &m) {
            add(page, m, day(m, 1, u"d1"_s), u"full"_s, u"date"_s, 0.92);
            // A second year of the same day: "at December 31, 2023 and 2022" is also
            // 2022-12-31, spanning the year printed.
            static const QRegularExpression otherYear(uR"(^,?\h{1,2}(?:and|or)\h{1,2}(\d{4})(?![\w]|[.,]\d))"_s);
            const int end = int(m.capturedEnd());
            const QRegularExpressionMatch y = otherYear.match(QStringView(text).mid(end, 16));
            if (!y.hasMatch())
                return;
            const QString value = FigureNormalize::isoDate(y.captured(1).toInt(), r.month(m.captured(u"m1"_s)),
                                                           m.captured(u"d1"_s).toInt(), r.minYear, r.maxYear);
            if (!value.isEmpty())
                found.append({u"date"_s, {page, end + int(y.capturedStart(1)), end + int(y.capturedEnd(1))}, value,
                              FigureScan::confidence(r.confidence, u"date"_s, 0.92) - 0.1, u"figures.date.other-year"_s, {}});
        });
        FigureScan::forEachMatch(context, r.dateDayFirst, [&](int page, const QString &, const FigureScan::Match &m) {
            add(page, m, day(m, 1, u"d1"_s), u"day-first"_s, u"date"_s, 0.92);
        });
        FigureScan::forEachMatch(context, r.monthYear, [&](int page, const QString &, const FigureScan::Match &m) {
            add(page, m, FigureNormalize::isoMonth(year(m), r.month(m.captured(u"m1"_s)), r.minYear, r.maxYear),
                u"month"_s, u"monthYear"_s, 0.8);
        });
        FigureScan::forEachMatch(context, r.dateNumeric, [&](int page, const QString &, const FigureScan::Match &m) {
            int first = m.captured(u"m1"_s).toInt();
            int second = m.captured(u"d1"_s).toInt();
            // Month first as EDGAR writes it; "25/12/2023" can only be day first.
            if (first > 12 && second <= 12)
                std::swap(first, second);
            const int y = FigureNormalize::expandYear(m.captured(u"y"_s).toInt());
            add(page, m, FigureNormalize::isoDate(y, first, second, r.minYear, r.maxYear), u"numeric"_s,
                u"dateNumeric"_s, 0.75);
        });
        FigureScan::forEachMatch(context, r.dateIso, [&](int page, const QString &, const FigureScan::Match &m) {
            add(page, m, day(m, 1, u"d1"_s), u"iso"_s, u"dateIso"_s, 0.85);
        });
        // Fiscal periods: "2020-Q2", "FY2022", "FY2022-Q2".
        FigureScan::forEachMatch(context, r.quarter, [&](int page, const QString &, const FigureScan::Match &m) {
            const int q = captured(m, u"qn"_s) ? m.captured(u"qn"_s).toInt() : r.quarterByWord.value(m.captured(u"q"_s).toLower());
            const int y = year(m);
            if (q < 1 || y < r.minYear || y > r.maxYear)
                return;
            const QString value = captured(m, u"fiscal"_s) || captured(m, u"fiscal2"_s) ? u"FY%1-Q%2"_s.arg(y).arg(q) : u"%1-Q%2"_s.arg(y).arg(q);
            add(page, m, value, u"quarter"_s, u"fiscalPeriod"_s, 0.8);
        });
        FigureScan::forEachMatch(context, r.fiscalYear, [&](int page, const QString &, const FigureScan::Match &m) {
            const int y = captured(m, u"y2"_s) ? FigureNormalize::expandYear(m.captured(u"y2"_s).toInt()) : year(m);
            if (y < r.minYear || y > r.maxYear)
                return;
            add(page, m, u"FY%1"_s.arg(y), u"fiscal-year"_s, u"fiscalPeriod"_s, 0.8);
        });
        FigureScan::appendEntities(context, FigureScan::resolve(found), out);
    }
};

} // namespace

RecognizerList createFigureRecognizers()
{
    RecognizerList list;
    list.push_back(std::make_unique<MoneyRecognizer>());
    list.push_back(std::make_unique<PercentRecognizer>());
    list.push_back(std::make_unique<DateRecognizer>());
    return list;
}
