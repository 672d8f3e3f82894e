#pragma once

#include "model/documentcontent.h"
#include "model/filingtable.h"

#include <QtCore/QString>

class QIODevice;

// Writes tables as JSON (tables --json OUT): each table with its grid, header rows and
// labels, and every cell (header, row label and data cells alike) with its source span.
// Pages are 1-based, start/end code points; values never neutralised:
//
//   {"schema": "filing-lens/tables@1", "offsetUnit": "codepoint",
//    "tables": [{"file": "x.htm", "id": "table@3:120-980", "title": "…", "page": 3,
//                "start": 120, "end": 980, "rows": 12, "columns": 7, "headerRows": 2,
//                "scale": "millions", "rowHeaders": ["", "", "Revenues", …],
//                "columnHeaders": ["", "Three Months Ended | 2023", …],
//                "cells": [{"row": 2, "column": 3, "rowSpan": 1, "columnSpan": 1,
//                           "kind": "data", "text": "(1,234)", "value": "-1234000000",
//                           "unit": "USD", "scale": "millions", "start": 300, "end": 307,
//                           "xbrl": "agrees", "status": "auto"}]}]}
//
// kind is "header", "label" or "data"; only data cells with text are CSV rows.
class TableJsonWriter final
{
public:
    explicit TableJsonWriter(QIODevice *device);

    bool addFile(const DocumentContent &content, const TableList &tables);
    bool finish();

    int tableCount() const { return m_tables; }
    QString errorString() const { return m_error; }

private:
    bool write(const QString &text);

    QIODevice *m_device;
    bool m_started = false;
    bool m_failed = false;
    int m_tables = 0;
    QString m_error;
};
