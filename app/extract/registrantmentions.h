#pragma once

#include "model/entity.h"

#include <QtCore/QStringList>

// The registrant's own name in running text ("AbbVie" 836 times in its 10-K) is not an
// organization row per mention: on each page, the first organization entity that names the
// registrant stays, with attribute `mentions` (how many times the page names it, when more
// than once) and `registrant=true`; the page's other mentions are not rows (Find still lists
// every one). The names are taken from the filing's own registrant entities (the submission
// header's company name, dei:EntityRegistrantName, the cover page), never from a file name:
// the name, the name without its legal suffix and a leading "The" ("AbbVie Inc." → "AbbVie",
// "Merck & Co., Inc." → "Merck"), the initials of a name of several words ("Bristol-Myers
// Squibb" → "BMS", "Johnson & Johnson" → "J&J") and a term the filing defines for it in
// parentheses right after the name ("Abbott Laboratories (Abbott)"). A person row that
// bears the registrant's name ("Spire Missouri") is that organization.
// Plain values only; any thread.
namespace RegistrantMentions {

// The short forms of a registrant's name by which its mentions are recognised, folded
// (TextScan::fold). suffixes: the legal suffixes of the rule packs ("Inc.", "Co." ...).
QStringList nameKeys(const QString &registrant, const QStringList &suffixes);

// Collapses the registrant's mentions in `entities` (document order not required) as
// described above; `pages` is the text of each page (for defined terms). Returns how many
// rows were taken out.
int collapse(EntityList &entities, const QStringList &pages, const QStringList &suffixes);

// A name or date named again on the same page is the same thing to review: of
// organizations, drugs, targets, indications and dates, rows of one page with the same type,
// value and attributes (an indication's linked drug included) are one row, the first, with
// attribute `mentions` (how many there were); `abbreviation` and `expansion` do not part
// rows, the row kept takes them from the mention that has them. Figures (money, percentages), adverse events
// with their grade, people with their roles and trial phases are never merged. Returns how
// many rows were taken out.
int collapseRepeats(EntityList &entities);

} // namespace RegistrantMentions
