#include "tablejsonwriter.h"

#include "jsonwriter.h"
#include "model/codepointindex.h"

#include <QtCore/QIODevice>

using namespace Qt::StringLiterals;

TableJsonWriter::TableJsonWriter(QIODevice *device)
    : m_device(device)
{
}

bool TableJsonWriter::write(const QString &text)
{
    if (m_failed)
        return false;
    if (!m_device || !m_device->isOpen() || !m_device->isWritable()) {
        m_failed = true;
        m_error = u"the output is not open for writing"_s;
        return false;
    }
    const QByteArray bytes = text.toUtf8();
    if (m_device->write(bytes) != bytes.size()) {
        m_failed = true;
        m_error = m_device->errorString();
        return false;
    }
    return true;
}

bool TableJsonWriter::addFile(const DocumentContent &content, const TableList &tables)
{
    QString out;
    if (!m_started) {
        m_started = true;
        out += u"{\"schema\": \"filing-lens/tables@1\", \"offsetUnit\": \"codepoint\",\n \"tables\": ["_s;
    }
    const auto key = [&out](const char16_t *name) {
        out += u'"';
        out += QStringView(name);
        out += u"\": "_s;
    };
    const auto string = [&out](QStringView s) { JsonWriter::appendString(out, s); };
    int page = -1;
    CodePointIndex index;
    for (const FilingTable &table : tables) {
        if (table.span.page < 0 || table.span.page >= content.pageCount())
            continue;
        if (table.span.page != page) {
            page = table.span.page;
            index = CodePointIndex(content.text.pages.at(page));
        }
        out += m_tables++ ? u",\n  {"_s : u"\n  {"_s;
        key(u"file");
        string(content.fileName);
        out += u", "_s;
        key(u"id");
        string(u"table@%1:%2-%3"_s.arg(page + 1).arg(index.toCodePoint(table.span.start)).arg(index.toCodePoint(table.span.end)));
        out += u", "_s;
        key(u"title");
        string(table.title);
        out += u", \"page\": %1, \"start\": %2, \"end\": %3, \"rows\": %4, \"columns\": %5, \"headerRows\": %6, "_s
                   .arg(page + 1)
                   .arg(index.toCodePoint(table.span.start))
                   .arg(index.toCodePoint(table.span.end))
                   .arg(table.rowCount)
                   .arg(table.columnCount)
                   .arg(table.headerRows);
        key(u"scale");
        string(table.scale);
        out += u", \"status\": \""_s + (table.status.isEmpty() ? u"auto"_s : table.status) + u"\""_s;
        out += u",\n   \"rowHeaders\": ["_s;
        for (qsizetype i = 0; i < table.rowHeaders.size(); ++i) {
            if (i)
                out += u", "_s;
            string(table.rowHeaders.at(i));
        }
        out += u"],\n   \"columnHeaders\": ["_s;
        for (qsizetype i = 0; i < table.columnHeaders.size(); ++i) {
            if (i)
                out += u", "_s;
            string(table.columnHeaders.at(i));
        }
        out += u"],\n   \"cells\": ["_s;
        bool first = true;
        for (const TableCell &cell : table.cells) {
            out += first ? u"\n    {"_s : u",\n    {"_s;
            first = false;
            out += u"\"row\": %1, \"column\": %2, \"rowSpan\": %3, \"columnSpan\": %4, \"kind\": \"%5\", "_s
                       .arg(cell.row)
                       .arg(cell.column)
                       .arg(cell.rowSpan)
                       .arg(cell.columnSpan)
                       .arg(cell.header ? u"header"_s : cell.rowLabel ? u"label"_s : u"data"_s);
            key(u"text");
            string(cell.text);
            out += u", "_s;
            key(u"value");
            string(cell.value);
            out += u", "_s;
            key(u"unit");
            string(cell.unit);
            out += u", "_s;
            key(u"scale");
            string(cell.scale);
            out += u", \"start\": %1, \"end\": %2, "_s.arg(index.toCodePoint(cell.span.start)).arg(index.toCodePoint(cell.span.end));
            key(u"xbrl");
            string(cell.xbrl);
            out += u", \"status\": \""_s + (cell.status.isEmpty() ? u"auto"_s : cell.status) + u"\"}"_s;
        }
        out += u"]}"_s;
        if (out.size() > 256 * 1024) {
            if (!write(out))
                return false;
            out.clear();
        }
    }
    return write(out);
}

bool TableJsonWriter::finish()
{
    if (!m_started && !addFile(DocumentContent(), {}))
        return false;
    return write(u"\n]}\n"_s);
}
