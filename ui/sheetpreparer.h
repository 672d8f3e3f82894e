#pragma once

#include <functional>

class FilingDocument;

// Lays the sheets of a filing's HTML part out off the GUI thread, for
// ReadingSource::prepare: the sheet's document (the loader's, or a new one made from the
// part's cleaned HTML) is handed to a layout thread of its own, laid out at
// ReadingView::pageWidth and handed back, so that opening a long filing never parses or
// lays out a large page on the GUI thread. One layout thread for the program, never
// ended (a layout keeps font engines of the thread that made it).
class SheetPreparer final
{
public:
    using Done = std::function<void(const std::function<void()> &adopt)>;
    // `document` must outlive the returned function's calls; adopt() (run by the view
    // only while it still shows this part) gives the sheet to the document.
    static std::function<void(int sheet, Done done)> forPart(FilingDocument *document, int part);
};
