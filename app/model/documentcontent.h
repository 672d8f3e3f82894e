#pragma once

#include "filingtable.h"
#include "textlayer.h"

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>
#include <QtCore/QStringList>

enum class DocumentFormat { Pdf, Html, Submission, PlainText };

QString formatKey(DocumentFormat format); // "pdf", "html", "submission", "text"

// One <DOCUMENT> of a full submission, or the single part of any other format.
// A part covers pages [firstPage, firstPage + pageCount) of the text layer; binary
// and machine parts (GRAPHIC, ZIP, PDF, XBRL/XML, EXCEL, JSON) have pageCount 0.
struct DocumentPart
{
    enum class Kind { Header, Html, Text, Pdf, Binary };
    Kind kind = Kind::Text;
    QString type;        // EDGAR document type: "8-K", "EX-99.1", "GRAPHIC"; "SEC-HEADER" for the header part
    int sequence = 0;    // EDGAR <SEQUENCE>, 0 where absent
    QString fileName;    // EDGAR <FILENAME>
    QString description; // EDGAR <DESCRIPTION>
    int firstPage = 0;
    int pageCount = 0;
    // For Html parts: the cleaned HTML (hidden content removed) of each page, cut
    // at the filing's own page breaks; the reading view shows each in its own
    // QTextDocument (FilingDocument::sheetDocument), whose text is exactly the
    // page's text. Empty for other kinds.
    QStringList sheets;
    // Position in the part's view text where each page begins (size pageCount).
    // An Html part's view text is its pages joined by '\n'; a Text or Header
    // part's is the text of its one QTextDocument.
    QList<int> pageOffsets;
    // For Html parts loaded with LoadOptions::readTables: the tables read from each
    // sheet while the loader had it laid out, in page order, before anything that
    // needs the whole filing (scales stated once, XBRL); tablesRead says they were.
    TableList tables;
    bool tablesRead = false;
    bool hasText() const { return pageCount > 0; }
};

// A value of the EDGAR submission header, with where its line is in the header part.
struct HeaderField
{
    QString value;
    SourceSpan span; // on the header part's page; invalid when no visible text
};

// An inline-XBRL dei: fact as shown in the document (hidden ones have no span).
struct DeiFact
{
    QString name;   // without prefix: "EntityRegistrantName"
    QString value;  // the text as shown
    SourceSpan span; // invalid for facts in ix:hidden
};

// An inline-XBRL fact (ix:nonFraction or ix:nonNumeric), see InlineXbrl. Strings are
// as the filing writes them unless said otherwise.
struct XbrlFact
{
    QString concept;    // QName as written: "us-gaap:Revenues"
    QString value;      // numeric: plain decimal after format, scale and sign ("47061000000",
                        // "-0.04"); text: white space collapsed, cut at InlineXbrl::kMaxTextValue
                        // characters with "…"; empty for nil and for an unreadable number
    QString context;    // contextRef
    QString period;     // "2024-12-31", "2024-01-01/2024-12-31", "forever"; empty without context
    QString unit;       // "USD", "shares", "USD/shares", "pure"; empty for text
    QString decimals;
    QString scale;
    QString dimensions; // "Axis=Member" pairs, sorted, joined by ", "
    QString error;      // why the fact could not be read (unknown format, no context ...); empty if fine
    int length = -1;    // the full length of a text value that was cut; -1 when not cut
    bool numeric = false;
    bool hidden = false; // in ix:hidden
    bool nil = false;
    SourceSpan span;     // the fact's visible text; invalid when hidden or not shown
};

// A word of a PDF page's text (a run without white space) and where it is printed:
// [start, end) in the page text, the box in page points (origin top left). What the
// table reader of PDFs reads columns and rows from.
struct TextBox
{
    int start = 0;
    int end = 0;
    float left = 0;
    float top = 0;
    float right = 0;
    float bottom = 0;
};

// Everything the extractor and the exporters need to know of a filing. Plain
// value: safe to copy to a worker thread and to cache.
struct DocumentContent
{
    DocumentFormat format = DocumentFormat::PlainText;
    QString filePath;
    QString fileName;
    QString sha256; // hex, of the file's bytes
    TextLayer text;
    QList<DocumentPart> parts;
    // Header fields by key: accession_number, form_type, period_of_report,
    // filing_date, items (";"-joined), company_name, cik, sic, irs_number,
    // state_of_incorporation, file_number, business_address, business_phone,
    // former_names (";"-joined). Empty for documents without a header.
    // Values are the text at their span, except: sic is the code only ("2834");
    // items and former_names span their first value; business_address joins
    // street, city, state and zip, and spans from street to zip. The SEC-HEADER
    // form gives items as descriptions ("Other Events"), the .nc form as numbers.
    QMap<QString, HeaderField> header;
    QList<DeiFact> deiFacts;
    QList<XbrlFact> xbrlFacts; // every inline-XBRL fact of the HTML parts, span pages counted from 0
    // PDF: per page, its words with their boxes (PdfLoader::wordBoxes); empty for other formats.
    QList<QList<TextBox>> pdfWords;

    int pageCount() const { return text.pageCount(); }
    int partOfPage(int page) const; // -1 when none
};
