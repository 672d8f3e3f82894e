#include "tablexlsxwriter.h"

#include "tablecsvwriter.h"
#include "model/codepointindex.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryFile>

#ifdef FILINGLENS_HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct SourceRow
{
    QString sheet;
    int row;
    int column;
    QString file;
    QString table;
    int page;
    int start;
    int end;
    QString text;
    QString value;
};

} // namespace

struct TableXlsxWriter::Private
{
    QString path;
    QString error;
    QList<SourceRow> sources;
    int sheets = 0;
    bool failed = false;
#ifdef FILINGLENS_HAVE_XLSXWRITER
    std::unique_ptr<QTemporaryFile> temporary;
    lxw_workbook *workbook = nullptr;
    lxw_format *bold = nullptr;
#endif
};

// Excel's limits: a sheet has at most this many rows and columns.
static constexpr int kMaxSheetRows = 1048576;
static constexpr int kMaxSheetColumns = 16384;

TableXlsxWriter::TableXlsxWriter(const QString &path)
    : d(std::make_unique<Private>())
{
    d->path = path;
#ifdef FILINGLENS_HAVE_XLSXWRITER
    // libxlsxwriter writes a file by name on close: a temporary file beside the target,
    // renamed over it at the end, so a failed export leaves the old file as it was.
    const QFileInfo info(path);
    d->temporary = std::make_unique<QTemporaryFile>(info.absoluteDir().filePath(u".%1.XXXXXX"_s.arg(info.fileName())));
    if (!d->temporary->open()) {
        d->failed = true;
        d->error = d->temporary->errorString();
        return;
    }
    d->temporary->close();
    lxw_workbook_options options = {};
    options.use_zip64 = 1;
    d->workbook = workbook_new_opt(QFile::encodeName(d->temporary->fileName()).constData(), &options);
    if (!d->workbook) {
        d->failed = true;
        d->error = u"cannot create the workbook"_s;
        return;
    }
    d->bold = workbook_add_format(d->workbook);
    format_set_bold(d->bold);
#else
    d->failed = true;
    d->error = u"this build of filing-lens cannot write .xlsx (built without libxlsxwriter)"_s;
#endif
}

TableXlsxWriter::~TableXlsxWriter()
{
#ifdef FILINGLENS_HAVE_XLSXWRITER
    if (d->workbook) {
        // Not finished: free the workbook without leaving a file behind.
        workbook_close(d->workbook);
        d->workbook = nullptr;
    }
#endif
}

bool TableXlsxWriter::isAvailable()
{
#ifdef FILINGLENS_HAVE_XLSXWRITER
    return true;
#else
    return false;
#endif
}

int TableXlsxWriter::sheetCount() const
{
    return d->sheets;
}

QString TableXlsxWriter::errorString() const
{
    return d->error;
}

bool TableXlsxWriter::addFile(const DocumentContent &content, const TableList &tables)
{
    if (d->failed)
        return false;
#ifdef FILINGLENS_HAVE_XLSXWRITER
    const auto text = [](const QString &s) { return s.toUtf8(); };
    int page = -1;
    CodePointIndex index;
    for (const FilingTable &table : tables) {
        if (table.span.page < 0 || table.span.page >= content.pageCount())
            continue;
        if (table.span.page != page) {
            page = table.span.page;
            index = CodePointIndex(content.text.pages.at(page));
        }
        const QString id = u"table@%1:%2-%3"_s.arg(page + 1)
                               .arg(index.toCodePoint(table.span.start))
                               .arg(index.toCodePoint(table.span.end));
        const QString name = u"Table %1"_s.arg(d->sheets + 1);
        lxw_worksheet *sheet = workbook_add_worksheet(d->workbook, text(name).constData());
        if (!sheet) {
            d->failed = true;
            d->error = u"cannot add sheet %1"_s.arg(name);
            return false;
        }
        ++d->sheets;
        worksheet_write_string(sheet, 0, 0, text(table.title).constData(), d->bold);
        const QString about = table.scale.isEmpty()
            ? u"%1 \u00b7 %2"_s.arg(content.fileName, id)
            : u"%1 \u00b7 %2 \u00b7 stated in %3, figures here are full amounts"_s.arg(content.fileName, id, table.scale);
        worksheet_write_string(sheet, 1, 0, text(about).constData(), nullptr);
        worksheet_set_column(sheet, 0, 0, 40, nullptr);
        for (const TableCell &cell : table.cells) {
            const int row = kFirstGridRow + cell.row;
            if (row >= kMaxSheetRows || cell.column >= kMaxSheetColumns || cell.text.isEmpty())
                continue;
            const bool data = TableCsvWriter::isDataCell(cell);
            if (!data && !cell.header && !cell.rowLabel)
                continue; // "$", "%" or ")" on their own: part of the figure beside them
            lxw_error written;
            if (data && cell.isNumber())
                written = worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(cell.column), cell.value.toDouble(), nullptr);
            else
                written = worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(cell.column),
                                                 text(cell.corrected.isEmpty() ? cell.text : cell.corrected).constData(),
                                                 cell.header ? d->bold : nullptr);
            if (written != LXW_NO_ERROR)
                continue;
            d->sources.append({name, row, cell.column, content.fileName, id, page + 1,
                               index.toCodePoint(cell.span.start), index.toCodePoint(cell.span.end), cell.text,
                               data ? cell.value : QString()});
        }
        if (table.headerRows > 0)
            worksheet_freeze_panes(sheet, lxw_row_t(kFirstGridRow + table.headerRows), 1);
    }
    return true;
#else
    Q_UNUSED(content)
    Q_UNUSED(tables)
    return false;
#endif
}

bool TableXlsxWriter::finish()
{
    if (d->failed)
        return false;
#ifdef FILINGLENS_HAVE_XLSXWRITER
    const auto text = [](const QString &s) { return s.toUtf8(); };
    lxw_worksheet *sources = workbook_add_worksheet(d->workbook, "Sources");
    const char *const headers[] = {"sheet", "cell", "file", "table", "page", "start", "end", "text", "value"};
    for (int c = 0; c < 9; ++c)
        worksheet_write_string(sources, 0, lxw_col_t(c), headers[c], d->bold);
    int row = 1;
    for (const SourceRow &s : std::as_const(d->sources)) {
        if (row >= kMaxSheetRows)
            break;
        char cellName[16];
        lxw_rowcol_to_cell(cellName, lxw_row_t(s.row), lxw_col_t(s.column));
        worksheet_write_string(sources, lxw_row_t(row), 0, text(s.sheet).constData(), nullptr);
        worksheet_write_string(sources, lxw_row_t(row), 1, cellName, nullptr);
        worksheet_write_string(sources, lxw_row_t(row), 2, text(s.file).constData(), nullptr);
        worksheet_write_string(sources, lxw_row_t(row), 3, text(s.table).constData(), nullptr);
        worksheet_write_number(sources, lxw_row_t(row), 4, s.page, nullptr);
        worksheet_write_number(sources, lxw_row_t(row), 5, s.start, nullptr);
        worksheet_write_number(sources, lxw_row_t(row), 6, s.end, nullptr);
        worksheet_write_string(sources, lxw_row_t(row), 7, text(s.text).constData(), nullptr);
        if (!s.value.isEmpty())
            worksheet_write_string(sources, lxw_row_t(row), 8, text(s.value).constData(), nullptr);
        ++row;
    }
    const lxw_error closed = workbook_close(d->workbook);
    d->workbook = nullptr;
    if (closed != LXW_NO_ERROR) {
        d->failed = true;
        d->error = QString::fromUtf8(lxw_strerror(closed));
        return false;
    }
    const QByteArray from = QFile::encodeName(d->temporary->fileName());
    if (std::rename(from.constData(), QFile::encodeName(d->path).constData()) != 0) {
        d->failed = true;
        d->error = u"cannot replace the file"_s;
        return false;
    }
    d->temporary->setAutoRemove(false);
    return true;
#else
    return false;
#endif
}
