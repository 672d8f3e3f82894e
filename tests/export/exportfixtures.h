#pragma once

// Filings and entities for the export tests: real text (the bundled ImmunoGen 8-K,
// a Buckle press release paragraph) with entities placed by searching that text,
// the way the extractor would place them.
#include "model/documentcontent.h"
#include "model/entity.h"
#include "testutils.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>

namespace ExportFixtures {

using namespace Qt::StringLiterals;

inline DocumentContent contentFromFile(const QString &path, bool splitAtPageNumbers)
{
    DocumentContent c;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return c;
    const QByteArray bytes = f.readAll();
    c.filePath = path;
    c.fileName = QFileInfo(path).fileName();
    c.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString text = QString::fromUtf8(bytes);
    // The sample's page numbers stand alone on their lines; each ends a page.
    c.text.pages = splitAtPageNumbers
        ? text.split(QRegularExpression(u"\\n\\n\\d{1,2}\\n\\n"_s))
        : QStringList{text};
    return c;
}

inline DocumentContent sampleContent()
{
    return contentFromFile(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s), true);
}

// An entity on the occurrence-th mention of `text` (0-based, counted over all pages).
inline Entity at(const DocumentContent &c, const QString &type, const QString &text,
                 const QString &value = {}, const QMap<QString, QString> &attributes = {},
                 int occurrence = 0, bool mustExist = true)
{
    Entity e;
    e.type = type;
    e.value = value.isEmpty() ? text : value;
    e.text = text;
    e.attributes = attributes;
    e.confidence = 0.8;
    e.origin = u"core."_s + type;
    int seen = 0;
    for (int p = 0; p < c.text.pageCount(); ++p) {
        qsizetype from = 0;
        for (;;) {
            const qsizetype i = c.text.pages.at(p).indexOf(text, from);
            if (i < 0)
                break;
            if (seen++ == occurrence) {
                e.span = {p, int(i), int(i + text.size())};
                e.id = Entity::makeId(type, e.span, c.text.pages.at(p));
                return e;
            }
            from = i + 1;
        }
    }
    if (mustExist)
        qWarning("fixture text not found: %s", qPrintable(text));
    return e;
}

inline Entity decided(Entity e, EntityStatus status, const QString &by = u"A. Analyst"_s)
{
    e.status = status;
    e.by = by;
    e.at = QDateTime(QDate(2026, 11, 20), QTime(10, 30), Qt::UTC);
    return e;
}

inline EntityList sampleEntities(const DocumentContent &c)
{
    const auto attr = [](const QString &k, const QString &v) { return QMap<QString, QString>{{k, v}}; };
    EntityList l;
    l << decided(at(c, u"form_type"_s, u"8-K"_s), EntityStatus::Confirmed)
      << at(c, u"report_date"_s, u"June 4, 2007"_s, u"2007-06-04"_s)
      << decided(at(c, u"registrant"_s, u"ImmunoGen, Inc."_s), EntityStatus::Confirmed)
      << at(c, u"registrant"_s, u"ImmunoGen, Inc."_s, {}, {}, 3)
      << at(c, u"state_of_incorporation"_s, u"Massachusetts"_s)
      << at(c, u"commission_file_number"_s, u"0-17999"_s)
      << at(c, u"irs_employer_id"_s, u"04-2726691"_s)
      << at(c, u"registrant_address"_s, u"128 Sidney Street, Cambridge, MA 02139"_s)
      << at(c, u"registrant_phone"_s, u"(617) 995-2500"_s, u"617-995-2500"_s)
      << at(c, u"ticker"_s, u"IMGN"_s)
      << at(c, u"item"_s, u"ITEM 8.01"_s, u"8.01"_s, attr(u"title"_s, u"Other Events"_s))
      << at(c, u"item"_s, u"ITEM 9.01"_s, u"9.01"_s, attr(u"title"_s, u"Financial Statements and Exhibits"_s))
      << at(c, u"exhibit"_s, u"99.1\tPress Release"_s, u"99.1"_s,
            attr(u"description"_s, u"Press Release of ImmunoGen, Inc. dated June 4, 2007"_s))
      << at(c, u"person"_s, u"Carol Hausner"_s, {},
            attr(u"role"_s, u"Executive Director, Investor Relations and Corporate Communications"_s))
      << at(c, u"person"_s, u"Kathryn Morris"_s, {}, attr(u"role"_s, u"Media contact"_s))
      << decided(at(c, u"person"_s, u"Mitchel Sayare"_s, {}, attr(u"role"_s, u"Chairman and CEO"_s)),
                 EntityStatus::Corrected)
      << at(c, u"organization"_s, u"Genentech"_s)
      << decided(at(c, u"organization"_s, u"American Society of Clinical Oncology"_s), EntityStatus::Rejected)
      << at(c, u"email"_s, u"info@immunogen.com"_s)
      << at(c, u"dose"_s, u"3.6 mg/kg"_s)
      << at(c, u"trial_phase"_s, u"Phase II"_s, u"2"_s)
      << at(c, u"indication"_s, u"HER2-expressing metastatic breast cancer"_s)
      << at(c, u"indication"_s, u"relapsed small-cell lung cancer"_s)
      << at(c, u"dose"_s, u"168 mg/m²"_s)
      << at(c, u"adverse_event"_s, u"thrombocytopenia"_s, {}, attr(u"drug"_s, u"trastuzumab-DM1"_s), 1)
      << at(c, u"adverse_event"_s, u"hyperesthesia"_s, {}, attr(u"drug"_s, u"huN901-DM1"_s));
    // Every mention of each compound, as the extractor reports them.
    for (const QString &drug : {u"trastuzumab-DM1"_s, u"Trastuzumab-DM1"_s, u"huN901-DM1"_s,
                                u"HuN901-DM1"_s, u"huC242-DM4"_s, u"HuC242-DM4"_s}) {
        for (int i = 0;; ++i) {
            const Entity e = at(c, u"drug"_s, drug, {}, {}, i, false);
            if (!e.span.isValid())
                break;
            l << e;
        }
    }
    Entity added = decided(at(c, u"indication"_s, u"gastric cancer"_s), EntityStatus::Added, u"B. Reviewer"_s);
    added.origin = u"manual"_s;
    added.note = u"Phase II start June/July 2007, per the release"_s;
    l << added;
    return l;
}

// A strict RFC 4180 reader: CRLF record ends, quoted fields with "" escapes and
// embedded line breaks. Returns the records, or sets *error.
inline QList<QStringList> parseCsv(const QByteArray &utf8, QString *error)
{
    QList<QStringList> rows;
    const QString s = QString::fromUtf8(utf8);
    QStringList row;
    QString cell;
    qsizetype i = 0;
    const qsizetype n = s.size();
    bool quotedCell = false;
    while (i < n) {
        const QChar c = s.at(i);
        if (c == u'"' && cell.isEmpty() && !quotedCell) {
            quotedCell = true;
            ++i;
            for (;;) {
                if (i >= n) {
                    *error = u"unterminated quoted field"_s;
                    return rows;
                }
                if (s.at(i) == u'"') {
                    if (i + 1 < n && s.at(i + 1) == u'"') {
                        cell += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell += s.at(i++);
            }
            if (i < n && s.at(i) != u',' && s.at(i) != u'\r') {
                *error = u"text after a closing quote at %1"_s.arg(i);
                return rows;
            }
            continue;
        }
        if (c == u',') {
            row << cell;
            cell.clear();
            quotedCell = false;
            ++i;
        } else if (c == u'\r') {
            if (i + 1 >= n || s.at(i + 1) != u'\n') {
                *error = u"bare CR at %1"_s.arg(i);
                return rows;
            }
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            quotedCell = false;
            i += 2;
        } else if (c == u'\n' || c == u'"') {
            *error = u"bare LF or quote in an unquoted field at %1"_s.arg(i);
            return rows;
        } else {
            cell += c;
            ++i;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        *error = u"last record does not end with CRLF"_s;
    return rows;
}

// Python's page_text[start:end] with code-point offsets.
inline QString codePointSlice(const QString &text, int start, int end)
{
    const QList<uint> ucs4 = text.toUcs4();
    if (start < 0 || end > ucs4.size() || start > end)
        return u"<out of range>"_s;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()) + start, end - start);
}

} // namespace ExportFixtures
