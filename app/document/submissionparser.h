#pragma once

#include "model/documentcontent.h"

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>

// Splits an EDGAR full submission (.txt / .nc, already decoded and with LF line
// ends) into its header and its <DOCUMENT>s. Reads both header forms: the
// "KEY: value" lines of <SEC-HEADER> / <IMS-HEADER>, and the SGML tags of
// <SUBMISSION> (.nc). A PRIVACY-ENHANCED MESSAGE wrapper is skipped. A file cut
// short yields what it holds.
class SubmissionParser final
{
public:
    struct Document
    {
        QString type;
        int sequence = 0;
        QString fileName;
        QString description;
        QString body; // between <TEXT> and </TEXT>, leading newline removed
        DocumentPart::Kind kind = DocumentPart::Kind::Text; // Html, Text or Binary
    };
    struct Result
    {
        bool hasHeader = false;
        QString headerText; // shown as the header part; field spans point into it
        // Keys as in DocumentContent::header. Spans have page 0 and offsets
        // into headerText: the first value for items and former_names, the
        // digits in brackets for sic, street to zip for business_address.
        QMap<QString, HeaderField> header;
        QList<Document> documents;
    };

    static Result parse(const QString &text);
    // Html for HTML / inline XBRL bodies; Binary for GRAPHIC, ZIP, PDF, EXCEL,
    // JSON, XML, EX-101.* and uuencoded or <PDF> bodies; Text otherwise.
    static DocumentPart::Kind classify(const QString &type, QStringView body);
};
