#pragma once

#include <QtCore/QString>

// Normalized values of the figure types (ARCHITECTURE.md, entity types). Pure
// functions; an empty result means "not a valid figure".
namespace FigureNormalize {
// A decimal number as written ("12,345", "1.3", ".5") times 10^exponent, exactly:
// ("1.3", 9) -> "1300000000", ("0.25", 0) -> "0.25". Thousands separators are dropped,
// trailing fractional zeros too. Empty when the text is not a number.
QString scaledNumber(const QString &number, int exponent);
// ("USD", "1.3", 9, false) -> "USD 1300000000"; negative -> "USD -1200000".
QString money(const QString &currency, const QString &number, int exponent, bool negative);
// A money value times 10^exponent: ("USD -15194", 6) -> "USD -15194000000"; empty
// when value is not a money value.
QString rescaled(const QString &value, int exponent);
// ("12.5", false) -> "12.5%"; ("3.2", true) -> "-3.2%"; ("1,250", false) -> "1250%".
QString percent(const QString &number, bool negative);
// "2007-06-04"; empty for impossible dates (February 30) or years outside [minYear, maxYear].
QString isoDate(int year, int month, int day, int minYear = 1900, int maxYear = 2099);
// "2007-06"; empty for a month outside 1..12 or a year out of range.
QString isoMonth(int year, int month, int minYear = 1900, int maxYear = 2099);
// Two-digit years of numeric dates: 00-69 -> 2000s, 70-99 -> 1900s.
int expandYear(int year);
}
