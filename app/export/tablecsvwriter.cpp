#include "tablecsvwriter.h"

#include "csvwriter.h"
#include "model/codepointindex.h"

#include <QtCore/QIODevice>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

TableCsvWriter::TableCsvWriter(QIODevice *device, bool bom)
    : m_device(device)
    , m_bom(bom)
{
}

QStringList TableCsvWriter::columns()
{
    return {u"file"_s, u"table"_s, u"title"_s, u"page"_s, u"row"_s, u"column"_s, u"row_header"_s,
            u"column_header"_s, u"text"_s, u"value"_s, u"unit"_s, u"scale"_s, u"start"_s, u"end"_s,
            u"xbrl"_s, u"status"_s};
}

bool TableCsvWriter::isDataCell(const TableCell &cell)
{
    if (cell.header || cell.rowLabel || cell.text.isEmpty())
        return false;
    static const QRegularExpression symbols(u"^[\\s$%()]+$"_s);
    return !symbols.match(cell.text).hasMatch();
}

bool TableCsvWriter::write(const QString &text)
{
    if (m_failed)
        return false;
    const QByteArray bytes = text.toUtf8();
    if (m_device->write(bytes) != bytes.size()) {
        m_failed = true;
        m_error = m_device->errorString();
        return false;
    }
    return true;
}

bool TableCsvWriter::writeHeaderOnce()
{
    if (m_headerWritten)
        return !m_failed;
    if (!m_device || !m_device->isOpen() || !m_device->isWritable()) {
        m_failed = true;
        m_error = u"the output is not open for writing"_s;
        return false;
    }
    m_headerWritten = true;
    if (m_bom && m_device->write("\xEF\xBB\xBF") != 3) {
        m_failed = true;
        m_error = m_device->errorString();
        return false;
    }
    return write(columns().join(u',') + u"\r\n"_s);
}

bool TableCsvWriter::addFile(const DocumentContent &content, const TableList &tables)
{
    if (!writeHeaderOnce())
        return false;
    QString out;
    int page = -1;
    CodePointIndex index;
    for (const FilingTable &table : tables) {
        if (table.span.page < 0 || table.span.page >= content.pageCount())
            continue;
        const QString &text = content.text.pages.at(table.span.page);
        if (table.span.page != page) {
            page = table.span.page;
            index = CodePointIndex(text);
        }
        const QString id = u"table@%1:%2-%3"_s.arg(page + 1)
                               .arg(index.toCodePoint(table.span.start))
                               .arg(index.toCodePoint(table.span.end));
        for (const TableCell &cell : table.cells) {
            if (!isDataCell(cell))
                continue;
            const QStringList row = {content.fileName,
                                     id,
                                     table.title,
                                     QString::number(page + 1),
                                     QString::number(cell.row),
                                     QString::number(cell.column),
                                     table.rowHeaders.value(cell.row),
                                     table.columnHeaders.value(cell.column),
                                     cell.text,
                                     cell.value,
                                     cell.unit,
                                     cell.scale,
                                     QString::number(index.toCodePoint(cell.span.start)),
                                     QString::number(index.toCodePoint(cell.span.end)),
                                     cell.xbrl,
                                     cell.status.isEmpty() ? u"auto"_s : cell.status};
            for (qsizetype i = 0; i < row.size(); ++i) {
                out += CsvWriter::encodeCell(row.at(i));
                out += i + 1 < row.size() ? u","_s : u"\r\n"_s;
            }
            ++m_rows;
        }
        if (out.size() > 256 * 1024) {
            if (!write(out))
                return false;
            out.clear();
        }
    }
    return write(out);
}

bool TableCsvWriter::finish()
{
    if (!writeHeaderOnce())
        return false;
    return !m_failed;
}
