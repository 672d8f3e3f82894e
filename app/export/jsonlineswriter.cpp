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
    // Whole lines, written in pieces of at most PIPE_BUF bytes (4096 on Linux) where a line
    // allows it: a pipe takes such a write at once, so several processes writing to one pipe
    // (xargs -P) interleave whole lines, never parts of them.
    constexpr qsizetype kAtomicWrite = 4096;
    QByteArray piece;
    const auto writePiece = [this, &piece] {
        if (piece.isEmpty())
            return true;
        const bool written = m_device->write(piece) == piece.size();
        auto *file = qobject_cast<QFileDevice *>(m_device);
        // A pipe reader sees each piece as soon as it is done.
        if (!written || (file && !file->flush())) {
            m_failed = true;
            m_error = u"Cannot write the JSON lines: "_s + m_device->errorString();
            return false;
        }
        piece.clear();
        return true;
    };
    QString line;
    for (const Entity &e : entities) {
        if (!m_options.accepts(e))
            continue;
        line.clear();
        JsonWriter::appendRow(line, builder.row(e));
        line += u'\n';
        const QByteArray bytes = line.toUtf8();
        if (!piece.isEmpty() && piece.size() + bytes.size() > kAtomicWrite && !writePiece())
            return false;
        piece += bytes;
        ++m_rows;
    }
    if (!writePiece())
        return false;
    return true;
}
