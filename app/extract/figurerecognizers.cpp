#include "recognizer.h"

#include "figurenormalizers.h"
#include "figurerules.h"
#include "figurescan.h"

using namespace Qt::StringLiterals;

using FigureScan::Candidate;

namespace {

// How far below a table heading ("(Dollars in Millions)") its unit still applies.
constexpr int TableScaleReach = 4000;

bool captured(const FigureScan::Match &m, const QString &name)
{
    return m.capturedStart(name) >= 0;
}

// Money: a currency symbol or code before the amount, or a currency word after it;
// value "USD 1300000000". Amounts in tables headed "in millions" stay as written.
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
        // Amounts in a table headed "(Dollars in Millions)" keep their value as written
        // (the heading may not cover every column, e.g. per-share data), and say so.
        QHash<int, QList<std::pair<int, QString>>> headings;
        FigureScan::forEachMatch(context, rules->tableScale, [&](int page, const QString &, const FigureScan::Match &m) {
            headings[page].append({int(m.capturedStart()), m.captured(u"word"_s).toLower()});
        });
        for (Candidate &c : found) {
            if (c.attributes.contains(u"scale"_s))
                continue;
            const auto &onPage = headings.value(c.span.page);
            auto it = std::lower_bound(onPage.begin(), onPage.end(), std::make_pair(c.span.start, QString()));
            if (it == onPage.begin())
                continue;
            --it;
            if (c.span.start - it->first <= TableScaleReach)
                c.attributes.insert(u"statedIn"_s, it->second);
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
        FigureScan::appendEntities(context, FigureScan::resolve(found), out);
    }
};

// Percentages; value "12.5%", "-3.2%" for "(3.2)%". "(3.2%)" is read as a
// parenthetical, not as a negative number.
class PercentRecognizer final : public Recognizer
{
public:
    QString name() const override { return u"percentages"_s; }
    void run(const ExtractionContext &context, EntityList &out) const override
    {
        const auto rules = FigureRules::forRules(context.rules);
        QList<Candidate> found;
        FigureScan::forEachMatch(context, rules->percent, [&](int page, const QString &, const FigureScan::Match &m) {
            const bool parens = captured(m, u"open"_s) && captured(m, u"close"_s);
            const bool negative = parens || captured(m, u"minus"_s);
            const int start = captured(m, u"open"_s) && !parens ? int(m.capturedStart(u"num"_s))
                                                               : int(m.capturedStart());
            if (captured(m, u"close"_s) && !parens)
                return; // "3.2) percent": the parenthesis closes something else
            const QString value = FigureNormalize::percent(m.captured(u"num"_s), negative);
            if (value.isEmpty())
                return;
            found.append({u"percent"_s, {page, start, int(m.capturedEnd())}, value,
                          FigureScan::confidence(rules->confidence, u"percent"_s, 0.9), u"figures.percent"_s, {}});
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
        FigureScan::forEachMatch(context, r.dateFull, [&](int page, const QString &, const FigureScan::Match &m) {
            add(page, m, day(m, 1, u"d1"_s), u"full"_s, u"date"_s, 0.92);
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
