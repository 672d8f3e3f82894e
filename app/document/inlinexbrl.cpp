#include "inlinexbrl.h"

#include "htmltag.h"

#include "htmlcleaner.h"

#include <QtCore/QDate>
#include <QtCore/QHash>
#include <QtCore/QMap>
#include <QtCore/QSet>
#include <QtCore/QVarLengthArray>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// End tags are matched against at most this many open elements, as in HtmlCleaner.
constexpr int kMatchWindow = 256;
// Facts and continuations nested deeper than this gather no text, so that crafted
// nesting cannot make the pass quadratic (real filings nest three or four).
constexpr int kMaxGathering = 64;
// Characters of collapsed text kept per fact or continuation: enough for any number
// and for a text value cut at kMaxTextValue; the full length is still counted.
constexpr int kKeptText = 1024;
// Continuation steps followed in all, over every fact of a document.
constexpr qsizetype kMaxContinuationSteps = 1000000;

struct Attribute
{
    QStringView name;
    QStringView value;
};

struct Tag
{
    QString prefix; // lower case, empty when none
    QString local;  // lower case
    bool end = false;
    bool selfClosing = false;
    QVarLengthArray<Attribute, 12> attributes;
    qsizetype finish = 0;

    // The attribute's value; names compare without case, and "*:nil" style
    // lookups match any prefix when `anyPrefix` is set.
    QStringView attribute(QStringView name, bool anyPrefix = false) const
    {
        for (const Attribute &a : attributes) {
            QStringView n = a.name;
            if (anyPrefix) {
                const qsizetype colon = n.indexOf(u':');
                if (colon >= 0)
                    n = n.mid(colon + 1);
            }
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return a.value;
        }
        return {};
    }
    bool has(QStringView name) const
    {
        for (const Attribute &a : attributes) {
            if (a.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

bool parseTag(QStringView s, qsizetype i, Tag &tag)
{
    HtmlTag read;
    if (!HtmlTag::parse(s, i, &read))
        return false;
    const qsizetype colon = read.name.lastIndexOf(u':');
    tag.prefix = colon >= 0 ? read.name.left(colon).toString().toLower() : QString();
    tag.local = read.name.mid(colon + 1).toString().toLower();
    tag.end = read.end;
    tag.selfClosing = read.selfClosing;
    tag.finish = read.finish;
    tag.attributes.clear();
    for (const auto &[name, value] : read.attributes)
        tag.attributes.append({name, value});
    return true;
}

// Collapsed text (runs of white space as one space, none at either end), the first
// kKeptText characters kept and the whole length counted.
struct TextSink
{
    QString kept;
    qint64 length = 0;
    bool any = false;          // some non-space character seen
    bool leadingSpace = false; // white space before the first character
    bool pendingSpace = false; // white space after the last character

    void add(QStringView text)
    {
        for (const QChar c : text) {
            if (c.isSpace()) {
                if (any)
                    pendingSpace = true;
                else
                    leadingSpace = true;
                continue;
            }
            if (pendingSpace) {
                if (kept.size() < kKeptText)
                    kept += u' ';
                ++length;
                pendingSpace = false;
            }
            if (kept.size() < kKeptText)
                kept += c;
            ++length;
            any = true;
        }
    }
    void space() { add(u" "); }
    void append(const TextSink &o)
    {
        if (!o.any) {
            if (any && (o.leadingSpace || o.pendingSpace))
                pendingSpace = true;
            else if (!any && o.leadingSpace)
                leadingSpace = true;
            return;
        }
        if (any && (pendingSpace || o.leadingSpace)) {
            if (kept.size() < kKeptText)
                kept += u' ';
            ++length;
        } else if (!any) {
            leadingSpace = leadingSpace || o.leadingSpace;
        }
        if (kept.size() < kKeptText)
            kept += QStringView(o.kept).left(kKeptText - kept.size());
        length += o.length;
        any = true;
        pendingSpace = o.pendingSpace;
    }
};

struct RawFact
{
    QString concept;
    QString contextRef;
    QString unitRef;
    QString decimals;
    QString scale;
    QString format;
    QString continuedAt;
    bool negative = false;
    bool nil = false;
    bool numeric = false;
    bool hidden = false;
    int sink = -1;
    qsizetype source = 0;
};

struct Continuation
{
    int sink = -1;
    QString continuedAt;
};

struct Context
{
    QString start, end, instant;
    bool isForever = false;
    QStringList dimensions;
};

struct Unit
{
    QStringList measures, numerator, denominator;
};

struct Open
{
    QString prefix;
    QString local;
    int sink = -1;            // a fact or continuation gathering text
    bool gathering = false;   // its sink is on the gathering list
    bool exclude = false;
    bool hiddenSection = false;
    bool resources = false;
    bool capture = false;     // a resource value ends here
    bool context = false;
    bool unit = false;
    int unitPart = 0;         // 1 numerator, 2 denominator
};

bool isBlock(const QString &local)
{
    static const QSet<QString> names = {u"p"_s, u"div"_s, u"br"_s, u"td"_s, u"th"_s, u"tr"_s,
                                        u"li"_s, u"h1"_s, u"h2"_s, u"h3"_s, u"h4"_s, u"h5"_s,
                                        u"h6"_s, u"table"_s, u"ul"_s, u"ol"_s, u"hr"_s, u"dt"_s,
                                        u"dd"_s, u"blockquote"_s, u"pre"_s};
    return names.contains(local);
}

bool isVoid(const QString &local)
{
    static const QSet<QString> names = {u"area"_s, u"base"_s, u"br"_s, u"col"_s, u"embed"_s,
                                        u"hr"_s, u"img"_s, u"input"_s, u"link"_s, u"meta"_s,
                                        u"param"_s, u"source"_s, u"track"_s, u"wbr"_s};
    return names.contains(local);
}

QString withoutPrefix(QStringView qname)
{
    const qsizetype colon = qname.indexOf(u':');
    return (colon >= 0 ? qname.mid(colon + 1) : qname).trimmed().toString();
}

QString formatName(const QString &format)
{
    return withoutPrefix(format).toLower();
}

// "three", "twenty-one", "one hundred and five", "no", "none"; also plain digits.
bool wordsToNumber(const QString &text, QString *digits)
{
    static const QHash<QString, int> small = {
        {u"no"_s, 0}, {u"none"_s, 0}, {u"zero"_s, 0}, {u"nil"_s, 0}, {u"one"_s, 1}, {u"a"_s, 1},
        {u"an"_s, 1}, {u"two"_s, 2}, {u"three"_s, 3}, {u"four"_s, 4}, {u"five"_s, 5},
        {u"six"_s, 6}, {u"seven"_s, 7}, {u"eight"_s, 8}, {u"nine"_s, 9}, {u"ten"_s, 10},
        {u"eleven"_s, 11}, {u"twelve"_s, 12}, {u"thirteen"_s, 13}, {u"fourteen"_s, 14},
        {u"fifteen"_s, 15}, {u"sixteen"_s, 16}, {u"seventeen"_s, 17}, {u"eighteen"_s, 18},
        {u"nineteen"_s, 19}, {u"twenty"_s, 20}, {u"thirty"_s, 30}, {u"forty"_s, 40},
        {u"fifty"_s, 50}, {u"sixty"_s, 60}, {u"seventy"_s, 70}, {u"eighty"_s, 80},
        {u"ninety"_s, 90}};
    static const QHash<QString, qint64> large = {
        {u"thousand"_s, 1000}, {u"million"_s, 1000000}, {u"billion"_s, 1000000000}};
    QString cleaned = text.toLower();
    for (QChar &c : cleaned) {
        if (c == u'-' || c == u',' || c == u'\u2010' || c == u'\u2011')
            c = u' ';
    }
    const QStringList words = cleaned.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > 20)
        return false;
    if (words.size() == 1) {
        bool ok = false;
        const qint64 n = words.first().toLongLong(&ok);
        if (ok && n >= 0) {
            *digits = QString::number(n);
            return true;
        }
    }
    qint64 total = 0;
    qint64 current = 0;
    bool seen = false;
    for (const QString &w : words) {
        if (w == u"and"_s)
            continue;
        if (const auto it = small.constFind(w); it != small.cend()) {
            current += it.value();
            seen = true;
        } else if (w == u"hundred"_s) {
            current = (current == 0 ? 1 : current) * 100;
            seen = true;
        } else if (const auto big = large.constFind(w); big != large.cend()) {
            total += (current == 0 ? 1 : current) * big.value();
            current = 0;
            seen = true;
        } else {
            return false;
        }
    }
    if (!seen)
        return false;
    *digits = QString::number(total + current);
    return true;
}

// "digits[.digits]" shifted by scale, signed, without leading or trailing zeros.
QString shiftDecimal(const QString &intPart, const QString &fracPart, int scale, bool negative)
{
    QString digits = intPart + fracPart;
    qsizetype point = intPart.size() + scale;
    if (point < 0) {
        digits.prepend(QString(-point, u'0'));
        point = 0;
    } else if (point > digits.size()) {
        digits.append(QString(point - digits.size(), u'0'));
    }
    QString whole = digits.left(point);
    QString fraction = digits.mid(point);
    qsizetype lead = 0;
    while (lead < whole.size() && whole.at(lead) == u'0')
        ++lead;
    whole = whole.mid(lead);
    while (!fraction.isEmpty() && fraction.endsWith(u'0'))
        fraction.chop(1);
    if (whole.isEmpty())
        whole = u"0"_s;
    QString out = whole;
    if (!fraction.isEmpty())
        out += u'.' + fraction;
    if (out == u"0"_s)
        return out;
    if (negative)
        out.prepend(u'-');
    return out;
}

// A plain unsigned decimal "123", "1.5", ".5"; false otherwise.
bool splitDecimal(QStringView text, QString *intPart, QString *fracPart)
{
    if (text.isEmpty())
        return false;
    const qsizetype dot = text.indexOf(u'.');
    const QStringView a = dot < 0 ? text : text.left(dot);
    const QStringView b = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (a.isEmpty() && b.isEmpty())
        return false;
    for (const QChar c : a) {
        if (c < u'0' || c > u'9')
            return false;
    }
    for (const QChar c : b) {
        if (c < u'0' || c > u'9')
            return false;
    }
    *intPart = a.toString();
    *fracPart = b.toString();
    return true;
}

QString isoDate(int year, int month, int day)
{
    return u"%1-%2-%3"_s.arg(year, 4, 10, QChar(u'0')).arg(month, 2, 10, QChar(u'0')).arg(day, 2, 10, QChar(u'0'));
}

int monthOf(QStringView word)
{
    static const char16_t *names[] = {u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                      u"jul", u"aug", u"sep", u"oct", u"nov", u"dec"};
    if (word.size() < 3)
        return 0;
    const QString w = word.left(3).toString().toLower();
    for (int m = 0; m < 12; ++m) {
        if (w == QStringView(names[m]))
            return m + 1;
    }
    return 0;
}

// Dates by the order of their parts: "mdy", "dmy", "ymd", "md", "dm", "my", "ym".
QString readDate(const QString &text, QStringView order, QString *error)
{
    QList<int> numbers;
    QList<bool> named;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c.isDigit()) {
            qsizetype j = i;
            while (j < text.size() && text.at(j).isDigit())
                ++j;
            if (j - i > 4) {
                *error = u"cannot read the date \"%1\""_s.arg(text);
                return {};
            }
            numbers.append(QStringView(text).mid(i, j - i).toInt());
            named.append(false);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i;
            while (j < text.size() && text.at(j).isLetter())
                ++j;
            const int month = monthOf(QStringView(text).mid(i, j - i));
            if (month > 0) {
                numbers.append(month);
                named.append(true);
            }
            i = j;
        } else {
            ++i;
        }
    }
    if (numbers.size() != order.size()) {
        *error = u"cannot read the date \"%1\""_s.arg(text);
        return {};
    }
    int year = 0, month = 0, day = 0;
    for (qsizetype k = 0; k < order.size(); ++k) {
        const int v = numbers.at(k);
        switch (order.at(k).unicode()) {
        case u'y':
            year = v < 100 ? 2000 + v : v;
            break;
        case u'm':
            month = v;
            break;
        default:
            day = v;
            break;
        }
    }
    const bool hasYear = order.contains(u'y');
    const bool hasDay = order.contains(u'd');
    if (month < 1 || month > 12 || (hasDay && (day < 1 || day > 31)) || (hasYear && year < 1000)) {
        *error = u"cannot read the date \"%1\""_s.arg(text);
        return {};
    }
    if (hasYear && hasDay) {
        if (!QDate(year, month, day).isValid()) {
            *error = u"cannot read the date \"%1\""_s.arg(text);
            return {};
        }
        return isoDate(year, month, day);
    }
    if (hasYear)
        return u"%1-%2"_s.arg(year, 4, 10, QChar(u'0')).arg(month, 2, 10, QChar(u'0'));
    return u"--%1-%2"_s.arg(month, 2, 10, QChar(u'0')).arg(day, 2, 10, QChar(u'0'));
}

QString dateOrder(const QString &format)
{
    static const QHash<QString, QString> orders = {
        {u"date-monthname-day-year-en"_s, u"mdy"_s}, {u"datemonthdayyearen"_s, u"mdy"_s},
        {u"datelongus"_s, u"mdy"_s}, {u"dateshortus"_s, u"mdy"_s},
        {u"date-month-day-year"_s, u"mdy"_s}, {u"dateslashus"_s, u"mdy"_s},
        {u"datedotus"_s, u"mdy"_s}, {u"datemonthdayyear"_s, u"mdy"_s},
        {u"date-day-monthname-year-en"_s, u"dmy"_s}, {u"datedaymonthyearen"_s, u"dmy"_s},
        {u"datelonguk"_s, u"dmy"_s}, {u"dateshortuk"_s, u"dmy"_s},
        {u"date-day-month-year"_s, u"dmy"_s}, {u"dateslasheu"_s, u"dmy"_s},
        {u"datedoteu"_s, u"dmy"_s}, {u"datedaymonthyear"_s, u"dmy"_s},
        {u"date-year-month-day"_s, u"ymd"_s}, {u"dateyearmonthday"_s, u"ymd"_s},
        {u"date-monthname-day-en"_s, u"md"_s}, {u"datemonthdayen"_s, u"md"_s},
        {u"date-month-day"_s, u"md"_s}, {u"datemonthday"_s, u"md"_s},
        {u"datelongmonthday"_s, u"md"_s}, {u"dateshortmonthday"_s, u"md"_s},
        {u"date-day-monthname-en"_s, u"dm"_s}, {u"datedaymonthen"_s, u"dm"_s},
        {u"date-day-month"_s, u"dm"_s}, {u"datedaymonth"_s, u"dm"_s},
        {u"datelongdaymonthuk"_s, u"dm"_s}, {u"dateshortdaymonthuk"_s, u"dm"_s},
        {u"date-monthname-year-en"_s, u"my"_s}, {u"datemonthyearen"_s, u"my"_s},
        {u"date-month-year"_s, u"my"_s}, {u"datemonthyear"_s, u"my"_s},
        {u"datelongyearmonth"_s, u"ym"_s}, {u"date-year-monthname-en"_s, u"ym"_s},
        {u"dateyearmonthen"_s, u"ym"_s}, {u"date-year-month"_s, u"ym"_s},
        {u"datelongmonthyear"_s, u"my"_s}, {u"dateshortmonthyear"_s, u"my"_s}};
    return orders.value(format);
}

// "P2Y6M" from a number of years, months, days, weeks or hours (decimals allowed).
QString durationFrom(const QString &text, const QString &unit, QString *error)
{
    QString number = text.trimmed();
    number.remove(u',');
    bool ok = false;
    double value = number.toDouble(&ok);
    if (!ok) {
        QString digits;
        if (wordsToNumber(text, &digits))
            value = digits.toDouble(&ok);
    }
    if (!ok || value < 0 || value > 1e6) {
        *error = u"cannot read the duration \"%1\""_s.arg(text);
        return {};
    }
    const qint64 whole = qint64(value);
    const double rest = value - double(whole);
    if (unit == u"Y"_s) {
        const double months = rest * 12;
        const qint64 m = qint64(months);
        const qint64 d = qRound64((months - double(m)) * 30);
        QString out = u"P"_s + QString::number(whole) + u'Y';
        if (m)
            out += QString::number(m) + u'M';
        if (d)
            out += QString::number(d) + u'D';
        return out;
    }
    if (unit == u"M"_s) {
        const qint64 d = qRound64(rest * 30);
        QString out = u"P"_s + QString::number(whole) + u'M';
        if (d)
            out += QString::number(d) + u'D';
        return out;
    }
    if (unit == u"H"_s)
        return u"PT"_s + QString::number(value) + u'H';
    return u"P"_s + QString::number(value) + unit;
}

// "three years and six months" -> "P3Y6M".
QString durationFromWords(const QString &text, QString *error)
{
    QString lower = text.toLower();
    for (QChar &c : lower) {
        if (!c.isLetterOrNumber() && c != u'.')
            c = u' ';
    }
    const QStringList words = lower.split(u' ', Qt::SkipEmptyParts);
    QMap<int, QString> parts; // order Y M W D
    QStringList pending;
    for (const QString &w : words) {
        QString unit;
        int order = 0;
        if (w.startsWith(u"year"_s)) {
            unit = u"Y"_s;
            order = 0;
        } else if (w.startsWith(u"month"_s)) {
            unit = u"M"_s;
            order = 1;
        } else if (w.startsWith(u"week"_s)) {
            unit = u"W"_s;
            order = 2;
        } else if (w.startsWith(u"day"_s)) {
            unit = u"D"_s;
            order = 3;
        }
        if (unit.isEmpty()) {
            if (w != u"and"_s)
                pending.append(w);
            continue;
        }
        QString digits;
        if (pending.isEmpty() || !wordsToNumber(pending.join(u' '), &digits)) {
            *error = u"cannot read the duration \"%1\""_s.arg(text);
            return {};
        }
        parts.insert(order, digits + unit);
        pending.clear();
    }
    if (parts.isEmpty() || !pending.isEmpty()) {
        *error = u"cannot read the duration \"%1\""_s.arg(text);
        return {};
    }
    QString out = u"P"_s;
    for (const QString &p : std::as_const(parts))
        out += p;
    return out;
}

} // namespace

bool InlineXbrl::mayHoldFacts(QStringView html)
{
    return html.contains(u"nonfraction"_s, Qt::CaseInsensitive)
        || html.contains(u"nonnumeric"_s, Qt::CaseInsensitive);
}

QString InlineXbrl::numericValue(const QString &text, const QString &format, const QString &scale,
                                 bool negative, QString *error)
{
    const QString f = formatName(format);
    QString number;
    bool minus = false;
    if (f.isEmpty()) {
        number = text.trimmed();
        if (number.startsWith(u'-') || number.startsWith(u'+')) {
            minus = number.startsWith(u'-');
            number = number.mid(1);
        }
    } else if (f == u"num-dot-decimal"_s || f == u"numdotdecimal"_s || f == u"numcommadot"_s
               || f == u"numspacedot"_s || f == u"num-unit-decimal"_s) {
        for (const QChar c : text) {
            if (c == u',' || c.isSpace() || c == u'\'')
                continue;
            number += c;
        }
    } else if (f == u"num-comma-decimal"_s || f == u"numcommadecimal"_s || f == u"numdotcomma"_s
               || f == u"numspacecomma"_s) {
        for (const QChar c : text) {
            if (c == u'.' || c.isSpace() || c == u'\'')
                continue;
            number += c == u',' ? QChar(u'.') : c;
        }
    } else if (f == u"fixed-zero"_s || f == u"zerodash"_s || f == u"numdash"_s) {
        number = u"0"_s;
    } else if (f == u"numwordsen"_s || f == u"num-word-en"_s) {
        if (!wordsToNumber(text, &number)) {
            *error = u"cannot read \"%1\" as a number in words"_s.arg(text.left(40));
            return {};
        }
    } else {
        *error = u"unknown format %1"_s.arg(format.trimmed());
        return {};
    }
    QString intPart, fracPart;
    if (!splitDecimal(number, &intPart, &fracPart)) {
        *error = u"cannot read \"%1\" as a number"_s.arg(text.left(40));
        return {};
    }
    int power = 0;
    if (!scale.trimmed().isEmpty()) {
        bool ok = false;
        power = scale.trimmed().toInt(&ok);
        if (!ok) {
            *error = u"scale \"%1\" is not a whole number"_s.arg(scale.left(40));
            return {};
        }
        if (power > kMaxScale || power < -kMaxScale) {
            *error = u"scale %1 is out of range"_s.arg(power);
            return {};
        }
    }
    if (intPart.size() + fracPart.size() > 4 * kMaxScale) {
        *error = u"the number has too many digits"_s;
        return {};
    }
    return shiftDecimal(intPart, fracPart, power, negative != minus);
}

QString InlineXbrl::textValue(const QString &text, const QString &format, QString *error)
{
    const QString f = formatName(format);
    if (f.isEmpty())
        return text;
    if (f == u"fixed-true"_s || f == u"booleantrue"_s)
        return u"true"_s;
    if (f == u"fixed-false"_s || f == u"booleanfalse"_s)
        return u"false"_s;
    if (f == u"fixed-empty"_s)
        return {};
    if (f == u"boolballotbox"_s) {
        const QString t = text.trimmed();
        if (t == u"\u2610"_s)
            return u"false"_s;
        if (t == u"\u2611"_s || t == u"\u2612"_s)
            return u"true"_s;
        *error = u"cannot read \"%1\" as a ballot box"_s.arg(t.left(40));
        return text;
    }
    if (const QString order = dateOrder(f); !order.isEmpty()) {
        QString e;
        const QString date = readDate(text, order, &e);
        if (!e.isEmpty()) {
            *error = e;
            return text;
        }
        return date;
    }
    if (f == u"numwordsen"_s || f == u"num-word-en"_s || f.startsWith(u"num"_s)
        || f == u"fixed-zero"_s || f == u"zerodash"_s) {
        QString e;
        const QString number = numericValue(text, format, {}, false, &e);
        if (!e.isEmpty()) {
            *error = e;
            return text;
        }
        return number;
    }
    static const QHash<QString, QString> durations = {
        {u"duryear"_s, u"Y"_s}, {u"durmonth"_s, u"M"_s}, {u"durweek"_s, u"W"_s},
        {u"durday"_s, u"D"_s}, {u"durhour"_s, u"H"_s}};
    if (const auto it = durations.constFind(f); it != durations.cend()) {
        QString e;
        const QString d = durationFrom(text, it.value(), &e);
        if (!e.isEmpty()) {
            *error = e;
            return text;
        }
        return d;
    }
    if (f == u"durwordsen"_s) {
        QString e;
        const QString d = durationFromWords(text, &e);
        if (!e.isEmpty()) {
            *error = e;
            return text;
        }
        return d;
    }
    // Names that EDGAR maps to codes (exchanges, states, countries, filer categories):
    // the text as the filing shows it.
    static const QSet<QString> names = {u"exchnameen"_s, u"stateprovnameen"_s,
                                        u"countrynameen"_s, u"edgarprovcountryen"_s,
                                        u"entityfilercategoryen"_s};
    if (names.contains(f))
        return text;
    *error = u"unknown format %1"_s.arg(format.trimmed());
    return text;
}

InlineXbrl::Reading InlineXbrl::read(QStringView s)
{
    Reading reading;
    QList<RawFact> facts;
    QList<TextSink> sinks;
    QHash<QString, Continuation> continuations;
    QHash<QString, Context> contexts;
    QHash<QString, Unit> units;
    QList<Open> stack;
    QList<int> gathering; // sinks gathering text, outermost first
    QList<int> gatheringExclude; // the exclusion depth each was opened at
    int excludeDepth = 0;
    int hiddenDepth = 0;
    int resourcesDepth = 0;
    QString ixPrefix = u"ix"_s;

    Context *context = nullptr;
    QString contextId;
    Context currentContext;
    bool inUnit = false;
    QString unitId;
    Unit currentUnit;
    QString *capture = nullptr;
    QString captured;
    enum class Target { None, Start, End, Instant, Explicit, Typed, Measure };
    Target target = Target::None;
    QString dimension;
    int unitPart = 0;

    const auto addText = [&](QStringView raw, bool decode) {
        if (capture)
            capture->append(decode ? HtmlCleaner::decodeEntities(raw) : raw.toString());
        if (gathering.isEmpty())
            return;
        const QString text = decode && raw.contains(u'&') ? HtmlCleaner::decodeEntities(raw) : raw.toString();
        for (qsizetype k = 0; k < gathering.size(); ++k) {
            if (gatheringExclude.at(k) == excludeDepth)
                sinks[gathering.at(k)].add(text);
        }
    };
    const auto addSpace = [&]() {
        for (qsizetype k = 0; k < gathering.size(); ++k) {
            if (gatheringExclude.at(k) == excludeDepth)
                sinks[gathering.at(k)].space();
        }
    };
    const auto finishCapture = [&]() {
        const QString value = captured.simplified();
        switch (target) {
        case Target::Start:
            currentContext.start = value;
            break;
        case Target::End:
            currentContext.end = value;
            break;
        case Target::Instant:
            currentContext.instant = value;
            break;
        case Target::Explicit:
        case Target::Typed:
            currentContext.dimensions.append(dimension + u'=' + value);
            break;
        case Target::Measure:
            (unitPart == 1 ? currentUnit.numerator : unitPart == 2 ? currentUnit.denominator
                                                                   : currentUnit.measures)
                .append(withoutPrefix(value));
            break;
        case Target::None:
            break;
        }
        capture = nullptr;
        captured.clear();
        target = Target::None;
    };
    const auto popTop = [&]() {
        const Open e = stack.takeLast();
        if (e.gathering) {
            gathering.removeLast();
            gatheringExclude.removeLast();
        }
        if (e.exclude)
            --excludeDepth;
        if (e.hiddenSection)
            --hiddenDepth;
        if (e.resources)
            --resourcesDepth;
        if (e.capture)
            finishCapture();
        if (e.context) {
            if (!contextId.isEmpty() && !contexts.contains(contextId))
                contexts.insert(contextId, currentContext);
            currentContext = Context();
            contextId.clear();
            context = nullptr;
        }
        if (e.unit) {
            if (!unitId.isEmpty() && !units.contains(unitId))
                units.insert(unitId, currentUnit);
            currentUnit = Unit();
            unitId.clear();
            inUnit = false;
        }
        if (e.unitPart)
            unitPart = 0;
        if (isBlock(e.local))
            addSpace();
    };

    const qsizetype n = s.size();
    qsizetype i = 0;
    Tag tag;
    while (i < n) {
        const qsizetype lt = s.indexOf(u'<', i);
        if (lt < 0) {
            addText(s.mid(i), true);
            break;
        }
        if (lt > i)
            addText(s.mid(i, lt - i), true);
        i = lt;
        const QStringView rest = s.mid(i);
        if (rest.startsWith(u"<!--"_s)) {
            const qsizetype close = s.indexOf(u"-->"_s, i + 4);
            i = close < 0 ? n : close + 3;
            continue;
        }
        if (rest.startsWith(u"<![CDATA["_s)) {
            const qsizetype close = s.indexOf(u"]]>"_s, i + 9);
            addText(s.mid(i + 9, (close < 0 ? n : close) - i - 9), false);
            i = close < 0 ? n : close + 3;
            continue;
        }
        if (rest.startsWith(u"<!"_s) || rest.startsWith(u"<?"_s)) {
            const qsizetype close = s.indexOf(u'>', i + 2);
            i = close < 0 ? n : close + 1;
            continue;
        }
        if (!parseTag(s, i, tag)) {
            addText(u"<", false);
            ++i;
            continue;
        }
        const qsizetype tagBegin = i;
        i = tag.finish;

        if (tag.end) {
            const qsizetype floor = qMax<qsizetype>(0, stack.size() - kMatchWindow);
            for (qsizetype k = stack.size() - 1; k >= floor; --k) {
                if (stack.at(k).local == tag.local && stack.at(k).prefix == tag.prefix) {
                    while (stack.size() > k)
                        popTop();
                    break;
                }
            }
            continue;
        }
        if (tag.prefix.isEmpty() && (tag.local == u"script"_s || tag.local == u"style"_s) && !tag.selfClosing) {
            const qsizetype close = s.indexOf(QString(u"</"_s + tag.local), i, Qt::CaseInsensitive);
            if (close < 0) {
                i = n;
            } else {
                const qsizetype gt = s.indexOf(u'>', close);
                i = gt < 0 ? n : gt + 1;
            }
            continue;
        }
        for (const Attribute &a : std::as_const(tag.attributes)) {
            const QStringView ns = a.value.trimmed();
            if (a.name.startsWith(u"xmlns:"_s, Qt::CaseInsensitive)
                && (ns == u"http://www.xbrl.org/2013/inlineXBRL"_s || ns == u"http://www.xbrl.org/2008/inlineXBRL"_s))
                ixPrefix = a.name.mid(6).toString().toLower();
        }
        const bool ix = tag.prefix == ixPrefix;
        if (isBlock(tag.local))
            addSpace();

        Open e;
        e.prefix = tag.prefix;
        e.local = tag.local;
        if (ix && (tag.local == u"nonfraction"_s || tag.local == u"nonnumeric"_s)) {
            if (facts.size() >= kMaxFacts) {
                reading.truncated = true;
            } else {
                RawFact f;
                f.concept = tag.attribute(u"name").trimmed().toString();
                f.contextRef = tag.attribute(u"contextRef").trimmed().toString();
                f.unitRef = tag.attribute(u"unitRef").trimmed().toString();
                f.decimals = tag.attribute(u"decimals").trimmed().toString();
                f.scale = tag.attribute(u"scale").trimmed().toString();
                f.format = tag.attribute(u"format").trimmed().toString();
                f.continuedAt = tag.attribute(u"continuedAt").trimmed().toString();
                f.negative = tag.attribute(u"sign").trimmed() == u"-"_s;
                const QStringView nil = tag.attribute(u"nil", true).trimmed();
                f.nil = nil == u"true"_s || nil == u"1"_s;
                f.numeric = tag.local == u"nonfraction"_s;
                f.hidden = hiddenDepth > 0;
                f.source = tagBegin;
                f.sink = int(sinks.size());
                sinks.append(TextSink());
                facts.append(f);
                e.sink = f.sink;
            }
        } else if (ix && tag.local == u"continuation"_s) {
            const QString id = tag.attribute(u"id").trimmed().toString();
            Continuation c;
            c.sink = int(sinks.size());
            c.continuedAt = tag.attribute(u"continuedAt").trimmed().toString();
            sinks.append(TextSink());
            if (!id.isEmpty() && !continuations.contains(id))
                continuations.insert(id, c);
            e.sink = c.sink;
        } else if (ix && tag.local == u"exclude"_s) {
            e.exclude = true;
        } else if (ix && tag.local == u"hidden"_s) {
            e.hiddenSection = true;
        } else if (ix && tag.local == u"resources"_s) {
            e.resources = true;
        } else if (resourcesDepth > 0) {
            const QString &l = tag.local;
            if (l == u"context"_s && !context && !inUnit) {
                e.context = true;
                context = &currentContext;
                contextId = tag.attribute(u"id").trimmed().toString();
            } else if (l == u"unit"_s && !context && !inUnit) {
                e.unit = true;
                inUnit = true;
                unitId = tag.attribute(u"id").trimmed().toString();
            } else if (!capture && context && (l == u"startdate"_s || l == u"enddate"_s || l == u"instant"_s
                                               || l == u"explicitmember"_s || l == u"typedmember"_s)) {
                e.capture = true;
                capture = &captured;
                target = l == u"startdate"_s ? Target::Start
                    : l == u"enddate"_s      ? Target::End
                    : l == u"instant"_s      ? Target::Instant
                    : l == u"explicitmember"_s ? Target::Explicit
                                               : Target::Typed;
                dimension = tag.attribute(u"dimension").trimmed().toString();
            } else if (context && l == u"forever"_s) {
                currentContext.isForever = true;
            } else if (inUnit && (l == u"unitnumerator"_s || l == u"unitdenominator"_s)) {
                e.unitPart = l == u"unitnumerator"_s ? 1 : 2;
                unitPart = e.unitPart;
            } else if (!capture && inUnit && l == u"measure"_s) {
                e.capture = true;
                capture = &captured;
                target = Target::Measure;
            }
        }

        if (tag.selfClosing || (!ix && tag.prefix.isEmpty() && isVoid(tag.local))) {
            // Nothing inside: undo what opening it started.
            if (e.capture)
                finishCapture();
            if (e.context) {
                if (!contextId.isEmpty() && !contexts.contains(contextId))
                    contexts.insert(contextId, currentContext);
                currentContext = Context();
                contextId.clear();
                context = nullptr;
            }
            if (e.unit) {
                if (!unitId.isEmpty() && !units.contains(unitId))
                    units.insert(unitId, currentUnit);
                currentUnit = Unit();
                unitId.clear();
                inUnit = false;
            }
            continue;
        }
        if (e.sink >= 0 && gathering.size() < kMaxGathering) {
            e.gathering = true;
            gathering.append(e.sink);
            gatheringExclude.append(excludeDepth);
        }
        if (e.exclude)
            ++excludeDepth;
        if (e.hiddenSection)
            ++hiddenDepth;
        if (e.resources)
            ++resourcesDepth;
        stack.append(std::move(e));
    }
    while (!stack.isEmpty())
        popTop();

    // Resolve references now that every context, unit and continuation is known.
    QHash<QString, std::pair<QString, QString>> contextText; // id -> (period, dimensions)
    for (auto it = contexts.cbegin(); it != contexts.cend(); ++it) {
        const Context &c = it.value();
        QString period;
        if (!c.instant.isEmpty())
            period = c.instant;
        else if (c.isForever)
            period = u"forever"_s;
        else if (!c.start.isEmpty() || !c.end.isEmpty())
            period = c.start + u'/' + c.end;
        QStringList dims = c.dimensions;
        std::sort(dims.begin(), dims.end());
        contextText.insert(it.key(), {period, dims.join(u", "_s)});
    }
    QHash<QString, QString> unitText;
    for (auto it = units.cbegin(); it != units.cend(); ++it) {
        const Unit &u = it.value();
        if (u.numerator.isEmpty() && u.denominator.isEmpty())
            unitText.insert(it.key(), u.measures.join(u'*'));
        else
            unitText.insert(it.key(), u.numerator.join(u'*') + u'/' + u.denominator.join(u'*'));
    }

    qsizetype steps = 0;
    reading.facts.reserve(facts.size());
    reading.sources.reserve(facts.size());
    for (const RawFact &f : std::as_const(facts)) {
        XbrlFact x;
        QStringList errors;
        x.concept = f.concept;
        x.context = f.contextRef;
        x.decimals = f.decimals;
        x.scale = f.scale;
        x.numeric = f.numeric;
        x.hidden = f.hidden;
        x.nil = f.nil;
        if (x.concept.isEmpty())
            errors.append(u"no name"_s);

        TextSink text = sinks.at(f.sink);
        if (!f.continuedAt.isEmpty()) {
            QSet<QString> seen;
            QString next = f.continuedAt;
            while (!next.isEmpty()) {
                if (seen.contains(next)) {
                    errors.append(u"continuation %1 comes round again"_s.arg(next.left(60)));
                    break;
                }
                if (++steps > kMaxContinuationSteps) {
                    errors.append(u"continuations too long to follow"_s);
                    break;
                }
                const auto it = continuations.constFind(next);
                if (it == continuations.cend()) {
                    errors.append(u"no continuation %1"_s.arg(next.left(60)));
                    break;
                }
                seen.insert(next);
                text.append(sinks.at(it->sink));
                next = it->continuedAt;
            }
        }

        if (x.context.isEmpty()) {
            errors.append(u"no contextRef"_s);
        } else if (const auto it = contextText.constFind(x.context); it == contextText.cend()) {
            errors.append(u"no context %1"_s.arg(x.context.left(60)));
        } else {
            x.period = it->first;
            x.dimensions = it->second;
        }

        if (f.numeric) {
            if (f.unitRef.isEmpty()) {
                errors.append(u"no unitRef"_s);
            } else if (const auto it = unitText.constFind(f.unitRef); it == unitText.cend()) {
                errors.append(u"no unit %1"_s.arg(f.unitRef.left(60)));
            } else {
                x.unit = it.value();
            }
            if (!f.nil) {
                if (text.length > kKeptText) {
                    errors.append(u"the number is too long"_s);
                } else {
                    QString e;
                    x.value = numericValue(text.kept, f.format, f.scale, f.negative, &e);
                    if (!e.isEmpty())
                        errors.append(e);
                }
            }
        } else if (!f.nil) {
            QString e;
            QString value = textValue(text.kept, f.format, &e);
            if (!e.isEmpty())
                errors.append(e);
            const qint64 fullLength = value == text.kept ? text.length : value.size();
            if (fullLength > kMaxTextValue) {
                qsizetype cut = kMaxTextValue - 1;
                if (cut > 0 && value.at(cut - 1).isHighSurrogate())
                    --cut;
                value = value.left(cut).trimmed() + u"\u2026"_s;
                x.length = int(qMin<qint64>(fullLength, std::numeric_limits<int>::max()));
            }
            x.value = value;
        }
        x.error = errors.join(u"; "_s);
        reading.facts.append(std::move(x));
        reading.sources.append(f.source);
    }
    return reading;
}
