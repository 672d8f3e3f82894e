#pragma once

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

    int pageCount() const { return text.pageCount(); }
    int partOfPage(int page) const; // -1 when none
};
