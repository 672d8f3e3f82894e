#include "csvwriter.h"

#include "exportrow.h"

#include <QtCore/QIODevice>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype FlushThreshold = 256 * 1024;

bool isTrigger(QChar c)
{
    switch (c.unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
    case 0xFF1D: // full-width = + - @: some spreadsheet locales accept them as operators
    case 0xFF0B:
    case 0xFF0D:
    case 0xFF20:
        return true;
    default:
        return false;
    }
}

bool needsQuotes(QStringView cell)
{
    for (QChar c : cell) {
        const char16_t u = c.unicode();
        if (u == u',' || u == u'"' || u == u'\n' || u == u'\r')
            return true;
    }
    return false;
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device, ExportOptions options)
    : m_device(device)
    , m_options(std::move(options))
{
    m_line.reserve(FlushThreshold + 4096);
}

CsvWriter::~CsvWriter() = default;

QStringList CsvWriter::columns()
{
    return {u"file"_s, u"id"_s, u"type"_s, u"category"_s, u"value"_s, u"text"_s, u"page"_s,
            u"start"_s, u"end"_s, u"confidence"_s, u"status"_s, u"origin"_s, u"attributes"_s,
            u"note"_s};
}

bool CsvWriter::isPlainNumber(QStringView cell)
{
    qsizetype i = 0;
    const qsizetype n = cell.size();
    if (i < n && (cell[i] == u'-' || cell[i] == u'+'))
        ++i;
    int groupDigits = 0;
    bool grouped = false;
    bool digits = false;
    for (; i < n; ++i) {
        const QChar c = cell[i];
        if (c >= u'0' && c <= u'9') {
            ++groupDigits;
            digits = true;
        } else if (c == u',') {
            // Thousands separators: 1-3 digits first, then groups of exactly three.
            if ((grouped ? groupDigits != 3 : (groupDigits < 1 || groupDigits > 3)))
                return false;
            grouped = true;
            groupDigits = 0;
        } else {
            break;
        }
    }
    if (grouped && groupDigits != 3)
        return false;
    if (i < n && cell[i] == u'.') {
        ++i;
        bool fraction = false;
        for (; i < n && cell[i] >= u'0' && cell[i] <= u'9'; ++i)
            fraction = true;
        if (!fraction)
            return false;
        digits = true;
    }
    return digits && i == n;
}

bool CsvWriter::needsNeutralizing(QStringView cell)
{
    qsizetype i = 0;
    while (i < cell.size() && cell[i] == u'\'')
        ++i;
    // Leading apostrophes followed by something that needs neutralising: prefix again,
    // so a reader can always undo exactly one.
    const QStringView rest = cell.mid(i);
    if (rest.isEmpty() || isPlainNumber(rest))
        return false;
    for (QChar c : rest) {
        if (isTrigger(c))
            return true;
        // Spreadsheets may trim leading blanks on import and then see the operator.
        if (!c.isSpace())
            return false;
    }
    return false;
}

QString CsvWriter::neutralized(const QString &cell)
{
    return needsNeutralizing(cell) ? u'\'' + cell : cell;
}

QString CsvWriter::restored(const QString &cell)
{
    if (cell.startsWith(u'\'') && needsNeutralizing(QStringView(cell).mid(1)))
        return cell.mid(1);
    return cell;
}

QString CsvWriter::encodeCell(const QString &cell)
{
    const QString n = neutralized(cell);
    if (!needsQuotes(n))
        return n;
    QString out = n;
    out.replace(u'"', u"\"\""_s);
    return u'"' + out + u'"';
}

void CsvWriter::appendCell(QStringView cell, bool last)
{
    const bool prefix = needsNeutralizing(cell);
    if (needsQuotes(cell)) {
        m_line += u'"';
        if (prefix)
            m_line += u'\'';
        for (QChar c : cell) {
            if (c == u'"')
                m_line += u'"';
            m_line += c;
        }
        m_line += u'"';
    } else {
        if (prefix)
            m_line += u'\'';
        m_line += cell;
    }
    m_line += last ? QStringView(u"\r\n") : QStringView(u",");
}

bool CsvWriter::flushBuffer(bool force)
{
    if (m_failed)
        return false;
    if (!force && m_line.size() < FlushThreshold)
        return true;
    m_buffer += m_line.toUtf8();
    m_line.clear();
    if (!m_buffer.isEmpty()) {
        if (m_device->write(m_buffer) != m_buffer.size()) {
            m_failed = true;
            m_error = u"Cannot write the CSV: "_s + m_device->errorString();
            return false;
        }
        m_buffer.clear();
    }
    return true;
}

bool CsvWriter::writeHeaderOnce()
{
    if (m_failed)
        return false;
    if (m_headerWritten)
        return true;
    if (!m_device || !m_device->isOpen() || !m_device->isWritable()) {
        m_failed = true;
        m_error = u"Cannot write the CSV: the output is not open for writing"_s;
        return false;
    }
    m_headerWritten = true;
    if (m_options.bom)
        m_buffer += "\xEF\xBB\xBF";
    m_buffer += columns().join(u',').toUtf8();
    m_buffer += "\r\n";
    return true;
}

bool CsvWriter::addFile(const DocumentContent &content, const EntityList &entities)
{
    if (!writeHeaderOnce())
        return false;
    ExportRowBuilder builder(content);
    for (const Entity &e : entities) {
        if (!m_options.accepts(e))
            continue;
        const ExportRow r = builder.row(e);
        appendCell(r.file, false);
        appendCell(r.id, false);
        appendCell(r.type, false);
        appendCell(r.category, false);
        appendCell(r.value, false);
        appendCell(r.text, false);
        if (r.hasSpan) {
            appendCell(QString::number(r.page), false);
            appendCell(QString::number(r.start), false);
            appendCell(QString::number(r.end), false);
        } else {
            m_line += u",,,"_s;
        }
        appendCell(ExportRowBuilder::formatConfidence(r.confidence), false);
        appendCell(r.status, false);
        appendCell(r.origin, false);
        appendCell(ExportRowBuilder::formatAttributes(r.attributes), false);
        appendCell(r.note, true);
        ++m_rows;
        if (!flushBuffer(false))
            return false;
    }
    return true;
}

bool CsvWriter::finish()
{
    if (!writeHeaderOnce())
        return false;
    return flushBuffer(true);
}
