#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"
#include "exportoptions.h"

#include <QtCore/QString>

class QIODevice;

// JSON Lines (extract --jsonl OUT): one JSON object per entity and line, with exactly
// the fields and values of an element of JsonWriter's "entities" array. No header and no
// closing bracket, so each filing's lines are complete when addFile() returns: the output
// streams, and files written by separate runs concatenate into one valid output.
class JsonLinesWriter final
{
public:
    explicit JsonLinesWriter(QIODevice *device, ExportOptions options = {});

    // Writes (and flushes) the lines of one filing. False when the device fails.
    bool addFile(const DocumentContent &content, const EntityList &entities);

    int rowCount() const { return m_rows; }
    QString errorString() const { return m_error; }

private:
    QIODevice *m_device;
    ExportOptions m_options;
    bool m_failed = false;
    int m_rows = 0;
    QString m_error;
};
