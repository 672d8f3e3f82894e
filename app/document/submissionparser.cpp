#include "submissionparser.h"

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

struct Located
{
    QString value;
    int start = -1;
    int end = -1;
};

// The trimmed value running from `from` to the end of the line (or the next
// '<' for SGML), with its position.
Located valueAt(const QString &text, qsizetype from, bool stopAtTag)
{
    qsizetype end = text.indexOf(u'\n', from);
    if (end < 0)
        end = text.size();
    if (stopAtTag) {
        const qsizetype lt = text.indexOf(u'<', from);
        if (lt >= 0 && lt < end)
            end = lt;
    }
    qsizetype s = from;
    while (s < end && text.at(s).isSpace())
        ++s;
    qsizetype e = end;
    while (e > s && text.at(e - 1).isSpace())
        --e;
    return Located{text.mid(s, e - s), int(s), int(e)};
}

class HeaderBuilder
{
public:
    explicit HeaderBuilder(QMap<QString, HeaderField> &fields) : m_fields(fields) { }

    void single(const QString &key, const Located &v)
    {
        if (v.value.isEmpty() || m_fields.contains(key))
            return;
        m_fields.insert(key, HeaderField{v.value, SourceSpan{0, v.start, v.end}});
    }
    void multi(const QString &key, const Located &v)
    {
        if (v.value.isEmpty())
            return;
        auto it = m_fields.find(key);
        if (it == m_fields.end())
            m_fields.insert(key, HeaderField{v.value, SourceSpan{0, v.start, v.end}});
        else if (!it->value.split(u';').contains(v.value))
            it->value += u';' + v.value;
    }
    void sic(const Located &v)
    {
        static const QRegularExpression code(u"\\[(\\d+)\\]"_s);
        const QRegularExpressionMatch m = code.match(v.value);
        if (m.hasMatch())
            single(u"sic"_s, Located{m.captured(1), v.start + int(m.capturedStart(1)),
                                     v.start + int(m.capturedEnd(1))});
        else
            single(u"sic"_s, v);
    }
    // Business address parts, collected from the first address block only.
    void addressPart(const QString &part, const Located &v)
    {
        if (m_addressDone || v.value.isEmpty())
            return;
        m_address.append({part, v});
    }
    void endAddress(const QString &text)
    {
        if (m_addressDone || m_address.isEmpty())
            return;
        m_addressDone = true;
        QStringList street;
        QString city, state, zip;
        int start = m_address.constFirst().second.start;
        int end = start;
        for (const auto &[part, v] : std::as_const(m_address)) {
            if (part == u"street"_s)
                street.append(v.value);
            else if (part == u"city"_s)
                city = v.value;
            else if (part == u"state"_s)
                state = v.value;
            else if (part == u"zip"_s)
                zip = v.value;
            start = qMin(start, v.start);
            end = qMax(end, v.end);
        }
        QStringList pieces = street;
        if (!city.isEmpty())
            pieces.append(city);
        const QString stateZip = QStringList{state, zip}.join(u' ').trimmed();
        if (!stateZip.isEmpty())
            pieces.append(stateZip);
        Q_UNUSED(text);
        m_fields.insert(u"business_address"_s, HeaderField{pieces.join(u", "_s), SourceSpan{0, start, end}});
    }

private:
    QMap<QString, HeaderField> &m_fields;
    QList<std::pair<QString, Located>> m_address;
    bool m_addressDone = false;
};

// "KEY: value" header of <SEC-HEADER> and <IMS-HEADER>.
void parseKeyValueHeader(const QString &text, QMap<QString, HeaderField> &fields)
{
    HeaderBuilder b(fields);
    QString section;
    qsizetype lineStart = 0;
    while (lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView line = QStringView(text).mid(lineStart, lineEnd - lineStart);
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0 && !line.trimmed().startsWith(u'<')) {
            const QString key = line.left(colon).trimmed().toString().toUpper();
            const Located v = valueAt(text, lineStart + colon + 1, false);
            if (v.value.isEmpty()) {
                if (section == u"BUSINESS ADDRESS"_s)
                    b.endAddress(text);
                section = key;
            } else if (key == u"ACCESSION NUMBER"_s) {
                b.single(u"accession_number"_s, v);
            } else if (key == u"CONFORMED SUBMISSION TYPE"_s) {
                b.single(u"form_type"_s, v);
            } else if (key == u"CONFORMED PERIOD OF REPORT"_s) {
                b.single(u"period_of_report"_s, v);
            } else if (key == u"FILED AS OF DATE"_s) {
                b.single(u"filing_date"_s, v);
            } else if (key == u"ITEM INFORMATION"_s || key == u"ITEMS"_s) {
                b.multi(u"items"_s, v);
            } else if (key == u"COMPANY CONFORMED NAME"_s) {
                b.single(u"company_name"_s, v);
            } else if (key == u"CENTRAL INDEX KEY"_s) {
                b.single(u"cik"_s, v);
            } else if (key == u"STANDARD INDUSTRIAL CLASSIFICATION"_s) {
                b.sic(v);
            } else if (key == u"IRS NUMBER"_s || key == u"EIN"_s) {
                b.single(u"irs_number"_s, v);
            } else if (key == u"STATE OF INCORPORATION"_s) {
                b.single(u"state_of_incorporation"_s, v);
            } else if (key == u"SEC FILE NUMBER"_s) {
                b.single(u"file_number"_s, v);
            } else if (key == u"FORMER CONFORMED NAME"_s) {
                b.multi(u"former_names"_s, v);
            } else if (section == u"BUSINESS ADDRESS"_s) {
                if (key == u"BUSINESS PHONE"_s)
                    b.single(u"business_phone"_s, v);
                else if (key.startsWith(u"STREET"_s))
                    b.addressPart(u"street"_s, v);
                else if (key == u"CITY"_s)
                    b.addressPart(u"city"_s, v);
                else if (key == u"STATE"_s)
                    b.addressPart(u"state"_s, v);
                else if (key == u"ZIP"_s)
                    b.addressPart(u"zip"_s, v);
            }
        }
        lineStart = lineEnd + 1;
    }
    b.endAddress(text);
}

// SGML header of <SUBMISSION> (.nc): <TAG>value, sections closed by </TAG>.
void parseSgmlHeader(const QString &text, QMap<QString, HeaderField> &fields)
{
    HeaderBuilder b(fields);
    bool inBusiness = false;
    bool typeSeen = false;
    qsizetype i = 0;
    while ((i = text.indexOf(u'<', i)) >= 0) {
        const qsizetype gt = text.indexOf(u'>', i);
        if (gt < 0)
            break;
        const QString tag = text.mid(i + 1, gt - i - 1).trimmed().toUpper();
        i = gt + 1;
        if (tag == u"BUSINESS-ADDRESS"_s) {
            inBusiness = true;
            continue;
        }
        if (tag == u"/BUSINESS-ADDRESS"_s) {
            inBusiness = false;
            b.endAddress(text);
            continue;
        }
        if (tag.startsWith(u'/'))
            continue;
        const Located v = valueAt(text, i, true);
        if (tag == u"ACCESSION-NUMBER"_s) {
            b.single(u"accession_number"_s, v);
        } else if (tag == u"TYPE"_s && !typeSeen) {
            typeSeen = true;
            b.single(u"form_type"_s, v);
        } else if (tag == u"PERIOD"_s) {
            b.single(u"period_of_report"_s, v);
        } else if (tag == u"FILING-DATE"_s) {
            b.single(u"filing_date"_s, v);
        } else if (tag == u"ITEMS"_s) {
            b.multi(u"items"_s, v);
        } else if (tag == u"CONFORMED-NAME"_s) {
            b.single(u"company_name"_s, v);
        } else if (tag == u"CIK"_s) {
            b.single(u"cik"_s, v);
        } else if (tag == u"ASSIGNED-SIC"_s) {
            b.sic(v);
        } else if (tag == u"IRS-NUMBER"_s) {
            b.single(u"irs_number"_s, v);
        } else if (tag == u"STATE-OF-INCORPORATION"_s) {
            b.single(u"state_of_incorporation"_s, v);
        } else if (tag == u"FILE-NUMBER"_s) {
            b.single(u"file_number"_s, v);
        } else if (tag == u"FORMER-CONFORMED-NAME"_s) {
            b.multi(u"former_names"_s, v);
        } else if (inBusiness) {
            if (tag == u"PHONE"_s)
                b.single(u"business_phone"_s, v);
            else if (tag.startsWith(u"STREET"_s))
                b.addressPart(u"street"_s, v);
            else if (tag == u"CITY"_s)
                b.addressPart(u"city"_s, v);
            else if (tag == u"STATE"_s)
                b.addressPart(u"state"_s, v);
            else if (tag == u"ZIP"_s)
                b.addressPart(u"zip"_s, v);
        }
    }
    b.endAddress(text);
}

// Searches [from, to) only (to < 0: the end), so that looking for a missing
// closing tag in every document of a long file stays linear.
qsizetype findTag(const QString &text, QStringView tag, qsizetype from = 0, qsizetype to = -1)
{
    if (to < 0 || to > text.size())
        to = text.size();
    if (from >= to)
        return -1;
    const qsizetype at = QStringView(text).first(to).indexOf(tag, from, Qt::CaseInsensitive);
    return at < 0 ? -1 : at;
}

// The value of a metadata tag (<TYPE>8-K) inside [from, to).
QString metaValue(const QString &text, QStringView tag, qsizetype from, qsizetype to)
{
    const qsizetype at = findTag(text, tag, from, to);
    if (at < 0)
        return {};
    return valueAt(text, at + tag.size(), true).value;
}

} // namespace

DocumentPart::Kind SubmissionParser::classify(const QString &type, QStringView body)
{
    const QString t = type.toUpper();
    static const QStringList binaryTypes = {u"GRAPHIC"_s, u"ZIP"_s, u"PDF"_s, u"EXCEL"_s,
                                            u"JSON"_s, u"XML"_s, u"XLS"_s, u"XLSX"_s};
    if (binaryTypes.contains(t) || t.startsWith(u"EX-101."_s))
        return DocumentPart::Kind::Binary;
    const QStringView head = body.left(4096).trimmed();
    if (head.startsWith(u"begin "_s) || head.startsWith(u"<PDF>"_s, Qt::CaseInsensitive))
        return DocumentPart::Kind::Binary;
    static const QRegularExpression uuBegin(u"^begin [0-7]{3,4} "_s, QRegularExpression::MultilineOption);
    if (uuBegin.match(head).hasMatch() && head.size() < 400)
        return DocumentPart::Kind::Binary;
    if (head.contains(u"<html"_s, Qt::CaseInsensitive) || head.contains(u"<!doctype html"_s, Qt::CaseInsensitive)
        || head.startsWith(u"<XBRL>"_s, Qt::CaseInsensitive))
        return DocumentPart::Kind::Html;
    return DocumentPart::Kind::Text;
}

SubmissionParser::Result SubmissionParser::parse(const QString &text)
{
    Result r;
    const qsizetype firstDoc = findTag(text, u"<DOCUMENT>");

    // The header: <SEC-HEADER>/<IMS-HEADER> ... </...>, or <SUBMISSION> up to
    // the first <DOCUMENT>. A header cut off ends at the first document or EOF.
    qsizetype hStart = -1;
    qsizetype hEnd = -1;
    bool sgml = false;
    for (const QStringView open : {u"<SEC-HEADER>", u"<IMS-HEADER>"}) {
        const qsizetype at = findTag(text, open);
        if (at >= 0 && (firstDoc < 0 || at < firstDoc)) {
            hStart = at + open.size();
            const QString close = u"</"_s + open.mid(1).toString();
            hEnd = findTag(text, close, hStart, firstDoc);
            break;
        }
    }
    if (hStart < 0) {
        const qsizetype at = findTag(text, u"<SUBMISSION>");
        if (at >= 0 && (firstDoc < 0 || at < firstDoc)) {
            hStart = at + 12;
            sgml = true;
        }
    }
    if (hStart >= 0) {
        if (hEnd < 0 || (firstDoc >= 0 && hEnd > firstDoc))
            hEnd = firstDoc >= 0 ? firstDoc : text.size();
        if (hStart < text.size() && text.at(hStart) == u'\n')
            ++hStart;
        r.hasHeader = true;
        r.headerText = text.mid(hStart, qMax<qsizetype>(0, hEnd - hStart));
        if (sgml)
            parseSgmlHeader(r.headerText, r.header);
        else
            parseKeyValueHeader(r.headerText, r.header);
    }

    qsizetype at = firstDoc;
    while (at >= 0) {
        const qsizetype next = findTag(text, u"<DOCUMENT>", at + 10);
        qsizetype docEnd = findTag(text, u"</DOCUMENT>", at + 10, next);
        if (docEnd < 0)
            docEnd = next >= 0 ? next : text.size();
        const qsizetype textTag = findTag(text, u"<TEXT>", at, docEnd);
        const qsizetype metaEnd = textTag >= 0 ? textTag : docEnd;

        Document d;
        d.type = metaValue(text, u"<TYPE>", at, metaEnd);
        d.sequence = metaValue(text, u"<SEQUENCE>", at, metaEnd).toInt();
        d.fileName = metaValue(text, u"<FILENAME>", at, metaEnd);
        d.description = metaValue(text, u"<DESCRIPTION>", at, metaEnd);
        if (textTag >= 0) {
            qsizetype bStart = textTag + 6;
            if (bStart < docEnd && text.at(bStart) == u'\n')
                ++bStart;
            qsizetype bEnd = findTag(text, u"</TEXT>", bStart, docEnd);
            if (bEnd < 0)
                bEnd = docEnd;
            d.kind = classify(d.type, QStringView(text).mid(bStart, bEnd - bStart));
            if (d.kind != DocumentPart::Kind::Binary)
                d.body = text.mid(bStart, bEnd - bStart);
        } else {
            d.kind = classify(d.type, {});
        }
        r.documents.append(std::move(d));
        at = next;
    }
    return r;
}
