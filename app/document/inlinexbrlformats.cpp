// The EDGAR transformation formats of inline-XBRL facts (ixt: and ixt-sec:): numbers
// as written (separators, words, "none"), dates in every part order, durations,
// booleans; with scale and sign applied. Pure functions of the text.
#include "inlinexbrl.h"

#include <QtCore/QDate>
#include <QtCore/QHash>
#include <QtCore/QMap>

using namespace Qt::StringLiterals;

namespace {

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
