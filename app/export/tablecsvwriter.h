#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QStringList>

class QIODevice;

// Writes the data cells of tables as CSV (RFC 4180, UTF-8, CRLF), one row per data
// cell, with the columns of the tables contract in the architecture page; cells are
// encoded (quoted, formula-neutralised) exactly as the entity CSV (CsvWriter::encodeCell).
// Several filings go into one CSV: addFile() once per filing; the header is written
// once, before the first row (or by finish() when there are none).
class TableCsvWriter final
{
public:
    explicit TableCsvWriter(QIODevice *device, bool bom = false);

    bool addFile(const DocumentContent &content, const TableList &tables);
    bool finish();

    int rowCount() const { return m_rows; }
    QString errorString() const { return m_error; }

    // file,table,title,page,row,column,row_header,column_header,text,value,unit,scale,start,end,xbrl,status
    static QStringList columns();
    // Whether a cell is written: a cell of the data area with text, other than a
    // currency sign, percent sign or parenthesis standing on its own.
    static bool isDataCell(const TableCell &cell);

private:
    bool writeHeaderOnce();
    bool write(const QString &text);

    QIODevice *m_device;
    bool m_bom;
    bool m_headerWritten = false;
    bool m_failed = false;
    int m_rows = 0;
    QString m_error;
};
