#include "jsonlineswriter.h"

#include "exportrow.h"
#include "jsonwriter.h"

#include <QtCore/QFileDevice>
#include <QtCore/QIODevice>

using namespace Qt::StringLiterals;

JsonLinesWriter::JsonLinesWriter(QIODevice *device, ExportOptions options)
    : m_device(device)
    , m_options(std::move(options))
{
}

bool JsonLinesWriter::addFile(const DocumentContent &content, const EntityList &entities)
{
    if (m_failed)
        return false;
    if (!m_device || !m_device->isOpen() || !m_device->isWritable()) {
        m_failed = true;
        m_error = u"Cannot write the JSON lines: the output is not open for writing"_s;
        return false;
    }
    ExportRowBuilder builder(content);
    QString lines;
    for (const Entity &e : entities) {
        if (!m_options.accepts(e))
            continue;
        JsonWriter::appendRow(lines, builder.row(e));
        lines += u'\n';
        ++m_rows;
    }
    const QByteArray bytes = lines.toUtf8();
    if (m_device->write(bytes) != bytes.size()) {
        m_failed = true;
        m_error = u"Cannot write the JSON lines: "_s + m_device->errorString();
        return false;
    }
    // A pipe reader sees each filing as soon as it is done.
    if (auto *file = qobject_cast<QFileDevice *>(m_device); file && !file->flush()) {
        m_failed = true;
        m_error = u"Cannot write the JSON lines: "_s + file->errorString();
        return false;
    }
    return true;
}
