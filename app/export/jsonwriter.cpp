#include "jsonwriter.h"

#include "exportrow.h"

#include <QtCore/QIODevice>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype FlushThreshold = 128 * 1024;
}

JsonWriter::JsonWriter(QIODevice *device, ExportOptions options)
    : m_device(device)
    , m_options(std::move(options))
{
}

JsonWriter::~JsonWriter() = default;

void JsonWriter::appendString(QString &out, QStringView s)
{
    static const char hex[] = "0123456789abcdef";
    out += u'"';
    for (QChar c : s) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            // Control characters, and the line separators JavaScript chokes on, escaped.
            if (u < 0x20 || u == 0x2028 || u == 0x2029) {
                out += u"\\u"_s;
                out += QLatin1Char(hex[(u >> 12) & 0xF]);
                out += QLatin1Char(hex[(u >> 8) & 0xF]);
                out += QLatin1Char(hex[(u >> 4) & 0xF]);
                out += QLatin1Char(hex[u & 0xF]);
            } else {
                out += c;
            }
        }
    }
    out += u'"';
}

void JsonWriter::appendRow(QString &out, const ExportRow &r)
{
    out += u'{';
    out += u"\"file\": "_s;
    appendString(out, r.file);
    out += u", \"id\": "_s;
    appendString(out, r.id);
    out += u", \"type\": "_s;
    appendString(out, r.type);
    out += u", \"category\": "_s;
    appendString(out, r.category);
    out += u", \"value\": "_s;
    appendString(out, r.value);
    out += u", \"text\": "_s;
    appendString(out, r.text);
    if (r.hasSpan) {
        out += u", \"page\": "_s + QString::number(r.page) + u", \"start\": "_s
            + QString::number(r.start) + u", \"end\": "_s + QString::number(r.end);
    } else {
        out += u", \"page\": null, \"start\": null, \"end\": null"_s;
    }
    const QString confidence = ExportRowBuilder::formatConfidence(r.confidence);
    out += u", \"confidence\": "_s + (confidence.isEmpty() ? u"null"_s : confidence);
    out += u", \"status\": "_s;
    appendString(out, r.status);
    out += u", \"origin\": "_s;
    appendString(out, r.origin);
    out += u", \"attributes\": {"_s;
    for (auto it = r.attributes.cbegin(); it != r.attributes.cend(); ++it) {
        if (it != r.attributes.cbegin())
            out += u", "_s;
        appendString(out, it.key());
        out += u": "_s;
        appendString(out, it.value());
    }
    out += u"}, \"note\": "_s;
    appendString(out, r.note);
    out += u'}';
}

bool JsonWriter::write(const QString &text)
{
    if (m_failed)
        return false;
    const QByteArray bytes = text.toUtf8();
    if (m_device->write(bytes) != bytes.size()) {
        m_failed = true;
        m_error = u"Cannot write the JSON: "_s + m_device->errorString();
        return false;
    }
    return true;
}

bool JsonWriter::start()
{
    if (m_failed)
        return false;
    if (m_started)
        return true;
    if (!m_device || !m_device->isOpen() || !m_device->isWritable()) {
        m_failed = true;
        m_error = u"Cannot write the JSON: the output is not open for writing"_s;
        return false;
    }
    m_started = true;
    return write(u"{\"schema\": \"filing-lens/entities@1\", \"offsetUnit\": \"codepoint\",\n"
                 "\"entities\": ["_s);
}

bool JsonWriter::addFile(const DocumentContent &content, const EntityList &entities)
{
    if (m_failed)
        return false;
    if (m_finished) {
        m_failed = true;
        m_error = u"Cannot write the JSON: it is already finished"_s;
        return false;
    }
    if (!start())
        return false;
    ExportRowBuilder builder(content);
    int rowsOfFile = 0;
    for (const Entity &e : entities) {
        if (!m_options.accepts(e))
            continue;
        m_chunk += m_rows == 0 ? u"\n"_s : u",\n"_s;
        appendRow(m_chunk, builder.row(e));
        ++m_rows;
        ++rowsOfFile;
        if (m_chunk.size() >= FlushThreshold) {
            if (!write(m_chunk))
                return false;
            m_chunk.clear();
        }
    }
    m_files += m_files.isEmpty() ? u"\n{"_s : u",\n{"_s;
    m_files += u"\"file\": "_s;
    appendString(m_files, builder.fileName());
    m_files += u", \"sha256\": "_s;
    appendString(m_files, content.sha256);
    m_files += u", \"format\": "_s;
    appendString(m_files, formatKey(content.format));
    m_files += u", \"pages\": "_s + QString::number(content.pageCount()) + u", \"rows\": "_s
        + QString::number(rowsOfFile) + u'}';
    return true;
}

bool JsonWriter::finish()
{
    if (m_failed)
        return false;
    if (m_finished)
        return true;
    if (!start())
        return false;
    m_chunk += u"\n],\n\"files\": ["_s + m_files + u"\n]}\n"_s;
    m_finished = true;
    const bool ok = write(m_chunk);
    m_chunk.clear();
    return ok;
}
