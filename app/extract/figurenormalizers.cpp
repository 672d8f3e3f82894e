#include "figurenormalizers.h"

#include <QtCore/QDate>

using namespace Qt::StringLiterals;

QString FigureNormalize::scaledNumber(const QString &number, int exponent)
{
    QString whole;
    QString fraction;
    bool point = false;
    for (const QChar c : number) {
        if (c == u',' || c == u' ' || c == QChar(0xa0))
            continue;
        if (c == u'.') {
            if (point)
                return {};
            point = true;
        } else if (c.isDigit() && c.unicode() < 128) {
            (point ? fraction : whole) += c;
        } else {
            return {};
        }
    }
    if (whole.isEmpty() && fraction.isEmpty())
        return {};
    // Move the decimal point exponent places to the right (or left when negative).
    QString digits = whole + fraction;
    int pointAt = int(whole.size()) + exponent;
    if (pointAt < 0) {
        digits.prepend(QString(-pointAt, u'0'));
        pointAt = 0;
    }
    if (pointAt > digits.size())
        digits.append(QString(pointAt - digits.size(), u'0'));
    QString intPart = digits.left(pointAt);
    QString fracPart = digits.mid(pointAt);
    while (intPart.size() > 1 && intPart.startsWith(u'0'))
        intPart.remove(0, 1);
    if (intPart.isEmpty())
        intPart = u"0"_s;
    while (fracPart.endsWith(u'0'))
        fracPart.chop(1);
    return fracPart.isEmpty() ? intPart : intPart + u'.' + fracPart;
}

QString FigureNormalize::money(const QString &currency, const QString &number, int exponent,
                               bool negative)
{
    const QString amount = scaledNumber(number, exponent);
    if (amount.isEmpty() || currency.isEmpty())
        return {};
    const bool zero = amount == u"0"_s;
    return currency + u' ' + (negative && !zero ? u"-"_s : QString()) + amount;
}

QString FigureNormalize::rescaled(const QString &value, int exponent)
{
    const int space = int(value.indexOf(u' '));
    if (space <= 0)
        return {};
    QString number = value.mid(space + 1);
    const bool negative = number.startsWith(u'-');
    if (negative)
        number.remove(0, 1);
    return money(value.left(space), number, exponent, negative);
}

QString FigureNormalize::percent(const QString &number, bool negative)
{
    const QString amount = scaledNumber(number, 0);
    if (amount.isEmpty())
        return {};
    const bool zero = amount == u"0"_s;
    return (negative && !zero ? u"-"_s : QString()) + amount + u'%';
}

QString FigureNormalize::isoDate(int year, int month, int day, int minYear, int maxYear)
{
    if (year < minYear || year > maxYear || !QDate::isValid(year, month, day))
        return {};
    return QDate(year, month, day).toString(Qt::ISODate);
}

QString FigureNormalize::isoMonth(int year, int month, int minYear, int maxYear)
{
    if (year < minYear || year > maxYear || month < 1 || month > 12)
        return {};
    return u"%1-%2"_s.arg(year, 4, 10, QChar(u'0')).arg(month, 2, 10, QChar(u'0'));
}

int FigureNormalize::expandYear(int year)
{
    if (year >= 100)
        return year;
    return year < 70 ? 2000 + year : 1900 + year;
}
