#pragma once

#include "recognizer.h"
#include "textscan.h"

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

#include <functional>

// What the figure and life-sciences recognizers share: bounded scans over the
// filing's text pages, and candidates that are resolved before they become entities.
namespace FigureScan {

// A possible entity; overlapping candidates of one type compete (see resolve).
struct Candidate
{
    QString type;
    SourceSpan span;
    QString value;
    double confidence = 0.0;
    QString origin;
    QMap<QString, QString> attributes;
};

// A match with its offsets moved from the matched slice to the page.
class Match
{
public:
    Match(const QRegularExpressionMatch &match, int offset) : m_match(match), m_offset(offset) { }
    qsizetype capturedStart(int n = 0) const { return shift(m_match.capturedStart(n)); }
    qsizetype capturedStart(QStringView name) const { return shift(m_match.capturedStart(name)); }
    qsizetype capturedEnd(int n = 0) const { return shift(m_match.capturedEnd(n)); }
    qsizetype capturedEnd(QStringView name) const { return shift(m_match.capturedEnd(name)); }
    qsizetype capturedLength(int n = 0) const { return m_match.capturedLength(n); }
    qsizetype capturedLength(QStringView name) const { return m_match.capturedLength(name); }
    QString captured(int n = 0) const { return m_match.captured(n); }
    QString captured(QStringView name) const { return m_match.captured(name); }

private:
    qsizetype shift(qsizetype at) const { return at < 0 ? at : at + m_offset; }
    QRegularExpressionMatch m_match;
    int m_offset = 0;
};

// Calls f(page, pageText, match) for every match of re on every text page (the
// submission header excluded), window by window (TextScan::MaxScanChars); match
// offsets are page offsets. Stops early when the context is cancelled.
void forEachMatch(const ExtractionContext &context, const QRegularExpression &re,
                  const std::function<void(int, const QString &, const Match &)> &f);

// Among candidates of the same type whose spans overlap, keeps the longest (then
// the most confident, then the first); returns the kept ones in document order.
QList<Candidate> resolve(QList<Candidate> candidates);

// Turns candidates into entities through ExtractionContext::makeEntity.
void appendEntities(const ExtractionContext &context, const QList<Candidate> &candidates, EntityList &out);

// Reads a confidence from a pack's "confidence" object, clamped to [0, 1].
double confidence(const QJsonObject &confidences, const QString &key, double fallback);

// Alternation of literal terms without boundaries, longest first; a space or hyphen
// in a term matches either ("small-cell" ~ "small cell"); "(?!)" (never matches) for none.
QString alternatives(QStringList terms);

// Whole-word alternation of literal terms, longest first; spaces and hyphens in a
// term also match a hyphen, a space or a line break ("small-cell" ~ "small cell").
// A term is never matched inside a longer word; a hyphen may follow it ("HER2-positive"),
// and precede it only when afterHyphen ("anti-HER2").
QString termsPattern(const QStringList &terms, bool afterHyphen = false);
}
