// The life-sciences recognizer on real snippets of the filings in the shared corpus
// (the ImmunoGen 8-K of 2007, the Aeon 10-Q of 2023, the Bristol-Myers Squibb 10-K of
// 2023, Pfizer's 2023 Q2 earnings release), one form per row, and on the bundled
// sample against its hand-checked gold file.
#include "model/documentcontent.h"
#include "model/entity.h"
#include "extract/recognizer.h"
#include "extract/rulepack.h"
#include "testutils.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QFile>
#include <QtCore/QFuture>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class TestLifeSciences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void drug_data();
    void drug();
    void target_data();
    void target();
    void indication_data();
    void indication();
    void dose_data();
    void dose();
    void phase_data();
    void phase();
    void adverseEvent_data();
    void adverseEvent();
    void outcome_data();
    void outcome();
    void linkedDrug_data();
    void linkedDrug();
    void sampleMatchesGold_data();
    void sampleMatchesGold();
    void disabledPackFindsNothing();
    void userPackExtendsLexicon();
    void sameResultsFromSeveralThreads();
    void oddUserPackValuesIgnored();
    void hostileTextEnds();

private:
    void addRows();
    // "value | text[ | key=value; ...]" of every entity of the type found in text.
    QStringList found(const QString &type, const QString &text, const RuleSet *rules = nullptr) const;
    EntityList extract(const DocumentContent &content, const RuleSet &rules) const;
    RuleSet m_rules;
    QTemporaryDir m_dir;
};

void TestLifeSciences::initTestCase()
{
    QList<RulePackError> errors;
    m_rules = RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s}, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).file + u": "_s + errors.value(0).message));
    QVERIFY(!m_rules.strings(u"lifeSciences"_s, u"drugStems"_s).isEmpty());
    QVERIFY(m_dir.isValid());
}

EntityList TestLifeSciences::extract(const DocumentContent &content, const RuleSet &rules) const
{
    const ExtractionContext context{content, rules};
    EntityList entities;
    for (const auto &r : createLifeSciencesRecognizers())
        r->run(context, entities);
    return entities;
}

QStringList TestLifeSciences::found(const QString &type, const QString &text, const RuleSet *rules) const
{
    DocumentContent content;
    content.text.pages = text.split(u'\f');
    QStringList out;
    for (const Entity &e : extract(content, rules ? *rules : m_rules)) {
        if (e.type != type)
            continue;
        QStringList attributes;
        for (auto it = e.attributes.begin(); it != e.attributes.end(); ++it) {
            if (it.key() != u"kind"_s && it.key() != u"payload"_s && it.key() != u"unit"_s && it.key() != u"drug"_s)
                attributes.append(it.key() + u'=' + it.value());
        }
        out.append(e.value + u" | "_s + e.text + (attributes.isEmpty() ? QString() : u" | "_s + attributes.join(u"; "_s)));
    }
    return out;
}

void TestLifeSciences::addRows()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
}

void TestLifeSciences::drug_data()
{
    addRows();
    QTest::newRow("immunogen: conjugate") << u"four of ten patients that received 2.4 or 3.6 mg/kg of trastuzumab-DM1, dosed"_s
                                          << QStringList{u"trastuzumab-DM1 | trastuzumab-DM1"_s};
    QTest::newRow("immunogen: brand and generic") << u"regimen that included Herceptin® (trastuzumab)."_s
                                                  << QStringList{u"Herceptin | Herceptin"_s, u"trastuzumab | trastuzumab"_s};
    QTest::newRow("immunogen: capitalised at the start of a sentence") << u"HuC242-DM4 has not been associated with"_s
                                                                       << QStringList{u"huC242-DM4 | HuC242-DM4"_s};
    QTest::newRow("immunogen: code names") << u"AVE9633 and AVE1642, in development by sanofi-aventis"_s
                                           << QStringList{u"AVE9633 | AVE9633"_s, u"AVE1642 | AVE1642"_s};
    QTest::newRow("immunogen: short conjugate name") << u"trastuzumab-DM1 (T-DM1), a first-in-class"_s
                                                     << QStringList{u"trastuzumab-DM1 | trastuzumab-DM1"_s, u"T-DM1 | T-DM1"_s};
    QTest::newRow("immunogen: antibody alone is not a drug") << u"attached to the Company's huN901 antibody, which targets"_s
                                                             << QStringList{};
    QTest::newRow("aeon: code with generic name") << u"ABP-450 (prabotulinumtoxinA) injection"_s
                                                  << QStringList{u"ABP-450 | ABP-450"_s, u"prabotulinumtoxinA | prabotulinumtoxinA"_s};
    QTest::newRow("bmy: sponsor code") << u"BMS-986278, an LPA1 antagonist"_s << QStringList{u"BMS-986278 | BMS-986278"_s};
    // corpus more/ABT-10-K-0001628280-24-005348.html: a name marked ™ beside a treatment is a
    // medicine (p. 3); nutrition products marked ® are not (p. 26).
    QTest::newRow("abt: marked names of medicines")
        << u"Duspatal™ and Dicetel™, for the treatment of irritable bowel syndrome or biliary spasm;"_s
        << QStringList{u"Duspatal | Duspatal"_s, u"Dicetel | Dicetel"_s};
    QTest::newRow("abt: marked nutrition products are no drugs")
        << u"total adult nutrition sales increased 8.8 percent in 2023 and 4.8 percent in 2022, led by the continued "
           "growth of Abbott's Ensure® and Glucerna® products across several countries."_s
        << QStringList{};
    // MRK-10-Q-0001628280-23-027770.html (further filings): a one-letter vaccine code beside
    // its partner's mRNA code, and a vaccine code in a pipeline line.
    QTest::newRow("merck: letter code with its partner's mRNA code")
        << u"trial evaluating V940 (mRNA-4157), an investigational individualized neoantigen therapy"_s
        << QStringList{u"V940 | V940"_s, u"mRNA-4157 | mRNA-4157"_s};
    QTest::newRow("merck: vaccine code") << u"Dengue Fever Virus Vaccine V181 HIV-1 Infection"_s
                                         << QStringList{u"V181 | V181"_s};
    QTest::newRow("merck: a code inside a trial name is not a drug")
        << u"the Phase 2b KEYNOTE-942/mRNA-4157-P201 study"_s << QStringList{};
    QTest::newRow("a letter and digits without drug words are not a drug")
        << u"the A320 aircraft, route F150 and form W2000 (Form 10-K)"_s << QStringList{};
    QTest::newRow("bmy: stem not in the lexicon") << u"obexelimab in IgG4-related disease"_s
                                                  << QStringList{u"obexelimab | obexelimab"_s};
    QTest::newRow("bmy: brand in capitals") << u"KRAZATI (adagrasib)"_s
                                            << QStringList{u"Krazati | KRAZATI"_s, u"adagrasib | adagrasib"_s};
    QTest::newRow("pfizer: brand of two words") << u"Nurtec ODT and Zavzpret"_s
                                                << QStringList{u"Nurtec ODT | Nurtec ODT"_s, u"Zavzpret | Zavzpret"_s};
    QTest::newRow("conjugate with its payload word") << u"telisotuzumab vedotin in NSCLC"_s
                                                     << QStringList{u"telisotuzumab vedotin | telisotuzumab vedotin"_s};
    // corpus more/MRK-10-Q-0001628280-23-027770.htm, product liability and patents.
    QTest::newRow("mrk: brand with valency") << u"Gardasil (Human Papillomavirus Quadrivalent) and Gardasil 9 (Human Papillomavirus 9-valent Vaccine)"_s
                                             << QStringList{u"Gardasil | Gardasil"_s, u"Gardasil 9 | Gardasil 9"_s};
    QTest::newRow("mrk: brand with formulation") << u"Januvia, Janumet, Janumet XR — As previously disclosed"_s
                                                 << QStringList{u"Januvia | Januvia"_s, u"Janumet | Janumet"_s, u"Janumet XR | Janumet XR"_s};
    // corpus pdf/PFIZER_2022_10K.pdf, product table of the Hospital unit.
    QTest::newRow("pfizer: well-known brands") << u"Fragmin, Zithromax, Medrol, Vfend, Nimenrix and Trumenba"_s
                                               << QStringList{u"Fragmin | Fragmin"_s, u"Zithromax | Zithromax"_s, u"Medrol | Medrol"_s,
                                                              u"Vfend | Vfend"_s, u"Nimenrix | Nimenrix"_s, u"Trumenba | Trumenba"_s};
    QTest::newRow("a number after a brand is a figure") << u"Eliquis 12 14 and Revlimid 5 mg"_s
                                                        << QStringList{u"Eliquis | Eliquis"_s, u"Revlimid | Revlimid"_s};
    QTest::newRow("unknown trademark") << u"the Zorvexa® franchise treats patients"_s << QStringList{u"Zorvexa | Zorvexa"_s};
    QTest::newRow("unknown trademark without a word of medicine") << u"the Zorvexa® franchise"_s << QStringList{};
    QTest::newRow("forms, items, fiscal years") << u"Form 10-K, Item 2.02, FY2023, EX-101, NASDAQ-100, ASC 842"_s
                                                << QStringList{};
    QTest::newRow("jnj: subsidiary name") << u" WH4110 Development Company, L.L.C.                  Georgia"_s << QStringList{};
    QTest::newRow("words that end like stems") << u"a thermostat concept we accept"_s << QStringList{};
    QTest::newRow("exchange trademark") << u"listed on Nasdaq® since"_s << QStringList{};
}

void TestLifeSciences::drug()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"drug"_s, text), expected);
}

void TestLifeSciences::target_data()
{
    addRows();
    QTest::newRow("immunogen: HER2-expressing") << u"all had HER2-expressing metastatic breast cancer"_s
                                                << QStringList{u"HER2 | HER2"_s};
    QTest::newRow("immunogen: CD pattern") << u"or other CD56-expressing small-cell carcinoma"_s
                                           << QStringList{u"CD56 | CD56"_s};
    QTest::newRow("immunogen: CanAg") << u"A phase I study of a CanAg-targeted immunoconjugate"_s
                                      << QStringList{u"CanAg | CanAg"_s};
    QTest::newRow("bmy: checkpoints") << u"a LAG-3 blocking antibody, with nivolumab, a PD-1 blocking antibody"_s
                                      << QStringList{u"LAG-3 | LAG-3"_s, u"PD-1 | PD-1"_s};
    QTest::newRow("pfizer: mutation") << u"BRAF V600E-mutant metastatic NSCLC"_s
                                      << QStringList{u"BRAF V600E | BRAF V600E"_s};
    QTest::newRow("short qualifier") << u"HER2-low breast cancer"_s << QStringList{u"HER2 | HER2"_s};
    QTest::newRow("interleukin") << u"an IL-23 inhibitor"_s << QStringList{u"IL-23 | IL-23"_s};
    QTest::newRow("ambiguous with a cue") << u"a selective MET inhibitor"_s << QStringList{u"MET | MET"_s};
    QTest::newRow("ambiguous without a cue") << u"OBJECTIVES MET IN FULL"_s << QStringList{};
    QTest::newRow("state abbreviation") << u"in Chicago, IL. The"_s << QStringList{};
}

void TestLifeSciences::target()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"target"_s, text), expected);
}

void TestLifeSciences::indication_data()
{
    addRows();
    QTest::newRow("immunogen: qualifiers apart") << u"treatment of HER2-positive metastatic breast cancer and we"_s
                                                 << QStringList{u"breast cancer | HER2-positive metastatic breast cancer | qualifiers=HER2-positive metastatic"_s};
    // corpus more/ABT-10-K-0001628280-24-005348.html, p. 26: a device's diseases.
    QTest::newRow("abt: coronary artery disease")
        << u"CSI's atherectomy system, which is used in treating peripheral and coronary artery disease, adds"_s
        << QStringList{u"coronary artery disease | coronary artery disease"_s};
    QTest::newRow("immunogen: acronym") << u"patients with relapsed small-cell lung cancer (SCLC) or"_s
                                        << QStringList{u"small-cell lung cancer | relapsed small-cell lung cancer | abbreviation=SCLC; qualifiers=relapsed"_s,
                                                       u"SCLC | SCLC | expansion=small-cell lung cancer"_s};
    // corpus pdf/JOHNSON_JOHNSON_2022_10K.pdf, p. 92: a product's indications in a liability note.
    QTest::newRow("jnj: psychiatric indications")
        << u"indicated for the treatment of schizophrenia, acute manic or mixed episodes associated with bipolar I disorder and irritability associated with autism."_s
        << QStringList{u"schizophrenia | schizophrenia"_s, u"bipolar I disorder | bipolar I disorder"_s, u"autism | autism"_s};
    QTest::newRow("immunogen: plural head") << u"as well as on many non-small-cell lung cancers."_s
                                            << QStringList{u"non-small-cell lung cancer | non-small-cell lung cancers"_s};
    QTest::newRow("immunogen: parenthetical") << u"in a Phase II study in gastric (stomach) cancer."_s
                                              << QStringList{u"gastric cancer | gastric (stomach) cancer"_s};
    QTest::newRow("immunogen: lexicon") << u"Study 003 Phase I trial in multiple myeloma."_s
                                        << QStringList{u"multiple myeloma | multiple myeloma"_s};
    QTest::newRow("aeon: migraine") << u"for the preventive treatment of chronic migraine and episodic migraine"_s
                                    << QStringList{u"chronic migraine | chronic migraine"_s, u"episodic migraine | episodic migraine"_s};
    QTest::newRow("wrapped over a line") << u"small cell lung\ncancer"_s
                                         << QStringList{u"small cell lung cancer | small cell lung\ncancer"_s};
    QTest::newRow("bmy: apostrophe") << u"ulcerative colitis and Crohn’s disease"_s
                                     << QStringList{u"ulcerative colitis | ulcerative colitis"_s, u"Crohn’s disease | Crohn’s disease"_s};
    QTest::newRow("no organ") << u"Marked tumor shrinkage was seen; anticancer; cancer cells"_s << QStringList{};
    QTest::newRow("history is not an indication") << u"a history of diabetic neuropathy"_s << QStringList{};
    QTest::newRow("ambiguous acronym without medical context") << u"the MDS of our audit committee"_s << QStringList{};
    // corpus more/MRK-10-Q-0001628280-23-027770.htm.
    QTest::newRow("mrk: covid-19 treated") << u"an investigational orally available antiviral candidate for the treatment of patients with COVID-19."_s
                                           << QStringList{u"COVID-19 | COVID-19"_s};
    QTest::newRow("mrk: covid-19 vaccine") << u"the manufacture and supply of Johnson & Johnson’s SARS-CoV-2/COVID-19 vaccine"_s
                                           << QStringList{u"COVID-19 | COVID-19"_s};
    QTest::newRow("covid-19 as a business event") << u"the impact of the COVID-19 pandemic on our business and operations"_s
                                                  << QStringList{};
    QTest::newRow("covid-19 in a risk sentence") << u"Our results may be affected by COVID-19 and other global events."_s
                                                 << QStringList{};
    QTest::newRow("abbreviation defined in the filing") << u"rheumatoid arthritis (RA) and psoriatic arthritis (PsA).\nSales for RA grew."_s
                                                        << QStringList{u"rheumatoid arthritis | rheumatoid arthritis | abbreviation=RA"_s, u"RA | RA | expansion=rheumatoid arthritis"_s,
                                                                       u"psoriatic arthritis | psoriatic arthritis | abbreviation=PsA"_s, u"PsA | PsA | expansion=psoriatic arthritis"_s,
                                                                       u"RA | RA | expansion=rheumatoid arthritis"_s};
    QTest::newRow("abbreviation with medical context") << u"approved for adults with moderate to severe UC"_s
                                                       << QStringList{u"UC | UC | expansion=ulcerative colitis"_s};
    QTest::newRow("abbreviation without context") << u"the UC Berkeley campus and RA Capital"_s << QStringList{};
    // corpus more/ABBV-10-Q-0001551152-23-000033.html, p. 27: abbreviations no lexicon holds,
    // defined after the indication they abbreviate, and used again.
    QTest::newRow("abbv: abbreviation defined after an indication")
        << u"approvals for patients with mantle cell lymphoma (MCL) who have received at least one prior therapy. "
           "This action is due to requirements of the FDA for MCL."_s
        << QStringList{u"mantle cell lymphoma | mantle cell lymphoma | abbreviation=MCL"_s, u"MCL | MCL | expansion=mantle cell lymphoma"_s,
                       u"MCL | MCL | expansion=mantle cell lymphoma"_s};
    // corpus more/ABBV-10-Q-0001551152-23-000033.html, p. 27: one convention for every
    // abbreviation, valued as printed, the lexicon's (HS), its acronyms (DLBCL) and the filing's.
    QTest::newRow("abbv: a defined abbreviation is valued as printed")
        << u"in adults and adolescents with moderate to severe hidradenitis suppurativa (HS) who have failed "
           "anti-TNF therapy and/or one approved non-anti-TNF inhibitor therapy for HS."_s
        << QStringList{u"hidradenitis suppurativa | hidradenitis suppurativa | abbreviation=HS"_s,
                       u"HS | HS | expansion=hidradenitis suppurativa"_s, u"HS | HS | expansion=hidradenitis suppurativa"_s};
    QTest::newRow("abbv: the filing's definition before the lexicon's")
        << u"among adult patients with moderate plaque psoriasis (PsO) eligible for systemic therapy."_s
        << QStringList{u"plaque psoriasis | plaque psoriasis | abbreviation=PsO"_s,
                       u"PsO | PsO | expansion=plaque psoriasis"_s};
    QTest::newRow("abbv: a lexicon acronym the filing defines")
        << u"in patients with newly diagnosed diffuse large B-cell lymphoma (DLBCL). Epkinly for DLBCL."_s
        << QStringList{u"diffuse large B-cell lymphoma | diffuse large B-cell lymphoma | abbreviation=DLBCL"_s,
                       u"DLBCL | DLBCL | expansion=diffuse large B-cell lymphoma"_s,
                       u"DLBCL | DLBCL | expansion=diffuse large B-cell lymphoma"_s};
    // corpus more/MRK-10-Q-0001628280-23-027770.html: the letters stand for more than the
    // disease the qualifiers are taken from.
    QTest::newRow("mrk: the lexicon's longer expansion")
        << u"is also approved for patients with high-risk early-stage triple-negative breast cancer (TNBC) in combination"_s
        << QStringList{u"breast cancer | early-stage triple-negative breast cancer | abbreviation=TNBC; qualifiers=early-stage triple-negative"_s,
                       u"TNBC | TNBC | expansion=triple-negative breast cancer"_s};
    // corpus more/ABT-10-K-0001628280-24-005348.html, p. 4: a lexicon acronym that needs a
    // medical word near it counts without one once the filing has defined it.
    QTest::newRow("abt: a defined acronym used again without context")
        << u"detect infectious agents including influenza A & B, and respiratory syncytial virus (RSV); molecular "
           "point-of-care testing for SARS-CoV-2 and influenza A & B, RSV and strep A"_s
        << QStringList{u"influenza | influenza"_s,
                       u"respiratory syncytial virus | respiratory syncytial virus | abbreviation=RSV"_s,
                       u"RSV | RSV | expansion=respiratory syncytial virus"_s, u"influenza | influenza"_s,
                       u"RSV | RSV | expansion=respiratory syncytial virus"_s};
    QTest::newRow("an acronym not defined needs a medical word")
        << u"point-of-care testing for strep A, RSV and flu"_s << QStringList{};
    QTest::newRow("a lexicon acronym not defined has no expansion")
        << u"patients with relapsed DLBCL"_s << QStringList{u"DLBCL | DLBCL"_s};
    // corpus 10k/bmy-10-k-fy2023-0000014272-24-000044.html, p. 70: a product table's
    // indications and their abbreviations; a trial's name holds none.
    QTest::newRow("bmy: obstructive HCM, not in a trial's name")
        << u"Announced EC approval of Camzyos for the treatment of symptomatic (New York Heart Association, class II-III) "
           "obstructive HCM in adult patients. The approval is based on results from the Phase III EXPLORER-HCM and "
           "VALOR-HCM trials."_s
        << QStringList{u"obstructive HCM | obstructive HCM | expansion=obstructive hypertrophic cardiomyopathy"_s};
    QTest::newRow("bmy: pulmonary fibrosis and its abbreviations")
        << u"for the treatment of progressive pulmonary fibrosis (PPF). The study assessed people living with idiopathic "
           "pulmonary fibrosis (IPF) and PPF. Use in the IPF cohort was allowed."_s
        << QStringList{u"progressive pulmonary fibrosis | progressive pulmonary fibrosis | abbreviation=PPF"_s,
                       u"PPF | PPF | expansion=progressive pulmonary fibrosis"_s,
                       u"idiopathic pulmonary fibrosis | idiopathic pulmonary fibrosis | abbreviation=IPF"_s,
                       u"IPF | IPF | expansion=idiopathic pulmonary fibrosis"_s,
                       u"PPF | PPF | expansion=progressive pulmonary fibrosis"_s,
                       u"IPF | IPF | expansion=idiopathic pulmonary fibrosis"_s};
    QTest::newRow("bmy: an indication in a product table")
        << u"milvexian\nThrombosis\nMay 2023\nAnnounced with our alliance partner"_s
        << QStringList{u"thrombosis | Thrombosis"_s};
    QTest::newRow("HCM without a medical word")
        << u"HCM Capital Partners and HCM Holdings"_s << QStringList{};
    // corpus seed/immunogen-8k-2007-06-04.txt: letters for the disease alone, not the words printed.
    QTest::newRow("immunogen: letters that skip the first words define nothing")
        << u"in patients (pts) with HER2+ metastatic breast cancer (BC), presented at ASCO"_s
        << QStringList{u"breast cancer | HER2+ metastatic breast cancer | qualifiers=HER2+ metastatic"_s};
    QTest::newRow("letters that are not the indication's initials define nothing")
        << u"patients with mantle cell lymphoma (ABC) and myelofibrosis (MF) were treated"_s
        << QStringList{u"mantle cell lymphoma | mantle cell lymphoma"_s, u"myelofibrosis | myelofibrosis"_s};
}

void TestLifeSciences::indication()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"indication"_s, text), expected);
}

void TestLifeSciences::dose_data()
{
    addRows();
    QTest::newRow("immunogen: alternatives") << u"patients that received 2.4 or 3.6 mg/kg of trastuzumab-DM1"_s
                                             << QStringList{u"2.4 mg/kg | 2.4"_s, u"3.6 mg/kg | 3.6 mg/kg"_s};
    QTest::newRow("immunogen: superscript") << u"up to and including 168 mg/m², administered"_s
                                            << QStringList{u"168 mg/m2 | 168 mg/m²"_s};
    QTest::newRow("immunogen: caret") << u"keratitis at 223 mg/m^2 . Both"_s << QStringList{u"223 mg/m2 | 223 mg/m^2"_s};
    QTest::newRow("immunogen: frequency after") << u"The MTD of trastuzumab-DM1 is 3.6 mg/kg every three weeks."_s
                                                << QStringList{u"3.6 mg/kg | 3.6 mg/kg every three weeks | frequency=every three weeks"_s};
    QTest::newRow("frequency before") << u"given once-daily 50 mg tablets"_s
                                      << QStringList{u"50 mg | once-daily 50 mg | frequency=once daily"_s};
    QTest::newRow("range") << u"doses of 0.3-2.4 mg/kg were tested"_s
                           << QStringList{u"0.3-2.4 mg/kg | 0.3-2.4 mg/kg | high=2.4; low=0.3"_s};
    QTest::newRow("range in words") << u"from 100 to 400 mg daily"_s
                                    << QStringList{u"100-400 mg | 100 to 400 mg daily | frequency=daily; high=400; low=100"_s};
    QTest::newRow("micrograms") << u"a 10 µg dose"_s << QStringList{u"10 µg | 10 µg"_s};
    QTest::newRow("bmy: exhibit number") << u"by reference to Exhibit 10g to the Form 10-K"_s << QStringList{};
    QTest::newRow("5G is not grams") << u"our 5G network and 24 hours later"_s << QStringList{};
    QTest::newRow("milligrams need a number") << u"mg/kg dosing"_s << QStringList{};
}

void TestLifeSciences::dose()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"dose"_s, text), expected);
}

void TestLifeSciences::phase_data()
{
    addRows();
    QTest::newRow("immunogen: roman") << u"they will be initiating a Phase II trial with trastuzumab-DM1"_s
                                      << QStringList{u"Phase II | Phase II | phase=2"_s};
    QTest::newRow("immunogen: lower case") << u"The poster, \"A phase I study of trastuzumab-DM1"_s
                                           << QStringList{u"Phase I | phase I | phase=1"_s};
    QTest::newRow("bmy: two phases") << u"the Phase I/II TRIDENT-1 trial"_s << QStringList{u"Phase I/II | Phase I/II | phase=1/2"_s};
    QTest::newRow("aeon: arabic with letter") << u"our Phase 2a open-label study in chronic migraine"_s
                                              << QStringList{u"Phase 2a | Phase 2a | phase=2a"_s};
    QTest::newRow("letters on both") << u"a Phase 1b/2a study"_s << QStringList{u"Phase 1b/2a | Phase 1b/2a | phase=1b/2a"_s};
    QTest::newRow("pfizer: arabic") << u"positive top-line results from the Phase 3 trial"_s
                                    << QStringList{u"Phase 3 | Phase 3 | phase=3"_s};
    QTest::newRow("three phases") << u"a Phase 1/2/3 study of the vaccine"_s << QStringList{u"Phase 1/2/3 | Phase 1/2/3 | phase=1/2/3"_s};
    QTest::newRow("aeon: milestone shares") << u"the “Migraine Phase 3 Contingent Consideration Shares”"_s << QStringList{};
    QTest::newRow("construction") << u"Phase 2 of the construction of our new headquarters"_s << QStringList{};
    QTest::newRow("no cue") << u"Phase 1 of 3, see the schedule"_s << QStringList{};
    QTest::newRow("phase-out") << u"the phase-out of LIBOR"_s << QStringList{};
}

void TestLifeSciences::phase()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"trial_phase"_s, text), expected);
}

void TestLifeSciences::adverseEvent_data()
{
    addRows();
    QTest::newRow("immunogen: grade before") << u"Rapidly reversible Grade 4 thrombocytopenia was dose limiting"_s
                                             << QStringList{u"thrombocytopenia | thrombocytopenia | grade=4"_s};
    QTest::newRow("immunogen: grade after") << u"the most common side effects were fatigue (Grade 1) and thrombocytopenia (Grade 1)."_s
                                            << QStringList{u"fatigue | fatigue | grade=1"_s, u"thrombocytopenia | thrombocytopenia | grade=1"_s};
    QTest::newRow("immunogen: two grades") << u"two patients experienced decreased visual acuity (Grade 2 and Grade 3) associated"_s
                                           << QStringList{u"decreased visual acuity | decreased visual acuity | grade=2/3"_s};
    // corpus pdf/PFIZER_2022_10K.pdf, p. 25 (risk factors): events of special interest of a vaccine.
    // corpus pdf/JOHNSON_JOHNSON_2022_10K.pdf, p. 24: "pulmonary hypertension" is a field of
    // the company's medicines, and its last word no event ("serious" is beside it).
    QTest::newRow("jnj: hypertension inside a longer disease")
        << u"patients living with cancer, immune-related diseases, cardiovascular disease, infectious diseases, pulmonary \n"
           "hypertension and serious mental illness."_s
        << QStringList{};
    QTest::newRow("pfizer: adverse events of special interest")
        << u"a pre-specified list of adverse events of special interest, including myocarditis and pericarditis, along with"_s
        << QStringList{u"myocarditis | myocarditis"_s, u"pericarditis | pericarditis"_s};
    QTest::newRow("a disease named without adverse-event context is no event")
        << u"a study of patients with recurrent pericarditis enrolled in 2022"_s << QStringList{};
    QTest::newRow("immunogen: negated") << u"There were no reports of neutropenia or leukopenia."_s
                                        << QStringList{u"neutropenia | neutropenia | negated=true"_s, u"leukopenia | leukopenia | negated=true"_s};
    QTest::newRow("immunogen: longest term") << u"Other severe adverse events reported were muscular weakness, musculoskeletal chest pain, dyspnea and pleural effusion."_s
                                             << QStringList{u"muscular weakness | muscular weakness"_s,
                                                            u"musculoskeletal chest pain | musculoskeletal chest pain"_s,
                                                            u"dyspnea | dyspnea"_s, u"pleural effusion | pleural effusion"_s};
    QTest::newRow("grade range") << u"Grade 3/4 neutropenia occurred"_s << QStringList{u"neutropenia | neutropenia | grade=3/4"_s};
    QTest::newRow("capitalised") << u"Severe headache did not occur"_s << QStringList{u"headache | headache"_s};
    QTest::newRow("aeon: a symptom inside an indication") << u"for post-traumatic headache"_s << QStringList{};
    QTest::newRow("ambiguous without medical context") << u"the hypertension of the housing market"_s << QStringList{};
    QTest::newRow("treatment-emergent") << u"The most common treatment-emergent adverse events were nausea and diarrhea."_s
                                        << QStringList{u"nausea | nausea"_s, u"diarrhea | diarrhea"_s};
    QTest::newRow("discontinued due to") << u"Two patients discontinued treatment due to rash."_s
                                         << QStringList{u"rash | rash"_s};
    // corpus pdf/PFIZER_2022_10K.pdf, product table: an indication of Eliquis, not an event.
    QTest::newRow("pfizer: indication in a product table") << u"Eliquis (apixaban)\nNonvalvular atrial fibrillation, deep vein thrombosis, pulmonary embolism"_s
                                                           << QStringList{};
    // corpus pdf/PFIZER_2022_10K.pdf, collaboration with BioNTech.
    QTest::newRow("pfizer: disease a vaccine prevents") << u"to develop a potential first mRNA-based vaccine for the prevention of shingles (herpes zoster virus) based on"_s
                                                        << QStringList{};
    // corpus more/MRK-10-Q-0001628280-23-027770.htm, gefapixant.
    QTest::newRow("mrk: trial names and the drug's indication") << u"for the treatment of adults with refractory or unexplained chronic cough under review by the FDA. The marketing applications for gefapixant are based on results from the COUGH-1 and COUGH-2 clinical trials."_s
                                                                << QStringList{};
    QTest::newRow("inside a longer name") << u"patients reported postural orthostatic tachycardia syndrome"_s << QStringList{};
    QTest::newRow("treated indication with a safety word") << u"approved for the treatment of anemia in adults; safety data"_s
                                                           << QStringList{};
    QTest::newRow("no adverse-event context") << u"Revenue from our nausea franchise grew"_s << QStringList{};
}

void TestLifeSciences::adverseEvent()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"adverse_event"_s, text), expected);
}

void TestLifeSciences::outcome_data()
{
    addRows();
    QTest::newRow("immunogen: count of patients")
        << u"4 of the 10 patients who received 2.4 or 3.6 mg/kg of trastuzumab-DM1 had an objective response (abstract #1042)."_s
        << QStringList{u"objective response: 4/10 | 4 of the 10 patients who received 2.4 or 3.6 mg/kg of trastuzumab-DM1 had an objective response | outcome=objective response; patients=10; responders=4"_s};
    QTest::newRow("immunogen: number words") << u"four of ten patients that received it had an objective response"_s
                                             << QStringList{u"objective response: 4/10 | four of ten patients that received it had an objective response | outcome=objective response; patients=10; responders=4"_s};
    QTest::newRow("immunogen: patients had") << u"- 2 patients had a partial response. One was"_s
                                             << QStringList{u"partial response: 2 patients | 2 patients had a partial response | outcome=partial response; responders=2"_s};
    QTest::newRow("immunogen: plural term") << u"Four ongoing partial responses have been observed"_s
                                            << QStringList{u"partial response | partial responses"_s};
    QTest::newRow("rate") << u"an ORR of 45% in the cohort"_s
                          << QStringList{u"objective response rate: 45% | ORR of 45% | outcome=objective response rate; rate=45%"_s};
    QTest::newRow("more responders than patients") << u"12 of the 10 patients had an objective response"_s
                                                   << QStringList{u"objective response | objective response"_s};
    QTest::newRow("not an outcome") << u"our response to the comment letter"_s << QStringList{};
}

void TestLifeSciences::outcome()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(found(u"trial_outcome"_s, text), expected);
}

void TestLifeSciences::linkedDrug_data()
{
    addRows();
    QTest::newRow("immunogen: dose and outcome of one compound")
        << u"4 of the 10 patients who received 2.4 or 3.6 mg/kg of trastuzumab-DM1 had an objective response. These patients all had HER2-expressing metastatic breast cancer."_s
        << QStringList{u"trial_outcome objective response: 4/10 -> trastuzumab-DM1"_s, u"dose 2.4 mg/kg -> trastuzumab-DM1"_s,
                       u"dose 3.6 mg/kg -> trastuzumab-DM1"_s, u"indication breast cancer -> "_s};
    QTest::newRow("immunogen: nearest of two")
        << u"Genentech has now announced plans to advance trastuzumab-DM1 into Phase II testing for the treatment of HER2-positive metastatic breast cancer and we'll start a Phase II trial of huC242-DM4 in the treatment of gastric cancer in the next few weeks."_s
        << QStringList{u"trial_phase Phase II -> trastuzumab-DM1"_s, u"indication breast cancer -> trastuzumab-DM1"_s,
                       u"trial_phase Phase II -> huC242-DM4"_s, u"indication gastric cancer -> huC242-DM4"_s};
    QTest::newRow("immunogen: drug before the phase") << u"Interim findings were reported from the Company's huC242-DM4 Phase I trial and huN901-DM1 Study 001."_s
                                                      << QStringList{u"trial_phase Phase I -> huC242-DM4"_s};
    QTest::newRow("immunogen: adverse event after the drug")
        << u"three patients had a severe headache after the initial infusion of huN901-DM1; their symptoms improved"_s
        << QStringList{u"adverse_event headache -> huN901-DM1"_s};
}

void TestLifeSciences::linkedDrug()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    DocumentContent content;
    content.text.pages = {text};
    QStringList got;
    for (const Entity &e : extract(content, m_rules)) {
        if (e.type != u"drug"_s && e.type != u"target"_s)
            got.append(e.type + u' ' + e.value + u" -> "_s + e.attributes.value(u"drug"_s));
    }
    QCOMPARE(got, expected);
}

namespace {

// Lower case letters and digits, one space between words (as the gold file's scorer folds).
QString fold(const QString &s)
{
    QString out;
    bool space = false;
    for (const QChar c : s.normalized(QString::NormalizationForm_KC).toLower()) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += u' ';
            out += c;
            space = false;
        } else {
            space = true;
        }
    }
    return out;
}

} // namespace

void TestLifeSciences::sampleMatchesGold_data()
{
    QTest::addColumn<QString>("type");
    for (const char *t : {"drug", "target", "indication", "dose", "trial_phase", "adverse_event"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void TestLifeSciences::sampleMatchesGold()
{
    QFETCH(QString, type);
    const QString goldFile = TestUtils::goldPath(u"immunogen-8k-2007-06-04.txt.json"_s);
    if (goldFile.isEmpty())
        QSKIP("shared gold file absent: immunogen-8k-2007-06-04.txt.json");
    QFile gf(goldFile);
    QVERIFY(gf.open(QIODevice::ReadOnly));
    const QJsonObject spec = QJsonDocument::fromJson(gf.readAll()).object().value(u"entities"_s).toObject().value(type).toObject();
    QVERIFY(!spec.isEmpty());
    QFile sample(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    DocumentContent content;
    content.text.pages = QString::fromUtf8(sample.readAll()).split(u'\f');

    // Scored as the gold file says: exact or containment of folded values; a dose
    // ignores spaces (and "²" folds to "2").
    const bool contains = spec.value(u"match"_s).toString() == u"contains"_s;
    const auto norm = [&](const QString &v) {
        QString f = fold(v);
        return type == u"dose"_s ? f.remove(u' ') : f;
    };
    const auto matches = [&](const QString &a, const QString &b) {
        return a == b || (contains && a.size() > 3 && b.size() > 3 && (a.contains(b) || b.contains(a)));
    };
    QSet<QString> predicted;
    for (const Entity &e : extract(content, m_rules)) {
        if (e.type == type)
            predicted.insert(norm(e.value));
    }
    QStringList gold;
    QStringList allowed;
    for (const QJsonValue &v : spec.value(u"gold"_s).toArray())
        gold.append(norm(v.toString()));
    for (const QJsonValue &v : spec.value(u"also_ok"_s).toArray())
        allowed.append(norm(v.toString()));

    QStringList missed;
    for (const QString &g : std::as_const(gold)) {
        if (!std::any_of(predicted.begin(), predicted.end(), [&](const QString &p) { return matches(p, g); }))
            missed.append(g);
    }
    QStringList unexpected;
    for (const QString &p : std::as_const(predicted)) {
        const auto hit = [&](const QString &g) { return matches(p, g); };
        if (!std::any_of(gold.begin(), gold.end(), hit) && !std::any_of(allowed.begin(), allowed.end(), hit))
            unexpected.append(p);
    }
    QCOMPARE(missed, QStringList());
    // Where the pack and the gold file knowingly differ: "prior cisplatin treatment" names
    // a drug, which the gold file leaves out of its complete list.
    const QHash<QString, QStringList> disagreements{{u"drug"_s, {u"cisplatin"_s}}};
    for (const QString &d : disagreements.value(type))
        unexpected.removeAll(d);
    QCOMPARE(unexpected, QStringList());
}

void TestLifeSciences::disabledPackFindsNothing()
{
    RuleSet rules = m_rules;
    for (RulePack &p : rules.packs) {
        if (p.name == u"life-sciences"_s)
            p.enabled = false;
    }
    const QString text = u"Grade 4 thrombocytopenia at 4.8 mg/kg of trastuzumab-DM1 in a Phase I trial in HER2-positive breast cancer"_s;
    QVERIFY(!found(u"drug"_s, text).isEmpty());
    for (const char *type : {"drug", "target", "indication", "dose", "trial_phase", "adverse_event"})
        QCOMPARE(found(QString::fromLatin1(type), text, &rules), QStringList());
}

void TestLifeSciences::userPackExtendsLexicon()
{
    const QString path = m_dir.filePath(u"oncology.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "oncology", "lifeSciences": {"drugBrands": ["Quenzor"], "adverseEventLexicon": ["hiccups"]}})");
    f.close();
    QList<RulePackError> errors;
    const RuleSet rules = RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s, path}, &errors);
    QVERIFY(errors.isEmpty());
    const QString text = u"Quenzor and Herceptin; patients had Grade 2 hiccups and fatigue"_s;
    QCOMPARE(found(u"drug"_s, text, &rules), (QStringList{u"Quenzor | Quenzor"_s, u"Herceptin | Herceptin"_s}));
    QCOMPARE(found(u"adverse_event"_s, text, &rules),
             (QStringList{u"hiccups | hiccups | grade=2"_s, u"fatigue | fatigue"_s}));
    QCOMPARE(found(u"drug"_s, text), QStringList{u"Herceptin | Herceptin"_s});
}

void TestLifeSciences::sameResultsFromSeveralThreads()
{
    QFile sample(TestUtils::samplePath(u"immunogen-8k-2007-06-04.txt"_s));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(sample.readAll());
    const QStringList expected = found(u"drug"_s, text) + found(u"adverse_event"_s, text) + found(u"dose"_s, text);
    QVERIFY(expected.size() > 30);
    QList<QFuture<QStringList>> runs;
    for (int i = 0; i < 4; ++i) {
        runs.append(QtConcurrent::run([this, text] {
            return found(u"drug"_s, text) + found(u"adverse_event"_s, text) + found(u"dose"_s, text);
        }));
    }
    for (auto &run : runs)
        QCOMPARE(run.result(), expected);
}

void TestLifeSciences::oddUserPackValuesIgnored()
{
    // Values of the wrong type fall back to the built-in ones instead of breaking extraction.
    const QString path = m_dir.filePath(u"odd.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "odd", "lifeSciences": {"drugLexicon": "cisplatin", "drugBrands": [3, null, ""],
        "confidence": {"drugBrand": "high"}, "drugStemMinLength": -3, "doseUnits": ["mg"],
        "phaseRegex": 5, "drugStems": [""]}})");
    f.close();
    QList<RulePackError> errors;
    const RuleSet rules = RuleSet::loadFrom({u":/rules/core.json"_s, u":/rules/life-sciences.json"_s, path}, &errors);
    QVERIFY(errors.isEmpty());
    const QString text = u"Herceptin® at 2.4 mg/kg in a Phase II trial; the concept of obexelimab"_s;
    for (const char *type : {"drug", "dose", "trial_phase"})
        QCOMPARE(found(QString::fromLatin1(type), text, &rules), found(QString::fromLatin1(type), text));
    QCOMPARE(found(u"drug"_s, text, &rules), (QStringList{u"Herceptin | Herceptin"_s, u"obexelimab | obexelimab"_s}));
}

void TestLifeSciences::hostileTextEnds()
{
    // Long runs that would make a pattern with nested quantifiers backtrack for ever;
    // the test's time-out catches a regression. Every candidate span must stay inside its page.
    const QStringList pages{
        QString(200000, u'a'),
        u"4 of the 10 patients "_s.repeated(5000),
        u"2.4 or 3.6 or "_s.repeated(8000),
        u"Phase I/II/"_s.repeated(10000),
        u"Grade 3/4 "_s.repeated(10000) + u"neutropenia"_s,
        u"HER2-HER2-"_s.repeated(10000),
        u"metastatic relapsed refractory advanced "_s.repeated(3000) + u"breast cancer"_s,
        u"trastuzumab-DM1 2 mg "_s.repeated(20000),
    };
    DocumentContent content;
    content.text.pages = pages;
    const EntityList entities = extract(content, m_rules);
    for (const Entity &e : entities) {
        QVERIFY(e.span.page >= 0 && e.span.page < pages.size());
        QVERIFY(e.span.end <= pages.at(e.span.page).size());
        QCOMPARE(content.text.textAt(e.span), e.text);
    }
    const auto count = [&](const QString &type, int page) {
        return std::count_if(entities.begin(), entities.end(),
                             [&](const Entity &e) { return e.type == type && e.span.page == page; });
    };
    QCOMPARE(count(u"drug"_s, 0), 0);
    QCOMPARE(count(u"adverse_event"_s, 4), 1);
    QCOMPARE(count(u"indication"_s, 6), 1);
    QCOMPARE(count(u"dose"_s, 7), 20000);
    QCOMPARE(count(u"drug"_s, 7), 20000);
}

QTEST_GUILESS_MAIN(TestLifeSciences)
#include "tst_lifesciences.moc"
