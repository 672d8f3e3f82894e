#pragma once

#include "model/codepointindex.h"
#include "model/documentcontent.h"
#include "model/entity.h"
#include "sidecarfile.h"

#include <QtCore/QHash>

#include <utility>
#include <vector>

// The saved decisions of a review file merged into freshly extracted entities: a pure
// function of its inputs. Decisions are matched by id; in a changed filing (another
// sha256) an id is trusted only where its quote's context still holds, then the saved
// anchor, then the quote is re-anchored (QuoteAnchor); a decision that cannot be placed
// becomes an orphan with its saved text. A decision that moved its entity's words keeps
// them. Nothing is dropped.
class DecisionMerge final
{
public:
    struct Result
    {
        EntityList entities; // the extracted ones with the decisions applied, then the added ones
        // id -> the extracted (type, value), following an entity that took a decision's id.
        QHash<QString, std::pair<QString, QString>> original;
        // Status a re-confirmed entity returns to, for entities the decisions created.
        QHash<QString, EntityStatus> confirmAs;
        QHash<QString, SidecarAnchor> orphanAnchors; // written back unchanged
        int reanchored = 0;
        int orphans = 0;
    };

    // codePoints: one index per page of content's text.
    static Result apply(const DocumentContent &content, const std::vector<CodePointIndex> &codePoints,
                        EntityList extracted, QHash<QString, std::pair<QString, QString>> original,
                        const SidecarData &data);
};
