#include "fuzztargets.h"

#include "export/csvwriter.h"
#include "model/documentcontent.h"
#include "export/exportrow.h"
#include "export/tablecsvwriter.h"
#include "extract/tablereader.h"
#include "extract/texttablereader.h"
#include "extract/extractor.h"
#include "document/htmlcleaner.h"
#include "document/htmlloader.h"
#include "document/inlinexbrl.h"
#include "extract/rulepack.h"
#include "review/sidecarfile.h"
#include "document/submissionparser.h"
#include "document/textdecoder.h"

#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QStringDecoder>
#include <QtCore/QTemporaryDir>
#include <QtGui/QTextDocument>

#include <memory>

using namespace Qt::StringLiterals;

namespace FuzzTargets {

namespace {

QString spanProblem(const SourceSpan &span, qsizetype textSize, const QString &what)
{
    if (!span.isValid())
        return {};
    if (span.end > textSize)
        return u"%1: span %2-%3 runs past the text (%4 characters)"_s.arg(what).arg(span.start).arg(span.end).arg(textSize);
    return {};
}

} // namespace

QString submission(const QByteArray &input)
{
    const QString text = TextDecoder::decode(input);
    if (text.contains(QChar(0)) || text.contains(u'\r'))
        return u"decoded text still holds NUL or CR"_s;
    const SubmissionParser::Result r = SubmissionParser::parse(text);
    if (!r.hasHeader && !r.header.isEmpty())
        return u"header fields without a header"_s;
    for (auto it = r.header.cbegin(); it != r.header.cend(); ++it) {
        const QString p = spanProblem(it.value().span, r.headerText.size(), u"header field "_s + it.key());
        if (!p.isEmpty())
            return p;
    }
    for (const SubmissionParser::Document &d : r.documents)
        (void)SubmissionParser::classify(d.type, d.body);
    return {};
}

QString html(const QByteArray &input)
{
    const QString text = QString::fromUtf8(input);
    const HtmlCleaner::Result cleaned = HtmlCleaner::clean(text);
    (void)HtmlCleaner::decodeEntities(text);
    const HtmlLoader::Part part = HtmlLoader::load(text);
    if (part.documents.size() != size_t(part.pages.size()))
        return u"%1 pages but %2 sheet documents"_s.arg(part.pages.size()).arg(part.documents.size());
    if (part.pageOffsets != HtmlLoader::joinedOffsets(part.pages))
        return u"page offsets are not those of the joined pages"_s;
    for (qsizetype i = 0; i < part.pages.size(); ++i) {
        if (part.documents.at(size_t(i))->toPlainText() != part.pages.at(i))
            return u"page %1 is not the text of its sheet document"_s.arg(i);
    }
    for (const DeiFact &f : part.facts) {
        if (!f.span.isValid())
            continue;
        if (f.span.page >= part.pages.size())
            return u"fact %1 on page %2 of %3"_s.arg(f.name).arg(f.span.page).arg(part.pages.size());
        const QString p = spanProblem(f.span, part.pages.at(f.span.page).size(), u"fact "_s + f.name);
        if (!p.isEmpty())
            return p;
    }
    for (auto it = part.factSpans.cbegin(); it != part.factSpans.cend(); ++it) {
        if (it->page < 0 || it->page >= part.pages.size())
            return u"inline-XBRL fact at %1 on page %2 of %3"_s.arg(it.key()).arg(it->page).arg(part.pages.size());
        const QString p = spanProblem(it.value(), part.pages.at(it->page).size(), u"inline-XBRL fact"_s);
        if (!p.isEmpty())
            return p;
    }
    // The facts: one source offset each, pointing at a start tag; values within bounds.
    const InlineXbrl::Reading reading = InlineXbrl::read(text);
    if (reading.sources.size() != reading.facts.size())
        return u"%1 facts but %2 sources"_s.arg(reading.facts.size()).arg(reading.sources.size());
    for (qsizetype i = 0; i < reading.facts.size(); ++i) {
        const XbrlFact &f = reading.facts.at(i);
        const qsizetype at = reading.sources.at(i);
        if (at < 0 || at >= text.size() || text.at(at) != u'<')
            return u"fact %1 does not start at a tag"_s.arg(i);
        if (f.value.size() > InlineXbrl::kMaxTextValue + 4 * InlineXbrl::kMaxScale + 2)
            return u"fact %1 has a value of %2 characters"_s.arg(i).arg(f.value.size());
        // A number is a plain decimal: no exponent, no separators, no leading zeros.
        static const QRegularExpression plain(uR"(^(0|-?[1-9][0-9]*(\.[0-9]*[1-9])?|-?0\.[0-9]*[1-9])$)"_s);
        if (f.numeric && !f.value.isEmpty() && !plain.match(f.value).hasMatch())
            return u"fact %1 has the value %2, not a plain decimal"_s.arg(i).arg(f.value.left(80));
        if (f.numeric && f.value.isEmpty() && !f.nil && f.error.isEmpty())
            return u"fact %1 has neither a value nor an error"_s.arg(i);
    }
    return {};
}

QString sidecar(const QByteArray &input)
{
    const QString path = u"fuzz.txt.review.json"_s;
    const SidecarFile::LoadResult r = SidecarFile::parse(input, path);
    if (r.status == SidecarFile::LoadStatus::Corrupt || r.status == SidecarFile::LoadStatus::NewerSchema) {
        if (!r.message.contains(path))
            return u"error message does not name the file: "_s + r.message;
        return {};
    }
    if (r.status != SidecarFile::LoadStatus::Loaded)
        return {};
    // What was read must survive a save and a second read unchanged.
    const QByteArray once = SidecarFile::serialize(r.data);
    const SidecarFile::LoadResult again = SidecarFile::parse(once, path);
    if (again.status != SidecarFile::LoadStatus::Loaded)
        return u"a sidecar we wrote does not read back: "_s + again.message;
    const QByteArray twice = SidecarFile::serialize(again.data);
    if (once != twice)
        return u"serialize(parse(serialize(x))) differs from serialize(x)"_s;
    if (again.data.decisions.size() != r.data.decisions.size())
        return u"decisions lost in a round trip"_s;
    return {};
}

QString rulePack(const QByteArray &input)
{
    static QTemporaryDir dir;
    if (!dir.isValid())
        return u"no temporary folder"_s;
    const QString file = dir.filePath(u"user.json"_s);
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(input) != input.size())
            return u"cannot write the pack"_s;
    }
    QList<RulePackError> errors;
    const RuleSet set = RuleSet::loadFrom({file}, &errors);
    for (const RulePackError &e : errors) {
        if (e.file != file || e.message.isEmpty())
            return u"an error without file or message: "_s + e.message;
    }
    if (set.packs.isEmpty())
        return {};
    (void)set.fingerprint();

    // A fixed filing excerpt, plus a long line that makes backtracking patterns show.
    static const DocumentContent content = [] {
        DocumentContent c;
        c.fileName = u"fuzz.txt"_s;
        c.filePath = u"fuzz.txt"_s;
        c.text.pages = {
            u"UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\n"
            "ImmunoGen, Inc.\n(Exact name of registrant as specified in its charter)\n"
            "Massachusetts 0-17999 04-2726691\n128 Sidney Street, Cambridge, MA 02139\n"
            "(617) 995-2500\nItem 8.01 Other Events.\nOn June 4, 2007, the Company announced "
            "that trastuzumab-DM1 (T-DM1) showed a 40% response rate at 3.6 mg/kg in HER2-positive "
            "metastatic breast cancer; revenue was $1.3 billion.\nExhibit 99.1 Press release\n"_s
                + QString(3000, u'a') + u"!\n"_s};
        return c;
    }();
    RuleSet withDefaults = RuleSet::loadFrom({u":/rules/core.json"_s});
    for (const RulePack &p : set.packs)
        withDefaults.packs.append(p);
    const EntityList entities = Extractor(withDefaults).extract(content);
    for (const Entity &e : entities) {
        if (e.span.page < 0 || e.span.page >= content.text.pageCount())
            return u"entity %1 on a page that does not exist"_s.arg(e.id);
        const QString p = spanProblem(e.span, content.text.pages.at(e.span.page).size(), e.id);
        if (!p.isEmpty())
            return p;
    }
    return {};
}

bool readCsv(const QByteArray &utf8, QList<QStringList> *rows, QString *error)
{
    QStringDecoder decode(QStringDecoder::Utf8);
    const QString s = decode(utf8);
    if (decode.hasError()) {
        *error = u"not UTF-8"_s;
        return false;
    }
    rows->clear();
    QStringList row;
    QString cell;
    qsizetype i = 0;
    const qsizetype n = s.size();
    if (n == 0)
        return true;
    for (;;) {
        if (i < n && s.at(i) == u'"') {
            ++i;
            for (;;) {
                if (i >= n) {
                    *error = u"unterminated quoted field"_s;
                    return false;
                }
                if (s.at(i) == u'"') {
                    if (i + 1 < n && s.at(i + 1) == u'"') {
                        cell.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell.append(s.at(i++));
            }
        } else {
            while (i < n && s.at(i) != u',' && s.at(i) != u'\r' && s.at(i) != u'\n') {
                if (s.at(i) == u'"') {
                    *error = u"quote inside an unquoted field at %1"_s.arg(i);
                    return false;
                }
                cell.append(s.at(i++));
            }
        }
        row.append(cell);
        cell.clear();
        if (i >= n) {
            *error = u"last record not ended by CRLF"_s;
            return false;
        }
        if (s.at(i) == u',') {
            ++i;
            continue;
        }
        if (s.at(i) != u'\r' || i + 1 >= n || s.at(i + 1) != u'\n') {
            *error = u"bare CR or LF outside quotes at %1"_s.arg(i);
            return false;
        }
        i += 2;
        rows->append(row);
        row.clear();
        if (i >= n)
            return true;
    }
}

QString csv(const QByteArray &input)
{
    // Fields of the input, split at 0x1f: value, page text, note, origin, attribute value, type.
    const QList<QByteArray> parts = input.split('\x1f');
    auto field = [&](int i) { return i < parts.size() ? QString::fromUtf8(parts.at(i)) : QString(); };
    DocumentContent c;
    c.fileName = u"fuzz.txt"_s;
    c.text.pages = {field(1)};
    Entity e;
    e.type = field(5).isEmpty() ? u"organization"_s : field(5);
    e.value = field(0);
    e.span = SourceSpan{0, 0, int(c.text.pages.constFirst().size())};
    e.text = c.text.pages.constFirst();
    e.id = Entity::makeId(e.type, e.span, e.text);
    e.note = field(2);
    e.origin = field(3);
    e.confidence = 0.5;
    if (parts.size() > 4)
        e.attributes.insert(u"k"_s, field(4));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    if (!writer.addFile(c, {e}) || !writer.finish())
        return u"writer failed: "_s + writer.errorString();
    QList<QStringList> rows;
    QString error;
    if (!readCsv(buffer.data(), &rows, &error))
        return u"not RFC 4180: "_s + error;
    if (rows.size() != 2)
        return u"%1 records instead of 2"_s.arg(rows.size());
    if (rows.at(0) != CsvWriter::columns())
        return u"header row differs from the contract"_s;
    const QStringList &r = rows.at(1);
    if (r.size() != CsvWriter::columns().size())
        return u"%1 cells instead of %2"_s.arg(r.size()).arg(CsvWriter::columns().size());
    static const QString triggers = u"=+-@\t\r\uff1d\uff0b\uff0d\uff20"_s;
    for (const QString &cell : r) {
        if (!cell.isEmpty() && triggers.contains(cell.at(0)) && !CsvWriter::isPlainNumber(cell))
            return u"formula-like cell not neutralised: "_s + cell;
    }
    const QStringList expected = {c.fileName, e.id, e.type, QString(), e.value, e.text, QString(), QString(),
                                  QString(), QString(), u"auto"_s, e.origin,
                                  ExportRowBuilder::formatAttributes(e.attributes), e.note};
    for (int col : {0, 1, 2, 4, 5, 10, 11, 12, 13}) {
        if (CsvWriter::restored(r.at(col)) != expected.at(col))
            return u"column %1 reads back as \"%2\", wrote \"%3\""_s.arg(CsvWriter::columns().at(col), r.at(col),
                                                                        expected.at(col));
    }
    return {};
}

QString tables(const QByteArray &input)
{
    const HtmlLoader::Part part = HtmlLoader::load(QString::fromUtf8(input));
    for (qsizetype i = 0; i < part.pages.size() && i < part.sheets.size(); ++i) {
        // Each page as the loader made it, read with the sheet it came from.
        const TableList found = TableReader::readPage(part.sheets.at(i), part.pages.at(i), int(i));
        if (found.size() > TableReader::kMaxTablesPerPage)
            return u"page %1 gives %2 tables"_s.arg(i).arg(found.size());
        for (const FilingTable &t : found) {
            const QString &page = part.pages.at(i);
            if (t.span.page != i || spanProblem(t.span, page.size(), u"table"_s).size())
                return u"table %1-%2 is not on its page"_s.arg(t.span.start).arg(t.span.end);
            if (t.cells.size() > TableReader::kMaxCells)
                return u"a table of %1 cells"_s.arg(t.cells.size());
            if (t.rowHeaders.size() != t.rowCount || t.columnHeaders.size() != t.columnCount)
                return u"%1 rows with %2 labels, %3 columns with %4 headers"_s.arg(t.rowCount)
                    .arg(t.rowHeaders.size()).arg(t.columnCount).arg(t.columnHeaders.size());
            for (const TableCell &c : t.cells) {
                if (c.row < 0 || c.row >= t.rowCount || c.column < 0 || c.column >= t.columnCount)
                    return u"cell at %1,%2 outside %3 × %4"_s.arg(c.row).arg(c.column).arg(t.rowCount).arg(t.columnCount);
                if (const QString p = spanProblem(c.span, page.size(), u"cell"_s); !p.isEmpty())
                    return p;
                if (c.span.isValid() && c.span.end > c.span.start && page.mid(c.span.start, c.span.length()) != c.text)
                    return u"cell %1,%2 says \"%3\" where its page has \"%4\""_s.arg(c.row).arg(c.column)
                        .arg(c.text.left(40), page.mid(c.span.start, c.span.length()).left(40));
            }
        }
        // Written as CSV, every record reads back with the contract's columns.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        TableCsvWriter writer(&buffer);
        DocumentContent one;
        one.fileName = u"fuzz.html"_s;
        one.text.pages = QStringList{part.pages.at(i)};
        TableList onFirst = found;
        for (FilingTable &t : onFirst) {
            t.span.page = 0;
            for (TableCell &c : t.cells)
                c.span.page = 0;
        }
        if (!writer.addFile(one, onFirst) || !writer.finish())
            return u"the CSV writer failed: "_s + writer.errorString();
        QList<QStringList> rows;
        QString error;
        if (!readCsv(buffer.data(), &rows, &error))
            return u"the tables CSV does not read back: "_s + error;
        for (const QStringList &r : std::as_const(rows))
            if (r.size() != TableCsvWriter::columns().size())
                return u"a CSV record of %1 fields"_s.arg(r.size());
    }
    return {};
}

QString textTables(const QByteArray &input)
{
    const QString page = QString::fromUtf8(input);
    const TableList found = TextTableReader::readPage(page, 0);
    if (found.size() > TableReader::kMaxTablesPerPage)
        return u"the page gives %1 tables"_s.arg(found.size());
    for (const FilingTable &t : found) {
        if (t.span.page != 0 || spanProblem(t.span, page.size(), u"table"_s).size())
            return u"table %1-%2 is not on its page"_s.arg(t.span.start).arg(t.span.end);
        if (qint64(t.rowCount) * t.columnCount > TableReader::kMaxCells)
            return u"a table of %1 × %2"_s.arg(t.rowCount).arg(t.columnCount);
        if (t.rowHeaders.size() != t.rowCount || t.columnHeaders.size() != t.columnCount)
            return u"%1 rows with %2 labels, %3 columns with %4 headers"_s.arg(t.rowCount)
                .arg(t.rowHeaders.size()).arg(t.columnCount).arg(t.columnHeaders.size());
        for (const TableCell &c : t.cells) {
            if (c.row < 0 || c.row >= t.rowCount || c.column < 0 || c.column + c.columnSpan > t.columnCount)
                return u"cell at %1,%2 outside %3 × %4"_s.arg(c.row).arg(c.column).arg(t.rowCount).arg(t.columnCount);
            if (const QString p = spanProblem(c.span, page.size(), u"cell"_s); !p.isEmpty())
                return p;
            if (page.mid(c.span.start, c.span.length()) != c.text)
                return u"cell %1,%2 says \"%3\" where its page has \"%4\""_s.arg(c.row).arg(c.column)
                    .arg(c.text.left(40), page.mid(c.span.start, c.span.length()).left(40));
            if (!t.span.contains(c.span))
                return u"cell %1,%2 lies outside its table"_s.arg(c.row).arg(c.column);
            static const QRegularExpression marker(u"<(?:S|C|TABLE|/TABLE|CAPTION)>"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
            if (marker.match(c.text).hasMatch())
                return u"a marker in cell \"%1\""_s.arg(c.text.left(40));
        }
    }
    return {};
}

QStringList names()
{
    return {u"submission"_s, u"html"_s, u"sidecar"_s, u"rulepack"_s, u"csv"_s, u"tables"_s, u"texttables"_s};
}

QString run(const QString &name, const QByteArray &input)
{
    if (name == u"submission"_s)
        return submission(input);
    if (name == u"html"_s)
        return html(input);
    if (name == u"sidecar"_s)
        return sidecar(input);
    if (name == u"rulepack"_s)
        return rulePack(input);
    if (name == u"csv"_s)
        return csv(input);
    if (name == u"tables"_s)
        return tables(input);
    if (name == u"texttables"_s)
        return textTables(input);
    return u"unknown fuzz target "_s + name;
}

bool needsGui(const QString &name)
{
    return name == u"html"_s || name == u"tables"_s;
}

} // namespace FuzzTargets
