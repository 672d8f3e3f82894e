#pragma once

#include "model/documentcontent.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringView>


// Reads the facts of one inline-XBRL HTML document: every ix:nonFraction and
// ix:nonNumeric (those in ix:hidden and nested ones included) with the context
// (period, dimensions) and unit it refers to in ix:resources, its continuations
// (ix:continuation chains, cycles cut) less its exclusions (ix:exclude), and the
// EDGAR transformation formats, scale and sign applied. One linear pass over the
// source plus work bounded per fact: crafted input (deep nesting, cycles, millions
// of facts, absurd scales) costs time in proportion to its size, never crashes, and
// a fact that cannot be read is still listed with XbrlFact::error set.
//
// The facts carry no span: the caller places the visible ones in the text layer by
// `sources`, the offset of each fact's start tag in the HTML it was given
// (HtmlCleaner anchors facts by the same offsets). Any thread.
class InlineXbrl final
{
public:
    struct Reading
    {
        QList<XbrlFact> facts;  // in document order of their start tags
        QList<qsizetype> sources; // sources[i]: offset of facts[i]'s start tag
        bool truncated = false;   // kMaxFacts reached: later facts were left out
    };

    // A document holds more facts than any filing does (a 10-K about 3,000); past
    // this many the rest are left out and the reading says so.
    static constexpr int kMaxFacts = 100000;
    // |scale| above this makes a fact unreadable rather than a number of that many digits.
    static constexpr int kMaxScale = 64;
    // Text values are cut to this many characters with "…" (full length in `length`).
    static constexpr int kMaxTextValue = 300;

    static Reading read(QStringView html);

    // Whether `html` may hold inline-XBRL facts at all (a cheap test before read()).
    static bool mayHoldFacts(QStringView html);

    // The plain decimal of a number as written in a fact under `format` (an ixt: or
    // ixt-sec: QName, empty for none), with `scale` (a power of ten) and a minus sign
    // applied. Empty with *error set when it cannot be read. Exposed for tests.
    static QString numericValue(const QString &text, const QString &format, const QString &scale,
                                bool negative, QString *error);
    // The value of a text fact under `format`: dates ISO 8601, booleans true/false,
    // numbers in words as digits, durations ISO 8601; text shown as written.
    static QString textValue(const QString &text, const QString &format, QString *error);

private:
    struct ReadState; // one reading's state (inlinexbrl.cpp)
};
