#pragma once

#include "sourcespan.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>

// Find over the text layer, as the find bar of both document views runs it: every
// occurrence of the words, each after the end of the one before, case folded unless the
// search is case sensitive. Pure functions of the text; no widget involved.
namespace TextFind {

// Where needle starts in text (UTF-16 offsets); nothing for an empty needle.
QList<qsizetype> occurrences(QStringView text, QStringView needle, Qt::CaseSensitivity cs);

// Every hit on every page of the layer, as spans (page = firstPage + index into pages).
QList<SourceSpan> inPages(const QStringList &pages, QStringView needle, Qt::CaseSensitivity cs,
                          int firstPage = 0);

// Every hit in a run of pages kept as one text: page firstPage + i begins at pageOffsets[i]
// (ascending, the first at most where the first hit can be). A hit is given on the page it
// starts on with its whole length, so one that runs over the end of its page (the text
// continues on the next) keeps its end: start + needle length. Hits before the first
// page's offset are left out.
QList<SourceSpan> inText(QStringView text, const QList<int> &pageOffsets, int firstPage, QStringView needle,
                         Qt::CaseSensitivity cs);

} // namespace TextFind
