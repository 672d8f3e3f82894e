#pragma once

#include "model/documentcontent.h"
#include "model/entity.h"

// The filer's inline-XBRL tags as reviewable entities (type xbrl_fact, see the
// README), the CIK of the hidden dei: header, and the check of the figures read from
// the text against the numeric facts they overlap. Pure functions; any thread.
namespace XbrlFactEntities {
// One entity per fact of content.xbrlFacts, in their order. A hidden fact has no
// span and an id of the form "xbrl_fact@0:N-N" (N its index among the facts).
EntityList facts(const DocumentContent &content);
// Sets attribute xbrl=agrees|differs on every money and percent entity of
// `entities` that overlaps a readable numeric fact (with xbrlValue, the fact's
// value, when it differs). Magnitudes are compared: a printed "(1,234)" agrees
// with a fact of 1234, as filers tag the amount and print the parentheses. An
// amount's own scale word wins over the tag's scale (see candidates()).
void reconcile(EntityList &entities, const DocumentContent &content);
// Adds the facts to `entities`, reconciles, adds a `cik` from the hidden
// dei:EntityCentralIndexKey when none was found, and keeps document order
// (entities without a span last). `facts`: facts(content), made beforehand (the
// extractor makes them while the recognizers run).
void addTo(EntityList &entities, const DocumentContent &content, EntityList facts);
inline void addTo(EntityList &entities, const DocumentContent &content)
{
    addTo(entities, content, facts(content));
}
}
