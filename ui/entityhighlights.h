#pragma once

#include "highlight.h"

#include <QtCore/QSet>

class ReviewStore;

// The highlights the document view shows for a review: every entity with a place in the
// text, in its type's colour (rejected ones grey, and only when showRejected), except those
// of the hidden categories; the tooltip names type, value, confidence and status.
QList<Highlight> entityHighlights(const ReviewStore &store, bool showRejected, const QSet<QString> &hiddenCategories);
