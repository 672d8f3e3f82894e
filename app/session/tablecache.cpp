#include "tablecache.h"

#include "document/documentcache.h"
#include "extract/tablereader.h"
#include "extract/texttablereader.h"

#include <QtCore/QDataStream>
#include <QtCore/QIODevice>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString tablesKey(const QString &sha256)
{
    return u"tables|"_s % sha256 % u'|' % DocumentCache::programBuild() % u'|'
        % QString::number(TableReader::kVersion) % u'.' % QString::number(TextTableReader::kVersion);
}

QDataStream &operator<<(QDataStream &out, const SourceSpan &s)
{
    return out << qint32(s.page) << qint32(s.start) << qint32(s.end);
}

QDataStream &operator>>(QDataStream &in, SourceSpan &s)
{
    qint32 page = 0, start = 0, end = 0;
    in >> page >> start >> end;
    s = SourceSpan{page, start, end};
    return in;
}

QDataStream &operator<<(QDataStream &out, const TableCell &c)
{
    return out << qint32(c.row) << qint32(c.column) << qint32(c.rowSpan) << qint32(c.columnSpan)
               << c.header << c.rowLabel << c.text << c.value << c.unit << c.scale << c.span << c.xbrl;
}

QDataStream &operator>>(QDataStream &in, TableCell &c)
{
    qint32 row = 0, column = 0, rowSpan = 0, columnSpan = 0;
    in >> row >> column >> rowSpan >> columnSpan >> c.header >> c.rowLabel >> c.text >> c.value >> c.unit
        >> c.scale >> c.span >> c.xbrl;
    c.row = row;
    c.column = column;
    c.rowSpan = rowSpan;
    c.columnSpan = columnSpan;
    return in;
}

} // namespace

QString TableCache::path(const QString &sha256)
{
    return DocumentCache::entryPath(tablesKey(sha256));
}

bool TableCache::read(const QString &sha256, TableList *tables)
{
    if (!DocumentCache::isEnabled() || !DocumentCache::isValidSha(sha256))
        return false;
    QByteArray payload;
    if (!DocumentCache::readEntry(tablesKey(sha256), &payload))
        return false;
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || count > quint32(payload.size()))
        return false;
    TableList read;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        FilingTable t;
        qint32 rows = 0, columns = 0, headerRows = 0;
        quint32 cells = 0;
        in >> t.span >> t.title >> t.scale >> rows >> columns >> headerRows >> t.rowHeaders >> t.columnHeaders
            >> cells;
        if (in.status() != QDataStream::Ok || rows < 0 || columns < 0 || headerRows < 0
            || qint64(rows) * columns > TableReader::kMaxCells || cells > quint32(rows) * quint32(columns)
            || t.rowHeaders.size() != rows || t.columnHeaders.size() != columns)
            return false;
        t.rowCount = rows;
        t.columnCount = columns;
        t.headerRows = headerRows;
        t.cells.reserve(qsizetype(cells));
        for (quint32 k = 0; k < cells && in.status() == QDataStream::Ok; ++k) {
            TableCell c;
            in >> c;
            if (c.row < 0 || c.row >= rows || c.column < 0 || c.column >= columns)
                return false;
            t.cells.append(std::move(c));
        }
        read.append(std::move(t));
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    *tables = std::move(read);
    return true;
}

void TableCache::write(const QString &sha256, const TableList &tables)
{
    if (!DocumentCache::isEnabled() || !DocumentCache::isValidSha(sha256))
        return;
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << quint32(tables.size());
    for (const FilingTable &t : tables) {
        out << t.span << t.title << t.scale << qint32(t.rowCount) << qint32(t.columnCount)
            << qint32(t.headerRows) << t.rowHeaders << t.columnHeaders << quint32(t.cells.size());
        for (const TableCell &c : t.cells)
            out << c;
    }
    DocumentCache::writeEntry(tablesKey(sha256), payload);
}

TableList TableCache::tables(const DocumentContent &content, const std::atomic_bool *cancel)
{
    TableList tables;
    if (read(content.sha256, &tables))
        return tables;
    tables = TableReader::read(content, cancel);
    // The tables of text pages (a submission's TEXT documents, a plain-text filing), in page order.
    tables += TextTableReader::read(content, cancel);
    std::stable_sort(tables.begin(), tables.end(),
                     [](const FilingTable &a, const FilingTable &b) { return a.span < b.span; });
    if (!cancel || !cancel->load())
        write(content.sha256, tables);
    return tables;
}
