#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

// One exported row: an entity as files on disk carry it (1-based page, code-point
// offsets, the exact page text of the span). The CSV and JSON writers share it.
struct ExportRow
{
    QString file;     // file name only, never the full path
    QString id;
    QString type;
    QString category;
    QString value;
    QString text;     // page_text[start:end] in code points when hasSpan
    bool hasSpan = false; // false for orphans and spans outside the text layer
    int page = 0;     // 1-based
    int start = 0;    // code points into the page text
    int end = 0;
    double confidence = 0.0;
    QString status;   // auto, confirmed, corrected, added, rejected
    QString origin;   // rule id or "manual"
    QMap<QString, QString> attributes;
    QString note;
};

// Turns the entities of one filing into rows. Converts offsets to code points with
// a per-page table, so many entities on a long page stay cheap (TextLayer::toCodePoint
// is linear in the offset). Not thread-safe; one builder per file.
class ExportRowBuilder final
{
public:
    explicit ExportRowBuilder(const DocumentContent &content);

    QString fileName() const { return m_fileName; }
    ExportRow row(const Entity &entity);
    // Same result as TextLayer::toCodePoint(page text, utf16Index).
    int toCodePoint(int page, int utf16Index);

    // "key=value; key=value"; '\', ';' (and '=' in keys) are escaped with '\'.
    static QString formatAttributes(const QMap<QString, QString> &attributes);
    // 2 or 3 decimals: 0.95, 0.875, 1.00.
    static QString formatConfidence(double confidence);

private:
    const DocumentContent &m_content;
    QString m_fileName;
    // Per page: UTF-16 indices of the low surrogates of surrogate pairs; an empty
    // list means code points and UTF-16 indices agree on that page.
    QHash<int, QList<int>> m_pairs;
    QHash<QString, QString> m_categories;
};
