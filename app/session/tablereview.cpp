#include "tablereview.h"

#include "extract/tablereader.h"
#include "model/codepointindex.h"
#include "review/quoteanchor.h"
#include "review/reviewbinding.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QSet>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// A table's decision quotes its opening text, not all of it: the review file stays small.
constexpr int kTableQuote = 120;

SourceSpan leadOf(const TextLayer &text, const SourceSpan &table)
{
    SourceSpan lead = table;
    if (lead.length() > kTableQuote) {
        lead.end = lead.start + kTableQuote;
        const QString &page = text.pages.at(table.page);
        if (lead.end < page.size() && QChar::isLowSurrogate(page.at(lead.end).unicode()))
            --lead.end;
    }
    return lead;
}

QString spanId(const QString &type, const SourceSpan &span, const CodePointIndex &cp)
{
    return type + u'@' + QString::number(span.page + 1) + u':' + QString::number(cp.toCodePoint(span.start)) + u'-'
        + QString::number(cp.toCodePoint(span.end));
}

bool validSpan(const TextLayer &text, const SourceSpan &span)
{
    return span.isValid() && span.page < text.pageCount() && span.end <= text.pages.at(span.page).size();
}

// Reads a review file and its journal without a store of entities: the decisions alone.
class DecisionsOnly final : public BoundReview
{
public:
    SidecarData data;
    SidecarData snapshot() const override { return data; }
    bool takeChange(quint64, Change *) override { return false; }
    void dropChanges() override {}
    void settle(quint64) override {}
    bool takeBack(quint64) override { return false; }
    void beginReset() override { data = {}; }
    QStringList applyDecisions(const SidecarData &d) override
    {
        data = d;
        return {};
    }
    void endReset() override {}
    void markClean() override {}
};

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TableReview", text, nullptr, n);
}

// A row label corrected: its row, and the rows below it that name it as their parent.
void renameRow(FilingTable &table, int row, const QString &label, QSet<int> *changedRows)
{
    if (row < 0 || row >= table.rowHeaders.size())
        return;
    const QString old = table.rowHeaders.at(row);
    const qsizetype cut = old.lastIndexOf(u" > "_s);
    const QString fixed = cut < 0 ? label : old.left(cut + 3) + label;
    if (fixed == old)
        return;
    for (int r = 0; r < table.rowHeaders.size(); ++r) {
        QString &h = table.rowHeaders[r];
        if (h == old) {
            h = fixed;
            changedRows->insert(r);
        } else if (!old.isEmpty() && h.startsWith(old + u" > "_s)) {
            h = fixed + h.mid(old.size());
            changedRows->insert(r);
        }
    }
}

// A header cell corrected: its text among the header texts of each column it spans.
void renameColumn(FilingTable &table, const TableCell &cell, const QString &text, QSet<int> *changedColumns)
{
    const QString old = cell.text.simplified();
    for (int c = cell.column; c < cell.column + std::max(1, cell.columnSpan) && c < table.columnHeaders.size(); ++c) {
        QStringList parts = table.columnHeaders.at(c).split(u" | "_s);
        qsizetype at = parts.indexOf(old);
        if (at < 0)
            at = parts.indexOf(cell.text);
        if (at < 0 && parts.size() == 1 && cell.row == 0)
            at = 0;
        if (at < 0)
            continue;
        parts[at] = text;
        table.columnHeaders[c] = parts.join(u" | "_s);
        changedColumns->insert(c);
    }
}

} // namespace

QStringList TableReview::scales()
{
    return {QString(), u"thousands"_s, u"millions"_s, u"billions"_s};
}

bool TableReview::isAmount(const TableCell &cell)
{
    return cell.isNumber() && !cell.header && !cell.rowLabel && cell.unit != u"%"_s && cell.unit != u"USD/shares"_s
        && cell.unit != u"shares"_s;
}

bool TableReview::isEditable(const TableCell &cell)
{
    return cell.span.isValid() && cell.span.end > cell.span.start && !cell.reviewId.isEmpty();
}

QString TableReview::fieldOf(const TableCell &cell)
{
    return cell.header ? u"column_header"_s : cell.rowLabel ? u"row_header"_s : u"value"_s;
}

namespace {
// A corrected figure is checked against the filing's own tag again, as the reader checks
// figures (TableReader::read): the fact it overlaps agrees with the new value or differs.
void recheckXbrl(const DocumentContent &content, TableCell &cell)
{
    if (content.xbrlFacts.isEmpty())
        return;
    if (!cell.isNumber()) {
        cell.xbrl.clear();
        return;
    }
    QList<const XbrlFact *> facts;
    for (const XbrlFact &fact : content.xbrlFacts) {
        if (fact.numeric && !fact.hidden && fact.span.isValid() && fact.span.page == cell.span.page)
            facts.append(&fact);
    }
    cell.xbrl = TableReader::xbrlCheck(cell, facts);
}
} // namespace

TableReview::Result TableReview::apply(const DocumentContent &content, TableList tables,
                                       const QList<SidecarDecision> &decisions)
{
    Result result;
    const TextLayer &text = content.text;
    std::vector<CodePointIndex> codePoints;
    QHash<QString, int> tableAt;
    QHash<QString, std::pair<int, int>> cellAt;
    for (int t = 0; t < tables.size(); ++t) {
        FilingTable &table = tables[t];
        table.status = u"auto"_s;
        table.scaleCorrected = false;
        if (!validSpan(text, table.span))
            continue;
        while (int(codePoints.size()) <= table.span.page)
            codePoints.emplace_back(text.pages.at(int(codePoints.size())));
        const CodePointIndex &cp = codePoints[size_t(table.span.page)];
        table.reviewId = spanId(u"table"_s, table.span, cp);
        tableAt.insert(table.reviewId, t);
        for (int c = 0; c < table.cells.size(); ++c) {
            TableCell &cell = table.cells[c];
            cell.status = u"auto"_s;
            cell.corrected.clear();
            cell.reviewId.clear();
            if (!validSpan(text, cell.span) || cell.span.end <= cell.span.start)
                continue;
            cell.reviewId = spanId(u"table_cell"_s, cell.span, cp);
            cellAt.insert(cell.reviewId, {t, c});
        }
    }
    if (decisions.isEmpty()) {
        result.tables = std::move(tables);
        return result;
    }

    std::unique_ptr<QuoteAnchor> anchor;
    const auto locator = [&]() -> QuoteAnchor & {
        if (!anchor)
            anchor = std::make_unique<QuoteAnchor>(text);
        return *anchor;
    };
    // Where a decision belongs: by id where its quote still holds, else by its quote.
    const auto place = [&](const SidecarDecision &dec, bool isTable) -> std::pair<int, int> {
        const auto holds = [&](int t, int c) {
            const FilingTable &table = tables.at(t);
            const SourceSpan span = c < 0 ? leadOf(text, table.span) : table.cells.at(c).span;
            return dec.anchor.exact.isEmpty() || text.textAt(span) == dec.anchor.exact;
        };
        if (isTable) {
            const int t = tableAt.value(dec.id, -1);
            if (t >= 0 && holds(t, -1))
                return {t, -1};
        } else if (const auto it = cellAt.constFind(dec.id); it != cellAt.cend() && holds(it->first, it->second)) {
            return *it;
        }
        if (dec.anchor.exact.isEmpty())
            return {-1, -1};
        const int page = dec.anchor.page - 1;
        int hint = -1;
        if (page >= 0 && page < text.pageCount())
            hint = TextLayer::fromCodePoint(text.pages.at(page), dec.anchor.start);
        const QuoteAnchor::Result found
            = locator().locate({dec.anchor.exact, dec.anchor.prefix, dec.anchor.suffix, page, hint});
        if (found.method == QuoteAnchor::Method::None)
            return {-1, -1};
        for (int t = 0; t < tables.size(); ++t) {
            const FilingTable &table = tables.at(t);
            if (table.span.page != found.span.page || found.span.start < table.span.start
                || found.span.start >= table.span.end)
                continue;
            if (isTable)
                return found.span.start == table.span.start ? std::pair{t, -1} : std::pair{-1, -1};
            for (int c = 0; c < table.cells.size(); ++c) {
                if (table.cells.at(c).span == found.span)
                    return {t, c};
            }
        }
        return {-1, -1};
    };

    // Tables first (their scale), then the cells (their values use the scale).
    QSet<int> claimedTables;
    QSet<std::pair<int, int>> claimedCells;
    for (int pass = 0; pass < 2; ++pass) {
        for (const SidecarDecision &dec : decisions) {
            const bool isTable = dec.type == u"table"_s;
            if (isTable != (pass == 0))
                continue;
            const QString field = dec.attributes.value(u"field"_s);
            const bool usable = isTable
                ? (dec.status == u"confirmed"_s || dec.status == u"rejected"_s || dec.status == u"corrected"_s)
                    && (!dec.attributes.contains(u"scale"_s) || scales().contains(dec.attributes.value(u"scale"_s)))
                : dec.status == u"corrected"_s
                    && (field == u"value"_s || field == u"row_header"_s || field == u"column_header"_s);
            if (!usable) {
                result.unusable.append(dec.id);
                continue;
            }
            const auto [t, c] = place(dec, isTable);
            if (t < 0 || (isTable ? claimedTables.contains(t) : claimedCells.contains({t, c}))) {
                result.orphans.append(dec.id);
                continue;
            }
            ++result.placed;
            FilingTable &table = tables[t];
            if (isTable) {
                claimedTables.insert(t);
                if (table.reviewId != dec.id) {
                    ++result.reanchored;
                    table.reviewId = dec.id;
                }
                table.status = dec.status;
                if (dec.attributes.contains(u"scale"_s)) {
                    const QString scale = dec.attributes.value(u"scale"_s);
                    table.scale = scale;
                    table.scaleCorrected = true;
                    for (TableCell &cell : table.cells) {
                        if (!isAmount(cell) || cell.scale == scale)
                            continue;
                        const QString figure = TableReader::scaled(cell.value, -TableReader::exponentOf(cell.scale));
                        cell.value = TableReader::scaled(figure, TableReader::exponentOf(scale));
                        cell.scale = scale;
                        cell.status = u"corrected"_s;
                        recheckXbrl(content, cell);
                    }
                }
                continue;
            }
            claimedCells.insert({t, c});
            TableCell &cell = table.cells[c];
            if (cell.reviewId != dec.id) {
                ++result.reanchored;
                cell.reviewId = dec.id;
            }
            cell.corrected = dec.value;
            cell.status = u"corrected"_s;
            if (field == u"value"_s) {
                bool percent = false;
                const QString number = TableReader::parseNumber(dec.value, &percent);
                if (number.isEmpty()) {
                    cell.value.clear();
                } else if (cell.unit == u"%"_s || cell.unit == u"USD/shares"_s) {
                    cell.value = number;
                } else {
                    const QString scale = cell.isNumber() || cell.unit == u"shares"_s ? cell.scale : table.scale;
                    cell.value = TableReader::scaled(number, TableReader::exponentOf(scale));
                    cell.scale = scale;
                    if (percent && cell.unit.isEmpty()) {
                        cell.unit = u"%"_s;
                        cell.value = number;
                        cell.scale.clear();
                    }
                }
                recheckXbrl(content, cell);
            } else {
                QSet<int> rows, columns;
                if (field == u"row_header"_s)
                    renameRow(table, cell.row, dec.value, &rows);
                else
                    renameColumn(table, cell, dec.value, &columns);
                for (TableCell &other : table.cells) {
                    if (!other.header && !other.rowLabel
                        && (rows.contains(other.row) || columns.contains(other.column)))
                        other.status = u"corrected"_s;
                }
            }
        }
    }

    for (FilingTable &table : tables) {
        bool corrected = table.scaleCorrected;
        for (TableCell &cell : table.cells) {
            if (table.status == u"rejected"_s)
                cell.status = u"rejected"_s;
            else if (cell.status == u"corrected"_s)
                corrected = true;
            else if (table.status == u"confirmed"_s)
                cell.status = u"confirmed"_s; // a table only corrected (its scale) confirms no other cell
        }
        if (corrected && table.status != u"rejected"_s)
            table.status = u"corrected"_s;
    }

    if (!result.orphans.isEmpty())
        result.messages << tr("%n decision(s) on tables could not be placed in the filing's tables; "
                              "they are kept in the review file.", int(result.orphans.size()));
    if (!result.unusable.isEmpty())
        result.messages << tr("%n decision(s) on tables in the review file cannot be used by this version "
                              "(%1); they are kept as they are.", int(result.unusable.size()))
                               .arg(result.unusable.mid(0, 3).join(u", "_s));
    result.tables = std::move(tables);
    return result;
}

TableList TableReview::reviewed(const DocumentContent &content, const TableList &tables, QStringList *messages)
{
    DecisionsOnly decisions;
    ReviewBinding binding(&decisions, ReviewDisk::local());
    QList<SidecarDecision> forTables;
    if (binding.open(content, ReviewBinding::Mode::ReadOnly)) {
        for (const SidecarDecision &dec : std::as_const(decisions.data.decisions)) {
            if (dec.type == u"table"_s || dec.type == u"table_cell"_s)
                forTables.append(dec);
        }
    }
    binding.reset();
    Result result = apply(content, tables, forTables);
    if (messages)
        *messages = binding.messages() + result.messages;
    return result.tables;
}

TableList TableReview::forExport(const TableList &tables, bool includeRejected)
{
    if (includeRejected)
        return tables;
    TableList out;
    for (const FilingTable &table : tables) {
        if (table.status != u"rejected"_s)
            out.append(table);
    }
    return out;
}

TableRef TableReview::refOf(const DocumentContent &content, const FilingTable &table, const QString &scaleAsRead)
{
    TableRef ref;
    ref.id = table.reviewId;
    ref.name = table.title.isEmpty() ? tr("on page %1").replace(u"%1"_s, QString::number(table.span.page + 1))
                                     : table.title;
    ref.text = scaleAsRead;
    const TextLayer &text = content.text;
    if (!validSpan(text, table.span))
        return ref;
    const QString &page = text.pages.at(table.span.page);
    const SourceSpan lead = leadOf(text, table.span);
    ref.anchor = {table.span.page + 1, TextLayer::toCodePoint(page, table.span.start),
                  TextLayer::toCodePoint(page, table.span.end), text.textAt(lead), text.prefix(lead, 32),
                  text.suffix(lead, 32)};
    return ref;
}

TableRef TableReview::refOf(const DocumentContent &content, const FilingTable &table, const TableCell &cell)
{
    TableRef ref;
    ref.id = cell.reviewId;
    ref.tableId = table.reviewId;
    ref.field = fieldOf(cell);
    ref.text = cell.text;
    const QString row = table.rowHeaders.value(cell.row).section(u" > "_s, -1);
    const QString column = table.columnHeaders.value(cell.column).section(u" | "_s, -1);
    ref.name = cell.header || cell.rowLabel ? cell.text : QStringList{row, column}.join(u" | "_s);
    const TextLayer &text = content.text;
    if (!validSpan(text, cell.span))
        return ref;
    const QString &page = text.pages.at(cell.span.page);
    ref.anchor = {cell.span.page + 1, TextLayer::toCodePoint(page, cell.span.start),
                  TextLayer::toCodePoint(page, cell.span.end), text.textAt(cell.span), text.prefix(cell.span, 32),
                  text.suffix(cell.span, 32)};
    return ref;
}
