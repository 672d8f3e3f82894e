#include "extract/registrantmentions.h"
#include "extract/rulepack.h"
#include "extract/textscan.h"
#include "session/filingsession.h"

#include "testutils.h"

#include <QtCore/QHash>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

// The registrant's own name in running text is one organization row per page, carrying the
// page's count of mentions; other companies keep every mention.
class TestRegistrantMentions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void nameKeys_data();
    void nameKeys();
    void collapse_data();
    void collapse();
    void corpusFilingOneRowPerPage();
    void definitionJoinsItsName();

private:
    QStringList m_suffixes;
};

void TestRegistrantMentions::initTestCase()
{
    QList<RulePackError> errors;
    const RuleSet rules = RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s}, &errors);
    QVERIFY(errors.isEmpty());
    m_suffixes = rules.strings(u"structure"_s, u"orgSuffixes"_s);
    QVERIFY(m_suffixes.contains(u"Inc."_s));
}

// Registrant names as the corpus' covers and submission headers print them.
void TestRegistrantMentions::nameKeys_data()
{
    QTest::addColumn<QString>("registrant");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("notKeys");
    QTest::newRow("AbbVie Inc. (10k/abbv-10-k-2025-02-14.html)")
        << u"AbbVie Inc."_s << QStringList{u"abbvie"_s} << QStringList{u"abbvie inc"_s.left(0)};
    QTest::newRow("Merck & Co., Inc. (more/MRK-10-Q)")
        << u"Merck & Co., Inc."_s << QStringList{u"merck"_s, u"merck co inc"_s} << QStringList{u"mc"_s};
    QTest::newRow("Bristol-Myers Squibb Company (10k/bmy-10-k)")
        << u"Bristol-Myers Squibb Company"_s << QStringList{u"bristol myers squibb"_s, u"bms"_s}
        << QStringList{u"bristol"_s};
    QTest::newRow("Johnson & Johnson (pdf/JOHNSON_JOHNSON_2022_10K.pdf)")
        << u"Johnson & Johnson"_s << QStringList{u"johnson johnson"_s, u"j j"_s} << QStringList{u"johnson"_s};
    QTest::newRow("THE COCA-COLA CO (submission header style)")
        << u"THE COCA-COLA CO"_s << QStringList{u"coca cola"_s} << QStringList{u"cc"_s, u"coca"_s};
    QTest::newRow("JPMorgan Chase & Co. (pdf/JPMORGAN_2023Q2_10Q.pdf)")
        << u"JPMorgan Chase & Co."_s << QStringList{u"jpmorgan chase"_s} << QStringList{u"jc"_s, u"jpmorgan"_s};
    QTest::newRow("Abbott Laboratories (more/ABT-10-K): no short form of its own")
        << u"Abbott Laboratories"_s << QStringList{u"abbott laboratories"_s} << QStringList{u"abbott"_s, u"al"_s};
    QTest::newRow("a name that is all suffix gives nothing") << u"Inc."_s << QStringList{} << QStringList{u"inc"_s};
}

void TestRegistrantMentions::nameKeys()
{
    QFETCH(QString, registrant);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, notKeys);
    const QStringList got = RegistrantMentions::nameKeys(registrant, m_suffixes);
    for (const QString &k : std::as_const(keys))
        QVERIFY2(got.contains(k), qPrintable(k + u" not in "_s + got.join(u'|')));
    for (const QString &k : std::as_const(notKeys)) {
        if (!k.isEmpty())
            QVERIFY2(!got.contains(k), qPrintable(k + u" in "_s + got.join(u'|')));
    }
    if (keys.isEmpty())
        QVERIFY(got.isEmpty());
}

namespace {
// Organization entities for every occurrence of each name on the pages, and the registrant.
EntityList mentionsOf(const QStringList &pages, const QString &registrant, const QStringList &names)
{
    EntityList out;
    for (const QString &name : registrant.split(u'|')) {
        Entity r;
        r.type = u"registrant"_s;
        r.value = name;
        r.span = {0, 0, 1};
        out.append(r);
    }
    for (int p = 0; p < pages.size(); ++p) {
        for (const QString &n : names) {
            for (qsizetype at = pages.at(p).indexOf(n); at >= 0; at = pages.at(p).indexOf(n, at + n.size())) {
                const SourceSpan span{p, int(at), int(at + n.size())};
                // A name inside a longer one found before ("AbbVie" in "AbbVie Inc.") is not
                // a mention of its own.
                if (std::any_of(out.cbegin(), out.cend(), [&](const Entity &o) {
                        return o.type == u"organization"_s && o.span.overlaps(span);
                    }))
                    continue;
                Entity e;
                e.type = u"organization"_s;
                e.value = n;
                e.text = n;
                e.span = {p, int(at), int(at + n.size())};
                out.append(e);
            }
        }
    }
    return out;
}
} // namespace

// Real sentences of the corpus (the files are named per row) spread over pages. "kept" lists
// the organization rows left as page:value[:mentions], "*" before a row of the registrant.
void TestRegistrantMentions::collapse_data()
{
    QTest::addColumn<QString>("registrant");
    QTest::addColumn<QStringList>("pages");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("kept");

    QTest::newRow("10k/abbv-10-k-2025-02-14.html: AbbVie named by its defined short form")
        << u"AbbVie Inc."_s
        << QStringList{u"The consolidated financial statements of AbbVie Inc. (AbbVie or the company) have been "
                       "prepared. AbbVie received net cash proceeds of $215 million."_s,
                       u"AbbVie announced that the FDA approved Skyrizi. AbbVie initiated a Phase 3 study, and "
                       "Cerevel Therapeutics entered into an agreement with Pfizer Inc. (Pfizer). Pfizer may "
                       "terminate it."_s}
        << QStringList{u"AbbVie Inc."_s, u"AbbVie"_s, u"Pfizer Inc."_s, u"Pfizer"_s}
        << QStringList{u"*0:AbbVie Inc.:3"_s, u"*1:AbbVie:2"_s, u"1:Pfizer Inc."_s, u"1:Pfizer"_s, u"1:Pfizer"_s};
    QTest::newRow("10k/bmy-10-k: BMS as its initials and defined term")
        << u"Bristol-Myers Squibb Company"_s
        << QStringList{u"Bristol-Myers Squibb Company (“BMS”, or “the Company”) is a global biopharmaceutical "
                       "company. BMS and 2seventy bio share the profits. BMS's revenues rose."_s}
        << QStringList{u"Bristol-Myers Squibb Company"_s, u"BMS"_s, u"2seventy bio"_s}
        << QStringList{u"*0:Bristol-Myers Squibb Company:4"_s, u"0:2seventy bio"_s};
    QTest::newRow("more/ABT-10-K: Abbott as the term the filing defines")
        << u"Abbott Laboratories"_s
        << QStringList{u"Abbott Laboratories (Abbott) is an Illinois corporation. Abbott and Medtronic compete."_s,
                       u"Abbott's products are sold worldwide."_s}
        << QStringList{u"Abbott Laboratories"_s, u"Abbott"_s, u"Medtronic"_s}
        << QStringList{u"*0:Abbott Laboratories:3"_s, u"0:Medtronic"_s, u"*1:Abbott"_s};
    QTest::newRow("more/jnj-10-q-2025-07-24.html: (collectively, Janssen) and (Committee) define no short form")
        << u"Johnson & Johnson"_s
        << QStringList{u"Janssen Research & Development, LLC and Johnson & Johnson (collectively, Janssen) were "
                       "served with a qui tam complaint. Janssen moved to dismiss."_s,
                       u"An action was filed against the Company and the Pension & Benefits Committee of Johnson "
                       "& Johnson (Committee) in United States District Court. The Committee answered."_s}
        << QStringList{u"Johnson & Johnson"_s, u"Janssen"_s, u"Committee"_s}
        << QStringList{u"0:Janssen"_s, u"*0:Johnson & Johnson"_s, u"0:Janssen"_s, u"0:Janssen"_s,
                       u"1:Committee"_s, u"*1:Johnson & Johnson"_s, u"1:Committee"_s, u"1:Committee"_s};
    QTest::newRow("spre20231231_10q.htm: each registrant of a combined filing is a row of its own")
        << u"Spire Inc.|Spire Missouri Inc.|Spire Alabama Inc."_s
        << QStringList{u"Spire Inc. owns Spire Missouri Inc. and Spire Alabama Inc. Spire Missouri Inc. serves St. Louis."_s}
        << QStringList{u"Spire Missouri Inc."_s, u"Spire Alabama Inc."_s, u"Spire Inc."_s}
        << QStringList{u"*0:Spire Inc."_s, u"*0:Spire Missouri Inc.:2"_s, u"*0:Spire Alabama Inc."_s};
    // pdf/PFIZER_2022_10K.pdf, Exhibit 21: subsidiaries are companies of their own.
    QTest::newRow("pfizer: a subsidiary's own suffix keeps it apart")
        << u"PFIZER INC."_s
        << QStringList{u"Pfizer Inc. owns Pfizer Limited (United Kingdom) and Pfizer B.V. (Netherlands); Pfizer, Inc. "
                       "reports them."_s}
        << QStringList{u"Pfizer Inc."_s, u"Pfizer Limited"_s, u"Pfizer B.V."_s, u"Pfizer, Inc."_s}
        << QStringList{u"*0:Pfizer Inc.:2"_s, u"0:Pfizer Limited"_s, u"0:Pfizer B.V."_s};
    QTest::newRow("Abbott without its definition stays on every mention (another filing's Abbott)")
        << u"Medtronic plc"_s
        << QStringList{u"Abbott and Boston Scientific compete with Medtronic plc. Abbott launched a device."_s}
        << QStringList{u"Abbott"_s, u"Medtronic plc"_s}
        << QStringList{u"0:Abbott"_s, u"*0:Medtronic plc"_s, u"0:Abbott"_s};
}

void TestRegistrantMentions::collapse()
{
    QFETCH(QString, registrant);
    QFETCH(QStringList, pages);
    QFETCH(QStringList, names);
    QFETCH(QStringList, kept);
    EntityList entities = mentionsOf(pages, registrant, names);
    const qsizetype before = entities.size();
    const int removed = RegistrantMentions::collapse(entities, pages, m_suffixes);
    QCOMPARE(entities.size(), before - removed);
    std::stable_sort(entities.begin(), entities.end(), [](const Entity &a, const Entity &b) { return a.span < b.span; });
    QStringList got;
    for (const Entity &e : std::as_const(entities)) {
        if (e.type != u"organization"_s)
            continue;
        QString row = u"%1:%2"_s.arg(e.span.page).arg(e.value);
        if (e.attributes.contains(u"mentions"_s))
            row += u':' + e.attributes.value(u"mentions"_s);
        if (e.attributes.value(u"registrant"_s) == u"true"_s)
            row.prepend(u'*');
        got.append(row);
    }
    QCOMPARE(got, kept);
    // The registrant entities themselves are never touched.
    QCOMPARE(std::count_if(entities.cbegin(), entities.cend(), [](const Entity &e) { return e.type == u"registrant"_s; }),
             registrant.count(u'|') + 1);
}

// A whole 10-Q: at most one row per page names the registrant, its `mentions` never claims
// more than the page prints, and every page that names the registrant still has its row.
void TestRegistrantMentions::corpusFilingOneRowPerPage()
{
    FL_REQUIRE_CORPUS(path, "more/ABBV-10-Q-0001551152-23-000033.html");
    LoadError error;
    const auto document = FilingSession::load(path, {}, &error);
    QVERIFY2(document, qPrintable(error.message));
    const DocumentContent &content = document->content();
    const EntityList entities = FilingSession::extract(content);
    const QStringList keys = RegistrantMentions::nameKeys(u"AbbVie Inc."_s, m_suffixes);
    QHash<int, int> rows;
    int mentions = 0;
    for (const Entity &e : entities) {
        if (e.type != u"organization"_s || !keys.contains(TextScan::fold(e.value).remove(u" inc"_s)))
            continue;
        ++rows[e.span.page];
        QCOMPARE(e.attributes.value(u"registrant"_s), u"true"_s);
        const int n = e.attributes.value(u"mentions"_s, u"1"_s).toInt();
        QVERIFY(n >= 1);
        QVERIFY2(content.text.pages.at(e.span.page).count(u"AbbVie"_s, Qt::CaseInsensitive) >= n, qPrintable(e.id));
        mentions += n;
    }
    QVERIFY2(rows.size() > 20, "the registrant is named on most pages");
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"page %1: %2 rows"_s.arg(it.key() + 1).arg(it.value())));
    QVERIFY2(mentions > rows.size(), "the rows count the mentions they stand for");
}

// corpus more/ABBV-10-Q-0001551152-23-000033.html, p. 27: "hidradenitis suppurativa" named
// twice, once with its definition "(HS)", and "HS" twice: two rows, the name's with the
// abbreviation it was given, the abbreviation's with its expansion.
void TestRegistrantMentions::definitionJoinsItsName()
{
    const QString page = u"with hidradenitis suppurativa and hidradenitis suppurativa (HS) who failed therapy for HS."_s;
    EntityList entities;
    const auto add = [&](const QString &value, const QString &text, QMap<QString, QString> attributes) {
        qsizetype at = 0;
        for (const Entity &e : std::as_const(entities)) {
            if (e.text == text)
                at = e.span.end;
        }
        Entity e;
        e.type = u"indication"_s;
        e.value = value;
        e.text = text;
        const int start = int(page.indexOf(text, at));
        e.span = {0, start, start + int(text.size())};
        e.attributes = attributes;
        entities.append(e);
    };
    add(u"hidradenitis suppurativa"_s, u"hidradenitis suppurativa"_s, {});
    add(u"hidradenitis suppurativa"_s, u"hidradenitis suppurativa"_s, {{u"abbreviation"_s, u"HS"_s}});
    add(u"HS"_s, u"HS"_s, {{u"expansion"_s, u"hidradenitis suppurativa"_s}});
    add(u"HS"_s, u"HS"_s, {{u"expansion"_s, u"hidradenitis suppurativa"_s}});
    QCOMPARE(RegistrantMentions::collapseRepeats(entities), 2);
    QCOMPARE(entities.size(), 2);
    QCOMPARE(entities.at(0).value, u"hidradenitis suppurativa"_s);
    QCOMPARE(entities.at(0).span.start, int(page.indexOf(u"hidradenitis"_s)));
    QCOMPARE(entities.at(0).attributes.value(u"abbreviation"_s), u"HS"_s);
    QCOMPARE(entities.at(0).attributes.value(u"mentions"_s), u"2"_s);
    QCOMPARE(entities.at(1).value, u"HS"_s);
    QCOMPARE(entities.at(1).attributes.value(u"expansion"_s), u"hidradenitis suppurativa"_s);
    QCOMPARE(entities.at(1).attributes.value(u"mentions"_s), u"2"_s);
}

QTEST_GUILESS_MAIN(TestRegistrantMentions)
#include "tst_registrantmentions.moc"
