#include "recognizer.h"

#include "contactrecognizer.h"
#include "coverpagerecognizer.h"
#include "exhibitrecognizer.h"
#include "itemrecognizer.h"
#include "organizationrecognizer.h"
#include "peoplerecognizer.h"
#include "rulepackrecognizer.h"

RecognizerList createStructureRecognizers()
{
    RecognizerList list;
    list.push_back(std::make_unique<CoverPageRecognizer>());
    list.push_back(std::make_unique<ItemRecognizer>());
    list.push_back(std::make_unique<ExhibitRecognizer>());
    list.push_back(std::make_unique<PeopleRecognizer>());
    list.push_back(std::make_unique<OrganizationRecognizer>());
    list.push_back(std::make_unique<ContactRecognizer>());
    list.push_back(std::make_unique<RulePackRecognizer>());
    return list;
}
