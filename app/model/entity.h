#pragma once

#include "sourcespan.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>

enum class EntityStatus { Auto, Confirmed, Corrected, Added, Rejected };

QString statusKey(EntityStatus status);           // "auto", "confirmed", ...
EntityStatus statusFromKey(const QString &key, bool *ok = nullptr);

// One mention of one fact in a filing. Plain value type.
struct Entity
{
    // "type@page:start-end" with a 1-based page and code-point offsets of the span
    // the entity was created with; never changes afterwards (see makeId).
    QString id;
    QString type;   // key, e.g. "registrant", "money"
    QString value;  // normalized: ISO dates, "USD 1300000000", "8.01"
    QString text;   // exact source text at span
    SourceSpan span;
    double confidence = 0.0; // 0..1, honest: header facts near 1, pattern guesses lower
    QString origin;          // rule id, or "manual"
    QMap<QString, QString> attributes; // role, title, description, kind, grade, unit ...

    // Review state (defaults for a fresh extraction).
    EntityStatus status = EntityStatus::Auto;
    QString note;
    QString by;   // who made the last decision
    QDateTime at; // when (UTC)
    bool orphan = false; // a decision that could not be re-anchored in a changed filing

    // pageText is the text of span.page; needed for the code-point conversion.
    static QString makeId(const QString &type, const SourceSpan &span, const QString &pageText);
};

using EntityList = QList<Entity>;
