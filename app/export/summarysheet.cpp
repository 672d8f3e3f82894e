#include "summarysheet.h"

#include "model/entitytypes.h"

#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QSet>
#include <QtGui/QAbstractTextDocumentLayout>
#include <QtGui/QImage>
#include <QtGui/QPagedPaintDevice>
#include <QtGui/QPainter>
#include <QtGui/QPdfWriter>
#include <QtGui/QTextDocument>
#include <QtGui/QTextTable>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// Page geometry in points. The margins stay outside every printer's unprintable edge;
// the footer sits in the bottom margin.
constexpr double MarginLeft = 42.0;
constexpr double MarginRight = 42.0;
constexpr double MarginTop = 40.0;
constexpr double MarginBottom = 56.0;
constexpr int MaxPages = 2;
constexpr QChar Ellipsis = QChar(0x2026);

// How much of each section fits; the layout tries each level until two pages suffice.
struct Limits
{
    int items, exhibits, people, organizations, money, percents, drugs, perCell, chars;
};
constexpr Limits Levels[] = {
    {40, 40, 30, 16, 10, 8, 14, 5, 170},
    {25, 25, 20, 12, 8, 6, 10, 4, 130},
    {18, 18, 14, 10, 6, 5, 8, 3, 110},
    {12, 12, 10, 8, 5, 4, 6, 3, 90},
    {8, 8, 8, 6, 4, 3, 5, 2, 70},
    {5, 5, 5, 4, 3, 2, 4, 2, 56},
    {3, 3, 3, 3, 2, 2, 3, 1, 44},
};

// One distinct value of a type with every page it is mentioned on.
struct Fact
{
    QString value;
    QMap<QString, QString> attributes;
    QList<int> pages; // 1-based, ascending, unique
    bool reviewed = false;
    double confidence = 0.0; // the highest of its mentions
};

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString elide(const QString &s, int chars)
{
    QString t = s.simplified();
    if (t.size() <= chars)
        return t;
    int cut = int(t.lastIndexOf(u' ', chars));
    if (cut < chars / 2)
        cut = chars;
    if (t.at(cut - 1).isHighSurrogate())
        --cut;
    return t.left(cut) + Ellipsis;
}

// File names keep their end (the extension, the date) when shortened.
QString elideMiddle(const QString &s, int chars)
{
    if (s.size() <= chars)
        return s;
    int tail = chars / 2;
    int head = chars - tail - 1;
    if (s.at(head - 1).isHighSurrogate())
        --head;
    if (s.at(s.size() - tail).isLowSurrogate())
        --tail;
    return s.left(head) + Ellipsis + s.right(tail);
}

QString pagesRef(const QList<int> &pages)
{
    if (pages.isEmpty())
        return QString();
    // As many pages as fit the narrow page column on one line ("p. 2, 3, 4, …",
    // "p. 2, 10, …"), at least the first.
    constexpr int MaxChars = 13;
    QString list = QString::number(pages.first());
    int shown = 1;
    for (; shown < pages.size(); ++shown) {
        const QString next = list + u", "_s + QString::number(pages.at(shown));
        const bool last = shown + 1 == pages.size();
        if (3 + next.size() + (last ? 0 : 3) > MaxChars)
            break;
        list = next;
    }
    QString s = u"p.\u00a0"_s + list;
    if (shown < pages.size())
        s += u",\u00a0"_s + Ellipsis;
    return s;
}

void addPage(QList<int> &pages, int page)
{
    if (page < 1)
        return;
    auto it = std::lower_bound(pages.begin(), pages.end(), page);
    if (it == pages.end() || *it != page)
        pages.insert(it, page);
}

bool isReviewed(const Entity &e)
{
    return e.status == EntityStatus::Confirmed || e.status == EntityStatus::Corrected
        || e.status == EntityStatus::Added;
}

QString valueOf(const Entity &e)
{
    const QString v = e.value.simplified();
    return v.isEmpty() ? e.text.simplified() : v;
}

QString sectionGap()
{
    return u"<p style=\"font-size:5pt; margin:0\">&nbsp;</p>"_s;
}

QString sectionRow(const QString &title, int columns)
{
    return u"<tr bgcolor=\"#d9d9d9\"><td colspan=\"%1\"><span style=\"font-size:10pt; font-weight:bold\">"_s
               .arg(columns)
        + esc(title) + u"</span></td></tr>"_s;
}

QString moreRow(int more, int columns, const QString &what)
{
    if (more <= 0)
        return QString();
    return u"<tr><td colspan=\"%1\"><i>and %2 more %3</i></td></tr>"_s.arg(columns).arg(more).arg(what);
}

QString moreText(int more)
{
    return more > 0 ? u" <i>and %1 more</i>"_s.arg(more) : QString();
}

} // namespace

struct SummarySheet::Private
{
    DocumentContent content;
    EntityList entities; // rejected ones only count in the status line
    SummaryOptions options;
    mutable QImage layoutDevice; // 72 dpi: one layout unit is one point on every device
    std::unique_ptr<QTextDocument> doc;
    QString html;
    int pages = 1;
    QSizeF pageSize;
    QString fileName;

    QHash<QString, QList<const Entity *>> byType;

    // Keeping table rows whole: the tables build() wrote, in document order (table -1
    // for those never split), and the rows before which a table restarts on a new page.
    struct TableFrame
    {
        int table;
        int firstRow; // data row index the frame starts with
    };
    QSet<QPair<int, int>> breaks;
    mutable QList<TableFrame> frames;
    mutable int tableCount = -1;
    mutable QString continuedHead;
    QString tableStart(const QString &title, const QStringList &headers, const QList<int> &widths) const;
    QString tableRow(int index, const QStringList &cells) const;
    QPair<int, int> splitRow(double pageHeight) const;

    void index();
    QList<Fact> facts(const QString &type, bool mostConfidentFirst = false) const;
    QString pageRef(const Entity &e) const { return e.span.isValid() && !e.orphan ? pagesRef({e.span.page + 1}) : QString(); }
    QString context(const Entity &e, int chars) const;
    QString build(const Limits &limits) const;
    QString titleBlock() const;
    QString statusBlock() const;
    QString xbrlLine() const;
    QString coverBlock() const;
    QString itemsBlock(const Limits &l) const;
    QString exhibitsBlock(const Limits &l) const;
    QString peopleBlock(const Limits &l) const;
    QString organizationsBlock(const Limits &l) const;
    QString figuresBlock(const Limits &l) const;
    QString lifeSciencesBlock(const Limits &l) const;
    std::unique_ptr<QTextDocument> layout(const QString &html, double width, double height);
    std::unique_ptr<QTextDocument> footer(int page) const;
};

// Entities of each type in reading order (recognizers report them in their own
// order), so "first mention" means first in the filing; unplaced ones last.
void SummarySheet::Private::index()
{
    for (const Entity &e : std::as_const(entities)) {
        if (e.status == EntityStatus::Rejected)
            continue;
        byType[e.type].append(&e);
    }
    for (auto it = byType.begin(); it != byType.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [](const Entity *a, const Entity *b) {
            const bool pa = a->span.isValid() && !a->orphan;
            const bool pb = b->span.isValid() && !b->orphan;
            if (pa != pb)
                return pa;
            return pa && a->span < b->span;
        });
    }
}

// Distinct values of a type in order of first mention; for cover facts (one value
// wanted) reviewed values first, then the extractor's most confident.
QList<Fact> SummarySheet::Private::facts(const QString &type, bool mostConfidentFirst) const
{
    QList<Fact> out;
    QHash<QString, int> at;
    for (const Entity *e : byType.value(type)) {
        const QString v = valueOf(*e);
        if (v.isEmpty())
            continue;
        const QString key = v.toCaseFolded();
        int i = at.value(key, -1);
        if (i < 0) {
            i = int(out.size());
            at.insert(key, i);
            Fact f;
            f.value = v;
            out.append(f);
        }
        Fact &f = out[i];
        // Differently written mentions of one value: show the reviewed, else the most
        // confident spelling ("ImmunoGen, Inc." over "IMMUNOGEN, INC.").
        const bool reviewed = isReviewed(*e);
        if ((reviewed && !f.reviewed) || (reviewed == f.reviewed && e->confidence > f.confidence))
            f.value = v;
        if (e->span.isValid() && !e->orphan)
            addPage(f.pages, e->span.page + 1);
        for (auto it = e->attributes.cbegin(); it != e->attributes.cend(); ++it) {
            if (!it.value().trimmed().isEmpty() && f.attributes.value(it.key()).isEmpty())
                f.attributes.insert(it.key(), it.value().simplified());
        }
        f.reviewed = f.reviewed || reviewed;
        f.confidence = qMax(f.confidence, e->confidence);
    }
    if (mostConfidentFirst) {
        std::stable_sort(out.begin(), out.end(), [](const Fact &a, const Fact &b) {
            if (a.reviewed != b.reviewed)
                return a.reviewed;
            return a.confidence > b.confidence;
        });
    }
    return out;
}

QString SummarySheet::Private::context(const Entity &e, int chars) const
{
    if (!e.span.isValid() || e.orphan || e.span.page >= content.text.pageCount())
        return esc(elide(e.text, chars));
    const QString &page = content.text.pages.at(e.span.page);
    if (e.span.end > page.size())
        return esc(elide(e.text, chars));
    const int side = qMax(10, (chars - e.span.length()) / 2);
    int from = qMax(0, e.span.start - side);
    int to = qMin(int(page.size()), e.span.end + side);
    // Stay inside the paragraph and start and end on word boundaries.
    const int para = int(page.lastIndexOf(u"\n\n"_s, qMax(0, e.span.start - 1)));
    if (para >= from)
        from = para + 2;
    const int paraEnd = int(page.indexOf(u"\n\n"_s, e.span.end));
    if (paraEnd >= 0 && paraEnd < to)
        to = paraEnd;
    if (from > 0) {
        const int sp = int(page.indexOf(u' ', from));
        if (sp >= 0 && sp < e.span.start)
            from = sp + 1;
    }
    if (to < page.size()) {
        const int sp = int(page.lastIndexOf(u' ', to));
        if (sp >= e.span.end)
            to = sp;
    }
    const QString before = page.mid(from, e.span.start - from).simplified();
    const QString mid = page.mid(e.span.start, e.span.length()).simplified();
    const QString after = page.mid(e.span.end, to - e.span.end).simplified();
    QString s;
    if (from > 0)
        s += Ellipsis;
    // Keep the page's spacing around the fact: "($1.04 per share", "3.2 percent to".
    s += esc(before);
    if (!before.isEmpty() && e.span.start > 0 && page.at(e.span.start - 1).isSpace())
        s += u' ';
    s += u"<b>"_s + esc(mid) + u"</b>"_s;
    if (!after.isEmpty() && e.span.end < page.size() && page.at(e.span.end).isSpace())
        s += u' ';
    s += esc(after);
    if (to < page.size())
        s += Ellipsis;
    return s;
}

QString SummarySheet::Private::titleBlock() const
{
    QList<Fact> reg = facts(u"registrant"_s, true);
    QString name = reg.isEmpty() ? QString() : reg.first().value;
    QString ref = reg.isEmpty() ? QString() : pagesRef(reg.first().pages);
    if (name.isEmpty()) {
        const HeaderField h = content.header.value(u"company_name"_s);
        name = h.value.simplified();
        if (!name.isEmpty())
            ref = h.span.isValid() ? pagesRef({h.span.page + 1}) : u"header"_s;
    }
    if (name.isEmpty())
        name = fileName;
    frames.append({-1, 0});
    QString s = u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td>"_s
        u"<p style=\"font-size:15pt; font-weight:bold; margin:0\">"_s + esc(elide(name, 90));
    if (!ref.isEmpty())
        s += u" <span style=\"font-size:8pt; font-weight:normal\">("_s + ref + u")</span>"_s;
    s += u"</p>"_s;
    QStringList sub;
    const QList<Fact> form = facts(u"form_type"_s, true);
    if (!form.isEmpty())
        sub << u"Form "_s + esc(form.first().value) + u" ("_s + pagesRef(form.first().pages) + u')';
    else if (!content.header.value(u"form_type"_s).value.isEmpty())
        sub << u"Form "_s + esc(content.header.value(u"form_type"_s).value) + u" (header)"_s;
    const QList<Fact> date = facts(u"report_date"_s, true);
    if (!date.isEmpty())
        sub << u"Date of report "_s + esc(date.first().value) + u" ("_s + pagesRef(date.first().pages) + u')';
    if (!sub.isEmpty())
        s += u"<p style=\"font-size:10pt; margin:0\">"_s + sub.join(u"  \u00b7  "_s) + u"</p>"_s;
    s += u"</td><td align=\"right\" valign=\"top\"><p style=\"font-size:8pt\">Filing summary<br/>"_s
        + esc(elideMiddle(fileName, 48)) + u"</p></td></tr></table>"_s;
    return s;
}

QString SummarySheet::Private::statusBlock() const
{
    int counts[5] = {0, 0, 0, 0, 0};
    int orphans = 0;
    const Entity *last = nullptr;
    for (const Entity &e : std::as_const(entities)) {
        ++counts[int(e.status)];
        if (e.orphan)
            ++orphans;
        if (e.status != EntityStatus::Auto && e.at.isValid() && (!last || e.at > last->at))
            last = &e;
    }
    QString s = u"<p style=\"margin-top:6pt\"><b>Review:</b> "_s
        + u"%1 confirmed \u00b7 %2 corrected \u00b7 %3 added \u00b7 %4 rejected \u00b7 %5 open"_s
              .arg(counts[int(EntityStatus::Confirmed)])
              .arg(counts[int(EntityStatus::Corrected)])
              .arg(counts[int(EntityStatus::Added)])
              .arg(counts[int(EntityStatus::Rejected)])
              .arg(counts[int(EntityStatus::Auto)]);
    if (orphans > 0)
        s += u" \u00b7 %1 not found in this version of the filing"_s.arg(orphans);
    s += u". "_s;
    if (last) {
        const QString who = last->by.isEmpty() ? options.reviewer : last->by;
        s += u"Last decision"_s;
        if (!who.isEmpty())
            s += u" by "_s + esc(who);
        s += u" on "_s + last->at.toUTC().toString(u"yyyy-MM-dd"_s) + u'.';
    } else {
        s += u"Not reviewed yet"_s;
        if (!options.reviewer.isEmpty())
            s += u" (reviewer: "_s + esc(options.reviewer) + u')';
        s += u'.';
    }
    s += u"</p>"_s;
    s += xbrlLine();
    return s;
}

// Inline-XBRL filings: how many facts the filer tagged and how the amounts printed in
// the text compare with them. Rejected entities are left out, as everywhere else.
QString SummarySheet::Private::xbrlLine() const
{
    int facts = 0, hidden = 0, agrees = 0, differs = 0, untagged = 0;
    QStringList differing;
    for (const Entity &e : std::as_const(entities)) {
        if (e.status == EntityStatus::Rejected)
            continue;
        if (e.type == u"xbrl_fact"_s) {
            ++facts;
            if (e.attributes.value(u"hidden"_s) == u"true"_s)
                ++hidden;
            continue;
        }
        const QString check = e.attributes.value(u"xbrl"_s);
        if (check == u"agrees"_s) {
            ++agrees;
        } else if (check == u"differs"_s) {
            ++differs;
            if (differing.size() < 3) {
                QString where = pageRef(e);
                differing << u"“"_s + esc(elide(e.text, 30)) + u"” tagged "_s
                        + esc(e.attributes.value(u"xbrlValue"_s)) + (where.isEmpty() ? QString() : u" ("_s + where + u')');
            }
        } else if (check == u"untagged"_s) {
            ++untagged;
        }
    }
    if (facts == 0 && agrees + differs + untagged == 0)
        return QString();
    QString s = u"<p style=\"margin-top:2pt\"><b>Inline XBRL:</b> "_s
        + u"%1 facts (%2 hidden) \u00b7 %3 amounts agree with their tags \u00b7 %4 differ \u00b7 %5 untagged"_s
              .arg(facts)
              .arg(hidden)
              .arg(agrees)
              .arg(differs)
              .arg(untagged);
    if (!differing.isEmpty())
        s += u": "_s + differing.join(u"; "_s) + moreText(differs - int(differing.size()));
    return s + u".</p>"_s;
}

QString SummarySheet::Private::coverBlock() const
{
    struct Row { QString label, value, ref; };
    QList<Row> rows;
    const QStringList keys = {u"form_type"_s, u"report_date"_s, u"registrant"_s,
                              u"commission_file_number"_s, u"cik"_s, u"irs_employer_id"_s,
                              u"ticker"_s, u"state_of_incorporation"_s, u"registrant_address"_s,
                              u"registrant_phone"_s};
    // Header keys to fall back on when the text itself did not yield a fact.
    const QMap<QString, QString> headerKey = {
        {u"form_type"_s, u"form_type"_s}, {u"report_date"_s, u"period_of_report"_s},
        {u"registrant"_s, u"company_name"_s}, {u"commission_file_number"_s, u"file_number"_s},
        {u"cik"_s, u"cik"_s}, {u"irs_employer_id"_s, u"irs_number"_s},
        {u"state_of_incorporation"_s, u"state_of_incorporation"_s},
        {u"registrant_address"_s, u"business_address"_s}, {u"registrant_phone"_s, u"business_phone"_s}};
    for (const QString &key : keys) {
        const QList<Fact> f = facts(key, true);
        Row r{EntityTypes::type(key).label, {}, {}};
        if (!f.isEmpty()) {
            QStringList values;
            QList<int> pages;
            for (int i = 0; i < f.size() && i < 2; ++i) {
                values << esc(elide(f.at(i).value, 80));
                for (int p : f.at(i).pages)
                    addPage(pages, p);
            }
            r.value = values.join(u"; "_s) + moreText(int(f.size()) - 2);
            r.ref = pagesRef(pages);
        } else if (headerKey.contains(key) && !content.header.value(headerKey.value(key)).value.isEmpty()) {
            const HeaderField h = content.header.value(headerKey.value(key));
            r.value = esc(elide(h.value, 80));
            r.ref = h.span.isValid() ? pagesRef({h.span.page + 1}) : u"header"_s;
        } else {
            continue;
        }
        rows.append(r);
    }
    if (rows.isEmpty())
        return sectionGap() + u"<p class=\"section\">Cover page</p><p><i>No cover page facts found.</i></p>"_s;
    // Two facts per table row keeps the block short. It starts page 1: never split.
    frames.append({-1, 0});
    QString s = sectionGap() + u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><thead>"_s
        + sectionRow(u"Cover page"_s, 7) + u"</thead>"_s;
    const int half = int((rows.size() + 1) / 2);
    for (int i = 0; i < half; ++i) {
        s += i % 2 ? u"<tr bgcolor=\"#f0f0f0\">"_s : u"<tr>"_s;
        for (int j : {i, i + half}) {
            if (j == i + half)
                s += u"<td width=\"3%\"></td>"_s;
            if (j < rows.size()) {
                const Row &r = rows.at(j);
                s += u"<td width=\"19%\"><b>"_s + esc(r.label) + u"</b></td><td width=\"21.5%\">"_s
                    + r.value + u"</td><td width=\"8%\" align=\"right\">"_s + r.ref + u"</td>"_s;
            } else {
                s += u"<td></td><td></td><td></td>"_s;
            }
        }
        s += u"</tr>"_s;
    }
    s += u"</table>"_s;
    return s;
}

namespace {

// Item and exhibit numbers in reading order: "1" < "1A" < "2" < "8.01" < "9.01" < "10.1".
bool naturalLess(const QString &a, const QString &b)
{
    const QStringList pa = a.split(u'.');
    const QStringList pb = b.split(u'.');
    const auto split = [](const QString &part) {
        qsizetype digits = 0;
        while (digits < part.size() && part.at(digits).isDigit())
            ++digits;
        return std::make_pair(digits > 0 ? part.left(digits).toLongLong() : -1, part.mid(digits));
    };
    for (int i = 0; i < pa.size() && i < pb.size(); ++i) {
        const auto x = split(pa.at(i));
        const auto y = split(pb.at(i));
        if (x.first != y.first)
            return x.first < y.first;
        const int c = x.second.compare(y.second, Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
    }
    return pa.size() < pb.size();
}

} // namespace

// The section's title and column headers are the table's header rows: they never
// end a page on their own and repeat when the table continues on the next page.
QString SummarySheet::Private::tableStart(const QString &title, const QStringList &headers,
                                          const QList<int> &widths) const
{
    QString head;
    QString continued;
    if (!title.isEmpty()) {
        head = sectionRow(title, int(headers.size()));
        continued = sectionRow(title + u" (continued)"_s, int(headers.size()));
    }
    QString columns = u"<tr bgcolor=\"#e6e6e6\">"_s;
    for (int i = 0; i < headers.size(); ++i) {
        const bool last = i == headers.size() - 1;
        columns += u"<th width=\"%1%\" align=\"%2\">"_s.arg(widths.value(i)).arg(last ? u"right"_s : u"left"_s)
            + esc(headers.at(i)) + u"</th>"_s;
    }
    columns += u"</tr>"_s;
    ++tableCount;
    frames.append({tableCount, 0});
    continuedHead = continued + columns;
    return u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><thead>"_s + head + columns
        + u"</thead>"_s;
}

// A data row; a row the previous layout split across the page break starts a
// continuation of the table on the next page instead.
QString SummarySheet::Private::tableRow(int index, const QStringList &cells) const
{
    QString s;
    if (breaks.contains({tableCount, index})) {
        frames.append({tableCount, index});
        s += u"</table><table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\""_s
             u" style=\"page-break-before: always\"><thead>"_s
            + continuedHead + u"</thead>"_s;
    }
    s += index % 2 ? u"<tr bgcolor=\"#f0f0f0\">"_s : u"<tr>"_s;
    for (int i = 0; i < cells.size(); ++i) {
        const bool last = i == cells.size() - 1;
        s += (last ? u"<td align=\"right\">"_s : u"<td>"_s) + cells.at(i) + u"</td>"_s;
    }
    return s + u"</tr>"_s;
}

// The first data row whose cells a page break cuts, as (table, row); (-1, -1) if none.
QPair<int, int> SummarySheet::Private::splitRow(double pageHeight) const
{
    const QList<QTextFrame *> children = doc->rootFrame()->childFrames();
    if (children.size() != frames.size())
        return {-1, -1}; // not the tables build() wrote: leave the layout as it is
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    for (int k = 0; k < children.size(); ++k) {
        const auto *table = qobject_cast<QTextTable *>(children.at(k));
        const TableFrame &frame = frames.at(k);
        if (!table || frame.table < 0)
            continue;
        const int headerRows = table->format().headerRowCount();
        for (int r = headerRows; r < table->rows(); ++r) {
            double top = std::numeric_limits<double>::max();
            double bottom = std::numeric_limits<double>::lowest();
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                if (!cell.isValid() || cell.row() != r)
                    continue;
                const QTextBlock last = cell.lastCursorPosition().block();
                for (QTextBlock b = cell.firstCursorPosition().block(); b.isValid(); b = b.next()) {
                    const QRectF rect = layout->blockBoundingRect(b);
                    top = qMin(top, rect.top());
                    bottom = qMax(bottom, rect.bottom());
                    if (b == last)
                        break;
                }
            }
            if (top > bottom || bottom - top > pageHeight / 3)
                continue;
            if (int(top / pageHeight) != int((bottom - 0.5) / pageHeight))
                return {frame.table, frame.firstRow + r - headerRows};
        }
    }
    return {-1, -1};
}

QString SummarySheet::Private::itemsBlock(const Limits &l) const
{
    QList<Fact> f = facts(u"item"_s);
    if (f.isEmpty())
        return QString();
    std::stable_sort(f.begin(), f.end(), [](const Fact &a, const Fact &b) { return naturalLess(a.value, b.value); });
    QString s = sectionGap() + tableStart(u"Items"_s, {u"Item"_s, u"Title"_s, u"Page"_s}, {10, 78, 12});
    for (int i = 0; i < f.size() && i < l.items; ++i) {
        s += tableRow(i, {esc(f.at(i).value), esc(elide(f.at(i).attributes.value(u"title"_s), l.chars)),
                          pagesRef(f.at(i).pages)});
    }
    return s + moreRow(int(f.size()) - l.items, 3, u"items"_s) + u"</table>"_s;
}

QString SummarySheet::Private::exhibitsBlock(const Limits &l) const
{
    QList<Fact> f = facts(u"exhibit"_s);
    if (f.isEmpty())
        return QString();
    std::stable_sort(f.begin(), f.end(), [](const Fact &a, const Fact &b) { return naturalLess(a.value, b.value); });
    QString s = sectionGap() + tableStart(u"Exhibits"_s, {u"Exhibit"_s, u"Description"_s, u"Page"_s}, {10, 78, 12});
    for (int i = 0; i < f.size() && i < l.exhibits; ++i) {
        s += tableRow(i, {esc(f.at(i).value), esc(elide(f.at(i).attributes.value(u"description"_s), l.chars)),
                          pagesRef(f.at(i).pages)});
    }
    return s + moreRow(int(f.size()) - l.exhibits, 3, u"exhibits"_s) + u"</table>"_s;
}

QString SummarySheet::Private::peopleBlock(const Limits &l) const
{
    // Signatories first, then people in order of mention; one row per name.
    QList<Fact> people = facts(u"signatory"_s);
    QHash<QString, int> at;
    for (int i = 0; i < people.size(); ++i) {
        people[i].attributes.insert(u"signed"_s, u"1"_s);
        at.insert(people.at(i).value.toCaseFolded(), i);
    }
    for (const Fact &p : facts(u"person"_s)) {
        const int i = at.value(p.value.toCaseFolded(), -1);
        if (i < 0) {
            at.insert(p.value.toCaseFolded(), int(people.size()));
            people.append(p);
            continue;
        }
        Fact &f = people[i];
        for (int page : p.pages)
            addPage(f.pages, page);
        if (f.attributes.value(u"role"_s).isEmpty())
            f.attributes.insert(u"role"_s, p.attributes.value(u"role"_s));
    }
    if (people.isEmpty())
        return QString();
    QString s = sectionGap() + tableStart(u"People"_s, {u"Name"_s, u"Role or title"_s, u"Page"_s}, {30, 58, 12});
    for (int i = 0; i < people.size() && i < l.people; ++i) {
        const Fact &p = people.at(i);
        QStringList roles;
        for (const QString &k : {u"title"_s, u"role"_s}) {
            const QString v = p.attributes.value(k);
            if (!v.isEmpty() && !roles.contains(v, Qt::CaseInsensitive))
                roles << v;
        }
        QString role = esc(elide(roles.join(u"; "_s), l.chars));
        if (p.attributes.contains(u"signed"_s))
            role += role.isEmpty() ? u"<i>signed the filing</i>"_s : u" <i>(signed the filing)</i>"_s;
        s += tableRow(i, {esc(elide(p.value, 60)), role, pagesRef(p.pages)});
    }
    return s + moreRow(int(people.size()) - l.people, 3, u"people"_s) + u"</table>"_s;
}

QString SummarySheet::Private::organizationsBlock(const Limits &l) const
{
    // The registrant is in the title already.
    QSet<QString> registrants;
    for (const Fact &r : facts(u"registrant"_s))
        registrants.insert(r.value.toCaseFolded());
    QList<Fact> f = facts(u"organization"_s);
    f.removeIf([&](const Fact &o) { return registrants.contains(o.value.toCaseFolded()); });
    if (f.isEmpty())
        return QString();
    QStringList parts;
    for (int i = 0; i < f.size() && i < l.organizations; ++i)
        parts << esc(elide(f.at(i).value, 60)) + u" ("_s + pagesRef(f.at(i).pages) + u')';
    return u"<p style=\"margin-top:4pt\"><b>Organizations:</b> "_s + parts.join(u"; "_s)
        + moreText(int(f.size()) - l.organizations) + u"</p>"_s;
}

QString SummarySheet::Private::figuresBlock(const Limits &l) const
{
    struct Money { const Entity *e; QString currency; double amount; };
    QList<Money> money;
    QSet<QString> seen;
    for (const Entity *e : byType.value(u"money"_s)) {
        const QString v = e->value.simplified();
        const QStringList parts = v.split(u' ');
        bool ok = false;
        const double amount = parts.size() == 2 ? parts.at(1).toDouble(&ok) : v.toDouble(&ok);
        if (!ok || seen.contains(v))
            continue;
        seen.insert(v);
        money.append({e, parts.size() == 2 ? parts.at(0) : QString(), amount});
    }
    std::stable_sort(money.begin(), money.end(), [](const Money &a, const Money &b) {
        return std::fabs(a.amount) > std::fabs(b.amount);
    });
    const QList<const Entity *> percents = byType.value(u"percent"_s);
    if (money.isEmpty() && percents.isEmpty())
        return QString();
    QString s = sectionGap();
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    const int contextChars = qMax(50, l.chars - 70);
    if (!money.isEmpty()) {
        s += tableStart(u"Key figures"_s, {u"Largest amounts"_s, u"As written"_s, u"Context"_s, u"Page"_s}, {20, 15, 53, 12});
        for (int i = 0; i < money.size() && i < l.money; ++i) {
            const Money &m = money.at(i);
            const bool whole = m.amount == std::floor(m.amount);
            const QString amount = (m.currency.isEmpty() ? QString() : m.currency + u' ')
                + en.toString(m.amount, 'f', whole ? 0 : 2);
            s += tableRow(i, {esc(amount), esc(elide(m.e->text, 30)), context(*m.e, contextChars),
                              pageRef(*m.e)});
        }
        s += moreRow(int(money.size()) - l.money, 4, u"distinct amounts"_s) + u"</table>"_s;
    }
    if (!percents.isEmpty()) {
        if (!money.isEmpty())
            s += u"<p style=\"font-size:5pt; margin:0\">&nbsp;</p>"_s;
        s += tableStart(money.isEmpty() ? u"Key figures"_s : QString(), {u"Percentage"_s, u"Context"_s, u"Page"_s}, {14, 74, 12});
        int shown = 0;
        QSet<QString> seenContext;
        for (const Entity *e : percents) {
            if (shown >= l.percents)
                break;
            const QString ctx = context(*e, l.chars);
            if (seenContext.contains(ctx))
                continue;
            seenContext.insert(ctx);
            // A bare number is a percentage; other normalisations are shown as they are.
            QString value = elide(valueOf(*e), 20);
            bool number = false;
            value.toDouble(&number);
            if (number)
                value += u'%';
            s += tableRow(shown++, {esc(value), ctx, pageRef(*e)});
        }
        s += moreRow(int(percents.size()) - shown, 3, u"percentages"_s) + u"</table>"_s;
    }
    return s;
}

QString SummarySheet::Private::lifeSciencesBlock(const Limits &l) const
{
    const QList<Fact> drugs = facts(u"drug"_s);
    const QStringList kinds = {u"trial_phase"_s, u"dose"_s, u"indication"_s, u"adverse_event"_s};
    bool any = !drugs.isEmpty();
    for (const QString &k : kinds)
        any = any || !byType.value(k).isEmpty();
    if (!any)
        return QString();

    // Each phase, dose, indication and adverse event belongs to the drug its "drug"
    // attribute names, else to the nearest drug mention on its page (within 400
    // characters), else to the row of unlinked facts.
    QHash<QString, int> drugIndex;
    for (int i = 0; i < drugs.size(); ++i)
        drugIndex.insert(drugs.at(i).value.toCaseFolded(), i);
    const QList<const Entity *> drugMentions = byType.value(u"drug"_s);
    const int rows = int(drugs.size()) + 1; // last row: not linked
    QList<QList<QStringList>> cells(rows, QList<QStringList>(kinds.size()));
    QList<QList<int>> pages(rows);
    for (int i = 0; i < drugs.size(); ++i)
        pages[i] = drugs.at(i).pages;
    for (int k = 0; k < kinds.size(); ++k) {
        for (const Entity *e : byType.value(kinds.at(k))) {
            int row = drugIndex.value(e->attributes.value(u"drug"_s).simplified().toCaseFolded(), -1);
            if (row < 0 && e->span.isValid()) {
                int best = 401;
                for (const Entity *d : drugMentions) {
                    if (d->span.page != e->span.page)
                        continue;
                    const int dist = d->span.end <= e->span.start ? e->span.start - d->span.end
                        : e->span.end <= d->span.start            ? d->span.start - e->span.end
                                                                  : 0;
                    if (dist < best) {
                        best = dist;
                        row = drugIndex.value(valueOf(*d).toCaseFolded(), -1);
                    }
                }
            }
            if (row < 0)
                row = rows - 1;
            const QString v = valueOf(*e);
            if (!cells[row][k].contains(v, Qt::CaseInsensitive))
                cells[row][k].append(v);
            if (e->span.isValid() && !e->orphan)
                addPage(pages[row], e->span.page + 1);
        }
    }
    QString s = sectionGap()
        + tableStart(u"Life sciences"_s, {u"Drug"_s, u"Phase"_s, u"Doses"_s, u"Indications"_s, u"Adverse events"_s, u"Pages"_s},
                     {19, 10, 13, 23, 23, 12});
    auto cell = [&](const QStringList &values) -> QString {
        QStringList shown;
        for (int i = 0; i < values.size() && i < l.perCell; ++i)
            shown << esc(elide(values.at(i), 48));
        return shown.join(u"; "_s) + moreText(int(values.size()) - l.perCell);
    };
    int shown = 0;
    for (int r = 0; r < rows && shown < l.drugs; ++r) {
        const bool unlinked = r == rows - 1;
        bool empty = true;
        for (const QStringList &c : cells.at(r))
            empty = empty && c.isEmpty();
        if (unlinked && empty)
            continue;
        QStringList row;
        row << (unlinked ? u"<i>not linked to a drug</i>"_s : u"<b>"_s + esc(elide(drugs.at(r).value, 40)) + u"</b>"_s);
        for (const QStringList &c : cells.at(r))
            row << cell(c);
        row << pagesRef(pages.at(r));
        s += tableRow(shown++, row);
    }
    return s + moreRow(int(drugs.size()) - qMin(int(drugs.size()), l.drugs), 6, u"drugs"_s) + u"</table>"_s;
}

QString SummarySheet::Private::build(const Limits &limits) const
{
    frames.clear();
    tableCount = -1;
    // Black text, gray rules and shading only: legible when printed in grayscale.
    QString s = u"<html><head><style>"_s
                u"body { color: #000000; }"_s
                u"p.section { font-size: 10pt; font-weight: bold; margin-top: 9pt; margin-bottom: 2pt;"_s
                u" background-color: #d9d9d9; }"_s
                u"th { font-weight: bold; }"_s
                u"</style></head><body>"_s;
    s += titleBlock();
    s += statusBlock();
    s += coverBlock();
    s += itemsBlock(limits);
    s += exhibitsBlock(limits);
    s += peopleBlock(limits);
    s += organizationsBlock(limits);
    s += figuresBlock(limits);
    s += lifeSciencesBlock(limits);
    s += u"</body></html>"_s;
    return s;
}

std::unique_ptr<QTextDocument> SummarySheet::Private::layout(const QString &text, double width, double height)
{
    auto d = std::make_unique<QTextDocument>();
    d->documentLayout()->setPaintDevice(&layoutDevice);
    QFont font(u"DejaVu Sans"_s);
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(8.5);
    d->setDefaultFont(font);
    d->setDocumentMargin(0);
    d->setUseDesignMetrics(true);
    d->setPageSize(QSizeF(width, height));
    d->setHtml(text);
    return d;
}

std::unique_ptr<QTextDocument> SummarySheet::Private::footer(int page) const
{
    auto d = std::make_unique<QTextDocument>();
    d->documentLayout()->setPaintDevice(&layoutDevice);
    QFont font(u"DejaVu Sans"_s);
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(7.5);
    d->setDefaultFont(font);
    d->setDocumentMargin(0);
    d->setUseDesignMetrics(true);
    d->setTextWidth(pageSize.width() - MarginLeft - MarginRight);
    const QDateTime printed = options.printedAt.isValid() ? options.printedAt : QDateTime::currentDateTimeUtc();
    const QString sha = content.sha256.left(12);
    d->setHtml(u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"_s
               u"<td width=\"60%\">"_s + esc(elideMiddle(fileName, 56))
               + (sha.isEmpty() ? QString() : u"  \u00b7  sha256 "_s + sha)
               + u"</td><td width=\"16%\" align=\"center\">Page %1 of %2</td>"_s.arg(page + 1).arg(pages)
               + u"<td width=\"24%\" align=\"right\">Printed "_s
               + printed.toString(u"yyyy-MM-dd"_s) + u"</td></tr></table>"_s);
    return d;
}

SummarySheet::SummarySheet(const DocumentContent &content, const EntityList &entities,
                           SummaryOptions options)
    : d(std::make_unique<Private>())
{
    d->content = content;
    d->entities = entities;
    d->options = std::move(options);
    if (!d->options.printedAt.isValid())
        d->options.printedAt = QDateTime::currentDateTimeUtc();
    d->fileName = content.fileName.isEmpty() ? QFileInfo(content.filePath).fileName()
                                             : QFileInfo(content.fileName).fileName();
    d->layoutDevice = QImage(1, 1, QImage::Format_RGB32);
    d->layoutDevice.setDotsPerMeterX(2835); // 72 dpi
    d->layoutDevice.setDotsPerMeterY(2835);
    d->pageSize = pageSizePoints(d->options.pageSize);
    d->index();

    const double width = d->pageSize.width() - MarginLeft - MarginRight;
    const double height = d->pageSize.height() - MarginTop - MarginBottom;
    for (const Limits &limits : Levels) {
        d->breaks.clear();
        d->html = d->build(limits);
        d->doc = d->layout(d->html, width, height);
        if (d->doc->pageCount() > MaxPages)
            continue;
        // Move a row the page break cuts in two to the next page, as long as the sheet
        // keeps to two pages; otherwise leave it cut.
        for (int attempt = 0; attempt < 6; ++attempt) {
            const QPair<int, int> split = d->splitRow(height);
            if (split.first < 0 || d->breaks.contains(split))
                break;
            d->breaks.insert(split);
            QString html = d->build(limits);
            auto doc = d->layout(html, width, height);
            if (doc->pageCount() > MaxPages) {
                d->breaks.remove(split);
                d->build(limits); // frames as they are for d->doc
                break;
            }
            d->html = std::move(html);
            d->doc = std::move(doc);
        }
        break;
    }
    d->pages = qBound(1, d->doc->pageCount(), MaxPages);
}

SummarySheet::~SummarySheet() = default;

int SummarySheet::pageCount() const
{
    return d->pages;
}

const QTextDocument *SummarySheet::document() const
{
    return d->doc.get();
}

QString SummarySheet::html() const
{
    return d->html;
}

const SummaryOptions &SummarySheet::options() const
{
    return d->options;
}

QSizeF SummarySheet::pageSizePoints(QPageSize::PageSizeId id)
{
    return QPageSize(id).size(QPageSize::Point);
}

void SummarySheet::paintPage(QPainter *painter, int page) const
{
    if (page < 0 || page >= d->pages)
        return;
    const double width = d->pageSize.width() - MarginLeft - MarginRight;
    const double height = d->pageSize.height() - MarginTop - MarginBottom;
    painter->save();
    painter->translate(MarginLeft, MarginTop - page * height);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = QRectF(0, page * height, width, height);
    ctx.palette.setColor(QPalette::Text, Qt::black);
    painter->setClipRect(ctx.clip);
    d->doc->documentLayout()->draw(painter, ctx);
    painter->restore();

    painter->save();
    const double ruleY = d->pageSize.height() - MarginBottom + 12;
    painter->setPen(QPen(QColor(0x55, 0x55, 0x55), 0.5));
    painter->drawLine(QPointF(MarginLeft, ruleY), QPointF(d->pageSize.width() - MarginRight, ruleY));
    painter->translate(MarginLeft, ruleY + 3);
    const auto foot = d->footer(page);
    QAbstractTextDocumentLayout::PaintContext fctx;
    fctx.palette.setColor(QPalette::Text, Qt::black);
    foot->documentLayout()->draw(painter, fctx);
    painter->restore();
}

bool SummarySheet::print(QPagedPaintDevice *device, QString *error) const
{
    if (!device) {
        if (error)
            *error = u"Cannot print the summary: no output device"_s;
        return false;
    }
    device->setPageSize(QPageSize(d->options.pageSize));
    device->setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = u"Cannot print the summary: the output device cannot be painted on"_s;
        return false;
    }
    // The painter starts at the paint rectangle (printers may keep a minimum margin);
    // move to the page's corner and work in points from there.
    const QRectF paintRect = device->pageLayout().paintRectPoints();
    painter.scale(device->logicalDpiX() / 72.0, device->logicalDpiY() / 72.0);
    painter.translate(-paintRect.topLeft());
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < d->pages; ++i) {
        if (i > 0 && !device->newPage()) {
            painter.end();
            if (error)
                *error = u"Cannot print the summary: the device refused a new page"_s;
            return false;
        }
        paintPage(&painter, i);
    }
    if (!painter.end()) {
        if (error)
            *error = u"Cannot print the summary: the output device failed"_s;
        return false;
    }
    return true;
}

bool SummarySheet::writePdf(QIODevice *device, QString *error) const
{
    if (!device || !device->isOpen() || !device->isWritable()) {
        if (error)
            *error = u"Cannot write the summary PDF: the output is not open for writing"_s;
        return false;
    }
    QPdfWriter writer(device);
    writer.setResolution(1200);
    writer.setCreator(u"Filing Lens"_s);
    QList<Fact> reg = d->facts(u"registrant"_s, true);
    writer.setTitle(u"Filing summary: "_s + (reg.isEmpty() ? d->fileName : reg.first().value));
    return print(&writer, error);
}
