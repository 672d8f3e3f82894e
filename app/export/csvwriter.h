#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"
#include "exportoptions.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QStringList>

class QIODevice;

// Writes entities as CSV (RFC 4180, UTF-8, CRLF) to an open QIODevice, with the
// columns of the contract in docs/ARCHITECTURE.md. Several files go into one CSV:
// call addFile() once per filing; the header row is written once, before the first
// row (or by finish() for an export without rows). Formula-like cells are
// neutralised (see neutralized()). For a file on disk pass a QSaveFile and commit
// it after finish() returned true.
//
//     CsvWriter csv(&file, options);
//     csv.addFile(store.content(), store.entities());
//     if (!csv.finish()) showError(csv.errorString());
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice *device, ExportOptions options = {});
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    // Appends the rows of one filing. Returns false when the device fails.
    bool addFile(const DocumentContent &content, const EntityList &entities);
    // Writes the header if nothing was written yet and flushes. Returns false on failure.
    bool finish();

    int rowCount() const { return m_rows; }
    QString errorString() const { return m_error; }

    // file,id,type,category,value,text,page,start,end,confidence,status,origin,attributes,note
    static QStringList columns();

    // Formula neutralisation (OWASP "CSV injection"): a cell that is not a plain number
    // and begins with = + - @ tab or CR, also after leading white space and in the
    // full-width forms (U+FF1D = U+FF0B + U+FF0D - U+FF20 @), gets a leading '.
    // A cell that begins with ' followed by such a cell is prefixed too, so the rule is
    // reversible: a reader drops a leading ' exactly when the rest needs neutralising
    // (see restored()).
    static bool needsNeutralizing(QStringView cell);
    static QString neutralized(const QString &cell);
    static QString restored(const QString &cell);
    // An optional sign, digits (optionally grouped by commas in threes), an optional
    // fraction: "-12.5", "+3", "1,300.25". Such cells are never prefixed.
    static bool isPlainNumber(QStringView cell);
    // Neutralised, and quoted when it holds a comma, quote, CR or LF.
    static QString encodeCell(const QString &cell);

private:
    bool writeHeaderOnce();
    void appendCell(QStringView cell, bool last);
    bool flushBuffer(bool force);

    QIODevice *m_device;
    ExportOptions m_options;
    QString m_line;      // rows not yet converted to UTF-8
    QByteArray m_buffer; // UTF-8 waiting to be written
    bool m_headerWritten = false;
    bool m_failed = false;
    int m_rows = 0;
    QString m_error;
};
