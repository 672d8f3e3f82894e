#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"

// Finds the data tables of a PDF page from where its words are printed
// (DocumentContent::pdfWords): columns of aligned figures under header lines, each text
// line a row. A figure's "$" before it and "%" or ")" after it join it; a label broken
// over two lines is one label; indentation gives the row labels their parents. The grid
// is then read as TableReader reads an HTML table (numbers, units, stated scale), and
// its cells span the page text, so highlighting, the grid and the exports work as for
// HTML. Any thread; plain values only. Bounded on hostile pages: at most kMaxWords words
// of a page are looked at and at most kMaxColumns figure columns make a table.
class PdfTableReader final
{
public:
    static constexpr int kMaxWords = 20000;
    static constexpr int kMaxColumns = 40;

    static TableList readPage(const QString &pageText, const QList<TextBox> &words, int page);
};
