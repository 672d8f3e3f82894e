#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"
#include "exportoptions.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

class QIODevice;
struct ExportRow;

// Writes the same rows as CsvWriter as JSON, for pipelines (extract --json OUT).
// Values are never neutralised; page is 1-based and start/end are code points
// (null, with page, for an entity without a placeable span):
//
//   {"schema": "filing-lens/entities@1", "offsetUnit": "codepoint",
//    "entities": [{"file": "x.pdf", "id": "money@2:10-24", "type": "money",
//                  "category": "Figures", "value": "USD 1300000000", "text": "$1.3 billion",
//                  "page": 2, "start": 10, "end": 24, "confidence": 0.9,
//                  "status": "auto", "origin": "core.money", "attributes": {"unit": "USD"},
//                  "note": ""}],
//    "files": [{"file": "x.pdf", "sha256": "…", "format": "pdf", "pages": 7, "rows": 1}]}
//
// Rows are streamed as they are added; finish() closes the document (without it
// the output is not valid JSON).
class JsonWriter final
{
public:
    explicit JsonWriter(QIODevice *device, ExportOptions options = {});
    ~JsonWriter();
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    bool addFile(const DocumentContent &content, const EntityList &entities);
    bool finish();

    int rowCount() const { return m_rows; }
    QString errorString() const { return m_error; }

    // A JSON string literal, quotes included.
    static void appendString(QString &out, QStringView s);
    // One entity as an object of the "entities" array, on one line, braces included.
    static void appendRow(QString &out, const ExportRow &row);

private:
    bool start();
    bool write(const QString &text);

    QIODevice *m_device;
    ExportOptions m_options;
    QString m_files;    // the "files" array is written at the end
    QString m_chunk;
    bool m_started = false;
    bool m_finished = false;
    bool m_failed = false;
    int m_rows = 0;
    QString m_error;
};
