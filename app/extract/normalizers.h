#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QString>

// The normalized values of the contract (ARCHITECTURE.md, entity types): pure
// functions of the source text. An empty result means "not recognized".
namespace Normalize {
// Runs of whitespace (including line breaks and no-break spaces) become one space.
QString spaces(const QString &text);
// "June 4, 2007", "Jun. 4 2007", "4 June 2007", "06/04/2007", "20070604" -> "2007-06-04".
QString date(const QString &text);
// North American numbers -> "617-995-2500" (a leading country code 1 dropped);
// others keep their digits and spacing: "+44 117 9753200".
QString phone(const QString &text);
// "NV", "Nev.", "NEVADA" -> "Nevada"; codes and names come from the rule pack
// (structure.stateCodes: {"NV": "Nevada", ...}). Unknown text is returned tidied.
QString state(const QString &text, const QJsonObject &stateCodes);
// "ITEM 8.01.", "Item 8.1" -> "8.01"; "Item 5" -> "5"; "Item 1A" -> "1A".
QString item(const QString &text);
// "EX-99.1", "Exhibit 99.1", "99.01" -> "99.1"; "EX-104" -> "104".
QString exhibit(const QString &text);
// "FORM 8-K", "8-K/A", "10-K405" -> "8-K", "8-K/A", "10-K405".
QString formType(const QString &text);
// Digits only, zero-padded to 10: "1173313" -> "0001173313".
QString cik(const QString &text);
// "260014658", "26 0014658" -> "26-0014658".
QString irsNumber(const QString &text);
// Commission file numbers keep their groups: "0-17999", "001-40700", "333-12345-01".
QString fileNumber(const QString &text);
// Person names: tidied spaces; ALL CAPS -> Title Case ("THOMAS B. HEACOCK" -> "Thomas B. Heacock").
QString personName(const QString &text);
}
