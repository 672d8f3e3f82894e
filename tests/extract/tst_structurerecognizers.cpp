// The structure recognizers on real snippets of the filings in the shared corpus,
// one layout per row.
#include "extract/contactrecognizer.h"
#include "extract/coverpagerecognizer.h"
#include "model/entity.h"
#include "extract/extractor.h"
#include "extract/exhibitrecognizer.h"
#include "extract/itemrecognizer.h"
#include "extract/organizationrecognizer.h"
#include "extract/peoplerecognizer.h"
#include "extract/rulepack.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

// Immunogen 8-K of 2007-06-04 (the bundled sample): each value before its label on one line.
const QString ImmunogenCover = u"UNITED STATES SECURITIES AND EXCHANGE COMMISSION\n\nWashington, D.C. 20549\n\nFORM 8-K\n\n"
    "CURRENT REPORT\n\nPURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934\n\n"
    "Date of Report (Date of earliest event reported): June 4, 2007\n\nImmunoGen, Inc.\n\n"
    "(Exact name of registrant as specified in its charter)\n\n"
    "Massachusetts (State or other jurisdiction of incorporation)\n\n0-17999 (Commission File Number)\n\n"
    "04-2726691 (IRS Employer Identification No.)\n\n"
    "128 Sidney Street, Cambridge, MA 02139 (Address of principal executive offices) (Zip Code)\n\n"
    "Registrant's telephone number, including area code: (617) 995-2500\n\n"
    "Check the appropriate box below if the Form 8-K filing is intended to simultaneously satisfy the filing obligation\n\n"
    "ITEM 8.01 OTHER EVENTS\n\nOn June 4, 2007, ImmunoGen, Inc. (Nasdaq: IMGN) issued a press release.\n"_s;

// Buckle 8-K (inline XBRL HTML): three values on one line above three labels, table cells.
const QString BuckleCover = u"FORM 8-K\nCURRENT REPORT\nPURSUANT TO SECTION 13 OR 15(d) OF\nTHE SECURITIES EXCHANGE ACT OF 1934\n"
    "November 22, 2024 \nDate of Report (date of earliest event reported)\n THE BUCKLE, INC.\n"
    "(Exact name of Registrant as specified in its charter)\n"
    "\tNebraska\t001-12951\t47-0366193\n\t(State or other jurisdiction of\t(Commission\t(I.R.S. Employer\n"
    "\tincorporation or organization)\tFile Number)\tIdentification No.)\n"
    "\t\t2407 West 24th Street,\t\t\t\n\t\tKearney,\tNebraska\t\t68845-4915\t\n"
    "\t\t(Address of principal executive offices)\t\t(Zip Code)\t\n"
    "Registrant's telephone number, including area code: (308) 236-8491\n"
    "Securities registered pursuant to Section 12(b) of the Act:\n"
    "\tTitle of Each Class\tTrading Symbol(s)\tName of Each Exchange on Which Registered\n"
    "\tCommon Stock, $0.01 par value\tBKE\tNew York Stock Exchange\n"
    "Indicate by check mark whether the registrant is an emerging growth company\n"
    "ITEM 2.02. Results of Operations and Financial Condition\n"_s;

// Johnson & Johnson 8-K of 2023-08-23 (PDF text layer): values on their own lines.
const QString JnjCover = u"FORM 8-K\nCURRENT REPORT\nPursuant to Section 13 or 15(d) of The\nSecurities Exchange Act of 1934\n"
    "Date of report (Date of earliest event reported):\nAugust 23, 2023\n\nJohnson & Johnson\n"
    "(Exact name of registrant as specified in its charter)\nNew Jersey\n(State or Other Jurisdiction of\nIncorporation)\n\n"
    "1-3215\n\n22-1024240\n\n(Commission File Number)\n\n(IRS Employer Identification No.)\n\n"
    "One Johnson & Johnson Plaza, New Brunswick, New Jersey 08933\n(Address of Principal Executive Offices)\n(Zip Code)\n"
    "Registrant's telephone number, including area code:\n732-524-0400\n"
    "Securities registered pursuant to Section 12(b) of the Act:\n"
    "Title of each class Trading Symbol(s) Name of each exchange on which registered\n"
    "Common Stock, Par Value $1.00 JNJ New York Stock Exchange\n"
    "0.650% Notes Due May 2024 JNJ24C New York Stock Exchange\n"
    "Item 2.01\n\nCompletion of Acquisition or Disposition of Assets\n"_s;

// Apple 8-K of 2000 (plain text of the PEM era): values underlined, labels below.
const QString Apple2000Cover = u"                                    FORM 8-K\n\n                                 CURRENT REPORT\n\n"
    "                     Date of Report:           January 19, 2000\n"
    "                     Date of earliest\n                     event reported:           January 19,2000\n\n"
    "                              Apple Computer, Inc.\n                              --------------------\n"
    "             (Exact name of registrant as specified in its charter)\n\n"
    "           California                        0-10030            94-2404110\n"
    "          ------------                      ---------          ------------\n"
    "   (State or other jurisdiction          (Commission File    (I.R.S. Employer\n"
    " of incorporation or organization)            Number)       Identification No.)\n\n"
    "                  1 Infinite Loop, Cupertino, California 95014\n"
    "                  --------------------------------------------\n"
    "                    (Address of principal executive offices)\n\n"
    "       Registrant's telephone number, including area code: (408) 996-1010\n"_s;

// Aames 8-K of 1998: all capitals, the phone above its label.
const QString AamesCover = u"                                    FORM 8-K\n\n"
    "                Date of Report (Date of earliest event reported)\n                                DECEMBER 15, 1998\n\n\n"
    "                            AAMES CAPITAL CORPORATION\n"
    "        ----------------------------------------------------------------\n"
    "             (Exact name of Registrant as specified in its charter)\n\n"
    "           CALIFORNIA                  333-46893-01              95-4438859\n"
    " ---------------------------          -------------             -----------\n"
    "(State or other jurisdiction           (Commission            (I.R.S. employer\n"
    "       of incorporation)               file numbers)         identification no.)\n\n\n"
    "350 SOUTH GRAND AVENUE\nLOS ANGELES, CALIFORNIA                                                  90071\n"
    "- ---------------------------------------                              -----------\n"
    "(Address of principal executive offices)                              (ZIP Code)\n\n\n"
    "                                 (213) 210-5000\n"
    "               --------------------------------------------------\n"
    "               Registrant's telephone number, including area code\n"_s;

// Louisville Gas and Electric / Kentucky Utilities 8-K of 2003: two registrants in one table.
const QString LgeCover = u"FORM 8-K \nCURRENT REPORT \nPursuant to Section 13 or 15(d) of \nthe Securities Exchange Act of 1934 \n"
    "Date of Report (Date of earliest event reported): March 25, 2003 \n"
    "Commission \t \nRegistrant, State of Incorporation, \t \nIRS Employer \nFile Number \t \n"
    "Address, and Telephone Number \t \nIdentification No. \n2-26720 \t \nLouisville Gas and Electric Company \t \n"
    "61-0264150 \n(A Kentucky Corporation) \t \n220 West Main Street \t \nP.O. Box 32010 \t \nLouisville, Ky. 40232 \t \n"
    "(502) 627-2000 \t \n1-3464 \t \nKentucky Utilities Company \t \n61-0247570 \n"
    "(A Kentucky and Virginia Corporation) \t \nOne Quality Street \t \nLexington, Kentucky 40507-1428 \t \n"
    "(859) 255-2100 \t \nThis combined Form 8-K is separately filed by Louisville Gas and Electric Company and Kentucky Utilities Company. \n"
    "Item 9. Regulation FD Disclosure \n"_s;

// Abbott 10-K for 2023, tags removed (more/ABT-10-K-0001628280-24-005348.stripped.htm): no
// "(Exact name ...)" caption, the state as "An Illinois Corporation", no address caption.
const QString AbbottCover = u"UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWASHINGTON, D. C. 20549\n"
    "______________________________________________\nFORM 10-K\n(MARK ONE)\nx\n"
    "ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934\nOR\no\n"
    "TRANSITION REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934\n"
    "_______________________________________________________\n\nFor the fiscal year ended December 31, 2023\n\n"
    "Commission file number 1-2189\n\nAbbott Laboratories\n\nAn Illinois Corporation\n\n36-0698440\n\n"
    "100 Abbott Park Road\nAbbott Park, Illinois 60064-6400\n\n(I.R.S. employer identification number)\n\n"
    "(224) 667-6100\n(telephone number)\n\nSecurities Registered Pursuant to Section 12(b) of the Act:\n"_s;

// AbbVie 10-Q for 2023-06-30, tags removed (more/ABBV-10-Q-0001551152-23-000033.stripped.htm):
// the name nine empty lines above its caption, the state below it, "Telephone:".
const QString AbbvieCover = u"UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWASHINGTON, D.C. 20549 \nFORM 10-Q\n"
    "(Mark One)\n\u2612    QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934\n"
    "For the quarterly period ended June 30, 2023\nOR \n"
    "\u2610    TRANSITION REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934 \n"
    "For the transition period from                                    to                                   \n"
    "Commission File Number: 001-35565 \nAbbVie Inc.\n\n\n\n\n\n\n\n\n\n"
    "(Exact name of registrant as specified in its charter)\nDelaware\n\n32-0375147\n"
    "(State or other jurisdiction of incorporation or organization)\n\n(I.R.S. employer identification number) \n\n"
    "1 North Waukegan Road \nNorth Chicago, Illinois 60064-6400 \nTelephone: (847) 932-7900 \n"
    "Indicate by check mark whether the registrant (1) has filed all reports required to be filed\n"_s;

// Southern Company combined 8-K of 2005-01-25 (more/0000092122-05-000042.txt): seven
// registrants in plain-text columns.
const QString SouthernCover = u"                                    FORM 8-K\n\n                                 CURRENT REPORT\n\n"
    "Date of Report (Date of earliest event reported)         January 25, 2005\n"
    "                                                --------------------------------\n\n"
    "Commission       Registrant, State of Incorporation,       I.R.S. Employer\n"
    "File Number      Address and Telephone Number              Identification No.\n\n"
    "1-3526           The Southern Company                      58-0690070\n                 (A Delaware Corporation)\n"
    "                 270 Peachtree Street, N.W.\n                 Atlanta, Georgia 30303\n                 (404) 506-5000\n\n"
    "1-3164           Alabama Power Company                     63-0004250\n                 (An Alabama Corporation)\n"
    "                 600 North 18th Street\n                 Birmingham, Alabama 35291\n                 (205) 257-1000\n\n"
    "1-6468           Georgia Power Company                     58-0257110\n                 (A Georgia Corporation)\n"
    "                 241 Ralph McGill Boulevard, N.E.\n                 Atlanta, Georgia 30308\n                 (404) 506-6526\n\n"
    "0-2429           Gulf Power Company                        59-0276810\n                 (A Maine Corporation)\n"
    "                 One Energy Place\n                 Pensacola, Florida 32520\n                 (850) 444-6111\n\n"
    "001-11229        Mississippi Power Company                 64-0205820\n                 (A Mississippi Corporation)\n"
    "                 2992 West Beach\n                 Gulfport, Mississippi 39501\n                 (228) 864-1211\n\n"
    "1-5072           Savannah Electric and Power Company       58-0418070\n                 (A Georgia Corporation)\n"
    "                 600 East Bay Street\n                 Savannah, Georgia 31401\n                 (912) 644-7171\n\n"
    "333-98553        Southern Power Company                    58-2598670\n                 (A Delaware Corporation)\n"
    "                 270 Peachtree Street, N.W.\n                 Atlanta, Georgia 30303\n                 (404) 506-5000\n\n"
    "The addresses of the registrants have not changed since the last report.\n\n"
    "This combined Form 8-K is furnished separately by seven registrants: The\n"
    "Southern Company, Alabama Power Company, Georgia Power Company, Gulf Power\n\n"
    "Check the appropriate box below if the Form 8-K filing is intended to\n"_s;

// Rock of Ages 8-K of 2000 (more/formacqui.htm): three values above three captions, the
// IRS number printed a digit short.
const QString RockOfAgesCover = u"FORM 8-K \nCURRENT REPORT \nPURSUANT TO SECTION 13 OR 15(d) \n"
    "Date of Report (Date of earliest event reported): September 22, 2000 \nROCK OF AGES CORPORATION \n"
    "(Exact name of registrant as specified in its charter) \nDELAWARE\n0-29464\n03-153200\n"
    "------------------\n------------\n---------------\n(State or other jurisdiction of incorporation)\n"
    "(Commission File Number)\n(I.R.S. Employer Identification Number)\n"
    "772 GRANITEVILLE ROAD, GRANITEVILLE, VERMONT 05654 \n(Address of principal executive offices) (Zip Code) \n"
    "Registrant's telephone number, including area code: (802) 476-3121 \n"_s;

// ExperTelligence 8-K of 2004 (more/0000723533-04-000001.txt): the event's date without a
// space after its comma.
const QString ExpertelligenceCover = u"FORM 8-K\n\nCURRENT REPORT\n\nPursuant to Section 13 or 15(d) of the\n"
    "Securities Exchange Act of 1934\n\nDate of Report: April 30, 2003\n(date of earliest event reported March 21,2003)\n\n"
    "Commission File Number:  0-11596\n\n\nExperTelligence, Inc.\n(Exact name of registrant as specified in its charter)\n"_s;

// Spire 10-Q for 2023-12-31, tags removed (more/spre20231231_10q.stripped.htm): three
// registrants, the state in a column after the telephone number.
const QString SpireCover = u"FORM 10-Q\n(Mark One)\n\u2612\n"
    "QUARTERLY REPORT PURSUANT TO SECTION 13 or 15 (d) OF THE SECURITIES EXCHANGE ACT OF 1934\n"
    "For the quarterly period ended December 31, 2023\nor\n\u2610\n"
    "For the transition period from                           to\nCommission\nFile Number\n"
    "Name of Registrant, Address of Principal\nExecutive Offices and Telephone Number\nState of Incorporation\n"
    "I.R.S. Employer Identification Number\n1-16681\nSpire Inc.\n700 Market Street\nSt. Louis, MO 63101\n"
    "314-342-0500\nMissouri\n74-2976504\n1-1822\nSpire Missouri Inc.\n700 Market Street\nSt. Louis, MO 63101\n"
    "314-342-0500\nMissouri\n43-0368139\n2-38960\nSpire Alabama Inc.\n605 Richard Arrington Blvd N\n"
    "Birmingham, AL 35203\n205-326-8100\nAlabama\n63-0022000\n"
    "Securities registered pursuant to Section 12(b) of the Securities Exchange Act of 1934\n"_s;

// NexPoint Capital 8-K of 2023, tags removed (more/NextPoint.8K.stripped.htm): the address
// broken at each of its cells.
const QString NexpointCover = u"FORM 8-K\nCURRENT REPORT \n"
    "Date of report (Date of earliest event reported): December 20, 2023\nNEXPOINT CAPITAL, INC.\n"
    "(Exact name of Registrant as Specified in Its Charter) \nDelaware\n814-01074\n38-3926499\n"
    "(State or Other Jurisdiction\nof Incorporation)\n(Commission\nFile Number)\n(IRS Employer\nIdentification No.)\n"
    "300 Crescent Court\n, Suite 700\nDallas\n, Texas\n 75201\n(Address of Principal Executive Offices)(Zip Code) \n"_s;

QString attributes(const Entity &e)
{
    QStringList out;
    for (auto it = e.attributes.begin(); it != e.attributes.end(); ++it)
        out.append(it.key() + u'=' + it.value());
    return out.join(u"; "_s);
}

} // namespace

class TestStructureRecognizers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void coverPage_data();
    void coverPage();
    void coverPageNot_data();
    void coverPageNot();
    void coverDateNotFromHeader();
    void coverPageFromHeader();
    void coverPageFromDei();
    void items_data();
    void items();
    void exhibits_data();
    void exhibits();
    void exhibitDocuments();
    void people_data();
    void people();
    void personMentions_data();
    void personMentions();
    void organizations_data();
    void organizations();
    void organizationAbbreviations_data();
    void organizationAbbreviations();
    void contacts_data();
    void contacts();
    void hostileText();

private:
    EntityList run(const Recognizer &r, const DocumentContent &content);
    EntityList run(const Recognizer &r, const QString &page);
    RuleSet m_rules;
};

void TestStructureRecognizers::initTestCase()
{
    QList<RulePackError> errors;
    m_rules = RuleSet::loadFrom({u":/rules/core.json"_s}, &errors);
    QVERIFY(errors.isEmpty());
}

EntityList TestStructureRecognizers::run(const Recognizer &r, const DocumentContent &content)
{
    const ExtractionContext context{content, m_rules};
    EntityList out;
    r.run(context, out);
    for (const Entity &e : std::as_const(out)) {
        // Every entity shows exactly the text of its span, and its id says where.
        if (e.text != content.text.textAt(e.span) || e.text.isEmpty()) {
            qWarning() << "span text differs" << e.id << e.text;
            return {};
        }
        if (e.id != Entity::makeId(e.type, e.span, content.text.pages.at(e.span.page))) {
            qWarning() << "id differs" << e.id;
            return {};
        }
    }
    return out;
}

EntityList TestStructureRecognizers::run(const Recognizer &r, const QString &page)
{
    DocumentContent content;
    content.text.pages = {page};
    return run(r, content);
}

void TestStructureRecognizers::coverPage_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("text");

    const QList<std::tuple<const char *, QString, QList<std::tuple<QString, QString, QString>>>> layouts{
        {"immunogen", ImmunogenCover,
         {{u"form_type"_s, u"8-K"_s, u"8-K"_s},
          {u"report_date"_s, u"2007-06-04"_s, u"June 4, 2007"_s},
          {u"registrant"_s, u"ImmunoGen, Inc."_s, u"ImmunoGen, Inc."_s},
          {u"state_of_incorporation"_s, u"Massachusetts"_s, u"Massachusetts"_s},
          {u"commission_file_number"_s, u"0-17999"_s, u"0-17999"_s},
          {u"irs_employer_id"_s, u"04-2726691"_s, u"04-2726691"_s},
          {u"registrant_address"_s, u"128 Sidney Street, Cambridge, MA 02139"_s, u"128 Sidney Street, Cambridge, MA 02139"_s},
          {u"registrant_phone"_s, u"617-995-2500"_s, u"(617) 995-2500"_s},
          {u"ticker"_s, u"IMGN"_s, u"IMGN"_s}}},
        {"buckle", BuckleCover,
         {{u"report_date"_s, u"2024-11-22"_s, u"November 22, 2024"_s},
          {u"registrant"_s, u"THE BUCKLE, INC."_s, u"THE BUCKLE, INC."_s},
          {u"state_of_incorporation"_s, u"Nebraska"_s, u"Nebraska"_s},
          {u"commission_file_number"_s, u"001-12951"_s, u"001-12951"_s},
          {u"irs_employer_id"_s, u"47-0366193"_s, u"47-0366193"_s},
          {u"registrant_address"_s, u"2407 West 24th Street, Kearney, Nebraska 68845-4915"_s,
           u"2407 West 24th Street,\t\t\t\n\t\tKearney,\tNebraska\t\t68845-4915"_s},
          {u"registrant_phone"_s, u"308-236-8491"_s, u"(308) 236-8491"_s},
          {u"ticker"_s, u"BKE"_s, u"BKE"_s}}},
        {"jnj pdf", JnjCover,
         {{u"report_date"_s, u"2023-08-23"_s, u"August 23, 2023"_s},
          {u"registrant"_s, u"Johnson & Johnson"_s, u"Johnson & Johnson"_s},
          {u"state_of_incorporation"_s, u"New Jersey"_s, u"New Jersey"_s},
          {u"commission_file_number"_s, u"1-3215"_s, u"1-3215"_s},
          {u"irs_employer_id"_s, u"22-1024240"_s, u"22-1024240"_s},
          {u"registrant_address"_s, u"One Johnson & Johnson Plaza, New Brunswick, New Jersey 08933"_s,
           u"One Johnson & Johnson Plaza, New Brunswick, New Jersey 08933"_s},
          {u"registrant_phone"_s, u"732-524-0400"_s, u"732-524-0400"_s},
          {u"ticker"_s, u"JNJ"_s, u"JNJ"_s},
          {u"ticker"_s, u"JNJ24C"_s, u"JNJ24C"_s}}},
        {"apple 2000 underlined", Apple2000Cover,
         {{u"report_date"_s, u"2000-01-19"_s, u"January 19, 2000"_s},
          {u"registrant"_s, u"Apple Computer, Inc."_s, u"Apple Computer, Inc."_s},
          {u"state_of_incorporation"_s, u"California"_s, u"California"_s},
          {u"commission_file_number"_s, u"0-10030"_s, u"0-10030"_s},
          {u"irs_employer_id"_s, u"94-2404110"_s, u"94-2404110"_s},
          {u"registrant_address"_s, u"1 Infinite Loop, Cupertino, California 95014"_s,
           u"1 Infinite Loop, Cupertino, California 95014"_s},
          {u"registrant_phone"_s, u"408-996-1010"_s, u"(408) 996-1010"_s}}},
        {"aames all caps", AamesCover,
         {{u"report_date"_s, u"1998-12-15"_s, u"DECEMBER 15, 1998"_s},
          {u"registrant"_s, u"AAMES CAPITAL CORPORATION"_s, u"AAMES CAPITAL CORPORATION"_s},
          {u"state_of_incorporation"_s, u"California"_s, u"CALIFORNIA"_s},
          {u"commission_file_number"_s, u"333-46893-01"_s, u"333-46893-01"_s},
          {u"irs_employer_id"_s, u"95-4438859"_s, u"95-4438859"_s},
          {u"registrant_phone"_s, u"213-210-5000"_s, u"(213) 210-5000"_s}}},
        {"two registrants", LgeCover,
         {{u"report_date"_s, u"2003-03-25"_s, u"March 25, 2003"_s},
          {u"registrant"_s, u"Louisville Gas and Electric Company"_s, u"Louisville Gas and Electric Company"_s},
          {u"registrant"_s, u"Kentucky Utilities Company"_s, u"Kentucky Utilities Company"_s},
          {u"commission_file_number"_s, u"2-26720"_s, u"2-26720"_s},
          {u"commission_file_number"_s, u"1-3464"_s, u"1-3464"_s},
          {u"irs_employer_id"_s, u"61-0247570"_s, u"61-0247570"_s},
          {u"state_of_incorporation"_s, u"Kentucky"_s, u"Kentucky"_s},
          {u"registrant_phone"_s, u"859-255-2100"_s, u"(859) 255-2100"_s},
          {u"registrant_address"_s, u"One Quality Street Lexington, Kentucky 40507-1428"_s,
           u"One Quality Street \t \nLexington, Kentucky 40507-1428"_s}}},
        {"10-k without name caption", AbbottCover,
         {{u"report_date"_s, u"2023-12-31"_s, u"December 31, 2023"_s},
          {u"registrant"_s, u"Abbott Laboratories"_s, u"Abbott Laboratories"_s},
          {u"state_of_incorporation"_s, u"Illinois"_s, u"Illinois"_s},
          {u"commission_file_number"_s, u"1-2189"_s, u"1-2189"_s},
          {u"irs_employer_id"_s, u"36-0698440"_s, u"36-0698440"_s},
          {u"registrant_address"_s, u"100 Abbott Park Road Abbott Park, Illinois 60064-6400"_s,
           u"100 Abbott Park Road\nAbbott Park, Illinois 60064-6400"_s},
          {u"registrant_phone"_s, u"224-667-6100"_s, u"(224) 667-6100"_s}}},
        {"10-q name far above caption", AbbvieCover,
         {{u"report_date"_s, u"2023-06-30"_s, u"June 30, 2023"_s},
          {u"registrant"_s, u"AbbVie Inc."_s, u"AbbVie Inc."_s},
          {u"state_of_incorporation"_s, u"Delaware"_s, u"Delaware"_s},
          {u"registrant_address"_s, u"1 North Waukegan Road North Chicago, Illinois 60064-6400"_s,
           u"1 North Waukegan Road \nNorth Chicago, Illinois 60064-6400"_s},
          {u"registrant_phone"_s, u"847-932-7900"_s, u"(847) 932-7900"_s}}},
        {"seven registrants in columns", SouthernCover,
         {{u"registrant"_s, u"The Southern Company"_s, u"The Southern Company"_s},
          {u"irs_employer_id"_s, u"58-0690070"_s, u"58-0690070"_s},
          {u"registrant"_s, u"Savannah Electric and Power Company"_s, u"Savannah Electric and Power Company"_s},
          {u"commission_file_number"_s, u"1-5072"_s, u"1-5072"_s},
          {u"irs_employer_id"_s, u"58-0418070"_s, u"58-0418070"_s},
          {u"registrant_phone"_s, u"912-644-7171"_s, u"(912) 644-7171"_s},
          {u"registrant_address"_s, u"600 East Bay Street Savannah, Georgia 31401"_s,
           u"600 East Bay Street\n                 Savannah, Georgia 31401"_s},
          {u"state_of_incorporation"_s, u"Maine"_s, u"Maine"_s},
          {u"registrant"_s, u"Southern Power Company"_s, u"Southern Power Company"_s},
          {u"commission_file_number"_s, u"333-98553"_s, u"333-98553"_s},
          {u"irs_employer_id"_s, u"58-2598670"_s, u"58-2598670"_s}}},
        {"file number beside a short irs number", RockOfAgesCover,
         {{u"commission_file_number"_s, u"0-29464"_s, u"0-29464"_s},
          {u"state_of_incorporation"_s, u"Delaware"_s, u"DELAWARE"_s},
          {u"registrant"_s, u"ROCK OF AGES CORPORATION"_s, u"ROCK OF AGES CORPORATION"_s}}},
        {"three registrants, state column", SpireCover,
         {{u"registrant"_s, u"Spire Alabama Inc."_s, u"Spire Alabama Inc."_s},
          {u"state_of_incorporation"_s, u"Alabama"_s, u"Alabama"_s},
          {u"registrant_address"_s, u"605 Richard Arrington Blvd N Birmingham, AL 35203"_s,
           u"605 Richard Arrington Blvd N\nBirmingham, AL 35203"_s},
          {u"registrant_phone"_s, u"205-326-8100"_s, u"205-326-8100"_s},
          {u"irs_employer_id"_s, u"63-0022000"_s, u"63-0022000"_s},
          {u"commission_file_number"_s, u"2-38960"_s, u"2-38960"_s}}},
        {"address broken at cells", NexpointCover,
         {{u"registrant_address"_s, u"300 Crescent Court, Suite 700 Dallas, Texas 75201"_s,
           u"300 Crescent Court\n, Suite 700\nDallas\n, Texas\n 75201"_s},
          {u"commission_file_number"_s, u"814-01074"_s, u"814-01074"_s}}},
        {"event date without a space", ExpertelligenceCover,
         {{u"report_date"_s, u"2003-03-21"_s, u"March 21,2003"_s},
          {u"commission_file_number"_s, u"0-11596"_s, u"0-11596"_s}}},
    };
    for (const auto &[name, page, rows] : layouts) {
        for (const auto &[type, value, text] : rows)
            QTest::addRow("%s: %s %s", name, qPrintable(type), qPrintable(value)) << page << type << value << text;
    }
}

void TestStructureRecognizers::coverPageNot_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::newRow("state below the caption is no name") << AbbvieCover << u"registrant"_s << u"Delaware"_s;
    QTest::newRow("irs-shaped number is no file number")
        << RockOfAgesCover << u"commission_file_number"_s << u"03-153200"_s;
    QTest::newRow("irs number in a column table is no file number")
        << SouthernCover << u"commission_file_number"_s << u"58-0690070"_s;
    QTest::newRow("the commission's address is no address")
        << AbbottCover << u"registrant_address"_s << u"WASHINGTON, D. C. 20549"_s;
    QTest::newRow("a table's caption is no address")
        << SpireCover << u"registrant_address"_s << u"Name of Registrant"_s;
    QTest::newRow("report date is not the filing's other date")
        << ExpertelligenceCover << u"report_date"_s << u"2003-04-30"_s;
    QTest::newRow("10-k name is not the report heading")
        << AbbottCover << u"registrant"_s << u"For the fiscal year ended December 31, 2023"_s;
}

void TestStructureRecognizers::coverPageNot()
{
    QFETCH(QString, page);
    QFETCH(QString, type);
    QFETCH(QString, value);
    const EntityList found = run(CoverPageRecognizer(), page);
    QVERIFY(!found.isEmpty());
    for (const Entity &e : found)
        QVERIFY2(!(e.type == type && e.value == value), qPrintable(e.id));
}

void TestStructureRecognizers::coverDateNotFromHeader()
{
    // Food Concepts 8-K (more/0000703901-98-000003.txt): the header's period of report
    // (1997-12-16) differs from the date the cover states; the cover's date is the one.
    DocumentContent content;
    content.format = DocumentFormat::Submission;
    const QString header = u"CONFORMED SUBMISSION TYPE:\t8-K\nCONFORMED PERIOD OF REPORT:\t19971216\n"_s;
    const QString cover = u"                                             FORM 8-K\n\n"
                          "Date of report (Date of earliest event reported) January 26, 1998 \n\n"
                          "   Nevada             Food Concepts, Inc.                     13-3124057\n"_s;
    content.text.pages = {header, cover};
    DocumentPart h;
    h.kind = DocumentPart::Kind::Header;
    h.type = u"SEC-HEADER"_s;
    h.pageCount = 1;
    DocumentPart main;
    main.kind = DocumentPart::Kind::Text;
    main.type = u"8-K"_s;
    main.firstPage = 1;
    main.pageCount = 1;
    content.parts = {h, main};
    const int at = int(header.indexOf(u"19971216"_s));
    content.header.insert(u"period_of_report"_s, {u"19971216"_s, {0, at, at + 8}});
    QStringList dates;
    for (const Entity &e : run(CoverPageRecognizer(), content)) {
        if (e.type == u"report_date"_s)
            dates.append(e.value);
    }
    QCOMPARE(dates, QStringList{u"1998-01-26"_s});
}

void TestStructureRecognizers::coverPage()
{
    QFETCH(QString, page);
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QString, text);
    const EntityList found = run(CoverPageRecognizer(), page);
    QStringList got;
    for (const Entity &e : found) {
        if (e.type != type)
            continue;
        got.append(e.value);
        if (e.value == value) {
            QCOMPARE(e.text, text);
            QVERIFY(e.confidence >= 0.8);
            return;
        }
    }
    QFAIL(qPrintable(u"no %1 \"%2\"; found: %3"_s.arg(type, value, got.join(u" | "_s))));
}

void TestStructureRecognizers::coverPageFromHeader()
{
    // A full submission: the header part, then the 8-K whose cover omits the CIK.
    DocumentContent content;
    content.format = DocumentFormat::Submission;
    const QString header = u"ACCESSION NUMBER:\t\t0001213900-25-032135\nCONFORMED SUBMISSION TYPE:\t8-K\n"
                           "CONFORMED PERIOD OF REPORT:\t20250415\n\t\tCOMPANY CONFORMED NAME:\t\t\tABVC BIOPHARMA, INC.\n"
                           "\t\tCENTRAL INDEX KEY:\t\t\t0001173313\n\t\tSTATE OF INCORPORATION:\t\t\tNV\n"_s;
    const QString cover = u"FORM 8-K\nCURRENT REPORT\nDate of Report (Date of earliest event reported): April 15, 2025\n"
                          "ABVC BioPharma, Inc.\n(Exact name of registrant as specified in its charter)\n"
                          "Nevada\t001-40700\t26-0014658\n(State or other jurisdiction\t(Commission\t(IRS Employer\n"
                          "of incorporation)\tFile Number)\tIdentification No.)\n"_s;
    content.text.pages = {header, cover};
    DocumentPart h;
    h.kind = DocumentPart::Kind::Header;
    h.type = u"SEC-HEADER"_s;
    h.pageCount = 1;
    DocumentPart main;
    main.kind = DocumentPart::Kind::Html;
    main.type = u"8-K"_s;
    main.firstPage = 1;
    main.pageCount = 1;
    content.parts = {h, main};
    auto field = [&](const QString &key, const QString &value) {
        const int line = int(header.indexOf(value));
        content.header.insert(key, {value, {0, line, line + int(value.size())}});
    };
    field(u"cik"_s, u"0001173313"_s);
    field(u"company_name"_s, u"ABVC BIOPHARMA, INC."_s);
    field(u"state_of_incorporation"_s, u"NV"_s);
    field(u"period_of_report"_s, u"20250415"_s);
    field(u"form_type"_s, u"8-K"_s);

    const EntityList found = run(CoverPageRecognizer(), content);
    QMap<QString, const Entity *> byType;
    for (const Entity &e : found)
        byType.insert(e.type, &e);
    // The CIK is only in the header: the entity points at the header's value.
    QVERIFY(byType.contains(u"cik"_s));
    QCOMPARE(byType.value(u"cik"_s)->span.page, 0);
    QCOMPARE(byType.value(u"cik"_s)->text, u"0001173313"_s);
    QVERIFY(byType.value(u"cik"_s)->confidence >= 0.99);
    // Where the cover shows the header's value, the entity is on the cover, trusted as the header.
    for (const QString &type : {u"registrant"_s, u"state_of_incorporation"_s, u"report_date"_s, u"form_type"_s}) {
        QVERIFY2(byType.contains(type), qPrintable(type));
        QCOMPARE(byType.value(type)->span.page, 1);
        QVERIFY2(byType.value(type)->confidence >= 0.99, qPrintable(type));
    }
    QCOMPARE(byType.value(u"state_of_incorporation"_s)->value, u"Nevada"_s);
    QCOMPARE(byType.value(u"registrant"_s)->value, u"ABVC BioPharma, Inc."_s);
    // Not in the header: found on the cover by its label.
    QCOMPARE(byType.value(u"irs_employer_id"_s)->value, u"26-0014658"_s);
    QVERIFY(byType.value(u"irs_employer_id"_s)->confidence < 0.99);
}

void TestStructureRecognizers::coverPageFromDei()
{
    DocumentContent content;
    content.format = DocumentFormat::Html;
    content.text.pages = {BuckleCover};
    const int at = int(BuckleCover.indexOf(u"THE BUCKLE, INC."_s));
    content.deiFacts.append({u"EntityRegistrantName"_s, u"THE BUCKLE, INC."_s, {0, at, at + 16}});
    content.deiFacts.append({u"EntityCentralIndexKey"_s, u"0000885245"_s, {}}); // hidden: no entity
    const EntityList found = run(CoverPageRecognizer(), content);
    int registrants = 0;
    for (const Entity &e : found) {
        QVERIFY(e.type != u"cik"_s);
        if (e.type == u"registrant"_s) {
            ++registrants;
            QCOMPARE(e.span, (SourceSpan{0, at, at + 16}));
            QCOMPARE(e.confidence, 0.97);
        }
    }
    QCOMPARE(registrants, 1);
}

void TestStructureRecognizers::items_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QString>("firstTitle");
    QTest::newRow("immunogen headings, mention in text")
        << u"ITEM 8.01 OTHER EVENTS\n\nOn June 4, 2007, ImmunoGen, Inc. issued a press release.\n\n"
           "A copy of the press release is attached hereto as Exhibit 99.1 and is incorporated by reference in this Item 8.01.\n\n"
           "ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS\n"_s
        << QStringList{u"8.01"_s, u"9.01"_s} << u"Other Events"_s;
    QTest::newRow("oracle thin space")
        << u"Section 5\u2014Corporate Governance and Management \nItem\u20095.07 Submission of Matters to a Vote of Security Holders \nOn November 14, 2024\n"_s
        << QStringList{u"5.07"_s} << u"Submission of Matters to a Vote of Security Holders"_s;
    QTest::newRow("buckle lettered")
        << u"ITEM 2.02. Results of Operations and Financial Condition\nOn November 22, 2024\nITEM 9.01(d). Exhibits\nExhibit 99.1 Press Release\n"_s
        << QStringList{u"2.02"_s, u"9.01"_s} << u"Results of Operations and Financial Condition"_s;
    QTest::newRow("jnj title on the next line")
        << u"Item 2.01\n\nCompletion of Acquisition or Disposition of Assets\n\nOn August 23, 2023, Johnson & Johnson completed\n"
           "Item 9.01 Financial Statements and Exhibits\n"_s
        << QStringList{u"2.01"_s, u"9.01"_s} << u"Completion of Acquisition or Disposition of Assets"_s;
    QTest::newRow("pdf paragraphs run together")
        << u"A copy of the press release is attached hereto as Exhibit 99.1 and is incorporated by \n"
           "reference in this Item 8.01. Herceptin® is a registered trademark of Genentech. ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS \n"
           "Exhibit No. Exhibit \n"_s
        << QStringList{u"9.01"_s} << u"Financial Statements and Exhibits"_s;
    QTest::newRow("wrapped mention")
        << u"The information in this report is incorporated by reference into\nItem 2.01 of this report and\nItem 8.01 and the exhibits.\n"_s
        << QStringList{} << QString();
    QTest::newRow("apple 2000 legacy")
        << u"Item 5.  Other Events\n\n     On January 19, 2000, the Registrant announced\n\nItem 7.  Financial Statements and Exhibits\n"_s
        << QStringList{u"5"_s, u"7"_s} << u"Other Events"_s;
    // Oasis Entertainment's 8-K of 2002 (more/0001104540-02-000064.txt): a centred heading
    // of the item numbering before August 2004.
    QTest::newRow("centred legacy item 4")
        << u"Registrant's  telephone  number,  including  area  code:         (949)  487-7295\n\n"
           "             ITEM 4. CHANGES IN REGISTRANT'S CERTIFYING ACCOUNTANT.\n\n\n"
           "     We  have engaged  a  new Independent Auditor, prospectively, to review and\n"_s
        << QStringList{u"4"_s} << u"Changes in Registrant's Certifying Accountant"_s;
    // The former auditor's letter in the same filing, its line indented as a centred heading is.
    QTest::newRow("centred line naming an item")
        << u"                    Item 4 included in the Form 8-K, dated February 14, 2002, of Oasis\n"_s
        << QStringList{} << QString();
}

void TestStructureRecognizers::items()
{
    QFETCH(QString, page);
    QFETCH(QStringList, items);
    QFETCH(QString, firstTitle);
    QStringList got;
    QString title;
    for (const Entity &e : run(ItemRecognizer(), page)) {
        QCOMPARE(e.type, u"item"_s);
        if (got.isEmpty())
            title = e.attributes.value(u"title"_s);
        got.append(e.value);
    }
    QCOMPARE(got, items);
    QCOMPARE(title, firstTitle);
}

void TestStructureRecognizers::exhibits_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QStringList>("exhibits");
    QTest::addColumn<QString>("firstDescription");
    QTest::newRow("immunogen table")
        << u"ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS\n\nExhibit No.\tExhibit\n99.1\tPress Release of ImmunoGen, Inc. dated June 4, 2007\n\n4\n\n"
           "Pursuant to the requirements of the Securities Exchange Act of 1934\n"_s
        << QStringList{u"99.1"_s} << u"Press Release of ImmunoGen, Inc. dated June 4, 2007"_s;
    QTest::newRow("buckle with word")
        << u"ITEM 9.01(d). Exhibits\nExhibit 99.1 Press Release Dated November 22, 2024 \n"
           "Exhibit 104 Cover Page Interactive Data File (embedded within the Inline XBRL document)\nSIGNATURES\n"_s
        << QStringList{u"99.1"_s, u"104"_s} << u"Press Release Dated November 22, 2024"_s;
    QTest::newRow("jnj number on its own line")
        << u"Item 9.01 Financial Statements and Exhibits\n\n(d)\n\nExhibits.\nExhibit No.\n\nDescription of Exhibit\n\n104\n\n"
           "The cover page from this Current Report on Form 8-K, formatted in Inline XBRL.\n\nSIGNATURES\n2\n"_s
        << QStringList{u"104"_s} << u"The cover page from this Current Report on Form 8-K, formatted in Inline XBRL."_s;
    QTest::newRow("table of contents")
        << u"Item 15.\t\nExhibits and Financial Statement Schedules\t\n141\nItem 16.\t\nForm 10-K Summary\t\n148\n"
           "Item 1.\t\nBusiness\t\n3\nItem 1A.\t\nRisk Factors\t\n23\n"_s
        << QStringList{} << QString();
    QTest::newRow("numbered statements")
        << u"Item 15. Exhibits and Financial Statement Schedules\n1\nConsolidated Financial Statements\n2\nFinancial Statement Schedules\n"_s
        << QStringList{} << QString();
    // Southern Company 8-K of 2005 (more/0000092122-05-000042.txt): the list follows a
    // sentence, not an "Item 9.01" heading.
    QTest::newRow("list after the following exhibits")
        << u"         The following exhibits relate to the quarter and year ended December\n31, 2004:\n\n"
           "Exhibit 99.01         Press Release.\n\nExhibit 99.02         Financial Highlights.\n\n"
           "Exhibit 99.03         Significant Factors Impacting EPS.\n\n                                   SIGNATURES\n"_s
        << QStringList{u"99.1"_s, u"99.2"_s, u"99.3"_s} << u"Press Release."_s;
    // The same list of the 2007 8-K (more/form8kearnings8k.htm) as a paragraph, the way a
    // PDF text layer runs it together.
    QTest::newRow("list written as a paragraph")
        << u"Exhibits\nThe following exhibits relate to the quarter and year ended December 31, 2006:\n"
           "Exhibit 99.01 Press Release. Exhibit 99.02 Financial Highlights. Exhibit 99.03 Significant Factors "
           "Impacting EPS. Exhibit 99.04 Analysis of Consolidated Earnings.\n"_s
        << QStringList{u"99.1"_s, u"99.2"_s, u"99.3"_s, u"99.4"_s} << u"Press Release."_s;
    // The sentence above that list: exhibits named in prose are no list.
    QTest::newRow("exhibits named in a sentence")
        << u"Exhibits\nOn January 25, 2007, The Southern Company issued a press release. A copy of this release is "
           "being furnished as Exhibit 99.01 to this Current Report on Form 8-K. In addition, certain additional "
           "information is being furnished as Exhibits 99.02 through 99.06 to this Current Report on Form 8-K.\n"_s
        << QStringList{} << QString();
}

void TestStructureRecognizers::exhibits()
{
    QFETCH(QString, page);
    QFETCH(QStringList, exhibits);
    QFETCH(QString, firstDescription);
    QStringList got;
    QString description;
    for (const Entity &e : run(ExhibitRecognizer(), page)) {
        if (got.isEmpty())
            description = e.attributes.value(u"description"_s);
        QCOMPARE(e.text, e.value.size() <= e.text.size() ? e.text : e.value);
        got.append(e.value);
    }
    QCOMPARE(got, exhibits);
    QCOMPARE(description, firstDescription);
}

void TestStructureRecognizers::exhibitDocuments()
{
    DocumentContent content;
    content.text.pages = {u"FORM 8-K\n"_s, u"\nEXHIBIT 99.1\nApple Board of Directors Announces CEO Change\n"_s, QString()};
    DocumentPart main, ex, xbrl;
    main.type = u"8-K"_s;
    main.pageCount = 1;
    ex.type = u"EX-99.1"_s;
    ex.description = u"PRESS RELEASE"_s;
    ex.firstPage = 1;
    ex.pageCount = 1;
    xbrl.type = u"EX-101.INS"_s;
    xbrl.kind = DocumentPart::Kind::Binary;
    xbrl.firstPage = 2;
    content.parts = {main, ex, xbrl};
    const EntityList found = run(ExhibitRecognizer(), content);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().value, u"99.1"_s);
    QCOMPARE(found.first().text, u"99.1"_s);
    QCOMPARE(found.first().span.page, 1);
    QCOMPARE(found.first().attributes.value(u"description"_s), u"PRESS RELEASE"_s);
}

void TestStructureRecognizers::people_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("attributes");
    QTest::newRow("buckle signature, wrapped title")
        << u"\t\tThe Buckle, Inc.\n\tDate: November 22, 2024\tBy: /s/ THOMAS B. HEACOCK\n\t \tName: Thomas B. Heacock\n"
           "\t \tTitle: Senior Vice President of Finance,\n\t \tTreasurer and Chief Financial Officer\n"_s
        << u"signatory"_s << u"Thomas B. Heacock"_s
        << u"title=Senior Vice President of Finance, Treasurer and Chief Financial Officer"_s;
    QTest::newRow("buckle html, blank lines between cells")
        << u"By: /s/  THOMAS B. HEACOCK\n \nName: Thomas B. Heacock\n \nTitle: Senior Vice President of Finance,\n \n"
           "Treasurer and Chief Financial Officer\n \nEXHIBIT INDEX\n"_s
        << u"signatory"_s << u"Thomas B. Heacock"_s
        << u"title=Senior Vice President of Finance, Treasurer and Chief Financial Officer"_s;
    QTest::newRow("abvc, cells apart")
        << u"By:\n/s/ Uttam Patil\n \n \nUttam Patil\n \n \nChief Executive Officer\n\n"_s
        << u"signatory"_s << u"Uttam Patil"_s << u"title=Chief Executive Officer"_s;
    QTest::newRow("premier, title beside the date")
        << u"/s/ Brien M. Chase                    \nDate: March 30, 2021       Brien M. Chase, Senior Vice President \n"
           "  and Chief Financial Officer \n\n"_s
        << u"signatory"_s << u"Brien M. Chase"_s << u"title=Senior Vice President and Chief Financial Officer"_s;
    QTest::newRow("apple 2000, underlined, title wrapped after Chief")
        << u"                                          By: /s/ Fred Anderson\n                                                  -------------\n"
           "                                              Executive Vice President and Chief\n"
           "                                              Financial Officer\n\nDate: January 21, 2000\n"_s
        << u"signatory"_s << u"Fred Anderson"_s << u"title=Executive Vice President and Chief Financial Officer"_s;
    QTest::newRow("acorn, labels and values in separate cells")
        << u"By:\n/s/ Tracy S. Clifford\n \nName:\nTracy S. Clifford\n \nTitle:\nChief Financial Officer\n\n  \n"_s
        << u"signatory"_s << u"Tracy S. Clifford"_s << u"title=Chief Financial Officer"_s;
    QTest::newRow("jnj signature, name repeated")
        << u"Date:\n\nAugust 25, 2023\n\nBy: /s/ Laura H. McFalls\nLaura H. McFalls\nAssistant Secretary\n"_s
        << u"signatory"_s << u"Laura H. McFalls"_s << u"title=Assistant Secretary"_s;
    QTest::newRow("lge title over three lines")
        << u"By: \t \n/s/ John R. McCall \nExecutive Vice President, \nGeneral Counsel and \nCorporate Secretary \nPursuant to\n"_s
        << u"signatory"_s << u"John R. McCall"_s
        << u"title=Executive Vice President, General Counsel and Corporate Secretary"_s;
    // corpus more/MULN-10-Q-0001558370-23-014900.html: the second signer's family name is a
    // common word; the name typed again under the signature says it is a name.
    QTest::newRow("mullen: second signer")
        << u"By:\n/s/ David Michery\n\nDavid Michery\n\nChief Executive Officer, President and Chairman of the Board\n\n"
           "(Principal Executive Officer)\n\n\n\n/s/ Jonathan New\n\nJonathan New\n\nChief Financial Officer\n\n"_s
        << u"signatory"_s << u"Jonathan New"_s << u"title=Chief Financial Officer"_s;
    // corpus more/jnj-10-q-2025-07-24.html: initials and a family name, the title after a comma.
    QTest::newRow("jnj: initials and family name")
        << u"By \n/s/ J. J. Wolk\n\nJ. J. Wolk, Executive Vice President, Chief Financial Officer (Principal Financial Officer) \n\n\n"
           "By \n/s/ R. J. Decker Jr.\n\nR. J. Decker Jr., Controller (Principal Accounting Officer)\n"_s
        << u"signatory"_s << u"J. J. Wolk"_s
        << u"title=Executive Vice President, Chief Financial Officer (Principal Financial Officer)"_s;
    QTest::newRow("a firm typed again is no person")
        << u"/s/ Deloitte LLP\n\nDeloitte LLP\n"_s << u"signatory"_s << QString() << QString();
    QTest::newRow("auditor is no person")
        << u"/s/ Ernst & Young LLP\n\nSan Jose, California\n"_s << u"signatory"_s << QString() << QString();
    QTest::newRow("immunogen quote")
        << u"Mitchel Sayare, Chairman and CEO, commented, \"These findings demonstrate the activity.\"\n"_s
        << u"person"_s << u"Mitchel Sayare"_s << u"role=Chairman and CEO"_s;
    QTest::newRow("quote, name after verb")
        << u"\"We are pleased,\" said Dennis Nelson, President and Chief Executive Officer of The Buckle.\n"_s
        << u"person"_s << u"Dennis Nelson"_s << u"role=President and Chief Executive Officer of The Buckle"_s;
    QTest::newRow("immunogen investor contact")
        << u"Contacts:\n\nInvestors\n\nCarol Hausner\nExecutive Director, Investor Relations and Corporate Communications\n"
           "ImmunoGen, Inc.\n(617) 995-2500\ninfo@immunogen.com\n\nMedia:\n\nKathryn Morris KMorrisPR (845) 635-9828 Kathryn@kmorrispr.com\n"_s
        << u"person"_s << u"Carol Hausner"_s
        << u"role=Executive Director, Investor Relations and Corporate Communications"_s;
    QTest::newRow("immunogen media contact")
        << u"Contacts:\n\nInvestors\n\nCarol Hausner\nExecutive Director, Investor Relations and Corporate Communications\n"
           "ImmunoGen, Inc.\n(617) 995-2500\ninfo@immunogen.com\n\nMedia:\n\nKathryn Morris KMorrisPR (845) 635-9828 Kathryn@kmorrispr.com\n"_s
        << u"person"_s << u"Kathryn Morris"_s << u"role=Media"_s;
    // corpus 8k/Oracle.8-K.html, press contacts.
    QTest::newRow("oracle: a department is no person")
        << u"Contact:\nOracle Corporate Communications\n"_s << u"person"_s << QString() << QString();
    // corpus pdf/PFIZER_2022_10K.pdf, executive officers: name, age and position on one printed line.
    QTest::newRow("pfizer: officer list, one line")
        << u"Name Age Position \nMikael Dolsten 64 Chief Scientific Officer and President, Worldwide Research, Development and Medical since January 2019. President of Worldwide Research \n"_s
        << u"person"_s << u"Mikael Dolsten"_s
        << u"role=Chief Scientific Officer and President, Worldwide Research, Development and Medical"_s;
    // corpus pdf/JOHNSON_JOHNSON_2022_10K.pdf: degrees after the name, offices after a membership.
    QTest::newRow("jnj: officer list, degrees after the name")
        << u"Name Age Position \nWilliam N. Hait, M.D., Ph. D. 73 Member, Executive Committee; Executive Vice President, Chief External Innovation and \n"_s
        << u"person"_s << u"William N. Hait"_s
        << u"role=Member, Executive Committee; Executive Vice President, Chief External Innovation and"_s;
    // corpus 10k/abbv-10-k-2025-02-14.html: name, age and position in three cells.
    QTest::newRow("abbvie: officer list, cells")
        << u"Name\n\nAge\n\nPosition\n\nRoopal Thakkar, M.D.\n\n53\n\nExecutive Vice President, Research & Development and Chief Scientific Officer\n"_s
        << u"person"_s << u"Roopal Thakkar"_s
        << u"role=Executive Vice President, Research & Development and Chief Scientific Officer"_s;
    QTest::newRow("a table row of figures is no officer")
        << u"Corporate Bonds 45 General and administrative expenses\nNorth America 12 Financial Services Group\n"_s
        << u"person"_s << QString() << QString();
    // corpus more/v437868_8k.htm, committee roster: the chair and the members in table cells.
    QTest::newRow("atrinsic: committee chair")
        << u"Audit Committee\n \nCompensation Committee\n \nGregory Ekizian (Chairperson)\n \nKhalil Barrage (Chairperson)\n"
           "Khalil Barrage\n \nGregory Ekizian\n \nGaro Armen\n"_s
        << u"person"_s << u"Gregory Ekizian"_s << u"role=Chairperson"_s;
    QTest::newRow("atrinsic: committee member")
        << u"Audit Committee\n \nCompensation Committee\n \nGregory Ekizian (Chairperson)\n \nKhalil Barrage (Chairperson)\n"
           "Khalil Barrage\n \nGregory Ekizian\n \nGaro Armen\n"_s
        << u"person"_s << u"Garo Armen"_s << QString();
    QTest::newRow("a committee is no person")
        << u"Audit Committee\n \nCompensation Committee\n"_s << u"person"_s << QString() << QString();
    QTest::newRow("names alone without a roster are no people")
        << u"San Francisco\n\nNew Jersey\n\nNorth America\n"_s << u"person"_s << QString() << QString();
    QTest::newRow("officer")
        << u"On January 6, 2025, the Board appointed Tracy S. Clifford, Chief Financial Officer, as Secretary.\n"_s
        << u"person"_s << u"Tracy S. Clifford"_s << u"role=Chief Financial Officer"_s;
}

void TestStructureRecognizers::people()
{
    QFETCH(QString, page);
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QString, attributes);
    const EntityList found = run(PeopleRecognizer(), page);
    QStringList got;
    for (const Entity &e : found) {
        if (e.type != type)
            continue;
        got.append(e.value);
        if (e.value == value) {
            QCOMPARE(::attributes(e), attributes);
            return;
        }
    }
    if (value.isEmpty()) {
        QCOMPARE(got, QStringList());
        return;
    }
    QFAIL(qPrintable(u"no %1 \"%2\"; found: %3"_s.arg(type, value, got.join(u" | "_s))));
}

void TestStructureRecognizers::personMentions_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QStringList>("people"); // "value | text" in page order
    // corpus more/WBI_8K_2025-12-15.html, Item 5.02: the director the 8-K is about, named
    // in full once and then by title and family name.
    QTest::newRow("wbi: subject of an appointment")
        << u"On December 12, 2025, the Board of Directors of WaterBridge Infrastructure LLC appointed Janet Carrig to "
           "serve on the Board. The Board has determined that Ms. Carrig is an independent director. Ms. Carrig will "
           "replace Michael Sulton on the Audit Committee and Mr. Sulton will continue to serve as a member of the Board.\n"_s
        << QStringList{u"Janet Carrig | Janet Carrig"_s, u"Janet Carrig | Ms. Carrig"_s, u"Janet Carrig | Ms. Carrig"_s,
                       u"Michael Sulton | Michael Sulton"_s, u"Michael Sulton | Mr. Sulton"_s};
    QTest::newRow("the one succeeded")
        << u"Ms. Lee succeeded Robert Stein as Chief Executive Officer.\n"_s
        << QStringList{u"Robert Stein | Robert Stein"_s};
    QTest::newRow("notes replaced are no person")
        << u"The new notes will replace Senior Notes on the closing date and replaced Term Loans on maturity.\n"_s
        << QStringList{};
    // corpus more/afcgamma.8K.html: an appointment in a heading, the age after the name.
    QTest::newRow("afc gamma: appointment heading and age")
        << u"Appointment of Brandon Hetzel as Chief Financial Officer and Treasurer\nMr. Hetzel, age 36, joined the "
           "Company in September 2020.\n"_s
        << QStringList{u"Brandon Hetzel | Brandon Hetzel"_s, u"Brandon Hetzel | Mr. Hetzel"_s};
    // corpus more/WBI_8K_2025-12-15.html, the item's title.
    QTest::newRow("an item title is no person")
        << u"Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; "
           "Compensatory Arrangements of Certain Officers.\n"_s
        << QStringList{};
    QTest::newRow("a firm appointed is no person")
        << u"The Audit Committee appointed Deloitte & Touche LLP as the independent auditor. The resignation of "
           "Chief Executive Officer Smith was announced.\n"_s
        << QStringList{};
    // corpus pdf/JOHNSON_JOHNSON_2022_10K.pdf, pp. 23-24: the executive officers listed by
    // name, age and position, then their biographies by title, initials and family name,
    // one title at a line's end.
    QTest::newRow("jnj: titled initials of an officer listed")
        << u"Thibaut Mongon 53 Member, Executive Committee, Executive Vice President, Worldwide Chairman, \n"
           "(g) Mr. T. Mongon joined the Company in 2000 as Director of Marketing for the Vision Care group. Mr. \n"
           "Mongon has responsibility for the global development of health products.\n"_s
        << QStringList{u"Thibaut Mongon | Thibaut Mongon"_s, u"Thibaut Mongon | T. Mongon"_s, u"Thibaut Mongon | Mongon"_s};
    QTest::newRow("jnj: titled initials alone")
        << u"(j) Ms. K. E. Wengel joined the Company in 1988 as Project Engineer and Engineering Supervisor at Janssen.\n"_s
        << QStringList{u"K. E. Wengel | K. E. Wengel"_s};
    QTest::newRow("titled initials of another first name, a title at a line's end unknown")
        << u"The Board elected John Smith as Chief Executive Officer. Dr. R. Smith reviewed the plan. Dr. \nBrown agreed.\n"_s
        << QStringList{u"John Smith | John Smith"_s, u"R. Smith | R. Smith"_s};
    // corpus more/0000092122-05-000042.txt, EX-99.01 pp. 5-6: a quoted officer named again by
    // family name alone before "said", on the next page.
    QTest::newRow("southern: family name before said")
        << u"\"We are pleased,\" said Chairman, President and CEO David M. Ratcliffe. \"Our people delivered.\"\n"
           "we were able to restore service in record time,\" Ratcliffe said. Revenues rose. Said Ratcliffe:\n"_s
        << QStringList{u"David M. Ratcliffe | David M. Ratcliffe"_s, u"David M. Ratcliffe | Ratcliffe"_s};
    QTest::newRow("a family name two people share stays unresolved")
        << u"The Board elected John Carter and appointed Mary Carter to the Board. Mr. Carter agreed.\n"_s
        << QStringList{u"John Carter | John Carter"_s, u"Mary Carter | Mary Carter"_s};
}

void TestStructureRecognizers::personMentions()
{
    QFETCH(QString, page);
    QFETCH(QStringList, people);
    EntityList found = run(PeopleRecognizer(), page);
    std::sort(found.begin(), found.end(), [](const Entity &a, const Entity &b) { return a.span < b.span; });
    QStringList got;
    SourceSpan last;
    for (const Entity &e : std::as_const(found)) {
        if (e.type == u"person"_s && e.span != last)
            got.append(e.value + u" | "_s + e.text);
        last = e.span;
    }
    QCOMPARE(got, people);
}

void TestStructureRecognizers::organizations_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QStringList>("organizations");
    QTest::newRow("immunogen")
        << u"On June 4, 2007, ImmunoGen, Inc. (Nasdaq: IMGN) issued a press release on information reported at the 43rd "
           "American Society of Clinical Oncology (ASCO) Annual Meeting. AVE9633 and AVE1642, in development by sanofi-aventis, "
           "and trastuzumab-DM1, in development by Genentech.\nThe Company's collaborator filed with the Securities and Exchange Commission.\n"_s
        << QStringList{u"ImmunoGen, Inc."_s, u"Nasdaq"_s, u"American Society of Clinical Oncology"_s, u"ASCO"_s, u"sanofi-aventis"_s,
                       u"Genentech"_s, u"Securities and Exchange Commission"_s};
    QTest::newRow("pdf line break")
        << u"findings were presented with the American Cancer\nSociety in Chicago.\n"_s
        << QStringList{u"American Cancer Society"_s};
    QTest::newRow("sentence words before the name")
        << u"Press Release of ImmunoGen, Inc. dated June 4, 2007\nAbout ImmunoGen, Inc.\n"_s
        << QStringList{u"ImmunoGen, Inc."_s, u"ImmunoGen, Inc."_s};
    QTest::newRow("references are not names")
        << u"(A Kentucky Corporation) \nthe Board of Directors of the Company approved it. Cash Payment. The Company will pay.\n"
           "Title of each class\tName of each exchange on which registered\n"_s
        << QStringList{};
    QTest::newRow("all caps and article")
        << u"ACORN ENERGY, INC. \nOn November 22, 2024, The Buckle, Inc. announced results, and Kenvue Inc. completed.\n"_s
        << QStringList{u"ACORN ENERGY, INC."_s, u"The Buckle, Inc."_s, u"Kenvue Inc."_s};
    // corpus pdf/PFIZER_2022_10K.pdf, collaborations note.
    QTest::newRow("pfizer: tail of a name with a parenthesis")
        << u"a separate collaboration between BioNTech and Shanghai Fosun Pharmaceutical (Group) Co., Ltd. We recognize\n"_s
        << QStringList{u"BioNTech"_s};
    // corpus pdf/PFIZER_2022_10K.pdf, executive officers: names wrapped over a line.
    QTest::newRow("pfizer: name wrapped over a line")
        << u"Executive Vice President since January 2019. Chief Information Officer and Senior Vice President of Quest\nDiagnostics Incorporated from 2014 to 2018.\n"_s
        << QStringList{u"Quest Diagnostics Incorporated"_s};
    // corpus pdf/PFIZER_2022_10K.pdf, executive officers: "of" inside a name, a Swedish suffix,
    // a practice of a firm.
    QTest::newRow("pfizer: a name with its own of")
        << u"Senior Vice President of Laboratory Corporation of America Holdings from 2008 until March 2013.\n"_s
        << QStringList{u"Laboratory Corporation of America Holdings"_s};
    QTest::newRow("the last of after a common word cuts")
        << u"the Board of Directors of University of Texas Holdings approved\n"_s
        << QStringList{u"University of Texas Holdings"_s};
    QTest::newRow("pfizer: Swedish suffix")
        << u"Director of Agilent Technologies, Inc, and Vimian Group AB. Director of Karyopharm Therapeutics Inc. from 2015\n"_s
        << QStringList{u"Agilent Technologies, Inc"_s, u"Vimian Group AB"_s, u"Karyopharm Therapeutics Inc."_s};
    QTest::newRow("pfizer: a practice of a firm is not a company")
        << u"previously co-led McKinsey & Company’s Global Pharmaceuticals & Medical Products practice from 2015\n"_s
        << QStringList{u"McKinsey & Company"_s};
    // corpus pdf/Pfizer_2023Q2_10Q.pdf, collaborations.
    QTest::newRow("pfizer: German partnership suffix")
        << u"Termination of Collaboration Arrangement with Merck KGaA, Darmstadt, Germany (Merck KGaA)\n"_s
        << QStringList{u"Merck KGaA"_s, u"Merck KGaA"_s};
    // corpus more/MRK-10-Q-0001628280-23-027770.html: a disease class, not a group of companies.
    QTest::newRow("merck: a numbered group is a classification")
        << u"adults with pulmonary arterial hypertension (World Health Organization Group 1). Also\n"_s
        << QStringList{u"World Health Organization"_s};
    // corpus pdf/JOHNSON_JOHNSON_2022_10K.pdf, p. 92: initials start the name.
    QTest::newRow("jnj: initials of a name")
        << u"polypropylene mesh devices manufactured by C.R. Bard, Inc., and lawsuits pending\n"_s
        << QStringList{u"C.R. Bard, Inc."_s};
    // corpus pdf/JPMORGAN_2023Q2_10Q.pdf, p. 11: a bank named by the deal, then on its own.
    QTest::newRow("jpmorgan: company named by its acquisition")
        << u"gain associated with the First Republic acquisition in Corporate. Loans of First Republic grew.\n"_s
        << QStringList{u"First Republic"_s, u"First Republic"_s};
    QTest::newRow("no company in a dated or generic deal")
        << u"the December acquisition and the Company acquisition closed.\n"_s
        << QStringList{};
    QTest::newRow("a heading line is not part of the name below")
        << u"Notes to Consolidated Financial Statements\nPfizer Inc. and Subsidiary Companies\n"_s << QStringList{u"Pfizer Inc."_s};
    QTest::newRow("heading in capitals is a reference")
        << u"ITEM 5. MARKET FOR THE COMPANY\n"_s << QStringList{};
    // corpus more/MRK-10-Q-0001628280-23-027770.html: a partner without a legal suffix, and its
    // further mention.
    QTest::newRow("merck: partner named by its collaboration")
        << u"Merck is developing Lagevrio in collaboration with Ridgeback. In June 2023, Merck and Ridgeback announced it.\n"_s
        << QStringList{u"Merck"_s, u"Ridgeback"_s, u"Merck"_s, u"Ridgeback"_s};
    // corpus pdf/PFIZER_2022_10K.pdf, product table footnote.
    QTest::newRow("pfizer: partner in a footnote")
        << u"(i) Being developed in collaboration with Valneva.\n"_s << QStringList{u"Valneva"_s};
    QTest::newRow("no partner after a common word")
        << u"developed in collaboration with Our Partners and in collaboration with the Company, licensed from Third Parties.\n"_s
        << QStringList{};
    QTest::newRow("a suffix after the partner is the suffix rule's")
        << u"which was being developed in collaboration with Seagen Inc.\n"_s << QStringList{u"Seagen Inc."_s};
    // corpus more/ABBV-10-Q-0001551152-23-000033.html, p. 27: abbreviations defined after a
    // name, and used again; "U.S." begins an agency's name.
    QTest::newRow("abbv: abbreviations defined for a name")
        << u"the European Commission (EC) issued their final decision on the European Medicines Agency’s (EMA) review "
           "of the benefit-risk of medicines. In April 2023, the EC approved Rinvoq.\n"_s
        << QStringList{u"European Commission"_s, u"EC"_s, u"European Medicines Agency"_s, u"EMA"_s, u"EC"_s};
    QTest::newRow("abbv: U.S. begins an agency's name")
        << u"announced that the U.S. Food and Drug Administration (FDA) approved Rinvoq for the treatment\n"_s
        << QStringList{u"U.S. Food and Drug Administration"_s, u"FDA"_s};
    QTest::newRow("letters that are not the name's initials define nothing")
        << u"Acme Widgets, Inc. (AWX) and Beta Labs, Inc. (the “Company”) signed.\n"_s
        << QStringList{u"Acme Widgets, Inc."_s, u"Beta Labs, Inc."_s};
    // corpus more/WBI_8K_2025-12-15.html, p. 2: a known name the six words before a suffix
    // begin inside, an office held at a company written in one word, the boards a director
    // serves on.
    QTest::newRow("wbi: a known name before another's suffix")
        << u"under the applicable rules of the New York Stock Exchange and NYSE Texas, Inc. and the U.S. Securities\n"_s
        << QStringList{u"New York Stock Exchange"_s, u"NYSE Texas, Inc."_s};
    QTest::newRow("wbi: an office held at a company")
        << u"most recently as the Senior Vice President, General Counsel and Corporate Secretary of ConocoPhillips from "
           "2007 until 2018 and ten years as the Executive Vice President, Corporate Development, General Counsel and "
           "Secretary of Kellogg Company.\n"_s
        << QStringList{u"ConocoPhillips"_s, u"Kellogg Company"_s};
    QTest::newRow("an office of a department is no company")
        << u"Vice President of Finance, Director of Investor Relations and Chief Officer of Corporate Development.\n"_s
        << QStringList{};
    QTest::newRow("wbi: boards served on")
        << u"Ms. Carrig also serves on the boards of Columbia Seligman Premium Technology Growth Fund, Inc. (NYSE: STK) and "
           "Tri-Continental Corp. (NYSE: TY) and previously served on the boards of EQT Corporation and Whiting Petroleum. "
           "Ms. Carrig received a Bachelor of Arts in History from Grinnell College and a Juris Doctor from Yale Law School.\n"_s
        << QStringList{u"Columbia Seligman Premium Technology Growth Fund, Inc."_s, u"NYSE"_s, u"Tri-Continental Corp."_s,
                       u"NYSE"_s, u"EQT Corporation"_s, u"Whiting Petroleum"_s, u"Grinnell College"_s, u"Yale Law School"_s};
    QTest::newRow("boards of no company")
        << u"He serves on the boards of several charitable organizations. She served on the board of the Company and "
           "the Audit Committee.\n"_s
        << QStringList{};
    // corpus pdf/JOHNSON_JOHNSON_2022_10K.pdf, p. 24: boards and businesses listed without
    // suffixes, a subsidiary named as such.
    QTest::newRow("jnj: boards of a charity and a university")
        << u"He also serves on the Boards of the Human Resources Policy Association, Tufts University and Save the "
           "Children and was named a Fellow.\n"_s
        << QStringList{u"Human Resources Policy Association"_s, u"Tufts University"_s, u"Save the Children"_s};
    QTest::newRow("jnj: businesses across companies")
        << u"Ms. McEvoy has responsibility for the surgery, orthopaedics, interventional solutions and eye health "
           "businesses across Ethicon, DePuy Synthes, Biosense Webster, Abiomed, and Johnson & Johnson Vision.\n"_s
        << QStringList{u"Ethicon"_s, u"DePuy Synthes"_s, u"Biosense Webster"_s, u"Abiomed"_s, u"Johnson & Johnson Vision"_s};
    QTest::newRow("jnj: a subsidiary")
        << u"Ms. A. McEvoy joined the Company in 1996 as Assistant Brand Manager of McNeil Consumer Health, a subsidiary of "
           "the Company, advancing. McNeil Consumer Health grew.\n"_s
        << QStringList{u"McNeil Consumer Health"_s, u"McNeil Consumer Health"_s};
    QTest::newRow("businesses across places are no companies")
        << u"The sales increases reflect higher sales in businesses across India, Vietnam, and Brazil.\n"_s << QStringList{};
    // corpus more/ABT-10-K-0001628280-24-005348.html, p. 26: a short name defined after the
    // name, its first word.
    QTest::newRow("abt: a short name defined")
        << u"Abbott completed the acquisition of Bigfoot Biomedical, Inc. (Bigfoot), which will further Abbott's efforts, and Bigfoot grew.\n"_s
        << QStringList{u"Abbott"_s, u"Bigfoot Biomedical, Inc."_s, u"Bigfoot"_s, u"Abbott"_s, u"Bigfoot"_s};
    // corpus more/0000092122-05-000042.txt, p. 6: the name without its legal form, again.
    QTest::newRow("southern: a name again without its legal form")
        << u"the termination of all long-term wholesale power contracts\nwith Dynegy, Inc. After adjusting, the impact of the "
           "Dynegy settlement and\n"_s
        << QStringList{u"Dynegy, Inc."_s, u"Dynegy"_s};
    QTest::newRow("a name whose rest is a common word or whose form is Company")
        << u"Southern Company reported. Southern states grew. Global Inc. said. Global markets fell.\n"_s
        << QStringList{u"Southern Company"_s, u"Global Inc."_s};
    // corpus 10k/bmy-10-k-fy2023-0000014272-24-000044.html, p. 56: a short name that is a
    // common word heads a table row.
    QTest::newRow("a one-word short name at a line's head is no mention")
        << u"the acquisition of Impact Biomedicines, Inc. (Impact) closed. Impact paid.\nImpact of Specified Items 10.0 %\n"_s
        << QStringList{u"Impact Biomedicines, Inc."_s, u"Impact"_s};
    QTest::newRow("a word that does not begin the name defines nothing; a longer name is no mention")
        << u"Acme Widgets, Inc. (Widgets) signed. DePuy Orthopaedics, Inc. (DePuy) and DePuy Synthes met.\n"_s
        << QStringList{u"Acme Widgets, Inc."_s, u"DePuy Orthopaedics, Inc."_s, u"DePuy"_s};
    // corpus more/aapl-20240201.htm, cover page address.
    QTest::newRow("aapl: street address")
        << u"One Apple Park Way\nCupertino, California 95014\nApple Inc.\n"_s << QStringList{u"Apple Inc."_s};
}

void TestStructureRecognizers::organizations()
{
    QFETCH(QString, page);
    QFETCH(QStringList, organizations);
    QStringList got;
    EntityList found = run(OrganizationRecognizer(), page);
    std::sort(found.begin(), found.end(), [](const Entity &a, const Entity &b) { return a.span < b.span; });
    for (const Entity &e : std::as_const(found))
        got.append(e.value);
    QCOMPARE(got, organizations);
}

// A defined abbreviation is valued as printed: the name carries `abbreviation`, the
// abbreviation (there and where it stands again) carries `expansion`.
void TestStructureRecognizers::organizationAbbreviations_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QStringList>("organizations");
    // corpus more/ABBV-10-Q-0001551152-23-000033.html, p. 27.
    QTest::newRow("abbv: the name and its abbreviation")
        << u"the European Commission (EC) issued their final decision. In April 2023, the EC approved Rinvoq.\n"_s
        << QStringList{u"European Commission | abbreviation=EC"_s, u"EC | expansion=European Commission"_s,
                       u"EC | expansion=European Commission"_s};
    QTest::newRow("an abbreviation the page does not define has no expansion")
        << u"announced that the FDA approved Rinvoq\n"_s << QStringList{u"FDA | "_s};
}

void TestStructureRecognizers::organizationAbbreviations()
{
    QFETCH(QString, page);
    QFETCH(QStringList, organizations);
    QStringList got;
    EntityList found = run(OrganizationRecognizer(), page);
    std::sort(found.begin(), found.end(), [](const Entity &a, const Entity &b) { return a.span < b.span; });
    for (const Entity &e : std::as_const(found)) {
        QStringList attributes;
        for (auto it = e.attributes.cbegin(); it != e.attributes.cend(); ++it)
            attributes.append(it.key() + u'=' + it.value());
        got.append(e.value + u" | "_s + attributes.join(u"; "_s));
    }
    QCOMPARE(got, organizations);
}

void TestStructureRecognizers::contacts_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QStringList>("found");
    QTest::newRow("immunogen letterhead")
        << u"128 Sidney Street, Cambridge, MA 02139-4239\n\nTEL: (617) 995-2500 FAX: (617) 995-2510\n"_s
        << QStringList{u"phone 617-995-2500 kind=tel"_s, u"phone 617-995-2510 kind=fax"_s};
    QTest::newRow("contact line")
        << u"Kathryn Morris KMorrisPR (845) 635-9828 Kathryn@kmorrispr.com\n"_s
        << QStringList{u"phone 845-635-9828 kind=tel"_s, u"email kathryn@kmorrispr.com "_s};
    QTest::newRow("dashes and url")
        << u"Registrant's telephone number, including area code:\n732-524-0400\nVisit www.investor.jnj.com.\n"_s
        << QStringList{u"phone 732-524-0400 kind=tel"_s, u"url www.investor.jnj.com "_s};
    QTest::newRow("not phones")
        << u"Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12); IRS No. 04-2726691; 1,533,830,450 shares; file 001-12951\n"_s
        << QStringList{};
    QTest::newRow("international")
        << u"Telephone: +44 117 975 3200\n"_s << QStringList{u"phone +44 117 975 3200 kind=tel"_s};
}

void TestStructureRecognizers::contacts()
{
    QFETCH(QString, page);
    QFETCH(QStringList, found);
    QStringList got;
    EntityList entities = run(ContactRecognizer(), page);
    std::sort(entities.begin(), entities.end(), [](const Entity &a, const Entity &b) { return a.span < b.span; });
    for (const Entity &e : std::as_const(entities))
        got.append(e.type + u' ' + e.value + u' ' + attributes(e));
    QCOMPARE(got, found);
}

void TestStructureRecognizers::hostileText()
{
    // Long runs that invite backtracking, stray surrogates and control characters:
    // every recognizer finishes and every span stays on its page.
    QString page;
    page += u"FORM 8-K\n"_s + QString(5000, u'A') + u" Inc.\n"_s;
    for (int i = 0; i < 2000; ++i)
        page += u"Aa Bb Cc Dd Ee Ff, "_s;
    page += u"\n/s/ "_s + QString(3000, u'X') + u'\n';
    page += QString(3000, u'(') + QString(3000, u'1') + u"-\n"_s;
    page += QChar(0xd800);
    page += u"Item 9.01\0\x01\x02 Exhibit 99.1 Press\n"_s;
    page += u"\U0001F600 (617) 995-2500 \U0001F600 info@example.com\n"_s;
    DocumentContent content;
    content.text.pages = {page, QString(), u"\n\n\n"_s};
    const CoverPageRecognizer cover;
    const ItemRecognizer items;
    const ExhibitRecognizer exhibits;
    const PeopleRecognizer people;
    const OrganizationRecognizer organizations;
    const ContactRecognizer contacts;
    for (const Recognizer *r : std::initializer_list<const Recognizer *>{&cover, &items, &exhibits, &people,
                                                                        &organizations, &contacts}) {
        const ExtractionContext context{content, m_rules};
        EntityList out;
        r->run(context, out);
        for (const Entity &e : std::as_const(out)) {
            QVERIFY(e.span.isValid());
            QVERIFY(e.span.end <= content.text.pages.at(e.span.page).size());
            QCOMPARE(e.text, content.text.textAt(e.span));
        }
    }
    // After the emoji the id counts code points, not UTF-16 units; the lone surrogate
    // before it does not hide the rest of the page from the extractor.
    const EntityList phones = Extractor(m_rules).extract(content);
    bool checked = false;
    for (const Entity &e : phones) {
        if (e.type == u"phone"_s && e.value == u"617-995-2500"_s) {
            QCOMPARE(e.id, Entity::makeId(e.type, e.span, page));
            checked = true;
        }
    }
    QVERIFY(checked);
}

QTEST_GUILESS_MAIN(TestStructureRecognizers)
#include "tst_structurerecognizers.moc"
